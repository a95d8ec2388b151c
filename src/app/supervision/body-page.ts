/**
 * A body's page on the supervisor's desk: its years side by side — the tables 二, 三, 四 of each
 * year's newest report (corrected), each cell that changed from the year before marked — the
 * narrative's similarity to the year before with the shared passages in both years, the findings
 * of each year with their status, and its indicators against the median of its region.
 *
 * Scope: a body outside the supervisor's set is answered “not found”, like one that does not exist.
 */
import type { SessionUser } from '../../accounts/permissions.js';
import { sharedNarrative } from '../../corpus/shared-passages.js';
import { yearChanges } from '../../corpus/year-changes.js';
import { chainOf } from '../../indicators/regions.js';
import { BODY_LEVEL_LABELS } from '../../register/bodies.js';
import { placeName } from '../../rules/labels.js';
import { BodyStore } from '../../store/body-store.js';
import { BodyYearsStore, type YearReport } from '../../store/body-years-store.js';
import { FindingReviewStore } from '../../store/finding-review-store.js';
import { RegionStore } from '../../store/region-store.js';
import type { AppServices } from '../context.js';
import { notFound } from '../errors.js';
import { indicatorView } from '../indicators.js';
import { requireSupervisor, viewerOf } from './access.js';
import { issueView } from './findings-work.js';
import { tablesOf } from './view.js';

/** The body, if the user oversees it; “not found” otherwise. */
export async function bodyInScope(s: AppServices, user: SessionUser, id: string) {
  requireSupervisor(user);
  const viewer = viewerOf(user);
  const body = viewer.all || viewer.bodies.includes(id) ? await new BodyStore(s.db).get(id) : null;
  if (!body) throw notFound('机关');
  return { viewer, body };
}

/** The region a body is compared in: the nearest county, city or province above (or at) its own region. */
export async function comparisonRegion(s: AppServices, regionCode: string | null) {
  if (!regionCode) return null;
  const byCode = new Map((await new RegionStore(s.db).all()).map((r) => [r.code, r]));
  const chain = chainOf(byCode, regionCode);
  return chain.find((r) => r.level !== 'township') ?? chain[0] ?? null;
}

function yearView(r: YearReport, previous: YearReport | undefined, corrected: number) {
  const readable = r.model !== null && r.error === null;
  const before = previous?.model && !previous.error && previous.year === r.year - 1 ? previous.model : null;
  const changes = readable && before ? yearChanges(r.model!, before).map((c) => ({ ...c, place: placeName(c.path) })) : [];
  return {
    year: r.year, reportId: r.id, fileName: r.fileName, publishedOn: r.publishedOn, template: r.template, error: r.error,
    version: r.version, corrected, tables: readable ? tablesOf(r.model!) : [],
    /** Compared with the year before: only when that year's report is readable too. */
    previousYear: before ? r.year - 1 : null,
    changes,
    narrative: readable && before ? sharedNarrative(r.model!, before) : null,
  };
}

/** The body's indicators of the year against its region's median, P10 and P90. */
async function indicatorsOf(s: AppServices, user: SessionUser, bodyId: string, regionCode: string | null, year: number) {
  const region = await comparisonRegion(s, regionCode);
  const v = await indicatorView(s, user, { year, ...(region ? { region: region.code } : {}) });
  const line = v.bodies.find((b) => b.id === bodyId);
  if (!line?.reported) return null;
  return {
    year: v.year,
    region: v.region,
    bodies: v.bodies.filter((b) => b.reported).length,
    rows: v.indicators.map((d) => {
      const cell = line.cells[d.key]!;
      const dist = v.distribution[d.key] ?? null;
      return {
        key: d.key, name: d.name, unit: d.unit, kind: d.kind, value: cell.value, judged: cell.judged, reason: cell.reason, flag: cell.flag,
        rank: cell.rank, change: cell.change, vsMedian: cell.vsMedian, regionValue: v.totals[d.key]?.value ?? null,
        median: dist?.median ?? null, p10: dist?.p10 ?? null, p90: dist?.p90 ?? null, n: dist?.n ?? 0, thresholdWords: d.thresholdWords,
      };
    }),
  };
}

/** Everything the body's page shows. */
export async function bodyPage(s: AppServices, user: SessionUser, { id }: { id: string }) {
  const { viewer, body } = await bodyInScope(s, user, id);
  const store = new BodyYearsStore(s.db);
  const reports = await store.ofBody(viewer, id);
  const corrected = await store.correctedCells(reports.map((r) => r.id));
  const { rows } = await new FindingReviewStore(s.db).issues(viewer, { bodyId: id }, 5000, 0);
  const issues = rows.map(issueView);
  const years = reports.map((r, i) => ({
    ...yearView(r, reports[i + 1], corrected.get(r.id) ?? 0),
    findings: issues.filter((f) => f.year === r.year),
  }));
  // Findings of years whose report is gone (a review kept after a re-upload) still show.
  const orphanYears = [...new Set(issues.map((f) => f.year))].filter((y) => !reports.some((r) => r.year === y));
  const newest = reports.find((r) => r.model && !r.error);
  const regionName = body.regionCode ? (await new RegionStore(s.db).all()).find((r) => r.code === body.regionCode)?.name ?? null : null;
  return {
    body: { id: body.id, name: body.name, level: body.level, levelLabel: BODY_LEVEL_LABELS[body.level], regionCode: body.regionCode, regionName, worksHere: body.worksHere, aliases: body.aliases },
    years,
    otherFindings: issues.filter((f) => orphanYears.includes(f.year)),
    indicators: newest ? await indicatorsOf(s, user, id, body.regionCode, newest.year) : null,
  };
}
