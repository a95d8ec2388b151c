/**
 * Uploads waiting for a body (待匹配): the report's row in published_reports keeps its model and
 * findings with no body; this keeps the unit as printed and the candidates the matching found.
 * Rows only; who may see and resolve them is the use case's (src/app/supervision/pending.ts).
 */
import type { Finding } from '../rules/finding.js';
import type { Db } from './db.js';

export interface PendingRow {
  reportId: number;
  fileName: string;
  unit: string;
  year: number | null;
  candidates: string[];
  uploadedBy: number;
  uploadedAt: string;
  errors: number;
  warnings: number;
}

/** What resolving a pending report needs of it. */
export interface PendingReport extends PendingRow {
  findings: Finding[];
}

interface Record {
  report_id: number | string;
  file_name: string;
  unit: string;
  year: number | null;
  candidates: string[];
  uploaded_by: number;
  uploaded_at: Date | string;
  findings: Finding[];
}

const rowOf = (r: Record): PendingReport => ({
  reportId: Number(r.report_id),
  fileName: r.file_name,
  unit: r.unit,
  year: r.year === null ? null : Number(r.year),
  candidates: r.candidates,
  uploadedBy: Number(r.uploaded_by),
  uploadedAt: new Date(r.uploaded_at).toISOString(),
  errors: r.findings.filter((f) => f.severity === 'error').length,
  warnings: r.findings.filter((f) => f.severity === 'warning').length,
  findings: r.findings,
});

const SELECT = `SELECT m.report_id, p.file_name, m.unit, p.year, m.candidates, p.uploaded_by, p.uploaded_at, p.findings
                  FROM pending_matches m JOIN published_reports p ON p.id = m.report_id`;

export class PendingStore {
  constructor(private readonly db: Db) {}

  /** Keep (or renew, on a re-upload of the same file) a report as waiting. */
  static async put(tx: Db, reportId: number, unit: string, candidates: readonly string[]): Promise<void> {
    await tx.query(
      `INSERT INTO pending_matches (report_id, unit, candidates) VALUES ($1, $2, $3::jsonb)
       ON CONFLICT (report_id) DO UPDATE SET unit = EXCLUDED.unit, candidates = EXCLUDED.candidates`,
      [reportId, unit, JSON.stringify(candidates)],
    );
  }

  /** The report waits no more (matched on a re-upload, or resolved). */
  static async drop(tx: Db, reportId: number): Promise<void> {
    await tx.query('DELETE FROM pending_matches WHERE report_id = $1', [reportId]);
  }

  /** Waiting reports: one uploader's, or everyone's (the administrator); oldest first. */
  async list(uploadedBy: number | null): Promise<PendingReport[]> {
    const rows = await this.db.query<Record>(`${SELECT} WHERE $1::int IS NULL OR p.uploaded_by = $1 ORDER BY p.uploaded_at, m.report_id LIMIT 2000`, [uploadedBy]);
    return rows.map(rowOf);
  }

  /** One waiting report, locked for resolving, or null. */
  async get(tx: Db, reportId: number): Promise<PendingReport | null> {
    const r = (await tx.query<Record>(`${SELECT} WHERE m.report_id = $1 FOR UPDATE OF m`, [reportId]))[0];
    return r ? rowOf(r) : null;
  }

  /** The report now belongs to `bodyId`, with its findings' fingerprints made for that body. */
  static async assign(tx: Db, reportId: number, bodyId: string, findings: readonly Finding[]): Promise<void> {
    await tx.query('UPDATE published_reports SET body_id = $2, findings = $3::jsonb WHERE id = $1', [reportId, bodyId, JSON.stringify(findings)]);
    await PendingStore.drop(tx, reportId);
  }
}
