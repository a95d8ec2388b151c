/**
 * What an attachment is, from its bytes — never from the type the uploader's browser claimed.
 * Only formats a catalogue publishes are accepted: PDF, OFD (China's format for official
 * documents, GB/T 33190), Word (.doc/.docx), Excel (.xls/.xlsx), images (PNG, JPEG, GIF, WebP)
 * and plain text (.txt/.csv, UTF-8 or GB18030). PDF and images may be shown in the browser; the
 * rest is only ever downloaded. Pure.
 */
import { zipEntries } from '../read/zip.js';

export interface AttachmentType {
  /** The media type the file is served with. */
  mediaType: string;
  /** Shown in the browser (PDF, images); everything else is served as a download. */
  inline: boolean;
}

export const ALLOWED_ATTACHMENTS = 'PDF、OFD、Word（.doc/.docx）、Excel（.xls/.xlsx）、图片（PNG/JPEG/GIF/WebP）和纯文本（.txt/.csv）';

const extensionOf = (fileName: string) => /\.([a-z0-9]{1,8})$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';

const startsWith = (bytes: Uint8Array, ...sig: number[]) => sig.every((b, i) => bytes[i] === b);
const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));

function image(bytes: Uint8Array): string | null {
  if (startsWith(bytes, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (startsWith(bytes, 0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return 'image/gif';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'image/webp';
  return null;
}

/** A ZIP container by what it holds: a Word or Excel document, or an OFD. */
function container(bytes: Uint8Array): string | null {
  const names = new Set((zipEntries(bytes) ?? []).map((e) => e.name.replace(/^\/+/, '')));
  if (names.has('[Content_Types].xml') && names.has('word/document.xml')) return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  if (names.has('[Content_Types].xml') && names.has('xl/workbook.xml')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  if ([...names].some((n) => n.toLowerCase() === 'ofd.xml')) return 'application/ofd';
  return null;
}

/** Text with no NUL and no control character but tab, line breaks and form feed, in UTF-8 or GB18030. */
function textCharset(bytes: Uint8Array): 'utf-8' | 'gb18030' | null {
  for (const b of bytes) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) return null;
  for (const charset of ['utf-8', 'gb18030'] as const) {
    try {
      new TextDecoder(charset, { fatal: true }).decode(bytes);
      return charset;
    } catch {
      // try the next
    }
  }
  return null;
}

/** The attachment's type from its bytes (and, for the formats whose bytes do not say, its name), or null when it is not allowed. */
export function attachmentType(bytes: Uint8Array, fileName: string): AttachmentType | null {
  const ext = extensionOf(fileName);
  if (ascii(bytes, 0, 5) === '%PDF-') return { mediaType: 'application/pdf', inline: true };
  const img = image(bytes);
  if (img) return { mediaType: img, inline: true };
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) {
    // An OLE compound file: Word 97–2003 or Excel 97–2003 by its name (the container says little).
    if (ext === 'doc') return { mediaType: 'application/msword', inline: false };
    if (ext === 'xls') return { mediaType: 'application/vnd.ms-excel', inline: false };
    return null;
  }
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) {
    const type = container(bytes);
    return type ? { mediaType: type, inline: false } : null;
  }
  if (ext === 'txt' || ext === 'csv') {
    const charset = textCharset(bytes);
    if (charset) return { mediaType: `${ext === 'csv' ? 'text/csv' : 'text/plain'}; charset=${charset}`, inline: false };
  }
  return null;
}
