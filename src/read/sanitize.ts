/**
 * Uploaded report pages come from the internet: before one is shown, it is rebuilt from an
 * allowlist. Only the tags a report's text and tables need survive, with no attribute but a
 * numeric rowspan/colspan; scripts, styles, frames, objects, SVG and MathML are dropped with
 * everything inside them; links become their text; comments and CDATA vanish; every text is
 * escaped again. What comes out can hold no script, no URL and no style. Pure: htmlparser2's
 * tokenizer reads the tags; the tree is built here, in time linear in the input (its own parser
 * keeps the open elements in an array it shifts at the front and searches on every end tag, so a
 * deeply nested page took minutes).
 */
import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';
import { locator } from './html.js';

const ALLOWED = new Set([
  'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'colgroup', 'col',
  'p', 'br', 'div', 'span', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'b', 'em', 'i', 'u',
  'ul', 'ol', 'li', 'sup', 'sub', 'hr', 'blockquote', 'pre',
]);

/** Elements without content or end tag (HTML's void elements, as htmlparser2 lists them). */
const VOID = new Set([
  'area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'image', 'input', 'isindex',
  'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr',
]);

/** Dropped with their whole content: code, embedded documents, foreign markup, form controls. */
const DROP_WITH_CONTENT = new Set([
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'noscript', 'noembed', 'noframes',
  'template', 'svg', 'math', 'head', 'title', 'textarea', 'select', 'button', 'canvas', 'audio', 'video', 'map', 'xml', 'xmp', 'plaintext',
]);

const FOREIGN = new Set(['svg', 'math']);

/** An opening tag that closes the open elements it names while they are innermost (HTML's implied end tags, as htmlparser2 has them). */
const IMPLIES_CLOSE: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const p = new Set(['p']);
  const headings = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p']);
  const form = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
  const ddt = new Set(['dd', 'dt']);
  const sections = new Set(['thead', 'tbody']);
  const map = new Map<string, ReadonlySet<string>>([
    ['tr', new Set(['tr', 'th', 'td'])], ['th', new Set(['th'])], ['td', new Set(['thead', 'th', 'td'])],
    ['body', new Set(['head', 'link', 'script'])], ['a', new Set(['a'])], ['li', new Set(['li'])],
    ['option', new Set(['option'])], ['optgroup', new Set(['optgroup', 'option'])], ['dd', ddt], ['dt', ddt],
    ['rt', new Set(['rt', 'rp'])], ['rp', new Set(['rt', 'rp'])], ['tbody', sections], ['tfoot', sections],
  ]);
  for (const h of ['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']) map.set(h, headings);
  for (const f of ['select', 'input', 'output', 'button', 'datalist', 'textarea']) map.set(f, form);
  for (const b of ['address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hr', 'main', 'nav', 'ol', 'pre', 'section', 'table', 'ul']) {
    map.set(b, p);
  }
  return map;
})();

export interface SanitizeOptions {
  /**
   * Give every table cell an id from the source position of its tag (`c<line>-<column>`, as in
   * the HTML reader's provenance), so a value's provenance can point at its cell in the page.
   */
  cellIds?: boolean;
  /**
   * Counts the tree builder's steps (one per token, per element opened and per element closed),
   * so a test can see the work grow with the input without timing it.
   */
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

/** An open element: its name and whether its start tag was written out. */
interface Open {
  name: string;
  written: boolean;
}

/**
 * The open elements, innermost last, with a count per name: whether an end tag closes anything
 * is one lookup, and every element is pushed and popped once — linear in the number of tags.
 */
class OpenElements {
  private readonly stack: Open[] = [];
  private readonly counts = new Map<string, number>();
  /** Open elements whose content is dropped (script, svg, …) and foreign ones (svg, math). */
  dropping = 0;
  foreign = 0;

  constructor(private readonly write: (html: string) => void, private readonly steps: { count: number }) {}

  get innermost(): string | undefined {
    return this.stack.at(-1)?.name;
  }

  has(name: string): boolean {
    return (this.counts.get(name) ?? 0) > 0;
  }

  push(name: string, written: boolean): void {
    this.steps.count++;
    this.stack.push({ name, written });
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
    if (DROP_WITH_CONTENT.has(name)) this.dropping++;
    if (FOREIGN.has(name)) this.foreign++;
  }

  pop(): string | undefined {
    const top = this.stack.pop();
    if (!top) return undefined;
    this.steps.count++;
    this.counts.set(top.name, this.counts.get(top.name)! - 1);
    if (DROP_WITH_CONTENT.has(top.name)) this.dropping--;
    if (FOREIGN.has(top.name)) this.foreign--;
    // Close what is still open inside it, so the output is always balanced.
    if (top.written) this.write(`</${top.name}>`);
    return top.name;
  }

  /** Close the innermost element named `name` and everything open inside it. */
  closeThrough(name: string): void {
    while (this.pop() !== name);
  }
}

/** The page's content rebuilt from the allowlist: an HTML fragment safe to show. */
export function sanitizeHtml(source: string, options: SanitizeOptions = {}): string {
  const out: string[] = [];
  const steps = options.steps ?? { count: 0 };
  const open = new OpenElements((html) => out.push(html), steps);
  const locate = options.cellIds ? cellIdOf(source) : null;
  let tag = { name: '', start: 0, attrs: {} as Record<string, string> };
  let attribute = { name: '', value: '' };
  const text = (value: string) => {
    steps.count++;
    if (!open.dropping) out.push(escapeText(value));
  };
  const openTag = (selfClosing: boolean) => {
    steps.count++;
    const { name } = tag;
    if (!name) return;
    const writes = !open.dropping && !DROP_WITH_CONTENT.has(name) && ALLOWED.has(name);
    if (writes) {
      const id = locate && (name === 'td' || name === 'th') ? locate(tag.start) : null;
      out.push(`<${name}${attributesOf(name, tag.attrs, id)}>`);
    }
    if (!VOID.has(name)) {
      open.push(name, writes);
      // In SVG and MathML, <x/> is complete.
      if (selfClosing && open.foreign) open.pop();
    }
    tag = { name: '', start: 0, attrs: {} };
  };
  const callbacks: TokenizerCallbacks = {
    ontext: (start, end) => text(source.slice(start, end)),
    ontextentity: (codepoint) => text(String.fromCodePoint(codepoint)),
    onopentagname(start, end) {
      steps.count++;
      const name = source.slice(start, end).toLowerCase();
      const implied = IMPLIES_CLOSE.get(name);
      if (implied) while (open.innermost !== undefined && implied.has(open.innermost)) open.pop();
      tag = { name, start: start - 1, attrs: {} };
    },
    onattribname(start, end) {
      attribute = { name: source.slice(start, end).toLowerCase(), value: '' };
    },
    onattribdata(start, end) {
      attribute.value += source.slice(start, end);
    },
    onattribentity(codepoint) {
      attribute.value += String.fromCodePoint(codepoint);
    },
    onattribend() {
      if (!Object.hasOwn(tag.attrs, attribute.name)) tag.attrs[attribute.name] = attribute.value;
    },
    onopentagend: () => openTag(false),
    onselfclosingtag: () => openTag(true),
    onclosetag(start, end) {
      steps.count++;
      const name = source.slice(start, end).toLowerCase();
      if (VOID.has(name)) {
        if (name === 'br' && !open.dropping) out.push('<br>');
      } else if (open.has(name)) {
        open.closeThrough(name);
      } else if (name === 'p' && !open.dropping) {
        out.push('<p></p>');
      }
    },
    oncomment() {},
    oncdata() {},
    ondeclaration() {},
    onprocessinginstruction() {},
    onend() {
      while (open.pop() !== undefined);
    },
    isInForeignContext: () => open.foreign > 0,
  };
  const tokenizer = new Tokenizer({ decodeEntities: true, recognizeSelfClosing: false }, callbacks);
  tokenizer.write(source);
  tokenizer.end();
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
