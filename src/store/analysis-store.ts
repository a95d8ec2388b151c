/**
 * Read queries of the supervisor's analysis over published_reports, always within a scope: the
 * supervisor's bodies (an administrator's scope is everything), plus the reports they uploaded
 * that no registered body could be matched to — those belong to their uploader and are grouped
 * by the unit they print, under an opaque key `u:<hash of the unit>` (safe in any address).
 *
 * A body may have uploaded several reports for one year (a corrected copy): the newest upload
 * counts. Reports that could not be read (no model) never enter an analysis.
 */
import type { BodyLevel } from '../register/bodies.js';
import type { AnnualReport } from '../model/report.js';
import type { Finding } from '../rules/finding.js';
import type { Db } from './db.js';
import type { Viewer } from './published-store.js';

export interface ScopedBody {
  key: string;
  /** The registered body; null for a unit no body was matched to. */
  bodyId: string | null;
  name: string;
  level: BodyLevel | null;
  region: string | null;
  /** Years with a readable report, ascending. */
  years: number[];
}

export interface LatestReport {
  id: number;
  key: string;
  year: number;
  /** The model without its provenance (left empty). */
  model: AnnualReport;
  findings: Finding[];
}

export const UNIT_KEY_PREFIX = 'u:';

/** The key of a report: its body, else a hash of its unit without white space. */
const KEY_SQL = `COALESCE(p.body_id, '${UNIT_KEY_PREFIX}' || left(md5(regexp_replace(p.unit, '[[:space:]]', '', 'g')), 12))`;

/** Readable reports in the scope ($1 all, $2 bodies, $3 uploader): only the columns to choose by. */
const SCOPED_SQL = `
  SELECT p.id, p.body_id, p.unit, p.year, p.uploaded_at, ${KEY_SQL} AS key FROM published_reports p
   WHERE p.model IS NOT NULL AND p.year IS NOT NULL
     AND ((p.body_id IS NOT NULL AND ($1::boolean OR p.body_id = ANY($2::text[])))
       OR (p.body_id IS NULL AND p.unit IS NOT NULL AND ($1::boolean OR p.uploaded_by = $3::int)))`;

const years = (v: unknown): number[] => (Array.isArray(v) ? v.map(Number).filter(Number.isFinite).sort((a, b) => a - b) : []);

export class AnalysisStore {
  constructor(private readonly db: Db) {}

  private params(scope: Viewer): unknown[] {
    return [scope.all, [...scope.bodies], scope.id];
  }

  /** The bodies of the scope (with or without reports) and the units without a body, by name; `keys` narrows. */
  async bodies(scope: Viewer, keys?: readonly string[]): Promise<ScopedBody[]> {
    const rows = await this.db.query<{ key: string; body_id: string | null; name: string; level: BodyLevel | null; region: string | null; years: unknown }>(
      `WITH years AS (SELECT s.key, min(s.unit) AS unit, array_agg(DISTINCT s.year) AS years FROM (${SCOPED_SQL}) s GROUP BY s.key)
       SELECT b.id AS key, b.id AS body_id, b.name, b.level, b.region, y.years
         FROM bodies b LEFT JOIN years y ON y.key = b.id
        WHERE $1::boolean OR b.id = ANY($2::text[])
       UNION ALL
       SELECT y.key, NULL, y.unit, NULL, NULL, y.years FROM years y WHERE y.key LIKE '${UNIT_KEY_PREFIX}%'`,
      this.params(scope),
    );
    const wanted = keys ? new Set(keys) : null;
    return rows
      .filter((r) => !wanted || wanted.has(r.key))
      .map((r) => ({ key: r.key, bodyId: r.body_id, name: r.name, level: r.level, region: r.region, years: years(r.years) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.key.localeCompare(b.key));
  }

  /** The newest readable report of each key and year, within the years given (inclusive). */
  async latest(scope: Viewer, keys: readonly string[], range: { from?: number | undefined; to?: number | undefined }): Promise<LatestReport[]> {
    if (keys.length === 0) return [];
    const rows = await this.db.query<{ id: string | number; key: string; year: number; model: AnnualReport | string; findings: Finding[] | string }>(
      // Provenance (where each value sat in the source) is most of a model and no analysis reads it.
      `SELECT l.id, l.key, l.year, p.model - 'provenance' AS model, p.findings
         FROM (SELECT DISTINCT ON (s.key, s.year) s.id, s.key, s.year
                 FROM (${SCOPED_SQL}) s
                WHERE s.key = ANY($4::text[]) AND ($5::int IS NULL OR s.year >= $5::int) AND ($6::int IS NULL OR s.year <= $6::int)
                ORDER BY s.key, s.year, s.uploaded_at DESC, s.id DESC) l
         JOIN published_reports p ON p.id = l.id
        ORDER BY l.key, l.year`,
      [...this.params(scope), [...keys], range.from ?? null, range.to ?? null],
    );
    const json = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);
    return rows.map((r) => ({ id: Number(r.id), key: r.key, year: Number(r.year), model: { ...json(r.model), provenance: {} }, findings: json(r.findings) }));
  }
}
