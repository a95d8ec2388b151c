/** Migration steps of the region overview at a province's scale. */
import type { MigrationStep } from '../migrations.js';

// Version numbers and order live in one place: MIGRATIONS in src/store/migrations.ts.

/**
 * A version number of the directory as scopes see it — the regions, the bodies' places, the
 * supervisors' regions and extra bodies — bumped by every change to them, whoever makes it (any
 * server, the CLI). A supervisor's scope (every body below their regions: thousands for a city)
 * is kept by the server until the number moves, instead of walking the region tree on every
 * request.
 */
export const DIRECTORY_VERSION: MigrationStep = {
  name: 'overview: a version number of the directory, for the scopes kept by the server',
  sql: `
      INSERT INTO data_versions VALUES ('directory', 0) ON CONFLICT (name) DO NOTHING;
      CREATE FUNCTION bump_directory_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE data_versions SET version = version + 1 WHERE name = 'directory';
        RETURN NULL;
      END $$;
      CREATE TRIGGER regions_directory_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON regions
        FOR EACH STATEMENT EXECUTE FUNCTION bump_directory_version();
      CREATE TRIGGER bodies_directory_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON bodies
        FOR EACH STATEMENT EXECUTE FUNCTION bump_directory_version();
      CREATE TRIGGER user_regions_directory_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON user_regions
        FOR EACH STATEMENT EXECUTE FUNCTION bump_directory_version();
      CREATE TRIGGER user_bodies_directory_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON user_bodies
        FOR EACH STATEMENT EXECUTE FUNCTION bump_directory_version();
  `,
};

/**
 * The 问题清单 at a province's scale (tens of thousands of findings): each readable report's
 * findings kept as rows beside its JSON, by a trigger on every write of the findings, the body,
 * the year or the error — so the list joins narrow rows instead of unpacking every report's
 * JSON on every request — and an index that finds each body's latest readable report of a year
 * without reading the reports.
 */
export const PUBLISHED_FINDING_ROWS: MigrationStep = {
  name: 'overview: findings of published reports as rows, the latest readable report by index',
  sql: `
      CREATE TABLE published_findings (
        report_id bigint NOT NULL REFERENCES published_reports(id) ON DELETE CASCADE,
        body_id text NOT NULL,
        year int NOT NULL,
        fingerprint text NOT NULL,
        code text NOT NULL,
        severity text NOT NULL,
        at text NOT NULL,
        message text NOT NULL,
        PRIMARY KEY (report_id, fingerprint)
      );
      CREATE FUNCTION sync_published_findings() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM published_findings WHERE report_id = NEW.id;
        IF NEW.body_id IS NOT NULL AND NEW.year IS NOT NULL AND NEW.error IS NULL THEN
          -- One row per fingerprint (the same defect found twice in a report is one issue).
          INSERT INTO published_findings (report_id, body_id, year, fingerprint, code, severity, at, message)
          SELECT DISTINCT ON (e->>'fingerprint') NEW.id, NEW.body_id, NEW.year, e->>'fingerprint', COALESCE(e->>'code', ''),
                 COALESCE(e->>'severity', ''), COALESCE(e->>'at', ''), COALESCE(e->>'message', '')
            FROM jsonb_array_elements(NEW.findings) e
           WHERE e ? 'fingerprint'
           ORDER BY e->>'fingerprint';
        END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER published_reports_findings AFTER INSERT OR UPDATE OF findings, body_id, year, error ON published_reports
        FOR EACH ROW EXECUTE FUNCTION sync_published_findings();
      INSERT INTO published_findings (report_id, body_id, year, fingerprint, code, severity, at, message)
      SELECT DISTINCT ON (p.id, e->>'fingerprint') p.id, p.body_id, p.year, e->>'fingerprint', COALESCE(e->>'code', ''),
             COALESCE(e->>'severity', ''), COALESCE(e->>'at', ''), COALESCE(e->>'message', '')
        FROM published_reports p CROSS JOIN LATERAL jsonb_array_elements(p.findings) e
       WHERE p.body_id IS NOT NULL AND p.year IS NOT NULL AND p.error IS NULL AND e ? 'fingerprint'
       ORDER BY p.id, e->>'fingerprint';
      CREATE INDEX published_findings_body_year ON published_findings (body_id, year);
      CREATE INDEX published_reports_latest ON published_reports (body_id, year, uploaded_at DESC, id DESC)
        WHERE error IS NULL AND body_id IS NOT NULL AND year IS NOT NULL;
  `,
};

/**
 * A version number of the findings' reviews (confirmed, dismissed, answered, accepted), bumped by
 * every change to them: with the reports' and bodies' version it says when a 问题清单 page a
 * server has built is still what the database holds.
 */
export const REVIEWS_VERSION: MigrationStep = {
  name: 'overview: a version number of the findings reviews, for the 问题清单 pages kept by the server',
  sql: `
      INSERT INTO data_versions VALUES ('reviews', 0) ON CONFLICT (name) DO NOTHING;
      CREATE FUNCTION bump_reviews_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE data_versions SET version = version + 1 WHERE name = 'reviews';
        RETURN NULL;
      END $$;
      CREATE TRIGGER finding_reviews_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON finding_reviews
        FOR EACH STATEMENT EXECUTE FUNCTION bump_reviews_version();
  `,
};
