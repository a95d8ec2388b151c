/**
 * `gongkai batch DIR|FILES... --out DIR`: every report under the inputs, on all cores, resumable.
 *
 * Each file's result is cached by its content hash (written atomically) in OUT/.cache, so a
 * second run — or a run after a kill — only does what is missing. `--shard K/N` takes the files
 * whose hash falls in shard K; `gongkai merge` joins shards. The outputs are assembled from
 * the manifest and the cache in a fixed order, so they are the same bytes however the work was
 * split or interrupted. One bad file never stops the run: its error goes to errors.csv. ZIP
 * archives among the inputs are read too (their files appear as `archive.zip!/entry`).
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import { detectFormat } from '../ingest.js';
import { unzip, zipEntries } from '../read/zip.js';
import { crossYearResults, crossYearSlim, type CrossYearItem } from '../corpus/cross-year.js';
import {
  CELLS_HEADER,
  cellRows,
  csvLine,
  ERRORS_HEADER,
  FINDINGS_HEADER,
  findingRows,
  ordered,
  SERIES_HEADER,
  seriesLines,
  seriesRow,
  type SeriesRow,
  type BatchResult,
} from '../corpus/outputs.js';
import { SUMMARY_SHEETS, summaryColumnsOf, summaryValues } from '../corpus/summary.js';
import { complain, describeError } from './io.js';
import { cliReader } from './reading.js';
import type { ReportReader } from '../app/reading/reader.js';

export interface BatchOptions {
  out: string;
  shard?: string;
  workers?: string;
}

/** One input file of the run: its name in the outputs, where its bytes are, and their hash. */
export interface Entry {
  file: string;
  path: string;
  sha256: string;
}

/** An input as listed: taken out of a ZIP archive (`extracted`), or an archive (or one of its entries) refused unopened. */
export interface ListedEntry extends Entry {
  extracted?: boolean;
  refused?: string;
}

/** What reading and checking one file gives, as cached (by content hash) and merged. */
export type Cached = Omit<BatchResult, 'file'>;

async function walk(input: string, into: { file: string; path: string }[]): Promise<void> {
  const info = await stat(input);
  if (!info.isDirectory()) {
    into.push({ file: input, path: input });
    return;
  }
  const stack = [input];
  while (stack.length) {
    const dir = stack.pop()!;
    for (const name of (await readdir(dir)).sort()) {
      if (name.startsWith('.')) continue;
      const path = join(dir, name);
      if ((await stat(path)).isDirectory()) stack.push(path);
      else into.push({ file: join(input, relative(input, path)), path });
    }
  }
}

export const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * ZIP archives among the inputs (not Word files, which are ZIPs too) are unpacked by the
 * hardened ZIP reader (limits enforced while inflating) into EXTRACT/<hash of the archive>/;
 * their files join the run as `archive.zip!/entry`. An archive that may not be opened (a zip
 * bomb, a directory that lies about its sizes, a broken archive) is one refused input, an entry
 * that cannot be unpacked (encrypted, damaged) another; the run goes on either way.
 */
async function expandArchives(found: readonly { file: string; path: string }[], extractTo: string): Promise<ListedEntry[]> {
  const result: ListedEntry[] = [];
  for (const f of found) {
    const bytes = new Uint8Array(await readFile(f.path));
    const hash = sha(bytes);
    if (detectFormat(bytes) !== 'zip') {
      result.push({ ...f, sha256: hash });
      continue;
    }
    const archive = unzip(bytes);
    if ('refused' in archive) {
      result.push({ ...f, sha256: hash, refused: `压缩包未解压：${archive.refused}` });
      continue;
    }
    const dir = join(extractTo, hash);
    const files = [...archive.entries].sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const [index, entry] of files.entries()) {
      const file = `${f.file}!/${entry.name}`;
      if ('refused' in entry) {
        // No bytes to hash: the entry is keyed by the archive's hash and its name, so a rerun finds its result.
        result.push({ file, path: f.path, sha256: sha(new TextEncoder().encode(`${hash}!/${entry.name}`)), refused: entry.refused });
        continue;
      }
      const target = join(dir, String(index));
      if (!existsSync(target)) {
        await mkdir(dir, { recursive: true });
        await writeAtomic(target, entry.bytes);
      }
      result.push({ file, path: target, sha256: sha(entry.bytes), extracted: true });
    }
  }
  return result;
}

function parseShard(shard: string | undefined): { k: number; n: number } {
  if (!shard) return { k: 1, n: 1 };
  const m = /^(\d+)\/(\d+)$/.exec(shard);
  const k = Number(m?.[1]);
  const n = Number(m?.[2]);
  if (!m || n < 1 || k < 1 || k > n) throw new Error(`--shard 应为 K/N（1 ≤ K ≤ N），而不是“${shard}”`);
  return { k, n };
}

const inShard = (sha: string, { k, n }: { k: number; n: number }) => parseInt(sha.slice(0, 8), 16) % n === k - 1;
export const cachePath = (out: string, sha: string) => join(out, '.cache', `${sha}.json`);

export async function writeAtomic(path: string, text: string | Uint8Array): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, text);
  await rename(tmp, path);
}

const IN_FLIGHT = 2;

/** The cached form of a worker thread's answer: key order fixed, so the same file gives the same bytes. */
export function cachedOf(sha256: string, answer: { report?: BatchResult['report']; findings?: BatchResult['findings']; error?: string }): Cached {
  return answer.error || !answer.report ? { sha256, error: answer.error ?? '无法读取' } : { sha256, report: answer.report, findings: answer.findings ?? [] };
}

/** How a pool's job is read and what becomes of its result. */
export interface PoolWork<J extends { sha256: string }> {
  /** The next job, or null when there is none (now). Called concurrently. */
  next(): Promise<J | null>;
  read(job: J): Promise<Uint8Array>;
  /** The job's result; `unread` when its bytes could not be read (then `cached.error` says why). */
  done(job: J, cached: Cached, unread: boolean): Promise<void>;
}

/**
 * Reading threads that read and check files within the reading budget (./reading.ts, the
 * server's): `gongkai batch` feeds them from its list of files, a queue worker from the jobs it
 * claims in PostgreSQL. Two jobs are in flight per thread, so a thread never waits for the
 * main thread's file or database I/O; a file stopped by a budget is an error row naming it.
 */
export class CheckPool {
  private readonly reader: ReportReader;

  constructor(threads: number) {
    this.reader = cliReader(Math.max(1, threads));
  }

  /** Run jobs until `next` has none and every job in flight is done. */
  async run<J extends { sha256: string }>(work: PoolWork<J>): Promise<void> {
    const lane = async (): Promise<void> => {
      for (let job = await work.next(); job; job = await work.next()) {
        let bytes: Uint8Array;
        try {
          bytes = await work.read(job);
        } catch (error) {
          await work.done(job, { sha256: job.sha256, error: `无法读取文件：${describeError(error)}` }, true);
          continue;
        }
        const { parsed, findings } = await this.reader.read(bytes, { check: true });
        const answer = parsed.readable ? { report: parsed.report, findings: findings ?? [] } : { error: parsed.reason ?? '无法读取' };
        await work.done(job, cachedOf(job.sha256, answer), false);
      }
    };
    await Promise.all(Array.from({ length: this.reader.threads * IN_FLIGHT }, lane));
  }

  async close(): Promise<void> {
    await this.reader.close();
  }
}

/** Progress lines on standard error, at most one a second, and always the last. */
export function progressPrinter(total: number, start = Date.now()): (done: number) => void {
  let last = 0;
  return (done) => {
    const now = Date.now();
    if (done !== total && now - last <= 1000) return;
    last = now;
    const rate = done / Math.max(0.001, (now - start) / 1000);
    process.stderr.write(`进度 progress: ${done}/${total} (${total ? Math.floor((done / total) * 100) : 100}%) ${rate.toFixed(0)} 份/秒\n`);
  };
}

/** Work the missing entries through a pool of worker threads, caching each result as it comes. */
async function work(out: string, todo: readonly Entry[], workers: number, progress: (done: number) => void): Promise<void> {
  if (!todo.length) return;
  const pool = new CheckPool(Math.min(workers, todo.length));
  let next = 0;
  let done = 0;
  try {
    await pool.run<Entry>({
      next: async () => todo[next++] ?? null,
      read: (entry) => readFile(entry.path),
      done: async (entry, cached) => {
        await writeAtomic(cachePath(out, entry.sha256), JSON.stringify(cached));
        progress(++done);
      },
    });
  } finally {
    await pool.close();
  }
}

/**
 * Write reports.jsonl, findings.csv, cells.csv, errors.csv, series.csv and summary.xlsx from a manifest and a
 * cache, one result at a time (memory stays flat however large the corpus): the manifest is
 * already in output order, and the summary's rows wait in temporary files until the workbook
 * is streamed out sheet by sheet. Only a few numbers per report stay in memory (the series row
 * and the rows the cross-year rules read); the CROSS.* findings of each body's consecutive
 * years follow the reports' own findings at the end of findings.csv, in output order.
 */
export async function assemble(out: string, manifest: readonly { file: string; sha256: string }[]): Promise<{ reports: number; errors: number }> {
  const streams = {
    reports: createWriteStream(join(out, 'reports.jsonl')),
    findings: createWriteStream(join(out, 'findings.csv')),
    cells: createWriteStream(join(out, 'cells.csv')),
    errors: createWriteStream(join(out, 'errors.csv')),
  };
  const pending = SUMMARY_SHEETS.map(([table]) => createWriteStream(join(out, `.summary-${table}.jsonl`)));
  const columns = SUMMARY_SHEETS.map(([table]) => summaryColumnsOf(table));
  const write = (stream: ReturnType<typeof createWriteStream>, text: string) =>
    stream.write(text) ? Promise.resolve() : new Promise<void>((resolve) => stream.once('drain', () => resolve()));
  await write(streams.findings, `\ufeff${csvLine(FINDINGS_HEADER)}`);
  await write(streams.cells, `\ufeff${csvLine(CELLS_HEADER)}`);
  await write(streams.errors, `\ufeff${csvLine(ERRORS_HEADER)}`);
  let errors = 0;
  const series: SeriesRow[] = []; // a few numbers per report: what a time series needs
  const cross: CrossYearItem[] = []; // beside each series row: what the cross-year rules read
  for (const m of ordered(manifest.map((x) => ({ ...x })))) {
    const r: BatchResult = { file: m.file, ...(JSON.parse(await readFile(cachePath(out, m.sha256), 'utf8')) as Cached) };
    if (r.error || !r.report) {
      errors++;
      await write(streams.errors, csvLine([r.file, r.sha256, r.error]));
      continue;
    }
    const report = r.report;
    series.push(seriesRow(r)!);
    cross.push({ file: r.file, report: crossYearSlim(report) });
    await write(streams.reports, `${JSON.stringify({ ...report, source: { file: r.file, sha256: r.sha256 } })}\n`);
    await write(streams.findings, findingRows(r).map(csvLine).join(''));
    await write(streams.cells, cellRows(r).map(csvLine).join(''));
    for (const [i, [table]] of SUMMARY_SHEETS.entries()) {
      const values = summaryValues(report, table, columns[i]!);
      await write(pending[i]!, `${JSON.stringify([r.file, report.unit, report.year, report.template, ...values])}\n`);
    }
  }
  for (const c of crossYearResults(cross)) {
    await write(streams.findings, findingRows({ file: c.file, sha256: '', report: c.report, findings: c.findings }).map(csvLine).join(''));
    const row = series[c.index]!;
    row.errors += c.findings.filter((f) => f.severity === 'error').length;
    row.warnings += c.findings.filter((f) => f.severity === 'warning').length;
  }
  await Promise.all([...Object.values(streams), ...pending].map((s) => new Promise((resolve) => s.end(resolve))));
  await writeFile(join(out, 'series.csv'), `\ufeff${csvLine(SERIES_HEADER)}${seriesLines(series).join('')}`);
  await writeSummary(out);
  return { reports: series.length, errors };
}

/** summary.xlsx: one sheet per table, one row per report, streamed; fixed timestamps so the bytes repeat. */
async function writeSummary(out: string): Promise<void> {
  const path = join(out, 'summary.xlsx');
  const fixed = new Date(Date.UTC(2000, 0, 1));
  const { default: ExcelJS } = await import('exceljs'); // only when outputs are written, not for every command that shares the pool
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: false, useSharedStrings: false });
  book.created = fixed;
  book.modified = fixed;
  book.creator = 'gongkai';
  for (const [table, name] of SUMMARY_SHEETS) {
    const sheet = book.addWorksheet(name);
    sheet.addRow(['file', 'unit', 'year', 'template', ...summaryColumnsOf(table)]).commit();
    const rows = createInterface({ input: createReadStream(join(out, `.summary-${table}.jsonl`)), crlfDelay: Infinity });
    for await (const line of rows) if (line) sheet.addRow(JSON.parse(line) as unknown[]).commit();
    sheet.commit();
    await rm(join(out, `.summary-${table}.jsonl`));
  }
  await book.commit();
  await writeFile(path, fixZipTimes(new Uint8Array(await readFile(path))));
}

/**
 * The zip inside an .xlsx stamps every entry with the time it was written; set them all to
 * 1980-01-01 00:00 (the DOS epoch) so the same data gives the same bytes.
 */
function fixZipTimes(zip: Uint8Array): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (const entry of zipEntries(zip) ?? []) {
    view.setUint16(entry.central + 12, 0, true); // central directory: time, date
    view.setUint16(entry.central + 14, 0x21, true);
    if (view.getUint32(entry.local, true) === 0x04034b50) {
      view.setUint16(entry.local + 10, 0, true); // local header: time, date
      view.setUint16(entry.local + 12, 0x21, true);
    }
  }
  return zip;
}

/**
 * Every input file (folders walked in name order, ZIP archives unpacked into `extractTo`), hashed.
 * A missing input is reported and sets exit code 2; the others go on.
 */
export async function listInputs(inputs: readonly string[], extractTo: string): Promise<{ entries: ListedEntry[]; code: number }> {
  const found: { file: string; path: string }[] = [];
  let code = 0;
  for (const input of inputs) {
    try {
      await walk(input, found);
    } catch {
      complain(input, '不存在或无法读取 (no such file or folder)');
      code = 2;
    }
  }
  return { entries: await expandArchives(found, extractTo), code };
}

/** The manifest: every input's name in the outputs and its hash, in output order. */
export function manifestOf(entries: readonly { file: string; sha256: string }[]): { file: string; sha256: string }[] {
  return entries.map((e) => ({ file: e.file, sha256: e.sha256 })).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** Write the manifest and every output from the cache in OUT; the closing line on standard error. */
export async function writeOutputs(out: string, manifest: readonly { file: string; sha256: string }[], processed: number, start: number): Promise<void> {
  await writeAtomic(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
  const { reports, errors } = await assemble(out, manifest);
  const seconds = (Date.now() - start) / 1000;
  process.stderr.write(
    `完成：${reports} 份报告，${errors} 个文件无法读取（见 errors.csv）；本次处理 ${processed} 个用时 ${seconds.toFixed(1)} 秒，` +
      `峰值内存 peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB\n`,
  );
}

export async function batchCommand(inputs: readonly string[], opts: BatchOptions): Promise<number> {
  const shard = parseShard(opts.shard);
  await mkdir(join(opts.out, '.cache'), { recursive: true });
  const { entries: listed, code } = await listInputs(inputs, join(opts.out, '.extracted'));
  const entries: Entry[] = [];
  for (const f of listed) {
    if (!inShard(f.sha256, shard)) continue;
    entries.push({ file: f.file, path: f.path, sha256: f.sha256 });
    // An archive that may not be opened is a result of its own: record why, once.
    if (f.refused && !existsSync(cachePath(opts.out, f.sha256))) await writeAtomic(cachePath(opts.out, f.sha256), JSON.stringify({ sha256: f.sha256, error: f.refused }));
  }
  const seen = new Set<string>(); // files of the same content are read once
  const todo = entries.filter((e) => !seen.has(e.sha256) && seen.add(e.sha256) && !existsSync(cachePath(opts.out, e.sha256)));
  const workers = Number(opts.workers ?? availableParallelism());
  const start = Date.now();
  process.stderr.write(`共 ${entries.length} 个文件，已完成 ${entries.length - todo.length} 个，待处理 ${todo.length} 个（${workers} 个线程）\n`);
  await work(opts.out, todo, workers, progressPrinter(todo.length, start));
  await writeOutputs(opts.out, manifestOf(entries), todo.length, start);
  return code;
}

/** `gongkai merge OUT... --out DIR`: the outputs of several shards as one run would have written them. */
export async function mergeCommand(inputs: readonly string[], opts: { out: string }): Promise<number> {
  await mkdir(join(opts.out, '.cache'), { recursive: true });
  const manifest: { file: string; sha256: string }[] = [];
  for (const dir of inputs) {
    const part = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as { file: string; sha256: string }[];
    for (const m of part) {
      const target = cachePath(opts.out, m.sha256);
      if (!existsSync(target)) await writeAtomic(target, await readFile(cachePath(dir, m.sha256), 'utf8'));
      manifest.push(m);
    }
  }
  manifest.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  await writeAtomic(join(opts.out, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
  await assemble(opts.out, manifest);
  return 0;
}
