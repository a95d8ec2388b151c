/**
 * PDF reading per page: for the real PDFs (../shared/fixtures/real), the Word and browser
 * conversions of the corpus (../shared/corpus/derived) and our own conversions, the pdf.js
 * reader alone (text, and ruling lines for the table grids) and the whole parse, in ms per page.
 * Part of `npm run bench`; `npx tsx bench/pdf-pages.ts` runs it alone.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROUNDS_MS = 1500;

function pdfsIn(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.pdf')).sort().map((f) => join(dir, f)) : [];
}

async function msPerRun(run: () => Promise<unknown>): Promise<number> {
  await run(); // warm: modules, fonts, CMaps
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < ROUNDS_MS) {
    await run();
    n++;
  }
  return (performance.now() - start) / n;
}

export async function benchPdfPages(root: string, shared: string): Promise<void> {
  const { readPdf } = await import('../src/read/pdf.js');
  const { parseFile } = await import('../src/ingest.js');
  const files = [
    ...pdfsIn(join(shared, 'fixtures/real')),
    ...pdfsIn(join(shared, 'corpus/derived')),
    ...pdfsIn(join(root, 'test/fixtures/converted')),
  ];
  let pages = 0;
  let readMs = 0;
  let parseMs = 0;
  for (const file of files) {
    const bytes = new Uint8Array(readFileSync(file));
    const { pages: n } = await readPdf(bytes);
    const read = await msPerRun(() => readPdf(bytes));
    const parse = await msPerRun(() => parseFile(bytes));
    pages += n;
    readMs += read;
    parseMs += parse;
    console.log(`PDF 每页 per page ${basename(file)}: ${n} 页 pages; 读取 read ${(read / n).toFixed(1)} ms/页; 解析 parse ${(parse / n).toFixed(1)} ms/页`);
  }
  if (pages) console.log(`PDF 每页 per page 合计 all ${files.length} 份 files, ${pages} 页: 读取 read ${(readMs / pages).toFixed(1)} ms/页; 解析 parse ${(parseMs / pages).toFixed(1)} ms/页`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  await benchPdfPages(root, process.env.GONGKAI_SHARED ?? resolve(root, '../shared'));
}
