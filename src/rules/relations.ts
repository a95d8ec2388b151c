/**
 * The arithmetic of tables 三 and 四 as linear relations over cells (Σ coef·value = 0).
 * Built from the template data and the report's own row keys, so a 2019 report, a 2021 report
 * and a 2021 report with the single （六） row each get the relations their tables carry.
 */
import { cellNumber } from '../model/cell-number.js';
import type { AnnualReport } from '../model/report.js';
import { applicationRowKeys, ORGANISATION_COLUMNS, TEMPLATE_2021 } from '../template/templates.js';

export interface Term {
  path: string;
  coef: 1 | -1;
}

export interface Relation {
  code: 'T3.ROW_TOTAL' | 'T3.OUTCOME_TOTAL' | 'T3.BALANCE' | 'T3.SUBTOTAL' | 'T4.GROUP_TOTAL';
  /** The total cell the relation is about (where a finding points). */
  at: string;
  /** The cell written as the total side, and the parts summed, for messages. */
  total: Term[];
  parts: Term[];
  /** Row or column the relation runs along (for messages): template label. */
  along: string;
}

const APPLICANTS = TEMPLATE_2021.applicationColumns.filter((c) => c.key !== 'total');
const COLUMN_LABEL = new Map(TEMPLATE_2021.applicationColumns.map((c) => [c.key, c.label]));
const ROW_LABEL = new Map(TEMPLATE_2021.applicationRows.map((r) => [r.key, r.label]));
ROW_LABEL.set('otherHandling', '（六）其他处理');

const plus = (path: string): Term => ({ path, coef: 1 });
const minus = (path: string): Term => ({ path, coef: -1 });

/** The outcome rows whose sum is （七）总计: the single （六） row replaces its three sub-rows when printed. */
function outcomeRows(keys: readonly string[]): string[] {
  const first = keys.indexOf('granted');
  const last = keys.indexOf('total');
  const rows = keys.slice(first, last);
  return keys.includes('otherHandling') ? rows.filter((k) => !k.startsWith('otherHandling.')) : rows;
}

/**
 * Table 三's rows in the template's order, whatever the order of the model's keys (a model read
 * back from jsonb, or written by hand, may list them in any order): which rows are outcomes
 * is decided by that order.
 */
function rowsInTemplateOrder(report: AnnualReport): string[] {
  const present = report.applications;
  const template = applicationRowKeys(report.template, 'otherHandling' in present);
  return [...template.filter((k) => k in present), ...Object.keys(present).filter((k) => !template.includes(k))];
}

export function relationsOf(report: AnnualReport): Relation[] {
  const relations: Relation[] = [];
  const keys = rowsInTemplateOrder(report);
  const rowKeys = keys.includes('otherHandling') ? keys.filter((k) => !k.startsWith('otherHandling.')) : keys;
  for (const row of rowKeys) {
    relations.push({
      code: 'T3.ROW_TOTAL',
      at: `applications.${row}.total`,
      total: [plus(`applications.${row}.total`)],
      parts: APPLICANTS.map((c) => minus(`applications.${row}.${c.key}`)),
      along: `“${ROW_LABEL.get(row) ?? row}”行`,
    });
    if (report.provenance[`applications.${row}.subtotal`]) {
      relations.push({
        code: 'T3.SUBTOTAL',
        at: `applications.${row}.subtotal`,
        total: [plus(`applications.${row}.subtotal`)],
        parts: ORGANISATION_COLUMNS.map((c) => minus(`applications.${row}.${c}`)),
        along: `“${ROW_LABEL.get(row) ?? row}”行`,
      });
    }
  }
  const outcomes = outcomeRows(keys);
  for (const c of TEMPLATE_2021.applicationColumns) {
    relations.push({
      code: 'T3.OUTCOME_TOTAL',
      at: `applications.total.${c.key}`,
      total: [plus(`applications.total.${c.key}`)],
      parts: outcomes.map((r) => minus(`applications.${r}.${c.key}`)),
      along: `“${COLUMN_LABEL.get(c.key)}”列`,
    });
    relations.push({
      code: 'T3.BALANCE',
      at: `applications.*.${c.key}`,
      total: [plus(`applications.newReceived.${c.key}`), plus(`applications.carriedOver.${c.key}`)],
      parts: [minus(`applications.total.${c.key}`), minus(`applications.carriedForward.${c.key}`)],
      along: `“${COLUMN_LABEL.get(c.key)}”列`,
    });
  }
  for (const g of TEMPLATE_2021.appealGroups) {
    relations.push({
      code: 'T4.GROUP_TOTAL',
      at: `appeals.${g.key}.total`,
      total: [plus(`appeals.${g.key}.total`)],
      parts: ['upheld', 'corrected', 'other', 'pending'].map((r) => minus(`appeals.${g.key}.${r}`)),
      along: `“${g.label}”`,
    });
  }
  return relations;
}

/** A cell's value by dotted path; the 小计 column is read back from provenance (it is not in the model). */
export function cellValue(report: AnnualReport, path: string): number | null {
  const [table, ...rest] = path.split('.');
  const column = rest.pop()!;
  const row = rest.join('.');
  if (column === 'subtotal') {
    const raw = report.provenance[path]?.raw;
    return raw === undefined ? null : cellNumber(raw);
  }
  const t = report[table as 'applications' | 'appeals' | 'proactive'] as Record<string, Record<string, number | null>> | undefined;
  return t?.[row]?.[column] ?? null;
}

export function termsOf(r: Relation): Term[] {
  return [...r.total, ...r.parts];
}

/** Σ coef·value, or null when a cell is blank (the relation cannot be checked). */
export function residual(r: Relation, value: (path: string) => number | null): number | null {
  let sum = 0;
  for (const t of termsOf(r)) {
    const v = value(t.path);
    if (v === null) return null;
    sum += t.coef * v;
  }
  return sum;
}
