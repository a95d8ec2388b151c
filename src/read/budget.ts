/**
 * The reading budgets: how much one file may cost to read (pages, bytes as sent, bytes after
 * decompression, time, memory) and how much one upload may bring (bytes, files, bytes after
 * its ZIP archives are opened). Defined once here, with the Chinese sentence that names the
 * budget that stopped a file; the server, the CLI and `gongkai batch` apply the same ones.
 * Environment overrides are parsed here too (from a plain record, so this stays pure).
 */
import { InputError } from './input-error.js';

export interface ReadBudget {
  /** Bytes of one file as received. */
  maxBytes: number;
  /** Bytes of one file after decompression (the parts of a Word file; the entries of an archive). */
  maxUnpackedBytes: number;
  /** Pages of one PDF, checked before any page is read. */
  maxPages: number;
  /** Characters of text in one file (decoded or extracted): what the recogniser, the checks and the source view then cost. */
  maxTextChars: number;
  /** Time to read one file, outside programs included; past it the reading thread is stopped. */
  timeoutMs: number;
  /** Heap of the thread reading one file, in MiB; past it the thread is stopped. */
  maxMemoryMb: number;
}

export interface UploadBudget {
  /** Bytes of one upload as sent (all its files), counted while it streams to disk. */
  maxUploadBytes: number;
  /** Files of one upload, those inside its ZIP archives counted. */
  maxFiles: number;
  /** Bytes of one upload after its ZIP archives are opened. */
  maxUploadUnpackedBytes: number;
  /** Time to read all files of one upload; files not read by then are refused unread (the others are kept). */
  maxUploadMs: number;
}

const MiB = 1024 * 1024;

/** The defaults, stated once (README and SECURITY.md repeat them). */
export const DEFAULT_READ_BUDGET: ReadBudget = {
  maxBytes: 64 * MiB,
  maxUnpackedBytes: 100 * MiB,
  maxPages: 500,
  maxTextChars: 300_000,
  timeoutMs: 60_000,
  maxMemoryMb: 512,
};

export const DEFAULT_UPLOAD_BUDGET: UploadBudget = {
  maxUploadBytes: 256 * MiB,
  maxFiles: 500,
  maxUploadUnpackedBytes: 200 * MiB,
  maxUploadMs: 80_000,
};

export type ReadBudgetKey = keyof ReadBudget;
export type UploadBudgetKey = keyof UploadBudget;

const size = (bytes: number) => (bytes >= MiB ? `${(bytes / MiB).toFixed(bytes % MiB ? 1 : 0)} MiB` : `${Math.ceil(bytes / 1024)} KiB`);

/** The budget's name as a user reads it, with its limit. */
export function budgetLimitText(key: ReadBudgetKey | UploadBudgetKey, budget: Partial<ReadBudget & UploadBudget>): string {
  const v = budget[key] ?? 0;
  switch (key) {
    case 'maxBytes':
      return `每个文件 ${size(v)}`;
    case 'maxUnpackedBytes':
      return `每个文件解压后 ${size(v)}`;
    case 'maxPages':
      return `每个 PDF ${v} 页`;
    case 'maxTextChars':
      return `每个文件 ${v >= 10_000 ? `${v / 10_000} 万` : v}字`;
    case 'timeoutMs':
      return `每个文件读取 ${v / 1000} 秒`;
    case 'maxMemoryMb':
      return `每个文件读取内存 ${v} MiB`;
    case 'maxUploadBytes':
      return `每次上传 ${size(v)}`;
    case 'maxFiles':
      return `每次上传 ${v} 个文件`;
    case 'maxUploadUnpackedBytes':
      return `每次上传解压后共 ${size(v)}`;
    case 'maxUploadMs':
      return `每次上传读取 ${v / 1000} 秒`;
  }
}

/** Why a file was not read: the budget that stopped it, what the file has (when known) and what to do. */
export function overBudgetReason(key: ReadBudgetKey | 'maxUploadMs', budget: Partial<ReadBudget & UploadBudget>, actual?: number): string {
  const limit = budgetLimitText(key, budget);
  switch (key) {
    case 'maxBytes':
      return `超过读取预算（${limit}）：文件有 ${size(actual ?? 0)}（年度报告通常不到 5 MiB）`;
    case 'maxUnpackedBytes':
      return `超过读取预算（${limit}）：解压后有 ${size(actual ?? 0)}（疑似压缩炸弹）`;
    case 'maxPages':
      return `超过读取预算（${limit}）：这份 PDF 有 ${actual ?? '?'} 页，年度报告通常不到 100 页，未读取`;
    case 'maxTextChars':
      return `超过读取预算（${limit}）：这个文件有约 ${Math.round((actual ?? 0) / 10_000)} 万字，年度报告通常不到 5 万字，未读取`;
    case 'timeoutMs':
      return `超过读取预算（${limit}）：读取未在时限内完成，已停止`;
    case 'maxMemoryMb':
      return `超过读取预算（${limit}）：读取所需内存超过上限，已停止`;
    case 'maxUploadMs':
      return `超过上传预算（${limit}）：本次上传的读取时间已用完，这个文件未读完，请另行上传`;
  }
}

/** A file over one of its budgets; the single entry turns it into a refusal (INPUT.OVER_BUDGET). */
export class OverBudget extends InputError {
  constructor(
    readonly budget: ReadBudgetKey,
    limits: Partial<ReadBudget>,
    actual?: number,
  ) {
    super('INPUT.OVER_BUDGET', overBudgetReason(budget, limits, actual));
  }
}

/** The environment variable of each budget. */
export const READ_BUDGET_ENV: Record<ReadBudgetKey, string> = {
  maxBytes: 'GONGKAI_READ_MAX_BYTES',
  maxUnpackedBytes: 'GONGKAI_READ_MAX_UNPACKED_BYTES',
  maxPages: 'GONGKAI_READ_MAX_PAGES',
  maxTextChars: 'GONGKAI_READ_MAX_TEXT_CHARS',
  timeoutMs: 'GONGKAI_READ_TIMEOUT_MS',
  maxMemoryMb: 'GONGKAI_READ_MAX_MEMORY_MB',
};

export const UPLOAD_BUDGET_ENV: Record<UploadBudgetKey, string> = {
  maxUploadBytes: 'GONGKAI_UPLOAD_MAX_BYTES',
  maxFiles: 'GONGKAI_UPLOAD_MAX_FILES',
  maxUploadUnpackedBytes: 'GONGKAI_UPLOAD_MAX_UNPACKED_BYTES',
  maxUploadMs: 'GONGKAI_UPLOAD_TIMEOUT_MS',
};

type Env = Readonly<Record<string, string | undefined>>;

/** The defaults with what the environment sets; a value that is not a positive integer is an error naming the variable. */
function fromEnv<K extends string>(defaults: Record<K, number>, names: Record<K, string>, env: Env): Record<K, number> {
  const out = { ...defaults };
  for (const key of Object.keys(names) as K[]) {
    const raw = env[names[key]]?.trim();
    if (!raw) continue;
    const value = Number(raw);
    if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`${names[key]}=${raw} 无效：应为正整数 (must be a positive integer)`);
    out[key] = value;
  }
  return out;
}

export const readBudgetFromEnv = (env: Env): ReadBudget => fromEnv(DEFAULT_READ_BUDGET, READ_BUDGET_ENV, env);
export const uploadBudgetFromEnv = (env: Env): UploadBudget => fromEnv(DEFAULT_UPLOAD_BUDGET, UPLOAD_BUDGET_ENV, env);
