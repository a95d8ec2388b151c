/**
 * `npm run bench`: how fast gongkai reads reports, measured, never asserted.
 * Prints reports per second on one core (the parse is single-threaded), cold (first parse in
 * this process, module set-up included) and warm, per corpus, and the peak resident memory;
 * then the corpus, start-up, register, server, catalogue, directory, indicators and supervisor-scale
 * benchmarks (bench/*.ts).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.GONGKAI_SHARED ?? resolve(root, '../shared');

/** The text reports of a folder (HTML is measured with the other formats below). */
function files(dir: string): Uint8Array[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => !f.endsWith('.html')).sort().map((f) => readFileSync(join(dir, f))) : [];
}

function pdfTexts(): Uint8Array[] {
  const dir = join(shared, 'fixtures/real');
  if (!existsSync(dir)) return [];
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.pdf'))
      .flatMap((f) => [[], ['-layout']].map((flag) => execFileSync('pdftotext', [...flag, join(dir, f), '-'])));
  } catch {
    console.log('（未安装 pdftotext，跳过真实 PDF 文本 / pdftotext missing: real PDF texts skipped）');
    return [];
  }
}

const t0 = performance.now();
// The code users run: the compiled dist/ (npm install builds it), not the sources through tsx,
// whose transform wraps every closure made in a hot loop (about a fifth slower).
const built = existsSync(join(root, 'dist/parse.js'));
const { parseBytes } = built ? await import('../dist/parse.js') : await import('../src/parse.js');
const { checkReport } = built ? await import('../dist/rules/check.js') : await import('../src/rules/check.js');
console.log(built ? '读取与检查：测量编译后的 dist/ (measuring the built code)' : '读取与检查：未找到 dist/，测量源代码 (dist/ absent: measuring sources via tsx; run npm run build)');
const corpora: [string, Uint8Array[]][] = [
  ['seeds (shared/seeds)', files(join(shared, 'seeds'))],
  ['real PDF text (pdftotext, both modes)', pdfTexts()],
  ['own fixtures (test/fixtures/reports)', files(join(root, 'test/fixtures/reports'))],
];
const first = corpora.find(([, c]) => c.length)?.[1][0];
if (first) parseBytes(first);
const cold = performance.now() - t0;
console.log(`冷启动 cold: 模块加载 + 首份报告 module load + first report ${cold.toFixed(1)} ms`);

let peak = process.memoryUsage().rss;
const WARM_MS = 2000;
for (const [name, corpus] of corpora) {
  if (!corpus.length) {
    console.log(`${name}: 无数据，跳过 (absent, skipped)`);
    continue;
  }
  const bytes = corpus.reduce((n, b) => n + b.length, 0);
  const c0 = performance.now();
  for (const b of corpus) parseBytes(b); // first pass over this corpus: caches still cold for its labels
  const coldEach = (performance.now() - c0) / corpus.length;
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < WARM_MS) {
    for (const b of corpus) parseBytes(b);
    n += corpus.length;
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  const secs = (performance.now() - start) / 1000;
  console.log(
    `${name}: ${corpus.length} 份 reports, 平均 ${(bytes / corpus.length / 1024).toFixed(1)} KiB; ` +
      `首轮 first pass ${coldEach.toFixed(2)} ms/份; 热 warm ${(n / secs).toFixed(0)} 份/秒/核 reports/s/core (${((secs * 1000) / n).toFixed(2)} ms/份)`,
  );
}
// Checks: the whole rule engine (with the culprit search) over every parsed report.
const models = corpora.flatMap(([, c]) => c.map((b) => parseBytes(b).report));
if (models.length) {
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < WARM_MS) {
    for (const m of models) checkReport(m, { peers: models.slice(0, 5) });
    n += models.length;
  }
  const secs = (performance.now() - start) / 1000;
  console.log(`检查 check: ${models.length} 份模型 models; ${(n / secs).toFixed(0)} 份/秒/核 checks/s/core (${((secs * 1000) / n).toFixed(2)} ms/份, 含与5份报告的雷同比较 incl. similarity against 5 reports)`);
}
// Formats: one report as HTML, DOCX and PDF (made by real tools), and the real PDFs straight from PDF.
const { parseFile } = await import('../src/ingest.js');
const converted = join(root, 'test/fixtures/converted');
const realDir = join(shared, 'fixtures/real');
const formats: [string, Uint8Array[]][] = [
  ['HTML (portal page)', [readFileSync(join(root, 'test/fixtures/reports/yunling-2024.portal.html'))]],
  ['DOCX (LibreOffice)', [readFileSync(join(converted, 'yunling-2024.libreoffice.docx'))]],
  ['PDF (LibreOffice, Chromium)', ['libreoffice', 'chromium'].map((t) => readFileSync(join(converted, `yunling-2024.${t}.pdf`)))],
  ['PDF (real reports, pdf.js)', existsSync(realDir) ? readdirSync(realDir).filter((f) => f.endsWith('.pdf')).map((f) => readFileSync(join(realDir, f))) : []],
];
for (const [name, docs] of formats) {
  if (!docs.length) continue;
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < WARM_MS) {
    for (const d of docs) await parseFile(d);
    n += docs.length;
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  const secs = (performance.now() - start) / 1000;
  console.log(`格式 ${name}: ${(n / secs).toFixed(1)} 份/秒/核 reports/s/core (${((secs * 1000) / n).toFixed(1)} ms/份)`);
}
// PDF per page: the reader alone and the whole parse (bench/pdf-pages.ts).
const { benchPdfPages } = await import('./pdf-pages.js');
await benchPdfPages(root, shared);
const { benchScan } = await import('./scan.js');
await benchScan(shared);
// Rendering: documents per second per format, from the parsed real and own reports.
const { render } = await import('../src/render/render.js');
const { htmlToPdf, chromiumPath } = await import('../src/adapters/chromium.js');
const sample = models.slice(0, 6);
for (const format of ['html', 'md', 'txt', 'docx', 'pdf'] as const) {
  if (!sample.length || (format === 'pdf' && !chromiumPath())) continue;
  let n = 0;
  const start = performance.now();
  const budget = format === 'pdf' ? WARM_MS * 2 : WARM_MS;
  while (performance.now() - start < budget) {
    for (const m of sample) await render(m, format, {}, { htmlToPdf });
    n += sample.length;
  }
  const secs = (performance.now() - start) / 1000;
  console.log(`生成 render ${format}: ${(n / secs).toFixed(1)} 份/秒/核 documents/s/core (${((secs * 1000) / n).toFixed(1)} ms/份${format === 'pdf' ? '，每份启动一次 Chromium launches Chromium per document' : ''})`);
}
const { benchSanitize } = await import('./sanitize.js');
benchSanitize();
const { benchBatch } = await import('./batch.js');
benchBatch(root);
const { benchStartup } = await import('./startup.js');
benchStartup(root);
const { benchRegister } = await import('./register.js');
await benchRegister();
const { benchServer } = await import('./server.js');
await benchServer();
const { benchUploads } = await import('./uploads.js');
await benchUploads();
const { benchCatalogue } = await import('./catalogue.js');
await benchCatalogue();
const { benchDirectory } = await import('./directory.js');
await benchDirectory();
const { benchIndicators } = await import('./indicators.js');
await benchIndicators();
const { benchBodyPage } = await import('./body-page.js');
await benchBodyPage();
const { benchSupervisorScale } = await import('./supervisor-scale.js');
await benchSupervisorScale();
console.log(`峰值内存 peak RSS: ${(Math.max(peak, process.resourceUsage().maxRSS * 1024) / 1024 / 1024).toFixed(0)} MiB`);
