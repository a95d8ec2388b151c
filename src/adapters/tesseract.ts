/**
 * tesseract (Debian's tesseract-ocr with its chi_sim model) as the engine that reads the pieces
 * of a scanned page: one process per kind of piece, every image of that kind in one list file,
 * the words back as TSV so each is known by its image (page_num) and line.
 */
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { encodePgm } from '../read/grey-image.js';
import type { ScanPiece } from '../read/scan-page.js';

const run = promisify(execFile);
const TIMEOUT_MS = 600_000;

/** Page segmentation per kind: running text as a single column of lines (psm 4), a cell as a block (psm 6). */
const SETTINGS: Record<ScanPiece['kind'], string[]> = {
  text: ['--psm', '4'],
  cell: ['--psm', '6'],
};

/** A number cell: one line, digits and the marks written for none (-, /) only. */
const NUMBER_SETTINGS = ['--psm', '7', '-c', 'tessedit_char_whitelist=0123456789.-/'];

const CJK = /[\u3000-\u9fff\uff00-\uffef]/;

/** Words of one line joined: no space between Chinese characters, one elsewhere. */
function joinWords(words: readonly string[]): string {
  let out = '';
  for (const w of words) {
    if (out && !(CJK.test(out.at(-1)!) || CJK.test(w.charAt(0)))) out += ' ';
    out += w;
  }
  return out;
}

/** tesseract's TSV → the text of each image (1-based page_num), its lines joined by newlines. */
export function textsFromTsv(tsv: string, images: number): string[] {
  const lines = new Map<string, { page: number; words: string[] }>();
  for (const row of tsv.split('\n').slice(1)) {
    const f = row.split('\t');
    if (f.length < 12 || f[0] !== '5') continue;
    const text = f.slice(11).join('\t').trim();
    if (!text) continue;
    const key = `${f[1]}.${f[2]}.${f[3]}.${f[4]}`;
    const line = lines.get(key) ?? { page: Number(f[1]), words: [] };
    line.words.push(text);
    lines.set(key, line);
  }
  const out: string[][] = Array.from({ length: images }, () => []);
  for (const { page, words } of lines.values()) out[page - 1]?.push(joinWords(words));
  return out.map((l) => l.join('\n'));
}

/** Run tesseract once over the listed images; their texts in the same order. */
async function readFiles(files: readonly string[], model: string, settings: readonly string[], list: string): Promise<string[]> {
  if (!files.length) return [];
  await writeFile(list, files.join('\n') + '\n');
  const args = [list, 'stdout', '-l', model, ...settings, '-c', 'preserve_interword_spaces=1', 'tsv'];
  // One thread per process: the kinds run side by side, and tesseract's OpenMP threads spin idle on a busy machine.
  const env = { ...process.env, OMP_THREAD_LIMIT: '1' };
  const { stdout } = await run('tesseract', args, { timeout: TIMEOUT_MS, maxBuffer: 256 * 1024 * 1024, env });
  return textsFromTsv(stdout, files.length);
}

/**
 * Fewer than two Chinese characters: a number cell (or a blank mark), read again as one line of
 * digits — tesseract's Chinese model takes a lone 1 for ] and a 7 for 了.
 */
function looksNumeric(text: string): boolean {
  return (text.match(/[\u4e00-\u9fff]/g)?.length ?? 0) < 2;
}

/**
 * One number read by two models. Measured on the scanned 淮安市 report: the Latin model reads
 * 6 and 5 right where the Chinese one sees 0 and 3, but drops a lone 1 or 0 and now and then a
 * leading digit, which the Chinese model keeps. So: the Latin reading, unless it is empty or
 * shorter than the Chinese one.
 */
export function pickNumber(latin: string, chinese: string): string {
  const [l, c] = [latin.trim(), chinese.trim()];
  return !l || c.length > l.length ? c : l;
}

/** Read every piece; the texts come back in the pieces' order. */
export async function readPieces(pieces: readonly ScanPiece[], dir: string): Promise<string[]> {
  const files = pieces.map((p, i) => join(dir, `${p.kind}-${i}.pgm`));
  await Promise.all(pieces.map((p, i) => writeFile(files[i]!, encodePgm(p.image))));
  const of = (kind: ScanPiece['kind']) => pieces.flatMap((p, i) => (p.kind === kind ? [i] : []));
  const read = (indexes: readonly number[], model: string, settings: readonly string[], name: string) =>
    readFiles(
      indexes.map((i) => files[i]!),
      model,
      settings,
      join(dir, `${name}.txt`),
    );
  const out = pieces.map(() => '');
  const [texts, cells] = [of('text'), of('cell')];
  const [textRead, cellRead] = await Promise.all([read(texts, 'chi_sim', SETTINGS.text, 'text'), read(cells, 'chi_sim', SETTINGS.cell, 'cell')]);
  texts.forEach((i, k) => (out[i] = textRead[k]!));
  cells.forEach((i, k) => (out[i] = cellRead[k]!));
  const numbers = cells.filter((i) => looksNumeric(out[i]!));
  const [latin, chinese] = await Promise.all([read(numbers, 'eng', NUMBER_SETTINGS, 'latin'), read(numbers, 'chi_sim', NUMBER_SETTINGS, 'chinese')]);
  numbers.forEach((i, k) => {
    const number = pickNumber(latin[k]!, chinese[k]!);
    if (number) out[i] = number;
  });
  return out;
}
