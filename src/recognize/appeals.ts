/**
 * Table 四 (行政复议 and 行政诉讼): fifteen numbers in one data row, five per group.
 *
 * Text in layout order gives them in order. PDF text in reading order can emit the row in
 * pieces, out of order (the 2024 淮安市 report). Then the pieces are reordered only when a
 * reordering makes strictly more group totals hold than the order as read; among equally good
 * orders, the one closest to the order as read, then the one that puts each piece under the
 * group label printed nearest before it, wins.
 * A report whose own totals are wrong (the 2023 洪泽区 report) keeps the order as read.
 */
import type { CellRow, Provenance } from '../model/report.js';
import { TEMPLATE_2021 } from '../template/templates.js';
import { writtenAs, type Diagnostics } from './diagnostics.js';
import type { GridTable } from './grid.js';
import { appealsByGrid } from './grid-tables.js';
import type { Item, ValueItem } from './stream.js';

export interface AppealsRead {
  rows: Record<string, CellRow>;
  found: boolean;
}

const GROUPS = TEMPLATE_2021.appealGroups;
const RESULTS = TEMPLATE_2021.appealResults;
const WIDTH = RESULTS.length;
const CELLS = GROUPS.length * WIDTH;

/** Group labels as they appear in headers, for the tie-break. */
const GROUP_WORDS: readonly [string, number][] = [
  ['复议后起诉', 2],
  ['直接起诉', 1],
  ['行政复议', 0],
];

interface Chunk {
  values: ValueItem[];
  /** The group whose label was printed nearest before this chunk, or -1. */
  nearGroup: number;
}

function chunksOf(items: readonly Item[]): Chunk[] {
  const chunks: Chunk[] = [];
  let current: ValueItem[] = [];
  let near = -1;
  let nearForChunk = -1;
  for (const it of items) {
    if (it.kind === 'value') {
      if (current.length === 0) nearForChunk = near;
      current.push(it);
    } else if (it.kind === 'text') {
      if (current.length) chunks.push({ values: current, nearGroup: nearForChunk });
      current = [];
      const hit = GROUP_WORDS.find(([w]) => it.norm.includes(w));
      if (hit) near = hit[1];
    }
  }
  if (current.length) chunks.push({ values: current, nearGroup: nearForChunk });
  return chunks;
}

function groupsHolding(values: readonly ValueItem[]): number {
  let n = 0;
  for (let g = 0; g < GROUPS.length; g++) {
    const cells = values.slice(g * WIDTH, g * WIDTH + WIDTH).map((v) => v.value);
    if (cells.some((c) => c === null)) continue;
    const parts = cells.slice(0, WIDTH - 1).reduce<number>((a, b) => a + (b ?? 0), 0);
    if (parts === cells[WIDTH - 1]) n++;
  }
  return n;
}

function* permutations<T>(list: readonly T[]): Generator<T[]> {
  if (list.length <= 1) {
    yield [...list];
    return;
  }
  for (let i = 0; i < list.length; i++) {
    const rest = [...list.slice(0, i), ...list.slice(i + 1)];
    for (const p of permutations(rest)) yield [list[i]!, ...p];
  }
}

/** Agreement of an order with the group labels printed before each chunk. */
function labelScore(order: readonly Chunk[]): number {
  let at = 0;
  let score = 0;
  for (const c of order) {
    if (c.nearGroup === Math.floor(at / WIDTH)) score++;
    at += c.values.length;
  }
  return score;
}

const MAX_CHUNKS_TO_REORDER = 7;

/** How far an order strays from the order as read (pairs of chunks swapped). */
function inversions(order: readonly Chunk[], read: readonly Chunk[]): number {
  const at = order.map((c) => read.indexOf(c));
  let n = 0;
  for (let i = 0; i < at.length; i++) for (let j = i + 1; j < at.length; j++) if (at[i]! > at[j]!) n++;
  return n;
}

/**
 * The best order: most group totals holding; then the fewest swaps from the order as read;
 * then the most chunks under the group label printed nearest before them.
 */
function reorder(chunks: readonly Chunk[], asRead: readonly ValueItem[]): ValueItem[] | null {
  if (chunks.length < 2 || chunks.length > MAX_CHUNKS_TO_REORDER) return null;
  let best: { values: ValueItem[]; holds: number; swaps: number; score: number } | null = null;
  for (const order of permutations(chunks)) {
    const values = order.flatMap((c) => c.values);
    const holds = groupsHolding(values);
    const swaps = inversions(order, chunks);
    const score = labelScore(order);
    const better =
      !best ||
      holds > best.holds ||
      (holds === best.holds && (swaps < best.swaps || (swaps === best.swaps && score > best.score)));
    if (better) best = { values, holds, swaps, score };
  }
  return best && best.holds > groupsHolding(asRead) ? best.values : null;
}

export function readAppeals(items: readonly Item[], diags: Diagnostics, provenance: Record<string, Provenance>, grid: readonly GridTable[] = []): AppealsRead {
  const rows: Record<string, CellRow> = Object.fromEntries(
    GROUPS.map((g) => [g.key, Object.fromEntries(RESULTS.map((r) => [r.key, null]))]),
  );
  // A table with exact cells gives each value its column (src/recognize/grid-tables.ts).
  const byGrid = appealsByGrid(grid);
  const asRead = byGrid ?? items.filter((it): it is ValueItem => it.kind === 'value');
  if (asRead.length === 0) return { rows, found: false };
  if (asRead.length !== CELLS) {
    diags.add(
      'TABLE.CELLS_UNASSIGNED',
      'error',
      `表四应有${CELLS}个数，读到${asRead.length}个（${asRead.map((v) => v.cell.text).join(' ')}），无法确定对应关系，表四留空`,
      'appeals',
      asRead[0]!.cell,
    );
    return { rows, found: true };
  }
  const reordered = byGrid ? null : reorder(chunksOf(items), asRead);
  if (reordered) {
    diags.add(
      'TABLE.READ_BY_ORDER',
      'info',
      '表四的数值在文本中顺序错乱（常见于按阅读顺序提取的PDF文本），已按各组合计关系和表头位置重排',
      'appeals',
    );
  }
  const values = reordered ?? asRead;
  if (reordered) {
    GROUPS.forEach((g, i) => {
      const holds = groupsHolding(reordered.slice(i * WIDTH, i * WIDTH + WIDTH)) === 1;
      diags.add(
        'TABLE.PLACED_BY_ORDER',
        holds ? 'warning' : 'error',
        `表四“${g.label}”的数值是从错乱的文本顺序中重排得到的；` + (holds ? '该组合计相符，请与原件核对' : '该组合计不符，可能错位，请与原件核对'),
        `appeals.${g.key}`,
      );
    });
  }
  values.forEach((item, i) => {
    const group = GROUPS[Math.floor(i / WIDTH)]!;
    const result = RESULTS[i % WIDTH]!;
    rows[group.key]![result.key] = item.value;
    // In order, the fifteen numbers of the one data row sit under the fixed header.
    const p: Provenance = { raw: item.cell.text, line: item.cell.line, column: item.cell.column, page: item.cell.page, via: reordered ? 'reordered' : byGrid ? 'grid' : 'label' };
    provenance[`appeals.${group.key}.${result.key}`] = p;
    if (item.value === null) {
      diags.add('VALUE.BLANK', 'warning', `表四“${group.label}”的“${result.label}”未填数字（${writtenAs(item.cell.text)}），应填写0或实际数`, `appeals.${group.key}.${result.key}`, item.cell);
    }
  });
  return { rows, found: true };
}
