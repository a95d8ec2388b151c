/**
 * The API contract of signing in and out, the current session (with its CSRF token) and
 * changing one's password.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { ROLES } from '../accounts/permissions.js';
import { errors, jsonBody, jsonOf, OkSchema, tooMany } from './common.js';

export const SessionUserSchema = z
  .object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    roleLabel: z.string(),
    bodies: z.array(z.string()),
    /** Signed in with a password an administrator reset: only a new password may be chosen. */
    mustChangePassword: z.boolean(),
  })
  .openapi('SessionUser');

export const SessionSchema = z.object({ user: SessionUserSchema.nullable(), csrfToken: z.string() }).openapi('Session');

export const getSession = createRoute({
  method: 'get',
  path: '/api/session',
  tags: ['账号 accounts'],
  summary: '当前会话与安全令牌 (current session and CSRF token)',
  responses: { 200: jsonOf(SessionSchema) },
});

export const login = createRoute({
  method: 'post',
  path: '/api/session',
  tags: ['账号 accounts'],
  summary: '登录；失败过多时暂时锁定，返回 429 和 Retry-After (sign in; throttled per account and address)',
  request: { body: jsonBody(z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) })) },
  responses: { 200: jsonOf(SessionSchema), 400: errors[400], 401: errors[401], 403: errors[403], 429: tooMany },
});

export const logout = createRoute({
  method: 'delete',
  path: '/api/session',
  tags: ['账号 accounts'],
  summary: '退出登录 (sign out)',
  responses: { 200: jsonOf(OkSchema), 403: errors[403] },
});

export const changePassword = createRoute({
  method: 'post',
  path: '/api/session/password',
  tags: ['账号 accounts'],
  summary: '修改密码；管理员重置密码后首次登录时无需当前密码 (change password)',
  request: { body: jsonBody(z.object({ current: z.string().max(200).optional(), next: z.string().min(1).max(200) })) },
  responses: { 200: jsonOf(OkSchema), 400: errors[400], 401: errors[401], 403: errors[403] },
});
