/**
 * A "scanned" PDF for the OCR tests: page images (JPEG, rendered by pdftoppm) wrapped as the
 * only content of each page — no text layer, as a scanner or a phone app makes them — by the
 * adapter that wraps uploaded images the same way.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { imagePdf as imagePdfOf } from '../../src/adapters/image-pdf.js';

/** Page images as a scanned PDF, sized as scanned at 200 dpi. */
export function imagePdf(pages: readonly Uint8Array[]): Uint8Array {
  const pdf = imagePdfOf(pages, 200);
  if (!pdf) throw new Error('not a JPEG or plain PNG');
  return pdf;
}

/**
 * A scan of a real PDF, made in the run and never kept: every page rendered by pdftoppm at
 * `dpi`, grey, as JPEG, wrapped as the only content of the pages of a new PDF.
 */
export function scannedPdf(pdfPath: string, dpi = 200): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-scan-'));
  try {
    execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-jpeg', pdfPath, join(dir, 'page')]);
    const jpegs = readdirSync(dir).filter((f) => f.endsWith('.jpg')).sort().map((f) => readFileSync(join(dir, f)));
    return imagePdf(jpegs);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
