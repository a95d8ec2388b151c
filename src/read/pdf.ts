/**
 * PDF with a text layer → the same text document the other readers give, laid out as
 * `pdftotext -layout` would: items on one baseline form a line, and a gap wider than a
 * character separates cells (two spaces), so the recognizer reads PDF tables like any other.
 * Pages carry through for provenance. pdf.js (legacy build, Node 20) does the PDF work.
 *
 * Tables drawn with ruling lines (PDFs made from Word, or printed by a browser) are read as
 * grids instead (src/read/lattice.ts): each row of such a table is a line whose cells carry
 * their grid row and column, like an HTML table's, so the recognizer places values by column;
 * the text-position layout serves only what lies outside ruled tables.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { OverBudget } from './budget.js';
import { InputError } from './input-error.js';
import { foldRadicals } from './radicals.js';
import { latticePage, type PageItem } from './lattice.js';
import { pageRulings, type PathOps } from './pdf-rulings.js';
import type { TextDocument, TextLine } from './text.js';
import { splitCells } from './text.js';
import { linkParts, partBlocks, type Block, type TablePart } from './pdf-tables.js';

export interface PdfRead {
  doc: TextDocument;
  pages: number;
  /** Characters of text found: near zero means a scan without a text layer. */
  textChars: number;
}

export class PdfError extends InputError {
  constructor(
    override readonly code: 'INPUT.PDF_ENCRYPTED' | 'INPUT.PDF_CORRUPT',
    message: string,
  ) {
    super(code, message);
  }
}

type Item = PageItem;

const require = createRequire(import.meta.url);
/** pdf.js needs its CMaps to map the CID fonts Chinese PDFs use to Unicode. */
const PDFJS_DIR = dirname(require.resolve('pdfjs-dist/package.json'));

/** A gap this many font sizes wide separates two cells. */
const CELL_GAP = 1.2;
/** A gap this wide between two items of one cell is a space. */
const WORD_GAP = 0.25;

/** Text items as lines, top to bottom, each with its baseline. */
export function toLines(items: readonly Item[]): { y: number; text: string }[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: Item[][] = [];
  for (const item of sorted) {
    const row = rows[rows.length - 1];
    const anchor = row?.[0];
    if (row && anchor && Math.abs(anchor.y - item.y) <= Math.max(anchor.size, item.size) * 0.45) row.push(item);
    else rows.push([item]);
  }
  return rows.map((row) => {
    row.sort((a, b) => a.x - b.x);
    const y = row[0]!.y;
    let line = '';
    let end = -Infinity;
    for (const item of row) {
      const gap = item.x - end;
      if (line) line += gap > item.size * CELL_GAP ? '    ' : gap > item.size * WORD_GAP ? ' ' : '';
      line += item.str;
      end = Math.max(end, item.x + item.width);
    }
    return { y, text: line };
  });
}

/**
 * Read a PDF's text layer. A PDF of more than `maxPages` pages is refused (OverBudget) once its
 * page tree is opened, before any page is read: ten thousand blank pages once took minutes.
 */
export async function readPdf(bytes: Uint8Array, options: { maxPages?: number } = {}): Promise<PdfRead> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let pdf;
  try {
    pdf = await pdfjs.getDocument({
      data: new Uint8Array(bytes), // pdf.js takes ownership of the buffer it is given
      cMapUrl: join(PDFJS_DIR, 'cmaps') + '/',
      cMapPacked: true,
      standardFontDataUrl: join(PDFJS_DIR, 'standard_fonts') + '/',
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
    }).promise;
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === 'PasswordException') throw new PdfError('INPUT.PDF_ENCRYPTED', 'PDF 文件已加密（需要密码），无法读取文字');
    throw new PdfError('INPUT.PDF_CORRUPT', `PDF 文件已损坏或不完整，无法打开（${(error as Error).message}）`);
  }
  const lines: TextLine[] = [];
  let textChars = 0;
  /** Each page's blocks (text lines and ruled table rows), made into lines once the tables are linked across pages. */
  const pages: { free: Block[]; parts: TablePart[] }[] = [];
  try {
    if (options.maxPages !== undefined && pdf.numPages > options.maxPages) throw new OverBudget('maxPages', { maxPages: options.maxPages }, pdf.numPages);
    for (let p = 1; p <= pdf.numPages; p++) {
      const page = await pdf.getPage(p);
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const raw of content.items) {
        if (!('str' in raw) || !raw.str.trim()) continue;
        const [a, b, , d, e, f] = raw.transform as number[];
        const size = Math.hypot(a ?? 0, b ?? 0) || Math.abs(d ?? 0) || 10;
        items.push({ str: foldRadicals(raw.str), x: e ?? 0, y: f ?? 0, width: raw.width, size });
        textChars += raw.str.trim().length;
      }
      // Ruling lines only where there is text to put in cells (a scan's page has none, and its image is costly to list).
      const ops = items.length ? await page.getOperatorList() : null;
      const { tables: ruled, free } = ops ? latticePage(pageRulings(ops.fnArray, ops.argsArray, pdfjs.OPS as unknown as PathOps), items) : { tables: [], free: items };
      pages.push({
        free: toLines(free).map(({ y, text }) => ({ y, line: (n: number): TextLine => ({ line: n, page: p, text, cells: splitCells(text, n, p) }) })),
        parts: ruled.map((table) => ({ table, page: p, id: 0, rowOffset: 0, xs: table.xs })),
      });
      page.cleanup();
    }
    linkParts(pages.flatMap((pg) => pg.parts));
    pages.forEach((pg, i) => {
      const blocks = [...pg.free, ...pg.parts.flatMap((part) => partBlocks(part, toLines))].sort((x, y) => y.y - x.y);
      for (const block of blocks) lines.push(block.line(lines.length + 1));
      lines.push({ line: lines.length + 1, page: i + 1, text: '', cells: [] });
    });
    return { doc: { lines, pages: pdf.numPages }, pages: pdf.numPages, textChars };
  } finally {
    await pdf.destroy();
  }
}
