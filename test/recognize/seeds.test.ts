/**
 * The five real township reports in ../shared/seeds, each in its own text layout.
 * Expected values were read off the seed files by eye, cell by cell.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnnualReport } from '../../src/model/report.js';
import { parseBytes } from '../../src/parse.js';
import { HAVE_SHARED, seedPath } from '../support/shared.js';

const COLUMNS = ['naturalPerson', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total'];
const ROWS_2021 = [
  'newReceived', 'carriedOver', 'granted', 'partlyGranted',
  'withheld.stateSecret', 'withheld.lawForbidden', 'withheld.securityStability', 'withheld.thirdPartyRights',
  'withheld.internalAffairs', 'withheld.processInfo', 'withheld.enforcementFile', 'withheld.adminQuery',
  'unavailable.notHeld', 'unavailable.needsCreation', 'unavailable.unclear',
  'notProcessed.petition', 'notProcessed.duplicate', 'notProcessed.publication', 'notProcessed.excessive', 'notProcessed.confirmation',
  'otherHandling.noCorrection', 'otherHandling.feeUnpaid', 'otherHandling.other', 'total', 'carriedForward',
];
const SECTION_TITLES = [
  '一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项',
];

function parseSeed(prefix: string): AnnualReport {
  const result = parseBytes(readFileSync(seedPath(prefix)));
  expect(result.readable).toBe(true);
  return result.report;
}

const zeros = (n = 7) => Array<number>(n).fill(0);
const row = (r: AnnualReport, key: string) => COLUMNS.map((c) => r.applications[key]?.[c]);
const appealRow = (r: AnnualReport, key: string) => ['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => r.appeals[key]?.[c]);
const codes = (r: AnnualReport, severity?: string) =>
  r.diagnostics.filter((d) => !severity || d.severity === severity).map((d) => d.code);

describe.skipIf(!HAVE_SHARED)('seed 000 — 埠江镇, one cell per line', () => {
  let r: AnnualReport;
  beforeAll(() => {
    r = parseSeed('000_');
  });
  it('reads title, body, year and sections', () => {
    expect(r.unit).toBe('桐柏县埠江镇人民政府');
    expect(r.year).toBe(2024);
    expect(r.template).toBe('2021');
    expect(r.title).toBe('桐柏县埠江镇人民政府2024年政府信息公开工作年度报告');
    expect(r.publishedOn).toBeNull();
    expect(r.sections.map((s) => s.title)).toEqual(SECTION_TITLES);
    expect(r.sections[0]!.text).toContain('2024年度埠江镇政府收到依申请公开事项1项');
    expect(r.sections[5]!.text).toBe('无');
  });
  it('reads table 二 as all zeros', () => {
    expect(r.proactive).toEqual({
      regulations: { issued: 0, repealed: 0, inForce: 0 },
      normativeDocuments: { issued: 0, repealed: 0, inForce: 0 },
      licensing: { decisions: 0 }, penalty: { decisions: 0 }, coercion: { decisions: 0 }, fees: { amount: 0 },
    });
  });
  it('reads the one application, granted, and no carry-over', () => {
    expect(row(r, 'newReceived')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(row(r, 'granted')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(row(r, 'total')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    for (const key of ROWS_2021.filter((k) => !['newReceived', 'granted', 'total'].includes(k))) {
      expect(row(r, key), key).toEqual(zeros());
    }
  });
  it('reads table 四: one reconsideration (other result), one suit after reconsideration pending', () => {
    expect(appealRow(r, 'reconsideration')).toEqual([0, 0, 1, 0, 1]);
    expect(appealRow(r, 'litigationDirect')).toEqual(zeros(5));
    expect(appealRow(r, 'litigationAfterReconsideration')).toEqual([0, 0, 0, 1, 1]);
  });
  it('raises no error or warning', () => {
    expect(codes(r, 'error')).toEqual([]);
    expect(codes(r, 'warning')).toEqual([]);
  });
  it('says where each value came from', () => {
    const p = r.provenance['applications.newReceived.naturalPerson']!;
    expect(p.raw).toBe('1');
    expect(readFileSync(seedPath('000_'), 'utf8').split('\n')[p.line - 1]).toContain('1');
  });
});

describe.skipIf(!HAVE_SHARED)('seed 001 — 朱阳关镇, tab-separated, no 其他 column', () => {
  let r: AnnualReport;
  beforeAll(() => {
    r = parseSeed('001_');
  });
  it('reads the metadata', () => {
    expect(r.unit).toBe('朱阳关镇人民政府');
    expect(r.year).toBe(2024);
    expect(r.sections).toHaveLength(6);
  });
  it('keeps the missing 其他 column null and shifts nothing into it', () => {
    for (const key of ROWS_2021) {
      expect(r.applications[key]!.otherOrg, key).toBeNull();
      expect(COLUMNS.filter((c) => c !== 'otherOrg').map((c) => r.applications[key]![c]), key).toEqual(zeros(6));
    }
  });
  it('reports the missing column and the label variant', () => {
    const missing = r.diagnostics.filter((d) => d.code === 'STRUCT.COLUMN_MISSING');
    expect(missing.map((d) => d.at)).toEqual(['applications.*.otherOrg']);
    expect(r.diagnostics.find((d) => d.code === 'STRUCT.LABEL_VARIANT')?.raw).toBe('2.其他法律法规禁止公开');
  });
  it('says which rows printed one value short (（三）不予公开 beside row 4 and the other group rows)', () => {
    const short = r.diagnostics.filter((d) => d.code === 'TABLE.ROW_SHORT').map((d) => d.at);
    expect(short).toEqual([
      'applications.withheld.thirdPartyRights', 'applications.unavailable.notHeld',
      'applications.notProcessed.petition', 'applications.otherHandling.noCorrection',
    ]);
  });
  it('reads table 二 and 四 as zeros', () => {
    expect(Object.values(r.proactive).flatMap((x) => Object.values(x))).toEqual(zeros(10));
    expect(Object.values(r.appeals).flatMap((x) => Object.values(x))).toEqual(zeros(15));
  });
});

describe.skipIf(!HAVE_SHARED)('seed 002 — 普威镇, no 行政事业性收费 row', () => {
  let r: AnnualReport;
  beforeAll(() => {
    r = parseSeed('002_');
  });
  it('takes the full body name from the signature, and the signing date', () => {
    expect(r.unit).toBe('米易县普威镇人民政府');
    expect(r.year).toBe(2024);
    expect(r.publishedOn).toBe('2025-01-09');
    expect(r.sections.map((s) => s.no)).toEqual([1, 2, 3, 4, 5, 6]);
  });
  it('keeps the missing fee row null and reports it', () => {
    expect(r.proactive.fees).toEqual({ amount: null });
    expect(r.diagnostics.filter((d) => d.code === 'STRUCT.ROW_MISSING').map((d) => d.at)).toEqual(['proactive.fees']);
  });
  it('reads every other cell as 0, including the shifted 3.其他 and （七）总计 rows', () => {
    for (const key of ROWS_2021) expect(row(r, key), key).toEqual(zeros());
    expect(r.proactive.licensing).toEqual({ decisions: 0 });
  });
});

describe.skipIf(!HAVE_SHARED)('seed 003 — 滔溪镇, no title, 2019 （六） row', () => {
  let r: AnnualReport;
  beforeAll(() => {
    r = parseSeed('003_');
  });
  it('finds body and year in the text, and says so', () => {
    expect(r.title).toBeNull();
    expect(r.unit).toBe('滔溪镇人民政府');
    expect(r.year).toBe(2024);
    expect(r.sections[0]!.title).toBe('1、 总体情况');
    expect(codes(r)).toEqual(expect.arrayContaining(['META.TITLE_MISSING', 'META.UNIT_FROM_TEXT']));
  });
  it('reads table 二', () => {
    expect(r.proactive.normativeDocuments).toEqual({ issued: 0, repealed: 0, inForce: 1 });
    expect(r.proactive.licensing).toEqual({ decisions: 82 });
    expect(r.proactive.penalty).toEqual({ decisions: 3 });
    expect(r.proactive.coercion).toEqual({ decisions: 0 });
  });
  it('keeps the single （六）其他处理 row under otherHandling, the sub-rows null', () => {
    expect(r.template).toBe('2021');
    expect(row(r, 'otherHandling')).toEqual(zeros());
    for (const key of ['otherHandling.noCorrection', 'otherHandling.feeUnpaid', 'otherHandling.other']) {
      expect(row(r, key)).toEqual(Array(7).fill(null));
    }
    expect(r.diagnostics.find((d) => d.code === 'STRUCT.TEMPLATE_OUTDATED')?.severity).toBe('warning');
  });
});

describe.skipIf(!HAVE_SHARED)('seed 004 — 官坡镇 2023', () => {
  let r: AnnualReport;
  beforeAll(() => {
    r = parseSeed('004_');
  });
  it('ignores the stray line under the title', () => {
    expect(r.title).toBe('官坡镇人民政府 2023 年政府信息公开工作年度报告');
    expect(r.unit).toBe('官坡镇人民政府');
    expect(r.year).toBe(2023);
  });
  it('reads every table cell as 0 and raises no error or warning', () => {
    for (const key of ROWS_2021) expect(row(r, key), key).toEqual(zeros());
    expect(Object.values(r.appeals).flatMap((x) => Object.values(x))).toEqual(zeros(15));
    expect(codes(r, 'error')).toEqual([]);
    expect(codes(r, 'warning')).toEqual([]);
  });
});
