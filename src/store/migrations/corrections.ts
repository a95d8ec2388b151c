/** Migration steps of the corrections of published reports (issue 15, part 3). */
import type { MigrationStep } from '../migrations.js';

// Version numbers and order live in one place: MIGRATIONS in src/store/migrations.ts.

export const PUBLISHED_REPORT_CORRECTIONS: MigrationStep = {
  name: 'published reports: corrections of cells, each a new version',
  sql: `
      -- The model as read, kept once a report is first corrected (NULL: never corrected, so
      -- model is the model as read). model stays what everything reads: the corrected model.
      ALTER TABLE published_reports
        ADD COLUMN read_model jsonb,
        ADD COLUMN version int NOT NULL DEFAULT 1;
      -- One row per correction of one cell, undos included (an undo names the correction it
      -- undoes): the history only grows. before/after are the cell's values (a number or null).
      CREATE TABLE published_report_corrections (
        id bigserial PRIMARY KEY,
        report_id bigint NOT NULL REFERENCES published_reports(id) ON DELETE CASCADE,
        version int NOT NULL,
        path text NOT NULL,
        before jsonb NOT NULL,
        after jsonb NOT NULL,
        reason text NOT NULL,
        undoes bigint REFERENCES published_report_corrections(id),
        actor text NOT NULL,
        actor_name text NOT NULL,
        made_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (report_id, version)
      );
  `,
};
