/**
 * `npm run bench` (corpus part): `gongkai batch` and `gongkai similar` on corpora of 1,000 and
 * 10,000 reports made from the fixtures, each in a child process as a user runs it.
 *
 * - batch: reports per second and the peak memory it reports — the cost per report must not
 *   grow with the corpus.
 * - similar: seconds at each size and their ratio (near-linear: about the ratio of the sizes),
 *   and a check of what it found against what the corpus planted: every planted near-duplicate
 *   pair found, no pair reported below the threshold (and how many unplanted pairs it reported).
 *   A failed check sets the exit code.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { plantedPairs, writeCorpus } from './corpus.js';

const SIZES = [1_000, 10_000];
const THRESHOLD = 0.8;

interface SimilarJson {
  pairs: { a: string; b: string; score: number; sameBody: boolean }[];
}

function timed(root: string, args: string[]): { seconds: number; stdout: string; stderr: string; status: number | null } {
  const start = performance.now();
  const run = spawnSync(process.execPath, [resolve(root, 'bin/gongkai.js'), ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { seconds: (performance.now() - start) / 1000, stdout: run.stdout, stderr: run.stderr, status: run.status };
}

function batch(root: string, dir: string, n: number): void {
  const run = timed(root, ['batch', join(dir, 'in'), '--out', join(dir, 'out')]);
  const peak = /峰值内存 peak RSS (\d+) MiB/.exec(run.stderr)?.[1] ?? '?';
  console.log(`批量 batch ${n} 份: ${(n / run.seconds).toFixed(0)} 份/秒 reports/s on all cores (${run.seconds.toFixed(1)} s, 含进程启动与输出文件), 峰值内存 peak RSS ${peak} MiB`);
}

/** Run `gongkai similar --json` and check it against the planted pairs; returns its seconds. */
function similar(root: string, paths: readonly string[], dir: string): number {
  const n = paths.length;
  const run = timed(root, ['similar', join(dir, 'in'), '--json', '--threshold', String(THRESHOLD)]);
  if (run.status !== 0) {
    console.log(`✗ 雷同 similar ${n} 份: 退出码 exit ${run.status}\n${run.stderr}`);
    process.exitCode = 1;
    return run.seconds;
  }
  const { pairs } = JSON.parse(run.stdout) as SimilarJson;
  const found = new Set(pairs.map((p) => `${p.a}\u0000${p.b}`));
  const planted = plantedPairs(n).map(([i, j]) => [paths[i]!, paths[j]!].sort().join('\u0000'));
  const missed = planted.filter((p) => !found.has(p));
  const below = pairs.filter((p) => p.score < THRESHOLD);
  const plantedSet = new Set(planted);
  const unplanted = pairs.filter((p) => !plantedSet.has(`${p.a}\u0000${p.b}`));
  const ok = missed.length === 0 && below.length === 0;
  if (!ok) process.exitCode = 1;
  const lowest = pairs.length ? Math.min(...pairs.map((p) => p.score)) : null;
  console.log(
    `雷同 similar ${n} 份: ${run.seconds.toFixed(1)} s (${((run.seconds * 1000) / n).toFixed(2)} ms/份, 含读取与解析 incl. reading and parsing); ` +
      `${ok ? '✓' : '✗'} 埋入 planted ${planted.length} 对, 找到 found ${planted.length - missed.length}, 漏掉 missed ${missed.length}; ` +
      `报告 reported ${pairs.length} 对 (低于阈值 below ${THRESHOLD}: ${below.length}, 未埋入 unplanted: ${unplanted.length}, 最低 lowest ${lowest?.toFixed(3) ?? '—'})`,
  );
  return run.seconds;
}

/** Seconds of `gongkai similar` on an empty folder: start-up, module loading, nothing to compare. */
function startup(root: string): number {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-empty-'));
  try {
    mkdirSync(join(dir, 'in'));
    return timed(root, ['similar', join(dir, 'in'), '--json']).seconds;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function benchBatch(root: string): void {
  const seconds: number[] = [];
  const fixed = startup(root);
  for (const n of SIZES) {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-'));
    try {
      const paths = writeCorpus(join(dir, 'in'), n, join(root, 'test/fixtures'));
      batch(root, dir, n);
      seconds.push(similar(root, paths, dir));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const [small, large] = seconds;
  const sizes = SIZES[1]! / SIZES[0]!;
  const net = (large! - fixed) / (small! - fixed);
  console.log(
    `雷同 similar 时间之比 time ratio ${SIZES[1]}/${SIZES[0]}: ${(large! / small!).toFixed(1)}，扣除启动 ${fixed.toFixed(1)} s 后 net of start-up ${net.toFixed(1)}` +
      `（语料之比 corpus ratio ${sizes}；每份耗时之比 per-report ratio ${(net / sizes).toFixed(2)}，1.00 为线性 linear）`,
  );
}
