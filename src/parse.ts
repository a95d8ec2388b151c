/**
 * The public entry point of the pure core: bytes or text in, canonical model out.
 * Never throws: an input that is not a report still yields a model, with diagnostics saying why.
 */
import { emptyReport, type AnnualReport } from './model/report.js';
import { decodeText, sniffBinary, type BinaryFormat } from './read/decode.js';
import { readText } from './read/text.js';
import { recognize } from './recognize/recognize.js';

export interface ParseResult {
  report: AnnualReport;
  /** False when nothing of a report could be read: the CLI exits 2 and prints no model for it. */
  readable: boolean;
  /** Why the input is unreadable, in Chinese, naming the problem. */
  reason?: string;
}

const BINARY_REASON: Record<BinaryFormat, string> = {
  pdf: '这是PDF文件，不是文本（用 parseFile 读取）',
  zip: '这是ZIP压缩格式的文件（如 .docx），不是文本（用 parseFile 读取）',
  ole: '这是旧版Office二进制文件（.doc/.wps），不是文本（用 parseFile 读取）',
  rtf: '这是RTF文件，不是文本',
  image: '这是图片文件（扫描件），不是文本（用 parseFile 读取）',
  binary: '这是二进制文件，不是文本',
};

function unreadable(code: string, reason: string): ParseResult {
  const report = emptyReport('2021');
  report.diagnostics.push({ code, severity: 'error', message: reason, at: 'input' });
  return { report, readable: false, reason };
}

/** True when the model holds anything at all read from the source. */
function hasContent(report: AnnualReport): boolean {
  return report.sections.length > 0 || Object.keys(report.provenance).length > 0 || report.title !== null;
}

export function parseText(text: string): ParseResult {
  if (!text.trim()) return unreadable('INPUT.EMPTY', '文件是空的（没有任何文字）');
  const report = recognize(readText(text));
  if (!hasContent(report)) {
    const reason = '没有找到年度报告的任何部分（标题、六个部分的标题和三张统计表都没有找到）';
    report.diagnostics.unshift({ code: 'INPUT.NOT_A_REPORT', severity: 'error', message: reason, at: 'input' });
    return { report, readable: false, reason };
  }
  return { report, readable: true };
}

export function parseBytes(bytes: Uint8Array): ParseResult {
  if (bytes.length === 0) return unreadable('INPUT.EMPTY', '文件是空的（0 字节）');
  const binary = sniffBinary(bytes);
  if (binary) return unreadable('INPUT.UNSUPPORTED_FORMAT', BINARY_REASON[binary]);
  const decoded = decodeText(bytes);
  const nul = decoded.text.indexOf('\u0000');
  if (nul >= 0 && decoded.text.slice(0, 4096).split('\u0000').length > 8) {
    return unreadable('INPUT.UNSUPPORTED_FORMAT', BINARY_REASON.binary);
  }
  const result = parseText(decoded.text);
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
