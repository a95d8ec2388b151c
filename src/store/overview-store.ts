/**
 * What the region overview reads: the bodies of a viewer's scope with their regions, and the
 * status columns of their published reports (never the models or findings themselves), latest
 * upload first. The figures are the pure core's (src/directory/overview.ts). A scope is joined as
 * a set, so that a county's few bodies are read by index and a province's thousands by a hash join.
 */
import type { OverviewBody, OverviewReport } from '../directory/overview.js';
import type { Db } from './db.js';
import type { OverviewRow, Viewer } from './published-store.js';

/** An upload that fits no body and year. */
export type Unplaced = Omit<OverviewRow, 'bodyId'>;

export class OverviewStore {
  constructor(private readonly db: Db) {}

  /** The scope's bodies (every body for the administrator). */
  async bodies(viewer: Viewer): Promise<OverviewBody[]> {
    return this.db.query<OverviewBody>(
      viewer.all
        ? 'SELECT id, name, level, region_code AS "regionCode" FROM bodies'
        : 'SELECT b.id, b.name, b.level, b.region_code AS "regionCode" FROM bodies b JOIN (SELECT DISTINCT unnest($1::text[]) AS id) s ON s.id = b.id',
      viewer.all ? [] : [[...viewer.bodies]],
    );
  }

  /** The reports of the scope's bodies with a year, latest upload first. */
  async reports(viewer: Viewer): Promise<OverviewReport[]> {
    const rows = await this.db.query<{
      id: string | number; body_id: string; year: number; file_name: string; error: string | null;
      errors: number; warnings: number; late: boolean; similar: boolean;
    }>(
      `SELECT p.id, p.body_id, p.year, p.file_name, p.error, p.error_count AS errors, p.warning_count AS warnings, p.is_late AS late, p.is_similar AS similar
         FROM published_reports p ${viewer.all ? '' : 'JOIN (SELECT DISTINCT unnest($1::text[]) AS id) s ON s.id = p.body_id'}
        WHERE p.body_id IS NOT NULL AND p.year IS NOT NULL
        ORDER BY p.uploaded_at DESC, p.id DESC`,
      viewer.all ? [] : [[...viewer.bodies]],
    );
    return rows.map((r) => ({
      id: Number(r.id), bodyId: r.body_id, year: Number(r.year), fileName: r.file_name, error: r.error,
      errors: Number(r.errors), warnings: Number(r.warnings), late: r.late, similar: r.similar,
    }));
  }

  /** The uploads in scope that fit no body and year: body or year unknown (unmatched ones only their uploader sees). */
  async unplaced(viewer: Viewer): Promise<Unplaced[]> {
    const rows = await this.db.query<{
      id: string | number; unit: string | null; year: number | null; file_name: string; error: string | null;
      errors: number; warnings: number; late: boolean; similar: boolean;
    }>(
      `SELECT p.id, p.unit, p.year, p.file_name, p.error, p.error_count AS errors, p.warning_count AS warnings, p.is_late AS late, p.is_similar AS similar
         FROM published_reports p
        WHERE ($1::boolean OR p.body_id = ANY($2::text[]) OR (p.body_id IS NULL AND p.uploaded_by = $3)) AND (p.body_id IS NULL OR p.year IS NULL)
        ORDER BY p.uploaded_at DESC, p.id DESC LIMIT 500`,
      [viewer.all, [...viewer.bodies], viewer.id],
    );
    return rows.map((r) => ({
      id: Number(r.id), unit: r.unit, year: r.year === null ? null : Number(r.year), fileName: r.file_name, error: r.error,
      errors: Number(r.errors), warnings: Number(r.warnings), late: r.late, similar: r.similar,
    }));
  }

  /** The versions the overview's figures depend on: the reports and bodies, and the directory. */
  async versions(): Promise<string> {
    const rows = await this.db.query<{ name: string; version: string | number }>("SELECT name, version FROM data_versions WHERE name IN ('overview', 'directory') ORDER BY name");
    return rows.map((r) => `${r.name}:${r.version}`).join(',');
  }
}
