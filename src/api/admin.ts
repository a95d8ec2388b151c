/**
 * The API contract of the administrator's screens: bodies (the list is public; the administrator
 * adds them). Accounts are src/api/users.ts. The audit log is src/api/audit.ts.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { BODY_LEVELS } from '../register/bodies.js';
import { errors, jsonBody, jsonOf, OkSchema } from './common.js';

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
