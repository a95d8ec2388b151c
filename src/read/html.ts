/**
 * HTML → text document. A whole saved portal page, a fragment, or Word-exported markup:
 * scripts, styles and the head are dropped; each block is a line; each table row is a line of
 * cells (a merged cell appears once, in its first row, as in the source); an explicitly empty
 * data cell is kept as a blank so a missing number is seen, not skipped. Every cell keeps the
 * source line and column of its tag for provenance, and its place in the table's grid
 * (rowspan/colspan resolved), so tables can be read by column rather than by counting cells. Pure: htmlparser2 does the parsing.
 */
import { walkHtml } from './html-tree.js';
import { GridSlots, MAX_COLSPAN, MAX_ROWSPAN, SLOT_BUDGET } from './grid-slots.js';
import type { TextCell, TextDocument, TextLine } from './text.js';
import { splitCells } from './text.js';

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'svg', 'select', 'button', 'iframe', 'object']);
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'header', 'footer', 'main', 'aside', 'nav', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'hr', 'center', 'form', 'caption', 'address', 'figure',
]);

/** Line starts of the source, to turn parser offsets into line and column (1-based). */
export function locator(source: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = 0; i < source.length; i++) if (source.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}

interface RowState {
  cells: TextCell[];
  cell: { text: string; line: number; column: number; rowSpan: number; colSpan: number } | null;
  /** The table's number in the document and its grid so far (src/read/grid-slots.ts). */
  table: number;
  slots: GridSlots;
}

/** A span attribute as HTML reads it: a positive integer, 1 when absent or unreadable, capped. */
function span(value: string | undefined, max: number): number {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, max) : 1;
}

const clean = (text: string) => text.replace(/[\s\u00a0\u3000]+/g, ' ').trim();

/** `steps` counts the tree walker's work (tests show it grows linearly with the page). */
export function readHtml(source: string, steps?: { count: number }): TextDocument {
  const lines: TextLine[] = [];
  const locate = locator(source);
  let skip = 0;
  let text = '';
  let textAt = 0;
  const rows: RowState[] = []; // one per open table
  let tables = 0;
  const slots = { slots: SLOT_BUDGET };

  const pushLine = (t: string, at: number) => {
    const { line } = locate(at);
    const n = lines.length + 1;
    const cells = splitCells(t, line, 1).map((c) => ({ ...c, line }));
    lines.push({ line: n, page: 1, text: t, cells });
  };
  const flushText = () => {
    const t = clean(text);
    if (t) pushLine(t, textAt);
    text = '';
  };
  const row = () => rows[rows.length - 1];

  // The element tree in linear time, implied end tags included (src/read/html-tree.ts).
  walkHtml(source, {
    open(name, attrs, start) {
      if (SKIP.has(name)) skip++;
      if (skip) return;
      const r = row();
      if (name === 'table') {
        if (r?.cell) {
          // A table inside a cell (portal layout tables): what the cell had so far is a line of its own.
          const t = clean(r.cell.text);
          if (t) pushLine(t, start);
          r.cell.text = '';
        } else flushText();
        rows.push({ cells: [], cell: null, table: tables++, slots: new GridSlots(slots) });
      } else if ((name === 'td' || name === 'th') && r) {
        const at = locate(start);
        r.cell = { text: '', line: at.line, column: at.column, rowSpan: span(attrs.rowspan, MAX_ROWSPAN), colSpan: span(attrs.colspan, MAX_COLSPAN) };
      } else if (name === 'tr' && r) {
        r.cells = [];
        r.slots.nextRow();
      } else if (name === 'br') {
        if (!r?.cell) flushText();
      } else if (BLOCK.has(name) && !r?.cell) {
        flushText();
      }
    },
    text(data, start) {
      if (skip) return;
      const r = row();
      if (r?.cell) r.cell.text += data;
      else {
        if (!text.trim()) textAt = start;
        text += data;
      }
    },
    close(name) {
      if (SKIP.has(name)) {
        skip = Math.max(0, skip - 1);
        return;
      }
      if (skip) return;
      const r = row();
      if ((name === 'td' || name === 'th') && r?.cell) {
        const t = clean(r.cell.text);
        const { rowSpan, colSpan } = r.cell;
        const grid = { table: r.table, ...r.slots.place(rowSpan, colSpan), rowSpan, colSpan };
        // An empty cell is kept (blank: true); a row of only empties is dropped at </tr>.
        r.cells.push({ text: t, line: r.cell.line, column: r.cell.column, page: 1, ...(t ? {} : { blank: true }), grid });
        r.cell = null;
      } else if (name === 'tr' && r) {
        if (r.cells.some((c) => c.text)) {
          const joined = r.cells.map((c) => c.text).join('\t');
          lines.push({ line: lines.length + 1, page: 1, text: joined, cells: r.cells });
        }
        r.cells = [];
      } else if (name === 'table' && r) {
        rows.pop();
      } else if (BLOCK.has(name) && !r?.cell) {
        flushText();
      }
    },
  }, steps);
  flushText();
  return { lines, pages: 1 };
}
