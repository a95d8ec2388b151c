/**
 * Text extracted from an uploaded report may carry NUL bytes, lone UTF-16 surrogates and other
 * control characters (a PDF's unmapped glyphs, a damaged text file). No database column takes a
 * NUL, and none of them is text a reader wrote: they are removed from everything a read returns,
 * and the read says how many went. Pure, linear in the text.
 */
import type { Diagnostic } from '../model/report.js';

/** The read's warning that characters were removed: how many, when counted in the file's text. */
export function controlCharsDiagnostic(removed?: number): Diagnostic {
  return {
    code: 'INPUT.CONTROL_CHARS',
    severity: 'warning',
    message: `文件中有${removed ? ` ${removed} 个` : ''}空字符、控制字符或无效字符，已删除后读取`,
    at: 'input',
  };
}

/** NUL and the C0/C1 controls except tab, line feed, form feed and carriage return; lone surrogates. */
// eslint-disable-next-line no-control-regex -- these characters are what it finds
const UNWANTED = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The string without unwanted characters, and how many were removed. */
export function cleanString(text: string): { text: string; removed: number } {
  let removed = 0;
  const cleaned = text.replace(UNWANTED, () => {
    removed++;
    return '';
  });
  return { text: cleaned, removed };
}

/**
 * Remove unwanted characters from every string of a plain data structure (objects, arrays), in
 * place; returns how many were removed in all. Byte arrays and other objects are left alone.
 */
export function cleanStrings(value: unknown): number {
  let removed = 0;
  const seen = new Set<object>();
  const pending: object[] = [];
  const clean = (v: unknown): unknown => {
    if (typeof v === 'string') {
      const c = cleanString(v);
      removed += c.removed;
      return c.text;
    }
    if (v && typeof v === 'object' && !seen.has(v) && (Array.isArray(v) || Object.getPrototypeOf(v) === Object.prototype)) {
      seen.add(v);
      pending.push(v);
    }
    return v;
  };
  clean(value);
  while (pending.length) {
    const o = pending.pop() as Record<string, unknown>;
    for (const key of Object.keys(o)) {
      const next = clean(o[key]);
      if (next !== o[key]) o[key] = next;
    }
  }
  return removed;
}
