/**
 * A report's rows and columns back in template order. PostgreSQL's jsonb does not keep the
 * order of object keys, and the order of table 三's rows is meaning: the outcome rows are those
 * between `granted` and `total` (`outcomeRowKeys`, `relationsOf`). A model read back from the
 * database goes through here before anything reads it.
 */
import { applicationRowKeys, templateFor } from '../template/templates.js';
import type { AnnualReport, CellRow } from './report.js';

/** `table` with `keys` first, in that order, then any other keys as they were. */
function ordered<T>(table: Record<string, T>, keys: readonly string[]): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k of keys) if (k in table) out[k] = table[k]!;
  for (const [k, v] of Object.entries(table)) if (!(k in out)) out[k] = v;
  return out;
}

const rows = (table: Record<string, CellRow>, rowKeys: readonly string[], columnsOf: (row: string) => readonly string[]) =>
  Object.fromEntries(Object.entries(ordered(table, rowKeys)).map(([k, cells]) => [k, ordered(cells, columnsOf(k))]));

export function inTemplateOrder(report: AnnualReport): AnnualReport {
  const t = templateFor(report.template);
  const proactiveRows = t.proactive.flatMap((b) => b.rows);
  const columns = t.applicationColumns.map((c) => c.key);
  const results = t.appealResults.map((c) => c.key);
  return {
    ...report,
    proactive: rows(report.proactive, proactiveRows.map((r) => r.key), (k) => proactiveRows.find((r) => r.key === k)?.fields.map((f) => f.key) ?? []),
    applications: rows(report.applications, applicationRowKeys(report.template, 'otherHandling' in report.applications), () => columns),
    appeals: rows(report.appeals, t.appealGroups.map((g) => g.key), () => results),
  };
}
