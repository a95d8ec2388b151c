/** Migration steps of the public catalogue side: opinion box (意见箱) and search extras. */
import type { MigrationStep } from '../migrations.js';

// Version numbers and order live in one place: MIGRATIONS in src/store/migrations.ts.

export const OPINION_BOX: MigrationStep = {
  name: 'opinion box (意见箱)',
  sql: `
      -- One opinion, complaint or report about a body's disclosure work. Only a hash of the
      -- writer's query code is kept; name and contact are optional personal data.
      CREATE TABLE opinions (
        ref_no text PRIMARY KEY,
        body_id text NOT NULL REFERENCES bodies(id),
        kind text NOT NULL CHECK (kind IN ('suggestion', 'complaint', 'report')),
        subject text NOT NULL,
        text text NOT NULL,
        name text,
        contact text,
        code_hash text NOT NULL,
        received_on iso_date NOT NULL,
        answer text,
        answered_on iso_date,
        answered_by text,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX opinions_body_received ON opinions (body_id, received_on);
      -- Lookups accept the number in any letter case.
      CREATE UNIQUE INDEX opinions_ref_lower ON opinions (lower(ref_no));
      -- The last opinion number per body and year, taken inside the adding transaction.
      CREATE TABLE opinion_serials (
        body_id text NOT NULL REFERENCES bodies(id),
        year int NOT NULL,
        last int NOT NULL,
        PRIMARY KEY (body_id, year)
      );
  `,
};

export const CATALOGUE_PUBLIC_SEARCH: MigrationStep = {
  name: 'public catalogue search: normalised text for the exact check, published-only indexes',
  sql: `
      -- The database's copy of src/catalogue/search.ts normalizeForSearch (NFKC, lower case,
      -- letters and digits only). [:alnum:] follows the database's ctype; the CJK ranges keep
      -- Chinese even under a plain "C" ctype, where [:alnum:] is ASCII only.
      CREATE FUNCTION catalogue_norm(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT lower(regexp_replace(normalize(coalesce(t, ''), NFKC), '[^[:alnum:]\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff]', '', 'g'))
      $$;
      -- The fields of search_grams, each normalised, joined by a character normalisation removes:
      -- a substring test on it is the exact phrase check behind the bigram index (no phrase spans
      -- two fields, as no gram does). Generated, so the back office's writes keep it current.
      ALTER TABLE catalogue_items ADD COLUMN search_text text GENERATED ALWAYS AS (
        catalogue_norm(title) || '|' || catalogue_norm(summary) || '|' || catalogue_norm(content) || '|' ||
        catalogue_norm(index_no) || '|' || catalogue_norm(doc_no)
      ) STORED;
      -- The public sees published items only, newest first: partial indexes in that order,
      -- per body and per document type (the annual-report column), and the 文号 as normalised.
      CREATE INDEX catalogue_public_order ON catalogue_items (published_on DESC, id DESC) WHERE status = 'published';
      CREATE INDEX catalogue_public_body ON catalogue_items (body_id, published_on DESC, id DESC) WHERE status = 'published';
      CREATE INDEX catalogue_public_type ON catalogue_items (doc_type, published_on DESC, id DESC) WHERE status = 'published';
      CREATE INDEX catalogue_public_topic ON catalogue_items (topic, published_on DESC, id DESC) WHERE status = 'published';
      CREATE INDEX catalogue_public_doc_no ON catalogue_items (catalogue_norm(doc_no)) WHERE status = 'published';
  `,
};
