/**
 * The catalogue's back office in the database, as rows: items with their index numbers and review
 * bookkeeping, review decisions, attachments (of the published version and of a change), re-
 * examinations, settings, and the names of bodies and people the views show. Every write takes
 * the transaction it runs in (`tx`); the use cases (src/app/catalogue) decide under the row lock
 * with the pure core (src/catalogue) and audit in the same transaction. A state change is written
 * with a WHERE on the state it was decided from and says whether it landed (false: someone acted
 * first), so a decision taken from a stale state changes nothing.
 */
import {
  CatalogueError,
  queryGrams,
  settingsOf,
  type CatalogueSettings,
  type ChainDecision,
  type DerivedColumns,
  type ItemFields,
  type ItemRecord,
  type ItemStatus,
  type KeptSettings,
  type PendingChange,
  type ReviewStep,
  type SettingsChange,
} from '../catalogue/index.js';
import type { BodyLevel } from '../register/bodies.js';
import type { Db } from './db.js';

export interface ReviewRecord {
  seq: number;
  round: number;
  change: boolean;
  step: number;
  stepName: string;
  decision: 'submit' | 'approve' | 'reject' | 'withdraw';
  comment: string | null;
  actor: string;
  at: string;
}

/** A submission or approval, for the rule of who may take which step. */
export interface ActRecord {
  step: number;
  stepName: string;
  actor: string;
  round: number;
  change: boolean;
}

export interface AttachmentRecord {
  id: number;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  /** Added during a change: public only once the change passes. */
  pending: boolean;
  createdAt: string;
}

export interface ReexaminationRecord {
  examinedOn: string;
  conclusion: 'keep' | 'release';
  comment: string | null;
  nextOn: string | null;
  actor: string;
}

export interface ItemFilter {
  /** draft | inReview | rejected also match a change in that state; settled = published or approved. */
  status?: ItemStatus | 'settled' | undefined;
  topic?: string | undefined;
  docType?: string | undefined;
  disclosure?: string | undefined;
  q?: string | undefined;
  limit?: number | undefined;
}

interface ItemRow {
  id: string | number;
  body_id: string;
  index_no: string;
  title: string;
  summary: string;
  content: string;
  made_on: string;
  published_on: string | null;
  first_published_on: string | null;
  publisher: string;
  doc_no: string | null;
  topic: string | null;
  doc_type: string | null;
  disclosure: ItemFields['disclosure'];
  withheld_ground: ItemFields['withheldGround'];
  review_on: string | null;
  rule_kind: ItemRecord['ruleKind'];
  effective_on: string | null;
  expires_on: string | null;
  amended_on: string | null;
  repealed_on: string | null;
  channels: string[] | null;
  interpretation_of: string | number | null;
  status: ItemStatus;
  revoked_on: string | null;
  revoke_reason: string | null;
  revoked_by: string | null;
  current_step: number;
  round: number;
  chain: ReviewStep[] | null;
  /** Changes kept before 有效期至 and 修改日期 existed lack them. */
  pending: { fields: Omit<ItemFields, 'expiresOn' | 'amendedOn'> & Partial<Pick<ItemFields, 'expiresOn' | 'amendedOn'>>; removedAttachments?: number[] } | null;
  pending_status: PendingChange['status'] | null;
  pending_step: number;
  created_by: string;
  created_at: Date | string;
  updated_at: Date | string;
  version: number;
}

const ITEM_COLUMNS = `id, body_id, index_no, title, summary, content, made_on, published_on, first_published_on, publisher, doc_no, topic,
  doc_type, disclosure, withheld_ground, review_on, rule_kind, effective_on, expires_on, amended_on, repealed_on, channels, interpretation_of, status,
  revoked_on, revoke_reason, revoked_by, current_step, round, chain, pending, pending_status, pending_step, created_by, created_at, updated_at, version`;
/** The list's columns: the long text stays out. */
const LIST_COLUMNS = ITEM_COLUMNS.replace('content,', "'' AS content,");

const LIST_LIMIT = 2000;

const iso = (t: Date | string) => new Date(t).toISOString();

function fieldsOf(r: ItemRow): ItemFields {
  return {
    title: r.title,
    summary: r.summary,
    content: r.content,
    madeOn: r.made_on,
    publisher: r.publisher,
    docNo: r.doc_no,
    topic: r.topic ?? '',
    docType: r.doc_type ?? '',
    disclosure: r.disclosure,
    withheldGround: r.withheld_ground,
    effectiveOn: r.effective_on,
    expiresOn: r.expires_on,
    amendedOn: r.amended_on,
    repealedOn: r.repealed_on,
    channels: r.channels ?? [],
    interpretationOf: r.interpretation_of === null ? null : Number(r.interpretation_of),
  };
}

function itemOf(r: ItemRow, defaultSteps: ReviewStep[]): ItemRecord {
  return {
    ...fieldsOf(r),
    id: Number(r.id),
    bodyId: r.body_id,
    indexNo: r.index_no,
    status: r.status,
    ruleKind: r.rule_kind,
    publishedOn: r.published_on,
    firstPublishedOn: r.first_published_on,
    reviewOn: r.review_on,
    round: r.round,
    currentStep: r.current_step,
    chain: r.chain ?? defaultSteps,
    pending:
      r.pending && r.pending_status
        ? { fields: { ...r.pending.fields, expiresOn: r.pending.fields.expiresOn ?? null, amendedOn: r.pending.fields.amendedOn ?? null }, removedAttachments: r.pending.removedAttachments ?? [], status: r.pending_status, step: r.pending_step }
        : null,
    revoked: r.revoked_on ? { on: r.revoked_on, reason: r.revoke_reason ?? '', by: r.revoked_by ?? '' } : null,
    createdBy: r.created_by,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    version: Number(r.version),
  };
}

/** Database refusals a user can act on, in Chinese; anything else propagates. */
export async function catalogueRefusals<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const e = error as { code?: string; constraint?: string };
    if (e.code === '23505') throw new CatalogueError('索引号与已有信息重复：请检查索引号规则中的机构代码是否与其他机关相同', 'conflict');
    if (e.code === '23503') throw new CatalogueError('引用的机关或信息不存在');
    if (e.code === '23514') throw new CatalogueError('数据不符合要求');
    throw error;
  }
}

/** The fields' and derived columns' values, $2 … $20 of an UPDATE after the id. */
const fieldValues = (f: ItemFields, d: DerivedColumns) => [
  f.title, f.summary, f.content, f.madeOn, f.publisher, f.docNo, f.topic, f.docType, f.disclosure,
  f.withheldGround, d.reviewOn, d.ruleKind, f.effectiveOn, f.repealedOn, f.channels, f.interpretationOf, d.grams, f.expiresOn, f.amendedOn,
];
const SET_FIELDS = `title = $2, summary = $3, content = $4, made_on = $5, publisher = $6, doc_no = $7, topic = $8, doc_type = $9,
  disclosure = $10, withheld_ground = $11, review_on = $12, rule_kind = $13, effective_on = $14, repealed_on = $15, channels = $16,
  interpretation_of = $17, search_grams = $18, expires_on = $19, amended_on = $20`;
/** The placeholder after the fields' values. */
const AFTER_FIELDS = 21;

const filesTable = (pending: boolean) => (pending ? 'catalogue_pending_attachments' : 'catalogue_attachments');

export class CatalogueStore {
  constructor(readonly db: Db) {}

  // ---------------------------------------------------------------------------------------------
  // Bodies and people, as the views name them

  /** A body that works in gongkai (an observed one has no catalogue and no guide), or null. */
  async body(bodyId: string): Promise<{ id: string; name: string; level: BodyLevel } | null> {
    return (await this.db.query<{ id: string; name: string; level: BodyLevel }>('SELECT id, name, level FROM bodies WHERE id = $1 AND works_here', [bodyId]))[0] ?? null;
  }

  /** Body id → name, for those that exist. */
  async bodyNames(bodyIds: readonly string[]): Promise<Map<string, string>> {
    const rows = await this.db.query<{ id: string; name: string }>('SELECT id, name FROM bodies WHERE id = ANY($1)', [bodyIds]);
    return new Map(rows.map((b) => [b.id, b.name]));
  }

  /** Username → display name, for those that exist. */
  async displayNames(usernames: readonly string[]): Promise<Map<string, string>> {
    if (!usernames.length) return new Map();
    const rows = await this.db.query<{ username: string; display_name: string }>('SELECT username, display_name FROM users WHERE username = ANY($1)', [usernames]);
    return new Map(rows.map((r) => [r.username, r.display_name]));
  }

  // ---------------------------------------------------------------------------------------------
  // Settings

  async settings(bodyId: string, db: Db = this.db): Promise<CatalogueSettings> {
    const row = (await db.query<{ index_rule: KeptSettings['indexRule']; review_steps: KeptSettings['reviewSteps']; reviewer_policy: KeptSettings['reviewerPolicy']; reexamine_months: number | null }>(
      'SELECT index_rule, review_steps, reviewer_policy, reexamine_months FROM body_settings WHERE body_id = $1',
      [bodyId],
    ))[0];
    return settingsOf(row && { indexRule: row.index_rule, reviewSteps: row.review_steps, reviewerPolicy: row.reviewer_policy, reexamineMonths: row.reexamine_months });
  }

  /** The settings' version: 0 until first saved, then one more each save. */
  async settingsVersion(bodyId: string, db: Db = this.db): Promise<number> {
    return Number((await db.query<{ v: number }>('SELECT settings_version AS v FROM body_settings WHERE body_id = $1', [bodyId]))[0]?.v ?? 0);
  }

  /**
   * The settings' version, their row locked for a save in this transaction. The row is made first
   * if missing (a concurrent first save waits on its key), so saves of one body's settings queue.
   */
  async lockSettings(tx: Db, bodyId: string): Promise<number> {
    await tx.query('INSERT INTO body_settings (body_id) VALUES ($1) ON CONFLICT (body_id) DO NOTHING', [bodyId]);
    return Number((await tx.query<{ v: number }>('SELECT settings_version AS v FROM body_settings WHERE body_id = $1 FOR UPDATE', [bodyId]))[0]!.v);
  }

  /** Keep the settings given (null: back to the default; absent: unchanged), one version more. */
  async saveSettings(tx: Db, bodyId: string, change: SettingsChange): Promise<void> {
    await tx.query('INSERT INTO body_settings (body_id) VALUES ($1) ON CONFLICT (body_id) DO NOTHING', [bodyId]);
    await tx.query('UPDATE body_settings SET settings_version = settings_version + 1 WHERE body_id = $1', [bodyId]);
    if (change.indexRule !== undefined) await tx.query('UPDATE body_settings SET index_rule = $2 WHERE body_id = $1', [bodyId, change.indexRule ? JSON.stringify(change.indexRule) : null]);
    if (change.reviewSteps !== undefined) await tx.query('UPDATE body_settings SET review_steps = $2 WHERE body_id = $1', [bodyId, change.reviewSteps ? JSON.stringify(change.reviewSteps) : null]);
    if (change.reexamineMonths !== undefined) await tx.query('UPDATE body_settings SET reexamine_months = $2 WHERE body_id = $1', [bodyId, change.reexamineMonths]);
    if (change.reviewerPolicy !== undefined) await tx.query('UPDATE body_settings SET reviewer_policy = $2 WHERE body_id = $1', [bodyId, change.reviewerPolicy]);
  }

  /** How many enabled accounts of this role the body has (the settings page warns when a chain needs more). */
  async staffCount(bodyId: string, role: string): Promise<number> {
    const rows = await this.db.query<{ n: number | string }>('SELECT count(*)::int AS n FROM users u JOIN user_bodies ub ON ub.user_id = u.id WHERE u.role = $1 AND ub.body_id = $2 AND NOT u.disabled',
      [role, bodyId],);
    return Number(rows[0]?.n ?? 0);
  }

  // ---------------------------------------------------------------------------------------------
  // Items

  /** The item, locked for the transaction with `lock`. */
  async item(id: number, db: Db = this.db, lock = false): Promise<ItemRecord | null> {
    const row = (await db.query<ItemRow>(`SELECT ${ITEM_COLUMNS} FROM catalogue_items WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]))[0];
    if (!row) return null;
    const steps = row.chain ? [] : (await this.settings(row.body_id, db)).reviewSteps;
    return itemOf(row, steps);
  }

  /** The body of an item, or null when there is no such item. */
  async bodyOfItem(id: number, db: Db = this.db): Promise<string | null> {
    return (await db.query<{ body_id: string }>('SELECT body_id FROM catalogue_items WHERE id = $1', [id]))[0]?.body_id ?? null;
  }

  /**
   * The next serial of the body's year: UPSERT … RETURNING locks the body's row of the year, so
   * parallel drafts get distinct, gapless serials and a refused draft (rolled back) consumes none.
   */
  async nextSerial(tx: Db, bodyId: string, year: number): Promise<number> {
    return (await tx.query<{ last: number }>(
      `INSERT INTO catalogue_serials (body_id, year, last) VALUES ($1, $2, 1)
       ON CONFLICT (body_id, year) DO UPDATE SET last = catalogue_serials.last + 1 RETURNING last`,
      [bodyId, year],
    ))[0]!.last;
  }

  /** A new draft; its id. */
  async insertDraft(tx: Db, bodyId: string, indexNo: string, f: ItemFields, d: DerivedColumns, actor: string): Promise<number> {
    const row = (await tx.query<{ id: string | number }>(
      `INSERT INTO catalogue_items (body_id, index_no, title, summary, content, made_on, publisher, doc_no, topic, doc_type, disclosure,
         withheld_ground, review_on, rule_kind, effective_on, repealed_on, channels, interpretation_of, status, search_grams, created_by, expires_on, amended_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, 'draft', $19, $20, $21, $22) RETURNING id`,
      [bodyId, indexNo, f.title, f.summary, f.content, f.madeOn, f.publisher, f.docNo, f.topic, f.docType, f.disclosure,
        f.withheldGround, d.reviewOn, d.ruleKind, f.effectiveOn, f.repealedOn, f.channels, f.interpretationOf, d.grams, actor, f.expiresOn, f.amendedOn],
    ))[0]!;
    return Number(row.id);
  }

  /** Edit a draft or rejected item in place; false when it is neither any more. */
  async updateDraft(tx: Db, id: number, f: ItemFields, d: DerivedColumns): Promise<boolean> {
    const done = await tx.query(`UPDATE catalogue_items SET ${SET_FIELDS}, updated_at = now() WHERE id = $1 AND status IN ('draft', 'rejected') RETURNING id`, [id, ...fieldValues(f, d)]);
    return done.length > 0;
  }

  /** Keep a settled item's change (at step 0); false when the item is not settled or its change is in review. */
  async savePending(tx: Db, id: number, pending: Pick<PendingChange, 'fields' | 'removedAttachments'>, status: PendingChange['status']): Promise<boolean> {
    const done = await tx.query(
      `UPDATE catalogue_items SET pending = $2, pending_status = $3, pending_step = 0, updated_at = now()
       WHERE id = $1 AND status IN ('published', 'approved') AND (pending_status IS NULL OR pending_status IN ('draft', 'rejected')) RETURNING id`,
      [id, JSON.stringify(pending), status],
    );
    return done.length > 0;
  }

  /** Drop a change not in review, with its new files. */
  async dropPending(tx: Db, id: number): Promise<void> {
    await tx.query("UPDATE catalogue_items SET pending = NULL, pending_status = NULL, pending_step = 0, updated_at = now() WHERE id = $1 AND pending_status IN ('draft', 'rejected')", [id]);
    await tx.query('DELETE FROM catalogue_pending_attachments WHERE item_id = $1', [id]);
  }

  /** The files of the published version the change drops. */
  async setRemovedAttachments(tx: Db, id: number, removed: readonly number[]): Promise<void> {
    await tx.query("UPDATE catalogue_items SET pending = jsonb_set(pending, '{removedAttachments}', $2::jsonb), updated_at = now() WHERE id = $1", [id, JSON.stringify(removed)]);
  }

  // ---------------------------------------------------------------------------------------------
  // The review chain

  /**
   * Move the item's chain (its change's with `change`) from one state to another; `chain` fixes
   * the steps of a new round. False when the row is no longer in the `from` state.
   */
  async moveChain(
    tx: Db,
    id: number,
    change: boolean,
    from: { statuses: readonly string[]; step: number; round: number },
    to: { phase: 'draft' | 'inReview' | 'rejected'; step: number; round: number },
    chain: readonly ReviewStep[] | null,
  ): Promise<boolean> {
    const steps = chain ? JSON.stringify(chain) : null;
    const rows = change
      ? await tx.query(
          `UPDATE catalogue_items SET pending_status = $2, pending_step = $3, round = $4, chain = coalesce($5::jsonb, chain), updated_at = now()
           WHERE id = $1 AND pending_status = ANY($6) AND pending_step = $7 AND round = $8 RETURNING id`,
          [id, to.phase, to.step, to.round, steps, from.statuses, from.step, from.round],
        )
      : await tx.query(
          `UPDATE catalogue_items SET status = $2, current_step = $3, round = $4, chain = coalesce($5::jsonb, chain), updated_at = now()
           WHERE id = $1 AND status = ANY($6) AND current_step = $7 AND round = $8 RETURNING id`,
          [id, to.phase, to.step, to.round, steps, from.statuses, from.step, from.round],
        );
    return rows.length > 0;
  }

  /** The last approval of a new item: its status and 发布日期; false when it is no longer at that step. */
  async complete(tx: Db, id: number, status: ItemStatus, publishedOn: string | null, lastStep: number, round: number): Promise<boolean> {
    const rows = await tx.query(
      `UPDATE catalogue_items SET status = $2, current_step = 0, published_on = $3::iso_date, first_published_on = coalesce(first_published_on, $3::iso_date), updated_at = now()
       WHERE id = $1 AND status = 'inReview' AND current_step = $4 AND round = $5 RETURNING id`,
      [id, status, publishedOn, lastStep, round],
    );
    return rows.length > 0;
  }

  /** The last approval of a change: its fields replace the published ones; false when it is no longer at that step. */
  async completeChange(tx: Db, id: number, f: ItemFields, d: DerivedColumns, status: ItemStatus, publishedOn: string | null, lastStep: number, round: number): Promise<boolean> {
    const rows = await tx.query(
      `UPDATE catalogue_items SET ${SET_FIELDS}, status = $${AFTER_FIELDS}, published_on = $${AFTER_FIELDS + 1}::iso_date,
         first_published_on = coalesce(first_published_on, $${AFTER_FIELDS + 1}::iso_date), pending = NULL, pending_status = NULL, pending_step = 0, updated_at = now()
       WHERE id = $1 AND pending_status = 'inReview' AND pending_step = $${AFTER_FIELDS + 2} AND round = $${AFTER_FIELDS + 3} RETURNING id`,
      [id, ...fieldValues(f, d), status, publishedOn, lastStep, round],
    );
    return rows.length > 0;
  }

  /**
   * Put an item in review (its change with `change`) on a changed chain at `step`; false when it
   * is no longer in review in this round.
   */
  async rechain(tx: Db, id: number, change: boolean, round: number, steps: readonly ReviewStep[], step: number): Promise<boolean> {
    const rows = change
      ? await tx.query(
          "UPDATE catalogue_items SET chain = $2, pending_step = $3, updated_at = now() WHERE id = $1 AND pending_status = 'inReview' AND round = $4 RETURNING id",
          [id, JSON.stringify(steps), step, round],
        )
      : await tx.query("UPDATE catalogue_items SET chain = $2, current_step = $3, updated_at = now() WHERE id = $1 AND status = 'inReview' AND round = $4 RETURNING id", [
          id, JSON.stringify(steps), step, round,
        ]);
    return rows.length > 0;
  }

  /** 撤销 of a published item: out of the public catalogue, with when, why and by whom; its change (if any) dropped. */
  async revoke(tx: Db, id: number, on: string, reason: string, actor: string): Promise<boolean> {
    const rows = await tx.query(
      `UPDATE catalogue_items SET status = 'withdrawn', revoked_on = $2, revoke_reason = $3, revoked_by = $4,
         pending = NULL, pending_status = NULL, pending_step = 0, updated_at = now()
       WHERE id = $1 AND status = 'published' RETURNING id`,
      [id, on, reason, actor],
    );
    if (rows.length) await tx.query('DELETE FROM catalogue_pending_attachments WHERE item_id = $1', [id]);
    return rows.length > 0;
  }

  /** Delete a draft that was never published, with its files and chain record; false when it is no longer such a draft. */
  async deleteDraft(tx: Db, id: number): Promise<boolean> {
    const still = await tx.query("SELECT 1 FROM catalogue_items WHERE id = $1 AND status IN ('draft', 'rejected') AND first_published_on IS NULL", [id]);
    if (!still.length) return false;
    for (const table of ['catalogue_attachments', 'catalogue_pending_attachments', 'catalogue_reviews', 'catalogue_reexaminations']) {
      await tx.query(`DELETE FROM ${table} WHERE item_id = $1`, [id]);
    }
    return (await tx.query('DELETE FROM catalogue_items WHERE id = $1 RETURNING id', [id])).length > 0;
  }

  /** How many other items name this one as the item they interpret. */
  async interpretationsOf(tx: Db, id: number): Promise<number> {
    return Number((await tx.query<{ n: number | string }>('SELECT count(*)::int AS n FROM catalogue_items WHERE interpretation_of = $1', [id]))[0]?.n ?? 0);
  }

  /** A passed change's files: the dropped ones go, the new ones join the published version. */
  async applyAttachmentChanges(tx: Db, id: number, removed: readonly number[]): Promise<void> {
    if (removed.length) await tx.query('DELETE FROM catalogue_attachments WHERE item_id = $1 AND id = ANY($2)', [id, removed]);
    await tx.query(
      `INSERT INTO catalogue_attachments (item_id, file_name, media_type, bytes, sha256, size, created_by, created_at)
       SELECT item_id, file_name, media_type, bytes, sha256, size, created_by, created_at FROM catalogue_pending_attachments WHERE item_id = $1 ORDER BY id`,
      [id],
    );
    await tx.query('DELETE FROM catalogue_pending_attachments WHERE item_id = $1', [id]);
  }

  async addReview(tx: Db, id: number, d: ChainDecision, actor: string, change: boolean): Promise<void> {
    await tx.query('INSERT INTO catalogue_reviews (item_id, step, step_name, decision, comment, actor, round, is_change) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
      id, d.step, d.stepName, d.decision, d.comment, actor, d.round, change,
    ]);
  }

  async reviews(id: number): Promise<ReviewRecord[]> {
    const rows = await this.db.query<{ seq: string | number; round: number; is_change: boolean; step: number; step_name: string; decision: ReviewRecord['decision']; comment: string | null; actor: string; at: Date | string }>(
      'SELECT seq, round, is_change, step, step_name, decision, comment, actor, at FROM catalogue_reviews WHERE item_id = $1 ORDER BY seq',
      [id],
    );
    return rows.map((r) => ({ seq: Number(r.seq), round: r.round, change: r.is_change, step: r.step, stepName: r.step_name, decision: r.decision, comment: r.comment, actor: r.actor, at: iso(r.at) }));
  }

  /** Who submitted or approved at which step in one round of an item (its change's rounds with `change`). */
  async acts(id: number, round: number, change: boolean, db: Db = this.db): Promise<{ step: number; stepName: string; actor: string }[]> {
    const rows = await db.query<{ step: number; step_name: string; actor: string }>(
      "SELECT step, step_name, actor FROM catalogue_reviews WHERE item_id = $1 AND round = $2 AND is_change = $3 AND decision IN ('submit', 'approve') ORDER BY seq",
      [id, round, change],
    );
    return rows.map((r) => ({ step: r.step, stepName: r.step_name, actor: r.actor }));
  }

  /** Every submission and approval of many items at once (the review queue), by item. */
  async actsOfMany(ids: readonly number[]): Promise<Map<number, ActRecord[]>> {
    const result = new Map<number, ActRecord[]>(ids.map((id) => [id, []]));
    if (!ids.length) return result;
    const rows = await this.db.query<{ item_id: string | number; step: number; step_name: string; actor: string; round: number; is_change: boolean }>(
      "SELECT item_id, step, step_name, actor, round, is_change FROM catalogue_reviews WHERE item_id = ANY($1) AND decision IN ('submit', 'approve') ORDER BY seq",
      [ids],
    );
    for (const r of rows) result.get(Number(r.item_id))?.push({ step: r.step, stepName: r.step_name, actor: r.actor, round: r.round, change: r.is_change });
    return result;
  }

  // ---------------------------------------------------------------------------------------------
  // Lists

  async list(bodyId: string, filter: ItemFilter = {}): Promise<ItemRecord[]> {
    const params: unknown[] = [bodyId];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const where = ['body_id = $1'];
    const s = filter.status;
    if (s === 'settled') where.push("status IN ('published', 'approved')");
    else if (s === 'draft' || s === 'inReview' || s === 'rejected') where.push(`(status = ${p(s)} OR pending_status = ${p(s)})`);
    else if (s) where.push(`status = ${p(s)}`);
    if (filter.topic) where.push(`topic = ${p(filter.topic)}`);
    if (filter.docType) where.push(`doc_type = ${p(filter.docType)}`);
    if (filter.disclosure) where.push(`disclosure = ${p(filter.disclosure)}`);
    const grams = filter.q ? queryGrams(filter.q) : [];
    if (grams.length) where.push(`search_grams @> ${p(grams)}::text[]`);
    const rows = await this.db.query<ItemRow>(`SELECT ${LIST_COLUMNS} FROM catalogue_items WHERE ${where.join(' AND ')} ORDER BY updated_at DESC, id DESC LIMIT ${p(filter.limit ?? LIST_LIMIT)}`, params);
    const steps = (await this.settings(bodyId)).reviewSteps;
    return rows.map((r) => itemOf(r, steps));
  }

  /** Items of these bodies in a review round (their own or a change's). */
  async inReview(bodyIds: readonly string[], db: Db = this.db): Promise<ItemRecord[]> {
    if (!bodyIds.length) return [];
    const rows = await db.query<ItemRow>(
      `SELECT ${LIST_COLUMNS} FROM catalogue_items WHERE body_id = ANY($1) AND (status = 'inReview' OR pending_status = 'inReview') ORDER BY updated_at, id`,
      [bodyIds],
    );
    return rows.map((r) => itemOf(r, []));
  }

  /** Proactive information not yet public (new, or a change): what the publication clock runs on. */
  async awaitingPublication(bodyId: string): Promise<ItemRecord[]> {
    const rows = await this.db.query<ItemRow>(
      `SELECT ${LIST_COLUMNS} FROM catalogue_items WHERE body_id = $1
         AND ((status IN ('draft', 'inReview', 'rejected') AND disclosure = 'proactive')
           OR (pending_status IS NOT NULL AND pending->'fields'->>'disclosure' = 'proactive'))
       ORDER BY made_on, id`,
      [bodyId],
    );
    const steps = (await this.settings(bodyId)).reviewSteps;
    return rows.map((r) => itemOf(r, steps));
  }

  /** Withheld items that passed the chain, by re-examination date. */
  async withheld(bodyId: string): Promise<ItemRecord[]> {
    const rows = await this.db.query<ItemRow>(
      `SELECT ${LIST_COLUMNS} FROM catalogue_items WHERE body_id = $1 AND disclosure = 'withheld' AND status = 'approved' ORDER BY review_on, id`,
      [bodyId],
    );
    return rows.map((r) => itemOf(r, []));
  }

  /** Every item of the body with the columns the annual figures need. */
  async figureItems(bodyId: string): Promise<ItemRecord[]> {
    return this.list(bodyId, { status: 'published', limit: 1_000_000 });
  }

  // ---------------------------------------------------------------------------------------------
  // Re-examination (第十八条)

  async setReviewOn(tx: Db, id: number, reviewOn: string): Promise<void> {
    await tx.query('UPDATE catalogue_items SET review_on = $2, updated_at = now() WHERE id = $1', [id, reviewOn]);
  }

  async addReexamination(tx: Db, id: number, r: Omit<ReexaminationRecord, 'comment'> & { comment: string }): Promise<void> {
    await tx.query('INSERT INTO catalogue_reexaminations (item_id, examined_on, conclusion, comment, next_on, actor) VALUES ($1, $2, $3, $4, $5, $6)', [
      id, r.examinedOn, r.conclusion, r.comment, r.nextOn, r.actor,
    ]);
  }

  async reexaminations(id: number): Promise<ReexaminationRecord[]> {
    const rows = await this.db.query<{ examined_on: string; conclusion: 'keep' | 'release'; comment: string | null; next_on: string | null; actor: string }>(
      'SELECT examined_on, conclusion, comment, next_on, actor FROM catalogue_reexaminations WHERE item_id = $1 ORDER BY seq',
      [id],
    );
    return rows.map((r) => ({ examinedOn: r.examined_on, conclusion: r.conclusion, comment: r.comment, nextOn: r.next_on, actor: r.actor }));
  }

  // ---------------------------------------------------------------------------------------------
  // Attachments (of the published version, and `pending`: of a change)

  /** The item's files, the published version's first, then the change's. */
  async attachments(id: number): Promise<AttachmentRecord[]> {
    type Row = { id: string | number; file_name: string; media_type: string; size: number | null; sha256: string; created_at: Date | string; len: number | string };
    const cols = 'id, file_name, media_type, size, sha256, created_at, octet_length(bytes) AS len';
    const current = await this.db.query<Row>(`SELECT ${cols} FROM catalogue_attachments WHERE item_id = $1 ORDER BY id`, [id]);
    const pending = await this.db.query<Row>(`SELECT ${cols} FROM catalogue_pending_attachments WHERE item_id = $1 ORDER BY id`, [id]);
    const view = (r: Row, isPending: boolean): AttachmentRecord => ({
      id: Number(r.id),
      fileName: r.file_name,
      mediaType: r.media_type,
      size: Number(r.size ?? r.len),
      sha256: r.sha256,
      pending: isPending,
      createdAt: iso(r.created_at),
    });
    return [...current.map((r) => view(r, false)), ...pending.map((r) => view(r, true))];
  }

  async countAttachments(tx: Db, id: number, pending: boolean): Promise<number> {
    return Number((await tx.query<{ n: string | number }>(`SELECT count(*) AS n FROM ${filesTable(pending)} WHERE item_id = $1`, [id]))[0]!.n);
  }

  /** Keep a file; its id. */
  async insertAttachment(tx: Db, id: number, pending: boolean, file: { fileName: string; mediaType: string; bytes: Uint8Array; sha256: string }, actor: string): Promise<number> {
    const row = (await tx.query<{ id: string | number }>(
      `INSERT INTO ${filesTable(pending)} (item_id, file_name, media_type, bytes, sha256, size, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [id, file.fileName, file.mediaType, file.bytes, file.sha256, file.bytes.length, actor],
    ))[0]!;
    return Number(row.id);
  }

  /** Delete a file; false when the item has no such file. */
  async deleteAttachment(tx: Db, id: number, attachmentId: number, pending: boolean): Promise<boolean> {
    return (await tx.query(`DELETE FROM ${filesTable(pending)} WHERE item_id = $1 AND id = $2 RETURNING id`, [id, attachmentId])).length > 0;
  }

  async hasAttachment(tx: Db, id: number, attachmentId: number): Promise<boolean> {
    return (await tx.query('SELECT 1 FROM catalogue_attachments WHERE item_id = $1 AND id = $2', [id, attachmentId])).length > 0;
  }

  async attachmentBytes(id: number, attachmentId: number, pending: boolean): Promise<{ fileName: string; mediaType: string; bytes: Uint8Array } | null> {
    const row = (await this.db.query<{ file_name: string; media_type: string; bytes: Uint8Array }>(`SELECT file_name, media_type, bytes FROM ${filesTable(pending)} WHERE item_id = $1 AND id = $2`, [id, attachmentId]))[0];
    return row ? { fileName: row.file_name, mediaType: row.media_type, bytes: new Uint8Array(row.bytes) } : null;
  }
}
