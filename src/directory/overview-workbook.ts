/**
 * The bodies × years table as an Excel workbook: sheet 机关年度报告情况 — the filtered, sorted
 * bodies, one column per year, each cell in words (按时报送 / 逾期发布 / 无法读取 / 缺报, then
 * 错误 N 个 and 警告 N 个), coloured as on screen; sheet 地区合计 — the chosen year's totals of the
 * region and of each line below it. Bytes out, no files.
 */
import ExcelJS from 'exceljs';
import { CELL_STATUS_LABELS, type CellStatus, type RegionLine, type Totals } from './overview.js';

export interface OverviewWorkbookInput {
  where: string;
  year: number;
  years: readonly number[];
  rows: readonly {
    name: string;
    levelLabel: string;
    regionName: string | null;
    cells: readonly { status: CellStatus; errors: number; warnings: number; reports: number }[];
  }[];
  /** Rows matching the filters (the sheet holds at most the export limit). */
  total: number;
  totals: Totals;
  lines: readonly RegionLine[];
}

const FILL: Partial<Record<CellStatus | 'errors', string>> = { missing: 'FFF4C7C3', unreadable: 'FFF4C7C3', late: 'FFFFF2CC', errors: 'FFFCE4D6' };

/** A cell in words: its status, then its errors and warnings, and the other uploads of the year. */
export function cellWords(c: { status: CellStatus; errors: number; warnings: number; reports: number }): string {
  const words = [CELL_STATUS_LABELS[c.status]];
  if (c.errors) words.push(`错误 ${c.errors} 个`);
  if (c.warnings && c.status !== 'missing') words.push(`警告 ${c.warnings} 个`);
  if (c.reports > 1) words.push(`另有 ${c.reports - 1} 份上传`);
  return words.join('，');
}

export const TOTAL_COLUMNS: readonly [keyof Totals, string][] = [
  ['bodies', '机关数'], ['reported', '已报送'], ['late', '逾期发布'], ['missing', '缺报'], ['unreadable', '无法读取'], ['withErrors', '有错误'],
];

export async function overviewWorkbook(v: OverviewWorkbookInput): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = 'gongkai';
  const sheet = book.addWorksheet('机关年度报告情况');
  const shown = v.rows.length < v.total ? `，导出前 ${v.rows.length} 个` : '';
  sheet.addRow([`${v.where}各机关年度报告情况（共 ${v.total} 个机关${shown}；筛选和排序同页面）`]).font = { bold: true };
  const head = sheet.addRow(['机关', '层级', '地区', ...v.years.map((y) => `${y}年度`)]);
  head.font = { bold: true };
  for (const r of v.rows) {
    const row = sheet.addRow([r.name, r.levelLabel, r.regionName ?? '', ...r.cells.map(cellWords)]);
    r.cells.forEach((c, i) => {
      const fill = c.errors ? FILL.errors : FILL[c.status];
      if (fill) row.getCell(4 + i).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
    });
  }
  sheet.columns.forEach((col, i) => (col.width = i === 0 ? 36 : i < 3 ? 14 : 22));
  sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: 2 }];

  const sums = book.addWorksheet('地区合计');
  sums.addRow([`${v.where}${v.year}年度报告情况合计（按全部机关，不受页面筛选影响）`]).font = { bold: true };
  sums.addRow(['地区', ...TOTAL_COLUMNS.map(([, label]) => label)]).font = { bold: true };
  const line = (name: string, t: Totals) => sums.addRow([name, ...TOTAL_COLUMNS.map(([k]) => t[k])]);
  line(`${v.where}合计`, v.totals).font = { bold: true };
  for (const l of v.lines) line(l.name, l.totals);
  sums.columns.forEach((col, i) => (col.width = i === 0 ? 30 : 10));
  return new Uint8Array(await book.xlsx.writeBuffer());
}
