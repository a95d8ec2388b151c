/**
 * The supervisor's desk at a province's scale: 3,000 bodies under 1 province, 10 cities and 100
 * counties (test/support/directory-file.ts), each with 5 years of published reports written
 * straight into the store — the fixtures' tables scaled per body (bench/corpus.ts), one report in
 * five with a wrong total, one in seven published late, one body-year in eleven missing — with
 * the findings gongkai's checks give them (fingerprinted as an upload would). Then, through a real
 * `gongkai serve` process, one request at a time: the region overview with its totals, the bodies
 * × years table, and the 问题清单, for the province's supervisor and for one county's — p50 and
 * p99 over repeated requests, and the first request after the data changed (nothing cached) —
 * on PGlite, and on PostgreSQL when GONGKAI_BENCH_DATABASE_URL is set. Printed, never asserted.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { operator } from '../src/accounts/permissions.js';
import { hashPassword } from '../src/app/accounts/password.js';
import { importDirectory } from '../src/app/directory/index.js';
import { openServices } from '../src/app/services.js';
import { withFingerprints } from '../src/app/supervision/fingerprint.js';
import type { AnnualReport } from '../src/model/report.js';
import { checkReport } from '../src/rules/check.js';
import { AccountStore } from '../src/store/account-store.js';
import { openDb, openPostgres } from '../src/store/db.js';
import { generatedDirectory } from '../test/support/directory-file.js';
import { serveProcess } from '../test/support/serve-process.js';
import { baseModels } from './corpus.js';
import { session } from './session.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PASSWORD = 'bench password 2026';
const YEARS = [2020, 2021, 2022, 2023, 2024];
const RUNS = 60;

/** Body `i`'s report of `year`: a fixture's tables times 1–7, a wrong grand total one time in five, late one time in seven. */
function reportOf(base: AnnualReport, i: number, name: string, year: number): AnnualReport {
  const r = structuredClone(base);
  const k = 1 + (i % 7);
  for (const table of [r.applications, r.appeals]) {
    for (const row of Object.values(table)) for (const c of Object.keys(row)) if (row[c] !== null) row[c] = row[c]! * k;
  }
  if ((i + year) % 5 === 0) {
    const total = r.applications.total;
    if (total?.total !== null && total?.total !== undefined) total.total += 1;
  }
  r.unit = name;
  r.year = year;
  r.title = `${name}${year}年政府信息公开工作年度报告`;
  r.publishedOn = (i + year) % 7 === 0 ? `${year + 1}-04-20` : `${year + 1}-01-15`;
  r.provenance = {};
  r.diagnostics = [];
  return r;
}

interface Row {
  sha: string;
  id: string;
  name: string;
  year: number;
  template: string;
  model: AnnualReport;
  findings: unknown[];
}

/** Write the reports in batches of 250 rows, one statement each. */
export async function writeReports(db: Awaited<ReturnType<typeof openDb>>, bodies: { id: string; name: string }[], uploader: number): Promise<number> {
  const bases = baseModels(join(root, 'test/fixtures'));
  let count = 0;
  let batch: Row[] = [];
  const flush = async () => {
    if (!batch.length) return;
    await db.query(
      `INSERT INTO published_reports (sha256, file_name, format, body_id, unit, year, published_on, template, model, findings, uploaded_by)
       SELECT r.sha, r.sha || '.txt', 'text', r.id, r.name, r.year, r.model->>'publishedOn', r.template, r.model, r.findings, $2
         FROM jsonb_to_recordset($1::jsonb) AS r(sha text, id text, name text, year int, template text, model jsonb, findings jsonb)`,
      [JSON.stringify(batch), uploader],
    );
    count += batch.length;
    batch = [];
  };
  for (const [i, b] of bodies.entries()) {
    let previous: AnnualReport | undefined;
    for (const year of YEARS) {
      if ((i * 3 + year) % 11 === 0) {
        previous = undefined;
        continue;
      }
      const model = reportOf(bases[i % bases.length]!, i, b.name, year);
      const findings = withFingerprints(checkReport(model, previous ? { previous } : {}), { bodyId: b.id, unit: b.name }, year);
      batch.push({ sha: `${b.id}-${year}`, id: b.id, name: b.name, year, template: model.template, model, findings });
      previous = model;
      if (batch.length >= 250) await flush();
    }
  }
  await flush();
  return count;
}

/** Directory, accounts (a province supervisor, a county supervisor) and reports, before the server starts. */
async function seed(target: { url?: string; dataDir?: string }): Promise<{ reports: number; findings: number; seconds: number }> {
  const start = performance.now();
  const db = await openDb(target);
  try {
    const s = await openServices(db);
    await importDirectory(s, operator('bench'), { bytes: new TextEncoder().encode(generatedDirectory()), fileName: 'bench.csv' });
    const accounts = new AccountStore(db);
    const hash = await hashPassword(PASSWORD);
    const province = await accounts.createUser({ username: 'province', displayName: '省政务公开办', passwordHash: hash, role: 'supervisor', bodies: [], regions: ['990000'] }, 'bench');
    await accounts.createUser({ username: 'county', displayName: '县政务公开办', passwordHash: hash, role: 'supervisor', bodies: [], regions: ['990101'] }, 'bench');
    const bodies = await db.query<{ id: string; name: string }>('SELECT id, name FROM bodies ORDER BY id');
    const reports = await writeReports(db, bodies, province);
    const findings = Number((await db.query<{ n: string | number }>('SELECT sum(jsonb_array_length(findings)) AS n FROM published_reports'))[0]!.n);
    return { reports, findings, seconds: (performance.now() - start) / 1000 };
  } finally {
    await db.close();
  }
}

const signIn = async (base: string, username: string) => (await session(base, username, PASSWORD)).cookie;

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;

/**
 * One request after another (no concurrency): the latency a supervisor sees. With `bump`, the
 * data's version is moved before each request (as an upload or a confirmation would), so nothing
 * the server kept is used.
 */
async function time(base: string, cookie: string, path: string, bump?: () => Promise<unknown>): Promise<{ first: number; p50: number; p99: number; bytes: number }> {
  const once = async () => {
    const start = performance.now();
    const res = await fetch(`${base}${path}`, { headers: { cookie } });
    const body = await res.arrayBuffer();
    if (!res.ok) throw new Error(`${path}: ${res.status} ${new TextDecoder().decode(body).slice(0, 300)}`);
    return { ms: performance.now() - start, bytes: body.byteLength };
  };
  const first = await once();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await bump?.();
    times.push((await once()).ms);
  }
  return { first: first.ms, p50: percentile(times, 50), p99: percentile(times, 99), bytes: first.bytes };
}

/** What is measured: [label, user, path]. */
const REQUESTS: [string, string, string][] = [
  ['全省地区总览 province region overview', 'province', '/api/supervisor/overview/regions?year=2024'],
  ['全省机关×年度表第1页 province bodies × years, page 1', 'province', '/api/supervisor/overview/bodies?year=2024'],
  ['全省按2024年度排序、筛选有错误 sorted by 2024, with errors', 'province', '/api/supervisor/overview/bodies?year=2024&sort=y2024&dir=desc&errors=1'],
  ['一个市 one city drill-down', 'province', '/api/supervisor/overview/regions?year=2024&region=990300'],
  ['一个县的总览 county supervisor overview', 'county', '/api/supervisor/overview/regions?year=2024'],
  ['一个县的机关表 county bodies × years', 'county', '/api/supervisor/overview/bodies?year=2024'],
  ['全省机关×年度（整表，不分页）province whole bodies × years, unpaged', 'province', '/api/supervisor/overview?year=2024'],
  ['全省问题清单第1页 province 问题清单 page 1', 'province', '/api/supervisor/issues'],
  ['全省问题清单2024年度错误 issues 2024 errors', 'province', '/api/supervisor/issues?year=2024&severity=error'],
  ['全省问题清单第20页 issues page 20', 'province', '/api/supervisor/issues?page=20'],
  ['一个县的问题清单 county 问题清单', 'county', '/api/supervisor/issues'],
];

async function measure(name: string, target: { url?: string; dataDir?: string }, env: Record<string, string>, args: string[]): Promise<void> {
  const seeded = await seed(target);
  console.log(`监督规模 supervisor scale on ${name}: 3000 个机关、${seeded.reports} 份报告、${seeded.findings} 条发现，写入 ${seeded.seconds.toFixed(1)} s`);
  const { child, url } = await serveProcess(args, { ...env, GONGKAI_ADMIN_PASSWORD: PASSWORD }, { stderr: 'inherit' });
  try {
    const cookies: Record<string, string> = { province: await signIn(url, 'province'), county: await signIn(url, 'county') };
    for (const [label, user, path] of REQUESTS) {
      const t = await time(url, cookies[user]!, path).catch((e: Error) => e);
      if (t instanceof Error) {
        console.log(`  ${label}: 失败 failed ${t.message}`);
        continue;
      }
      console.log(`  ${label} GET ${path}: 首次 first ${t.first.toFixed(0)} ms, p50 ${t.p50.toFixed(1)} ms, p99 ${t.p99.toFixed(1)} ms (${(t.bytes / 1024).toFixed(0)} KiB)`);
      if (!target.url) continue;
      // PostgreSQL takes a second connection: the same request with the data's version moved each time.
      const side = await openPostgres(target.url);
      try {
        const cold = await time(url, cookies[user]!, path, () => side.query("UPDATE data_versions SET version = version + 1 WHERE name = 'overview'"));
        console.log(`    数据每次变动后 after every change (nothing kept): p50 ${cold.p50.toFixed(1)} ms, p99 ${cold.p99.toFixed(1)} ms`);
      } finally {
        await side.close();
      }
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

export async function benchSupervisorScale(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'gongkai-bench-scale-'));
  try {
    const dataDir = join(work, 'data');
    await measure('PGlite', { dataDir }, {}, ['--data', dataDir]);
    const pgUrl = process.env.GONGKAI_BENCH_DATABASE_URL;
    if (pgUrl) {
      const admin = await openPostgres(pgUrl);
      const db = `gongkai_bench_scale_${Date.now()}`;
      await admin.query(`CREATE DATABASE ${db}`);
      await admin.close();
      const url = pgUrl.replace(/\/[^/]*$/, `/${db}`);
      await measure('PostgreSQL', { url }, { DATABASE_URL: url }, []);
    } else console.log('  （未设置 GONGKAI_BENCH_DATABASE_URL，跳过 PostgreSQL / PostgreSQL skipped）');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

// `tsx bench/supervisor-scale.ts` runs it alone.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await benchSupervisorScale();
