/**
 * Reading report files off the main thread, within the reading budget (src/read/budget.ts):
 * the single entry runs in a pool of threads (src/adapters/worker-pool.ts), the page, byte and
 * unpacked-byte budgets inside it, the time and memory budgets around it. A file stopped by
 * one becomes a refusal naming that budget — never an exception, so the other files of an
 * upload or a CLI run are read and kept. Used by the supervisor's upload and the CLI.
 */
import { createHash } from 'node:crypto';
import { defaultPoolSize, WorkerPool, workerEntry, type JobEnd } from '../../adapters/worker-pool.js';
import { detectFormat, refused, type IngestResult } from '../../ingest.js';
import { overBudgetReason, type ReadBudget, type UploadBudget } from '../../read/budget.js';
import type { Unzipped, UnzipLimits } from '../../read/zip.js';
import type { Finding } from '../../rules/finding.js';
import type { SourceView } from '../../store/published-store.js';
import type { ReadJob, ReadJobValue } from './jobs.js';

/** One file read: its hash, the single entry's result (without the document), and what was asked for. */
export interface ReadOutcome {
  sha256: string;
  parsed: IngestResult;
  /** The source view (supervisor's upload), when asked. */
  source: SourceView | null;
  /** Every rule's findings (CLI, batch), when asked and the file was read. */
  findings: Finding[] | null;
}

const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The format of a file not read, judged from its head (it only labels the refusal). */
const formatOf = (bytes: Uint8Array) => detectFormat(bytes.subarray(0, 4096));

type Stop = Extract<JobEnd<unknown>, { ok: false }>;

export class ReportReader {
  private pool: WorkerPool<ReadJob, ReadJobValue> | null = null;

  constructor(
    readonly budget: ReadBudget,
    readonly threads = defaultPoolSize(),
  ) {}

  private get threadPool(): WorkerPool<ReadJob, ReadJobValue> {
    return (this.pool ??= new WorkerPool(workerEntry(import.meta.url, 'read-worker'), this.threads, this.budget));
  }

  /** A file refused unread, the budget named (an upload whose reading time is spent). */
  refuseUnread(bytes: Uint8Array, key: 'maxUploadMs', budget: UploadBudget): ReadOutcome {
    return { sha256: sha256Of(bytes), parsed: refused(formatOf(bytes), 'INPUT.OVER_BUDGET', overBudgetReason(key, budget)), source: null, findings: null };
  }

  /** The refusal of a file whose thread was stopped: which budget, in Chinese. */
  private stopped(bytes: Uint8Array, end: Stop, byUpload: UploadBudget | null): ReadOutcome {
    if (end.stopped === 'timeoutMs' && byUpload) return this.refuseUnread(bytes, 'maxUploadMs', byUpload);
    const parsed =
      end.stopped === 'crash'
        ? refused(formatOf(bytes), 'INPUT.CORRUPT', `读取时出错，未读取（${end.detail}）`)
        : refused(formatOf(bytes), 'INPUT.OVER_BUDGET', overBudgetReason(end.stopped, this.budget));
    return { sha256: sha256Of(bytes), parsed, source: null, findings: null };
  }

  /**
   * Read one file (never throws): over a budget, stopped or broken, it comes back refused with
   * the reason. `within` is what is left of an upload's reading time (`upload`), when less than
   * the file's own time budget.
   */
  async read(bytes: Uint8Array, want: { view?: boolean; check?: boolean; upload?: { within: number; budget: UploadBudget } } = {}): Promise<ReadOutcome> {
    if (bytes.length > this.budget.maxBytes) {
      const parsed = refused(formatOf(bytes), 'INPUT.TOO_LARGE', overBudgetReason('maxBytes', this.budget, bytes.length));
      return { sha256: sha256Of(bytes), parsed, source: null, findings: null };
    }
    const byUpload = want.upload && want.upload.within < this.budget.timeoutMs ? want.upload : null;
    const job: ReadJob = { kind: 'read', bytes, budget: this.budget, view: want.view ?? false, check: want.check ?? false };
    const end = await this.threadPool.run(job, byUpload ? { timeoutMs: Math.max(1, byUpload.within) } : {});
    if (!end.ok) return this.stopped(bytes, end, byUpload?.budget ?? null);
    if (end.value.kind !== 'read') throw new Error('unexpected answer');
    const { sha256, parsed, source, findings } = end.value;
    return { sha256, parsed, source, findings };
  }

  /** Open a ZIP archive in a reading thread (its inflating costs the server's event loop nothing). */
  async unzip(bytes: Uint8Array, limits: UnzipLimits): Promise<Unzipped> {
    const end = await this.threadPool.run({ kind: 'unzip', bytes, limits });
    if (!end.ok) return { refused: end.stopped === 'crash' ? `压缩包无法打开（${end.detail}）` : `压缩包未解压：${overBudgetReason(end.stopped, this.budget)}` };
    if (end.value.kind !== 'unzip') throw new Error('unexpected answer');
    return end.value.opened;
  }

  async close(): Promise<void> {
    await this.pool?.close();
    this.pool = null;
  }
}
