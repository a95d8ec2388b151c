/**
 * Tables read as grids: a value goes to the column its cell stands in, in HTML (rowspan/colspan
 * resolved), in Word (merged cells) and in a PDF with ruling lines — not to the place its count
 * in the row would give. Our own report 青禾县柳塘乡 2024 (test/support/liutang.ts) has rows that
 * open with a merged group cell and blanks written `&nbsp;`: the values below are read off its
 * tables by eye.
 */
import { describe, expect, it } from 'vitest';
import { chromiumPath, htmlToPdf } from '../../src/adapters/chromium.js';
import { parseFile } from '../../src/ingest.js';
import type { AnnualReport } from '../../src/model/report.js';
import { readHtml } from '../../src/read/html.js';
import { liutangDocx, liutangHtml } from '../support/liutang.js';

const HAVE_CHROMIUM = chromiumPath() !== null;

/** What a person reads off the fixture's tables. */
function expectLiutang(report: AnnualReport): void {
  expect(report.unit).toBe('青禾县柳塘乡人民政府');
  expect(report.year).toBe(2024);
  expect(report.proactive.normativeDocuments).toEqual({ issued: 3, repealed: 0, inForce: 11 });
  expect(report.proactive.licensing).toEqual({ decisions: 87 });
  expect(report.proactive.penalty).toEqual({ decisions: 5 });
  expect(report.proactive.fees).toEqual({ amount: 0 });

  const a = report.applications;
  expect(a.newReceived).toEqual({ naturalPerson: 40, commercial: 3, research: null, publicInterest: null, legalService: 1, otherOrg: null, total: 44 });
  expect(a.carriedOver).toEqual({ naturalPerson: 2, commercial: null, research: null, publicInterest: null, legalService: null, otherOrg: null, total: 2 });
  // The row that opens with 三、本年度办理结果 (merged over the rows below) and holds blanks.
  expect(a.granted).toEqual({ naturalPerson: 18, commercial: 2, research: null, publicInterest: null, legalService: 1, otherOrg: null, total: 21 });
  expect(a['withheld.stateSecret']).toEqual({ naturalPerson: null, commercial: null, research: null, publicInterest: null, legalService: null, otherOrg: null, total: null });
  expect(a['withheld.processInfo']).toEqual({ naturalPerson: 1, commercial: null, research: null, publicInterest: null, legalService: null, otherOrg: null, total: 1 });
  // The row that opens with （四）无法提供.
  expect(a['unavailable.notHeld']).toEqual({ naturalPerson: 9, commercial: 1, research: null, publicInterest: null, legalService: null, otherOrg: null, total: 10 });
  expect(a['notProcessed.petition']?.naturalPerson).toBe(4);
  expect(a['notProcessed.duplicate']?.total).toBe(1);
  expect(a['otherHandling.noCorrection']?.total).toBe(2);
  expect(a['otherHandling.feeUnpaid']?.total).toBe(null);
  expect(a['otherHandling.other']).toEqual({ naturalPerson: 1, commercial: null, research: null, publicInterest: null, legalService: null, otherOrg: null, total: 1 });
  expect(a.total).toEqual({ naturalPerson: 41, commercial: 3, research: null, publicInterest: null, legalService: 1, otherOrg: null, total: 45 });
  expect(a.carriedForward?.total).toBe(1);

  expect(report.appeals.reconsideration).toEqual({ upheld: 1, corrected: null, other: null, pending: 1, total: 2 });
  expect(report.appeals.litigationDirect).toEqual({ upheld: null, corrected: null, other: null, pending: 1, total: 1 });
  expect(report.appeals.litigationAfterReconsideration).toEqual({ upheld: null, corrected: null, other: null, pending: null, total: null });

  // Every value was placed by its grid cell, and a blank is said to be one, not read as 0.
  expect(report.provenance['applications.granted.legalService']?.via).toBe('grid');
  expect(report.provenance['appeals.reconsideration.pending']?.via).toBe('grid');
  expect(report.provenance['proactive.normativeDocuments.inForce']?.via).toBe('grid');
  expect(report.diagnostics.some((d) => d.code === 'VALUE.BLANK' && d.at === 'applications.granted.research')).toBe(true);
  expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
}

describe('tables read as grids', () => {
  it('an HTML table: each cell knows its grid row and column, merged cells resolved', () => {
    const html = '<table><tr><td rowspan="2">组</td><td>a</td><td colspan="2">b</td></tr><tr><td>&nbsp;</td><td>c</td><td>d</td></tr></table>';
    const cells = readHtml(html).lines.flatMap((l) => l.cells.map((c) => [c.text, c.grid?.row, c.grid?.col, c.grid?.colSpan]));
    expect(cells).toEqual([
      ['组', 0, 0, 1],
      ['a', 0, 1, 1],
      ['b', 0, 2, 2],
      ['', 1, 1, 1],
      ['c', 1, 2, 1],
      ['d', 1, 3, 1],
    ]);
  });

  it('a portal page whose rows open with merged group cells and hold &nbsp; blanks', async () => {
    const result = await parseFile(new TextEncoder().encode(liutangHtml()));
    expect(result.format).toBe('html');
    expectLiutang(result.report);
  });

  it('a Word file with merged cells', async () => {
    const result = await parseFile(await liutangDocx());
    expect(result.format).toBe('docx');
    expectLiutang(result.report);
  });

  it.skipIf(!HAVE_CHROMIUM)('a PDF printed by a browser, its tables read from the ruling lines, across a page break', async () => {
    const html = liutangHtml().replace('<style>', '<style>@page{size:A4;margin:20mm} ');
    const result = await parseFile(await htmlToPdf(html));
    expect(result.format).toBe('pdf');
    expectLiutang(result.report);
    // Table 三 runs over a page break: its rows on the second page are still placed by the header on the first.
    const pages = new Set(Object.entries(result.report.provenance).filter(([k]) => k.startsWith('applications.')).map(([, p]) => p.page));
    expect(pages.size).toBeGreaterThan(1);
  }, 60_000);
});
