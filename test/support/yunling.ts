/**
 * What we wrote into the 云岭镇 2024 fixture, typed here by hand: every reader of every format
 * must give these values.
 */
import { expect } from 'vitest';
import type { AnnualReport } from '../../src/model/report.js';

export const COLUMNS = ['naturalPerson', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total'];

/** The non-zero rows of table 三; every other row is all zeros. */
export const YUNLING_NONZERO: Record<string, number[]> = {
  newReceived: [6, 2, 0, 1, 1, 0, 10],
  carriedOver: [1, 0, 0, 0, 0, 0, 1],
  granted: [3, 1, 0, 0, 1, 0, 5],
  partlyGranted: [1, 0, 0, 0, 0, 0, 1],
  'withheld.thirdPartyRights': [0, 1, 0, 0, 0, 0, 1],
  'unavailable.notHeld': [2, 0, 0, 1, 0, 0, 3],
  total: [6, 2, 0, 1, 1, 0, 10],
  carriedForward: [1, 0, 0, 0, 0, 0, 1],
};

export const row = (r: AnnualReport, key: string) => COLUMNS.map((c) => r.applications[key]?.[c]);

export function expectYunling(r: AnnualReport): void {
  expect(r.unit).toBe('青禾县云岭镇人民政府');
  expect(r.year).toBe(2024);
  expect(r.template).toBe('2021');
  expect(r.title).toBe('青禾县云岭镇人民政府2024年政府信息公开工作年度报告');
  expect(r.sections.map((s) => s.no)).toEqual([1, 2, 3, 4, 5, 6]);
  expect(r.proactive).toEqual({
    regulations: { issued: 0, repealed: 0, inForce: 0 },
    normativeDocuments: { issued: 2, repealed: 1, inForce: 9 },
    licensing: { decisions: 156 }, penalty: { decisions: 12 }, coercion: { decisions: 3 }, fees: { amount: 1.25 },
  });
  for (const key of Object.keys(r.applications)) {
    expect(row(r, key), key).toEqual(YUNLING_NONZERO[key] ?? [0, 0, 0, 0, 0, 0, 0]);
  }
  expect(r.appeals).toEqual({
    reconsideration: { upheld: 1, corrected: 0, other: 0, pending: 1, total: 2 },
    litigationDirect: { upheld: 0, corrected: 1, other: 0, pending: 0, total: 1 },
    litigationAfterReconsideration: { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 },
  });
  // A PDF read in reading order places table 三 by template order: each such row says so with a
  // warning (its total holds); nothing else may warn.
  expect(r.diagnostics.filter((d) => d.severity !== 'info' && d.code !== 'TABLE.PLACED_BY_ORDER')).toEqual([]);
  expect(r.diagnostics.filter((d) => d.code === 'TABLE.PLACED_BY_ORDER' && d.severity !== 'warning')).toEqual([]);
}
