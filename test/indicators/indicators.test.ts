/**
 * Indicators on a small region typed by hand: four bodies' 2024 tables (and one body's 2023),
 * every expected value worked out in the comments from the numbers below — never from our output.
 * Also: a blank cell stays null with its reason, the minimum denominator, thresholds and their
 * inheritance down the region tree, percentiles, ranks.
 */
import { describe, expect, it } from 'vitest';
import { emptyReport } from '../../src/model/report.js';
import { computeIndicators, distribution, flagOf, judge, percentile, ranks, thresholdsProblem } from '../../src/indicators/compute.js';
import { INDICATORS, indicatorDef } from '../../src/indicators/definitions.js';
import { applicableThresholds, indicatorTable } from '../../src/indicators/table.js';
import { BING, BODIES, DING, JIA, REPORTS, YI } from '../support/indicator-region.js';

const DEFAULTS = applicableThresholds([]);

describe('one report', () => {
  it('甲镇: every indicator as counted by hand', () => {
    const v = computeIndicators(JIA);
    const value = (k: string) => v[k]!.value;
    expect(value('received')).toBe(20);
    expect(value('carriedIn')).toBe(2);
    expect(value('closed')).toBe(19);
    expect(value('carriedForward')).toBe(3);
    expect(value('closureRate')).toBeCloseTo((19 / 22) * 100, 6); // 86.36 %
    expect(value('grantRate')).toBeCloseTo((10 / 19) * 100, 6); // 52.63 %
    expect(value('disclosureRate')).toBeCloseTo((12 / 19) * 100, 6); // (10 + 2) / 19 = 63.16 %
    expect(value('withheldRate')).toBeCloseTo((2 / 19) * 100, 6);
    expect(value('unavailableRate')).toBeCloseTo((4 / 19) * 100, 6);
    expect(value('notProcessedRate')).toBeCloseTo((1 / 19) * 100, 6);
    // 复议: 纠正 1 / 已审结 (2 + 1 + 0) = 33.3 %; 诉讼: 纠正 (0 + 1) / 已审结 (1 + 0 + 0 + 0 + 1 + 1) = 33.3 %.
    expect(v.reconsiderationCorrectionRate).toMatchObject({ numerator: 1, denominator: 3 });
    expect(v.litigationLossRate).toMatchObject({ numerator: 1, denominator: 3 });
    expect(value('normativeIssued')).toBe(3);
    expect(value('normativeInForce')).toBe(12);
    expect(value('feeUnpaidClosed')).toBe(0);
    expect(value('adminFees')).toBe(1.5);
  });

  it('a blank cell makes the indicator null with the cell named, never 0', () => {
    const ding = computeIndicators(DING);
    expect(ding.received).toEqual({ value: null, numerator: null, denominator: null, reason: '表三“一、本年新收政府信息公开申请数量”行“总计”列空缺' });
    // 办结率 needs 新收 too.
    expect(ding.closureRate!.value).toBeNull();
    expect(ding.closureRate!.reason).toContain('本年新收');
    const bing = computeIndicators(BING);
    expect(bing.normativeIssued!.value).toBeNull();
    expect(bing.normativeIssued!.reason).toBe('表二“行政规范性文件”的“本年制发件数”空缺');
  });

  it('no concluded cases: the rate is null (0 ÷ 0), not 0 %', () => {
    const yi = computeIndicators(YI);
    expect(yi.reconsiderationCorrectionRate).toMatchObject({ value: null, denominator: 0, reason: '分母为 0，无法计算比率' });
  });

  it('a 2019-template report: fields the template lacks are null with the reason; 规范性文件 制发 reads 本年新制作数量', () => {
    const r = emptyReport('2019');
    r.proactive.normativeDocuments = { newlyMade: 4, newlyPublished: 4, totalPublished: 30 };
    const v = computeIndicators(r);
    expect(v.normativeIssued!.value).toBe(4);
    expect(v.normativeInForce).toMatchObject({ value: null, reason: '本报告按2019年模板填报，没有此项' });
    expect(v.feeUnpaidClosed!.value).toBeNull();
  });
});

describe('judgement', () => {
  const disclosure = indicatorDef('disclosureRate')!;
  const withheld = indicatorDef('withheldRate')!;

  it('below the minimum denominator a rate is shown but neither flagged nor judged', () => {
    // 乙乡: 实质公开 1 / 办结 4 = 25 % — red by the default (< 30 %), but 4 < 10 applications.
    const v = computeIndicators(YI).disclosureRate!;
    expect(v.value).toBe(25);
    const j = judge(disclosure, v, disclosure.thresholds);
    expect(j).toMatchObject({ judged: false, flag: null, reason: '办结仅 4 件，少于 10 件，不作评判' });
  });

  it('default thresholds: 丙街道 实质公开率 35.7 % yellow (< 50, ≥ 30); 不予公开率 23.8 % yellow (≥ 20, < 40)', () => {
    const v = computeIndicators(BING);
    expect(flagOf(disclosure, v.disclosureRate!, disclosure.thresholds)).toBe('yellow');
    expect(flagOf(withheld, v.withheldRate!, withheld.thresholds)).toBe('yellow');
    // At the boundary: exactly 40 % withheld is red (≥), exactly 30 % disclosed is yellow (red only below 30).
    expect(flagOf(withheld, { value: 40, numerator: 4, denominator: 10, reason: null }, withheld.thresholds)).toBe('red');
    expect(flagOf(disclosure, { value: 30, numerator: 3, denominator: 10, reason: null }, disclosure.thresholds)).toBe('yellow');
  });

  it('a region’s own thresholds win, else the nearest region above, else the default', () => {
    const applied = applicableThresholds([
      { code: '411330', overrides: { withheldRate: { yellow: 10, red: 20 } } },
      { code: '411300', overrides: { withheldRate: { yellow: 1, red: 2 }, disclosureRate: { yellow: 70, red: 60 } } },
    ]);
    expect(applied.withheldRate).toEqual({ thresholds: { yellow: 10, red: 20 }, setBy: '411330' });
    expect(applied.disclosureRate).toEqual({ thresholds: { yellow: 70, red: 60 }, setBy: '411300' });
    expect(applied.unavailableRate).toEqual({ thresholds: { yellow: 40, red: 60 }, setBy: null });
    expect(applied.received).toEqual({ thresholds: null, setBy: null });
    // 丙街道's 不予公开率 23.8 % under the county's 10 / 20: red; 甲镇's 10.5 %: yellow.
    expect(flagOf(withheld, computeIndicators(BING).withheldRate!, applied.withheldRate!.thresholds)).toBe('red');
    expect(flagOf(withheld, computeIndicators(JIA).withheldRate!, applied.withheldRate!.thresholds)).toBe('yellow');
  });

  it('nonsensical thresholds are refused in words', () => {
    expect(thresholdsProblem(withheld, { yellow: 30, red: 20 })).toContain('红色阈值不能低于黄色阈值');
    expect(thresholdsProblem(disclosure, { yellow: 30, red: 50 })).toContain('红色阈值不能高于黄色阈值');
    expect(thresholdsProblem(disclosure, { yellow: 130, red: 50 })).toContain('0 至 100');
    expect(thresholdsProblem(indicatorDef('received')!, { yellow: 1, red: 2 })).toContain('不设预警');
    expect(thresholdsProblem(withheld, { yellow: 15, red: 25 })).toBeNull();
  });
});

describe('statistics', () => {
  it('percentiles interpolate linearly between closest ranks (PERCENTILE.INC)', () => {
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentile([1, 2, 3, 4], 0.1)).toBeCloseTo(1.3, 9); // h = 0.3
    expect(percentile([1, 2, 3, 4], 0.9)).toBeCloseTo(3.7, 9); // h = 2.7
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([], 0.5)).toBeNull();
    expect(distribution([10, 0, 20, 30, 40])).toEqual({ n: 5, min: 0, p10: 4, p25: 10, median: 20, p75: 30, p90: 36, max: 40 });
  });

  it('ranks: 1 is best, ties share a rank and the next skips', () => {
    const withheld = indicatorDef('withheldRate')!; // higher is worse: lowest first
    expect([...ranks(withheld, [{ id: 'a', value: 5 }, { id: 'b', value: 3 }, { id: 'c', value: 3 }, { id: 'd', value: 1 }, { id: 'e', value: null }])]).toEqual([
      ['d', 1], ['b', 2], ['c', 2], ['a', 4],
    ]);
    const received = indicatorDef('received')!; // a count: largest first
    expect([...ranks(received, [{ id: 'a', value: 5 }, { id: 'b', value: 9 }])]).toEqual([['b', 1], ['a', 2]]);
  });
});

describe('the region table', () => {
  const t = indicatorTable(BODIES, REPORTS, 2024, DEFAULTS);
  const line = (id: string) => t.bodies.find((b) => b.id === id)!;

  it('a body without a report is listed with no values', () => {
    expect(line('wu')).toMatchObject({ reported: false, cells: {}, red: 0, yellow: 0 });
  });

  it('the distribution counts judged values only: 实质公开率 of 丙 35.71, 甲 63.16, 丁 100 (乙 has 4 < 10)', () => {
    const d = t.distribution.disclosureRate!;
    const [c, a, dd] = [(15 / 42) * 100, (12 / 19) * 100, 100];
    expect(d.n).toBe(3);
    expect(d.median).toBeCloseTo(a, 6);
    expect(d.p10).toBeCloseTo(c + 0.2 * (a - c), 6); // h = 0.2
    expect(d.p25).toBeCloseTo(c + 0.5 * (a - c), 6); // h = 0.5
    expect(d.p75).toBeCloseTo(a + 0.5 * (dd - a), 6); // h = 1.5
    expect(d.p90).toBeCloseTo(a + 0.8 * (dd - a), 6); // h = 1.8
    expect(line('ding').cells.disclosureRate!.rank).toBe(1);
    expect(line('jia').cells.disclosureRate!.rank).toBe(2);
    expect(line('bing').cells.disclosureRate!.rank).toBe(3);
    expect(line('yi').cells.disclosureRate!.rank).toBeNull();
    expect(line('jia').cells.disclosureRate!.vsMedian).toBe(0);
    expect(line('bing').cells.disclosureRate!.vsMedian).toBeCloseTo(c - a, 6);
  });

  it('region totals: counts summed over known values, rates pooled (Σ numerators ÷ Σ denominators)', () => {
    // 新收: 甲 20 + 乙 4 + 丙 40 = 64; 丁 blank, left out.
    expect(t.region.received).toEqual({ value: 64, numerator: 64, denominator: null, counted: 3, missing: 1 });
    // 实质公开: (12 + 1 + 15 + 10) / (19 + 4 + 42 + 10) = 38 / 75.
    expect(t.region.disclosureRate!.value).toBeCloseTo((38 / 75) * 100, 6);
    expect(t.region.disclosureRate).toMatchObject({ numerator: 38, denominator: 75, counted: 4, missing: 0 });
    // 行政事业性收费: 1.5 + 0 + 0 + 0.
    expect(t.region.adminFees!.value).toBe(1.5);
  });

  it('flags per body: 甲 办结率 86.4 % yellow, 复议纠错率 and 诉讼败诉率 33.3 % red; 丙 two yellows', () => {
    expect(line('jia').cells.closureRate!.flag).toBe('yellow');
    expect(line('jia').cells.reconsiderationCorrectionRate!.flag).toBe('red');
    expect(line('jia').cells.litigationLossRate!.flag).toBe('red');
    expect(line('jia')).toMatchObject({ red: 2, yellow: 1 });
    expect(line('bing')).toMatchObject({ red: 0, yellow: 2 });
    // 丙's single concluded 复议 case: 0 %, not judged (1 < 3).
    expect(line('bing').cells.reconsiderationCorrectionRate).toMatchObject({ value: 0, judged: false, reason: '已审结复议仅 1 件，少于 3 件，不作评判' });
  });

  it('change on last year: 甲 新收 20 − 15 = +5; 实质公开率 63.16 − 50 points', () => {
    expect(line('jia').cells.received!.change).toBe(5);
    expect(line('jia').cells.disclosureRate!.change).toBeCloseTo((12 / 19) * 100 - 50, 6);
    expect(line('bing').cells.received!.change).toBeNull();
  });

  it('thresholds are described in words for the page', () => {
    expect(t.thresholds.withheldRate!.words).toBe('≥ 40% 红色；≥ 20% 黄色');
    expect(t.thresholds.disclosureRate!.words).toBe('< 30% 红色；< 50% 黄色');
    expect(t.thresholds.received!.words).toBe('不设预警');
  });

  it('every definition has a formula in words and reads cells that exist in the 2021 template', () => {
    const blank = emptyReport('2021');
    for (const d of INDICATORS) {
      expect(d.formula.length, d.key).toBeGreaterThan(4);
      expect(computeIndicators(blank)[d.key]!.reason, d.key).not.toContain('没有此项');
    }
  });
});
