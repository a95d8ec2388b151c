/**
 * HTTP helpers every route module shares: the one way a download names its file, and an uploaded
 * file's name made safe to keep.
 */
import type { Context } from 'hono';
import type { FileDownload } from '../app/download.js';
import { attachmentType } from '../catalogue/file-type.js';

/**
 * RFC 6266 / 5987 `Content-Disposition: attachment`: an ASCII fallback name (given, or the name
 * with every other character as `_`) and the UTF-8 name every current browser uses.
 */
export function attachment(fileName: string, asciiFallback?: string): string {
  const ascii = (asciiFallback ?? fileName).replace(/[^\x20-\x7e]|["\\;%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*!]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** A file to download: its bytes, type and name, never cached (it may hold personal data). */
export function download(c: Context, bytes: Uint8Array, contentType: string, fileName: string, asciiFallback?: string): Response {
  return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
    'content-type': contentType,
    'content-disposition': attachment(fileName, asciiFallback),
    'cache-control': 'no-store',
  });
}

/** A use case's file as a download. */
export const sendFile = (c: Context, file: FileDownload): Response => download(c, file.bytes, file.type, file.fileName, file.asciiName);

/**
 * An uploaded file's name as the browser sent it, in NFC, without NUL and other control
 * characters or lone surrogates (it ends up in headers, logs, pages and the database). The one
 * place every upload's file name passes; a bad character costs the character, never the file.
 */
export const printable = (name: string): string =>
  [...name.normalize('NFC')].filter((ch) => ch.charCodeAt(0) >= 0x20 && ch !== '\u007f' && !/^[\ud800-\udfff]$/.test(ch)).join('');

/** Where attachments are served: apart from the API and the pages, every answer sandboxed (see `attachmentHeaders`). */
export const FILES_PREFIX = '/files';

/**
 * Headers of every answer under /files: no type guessing, and a sandbox — a document served here
 * runs no script, submits no form and is its own opaque origin, whatever it holds.
 */
export const attachmentHeaders = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'",
} as const;

/**
 * A stored attachment as the answer: its type sniffed again from the bytes (the type stored, or
 * claimed at upload, is never trusted; a file from before sniffing that fits no allowed type is
 * bytes), shown in the browser only when PDF or an image, else a download.
 */
export function serveAttachment(c: Context, file: { fileName: string; bytes: Uint8Array }, cacheControl: string): Response {
  const type = attachmentType(file.bytes, file.fileName);
  const disposition = attachment(file.fileName);
  return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
    'content-type': type?.mediaType ?? 'application/octet-stream',
    'content-disposition': type?.inline ? disposition.replace(/^attachment/, 'inline') : disposition,
    'cache-control': cacheControl,
    ...attachmentHeaders,
  });
}
