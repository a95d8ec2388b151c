/**
 * `npm run bench` (start-up part): how long the `gongkai` command takes to start, beside a bare
 * `node -e 0` on the same machine at the same moment. Each command runs as a user runs it (a
 * child process of the built CLI); the runs take turns so a busy moment on a shared machine
 * falls on all of them alike, and the median of each is printed with its ratio to bare Node.
 * The goal (issue 14): `--help` within 3× bare Node, `parse` of one text report within 4×.
 *
 * Alone: `npx tsx bench/startup.ts [ROOT]` — ROOT another built checkout (e.g. a `git worktree`
 * of an older commit) to compare with.
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const RUNS = 15;

interface Case {
  name: string;
  args: string[];
}

function millis(args: readonly string[], cwd: string): number {
  const start = performance.now();
  const run = spawnSync(process.execPath, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = performance.now() - start;
  if (run.status !== 0) throw new Error(`node ${args.join(' ')}: exit ${run.status}\n${run.stderr}`);
  return ms;
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** Median start-up times of the CLI built under `root` (its dist/), with ratios to bare Node. */
export function benchStartup(root: string, runs = RUNS): Map<string, number> {
  const bin = resolve(root, 'bin/gongkai.js');
  const fixture = join(root, 'test/fixtures/reports/yunling-2024.tsv.txt');
  const cases: Case[] = [
    { name: 'node -e 0', args: ['-e', '0'] },
    { name: 'gongkai --help', args: [bin, '--help'] },
    { name: 'gongkai parse yunling-2024.tsv.txt', args: [bin, 'parse', fixture] },
  ];
  const times = new Map<string, number[]>(cases.map((c) => [c.name, []]));
  for (const c of cases) millis(c.args, root); // warm the file cache once
  for (let i = 0; i < runs; i++) for (const c of cases) times.get(c.name)!.push(millis(c.args, root));
  const medians = new Map([...times].map(([name, t]) => [name, median(t)]));
  const bare = medians.get('node -e 0')!;
  const load = loadavg().map((l) => l.toFixed(2)).join(' ');
  console.log(`启动 start-up (${runs} 次取中位数 median of ${runs}, 负载 load average ${load}):`);
  for (const [name, ms] of medians) console.log(`  ${name}: ${ms.toFixed(0)} ms (${(ms / bare).toFixed(1)}× node -e 0)`);
  return medians;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  benchStartup(resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..')));
}
