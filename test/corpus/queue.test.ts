/**
 * The pure parts of the batch job queue: run names, leases, how long an idle worker waits, and
 * the status line. (The queue itself is tested on PostgreSQL in test/cli/queue.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LEASE_SECONDS,
  DEFAULT_RUN,
  heartbeatSeconds,
  isFinished,
  parseLease,
  parseRunName,
  QueueInputError,
  statusLine,
  waitSeconds,
  type RunCounts,
} from '../../src/corpus/queue.js';

const counts = (c: Partial<RunCounts>): RunCounts => ({ files: 0, queued: 0, running: 0, done: 0, failed: 0, nextExpiry: null, ...c });

describe('queue options', () => {
  it('takes run names of letters, digits and _ . -, the default when none is given', () => {
    expect(parseRunName(undefined)).toBe(DEFAULT_RUN);
    expect(parseRunName('county-2024_v2.1')).toBe('county-2024_v2.1');
    for (const bad of ['', 'a b', '县里', 'x'.repeat(101), "x'; DROP TABLE batch_jobs"]) {
      expect(() => parseRunName(bad)).toThrow(QueueInputError);
    }
    expect(() => parseRunName('a b')).toThrow(/任务名称只能由字母、数字/);
  });

  it('takes a lease in whole seconds from 1 to a day', () => {
    expect(parseLease(undefined)).toBe(DEFAULT_LEASE_SECONDS);
    expect(parseLease('30')).toBe(30);
    expect(parseLease('86400')).toBe(86_400);
    for (const bad of ['0', '-5', '1.5', 'abc', '86401']) expect(() => parseLease(bad)).toThrow(/--lease 应为 1 到 86400 之间的整数秒/);
  });

  it('renews a lease three times in its length', () => {
    expect(heartbeatSeconds(300)).toBe(100);
  });
});

describe('an idle worker', () => {
  it('waits until the first lease of another worker could run out, between 0.2 and 1 second', () => {
    expect(waitSeconds(0.5)).toBeCloseTo(0.55);
    expect(waitSeconds(-3)).toBe(0.2); // already out: look again soon
    expect(waitSeconds(120)).toBe(1); // the others' jobs may finish any time
    expect(waitSeconds(null)).toBe(1);
  });

  it('knows a run is finished when nothing is queued or running, failed jobs included', () => {
    expect(isFinished(counts({ done: 3, failed: 1 }))).toBe(true);
    expect(isFinished(counts({ done: 3, running: 1 }))).toBe(false);
    expect(isFinished(counts({ queued: 1 }))).toBe(false);
  });
});

describe('statusLine', () => {
  it('counts files and jobs (files of the same content share a job) by status, in Chinese and English', () => {
    const line = statusLine('county', counts({ files: 12, queued: 4, running: 2, done: 3, failed: 1 }));
    expect(line).toContain('任务 county：12 个文件，10 个任务');
    expect(line).toContain('待处理 4，进行中 2，已完成 3，失败 1');
    expect(line).toContain('queued 4, running 2, done 3, failed 1');
  });
});
