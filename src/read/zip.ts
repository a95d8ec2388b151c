/**
 * The one ZIP reader: a look at an archive's central directory (which entries, how large they
 * claim to be), and `unzip`, which lists and inflates the entries with hard limits. The directory
 * is not trusted: a zip bomb is refused on its declared sizes in microseconds, and every entry
 * is inflated with its output capped at what it declares, so a directory that lies about its
 * sizes, entries that overlap, or too many entries are refused before memory runs out.
 * Used by `gongkai batch`, the Word reader and the supervisors' upload. Pure apart from node:zlib.
 */
import { inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  compressed: number;
  uncompressed: number;
  /** Byte offsets of the entry's central-directory record and of its local header. */
  central: number;
  local: number;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;

/** An entry's name: UTF-8 when flagged (bit 11), else UTF-8 if valid, else GB18030 (Chinese Windows). */
function entryName(raw: Uint8Array, flags: number): string {
  if (flags & 0x0800) return new TextDecoder().decode(raw);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    return new TextDecoder('gb18030').decode(raw);
  }
}

/** The entries of a ZIP, or null when its central directory cannot be found. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record is in the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (view.getUint32(i, true) === END_OF_DIRECTORY) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL_HEADER) return null;
    const compressed = view.getUint32(at + 20, true);
    const uncompressed = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    const name = entryName(bytes.subarray(at + 46, at + 46 + nameLength), view.getUint16(at + 8, true));
    entries.push({ name, compressed, uncompressed, central: at, local: view.getUint32(at + 42, true) });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

export interface ZipLimits {
  /** Total unpacked size allowed. */
  maxUnpacked: number;
  /** Largest compression ratio allowed for an entry over 1 MiB. */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxUnpacked: 200 * 1024 * 1024, maxRatio: 200 };

/** Why a ZIP must not be unpacked, judged on its declared sizes, or null when they look safe. */
export function zipDanger(entries: readonly ZipEntry[], limits: ZipLimits = DEFAULT_ZIP_LIMITS): string | null {
  const total = entries.reduce((n, e) => n + e.uncompressed, 0);
  if (total > limits.maxUnpacked) return `解压后共 ${(total / 1024 / 1024).toFixed(0)} MiB，超过上限 ${(limits.maxUnpacked / 1024 / 1024).toFixed(0)} MiB（疑似压缩炸弹）`;
  const bomb = entries.find((e) => e.uncompressed > 1024 * 1024 && e.uncompressed / Math.max(1, e.compressed) > limits.maxRatio);
  if (bomb) return `其中“${bomb.name}”的压缩比为 ${(bomb.uncompressed / Math.max(1, bomb.compressed)).toFixed(0)}:1，超过上限 ${limits.maxRatio}:1（疑似压缩炸弹）`;
  return null;
}

export interface UnzipLimits {
  /** Largest inflated size of one entry; a larger entry is refused on its own. */
  maxEntryBytes: number;
  /** Largest inflated size of all entries together; more refuses the archive. */
  maxTotalBytes: number;
  /** Most entries (files and folders) the directory may list; more refuses the archive. */
  maxEntries: number;
}

export const DEFAULT_UNZIP_LIMITS: UnzipLimits = { maxEntryBytes: DEFAULT_ZIP_LIMITS.maxUnpacked, maxTotalBytes: DEFAULT_ZIP_LIMITS.maxUnpacked, maxEntries: 10_000 };

/** A file of the archive: its bytes, or why it alone was not unpacked (encrypted, too large, damaged). */
export type UnzippedEntry = { name: string; bytes: Uint8Array } | { name: string; refused: string };

/** The archive's files in directory order (folders left out), or why the whole archive was refused, in Chinese. */
export type Unzipped = { entries: UnzippedEntry[] } | { refused: string };

export function mib(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}

/** Where an entry's data starts (after its local header), or null when the local header is missing. */
function dataStart(bytes: Uint8Array, view: DataView, e: ZipEntry): number | null {
  if (e.local + 30 > bytes.length || view.getUint32(e.local, true) !== LOCAL_HEADER) return null;
  return e.local + 30 + view.getUint16(e.local + 26, true) + view.getUint16(e.local + 28, true);
}

/** Entries whose data overlap each other or the directory: one deflate stream counted many times (a known zip bomb). */
function overlapping(bytes: Uint8Array, view: DataView, entries: readonly ZipEntry[]): string | null {
  const spans = entries
    .map((e) => ({ name: e.name, start: e.local, end: (dataStart(bytes, view, e) ?? e.local + 30) + e.compressed }))
    .sort((a, b) => a.start - b.start);
  const directory = Math.min(...entries.map((e) => e.central));
  for (const [i, s] of spans.entries()) {
    const next = spans[i + 1];
    if ((next && next.start < s.end) || s.end > directory) return `其中“${s.name}”与其他文件在压缩包中相互重叠（疑似压缩炸弹），未解压`;
  }
  return null;
}

/** A directory that declares less than an entry really inflates to. */
class LyingDirectory extends Error {}

/** One entry's bytes, never inflating past what its directory declares; a string says why it cannot be unpacked. */
function inflateEntry(bytes: Uint8Array, view: DataView, e: ZipEntry): Uint8Array | string {
  const flags = view.getUint16(e.central + 8, true);
  const method = view.getUint16(e.central + 10, true);
  if (flags & 0x0001) return '文件已加密，无法解压';
  const start = dataStart(bytes, view, e);
  if (start === null) return '压缩包已损坏（找不到文件头）';
  const data = bytes.subarray(start, start + e.compressed);
  if (data.length !== e.compressed) return '压缩包已损坏（文件被截断）';
  let out: Uint8Array;
  if (method === 0) out = data;
  else if (method !== 8) return `不支持的压缩方式（${method}）`;
  else {
    try {
      const inflated = inflateRawSync(data, { maxOutputLength: e.uncompressed + 1 });
      out = new Uint8Array(inflated.buffer, inflated.byteOffset, inflated.length);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new LyingDirectory(e.name);
      return '解压失败：内容已损坏';
    }
  }
  if (out.length > e.uncompressed) throw new LyingDirectory(e.name);
  if (out.length < e.uncompressed) return '压缩包已损坏（内容比目录所写的短）';
  return out;
}

/**
 * List and inflate the files of a ZIP with hard limits. The whole archive is refused when its
 * directory is missing, lists too many entries, declares a zip bomb, has overlapping entries,
 * or lies (an entry inflates past its declared size: inflating stops there). An entry over
 * `maxEntryBytes`, encrypted, or damaged is refused on its own; the others are returned.
 */
export function unzip(bytes: Uint8Array, limits: UnzipLimits = DEFAULT_UNZIP_LIMITS): Unzipped {
  const entries = zipEntries(bytes);
  if (!entries) return { refused: '压缩包不完整或已损坏（找不到文件目录，可能上传或下载中断）' };
  if (entries.length > limits.maxEntries) return { refused: `压缩包中有 ${entries.length} 个条目，超过上限 ${limits.maxEntries} 个` };
  const danger = zipDanger(entries, { maxUnpacked: limits.maxTotalBytes, maxRatio: DEFAULT_ZIP_LIMITS.maxRatio });
  if (danger) return { refused: danger };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const overlap = entries.length ? overlapping(bytes, view, entries) : null;
  if (overlap) return { refused: overlap };
  const files: UnzippedEntry[] = [];
  let total = 0;
  for (const e of entries) {
    if (e.name.endsWith('/')) continue;
    if (e.uncompressed > limits.maxEntryBytes) {
      files.push({ name: e.name, refused: `文件解压后有 ${mib(e.uncompressed)}，超过每个文件的上限 ${mib(limits.maxEntryBytes)}` });
      continue;
    }
    let data: Uint8Array | string;
    try {
      data = inflateEntry(bytes, view, e);
    } catch (error) {
      if (!(error instanceof LyingDirectory)) throw error;
      return { refused: `其中“${e.name}”解压后比目录所写的大（目录谎报大小，疑似压缩炸弹），未解压` };
    }
    if (typeof data === 'string') {
      files.push({ name: e.name, refused: data });
      continue;
    }
    total += data.length;
    if (total > limits.maxTotalBytes) return { refused: `解压后超过上限 ${mib(limits.maxTotalBytes)}（疑似压缩炸弹），未解压` };
    files.push({ name: e.name, bytes: data });
  }
  return { entries: files };
}
