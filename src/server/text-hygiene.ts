/**
 * Every text that reaches the API, checked and normalised once, before any route: the JSON body,
 * the query string and the address. A NUL byte or a lone UTF-16 surrogate is refused with a 400
 * naming the field (no database column takes a NUL; a lone surrogate is no character at all);
 * everything else is normalised to NFC, so 「é」 typed two ways is one text. Uploaded files' names
 * are cleaned where they are read (src/server/http.ts `printable`), their contents by the readers.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from './context.js';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** What is wrong with a text, in Chinese, or null. */
function problemOf(text: string): string | null {
  if (text.includes('\u0000')) return '含有不可见的空字符，请删除后再提交';
  if (LONE_SURROGATE.test(text)) return '含有无效的字符（不成对的代理码元），请删除后再提交';
  return null;
}

class TextRefusal {
  constructor(readonly field: string, readonly problem: string) {}
}

/** A field's name as the refusal shows it: its path, with anything unprintable replaced. */
// eslint-disable-next-line no-control-regex -- control characters are what it replaces
const fieldName = (path: readonly string[]) => (path.join('.') || '请求内容').replace(/[\u0000-\u001f\ud800-\udfff]/g, '\ufffd');

function check(text: string, path: readonly string[]): string {
  const problem = problemOf(text);
  if (problem) throw new TextRefusal(fieldName(path), problem);
  return text.normalize('NFC');
}

/** A parsed JSON value with every key and string checked and in NFC (a copy; iterative, so any depth is fine). */
function normalizeJson(root: unknown): unknown {
  type Holder = Record<string, unknown> | unknown[];
  const copy = (v: unknown, path: string[], pending: [Holder, Holder, string[]][]): unknown => {
    if (typeof v === 'string') return check(v, path);
    if (!v || typeof v !== 'object') return v;
    const target: Holder = Array.isArray(v) ? [] : {};
    pending.push([v as Holder, target, path]);
    return target;
  };
  const pending: [Holder, Holder, string[]][] = [];
  const result = copy(root, [], pending);
  while (pending.length) {
    const [source, target, path] = pending.pop()!;
    if (Array.isArray(source)) source.forEach((v, i) => (target as unknown[]).push(copy(v, [...path, String(i)], pending)));
    else {
      for (const [key, v] of Object.entries(source)) {
        // defineProperty: a key named __proto__ stays a key.
        Object.defineProperty(target, check(key, [...path, key]), { value: copy(v, [...path, key], pending), enumerable: true, writable: true, configurable: true });
      }
    }
  }
  return result;
}

const refuse = (c: Context<AppEnv>, r: TextRefusal) =>
  c.json({ error: `请求内容有误：字段“${r.field}”${r.problem}`, fields: { [r.field]: r.problem } }, 400);

const JSON_TYPE = /^application\/([\w.-]+\+)?json\s*(;|$)/i;

export function textHygiene(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    try {
      let path = c.req.path;
      try {
        path = decodeURIComponent(path);
      } catch {
        // Not percent-encoded UTF-8: the router answers it as it is.
      }
      check(path, ['地址']);

      const url = new URL(c.req.url);
      if (url.search) {
        const params = new URLSearchParams();
        for (const [key, value] of url.searchParams) params.append(check(key, [key]), check(value, [key]));
        const search = params.toString();
        // The routes read the query from the request's address: give them the normalised one.
        if (search !== url.search.slice(1) && `?${search}` !== url.search) {
          url.search = search;
          Object.defineProperty(c.req, 'url', { value: url.toString(), configurable: true });
        }
      }

      if (JSON_TYPE.test(c.req.header('content-type') ?? '') && c.req.method !== 'GET' && c.req.method !== 'HEAD') {
        const text = await c.req.text();
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          return next(); // malformed JSON: the route's schema check answers it
        }
        const normalized = JSON.stringify(normalizeJson(parsed));
        // The schema check reads the body from this cache (HonoRequest.json() parses the cached text).
        if (normalized !== text) (c.req.bodyCache as Record<string, unknown>).text = Promise.resolve(normalized);
      }
    } catch (error) {
      if (error instanceof TextRefusal) return refuse(c, error);
      throw error;
    }
    return next();
  };
}
