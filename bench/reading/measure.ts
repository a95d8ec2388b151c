/**
 * Reads every document of the corpus as a user's upload is read (the single entry, outside
 * programs for legacy Word and scans) and scores it; compares the scores with the committed
 * baseline. Shared by `npm run corpus` and test/read/corpus.test.ts.
 */
import { readFileSync } from 'node:fs';
import { convertLegacyWord, ocr } from '../../src/adapters/external.js';
import { parseFile } from '../../src/ingest.js';
import { corpusDocuments, type CorpusDocument } from './documents.js';
import { metaMismatches, scoreReport, tally, type CellClass, type CellScore, type Tally } from './score.js';

export interface DocumentResult {
  doc: CorpusDocument;
  format: string;
  scores: CellScore[];
  tally: Tally;
  meta: string[];
}

export interface Baseline {
  about: string;
  documents: Record<string, { cells: number; notRight: Record<string, CellClass> }>;
}

export async function measureDocument(doc: CorpusDocument): Promise<DocumentResult> {
  const result = await parseFile(new Uint8Array(readFileSync(doc.path)), { tools: { convertLegacyWord, ocr } });
  const scores = scoreReport(result.report, doc.expected);
  return { doc, format: result.format, scores, tally: tally(scores), meta: metaMismatches(result.report, doc.expected) };
}

export async function measureDocuments(docs: readonly CorpusDocument[]): Promise<DocumentResult[]> {
  const out: DocumentResult[] = [];
  for (const doc of docs) out.push(await measureDocument(doc));
  return out;
}

export async function measureCorpus(shared: string, only?: (id: string) => boolean): Promise<DocumentResult[]> {
  return measureDocuments(corpusDocuments(shared).filter((doc) => !only || only(doc.id)));
}

export function toBaseline(results: readonly DocumentResult[]): Baseline {
  const documents: Baseline['documents'] = {};
  for (const r of results) {
    const notRight: Record<string, CellClass> = {};
    for (const s of r.scores) if (s.class !== 'right') notRight[s.path] = s.class;
    documents[r.doc.id] = { cells: r.scores.length, notRight };
  }
  return {
    about: 'Cells of ../shared/corpus and ../shared/fixtures/real not read right, per document, as of the last `npm run corpus -- --update`. A cell right here must stay right; nothing new may be silent or wrong with only a warning.',
    documents,
  };
}

export interface Comparison {
  /** Cells right in the baseline that are not right now. */
  regressions: string[];
  /** Cells silently wrong (or wrong with only a warning) now that were not so in the baseline. */
  newlyUnsafe: string[];
  /** Cells not right in the baseline that are right now: update the baseline to keep them. */
  improvements: string[];
}

const UNSAFE = new Set<CellClass>(['silent', 'warned']);

export function compareWithBaseline(results: readonly DocumentResult[], baseline: Baseline): Comparison {
  const c: Comparison = { regressions: [], newlyUnsafe: [], improvements: [] };
  for (const r of results) {
    const before = baseline.documents[r.doc.id];
    for (const s of r.scores) {
      const was = before ? (before.notRight[s.path] ?? 'right') : undefined;
      const where = `${r.doc.id} ${s.path}: ${String(s.got)} (应为 ${String(s.expected)}) ${s.class}`;
      if (was === 'right' && s.class !== 'right') c.regressions.push(where);
      if (UNSAFE.has(s.class) && !(was && UNSAFE.has(was))) c.newlyUnsafe.push(where);
      if (was && was !== 'right' && s.class === 'right') c.improvements.push(`${r.doc.id} ${s.path}`);
    }
  }
  return c;
}
