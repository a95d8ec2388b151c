/**
 * Signing in and out, the current session (with its CSRF token), and changing one's password.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { ROLE_LABELS, ROLES } from '../../accounts/permissions.js';
import { hashPassword, passwordProblem, verifyPassword } from '../../app/accounts/password.js';
import { actorOf, clearSessionCookie, csrfSubject, csrfToken, requireUser, setSessionCookie, SESSION_COOKIE } from '../auth/session.js';
import type { RouteModule } from '../context.js';
import { ApiError } from '../errors.js';
import { errors, jsonBody, jsonOf, OkSchema } from '../../api/common.js';
import { getCookie } from 'hono/cookie';

export const SessionUserSchema = z
  .object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    roleLabel: z.string(),
    bodies: z.array(z.string()),
  })
  .openapi('SessionUser');

const SessionSchema = z.object({ user: SessionUserSchema.nullable(), csrfToken: z.string() }).openapi('Session');

const getSession = createRoute({
  method: 'get',
  path: '/api/session',
  tags: ['账号 accounts'],
  summary: '当前会话与安全令牌 (current session and CSRF token)',
  responses: { 200: jsonOf(SessionSchema) },
});

const login = createRoute({
  method: 'post',
  path: '/api/session',
  tags: ['账号 accounts'],
  summary: '登录 (sign in)',
  request: { body: jsonBody(z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) })) },
  responses: { 200: jsonOf(SessionSchema), 400: errors[400], 401: errors[401], 403: errors[403] },
});

const logout = createRoute({
  method: 'delete',
  path: '/api/session',
  tags: ['账号 accounts'],
  summary: '退出登录 (sign out)',
  responses: { 200: jsonOf(OkSchema), 403: errors[403] },
});

const changePassword = createRoute({
  method: 'post',
  path: '/api/session/password',
  tags: ['账号 accounts'],
  summary: '修改密码 (change password)',
  request: { body: jsonBody(z.object({ current: z.string().min(1).max(200), next: z.string().min(1).max(200) })) },
  responses: { 200: jsonOf(OkSchema), 400: errors[400], 401: errors[401], 403: errors[403] },
});

// A fixed hash to verify against when the user does not exist, so timing does not tell.
let dummyHash: Promise<string> | undefined;

export const authRoutes: RouteModule = (app, deps) => {
  const sessionOf = (c: Parameters<Parameters<typeof app.openapi>[1]>[0]) => {
    const user = c.get('user');
    return { user: user && { ...user, bodies: [...user.bodies], roleLabel: ROLE_LABELS[user.role] }, csrfToken: csrfToken(deps.secret, csrfSubject(c)) };
  };

  app.openapi(getSession, (c) => c.json(sessionOf(c), 200));

  app.openapi(login, async (c) => {
    const { username, password } = c.req.valid('json');
    const account = await deps.accounts.credentials(username.trim());
    dummyHash ??= hashPassword('not a password of anyone');
    const ok = await verifyPassword(password, account?.passwordHash ?? (await dummyHash));
    if (!account || !ok) throw new ApiError(401, '用户名或密码不正确 (wrong user name or password)');
    const old = getCookie(c, SESSION_COOKIE);
    if (old) await deps.accounts.endSession(old);
    setSessionCookie(c, deps, await deps.accounts.createSession(account.id));
    c.set('user', await deps.accounts.sessionUser(c.get('sessionId')!));
    return c.json(sessionOf(c), 200);
  });

  app.openapi(logout, async (c) => {
    const sid = c.get('sessionId');
    if (sid) await deps.accounts.endSession(sid);
    clearSessionCookie(c, deps);
    return c.json({ ok: true as const }, 200);
  });

  app.openapi(changePassword, async (c) => {
    const user = requireUser(c);
    const { current, next } = c.req.valid('json');
    const problem = passwordProblem(next);
    if (problem) throw new ApiError(400, problem);
    const account = await deps.accounts.credentials(user.username);
    if (!account || !(await verifyPassword(current, account.passwordHash))) throw new ApiError(400, '当前密码不正确 (current password is wrong)');
    await deps.accounts.setPassword(user.id, await hashPassword(next), actorOf(user));
    setSessionCookie(c, deps, await deps.accounts.createSession(user.id));
    return c.json({ ok: true as const }, 200);
  });
};
