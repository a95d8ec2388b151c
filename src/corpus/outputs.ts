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

/** A body's name for pairing years: no white space, no trailing 人民政府 / 街道办事处 / 办事处. */
export function bodyKey(unit: string | null | undefined): string {
  return (unit ?? '').replace(/\s+/g, '').replace(/(人民政府|街道办事处|办事处)$/, '');
}

export const SERIES_HEADER = [
  'body', 'year', 'unit', 'template', 'file', 'newReceived', 'carriedOver', 'handled', 'carriedForward',
  'granted', 'partlyGranted', 'reconsideration', 'litigation', 'licensing', 'penalty', 'coercion', 'fees',
  'previousCarriedForward', 'carryMatches', 'errors', 'warnings',
];

export interface SeriesRow {
  body: string;
  year: number | null;
  fields: unknown[];
  carriedOver: number | null;
  carriedForward: number | null;
  /** Findings of the report by severity: its own check's, plus the cross-year pass's. */
  errors: number;
  warnings: number;
}

/** The figures of one report that a time series of its body needs. */
export function seriesRow(r: BatchResult): SeriesRow | null {
  const report = r.report;
  if (!report) return null;
  const a = (row: string) => report.applications[row]?.total ?? null;
  const appeal = (g: string) => report.appeals[g]?.total ?? null;
  const sum = (...xs: (number | null)[]) => (xs.some((x) => x === null) ? null : xs.reduce<number>((n, x) => n + (x ?? 0), 0));
  const count = (sev: string) => (r.findings ?? []).filter((f) => f.severity === sev).length;
  return {
    body: bodyKey(report.unit),
    year: report.year,
    carriedOver: a('carriedOver'),
    carriedForward: a('carriedForward'),
    fields: [
      report.unit, report.template, r.file, a('newReceived'), a('carriedOver'), a('total'), a('carriedForward'),
      a('granted'), a('partlyGranted'), appeal('reconsideration'),
      sum(appeal('litigationDirect'), appeal('litigationAfterReconsideration')),
      report.proactive.licensing?.decisions ?? null, report.proactive.penalty?.decisions ?? null,
      report.proactive.coercion?.decisions ?? null, report.proactive.fees?.amount ?? null,
    ],
    errors: count('error'),
    warnings: count('warning'),
  };
}

/**
 * series.csv lines: each body's reports by year, with last year's 结转下年度 beside this year's
 * 上年结转 (the CROSS.CARRY relation) where the body's previous year is in the corpus (the
 * first such report in output order, as the cross-year pass pairs them). Sorting is stable, so
 * one body's reports of one year keep their output order.
 */
export function seriesLines(rows: readonly SeriesRow[]): string[] {
  const sorted = [...rows].sort((x, y) => (x.body < y.body ? -1 : x.body > y.body ? 1 : (x.year ?? 0) - (y.year ?? 0)));
  const key = (body: string, year: number) => `${year}\u0000${body}`;
  const first = new Map<string, SeriesRow>();
  for (const row of sorted) if (row.year !== null && !first.has(key(row.body, row.year))) first.set(key(row.body, row.year), row);
  return sorted.map((row) => {
    const previous = row.year === null ? undefined : first.get(key(row.body, row.year - 1));
    const prev = previous ? previous.carriedForward : null;
    const matches = previous && prev !== null && row.carriedOver !== null ? (prev === row.carriedOver ? 'yes' : 'no') : '';
    const [unit, template, file, ...figures] = row.fields;
    return csvLine([row.body, row.year, unit, template, file, ...figures, prev, matches, row.errors, row.warnings]);
  });
}
