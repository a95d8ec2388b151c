/**
 * Tables found on page images by their ruling lines, on images drawn here pixel by pixel: a
 * report's table 三 in miniature (a label spanning rows, a header spanning columns), with
 * "print" in the cells that must not be taken for rules, and a page of text with an underline.
 */
import { describe, expect, it } from 'vitest';
import { blankImage, encodePgm, parsePgm, type GreyImage } from '../../src/read/grey-image.js';
import { deskew, rotate, skewAngle } from '../../src/read/deskew.js';
import { findTables } from '../../src/read/scan-grid.js';
import { planPage, tableLines } from '../../src/read/scan-page.js';

const DPI = 200;

function fill(image: GreyImage, x0: number, y0: number, x1: number, y1: number, grey = 0): void {
  for (let y = y0; y < y1; y++) image.data.fill(grey, y * image.width + x0, y * image.width + x1);
}

/** Something like a line of Chinese print: short strokes both ways, none as long as a rule. */
function print(image: GreyImage, x: number, y: number, glyphs: number): void {
  for (let g = 0; g < glyphs; g++) {
    const left = x + g * 34;
    fill(image, left, y + 4, left + 26, y + 6); // 一
    fill(image, left + 12, y, left + 14, y + 28); // 丨
    fill(image, left + 2, y + 24, left + 24, y + 26);
  }
}

/**
 * 4 rows × 4 columns between rules at x = 100, 400, 600, 800, 1000 and y = 100, 180, 260, 340, 420:
 * row 0 a header whose column 0 spans two rows and columns 1-3 one cell; rows 2-3 share a label
 * cell in column 0. Rules 2 px wide, a little grey as a scan is.
 */
function ruledTable(): GreyImage {
  const image = blankImage(1200, 700);
  const xs = [100, 400, 600, 800, 1000];
  const ys = [100, 180, 260, 340, 420];
  const across = (y: number, x0: number, x1: number) => fill(image, x0, y, x1 + 2, y + 2, 30);
  const down = (x: number, y0: number, y1: number) => fill(image, x, y0, x + 2, y1 + 2, 30);
  across(100, 100, 1000);
  across(180, 400, 1000); // not under the header label spanning rows 0-1
  across(260, 100, 1000);
  across(340, 400, 1000); // not under the label spanning rows 2-3
  across(420, 100, 1000);
  down(100, 100, 420);
  down(400, 100, 420);
  for (const x of [600, 800]) down(x, 180, 420); // the header cell spans columns 1-3 in row 0
  down(1000, 100, 420);
  print(image, 130, 200, 4); // the spanning label
  print(image, 130, 280, 6);
  print(image, 620, 110, 3); // the spanning header
  for (const [r, c] of [[1, 1], [2, 2], [3, 3]] as const) fill(image, xs[c]! + 60, ys[r]! + 25, xs[c]! + 70, ys[r]! + 55); // digits: short strokes
  fill(image, 150, 560, 600, 563); // an underline below the table, longer than any rule
  return image;
}

describe('tables on a page image, from their ruling lines', () => {
  it('finds the rows and columns between the rules, and the cells spanning rows or columns', () => {
    const [table, ...others] = findTables(ruledTable(), 128, DPI);
    expect(others).toEqual([]);
    expect(table!.rows).toBe(4);
    expect(table!.cols).toBe(4);
    const spans = table!.cells.map((c) => [c.row, c.col, c.rowSpan, c.colSpan]);
    expect(spans).toEqual([
      [0, 0, 2, 1],
      [0, 1, 1, 3],
      [1, 1, 1, 1],
      [1, 2, 1, 1],
      [1, 3, 1, 1],
      [2, 0, 2, 1],
      [2, 1, 1, 1],
      [2, 2, 1, 1],
      [2, 3, 1, 1],
      [3, 1, 1, 1],
      [3, 2, 1, 1],
      [3, 3, 1, 1],
    ]);
    // Boxes run between the rules' centres: a rule drawn at 100-101 is centred at 100.5, rounded to 101.
    expect(table!.cells[0]!.box).toEqual({ x0: 101, y0: 101, x1: 401, y1: 261 });
  });

  it('straightens a page scanned askew before looking for its rules', () => {
    const askew = rotate(ruledTable(), -1.2); // rules now run down to the right by 1.2°
    expect(findTables(askew, 128, DPI)).toEqual([]); // every rule broken into short steps
    expect(skewAngle(askew, 128)).toBe(1.2);
    expect(skewAngle(ruledTable(), 128)).toBe(0);
    const [table] = findTables(deskew(askew, 128), 128, DPI);
    expect([table!.rows, table!.cols]).toEqual([4, 4]);
    expect(table!.cells.map((c) => [c.row, c.col, c.rowSpan, c.colSpan])).toEqual(findTables(ruledTable(), 128, DPI)[0]!.cells.map((c) => [c.row, c.col, c.rowSpan, c.colSpan]));
  });

  it('takes no stroke of print, dash or underline for a table', () => {
    const page = blankImage(1200, 700);
    for (let line = 0; line < 10; line++) print(page, 100, 60 + line * 50, 25);
    fill(page, 100, 620, 1100, 623); // a long underline alone
    fill(page, 300, 640, 390, 643); // a dash
    expect(findTables(page, 128, DPI)).toEqual([]);
  });

  it('cuts a page into text bands and cells with print, leaving blank cells out', () => {
    const page = ruledTable();
    print(page, 100, 30, 10); // a heading above the table
    const plan = planPage(page, DPI);
    expect(plan.parts.map((p) => p.kind)).toEqual(['text', 'table', 'text']);
    const table = plan.parts[1]!;
    if (table.kind !== 'table') throw new Error('no table');
    // 12 cells: the two labels, the header and three digits hold print; the six others are blank.
    expect(table.pieces.filter((p) => p !== null)).toHaveLength(6);
    expect(plan.pieces.filter((p) => p.kind === 'cell')).toHaveLength(6);
  });

  it('writes each row as tab-separated cells, a cell spanning rows only in its first', () => {
    const [table] = findTables(ruledTable(), 128, DPI);
    const texts = ['申请人', '法人或其他组织', '3', '', '', '三、本年度办理结果', '1', '2', '', '', '4', '5'];
    expect(tableLines(table!, texts)).toEqual(['申请人\t法人或其他组织', '\t3\t\t', '三、本年度办理结果\t1\t2\t', '\t\t4\t5']);
  });
});

describe('PGM grey images', () => {
  it('reads back what it wrote, header comments and all', () => {
    const image = blankImage(3, 2);
    image.data.set([0, 50, 100, 150, 200, 255]);
    expect(parsePgm(encodePgm(image))).toEqual(image);
    const commented = new Uint8Array([...new TextEncoder().encode('P5\n# pdftoppm\n3 2\n255\n'), ...image.data]);
    expect(parsePgm(commented)).toEqual(image);
  });

  it('refuses what is not an 8-bit binary PGM, in Chinese', () => {
    expect(() => parsePgm(new TextEncoder().encode('P2\n1 1\n255\n0'))).toThrow('不是 PGM');
    expect(() => parsePgm(new TextEncoder().encode('P5\n2 2\n255\n\u0000'))).toThrow('不完整');
  });
});
