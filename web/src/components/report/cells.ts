/**
 * The editor's pure helpers: reading and writing a cell of the model by its dotted path, what an
 * officer may type in a cell, and which cells a finding is about.
 */
import { forEachCell, type AnnualReport, type Cell, type TableKey } from '../../../../src/model/report.js';
import type { Finding } from '../../../../src/rules/finding.js';
import { relationsOf, termsOf } from '../../../../src/rules/relations.js';

const TABLE_KEYS: readonly string[] = ['proactive', 'applications', 'appeals'];

/** `applications.withheld.stateSecret.total` → table, row (which may hold a dot), column. */
export function splitPath(path: string): { table: TableKey; row: string; column: string } | null {
  const parts = path.split('.');
  if (parts.length < 3 || !TABLE_KEYS.includes(parts[0]!) || parts.includes('*')) return null;
  return { table: parts[0] as TableKey, row: parts.slice(1, -1).join('.'), column: parts[parts.length - 1]! };
}

export function cellOf(report: AnnualReport, path: string): Cell | undefined {
  const p = splitPath(path);
  return p ? report[p.table][p.row]?.[p.column] : undefined;
}

/** A copy of the report with one cell changed (the rest shared). */
export function withCell(report: AnnualReport, path: string, value: Cell): AnnualReport {
  const p = splitPath(path);
  if (!p) return report;
  const table = report[p.table];
  return { ...report, [p.table]: { ...table, [p.row]: { ...table[p.row], [p.column]: value } } };
}

/** What a cell shows: the number as it is, nothing for no figure. */
export const cellText = (value: Cell | undefined): string => (value === null || value === undefined ? '' : String(value));

/**
 * What the officer typed: empty (or the printed `/`) is "no figure" (null), never 0; a number
 * may carry a sign or decimals (the checks then say whether this cell allows them).
 */
export function parseCellInput(text: string): { ok: true; value: Cell } | { ok: false; error: string } {
  const t = text.normalize('NFKC').replace(/[\s,]/g, '').replace(/^−/, '-');
  if (t === '' || t === '/') return { ok: true, value: null };
  if (!/^[+-]?\d+(\.\d+)?$/.test(t)) return { ok: false, error: `“${text.trim()}”不是数字；没有数字请留空` };
  return { ok: true, value: Number(t) };
}

/**
 * The cells a finding is about: the cell it names, the cells its suggested correction would
 * change, and — for a broken sum — the cells of that sum the officer has just edited, so the
 * number typed is marked even when the correction is ambiguous.
 */
export function cellsOfFinding(finding: Finding, report: AnnualReport, touched: ReadonlySet<string>): string[] {
  const cells = new Set<string>();
  if (splitPath(finding.at)) cells.add(finding.at);
  for (const c of finding.suggestion?.cells ?? []) cells.add(c.at);
  const relation = relationsOf(report).find((r) => r.code === finding.code && r.at === finding.at);
  for (const t of relation ? termsOf(relation) : []) if (touched.has(t.path)) cells.add(t.path);
  return [...cells];
}

/** Findings by the cell they concern (a finding may concern several cells). */
export function findingsByCell(findings: readonly Finding[], report: AnnualReport, touched: ReadonlySet<string>): Map<string, Finding[]> {
  const map = new Map<string, Finding[]>();
  for (const f of findings) {
    for (const cell of cellsOfFinding(f, report, touched)) map.set(cell, [...(map.get(cell) ?? []), f]);
  }
  return map;
}

/** Every cell where the report says something other than the register (where the register has a figure). */
export function departures(report: AnnualReport, fromRegister: AnnualReport): { path: string; value: Cell; register: number }[] {
  const out: { path: string; value: Cell; register: number }[] = [];
  forEachCell(fromRegister, (table, row, column, register) => {
    if (register === null) return;
    const path = `${table}.${row}.${column}`;
    const value = cellOf(report, path) ?? null;
    if (value !== register) out.push({ path, value, register });
  });
  return out;
}
