/**
 * A column-number row leaked into a data row. Converters that flatten a table print the header's
 * column numbers (`1 2 3 4 5 6`) into every row, so a row of 7 cells reads as 13 numbers. The
 * leaked numbers are the sequence 1, 2, … m (in order, anywhere in the row, once or repeated); every way of taking
 * that sequence out is tried, and a reading is accepted only when it is the one reading whose
 * row total holds. Arithmetic chooses between readings of the source, never a number.
 */
import type { ValueItem } from './stream.js';

/** Every way to take the subsequence `leak` out of `values` (positions of the taken items). */
function* embeddings(values: readonly ValueItem[], leak: readonly number[], from = 0, taken: number[] = []): Generator<number[]> {
  const at = taken.length;
  if (at === leak.length) {
    yield [...taken];
    return;
  }
  for (let i = from; i <= values.length - (leak.length - at); i++) {
    if (values[i]!.value !== leak[at]) continue;
    taken.push(i);
    yield* embeddings(values, leak, i + 1, taken);
    taken.pop();
  }
}

/** The leaks k numbers can be: the column numbers 1..m, once or repeated (a row spanning two header rows). */
function leaksOf(k: number): number[][] {
  const out: number[][] = [];
  for (let m = 3; m <= Math.min(k, MAX_COLUMNS); m++) {
    if (k % m === 0) out.push(Array.from({ length: k }, (_, i) => (i % m) + 1));
  }
  return out;
}

/** A template's widest header has 8 columns; a leak of more than two header rows is not tried. */
const MAX_COLUMNS = 8;
const MAX_LEAKED = 2 * MAX_COLUMNS;

/**
 * The row without its leaked column numbers, when exactly one reading (by values) has a total
 * that holds; null otherwise.
 */
export function withoutColumnNumbers(
  values: readonly ValueItem[],
  width: number,
  totalHolds: (row: readonly ValueItem[]) => boolean,
): ValueItem[] | null {
  const k = values.length - width;
  if (k < 3 || k > MAX_LEAKED) return null;
  let chosen: ValueItem[] | null = null;
  let key = '';
  for (const taken of leaksOf(k).flatMap((leak) => [...embeddings(values, leak)])) {
    const rest = values.filter((_, i) => !taken.includes(i));
    if (!totalHolds(rest)) continue;
    const restKey = rest.map((v) => v.value).join(',');
    if (chosen && restKey !== key) return null; // two readings whose totals hold: not certain
    chosen ??= rest;
    key = restKey;
  }
  return chosen;
}
