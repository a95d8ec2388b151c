/**
 * The indicator table as an Excel workbook: sheet 指标 — one row per body (values as numbers,
 * rates to one decimal, a red or yellow flag as the cell's colour and in words in 预警), then the
 * region's total, median and the 10th, 25th, 75th and 90th percentiles; sheet 指标定义 — each indicator's formula, unit, minimum
 * denominator and the thresholds applied. Bytes out, no files.
 */
import ExcelJS from 'exceljs';
import { FLAG_LABELS, type Distribution, type Flag, type RegionValue } from './compute.js';
import { INDICATORS } from './definitions.js';

export interface WorkbookInput {
  where: string;
  year: number;
  indicators: readonly { key: string; name: string; unit: string; thresholdWords: string }[];
  bodies: readonly {
    name: string;
    levelLabel: string;
    regionName: string | null;
    reported: boolean;
    cells: Record<string, { value: number | null; flag: Flag | null; reason: string | null }>;
  }[];
  totals: Record<string, RegionValue>;
  distribution: Record<string, Distribution | null>;
}

const FILL: Record<Flag, string> = { red: 'FFF4C7C3', yellow: 'FFFFF2CC' };
const LEAD = ['机关', '层级', '地区'];

export async function indicatorWorkbook(v: WorkbookInput): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = 'gongkai';
  const sheet = book.addWorksheet('指标');
  sheet.addRow([`${v.where}${v.year}年度政府信息公开指标（按已发布年度报告的表格计算，含更正）`]);
  const head = sheet.addRow([...LEAD, ...v.indicators.map((i) => `${i.name}（${i.unit}）`), '预警']);
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  const format = (i: { unit: string }) => (i.unit === '%' ? '0.0' : i.unit === '万元' ? '0.00' : '0');
  for (const b of v.bodies) {
    const flags: string[] = [];
    const row = sheet.addRow([
      b.name, b.levelLabel, b.regionName ?? '',
      ...v.indicators.map((i) => {
        const c = b.cells[i.key];
        if (c?.flag) flags.push(`${i.name}${FLAG_LABELS[c.flag]}`);
        return c ? c.value : null;
      }),
      b.reported ? flags.join('；') : '无该年度报告',
    ]);
    v.indicators.forEach((i, n) => {
      const cell = row.getCell(LEAD.length + n + 1);
      cell.numFmt = format(i);
      const c = b.cells[i.key];
      if (c?.flag) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL[c.flag] } };
      if (c?.reason) cell.note = c.reason;
    });
  }
  const stat = (label: string, pick: (key: string) => number | null) => {
    const row = sheet.addRow([label, '', '', ...v.indicators.map((i) => pick(i.key))]);
    row.font = { bold: true };
    v.indicators.forEach((i, n) => (row.getCell(LEAD.length + n + 1).numFmt = format(i)));
  };
  stat('地区合计（比率为合计分子÷合计分母）', (k) => v.totals[k]?.value ?? null);
  for (const [label, key] of [['中位数', 'median'], ['第10百分位', 'p10'], ['下四分位（第25百分位）', 'p25'], ['上四分位（第75百分位）', 'p75'], ['第90百分位', 'p90']] as const) {
    stat(label, (k) => v.distribution[k]?.[key] ?? null);
  }
  stat('参与分布的机关数', (k) => v.distribution[k]?.n ?? 0);
  sheet.getColumn(1).width = 30;
  sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: 2 }];

  const defs = book.addWorksheet('指标定义');
  const dh = defs.addRow(['指标', '单位', '计算方法', '最小分母', '预警阈值（本表所用）', '说明']);
  dh.font = { bold: true };
  for (const d of INDICATORS) {
    const applied = v.indicators.find((i) => i.key === d.key)?.thresholdWords ?? '';
    defs.addRow([d.name, d.unit, d.formula, d.minDenominator ?? '', applied, d.note ?? '']);
  }
  defs.getColumn(1).width = 24;
  defs.getColumn(3).width = 80;
  defs.getColumn(6).width = 60;
  return new Uint8Array(await book.xlsx.writeBuffer());
}
