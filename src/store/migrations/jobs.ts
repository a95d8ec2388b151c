/** Migration steps of the batch job queue (`gongkai queue`, `gongkai batch --queue`). */
import type { MigrationStep } from '../migrations.js';

// Version numbers and order live in one place: MIGRATIONS in src/store/migrations.ts.

export const BATCH_JOB_QUEUE: MigrationStep = {
  name: 'batch job queue',
  sql: `
      -- One run: a corpus queued under a name. collected_by is the worker that wrote its outputs
      -- once every job was finished; queuing more files clears it.
      CREATE TABLE batch_runs (
        run text PRIMARY KEY CHECK (run ~ '^[A-Za-z0-9_.-]{1,100}$'),
        created_at timestamptz NOT NULL DEFAULT now(),
        collected_by text,
        collected_at timestamptz
      );
      -- One job per distinct content (files with the same bytes are read once, as in a local
      -- batch). Workers claim with FOR UPDATE SKIP LOCKED and hold a lease (lease_until, renewed
      -- while they work); a job whose lease ran out is claimed again. attempts counts claims.
      -- result is json, not jsonb: its text is kept byte for byte (key order included), so the
      -- collected outputs are the bytes a one-machine run writes.
      CREATE TABLE batch_jobs (
        run text NOT NULL REFERENCES batch_runs(run) ON DELETE CASCADE,
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        -- Where a worker reads the file (every machine sees the inputs at the same path), or the
        -- bytes themselves for a file taken out of a ZIP archive on the machine that queued it.
        path text,
        content bytea,
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
        attempts int NOT NULL DEFAULT 0,
        locked_by text,
        locked_at timestamptz,
        lease_until timestamptz,
        result json,
        error text,
        queued_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        PRIMARY KEY (run, sha256),
        CHECK (path IS NOT NULL OR content IS NOT NULL OR status IN ('done', 'failed')),
        CHECK (status <> 'running' OR (locked_by IS NOT NULL AND lease_until IS NOT NULL)),
        CHECK (status <> 'done' OR result IS NOT NULL)
      );
      CREATE INDEX batch_jobs_waiting ON batch_jobs (run, status, sha256);
      -- The manifest: every input file of the run by the name the outputs give it.
      CREATE TABLE batch_files (
        run text NOT NULL,
        file text NOT NULL,
        sha256 text NOT NULL,
        PRIMARY KEY (run, file),
        FOREIGN KEY (run, sha256) REFERENCES batch_jobs (run, sha256) ON DELETE CASCADE
      );
  `,
};
