/** Migration steps of upload matching: a supervisor's scope as regions, and the uploads waiting for a body. */
import type { MigrationStep } from '../migrations.js';

// Version numbers and order live in one place: MIGRATIONS in src/store/migrations.ts.

/**
 * A supervisor's scope is one or more region subtrees (every body in the region or below it),
 * plus the extra bodies of user_bodies. An uploaded report whose unit matched no body, or several,
 * in that scope waits for the supervisor to pick or create its body: its row in published_reports
 * keeps the model (body_id NULL), this table why it waits and the candidates found.
 */
export const SCOPE_REGIONS_AND_PENDING: MigrationStep = {
  name: 'matching: supervisor scope regions, uploads waiting for a body',
  sql: `
      CREATE TABLE user_regions (
        user_id int NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        region_code text NOT NULL REFERENCES regions(code),
        PRIMARY KEY (user_id, region_code)
      );
      CREATE TABLE pending_matches (
        report_id bigint PRIMARY KEY REFERENCES published_reports(id) ON DELETE CASCADE,
        unit text NOT NULL,
        candidates jsonb NOT NULL DEFAULT '[]'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now()
      );
  `,
};
