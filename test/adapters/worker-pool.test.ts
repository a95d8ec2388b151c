/**
 * The reading threads' pool on its own: a job past its time is stopped and named so, a thread
 * past its heap limit is stopped and named so, a thrown error is the job's, and after each the
 * pool goes on with a fresh thread — the job beside a stopped one is never lost.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { WorkerPool, workerEntry } from '../../src/adapters/worker-pool.js';

const entry = workerEntry(new URL('../support/', import.meta.url).href, 'greedy-worker');

describe('WorkerPool', () => {
  const pool = new WorkerPool<{ answer?: number; spin?: boolean; eat?: boolean; fail?: boolean }, number>(entry, 2, { timeoutMs: 1500, maxMemoryMb: 48 });
  afterAll(() => pool.close());

  it('answers a job', async () => {
    expect(await pool.run({ answer: 21 })).toEqual({ ok: true, value: 42 });
  }, 60_000);

  it('stops a job past its time, and the job beside it still answers', async () => {
    const [spin, good] = await Promise.all([pool.run({ spin: true }), pool.run({ answer: 2 })]);
    expect(spin).toMatchObject({ ok: false, stopped: 'timeoutMs' });
    expect(good).toEqual({ ok: true, value: 4 });
    expect(await pool.run({ answer: 5 })).toEqual({ ok: true, value: 10 });
  }, 60_000);

  it('stops a thread past its memory, then reads on with a fresh one', async () => {
    const end = await pool.run({ eat: true });
    expect(end).toMatchObject({ ok: false, stopped: 'maxMemoryMb' });
    expect(await pool.run({ answer: 1 })).toEqual({ ok: true, value: 2 });
  }, 60_000);

  it('gives a thrown error to its job only', async () => {
    expect(await pool.run({ fail: true })).toMatchObject({ ok: false, stopped: 'crash', detail: '失败了' });
    expect(await pool.run({ answer: 3 })).toEqual({ ok: true, value: 6 });
  }, 60_000);

  it('a job may have less time than the pool gives (what is left of an upload)', async () => {
    expect(await pool.run({ spin: true }, { timeoutMs: 200 })).toMatchObject({ ok: false, stopped: 'timeoutMs', detail: '200 ms' });
  }, 60_000);
});
