/**
 * Published reports as supervisors upload them: the table that keeps each uploaded file's model,
 * findings and source view (the text its provenance points into, the sanitised page of an HTML
 * upload), always read within the viewer's scope — a supervisor's bodies, plus their own uploads
 * that could not be matched to a body; the administrator sees all. Rows only: reading the files, the
 * checks and the audit are the use cases' (src/app/supervision).
 */
import type { OverviewReport } from '../directory/overview.js';
import type { CellCorrection } from '../model/corrections.js';
import type { AnnualReport, Cell, Diagnostic } from '../model/report.js';
import type { BodyLevel } from '../register/bodies.js';
import type { Finding } from '../rules/finding.js';
import type { Db } from './db.js';

/** Where a model value sits in the source text shown beside the tables. */
export interface Mark {
  /** 1-based line of `lines`, column in it, and the length of the value as written. */
  line: number;
  column: number;
  length: number;
  /** HTML uploads: the id of the value's table cell in the sanitised page. */
  cell?: string;
}

/** The source shown beside a report's tables, as stored with it. */
export interface SourceView {
  /** The text as read: the file's lines, pdf.js's layout lines, or the lines the HTML/Word reader made. */
  lines: string[];
  marks: Record<string, Mark>;
  /** HTML uploads only: the page after sanitising. */
  html: string | null;
}

/** A body as an upload is matched to it. */
export interface BodyRef {
  id: string;
  name: string;
  level: BodyLevel;
}

// ─── The table ──────────────────────────────────────────────────────────────────────────────

/** Who is looking: the administrator sees everything, anyone else their bodies and their own unmatched uploads. */
export interface Viewer {
  id: number;
  all: boolean;
  bodies: readonly string[];
}

/** `$1` all, `$2` bodies, `$3` user: the scope predicate every read uses. */
const IN_SCOPE = `($1::boolean OR p.body_id = ANY($2::text[]) OR (p.body_id IS NULL AND p.uploaded_by = $3))`;
const scopeParams = (v: Viewer) => [v.all, [...v.bodies], v.id];

export interface NewPublished {
  sha256: string;
  fileName: string;
  format: string;
  bodyId: string | null;
  report: AnnualReport | null;
  diagnostics: readonly Diagnostic[];
  findings: Finding[];
  error: string | null;
  source: SourceView;
}

export interface StoredReport {
  id: number;
  sha256: string;
  fileName: string;
  format: string;
  bodyId: string | null;
  bodyName: string | null;
  bodyLevel: string | null;
  unit: string | null;
  year: number | null;
  publishedOn: string | null;
  template: string | null;
  model: AnnualReport | null;
  findings: Finding[];
  diagnostics: Diagnostic[];
  error: string | null;
  sourceText: string | null;
  hasHtml: boolean;
  marks: Record<string, Mark>;
  uploadedBy: number;
  uploadedAt: string;
  /** Moves with every correction and every re-upload: a correction names the version it was made on. */
  version: number;
  /** The model as read from the file (the same as `model` until the first correction). */
  readModel: AnnualReport | null;
}

/** One correction as stored: the cell, its values, the reason, who and when. */
export interface StoredCorrection extends CellCorrection {
  /** The report's version this correction made. */
  version: number;
  actor: string;
  actorName: string;
  madeAt: string;
}

/** A correction to store with the report's new model and findings. */
export interface NewCorrection {
  path: string;
  before: Cell;
  after: Cell;
  reason: string;
  undoes: number | null;
  actor: string;
  actorName: string;
}

/** A stored report as the checks of a new upload need it (no provenance, no source). */
export interface PoolReport {
  id: number;
  bodyId: string | null;
  year: number | null;
  report: AnnualReport;
  findings: Finding[];
}

/** An upload as the overview lists it: the overview's report, its body and year possibly unknown. */
export interface OverviewRow extends Omit<OverviewReport, 'bodyId' | 'year'> {
  bodyId: string | null;
  unit: string | null;
  year: number | null;
}

interface ReportRow {
  id: string | number;
  sha256: string;
  file_name: string;
  format: string;
  body_id: string | null;
  body_name: string | null;
  body_level: string | null;
  unit: string | null;
  year: number | null;
  published_on: string | null;
  template: string | null;
  model: AnnualReport | null;
  findings: Finding[];
  diagnostics: Diagnostic[];
  error: string | null;
  source_text: string | null;
  has_html: boolean;
  source_marks: Record<string, Mark>;
  uploaded_by: number;
  uploaded_at: Date | string;
  version: number;
  read_model: AnnualReport | null;
}

/** What a replaced upload was, for the audit log. */
export interface ReplacedUpload {
  file: string;
  body: string | null;
  year: number | null;
  error: string | null;
  /** The version the earlier upload had (1 for a first upload) and when it was uploaded (ISO 8601). */
  version: number;
  uploadedAt: string;
}

/** A report already stored for a body and year. */
export interface SameBodyYear {
  id: number;
  bodyId: string;
  year: number;
  file: string;
  uploadedAt: string;
}

export class PublishedStore {
  constructor(private readonly db: Db) {}

  /**
   * Store one upload; the same bytes uploaded again by the same user replace their earlier row
   * (same id). Returns the id and, when it replaced one, what the earlier upload was.
   */
  async save(tx: Db, uploadedBy: number, r: NewPublished): Promise<{ id: number; replaced: ReplacedUpload | null }> {
    const old = (await tx.query<{ id: number; file_name: string; body_id: string | null; year: number | null; error: string | null; version: number; uploaded_at: Date | string }>(
      'SELECT id, file_name, body_id, year, error, version, uploaded_at FROM published_reports WHERE sha256 = $1 AND uploaded_by = $2',
      [r.sha256, uploadedBy],
    ))[0];
    const rep = r.report;
    const values = [
      r.sha256, r.fileName, r.format, r.bodyId, rep?.unit ?? null, rep?.year ?? null, rep?.publishedOn ?? null, rep?.template ?? null,
      rep ? JSON.stringify(rep) : null, JSON.stringify(r.findings), JSON.stringify(r.diagnostics), r.error,
      r.source.lines.length ? r.source.lines.join('\n') : null, r.source.html, JSON.stringify(r.source.marks), uploadedBy,
    ];
    const row = (await tx.query<{ id: number | string }>(
      `INSERT INTO published_reports (sha256, file_name, format, body_id, unit, year, published_on, template, model, findings, diagnostics, error, source_text, source_html, source_marks, uploaded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
       ON CONFLICT (sha256, uploaded_by) DO UPDATE SET file_name = EXCLUDED.file_name, format = EXCLUDED.format, body_id = EXCLUDED.body_id,
         unit = EXCLUDED.unit, year = EXCLUDED.year, published_on = EXCLUDED.published_on, template = EXCLUDED.template, model = EXCLUDED.model,
         findings = EXCLUDED.findings, diagnostics = EXCLUDED.diagnostics, error = EXCLUDED.error, source_text = EXCLUDED.source_text,
         source_html = EXCLUDED.source_html, source_marks = EXCLUDED.source_marks, uploaded_at = now(),
         read_model = NULL, version = published_reports.version + 1
       RETURNING id`,
      values,
    ))[0]!;
    const replaced = old && { file: old.file_name, body: old.body_id, year: old.year, error: old.error, version: Number(old.version), uploadedAt: new Date(old.uploaded_at).toISOString() };
    return { id: Number(row.id), replaced: replaced ?? null };
  }

  /** Reports in the viewer's scope of these bodies and years, other than the files `except` (by hash). */
  async sameBodyYear(viewer: Viewer, pairs: readonly { bodyId: string; year: number }[], except: readonly string[]): Promise<SameBodyYear[]> {
    if (!pairs.length) return [];
    const rows = await this.db.query<{ id: number | string; body_id: string; year: number; file_name: string; uploaded_at: Date | string }>(
      `SELECT p.id, p.body_id, p.year, p.file_name, p.uploaded_at FROM published_reports p
         JOIN jsonb_to_recordset($4::jsonb) AS k(body_id text, year int) ON k.body_id = p.body_id AND k.year = p.year
        WHERE ${IN_SCOPE} AND NOT (p.sha256 = ANY($5::text[])) ORDER BY p.uploaded_at, p.id`,
      [...scopeParams(viewer), JSON.stringify(pairs.map((x) => ({ body_id: x.bodyId, year: x.year }))), [...except]],
    );
    return rows.map((r) => ({ id: Number(r.id), bodyId: r.body_id, year: Number(r.year), file: r.file_name, uploadedAt: new Date(r.uploaded_at).toISOString() }));
  }

  /** New findings of a stored report (a newer upload paired with it or resembles it); returns the findings it had. */
  async setFindings(tx: Db, id: number, findings: readonly Finding[]): Promise<Finding[]> {
    const old = (await tx.query<{ findings: Finding[] }>('SELECT findings FROM published_reports WHERE id = $1', [id]))[0];
    await tx.query('UPDATE published_reports SET findings = $2 WHERE id = $1', [id, JSON.stringify(findings)]);
    return old?.findings ?? [];
  }

  /** Readable reports in scope of these years, for pairing and text comparison with new uploads (or with a corrected one, `exceptId`). */
  async pool(viewer: Viewer, fromYear: number, toYear: number, exceptSha: readonly string[], exceptId: number | null = null, db: Db = this.db): Promise<PoolReport[]> {
    const rows = await db.query<{ id: string | number; body_id: string | null; year: number; model: AnnualReport; findings: Finding[] }>(
      `SELECT p.id, p.body_id, p.year, p.model - 'provenance' - 'diagnostics' AS model, p.findings
         FROM published_reports p
        WHERE ${IN_SCOPE} AND p.error IS NULL AND p.model IS NOT NULL AND p.year BETWEEN $4 AND $5
          AND NOT (p.uploaded_by = $3 AND p.sha256 = ANY($6::text[])) AND ($7::bigint IS NULL OR p.id <> $7::bigint)
        ORDER BY p.uploaded_at, p.id`,
      [...scopeParams(viewer), fromYear, toYear, [...exceptSha], exceptId],
    );
    return rows.map((r) => ({ id: Number(r.id), bodyId: r.body_id, year: r.year, report: { ...r.model, provenance: {}, diagnostics: [] }, findings: r.findings }));
  }

  /** One report, or null when it does not exist or is out of the viewer's scope (the same answer); `db` may be a transaction. */
  async get(viewer: Viewer, id: number, db: Db = this.db): Promise<StoredReport | null> {
    const r = (await db.query<ReportRow>(
      `SELECT p.id, p.sha256, p.file_name, p.format, p.body_id, b.name AS body_name, b.level AS body_level, p.unit, p.year, p.published_on, p.template,
              p.model, p.findings, p.diagnostics, p.error, p.source_text, p.source_html IS NOT NULL AS has_html, p.source_marks, p.uploaded_by, p.uploaded_at,
              p.version, p.read_model
         FROM published_reports p LEFT JOIN bodies b ON b.id = p.body_id
        WHERE p.id = $4 AND ${IN_SCOPE}`,
      [...scopeParams(viewer), id],
    ))[0];
    if (!r) return null;
    return {
      id: Number(r.id), sha256: r.sha256, fileName: r.file_name, format: r.format, bodyId: r.body_id, bodyName: r.body_name, bodyLevel: r.body_level,
      unit: r.unit, year: r.year, publishedOn: r.published_on, template: r.template, model: r.model, findings: r.findings, diagnostics: r.diagnostics,
      error: r.error, sourceText: r.source_text, hasHtml: r.has_html, marks: r.source_marks ?? {}, uploadedBy: r.uploaded_by, uploadedAt: new Date(r.uploaded_at).toISOString(),
      version: Number(r.version), readModel: r.read_model ?? r.model,
    };
  }

  /** A report's corrections, oldest first (undos included). */
  async corrections(db: Db, reportId: number): Promise<StoredCorrection[]> {
    const rows = await db.query<{
      id: string | number; version: number; path: string; before: Cell; after: Cell; reason: string; undoes: string | number | null;
      actor: string; actor_name: string; made_at: Date | string;
    }>('SELECT id, version, path, before, after, reason, undoes, actor, actor_name, made_at FROM published_report_corrections WHERE report_id = $1 ORDER BY version, id', [reportId]);
    return rows.map((r) => ({
      id: Number(r.id), version: Number(r.version), path: r.path, before: r.before, after: r.after, reason: r.reason,
      undoes: r.undoes === null ? null : Number(r.undoes), actor: r.actor, actorName: r.actor_name, madeAt: new Date(r.made_at).toISOString(),
    }));
  }

  /** Corrections of the reports with these hashes uploaded by this user (a re-upload keeps them), by hash. */
  async correctionsOfUploads(db: Db, uploadedBy: number, shas: readonly string[]): Promise<Map<string, StoredCorrection[]>> {
    const rows = await db.query<{ id: string | number; sha256: string }>(
      'SELECT p.id, p.sha256 FROM published_reports p WHERE p.uploaded_by = $1 AND p.sha256 = ANY($2::text[]) AND EXISTS (SELECT 1 FROM published_report_corrections c WHERE c.report_id = p.id)',
      [uploadedBy, [...shas]],
    );
    const out = new Map<string, StoredCorrection[]>();
    for (const r of rows) out.set(r.sha256, await this.corrections(db, Number(r.id)));
    return out;
  }

  /** The report's version, the row locked until the transaction ends (null: no such report). */
  async lockVersion(tx: Db, id: number): Promise<number | null> {
    const r = (await tx.query<{ version: number }>('SELECT version FROM published_reports WHERE id = $1 FOR UPDATE', [id]))[0];
    return r ? Number(r.version) : null;
  }

  /**
   * A correction as a new version: the correction row, the corrected model and its findings. The
   * model as read is kept (on the first correction, from the model it replaces; never overwritten).
   */
  async addCorrection(tx: Db, id: number, version: number, c: NewCorrection, model: AnnualReport, findings: readonly Finding[]): Promise<number> {
    const row = (await tx.query<{ id: string | number }>(
      `INSERT INTO published_report_corrections (report_id, version, path, before, after, reason, undoes, actor, actor_name)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [id, version, c.path, JSON.stringify(c.before), JSON.stringify(c.after), c.reason, c.undoes, c.actor, c.actorName],
    ))[0]!;
    await tx.query(
      `UPDATE published_reports SET read_model = COALESCE(read_model, model), model = $2, findings = $3, version = $4 WHERE id = $1`,
      [id, JSON.stringify(model), JSON.stringify(findings), version],
    );
    return Number(row.id);
  }

  /** After a re-upload of a corrected file: the model as read and the corrected model. */
  async setCorrectedModel(tx: Db, id: number, read: AnnualReport, model: AnnualReport): Promise<void> {
    await tx.query('UPDATE published_reports SET read_model = $2, model = $3 WHERE id = $1', [id, JSON.stringify(read), JSON.stringify(model)]);
  }

  /** The sanitised page of an HTML upload in scope, with its findings (for the highlighted cells). */
  async sourceHtml(viewer: Viewer, id: number): Promise<{ html: string; findings: Finding[]; marks: Record<string, Mark> } | null> {
    const r = (await this.db.query<{ source_html: string | null; findings: Finding[]; source_marks: Record<string, Mark> }>(
      `SELECT p.source_html, p.findings, p.source_marks FROM published_reports p WHERE p.id = $4 AND ${IN_SCOPE}`,
      [...scopeParams(viewer), id],
    ))[0];
    return r?.source_html ? { html: r.source_html, findings: r.findings, marks: r.source_marks ?? {} } : null;
  }

  /** Every report in scope (of one year, when given), with its counts of findings. */
  async overview(viewer: Viewer, year: number | null): Promise<OverviewRow[]> {
    const rows = await this.db.query<{
      id: string | number; body_id: string | null; unit: string | null; year: number | null; file_name: string; error: string | null;
      errors: string | number; warnings: string | number; late: boolean; similar: boolean;
    }>(
      `SELECT p.id, p.body_id, p.unit, p.year, p.file_name, p.error,
              p.error_count AS errors, p.warning_count AS warnings, p.is_late AS late, p.is_similar AS similar
         FROM published_reports p
        WHERE ${IN_SCOPE} AND ($4::int IS NULL OR p.year = $4)
        ORDER BY p.year DESC NULLS LAST, p.uploaded_at DESC, p.id DESC`,
      [...scopeParams(viewer), year],
    );
    return rows.map((r) => ({
      id: Number(r.id), bodyId: r.body_id, unit: r.unit, year: r.year, fileName: r.file_name, error: r.error,
      errors: Number(r.errors), warnings: Number(r.warnings), late: r.late, similar: r.similar,
    }));
  }

  /** The years of the reports in scope. */
  async years(viewer: Viewer): Promise<number[]> {
    const rows = await this.db.query<{ year: number }>(`SELECT DISTINCT p.year FROM published_reports p WHERE ${IN_SCOPE} AND p.year IS NOT NULL ORDER BY p.year DESC`, scopeParams(viewer));
    return rows.map((r) => r.year);
  }

  /** The version of the overview's data, moved by a trigger on every change to reports or bodies. */
  async overviewVersion(): Promise<string | number | undefined> {
    return (await this.db.query<{ version: string | number }>("SELECT version FROM data_versions WHERE name = 'overview'"))[0]?.version;
  }

  /** The bodies of the overview: those in the viewer's set, filtered by name or region and by level. */
  async overviewBodies(viewer: Viewer, q: string | null, level: BodyLevel | null): Promise<BodyRef[]> {
    return this.db.query<BodyRef>(
      `SELECT id, name, level FROM bodies
        WHERE ($1::boolean OR id = ANY($2::text[]))
          AND ($3::text IS NULL OR name ILIKE '%' || $3 || '%' OR region ILIKE '%' || $3 || '%') AND ($4::text IS NULL OR level = $4)
        ORDER BY name LIMIT 5000`,
      [viewer.all, [...viewer.bodies], q, level],
    );
  }

  /** A body as uploads made them before matching (kept for tests of such bodies); false when it already existed. */
  async insertBody(tx: Db, body: BodyRef): Promise<boolean> {
    const made = await tx.query('INSERT INTO bodies (id, name, level) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING RETURNING id', [body.id, body.name, body.level]);
    return made.length > 0;
  }
}
