/**
 * Uploaded report pages come from the internet: before one is shown, it is rebuilt from an
 * allowlist. Only the tags a report's text and tables need survive, with no attribute but a
 * numeric rowspan/colspan; scripts, styles, frames, objects, SVG and MathML are dropped with
 * everything inside them; links become their text; comments and CDATA vanish; every text is
 * escaped again. What comes out can hold no script, no URL and no style. Pure, and linear in the
 * input: the tree comes from src/read/html-tree.ts.
 */
import { VOID_ELEMENTS, walkHtml } from './html-tree.js';
import { locator } from './html.js';

const ALLOWED = new Set([
  'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'colgroup', 'col',
  'p', 'br', 'div', 'span', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'b', 'em', 'i', 'u',
  'ul', 'ol', 'li', 'sup', 'sub', 'hr', 'blockquote', 'pre',
]);

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
  /** Counts the tree walker's steps (src/read/html-tree.ts), so a test can see the work grow with the input without timing it. */
  steps?: { count: number };
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
  /** Per open element (innermost last): whether its start tag was written, so its end tag is too. */
  const written: boolean[] = [];
  const locate = options.cellIds ? cellIdOf(source) : null;
  let dropping = 0;
  walkHtml(
    source,
    {
      open(name, attrs, start) {
        const writes = !dropping && ALLOWED.has(name) && !DROP_WITH_CONTENT.has(name);
        if (DROP_WITH_CONTENT.has(name)) dropping++;
        if (writes) {
          const id = locate && (name === 'td' || name === 'th') ? locate(start) : null;
          out.push(`<${name}${attributesOf(name, attrs, id)}>`);
        }
        if (!VOID_ELEMENTS.has(name)) written.push(writes);
      },
      text(text) {
        if (!dropping) out.push(escapeText(text));
      },
      close(name) {
        if (DROP_WITH_CONTENT.has(name)) dropping--;
        // Every element closes (the walker closes what is left open), so the output is balanced.
        if (!VOID_ELEMENTS.has(name) && written.pop()) out.push(`</${name}>`);
      },
    },
    options.steps,
  );
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
