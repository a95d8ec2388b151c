/**
 * The test run: files in parallel (vitest's default on two cores is one worker, which left a core
 * idle while a test waited on Chromium, PostgreSQL or a child process), the longest first, in
 * workers that keep their modules, generous timeouts for a busy machine, and conditions polled
 * rather than read once.
 */
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { LongestFirst } from './test/support/sequencer.js';

// One worker per core: a third on two cores finished no sooner (206 s with two, 216 s with three)
// and stretched CPU-bound files fourfold (the mutation test 14 → 53 s, near its timeout).
// GONGKAI_TEST_WORKERS overrides.
const workers = Number(process.env.GONGKAI_TEST_WORKERS) || availableParallelism();

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    maxWorkers: workers,
    sequence: { sequencer: LongestFirst },
    // A worker keeps its modules from one file to the next: each file used to import the server
    // afresh and compile PGlite's WebAssembly again (test/server: 95 → 52 s). No test relies on
    // module state of its own — each makes its servers and databases — and GONGKAI_TEST_ISOLATE=1
    // gives every file a fresh worker to find one that would.
    isolate: process.env.GONGKAI_TEST_ISOLATE === '1',
    // Generous: on a machine shared with other work a CPU-bound file can take three times as long.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: ['default'],
    // expect.poll waits for what a page or a server does next; a second is too short on a busy machine.
    expect: { poll: { timeout: 20_000 } },
    env: {
      // tesseract's OpenMP threads spin against each other and against the other workers: one
      // thread reads the same text about three times faster on a loaded two-core machine.
      OMP_THREAD_LIMIT: '1',
    },
  },
});
