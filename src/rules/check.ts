/**
 * The rule engine: every rule over one report (and, when given, the same body's previous
 * report and other reports to compare text with). Pure: the CLI, the web form and the
 * register all call `checkReport`.
 */
import type { FindingCode } from '../model/codes.js';
import type { AnnualReport } from '../model/report.js';
import { arithmeticFindings } from './arithmetic.js';
import { completenessFindings } from './completeness.js';
import { crossYearFindings } from './crossyear.js';
import { sortFindings, type Finding } from './finding.js';
import { narrativeFindings } from './narrative.js';
import { DEFAULT_DEADLINES, publicationFindings, type Deadlines } from './publication.js';
import { DEFAULT_SIMILARITY_THRESHOLD, similarityFindings } from './similarity.js';
import { valueFindings } from './values.js';

export interface CheckOptions {
  /** The same body's report for the previous year. */
  previous?: AnnualReport;
  /** Other reports whose narrative to compare (other bodies, earlier years). */
  peers?: readonly AnnualReport[];
  deadlines?: Deadlines;
  similarityThreshold?: number;
}

/** What the reader already found (missing rows, blanks, label variants …) is part of the check. */
function readerFindings(report: AnnualReport): Finding[] {
  return report.diagnostics.map((d) => {
    const f: Finding = { code: d.code, severity: d.severity, message: d.message, at: d.at, expected: null, found: d.raw ?? null };
    if (d.line !== undefined) f.line = d.line;
    return f;
  });
}

export function checkReport(report: AnnualReport, options: CheckOptions = {}): Finding[] {
  const findings = [
    ...readerFindings(report),
    ...arithmeticFindings(report),
    ...valueFindings(report),
    ...narrativeFindings(report),
    ...completenessFindings(report),
    ...publicationFindings(report, options.deadlines ?? DEFAULT_DEADLINES),
  ];
  if (options.previous) findings.push(...crossYearFindings(report, options.previous));
  const others = [...(options.previous ? [options.previous] : []), ...(options.peers ?? [])];
  findings.push(...similarityFindings(report, others, options.similarityThreshold ?? DEFAULT_SIMILARITY_THRESHOLD));
  return sortFindings(findings);
}

/** Arithmetic codes: what the mutation test and the culprit search are about. */
export const ARITHMETIC_CODES: ReadonlySet<string> = new Set<FindingCode>(['T3.ROW_TOTAL', 'T3.OUTCOME_TOTAL', 'T3.BALANCE', 'T3.SUBTOTAL', 'T4.GROUP_TOTAL']);
