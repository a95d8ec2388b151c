/**
 * The API contract of the audit log (administrators only): one page of entries in Chinese with
 * their fields before and after, the choices for its filters, and the filtered set as Excel.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { errors, IsoDate, jsonOf } from './common.js';

const TAGS = ['管理 admin'];

/** The filters, as the page's address carries them. */
export const AuditFilterQuery = z.object({
  actor: z.string().max(200).optional(),
  action: z.string().max(1000).optional(),
  entity: z.string().max(1000).optional(),
  body: z.string().max(60).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});

export const FieldChangeSchema = z.object({ field: z.string(), before: z.string(), after: z.string() }).openapi('AuditFieldChange');

export const AuditEntrySchema = z
  .object({
    seq: z.number().int(),
    at: z.string().openapi({ description: 'ISO 8601' }),
    when: z.string().openapi({ description: '北京时间', example: '2026-05-04 09:30:00' }),
    who: z.string(),
    action: z.string(),
    entity: z.string(),
    what: z.string(),
    bodyId: z.string().nullable(),
    body: z.string(),
    changes: z.array(FieldChangeSchema),
    more: z.number().int().openapi({ description: '未列出的其余改动项数' }),
  })
  .openapi('AuditEntry');

export const AuditPageSchema = z.object({ total: z.number().int(), entries: z.array(AuditEntrySchema) }).openapi('AuditPage');

export const listAudit = createRoute({
  method: 'get',
  path: '/api/admin/audit',
  tags: TAGS,
  summary: '审计日志：按操作人、操作、对象类别、机关和日期筛选，分页，最近的在前 (audit log)',
  request: {
    query: AuditFilterQuery.extend({
      offset: z.coerce.number().int().min(0).default(0),
      limit: z.coerce.number().int().min(1).max(500).default(50),
    }),
  },
  responses: { 200: jsonOf(AuditPageSchema), 400: errors[400], 401: errors[401], 403: errors[403] },
});

const OptionSchema = z.object({ value: z.string(), label: z.string() });

export const AuditChoicesSchema = z
  .object({ actors: z.array(OptionSchema), actions: z.array(OptionSchema), entities: z.array(OptionSchema), bodies: z.array(OptionSchema) })
  .openapi('AuditChoices');

export const auditChoices = createRoute({
  method: 'get',
  path: '/api/admin/audit/choices',
  tags: TAGS,
  summary: '审计日志筛选项：日志中出现过的操作人、操作、对象类别和机关 (filter choices)',
  responses: { 200: jsonOf(AuditChoicesSchema), 401: errors[401], 403: errors[403] },
});

export const exportAudit = createRoute({
  method: 'get',
  path: '/api/admin/audit.xlsx',
  tags: TAGS,
  summary: '按当前筛选条件导出审计日志为 Excel（导出本身记入审计日志）(export)',
  request: { query: AuditFilterQuery },
  responses: {
    200: { description: 'Excel 文件', content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string().openapi({ format: 'binary' }) } } },
    400: errors[400],
    401: errors[401],
    403: errors[403],
  },
});
