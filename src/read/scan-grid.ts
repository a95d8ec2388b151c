/**
 * The tables of a scanned page, found from their ruling lines (the "lattice" way): long dark
 * runs make horizontal and vertical line segments; a vertical counts only where it runs from
 * one horizontal to another, and a horizontal only where two verticals meet it, so strokes of
 * characters, dashes and underlines are not taken for rules. Lines that touch make one table;
 * its cells are the spaces between rules, merged wherever the rule between two is absent
 * (rowspan and colspan), as a spreadsheet would have them.
 */
import type { GreyImage, Rect } from './grey-image.js';

/** A ruling line: `at` across it (y of a horizontal, x of a vertical), `from`…`to` along it. */
export interface Rule {
  at: number;
  from: number;
  to: number;
  thickness: number;
}

export interface GridCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  /** Between the centres of the rules around the cell. */
  box: Rect;
}

export interface TableGrid {
  box: Rect;
  rows: number;
  cols: number;
  /** In reading order: by first row, then by first column. */
  cells: GridCell[];
  /** The thickest rule, to keep it out of the cells' crops. */
  ruleWidth: number;
}

interface Geometry {
  /** Shortest horizontal rule, shortest vertical rule, gap bridged in a rule, slack where rules meet. */
  minAcross: number;
  minDown: number;
  gap: number;
  slack: number;
}

function geometry(dpi: number): Geometry {
  return { minAcross: Math.round(0.4 * dpi), minDown: Math.round(0.12 * dpi), gap: Math.max(2, Math.round(dpi / 100)), slack: Math.max(4, Math.round(0.03 * dpi)) };
}

/** A run of ink along one line of pixels (a row for horizontals, a column for verticals). */
interface Run {
  line: number;
  start: number;
  end: number;
}

/** Runs of ink along each row, bridging gaps of `gap` pixels, at least `minLength` long. */
function rowRuns(ink: Uint8Array, width: number, height: number, gap: number, minLength: number): Run[] {
  const runs: Run[] = [];
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let start = -1;
    let end = -1;
    for (let x = 0; x <= width; x++) {
      const dark = x < width && ink[row + x] === 1;
      if (dark && start >= 0 && x - end > gap + 1) {
        if (end - start + 1 >= minLength) runs.push({ line: y, start, end });
        start = x;
      } else if (dark && start < 0) start = x;
      if (dark) end = x;
    }
    if (start >= 0 && end - start + 1 >= minLength) runs.push({ line: y, start, end });
  }
  return runs;
}

/** Runs of ink down each column, found row by row (one pass over memory, a state per column). */
function columnRuns(ink: Uint8Array, width: number, height: number, gap: number, minLength: number): Run[] {
  const start = new Int32Array(width).fill(-1);
  const end = new Int32Array(width).fill(-1);
  const runs: Run[] = [];
  const close = (x: number) => {
    if (end[x]! - start[x]! + 1 >= minLength) runs.push({ line: x, start: start[x]!, end: end[x]! });
    start[x] = -1;
  };
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      if (ink[row + x] !== 1) {
        if (start[x]! >= 0 && y - end[x]! > gap) close(x);
        continue;
      }
      if (start[x]! < 0) start[x] = y;
      end[x] = y;
    }
  }
  for (let x = 0; x < width; x++) if (start[x]! >= 0) close(x);
  return runs.sort((a, b) => a.line - b.line || a.start - b.start);
}

/** Runs on neighbouring lines that overlap along most of their length make one rule. */
function mergeRuns(runs: readonly Run[]): Rule[] {
  interface Open { from: number; to: number; first: number; last: number }
  const open: Open[] = [];
  const done: Rule[] = [];
  const close = (o: Open) => done.push({ at: (o.first + o.last) / 2, from: o.from, to: o.to, thickness: o.last - o.first + 1 });
  for (const { line, start, end } of runs) {
    for (let k = open.length - 1; k >= 0; k--) {
      if (open[k]!.last < line - 1) close(open.splice(k, 1)[0]!);
    }
    const joined = open.find((o) => o.last >= line - 1 && o.first <= line && Math.min(o.to, end) - Math.max(o.from, start) > 0.5 * Math.min(o.to - o.from, end - start));
    if (joined) {
      joined.from = Math.min(joined.from, start);
      joined.to = Math.max(joined.to, end);
      joined.last = line;
    } else open.push({ from: start, to: end, first: line, last: line });
  }
  open.forEach(close);
  return done;
}

/** Does rule `a` meet rule `b` (running the other way) within the slack? */
function meets(a: Rule, b: Rule, slack: number): boolean {
  const reach = slack + (a.thickness + b.thickness) / 2;
  return b.at >= a.from - reach && b.at <= a.to + reach && a.at >= b.from - reach && a.at <= b.to + reach;
}

/** Does vertical v end on a horizontal at both its ends? */
function bounded(v: Rule, across: readonly Rule[], slack: number): boolean {
  const endsOn = (y: number) => across.some((h) => Math.abs(h.at - y) <= slack + h.thickness && v.at >= h.from - slack && v.at <= h.to + slack);
  return endsOn(v.from) && endsOn(v.to);
}

/** The rules of an image that belong to tables, horizontal and vertical. */
export function findRules(image: GreyImage, threshold: number, dpi: number): { across: Rule[]; down: Rule[] } {
  const g = geometry(dpi);
  const { width, height, data } = image;
  const ink = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) ink[i] = data[i]! < threshold ? 1 : 0;
  let across = mergeRuns(rowRuns(ink, width, height, g.gap, g.minAcross));
  let down = mergeRuns(columnRuns(ink, width, height, g.gap, g.minDown));
  for (let round = 0; round < 2; round++) {
    down = down.filter((v) => bounded(v, across, g.slack));
    across = across.filter((h) => down.filter((v) => meets(h, v, g.slack)).length >= 2);
  }
  return { across, down };
}

/** Positions within `slack` of each other are one rule position (the mean). */
function clusterPositions(values: readonly number[], slack: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const groups: number[][] = [];
  for (const v of sorted) {
    const last = groups.at(-1);
    if (last && v - last.at(-1)! <= slack) last.push(v);
    else groups.push([v]);
  }
  return groups.map((grp) => grp.reduce((s, v) => s + v, 0) / grp.length);
}

function makeFind(parent: number[]): (i: number) => number {
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  return find;
}

/** Cells of one table: the elementary spaces between rule positions, merged across absent rules. */
function gridOf(across: readonly Rule[], down: readonly Rule[], slack: number): TableGrid | null {
  const ys = clusterPositions(across.map((h) => h.at), slack);
  const xs = clusterPositions(down.map((v) => v.at), slack);
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  if (rows < 1 || cols < 1) return null;
  const covers = (rules: readonly Rule[], at: number, along: number) => rules.some((r) => Math.abs(r.at - at) <= slack + r.thickness && r.from - slack <= along && r.to + slack >= along);
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const find = makeFind(parent);
  const join = (a: number, b: number) => {
    parent[find(a)] = find(b);
  };
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const midY = (ys[r]! + ys[r + 1]!) / 2;
      const midX = (xs[c]! + xs[c + 1]!) / 2;
      if (c + 1 < cols && !covers(down, xs[c + 1]!, midY)) join(r * cols + c, r * cols + c + 1);
      if (r + 1 < rows && !covers(across, ys[r + 1]!, midX)) join(r * cols + c, (r + 1) * cols + c);
    }
  }
  const spans = new Map<number, { r0: number; r1: number; c0: number; c1: number }>();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const root = find(r * cols + c);
      const s = spans.get(root);
      if (!s) spans.set(root, { r0: r, r1: r, c0: c, c1: c });
      else Object.assign(s, { r0: Math.min(s.r0, r), r1: Math.max(s.r1, r), c0: Math.min(s.c0, c), c1: Math.max(s.c1, c) });
    }
  }
  const cells = [...spans.values()]
    .map((s) => ({ row: s.r0, col: s.c0, rowSpan: s.r1 - s.r0 + 1, colSpan: s.c1 - s.c0 + 1, box: { x0: Math.round(xs[s.c0]!), y0: Math.round(ys[s.r0]!), x1: Math.round(xs[s.c1 + 1]!), y1: Math.round(ys[s.r1 + 1]!) } }))
    .sort((a, b) => a.row - b.row || a.col - b.col);
  const ruleWidth = Math.max(...across.map((h) => h.thickness), ...down.map((v) => v.thickness));
  return { box: { x0: Math.round(xs[0]!), y0: Math.round(ys[0]!), x1: Math.round(xs[cols]!), y1: Math.round(ys[rows]!) }, rows, cols, cells, ruleWidth };
}

/** The ruled tables of a page image, top to bottom. */
export function findTables(image: GreyImage, threshold: number, dpi: number): TableGrid[] {
  const { slack } = geometry(dpi);
  const { across, down } = findRules(image, threshold, dpi);
  const all = [...across.map((r) => ({ r, across: true })), ...down.map((r) => ({ r, across: false }))];
  const parent = all.map((_, i) => i);
  const find = makeFind(parent);
  for (let i = 0; i < all.length; i++) {
    for (let j = 0; j < all.length; j++) {
      if (all[i]!.across && !all[j]!.across && meets(all[i]!.r, all[j]!.r, slack)) parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, typeof all>();
  all.forEach((line, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), line]));
  const tables: TableGrid[] = [];
  for (const lines of groups.values()) {
    const grid = gridOf(lines.filter((l) => l.across).map((l) => l.r), lines.filter((l) => !l.across).map((l) => l.r), slack);
    if (grid) tables.push(grid);
  }
  return tables.sort((a, b) => a.box.y0 - b.box.y0);
}
