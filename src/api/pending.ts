/**
 * 待匹配, its HTTP contract: the uploads waiting for a body with their candidates and the
 * regions a new body may go in, a search of the scope's bodies, picking a body, and creating one
 * (observed) inside the scope.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { BODY_LEVELS } from '../register/bodies.js';
import { errors, jsonBody, jsonOf } from './common.js';

const TAGS = ['监督 supervisor'];
const ReportId = z.object({ id: z.coerce.number().int().positive() });

const BodyOptionSchema = z
  .object({ id: z.string(), name: z.string(), levelLabel: z.string(), regionName: z.string().nullable() })
  .openapi('ScopeBody');

export const PendingListSchema = z
  .object({
    reports: z.array(
      z.object({
        reportId: z.number().int(),
        fileName: z.string(),
        unit: z.string().openapi({ description: '报告所署机关（原文）' }),
        year: z.number().int().nullable(),
        candidates: z.array(BodyOptionSchema),
        uploadedBy: z.number().int(),
        uploadedAt: z.string(),
        errors: z.number().int(),
        warnings: z.number().int(),
      }),
    ),
    regions: z.array(z.object({ code: z.string(), name: z.string(), level: z.string() })).openapi({ description: '可在其中新建机关的地区（监督范围）' }),
    levels: z.array(z.object({ level: z.enum(BODY_LEVELS), label: z.string() })),
  })
  .openapi('PendingMatches');

export const pendingList = createRoute({
  method: 'get',
  path: '/api/supervisor/pending',
  tags: TAGS,
  summary: '待匹配的报告：未能在监督范围内唯一确定机关的上传 (uploads waiting for a body)',
  responses: { 200: jsonOf(PendingListSchema), 401: errors[401], 403: errors[403] },
});

export const scopeBodies = createRoute({
  method: 'get',
  path: '/api/supervisor/scope-bodies',
  tags: TAGS,
  summary: '在监督范围内按名称或别名查找机关 (bodies of the scope by name)',
  request: { query: z.object({ q: z.string().max(100) }) },
  responses: { 200: jsonOf(z.array(BodyOptionSchema)), 401: errors[401], 403: errors[403] },
});

export const pickBody = createRoute({
  method: 'post',
  path: '/api/supervisor/pending/{id}/body',
  tags: TAGS,
  summary: '为待匹配的报告选择机关（监督范围内）(pick the body)',
  request: { params: ReportId, body: jsonBody(z.object({ bodyId: z.string().min(1).max(60) })) },
  responses: { 200: jsonOf(z.object({ bodyId: z.string() })), 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404] },
});

export const createBody = createRoute({
  method: 'post',
  path: '/api/supervisor/pending/{id}/new-body',
  tags: TAGS,
  summary: '为待匹配的报告在监督范围内的地区新建机关（仅收录报告，不受理申请）(create the body, observed)',
  request: {
    params: ReportId,
    body: jsonBody(
      z.object({
        name: z.string().min(1, '请填写机关全称').max(100),
        regionCode: z.string().regex(/^\d{6}(\d{3}(\d{3})?)?$/, '请选择地区'),
        level: z.enum(BODY_LEVELS).optional(),
      }),
    ),
  },
  responses: { 200: jsonOf(z.object({ bodyId: z.string() })), 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404] },
});
