/**
 * Word .docx → HTML (mammoth keeps merged cells as rowspan/colspan) → the HTML reader.
 * The ZIP is inspected before it is unpacked (zip bombs), and mammoth's own messages about
 * what it could not convert are kept.
 */
import { readHtml } from './html.js';
import type { TextDocument } from './text.js';

export async function readDocx(bytes: Uint8Array): Promise<{ doc: TextDocument; warnings: string[] }> {
  const mammoth = await import('mammoth');
  const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
  return { doc: readHtml(result.value), warnings: result.messages.filter((m) => m.type === 'error').map((m) => m.message) };
}
