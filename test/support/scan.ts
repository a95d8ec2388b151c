/**
 * A "scanned" PDF for the OCR tests: page images (JPEG, rendered by pdftoppm) wrapped as the
 * only content of each page — no text layer, as a scanner or a phone app makes them.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function jpegSize(jpeg: Uint8Array): { width: number; height: number; components: number } {
  let i = 2;
  while (i < jpeg.length) {
    const marker = jpeg[i + 1]!;
    const length = (jpeg[i + 2]! << 8) | jpeg[i + 3]!;
    if (marker >= 0xc0 && marker <= 0xc3) return { height: (jpeg[i + 5]! << 8) | jpeg[i + 6]!, width: (jpeg[i + 7]! << 8) | jpeg[i + 8]!, components: jpeg[i + 9]! };
    i += 2 + length;
  }
  throw new Error('not a JPEG');
}

export function imagePdf(pages: readonly Uint8Array[]): Uint8Array {
  const chunks: (string | Uint8Array)[] = ['%PDF-1.4\n'];
  const offsets: number[] = [];
  let size = 9;
  const add = (part: string | Uint8Array) => {
    chunks.push(part);
    size += typeof part === 'string' ? Buffer.byteLength(part, 'latin1') : part.length;
  };
  const object = (n: number, body: (string | Uint8Array)[]) => {
    offsets[n] = size;
    add(`${n} 0 obj\n`);
    body.forEach(add);
    add('\nendobj\n');
  };
  const kids = pages.map((_, i) => `${3 + i * 3} 0 R`).join(' ');
  object(1, ['<< /Type /Catalog /Pages 2 0 R >>']);
  object(2, [`<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`]);
  pages.forEach((jpeg, i) => {
    const { width, height, components } = jpegSize(jpeg);
    const [page, image, content] = [3 + i * 3, 4 + i * 3, 5 + i * 3];
    const w = (width * 72) / 200;
    const h = (height * 72) / 200;
    const draw = `q ${w.toFixed(2)} 0 0 ${h.toFixed(2)} 0 0 cm /Im0 Do Q`;
    object(page, [`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w.toFixed(2)} ${h.toFixed(2)}] /Resources << /XObject << /Im0 ${image} 0 R >> >> /Contents ${content} 0 R >>`]);
    object(image, [`<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace ${components === 1 ? '/DeviceGray' : '/DeviceRGB'} /BitsPerComponent 8 /Filter /DCTDecode /Length ${jpeg.length} >>\nstream\n`, jpeg, '\nendstream']);
    object(content, [`<< /Length ${draw.length} >>\nstream\n${draw}\nendstream`]);
  });
  const count = 3 + pages.length * 3;
  const xref = size;
  add(`xref\n0 ${count}\n0000000000 65535 f \n`);
  for (let n = 1; n < count; n++) add(`${String(offsets[n]).padStart(10, '0')} 00000 n \n`);
  add(`trailer\n<< /Size ${count} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.concat(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c, 'latin1') : Buffer.from(c))));
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
