/**
 * The pure parts of the batch job queue (`gongkai queue …`, `gongkai batch --queue`): names of
 * runs, leases, how long an idle worker waits, and the status line. The queue itself lives in
 * PostgreSQL (store/job-queue.ts); the reading and checking is `gongkai batch`'s own.
 */

/** The run a queue command works on when none is named. */
export const DEFAULT_RUN = 'default';

/** A lease a worker renews while it works (a third of it between renewals); when it runs out, the job is claimed again. */
export const DEFAULT_LEASE_SECONDS = 300;

/** A job whose lease ran out this many times (its worker died each time) is failed, not claimed again. */
export const MAX_ATTEMPTS = 3;

/** A refused option value: the message is for the user. */
export class QueueInputError extends Error {}

export function parseRunName(text: string | undefined): string {
  const name = text ?? DEFAULT_RUN;
  if (!/^[A-Za-z0-9_.-]{1,100}$/.test(name)) {
    throw new QueueInputError(`任务名称只能由字母、数字和 _ . - 组成（不超过 100 个字符），而不是“${name}”(run names: letters, digits, _ . -)`);
  }
  return name;
}

export function parseLease(text: string | undefined): number {
  if (text === undefined) return DEFAULT_LEASE_SECONDS;
  const seconds = Number(text);
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 86_400) {
    throw new QueueInputError(`--lease 应为 1 到 86400 之间的整数秒，而不是“${text}”(lease in whole seconds)`);
  }
  return seconds;
}

/** Seconds between renewals of a worker's leases: a third of the lease, so two renewals may fail before it runs out. */
export function heartbeatSeconds(lease: number): number {
  return lease / 3;
}

export interface RunCounts {
  /** Input files of the run (several may share one job: the same bytes are read once). */
  files: number;
  queued: number;
  running: number;
  done: number;
  failed: number;
  /** Seconds until the first lease of a running job runs out (negative: already out), or null. */
  nextExpiry: number | null;
}

/** Every job done or failed: the outputs can be collected. */
export function isFinished(c: RunCounts): boolean {
  return c.queued === 0 && c.running === 0;
}

/**
 * How long a worker with nothing to claim waits before it looks again: until the first lease of
 * another worker's job could run out (so a crashed worker's job is taken over promptly), but at
 * least 0.2 s and at most 1 s (the others' last jobs finish any time, and then the outputs are
 * due; looking costs one small query).
 */
export function waitSeconds(nextExpiry: number | null): number {
  if (nextExpiry === null) return 1;
  return Math.min(1, Math.max(0.2, nextExpiry + 0.05));
}

export function statusLine(run: string, c: RunCounts): string {
  const jobs = c.queued + c.running + c.done + c.failed;
  return (
    `任务 ${run}：${c.files} 个文件，${jobs} 个任务（内容相同的文件只读一次）；待处理 ${c.queued}，进行中 ${c.running}，已完成 ${c.done}，失败 ${c.failed}` +
    ` (run ${run}: ${c.files} files, ${jobs} jobs; queued ${c.queued}, running ${c.running}, done ${c.done}, failed ${c.failed})`
  );
}
