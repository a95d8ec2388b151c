/**
 * Corrections of a published report's cells: a person sets one cell of tables 二–四 (fills a
 * null, fixes a misread value, or clears it back to null), with a reason. The report as read is
 * never changed: the corrected model is the model as read with every correction replayed in
 * order. An undo is itself a correction (it sets the cell back to what the undone one found),
 * so the history only grows. Pure.
 *
 * Cells are addressed by the model's dotted paths (`applications.granted.natural`), checked
 * against the template of the report's version; the canonical keys are never touched — who
 * corrected what is kept beside the report, not inside it.
 */
import { emptyReport, forEachCell, type AnnualReport, type Cell, type TableKey } from './report.js';
import { OTHER_HANDLING_SINGLE } from '../template/templates.js';

/** One stored correction, as replayed. */
export interface CellCorrection {
  id: number;
  path: string;
  /** The cell's value before this correction, and the value it set. */
  before: Cell;
  after: Cell;
  reason: string;
  /** The correction this one undoes, when it is an undo. */
  undoes: number | null;
}

/** The paths of every cell the report's template has (and the 2019 single （六） row a 2021 report may keep). */
export function cellPathsOf(report: Pick<AnnualReport, 'template' | 'applications'>): Set<string> {
  const single = report.template === '2021' && OTHER_HANDLING_SINGLE.key in report.applications;
  const paths = new Set<string>();
  forEachCell(emptyReport(report.template, { singleOtherHandling: single }), (table, row, column) => paths.add(`${table}.${row}.${column}`));
  return paths;
}

/** The row and column of a cell path: the row key may itself hold dots (`withheld.stateSecret`). */
function split(path: string): { table: TableKey; row: string; column: string } {
  const parts = path.split('.');
  return { table: parts[0] as TableKey, row: parts.slice(1, -1).join('.'), column: parts.at(-1)! };
}

/** A cell's value in a model (undefined when the model has no such cell). */
export function cellValue(report: Pick<AnnualReport, TableKey>, path: string): Cell | undefined {
  const { table, row, column } = split(path);
  const cells = report[table]?.[row];
  return cells && column in cells ? cells[column] : undefined;
}

/** Why a correction cannot be made, in Chinese; null when it can. */
export function correctionProblem(report: AnnualReport, path: string, value: Cell): string | null {
  if (!cellPathsOf(report).has(path) || cellValue(report, path) === undefined) return '该报告的模板中没有这个单元格';
  if (value !== null && !(Number.isSafeInteger(value) && value >= 0)) return '更正值须为非负整数，或留空表示清除';
  if (cellValue(report, path) === value) return '更正值与当前值相同，无需更正';
  return null;
}

/**
 * The model with the corrections replayed in order: each sets its cell. A reader diagnostic about
 * a cell now different from what was read (why it was blank or unreadable) no longer holds, so it
 * is left out; the
 * provenance stays, as it says where the cell sits in the source.
 */
export function applyCorrections(read: AnnualReport, corrections: readonly CellCorrection[]): AnnualReport {
  const model = structuredClone(read);
  const touched = new Set<string>();
  for (const c of corrections) {
    const { table, row, column } = split(c.path);
    const cells = model[table][row];
    if (!cells || !(column in cells)) continue;
    cells[column] = c.after;
    touched.add(c.path);
  }
  // A cell set back to its value as read (every correction undone) keeps what the reader said of it.
  const changed = new Set([...touched].filter((p) => cellValue(model, p) !== cellValue(read, p)));
  model.diagnostics = model.diagnostics.filter((d) => !changed.has(d.at));
  return model;
}

/** The corrections still in force: neither undone nor themselves undos. */
export function activeCorrections(corrections: readonly CellCorrection[]): CellCorrection[] {
  const undone = new Set(corrections.flatMap((c) => (c.undoes === null ? [] : [c.undoes])));
  return corrections.filter((c) => c.undoes === null && !undone.has(c.id));
}

/**
 * Each corrected cell's mark: the latest correction in force of every path whose value differs
 * from the value as read (a cell corrected and then undone is back as read, unmarked).
 */
export function correctedCells(read: AnnualReport, corrections: readonly CellCorrection[]): Map<string, { read: Cell; correction: CellCorrection }> {
  const model = applyCorrections(read, corrections);
  const marks = new Map<string, { read: Cell; correction: CellCorrection }>();
  for (const c of activeCorrections(corrections)) {
    const was = cellValue(read, c.path);
    if (was === undefined || cellValue(model, c.path) === was) continue;
    marks.set(c.path, { read: was, correction: c });
  }
  return marks;
}

/**
 * Why a correction cannot be undone (null when it can): only the latest correction in force of
 * its cell can, so that undoing always sets the cell back to a value it really had.
 */
export function undoProblem(corrections: readonly CellCorrection[], id: number): string | null {
  const target = corrections.find((c) => c.id === id);
  if (!target) return '没有找到这条更正';
  if (target.undoes !== null) return '撤销记录本身不能再撤销，如需恢复请重新更正';
  const active = activeCorrections(corrections);
  if (!active.some((c) => c.id === id)) return '这条更正已经撤销';
  const last = active.filter((c) => c.path === target.path).at(-1)!;
  if (last.id !== id) return '该单元格之后还有更正，请先撤销较新的那一条';
  return null;
}
