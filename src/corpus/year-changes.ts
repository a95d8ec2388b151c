/**
 * What changed in a body's tables from one year to the next: every cell both years have (by its
 * canonical path), with the value before and after. A cell only one year's template has, or blank
 * in either year, is not a change but an absence, said as such. Pure.
 */
import { forEachCell, type AnnualReport, type Cell } from '../model/report.js';

type Tables = Pick<AnnualReport, 'proactive' | 'applications' | 'appeals'>;

export interface CellChange {
  /** Canonical model path: `applications.newReceived.total`. */
  path: string;
  before: Cell;
  after: Cell;
  /** after − before when both are known (rounded to the cent: fees are decimals); null otherwise. */
  delta: number | null;
}

const valuesOf = (t: Tables): Map<string, Cell> => {
  const out = new Map<string, Cell>();
  forEachCell(t, (table, row, column, value) => out.set(`${table}.${row}.${column}`, value));
  return out;
};

/**
 * The cells of `current` whose value differs from `previous` (same path in both years), in the
 * current report's order. A value that became blank, or was blank and is now known, is a change
 * with a null delta.
 */
export function yearChanges(current: Tables, previous: Tables): CellChange[] {
  const before = valuesOf(previous);
  const out: CellChange[] = [];
  for (const [path, after] of valuesOf(current)) {
    if (!before.has(path)) continue;
    const was = before.get(path)!;
    if (was === after) continue;
    const delta = was === null || after === null ? null : Math.round((after - was) * 100) / 100;
    out.push({ path, before: was, after, delta });
  }
  return out;
}
