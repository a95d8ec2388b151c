/**
 * The batch job queue on a real PostgreSQL server (GONGKAI_TEST_DATABASE_URL; a fresh database
 * per test): two worker processes share one corpus, each job done once, and the collected
 * outputs are byte for byte those of one `gongkai batch` run; a worker that dies holding a job
 * has it taken over when its lease runs out; `gongkai batch --queue` does all of it in one
 * command; without a PostgreSQL server the queue is refused with the reason.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../bench/corpus.js';
import { openPglite, openPostgres } from '../../src/store/db.js';
import { JobQueue } from '../../src/store/job-queue.js';
import { freshPostgresUrl, PG_URL } from '../support/db.js';
import { FIXTURES } from '../support/shared.js';

const BIN = resolve(FIXTURES, '../../bin/gongkai.js');
const OUTPUTS = ['reports.jsonl', 'findings.csv', 'cells.csv', 'errors.csv', 'series.csv', 'summary.xlsx'];
const REPORTS = 150;

if (!PG_URL) console.warn('[gongkai tests] GONGKAI_TEST_DATABASE_URL is not set: the PostgreSQL job-queue tests are skipped.');

const env = (url?: string) => {
  const e: NodeJS.ProcessEnv = { ...process.env };
  delete e.DATABASE_URL;
  return url ? { ...e, DATABASE_URL: url } : e;
};
const gongkai = (url: string | undefined, ...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: env(url) });

/** A worker in its own process; resolves with its exit code and what it said. */
function worker(url: string, ...args: string[]): Promise<{ status: number | null; stderr: string }> {
  const child = spawn(process.execPath, [BIN, 'queue', 'work', ...args], { env: env(url) });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((done) => child.on('exit', (status) => done({ status, stderr })));
}

const sameAs = (expected: string, dir: string) => OUTPUTS.filter((f) => !readFileSync(join(expected, f)).equals(readFileSync(join(dir, f))));

let dir = '';
let input = '';
let whole = '';
/** Distinct contents among the inputs: the generated reports, two copies of one, the broken files and the archive's two entries. */
let distinct = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gongkai-queue-'));
  input = join(dir, 'in');
  const paths = writeCorpus(input, REPORTS, FIXTURES);
  writeFileSync(join(input, 'copy-of-r000003.txt'), readFileSync(paths[3]!)); // same bytes, read once
  writeFileSync(join(input, 'broken.pdf'), '%PDF-1.7\ntruncated');
  writeFileSync(join(input, 'empty.txt'), '');
  // Two reports inside an archive: their bytes travel in the queue, not their extracted paths.
  const zip = new JSZip();
  zip.file('县里/甲.txt', readFileSync(join(FIXTURES, 'reports/yunling-2023.tsv.txt')));
  zip.file('县里/乙.txt', readFileSync(join(FIXTURES, 'reports/songxi-2024.tsv.txt')));
  writeFileSync(join(input, 'reports.zip'), await zip.generateAsync({ type: 'uint8array' }));
  // A ZIP without its directory: refused unopened, one error line.
  writeFileSync(join(input, 'cut.zip'), Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64, 7)]));
  distinct = REPORTS + 2 /* broken, empty */ + 2 /* archive entries */ + 1; /* the cut archive */
  whole = join(dir, 'whole');
  const run = gongkai(undefined, 'batch', input, '--out', whole);
  expect(run.status).toBe(0);
  expect(run.stderr).toContain(`完成：${REPORTS + 1 + 2} 份报告，3 个文件无法读取`);
}, 120_000);

describe('gongkai batch --queue without a PostgreSQL server', () => {
  it('is refused, saying the queue needs PostgreSQL (PGlite is one process only)', async () => {
    const run = gongkai(undefined, 'batch', input, '--out', join(dir, 'refused'), '--queue');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('批量任务队列需要 PostgreSQL 服务器');
    expect(existsSync(join(dir, 'refused', 'reports.jsonl'))).toBe(false);
    const pglite = await openPglite();
    await expect(JobQueue.open(pglite)).rejects.toThrow(/PostgreSQL/);
    await pglite.close();
  });
});

describe.skipIf(!PG_URL)('the batch job queue on PostgreSQL', () => {
  it('two worker processes share the jobs: each done once, one of them writes outputs identical to one batch run', async () => {
    const url = await freshPostgresUrl();
    const add = gongkai(url, 'queue', 'add', input, '--run', 'corpus');
    expect(add.status).toBe(0);
    expect(add.stderr).toContain(`新任务 ${distinct} 个`);
    const notYet = gongkai(url, 'queue', 'collect', '--run', 'corpus', '--out', join(dir, 'early'));
    expect(notYet.status).toBe(2);
    expect(notYet.stderr).toContain('任务尚未全部完成');

    const [a, b] = await Promise.all([
      worker(url, '--run', 'corpus', '--workers', '1', '--out', join(dir, 'a')),
      worker(url, '--run', 'corpus', '--workers', '1', '--out', join(dir, 'b')),
    ]);
    expect(a.status).toBe(0);
    expect(b.status).toBe(0);

    const db = await openPostgres(url);
    const jobs = await db.query<{ status: string; attempts: number; locked_by: string }>("SELECT status, attempts, locked_by FROM batch_jobs WHERE run = 'corpus'");
    await db.close();
    expect(jobs).toHaveLength(distinct);
    expect(jobs.filter((j) => j.status === 'done')).toHaveLength(distinct);
    // Every job but the refused archive (done when queued) was claimed, each exactly once.
    expect(jobs.filter((j) => j.attempts === 1)).toHaveLength(distinct - 1);
    expect(jobs.filter((j) => j.attempts === 0)).toHaveLength(1);
    expect(new Set(jobs.filter((j) => j.locked_by).map((j) => j.locked_by)).size).toBe(2); // and both workers had some

    // Exactly one worker wrote the outputs; the other said who did.
    const written = ['a', 'b'].filter((w) => existsSync(join(dir, w, 'reports.jsonl')));
    expect(written).toHaveLength(1);
    expect(sameAs(whole, join(dir, written[0]!))).toEqual([]);
    expect(a.stderr + b.stderr).toContain('输出由');

    const collect = gongkai(url, 'queue', 'collect', '--run', 'corpus', '--out', join(dir, 'collected'));
    expect(collect.status).toBe(0);
    expect(sameAs(whole, join(dir, 'collected'))).toEqual([]);
    const status = JSON.parse(gongkai(url, 'queue', 'status', '--run', 'corpus', '--json').stdout) as Record<string, unknown>;
    expect(status).toMatchObject({ files: distinct + 1, queued: 0, running: 0, done: distinct, failed: 0, finished: true });
  }, 180_000);

  it('takes over the job of a worker that died holding it, once its lease runs out', async () => {
    const url = await freshPostgresUrl();
    expect(gongkai(url, 'queue', 'add', input).status).toBe(0);
    // A worker claims a job with a 2-second lease and dies: its connection goes, the job stays "running".
    const ghostDb = await openPostgres(url);
    const ghost = await (await JobQueue.open(ghostDb)).claim('default', 'ghost:1', 2);
    await ghostDb.close();
    expect(ghost).not.toBeNull();

    const survivor = await worker(url, '--workers', '1', '--lease', '30', '--out', join(dir, 'after-crash'));
    expect(survivor.status).toBe(0);
    const db = await openPostgres(url);
    const [job] = await db.query<{ status: string; attempts: number; locked_by: string }>('SELECT status, attempts, locked_by FROM batch_jobs WHERE sha256 = $1', [ghost!.sha256]);
    const unfinished = await db.query("SELECT 1 FROM batch_jobs WHERE status <> 'done'");
    await db.close();
    expect(job!.status).toBe('done');
    expect(job!.attempts).toBe(2);
    expect(job!.locked_by).not.toBe('ghost:1');
    expect(unfinished).toHaveLength(0);
    expect(sameAs(whole, join(dir, 'after-crash'))).toEqual([]);
  }, 180_000);

  it('gongkai batch --queue queues, works and writes the outputs in one command; run again, it has nothing left to do', async () => {
    const url = await freshPostgresUrl();
    const out = join(dir, 'one-command');
    const first = gongkai(url, 'batch', input, '--out', out, '--queue', '--workers', '2');
    expect(first.status).toBe(0);
    expect(sameAs(whole, out)).toEqual([]);
    const again = gongkai(url, 'batch', input, '--out', join(dir, 'again'), '--queue');
    expect(again.status).toBe(0);
    expect(again.stderr).toContain('新任务 0 个');
    expect(again.stderr).toContain('本机处理了 0 个任务');
  }, 180_000);

  it('fails a job whose file changed since it was queued, lists it in errors.csv, and queues it again on the next add', async () => {
    const url = await freshPostgresUrl();
    const folder = join(dir, 'changing');
    const [kept, changed] = [join(folder, '2023.txt'), join(folder, 'songxi.txt')];
    const songxi = readFileSync(join(FIXTURES, 'reports/songxi-2024.tsv.txt'));
    mkdirSync(folder);
    writeFileSync(kept, readFileSync(join(FIXTURES, 'reports/yunling-2023.tsv.txt')));
    writeFileSync(changed, songxi);
    expect(gongkai(url, 'queue', 'add', folder, '--run', 'changing').status).toBe(0);
    writeFileSync(changed, Buffer.concat([songxi, Buffer.from('\n附：已修改。\n')]));

    const first = await worker(url, '--run', 'changing', '--workers', '1', '--out', join(dir, 'changing-1'));
    expect(first.status).toBe(0);
    expect(readFileSync(join(dir, 'changing-1', 'errors.csv'), 'utf8')).toContain(`${changed},`);
    expect(readFileSync(join(dir, 'changing-1', 'errors.csv'), 'utf8')).toContain('内容与排队时不同');
    expect(readFileSync(join(dir, 'changing-1', 'reports.jsonl'), 'utf8').trim().split('\n')).toHaveLength(1);

    writeFileSync(changed, songxi); // put back as queued
    const again = gongkai(url, 'queue', 'add', folder, '--run', 'changing');
    expect(again.stderr).toContain('重新排队失败的任务 1 个');
    const second = await worker(url, '--run', 'changing', '--workers', '1', '--out', join(dir, 'changing-2'));
    expect(second.status).toBe(0);
    expect(readFileSync(join(dir, 'changing-2', 'reports.jsonl'), 'utf8').trim().split('\n')).toHaveLength(2);
    // Collected again into the first folder: its old error is gone.
    expect(gongkai(url, 'queue', 'collect', '--run', 'changing', '--out', join(dir, 'changing-1')).status).toBe(0);
    expect(readFileSync(join(dir, 'changing-1', 'errors.csv'), 'utf8').trim().split('\n')).toHaveLength(1); // the header only
    expect(sameAs(join(dir, 'changing-2'), join(dir, 'changing-1'))).toEqual([]);
  }, 120_000);

  it('leaves a job to a live worker that renews its lease, and hands it on once the renewals stop', async () => {
    const url = await freshPostgresUrl();
    const [db1, db2] = [await openPostgres(url), await openPostgres(url)];
    const [slow, other] = [await JobQueue.open(db1), await JobQueue.open(db2)];
    await slow.add('lease', [{ file: 'big.pdf', sha256: 'a'.repeat(64), path: '/nowhere/big.pdf' }]);
    expect(await slow.claim('lease', 'slow', 1)).not.toBeNull();
    const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
    for (let i = 0; i < 4; i++) {
      // 2 s in all: twice the lease, renewed every half second.
      await pause(500);
      expect(await slow.renew('lease', 'slow', 1)).toBe(1);
      expect(await other.claim('lease', 'other', 60)).toBeNull();
    }
    await pause(1500);
    const taken = await other.claim('lease', 'other', 60);
    expect(taken?.attempts).toBe(2);
    // The slow worker's late answer is refused: the job is the other's now.
    expect(await slow.complete('lease', 'a'.repeat(64), 'slow', '{"sha256":"late"}')).toBe(false);
    expect(await other.complete('lease', 'a'.repeat(64), 'other', '{"sha256":"on time"}')).toBe(true);
    await slow.close();
    await other.close();
  }, 60_000);

  it('never hands one job to two claimants: two queues on their own connections claim concurrently', async () => {
    const url = await freshPostgresUrl();
    const [db1, db2] = [await openPostgres(url), await openPostgres(url)];
    const [q1, q2] = [await JobQueue.open(db1), await JobQueue.open(db2)];
    const hashes = Array.from({ length: 200 }, (_, i) => i.toString(16).padStart(64, '0'));
    await q1.add('race', hashes.map((sha256, i) => ({ file: `f${i}`, sha256, path: `/nowhere/${i}` })));
    const drain = async (q: JobQueue, name: string) => {
      const mine: string[] = [];
      for (let job = await q.claim('race', name, 60); job; job = await q.claim('race', name, 60)) {
        mine.push(job.sha256);
        expect(await q.complete('race', job.sha256, name, JSON.stringify({ sha256: job.sha256, error: 'test' }))).toBe(true);
      }
      return mine;
    };
    // Four claimants, two on each connection pool.
    const lists = await Promise.all([drain(q1, 'one'), drain(q2, 'two'), drain(q1, 'three'), drain(q2, 'four')]);
    const claimed = lists.flat();
    expect(claimed).toHaveLength(200);
    expect(new Set(claimed).size).toBe(200);
    expect(lists.every((l) => l.length > 0)).toBe(true);
    // A job already done cannot be completed again, not even by the one who did it.
    expect(await q1.complete('race', hashes[0]!, 'one', '{}')).toBe(false);
    expect(await q1.counts('race')).toMatchObject({ files: 200, queued: 0, running: 0, done: 200, failed: 0 });
    await q1.close();
    await q2.close();
  }, 60_000);
});
