/**
 * The summary spreadsheet's columns (one per table cell, `row.column`) and their printed labels,
 * as pure functions shared by every writer of a summary: `gongkai batch`'s summary.xlsx and the
 * supervisor's export. Labels come from the template data, never spelled here.
 */
import { emptyReport, type AnnualReport, type Cell, type TableKey } from '../model/report.js';
import { summaryColumns } from './outputs.js';
import { columnLabel, rowLabel } from './rollup.js';

/** The summary's sheets: one per table, named as the report names them. */
export const SUMMARY_SHEETS = [
  ['proactive', '表二'],
  ['applications', '表三'],
  ['appeals', '表四'],
] as const satisfies readonly (readonly [TableKey, string])[];

/** Every column a table can have: 2021's (with 2019's single （六） row), then what only 2019 has. */
export function summaryColumnsOf(table: TableKey): string[] {
  const columns = [...summaryColumns(emptyReport('2021', { singleOtherHandling: true }), table), ...summaryColumns(emptyReport('2019'), table)];
  return [...new Set(columns)];
}

/** The columns the given reports carry, in the order of `summaryColumnsOf` (no column nobody has). */
export function columnsUsedBy(table: TableKey, reports: readonly AnnualReport[]): string[] {
  const used = new Set(reports.flatMap((r) => summaryColumns(r, table)));
  return summaryColumnsOf(table).filter((c) => used.has(c));
}

function split(column: string): [string, string] {
  const at = column.lastIndexOf('.');
  return [column.slice(0, at), column.slice(at + 1)];
}

/** The report's values in these columns (null where it has no value or no such cell). */
export function summaryValues(report: AnnualReport, table: TableKey, columns: readonly string[]): Cell[] {
  const t = report[table];
  return columns.map((c) => {
    const [row, column] = split(c);
    return t[row]?.[column] ?? null;
  });
}

/** A column's printed labels: its row (with its group in table 三) and its column. */
export function summaryLabels(table: TableKey, column: string): { row: string; column: string } {
  const [row, col] = split(column);
  return { row: rowLabel(table, row), column: columnLabel(table, row, col) };
}
