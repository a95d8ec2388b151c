/**
 * `gongkai queue add|work|collect|status` and `gongkai batch … --queue`: one corpus shared by
 * several machines through a job queue in PostgreSQL (DATABASE_URL).
 *
 * `add` lists the inputs as `gongkai batch` does (folders, ZIP archives) and queues one job per
 * distinct content. Any number of `work` processes — on any machine that sees the inputs at the
 * same paths — claim jobs (FOR UPDATE SKIP LOCKED), read and check them with batch's worker
 * threads, and store each result; a job whose worker died is taken over when its lease runs
 * out. When every job is finished, the worker that claims the collection (with `--out`) or
 * `collect` writes the outputs from the stored results with batch's own writer: the same bytes
 * as one `gongkai batch` run over the same inputs.
 */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { availableParallelism, hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
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
} from '../corpus/queue.js';
import { openPostgres } from '../store/db.js';
import { JobQueue, JobQueueError, QUEUE_NEEDS_POSTGRES, type ClaimedJob, type QueuedFile } from '../store/job-queue.js';
import { complain } from './io.js';

// batch's reader pool and writers (and their spreadsheet and ZIP libraries) load when a queue
// command runs, not whenever the CLI starts (src/cli/main.ts lists this command's tree).
const batch = () => import('./batch.js');

export interface QueueWorkOptions {
  run?: string;
  out?: string;
  workers?: string;
  lease?: string;
}

/** Results fetched per query when collecting (each may be a whole model with its provenance). */
const RESULTS_PAGE = 100;

const sleep = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));

/** A worker's name in the queue: machine and process, so a stuck job says where it was. */
const workerName = () => `${hostname()}:${process.pid}`;

/** The queue on DATABASE_URL; refused (with the reason) without a PostgreSQL server. */
async function openQueue(): Promise<JobQueue> {
  const url = process.env.DATABASE_URL;
  if (!url || !/^postgres(ql)?:\/\//.test(url)) throw new JobQueueError(QUEUE_NEEDS_POSTGRES);
  const db = await openPostgres(url);
  try {
    return await JobQueue.open(db);
  } catch (error) {
    await db.close();
    throw error;
  }
}

/** Run a queue command: a refusal prints its reason and exits 2. */
async function refusing(work: () => Promise<number>): Promise<number> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof JobQueueError || error instanceof QueueInputError) {
      complain('queue', error.message);
      return 2;
    }
    throw error;
  }
}

/** List the inputs as `gongkai batch` does and queue them; files inside archives travel as bytes. */
async function enqueue(queue: JobQueue, run: string, inputs: readonly string[], extractTo: string): Promise<number> {
  const { entries, code } = await (await batch()).listInputs(inputs, extractTo);
  const files: QueuedFile[] = [];
  for (const e of entries) {
    if (e.refused) files.push({ file: e.file, sha256: e.sha256, refused: e.refused });
    else if (e.extracted) files.push({ file: e.file, sha256: e.sha256, content: new Uint8Array(await readFile(e.path)) });
    else files.push({ file: e.file, sha256: e.sha256, path: e.path });
  }
  const { jobs, requeued } = await queue.add(run, files);
  process.stderr.write(`已排队 queued：${entries.length} 个文件，新任务 ${jobs} 个${requeued ? `，重新排队失败的任务 ${requeued} 个` : ''}（任务 run ${run}）\n`);
  return code;
}

/** The bytes of a claimed job: stored with it, or read from its path and checked against its hash. */
async function bytesOf(job: ClaimedJob): Promise<Uint8Array> {
  if (job.content) return job.content;
  const bytes = new Uint8Array(await readFile(job.path!));
  if ((await batch()).sha(bytes) !== job.sha256) throw new Error(`${job.path} 的内容与排队时不同（各台机器须在同一路径看到相同的输入）(content differs from when it was queued)`);
  return bytes;
}

/**
 * Work on the run until every job is finished (done or failed), on this machine's threads, with
 * the others' help. Returns how many jobs this process did.
 */
async function workOn(queue: JobQueue, run: string, workers: number, lease: number): Promise<number> {
  const me = workerName();
  const { CheckPool } = await batch();
  const pool = new CheckPool(workers);
  const renewal = setInterval(() => void queue.renew(run, me, lease).catch(() => {}), heartbeatSeconds(lease) * 1000);
  renewal.unref();
  const start = Date.now();
  let processed = 0;
  let last = 0;
  const progress = () => {
    processed++;
    if (Date.now() - last < 1000) return;
    last = Date.now();
    process.stderr.write(`进度 progress: 本机已处理 ${processed} 个 (this worker: ${processed}) ${(processed / Math.max(0.001, (Date.now() - start) / 1000)).toFixed(0)} 份/秒\n`);
  };
  try {
    for (;;) {
      await pool.run<ClaimedJob>({
        next: () => queue.claim(run, me, lease),
        read: bytesOf,
        done: async (job, cached, unread) => {
          if (unread) await queue.fail(run, job.sha256, me, cached.error ?? '无法读取');
          else await queue.complete(run, job.sha256, me, JSON.stringify(cached));
          progress();
        },
      });
      const counts = await queue.pending(run);
      if (counts.queued === 0 && counts.running === 0) break;
      // Nothing to claim, but others are at work: wait for them, or for a lease to run out (or,
      // when queued jobs were all being claimed by others this instant, look again at once).
      await sleep(counts.queued === 0 ? waitSeconds(counts.nextExpiry) : 0.05);
    }
  } finally {
    clearInterval(renewal);
    await pool.close();
  }
  process.stderr.write(`本机处理了 ${processed} 个任务，用时 ${((Date.now() - start) / 1000).toFixed(1)} 秒 (this worker did ${processed} jobs)\n`);
  return processed;
}

/** Fetch every result into OUT/.cache (batch's cache) and write the outputs; false when a job is unfinished. */
async function collectInto(queue: JobQueue, run: string, out: string): Promise<boolean> {
  const start = Date.now();
  const { cachePath, manifestOf, writeAtomic, writeOutputs } = await batch();
  await mkdir(join(out, '.cache'), { recursive: true });
  const manifest = manifestOf(await queue.manifest(run));
  const wanted = new Set(manifest.map((m) => m.sha256));
  let after = '';
  let found = 0;
  for (;;) {
    const page = await queue.results(run, after, RESULTS_PAGE);
    if (page.length === 0) break;
    for (const r of page) {
      after = r.sha256;
      const text = r.status === 'done' ? r.result : r.status === 'failed' ? JSON.stringify({ sha256: r.sha256, error: r.error ?? '无法完成' }) : null;
      if (text === null) continue;
      found++;
      // Always written: a failed job queued again and done since must not keep its old error.
      await writeAtomic(cachePath(out, r.sha256), text);
    }
  }
  if (found < wanted.size) return false;
  await writeOutputs(out, manifest, 0, start);
  return true;
}

/** After the work: the worker that claims the collection writes the outputs, the others say who did. */
async function collectOnce(queue: JobQueue, run: string, out: string): Promise<boolean> {
  const me = workerName();
  if (await queue.claimCollection(run, me)) {
    if (await collectInto(queue, run, out)) return true;
    await queue.releaseCollection(run, me);
    return false;
  }
  const by = (await queue.collectedBy(run)) ?? '另一个进程';
  process.stderr.write(
    `输出由 ${by} 写入它的 --out 文件夹；要在本机写出：DATABASE_URL=… gongkai queue collect --run ${run} --out DIR\n` +
      `(outputs written by ${by}; run \`gongkai queue collect\` to write them here)\n`,
  );
  return true;
}

function threads(workers: string | undefined): number {
  const n = Number(workers ?? availableParallelism());
  if (!Number.isInteger(n) || n < 1) throw new QueueInputError(`--workers 应为正整数，而不是“${workers}”(worker threads)`);
  return n;
}

/** Work until finished, then (with an output folder) collect once; loops if more work appeared meanwhile. */
async function workAndCollect(queue: JobQueue, run: string, opts: QueueWorkOptions): Promise<void> {
  const workers = threads(opts.workers);
  const lease = parseLease(opts.lease);
  for (;;) {
    await workOn(queue, run, workers, lease);
    if (!opts.out || (await collectOnce(queue, run, opts.out))) return;
  }
}

export async function queueAddCommand(inputs: readonly string[], opts: { run?: string }): Promise<number> {
  return refusing(async () => {
    const run = parseRunName(opts.run);
    const queue = await openQueue();
    const extractTo = await mkdtemp(join(tmpdir(), 'gongkai-queue-'));
    try {
      return await enqueue(queue, run, inputs, extractTo);
    } finally {
      await rm(extractTo, { recursive: true, force: true });
      await queue.close();
    }
  });
}

/** A command on a queued run: the queue open while `work` runs, refused when no run has that name. */
function onRun(name: string | undefined, work: (queue: JobQueue, run: string, counts: RunCounts) => Promise<void>, hint = ''): Promise<number> {
  return refusing(async () => {
    const run = parseRunName(name);
    const queue = await openQueue();
    try {
      const counts = await queue.counts(run);
      if (!counts) throw new QueueInputError(`没有名为“${run}”的任务${hint} (no such run)`);
      await work(queue, run, counts);
      return 0;
    } finally {
      await queue.close();
    }
  });
}

export async function queueWorkCommand(opts: QueueWorkOptions): Promise<number> {
  return onRun(opts.run, (queue, run) => workAndCollect(queue, run, opts), '，请先 gongkai queue add');
}

export async function queueCollectCommand(opts: { run?: string; out: string }): Promise<number> {
  return onRun(opts.run, async (queue, run, counts) => {
    if (!isFinished(counts) || !(await collectInto(queue, run, opts.out))) {
      throw new QueueInputError(`任务尚未全部完成，暂不能写出输出 (jobs unfinished)：${statusLine(run, (await queue.counts(run))!)}`);
    }
  });
}

export async function queueStatusCommand(opts: { run?: string; json?: boolean }): Promise<number> {
  return onRun(opts.run, async (queue, run, counts) => {
    const collectedBy = await queue.collectedBy(run);
    process.stdout.write(opts.json ? `${JSON.stringify({ run, ...counts, finished: isFinished(counts), collectedBy })}\n` : `${statusLine(run, counts)}\n`);
  });
}

/**
 * The run `batch --queue` uses when none is named: one per list of inputs as given, so machines
 * started with the same command share it and another corpus never joins it.
 */
export async function runOfInputs(inputs: readonly string[]): Promise<string> {
  return `batch-${(await batch()).sha(new TextEncoder().encode(inputs.join('\u0000'))).slice(0, 12)}`;
}

/** `gongkai batch INPUTS --out DIR --queue [RUN]`: queue the inputs, work on them, and (if this process is the one) write the outputs. */
export async function batchQueueCommand(inputs: readonly string[], opts: { out: string; queue: string | true; workers?: string; lease?: string; shard?: string }): Promise<number> {
  return refusing(async () => {
    if (opts.shard) throw new QueueInputError('--shard 与 --queue 不能同时使用：队列已让各台机器分担任务 (--shard and --queue exclude each other)');
    const run = parseRunName(opts.queue === true ? await runOfInputs(inputs) : opts.queue);
    const queue = await openQueue();
    try {
      await mkdir(opts.out, { recursive: true });
      const code = await enqueue(queue, run, inputs, join(opts.out, '.extracted'));
      await workAndCollect(queue, run, { ...opts, run, out: opts.out });
      return code;
    } finally {
      await queue.close();
    }
  });
}

export function queueCommands(setCode: (code: number) => void): Command {
  const queue = new Command('queue')
    .description(
      '多台机器分担批量任务：任务排在 PostgreSQL（DATABASE_URL）中，各台机器同时处理，最后一次写出与 batch 相同的输出\n' +
        'Share a batch among machines through a job queue in PostgreSQL (DATABASE_URL).',
    )
    .helpOption('-h, --help', '显示帮助 (show help)')
    .addHelpCommand('help [command]', '显示某个命令的帮助 (help for a command)');
  const runOption = `任务名称，默认 ${DEFAULT_RUN} (run name)`;
  queue
    .command('add')
    .description('把文件或文件夹中的报告排入队列（内容相同的文件只处理一次）\nQueue the reports under files or folders.')
    .argument('<inputs...>', '文件或文件夹，各台机器须在同一路径看到它们 (files or folders, at the same paths on every machine)')
    .option('--run <name>', runOption)
    .action(async (inputs: string[], opts: { run?: string }) => setCode(await queueAddCommand(inputs, opts)));
  queue
    .command('work')
    .description('领取并处理任务，直到全部完成；给出 --out 时，由最后完成的一台写出输出\nClaim and process jobs until none is left; with --out, the last worker writes the outputs.')
    .option('--run <name>', runOption)
    .option('--out <dir>', '全部完成后写出输出的文件夹（只由一台机器写出）(write the outputs here when finished)')
    .option('--workers <n>', '线程数，默认为 CPU 核数 (worker threads)')
    .option('--lease <seconds>', `任务租约秒数，进程中断后超过此时间由其他机器接手，默认 ${DEFAULT_LEASE_SECONDS} (lease before a dead worker's job is taken over)`)
    .action(async (opts: QueueWorkOptions) => setCode(await queueWorkCommand(opts)));
  queue
    .command('collect')
    .description('全部任务完成后写出 reports.jsonl、findings.csv、cells.csv、errors.csv、series.csv、summary.xlsx\nWrite the outputs once every job is finished.')
    .option('--run <name>', runOption)
    .requiredOption('--out <dir>', '输出文件夹 (output folder)')
    .action(async (opts: { run?: string; out: string }) => setCode(await queueCollectCommand(opts)));
  queue
    .command('status')
    .description('显示队列中任务的进度\nShow the run\'s jobs by status.')
    .option('--run <name>', runOption)
    .option('--json', '输出 JSON')
    .action(async (opts: { run?: string; json?: boolean }) => setCode(await queueStatusCommand(opts)));
  return queue;
}
