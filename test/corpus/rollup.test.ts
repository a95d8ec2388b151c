/**
 * Rolling up bodies' reports into an area's: hand-computed sums, the area's own arithmetic, and
 * what is refused, left blank or missing rather than guessed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { rollupCommand } from '../../src/cli/rollup.js';
import { adminPrefix, groupByMapping, groupByPrefix, parseAreaMapping, rollup } from '../../src/corpus/rollup.js';
import { emptyReport, type AnnualReport } from '../../src/model/report.js';
import { parseBytes } from '../../src/parse.js';
import { checkReport } from '../../src/rules/check.js';
import { FIXTURES, writeTemp } from '../support/shared.js';

const REPORTS = join(FIXTURES, 'reports');
const YUNLING_FILE = join(REPORTS, 'yunling-2024.tsv.txt');
const yunling = parseBytes(readFileSync(YUNLING_FILE)).report;
const linye = parseBytes(readFileSync(join(REPORTS, 'linye-2020-template2019.txt'))).report;

/** A copy under another name with every number times k: each relation of the tables still holds. */
function vary(base: AnnualReport, unit: string, k: number, year?: number): AnnualReport {
  const r = structuredClone(base);
  r.unit = unit;
  if (year !== undefined) r.year = year;
  for (const table of [r.proactive, r.applications, r.appeals]) {
    for (const cells of Object.values(table)) {
      for (const [c, v] of Object.entries(cells)) cells[c] = v === null ? null : v * k;
    }
  }
  return r;
}

/** Errors of the area's own arithmetic (tables 三 and 四). */
const tableErrors = (r: AnnualReport) =>
  checkReport(r).filter((f) => f.severity === 'error' && (f.code.startsWith('T3.') || f.code.startsWith('T4.')));

const A = '青禾县甲镇人民政府';
const B = '青禾县乙镇人民政府';
const C = '青禾县丙镇人民政府';

describe('rollup', () => {
  it('the fixtures are what the sums below assume', () => {
    expect(yunling.template).toBe('2021');
    expect(yunling.applications.newReceived).toEqual({ naturalPerson: 6, commercial: 2, research: 0, publicInterest: 1, legalService: 1, otherOrg: 0, total: 10 });
    expect(tableErrors(yunling)).toEqual([]);
    expect(linye.template).toBe('2019');
  });

  it('sums tables 二, 三 and 四 by hand, and the sum is itself consistent', () => {
    const reports = [vary(yunling, A, 1), vary(yunling, B, 2), vary(yunling, C, 3)];
    const { report, included, missing, refused } = rollup(reports, { unit: '青禾县' });
    expect(included).toEqual([A, B, C]);
    expect(missing).toEqual([]);
    expect(refused).toEqual([]);
    expect(report.unit).toBe('青禾县');
    expect(report.year).toBe(2024);
    expect(report.template).toBe('2021');
    // 1 + 2 + 3 = 6 times yunling's cells.
    expect(report.applications.newReceived).toEqual({ naturalPerson: 36, commercial: 12, research: 0, publicInterest: 6, legalService: 6, otherOrg: 0, total: 60 });
    expect(report.applications.total!.total).toBe(60);
    expect(report.applications['unavailable.notHeld']!.total).toBe(18);
    expect(report.applications['otherHandling.other']!.total).toBe(0);
    expect(report.proactive.licensing).toEqual({ decisions: 936 });
    expect(report.proactive.normativeDocuments).toEqual({ issued: 12, repealed: 6, inForce: 54 });
    expect(report.proactive.fees!.amount).toBe(7.5);
    expect(report.appeals.reconsideration).toEqual({ upheld: 6, corrected: 0, other: 0, pending: 6, total: 12 });
    expect(report.diagnostics).toEqual([]);
    expect(tableErrors(report)).toEqual([]);
    // The inputs are not touched.
    expect(reports[0]!.applications.newReceived!.total).toBe(10);
  });

  it('fee amounts (万元) sum as decimals rounded to 4 places', () => {
    const a = vary(yunling, A, 1);
    const b = vary(yunling, B, 1);
    const c = vary(yunling, C, 1);
    a.proactive.fees!.amount = 0.1;
    b.proactive.fees!.amount = 0.2;
    c.proactive.fees!.amount = 1.00005;
    expect(rollup([a, b], { unit: '青禾县' }).report.proactive.fees!.amount).toBe(0.3);
    expect(rollup([a, b, c], { unit: '青禾县' }).report.proactive.fees!.amount).toBe(1.3001);
  });

  it('refuses a 2019-template report instead of adding it, and a report of another year', () => {
    const old = vary(linye, '青禾县林业局', 1, 2024);
    const lastYear = vary(yunling, C, 1, 2023);
    const { report, included, refused } = rollup([vary(yunling, A, 1), old, vary(yunling, B, 1), lastYear], { unit: '青禾县' });
    expect(included).toEqual([A, B]);
    expect(report.template).toBe('2021');
    expect(refused).toEqual([
      { unit: C, reason: expect.stringContaining('2023年') },
      { unit: '青禾县林业局', reason: expect.stringContaining('2019年模板') },
    ]);
    expect(report.applications.newReceived!.total).toBe(20);
    expect(report.proactive.licensing).toEqual({ decisions: 312 });
    expect(report.diagnostics.filter((d) => d.code === 'ROLLUP.REFUSED').map((d) => d.raw)).toEqual([C, '青禾县林业局']);
    expect(tableErrors(report)).toEqual([]);
  });

  it('takes the majority template: two 2019 reports refuse the 2021 one', () => {
    const { report, included, refused } = rollup(
      [vary(linye, '青禾县林业局', 1), vary(linye, '青禾县水务局', 2), vary(yunling, A, 1, 2020)],
      { unit: '青禾县' },
    );
    expect(report.template).toBe('2019');
    expect(report.year).toBe(2020);
    expect(included).toEqual(['青禾县林业局', '青禾县水务局']);
    expect(refused).toEqual([{ unit: A, reason: expect.stringContaining('2021年模板') }]);
    expect(report.proactive.licensing).toEqual({ previousYear: 42, change: -9, decisions: 690 });
    expect(report.proactive.procurement!.amount).toBe(385.5);
    expect(report.applications.newReceived!.total).toBe(12);
    expect(Object.keys(report.applications)).toContain('otherHandling');
    expect(tableErrors(report)).toEqual([]);
  });

  it('keeps a cell null when one body left it blank, naming the body', () => {
    const b = vary(yunling, B, 2);
    b.applications.granted!.naturalPerson = null;
    for (const c of Object.keys(b.appeals.litigationDirect!)) b.appeals.litigationDirect![c] = null;
    const { report } = rollup([vary(yunling, A, 1), b], { unit: '青禾县' });
    expect(report.applications.granted!.naturalPerson).toBeNull();
    expect(report.applications.granted!.total).toBe(15);
    expect(report.applications.total!.naturalPerson).toBe(18);
    expect(report.appeals.litigationDirect).toEqual({ upheld: null, corrected: null, other: null, pending: null, total: null });
    const nulls = report.diagnostics.filter((d) => d.code === 'ROLLUP.NULL_CELL');
    expect(nulls.map((d) => d.at)).toEqual(['applications.granted.naturalPerson', 'appeals.litigationDirect.upheld']);
    expect(nulls[0]!.message).toContain('表三“（一）予以公开”行“自然人”列');
    expect(nulls[1]!.message).toContain('表四“行政诉讼·未经复议直接起诉”（整行）');
    for (const d of nulls) {
      expect(d.message).toContain(B);
      expect(d.message).not.toContain(A);
    }
    expect(tableErrors(report)).toEqual([]);
  });

  it('carries a single （六）其他处理 row as the sum of every body’s （六）, its three sub-rows null', () => {
    // A 2021 report that printed the 2019 single row: one application moved from 不掌握 to （六）.
    const single = emptyReport('2021', { singleOtherHandling: true });
    const base = vary(yunling, A, 1);
    for (const key of Object.keys(single.applications)) {
      if (!key.startsWith('otherHandling')) single.applications[key] = { ...base.applications[key]! };
    }
    single.applications.otherHandling = { naturalPerson: 1, commercial: 0, research: 0, publicInterest: 0, legalService: 0, otherOrg: 0, total: 1 };
    single.applications['unavailable.notHeld'] = { naturalPerson: 1, commercial: 0, research: 0, publicInterest: 1, legalService: 0, otherOrg: 0, total: 2 };
    Object.assign(single, { unit: A, year: 2024, proactive: base.proactive, appeals: base.appeals });
    expect(tableErrors(single)).toEqual([]);
    // A split report with the same move into 3.其他.
    const split = vary(yunling, B, 2);
    split.applications['otherHandling.other']!.naturalPerson = 2;
    split.applications['otherHandling.other']!.total = 2;
    split.applications['unavailable.notHeld']!.naturalPerson = 2;
    split.applications['unavailable.notHeld']!.total = 4;
    expect(tableErrors(split)).toEqual([]);

    const { report, included } = rollup([single, split], { unit: '青禾县' });
    expect(included).toEqual([A, B]);
    expect(report.applications.otherHandling).toEqual({ naturalPerson: 3, commercial: 0, research: 0, publicInterest: 0, legalService: 0, otherOrg: 0, total: 3 });
    for (const sub of ['otherHandling.noCorrection', 'otherHandling.feeUnpaid', 'otherHandling.other']) {
      expect(Object.values(report.applications[sub]!).every((v) => v === null), sub).toBe(true);
    }
    expect(report.applications.total!.total).toBe(30);
    const note = report.diagnostics.find((d) => d.at === 'applications.otherHandling')!;
    expect(note.code).toBe('ROLLUP.NULL_CELL');
    expect(note.message).toContain(A);
    expect(note.message).not.toContain(B);
    expect(tableErrors(report)).toEqual([]);
  });

  it('lists expected bodies with no report (names without whitespace), and a duplicate once', () => {
    const { included, missing, refused, report } = rollup([vary(yunling, A, 1), vary(yunling, '青禾县 乙镇人民政府', 1), vary(yunling, B, 1)], {
      unit: '青禾县',
      expected: [A, B, '青禾县丁镇人民政府', ' 青禾县戊镇 人民政府 ', '青禾县丁镇人民政府'],
    });
    expect(included).toEqual([A, '青禾县 乙镇人民政府']);
    expect(refused).toEqual([{ unit: B, reason: expect.stringContaining('重复') }]);
    expect(missing).toEqual(['青禾县丁镇人民政府', '青禾县戊镇 人民政府']);
    expect(report.diagnostics.filter((d) => d.code === 'ROLLUP.MISSING').map((d) => d.raw)).toEqual(missing);
    expect(report.applications.newReceived!.total).toBe(20);
  });

  it('takes the year asked for, refusing the others', () => {
    const { report, included, refused } = rollup([vary(yunling, A, 1), vary(yunling, B, 1, 2023)], { unit: '青禾县', year: 2023 });
    expect(report.year).toBe(2023);
    expect(included).toEqual([B]);
    expect(refused).toEqual([{ unit: A, reason: expect.stringContaining('2024年') }]);
  });
});

describe('grouping', () => {
  it('reads the administrative prefix of a unit name', () => {
    expect(adminPrefix('青禾县云岭镇人民政府')).toBe('青禾县');
    expect(adminPrefix('青禾县云岭镇人民政府', 2)).toBe('青禾县云岭镇');
    expect(adminPrefix('青禾县市场监督管理局')).toBe('青禾县');
    expect(adminPrefix('杭州市西湖区教育局', 2)).toBe('杭州市西湖区');
    expect(adminPrefix('内蒙古自治区呼和浩特市', 2)).toBe('内蒙古自治区呼和浩特市');
    expect(adminPrefix('青禾县住房和城乡建设局', 2)).toBeNull();
    expect(adminPrefix('国家市场监督管理总局')).toBeNull();
  });

  it('groups by prefix, leaving the ungroupable aside', () => {
    const reports = [vary(yunling, A, 1), vary(yunling, '石河县水务局', 1), vary(yunling, '青禾县林业局', 1), vary(yunling, '人民政府办公室', 1)];
    const { groups, ungrouped } = groupByPrefix(reports);
    expect(groups.map((g) => [g.area, g.reports.map((r) => r.unit)])).toEqual([
      ['青禾县', [A, '青禾县林业局']],
      ['石河县', ['石河县水务局']],
    ]);
    expect(ungrouped.map((r) => r.unit)).toEqual(['人民政府办公室']);
  });

  it('parses a unit,area mapping CSV', () => {
    const csv = '\uFEFF单位,地区\r\n青禾县甲镇人民政府,青禾县\n\n"青禾县乙镇人民政府","青禾县"\n"石河县""新区""管委会",石河县\n只有一列\n# 注释\n青禾县 甲镇人民政府,石河县\n石河县水务局\t石河县\n';
    const m = parseAreaMapping(csv);
    expect([...m.units]).toEqual([
      ['青禾县', [A, B]],
      ['石河县', ['石河县"新区"管委会', '石河县水务局']],
    ]);
    expect(m.errors.map((e) => e.line)).toEqual([6, 8]);
    expect(m.errors[1]!.message).toContain('已归入“青禾县”');
    const { groups, ungrouped } = groupByMapping([vary(yunling, '青禾县 甲镇人民政府', 1), vary(yunling, '石河县水务局', 1), vary(yunling, '别处', 1)], m);
    expect(groups.map((g) => [g.area, g.reports.length])).toEqual([
      ['青禾县', 1],
      ['石河县', 1],
    ]);
    expect(ungrouped.map((r) => r.unit)).toEqual(['别处']);
  });
});

describe('rollupCommand', () => {
  afterEach(() => vi.restoreAllMocks());

  function capture() {
    let out = '';
    let err = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((err += String(s)), true));
    return { out: () => out, err: () => err };
  }
  const model = (r: AnnualReport) => writeTemp('model.json', JSON.stringify(r));

  interface JsonArea {
    area: string;
    included: string[];
    missing: string[];
    refused: { unit: string | null; reason: string }[];
    report: AnnualReport;
  }

  it('--json: one rolled-up model with included, missing and refused', async () => {
    const io = capture();
    const expected = writeTemp('expected.txt', `${A}\n青禾县云岭镇人民政府\n青禾县丁镇人民政府\n`);
    const files = [YUNLING_FILE, model(vary(yunling, A, 2)), model(vary(linye, '青禾县林业局', 1, 2024))];
    const code = await rollupCommand(files, { json: true, unit: '青禾县', expected });
    expect(code).toBe(0);
    const [area, ...rest] = JSON.parse(io.out()) as JsonArea[];
    expect(rest).toEqual([]);
    expect(area!.area).toBe('青禾县');
    expect(area!.included).toEqual(['青禾县云岭镇人民政府', A]);
    expect(area!.missing).toEqual(['青禾县丁镇人民政府']);
    expect(area!.refused).toEqual([{ unit: '青禾县林业局', reason: expect.stringContaining('2019年模板') }]);
    expect(area!.report.unit).toBe('青禾县');
    expect(area!.report.applications.newReceived!.total).toBe(30);
    expect(tableErrors(area!.report)).toEqual([]);
  });

  it('prints a Chinese summary per area with --by prefix-of-unit, and exits 2 on an unreadable file', async () => {
    const io = capture();
    const files = [YUNLING_FILE, model(vary(yunling, '石河县水务局', 3)), '/no/such/file.txt'];
    const code = await rollupCommand(files, { by: 'prefix-of-unit' });
    expect(code).toBe(2);
    expect(io.err()).toContain('/no/such/file.txt: 文件不存在');
    const out = io.out();
    expect(out).toContain('━━ 青禾县 2024年度汇总（2021年模板）');
    expect(out).toContain('━━ 石河县 2024年度汇总（2021年模板）');
    expect(out).toContain('纳入 included（1）：青禾县云岭镇人民政府');
    expect(out).toContain('一、本年新收政府信息公开申请数量：30');
    expect(out).toContain('行政许可：本年处理决定数量 468');
  });

  it('groups by a mapping CSV, listing the mapped bodies that did not report', async () => {
    const io = capture();
    const mapping = writeTemp('areas.csv', `unit,area\n青禾县云岭镇人民政府,甲片区\n${A},甲片区\n石河县水务局,乙片区\n`);
    const code = await rollupCommand([YUNLING_FILE, model(vary(yunling, '石河县水务局', 2))], { by: mapping, json: true });
    expect(code).toBe(0);
    expect(io.err()).toBe('');
    const areas = JSON.parse(io.out()) as JsonArea[];
    expect(areas.map((a) => [a.area, a.included, a.missing])).toEqual([
      ['甲片区', ['青禾县云岭镇人民政府'], [A]],
      ['乙片区', ['石河县水务局'], []],
    ]);
    expect(areas[1]!.report.applications.newReceived!.total).toBe(20);
  });

  it('exits 2 when the mapping file cannot be read', async () => {
    const io = capture();
    expect(await rollupCommand([YUNLING_FILE], { by: '/no/such/areas.csv' })).toBe(2);
    expect(io.err()).toContain('/no/such/areas.csv');
  });
});
