/**
 * The documents of the reading corpus, from their place in ../shared (never copied here): the
 * 24 real reports of shared/corpus as found, their Word and PDF conversions (derived/, mapped to
 * the report they came from by map.tsv), and the three real PDFs of shared/fixtures/real.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Expected } from './score.js';

export interface CorpusDocument {
  /** `corpus/001.html`, `derived/h001.pdf`, `real/huaian-city-2024.pdf` */
  id: string;
  path: string;
  expected: Expected;
  /** Only the cells visible in an excerpt are typed; a complete report has every cell. */
  complete: boolean;
}

function readJson(path: string): Expected & { complete?: boolean } {
  return JSON.parse(readFileSync(path, 'utf8')) as Expected & { complete?: boolean };
}

/**
 * The reports of a directory laid out as shared/corpus is: `reports/NNN.*` as found and
 * `expected/NNN.expected.json` typed by hand. Also used for reports kept aside (never committed)
 * by `npm run corpus -- --dir <dir>`.
 */
export function directoryDocuments(dir: string, prefix: string): CorpusDocument[] {
  const docs: CorpusDocument[] = [];
  for (const file of readdirSync(join(dir, 'reports')).sort()) {
    const expected = readJson(join(dir, 'expected', `${file.split('.')[0]}.expected.json`));
    docs.push({ id: `${prefix}/${file}`, path: join(dir, 'reports', file), expected, complete: expected.complete !== false });
  }
  return docs;
}

export function corpusDocuments(shared: string): CorpusDocument[] {
  const docs: CorpusDocument[] = [];
  const corpus = join(shared, 'corpus');
  if (existsSync(corpus)) {
    docs.push(...directoryDocuments(corpus, 'corpus'));
    const map = readFileSync(join(corpus, 'derived', 'map.tsv'), 'utf8').trim().split('\n');
    for (const line of map) {
      const [file, report] = line.split('\t');
      if (!file || !report) continue;
      const expected = readJson(join(corpus, 'expected', `${report}.expected.json`));
      docs.push({ id: `derived/${file}`, path: join(corpus, 'derived', file), expected, complete: expected.complete !== false });
    }
  }
  const real = join(shared, 'fixtures', 'real');
  if (existsSync(real)) {
    for (const file of readdirSync(real).filter((f) => f.endsWith('.pdf')).sort()) {
      const expected = readJson(join(real, file.replace(/\.pdf$/, '.expected.json')));
      docs.push({ id: `real/${file}`, path: join(real, file), expected, complete: true });
    }
  }
  return docs;
}
