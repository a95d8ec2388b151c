/**
 * The text stage of reading a report: decoded text (or the bytes of a text file) → document →
 * canonical model. `parseText` is the pure text entry (the rules' tests and the browser use it);
 * files of any format go through `parseFile` in src/ingest.ts, which sniffs the format once and
 * hands text files to `readTextBytes` here. Never throws: an input that is not a report still
 * yields a model, with diagnostics saying why.
 */
import { overBudgetReason } from './read/budget.js';
import type { FindingCode } from './model/codes.js';
import { emptyReport, type AnnualReport } from './model/report.js';
import { cleanString, controlCharsDiagnostic } from './read/clean.js';
import { decodeText, sniffBinary, type BinaryFormat } from './read/decode.js';
import { readText, type TextDocument } from './read/text.js';
import { recognize } from './recognize/recognize.js';

export interface ParseResult {
  report: AnnualReport;
  /** False when nothing of a report could be read: the CLI exits 2 and prints no model for it. */
  readable: boolean;
  /** Why the input is unreadable, in Chinese, naming the problem. */
  reason?: string;
}

/** A read of text: the model, the document it was recognised from and the decoded text (null where the input was refused before either). */
export interface TextRead extends ParseResult {
  document: TextDocument | null;
  sourceText: string | null;
}

const BINARY_REASON: Record<BinaryFormat, string> = {
  pdf: '这是PDF文件，不是文本（用 parseFile 读取）',
  zip: '这是ZIP压缩格式的文件（如 .docx），不是文本（用 parseFile 读取）',
  ole: '这是旧版Office二进制文件（.doc/.wps），不是文本（用 parseFile 读取）',
  rtf: '这是RTF文件，不是文本',
  image: '这是图片文件（扫描件），不是文本（用 parseFile 读取）',
  binary: '这是二进制文件，不是文本',
};

export const NOT_A_REPORT_REASON = '没有找到年度报告的任何部分（标题、六个部分的标题和三张统计表都没有找到）';

/** An input refused before anything was read: an empty model whose one diagnostic says why. */
export function unreadable(code: FindingCode, reason: string): ParseResult {
  const report = emptyReport('2021');
  report.diagnostics.push({ code, severity: 'error', message: reason, at: 'input' });
  return { report, readable: false, reason };
}

/** True when the model holds anything at all read from the source. */
function hasContent(report: AnnualReport): boolean {
  return report.sections.length > 0 || Object.keys(report.provenance).length > 0 || report.title !== null;
}

/** The model recognised from a document; unreadable (the recogniser's model kept, a diagnostic first) when nothing of a report is in it. */
export function recognizeDocument(document: TextDocument): ParseResult {
  const report = recognize(document);
  if (hasContent(report)) return { report, readable: true };
  report.diagnostics.unshift({ code: 'INPUT.NOT_A_REPORT', severity: 'error', message: NOT_A_REPORT_REASON, at: 'input' });
  return { report, readable: false, reason: NOT_A_REPORT_REASON };
}

/** Decoded text → document → model. */
export function readDecoded(text: string): TextRead {
  if (!text.trim()) return { ...unreadable('INPUT.EMPTY', '文件是空的（没有任何文字）'), document: null, sourceText: text };
  const document = readText(text);
  return { ...recognizeDocument(document), document, sourceText: text };
}

/** Only the model's part of a read: what the text entries have always returned. */
function modelOf({ report, readable, reason }: ParseResult): ParseResult {
  return reason === undefined ? { report, readable } : { report, readable, reason };
}

export function parseText(text: string): ParseResult {
  return modelOf(readDecoded(text));
}

/**
 * The bytes of a file already known to be text (not a binary format) → model: decoded once,
 * its encoding noted when it is not plain UTF-8.
 */
export function readTextBytes(bytes: Uint8Array, maxChars = Infinity): TextRead {
  if (bytes.length === 0) return { ...unreadable('INPUT.EMPTY', '文件是空的（0 字节）'), document: null, sourceText: null };
  const decoded = decodeText(bytes);
  if (decoded.text.length > maxChars) return { ...unreadable('INPUT.OVER_BUDGET', overBudgetReason('maxTextChars', { maxTextChars: maxChars }, decoded.text.length)), document: null, sourceText: null };
  const nul = decoded.text.indexOf('\u0000');
  if (nul >= 0 && decoded.text.slice(0, 4096).split('\u0000').length > 8) {
    return { ...unreadable('INPUT.UNSUPPORTED_FORMAT', BINARY_REASON.binary), document: null, sourceText: null };
  }
  // A few NULs or control characters (a damaged file): removed before reading, so they split no heading or number.
  const cleaned = cleanString(decoded.text);
  const result = readDecoded(cleaned.text);
  if (cleaned.removed) result.report.diagnostics.unshift(controlCharsDiagnostic(cleaned.removed));
  if (decoded.encoding !== 'utf-8' || decoded.bom) {
    result.report.diagnostics.unshift({
      code: 'INPUT.ENCODING',
      severity: 'info',
      message: `文件编码识别为 ${decoded.encoding.toUpperCase()}${decoded.bom ? '（带BOM）' : ''}`,
      at: 'input',
    });
  }
  return result;
}

/**
 * The bytes of a text file → model, synchronously (tests and scripts that hold text fixtures).
 * Binary formats are refused with a reason naming `parseFile`, which reads them.
 */
export function parseBytes(bytes: Uint8Array): ParseResult {
  const binary = sniffBinary(bytes);
  if (binary) return unreadable('INPUT.UNSUPPORTED_FORMAT', BINARY_REASON[binary]);
  return modelOf(readTextBytes(bytes));
}
