/**
 * A multipart/form-data body streamed to disk: each `file` field is written to its own file in
 * a folder as it arrives, so an upload never sits whole in memory. The request is counted while
 * it streams (past its limit, reading stops); a file past its own limit stops being written and
 * is kept as refused (its name and why), the others go on; more files than allowed stop it.
 */
import { open, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';

/** A file of the body: written to `path`, or refused while streaming (then `path` is null). */
export interface StagedFile {
  name: string;
  path: string | null;
  size: number;
  /** Set when the file passed `maxFileBytes`: it was not kept. */
  tooLarge?: boolean;
}

export interface StageLimits {
  maxRequestBytes: number;
  maxFileBytes: number;
  maxFiles: number;
}

/** Why a body was not taken: too large as a whole, too many files, or not multipart as it claims. */
export class StageError extends Error {
  constructor(
    readonly kind: 'tooLarge' | 'tooManyFiles' | 'malformed',
    readonly count = 0,
  ) {
    super(kind);
  }
}

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');
/** Headers of one part larger than this are not a browser's. */
const MAX_HEADER_BYTES = 16 * 1024;

export function boundaryOf(contentType: string): string | null {
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return m ? (m[1] ?? m[2] ?? null) : null;
}

/** The field and file name of a part's Content-Disposition (UTF-8, as browsers send it; %22 and %0A as they escape them). */
function dispositionOf(headers: string): { field: string | null; filename: string | null } {
  const line = headers.split('\r\n').find((h) => /^content-disposition:/i.test(h)) ?? '';
  const param = (key: string) => {
    const m = new RegExp(`;\\s*${key}="((?:[^"\\\\]|\\\\.)*)"`, 'i').exec(line) ?? new RegExp(`;\\s*${key}=([^;\\s]+)`, 'i').exec(line);
    return m ? m[1]!.replace(/%22/g, '"').replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/\\(.)/g, '$1') : null;
  };
  return { field: param('name'), filename: param('filename') };
}

interface Part {
  file: StagedFile | null;
  handle: FileHandle | null;
}

/**
 * Stream `body` into files under `dir` (which must exist). Resolves with the `file` fields in the
 * order sent; throws StageError. The caller removes `dir` afterwards, whatever happened.
 */
export async function stageMultipart(body: ReadableStream<Uint8Array>, boundary: string, dir: string, limits: StageLimits): Promise<StagedFile[]> {
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  const files: StagedFile[] = [];
  // The body's first delimiter has no line break before it: one is added so every delimiter looks alike.
  let buf: Buffer = Buffer.from(CRLF);
  // Widened: `step` changes it, which the checks in the loop below cannot see.
  let state = 'preamble' as 'preamble' | 'afterDelimiter' | 'headers' | 'body' | 'done';
  let part: Part = { file: null, handle: null };
  let seen = 0;

  const write = async (bytes: Buffer) => {
    const f = part.file;
    if (!f || !bytes.length) return;
    f.size += bytes.length;
    if (f.size > limits.maxFileBytes) {
      if (!f.tooLarge) {
        f.tooLarge = true;
        await part.handle?.close();
        part.handle = null;
        if (f.path) await rm(f.path, { force: true });
        f.path = null;
      }
      return;
    }
    await part.handle?.write(bytes);
  };
  const endPart = async () => {
    await part.handle?.close();
    part = { file: null, handle: null };
  };
  const startPart = async (headers: string) => {
    const { field, filename } = dispositionOf(headers);
    if (field !== 'file' || filename === null) return; // other fields are ignored
    if (files.length >= limits.maxFiles) throw new StageError('tooManyFiles', files.length + 1);
    const path = join(dir, String(files.length));
    const file: StagedFile = { name: filename, path, size: 0 };
    files.push(file);
    part = { file, handle: await open(path, 'wx') };
  };

  /** Take what the buffer holds; false when more bytes are needed. */
  const step = async (): Promise<boolean> => {
    switch (state) {
      case 'preamble':
      case 'body': {
        const at = buf.indexOf(delimiter);
        if (at < 0) {
          // Keep a tail that may be the start of a delimiter.
          const keep = Math.min(buf.length, delimiter.length - 1);
          if (state === 'body') await write(buf.subarray(0, buf.length - keep));
          buf = buf.subarray(buf.length - keep);
          return false;
        }
        if (state === 'body') {
          await write(buf.subarray(0, at));
          await endPart();
        }
        buf = buf.subarray(at + delimiter.length);
        state = 'afterDelimiter';
        return true;
      }
      case 'afterDelimiter': {
        if (buf.length < 2) return false;
        if (buf[0] === 0x2d && buf[1] === 0x2d) {
          state = 'done';
          return false;
        }
        const eol = buf.indexOf(CRLF);
        if (eol < 0) {
          if (buf.length > 256) throw new StageError('malformed');
          return false;
        }
        buf = buf.subarray(eol + 2); // transport padding before the line break is allowed
        state = 'headers';
        return true;
      }
      case 'headers': {
        const end = buf.indexOf(HEADER_END);
        if (end < 0) {
          if (buf.length > MAX_HEADER_BYTES) throw new StageError('malformed');
          return false;
        }
        await startPart(buf.subarray(0, end).toString('utf8'));
        buf = buf.subarray(end + HEADER_END.length);
        state = 'body';
        return true;
      }
      default:
        return false;
    }
  };

  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      seen += value.byteLength;
      if (seen > limits.maxRequestBytes) throw new StageError('tooLarge');
      if (state === 'done') continue;
      buf = buf.length ? Buffer.concat([buf, value]) : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
      while (await step());
    }
    if (state !== 'done') throw new StageError('malformed');
    return files;
  } finally {
    await part.handle?.close().catch(() => {});
    await reader.cancel().catch(() => {});
  }
}
