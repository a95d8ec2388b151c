/**
 * The source shown beside an uploaded report's tables: its lines, where each model value sits in
 * them, and the sanitised page of an HTML upload. Built from what the single reading of the file
 * (`parseFile`) returned — the document the model was recognised from, the decoded text, the
 * outside tools' output — so no file is read twice: `sourceView` is a pure function of the parse.
 */
import { parseFile, type IngestOptions, type IngestResult } from '../../ingest.js';
import type { AnnualReport } from '../../model/report.js';
import { sanitizeHtml } from '../../read/sanitize.js';
import type { TextCell, TextDocument } from '../../read/text.js';
import type { Mark, SourceView } from '../../store/published-store.js';

/** No source to show (a file not read). */
export const NO_SOURCE: SourceView = { lines: [], marks: {}, html: null };

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

function viewOf(parsed: IngestResult): SourceView {
  const { report, document, sourceText } = parsed;
  const ocrText = parsed.converted?.ocrText;
  if (ocrText !== undefined) return direct(textLines(ocrText), report);
  switch (parsed.format) {
    case 'text':
      return sourceText === null ? NO_SOURCE : direct(textLines(sourceText), report);
    case 'pdf':
      return document ? direct(document.lines.map((l) => l.text), report) : NO_SOURCE;
    case 'html':
      return document && sourceText !== null ? mapped(document, report, sanitizeHtml(sourceText, { cellIds: true })) : NO_SOURCE;
    case 'docx':
    case 'legacy-word':
      // A .doc or .wps was read from the .docx LibreOffice made of it: its document is that one's.
      return document ? mapped(document, report, null) : NO_SOURCE;
    default:
      return NO_SOURCE;
  }
}

/**
 * The source view of a parsed upload. An unreadable file shows its text only when it is text
 * that is not a report (not the bytes of a broken PDF, nor a file refused as too large).
 */
export function sourceView(parsed: IngestResult): SourceView {
  const notAReport = parsed.report.diagnostics.some((d) => d.code === 'INPUT.NOT_A_REPORT');
  if (!parsed.readable && !notAReport) return NO_SOURCE;
  try {
    return viewOf(parsed);
  } catch {
    // The model stands on its own; only the source pane stays empty.
    return NO_SOURCE;
  }
}

export interface ReadUpload {
  parsed: IngestResult;
  source: SourceView;
}

/** Read one uploaded file as `gongkai parse` would — once — and keep the text the model's provenance points into. */
export async function readUpload(bytes: Uint8Array, options: IngestOptions = {}): Promise<ReadUpload> {
  const parsed = await parseFile(bytes, options);
  return { parsed, source: sourceView(parsed) };
}
