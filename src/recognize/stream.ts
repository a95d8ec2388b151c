/**
 * A table region as a stream of items: text cells, value cells and breaks (blank lines).
 *
 * Every layout flattens to this: a grid row is text then values; one-cell-per-line text is the
 * same with breaks between rows; PDF text in reading order may emit a block of values column by
 * column, which shows as groups of equal size separated by breaks.
 */
import type { TextCell, TextDocument } from '../read/text.js';
import { normalizeLabel } from '../template/normalize.js';
import { readCell, splitValueRun } from './values.js';

export interface TextItem {
  kind: 'text';
  cell: TextCell;
  norm: string;
}

export interface ValueItem {
  kind: 'value';
  cell: TextCell;
  /** null for a deliberate blank (`/`, `-`). */
  value: number | null;
}

export interface BreakItem {
  kind: 'break';
}

export type Item = TextItem | ValueItem | BreakItem;

function valueItem(cell: TextCell, raw: string, offset: number): ValueItem {
  const reading = readCell(raw);
  const value = reading.kind === 'number' ? reading.value : null;
  return { kind: 'value', cell: { ...cell, text: raw, column: cell.column + offset }, value };
}

function unclosed(text: string): boolean {
  return (text.match(/[(（]/g)?.length ?? 0) > (text.match(/[)）]/g)?.length ?? 0);
}

/** Items of one cell: a value, a run of values, or a label possibly followed by values (`行政许可 0`). */
function cellItems(cell: TextCell): Item[] {
  const reading = readCell(cell.text);
  if (reading.kind === 'page') return [];
  if (reading.kind === 'number' || reading.kind === 'blank') return [valueItem(cell, cell.text, 0)];
  const run = splitValueRun(cell.text);
  if (run) {
    let offset = 0;
    return run.map((part) => {
      offset = cell.text.indexOf(part, offset);
      const item = valueItem(cell, part, offset);
      offset += part.length;
      return item;
    });
  }
  // Values separated by mandatory white space: no nested quantifier, so no catastrophic backtracking.
  const tail = /^(.*[\u4e00-\u9fff）)”])\s*([+-]?\d[\d.,]*(?:\s+[+-]?\d[\d.,]*)*)$/.exec(cell.text);
  // A number glued to a label (`采购项目数量(指202`, a cut label with the next row's `2`) or
  // inside an open parenthesis is part of the text, not a cell.
  if (tail && !unclosed(tail[1]!) && tail[2]!.split(/\s+/).every((part) => readCell(part).kind === 'number')) {
    const label: TextItem = { kind: 'text', cell: { ...cell, text: tail[1]! }, norm: normalizeLabel(tail[1]!) };
    const values = tail[2]!.trim().split(/\s+/);
    let offset = tail[1]!.length;
    return [
      label,
      ...values.map((part) => {
        offset = cell.text.indexOf(part, offset);
        const item = valueItem(cell, part, offset);
        offset += part.length;
        return item;
      }),
    ];
  }
  return [{ kind: 'text', cell, norm: normalizeLabel(cell.text) }];
}

const BARE_PIPE = /^\s*\|\s*$/;
const TRAILING_PIPE = /[^|\s]\s*\|\s*$/;

/**
 * In text written one cell per line as `cell |`, a bare `|` line is a blank cell — except the
 * last of a run of them before a text line, which ends a row (`0 |` / `|` / `规章 |`). Pages
 * that alternate cells with `|` lines (no trailing pipes) use the bare line as a separator.
 */
function bareBlanks(doc: TextDocument, from: number, to: number): Set<number> {
  const blanks = new Set<number>();
  let trailing = 0;
  for (let i = from; i < to && trailing < 3; i++) if (TRAILING_PIPE.test(doc.lines[i]!.text)) trailing++;
  if (trailing < 3) return blanks;
  const kindAt = (i: number) => {
    const line = doc.lines[i];
    if (!line || BARE_PIPE.test(line.text)) return 'pipe';
    return line.cells.length ? readCell(line.cells[0]!.text).kind : 'none';
  };
  const bare: number[] = [];
  for (let i = from; i < to; i++) {
    if (!BARE_PIPE.test(doc.lines[i]!.text)) continue;
    // A lone `|` between a row's last value and the next label ends rows in this text: no blanks.
    const before = kindAt(i - 1);
    if ((before === 'number' || before === 'blank') && kindAt(i + 1) === 'text') return blanks;
    bare.push(i);
  }
  for (const i of bare) if (i + 1 < to && kindAt(i + 1) !== 'text') blanks.add(i);
  return blanks;
}

/** The items of lines [from, to) of a document. */
export function itemsOf(doc: TextDocument, from: number, to: number): Item[] {
  const items: Item[] = [];
  const blanks = bareBlanks(doc, from, to);
  for (let i = from; i < to; i++) {
    const line = doc.lines[i]!;
    if (blanks.has(i)) {
      const at = line.text.indexOf('|');
      items.push({ kind: 'value', cell: { text: '', line: line.line, column: at + 1, page: line.page, blank: true }, value: null });
      continue;
    }
    if (line.cells.length === 0) {
      if (items.length && items[items.length - 1]!.kind !== 'break') items.push({ kind: 'break' });
      continue;
    }
    // An explicitly empty cell is a blank value only inside a data row (one that holds numbers),
    // between its first and last written cells: empty cells in header rows, before a row's label
    // (under a merged cell) or after its last value (padding to the grid's width) are layout.
    const dataRow = line.cells.some((c) => !c.blank && readCell(c.text).kind === 'number');
    const first = line.cells.findIndex((c) => !c.blank);
    const last = line.cells.findLastIndex((c) => !c.blank);
    line.cells.forEach((cell, i) => {
      if (!cell.blank) items.push(...cellItems(cell));
      else if (dataRow && i > first && i < last) items.push({ kind: 'value', cell, value: null });
    });
  }
  return items;
}

