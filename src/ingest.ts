/**
 * The single entry for reading a report file: bytes → format (sniffed once, from the bytes, not
 * the file name) → decoded once → document → canonical model, returned with the document (and
 * the decoded text, and what outside programs made on the way) so callers show the source
 * without reading the file again. Text, HTML, DOCX and PDF with a text layer are read in
 * process; legacy Word (.doc/.wps) and scans need outside programs, which the caller passes in
 * (adapters), so this module stays free of process and file-system access. The PDF and Word
 * readers (pdf.js, mammoth) load only when such a file comes, so reading text stays light.
 */
import type { FindingCode } from './model/codes.js';
import type { AnnualReport, Diagnostic } from './model/report.js';
import { NOT_A_REPORT_REASON, readDecoded, readTextBytes, recognizeDocument, unreadable, type ParseResult } from './parse.js';
import { DEFAULT_READ_BUDGET, overBudgetReason, type ReadBudget } from './read/budget.js';
import { cleanString, cleanStrings, controlCharsDiagnostic } from './read/clean.js';
import { decodeText, sniffBinary } from './read/decode.js';
import { decodeHtml, looksLikeHtml } from './read/html-sniff.js';
import { InputError } from './read/input-error.js';
import type { TextDocument } from './read/text.js';
import { zipEntries } from './read/zip.js';

export type InputFormat = 'text' | 'html' | 'docx' | 'pdf' | 'legacy-word' | 'image' | 'zip' | 'rtf' | 'binary';

export interface ExternalTools {
  /** .doc / .wps → .docx (LibreOffice headless). Throws with a message naming what is missing. */
  convertLegacyWord?: (bytes: Uint8Array) => Promise<Uint8Array>;
  /** A scanned PDF or an image → text, pages separated by form feeds (tesseract). */
  ocr?: (bytes: Uint8Array, kind: 'pdf' | 'image') => Promise<string>;
}

export interface IngestOptions {
  /**
   * The file's reading budget (src/read/budget.ts): a larger input is refused before any parsing,
   * a PDF with more pages before its pages are read, a Word file that unpacks larger before it
   * is unpacked. Time and memory are enforced by the thread that runs this (src/adapters/worker-pool.ts).
   */
  budget?: Partial<ReadBudget>;
  tools?: ExternalTools;
}

/** What the single entry gives for one file: the model, and what it was read from. */
export interface IngestResult extends ParseResult {
  format: InputFormat;
  /** The document the model was recognised from (lines, cells, pages), for showing the source beside the model; null when the bytes could not be read into one. */
  document: TextDocument | null;
  /** The decoded text of a text or HTML input (to show or sanitise the source); null for other formats. */
  sourceText: string | null;
  /** What an outside program produced on the way: the .docx LibreOffice made of a .doc/.wps, the text tesseract read from a scan. */
  converted?: { docx?: Uint8Array; ocrText?: string };
}

export const DEFAULT_MAX_BYTES = DEFAULT_READ_BUDGET.maxBytes;
/** Fewer characters than this per page: a scan, not a PDF with a text layer. */
const SCAN_CHARS_PER_PAGE = 20;

export function detectFormat(bytes: Uint8Array): InputFormat {
  const binary = sniffBinary(bytes);
  if (binary === 'pdf' || binary === 'image' || binary === 'rtf') return binary;
  if (binary === 'ole') return 'legacy-word';
  if (binary === 'zip') {
    const entries = zipEntries(bytes);
    return entries?.some((e) => e.name === 'word/document.xml') ? 'docx' : 'zip';
  }
  const head = decodeText(bytes.subarray(0, 4096)).text;
  return looksLikeHtml(head) ? 'html' : 'text';
}

/** A file not read: an empty model with the reason, as every refusal of the single entry looks. */
export function refused(format: InputFormat, code: FindingCode, reason: string): IngestResult {
  return { ...unreadable(code, reason), format, document: null, sourceText: null };
}

/**
 * A document read from HTML, Word or PDF → model. One that holds nothing of a report is refused
 * with an empty model (the recogniser's guesses about markup are noise), its document kept.
 */
function fromDocument(document: TextDocument, format: InputFormat, budget: ReadBudget, sourceText: string | null = null): IngestResult {
  const chars = document.lines.reduce((n, l) => n + l.text.length, 0);
  if (chars > budget.maxTextChars) return refused(format, 'INPUT.OVER_BUDGET', overBudgetReason('maxTextChars', budget, chars));
  const parsed = recognizeDocument(document);
  if (!parsed.readable) return { ...refused(format, 'INPUT.NOT_A_REPORT', NOT_A_REPORT_REASON), document, sourceText };
  return { ...parsed, format, document, sourceText };
}

/** A .docx (or the one LibreOffice made of a .doc): unpacked by the hardened ZIP reader, read by mammoth. */
async function fromDocx(bytes: Uint8Array, budget: ReadBudget): Promise<IngestResult> {
  const { readDocx } = await import('./read/docx.js');
  const limits = { maxEntryBytes: budget.maxUnpackedBytes, maxTotalBytes: budget.maxUnpackedBytes, maxEntries: 10_000 };
  return fromDocument((await readDocx(bytes, limits)).doc, 'docx', budget);
}

async function fromOcr(bytes: Uint8Array, kind: 'pdf' | 'image', tools: ExternalTools | undefined): Promise<IngestResult> {
  const what = kind === 'pdf' ? '这是没有文字层的扫描版PDF' : '这是图片（扫描件）';
  if (!tools?.ocr) return refused(kind, 'INPUT.NEEDS_OCR', `${what}，需要文字识别（OCR）才能读取`);
  let text: string;
  try {
    text = await tools.ocr(bytes, kind);
  } catch (error) {
    return refused(kind, 'INPUT.NEEDS_OCR', `${what}，文字识别失败：${(error as Error).message}`);
  }
  const { report, readable, reason, document } = readDecoded(text);
  const result: IngestResult = { report, readable, ...(reason === undefined ? {} : { reason }), format: kind, document, sourceText: null, converted: { ocrText: text } };
  for (const p of Object.values(result.report.provenance)) p.ocr = true;
  result.report.diagnostics.unshift(
    {
      code: 'INPUT.OCR',
      severity: 'warning',
      message: `${what}，已用文字识别（OCR）读取：识别可能有误，每个数值都应与原件核对`,
      at: 'input',
    },
    ...ocrTableWarnings(result.report),
  );
  return result;
}

const TABLE_NAMES = { proactive: '表二', applications: '表三', appeals: '表四' } as const;

/** Each table holding a value read from the image says so where the table is shown. */
function ocrTableWarnings(report: AnnualReport): Diagnostic[] {
  return (Object.keys(TABLE_NAMES) as (keyof typeof TABLE_NAMES)[])
    .filter((table) => Object.keys(report.provenance).some((path) => path.startsWith(`${table}.`)))
    .map((table) => ({
      code: 'INPUT.OCR',
      severity: 'warning',
      message: `${TABLE_NAMES[table]}的数值是用文字识别（OCR）从扫描图像中读出的，可能有误，须逐项与原件核对`,
      at: table,
    }));
}

/**
 * Read one published report in whatever format it came; never throws. NUL bytes, lone surrogates
 * and control characters are removed from all it returns, with a diagnostic saying how many.
 */
export async function parseFile(bytes: Uint8Array, options: IngestOptions = {}): Promise<IngestResult> {
  const result = await readAnyFormat(bytes, options);
  // Text and HTML are cleaned before reading (readTextBytes in parse.ts, the HTML case below); what other readers extracted, after.
  if (cleanStrings(result) > 0 && !result.report.diagnostics.some((d) => d.code === 'INPUT.CONTROL_CHARS')) {
    result.report.diagnostics.unshift(controlCharsDiagnostic());
  }
  return result;
}

async function readAnyFormat(bytes: Uint8Array, options: IngestOptions): Promise<IngestResult> {
  const format = bytes.length ? detectFormat(bytes) : 'text';
  const budget = { ...DEFAULT_READ_BUDGET, ...options.budget };
  if (bytes.length > budget.maxBytes) return refused(format, 'INPUT.TOO_LARGE', overBudgetReason('maxBytes', budget, bytes.length));
  try {
    switch (format) {
      case 'text':
        return { ...readTextBytes(bytes, budget.maxTextChars), format };
      case 'html': {
        const source = cleanString(decodeHtml(bytes));
        const { readHtml } = await import('./read/html.js');
        const read = fromDocument(readHtml(source.text), format, budget, source.text);
        if (source.removed) read.report.diagnostics.unshift(controlCharsDiagnostic(source.removed));
        return read;
      }
      case 'docx':
        return await fromDocx(bytes, budget); // awaited here, so a refusal is caught below
      case 'pdf': {
        const { readPdf } = await import('./read/pdf.js');
        const pdf = await readPdf(bytes, { maxPages: budget.maxPages });
        if (pdf.textChars < SCAN_CHARS_PER_PAGE * pdf.pages) return fromOcr(bytes, 'pdf', options.tools);
        return fromDocument(pdf.doc, format, budget);
      }
      case 'image':
        return fromOcr(bytes, 'image', options.tools);
      case 'legacy-word': {
        if (!options.tools?.convertLegacyWord) return refused(format, 'INPUT.NEEDS_CONVERTER', '这是旧版 Word/WPS 文件（.doc/.wps），需要 LibreOffice 转换');
        let docx: Uint8Array;
        try {
          docx = await options.tools.convertLegacyWord(bytes);
        } catch (error) {
          return refused(format, 'INPUT.NEEDS_CONVERTER', `这是旧版 Word/WPS 文件（.doc/.wps），转换失败：${(error as Error).message}`);
        }
        return { ...(await fromDocx(docx, budget)), format, converted: { docx } };
      }
      case 'zip':
        if (!zipEntries(bytes)) return refused(format, 'INPUT.CORRUPT', 'ZIP/Word 文件不完整或已损坏（找不到文件目录，可能下载中断）');
        return refused(format, 'INPUT.UNSUPPORTED_FORMAT', '这是 ZIP 压缩包，不是单份报告（批量处理请用 gongkai batch）');
      case 'rtf':
        return refused(format, 'INPUT.UNSUPPORTED_FORMAT', '这是 RTF 文件，请另存为 .docx 后再读取');
      default:
        return refused(format, 'INPUT.UNSUPPORTED_FORMAT', '这是二进制文件，不是文本');
    }
  } catch (error) {
    if (error instanceof InputError) return refused(format, error.code, error.message);
    return refused(format, 'INPUT.CORRUPT', `文件已损坏或格式不正确，无法读取（${(error as Error).message}）`);
  }
}
