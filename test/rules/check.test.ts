/**
 * The rule engine on real reports: the seeds' known defects, exactly the contradictions that
 * people found in the real PDFs, and nothing where the arithmetic holds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnnualReport } from '../../src/model/report.js';
import { parseBytes, parseText } from '../../src/parse.js';
import { ARITHMETIC_CODES, checkReport } from '../../src/rules/check.js';
import type { Finding } from '../../src/rules/finding.js';
import { FIXTURES, HAVE_SHARED, haveCommand, pdfText, SHARED, seedPath } from '../support/shared.js';

const seed = (prefix: string) => parseBytes(readFileSync(seedPath(prefix))).report;
const own = (name: string) => parseBytes(readFileSync(join(FIXTURES, 'reports', name))).report;
const codes = (f: Finding[], ...severities: string[]) => f.filter((x) => severities.includes(x.severity)).map((x) => x.code);
const arithmetic = (f: Finding[]) => f.filter((x) => ARITHMETIC_CODES.has(x.code));

describe.skipIf(!HAVE_SHARED)('the seeds', () => {
  it('000 and 004 have no error and no arithmetic finding', () => {
    for (const p of ['000_', '004_']) {
      const f = checkReport(seed(p));
      expect(codes(f, 'error'), p).toEqual([]);
      expect(arithmetic(f), p).toEqual([]);
    }
  });
  it('001: the missing 其他 column and the label variant, and no arithmetic finding', () => {
    const f = checkReport(seed('001_'));
    expect(codes(f, 'error', 'warning', 'info')).toEqual(expect.arrayContaining(['STRUCT.COLUMN_MISSING', 'STRUCT.LABEL_VARIANT']));
    expect(arithmetic(f)).toEqual([]);
  });
  it('002: the missing 行政事业性收费 row, and no arithmetic finding', () => {
    const f = checkReport(seed('002_'));
    expect(codes(f, 'error')).toEqual(['STRUCT.ROW_MISSING']);
    expect(arithmetic(f)).toEqual([]);
  });
  it('003: the outdated （六） row and the plan for 2024 inside the 2024 report', () => {
    const f = checkReport(seed('003_'));
    expect(codes(f, 'warning')).toEqual(expect.arrayContaining(['STRUCT.TEMPLATE_OUTDATED', 'TEXT.YEAR_MISMATCH']));
    const year = f.find((x) => x.code === 'TEXT.YEAR_MISMATCH')!;
    expect(year.at).toBe('sections.5');
    expect(year.message).toContain('2024年，我镇将');
    expect(arithmetic(f)).toEqual([]);
  });
  it('does not find text copied between the five townships', () => {
    const all = ['000_', '001_', '002_', '003_', '004_'].map(seed);
    for (const r of all) expect(codes(checkReport(r, { peers: all }), 'warning')).not.toContain('SIM.DUPLICATE');
  });
});

const canPdf = HAVE_SHARED && haveCommand('pdftotext');

describe.skipIf(!canPdf)('the real PDFs: exactly the contradictions in their sourceInconsistencies', () => {
  // Contradictions and deviations of the source; how the reader placed values (by template
  // order in reading-order PDF text, a warning on each row) is not one of them.
  const problems = (r: AnnualReport) =>
    checkReport(r)
      .filter((f) => (f.severity !== 'info' || f.code === 'STRUCT.LABEL_VARIANT') && f.code !== 'TABLE.PLACED_BY_ORDER')
      .map((f) => `${f.code} ${f.at}`)
      .sort();
  for (const mode of ['raw', 'layout'] as const) {
    it(`洪泽区 2023 (${mode}): two table 四 totals of 0, the hybrid （六） row, the label typo`, () => {
      expect(problems(parseText(pdfText('hongze-district-2023', mode)).report)).toEqual([
        'STRUCT.LABEL_VARIANT applications.withheld.lawForbidden',
        'STRUCT.TEMPLATE_OUTDATED applications.otherHandling',
        'T4.GROUP_TOTAL appeals.litigationAfterReconsideration.total',
        'T4.GROUP_TOTAL appeals.reconsideration.total',
      ]);
    });
    it(`洪泽区 2024 (${mode}): the hybrid （六） row and the label typo, no arithmetic finding`, () => {
      expect(problems(parseText(pdfText('hongze-district-2024', mode)).report)).toEqual([
        'STRUCT.LABEL_VARIANT applications.withheld.lawForbidden',
        'STRUCT.TEMPLATE_OUTDATED applications.otherHandling',
      ]);
    });
    it(`淮安市 2024 (${mode}): nothing`, () => {
      expect(problems(parseText(pdfText('huaian-city-2024', mode)).report)).toEqual([]);
    });
  }

  it('finds the same, and only the same, when the reports are read straight from PDF', async () => {
    const { parseFile } = await import('../../src/ingest.js');
    const read = async (n: string) => (await parseFile(readFileSync(join(SHARED, 'fixtures/real', `${n}.pdf`)))).report;
    expect(problems(await read('hongze-district-2023'))).toEqual([
      'STRUCT.LABEL_VARIANT applications.withheld.lawForbidden',
      'STRUCT.TEMPLATE_OUTDATED applications.otherHandling',
      'T4.GROUP_TOTAL appeals.litigationAfterReconsideration.total',
      'T4.GROUP_TOTAL appeals.reconsideration.total',
    ]);
    expect(problems(await read('hongze-district-2024'))).toEqual([
      'STRUCT.LABEL_VARIANT applications.withheld.lawForbidden',
      'STRUCT.TEMPLATE_OUTDATED applications.otherHandling',
    ]);
    expect(problems(await read('huaian-city-2024'))).toEqual([]);
  });

  it('names the 总计 of 洪泽区 2023 table 四 as the unique culprit (no part can shrink below 0)', () => {
    const f = checkReport(parseText(pdfText('hongze-district-2023', 'layout')).report);
    const recon = f.find((x) => x.at === 'appeals.reconsideration.total')!;
    expect(recon).toMatchObject({ expected: 11, found: 0 });
    expect(recon.suggestion).toMatchObject({ certainty: 'unique', cells: [{ at: 'appeals.reconsideration.total', found: 0, suggested: 11 }] });
    const after = f.find((x) => x.at === 'appeals.litigationAfterReconsideration.total')!;
    expect(after.suggestion!.cells).toEqual([{ at: 'appeals.litigationAfterReconsideration.total', found: 0, suggested: 5 }]);
  });

  it('pairs the two 洪泽区 years: carry-over and documents in force agree', () => {
    const [y2023, y2024] = ['hongze-district-2023', 'hongze-district-2024'].map((n) => parseText(pdfText(n, 'layout')).report);
    const f = checkReport(y2024!, { previous: y2023 });
    expect(f.filter((x) => x.code.startsWith('CROSS.'))).toEqual([]);
  });
});

describe('our own fixtures', () => {
  it('石泉街道: fee written in 元, statistics period of last year, the plan for the report year', () => {
    const f = checkReport(own('shiquan-2024-defects.txt'));
    const fee = f.find((x) => x.code === 'PLAUS.FEE_UNIT')!;
    expect(fee).toMatchObject({ at: 'proactive.fees.amount', found: 251000, expected: 25.1 });
    const years = f.filter((x) => x.code === 'TEXT.YEAR_MISMATCH');
    expect(years.map((x) => [x.at, x.found])).toEqual([
      ['sections.1', 2023],
      ['sections.5', 2023],
    ]);
    expect(arithmetic(f)).toEqual([]);
  });
  it('云岭镇 and 林业局 are clean, with no arithmetic finding', () => {
    for (const name of ['yunling-2024.tsv.txt', 'linye-2020-template2019.txt']) {
      const f = checkReport(own(name));
      expect(codes(f, 'error', 'warning'), name).toEqual([]);
    }
  });
  it('checks the 小计 column', () => {
    const r = own('shiquan-2024-defects.txt');
    r.provenance['applications.granted.subtotal'] = { ...r.provenance['applications.granted.subtotal']!, raw: '5' };
    const f = checkReport(r).filter((x) => x.code === 'T3.SUBTOTAL');
    expect(f.map((x) => [x.at, x.found, x.expected])).toEqual([['applications.granted.subtotal', 5, 3]]);
  });
  it('finds a late publication, one dated before the year ended, and cross-year carry-over', () => {
    const r = own('yunling-2024.tsv.txt');
    expect(codes(checkReport({ ...r, publishedOn: '2025-02-03' }), 'warning')).toEqual(['PUB.LATE']);
    expect(codes(checkReport({ ...r, publishedOn: '2025-02-03' }, { deadlines: { body: '02-10', government: '03-31' } }), 'warning')).toEqual([]);
    expect(codes(checkReport({ ...r, publishedOn: '2024-12-20' }), 'warning')).toEqual(['PUB.BEFORE_PERIOD']);
    const previous: AnnualReport = { ...r, year: 2023, applications: { ...r.applications, carriedForward: { ...r.applications.carriedForward!, naturalPerson: 3, total: 3 } } };
    const cross = checkReport(r, { previous }).filter((x) => x.code === 'CROSS.CARRY');
    expect(cross.map((x) => [x.at, x.found, x.expected])).toEqual([
      ['applications.carriedOver.naturalPerson', 1, 3],
      ['applications.carriedOver.total', 1, 3],
    ]);
  });
  it('calls a county government late only after 31 March', () => {
    const r = { ...own('yunling-2024.tsv.txt'), unit: '青禾县人民政府', publishedOn: '2025-03-20' };
    expect(codes(checkReport(r), 'warning')).toEqual([]);
    expect(codes(checkReport({ ...r, publishedOn: '2025-04-01' }), 'warning')).toEqual(['PUB.LATE']);
  });
  it('finds a report copied from the same body last year with only the year changed', () => {
    const r = own('yunling-2024.tsv.txt');
    const copy: AnnualReport = { ...r, year: 2023, sections: r.sections.map((s) => ({ ...s, text: s.text.replaceAll('2024', '2023') })) };
    expect(codes(checkReport(r, { previous: copy }), 'warning')).toContain('SIM.DUPLICATE');
  });
  it('flags a negative count and a fractional count as VALUE.INVALID', () => {
    const r = own('yunling-2024.tsv.txt');
    r.applications.granted!.research = -1;
    r.proactive.licensing!.decisions = 2.5;
    const invalid = checkReport(r).filter((x) => x.code === 'VALUE.INVALID');
    expect(invalid.map((x) => x.at).sort()).toEqual(['applications.granted.research', 'proactive.licensing.decisions']);
  });
});

describe('narrative against tables', () => {
  const base = () => own('yunling-2024.tsv.txt');
  it('finds a stated number of applications that differs from table 三', () => {
    const r = base();
    r.sections[0] = { ...r.sections[0]!, text: r.sections[0]!.text.replace('全年新收政府信息公开申请10件', '全年收到政府信息公开申请十二件') };
    const f = checkReport(r).filter((x) => x.code === 'TEXT.APPLICATIONS_MISMATCH');
    expect(f.map((x) => [x.at, x.expected, x.found])).toEqual([['sections.1', 10, 12]]);
  });
  it('accepts "未收到…申请" when table 三 says 0, and flags it when it does not', () => {
    const r = base();
    r.sections[0] = { ...r.sections[0]!, text: '全年未收到政府信息公开申请。' };
    expect(checkReport(r).filter((x) => x.code === 'TEXT.APPLICATIONS_MISMATCH').map((x) => x.found)).toEqual([0]);
    r.applications.newReceived = Object.fromEntries(Object.keys(r.applications.newReceived!).map((k) => [k, 0]));
    expect(checkReport(r).filter((x) => x.code === 'TEXT.APPLICATIONS_MISMATCH')).toEqual([]);
  });
  it('finds section 六 denying fee notices while table 三 counts applications dropped for unpaid fees', () => {
    const r = base();
    r.applications['otherHandling.feeUnpaid'] = { ...r.applications['otherHandling.feeUnpaid']!, naturalPerson: 1, total: 1 };
    r.sections[5] = { ...r.sections[5]!, text: '本年度未发出信息处理费收费通知书，未收取信息处理费。' };
    expect(codes(checkReport(r), 'warning')).toContain('TEXT.FEE_MISMATCH');
  });
  it('finds documents in force that do not follow from last year', () => {
    const r = base();
    const previous: AnnualReport = { ...r, year: 2023, proactive: { ...r.proactive, normativeDocuments: { issued: 1, repealed: 0, inForce: 5 } } };
    const f = checkReport(r, { previous }).filter((x) => x.code === 'CROSS.IN_FORCE');
    // 5 in force last year + 2 issued − 1 repealed = 6, but the report says 9.
    expect(f.map((x) => [x.at, x.expected, x.found])).toEqual([['proactive.normativeDocuments.inForce', 6, 9]]);
  });
});

describe('key order of a model', () => {
  // A model read back from PostgreSQL's jsonb, or written by hand, may list table 三's rows in any
  // order; which rows are outcomes is the template's order, not the object's.
  it('gives the same findings when table 三 rows are listed backwards', () => {
    const report = own('yunling-2024.tsv.txt');
    const reversed: AnnualReport = { ...report, applications: Object.fromEntries(Object.entries(report.applications).reverse()) };
    expect(arithmetic(checkReport(report))).toEqual([]);
    expect(checkReport(reversed)).toEqual(checkReport(report));
  });
});
