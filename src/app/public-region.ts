/**
 * A region's public page of annual reports, for anyone, no sign-in: every body of the region and
 * the regions below it, with its report of the year — the publication date, on time or late, how
 * many errors the checks found — or 未发布 when none was published; and the region's clean data
 * (each body's corrected tables under the canonical keys of shared/spec/annual-report.md) as CSV
 * and JSON. Observed bodies are listed too: these are published reports, not application forms.
 *
 * Off by default: the administrator, or a supervisor who oversees every body of the region,
 * switches a region on (audited). A region that is off answers “not found”, exactly like one that
 * does not exist. A finding a supervisor dismissed (a late date with a good reason) is not counted.
 */
import { actorId, isAdmin, type SessionUser } from '../accounts/permissions.js';
import { subtreeCodes, type RegionRecord } from '../directory/tree.js';
import { regionOptions } from '../indicators/regions.js';
import { forEachCell } from '../model/report.js';
import { BODY_LEVEL_LABELS, type BodyLevel } from '../register/bodies.js';
import { csvLine } from '../corpus/outputs.js';
import { writeAudit } from '../store/audit.js';
import { BodyYearsStore, type YearReport, type YearTables } from '../store/body-years-store.js';
import { IndicatorStore } from '../store/indicator-store.js';
import { RegionStore } from '../store/region-store.js';
import type { AppServices } from './context.js';
import type { FileDownload } from './download.js';
import { forbidden, notFound } from './errors.js';
import { insideScopeRegions, maySetThresholds } from './indicators.js';
import { requireSupervisor } from './supervision/access.js';
import { withFingerprints } from './supervision/fingerprint.js';

/** A region that is on, with its bodies (every level below it), or “not found”. */
async function openRegion(s: AppServices, code: string) {
  const store = new BodyYearsStore(s.db);
  const regions = await new RegionStore(s.db).all();
  const region = regions.find((r) => r.code === code);
  if (!region || !(await store.publicRegion(code))) throw notFound('地区公开页');
  const codes = subtreeCodes(regions, code);
  const names = new Map(regions.map((r) => [r.code, r.name]));
  const bodies = (await new IndicatorStore(s.db).bodies({ id: 0, all: true, bodies: [] }))
    .filter((b) => b.regionCode !== null && codes.has(b.regionCode))
    .sort((a, b) => (a.regionCode! < b.regionCode! ? -1 : a.regionCode! > b.regionCode! ? 1 : a.name.localeCompare(b.name, 'zh')));
  return { store, region, bodies, names };
}

/** The regions whose public page is on, by code, for the public's index. */
export async function publicRegionList(s: AppServices) {
  const [on, regions] = await Promise.all([new BodyYearsStore(s.db).publicRegions(), new RegionStore(s.db).all()]);
  const names = new Map(regions.map((r) => [r.code, r.name]));
  return { regions: on.flatMap((code) => (names.has(code) ? [{ code, name: names.get(code)! }] : [])) };
}

/** The year asked for, else the newest with a report in the region, else last year. */
async function yearOf(s: AppServices, store: BodyYearsStore, ids: readonly string[], year: number | undefined) {
  const years = await store.years(ids);
  return { year: year ?? years[0] ?? Number(s.today().slice(0, 4)) - 1, years };
}

type Status = 'onTime' | 'late' | 'excused' | 'undated' | 'unreadable' | 'missing';
const STATUS_LABELS: Record<Status, string> = {
  onTime: '按时发布', late: '逾期发布', excused: '延后发布（监督机关已认可）', undated: '未载明发布日期', unreadable: '已发布（未能读取表格）', missing: '未发布',
};

/**
 * A body's line: its report's check status, the findings a supervisor dismissed left out — but a
 * late date stays a late date: dismissed (a delay the supervisor accepted), it is said as such.
 */
function lineOf(r: YearReport<Pick<YearTables, 'unit'>> | undefined, dismissed: ReadonlySet<string>) {
  if (!r) return { status: 'missing' as Status, publishedOn: null, errors: null, warnings: null };
  if (r.error || !r.model) return { status: 'unreadable' as Status, publishedOn: r.publishedOn, errors: null, warnings: null };
  const all = withFingerprints(r.findings, { bodyId: r.bodyId, unit: r.model.unit }, r.year);
  const standing = all.filter((f) => !dismissed.has(`${r.bodyId}|${f.fingerprint}`));
  const late = standing.some((f) => f.code === 'PUB.LATE');
  const excused = !late && all.some((f) => f.code === 'PUB.LATE');
  const status: Status = late ? 'late' : excused ? 'excused' : r.publishedOn ? 'onTime' : 'undated';
  return { status, publishedOn: r.publishedOn, errors: standing.filter((f) => f.severity === 'error').length, warnings: standing.filter((f) => f.severity === 'warning').length };
}

/** The public list of a region's reports of a year, with its totals. */
export async function publicRegionReports(s: AppServices, q: { code: string; year?: number | undefined }) {
  const { store, region, bodies, names } = await openRegion(s, q.code);
  const ids = bodies.map((b) => b.id);
  const { year, years } = await yearOf(s, store, ids, q.year);
  const reports = new Map((await store.statusOfYear(ids, year)).map((r) => [r.bodyId, r]));
  const dismissed = await store.dismissed(ids, year);
  const lines = bodies.map((b) => {
    const line = lineOf(reports.get(b.id), dismissed);
    return { id: b.id, name: b.name, levelLabel: BODY_LEVEL_LABELS[b.level as BodyLevel], regionName: names.get(b.regionCode!) ?? null, ...line, statusLabel: STATUS_LABELS[line.status] };
  });
  const count = (p: (l: (typeof lines)[number]) => boolean) => lines.filter(p).length;
  return {
    region: { code: region.code, name: region.name },
    year,
    years: [...new Set([year, ...years])].sort((a, b) => b - a),
    totals: {
      bodies: lines.length,
      published: count((l) => l.status !== 'missing'),
      late: count((l) => l.status === 'late'),
      missing: count((l) => l.status === 'missing'),
      withErrors: count((l) => (l.errors ?? 0) > 0),
    },
    bodies: lines,
  };
}

export const DATA_CSV_HEADER = ['body_id', 'body', 'year', 'published_on', 'template', 'table', 'row', 'column', 'value'];

/** The region's readable reports of the year with their corrected tables, keyed as the canonical model. */
async function cleanReports(s: AppServices, q: { code: string; year?: number | undefined }) {
  const { store, region, bodies } = await openRegion(s, q.code);
  const ids = bodies.map((b) => b.id);
  const { year } = await yearOf(s, store, ids, q.year);
  const reports = new Map((await store.ofYear(ids, year)).map((r) => [r.bodyId, r]));
  const rows = bodies.flatMap((b) => {
    const r = reports.get(b.id);
    return r?.model && !r.error ? [{ body: b, report: r, model: r.model }] : [];
  });
  return { region, year, rows };
}

/** The region's clean data of a year as CSV (one row per cell, long format) or JSON (one object per report). */
export async function publicRegionData(s: AppServices, q: { code: string; year?: number | undefined; format: 'csv' | 'json' }): Promise<FileDownload> {
  const { region, year, rows } = await cleanReports(s, q);
  const base = `${region.name}${year}年度报告数据`;
  if (q.format === 'csv') {
    const lines = [csvLine(DATA_CSV_HEADER)];
    for (const { body, report, model } of rows) {
      forEachCell(model, (table, row, column, value) => lines.push(csvLine([body.id, body.name, year, report.publishedOn, model.template, table, row, column, value])));
    }
    // A BOM, so Excel opens the Chinese names as UTF-8.
    return { bytes: new TextEncoder().encode(`\ufeff${lines.join('')}`), type: 'text/csv; charset=utf-8', fileName: `${base}.csv`, asciiName: `region-${region.code}-${year}.csv` };
  }
  const json = {
    schema: 'gongkai.region-reports/v1',
    region: { code: region.code, name: region.name },
    year,
    reports: rows.map(({ body, report, model }) => ({
      bodyId: body.id, body: body.name, year, publishedOn: report.publishedOn, template: model.template,
      proactive: model.proactive, applications: model.applications, appeals: model.appeals,
    })),
  };
  return { bytes: new TextEncoder().encode(JSON.stringify(json, null, 2)), type: 'application/json; charset=utf-8', fileName: `${base}.json`, asciiName: `region-${region.code}-${year}.json` };
}

// ─── The setting ─────────────────────────────────────────────────────────────────────────────

/**
 * The regions of the supervisor's scope (in tree order), each with whether its public page is on,
 * whether this user may switch it (the administrator; a supervisor overseeing all its bodies) and
 * the bodies of the scope placed in it (their pages are linked from there).
 */
export async function publicRegionSettings(s: AppServices, user: SessionUser) {
  requireSupervisor(user);
  const [regions, bodies, on] = await Promise.all([
    new RegionStore(s.db).all(), new IndicatorStore(s.db).bodies({ id: 0, all: true, bodies: [] }), new BodyYearsStore(s.db).publicRegions(),
  ]);
  const byCode = new Map<string, RegionRecord>(regions.map((r) => [r.code, r]));
  const seen = new Set(user.bodies);
  const mine = isAdmin(user) ? bodies : bodies.filter((b) => seen.has(b.id));
  // A region is not wholly overseen when some body below it is outside the set.
  const partial = new Set<string>();
  for (const b of bodies) {
    if (isAdmin(user) || seen.has(b.id)) continue;
    for (let r = b.regionCode ? byCode.get(b.regionCode) : undefined; r && !partial.has(r.code); r = r.parentCode ? byCode.get(r.parentCode) : undefined) partial.add(r.code);
  }
  const published = new Set(on);
  return {
    regions: regionOptions(byCode, mine.map((b) => b.regionCode)).map((r) => ({
      ...r, public: published.has(r.code), canSet: !partial.has(r.code) && (isAdmin(user) || insideScopeRegions(user, regions, r.code)),
      bodies: mine.filter((b) => b.regionCode === r.code).map((b) => ({ id: b.id, name: b.name })),
    })),
  };
}

/** Switch a region's public page on or off; audited. */
export async function setPublicRegion(s: AppServices, user: SessionUser, input: { code: string; on: boolean }) {
  requireSupervisor(user);
  const regions = await new RegionStore(s.db).all();
  const region = regions.find((r) => r.code === input.code);
  if (!region) throw notFound('地区');
  const visible = isAdmin(user) || (await publicRegionSettings(s, user)).regions.some((r) => r.code === region.code);
  if (!visible) throw notFound('地区');
  if (!(await maySetThresholds(s, user, regions, region.code))) throw forbidden(`只有监督“${region.name}”全部机关的监督者或管理员可以开通或关闭该地区的公开页`);
  await s.db.transaction(async (tx) => {
    const was = await BodyYearsStore.setPublicRegion(tx, region.code, input.on, actorId(user));
    if (was !== input.on) {
      await writeAudit(tx, actorId(user), input.on ? 'set' : 'delete', 'public-region-page', region.code, was ? { region: region.name } : null, input.on ? { region: region.name } : null);
    }
  });
  return publicRegionSettings(s, user);
}

