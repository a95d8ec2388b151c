/**
 * Telling HTML from plain text, and decoding an HTML page's bytes (its declared charset wins
 * over a guess). Kept apart from the HTML reader so sniffing a file does not load the parser.
 */
import { decodeText } from './decode.js';

/** The charset an HTML page declares in its first bytes, if any. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = String.fromCharCode(...bytes.subarray(0, 4096));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_-]+)/i.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}

export function decodeHtml(bytes: Uint8Array): string {
  const declared = declaredCharset(bytes);
  if (declared && /^(gb2312|gbk|gb18030|x-gbk|cp936)$/.test(declared) && !(bytes[0] === 0xef && bytes[1] === 0xbb)) {
    return new TextDecoder('gb18030').decode(bytes);
  }
  return decodeText(bytes).text;
}

/** Does this text look like HTML (a page, a fragment or Word-exported markup)? */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 2048).trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || /<(table|body|div|p)[\s>]/.test(head);
}
