/**
 * HTML's element tree as events — an element opens, text, an element closes — in time linear in
 * the input, for the sanitiser and the HTML reader. htmlparser2's tokenizer reads the tags; the
 * open elements are kept here, innermost last, with a count per name, so whether an end tag
 * closes anything is one lookup and every element is pushed and popped once. (htmlparser2's own
 * Parser shifts its stack at the front and searches it on every end tag: 950 KB of nesting took
 * a minute.) Every element opened is closed, HTML's implied end tags included (`<td>a<td>b`),
 * void elements at once, the rest at the end. Pure.
 */
import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';

/** Elements without content or end tag (HTML's void elements, as htmlparser2 lists them). */
export const VOID_ELEMENTS: ReadonlySet<string> = new Set([
  'area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'image', 'input', 'isindex',
  'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr',
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

export interface TreeHandlers {
  /** An element opens; `start` is the offset of its `<` in the source. */
  open(name: string, attrs: Record<string, string>, start: number): void;
  /** Text (entities decoded); `start` is its offset in the source. */
  text(text: string, start: number): void;
  /** The innermost open element closes (by its end tag, implied, or at the end of the input). */
  close(name: string): void;
}

/**
 * Walk the element tree of `source`. `steps` counts the walker's work (one per token, per element
 * opened and per element closed), so a test can see it grow with the input without timing it.
 */
export function walkHtml(source: string, handlers: TreeHandlers, steps: { count: number } = { count: 0 }): void {
  const stack: string[] = [];
  const counts = new Map<string, number>();
  let foreign = 0;
  const push = (name: string) => {
    steps.count++;
    stack.push(name);
    counts.set(name, (counts.get(name) ?? 0) + 1);
    if (FOREIGN.has(name)) foreign++;
  };
  const pop = (): string | undefined => {
    const name = stack.pop();
    if (name === undefined) return undefined;
    steps.count++;
    counts.set(name, counts.get(name)! - 1);
    if (FOREIGN.has(name)) foreign--;
    handlers.close(name);
    return name;
  };
  const openEmpty = (name: string, start: number) => {
    handlers.open(name, {}, start);
    handlers.close(name);
  };

  let tag = { name: '', start: 0, attrs: {} as Record<string, string> };
  /** Where the last event ended: an entity's start (the tokenizer gives only its end). */
  let position = 0;
  let attribute = { name: '', value: '' };
  const openTag = (selfClosing: boolean) => {
    steps.count++;
    const { name, start, attrs } = tag;
    tag = { name: '', start: 0, attrs: {} };
    if (!name) return;
    handlers.open(name, attrs, start);
    if (VOID_ELEMENTS.has(name)) handlers.close(name);
    else {
      push(name);
      // In SVG and MathML, <x/> is complete.
      if (selfClosing && foreign) pop();
    }
  };
  const callbacks: TokenizerCallbacks = {
    ontext(start, end) {
      steps.count++;
      handlers.text(source.slice(start, end), start);
      position = end;
    },
    ontextentity(codepoint, end) {
      steps.count++;
      handlers.text(String.fromCodePoint(codepoint), position);
      position = end;
    },
    onopentagname(start, end) {
      steps.count++;
      const name = source.slice(start, end).toLowerCase();
      const implied = IMPLIES_CLOSE.get(name);
      if (implied) while (stack.length && implied.has(stack[stack.length - 1]!)) pop();
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
    onopentagend(end) {
      openTag(false);
      position = end + 1;
    },
    onselfclosingtag(end) {
      openTag(true);
      position = end + 1;
    },
    onclosetag(start, end) {
      steps.count++;
      position = end + 1;
      const name = source.slice(start, end).toLowerCase();
      if (VOID_ELEMENTS.has(name)) {
        if (name === 'br') openEmpty('br', start - 2);
      } else if ((counts.get(name) ?? 0) > 0) {
        while (pop() !== name);
      } else if (name === 'p') {
        openEmpty('p', start - 2);
      }
    },
    oncomment: (_start, end) => void (position = end + 1),
    oncdata: (_start, end) => void (position = end + 1),
    ondeclaration: (_start, end) => void (position = end + 1),
    onprocessinginstruction: (_start, end) => void (position = end + 1),
    onend() {
      while (pop() !== undefined);
    },
    isInForeignContext: () => foreign > 0,
  };
  const tokenizer = new Tokenizer({ decodeEntities: true, recognizeSelfClosing: false }, callbacks);
  tokenizer.write(source);
  tokenizer.end();
}
