/**
 * 索引号 (index number) rules. Each body chooses a pattern; the serial comes from the database
 * (per body and year, allocated in the creating transaction), everything else from the item.
 *
 * Tokens: {org} (the organisation code of the rule, default the body's id), {body} (the body's
 * id), {year} (year of 生成日期), {serial:N} (the serial, zero-padded to N digits; {serial} = 5).
 * A pattern must contain {year} and a serial (serials restart each year) and {org} or {body}
 * (index numbers are unique across the whole catalogue), e.g. '{org}-{year}-{serial:5}' →
 * '11530000MB1234567X-2026-00001', or the common '{org}/{year}-{serial:5}'.
 */
import { CatalogueError } from './errors.js';

export interface IndexRule {
  pattern: string;
  /** Organisation code (统一社会信用代码 or 组织机构代码); default the body's id. */
  org?: string;
}

const DEFAULT_INDEX_PATTERN = '{org}-{year}-{serial:5}';
const DEFAULT_SERIAL_WIDTH = 5;

const TOKEN = /\{([a-z]+)(?::(\d+))?\}/g;
const KNOWN = new Set(['org', 'body', 'year', 'serial']);
/** Literal parts: no braces, no whitespace, no characters that break a URL path segment badly. */
const LITERAL = /^[^\s{}?#%\\]*$/u;

export function defaultIndexRule(): IndexRule {
  return { pattern: DEFAULT_INDEX_PATTERN };
}

/** Check a rule as an administrator or officer typed it; returns it trimmed, or throws in Chinese. */
export function checkIndexRule(rule: IndexRule): IndexRule {
  const pattern = rule.pattern.trim();
  if (!pattern || pattern.length > 80) throw new CatalogueError('索引号规则不能为空，且不超过80个字符');
  const tokens = [...pattern.matchAll(TOKEN)];
  for (const t of tokens) {
    if (!KNOWN.has(t[1]!)) throw new CatalogueError(`索引号规则中的“${t[0]}”不认识；可用 {org}、{body}、{year}、{serial:位数}`);
    if (t[2] !== undefined && t[1] !== 'serial') throw new CatalogueError(`只有流水号可以指定位数：“${t[0]}”`);
    if (t[1] === 'serial' && t[2] !== undefined && (Number(t[2]) < 1 || Number(t[2]) > 10)) throw new CatalogueError('流水号位数应在1至10之间');
  }
  const names = tokens.map((t) => t[1]);
  const count = (n: string) => names.filter((x) => x === n).length;
  if (count('serial') !== 1) throw new CatalogueError('索引号规则必须含有且只含有一个流水号 {serial:位数}');
  if (count('year') < 1) throw new CatalogueError('索引号规则必须含有年份 {year}：流水号按年度重新编号，缺少年份会重号');
  if (count('org') + count('body') < 1) throw new CatalogueError('索引号规则必须含有机构代码 {org} 或机关编号 {body}：索引号在全部机关中唯一');
  if (!LITERAL.test(pattern.replace(TOKEN, ''))) throw new CatalogueError('索引号规则中除占位符外不能含有空格、花括号或 ? # % \\ 等字符');
  const org = rule.org?.trim();
  if (org !== undefined && org !== '') {
    if (org.length > 40 || !LITERAL.test(org)) throw new CatalogueError('机构代码不超过40个字符，且不能含有空格、花括号或 ? # % \\ 等字符');
    return { pattern, org };
  }
  return { pattern };
}

/** The index number of one item. */
export function formatIndexNo(rule: IndexRule, parts: { bodyId: string; year: number; serial: number }): string {
  if (!Number.isInteger(parts.serial) || parts.serial < 1) throw new CatalogueError(`流水号应为正整数，收到 ${parts.serial}`);
  return rule.pattern.replace(TOKEN, (_all, name: string, width?: string) => {
    switch (name) {
      case 'org':
        return rule.org || parts.bodyId;
      case 'body':
        return parts.bodyId;
      case 'year':
        return String(parts.year);
      default:
        // A serial past its width keeps all its digits: never truncated into a duplicate.
        return String(parts.serial).padStart(width === undefined ? DEFAULT_SERIAL_WIDTH : Number(width), '0');
    }
  });
}
