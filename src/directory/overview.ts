/**
 * The region overview of a supervisor's scope: for a year, how many bodies a region has, how
 * many reported, reported late, did not report, reported with errors — for the region and for
 * each region below it — and the bodies × years table, filtered, sorted and paged. Pure: the
 * bodies, their published reports and the regions come in, the figures go out.
 *
 * A body's report of a year is its latest readable upload (an unreadable one only when nothing
 * else was read), as in the 问题清单; its other uploads of that year are listed beside it.
 */
import { BODY_LEVELS, type BodyLevel } from '../register/bodies.js';
import type { RegionRecord } from './tree.js';

export interface OverviewBody {
  id: string;
  name: string;
  level: BodyLevel;
  regionCode: string | null;
}

/** One upload as the overview counts it. */
export interface OverviewReport {
  id: number;
  bodyId: string;
  year: number;
  fileName: string;
  error: string | null;
  errors: number;
  warnings: number;
  late: boolean;
  similar: boolean;
}

/** 已报送 (on time), 逾期发布, 无法读取 (only unreadable uploads), 缺报. */
export type CellStatus = 'reported' | 'late' | 'unreadable' | 'missing';

export const CELL_STATUS_LABELS: Record<CellStatus, string> = { reported: '按时报送', late: '逾期发布', unreadable: '无法读取', missing: '缺报' };

/** What the status filter offers: 已报送 covers on time, late and unreadable alike. */
export const STATUS_FILTERS = ['reported', 'late', 'missing', 'unreadable'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];
export const STATUS_FILTER_LABELS: Record<StatusFilter, string> = { reported: '已报送', late: '逾期发布', missing: '缺报', unreadable: '无法读取' };

export interface Cell {
  year: number;
  status: CellStatus;
  /** The report that counts (null: 缺报), first; then the body's other uploads of the year. */
  reports: OverviewReport[];
}

export interface Totals {
  bodies: number;
  /** Bodies with at least one upload of the year (late and unreadable ones included). */
  reported: number;
  late: number;
  missing: number;
  unreadable: number;
  /** Bodies whose report of the year has at least one error. */
  withErrors: number;
}

/** The reports of a scope arranged by body and year, latest upload first. */
export class ReportIndex {
  private readonly byCell = new Map<string, OverviewReport[]>();
  readonly years: number[];

  /** `reports` latest upload first. */
  constructor(reports: readonly OverviewReport[]) {
    const years = new Set<number>();
    for (const r of reports) {
      const key = `${r.bodyId}|${r.year}`;
      const list = this.byCell.get(key);
      if (list) list.push(r);
      else this.byCell.set(key, [r]);
      years.add(r.year);
    }
    this.years = [...years].sort((a, b) => b - a);
  }

  cell(bodyId: string, year: number): Cell {
    const all = this.byCell.get(`${bodyId}|${year}`) ?? [];
    const counted = all.find((r) => r.error === null) ?? all[0];
    if (!counted) return { year, status: 'missing', reports: [] };
    const status: CellStatus = counted.error !== null ? 'unreadable' : counted.late ? 'late' : 'reported';
    return { year, status, reports: [counted, ...all.filter((r) => r !== counted)] };
  }
}

/** The errors of a cell's counted report (0 when missing or unreadable). */
export const cellErrors = (c: Cell): number => (c.status === 'reported' || c.status === 'late' ? c.reports[0]!.errors : 0);

export function totalsOf(bodies: readonly OverviewBody[], index: ReportIndex, year: number): Totals {
  const t: Totals = { bodies: bodies.length, reported: 0, late: 0, missing: 0, unreadable: 0, withErrors: 0 };
  for (const b of bodies) {
    const c = index.cell(b.id, year);
    if (c.status === 'missing') t.missing++;
    else t.reported++;
    if (c.status === 'late') t.late++;
    if (c.status === 'unreadable') t.unreadable++;
    if (cellErrors(c) > 0) t.withErrors++;
  }
  return t;
}

/** The regions below each region (by code), for subtree walks. */
export class RegionTree {
  readonly byCode: Map<string, RegionRecord>;
  private readonly children = new Map<string, RegionRecord[]>();
  private readonly chains = new Map<string, readonly RegionRecord[]>();

  constructor(regions: readonly RegionRecord[]) {
    this.byCode = new Map(regions.map((r) => [r.code, r]));
    for (const r of regions) {
      if (!r.parentCode || !this.byCode.has(r.parentCode)) continue;
      const list = this.children.get(r.parentCode);
      if (list) list.push(r);
      else this.children.set(r.parentCode, [r]);
    }
    for (const list of this.children.values()) list.sort((a, b) => a.code.localeCompare(b.code));
  }

  childrenOf(code: string): RegionRecord[] {
    return this.children.get(code) ?? [];
  }

  /** The region and every region above it, top first (stops at a missing parent or a loop); kept, as every body asks it again. */
  chain(code: string): readonly RegionRecord[] {
    let out = this.chains.get(code);
    if (!out) {
      const up: RegionRecord[] = [];
      for (let r = this.byCode.get(code); r && !up.includes(r); r = r.parentCode ? this.byCode.get(r.parentCode) : undefined) up.unshift(r);
      out = up;
      this.chains.set(code, out);
    }
    return out;
  }

  /** Whether `code` is `top` or lies below it. */
  within(code: string | null, top: string): boolean {
    if (code === null) return false;
    return this.chain(code).some((r) => r.code === top);
  }

  /** The child of `top` whose subtree holds `code` (null: `code` is `top` itself, or not below it). */
  branchOf(code: string | null, top: string): string | null {
    if (code === null) return null;
    const chain = this.chain(code);
    const at = chain.findIndex((r) => r.code === top);
    return at >= 0 && at + 1 < chain.length ? chain[at + 1]!.code : null;
  }
}

/** A line of the region overview: a region below (its whole subtree), the region's own bodies, or the bodies outside every region shown. */
export interface RegionLine {
  kind: 'region' | 'own' | 'other';
  code: string | null;
  name: string;
  totals: Totals;
}

/**
 * The lines under `top` (null: the whole scope): each region directly below with a body of the
 * scope in its subtree, then the region's own bodies (its government, departments and offices);
 * at the top of the scope, each region holding part of it, and the bodies outside any of them.
 */
export function regionLines(tree: RegionTree, top: string | null, bodies: readonly OverviewBody[], tops: readonly string[], index: ReportIndex, year: number): RegionLine[] {
  const groups = new Map<string | null, OverviewBody[]>();
  const add = (key: string | null, b: OverviewBody) => {
    const list = groups.get(key);
    if (list) list.push(b);
    else groups.set(key, [b]);
  };
  const lines: RegionLine[] = [];
  if (top !== null) {
    for (const b of bodies) add(b.regionCode === top ? top : tree.branchOf(b.regionCode, top), b);
    for (const r of tree.childrenOf(top)) {
      const list = groups.get(r.code);
      if (list) lines.push({ kind: 'region', code: r.code, name: r.name, totals: totalsOf(list, index, year) });
    }
    const own = groups.get(top);
    if (own) lines.push({ kind: 'own', code: top, name: `${tree.byCode.get(top)?.name ?? top}本级`, totals: totalsOf(own, index, year) });
    const other = groups.get(null);
    if (other) lines.push({ kind: 'other', code: null, name: '其他机关', totals: totalsOf(other, index, year) });
    return lines;
  }
  for (const b of bodies) add(tops.find((t) => tree.within(b.regionCode, t)) ?? null, b);
  for (const t of tops) {
    const list = groups.get(t);
    if (list) lines.push({ kind: 'region', code: t, name: tree.byCode.get(t)?.name ?? t, totals: totalsOf(list, index, year) });
  }
  const other = groups.get(null);
  if (other) lines.push({ kind: 'other', code: null, name: '未归入地区的机关', totals: totalsOf(other, index, year) });
  return lines;
}

/** The top of each body's region chain (sorted): where an administrator's view starts. Bodies without a kept region have none. */
export function topRegions(tree: RegionTree, codes: Iterable<string | null>): string[] {
  const tops = new Set<string>();
  for (const c of new Set(codes)) if (c !== null && tree.byCode.has(c)) tops.add(tree.chain(c)[0]!.code);
  return [...tops].sort();
}

// ─── The bodies × years table ───────────────────────────────────────────────────────────────

export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

export interface TableQuery {
  year: number;
  level?: BodyLevel | undefined;
  status?: StatusFilter | undefined;
  /** Only bodies whose report of the year has an error. */
  errors?: boolean | undefined;
  q?: string | undefined;
  /** name, level, region, or y<year> (a year's column: worst first when descending). */
  sort?: string | undefined;
  dir?: SortDirection | undefined;
}

export interface TableRow {
  body: OverviewBody;
  regionName: string | null;
  cells: Cell[];
}

const STATUS_RANK: Record<CellStatus, number> = { reported: 0, late: 1, unreadable: 2, missing: 3 };

function matchesStatus(c: Cell, status: StatusFilter): boolean {
  return status === 'reported' ? c.status !== 'missing' : c.status === status;
}

const collator = new Intl.Collator('zh', { numeric: true });

/** The bodies in name order (pinyin, then id): the table's order before any sort, computed once per scope. */
export function byName(bodies: readonly OverviewBody[]): OverviewBody[] {
  return [...bodies].sort((a, b) => collator.compare(a.name, b.name) || a.id.localeCompare(b.id));
}

/** A year column's order: on time without errors first, then more errors, late, unreadable, missing last. */
function cellOrder(a: Cell, b: Cell): number {
  return STATUS_RANK[a.status] - STATUS_RANK[b.status] || cellErrors(a) - cellErrors(b) || (a.reports[0]?.warnings ?? 0) - (b.reports[0]?.warnings ?? 0);
}

/**
 * The rows that pass the filters, in the order asked: `bodies` come in name order (`byName`), which
 * a sort keeps among equals; by region is by 行政区划代码, so the regions stand in the tree's order.
 */
export function tableRows(bodies: readonly OverviewBody[], index: ReportIndex, years: readonly number[], regionName: (code: string | null) => string | null, q: TableQuery): TableRow[] {
  const needle = q.q?.trim().toLowerCase() ?? '';
  const rows: TableRow[] = [];
  for (const body of bodies) {
    if (q.level && body.level !== q.level) continue;
    if (needle && !body.name.toLowerCase().includes(needle)) continue;
    const chosen = index.cell(body.id, q.year);
    if (q.status && !matchesStatus(chosen, q.status)) continue;
    if (q.errors && cellErrors(chosen) === 0) continue;
    rows.push({ body, regionName: regionName(body.regionCode), cells: years.map((y) => (y === q.year ? chosen : index.cell(body.id, y))) });
  }
  const sortYear = /^y(\d{4})$/.exec(q.sort ?? '');
  const column = sortYear ? years.indexOf(Number(sortYear[1])) : -1;
  const key: ((a: TableRow, b: TableRow) => number) | null =
    q.sort === 'level' ? (a, b) => BODY_LEVELS.indexOf(a.body.level) - BODY_LEVELS.indexOf(b.body.level)
    : q.sort === 'region' ? (a, b) => (a.body.regionCode ?? '').localeCompare(b.body.regionCode ?? '')
    : column >= 0 ? (a, b) => cellOrder(a.cells[column]!, b.cells[column]!)
    : null;
  const desc = q.dir === 'desc';
  if (!key) return desc ? rows.reverse() : rows;
  // A stable sort: equals stay in name order, whichever way the column goes.
  return rows.sort((a, b) => (desc ? key(b, a) : key(a, b)));
}
