/**
 * The audit log as a spreadsheet: one row per entry, in the words of the audit page, each
 * changed field on its own line of the 改动 cell. Buffers out; no files.
 */
import ExcelJS from 'exceljs';
import { changeLine, type ReadableEntry } from './audit-format.js';

export interface AuditSheetRow extends ReadableEntry {
  body: string;
}

const COLUMNS = [
  ['when', '时间', 20],
  ['who', '操作人', 22],
  ['action', '操作', 18],
  ['what', '对象', 40],
  ['body', '机关', 28],
  ['changes', '改动（改前 → 改后）', 80],
] as const;

export async function auditWorkbook(rows: readonly AuditSheetRow[], title: string): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('审计日志');
  sheet.addRow([title]).font = { bold: true };
  const header = sheet.addRow(COLUMNS.map(([, label]) => label));
  header.font = { bold: true };
  COLUMNS.forEach(([, , width], i) => (sheet.getColumn(i + 1).width = width));
  for (const r of rows) {
    const lines = r.changes.map(changeLine);
    if (r.more > 0) lines.push(`另有 ${r.more} 项改动`);
    const row = sheet.addRow([r.when, r.who, r.action, r.what, r.body, lines.join('\n')]);
    row.alignment = { vertical: 'top', wrapText: true };
  }
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
  return new Uint8Array(await book.xlsx.writeBuffer());
}
