/**
 * The reading corpus (../shared/corpus and ../shared/fixtures/real), every typed cell against
 * what gongkai reads, compared with the committed baseline (bench/reading/baseline.json): a cell
 * that was right must stay right, and nothing new may be silently wrong or wrong with only a
 * warning. `npm run corpus` prints the same figures; `-- --update` records improvements.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareWithBaseline, measureCorpus, type Baseline, type DocumentResult } from '../../bench/reading/measure.js';
import { classify, expectedValue } from '../../bench/reading/score.js';
import { HAVE_SHARED, SHARED } from '../support/shared.js';

describe('scoring a cell', () => {
  it('reads typed cells as the spec reads the source', () => {
    expect(expectedValue('/')).toBeNull();
    expect(expectedValue('-')).toBeNull();
    expect(expectedValue('251000元')).toBe(251000);
    expect(expectedValue('+2')).toBe(2);
    expect(expectedValue(null)).toBeNull();
  });

  it('tells an honest null from a silent one, and a flagged value from a warned one', () => {
    const none = { cell: -1, table: -1 };
    expect(classify(3, 3, none)).toBe('right');
    expect(classify(3, null, none)).toBe('silent');
    expect(classify(3, null, { cell: -1, table: 2 })).toBe('null');
    expect(classify(3, 4, { cell: -1, table: 2 })).toBe('silent'); // a table-wide note does not flag one wrong cell
    expect(classify(3, 4, { cell: 1, table: -1 })).toBe('warned');
    expect(classify(3, 4, { cell: 2, table: -1 })).toBe('flagged');
  });
});

describe.skipIf(!HAVE_SHARED)('the real corpus against its baseline', () => {
  let results: DocumentResult[];
  beforeAll(async () => {
    results = await measureCorpus(SHARED);
  });

  it('reads every document of the corpus', () => {
    expect(results.length).toBeGreaterThanOrEqual(33);
  });

  it('keeps every cell that was right, and adds nothing silently wrong', () => {
    const baseline = JSON.parse(readFileSync(join(import.meta.dirname, '../../bench/reading/baseline.json'), 'utf8')) as Baseline;
    const c = compareWithBaseline(results, baseline);
    expect(c.regressions).toEqual([]);
    expect(c.newlyUnsafe).toEqual([]);
  });

  it('reads the three real PDFs exactly', () => {
    for (const r of results.filter((x) => x.doc.id.startsWith('real/'))) {
      expect(r.scores.filter((s) => s.class !== 'right').map((s) => s.path), r.doc.id).toEqual([]);
      expect(r.meta, r.doc.id).toEqual([]);
    }
  });
});
