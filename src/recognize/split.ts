/**
 * Digit runs whose cell boundaries vanished: crawled text that dropped the separators of a row
 * writes `80 | 1 | 0 | 0 | 0 | 0 | 81` as `801000081`. A run is cut into cells without leading
 * zeros (a cell `0` is one digit; `081` is not a cell); a reading is kept only when its row total
 * holds, and taken only when it is the one such reading — or, among several, the one the table's
 * column totals pin down. Arithmetic chooses where to cut, never a number.
 */
import type { ValueItem } from './stream.js';

type Cells = (number | null)[];

/** A token that may hold several cells: two or more plain digits. */
const RUN = /^\d{2,}$/;
/** Bound on the readings tried for one row (a 9-digit run into 7 cells has 28). */
const MAX_READINGS = 5000;

/** Every way to cut `digits` into `n` cells without leading zeros. */
function* cuts(digits: string, n: number): Generator<number[]> {
  if (n === 1) {
    if (digits.length === 1 || digits[0] !== '0') yield [Number(digits)];
    return;
  }
  for (let len = 1; len <= digits.length - (n - 1); len++) {
    const head = digits.slice(0, len);
    if (len > 1 && head[0] === '0') break;
    for (const rest of cuts(digits.slice(len), n - 1)) yield [Number(head), ...rest];
  }
}

function rawOf(v: ValueItem): string {
  return v.cell.text.normalize('NFKC').trim();
}

/** Every reading of the tokens as `width` cells, runs cut in every way. */
function readings(values: readonly ValueItem[], width: number): Cells[] {
  const out: Cells[] = [];
  const walk = (i: number, acc: Cells): void => {
    if (out.length >= MAX_READINGS) return;
    const left = width - acc.length;
    if (i === values.length) {
      if (left === 0) out.push([...acc]);
      return;
    }
    const tokensAfter = values.length - i - 1;
    const v = values[i]!;
    const raw = rawOf(v);
    const most = RUN.test(raw) ? Math.min(raw.length, left - tokensAfter) : 1;
    for (let n = 1; n <= most; n++) {
      if (n === 1) walk(i + 1, [...acc, v.value]);
      else for (const parts of cuts(raw, n)) walk(i + 1, [...acc, ...parts]);
    }
  };
  walk(0, []);
  return out;
}

/** Does a run of digits make the row short of cells? Then it may be cut. */
export function hasRuns(values: readonly ValueItem[], width: number): boolean {
  return values.length <= width - 2 && values.some((v) => RUN.test(rawOf(v)));
}

/** The distinct readings of a row whose total holds. */
export function digitSplits(values: readonly ValueItem[], width: number, totalAt: number, partsAt: readonly number[]): Cells[] {
  if (totalAt < 0) return [];
  const seen = new Set<string>();
  const out: Cells[] = [];
  for (const cells of readings(values, width)) {
    if (cells.some((c) => c === null)) continue;
    const sum = partsAt.reduce((a, i) => a + (cells[i] ?? 0), 0);
    if (sum !== cells[totalAt]) continue;
    const key = cells.join(',');
    if (!seen.has(key)) {
      seen.add(key);
      out.push(cells);
    }
  }
  return out;
}

/** A column relation of table 三: the sum of `plus` rows equals the sum of `minus` rows. */
export interface ColumnRelation {
  plus: readonly string[];
  minus: readonly string[];
}

/**
 * Among a row's readings, the one every column relation it takes part in agrees with, when the
 * relation's other rows are all known; null when none or several remain.
 */
export function chooseByColumns(
  key: string,
  candidates: readonly Cells[],
  known: (row: string) => Cells | null,
  relations: readonly ColumnRelation[],
): Cells | null {
  let left = [...candidates];
  for (const rel of relations) {
    const sign = rel.plus.includes(key) ? 1 : rel.minus.includes(key) ? -1 : 0;
    if (sign === 0) continue;
    const others = [...rel.plus.map((k) => [k, 1] as const), ...rel.minus.map((k) => [k, -1] as const)].filter(([k]) => k !== key);
    const rows = others.map(([k, s]) => [known(k), s] as const);
    if (rows.some(([r]) => !r || r.some((c) => c === null))) continue;
    left = left.filter((cells) =>
      cells.every((c, col) => rows.reduce((a, [r, s]) => a + s * (r![col] ?? 0), sign * (c ?? 0)) === 0),
    );
  }
  return left.length === 1 ? left[0]! : null;
}
