/**
 * The API contract of the administrator's screens: bodies (the list is public; the administrator
 * adds them), accounts and holiday overrides (the list is public). The audit log is src/api/audit.ts.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { ROLES } from '../accounts/permissions.js';
import { BODY_LEVELS } from '../register/bodies.js';
import { errors, IsoDate, jsonBody, jsonOf, OkSchema } from './common.js';

export const BodySchema = z
  .object({ id: z.string(), name: z.string(), level: z.enum(BODY_LEVELS), levelLabel: z.string(), region: z.string().nullable() })
  .openapi('Body');

export const listBodies = createRoute({
  method: 'get',
  path: '/api/bodies',
  tags: ['机关 bodies'],
  summary: '机关列表，可按名称和层级筛选（公开）(bodies, filtered by name and level)',
  request: { query: z.object({ q: z.string().max(100).optional(), level: z.enum(BODY_LEVELS).optional() }) },
  responses: { 200: jsonOf(z.array(BodySchema)) },
});

export const addBody = createRoute({
  method: 'post',
  path: '/api/admin/bodies',
  tags: ['管理 admin'],
  summary: '新增或修改机关 (add or rename a body)',
  request: {
    body: jsonBody(
      z.object({
        id: z.string().regex(/^[\w-]{1,40}$/, '机关编号只能用字母、数字、- 和 _'),
        name: z.string().min(2).max(100),
        level: z.enum(BODY_LEVELS).optional(),
        region: z.string().max(100).optional(),
      }),
    ),
  },
  responses: { 200: jsonOf(OkSchema), 400: errors[400], 401: errors[401], 403: errors[403] },
});

export const UserSchema = z
  .object({ id: z.number().int(), username: z.string(), displayName: z.string(), role: z.enum(ROLES), disabled: z.boolean(), bodies: z.array(z.string()) })
  .openapi('User');

export const listUsers = createRoute({
  method: 'get',
  path: '/api/admin/users',
  tags: ['管理 admin'],
  summary: '账号列表 (accounts)',
  responses: { 200: jsonOf(z.array(UserSchema)), 401: errors[401], 403: errors[403] },
});

export const createUser = createRoute({
  method: 'post',
  path: '/api/admin/users',
  tags: ['管理 admin'],
  summary: '新建账号 (create an account)',
  request: {
    body: jsonBody(
      z.object({
        username: z.string().regex(/^[\w.@-]{2,60}$/, '用户名只能用字母、数字和 . @ - _'),
        displayName: z.string().min(1).max(60),
        password: z.string().max(200),
        role: z.enum(ROLES),
        bodies: z.array(z.string()).max(5000).default([]),
      }),
    ),
  },
  responses: { 200: jsonOf(z.object({ id: z.number().int() })), 400: errors[400], 401: errors[401], 403: errors[403] },
});

export const setUserBodies = createRoute({
  method: 'put',
  path: '/api/admin/users/{id}/bodies',
  tags: ['管理 admin'],
  summary: '设置账号所属机关或监督范围 (set the bodies of an account)',
  request: { params: z.object({ id: z.coerce.number().int() }), body: jsonBody(z.object({ bodies: z.array(z.string()).max(5000) })) },
  responses: { 200: jsonOf(OkSchema), 400: errors[400], 401: errors[401], 403: errors[403] },
});

export const OverrideSchema = z.object({ date: IsoDate, work: z.boolean(), source: z.string().nullable() }).openapi('CalendarOverride');

export const listOverrides = createRoute({
  method: 'get',
  path: '/api/calendar/overrides',
  tags: ['日历 calendar'],
  summary: '手工录入的节假日和调休（公开）(holiday overrides)',
  responses: { 200: jsonOf(z.array(OverrideSchema)) },
});

export const putOverride = createRoute({
  method: 'put',
  path: '/api/admin/calendar/overrides/{date}',
  tags: ['管理 admin'],
  summary: '录入或修改一天的节假日或调休 (enter a holiday or make-up working day)',
  request: { params: z.object({ date: IsoDate }), body: jsonBody(z.object({ work: z.boolean(), source: z.string().max(200).optional() })) },
  responses: { 200: jsonOf(OkSchema), 400: errors[400], 401: errors[401], 403: errors[403] },
});

export const deleteOverride = createRoute({
  method: 'delete',
  path: '/api/admin/calendar/overrides/{date}',
  tags: ['管理 admin'],
  summary: '删除一天的录入 (remove an override)',
  request: { params: z.object({ date: IsoDate }) },
  responses: { 200: jsonOf(OkSchema), 401: errors[401], 403: errors[403] },
});
