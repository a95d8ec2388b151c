/**
 * Word .docx → HTML (mammoth keeps merged cells as rowspan/colspan) → the HTML reader.
 * The archive is unpacked by our hardened ZIP reader (limits enforced while inflating, so a zip
 * bomb dressed as .docx is refused) and mammoth reads the parts from it; mammoth's own messages
 * about what it could not convert are kept.
 */
import { readHtml } from './html.js';
import { InputError } from './input-error.js';
import type { TextDocument } from './text.js';
import { DEFAULT_UNZIP_LIMITS, unzip, type UnzipLimits } from './zip.js';

/** The parts of an unpacked .docx as mammoth asks for them (the shape of its own zip-file object). */
interface DocxParts {
  exists(name: string): boolean;
  read(name: string, encoding?: string): Promise<Uint8Array | string>;
  write(name: string, contents: string): void;
  toArrayBuffer(): Promise<ArrayBuffer>;
}

function partsOf(bytes: Uint8Array, limits: UnzipLimits): DocxParts {
  const archive = unzip(bytes, limits);
  if ('refused' in archive) throw new InputError('INPUT.UNSAFE_ARCHIVE', `Word 文件不安全，未解压：${archive.refused}`);
  const parts = new Map(archive.entries.map((e) => [e.name, e]));
  return {
    exists: (name) => parts.has(name),
    async read(name, encoding) {
      const part = parts.get(name);
      if (!part) throw new Error(`Word 文件中没有“${name}”`);
      if ('refused' in part) throw new Error(`Word 文件中的“${name}”无法解压：${part.refused}`);
      if (encoding === 'base64') return Buffer.from(part.bytes.buffer, part.bytes.byteOffset, part.bytes.byteLength).toString('base64');
      return encoding ? new TextDecoder(encoding).decode(part.bytes) : part.bytes;
    },
    write() {
      throw new Error('read only');
    },
    toArrayBuffer() {
      return Promise.reject(new Error('read only'));
    },
  };
}

/** Read a .docx; throws InputError (INPUT.UNSAFE_ARCHIVE) for an archive that must not be unpacked. */
export async function readDocx(bytes: Uint8Array, limits: UnzipLimits = DEFAULT_UNZIP_LIMITS): Promise<{ doc: TextDocument; warnings: string[] }> {
  const file = partsOf(bytes, limits);
  const mammoth = await import('mammoth');
  // mammoth takes an opened archive as `file` (its unzip.openZip); its types list only path and buffer.
  const result = await mammoth.convertToHtml({ file } as unknown as { buffer: Buffer });
  return { doc: readHtml(result.value), warnings: result.messages.filter((m) => m.type === 'error').map((m) => m.message) };
}
