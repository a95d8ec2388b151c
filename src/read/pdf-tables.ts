/**
 * The ruled tables of a PDF as lines of the text document: one line per grid row, its cells
 * carrying their grid position (as an HTML table's do), empty cells kept as blanks.
 *
 * A table that runs on over page breaks comes in parts, one per page, and a browser or Word
 * does not draw every part alike: a merged cell that continues on the next page may lose its
 * borders there, so a part may lack a column line the others have. Parts are one table when a
 * part is the first of its page, the part before it is the last of the page before, they share
 * their right edge, and the column lines of one are among those of the other. Their rows are
 * numbered on, and their columns counted on the lines of all parts together, so the header on
 * the first page names the columns of the rows on the last. Pure.
 */
import type { LatticeTable, PageItem } from './lattice.js';
import type { TextCell, TextLine } from './text.js';

export interface TablePart {
  table: LatticeTable;
  page: number;
  /** Set by linkParts: the table's number in the document, its first row, the column lines of the whole table. */
  id: number;
  rowOffset: number;
  xs: number[];
}

export interface Block {
  /** Where the block stands on the page (PDF y: larger is higher). */
  y: number;
  line(n: number): TextLine;
}

const NEAR = 2;
const near = (a: number, b: number) => Math.abs(a - b) <= NEAR;
/** Every line of `a` is a line of `b`. */
const among = (a: readonly number[], b: readonly number[]) => a.every((x) => b.some((y) => near(x, y)));

function continues(prev: TablePart, next: TablePart, firstOfPage: boolean): boolean {
  if (!firstOfPage || next.page !== prev.page + 1) return false;
  const [a, b] = [prev.table.xs, next.table.xs];
  return near(a[a.length - 1]!, b[b.length - 1]!) && (among(a, b) || among(b, a));
}

/** Lines of several parts as one ascending set (lines within NEAR are one). */
function unionLines(parts: readonly TablePart[]): number[] {
  const all = parts.flatMap((p) => p.table.xs).sort((a, b) => a - b);
  return all.filter((x, i) => i === 0 || !near(x, all[i - 1]!));
}

/** Number the tables of a document, joining the parts of a table that runs on over page breaks. */
export function linkParts(parts: readonly TablePart[]): void {
  let id = 0;
  let run: TablePart[] = [];
  const close = () => {
    const xs = unionLines(run);
    let rows = 0;
    for (const p of run) {
      Object.assign(p, { id, rowOffset: rows, xs });
      rows += p.table.ys.length - 1;
    }
    id++;
    run = [];
  };
  parts.forEach((part, i) => {
    const prev = parts[i - 1];
    const firstOfPage = !prev || prev.page !== part.page;
    const lastOfPrevPage = prev && parts[i - 2]?.page !== part.page;
    if (run.length && !(prev && lastOfPrevPage && continues(prev, part, firstOfPage))) close();
    run.push(part);
  });
  if (run.length) close();
}

/** A cell's text: its lines (as the text layout reads them) joined, with a space only between Latin letters or digits. */
function cellText(items: readonly PageItem[], toLines: (items: readonly PageItem[]) => { text: string }[]): string {
  let text = '';
  for (const { text: line } of toLines(items)) {
    const t = line.trim();
    if (!t) continue;
    text += text && /[\w.,]$/.test(text) && /^[\w.,]/.test(t) ? ` ${t}` : t;
  }
  return text;
}

/** The column of the table's line nearest to x. */
function columnAt(xs: readonly number[], x: number): number {
  let best = 0;
  xs.forEach((v, i) => {
    if (Math.abs(v - x) < Math.abs(xs[best]! - x)) best = i;
  });
  return best;
}

/** The rows of a linked part as blocks of lines (rows without any text are left out, as HTML's are). */
export function partBlocks(part: TablePart, toLines: (items: readonly PageItem[]) => { text: string }[]): Block[] {
  const { table, page, id, rowOffset, xs } = part;
  const blocks: Block[] = [];
  for (let r = 0; r < table.ys.length - 1; r++) {
    const own = table.cells.filter((c) => c.row === r);
    const texts = own.map((c) => cellText(c.items, toLines));
    if (!texts.some(Boolean)) continue;
    blocks.push({
      y: table.ys[r]!,
      line(n) {
        let column = 1;
        const cells: TextCell[] = own.map((c, i) => {
          const text = texts[i]!;
          const col = columnAt(xs, table.xs[c.col]!);
          const colSpan = Math.max(1, columnAt(xs, table.xs[c.col + c.colSpan]!) - col);
          const cell: TextCell = { text, line: n, column, page, grid: { table: id, row: rowOffset + r, col, rowSpan: c.rowSpan, colSpan } };
          if (!text) cell.blank = true;
          column += text.length + 1;
          return cell;
        });
        return { line: n, page, text: texts.join('\t'), cells };
      },
    });
  }
  return blocks;
}
