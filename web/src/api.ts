/**
 * The browser's client of the gongkai API (/api, described at /api/openapi.json): JSON in and
 * out, the session cookie sent automatically, the CSRF token added to every change.
 */

let csrfToken = '';

export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** An API refusal, with the server's Chinese explanation. */
export class ApiFailure extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/**
 * The API's messages are Chinese with an English gloss in brackets at the end, for international
 * readers of the API and the command line; the Chinese UI shows the Chinese only.
 */
export function chineseMessage(message: string): string {
  return message.replace(/\s*\([\x20-\x7e]*[a-z][\x20-\x7e]*\)\s*$/, '').trim() || message;
}

async function failureOf(res: Response): Promise<ApiFailure> {
  let message = `请求失败（${res.status}）`;
  try {
    const body = (await res.json()) as { error?: string };
    if (body.error) message = chineseMessage(body.error);
  } catch {
    // not JSON: keep the status line
  }
  return new ApiFailure(res.status, message);
}

export async function api<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const res = await fetch(path, { method, headers, body: payload ?? null, credentials: 'same-origin' });
  if (!res.ok) throw await failureOf(res);
  return (await res.json()) as T;
}

export const get = <T>(path: string) => api<T>('GET', path);
export const post = <T>(path: string, body?: unknown) => api<T>('POST', path, body ?? {});
export const put = <T>(path: string, body?: unknown) => api<T>('PUT', path, body ?? {});
export const del = <T>(path: string) => api<T>('DELETE', path);

/** A query string from the defined, non-empty values. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** Download a file answered by the API (Excel, Word, PDF) under its server-given name. */
export async function download(path: string, body?: unknown): Promise<void> {
  const init: RequestInit = body === undefined
    ? { credentials: 'same-origin' }
    : { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken }, body: JSON.stringify(body) };
  const res = await fetch(path, init);
  if (!res.ok) throw await failureOf(res);
  const disposition = res.headers.get('content-disposition') ?? '';
  const name = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
  const a = document.createElement('a');
  a.href = URL.createObjectURL(await res.blob());
  a.download = name ? decodeURIComponent(name) : 'download';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
