/**
 * A row that printed fewer values than it has columns (seed 001: five zeros under six
 * columns). Which column lost its value is unknown, so try every placement; a cell keeps a
 * value only when every placement that is arithmetically possible agrees on it. Where the row
 * has a 总计, a single missing part is pinned down by it. Nothing is guessed: cells on which the
 * placements disagree stay null.
 */

export interface ShortRowResult {
  /** One entry per column; null where the placements disagree. */
  cells: (number | null)[];
  /** Columns whose value came from the row total rather than from a token. */
  derived: number[];
  /** Some placements were ruled out by the total: what was read rests on arithmetic alone. */
  narrowed: boolean;
}

function* combinations(n: number, k: number, start = 0, acc: number[] = []): Generator<number[]> {
  if (acc.length === k) {
    yield [...acc];
    return;
  }
  for (let i = start; i < n; i++) {
    acc.push(i);
    yield* combinations(n, k, i + 1, acc);
    acc.pop();
  }
}

/**
 * @param values the values read, in order (null for a blank token)
 * @param width the number of columns
 * @param totalIndex the column that is the sum of the parts (-1 when none)
 * @param partIndices the columns that add up to the total
 */
export function resolveShortRow(
  values: readonly (number | null)[],
  width: number,
  totalIndex: number,
  partIndices: readonly number[],
): ShortRowResult {
  const missing = width - values.length;
  const candidates: (number | null)[][] = [];
  const derivedSets: number[][] = [];
  let tried = 0;
  if (missing > 0 && missing <= 2) {
    for (const gaps of combinations(width, missing)) {
      tried++;
      const row: (number | null)[] = [];
      let v = 0;
      for (let c = 0; c < width; c++) row.push(gaps.includes(c) ? null : (values[v++] ?? null));
      const derived: number[] = [];
      if (gaps.length === 1 && totalIndex >= 0) {
        const gap = gaps[0]!;
        const parts = partIndices.map((i) => row[i]);
        if (gap === totalIndex) {
          if (parts.every((p) => p !== null)) {
            row[gap] = parts.reduce<number>((a, b) => a + (b ?? 0), 0);
            derived.push(gap);
          }
        } else if (row[totalIndex] !== null && parts.filter((p) => p === null).length === 1) {
          const rest = partIndices.filter((i) => i !== gap).reduce((a, i) => a + (row[i] ?? 0), 0);
          const value = (row[totalIndex] ?? 0) - rest;
          if (value < 0) continue; // this placement contradicts the total: not a reading of the row
          row[gap] = value;
          derived.push(gap);
        }
      }
      candidates.push(row);
      derivedSets.push(derived);
    }
  }
  const cells: (number | null)[] = [];
  const derived: number[] = [];
  for (let c = 0; c < width; c++) {
    const first = candidates[0]?.[c] ?? null;
    const agree = candidates.length > 0 && candidates.every((row) => row[c] === first && first !== null);
    cells.push(agree ? first : null);
    if (agree && derivedSets.some((d) => d.includes(c))) derived.push(c);
  }
  return { cells, derived, narrowed: candidates.length < tried };
}
