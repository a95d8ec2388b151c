/**
 * Use cases of the indicators: their definitions (public), the bodies × indicators table of a
 * region and year within the supervisor's scope (with the region's totals, distribution, ranks,
 * change on last year and flags under the region's thresholds), the same as an Excel workbook,
 * and a region's thresholds.
 *
 * Scope: a supervisor sees only the bodies they oversee (src/app/supervision/access.ts); a region
 * with none of them is answered “not found”, like one that does not exist. Thresholds of a region
 * may be set by the administrator, or by a supervisor who oversees every body in it.
 */
import { actorId, isAdmin, type SessionUser } from '../accounts/permissions.js';
import { subtreeCodes, type RegionRecord } from '../directory/tree.js';
import { thresholdsProblem, thresholdWords, type ReportTables } from '../indicators/compute.js';
import { INDICATORS, indicatorDef, type Thresholds } from '../indicators/definitions.js';
import { chainOf, commonRegion, regionOptions } from '../indicators/regions.js';
import { applicableThresholds, indicatorTable, subregionLines } from '../indicators/table.js';
import { indicatorWorkbook } from '../indicators/workbook.js';
import { BODY_LEVEL_LABELS } from '../register/bodies.js';
import { writeAudit } from '../store/audit.js';
import { BodyStore } from '../store/body-store.js';
import { IndicatorStore, type IndicatorBody } from '../store/indicator-store.js';
import { RegionStore } from '../store/region-store.js';
import type { AppServices } from './context.js';
import { XLSX, type FileDownload } from './download.js';
import { forbidden, invalid, notFound } from './errors.js';
import { requireSupervisor, viewerOf } from './supervision/access.js';

const DIRECTION_WORDS = { higherWorse: '越高越需关注', lowerWorse: '越低越需关注' } as const;

/** Every indicator's definition as the public page shows it. */
export function indicatorDefinitions() {
  return INDICATORS.map((d) => ({
    key: d.key,
    name: d.name,
    unit: d.unit,
    kind: d.kind,
    formula: d.formula,
    numerator: d.numerator.words,
    denominator: d.denominator?.words ?? null,
    minDenominator: d.minDenominator,
    direction: d.direction ? DIRECTION_WORDS[d.direction] : null,
    defaultThresholds: d.direction ? thresholdWords(d, d.thresholds) : null,
    note: d.note ?? null,
  }));
}

export interface IndicatorQuery {
  year?: number | undefined;
  region?: string | undefined;
}

/** The scope's bodies in the chosen region (all of them without one), the regions and the region whose thresholds apply. */
async function scopeOf(s: AppServices, user: SessionUser, regionCode: string | null) {
  const viewer = viewerOf(user);
  const [all, regions] = await Promise.all([new IndicatorStore(s.db).bodies(viewer), new RegionStore(s.db).all()]);
  const byCode = new Map<string, RegionRecord>(regions.map((r) => [r.code, r]));
  let bodies: IndicatorBody[] = all;
  let region: RegionRecord | null;
  if (regionCode) {
    const codes = subtreeCodes(regions, regionCode);
    bodies = all.filter((b) => b.regionCode !== null && codes.has(b.regionCode));
    region = byCode.get(regionCode) ?? null;
    if (!region || (bodies.length === 0 && !isAdmin(user))) throw notFound('地区');
  } else region = commonRegion(byCode, all.map((b) => b.regionCode));
  return { viewer, bodies, region, byCode, regions, options: regionOptions(byCode, all.map((b) => b.regionCode)) };
}

/**
 * Whether a region lies in the subtree of one of the supervisor's scope regions. A county office
 * oversees every body of a province that the directory holds only the county of, yet the
 * province is not its to configure.
 */
export function insideScopeRegions(user: SessionUser, regions: readonly RegionRecord[], code: string): boolean {
  const roots = user.scopeRegions ?? [];
  return roots.length === 0 || roots.some((root) => subtreeCodes(regions, root).has(code));
}

/** Whether the user may set the region's thresholds: the administrator, or a supervisor overseeing every body in it. */
export async function maySetThresholds(s: AppServices, user: SessionUser, regions: readonly RegionRecord[], code: string): Promise<boolean> {
  if (isAdmin(user)) return true;
  if (!insideScopeRegions(user, regions, code)) return false;
  const inside = await new BodyStore(s.db).inRegions([...subtreeCodes(regions, code)]);
  // A supervisor's set holds every body below their regions: thousands for a city.
  const seen = new Set(user.bodies);
  return inside.length > 0 && inside.every((id) => seen.has(id));
}

/** The bodies × indicators table of a region (or the whole scope) for a year. */
export async function indicatorView(s: AppServices, user: SessionUser, q: IndicatorQuery) {
  requireSupervisor(user);
  const { viewer, bodies, region, byCode, regions, options } = await scopeOf(s, user, q.region ?? null);
  const store = new IndicatorStore(s.db);
  const ids = bodies.map((b) => b.id);
  const years = await store.years(ids);
  const year = q.year ?? years[0] ?? Number(s.today().slice(0, 4)) - 1;
  const reports = new Map<string, Map<number, ReportTables>>();
  for (const r of await store.tables(viewer, ids, [year, year - 1])) {
    reports.set(r.bodyId, (reports.get(r.bodyId) ?? new Map()).set(r.year, r.tables));
  }
  const chain = chainOf(byCode, region?.code ?? null);
  const rows = await store.thresholds(chain.map((r) => r.code));
  const overrides = chain.map((r) => ({
    code: r.code,
    overrides: Object.fromEntries(rows.filter((t) => t.regionCode === r.code).map((t) => [t.indicator, { yellow: t.yellow, red: t.red }])),
  }));
  const table = indicatorTable(bodies, reports, year, applicableThresholds(overrides));
  const regionName = (code: string | null) => (code ? byCode.get(code)?.name ?? null : null);
  const levels = new Map(bodies.map((b) => [b.id, b]));
  return {
    year,
    years: [...new Set([year, ...years])].sort((a, b) => b - a),
    region: region ? { code: region.code, name: region.name } : null,
    regionChosen: q.region ?? null,
    regions: options,
    canSetThresholds: region ? await maySetThresholds(s, user, regions, region.code) : false,
    indicators: INDICATORS.map((d) => {
      const t = table.thresholds[d.key]!;
      return {
        key: d.key, name: d.name, unit: d.unit, kind: d.kind, direction: d.direction, minDenominator: d.minDenominator,
        thresholds: t.thresholds, thresholdWords: t.words, setBy: t.setBy ? { code: t.setBy, name: regionName(t.setBy) ?? t.setBy } : null,
      };
    }),
    bodies: table.bodies.map((b) => {
      const body = levels.get(b.id)!;
      return { ...b, level: body.level, levelLabel: BODY_LEVEL_LABELS[body.level], regionName: regionName(body.regionCode) };
    }),
    totals: table.region,
    distribution: table.distribution,
    subregions: subregionLines(
      table,
      regions
        .filter((r) => region && r.parentCode === region.code)
        .map((r) => {
          const codes = subtreeCodes(regions, r.code);
          return { code: r.code, name: r.name, bodyIds: new Set(bodies.filter((b) => b.regionCode !== null && codes.has(b.regionCode)).map((b) => b.id)) };
        })
        .filter((r) => r.bodyIds.size > 0),
    ),
  };
}

/** The table as an Excel workbook: the bodies with their values and flags, the region's rows, the definitions. */
export async function indicatorExport(s: AppServices, user: SessionUser, q: IndicatorQuery): Promise<FileDownload> {
  const v = await indicatorView(s, user, q);
  const where = v.region?.name ?? '监督范围';
  const bytes = await indicatorWorkbook({ ...v, where });
  return { bytes, type: XLSX, fileName: `${where}${v.year}年度指标.xlsx`, asciiName: `indicators-${v.year}.xlsx` };
}

export interface ThresholdInput {
  region: string;
  indicator: string;
  /** null: the region goes back to what it inherits (the region above, or the default). */
  thresholds: Thresholds | null;
  /** The year of the table answered. */
  year?: number | undefined;
}

/** Set (or clear) a region's thresholds of one indicator; audited. */
export async function setIndicatorThresholds(s: AppServices, user: SessionUser, input: ThresholdInput) {
  requireSupervisor(user);
  const def = indicatorDef(input.indicator);
  if (!def) throw invalid(`没有名为“${input.indicator}”的指标`);
  const regions = await new RegionStore(s.db).all();
  const region = regions.find((r) => r.code === input.region);
  if (!region) throw notFound('地区');
  if (!(await maySetThresholds(s, user, regions, region.code))) throw forbidden(`只有监督“${region.name}”全部机关的监督者或管理员可以设定该地区的预警阈值`);
  const problem = input.thresholds ? thresholdsProblem(def, input.thresholds) : def.direction ? null : `“${def.name}”是计数，不设预警`;
  if (problem) throw invalid(problem);
  await s.db.transaction(async (tx) => {
    const old = await IndicatorStore.setThreshold(tx, region.code, def.key, input.thresholds, actorId(user));
    const entry = (t: Thresholds | null) => (t ? { indicator: def.name, region: region.name, yellow: t.yellow, red: t.red } : null);
    await writeAudit(tx, actorId(user), input.thresholds ? 'set' : 'delete', 'indicator-thresholds', `${region.code}:${def.key}`, entry(old), entry(input.thresholds));
  });
  return indicatorView(s, user, { region: region.code, year: input.year });
}
