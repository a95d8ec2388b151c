/**
 * Scoring a parsed report against a hand-verified expected file of ../shared/corpus: every cell
 * the people who typed the file could see is judged, and put in one of five classes —
 *
 *  - `right`: the value the source shows (a blank, `/` or dash is `null`; `+2` is 2; `251000元` is 251000);
 *  - `null`: we gave no value where the source has one, and a warning or error says why (honest);
 *  - `flagged`: we gave a wrong value, and an error on its cell, row or column says it is doubtful;
 *  - `warned`: a wrong value with only a warning — still not good enough (the issue asks for none);
 *  - `silent`: a wrong value, or a missing one, that nothing points at — the worst case.
 *
 * Pure: the caller parses; this only compares. Diagnostics count for a cell when their `at` is the
 * cell, its row, its column (`applications.*.otherOrg`) or — for nulls only — its whole table.
 */
import type { AnnualReport, Diagnostic, Severity } from '../../src/model/report.js';

export type CellClass = 'right' | 'null' | 'flagged' | 'warned' | 'silent';
export const CLASSES: readonly CellClass[] = ['right', 'null', 'flagged', 'warned', 'silent'];

export const TABLES = ['proactive', 'applications', 'appeals'] as const;

export interface CellScore {
  path: string;
  expected: number | null;
  got: number | null | undefined;
  class: CellClass;
}

export interface Expected {
  unit: string;
  year: number;
  template: string;
  proactive?: Record<string, Record<string, unknown>>;
  applications?: Record<string, Record<string, unknown>>;
  appeals?: Record<string, Record<string, unknown>>;
}

/** A typed cell as a number or null: `/`, `-`, `—` and blanks are null; a sign or unit keeps its number. */
export function expectedValue(raw: unknown): number | null {
  if (typeof raw === 'number') return raw;
  if (typeof raw !== 'string') return null;
  const m = /^\s*([+-]?\d+(?:\.\d+)?)\s*(?:元|万元|件|个|条|次)?\s*$/.exec(raw);
  return m ? Number(m[1]) : null;
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** Does diagnostic `at` point at `path` (the cell, its row, or its column by `*`)? */
function pointsAt(at: string, path: string, table: string): boolean {
  if (at === path || path.startsWith(at + '.')) return at !== table;
  if (!at.includes('*')) return false;
  const pattern = new RegExp('^' + at.split('*').map((s) => s.replace(/[.]/g, '\\.')).join('[^]+') + '$');
  return pattern.test(path);
}

/** The strongest severity among diagnostics about the cell (row, column), and about its table. */
function severityAt(diags: readonly Diagnostic[], path: string, table: string): { cell: number; table: number } {
  let cell = -1;
  let whole = -1;
  for (const d of diags) {
    if (pointsAt(d.at, path, table)) cell = Math.max(cell, RANK[d.severity]);
    else if (d.at === table) whole = Math.max(whole, RANK[d.severity]);
  }
  return { cell, table: whole };
}

export function classify(expected: number | null, got: number | null | undefined, severity: { cell: number; table: number }): CellClass {
  const value = got ?? null;
  if (value === expected) return 'right';
  if (value === null) return Math.max(severity.cell, severity.table) >= RANK.warning ? 'null' : 'silent';
  if (severity.cell >= RANK.error) return 'flagged';
  if (severity.cell >= RANK.warning) return 'warned';
  return 'silent';
}

/** Every judged cell of one report. */
export function scoreReport(report: AnnualReport, expected: Expected): CellScore[] {
  const out: CellScore[] = [];
  for (const table of TABLES) {
    for (const [row, cells] of Object.entries(expected[table] ?? {})) {
      for (const [column, raw] of Object.entries(cells)) {
        const path = `${table}.${row}.${column}`;
        const want = expectedValue(raw);
        const got = report[table][row]?.[column];
        out.push({ path, expected: want, got, class: classify(want, got, severityAt(report.diagnostics, path, table)) });
      }
    }
  }
  return out;
}

export type Tally = Record<CellClass, number>;

export function tally(scores: readonly CellScore[]): Tally {
  const t = Object.fromEntries(CLASSES.map((c) => [c, 0])) as Tally;
  for (const s of scores) t[s.class]++;
  return t;
}

export function addTally(a: Tally, b: Tally): Tally {
  return Object.fromEntries(CLASSES.map((c) => [c, a[c] + b[c]])) as Tally;
}

/** What the metadata check found: the unit, year and template as read against the typed ones. */
export function metaMismatches(report: AnnualReport, expected: Expected): string[] {
  const bad: string[] = [];
  // Excerpts whose unit was never visible are typed with （名称未见）/（推断）: not judged.
  if (!/（/.test(expected.unit) && report.unit !== expected.unit) bad.push(`unit: ${String(report.unit)} ≠ ${expected.unit}`);
  if (report.year !== expected.year) bad.push(`year: ${String(report.year)} ≠ ${expected.year}`);
  if (report.template !== expected.template) bad.push(`template: ${report.template} ≠ ${expected.template}`);
  return bad;
}
