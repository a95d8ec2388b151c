/**
 * A scanned page cut into what an OCR engine reads well, and put back together as text the
 * recognizer reads: the ruled tables cell by cell (each cell cropped inside its rules, trimmed
 * to its ink, enlarged when the print is small), the running text between them in bands as
 * wide as the page. Each table row comes back as one line of tab-separated cells, a cell
 * continued from the row above (rowspan) as an empty one — the layout of a spreadsheet's
 * tab-separated export, which the text reader already takes — and pages are separated by form
 * feeds, as in PDF text.
 */
import { cropImage, enlarge, inkBox, inkThreshold, padImage, type GreyImage, type Rect } from './grey-image.js';
import { deskew } from './deskew.js';
import { findTables, type GridCell, type TableGrid } from './scan-grid.js';

/** What the OCR engine is asked to read: running text, or one table cell. */
export interface ScanPiece {
  kind: 'text' | 'cell';
  image: GreyImage;
}

/** A page in reading order: bands of running text and tables, top to bottom. */
export type PagePart = { kind: 'text'; box: Rect; piece: number } | { kind: 'table'; grid: TableGrid; pieces: (number | null)[] };

export interface PagePlan {
  parts: PagePart[];
  pieces: ScanPiece[];
}

/** Glyphs smaller than this (pixels of a line of print) are enlarged before reading. */
const READABLE_LINE_HEIGHT = 16;
const MAX_ENLARGEMENT = 3;

/** The tallest run of rows holding ink: the height of a line of print in a crop. */
function lineHeight(image: GreyImage, threshold: number): number {
  let best = 0;
  let run = 0;
  for (let y = 0; y < image.height; y++) {
    const row = image.data.subarray(y * image.width, (y + 1) * image.width);
    run = row.some((v) => v < threshold) ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return best;
}

/** A crop trimmed to its ink, with a white margin, enlarged when its print is small; null when blank. */
function readablePiece(page: GreyImage, area: Rect, threshold: number, dpi: number): GreyImage | null {
  const speck = Math.max(4, Math.round((dpi / 100) ** 2 * 2));
  const box = inkBox(page, area, threshold, speck);
  if (!box) return null;
  const crop = cropImage(page, box);
  const factor = Math.min(MAX_ENLARGEMENT, Math.max(1, Math.ceil(READABLE_LINE_HEIGHT / Math.max(1, lineHeight(crop, threshold)))));
  return enlarge(padImage(crop, Math.round(dpi / 10)), factor);
}

/** Inside a cell's rules: the box shrunk by the rule width and a little more, so no rule is read as a stroke. */
function cellInterior(cell: GridCell, grid: TableGrid, dpi: number): Rect {
  const inset = grid.ruleWidth + Math.max(2, Math.round(dpi / 60));
  return { x0: cell.box.x0 + inset, y0: cell.box.y0 + inset, x1: cell.box.x1 - inset, y1: cell.box.y1 - inset };
}

/** Bands of the page between tables (and above the first, below the last). */
function textBands(page: GreyImage, tables: readonly TableGrid[], dpi: number): Rect[] {
  const margin = Math.round(dpi / 40);
  const bands: Rect[] = [];
  let top = 0;
  for (const t of tables) {
    if (t.box.y0 - margin > top) bands.push({ x0: 0, y0: top, x1: page.width, y1: t.box.y0 - margin });
    top = Math.max(top, t.box.y1 + margin);
  }
  if (top < page.height) bands.push({ x0: 0, y0: top, x1: page.width, y1: page.height });
  return bands;
}

/** Cut a page image into pieces to read, in reading order. */
export function planPage(scan: GreyImage, dpi: number): PagePlan {
  const threshold = inkThreshold(scan);
  const page = deskew(scan, threshold);
  const tables = findTables(page, threshold, dpi);
  const pieces: ScanPiece[] = [];
  const add = (kind: ScanPiece['kind'], image: GreyImage | null) => (image ? pieces.push({ kind, image }) - 1 : null);
  const parts: PagePart[] = [];
  for (const box of textBands(page, tables, dpi)) {
    const piece = add('text', readablePiece(page, box, threshold, dpi));
    if (piece !== null) parts.push({ kind: 'text', box, piece });
  }
  for (const grid of tables) {
    const cellPieces = grid.cells.map((cell) => add('cell', readablePiece(page, cellInterior(cell, grid, dpi), threshold, dpi)));
    parts.push({ kind: 'table', grid, pieces: cellPieces });
  }
  parts.sort((a, b) => (a.kind === 'text' ? a.box.y0 : a.grid.box.y0) - (b.kind === 'text' ? b.box.y0 : b.grid.box.y0));
  return { parts, pieces };
}

/** A cell's text on one line: line breaks inside a cell are wrapping, tabs would split it. */
function oneLine(text: string): string {
  return text
    .replace(/\s*\n\s*/g, '')
    .replace(/[\t ]+/g, ' ')
    .trim();
}

/** A table's rows as tab-separated lines; a cell spanning rows is written in its first row, empty below. */
export function tableLines(grid: TableGrid, texts: readonly string[]): string[] {
  const lines: string[] = [];
  for (let row = 0; row < grid.rows; row++) {
    const cells = grid.cells
      .map((cell, i) => ({ cell, text: texts[i] ?? '' }))
      .filter(({ cell }) => cell.row <= row && row < cell.row + cell.rowSpan)
      .sort((a, b) => a.cell.col - b.cell.col)
      .map(({ cell, text }) => (cell.row === row ? oneLine(text) : ''));
    if (cells.some((c) => c !== '')) lines.push(cells.join('\t'));
  }
  return lines;
}

/** The page as text, given what the engine read of each piece (in the order of plan.pieces). */
export function pageText(plan: PagePlan, read: readonly string[]): string {
  const out: string[] = [];
  for (const part of plan.parts) {
    if (part.kind === 'text') out.push((read[part.piece] ?? '').replace(/\s+$/, ''));
    else out.push(...tableLines(part.grid, part.pieces.map((p) => (p === null ? '' : (read[p] ?? '')))));
  }
  return out.join('\n');
}
