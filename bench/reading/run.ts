/**
 * `npm run corpus`: read the real corpus (../shared/corpus, ../shared/fixtures/real), score every
 * cell against the hand-verified expected files, print per document and in total, and compare
 * with the committed baseline (bench/reading/baseline.json).
 *
 *   npm run corpus                 # table + comparison; exit 1 on a regression or a new unsafe cell
 *   npm run corpus -- --update     # write the baseline from this run
 *   npm run corpus -- --cells 007  # list the cells not right of documents whose id contains 007
 *   npm run corpus -- --dir /tmp/aside  # reports kept aside (reports/ + expected/ as in shared/corpus):
 *                                       # figures only, no baseline
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareWithBaseline, measureCorpus, measureDocuments, toBaseline, type Baseline, type DocumentResult } from './measure.js';
import { directoryDocuments } from './documents.js';
import { addTally, CLASSES, tally, type Tally } from './score.js';

const here = dirname(fileURLToPath(import.meta.url));
const BASELINE = join(here, 'baseline.json');
const shared = process.env.GONGKAI_SHARED ?? resolve(here, '../../../shared');

const pct = (n: number, of: number) => (of ? ((100 * n) / of).toFixed(1) : '-') + '%';

function row(name: string, t: Tally, extra = ''): string {
  const total = CLASSES.reduce((s, c) => s + t[c], 0);
  return [name.padEnd(34), String(total).padStart(5), ...CLASSES.map((c) => String(t[c]).padStart(7)), pct(t.right, total).padStart(7), extra].join(' ');
}

function print(results: DocumentResult[], cellsOf: string | undefined): void {
  console.log(['文档 document'.padEnd(32), 'cells', ...CLASSES.map((c) => c.padStart(7)), ' right%'].join(' '));
  let total = tally([]);
  for (const r of results) {
    total = addTally(total, r.tally);
    console.log(row(r.doc.id, r.tally, [r.format, ...r.meta].join(' · ')));
    if (cellsOf && r.doc.id.includes(cellsOf)) {
      for (const s of r.scores) if (s.class !== 'right') console.log(`    ${s.class.padEnd(8)} ${s.path}: ${String(s.got)} (应为 ${String(s.expected)})`);
    }
  }
  console.log(row('合计 total', total));
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const cellsAt = args.indexOf('--cells');
  const cellsOf = cellsAt >= 0 ? args[cellsAt + 1] : undefined;
  const dirAt = args.indexOf('--dir');
  const dir = dirAt >= 0 ? args[dirAt + 1] : undefined;
  if (dir) {
    // Reports kept aside are measured, never baselined: they are how we learn what we miss.
    print(await measureDocuments(directoryDocuments(resolve(dir), 'aside')), cellsOf);
    return;
  }
  if (!existsSync(join(shared, 'corpus'))) {
    console.error(`没有找到语料 ${shared}/corpus（shared corpus absent; set GONGKAI_SHARED）`);
    process.exit(2);
  }
  const results = await measureCorpus(shared);
  print(results, cellsOf);
  if (args.includes('--update')) {
    writeFileSync(BASELINE, JSON.stringify(toBaseline(results), null, 1) + '\n');
    console.log(`基线已更新 baseline written: ${BASELINE}`);
    return;
  }
  const c = compareWithBaseline(results, JSON.parse(readFileSync(BASELINE, 'utf8')) as Baseline);
  for (const line of c.regressions) console.log(`退步 regression: ${line}`);
  for (const line of c.newlyUnsafe) console.log(`新的无提示错误 newly unsafe: ${line}`);
  if (c.improvements.length) console.log(`${c.improvements.length} 个单元格比基线更好（run with --update to keep them）`);
  if (c.regressions.length || c.newlyUnsafe.length) process.exit(1);
}

await main();
