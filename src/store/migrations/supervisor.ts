/** Migration steps of the supervisor's side (published reports as uploaded). */
import type { MigrationStep } from '../migrations.js';

// Version numbers and order live in one place: MIGRATIONS in src/store/migrations.ts.

export const PUBLISHED_REPORTS: MigrationStep = {
  name: 'published reports uploaded by supervisors',
  sql: `
      -- One row per uploaded file: what was read, what was found, and the source to show beside it.
      CREATE TABLE published_reports (
        id bigserial PRIMARY KEY,
        sha256 text NOT NULL,
        file_name text NOT NULL,
        format text NOT NULL,
        body_id text REFERENCES bodies(id),
        unit text,
        year int,
        published_on text,
        template text,
        model jsonb,
        findings jsonb NOT NULL DEFAULT '[]',
        diagnostics jsonb NOT NULL DEFAULT '[]',
        -- The error when nothing could be read (the file is kept on record all the same).
        error text,
        -- The text lines as read, for the side-by-side view (provenance points into them).
        source_text text,
        -- HTML uploads only: the page after sanitising (never the raw upload).
        source_html text,
        uploaded_by int NOT NULL REFERENCES users(id),
        uploaded_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX published_reports_body_year ON published_reports (body_id, year);
      CREATE UNIQUE INDEX published_reports_sha_uploader ON published_reports (sha256, uploaded_by);
  `,
};

export const PUBLISHED_REPORT_MARKS: MigrationStep = {
  name: 'published reports: where each value sits in the source text',
  sql: `
      -- Model path → line, column and length in source_text (and the page cell of an HTML
      -- upload), so the side-by-side view highlights a finding's cell in the source as well.
      ALTER TABLE published_reports ADD COLUMN source_marks jsonb NOT NULL DEFAULT '{}';
      CREATE INDEX published_reports_uploader ON published_reports (uploaded_by);
  `,
};

export const PUBLISHED_REPORT_COUNTS: MigrationStep = {
  name: 'published reports: status columns kept with the findings',
  sql: `
      -- The overview shows counts for every report of every body: computed once when the
      -- findings are written (stored generated columns), not by unpacking every report's
      -- findings on each request.
      ALTER TABLE published_reports
        ADD COLUMN error_count int GENERATED ALWAYS AS (jsonb_array_length(jsonb_path_query_array(findings, '$[*] ? (@.severity == "error")'))) STORED,
        ADD COLUMN warning_count int GENERATED ALWAYS AS (jsonb_array_length(jsonb_path_query_array(findings, '$[*] ? (@.severity == "warning")'))) STORED,
        ADD COLUMN is_late boolean GENERATED ALWAYS AS (findings @> '[{"code":"PUB.LATE"}]'::jsonb) STORED,
        ADD COLUMN is_similar boolean GENERATED ALWAYS AS (findings @> '[{"code":"SIM.DUPLICATE"}]'::jsonb) STORED;
  `,
};

export const OVERVIEW_VERSION: MigrationStep = {
  name: 'a version number of what the overview shows',
  sql: `
      -- Bumped by every change to the reports or the bodies, whoever makes it (any server, the
      -- CLI): a server may keep an overview it has built until the number moves.
      CREATE TABLE data_versions (name text PRIMARY KEY, version bigint NOT NULL);
      INSERT INTO data_versions VALUES ('overview', 0);
      CREATE FUNCTION bump_overview_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE data_versions SET version = version + 1 WHERE name = 'overview';
        RETURN NULL;
      END $$;
      CREATE TRIGGER published_reports_version AFTER INSERT OR UPDATE OR DELETE ON published_reports
        FOR EACH STATEMENT EXECUTE FUNCTION bump_overview_version();
      CREATE TRIGGER bodies_version AFTER INSERT OR UPDATE OR DELETE ON bodies
        FOR EACH STATEMENT EXECUTE FUNCTION bump_overview_version();
  `,
};
