/**
 * A PDF page's tables from its ruling lines — the "lattice" reading of table extractors: the
 * lines that touch each other form a table; the distinct x of its vertical lines and y of its
 * horizontal lines cut it into slots; a slot whose right (or bottom) border is not drawn is
 * merged with its neighbour, which gives the merged cells; each text item goes to the cell
 * its middle falls in. Text outside every table is returned as it came, for the text-position
 * layout. Pure: it works on the lines and text items it is given.
 */
import type { Ruling, Rulings } from './pdf-rulings.js';

export interface PageItem {
  str: string;
  x: number;
  /** Baseline. */
  y: number;
  width: number;
  size: number;
}

export interface LatticeCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  items: PageItem[];
}

export interface LatticeTable {
  /** Column boundaries, left to right. */
  xs: number[];
  /** Row boundaries, top to bottom (PDF y falls down the page). */
  ys: number[];
  cells: LatticeCell[];
}

/** Lines closer than this (points) are one line; ends closer than this touch. */
const SNAP = 2;

/** Merge lines on one level (within SNAP) whose extents overlap or touch. */
function mergeRulings(list: readonly Ruling[]): Ruling[] {
  const sorted = [...list].sort((p, q) => p.at - q.at || p.a - q.a);
  const levels: Ruling[][] = [];
  for (const r of sorted) {
    const level = levels[levels.length - 1];
    if (level && r.at - level[0]!.at <= SNAP) level.push(r);
    else levels.push([r]);
  }
  const out: Ruling[] = [];
  for (const level of levels) {
    const at = level.reduce((s, r) => s + r.at, 0) / level.length;
    const spans = level.map((r) => [r.a, r.b] as [number, number]).sort((p, q) => p[0] - q[0]);
    let [a, b] = spans[0]!;
    for (const [c, d] of spans.slice(1)) {
      if (c <= b + SNAP) b = Math.max(b, d);
      else {
        out.push({ at, a, b });
        [a, b] = [c, d];
      }
    }
    out.push({ at, a, b });
  }
  return out;
}

/** Distinct levels of a set of positions (within SNAP), ascending. */
function levelsOf(values: readonly number[]): number[] {
  const sorted = [...values].sort((p, q) => p - q);
  const groups: number[][] = [];
  for (const v of sorted) {
    const g = groups[groups.length - 1];
    if (g && v - g[g.length - 1]! <= SNAP) g.push(v);
    else groups.push([v]);
  }
  return groups.map((g) => g.reduce((s, v) => s + v, 0) / g.length);
}

const touches = (h: Ruling, v: Ruling) => v.at >= h.a - SNAP && v.at <= h.b + SNAP && h.at >= v.a - SNAP && h.at <= v.b + SNAP;

/** Groups of horizontal and vertical lines that touch one another (union-find). */
function components(hs: readonly Ruling[], vs: readonly Ruling[]): { h: Ruling[]; v: Ruling[] }[] {
  const parent = [...hs, ...vs].map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  hs.forEach((h, i) => vs.forEach((v, j) => {
    if (touches(h, v)) parent[find(i)] = find(hs.length + j);
  }));
  const groups = new Map<number, { h: Ruling[]; v: Ruling[] }>();
  const group = (i: number) => {
    const root = find(i);
    let g = groups.get(root);
    if (!g) groups.set(root, (g = { h: [], v: [] }));
    return g;
  };
  hs.forEach((h, i) => group(i).h.push(h));
  vs.forEach((v, j) => group(hs.length + j).v.push(v));
  return [...groups.values()];
}

/** Is a line drawn at `at` through the point `mid` of its own direction? */
const drawn = (lines: readonly Ruling[], at: number, mid: number) => lines.some((l) => Math.abs(l.at - at) <= SNAP && l.a - SNAP <= mid && mid <= l.b + SNAP);

/** The cells of a grid of slots: slots whose shared border is not drawn are one cell. */
function cellsOf(xs: readonly number[], ys: readonly number[], hs: readonly Ruling[], vs: readonly Ruling[]): LatticeCell[] {
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const ymid = (ys[r]! + ys[r + 1]!) / 2;
      const xmid = (xs[c]! + xs[c + 1]!) / 2;
      if (c + 1 < cols && !drawn(vs, xs[c + 1]!, ymid)) parent[find(r * cols + c)] = find(r * cols + c + 1);
      if (r + 1 < rows && !drawn(hs, ys[r + 1]!, xmid)) parent[find(r * cols + c)] = find((r + 1) * cols + c);
    }
  }
  const boxes = new Map<number, { r0: number; r1: number; c0: number; c1: number; slots: number }>();
  for (let i = 0; i < rows * cols; i++) {
    const [r, c] = [Math.floor(i / cols), i % cols];
    const b = boxes.get(find(i));
    if (!b) boxes.set(find(i), { r0: r, r1: r, c0: c, c1: c, slots: 1 });
    else Object.assign(b, { r0: Math.min(b.r0, r), r1: Math.max(b.r1, r), c0: Math.min(b.c0, c), c1: Math.max(b.c1, c), slots: b.slots + 1 });
  }
  const cells: LatticeCell[] = [];
  for (const b of boxes.values()) {
    const [rowSpan, colSpan] = [b.r1 - b.r0 + 1, b.c1 - b.c0 + 1];
    if (b.slots === rowSpan * colSpan) cells.push({ row: b.r0, col: b.c0, rowSpan, colSpan, items: [] });
    else {
      // Not a rectangle: undrawn space around the table (beside a narrower block, below a page break), not a merged cell.
      for (let r = b.r0; r <= b.r1; r++) {
        for (let c = b.c0; c <= b.c1; c++) if (boxes.get(find(r * cols + c)) === b) cells.push({ row: r, col: c, rowSpan: 1, colSpan: 1, items: [] });
      }
    }
  }
  return cells.sort((p, q) => p.row - q.row || p.col - q.col);
}

/**
 * A table cut by a page break may leave its last (or first) row without its closing line, and
 * one wider than the page its last column without its right line: the lines across run on
 * past the last line they cross. Where two or more do, their ends close the row or column.
 * `bounds` ascend; lines run from a to b along them.
 */
function withOpenEdges(bounds: number[], across: readonly Ruling[]): number[] {
  const before = across.filter((l) => l.a < bounds[0]! - 2 * SNAP);
  if (before.length >= 2) bounds.unshift(Math.max(...before.map((l) => l.a)));
  const after = across.filter((l) => l.b > bounds[bounds.length - 1]! + 2 * SNAP);
  if (after.length >= 2) bounds.push(Math.min(...after.map((l) => l.b)));
  return bounds;
}

/** The tables a page's lines draw: at least two slots, made of lines that touch. */
function tablesOf(rulings: Rulings): LatticeTable[] {
  const hs = mergeRulings(rulings.horizontal);
  const vs = mergeRulings(rulings.vertical);
  const tables: LatticeTable[] = [];
  for (const g of components(hs, vs)) {
    if (g.h.length < 2 || g.v.length < 2) continue;
    const xs = withOpenEdges(levelsOf(g.v.map((v) => v.at)), g.h);
    const ys = withOpenEdges(levelsOf(g.h.map((h) => h.at)), g.v).reverse();
    if (xs.length < 2 || ys.length < 2 || (xs.length - 1) * (ys.length - 1) < 2) continue;
    tables.push({ xs, ys, cells: cellsOf(xs, ys, g.h, g.v) });
  }
  return tables.sort((p, q) => q.ys[0]! - p.ys[0]!);
}

/** An item whose text runs across a column line is split at its spaces, each part placed by its share of the width. */
function splitAcross(item: PageItem, xs: readonly number[]): PageItem[] {
  const crosses = xs.some((x) => x > item.x + SNAP && x < item.x + item.width - SNAP);
  if (!crosses || !/\S\s+\S/.test(item.str)) return [item];
  const perChar = item.width / item.str.length;
  return [...item.str.matchAll(/\S+/g)].map((m) => ({ ...item, str: m[0], x: item.x + m.index * perChar, width: m[0].length * perChar }));
}

/** The slot index of a position among ascending (or, with `down`, descending) boundaries; -1 outside. */
function slot(bounds: readonly number[], v: number, down = false): number {
  for (let i = 0; i + 1 < bounds.length; i++) {
    const [p, q] = down ? [bounds[i + 1]!, bounds[i]!] : [bounds[i]!, bounds[i + 1]!];
    if (v >= p && v < q) return i;
  }
  return -1;
}

/** Put each item into the table cell its middle falls in; items in no table are returned as free text. */
export function latticePage(rulings: Rulings, items: readonly PageItem[]): { tables: LatticeTable[]; free: PageItem[] } {
  const tables = tablesOf(rulings);
  if (tables.length === 0) return { tables, free: [...items] };
  const free: PageItem[] = [];
  for (const whole of items) {
    const middleY = whole.y + whole.size * 0.3;
    const table = tables.find((t) => middleY <= t.ys[0]! && middleY >= t.ys[t.ys.length - 1]! && whole.x + whole.width / 2 >= t.xs[0]! && whole.x + whole.width / 2 <= t.xs[t.xs.length - 1]!);
    if (!table) {
      free.push(whole);
      continue;
    }
    for (const item of splitAcross(whole, table.xs)) {
      const r = slot(table.ys, middleY, true);
      const c = slot(table.xs, item.x + item.width / 2);
      const cell = table.cells.find((k) => k.row <= r && r < k.row + k.rowSpan && k.col <= c && c < k.col + k.colSpan);
      if (cell) cell.items.push(item);
      else free.push(item);
    }
  }
  return { tables, free };
}
