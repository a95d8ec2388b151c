/**
 * `npm run bench` (uploads): a real `gongkai serve` process on loopback, with its default
 * budgets. First the upload throughput (reports per second through the supervisor's upload,
 * streamed to disk, read in the reading threads, checked and stored); then each hostile file
 * of issue 17 uploaded by the supervisor (with one good report beside it) while the public
 * form (GET /api/public/form) is asked every 100 ms: how long the upload took, how it ended,
 * the public form's p50/p99/max while it ran, and the server's memory above idle (RSS of the
 * process, reading threads included, sampled every 100 ms). Measured, never asserted.
 */
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashPassword } from '../src/app/accounts/password.js';
import { openServices } from '../src/app/services.js';
import { AccountStore } from '../src/store/account-store.js';
import { openDb } from '../src/store/db.js';
import { goodReport, largeText, manyPagePdf, nestedHtml, overlappingZip, zipOfReports } from '../test/support/hostile.js';
import { serveProcess } from '../test/support/serve-process.js';
import { writeCorpus } from './corpus.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PASSWORD = 'bench password 2026';
const THROUGHPUT_REPORTS = 100;

/** The server's resident memory in MiB (the whole process: the event loop and the reading threads). */
function rssMib(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

async function seed(dataDir: string): Promise<void> {
  const db = await openDb({ dataDir });
  const s = await openServices(db);
  await s.register.addBody('yl', '青禾县云岭镇人民政府', 'bench');
  await new AccountStore(db).createUser({ username: 'supervisor', displayName: '县政务公开办', passwordHash: await hashPassword(PASSWORD), role: 'supervisor', bodies: ['yl'] }, 'bench');
  await db.close();
}

async function signIn(base: string): Promise<{ cookie: string; csrf: string }> {
  const jar = new Map<string, string>();
  const take = (res: Response) => res.headers.getSetCookie().forEach((c) => jar.set(c.split(';')[0]!.split('=')[0]!, c.split(';')[0]!.split('=')[1]!));
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  let res = await fetch(`${base}/api/session`);
  take(res);
  const anon = ((await res.json()) as { csrfToken: string }).csrfToken;
  res = await fetch(`${base}/api/session`, { method: 'POST', headers: { cookie: cookie(), 'x-csrf-token': anon, 'content-type': 'application/json' }, body: JSON.stringify({ username: 'supervisor', password: PASSWORD }) });
  take(res);
  return { cookie: cookie(), csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

interface UploadAnswer {
  results?: { file: string; ok: boolean; reportId: number | null; error?: string }[];
  error?: string;
}

async function upload(base: string, s: { cookie: string; csrf: string }, files: { name: string; bytes: Uint8Array }[]): Promise<{ status: number; body: UploadAnswer }> {
  const form = new FormData();
  for (const f of files) form.append('file', new Blob([f.bytes as Uint8Array<ArrayBuffer>]), f.name);
  const send = () => fetch(`${base}/api/supervisor/uploads`, { method: 'POST', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, body: form });
  // A kept-alive socket the server closes just as it is reused fails before anything is sent: sent again once.
  const res = await send().catch(send);
  return { status: res.status, body: (await res.json()) as UploadAnswer };
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;

/** Ask the public form every 100 ms and sample the server's memory until `stop` resolves. */
async function watch<T>(base: string, pid: number, work: Promise<T>): Promise<{ result: T; latencies: number[]; failed: number; peakMib: number }> {
  let done = false;
  const latencies: number[] = [];
  let failed = 0;
  const why = new Set<string>();
  let peakMib = rssMib(pid);
  const poll = (async () => {
    while (!done) {
      const t = performance.now();
      try {
        const res = await fetch(`${base}/api/public/form`, { signal: AbortSignal.timeout(10_000) });
        await res.arrayBuffer();
        if (!res.ok) {
          failed++;
          why.add(`HTTP ${res.status}`);
        }
      } catch (error) {
        failed++;
        why.add(String((error as { cause?: unknown }).cause ?? error));
      }
      latencies.push(performance.now() - t);
      peakMib = Math.max(peakMib, rssMib(pid));
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const result = await work.finally(() => (done = true));
  await poll;
  if (why.size) console.log(`    （公开表单失败原因 why the public form failed: ${[...why].join('; ')}）`);
  return { result, latencies, failed, peakMib };
}

export interface HostileFigure {
  name: string;
  seconds: number;
  status: number;
  outcome: string;
  goodKept: boolean;
  p50: number;
  p99: number;
  max: number;
  failed: number;
  aboveIdleMib: number;
}

const HOSTILE: [string, string, () => Uint8Array][] = [
  ['950 KB 嵌套网页 nested HTML', 'nested.html', () => nestedHtml(86_000)],
  ['10,000 页 PDF 10,000-page PDF', 'pages.pdf', () => manyPagePdf(10_000)],
  ['190 × 1 MiB 报告的 ZIP ZIP of 190 × 1 MiB reports', 'reports.zip', () => zipOfReports(190, 1024 * 1024)],
  ['重叠条目的 ZIP ZIP with overlapping entries', 'overlap.zip', () => overlappingZip(200, 1)],
  ['60 MB 文本 60 MB text file', 'big.txt', () => largeText(60_000_000)],
];

export async function benchUploads(): Promise<HostileFigure[]> {
  const work = mkdtempSync(join(tmpdir(), 'gongkai-bench-uploads-'));
  const figures: HostileFigure[] = [];
  try {
    const dataDir = join(work, 'data');
    await seed(dataDir);
    const { child, url } = await serveProcess(['--data', dataDir], { GONGKAI_ADMIN_PASSWORD: PASSWORD }, { stderr: 'inherit' });
    try {
      const s = await signIn(url);
      const pid = child.pid!;
      const idle = rssMib(pid);
      console.log(`上传 uploads (gongkai serve, 默认预算 default budgets; 空闲 idle RSS ${idle.toFixed(0)} MiB):`);
      const corpus = writeCorpus(join(work, 'reports'), THROUGHPUT_REPORTS, join(root, 'test/fixtures')).map((p, i) => ({ name: `r${i}.txt`, bytes: new Uint8Array(readFileSync(p)) }));
      const t0 = performance.now();
      const through = await watch(url, pid, (async () => {
        for (let i = 0; i < corpus.length; i += 50) await upload(url, s, corpus.slice(i, i + 50));
      })());
      const secs = (performance.now() - t0) / 1000;
      const sorted = [...through.latencies].sort((a, b) => a - b);
      console.log(
        `  吞吐 throughput: ${THROUGHPUT_REPORTS} 份报告 reports in ${secs.toFixed(1)} s = ${(THROUGHPUT_REPORTS / secs).toFixed(1)} 份/秒 reports/s; ` +
          `其间公开表单 public form p50 ${pct(sorted, 50).toFixed(0)} ms, p99 ${pct(sorted, 99).toFixed(0)} ms; 峰值 peak RSS ${through.peakMib.toFixed(0)} MiB`,
      );
      const all: number[] = [];
      const made = HOSTILE.map(([name, file, make]) => [name, file, make()] as const);
      for (const [name, file, bytes] of made) {
        const before = rssMib(pid);
        const start = performance.now();
        const w = await watch(url, pid, upload(url, s, [{ name: file, bytes }, { name: 'good.md', bytes: goodReport() }]));
        const seconds = (performance.now() - start) / 1000;
        all.push(...w.latencies);
        const sortedL = [...w.latencies].sort((a, b) => a - b);
        const results = w.result.body.results ?? [];
        const hostile = results.filter((r) => r.file.startsWith(file));
        const refusedN = hostile.filter((r) => !r.ok).length;
        const reasons = [...new Set(hostile.filter((r) => r.error).map((r) => r.error!))].slice(0, 2).join(' | ');
        const outcome = w.result.status !== 200 ? `HTTP ${w.result.status} ${w.result.body.error ?? ''}` : `${hostile.length} 个文件 files, ${refusedN} 个未读或拒绝 not read/refused: ${reasons}`;
        const goodKept = results.some((r) => r.file === 'good.md' && r.ok && r.reportId !== null);
        const figure = { name, seconds, status: w.result.status, outcome, goodKept, p50: pct(sortedL, 50), p99: pct(sortedL, 99), max: sortedL.at(-1) ?? NaN, failed: w.failed, aboveIdleMib: w.peakMib - idle };
        figures.push(figure);
        console.log(
          `  ${name} (${(bytes.length / 1024).toFixed(0)} KiB): 用时 took ${seconds.toFixed(1)} s; 公开表单 public form p50 ${figure.p50.toFixed(0)} ms, p99 ${figure.p99.toFixed(0)} ms, 最大 max ${figure.max.toFixed(0)} ms` +
            `${w.failed ? `，失败 failed ${w.failed}` : ''}; 内存高于空闲 memory above idle ${figure.aboveIdleMib.toFixed(0)} MiB (上传前 before ${(before - idle).toFixed(0)}); ` +
            `同传的正常报告 good report ${goodKept ? '已保存 kept' : '未保存 NOT kept'}\n    → ${outcome}`,
        );
      }
      const sortedAll = all.sort((a, b) => a - b);
      console.log(`  恶意上传期间公开表单 public form during hostile uploads: ${sortedAll.length} 次 polls, p50 ${pct(sortedAll, 50).toFixed(0)} ms, p99 ${pct(sortedAll, 99).toFixed(0)} ms, 最大 max ${(sortedAll.at(-1) ?? NaN).toFixed(0)} ms; 峰值 peak RSS ${rssMib(pid).toFixed(0)} MiB now`);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return figures;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await benchUploads();
