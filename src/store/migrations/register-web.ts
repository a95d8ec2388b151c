/** Migration steps of the register's web screens (reply letters and the like). */
import type { MigrationStep } from '../migrations.js';

// Version numbers and order live in one place: MIGRATIONS in src/store/migrations.ts.

export const APPLICATION_ARRIVALS: MigrationStep = {
  name: 'arrival facts behind the date of receipt (第三十一条)',
  sql: `
      -- What the officer entered when logging a paper, fax or online application: the day it
      -- arrived and the day it was signed for or confirmed. The date of receipt in applications
      -- is computed from these; keeping them shows why it is that day.
      CREATE TABLE application_arrivals (
        application_id text PRIMARY KEY REFERENCES applications(id),
        arrived_on iso_date NOT NULL,
        signed_for_on iso_date,
        confirmed_on iso_date
      );
  `,
};
