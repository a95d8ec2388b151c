/**
 * The lattice reading of a PDF page, on lines and words laid out by hand: which cells the
 * ruling lines make, merged cells where a border is not drawn, a last row whose closing line a
 * page break took away, and words that fall in no table.
 */
import { describe, expect, it } from 'vitest';
import { latticePage, type PageItem } from '../../src/read/lattice.js';
import type { Ruling } from '../../src/read/pdf-rulings.js';

const h = (y: number, x0: number, x1: number): Ruling => ({ at: y, a: x0, b: x1 });
const v = (x: number, y0: number, y1: number): Ruling => ({ at: x, a: y0, b: y1 });
const word = (str: string, x: number, y: number): PageItem => ({ str, x, y, width: str.length * 6, size: 10 });

/** Texts of the cells, by row then column, with their spans. */
function cells(result: ReturnType<typeof latticePage>, t = 0): string[] {
  return result.tables[t]!.cells.map((c) => `${c.row},${c.col}${c.rowSpan > 1 ? ` rs${c.rowSpan}` : ''}${c.colSpan > 1 ? ` cs${c.colSpan}` : ''}:${c.items.map((i) => i.str).join('')}`);
}

describe('tables from ruling lines', () => {
  // Three columns at x 100, 200, 300, 400; rows between y 700, 680, 660, 640 (PDF y grows upward).
  const columns = [100, 200, 300, 400];
  const rows = [700, 680, 660, 640];

  it('a merged group cell: the row line under it stops short, so the two slots are one cell', () => {
    const rulings = {
      horizontal: [h(700, 100, 400), h(680, 200, 400), h(660, 100, 400), h(640, 100, 400)],
      vertical: columns.map((x) => v(x, 640, 700)),
    };
    const result = latticePage(rulings, [word('组', 110, 685), word('甲', 210, 685), word('7', 310, 685), word('乙', 210, 665), word('说明', 110, 645)]);
    expect(result.tables).toHaveLength(1);
    expect(cells(result)).toEqual(['0,0 rs2:组', '0,1:甲', '0,2:7', '1,1:乙', '1,2:', '2,0:说明', '2,1:', '2,2:']);
  });

  it('a table cut by a page break: the column lines run past the last row line, and close the last row', () => {
    const rulings = { horizontal: rows.slice(0, 3).map((y) => h(y, 100, 400)), vertical: columns.map((x) => v(x, 640, 700)) };
    const result = latticePage(rulings, [word('末行', 110, 645), word('3', 310, 645)]);
    expect(result.tables[0]!.ys).toHaveLength(4);
    expect(cells(result)).toContain('2,0:末行');
    expect(cells(result)).toContain('2,2:3');
  });

  it('text outside the table, and a page with no lines, is left to the text layout', () => {
    const rulings = { horizontal: rows.map((y) => h(y, 100, 400)), vertical: columns.map((x) => v(x, 640, 700)) };
    expect(latticePage(rulings, [word('正文', 100, 720)]).free.map((i) => i.str)).toEqual(['正文']);
    expect(latticePage({ horizontal: [], vertical: [] }, [word('正文', 100, 720)])).toEqual({ tables: [], free: [word('正文', 100, 720)] });
  });

  it('a box around one paragraph is no table', () => {
    const rulings = { horizontal: [h(700, 100, 400), h(640, 100, 400)], vertical: [v(100, 640, 700), v(400, 640, 700)] };
    expect(latticePage(rulings, [word('框中文字', 110, 660)]).tables).toEqual([]);
  });

  it('one text item written across two cells is split at its spaces', () => {
    const rulings = { horizontal: rows.map((y) => h(y, 100, 400)), vertical: columns.map((x) => v(x, 640, 700)) };
    const item: PageItem = { str: '12 34', x: 150, y: 685, width: 100, size: 10 };
    expect(cells(latticePage(rulings, [item]))).toEqual(expect.arrayContaining(['0,0:12', '0,1:34']));
  });
});
