/**
 * A body's reports year by year, and a region's reports of one year: the newest upload of each
 * body and year (the corrected model: `model` carries the corrections), how many cells of each
 * are corrected, and which findings a supervisor dismissed. Also the regions whose public page of
 * reports is switched on. Rows only: scope, permission and audit are the use cases'.
 */
import type { ReportTables } from '../indicators/compute.js';
import type { AnnualReport } from '../model/report.js';
import type { Finding } from '../rules/finding.js';
import type { Db } from './db.js';
import type { Viewer } from './published-store.js';

/** What a region's list, assessment and data read of a report: its tables and the body's name as printed. */
export type YearTables = ReportTables & Pick<AnnualReport, 'unit'>;

/** A body's report of a year: with its whole model (a body's page), or only its tables (a region's year). */
export interface YearReport<M = AnnualReport> {
  id: number;
  bodyId: string;
  year: number;
  fileName: string;
  publishedOn: string | null;
  template: string | null;
  /** Null when the file could not be read (`error`). */
  model: M | null;
  findings: Finding[];
  error: string | null;
  version: number;
  uploadedAt: string;
}

interface Row<M> {
  id: string | number;
  body_id: string;
  year: number;
  file_name: string;
  published_on: string | null;
  template: string | null;
  model: M | null;
  findings: Finding[];
  error: string | null;
  version: number;
  uploaded_at: Date | string;
}

const fromRow = <M>(r: Row<M>): YearReport<M> => ({
  id: Number(r.id), bodyId: r.body_id, year: Number(r.year), fileName: r.file_name, publishedOn: r.published_on, template: r.template,
  model: r.model, findings: r.findings ?? [], error: r.error, version: Number(r.version), uploadedAt: new Date(r.uploaded_at).toISOString(),
});

/** The whole model but what is only for the source view. */
const WHOLE = `p.model - 'provenance' - 'diagnostics'`;
/** The tables only: a region's year reads thousands of reports, never their narrative. */
const TABLES = `CASE WHEN p.model IS NULL THEN NULL ELSE jsonb_build_object('unit', p.model->'unit', 'template', p.model->'template',
  'proactive', p.model->'proactive', 'applications', p.model->'applications', 'appeals', p.model->'appeals') END`;

/** Neither narrative nor tables: whether the report was read, and the body's name as printed (its findings' fingerprints). */
const STATUS = `CASE WHEN p.model IS NULL THEN NULL ELSE jsonb_build_object('unit', p.model->'unit') END`;

/** Newest upload first for each body and year; `$1` all and `$2` bodies: the viewer's scope. */
const latest = (model: string) => `
  SELECT DISTINCT ON (p.body_id, p.year) p.id, p.body_id, p.year, p.file_name, p.published_on, p.template,
         ${model} AS model, p.findings, p.error, p.version, p.uploaded_at
    FROM published_reports p
   WHERE ($1::boolean OR p.body_id = ANY($2::text[])) AND p.body_id = ANY($3::text[]) AND p.year IS NOT NULL`;

export interface PublicRegionSetting {
  regionCode: string;
  setBy: string;
  setAt: string;
}

export class BodyYearsStore {
  constructor(private readonly db: Db) {}

  /** The body's newest report of each year in the viewer's scope, newest year first. */
  async ofBody(viewer: Viewer, bodyId: string): Promise<YearReport[]> {
    const rows = await this.db.query<Row<AnnualReport>>(`${latest(WHOLE)} ORDER BY p.body_id, p.year DESC, p.uploaded_at DESC, p.id DESC`, [viewer.all, [...viewer.bodies], [bodyId]]);
    return rows.map(fromRow);
  }

  /** Each of these bodies' newest report of the year, its tables only (no scope: the caller has chosen the bodies). */
  async ofYear(bodyIds: readonly string[], year: number): Promise<YearReport<YearTables>[]> {
    return this.yearRows<YearTables>(TABLES, bodyIds, year);
  }

  /** The same reports without their tables: what a list of who published what needs (`model` holds the unit only). */
  async statusOfYear(bodyIds: readonly string[], year: number): Promise<YearReport<Pick<AnnualReport, 'unit'>>[]> {
    return this.yearRows<Pick<AnnualReport, 'unit'>>(STATUS, bodyIds, year);
  }

  private async yearRows<M>(model: string, bodyIds: readonly string[], year: number): Promise<YearReport<M>[]> {
    if (bodyIds.length === 0) return [];
    const rows = await this.db.query<Row<M>>(`${latest(model)} AND p.year = $4 ORDER BY p.body_id, p.year, p.uploaded_at DESC, p.id DESC`, [true, [], [...bodyIds], year]);
    return rows.map(fromRow);
  }

  /** The years with a report of any of these bodies, newest first. */
  async years(bodyIds: readonly string[]): Promise<number[]> {
    const rows = await this.db.query<{ year: number }>(
      'SELECT DISTINCT year FROM published_reports WHERE body_id = ANY($1::text[]) AND year IS NOT NULL ORDER BY year DESC',
      [[...bodyIds]],
    );
    return rows.map((r) => Number(r.year));
  }

  /** Cells corrected and still in force (not undone), per report. */
  async correctedCells(reportIds: readonly number[]): Promise<Map<number, number>> {
    if (reportIds.length === 0) return new Map();
    const rows = await this.db.query<{ report_id: string | number; n: string | number }>(
      `SELECT c.report_id, count(DISTINCT c.path) AS n FROM published_report_corrections c
        WHERE c.report_id = ANY($1::bigint[]) AND c.undoes IS NULL
          AND NOT EXISTS (SELECT 1 FROM published_report_corrections u WHERE u.undoes = c.id)
        GROUP BY c.report_id`,
      [[...reportIds]],
    );
    return new Map(rows.map((r) => [Number(r.report_id), Number(r.n)]));
  }

  /** The fingerprints of the findings a supervisor dismissed, by `body|year`. */
  async dismissed(bodyIds: readonly string[], year: number): Promise<Set<string>> {
    if (bodyIds.length === 0) return new Set();
    const rows = await this.db.query<{ body_id: string; fingerprint: string }>(
      "SELECT body_id, fingerprint FROM finding_reviews WHERE status = 'dismissed' AND year = $2 AND body_id = ANY($1::text[])",
      [[...bodyIds], year],
    );
    return new Set(rows.map((r) => `${r.body_id}|${r.fingerprint}`));
  }

  /** Whether the region's public page is on (null: off). */
  async publicRegion(code: string): Promise<PublicRegionSetting | null> {
    const r = (await this.db.query<{ region_code: string; set_by: string; set_at: Date | string }>(
      'SELECT region_code, set_by, set_at FROM public_region_pages WHERE region_code = $1', [code],
    ))[0];
    return r ? { regionCode: r.region_code, setBy: r.set_by, setAt: new Date(r.set_at).toISOString() } : null;
  }

  /** The regions whose public page is on. */
  async publicRegions(): Promise<string[]> {
    return (await this.db.query<{ region_code: string }>('SELECT region_code FROM public_region_pages ORDER BY region_code')).map((r) => r.region_code);
  }

  /** Switch the region's public page on or off; returns whether it was on. */
  static async setPublicRegion(tx: Db, code: string, on: boolean, by: string): Promise<boolean> {
    const was = (await tx.query('SELECT 1 FROM public_region_pages WHERE region_code = $1 FOR UPDATE', [code])).length > 0;
    if (on && !was) await tx.query('INSERT INTO public_region_pages (region_code, set_by) VALUES ($1, $2)', [code, by]);
    if (!on && was) await tx.query('DELETE FROM public_region_pages WHERE region_code = $1', [code]);
    return was;
  }
}
