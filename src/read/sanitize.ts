/**
 * Uploaded report pages come from the internet: before one is shown, it is rebuilt from an
 * allowlist. Only the tags a report's text and tables need survive, with no attribute but a
 * numeric rowspan/colspan; scripts, styles, frames, objects, SVG and MathML are dropped with
 * everything inside them; links become their text; comments and CDATA vanish; every text is
 * escaped again. What comes out can hold no script, no URL and no style. Pure: htmlparser2 parses.
 */
import { Parser } from 'htmlparser2';
import { locator } from './html.js';

const ALLOWED = new Set([
  'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'colgroup', 'col',
  'p', 'br', 'div', 'span', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'b', 'em', 'i', 'u',
  'ul', 'ol', 'li', 'sup', 'sub', 'hr', 'blockquote', 'pre',
]);

const VOID = new Set(['br', 'hr', 'col']);

/** Dropped with their whole content: code, embedded documents, foreign markup, form controls. */
const DROP_WITH_CONTENT = new Set([
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'noscript', 'noembed', 'noframes',
  'template', 'svg', 'math', 'head', 'title', 'textarea', 'select', 'button', 'canvas', 'audio', 'video', 'map', 'xml', 'xmp', 'plaintext',
]);

export interface SanitizeOptions {
  /**
   * Give every table cell an id from the source position of its tag (`c<line>-<column>`, as in
   * the HTML reader's provenance), so a value's provenance can point at its cell in the page.
   */
  cellIds?: boolean;
}

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A cell's id from its tag's line and column, counted as the HTML reader counts them. */
function cellIdOf(source: string): (offset: number) => string {
  const locate = locator(source);
  return (offset) => {
    const { line, column } = locate(offset);
    return `c${line}-${column}`;
  };
}

/** A rowspan/colspan of 1–1000 written as digits, else nothing. */
function span(value: string): number | null {
  if (!/^\s*\d{1,4}\s*$/.test(value)) return null;
  const n = Number(value);
  return n >= 1 && n <= 1000 ? n : null;
}

function attributesOf(name: string, attrs: Record<string, string>, id: string | null): string {
  let out = '';
  if (name === 'td' || name === 'th') {
    for (const key of ['rowspan', 'colspan']) {
      const n = attrs[key] === undefined ? null : span(attrs[key]);
      if (n !== null && n > 1) out += ` ${key}="${n}"`;
    }
    if (id) out += ` id="${id}"`;
  }
  return out;
}

/** The page's content rebuilt from the allowlist: an HTML fragment safe to show. */
export function sanitizeHtml(source: string, options: SanitizeOptions = {}): string {
  const out: string[] = [];
  const open: string[] = [];
  const locate = options.cellIds ? cellIdOf(source) : null;
  let dropping = 0;
  const parser: Parser = new Parser(
    {
      onopentag(name, attrs) {
        if (DROP_WITH_CONTENT.has(name)) dropping++;
        if (dropping || !ALLOWED.has(name)) return;
        const id = locate && (name === 'td' || name === 'th') ? locate(parser.startIndex) : null;
        out.push(`<${name}${attributesOf(name, attrs, id)}>`);
        if (!VOID.has(name)) open.push(name);
      },
      ontext(text) {
        if (!dropping) out.push(escapeText(text));
      },
      onclosetag(name) {
        if (DROP_WITH_CONTENT.has(name)) {
          dropping = Math.max(0, dropping - 1);
          return;
        }
        if (dropping || VOID.has(name) || !open.includes(name)) return;
        // Close what is still open inside it, so the output is always balanced.
        for (let tag = open.pop(); tag !== undefined; tag = open.pop()) {
          out.push(`</${tag}>`);
          if (tag === name) break;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeCDATA: false, recognizeSelfClosing: false },
  );
  parser.write(source);
  parser.end();
  while (open.length) out.push(`</${open.pop()}>`);
  return out.join('');
}

const PAGE_STYLE = `
body { margin: 1em; font: 15px/1.6 "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; color: #1f2328; background: #fff; }
table { border-collapse: collapse; margin: .5em 0; }
td, th { border: 1px solid #8c959f; padding: 2px 6px; vertical-align: top; }
:target { outline: 3px solid #1d4ed8; outline-offset: -3px; }
`;

/**
 * A whole page around a sanitised fragment, for the sandboxed frame. `extraCss` is ours (the
 * highlighted cells), never from the upload.
 */
export function sanitizedPage(fragment: string, extraCss = ''): string {
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>原网页（已净化）</title>
<style>${PAGE_STYLE}${extraCss}</style></head>
<body>${fragment}</body></html>
`;
}
