/**
 * Session cookies and CSRF protection (the sessions themselves are src/app/accounts/sessions.ts).
 *
 * Cookies: `gk_sid` (the session, HttpOnly, SameSite=Strict, Secure) and `gk_client` (a random
 * id per browser, for anonymous visitors). Every state-changing request under /api must carry
 * `X-CSRF-Token`: an HMAC of the session id (or, before sign-in, of the client id) under the
 * server's secret. The browser application reads it from GET /api/session; another site can
 * neither read it nor guess it, and a token of one session is useless with another.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { SessionUser } from '../../accounts/permissions.js';
import { MUST_CHANGE_ALLOWED, MUST_CHANGE_MESSAGE, SESSION_HOURS, sessionUser } from '../../app/accounts/sessions.js';
import { Refusal, unauthorized } from '../../app/errors.js';
import type { AppDeps, AppEnv } from '../context.js';
import { ApiError } from '../errors.js';

export const SESSION_COOKIE = 'gk_sid';
const CLIENT_COOKIE = 'gk_client';
const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function csrfToken(secret: string, subject: string): string {
  return createHmac('sha256', secret).update(`csrf:${subject}`).digest('base64url');
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The CSRF subject of this request: its session if signed in, else its browser. */
export const csrfSubject = (c: Context<AppEnv>): string => c.get('sessionId') ?? `client:${c.get('clientId')}`;

function cookieOptions(deps: AppDeps, maxAgeSeconds: number) {
  return { httpOnly: true, secure: deps.config.secureCookies, sameSite: 'Strict' as const, path: '/', maxAge: maxAgeSeconds };
}

export function setSessionCookie(c: Context<AppEnv>, deps: AppDeps, id: string): void {
  setCookie(c, SESSION_COOKIE, id, cookieOptions(deps, SESSION_HOURS * 3600));
  c.set('sessionId', id);
}

export function clearSessionCookie(c: Context<AppEnv>, deps: AppDeps): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: deps.config.secureCookies });
  c.set('sessionId', null);
  c.set('user', null);
}

/** Load the session's user and the browser's client id; refuse unsafe requests without a valid token. */
export function sessionMiddleware(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    let clientId = getCookie(c, CLIENT_COOKIE);
    if (!clientId || !/^[\w-]{16,64}$/.test(clientId)) {
      clientId = randomBytes(18).toString('base64url');
      setCookie(c, CLIENT_COOKIE, clientId, cookieOptions(deps, 365 * 24 * 3600));
    }
    c.set('clientId', clientId);
    const sid = getCookie(c, SESSION_COOKIE);
    const user = sid ? await sessionUser(deps, sid) : null;
    // A cookie whose session has ended (signed out elsewhere, expired, account disabled): dropped.
    if (sid && !user) deleteCookie(c, SESSION_COOKIE, { path: '/', secure: deps.config.secureCookies });
    c.set('user', user);
    c.set('sessionId', user && sid ? sid : null);
    if (!SAFE_METHODS.has(c.req.method) && c.req.path.startsWith('/api/')) {
      const sent = c.req.header(CSRF_HEADER) ?? '';
      if (!sent || !sameToken(sent, csrfToken(deps.secret, csrfSubject(c)))) {
        throw new ApiError(403, '缺少或无效的安全令牌（CSRF），请刷新页面后重试 (missing or invalid CSRF token)');
      }
    }
    // A session opened with a one-time password may do nothing but choose a new one.
    if (user?.mustChangePassword && c.req.path.startsWith('/api/') && !MUST_CHANGE_ALLOWED.includes(c.req.path)) throw new ApiError(403, MUST_CHANGE_MESSAGE);
    await next();
  };
}

/** The signed-in user, or 401 (saying so when the browser's session has just been ended). */
export function requireUser(c: Context<AppEnv>): SessionUser {
  const user = c.get('user');
  if (user) return user;
  if (getCookie(c, SESSION_COOKIE)) throw new Refusal('unauthorized', '您的登录已失效（可能已退出、超时，或账号已被停用、密码已被重置），请重新登录。');
  throw unauthorized();
}

