/**
 * The three real PDFs of ../shared/fixtures/real, as text extracted by pdftotext in reading
 * order and in layout order (made inside the test run; nothing from ../shared is copied here).
 * Every cell must equal the *.expected.json that people read off the documents.
 */
import { describe, expect, it } from 'vitest';
import type { AnnualReport } from '../../src/model/report.js';
import { parseText } from '../../src/parse.js';
import { expectedJson, HAVE_SHARED, haveCommand, pdfText } from '../support/shared.js';

const REPORTS = ['huaian-city-2024', 'hongze-district-2023', 'hongze-district-2024'];
const TABLES = ['proactive', 'applications', 'appeals'] as const;
const canRun = HAVE_SHARED && haveCommand('pdftotext');
if (HAVE_SHARED && !canRun) console.warn('[gongkai tests] pdftotext (poppler-utils) is not installed: real-PDF text tests skipped; .ci/run installs it.');

type Table = Record<string, Record<string, number | null>>;

function mismatches(report: AnnualReport, expected: Record<string, unknown>): string[] {
  const bad: string[] = [];
  for (const table of TABLES) {
    for (const [row, cells] of Object.entries(expected[table] as Table)) {
      for (const [column, value] of Object.entries(cells)) {
        const got = report[table][row]?.[column];
        if (got !== value) bad.push(`${table}.${row}.${column}: got ${String(got)}, expected ${String(value)}`);
      }
    }
  }
  return bad;
}

describe.skipIf(!canRun)('real PDFs through pdftotext', () => {
  for (const name of REPORTS) {
    for (const mode of ['raw', 'layout'] as const) {
      it(`${name} (${mode === 'raw' ? 'reading order' : 'layout order'}) parses to its expected cells`, () => {
        const expected = expectedJson(name);
        const { report, readable } = parseText(pdfText(name, mode));
        expect(readable).toBe(true);
        expect(mismatches(report, expected)).toEqual([]);
        expect(report.unit).toBe(expected.unit);
        expect(report.year).toBe(expected.year);
        expect(report.template).toBe(expected.template);
        expect(report.sections.map((s) => s.no)).toEqual([1, 2, 3, 4, 5, 6]);
      });
    }
  }

  it('puts the pages of PDF text into provenance', () => {
    const { report } = parseText(pdfText('huaian-city-2024', 'layout'));
    expect(report.provenance['applications.newReceived.total']).toMatchObject({ raw: '3119', page: 4 });
    expect(report.provenance['applications.unavailable.needsCreation.total']).toMatchObject({ raw: '11', page: 5 });
  });

  it('reports the hybrid template of 洪泽区 (2019 （六） row inside 2021 tables) and its label typo', () => {
    for (const name of ['hongze-district-2023', 'hongze-district-2024']) {
      const { report } = parseText(pdfText(name, 'layout'));
      const codes = report.diagnostics.map((d) => d.code);
      expect(codes).toContain('STRUCT.TEMPLATE_OUTDATED');
      expect(report.diagnostics.find((d) => d.code === 'STRUCT.LABEL_VARIANT')?.raw).toBe('2.其他法律行政止公开');
    }
  });
});
