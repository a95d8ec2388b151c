/** Migration steps of the public side (online applications, query codes). */
import type { MigrationStep } from '../migrations.js';

// Version numbers and order live in one place: MIGRATIONS in src/store/migrations.ts.

export const ONLINE_APPLICATIONS: MigrationStep = {
  name: 'online applications: query codes and corrections',
  sql: `
      -- One row per application submitted online. Only a hash of the query code is kept: a copy
      -- of the database opens no application. id_kind: which 身份证明 the applicant's number is.
      CREATE TABLE public_applications (
        application_id text PRIMARY KEY REFERENCES applications(id),
        code_hash text NOT NULL,
        id_kind text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      -- The corrected or added description sent online after a 补正 notice (第三十条: one correction).
      CREATE TABLE public_corrections (
        application_id text PRIMARY KEY REFERENCES applications(id),
        text text NOT NULL,
        submitted_on iso_date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
  `,
};
