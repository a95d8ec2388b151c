/** A reading thread for the pool's own test: answers, spins past any time, or eats memory without end. */
import { serveJobs } from '../../src/adapters/worker-pool.js';

serveJobs(async (input: { answer?: number; spin?: boolean; eat?: boolean; fail?: boolean }) => {
  if (input.spin) for (;;);
  if (input.eat) {
    const kept: number[][] = [];
    for (let i = 0; ; i++) kept.push(new Array<number>(1_000_000).fill(i + 0.5));
  }
  if (input.fail) throw new Error('失败了');
  return { value: (input.answer ?? 0) * 2 };
});
