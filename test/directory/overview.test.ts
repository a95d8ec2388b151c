/**
 * The overview's figures from bodies and uploads typed here: which upload of a year counts, the
 * totals, the lines under a region (regions below, the region's own bodies), and the table's
 * order — ties in name order whichever way a column goes, names in natural number order.
 */
import { describe, expect, it } from 'vitest';
import { byName, RegionTree, ReportIndex, regionLines, tableRows, totalsOf, type OverviewBody, type OverviewReport } from '../../src/directory/overview.js';

const tree = new RegionTree([
  { code: '330100', name: '青禾市', level: 'city', parentCode: null },
  { code: '330106', name: '青禾县', level: 'county', parentCode: '330100' },
  { code: '330106001', name: '第1镇', level: 'township', parentCode: '330106' },
  { code: '330106002', name: '第2镇', level: 'township', parentCode: '330106' },
]);
const bodies: OverviewBody[] = byName([
  { id: 'b10', name: '第10镇人民政府', level: 'township', regionCode: '330106002' },
  { id: 'b2', name: '第2镇人民政府', level: 'township', regionCode: '330106002' },
  { id: 'b1', name: '第1镇人民政府', level: 'township', regionCode: '330106001' },
  { id: 'gov', name: '青禾县人民政府', level: 'county', regionCode: '330106' },
]);
const upload = (id: number, bodyId: string, year: number, more: Partial<OverviewReport> = {}): OverviewReport => ({
  id, bodyId, year, fileName: `${id}.txt`, error: null, errors: 0, warnings: 0, late: false, similar: false, ...more,
});
// Latest first: b1's unreadable re-upload does not hide its readable report; b2 late; b10 nothing.
const index = new ReportIndex([
  upload(5, 'b1', 2024, { error: '文件损坏' }),
  upload(4, 'b1', 2024, { errors: 2 }),
  upload(3, 'b2', 2024, { late: true }),
  upload(2, 'gov', 2024),
  upload(1, 'gov', 2023, { errors: 1 }),
]);

describe('the region overview', () => {
  it('counts the latest readable upload of a body-year, the others listed after it', () => {
    const cell = index.cell('b1', 2024);
    expect(cell.status).toBe('reported');
    expect(cell.reports.map((r) => r.id)).toEqual([4, 5]);
    expect(index.cell('b10', 2024).status).toBe('missing');
    expect(index.years).toEqual([2024, 2023]);
  });

  it('totals a region and lines up the regions below it, then its own bodies', () => {
    expect(totalsOf(bodies, index, 2024)).toEqual({ bodies: 4, reported: 3, late: 1, missing: 1, unreadable: 0, withErrors: 1 });
    expect(regionLines(tree, '330106', bodies, ['330106'], index, 2024).map((l) => [l.name, l.totals.bodies, l.totals.missing])).toEqual([
      ['第1镇', 1, 0],
      ['第2镇', 2, 1],
      ['青禾县本级', 1, 0],
    ]);
    expect(tree.branchOf('330106002', '330100')).toBe('330106');
    expect(tree.within('330106002', '330106001')).toBe(false);
  });

  it('orders names by their numbers, and keeps name order among equals of a sorted column', () => {
    const names = (q: Parameters<typeof tableRows>[4]) => tableRows(bodies, index, [2024, 2023], () => null, q).map((r) => r.body.name);
    expect(names({ year: 2024 })).toEqual(['第1镇人民政府', '第2镇人民政府', '第10镇人民政府', '青禾县人民政府']);
    // 2024, problems first: 第10镇 missing, 第2镇 late, 第1镇 2 errors, 县政府 clean.
    expect(names({ year: 2024, sort: 'y2024', dir: 'desc' })).toEqual(['第10镇人民政府', '第2镇人民政府', '第1镇人民政府', '青禾县人民政府']);
    // 2023: only 县政府 reported; the three missing stay in name order both ways.
    expect(names({ year: 2023, sort: 'y2023', dir: 'desc' })).toEqual(['第1镇人民政府', '第2镇人民政府', '第10镇人民政府', '青禾县人民政府']);
    expect(names({ year: 2023, sort: 'y2023', dir: 'asc' })).toEqual(['青禾县人民政府', '第1镇人民政府', '第2镇人民政府', '第10镇人民政府']);
    expect(names({ year: 2024, status: 'reported', errors: true })).toEqual(['第1镇人民政府']);
  });
});
