/**
 * `npm run bench` (server part): a bounded load test on loopback with autocannon against a real
 * `gongkai serve` process — the public status lookup (POST with the query code) and the
 * supervisor's report list (bodies × years over 300 uploaded reports), plus the officer's
 * register list — on the embedded PGlite, and on PostgreSQL when GONGKAI_BENCH_DATABASE_URL
 * names a server. The server runs in its own process so that the load generator does not share
 * its event loop; on 2 cores the two take one core each.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { hashPassword } from '../src/app/accounts/password.js';
import { logNumberedApplication } from '../src/app/register/writes.js';
import { openServices } from '../src/app/services.js';
import { AccountStore } from '../src/store/account-store.js';
import { openDb, openPostgres } from '../src/store/db.js';
import { PublicStore } from '../src/store/public-store.js';
import { serveProcess } from '../test/support/serve-process.js';
import { writeCorpus } from './corpus.js';
import { session as signedIn } from './session.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PASSWORD = 'bench password 2026';
const APPLICATIONS = 2000;
const REPORTS = 300;
const DURATION_S = 8;

interface Target {
  name: string;
  env: Record<string, string>;
  args: string[];
  dataDir?: string;
  url?: string;
}

/** Bodies, accounts and applications with their query codes, written before the server starts. */
async function seed(target: Target): Promise<{ id: string; code: string }[]> {
  const db = await openDb(target.url ? { url: target.url } : { dataDir: target.dataDir! });
  const s = await openServices(db);
  const accounts = new AccountStore(db);
  await s.register.addBody('bench', '基准县基准镇人民政府', 'bench');
  const hash = await hashPassword(PASSWORD);
  await accounts.createUser({ username: 'officer', displayName: '经办人', passwordHash: hash, role: 'officer', bodies: ['bench'] }, 'bench');
  await accounts.createUser({ username: 'supervisor', displayName: '县政务公开办', passwordHash: hash, role: 'supervisor', bodies: ['bench'] }, 'bench');
  const codes: { id: string; code: string }[] = [];
  for (let i = 0; i < APPLICATIONS; i++) {
    let code = '';
    const id = await logNumberedApplication(
      s,
      'bench',
      'bench',
      { applicant: { type: 'naturalPerson', name: `申请人${i}`, idNumber: 'E12345678', contact: '13812345678' }, description: `第${i}号地块征收批复`, channel: 'online', receivedOn: `2026-0${1 + (i % 9)}-1${i % 10}` },
      async (tx, appId) => {
        code = await PublicStore.issueCode(tx, appId, 'otherPersonal', 'bench');
      },
    );
    codes.push({ id, code });
  }
  await db.close();
  return codes;
}

const startServer = (target: Target) => serveProcess(target.args, { ...target.env, GONGKAI_ADMIN_PASSWORD: PASSWORD }, { stderr: 'inherit' });

const session = (base: string, username?: string) => signedIn(base, username, PASSWORD);

/** Upload the generated reports as the supervisor, 50 files a request. */
async function uploadReports(base: string, files: string[]): Promise<void> {
  const s = await session(base, 'supervisor');
  for (let i = 0; i < files.length; i += 50) {
    const form = new FormData();
    for (const f of files.slice(i, i + 50)) form.append('file', new Blob([readFileSync(f)]), basename(f));
    const res = await fetch(`${base}/api/supervisor/uploads`, { method: 'POST', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, body: form });
    if (!res.ok) throw new Error(`upload failed: ${res.status} ${await res.text()}`);
  }
}

async function load(title: string, options: autocannon.Options): Promise<void> {
  const r = await autocannon({ connections: 10, duration: DURATION_S, ...options });
  const bad = r.non2xx + r.errors + r.timeouts;
  console.log(
    `  ${title}: ${r.requests.average.toFixed(0)} 次/秒 req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, 最大 max ${r.latency.max} ms` +
      (bad ? `，失败 failed ${bad}` : ''),
  );
}

async function run(target: Target, corpus: string[]): Promise<void> {
  console.log(`服务器负载 server load (${target.name}, autocannon 10 connections × ${DURATION_S} s, loopback):`);
  const codes = await seed(target);
  const { child, url } = await startServer(target);
  try {
    await uploadReports(url, corpus);
    const anon = await session(url);
    let i = 0;
    await load('办理查询 status lookup POST /api/public/applications/{id}/status', {
      url,
      requests: [
        {
          method: 'POST',
          headers: { cookie: anon.cookie, 'x-csrf-token': anon.csrf, 'content-type': 'application/json' },
          setupRequest: (req) => {
            const c = codes[i++ % codes.length]!;
            return { ...req, path: `/api/public/applications/${c.id}/status`, body: JSON.stringify({ code: c.code }) };
          },
        },
      ],
    });
    const sup = await session(url, 'supervisor');
    await load(`报告列表 report list GET /api/supervisor/overview (${corpus.length} 份报告 reports)`, {
      url: `${url}/api/supervisor/overview`,
      headers: { cookie: sup.cookie },
    });
    const off = await session(url, 'officer');
    await load(`台账列表 register list GET /api/bodies/bench/applications (${APPLICATIONS} 件 applications)`, {
      url: `${url}/api/bodies/bench/applications?status=open`,
      headers: { cookie: off.cookie },
    });
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

export async function benchServer(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'gongkai-bench-server-'));
  try {
    const corpus = writeCorpus(join(work, 'reports'), REPORTS, join(root, 'test/fixtures'));
    const dataDir = join(work, 'data');
    await run({ name: 'PGlite 内嵌', env: {}, args: ['--data', dataDir], dataDir }, corpus);
    const pgUrl = process.env.GONGKAI_BENCH_DATABASE_URL;
    if (pgUrl) {
      const admin = await openPostgres(pgUrl);
      const name = `gongkai_bench_server_${Date.now()}`;
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.close();
      const url = pgUrl.replace(/\/[^/]*$/, `/${name}`);
      await run({ name: 'PostgreSQL', env: { DATABASE_URL: url }, args: [], url }, corpus);
    } else {
      console.log('  （未设置 GONGKAI_BENCH_DATABASE_URL，跳过 PostgreSQL / PostgreSQL skipped）');
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await benchServer();
