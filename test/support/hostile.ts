/**
 * The hostile files of issue 17, made here byte by byte (nothing downloaded, nothing stored):
 * deeply nested HTML, a PDF of many blank pages, a ZIP of many large reports, a ZIP whose
 * entries overlap (one deflate stream counted many times), and a large text file. Sizes are
 * parameters: the security test makes small ones against lowered budgets, the bench and the
 * measurement the sizes of the attack (950 KB; 10,000 pages; 190 × 1 MiB; 18 KB; 60 MB).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildZip, deflated, type RawEntry } from './zip-builder.js';
import { FIXTURES } from './shared.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

/** `<div>` nested `depth` deep around one character (each level 11 bytes). */
export function nestedHtml(depth: number): Uint8Array {
  return utf8('<!doctype html><html><body>' + '<div>'.repeat(depth) + '字' + '</div>'.repeat(depth) + '</body></html>');
}

/**
 * A valid PDF of `pages` blank A4 pages, written by hand: a catalog, one page tree listing
 * every page, the pages, a cross-reference table with each object's offset, and the trailer.
 */
export function manyPagePdf(pages: number): Uint8Array {
  const objects: string[] = [];
  const kids = Array.from({ length: pages }, (_, i) => `${i + 3} 0 R`).join(' ');
  objects.push('<< /Type /Catalog /Pages 2 0 R >>');
  objects.push(`<< /Type /Pages /Count ${pages} /Kids [${kids}] >>`);
  for (let i = 0; i < pages; i++) objects.push('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>');
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length); // ASCII only: characters are bytes
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const at of offsets) out += `${String(at).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return utf8(out);
}

/** A real report of our own fixtures, as text. */
export const goodReport = (): Uint8Array => new Uint8Array(readFileSync(join(FIXTURES, 'reports', 'yunling-2024.md')));

/** A report padded to about `bytes` (whole lines, so the UTF-8 stays valid) with numbered lines of narrative. */
export function paddedReport(bytes: number, n: number): Uint8Array {
  const base = new TextDecoder().decode(goodReport());
  const lines: string[] = [];
  let size = utf8(base).length;
  for (let i = 0; size < bytes; i++) {
    const line = `第${n}份第${i}段：本机关认真贯彻落实政府信息公开条例，持续推进政务公开。\n`;
    lines.push(line);
    size += utf8(line).length;
  }
  return utf8(base + '\n' + lines.join(''));
}

/** A ZIP of `count` reports of `bytes` each. */
export function zipOfReports(count: number, bytes: number): Uint8Array {
  return buildZip(Array.from({ length: count }, (_, i) => deflated(`报告${i + 1}.txt`, paddedReport(bytes, i))));
}

/**
 * A ZIP whose `count` entries all point at one deflate stream of `mib` MiB (the overlapping
 * zip bomb): tiny on disk, `count × mib` MiB if each entry were inflated.
 */
export function overlappingZip(count: number, mib: number): Uint8Array {
  const first = deflated('0.txt', new Uint8Array(mib * 1024 * 1024).fill(0x20));
  const entries: RawEntry[] = [first];
  for (let i = 1; i < count; i++) entries.push({ ...first, name: `${i}.txt`, shared: true, localAt: 0 });
  return buildZip(entries);
}

/** A text file of `bytes` bytes: Chinese lines that are no report. */
export function largeText(bytes: number): Uint8Array {
  const line = utf8('这是一行与年度报告无关的文字，重复很多次。\n');
  const out = new Uint8Array(bytes);
  for (let at = 0; at < bytes; at += line.length) out.set(line.subarray(0, Math.min(line.length, bytes - at)), at);
  return out;
}

/** A valid PDF of `pages` pages, each with `lines` lines of text in Helvetica (for the reader's growth, not an attack). */
export function textPdf(pages: number, lines: number): Uint8Array {
  const objects: string[] = ['<< /Type /Catalog /Pages 2 0 R >>', '', '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'];
  const kids: string[] = [];
  for (let p = 0; p < pages; p++) {
    const text = Array.from({ length: lines }, (_, i) => `BT /F1 10 Tf 50 ${800 - (i % 70) * 11} Td (Line ${i} of page ${p}    ${i * 7}) Tj ET`).join('\n');
    objects.push(`<< /Length ${text.length} >>\nstream\n${text}\nendstream`);
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${objects.length} 0 R >>`);
    kids.push(`${objects.length} 0 R`);
  }
  objects[1] = `<< /Type /Pages /Count ${pages} /Kids [${kids.join(' ')}] >>`;
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const at of offsets) out += `${String(at).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return utf8(out);
}
