/**
 * Scans: the real 淮安市 report rendered at 200 dpi, grey, into an image-only PDF (made here,
 * never kept), read as an upload is. Prints the time per page of finding the tables on the
 * page images (pure) and of the whole OCR reading (pdftoppm and tesseract), and how many of
 * the hand-typed cells came out right.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTERNAL_TOOLS } from '../src/adapters/external.js';
import { parseFile } from '../src/ingest.js';
import { parsePgm } from '../src/read/grey-image.js';
import { planPage } from '../src/read/scan-page.js';
import { haveCommand } from '../test/support/shared.js';
import { scannedPdf } from '../test/support/scan.js';
import { scoreReport, type Expected } from './reading/score.js';

/** Finding tables and cutting cells, per page, on pages rendered as the OCR adapter renders them. */
function segmentationMsPerPage(pdf: Uint8Array, dpi: number): number {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-scan-'));
  try {
    writeFileSync(join(dir, 'scan.pdf'), pdf);
    execFileSync('pdftoppm', ['-r', String(dpi), '-gray', join(dir, 'scan.pdf'), join(dir, 'page')]);
    const pages = readdirSync(dir).filter((f) => f.endsWith('.pgm')).map((f) => parsePgm(readFileSync(join(dir, f))));
    const start = performance.now();
    for (const page of pages) planPage(page, dpi);
    return (performance.now() - start) / pages.length;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchScan(shared: string): Promise<void> {
  const source = join(shared, 'fixtures/real/huaian-city-2024.pdf');
  if (!existsSync(source) || !haveCommand('pdftoppm') || !haveCommand('tesseract')) {
    console.log('（缺少 ../shared、pdftoppm 或 tesseract，跳过扫描件识别 / scans skipped）');
    return;
  }
  const pdf = scannedPdf(source, 200);
  const pages = Number(/\/Count (\d+)/.exec(Buffer.from(pdf.subarray(0, 4096)).toString('latin1'))?.[1] ?? 1);
  console.log(`扫描件 找表格与切单元格 segmentation: ${segmentationMsPerPage(pdf, 300).toFixed(0)} ms/页 (300 dpi)`);
  const start = performance.now();
  const result = await parseFile(pdf, { tools: EXTERNAL_TOOLS });
  const secs = (performance.now() - start) / 1000;
  const expected = JSON.parse(readFileSync(source.replace(/\.pdf$/, '.expected.json'), 'utf8')) as Expected;
  const scores = scoreReport(result.report, expected);
  const right = scores.filter((s) => s.class === 'right').length;
  console.log(`扫描件 OCR 淮安市 2024 (200 dpi 灰度, ${pages} 页): ${(secs / pages).toFixed(1)} 秒/页 s/page (共 ${secs.toFixed(1)} 秒), ${right}/${scores.length} 个单元格正确 cells right`);
}
