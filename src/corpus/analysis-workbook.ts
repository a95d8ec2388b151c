/**
 * The supervisor's Excel export of one year: a sheet of the selected bodies, one sheet per table
 * (表二, 表三, 表四) with one row per body that has a report, and the findings. Column headers are
 * the template's labels in two rows — the row label over the column label, merged across a row's
 * columns — so the sheet reads like the report. Bytes out, no files.
 */
import ExcelJS from 'exceljs';
import type { AnnualReport, TableKey } from '../model/report.js';
import type { Finding } from '../rules/finding.js';
import { findingRows } from './outputs.js';
import { columnsUsedBy, SUMMARY_SHEETS, summaryLabels, summaryValues } from './summary.js';

export interface ExportBody {
  name: string;
  level: string;
  region: string | null;
  report: AnnualReport | null;
  findings: readonly Finding[];
}

const SEVERITY_LABEL: Record<string, string> = { error: '错误', warning: '警告', info: '提示' };
const LEAD = ['机关', '报告所署单位', '年度', '模板'];

function bold(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
}

function bodiesSheet(book: ExcelJS.Workbook, bodies: readonly ExportBody[], year: number): void {
  const sheet = book.addWorksheet('机关');
  bold(sheet.addRow(['机关', '层级', '地区', `${year}年度报告`, '报告所署单位', '模板', '错误', '警告']));
  for (const b of bodies) {
    const count = (s: string) => b.findings.filter((f) => f.severity === s).length;
    sheet.addRow([b.name, b.level, b.region ?? '', b.report ? '有' : '无', b.report?.unit ?? '', b.report ? `${b.report.template}年模板` : '', count('error'), count('warning')]);
  }
  sheet.getColumn(1).width = 30;
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

/** Two header rows: each row label merged over its columns, the column labels beneath. */
function tableHeader(sheet: ExcelJS.Worksheet, table: TableKey, columns: readonly string[]): void {
  const labels = columns.map((c) => summaryLabels(table, c));
  bold(sheet.addRow([...LEAD, ...labels.map((l) => l.row)]));
  bold(sheet.addRow([...LEAD.map(() => ''), ...labels.map((l) => l.column)]));
  LEAD.forEach((_, i) => sheet.mergeCells(1, i + 1, 2, i + 1));
  let start = 0;
  for (let i = 1; i <= labels.length; i++) {
    if (i < labels.length && labels[i]!.row === labels[start]!.row) continue;
    if (i - start > 1) sheet.mergeCells(1, LEAD.length + start + 1, 1, LEAD.length + i);
    start = i;
  }
  sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: 2 }];
  sheet.getColumn(1).width = 30;
}

function tableSheet(book: ExcelJS.Workbook, table: TableKey, name: string, bodies: readonly ExportBody[]): void {
  const sheet = book.addWorksheet(name);
  const reports = bodies.flatMap((b) => (b.report ? [b.report] : []));
  const columns = columnsUsedBy(table, reports);
  tableHeader(sheet, table, columns);
  for (const b of bodies) {
    if (!b.report) continue;
    sheet.addRow([b.name, b.report.unit ?? '', b.report.year, b.report.template, ...summaryValues(b.report, table, columns)]);
  }
}

function findingsSheet(book: ExcelJS.Workbook, bodies: readonly ExportBody[]): void {
  const sheet = book.addWorksheet('检查发现');
  bold(sheet.addRow(['机关', '报告所署单位', '年度', '代码', '严重程度', '位置', '应为', '实为', '说明']));
  for (const b of bodies) {
    if (!b.report) continue;
    // The batch's findings.csv rows, with the body in place of the file.
    for (const row of findingRows({ file: b.name, sha256: '', report: b.report, findings: [...b.findings] })) {
      row[4] = SEVERITY_LABEL[String(row[4])] ?? row[4];
      sheet.addRow(row.map((v) => (v === undefined ? null : v)));
    }
  }
  sheet.getColumn(1).width = 30;
  sheet.getColumn(9).width = 80;
}

export async function analysisWorkbook(bodies: readonly ExportBody[], year: number): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = 'gongkai';
  bodiesSheet(book, bodies, year);
  for (const [table, name] of SUMMARY_SHEETS) tableSheet(book, table, name, bodies);
  findingsSheet(book, bodies);
  return new Uint8Array(await book.xlsx.writeBuffer());
}
