/**
 * The cross-year pass of a batch run: each body's report paired with the same body's report of
 * the year before (names compared as series.csv compares them, `bodyKey`), and the CROSS.* rules
 * of `rules/crossyear.ts` run on every pair.
 *
 * A batch never holds whole models: it keeps, per report, only the few rows those rules read
 * (`crossYearSlim`), so memory grows by a few hundred bytes a report, not by its model. Pure.
 */
import type { AnnualReport, CellRow } from '../model/report.js';
import { crossYearFindings } from '../rules/crossyear.js';
import { sortFindings, type Finding } from '../rules/finding.js';
import { bodyKey } from './outputs.js';

/** The rows the cross-year rules read: 上年结转 and 结转下年度 of table 三, 规章 and 规范性文件 of table 二. */
const KEPT = {
  applications: ['carriedOver', 'carriedForward'],
  proactive: ['regulations', 'normativeDocuments'],
} as const;

function pick(table: Record<string, CellRow>, keys: readonly string[]): Record<string, CellRow> {
  const out: Record<string, CellRow> = {};
  for (const key of keys) if (table[key]) out[key] = { ...table[key] };
  return out;
}

/** The report reduced to what the cross-year rules read (everything else empty). */
export function crossYearSlim(report: AnnualReport): AnnualReport {
  return {
    schema: report.schema,
    unit: report.unit,
    year: report.year,
    template: report.template,
    title: null,
    publishedOn: null,
    sections: [],
    proactive: pick(report.proactive, KEPT.proactive),
    applications: pick(report.applications, KEPT.applications),
    appeals: {},
    diagnostics: [],
    provenance: {},
  };
}

/** One report of the run, in output order: its file and its slim model. */
export interface CrossYearItem {
  file: string;
  report: AnnualReport;
}

export interface CrossYearResult {
  /** Index of the report (the later year) in the items. */
  index: number;
  file: string;
  report: AnnualReport;
  findings: Finding[];
}

/**
 * CROSS.* findings of every report whose body's previous year is among the items (the first
 * such report in item order when there are several), in item order, each report's findings
 * worst first. Reports without a body name or a year are never paired: two unnamed reports
 * are not one body.
 */
export function crossYearResults(items: readonly CrossYearItem[]): CrossYearResult[] {
  const key = (body: string, year: number) => `${year}\u0000${body}`;
  const first = new Map<string, AnnualReport>();
  for (const { report } of items) {
    const body = bodyKey(report.unit);
    if (body === '' || report.year === null || first.has(key(body, report.year))) continue;
    first.set(key(body, report.year), report);
  }
  const results: CrossYearResult[] = [];
  items.forEach(({ file, report }, index) => {
    const body = bodyKey(report.unit);
    if (body === '' || report.year === null) return;
    const previous = first.get(key(body, report.year - 1));
    if (!previous) return;
    const findings = sortFindings(crossYearFindings(report, previous));
    if (findings.length > 0) results.push({ index, file, report, findings });
  });
  return results;
}
