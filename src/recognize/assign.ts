/**
 * Put values into rows: by adjacency to their label, or — when the source tore labels and
 * values apart — by the template's fixed row order over the whole stream of values.
 *
 * Adjacency is the reading of a clean table. The stream reading serves PDF text in reading
 * order, where a row's label may come after its values and a block of rows may come column by
 * column; it is used only when its value count fits the rows exactly, and the choice between
 * row-major and column-major readings of a block is made by the block's visible grouping and,
 * when that is ambiguous, by the row totals (arithmetic may choose a layout, never a number).
 */
import type { LabelHit } from './labels.js';
import type { Item, TextItem, ValueItem } from './stream.js';

export interface RowValues {
  key: string;
  values: ValueItem[];
  /** How the row was placed; adjacency to its label when absent. */
  via?: 'stream' | 'grid' | 'columns' | 'split';
  /** How sure a placement other than by label is: the severity of the row's diagnostic. */
  doubt?: 'warning' | 'error';
}

/** A row the template does not have (`其他主动公开文件 | 56 | 45`): its label and the values it holds. */
export interface ForeignRow {
  label: TextItem;
  values: ValueItem[];
}

export interface Adjacency {
  rows: RowValues[];
  orphans: ValueItem[];
  /** Rows with labels of their own that are none of the template's: their values are not read. */
  foreign: ForeignRow[];
}

/**
 * Values following each label up to the next label (or up to a row of the source's own).
 * @param isLabel whether a text is one of the template's labels: a label written twice (a
 *   heading `(一) 予以公开` over a row `予以公开 | 290 | …`) is the same row, never a row of its own.
 */
export function adjacency(items: readonly Item[], hits: readonly LabelHit[], isLabel: (norm: string) => boolean = () => true): Adjacency {
  const ordered = [...hits].sort((a, b) => a.index - b.index);
  const rows: RowValues[] = [];
  const orphans: ValueItem[] = [];
  const foreign: ForeignRow[] = [];
  const firstLabel = ordered[0]?.index ?? items.length;
  for (let i = 0; i < firstLabel; i++) {
    const it = items[i]!;
    if (it.kind === 'value') orphans.push(it);
  }
  ordered.forEach((hit, n) => {
    const end = ordered[n + 1]?.index ?? items.length;
    const start = hit.span[hit.span.length - 1]! + 1;
    const values: ValueItem[] = [];
    let extra: ForeignRow | null = null;
    for (let i = start; i < end; i++) {
      const it = items[i]!;
      if (!extra && values.length > 0 && opensRow(items, i) && !isLabel((it as TextItem).norm)) extra = { label: it as TextItem, values: [] };
      if (it.kind === 'value') (extra ? extra.values : values).push(it);
    }
    rows.push({ key: hit.key, values });
    if (extra?.values.length) foreign.push(extra);
  });
  return { rows, orphans, foreign };
}

/**
 * Does item `i` open a row of its own: a text cell first on its line and directly followed by
 * a value on the same line? In a grid rendered as text (pipe rows, HTML) a label cell starts
 * every row, so text that no template label matched but that stands where a label stands is a
 * row the source added — its numbers belong to it, not to the row above. Text followed by more
 * text (`理 | 求缴纳费用… | 0`: a wrapped group label beside a wrapped row label in PDF text) is
 * a piece of a label, not a row.
 */
function opensRow(items: readonly Item[], i: number): boolean {
  const it = items[i]!;
  const next = items[i + 1];
  if (it.kind !== 'text' || next?.kind !== 'value' || next.cell.line !== it.cell.line) return false;
  for (let j = i - 1; j >= 0; j--) {
    const prev = items[j]!;
    if (prev.kind === 'break') continue;
    return prev.cell.line !== it.cell.line;
  }
  return true;
}

/** Runs of values not interrupted by text; inside a run, groups separated by breaks. */
function valueBlocks(items: readonly Item[]): ValueItem[][][] {
  const blocks: ValueItem[][][] = [];
  let block: ValueItem[][] = [];
  let group: ValueItem[] = [];
  const endGroup = () => {
    if (group.length) block.push(group);
    group = [];
  };
  const endBlock = () => {
    endGroup();
    if (block.length) blocks.push(block);
    block = [];
  };
  for (const it of items) {
    if (it.kind === 'value') group.push(it);
    else if (it.kind === 'break') endGroup();
    else endBlock();
  }
  endBlock();
  return blocks;
}

function transpose(groups: readonly ValueItem[][]): ValueItem[][] {
  const rows: ValueItem[][] = [];
  const m = groups[0]!.length;
  for (let r = 0; r < m; r++) rows.push(groups.map((g) => g[r]!));
  return rows;
}

/** How many rows of a block satisfy "last value = sum of the others" (the 总计 column). */
function totalsHold(rows: readonly ValueItem[][], sumOf: (row: readonly ValueItem[]) => boolean): number {
  return rows.filter(sumOf).length;
}

/**
 * Cut the stream into rows of `width` values. Within a block, `width` consecutive groups of
 * one size m > 1 are a column-major block of m rows; other values fill rows in order.
 * Returns null when the stream cannot be cut cleanly.
 */
export function streamRows(
  items: readonly Item[],
  width: number,
  rowTotalHolds?: (row: readonly ValueItem[]) => boolean,
): ValueItem[][] | null {
  const rows: ValueItem[][] = [];
  let pending: ValueItem[] = [];
  const flush = (values: readonly ValueItem[]) => {
    for (const v of values) {
      pending.push(v);
      if (pending.length === width) {
        rows.push(pending);
        pending = [];
      }
    }
  };
  for (const block of valueBlocks(items)) {
    let g = 0;
    while (g < block.length) {
      const size = block[g]!.length;
      const run = block.slice(g, g + width);
      const columnMajor =
        size > 1 && pending.length === 0 && run.length === width && run.every((grp) => grp.length === size);
      if (columnMajor) {
        const asColumns = transpose(run);
        const asRows = run.flatMap((grp) => grp);
        // A square block (m = width) reads both ways; let the row totals decide, rows on a tie.
        if (size === width && rowTotalHolds) {
          const byRows: ValueItem[][] = [];
          for (let i = 0; i < asRows.length; i += width) byRows.push(asRows.slice(i, i + width));
          if (totalsHold(byRows, rowTotalHolds) >= totalsHold(asColumns, rowTotalHolds)) {
            rows.push(...byRows);
            g += width;
            continue;
          }
        }
        rows.push(...asColumns);
        g += width;
        continue;
      }
      flush(block[g]!);
      g++;
    }
  }
  return pending.length ? null : rows;
}

/**
 * A table whose converter kept some rows whole (`| 1.属于国家秘密 | 0 | … |`) and tore the labels
 * off others (the label as loose text, its values as a row of their own). Rows whose label shares
 * a line with their values are read by the label; the label-less value lines, each one full row
 * wide, fill the remaining rows in template order — but only when there are exactly as many as
 * rows left, and each lies between the labelled rows that come before and after its row in the
 * template. Value lines of another size (a stray number) are set aside and returned.
 */
export function labelledThenOrder(
  items: readonly Item[],
  hits: readonly LabelHit[],
  width: number,
  order: readonly string[],
): { rows: RowValues[]; strays: ValueItem[] } | null {
  const { rows } = adjacency(items, hits);
  const lineOf = new Map(
    hits.map((h) => {
      const last = items[h.span[h.span.length - 1]!];
      return [h.key, last?.kind === 'text' ? last.cell.line : h.line];
    }),
  );
  const inline = new Map<string, RowValues>();
  for (const r of rows) {
    const own = r.values.filter((v) => v.cell.line === lineOf.get(r.key));
    if (own.length > 0 && own.length <= width) inline.set(r.key, { key: r.key, values: own });
  }
  if (inline.size === 0) return null;
  const taken = new Set([...inline.values()].flatMap((r) => r.values));
  const groups = new Map<number, ValueItem[]>();
  for (const it of items) {
    if (it.kind !== 'value' || taken.has(it)) continue;
    const g = groups.get(it.cell.line) ?? [];
    g.push(it);
    groups.set(it.cell.line, g);
  }
  const full = [...groups.values()].filter((g) => g.length === width);
  const strays = [...groups.values()].filter((g) => g.length !== width).flat();
  const left = order.filter((k) => !inline.has(k));
  if (full.length !== left.length || full.length === 0) return null;
  const placed = new Map(left.map((k, i) => [k, { key: k, values: full[i]!, via: 'stream' as const }]));
  // Each placed line must sit between the labelled rows around its row in the template.
  let lastLine = 0;
  for (const key of order) {
    const r = inline.get(key) ?? placed.get(key)!;
    const line = r.values[0]!.cell.line;
    if (line < lastLine) return null;
    lastLine = line;
  }
  return { rows: order.map((k) => inline.get(k) ?? placed.get(k)!), strays };
}
