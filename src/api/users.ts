/**
 * The API contract of the administrator's accounts: the list (with the last sign-in), a new
 * account, a change of name, role and bodies, disabling and enabling, a password reset (the
 * one-time password is in the answer, once), and the sign-in locks.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { ROLES } from '../accounts/permissions.js';
import { errors, jsonBody, jsonOf, OkSchema } from './common.js';

const TAGS = ['账号管理 accounts'];
const UserId = z.object({ id: z.coerce.number().int() });
const BodyIds = z.array(z.string().max(60)).max(5000);
const RegionCodes = z.array(z.string().regex(/^\d{6}(\d{3}(\d{3})?)?$/, '地区代码应为 6、9 或 12 位数字')).max(500);
const refusals = { 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404] };

export const UserSchema = z
  .object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    disabled: z.boolean(),
    bodies: z.array(z.string()),
    regions: z.array(z.string()).openapi({ description: '监督者的监督地区（行政区划代码），含其下各级地区的全部机关' }),
    lastSignInAt: z.string().nullable().openapi({ description: '最近一次成功登录（ISO 8601），从未登录为 null' }),
    mustChangePassword: z.boolean().openapi({ description: '管理员重置了密码，用户尚未设置自己的新密码' }),
  })
  .openapi('User');

export const listUsers = createRoute({
  method: 'get',
  path: '/api/admin/users',
  tags: TAGS,
  summary: '账号列表 (accounts)',
  responses: { 200: jsonOf(z.array(UserSchema)), 401: errors[401], 403: errors[403] },
});

export const createUser = createRoute({
  method: 'post',
  path: '/api/admin/users',
  tags: TAGS,
  summary: '新建账号 (create an account)',
  request: {
    body: jsonBody(
      z.object({
        username: z.string().regex(/^[\w.@-]{2,60}$/, '用户名只能用字母、数字和 . @ - _'),
        displayName: z.string().min(1).max(60),
        password: z.string().max(200),
        role: z.enum(ROLES),
        bodies: BodyIds.default([]),
        regions: RegionCodes.default([]),
      }),
    ),
  },
  responses: { 200: jsonOf(z.object({ id: z.number().int() })), 400: errors[400], 401: errors[401], 403: errors[403] },
});

export const updateUser = createRoute({
  method: 'patch',
  path: '/api/admin/users/{id}',
  tags: TAGS,
  summary: '修改账号的姓名、角色、所属机关或监督范围；未给出的项不变 (change an account)',
  request: {
    params: UserId,
    body: jsonBody(z.object({ displayName: z.string().min(1).max(60).optional(), role: z.enum(ROLES).optional(), bodies: BodyIds.optional(), regions: RegionCodes.optional() })),
  },
  responses: { 200: jsonOf(OkSchema), ...refusals },
});

export const setUserBodies = createRoute({
  method: 'put',
  path: '/api/admin/users/{id}/bodies',
  tags: TAGS,
  summary: '设置账号所属机关或监督范围 (set the bodies of an account)',
  request: { params: UserId, body: jsonBody(z.object({ bodies: BodyIds })) },
  responses: { 200: jsonOf(OkSchema), ...refusals },
});

export const setUserDisabled = createRoute({
  method: 'put',
  path: '/api/admin/users/{id}/disabled',
  tags: TAGS,
  summary: '停用或启用账号；停用后该账号的所有登录立即失效 (disable or enable an account)',
  request: { params: UserId, body: jsonBody(z.object({ disabled: z.boolean() })) },
  responses: { 200: jsonOf(OkSchema), ...refusals },
});

export const resetUserPassword = createRoute({
  method: 'post',
  path: '/api/admin/users/{id}/password-reset',
  tags: TAGS,
  summary: '重置密码：生成一次性密码（仅此一次显示），用户凭它登录一次并须立即设置新密码 (reset a password)',
  request: { params: UserId },
  responses: { 200: jsonOf(z.object({ password: z.string() }).openapi('OneTimePassword')), ...refusals },
});

export const SignInLockSchema = z
  .object({
    kind: z.enum(['account', 'address']),
    kindLabel: z.string(),
    key: z.string().openapi({ description: '账号名（按输入）或来源地址' }),
    failures: z.number().int(),
    lastFailureAt: z.string(),
    lockedUntil: z.string(),
    secondsLeft: z.number().int(),
  })
  .openapi('SignInLock');

export const listSignInLocks = createRoute({
  method: 'get',
  path: '/api/admin/sign-in-locks',
  tags: TAGS,
  summary: '因登录失败过多而暂时锁定的账号和来源地址 (locked sign-ins)',
  responses: { 200: jsonOf(z.array(SignInLockSchema)), 401: errors[401], 403: errors[403] },
});

export const clearSignInLock = createRoute({
  method: 'delete',
  path: '/api/admin/sign-in-locks/{kind}/{key}',
  tags: TAGS,
  summary: '解除一个登录锁定并清零失败次数 (clear a sign-in lock)',
  request: { params: z.object({ kind: z.enum(['account', 'address']), key: z.string().min(1).max(200) }) },
  responses: { 200: jsonOf(OkSchema), ...refusals },
});
