/**
 * Text → document: lines, each split into cells, with line, column and page for provenance.
 *
 * One reader serves every text layout we meet: tab-separated rows, one cell per line with blank
 * lines between rows, markdown pipe tables, `cell |` per line, and PDF text in reading or layout
 * order (cells there are separated by runs of spaces; pages by form feeds). The recognizer does
 * not care which layout it was: it reads labels and values from the cell stream.
 */

/**
 * Where a cell sits in its table's grid, when the source has exact cells (HTML and Word tables
 * with rowspan/colspan resolved, a PDF table built from its ruling lines): 0-based row and
 * column of its top-left slot and how many rows and columns it covers. `table` tells the
 * tables of a document apart (a table a PDF continues on the next page keeps its number).
 */
export interface GridPosition {
  table: number;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

export interface TextCell {
  text: string;
  /** 1-based line of the source. */
  line: number;
  /** 1-based column (in UTF-16 code units) where the cell starts. */
  column: number;
  page: number;
  /** The source marked this cell explicitly empty (an HTML `<td></td>`): a blank, not an absence. */
  blank?: boolean;
  /** The cell's place in an exact table grid, where the source has one. */
  grid?: GridPosition;
}

export interface TextLine {
  line: number;
  page: number;
  /** The line as written, without its line break. */
  text: string;
  cells: TextCell[];
}

export interface TextDocument {
  lines: TextLine[];
  /** Number of pages (form feeds + 1). */
  pages: number;
}

/** A markdown table rule such as `|---|:---:|`. */
const MD_RULE = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

/** Cell separators: tabs, pipes, and runs of two or more spaces (PDF layout text). */
const SEPARATOR = /\t|\||[ \u3000\u00a0]{2,}/g;

/** Split one line into cells, keeping each cell's starting column. */
export function splitCells(text: string, line: number, page: number): TextCell[] {
  if (MD_RULE.test(text)) return [];
  const cells: TextCell[] = [];
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const trimmed = raw.trim();
    if (trimmed) cells.push({ text: trimmed, line, column: start + raw.indexOf(trimmed.charAt(0)) + 1, page });
  };
  for (const m of text.matchAll(SEPARATOR)) {
    push(m.index);
    start = m.index + m[0].length;
  }
  push(text.length);
  return cells;
}

/** Build the document of a decoded text. */
export function readText(text: string): TextDocument {
  const lines: TextLine[] = [];
  let page = 1;
  const raw = text.replace(/\r\n?/g, '\n').split('\n');
  for (let i = 0; i < raw.length; i++) {
    let t = raw[i]!;
    // pdftotext ends every page with a form feed; the next line starts the next page.
    while (t.includes('\f')) {
      const at = t.indexOf('\f');
      const before = t.slice(0, at);
      if (before.trim()) lines.push({ line: i + 1, page, text: before, cells: splitCells(before, i + 1, page) });
      page++;
      t = t.slice(at + 1);
    }
    lines.push({ line: i + 1, page, text: t, cells: splitCells(t, i + 1, page) });
  }
  return { lines, pages: page };
}
