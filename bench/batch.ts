/**
 * `npm run bench` (batch part): `gongkai batch` on corpora of 1,000 and 10,000 reports made from
 * the fixtures, in a child process as a user runs it: reports per second and the peak memory
 * it reports — the cost per report must not grow with the corpus.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeCorpus } from './corpus.js';

export function benchBatch(root: string): void {
  for (const n of [1_000, 10_000]) {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-'));
    try {
      writeCorpus(join(dir, 'in'), n, join(root, 'test/fixtures'));
      const start = performance.now();
      const run = spawnSync(process.execPath, [resolve(root, 'bin/gongkai.js'), 'batch', join(dir, 'in'), '--out', join(dir, 'out')], { encoding: 'utf8' });
      const seconds = (performance.now() - start) / 1000;
      const peak = /峰值内存 peak RSS (\d+) MiB/.exec(run.stderr)?.[1] ?? '?';
      console.log(`批量 batch ${n} 份: ${(n / seconds).toFixed(0)} 份/秒 reports/s on all cores (${seconds.toFixed(1)} s, 含进程启动与输出文件), 峰值内存 peak RSS ${peak} MiB`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
