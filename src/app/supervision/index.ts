/**
 * Use cases of the supervisor's desk: upload published reports (./upload.ts), the bodies ×
 * years overview, one report beside its source, and the sanitised page of an HTML upload.
 *
 * Scope: a supervisor sees the reports of the bodies in their set, and their own uploads that
 * could not be matched to a body; a report outside that is answered “not found”, exactly like
 * one that does not exist. The administrator sees everything.
 */
import type { SessionUser } from '../../accounts/permissions.js';
import { BODY_LEVEL_LABELS, type BodyLevel } from '../../register/bodies.js';
import { sanitizedPage } from '../../read/sanitize.js';
import { PublishedStore, type OverviewRow } from '../../store/published-store.js';
import type { AppServices } from '../context.js';
import { notFound } from '../errors.js';
import { requireSupervisor, viewerOf } from './access.js';
import { correctedView, correctorOf } from './corrections.js';
import { highlightCss } from './view.js';

export { correctCell, undoCorrection, type CorrectInput, type UndoInput } from './corrections.js';
export { requestLimit, uploadLimits, uploadReports, type UploadFile, type UploadLimits } from './upload.js';

/** The CSP of an uploaded page: a sandbox (no script, no same origin), nothing loaded, only inline style. */
export const SOURCE_CSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'";

export interface OverviewFilters {
  year?: number | undefined;
  q?: string | undefined;
  level?: BodyLevel | undefined;
}

const summary = ({ id, fileName, unit, year, error, errors, warnings, late, similar }: OverviewRow) => ({ id, fileName, unit, year, error, errors, warnings, late, similar });

type Overview = Awaited<ReturnType<typeof buildOverview>>;

async function buildOverview(s: AppServices, store: PublishedStore, user: SessionUser, year: number | null, q: string | null, level: BodyLevel | null) {
  const viewer = viewerOf(user);
  const bodies = await store.overviewBodies(viewer, q, level);
  const rows = await store.overview(viewer, year);
  const lastYear = Number(s.today().slice(0, 4)) - 1;
  const years = year !== null ? [year] : [...new Set([lastYear, ...(await store.years(viewer))])].sort((a, b) => b - a);
  const byCell = new Map<string, ReturnType<typeof summary>[]>();
  for (const r of rows) if (r.bodyId && r.year !== null) byCell.set(`${r.bodyId}|${r.year}`, [...(byCell.get(`${r.bodyId}|${r.year}`) ?? []), summary(r)]);
  return {
    years,
    bodies: bodies.map((b) => ({
      ...b,
      levelLabel: BODY_LEVEL_LABELS[b.level],
      cells: years.map((y) => ({ year: y, reports: byCell.get(`${b.id}|${y}`) ?? [] })),
    })),
    unplaced: rows.filter((r) => !r.bodyId || r.year === null).map(summary),
  };
}

/**
 * Overviews already built, per set of services (one database), by what they depend on: the
 * data's version (moved by a trigger on every change to reports or bodies), the viewer's scope,
 * the filters and today. A county office opens it again and again between uploads; only the
 * version check touches the database.
 */
const built = new WeakMap<AppServices, Map<string, Overview>>();

/** The bodies × years table of the user's scope: each cell's reports with their counts, and the reports that fit no cell. */
export async function supervisorOverview(s: AppServices, user: SessionUser, filters: OverviewFilters): Promise<Overview> {
  requireSupervisor(user);
  const store = new PublishedStore(s.db);
  const year = filters.year ?? null;
  const q = filters.q?.trim() || null;
  const level = filters.level ?? null;
  const version = await store.overviewVersion();
  const key = JSON.stringify([version, user.role, user.id, user.bodies, year, q, level, s.today()]);
  const cache = built.get(s) ?? new Map<string, Overview>();
  built.set(s, cache);
  let overview = cache.get(key);
  if (overview === undefined) {
    overview = await buildOverview(s, store, user, year, q, level);
    if (cache.size >= 500) cache.delete(cache.keys().next().value!);
    cache.set(key, overview);
  }
  return overview;
}

/**
 * One report in scope (a supervisor's, or an officer's own body's): model (corrected), findings
 * placed in the tables and the source, the source's lines, the corrections.
 */
export async function publishedReport(s: AppServices, user: SessionUser, { id }: { id: number }) {
  return correctedView(s, user, id);
}

/** The sanitised page of an HTML upload in scope (a supervisor's, or an officer's own body's), the cells with findings highlighted. */
export async function sourcePage(s: AppServices, user: SessionUser, { id }: { id: number }): Promise<string> {
  const page = await new PublishedStore(s.db).sourceHtml(correctorOf(user), id);
  if (!page) throw notFound('网页原文');
  return sanitizedPage(page.html, highlightCss(page.findings, page.marks));
}
