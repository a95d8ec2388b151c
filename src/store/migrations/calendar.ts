/** Migration steps of the working-day calendar: years loaded from the State Council notice. */
import type { MigrationStep } from '../migrations.js';

// Version numbers and order live in one place: MIGRATIONS in src/store/migrations.ts.

export const CALENDAR_YEARS: MigrationStep = {
  name: 'calendar years and holiday names',
  sql: `
      -- A year whose State Council notice was loaded: complete once the administrator says every day off and
      -- every 调休 working day of it is entered (its dates are then no longer provisional).
      CREATE TABLE calendar_years (
        year int PRIMARY KEY CHECK (year BETWEEN 2000 AND 2099),
        complete boolean NOT NULL DEFAULT false,
        source text,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      -- The holiday an override belongs to (春节), as the notice names it.
      ALTER TABLE calendar_overrides ADD COLUMN name text;
  `,
};
