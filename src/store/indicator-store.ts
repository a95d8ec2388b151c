/**
 * What the indicators read and keep: each body's corrected tables of its newest readable report
 * per year (never the narrative), the bodies of a scope with their regions, and the thresholds a
 * region set. Rows only: the computing is src/indicators, the permission and audit the use case's.
 */
import type { ReportTables } from '../indicators/compute.js';
import type { BodyLevel } from '../register/bodies.js';
import type { Db } from './db.js';
import type { Viewer } from './published-store.js';

export interface IndicatorBody {
  id: string;
  name: string;
  level: BodyLevel;
  regionCode: string | null;
}

export interface ThresholdRow {
  regionCode: string;
  indicator: string;
  yellow: number;
  red: number;
  setBy: string;
  setAt: string;
}

export class IndicatorStore {
  constructor(private readonly db: Db) {}

  /** The registered bodies the viewer sees, with their region. */
  async bodies(viewer: Viewer): Promise<IndicatorBody[]> {
    return this.db.query<IndicatorBody>(
      `SELECT id, name, level, region_code AS "regionCode" FROM bodies WHERE $1::boolean OR id = ANY($2::text[]) ORDER BY name, id`,
      [viewer.all, [...viewer.bodies]],
    );
  }

  /**
   * The tables of the newest readable upload of each of these bodies and years (the corrected
   * model: `model` carries the corrections), only within the viewer's scope.
   */
  async tables(viewer: Viewer, bodyIds: readonly string[], years: readonly number[]): Promise<{ bodyId: string; year: number; tables: ReportTables }[]> {
    if (bodyIds.length === 0 || years.length === 0) return [];
    const rows = await this.db.query<{ body_id: string; year: number; tables: ReportTables | string }>(
      `SELECT DISTINCT ON (p.body_id, p.year) p.body_id, p.year,
              jsonb_build_object('template', p.model->'template', 'proactive', p.model->'proactive',
                                 'applications', p.model->'applications', 'appeals', p.model->'appeals') AS tables
         FROM published_reports p
        WHERE p.model IS NOT NULL AND p.error IS NULL AND p.body_id = ANY($3::text[]) AND p.year = ANY($4::int[])
          AND ($1::boolean OR p.body_id = ANY($2::text[]))
        ORDER BY p.body_id, p.year, p.uploaded_at DESC, p.id DESC`,
      [viewer.all, [...viewer.bodies], [...bodyIds], [...years]],
    );
    return rows.map((r) => ({ bodyId: r.body_id, year: Number(r.year), tables: typeof r.tables === 'string' ? (JSON.parse(r.tables) as ReportTables) : r.tables }));
  }

  /** The years of readable reports of these bodies, newest first. */
  async years(bodyIds: readonly string[]): Promise<number[]> {
    const rows = await this.db.query<{ year: number }>(
      'SELECT DISTINCT year FROM published_reports WHERE model IS NOT NULL AND error IS NULL AND year IS NOT NULL AND body_id = ANY($1::text[]) ORDER BY year DESC',
      [[...bodyIds]],
    );
    return rows.map((r) => Number(r.year));
  }

  /** The thresholds set by these regions. */
  async thresholds(regionCodes: readonly string[]): Promise<ThresholdRow[]> {
    if (regionCodes.length === 0) return [];
    const rows = await this.db.query<{ region_code: string; indicator: string; yellow: number; red: number; set_by: string; set_at: Date | string }>(
      'SELECT region_code, indicator, yellow, red, set_by, set_at FROM indicator_thresholds WHERE region_code = ANY($1::text[]) ORDER BY region_code, indicator',
      [[...regionCodes]],
    );
    return rows.map((r) => ({
      regionCode: r.region_code, indicator: r.indicator, yellow: Number(r.yellow), red: Number(r.red), setBy: r.set_by, setAt: new Date(r.set_at).toISOString(),
    }));
  }

  /** A region's thresholds of one indicator (null: back to what it inherits); returns what it had. */
  static async setThreshold(
    tx: Db, regionCode: string, indicator: string, t: { yellow: number; red: number } | null, setBy: string,
  ): Promise<{ yellow: number; red: number } | null> {
    const old = (await tx.query<{ yellow: number; red: number }>(
      'SELECT yellow, red FROM indicator_thresholds WHERE region_code = $1 AND indicator = $2 FOR UPDATE', [regionCode, indicator],
    ))[0];
    if (t === null) await tx.query('DELETE FROM indicator_thresholds WHERE region_code = $1 AND indicator = $2', [regionCode, indicator]);
    else {
      await tx.query(
        `INSERT INTO indicator_thresholds (region_code, indicator, yellow, red, set_by) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (region_code, indicator) DO UPDATE SET yellow = EXCLUDED.yellow, red = EXCLUDED.red, set_by = EXCLUDED.set_by, set_at = now()`,
        [regionCode, indicator, t.yellow, t.red, setBy],
      );
    }
    return old ? { yellow: Number(old.yellow), red: Number(old.red) } : null;
  }
}
