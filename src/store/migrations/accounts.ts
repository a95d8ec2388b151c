/** Migration steps of account administration and sign-in throttling. */
import type { MigrationStep } from '../migrations.js';

// Version numbers and order live in one place: MIGRATIONS in src/store/migrations.ts.

export const ACCOUNT_ADMINISTRATION: MigrationStep = {
  name: 'account administration: last sign-in, one-time passwords, sign-in throttling',
  sql: `
      ALTER TABLE users ADD COLUMN last_sign_in_at timestamptz;
      -- Set when an administrator resets the password: the password given out works for one
      -- sign-in, and that session may do nothing but choose a new password.
      ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;
      -- Failed sign-ins per account name (as typed, whether or not it exists) and per client
      -- address. Kept in the database, so a restart or a second server process forgets nothing;
      -- every change is one atomic statement on the row.
      CREATE TABLE sign_in_throttle (
        kind text NOT NULL CHECK (kind IN ('account', 'address')),
        key text NOT NULL,
        failures int NOT NULL DEFAULT 0,
        last_failure_at timestamptz NOT NULL DEFAULT now(),
        locked_until timestamptz,
        PRIMARY KEY (kind, key)
      );
      CREATE INDEX sign_in_throttle_last_failure ON sign_in_throttle (last_failure_at);
  `,
};
