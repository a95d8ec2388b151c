/** Migration steps of the indicators: red/yellow thresholds a region sets for itself and the regions below it. */
import type { MigrationStep } from '../migrations.js';

// Version numbers and order live in one place: MIGRATIONS in src/store/migrations.ts.

/**
 * A region's own thresholds of an indicator (src/indicators/definitions.ts gives the defaults): a
 * row only where the region departs from the default; the regions below inherit it unless they
 * set their own. Values in the indicator's unit (percent for rates).
 */
export const INDICATOR_THRESHOLDS: MigrationStep = {
  name: 'indicators: red/yellow thresholds per region',
  sql: `
      CREATE TABLE indicator_thresholds (
        region_code text NOT NULL REFERENCES regions(code) ON DELETE CASCADE,
        indicator text NOT NULL,
        yellow double precision NOT NULL,
        red double precision NOT NULL,
        set_by text NOT NULL,
        set_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (region_code, indicator)
      );
  `,
};
