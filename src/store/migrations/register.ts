/** Migration steps of the register itself: bodies, applications, events, audit, accounts. */
import type { MigrationStep } from '../migrations.js';

// Version numbers and order live in one place: MIGRATIONS in src/store/migrations.ts.

const DATE = `text CHECK (VALUE ~ '^\\d{4}-\\d{2}-\\d{2}$')`;

export const REGISTER_TABLES: MigrationStep = {
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
};

export const REQUESTED_FORM_AND_DELIVERY: MigrationStep = {
  name: 'requested form and delivery (第二十九条)',
  sql: `
      ALTER TABLE applications ADD COLUMN form text;
      ALTER TABLE applications ADD COLUMN delivery text;
  `,
};

export const WEB_ACCOUNTS: MigrationStep = {
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
};

export const APPLICATION_SERIALS: MigrationStep = {
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
};
