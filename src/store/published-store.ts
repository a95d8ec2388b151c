/**
 * Published reports as supervisors upload them: what one uploaded file (or each file of a ZIP)
 * becomes — the model, the text its provenance points into, the sanitised page of an HTML
 * upload — and the table that keeps them, always read within the viewer's scope: a supervisor's
 * bodies, plus their own uploads that could not be matched to a body; the administrator sees all.
 */
import { createHash } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import { detectFormat, parseFile, type ExternalTools, type IngestResult } from '../ingest.js';
import type { AnnualReport, Diagnostic } from '../model/report.js';
import { decodeText } from '../read/decode.js';
import { readDocx } from '../read/docx.js';
import { decodeHtml, readHtml } from '../read/html.js';
import { readPdf } from '../read/pdf.js';
import { sanitizeHtml } from '../read/sanitize.js';
import type { TextCell, TextDocument } from '../read/text.js';
import { zipDanger, zipEntries, type ZipEntry } from '../read/zip.js';
import type { Finding } from '../rules/finding.js';
import { writeAudit } from './audit.js';
import type { Db } from './db.js';

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

// ─── Reading one upload ─────────────────────────────────────────────────────────────────────

/** Where a model value sits in the source text shown beside the tables. */
export interface Mark {
  /** 1-based line of `lines`, column in it, and the length of the value as written. */
  line: number;
  column: number;
  length: number;
  /** HTML uploads: the id of the value's table cell in the sanitised page. */
  cell?: string;
}

export interface SourceView {
  /** The text as read: the file's lines, pdf.js's layout lines, or the lines the HTML/Word reader made. */
  lines: string[];
  marks: Record<string, Mark>;
  /** HTML uploads only: the page after sanitising. */
  html: string | null;
}

const NO_SOURCE: SourceView = { lines: [], marks: {}, html: null };

/** Provenance points straight into these lines (text, PDF layout text, OCR text). */
function direct(lines: string[], report: AnnualReport): SourceView {
  const marks: Record<string, Mark> = {};
  for (const [path, p] of Object.entries(report.provenance)) marks[path] = { line: p.line, column: p.column, length: p.raw.length };
  return { lines, marks, html: null };
}

const textLines = (text: string) => text.replace(/\r\n?/g, '\n').replace(/\f/g, '').split('\n');

interface Placed {
  cell: TextCell;
  line: number;
  column: number;
  tableRow: boolean;
}

/** Each reader cell with its place in the reader's own lines (a table row is its cells joined by tabs). */
function placeCells(doc: TextDocument): Map<number, Placed[]> {
  const bySource = new Map<number, Placed[]>();
  doc.lines.forEach((l, i) => {
    const tableRow = l.text === l.cells.map((c) => c.text).join('\t');
    let at = 1;
    for (const cell of l.cells) {
      const placed = { cell, line: i + 1, column: tableRow ? at : cell.column, tableRow };
      at += cell.text.length + 1;
      const list = bySource.get(cell.line) ?? [];
      list.push(placed);
      bySource.set(cell.line, list);
    }
  });
  for (const list of bySource.values()) list.sort((a, b) => a.cell.column - b.cell.column);
  return bySource;
}

/**
 * HTML and Word: provenance points into the markup (line and column of a cell's tag); shown are
 * the reader's lines instead, so each value is moved to its cell there.
 */
function mapped(doc: TextDocument, report: AnnualReport, html: string | null): SourceView {
  const bySource = placeCells(doc);
  const marks: Record<string, Mark> = {};
  for (const [path, p] of Object.entries(report.provenance)) {
    const candidates = bySource.get(p.line) ?? [];
    const hit = candidates.find((c) => c.cell.column === p.column) ?? [...candidates].reverse().find((c) => c.cell.column <= p.column);
    if (!hit) continue;
    const mark: Mark = { line: hit.line, column: hit.column, length: Math.min(p.raw.length, hit.cell.text.length) || 1 };
    if (html !== null && hit.tableRow) mark.cell = `c${hit.cell.line}-${hit.cell.column}`;
    marks[path] = mark;
  }
  return { lines: doc.lines.map((l) => l.text), marks, html };
}

interface Seen {
  ocr?: string;
  docx?: Uint8Array;
}

async function sourceOf(bytes: Uint8Array, parsed: IngestResult, seen: Seen): Promise<SourceView> {
  const report = parsed.report;
  if (seen.ocr !== undefined) return direct(textLines(seen.ocr), report);
  switch (parsed.format) {
    case 'text':
      return direct(textLines(decodeText(bytes).text), report);
    case 'pdf':
      return direct((await readPdf(bytes)).doc.lines.map((l) => l.text), report);
    case 'html': {
      const source = decodeHtml(bytes);
      return mapped(readHtml(source), report, sanitizeHtml(source, { cellIds: true }));
    }
    case 'docx':
      return mapped((await readDocx(bytes)).doc, report, null);
    case 'legacy-word':
      return seen.docx ? mapped((await readDocx(seen.docx)).doc, report, null) : NO_SOURCE;
    default:
      return NO_SOURCE;
  }
}

export interface ReadUpload {
  parsed: IngestResult;
  source: SourceView;
}

/**
 * Read one uploaded file as `gongkai parse` would, and keep the text the model's provenance
 * points into. The outside tools' results (OCR text, converted Word) are caught on their way in,
 * so nothing slow runs twice.
 */
export async function readUpload(bytes: Uint8Array, options: { maxBytes: number; tools?: ExternalTools }): Promise<ReadUpload> {
  const seen: Seen = {};
  const given = options.tools ?? {};
  const tools: ExternalTools = {};
  const ocr = given.ocr;
  const convert = given.convertLegacyWord;
  if (ocr) tools.ocr = async (b, kind) => (seen.ocr = await ocr(b, kind));
  if (convert) tools.convertLegacyWord = async (b) => (seen.docx = await convert(b));
  const parsed = await parseFile(bytes, { maxBytes: options.maxBytes, tools });
  // An unreadable file shows its text only when it is text that is not a report (not bytes of a broken PDF).
  const notAReport = parsed.report.diagnostics.some((d) => d.code === 'INPUT.NOT_A_REPORT');
  if (bytes.length > options.maxBytes || (!parsed.readable && !notAReport)) return { parsed, source: NO_SOURCE };
  try {
    return { parsed, source: await sourceOf(bytes, parsed, seen) };
  } catch {
    // The model stands on its own; only the source pane stays empty.
    return { parsed, source: NO_SOURCE };
  }
}

// ─── ZIP archives among the uploads ─────────────────────────────────────────────────────────

export type Unpacked = { file: string; bytes: Uint8Array } | { file: string; refused: string };

/** Files that are no report: folders, macOS resource forks, hidden files. */
const JUNK = /(^|\/)(__MACOSX\/|\.[^/]*$|Thumbs\.db$|desktop\.ini$)/i;

/** An entry's name: UTF-8 when flagged (bit 11), else UTF-8 if valid, else GB18030 (Chinese Windows). */
function entryName(bytes: Uint8Array, view: DataView, e: ZipEntry): string {
  const raw = bytes.subarray(e.central + 46, e.central + 46 + view.getUint16(e.central + 28, true));
  if (view.getUint16(e.central + 8, true) & 0x0800) return new TextDecoder().decode(raw);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    return new TextDecoder('gb18030').decode(raw);
  }
}

/** One entry's bytes, never inflating past what its directory declares (a lying directory cannot blow memory). */
function unpackEntry(bytes: Uint8Array, view: DataView, e: ZipEntry): Uint8Array | string {
  const flags = view.getUint16(e.central + 8, true);
  const method = view.getUint16(e.central + 10, true);
  if (flags & 0x0001) return '文件已加密，无法解压';
  if (e.local + 30 > bytes.length || view.getUint32(e.local, true) !== 0x04034b50) return '压缩包已损坏（找不到文件头）';
  const start = e.local + 30 + view.getUint16(e.local + 26, true) + view.getUint16(e.local + 28, true);
  const data = bytes.subarray(start, start + e.compressed);
  if (data.length !== e.compressed) return '压缩包已损坏（文件被截断）';
  if (method === 0) return data;
  if (method !== 8) return `不支持的压缩方式（${method}）`;
  try {
    const out = inflateRawSync(data, { maxOutputLength: Math.max(1, e.uncompressed) });
    return out.length === e.uncompressed ? new Uint8Array(out.buffer, out.byteOffset, out.length) : '压缩包内容与其目录不符（疑似压缩炸弹），未解压';
  } catch {
    return '解压失败：内容已损坏或超过目录所写的大小（疑似压缩炸弹）';
  }
}

/**
 * The files of a ZIP archive (`archive.zip!/entry`), after a look at its directory: a zip bomb
 * or a broken archive is refused unopened; an entry over the size limit, encrypted, or itself an
 * archive is refused on its own.
 */
export function unpackZip(name: string, bytes: Uint8Array, maxEntryBytes: number): Unpacked[] | { refused: string } {
  const entries = zipEntries(bytes);
  if (!entries) return { refused: '压缩包不完整或已损坏（找不到文件目录，可能上传或下载中断）' };
  const danger = zipDanger(entries);
  if (danger) return { refused: `压缩包未解压：${danger}` };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: Unpacked[] = [];
  for (const e of entries) {
    const entry = entryName(bytes, view, e);
    if (entry.endsWith('/') || JUNK.test(entry)) continue;
    const file = `${name}!/${entry}`;
    if (e.uncompressed > maxEntryBytes) {
      out.push({ file, refused: `文件解压后有 ${mib(e.uncompressed)}，超过每个文件的上限 ${mib(maxEntryBytes)}` });
      continue;
    }
    const data = unpackEntry(bytes, view, e);
    if (typeof data === 'string') out.push({ file, refused: data });
    else if (data.length && detectFormat(data) === 'zip') out.push({ file, refused: '压缩包中的压缩包不再展开，请解压后分别上传' });
    else out.push({ file, bytes: data });
  }
  return out;
}

export function mib(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
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
}

/** A stored report as the checks of a new upload need it (no provenance, no source). */
export interface PoolReport {
  id: number;
  bodyId: string | null;
  year: number | null;
  report: AnnualReport;
  findings: Finding[];
}

export interface OverviewRow {
  id: number;
  bodyId: string | null;
  unit: string | null;
  year: number | null;
  fileName: string;
  error: string | null;
  errors: number;
  warnings: number;
  late: boolean;
  similar: boolean;
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
}

/** What the audit log keeps of a stored report (not the whole model). */
function summary(r: { fileName: string; bodyId: string | null; report: AnnualReport | null; findings: readonly Finding[]; error: string | null }) {
  return {
    file: r.fileName,
    body: r.bodyId,
    unit: r.report?.unit ?? null,
    year: r.report?.year ?? null,
    errors: r.findings.filter((f) => f.severity === 'error').length,
    warnings: r.findings.filter((f) => f.severity === 'warning').length,
    error: r.error,
  };
}

export class PublishedStore {
  constructor(private readonly db: Db) {}

  /**
   * Store one upload; the same bytes uploaded again by the same user replace their earlier row
   * (same id). Returns the id.
   */
  async save(tx: Db, uploadedBy: number, r: NewPublished, actor: string): Promise<number> {
    const old = (await tx.query<{ id: number; file_name: string; body_id: string | null; year: number | null; error: string | null }>(
      'SELECT id, file_name, body_id, year, error FROM published_reports WHERE sha256 = $1 AND uploaded_by = $2',
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
         source_html = EXCLUDED.source_html, source_marks = EXCLUDED.source_marks, uploaded_at = now()
       RETURNING id`,
      values,
    ))[0]!;
    const id = Number(row.id);
    const oldSummary = old ? { file: old.file_name, body: old.body_id, year: old.year, error: old.error } : null;
    await writeAudit(tx, actor, old ? 'replace' : 'upload', 'published-report', String(id), oldSummary, { sha256: r.sha256, ...summary(r) });
    return id;
  }

  /** New findings of a stored report (a newer upload paired with it or resembles it). */
  async setFindings(tx: Db, id: number, findings: readonly Finding[], actor: string): Promise<void> {
    const old = (await tx.query<{ findings: Finding[] }>('SELECT findings FROM published_reports WHERE id = $1', [id]))[0];
    await tx.query('UPDATE published_reports SET findings = $2 WHERE id = $1', [id, JSON.stringify(findings)]);
    const codes = (fs: readonly Finding[] | undefined) => (fs ?? []).map((f) => f.code);
    await writeAudit(tx, actor, 'recheck', 'published-report', String(id), { findings: codes(old?.findings) }, { findings: codes(findings) });
  }

  /** Readable reports in scope of these years, for pairing and text comparison with new uploads. */
  async pool(viewer: Viewer, fromYear: number, toYear: number, exceptSha: readonly string[]): Promise<PoolReport[]> {
    const rows = await this.db.query<{ id: string | number; body_id: string | null; year: number; model: AnnualReport; findings: Finding[] }>(
      `SELECT p.id, p.body_id, p.year, p.model - 'provenance' - 'diagnostics' AS model, p.findings
         FROM published_reports p
        WHERE ${IN_SCOPE} AND p.error IS NULL AND p.model IS NOT NULL AND p.year BETWEEN $4 AND $5
          AND NOT (p.uploaded_by = $3 AND p.sha256 = ANY($6::text[]))
        ORDER BY p.uploaded_at, p.id`,
      [...scopeParams(viewer), fromYear, toYear, [...exceptSha]],
    );
    return rows.map((r) => ({ id: Number(r.id), bodyId: r.body_id, year: r.year, report: { ...r.model, provenance: {}, diagnostics: [] }, findings: r.findings }));
  }

  /** One report, or null when it does not exist or is out of the viewer's scope (the same answer). */
  async get(viewer: Viewer, id: number): Promise<StoredReport | null> {
    const r = (await this.db.query<ReportRow>(
      `SELECT p.id, p.sha256, p.file_name, p.format, p.body_id, b.name AS body_name, b.level AS body_level, p.unit, p.year, p.published_on, p.template,
              p.model, p.findings, p.diagnostics, p.error, p.source_text, p.source_html IS NOT NULL AS has_html, p.source_marks, p.uploaded_by, p.uploaded_at
         FROM published_reports p LEFT JOIN bodies b ON b.id = p.body_id
        WHERE p.id = $4 AND ${IN_SCOPE}`,
      [...scopeParams(viewer), id],
    ))[0];
    if (!r) return null;
    return {
      id: Number(r.id), sha256: r.sha256, fileName: r.file_name, format: r.format, bodyId: r.body_id, bodyName: r.body_name, bodyLevel: r.body_level,
      unit: r.unit, year: r.year, publishedOn: r.published_on, template: r.template, model: r.model, findings: r.findings, diagnostics: r.diagnostics,
      error: r.error, sourceText: r.source_text, hasHtml: r.has_html, marks: r.source_marks ?? {}, uploadedBy: r.uploaded_by, uploadedAt: new Date(r.uploaded_at).toISOString(),
    };
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
}
