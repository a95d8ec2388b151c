/** Migration steps of the annual-report editor (drafts). */
import type { MigrationStep } from '../migrations.js';

// Version numbers and order live in one place: MIGRATIONS in src/store/migrations.ts.

export const REPORT_DRAFTS: MigrationStep = {
  name: 'annual report drafts',
  sql: `
      -- One draft per body and year: the edited canonical model (gongkai.report/v1). The register
      -- stays the record; the draft is what the officer will publish. revision counts saves, so
      -- two people editing the same draft cannot silently overwrite each other.
      CREATE TABLE report_drafts (
        body_id text NOT NULL REFERENCES bodies(id),
        year int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        model jsonb NOT NULL,
        revision int NOT NULL DEFAULT 1,
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (body_id, year)
      );
  `,
};

export const REPORT_FINAL: MigrationStep = {
  name: 'annual report drafts: finalised (定稿)',
  sql: `
      -- A draft the officer has declared final (定稿): set only while the check finds no error;
      -- any later save clears it, so a final report is always the one that was checked.
      ALTER TABLE report_drafts ADD COLUMN finalized_at timestamptz;
      ALTER TABLE report_drafts ADD COLUMN finalized_by text;
  `,
};
