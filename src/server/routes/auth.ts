/**
 * Signing in and out, the current session (with its CSRF token), and changing one's password:
 * the session cookie is set here, everything else is src/app/accounts/sessions.ts.
 */
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { changePassword, getSession, login, logout } from '../../api/accounts.js';
import { changeOwnPassword, sessionView, signIn, SignInThrottled, signOut } from '../../app/accounts/sessions.js';
import { clearSessionCookie, csrfSubject, csrfToken, requireUser, setSessionCookie, SESSION_COOKIE } from '../auth/session.js';
import type { AppEnv, RouteModule } from '../context.js';
import { clientAddress } from '../rate-limit.js';

export const authRoutes: RouteModule = (app, deps) => {
  const sessionOf = (c: Context<AppEnv>) => ({ user: sessionView(c.get('user')), csrfToken: csrfToken(deps.secret, csrfSubject(c)) });

  app.openapi(getSession, (c) => c.json(sessionOf(c), 200));

  app.openapi(login, async (c) => {
    let signedIn: Awaited<ReturnType<typeof signIn>>;
    try {
      signedIn = await signIn(deps, c.req.valid('json'), { previousSessionId: getCookie(c, SESSION_COOKIE), address: clientAddress(c), clientId: c.get('clientId') });
    } catch (error) {
      if (!(error instanceof SignInThrottled)) throw error;
      c.header('Retry-After', String(error.retryAfterSeconds));
      return c.json({ error: error.message }, 429);
    }
    const { sessionId, user } = signedIn;
    setSessionCookie(c, deps, sessionId);
    c.set('user', user);
    return c.json(sessionOf(c), 200);
  });

  app.openapi(logout, async (c) => {
    const sid = c.get('sessionId');
    if (sid) await signOut(deps, sid);
    clearSessionCookie(c, deps);
    return c.json({ ok: true as const }, 200);
  });

  app.openapi(changePassword, async (c) => {
    setSessionCookie(c, deps, await changeOwnPassword(deps, requireUser(c), c.req.valid('json')));
    return c.json({ ok: true as const }, 200);
  });
};
