/**
 * Tables with exact cells — HTML and Word tables (rowspan/colspan resolved by the reader) and
 * PDF tables built from their ruling lines — read as grids: every cell has a row and a column,
 * so a value's column is known from the header above it, not from counting the numbers of its
 * row. A row that opens with a merged group cell and leaves `&nbsp;` blanks reads as the source
 * shows it. The table readers (grid-tables.ts) say how each table's header names its columns;
 * this module holds the grid itself and what all three share.
 */
import type { TextCell, TextDocument } from '../read/text.js';
import { normalizeLabel } from '../template/normalize.js';
import type { ValueItem } from './stream.js';
import { readCell } from './values.js';

export interface GridCell {
  cell: TextCell;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  norm: string;
}

export interface GridTable {
  cells: GridCell[];
  /** Number of grid rows. */
  rows: number;
}

/** The tables with exact cells that lines [from, to) of a document show, whole (header rows above `from` included). */
export function gridTables(doc: TextDocument, from: number, to: number): GridTable[] {
  const ids: number[] = [];
  for (let i = from; i < to; i++) {
    for (const c of doc.lines[i]!.cells) if (c.grid && !ids.includes(c.grid.table)) ids.push(c.grid.table);
  }
  if (ids.length === 0) return [];
  const tables = new Map<number, GridTable>(ids.map((id) => [id, { cells: [], rows: 0 }]));
  for (const line of doc.lines) {
    for (const cell of line.cells) {
      const table = cell.grid && tables.get(cell.grid.table);
      if (!table || !cell.grid) continue;
      const { row, col, rowSpan, colSpan } = cell.grid;
      table.cells.push({ cell, row, col, rowSpan, colSpan, norm: cell.text ? normalizeLabel(cell.text) : '' });
      table.rows = Math.max(table.rows, row + rowSpan);
    }
  }
  return ids.map((id) => tables.get(id)!);
}

/** The cells covering slot (row, col). */
export function covering(table: GridTable, row: number, col: number): GridCell[] {
  return table.cells.filter((c) => c.row <= row && row < c.row + c.rowSpan && c.col <= col && col < c.col + c.colSpan);
}

/** The cells that begin in a row, left to right. */
export function cellsOfRow(table: GridTable, row: number): GridCell[] {
  return table.cells.filter((c) => c.row === row).sort((a, b) => a.col - b.col);
}

/** Column ranges [from, to) overlap. */
export function overlaps(a: { col: number; colSpan: number }, from: number, to: number): boolean {
  return a.col < to && from < a.col + a.colSpan;
}

/** A grid cell as a value of the recognizers: its number, or null for a blank (`&nbsp;`, `/`, `-`) or words. */
export function gridValue(c: GridCell): ValueItem {
  const reading = readCell(c.cell.text);
  return { kind: 'value', cell: c.cell, value: reading.kind === 'number' ? reading.value : null };
}

/** Does a row hold a number anywhere at or right of `fromCol`? */
export function rowHasNumber(cells: readonly GridCell[], fromCol = 0): boolean {
  return cells.some((c) => c.col + c.colSpan > fromCol && c.cell.text !== '' && readCell(c.cell.text).kind === 'number');
}

/** A header cell's text as a column name: normalised, without a trailing note in brackets (`（单位：万元）`). */
export function headerName(norm: string): string {
  return norm.replace(/\([^()]*\)$/, '');
}
