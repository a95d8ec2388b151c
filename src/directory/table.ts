/**
 * The directory's file formats: CSV (UTF-8, with or without BOM; comma-separated, "" quoting,
 * quoted fields may hold line breaks) and Excel (the first worksheet). Both become the same table
 * of text cells; export writes the same columns in both. Buffers in and out; no files.
 */
import ExcelJS from 'exceljs';
import { csvLine } from '../corpus/outputs.js';
import { decodeText } from '../read/decode.js';

export type Table = string[][];

/** The records of a CSV text; a record's index + 1 is its line as a spreadsheet shows it. */
export function parseCsv(text: string): Table {
  const src = text.replace(/^\uFEFF/, '');
  const rows: Table = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** A table as CSV with a BOM (so Excel opens it as UTF-8). */
export function toCsv(table: Table): string {
  return `\uFEFF${table.map(csvLine).join('')}`;
}

/** Text of an Excel cell as a person reads it (numbers without exponent, rich text joined). */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if (value instanceof Date) return value.toISOString().slice(0, 10);
  }
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  return String(value);
}

/** The first worksheet of an .xlsx as a table of text. */
export async function parseXlsx(bytes: Uint8Array): Promise<Table> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const sheet = book.worksheets[0];
  if (!sheet) return [];
  const rows: Table = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
    rows[n - 1] = cells;
  });
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return rows;
}

/** A table as an .xlsx with one worksheet; every cell is text, so codes keep their digits. */
export async function toXlsx(table: Table, sheetName: string): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  for (const row of table) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((col, i) => {
    col.width = [14, 32, 12, 14, 28, 12, 22][i] ?? 16;
    col.numFmt = '@';
  });
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** Whether bytes are a zip (an .xlsx) rather than text. */
export const isXlsx = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b;

/** The table in a file's bytes: an .xlsx, or CSV text in UTF-8 (with or without BOM), UTF-16 or GB18030 as Excel saves it. */
export async function readTable(bytes: Uint8Array): Promise<Table> {
  return isXlsx(bytes) ? parseXlsx(bytes) : parseCsv(decodeText(bytes).text);
}
