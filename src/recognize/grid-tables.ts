/**
 * Tables 二, 三 and 四 placed by grid column (src/recognize/grid.ts): the header rows name each
 * column (自然人 … 总计; 本年制发件数 …; 维持 … 总计 under each group), a data row's label cells
 * name its row, and a value goes where its cell stands. Each reader returns null — and the table
 * is read from its text as before — unless the grid answers every question exactly: every
 * column named once, every row with a number labelled, no label twice, no value cell straddling
 * two columns.
 */
import { normalizeLabel } from '../template/normalize.js';
import {
  SUBTOTAL_COLUMN,
  TEMPLATE_2021,
  type ColumnDef,
  type ProactiveRowDef,
} from '../template/templates.js';
import type { RowValues } from './assign.js';
import { cellsOfRow, covering, gridValue, headerName, overlaps, rowHasNumber, type GridCell, type GridTable } from './grid.js';
import type { LabelMatcher } from './labels.js';
import type { ValueItem } from './stream.js';

/** A named column of a grid: its key and the grid columns [from, to) its header cell covers. */
interface NamedColumn {
  key: string;
  from: number;
  to: number;
  /** Header row of the naming cell (a deeper header wins). */
  row: number;
}

/** The value of each named column in grid row `row`, or null when a cell straddles two named columns or starts above. */
function rowValues(table: GridTable, row: number, columns: readonly NamedColumn[]): ValueItem[] | null {
  const own = cellsOfRow(table, row);
  if (own.length === 0) return null;
  const values: ValueItem[] = [];
  for (const column of columns) {
    const inside = own.filter((c) => overlaps(c, column.from, column.to));
    if (inside.length > 1) return null;
    const cell = inside[0];
    if (cell) {
      if (columns.some((other) => other !== column && overlaps(cell, other.from, other.to))) return null;
      values.push(gridValue(cell));
      continue;
    }
    // No cell begins here: a cell from a row above covers the slot (not a table we read by grid), or the row is short.
    if (covering(table, row, column.from).length) return null;
    values.push({ kind: 'value', cell: { ...own[0]!.cell, text: '', blank: true }, value: null });
  }
  return values;
}

/** A row's label: its leaf label cell (the one nearest the values), else all its label cells joined. */
function rowKey(table: GridTable, row: number, labelsEnd: number, matcher: LabelMatcher): string | null {
  const labels: GridCell[] = [];
  for (let c = 0; c < labelsEnd; c++) {
    for (const cell of covering(table, row, c)) if (cell.norm && !labels.includes(cell)) labels.push(cell);
  }
  const leaf = labels[labels.length - 1];
  if (!leaf) return null;
  return matcher.match(leaf.norm)?.key ?? matcher.match(labels.map((l) => l.norm).join(''))?.key ?? null;
}

/** Rows keyed by their labels, values by the named columns; null unless every data row is placed exactly. */
function keyedRows(table: GridTable, columns: readonly NamedColumn[], matcher: LabelMatcher): RowValues[] | null {
  const dataFrom = Math.max(...columns.map((c) => c.row)) + 1;
  const labelsEnd = Math.min(...columns.map((c) => c.from));
  const rows: RowValues[] = [];
  for (let r = dataFrom; r < table.rows; r++) {
    const key = cellsOfRow(table, r).length ? rowKey(table, r, labelsEnd, matcher) : null;
    if (!key) {
      if (rowHasNumber(cellsOfRow(table, r), labelsEnd)) return null;
      continue;
    }
    if (rows.some((x) => x.key === key)) return null;
    const values = rowValues(table, r, columns);
    if (!values) return null;
    rows.push({ key, values, via: 'grid' });
  }
  return rows.length ? rows : null;
}

/** Header cells naming the given columns; the deepest naming cell of each key. */
function namedColumns(table: GridTable, defs: readonly ColumnDef[], names: (norm: string) => ColumnDef | undefined): NamedColumn[] {
  const found = new Map<string, NamedColumn>();
  for (const cell of table.cells) {
    const def = cell.norm ? names(cell.norm) : undefined;
    if (!def) continue;
    const seen = found.get(def.key);
    const row = cell.row + cell.rowSpan - 1;
    if (!seen || row > seen.row) found.set(def.key, { key: def.key, from: cell.col, to: cell.col + cell.colSpan, row });
  }
  return defs.filter((d) => found.has(d.key)).map((d) => found.get(d.key)!);
}

const APPLICATION_COLUMNS: readonly ColumnDef[] = [...TEMPLATE_2021.applicationColumns.slice(0, -1), SUBTOTAL_COLUMN, TEMPLATE_2021.applicationColumns.at(-1)!];
const APPLICATION_NAMES = new Map(APPLICATION_COLUMNS.map((c) => [normalizeLabel(c.label), c]));

/** A table 三 header cell's column: its label as printed (`商业 企业` too); `法人或其他组织` names none. */
function applicationColumn(norm: string): ColumnDef | undefined {
  return APPLICATION_NAMES.get(headerName(norm));
}

export interface GridApplications {
  /** The columns the header names, in template order (a printed 小计 included). */
  columns: ColumnDef[];
  rows: RowValues[];
}

/** Every row label the text shows is a row of the grid: nothing of the table lies outside it. */
const coversLabels = (rows: readonly RowValues[], labelled: readonly string[]) => labelled.every((key) => rows.some((r) => r.key === key));

/**
 * Table 三 by grid, from the first table whose header names at least five of its columns and
 * whose rows all place; `labelled` are the row labels found in the table's text, all of which
 * the grid must hold.
 */
export function applicationsByGrid(tables: readonly GridTable[], matcher: LabelMatcher, labelled: readonly string[]): GridApplications | null {
  for (const table of tables) {
    const named = namedColumns(table, APPLICATION_COLUMNS, applicationColumn);
    if (named.filter((c) => c.key !== SUBTOTAL_COLUMN.key).length < 5 || !disjoint(named)) continue;
    const rows = keyedRows(table, named, matcher);
    if (rows && coversLabels(rows, labelled)) return { columns: named.map((n) => APPLICATION_COLUMNS.find((c) => c.key === n.key)!), rows };
  }
  return null;
}

/** No two named columns share a grid column. */
function disjoint(columns: readonly NamedColumn[]): boolean {
  return columns.every((a, i) => columns.every((b, j) => i === j || a.to <= b.from || b.to <= a.from));
}

const GROUP_NAMES: readonly { key: string; test: (norm: string) => boolean }[] = [
  { key: 'litigationAfterReconsideration', test: (n) => n.includes('复议后起诉') },
  { key: 'litigationDirect', test: (n) => n.includes('直接起诉') },
  { key: 'reconsideration', test: (n) => n === '行政复议' },
];
const RESULT_NAMES = new Map(TEMPLATE_2021.appealResults.flatMap((r) => [[normalizeLabel(r.label), r.key], [r.fragments[0]!, r.key]] as const));

/** Table 四 by grid: fifteen columns named by a group cell above a result cell; one data row under them. */
export function appealsByGrid(tables: readonly GridTable[]): ValueItem[] | null {
  for (const table of tables) {
    const groups = table.cells.flatMap((c) => {
      const g = GROUP_NAMES.find((n) => n.test(c.norm));
      return g ? [{ key: g.key, cell: c }] : [];
    });
    const columns: NamedColumn[] = [];
    for (const group of TEMPLATE_2021.appealGroups) {
      const g = groups.find((x) => x.key === group.key)?.cell;
      if (!g) break;
      for (const result of TEMPLATE_2021.appealResults) {
        const cell = table.cells.find(
          (c) => c.row > g.row && RESULT_NAMES.get(c.norm) === result.key && c.col >= g.col && c.col + c.colSpan <= g.col + g.colSpan,
        );
        if (cell) columns.push({ key: `${group.key}.${result.key}`, from: cell.col, to: cell.col + cell.colSpan, row: cell.row + cell.rowSpan - 1 });
      }
    }
    if (columns.length !== 15 || !disjoint(columns)) continue;
    const dataFrom = Math.max(...columns.map((c) => c.row)) + 1;
    const first = Math.min(...columns.map((c) => c.from));
    const dataRows: number[] = [];
    for (let r = dataFrom; r < table.rows; r++) if (rowHasNumber(cellsOfRow(table, r), first)) dataRows.push(r);
    if (dataRows.length !== 1) continue;
    const values = rowValues(table, dataRows[0]!, columns);
    if (values) return values;
  }
  return null;
}

/**
 * Table 二 by grid: each block's header row (信息内容 | 本年制发件数 | …) names the fields of the
 * data rows under it. A header and its data rows may split the same grid differently (a
 * 2019 page: header 1+2 columns, data 2+1): value cells are matched to header cells in order,
 * one to one, each pair overlapping.
 */
export function proactiveByGrid(
  tables: readonly GridTable[],
  defs: readonly ProactiveRowDef[],
  matcher: LabelMatcher,
  labelled: readonly string[],
): RowValues[] | null {
  const fieldNames = new Set(defs.flatMap((d) => d.fields.map((f) => headerName(normalizeLabel(f.label)))));
  const rows: RowValues[] = [];
  for (const table of tables) {
    let header: GridCell[] = [];
    for (let r = 0; r < table.rows; r++) {
      const own = cellsOfRow(table, r);
      const named = own.filter((c) => fieldNames.has(headerName(c.norm)));
      if (named.length) {
        header = named;
        continue;
      }
      const label = own[0];
      const key = label?.norm ? matcher.match(label.norm)?.key : undefined;
      if (!key || !label) {
        if (rowHasNumber(own)) return null;
        continue;
      }
      const def = defs.find((d) => d.key === key)!;
      const values = fieldValues(def, header, own.slice(1));
      if (!values || rows.some((x) => x.key === key)) return null;
      rows.push({ key, values, via: 'grid' });
    }
  }
  return rows.length && coversLabels(rows, labelled) ? rows : null;
}

function fieldValues(def: ProactiveRowDef, header: readonly GridCell[], row: readonly GridCell[]): ValueItem[] | null {
  // Empty space beside a block narrower than the table (undrawn in a PDF) is no cell of it.
  const cells = row.filter((c) => c.cell.text !== '' || header.some((h) => overlaps(c, h.col, h.col + h.colSpan)));
  if (cells.length !== header.length || cells.some((c, i) => !overlaps(c, header[i]!.col, header[i]!.col + header[i]!.colSpan))) return null;
  const values: ValueItem[] = [];
  for (const field of def.fields) {
    const at = header.findIndex((h) => headerName(h.norm) === headerName(normalizeLabel(field.label)));
    if (at < 0) return null;
    values.push(gridValue(cells[at]!));
  }
  return values;
}
