/**
 * The batch job queue in PostgreSQL (tables of migrations/jobs.ts): several machines share one
 * corpus by claiming jobs with `FOR UPDATE SKIP LOCKED` — no coordinator of our own. A claim is
 * a lease: the worker renews it while it works; when it runs out (the worker died), the next
 * claim takes the job over. Completion is accepted only from the job's current holder, so a job
 * is recorded done once. PGlite is refused: one process only, nobody to share with.
 */
import type { Db } from './db.js';
import { migrate } from './migrations.js';
import { MAX_ATTEMPTS, type RunCounts } from '../corpus/queue.js';

export const QUEUE_NEEDS_POSTGRES =
  '批量任务队列需要 PostgreSQL 服务器：请把 DATABASE_URL 设为 postgres://…（内嵌数据库 PGlite 只能由一个进程打开，不能让多台机器分担任务）' +
  ' (the batch queue needs a PostgreSQL server: set DATABASE_URL)';

/** A refusal of the queue, for the user. */
export class JobQueueError extends Error {}

/** One input file to queue: its name in the outputs and its content hash, with where to read it. */
export interface QueuedFile {
  file: string;
  sha256: string;
  /** A path every worker can read. */
  path?: string;
  /** Or the bytes (a file taken out of an archive on this machine). */
  content?: Uint8Array;
  /** An archive refused unopened: recorded as done with this error, never claimed. */
  refused?: string;
}

export interface ClaimedJob {
  sha256: string;
  path: string | null;
  content: Uint8Array | null;
  attempts: number;
}

export interface JobResultRow {
  sha256: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  /** The cached result's JSON text, exactly as stored. */
  result: string | null;
  error: string | null;
}

/** Any fixed number: the advisory lock that keeps machines starting together from migrating twice. */
const MIGRATION_LOCK = 7_700_001;
const CHUNK = 1000;

const chunks = <T>(xs: readonly T[]): T[][] => Array.from({ length: Math.ceil(xs.length / CHUNK) }, (_, i) => xs.slice(i * CHUNK, (i + 1) * CHUNK));

export class JobQueue {
  private constructor(private readonly db: Db) {}

  /** The queue on a PostgreSQL server, its tables made if need be (one machine at a time). */
  static async open(db: Db): Promise<JobQueue> {
    if (db.kind !== 'postgres') throw new JobQueueError(QUEUE_NEEDS_POSTGRES);
    await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await migrate(db);
    });
    return new JobQueue(db);
  }

  /**
   * Queue files under a run (one transaction: workers see all of them or none). Files already
   * queued are left as they are; a failed job is queued again. Returns how many jobs are new.
   */
  async add(run: string, files: readonly QueuedFile[]): Promise<{ jobs: number; requeued: number }> {
    const jobs = new Map<string, QueuedFile>();
    for (const f of files) if (!jobs.has(f.sha256)) jobs.set(f.sha256, f);
    const sorted = [...jobs.values()].sort((a, b) => (a.sha256 < b.sha256 ? -1 : 1)); // one lock order on every machine
    return this.db.transaction(async (tx) => {
      await tx.query('INSERT INTO batch_runs (run) VALUES ($1) ON CONFLICT DO NOTHING', [run]);
      let added = 0;
      const plain = sorted.filter((f) => f.path !== undefined && f.content === undefined && f.refused === undefined);
      for (const part of chunks(plain)) {
        const rows = await tx.query(
          `INSERT INTO batch_jobs (run, sha256, path)
           SELECT $1, s, p FROM unnest($2::text[], $3::text[]) AS t(s, p)
           ON CONFLICT (run, sha256) DO NOTHING RETURNING sha256`,
          [run, part.map((f) => f.sha256), part.map((f) => f.path)],
        );
        added += rows.length;
      }
      for (const f of sorted.filter((x) => x.content !== undefined && x.refused === undefined)) {
        const rows = await tx.query('INSERT INTO batch_jobs (run, sha256, content) VALUES ($1, $2, $3) ON CONFLICT (run, sha256) DO NOTHING RETURNING sha256', [run, f.sha256, Buffer.from(f.content!)]);
        added += rows.length;
      }
      for (const f of sorted.filter((x) => x.refused !== undefined)) {
        const result = JSON.stringify({ sha256: f.sha256, error: f.refused });
        const rows = await tx.query(
          `INSERT INTO batch_jobs (run, sha256, status, result, finished_at) VALUES ($1, $2, 'done', $3::json, now())
           ON CONFLICT (run, sha256) DO NOTHING RETURNING sha256`,
          [run, f.sha256, result],
        );
        added += rows.length;
      }
      const requeued = await tx.query(
        `UPDATE batch_jobs SET status = 'queued', attempts = 0, error = NULL, locked_by = NULL, locked_at = NULL, lease_until = NULL, finished_at = NULL
         WHERE run = $1 AND status = 'failed' AND sha256 = ANY($2::text[]) RETURNING sha256`,
        [run, sorted.map((f) => f.sha256)],
      );
      let changedFiles = 0;
      for (const part of chunks([...files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)))) {
        const rows = await tx.query(
          `INSERT INTO batch_files (run, file, sha256)
           SELECT $1, f, s FROM unnest($2::text[], $3::text[]) AS t(f, s)
           ON CONFLICT (run, file) DO UPDATE SET sha256 = EXCLUDED.sha256 WHERE batch_files.sha256 <> EXCLUDED.sha256
           RETURNING file`,
          [run, part.map((f) => f.file), part.map((f) => f.sha256)],
        );
        changedFiles += rows.length;
      }
      // Something new to do or to list: the outputs written before no longer cover the run.
      if (added + requeued.length + changedFiles > 0) await tx.query('UPDATE batch_runs SET collected_by = NULL, collected_at = NULL WHERE run = $1', [run]);
      return { jobs: added, requeued: requeued.length };
    });
  }

  /**
   * Claim one job: a queued one, else one whose lease ran out (a job whose worker died
   * MAX_ATTEMPTS times is failed instead). Null when there is none to claim now.
   */
  async claim(run: string, worker: string, leaseSeconds: number): Promise<ClaimedJob | null> {
    const take = (where: string, order: string) =>
      this.db.query<{ sha256: string; path: string | null; content: Uint8Array | null; attempts: number }>(
        `UPDATE batch_jobs j SET status = 'running', attempts = j.attempts + 1, locked_by = $2, locked_at = now(),
           lease_until = now() + make_interval(secs => $3)
         WHERE (j.run, j.sha256) = (
           SELECT run, sha256 FROM batch_jobs WHERE run = $1 AND ${where} ORDER BY ${order} LIMIT 1 FOR UPDATE SKIP LOCKED)
         RETURNING j.sha256, j.path, j.content, j.attempts`,
        [run, worker, leaseSeconds],
      );
    let [job] = await take(`status = 'queued'`, 'sha256');
    if (!job) {
      await this.db.query(
        `UPDATE batch_jobs SET status = 'failed', lease_until = NULL, finished_at = now(),
           error = '多次处理都未完成（处理它的进程每次都中断了），不再重试 (abandoned after ' || attempts || ' attempts)'
         WHERE run = $1 AND status = 'running' AND lease_until < now() AND attempts >= $2`,
        [run, MAX_ATTEMPTS],
      );
      [job] = await take(`status = 'running' AND lease_until < now()`, 'lease_until, sha256');
    }
    if (!job) return null;
    return { sha256: job.sha256, path: job.path, content: job.content ? new Uint8Array(job.content) : null, attempts: Number(job.attempts) };
  }

  /** Renew the leases of every job this worker holds. */
  async renew(run: string, worker: string, leaseSeconds: number): Promise<number> {
    const rows = await this.db.query(
      `UPDATE batch_jobs SET lease_until = now() + make_interval(secs => $3) WHERE run = $1 AND locked_by = $2 AND status = 'running' RETURNING sha256`,
      [run, worker, leaseSeconds],
    );
    return rows.length;
  }

  /** Record a job's result; false (nothing written) when the job is no longer this worker's. */
  async complete(run: string, sha256: string, worker: string, resultJson: string): Promise<boolean> {
    const rows = await this.db.query(
      `UPDATE batch_jobs SET status = 'done', result = $4::json, error = NULL, content = NULL, lease_until = NULL, finished_at = now()
       WHERE run = $1 AND sha256 = $2 AND locked_by = $3 AND status = 'running' RETURNING sha256`,
      [run, sha256, worker, resultJson],
    );
    return rows.length === 1;
  }

  /** Record that a job could not be done (its input unreadable here); `add` queues it again. */
  async fail(run: string, sha256: string, worker: string, error: string): Promise<boolean> {
    const rows = await this.db.query(
      `UPDATE batch_jobs SET status = 'failed', error = $4, lease_until = NULL, finished_at = now()
       WHERE run = $1 AND sha256 = $2 AND locked_by = $3 AND status = 'running' RETURNING sha256`,
      [run, sha256, worker, error],
    );
    return rows.length === 1;
  }

  /** Counts of the run's jobs by status; null when no such run was queued. */
  async counts(run: string): Promise<RunCounts | null> {
    const [row] = await this.db.query<Record<string, string | number | null>>(
      `SELECT (SELECT count(*) FROM batch_files WHERE run = $1) AS files,
         count(*) FILTER (WHERE status = 'queued') AS queued, count(*) FILTER (WHERE status = 'running') AS running,
         count(*) FILTER (WHERE status = 'done') AS done, count(*) FILTER (WHERE status = 'failed') AS failed,
         EXTRACT(EPOCH FROM min(lease_until) FILTER (WHERE status = 'running') - now()) AS next_expiry,
         EXISTS (SELECT 1 FROM batch_runs WHERE run = $1) AS known
       FROM batch_jobs WHERE run = $1`,
      [run],
    );
    if (!row?.known) return null;
    const n = (k: string) => Number(row[k] ?? 0);
    return { files: n('files'), queued: n('queued'), running: n('running'), done: n('done'), failed: n('failed'), nextExpiry: row.next_expiry === null ? null : Number(row.next_expiry) };
  }

  /**
   * What is left of the run: queued and running jobs, and seconds until the first lease runs out.
   * Reads only those rows (an idle worker asks often, the run may hold hundreds of thousands).
   */
  async pending(run: string): Promise<{ queued: number; running: number; nextExpiry: number | null }> {
    const [row] = await this.db.query<{ queued: string; running: string; next_expiry: string | null }>(
      `SELECT count(*) FILTER (WHERE status = 'queued') AS queued, count(*) FILTER (WHERE status = 'running') AS running,
         EXTRACT(EPOCH FROM min(lease_until) - now()) AS next_expiry
       FROM batch_jobs WHERE run = $1 AND status IN ('queued', 'running')`,
      [run],
    );
    return { queued: Number(row?.queued ?? 0), running: Number(row?.running ?? 0), nextExpiry: row?.next_expiry === null || row?.next_expiry === undefined ? null : Number(row.next_expiry) };
  }

  /** Every input file of the run with its content hash (in no particular order). */
  manifest(run: string): Promise<{ file: string; sha256: string }[]> {
    return this.db.query<{ file: string; sha256: string }>('SELECT file, sha256 FROM batch_files WHERE run = $1', [run]);
  }

  /** The run's jobs that its files use, `limit` at a time after the hash `after`, in hash order. */
  results(run: string, after: string, limit: number): Promise<JobResultRow[]> {
    return this.db.query<JobResultRow>(
      `SELECT sha256, status, result::text AS result, error FROM batch_jobs
       WHERE run = $1 AND sha256 > $2 AND sha256 IN (SELECT sha256 FROM batch_files WHERE run = $1)
       ORDER BY sha256 LIMIT $3`,
      [run, after, limit],
    );
  }

  /** Become the one worker that writes the run's outputs: only once every job is finished, only once. */
  async claimCollection(run: string, worker: string): Promise<boolean> {
    const rows = await this.db.query(
      `UPDATE batch_runs SET collected_by = $2, collected_at = now()
       WHERE run = $1 AND collected_by IS NULL AND NOT EXISTS (SELECT 1 FROM batch_jobs WHERE run = $1 AND status IN ('queued', 'running'))
       RETURNING run`,
      [run, worker],
    );
    return rows.length === 1;
  }

  /** Give the collection back (it could not be finished); another worker or `queue collect` may take it. */
  async releaseCollection(run: string, worker: string): Promise<void> {
    await this.db.query('UPDATE batch_runs SET collected_by = NULL, collected_at = NULL WHERE run = $1 AND collected_by = $2', [run, worker]);
  }

  /** Who wrote the run's outputs last, if anyone has since its last change. */
  async collectedBy(run: string): Promise<string | null> {
    const [row] = await this.db.query<{ collected_by: string | null }>('SELECT collected_by FROM batch_runs WHERE run = $1', [run]);
    return row?.collected_by ?? null;
  }

  close(): Promise<void> {
    return this.db.close();
  }
}
