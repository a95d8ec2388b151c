/**
 * One schema, one ordered list of migrations, for PGlite and PostgreSQL alike. Each migration
 * runs once, in a transaction, recorded in `schema_migrations`.
 */
import type { Db } from './db.js';
import { CATALOGUE_MIGRATIONS } from './migrations/catalogue.js';
import { JOB_MIGRATIONS } from './migrations/jobs.js';
import { OPINION_MIGRATIONS } from './migrations/opinions.js';
import { PUBLIC_MIGRATIONS } from './migrations/public.js';
import { REPORT_MIGRATIONS } from './migrations/reports.js';
import { REGISTER_WEB_MIGRATIONS } from './migrations/register-web.js';
import { SUPERVISOR_MIGRATIONS } from './migrations/supervisor.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const DATE = `text CHECK (VALUE ~ '^\\d{4}-\\d{2}-\\d{2}$')`;

const CORE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'register',
    sql: `
      CREATE DOMAIN iso_date AS ${DATE};
      CREATE TABLE bodies (
        id text PRIMARY KEY,
        name text NOT NULL
      );
      CREATE TABLE applications (
        id text PRIMARY KEY,
        body_id text NOT NULL REFERENCES bodies(id),
        applicant jsonb NOT NULL,
        description text NOT NULL,
        channel text NOT NULL,
        received_on iso_date NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX applications_body_received ON applications (body_id, received_on);
      -- Append-only: the events are the record and the timeline of each application.
      CREATE TABLE application_events (
        seq bigserial PRIMARY KEY,
        application_id text NOT NULL REFERENCES applications(id),
        event jsonb NOT NULL,
        actor text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX application_events_application ON application_events (application_id, seq);
      CREATE TABLE appeals (
        id text PRIMARY KEY,
        body_id text NOT NULL REFERENCES bodies(id),
        application_id text REFERENCES applications(id),
        kind text NOT NULL CHECK (kind IN ('reconsideration', 'litigationDirect', 'litigationAfterReconsideration')),
        filed_on iso_date NOT NULL,
        decided_on iso_date,
        result text CHECK (result IN ('upheld', 'corrected', 'other'))
      );
      CREATE TABLE rule_documents (
        id text PRIMARY KEY,
        body_id text NOT NULL REFERENCES bodies(id),
        kind text NOT NULL CHECK (kind IN ('regulations', 'normativeDocuments')),
        title text NOT NULL,
        issued_on iso_date NOT NULL,
        repealed_on iso_date
      );
      CREATE TABLE year_figures (
        body_id text NOT NULL REFERENCES bodies(id),
        year int NOT NULL,
        figures jsonb NOT NULL,
        PRIMARY KEY (body_id, year)
      );
      CREATE TABLE calendar_overrides (
        date iso_date PRIMARY KEY,
        work boolean NOT NULL,
        source text
      );
      -- Append-only audit of every change: who, when, what, old and new values.
      CREATE TABLE audit_log (
        seq bigserial PRIMARY KEY,
        actor text NOT NULL,
        action text NOT NULL,
        entity text NOT NULL,
        entity_id text NOT NULL,
        old_value jsonb,
        new_value jsonb,
        at timestamptz NOT NULL DEFAULT now()
      );
    `,
  },
  {
    version: 2,
    name: 'requested form and delivery (第二十九条)',
    sql: `
      ALTER TABLE applications ADD COLUMN form text;
      ALTER TABLE applications ADD COLUMN delivery text;
    `,
  },
  {
    version: 3,
    name: 'web application: accounts, sessions, body levels, settings',
    sql: `
      -- Where a body sits: the supervisor's lists filter by it.
      ALTER TABLE bodies ADD COLUMN level text NOT NULL DEFAULT 'department'
        CHECK (level IN ('province', 'city', 'county', 'township', 'department'));
      ALTER TABLE bodies ADD COLUMN region text;
      CREATE TABLE users (
        id serial PRIMARY KEY,
        username text NOT NULL UNIQUE,
        display_name text NOT NULL,
        password_hash text NOT NULL,
        role text NOT NULL CHECK (role IN ('officer', 'reviewer', 'supervisor', 'admin')),
        disabled boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      -- An officer's or reviewer's body; a supervisor's set of bodies.
      CREATE TABLE user_bodies (
        user_id int NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        body_id text NOT NULL REFERENCES bodies(id),
        PRIMARY KEY (user_id, body_id)
      );
      -- Only a hash of the session id is kept: a copy of the database logs nobody in.
      CREATE TABLE sessions (
        id_hash text PRIMARY KEY,
        user_id int NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      );
      CREATE TABLE settings (
        key text PRIMARY KEY,
        value jsonb NOT NULL
      );
    `,
  },
  {
    version: 4,
    name: 'application numbers',
    sql: `
      -- The last number given per body and year; taken inside the transaction that adds the
      -- application, so concurrent submissions never share a number and a refused one gives its back.
      CREATE TABLE application_serials (
        body_id text NOT NULL REFERENCES bodies(id),
        year int NOT NULL,
        last int NOT NULL,
        PRIMARY KEY (body_id, year)
      );
    `,
  },
];

/**
 * Every migration in version order. Each area of the web application keeps its own list (with
 * its own range of versions) beside this one, so areas built side by side never edit one file.
 */
export const MIGRATIONS: readonly Migration[] = [...CORE_MIGRATIONS, ...PUBLIC_MIGRATIONS, ...SUPERVISOR_MIGRATIONS, ...REPORT_MIGRATIONS, ...REGISTER_WEB_MIGRATIONS, ...CATALOGUE_MIGRATIONS, ...OPINION_MIGRATIONS, ...JOB_MIGRATIONS].sort(
  (a, b) => a.version - b.version,
);

export async function migrate(db: Db): Promise<number[]> {
  await db.query('CREATE TABLE IF NOT EXISTS schema_migrations (version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
  const done = new Set((await db.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => Number(r.version)));
  const applied: number[] = [];
  for (const m of MIGRATIONS) {
    if (done.has(m.version)) continue;
    await db.transaction(async (tx) => {
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
    });
    applied.push(m.version);
  }
  return applied;
}
