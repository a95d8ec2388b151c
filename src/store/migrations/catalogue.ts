/**
 * Migration steps of the proactive-disclosure catalogue (目录), its review chain and the guide
 * (指南) settings.
 */
import type { MigrationStep } from '../migrations.js';

// Version numbers and order live in one place: MIGRATIONS in src/store/migrations.ts.

export const CATALOGUE_ITEMS: MigrationStep = {
  name: 'catalogue items, review steps, body settings',
  sql: `
      -- Per body: the guide's contact details, the index-number rule and the review chain.
      CREATE TABLE body_settings (
        body_id text PRIMARY KEY REFERENCES bodies(id),
        guide jsonb NOT NULL DEFAULT '{}',
        index_rule jsonb,
        review_steps jsonb
      );
      -- One information item (条例 第十二条 catalogue entry). Public only when status = 'published'.
      CREATE TABLE catalogue_items (
        id bigserial PRIMARY KEY,
        body_id text NOT NULL REFERENCES bodies(id),
        -- 索引号, given when the item is drafted; unique within the whole catalogue.
        index_no text NOT NULL UNIQUE,
        title text NOT NULL,
        summary text NOT NULL DEFAULT '',
        content text NOT NULL DEFAULT '',
        -- 生成日期 (made or last changed): the 20-working-day publication clock starts here (第二十六条).
        made_on iso_date NOT NULL,
        published_on iso_date,
        publisher text NOT NULL,
        doc_no text,
        topic text,
        doc_type text,
        -- 主动公开 / 依申请公开 / 不予公开 (the last with its ground under 第十四–十六条).
        disclosure text NOT NULL CHECK (disclosure IN ('proactive', 'onRequest', 'withheld')),
        withheld_ground text,
        -- For withheld items: when to look again (第十八条 periodic re-examination).
        review_on iso_date,
        -- 规章 / 行政规范性文件 validity, for table 二.
        rule_kind text CHECK (rule_kind IN ('regulations', 'normativeDocuments')),
        effective_on iso_date,
        repealed_on iso_date,
        channels text[] NOT NULL DEFAULT '{}',
        interpretation_of bigint REFERENCES catalogue_items(id),
        -- draft → in review (current_step) → published, or rejected back to draft.
        status text NOT NULL CHECK (status IN ('draft', 'inReview', 'published', 'rejected', 'withdrawn')),
        current_step int NOT NULL DEFAULT 0,
        -- Character bigrams of title, summary, content, index number and 文号: Chinese search
        -- through a GIN index (no word segmentation needed).
        search_grams text[] NOT NULL DEFAULT '{}',
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX catalogue_items_body_status ON catalogue_items (body_id, status);
      CREATE INDEX catalogue_items_published ON catalogue_items (status, published_on DESC);
      CREATE INDEX catalogue_items_grams ON catalogue_items USING gin (search_grams);
      CREATE INDEX catalogue_items_doc_no ON catalogue_items (doc_no);
      -- Serial numbers of index numbers per body and year.
      CREATE TABLE catalogue_serials (
        body_id text NOT NULL REFERENCES bodies(id),
        year int NOT NULL,
        last int NOT NULL,
        PRIMARY KEY (body_id, year)
      );
      -- Each decision in the review chain: who, when, which step, approve or reject, comment.
      CREATE TABLE catalogue_reviews (
        seq bigserial PRIMARY KEY,
        item_id bigint NOT NULL REFERENCES catalogue_items(id),
        step int NOT NULL,
        step_name text NOT NULL,
        decision text NOT NULL CHECK (decision IN ('submit', 'approve', 'reject')),
        comment text,
        actor text NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX catalogue_reviews_item ON catalogue_reviews (item_id, seq);
      CREATE TABLE catalogue_attachments (
        id bigserial PRIMARY KEY,
        item_id bigint NOT NULL REFERENCES catalogue_items(id),
        file_name text NOT NULL,
        media_type text NOT NULL,
        bytes bytea NOT NULL,
        sha256 text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
  `,
};

export const CATALOGUE_REVIEW_ROUNDS: MigrationStep = {
  name: 'catalogue review rounds, pending changes, approved status, re-examinations',
  sql: `
      -- 'approved': passed the chain but not proactively public (依申请公开 / 不予公开 entries);
      -- the public side, which shows status = 'published' only, never sees them.
      ALTER TABLE catalogue_items DROP CONSTRAINT catalogue_items_status_check;
      ALTER TABLE catalogue_items ADD CONSTRAINT catalogue_items_status_check
        CHECK (status IN ('draft', 'inReview', 'published', 'approved', 'rejected', 'withdrawn'));
      -- Rounds of the chain (each submission starts one) and the chain's steps as they were
      -- when the round began, so changing the settings does not move items already in review.
      ALTER TABLE catalogue_items ADD COLUMN round int NOT NULL DEFAULT 0;
      ALTER TABLE catalogue_items ADD COLUMN chain jsonb;
      ALTER TABLE catalogue_items ADD COLUMN first_published_on iso_date;
      -- A change (变更) of a published or approved item goes through a new round while the row
      -- keeps the version that passed: the proposed fields wait here until the last approval.
      ALTER TABLE catalogue_items ADD COLUMN pending jsonb;
      ALTER TABLE catalogue_items ADD COLUMN pending_status text CHECK (pending_status IN ('draft', 'inReview', 'rejected'));
      ALTER TABLE catalogue_items ADD COLUMN pending_step int NOT NULL DEFAULT 0;
      ALTER TABLE catalogue_reviews ADD COLUMN round int NOT NULL DEFAULT 1;
      ALTER TABLE catalogue_reviews ADD COLUMN is_change boolean NOT NULL DEFAULT false;
      ALTER TABLE catalogue_attachments ADD COLUMN size int;
      ALTER TABLE catalogue_attachments ADD COLUMN created_by text;
      CREATE INDEX catalogue_attachments_item ON catalogue_attachments (item_id);
      -- Files added to a published item during a change: public only once the change passes.
      CREATE TABLE catalogue_pending_attachments (
        id bigserial PRIMARY KEY,
        item_id bigint NOT NULL REFERENCES catalogue_items(id),
        file_name text NOT NULL,
        media_type text NOT NULL,
        bytes bytea NOT NULL,
        sha256 text NOT NULL,
        size int NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX catalogue_pending_attachments_item ON catalogue_pending_attachments (item_id);
      -- Periodic re-examination of withheld items (第十八条): each one, with its conclusion.
      CREATE TABLE catalogue_reexaminations (
        seq bigserial PRIMARY KEY,
        item_id bigint NOT NULL REFERENCES catalogue_items(id),
        examined_on iso_date NOT NULL,
        conclusion text NOT NULL CHECK (conclusion IN ('keep', 'release')),
        comment text,
        next_on iso_date,
        actor text NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX catalogue_reexaminations_item ON catalogue_reexaminations (item_id, seq);
      -- The re-examination period in months (第十八条), per body.
      ALTER TABLE body_settings ADD COLUMN reexamine_months int CHECK (reexamine_months BETWEEN 1 AND 60);
      CREATE INDEX catalogue_items_review_on ON catalogue_items (body_id, review_on) WHERE disclosure = 'withheld';
  `,
};

export const CATALOGUE_LIFECYCLE: MigrationStep = {
  name: 'catalogue validity dates, 撤销 of published items, withdrawal of a round, reviewer policy',
  sql: `
      -- 有效期至 and 修改日期 of 规章 / 行政规范性文件: with 施行日期 and 废止日期 they give the
      -- validity (尚未施行 / 现行有效 / 已修改 / 已废止 / 已失效) on any day.
      ALTER TABLE catalogue_items ADD COLUMN expires_on iso_date;
      ALTER TABLE catalogue_items ADD COLUMN amended_on iso_date;
      -- 撤销 of a published item (status 'withdrawn'): the public page says when and why.
      ALTER TABLE catalogue_items ADD COLUMN revoked_on iso_date;
      ALTER TABLE catalogue_items ADD COLUMN revoke_reason text;
      ALTER TABLE catalogue_items ADD COLUMN revoked_by text;
      -- The drafter's withdrawal of a round in review is a decision of the chain's record.
      ALTER TABLE catalogue_reviews DROP CONSTRAINT catalogue_reviews_decision_check;
      ALTER TABLE catalogue_reviews ADD CONSTRAINT catalogue_reviews_decision_check CHECK (decision IN ('submit', 'approve', 'reject', 'withdraw'));
      -- Who may take several review steps of one round: 'shared' (default) or 'distinct'.
      ALTER TABLE body_settings ADD COLUMN reviewer_policy text CHECK (reviewer_policy IN ('shared', 'distinct'));
  `,
};
