/**
 * Title, issuing body (unit), report year and publication date.
 *
 * The title usually says all: `桐柏县埠江镇人民政府2024年政府信息公开工作年度报告`. When the title is
 * missing (seed 003) or names the body short (`米易县普威镇`), the signature at the end and the
 * text of section 一 are the evidence, and a diagnostic says which was used.
 */
import type { TextDocument } from '../read/text.js';
import { chineseNumber } from '../template/normalize.js';

export interface Metadata {
  title: string | null;
  titleLine: number | null;
  unit: string | null;
  unitFrom: 'title' | 'signature' | 'text' | 'expanded' | null;
  year: number | null;
  yearFrom: 'title' | 'period' | 'text' | null;
  publishedOn: string | null;
}

const UNIT_SUFFIX = /(人民政府办公室|人民政府办公厅|人民政府|街道办事处|办事处|管理委员会|委员会|管委会|局|厅|办公室|中心|院|署|委)$/;
const REPORT_WORDS = /年度报告|工作报告|年报/;

function clean(text: string): string {
  return withoutPageMarker(text.replace(/^\s*#{1,6}\s*/, '').replace(/\*\*/g, '').trim());
}

/**
 * A flip-book or paged viewer heads each page with its number and the document's name
 * (`Page 8 - 威海市文登区信访局2022年…`): the marker is not part of the title, and left in it
 * would be read as the start of the body's name (`Page8-威海市…`).
 */
function withoutPageMarker(text: string): string {
  // A line that is nothing but the page number (`P. 7`, `第7页`) is no part of a title either.
  if (/^(?:(?:page|p\.)\s*\d{1,4}|第\s*\d{1,4}\s*页)$/i.test(text)) return '';
  return text.replace(/^(?:page|p\.)\s*\d{1,4}\s*[-–—:：|]\s*|^第\s*\d{1,4}\s*页\s*[-–—:：|]\s*/i, '');
}

/** A line that is nothing but a body's name (`淮安市洪泽区人民政府`), not a field of a page's metadata block. */
function isBareName(text: string): boolean {
  return text.length <= 30 && /^[\u4e00-\u9fff（）()]+$/.test(text) && UNIT_SUFFIX.test(text);
}

/** Arabic or Chinese-numeral year: `2024`, `二〇二四`, `二零二四`. */
function yearOf(token: string): number | null {
  if (/^\d{4}$/.test(token)) return Number(token);
  const digits = [...token].map((c) => '〇零一二三四五六七八九'.indexOf(c));
  if (digits.length === 4 && digits.every((i) => i >= 0)) return Number(digits.map((i) => Math.max(0, i - 1)).join(''));
  return null;
}

const YEAR_IN_TITLE = /((?:19|20)\d{2}|[〇零一二三四五六七八九]{4})\s*年(?:度)?/;

/**
 * The title: the line nearest above the first heading that names a report, without sentence
 * punctuation (a preamble saying "现公布…年度报告。" is not it) or navigation marks (a portal's
 * "首页 > 政务公开 > 年度报告" is not it either).
 */
function findTitle(doc: TextDocument, before: number): { text: string; line: number } | null {
  const end = Math.min(before, doc.lines.length);
  // A sentence (`现将2020年度…工作报告公布如下(…):`) is not a title, in full-width or ASCII punctuation.
  const isTitle = (t: string) => REPORT_WORDS.test(t) && t.length <= 80 && !/[，。；,;>›»|]|[:：]$/.test(t);
  for (let i = end - 1; i >= 0 && i >= end - 40; i--) {
    let t = clean(doc.lines[i]!.text);
    if (!t) continue;
    // A long title wraps: `…2024年政府信息公开工作年` / `度报告`, in a page with a blank line between lines too.
    const at = lineAbove(doc, i);
    const above = at >= 0 ? clean(doc.lines[at]!.text) : '';
    // A portal's label (`访问量:`) or a stray character (`告`) under a complete title is not its second half.
    if (t.length <= 12 && !/[:：]/.test(t) && above && !/[，。；>›»|]/.test(above) && !isTitle(above) && isTitle(above + t)) {
      t = above + t;
      i = at;
    }
    if (!isTitle(t)) continue;
    // A short line just above holding the body's name belongs to the title (`淮安市洪泽区人民政府` / `2024 年…`).
    let text = t;
    for (let j = i - 1; j >= 0 && j >= i - 2; j--) {
      const above = clean(doc.lines[j]!.text);
      if (!above) continue;
      // `发文日期: 2021-01-30 发布机构: 中埠镇人民政府` also ends in a name, but is a metadata field.
      if (isBareName(above.replace(/\s+/g, ''))) text = above + text;
      break;
    }
    return { text, line: i + 1 };
  }
  return null;
}

/** The nearest non-empty line above line `i` (one blank line may stand between), or -1. */
function lineAbove(doc: TextDocument, i: number): number {
  for (let j = i - 1; j >= 0 && j >= i - 2; j--) if (doc.lines[j]!.text.trim()) return j;
  return -1;
}

/** A body's name standing alone near the end (the signature), e.g. `米易县普威镇人民政府`. */
function signatureUnit(doc: TextDocument): string | null {
  let seen = 0;
  for (let i = doc.lines.length - 1; i >= 0 && seen < 8; i--) {
    const t = clean(doc.lines[i]!.text).replace(/\s+/g, '');
    if (!t) continue;
    seen++;
    if (t.length <= 30 && UNIT_SUFFIX.test(t) && !/[，。；：,]/.test(t)) return t;
  }
  return null;
}

/** Words that end a clause before a body's name (`现公布普威镇人民政府` → `普威镇人民政府`). */
const LEAD_IN = /^.*(?:公布|根据|按照|在|由|是|为|对|向|将|经|与|及|的|了|我|年|通过|通過)/;

/** A government named as the owner of a website (`在中江县人民政府网站公开`), not as the reporting body. */
const WEBSITE_AFTER = /^(?:门户|網站|网站|網|网|官网|門戶)/;

/** The first body named in a text (`滔溪镇人民政府`), or null. */
function unitInText(text: string): string | null {
  for (const m of text.matchAll(/([\u4e00-\u9fff]{2,16}?(?:人民政府|街道办事处))/g)) {
    if (WEBSITE_AFTER.test(text.slice(m.index + m[0].length))) continue;
    const name = m[1]!.replace(LEAD_IN, '');
    if (name.length >= 4) return name;
  }
  return null;
}

/**
 * The same body named with its city or county in front (`洪泽区人民政府` in the title,
 * `淮安市洪泽区人民政府办公室` in the preamble): the fuller name identifies the body across the country.
 */
function fullerName(unit: string, text: string): string | null {
  const escaped = unit.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`([\\u4e00-\\u9fff]{1,10}?(?:省|市|自治州|州|盟|县|区|旗))${escaped}`).exec(text);
  if (!m) return null;
  const prefix = m[1]!.replace(LEAD_IN, '');
  return prefix.length >= 2 ? prefix + unit : null;
}

function periodYear(text: string): number | null {
  const m = /((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日\s*(?:起)?\s*(?:至|到|—|-)\s*((?:19|20)\d{2})\s*年\s*12\s*月\s*31\s*日/.exec(text);
  return m ? Number(m[2]) : null;
}

/**
 * Text without the names of documents it cites: `公开发布《国家新闻出版署2021年政府信息公开工作年度报告》`
 * names last year's report, and its year is not the year this report covers.
 */
function withoutCitations(text: string): string {
  return text.replace(/《[^《》\n]{0,80}》/g, '');
}

function mostFrequentYear(text: string): number | null {
  const counts = new Map<number, number>();
  for (const m of withoutCitations(text).matchAll(/((?:19|20)\d{2})\s*年/g)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  let best: number | null = null;
  let n = 0;
  for (const [y, c] of counts) if (c > n || (c === n && best !== null && y < best)) [best, n] = [y, c];
  return best;
}

function isoDate(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

const CN_DAY = /^([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$/;

/** A date line of the signature (`2025年1月9日`, `二〇二五年一月九日`) or a stated publication date. */
function findPublishedOn(doc: TextDocument): string | null {
  const stated = /(?:发布|印发|公开|成文)(?:日期|时间)\s*[:：]\s*((?:19|20)\d{2})\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})/;
  let seen = 0;
  for (let i = doc.lines.length - 1; i >= 0; i--) {
    const t = clean(doc.lines[i]!.text);
    if (!t) continue;
    const s = stated.exec(t);
    if (s) return isoDate(Number(s[1]), Number(s[2]), Number(s[3]));
    if (seen++ >= 8) continue;
    const compact = t.replace(/\s+/g, '');
    const a = /^((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日$/.exec(compact);
    if (a) return isoDate(Number(a[1]), Number(a[2]), Number(a[3]));
    const c = CN_DAY.exec(compact);
    if (c) {
      const y = yearOf(c[1]!);
      const m = chineseNumber(c[2]!);
      const d = chineseNumber(c[3]!);
      if (y && m && d) return isoDate(y, m, d);
    }
  }
  return null;
}

/**
 * @param firstHeading index of the first section heading (the title is above it)
 * @param overview text of section 一 (evidence when the title is missing)
 */
export function readMetadata(doc: TextDocument, firstHeading: number, overview: string): Metadata {
  const title = findTitle(doc, firstHeading);
  const fullText = doc.lines.map((l) => l.text).join('\n');
  let unit: string | null = null;
  let unitFrom: Metadata['unitFrom'] = null;
  let year: number | null = null;
  let yearFrom: Metadata['yearFrom'] = null;
  if (title) {
    const y = YEAR_IN_TITLE.exec(title.text);
    if (y) {
      year = yearOf(y[1]!);
      yearFrom = year ? 'title' : null;
      const before = title.text.slice(0, y.index).replace(/\s+/g, '');
      if (before.length >= 2) [unit, unitFrom] = [before, 'title'];
    }
  }
  const signature = signatureUnit(doc);
  if (signature && (!unit || (!UNIT_SUFFIX.test(unit) && signature.startsWith(unit)))) [unit, unitFrom] = [signature, 'signature'];
  if (unit && unitFrom === 'title') {
    const fuller = fullerName(unit, fullText.slice(0, 3000));
    if (fuller) [unit, unitFrom] = [fuller, 'expanded'];
  }
  if (!unit) {
    const fromText = unitInText(overview) ?? unitInText(fullText.slice(0, 3000));
    if (fromText) [unit, unitFrom] = [fromText, 'text'];
  }
  if (year === null) {
    const p = periodYear(fullText);
    if (p) [year, yearFrom] = [p, 'period'];
    else {
      const t = mostFrequentYear(overview || fullText.slice(0, 3000));
      if (t) [year, yearFrom] = [t, 'text'];
    }
  }
  return {
    title: title?.text ?? null,
    titleLine: title?.line ?? null,
    unit,
    unitFrom,
    year,
    yearFrom,
    publishedOn: findPublishedOn(doc),
  };
}
