/**
 * A body's changes from one year to the next, and the passages two years share, on small
 * reports typed by hand: a blank on either side is a change without a number; a cell only one
 * template has is no change; a passage copied with its year changed is one shared passage.
 */
import { describe, expect, it } from 'vitest';
import { sharedNarrative } from '../../src/corpus/shared-passages.js';
import { yearChanges } from '../../src/corpus/year-changes.js';
import { emptyReport, type AnnualReport } from '../../src/model/report.js';

function withTotals(template: '2019' | '2021', totals: Record<string, number | null>): AnnualReport {
  const r = emptyReport(template);
  for (const [row, v] of Object.entries(totals)) r.applications[row]!.total = v;
  return r;
}

describe('yearChanges', () => {
  it('lists the cells whose value moved, blanks included, in the current report’s order', () => {
    const before = withTotals('2021', { newReceived: 10, carriedOver: null, granted: 4, total: 9 });
    const after = withTotals('2021', { newReceived: 12, carriedOver: 2, granted: 4, total: null });
    expect(yearChanges(after, before)).toEqual([
      { path: 'applications.newReceived.total', before: 10, after: 12, delta: 2 },
      { path: 'applications.carriedOver.total', before: null, after: 2, delta: null },
      { path: 'applications.total.total', before: 9, after: null, delta: null },
    ]);
  });

  it('does not call a cell of one template only a change', () => {
    // 2019 has a single （六） row with no sub-rows: 2021's sub-rows are not in it.
    const before = withTotals('2019', { newReceived: 3 });
    const after = withTotals('2021', { newReceived: 3, 'otherHandling.feeUnpaid': 1 });
    expect(yearChanges(after, before).map((c) => c.path)).not.toContain('applications.otherHandling.feeUnpaid.total');
  });
});

describe('sharedNarrative', () => {
  const copied = '围绕群众关切推进重点领域信息公开，及时回应社会关注，持续优化政府网站栏目设置和信息发布审核流程';
  const report = (one: string): AnnualReport => ({ ...emptyReport('2021'), sections: [{ no: 1, title: '一、总体情况', text: one }] });

  it('marks a passage copied with its year changed as one shared passage in both years', () => {
    const n = sharedNarrative(report(`2024年，本局${copied}。新设立了意见征集专栏。`), report(`2023年，本局${copied}。`));
    // The year is left out of the comparison, so the passage runs from 本局 (shared too) to the last character before the stop.
    expect(n.current[0]!.segments).toEqual([
      { text: '2024年，', shared: false },
      { text: `本局${copied}`, shared: true },
      { text: '。新设立了意见征集专栏。', shared: false },
    ]);
    expect(n.previous[0]!.segments).toEqual([
      { text: '2023年，', shared: false },
      { text: `本局${copied}`, shared: true },
      { text: '。', shared: false },
    ]);
  });

  it('marks nothing in two different texts', () => {
    const n = sharedNarrative(report('今年重点做好征地补偿标准的公开工作，全年未发生行政复议。'), report('本镇新建村务公开栏，调整信息发布流程，方便群众查阅。'));
    expect(n.current[0]!.segments).toEqual([{ text: '今年重点做好征地补偿标准的公开工作，全年未发生行政复议。', shared: false }]);
    expect(n.score).toBe(0);
    expect(n.coverage).toEqual({ current: 0, previous: 0 });
  });
});
