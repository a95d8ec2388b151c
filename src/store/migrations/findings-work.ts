/** Migration steps of findings handled as work: reviews and 整改 answers (issue 15, part 4). */
import type { MigrationStep } from '../migrations.js';

// Version numbers and order live in one place: MIGRATIONS in src/store/migrations.ts.

export const FINDING_REVIEWS: MigrationStep = {
  name: 'published reports: findings confirmed or dismissed, answered and accepted, per body, year and fingerprint',
  sql: `
      -- A finding with no row here is new (待审核). The row is kept by body, year and the
      -- finding's fingerprint, not by report: a re-upload or a correction that keeps the defect
      -- keeps its review; one that removes it leaves the row, shown as resolved (已消除).
      -- code, severity, at and message are as the finding was when it was decided on.
      CREATE TABLE finding_reviews (
        body_id text NOT NULL REFERENCES bodies(id) ON DELETE CASCADE,
        year int NOT NULL,
        fingerprint text NOT NULL,
        code text NOT NULL,
        severity text NOT NULL,
        at text NOT NULL,
        message text NOT NULL,
        status text NOT NULL CHECK (status IN ('confirmed', 'answered', 'accepted', 'dismissed')),
        reason text,
        answer text,
        decided_by text NOT NULL,
        decided_by_name text NOT NULL,
        decided_at timestamptz NOT NULL DEFAULT now(),
        answered_by_name text,
        answered_at timestamptz,
        accepted_by_name text,
        accepted_at timestamptz,
        PRIMARY KEY (body_id, year, fingerprint)
      );
      CREATE INDEX finding_reviews_status ON finding_reviews (status, body_id, year);
      -- The answer deadline the supervisor set in a body's 整改通知书 for a year.
      CREATE TABLE rectification_deadlines (
        body_id text NOT NULL REFERENCES bodies(id) ON DELETE CASCADE,
        year int NOT NULL,
        deadline date NOT NULL,
        set_by text NOT NULL,
        set_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (body_id, year)
      );
  `,
};
