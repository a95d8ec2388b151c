/**
 * What a batch run writes, as pure functions of its results: CSV rows of findings and of
 * every table cell (long format, for pandas, R and Excel users), and the summary columns.
 * Deterministic: the same results give the same bytes, whatever order they were computed in.
 */
import { forEachCell, type AnnualReport } from '../model/report.js';
import type { Finding } from '../rules/finding.js';

/** One processed file, as cached and merged. */
export interface BatchResult {
  /** The path as given on the command line (or below the folder given). */
  file: string;
  sha256: string;
  report?: AnnualReport;
  findings?: Finding[];
  /** Why the file could not be read. */
  error?: string;
}

function csvField(value: unknown): string {
  const s = value === null || value === undefined ? '' : String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvLine = (fields: readonly unknown[]): string => `${fields.map(csvField).join(',')}\n`;

export const FINDINGS_HEADER = ['file', 'unit', 'year', 'code', 'severity', 'at', 'expected', 'found', 'message'];
export const CELLS_HEADER = ['file', 'unit', 'year', 'template', 'table', 'row', 'column', 'value', 'raw'];
export const ERRORS_HEADER = ['file', 'sha256', 'error'];

export function findingRows(r: BatchResult): unknown[][] {
  return (r.findings ?? []).map((f) => [r.file, r.report?.unit, r.report?.year, f.code, f.severity, f.at, f.expected, f.found, f.message]);
}

export function cellRows(r: BatchResult): unknown[][] {
  const rows: unknown[][] = [];
  const report = r.report;
  if (!report) return rows;
  forEachCell(report, (table, row, column, value) => {
    rows.push([r.file, report.unit, report.year, report.template, table, row, column, value, report.provenance[`${table}.${row}.${column}`]?.raw ?? '']);
  });
  return rows;
}

/** Summary columns of one table: `row.column` for every cell, in template order. */
export function summaryColumns(report: AnnualReport, table: 'proactive' | 'applications' | 'appeals'): string[] {
  return Object.entries(report[table]).flatMap(([row, cells]) => Object.keys(cells).map((c) => `${row}.${c}`));
}

/** Results in the order every run writes them: by file, then content. */
export function ordered(results: readonly BatchResult[]): BatchResult[] {
  return [...results].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.sha256.localeCompare(b.sha256)));
}
