/** Migration steps of the public region pages: which regions publish their bodies' reports and check status. */
import type { MigrationStep } from '../migrations.js';

// Version numbers and order live in one place: MIGRATIONS in src/store/migrations.ts.

/**
 * A region whose public page (/regions/代码/reports) is switched on by the administrator or a
 * supervisor of the whole region: a row while it is on. Off by default, so nothing a supervisor
 * uploads becomes public until someone decides it should.
 */
export const PUBLIC_REGION_PAGES: MigrationStep = {
  name: 'public region pages: opt-in per region',
  sql: `
      CREATE TABLE public_region_pages (
        region_code text PRIMARY KEY REFERENCES regions(code) ON DELETE CASCADE,
        set_by text NOT NULL,
        set_at timestamptz NOT NULL DEFAULT now()
      );
  `,
};
