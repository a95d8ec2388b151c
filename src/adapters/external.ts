/**
 * Outside programs from Debian's packages, used when installed: LibreOffice for legacy Word
 * and WPS files, poppler's pdftoppm and tesseract for scans. Each says which package is
 * missing instead of failing obscurely, and each runs with a time limit.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { ExternalTools } from '../ingest.js';
import { parsePgm } from '../read/grey-image.js';
import { pageText, planPage, type PagePlan } from '../read/scan-page.js';
import { imagePdf } from './image-pdf.js';
import { readPieces } from './tesseract.js';

const run = promisify(execFile);
const TIMEOUT_MS = 120_000;

async function which(command: string): Promise<boolean> {
  try {
    await run('sh', ['-c', `command -v ${command}`]);
    return true;
  } catch {
    return false;
  }
}

async function inTempDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'gongkai-'));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** .doc/.wps → .docx with LibreOffice headless (a Simplified-Chinese locale, so glyphs are not taken for Japanese). */
export async function convertLegacyWord(bytes: Uint8Array): Promise<Uint8Array> {
  const office = (await which('soffice')) ? 'soffice' : (await which('libreoffice')) ? 'libreoffice' : null;
  if (!office) throw new Error('未安装 LibreOffice（Debian 软件包 libreoffice-writer-nogui）');
  return inTempDir(async (dir) => {
    const input = join(dir, 'report.doc');
    await writeFile(input, bytes);
    await run(office, ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'docx', '--outdir', dir, input], {
      timeout: TIMEOUT_MS,
      env: { ...process.env, LANG: 'zh_CN.UTF-8', LC_ALL: 'zh_CN.UTF-8', HOME: dir },
    });
    return new Uint8Array(await readFile(join(dir, 'report.docx')));
  });
}

/** Render resolution of scanned pages: print of 7 pt stays legible, rules stay one line. */
const SCAN_DPI = 300;

async function requireTesseract(kind: 'pdf' | 'image'): Promise<void> {
  if (!(await which('tesseract'))) throw new Error('未安装 tesseract（Debian 软件包 tesseract-ocr 与 tesseract-ocr-chi-sim）');
  if (kind === 'pdf' && !(await which('pdftoppm'))) throw new Error('未安装 pdftoppm（Debian 软件包 poppler-utils）');
  const { stdout: langs } = await run('tesseract', ['--list-langs']);
  if (!/^chi_sim$/m.test(langs)) throw new Error('tesseract 缺少简体中文模型（Debian 软件包 tesseract-ocr-chi-sim）');
}

/**
 * A scanned PDF → text: every page rendered grey (pdftoppm), its ruled tables found and read
 * cell by cell, the text between them in bands (src/read/scan-page.ts), by tesseract's chi_sim.
 */
async function ocrPdf(bytes: Uint8Array, dir: string): Promise<string> {
  const input = join(dir, 'scan.pdf');
  await writeFile(input, bytes);
  await run('pdftoppm', ['-r', String(SCAN_DPI), '-gray', input, join(dir, 'page')], { timeout: TIMEOUT_MS });
  const files = (await readdir(dir)).filter((f) => f.startsWith('page') && f.endsWith('.pgm')).sort();
  const plans: PagePlan[] = [];
  for (const f of files) plans.push(planPage(parsePgm(new Uint8Array(await readFile(join(dir, f)))), SCAN_DPI));
  const pieces = plans.flatMap((p) => p.pieces);
  const read = await readPieces(pieces, dir);
  let start = 0;
  return plans
    .map((plan) => {
      const text = pageText(plan, read.slice(start, start + plan.pieces.length));
      start += plan.pieces.length;
      return text;
    })
    .join('\f');
}

/** An image → text, read whole (--psm 4, a single column of text, keeps a table row on one line). */
async function ocrImage(bytes: Uint8Array, dir: string): Promise<string> {
  const input = join(dir, 'scan.img');
  await writeFile(input, bytes);
  const args = [input, 'stdout', '-l', 'chi_sim', '--psm', '4', '-c', 'preserve_interword_spaces=1'];
  const { stdout } = await run('tesseract', args, { timeout: TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

/**
 * A scanned PDF or an image → text, by tesseract's chi_sim model. A JPEG or plain PNG goes the
 * way of a scanned PDF (wrapped as one, tables read cell by cell); other images are read whole.
 */
export async function ocr(bytes: Uint8Array, kind: 'pdf' | 'image'): Promise<string> {
  const pdf = kind === 'pdf' ? bytes : imagePdf([bytes], SCAN_DPI);
  await requireTesseract(pdf ? 'pdf' : 'image');
  return inTempDir((dir) => (pdf ? ocrPdf(pdf, dir) : ocrImage(bytes, dir)));
}

export const EXTERNAL_TOOLS: ExternalTools = { convertLegacyWord, ocr };
