/**
 * The region overview of the supervisor's scope: for a year, the totals of a region (bodies,
 * reported, late, missing, unreadable, with errors) and of each region below it, to drill down;
 * and the bodies × years table of the region, filtered, sorted and paged, or exported to Excel
 * as filtered.
 *
 * Scope: a supervisor may open a region inside their scope regions (or, with extra bodies only,
 * a region holding one of them); any other region is answered “not found”, like one that does
 * not exist. The administrator sees every region.
 *
 * What a scope's figures are read from — its bodies, their reports' status columns, the regions —
 * is kept per scope until the data's versions move (triggers move them on every change to
 * reports, bodies, regions or scopes): a supervisor drills down and pages through thousands of
 * bodies, and only the version check touches the database.
 */
import { actorId, isAdmin, type SessionUser } from '../../accounts/permissions.js';
import { overviewWorkbook } from '../../directory/overview-workbook.js';
import {
  byName,
  CELL_STATUS_LABELS,
  cellErrors,
  RegionTree,
  ReportIndex,
  regionLines,
  tableRows,
  topRegions,
  totalsOf,
  type Cell,
  type OverviewBody,
  type TableQuery,
} from '../../directory/overview.js';
import { BODY_LEVEL_LABELS } from '../../register/bodies.js';
import { writeAudit } from '../../store/audit.js';
import { OverviewStore } from '../../store/overview-store.js';
import { RegionStore } from '../../store/region-store.js';
import type { AppServices } from '../context.js';
import { XLSX, type FileDownload } from '../download.js';
import { notFound } from '../errors.js';
import { requireSupervisor, viewerOf } from './access.js';
import { keptOr, scopeKey } from './kept.js';

export const TABLE_PAGE_SIZE = 50;
const EXPORT_LIMIT = 50_000;

export interface RegionQuery {
  region?: string | undefined;
  year?: number | undefined;
}

/** The table's filters and sort (the year optional: last year when absent), a region and a page. */
export interface BodiesQuery extends RegionQuery, Omit<TableQuery, 'year'> {
  page?: number | undefined;
}

interface ScopeData {
  bodies: OverviewBody[];
  index: ReportIndex;
  tree: RegionTree;
}

// A province's scope is some megabytes of rows; a server keeps a few scopes, not every one ever opened.
const MAX_KEPT = 20;

/** The scope's bodies, reports and regions, read again only when the data's versions moved. */
async function scopeData(s: AppServices, user: SessionUser): Promise<ScopeData> {
  const store = new OverviewStore(s.db);
  const viewer = viewerOf(user);
  return keptOr(s, 'overview', `${await store.versions()}|${scopeKey(viewer)}`, MAX_KEPT, async () => {
    const [bodies, reports, regions] = await Promise.all([store.bodies(viewer), store.reports(viewer), new RegionStore(s.db).all()]);
    return { bodies: byName(bodies), index: new ReportIndex(reports), tree: new RegionTree(regions) };
  });
}

/** The regions a user's view starts from: their scope regions, or for the administrator the tops of the tree. */
function topsOf(user: SessionUser, data: ScopeData): string[] {
  const mine = (user.scopeRegions ?? []).filter((c) => data.tree.byCode.has(c));
  return mine.length || !isAdmin(user) ? mine : topRegions(data.tree, data.bodies.map((b) => b.regionCode));
}

/** Whether the user may open `code`: inside their scope regions, or holding one of their bodies when they have none. */
function mayOpen(user: SessionUser, data: ScopeData, code: string): boolean {
  if (!data.tree.byCode.has(code)) return false;
  if (isAdmin(user)) return true;
  const regions = user.scopeRegions ?? [];
  if (regions.length) return regions.some((r) => data.tree.within(code, r));
  return data.bodies.some((b) => data.tree.within(b.regionCode, code));
}

/**
 * The region asked for (checked against the scope), or where the view starts: the one region
 * at the top of the scope, or none (the whole scope, several regions or bodies outside any).
 */
function chosenRegion(user: SessionUser, data: ScopeData, asked: string | undefined): { top: string | null; tops: string[] } {
  const tops = topsOf(user, data);
  if (asked) {
    if (!mayOpen(user, data, asked)) throw notFound('地区');
    return { top: asked, tops };
  }
  const outside = data.bodies.some((b) => !tops.some((t) => data.tree.within(b.regionCode, t)));
  return { top: tops.length === 1 && !outside ? tops[0]! : null, tops };
}

/** The bodies of the view: in the region's subtree, or the whole scope. */
const bodiesIn = (data: ScopeData, top: string | null) => (top === null ? data.bodies : data.bodies.filter((b) => data.tree.within(b.regionCode, top)));

/** The years shown: every year with a report in scope and last year (the one due now), newest first. */
function yearsOf(s: AppServices, data: ScopeData): number[] {
  const lastYear = Number(s.today().slice(0, 4)) - 1;
  return [...new Set([lastYear, ...data.index.years])].sort((a, b) => b - a);
}

async function viewOf(s: AppServices, user: SessionUser, q: RegionQuery) {
  requireSupervisor(user);
  const data = await scopeData(s, user);
  const { top, tops } = chosenRegion(user, data, q.region);
  const years = yearsOf(s, data);
  const year = q.year ?? Number(s.today().slice(0, 4)) - 1;
  return { data, top, tops, years: years.includes(year) ? years : [...years, year].sort((a, b) => b - a), year, bodies: bodiesIn(data, top) };
}

/** The path from the top of the user's view down to the region: where the breadcrumbs go. */
function trail(user: SessionUser, data: ScopeData, top: string | null, tops: readonly string[]) {
  if (top === null) return [];
  const chain = data.tree.chain(top);
  const from = isAdmin(user) ? 0 : Math.max(0, chain.findIndex((r) => tops.includes(r.code)));
  return chain.slice(from).map((r) => ({ code: r.code, name: r.name }));
}

/** The region's totals for the year and each line below it, to drill down. */
export async function regionOverview(s: AppServices, user: SessionUser, q: RegionQuery) {
  const { data, top, tops, years, year, bodies } = await viewOf(s, user, q);
  const region = top === null ? null : data.tree.byCode.get(top)!;
  return {
    year, years,
    region: region ? { code: region.code, name: region.name, level: region.level } : null,
    trail: trail(user, data, top, tops),
    /** Whether the view starts above the regions (several regions, or bodies outside them): the breadcrumbs begin there. */
    wholeScope: chosenRegion(user, data, undefined).top === null,
    totals: totalsOf(bodies, data.index, year),
    lines: regionLines(data.tree, top, bodies, tops, data.index, year),
    unplaced: top === null || q.region === undefined ? await new OverviewStore(s.db).unplaced(viewerOf(user)) : [],
  };
}

const cellView = (c: Cell) => ({
  year: c.year, status: c.status, statusLabel: CELL_STATUS_LABELS[c.status], errors: cellErrors(c),
  reports: c.reports.map(({ id, fileName, error, errors, warnings, late, similar }) => ({ id, fileName, error, errors, warnings, late, similar })),
});

async function rowsOf(s: AppServices, user: SessionUser, q: BodiesQuery) {
  const v = await viewOf(s, user, q);
  const regionName = (code: string | null) => (code === null ? null : v.data.tree.byCode.get(code)?.name ?? null);
  const query: TableQuery = { year: v.year, level: q.level, status: q.status, errors: q.errors, q: q.q, sort: q.sort, dir: q.dir };
  return { ...v, rows: tableRows(v.bodies, v.data.index, v.years, regionName, query) };
}

/** One page of the bodies × years table of the region (or the whole scope), filtered and sorted. */
export async function bodiesTable(s: AppServices, user: SessionUser, q: BodiesQuery) {
  const { rows, years, year } = await rowsOf(s, user, q);
  const pages = Math.max(1, Math.ceil(rows.length / TABLE_PAGE_SIZE));
  const page = Math.min(Math.max(1, q.page ?? 1), pages);
  return {
    year, years, total: rows.length, page, pages, pageSize: TABLE_PAGE_SIZE,
    rows: rows.slice((page - 1) * TABLE_PAGE_SIZE, page * TABLE_PAGE_SIZE).map((r) => ({
      id: r.body.id, name: r.body.name, level: r.body.level, levelLabel: BODY_LEVEL_LABELS[r.body.level], regionName: r.regionName,
      cells: r.cells.map(cellView),
    })),
  };
}

/** The table as filtered and sorted, every page, as an Excel workbook (logged as an export). */
export async function exportBodiesTable(s: AppServices, user: SessionUser, q: BodiesQuery): Promise<FileDownload> {
  const { rows, years, year, data, top, bodies, tops } = await rowsOf(s, user, q);
  const where = top === null ? '监督范围' : data.tree.byCode.get(top)!.name;
  const bytes = await overviewWorkbook({
    where, year, years,
    rows: rows.slice(0, EXPORT_LIMIT).map((r) => ({ name: r.body.name, levelLabel: BODY_LEVEL_LABELS[r.body.level], regionName: r.regionName, cells: r.cells.map((c) => ({ status: c.status, errors: cellErrors(c), warnings: c.reports[0]?.warnings ?? 0, reports: c.reports.length })) })),
    total: rows.length,
    totals: totalsOf(bodies, data.index, year),
    lines: regionLines(data.tree, top, bodies, tops, data.index, year),
  });
  await writeAudit(s.db, actorId(user), 'export', 'overview', top ?? 'scope', null, { conditions: { ...q, page: undefined }, count: Math.min(rows.length, EXPORT_LIMIT) });
  return { bytes, type: XLSX, fileName: `${where}${year}年度报告情况.xlsx`, asciiName: `overview-${year}.xlsx` };
}
