/**
 * Findings as work, the HTTP contract: the 问题清单 over the supervisor's scope (paged, filtered,
 * exported), confirming, dismissing and accepting a finding, the 整改通知书 of a body and year, and
 * the officer's 整改 items and answers.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { ISSUE_STATUSES } from '../model/finding-review.js';
import { errors, IsoDate, jsonBody, jsonOf, OkSchema, Year } from './common.js';

const TAGS = ['监督 supervisor'];

export const IssueSchema = z
  .object({
    bodyId: z.string(), bodyName: z.string(), year: z.number().int(),
    fingerprint: z.string().openapi({ description: '发现的指纹：同一机关、年度、规则、位置的同一问题，重新上传或更正后不变' }),
    code: z.string(), rule: z.string().openapi({ description: '规则的中文名称' }), severity: z.string(), at: z.string(),
    place: z.string().openapi({ description: '问题所在的单元格或部分（中文）' }), message: z.string(),
    status: z.enum(ISSUE_STATUSES), statusLabel: z.string(),
    reportId: z.number().int().nullable().openapi({ description: '问题所在的最新报告；已消除的为 null' }),
    reason: z.string().nullable().openapi({ description: '驳回理由' }), answer: z.string().nullable().openapi({ description: '本机关答复的整改情况' }),
    decidedBy: z.string().nullable(), decidedAt: z.string().nullable(), answeredBy: z.string().nullable(), answeredAt: z.string().nullable(),
    acceptedBy: z.string().nullable(), acceptedAt: z.string().nullable(),
  })
  .openapi('Issue');

export const IssueListSchema = z
  .object({
    total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), rows: z.array(IssueSchema),
    years: z.array(z.number().int()), bodies: z.array(z.object({ id: z.string(), name: z.string() })),
    codes: z.array(z.object({ code: z.string(), rule: z.string() })).openapi({ description: '可筛选的规则' }),
  })
  .openapi('IssueList');

export const IssueQuerySchema = z.object({
  code: z.string().max(60).optional(),
  severity: z.enum(['error', 'warning', 'info']).optional(),
  status: z.enum(ISSUE_STATUSES).optional(),
  year: Year.optional(),
  body: z.string().max(60).optional(),
  page: z.coerce.number().int().min(1).max(100_000).optional(),
});

const KeyParams = z.object({ bodyId: z.string().min(1).max(60), year: Year, fingerprint: z.string().regex(/^[0-9a-f]{16}$/) });
const KEY_PATH = '/api/supervisor/issues/{bodyId}/{year}/{fingerprint}';

export const listIssues = createRoute({
  method: 'get', path: '/api/supervisor/issues', tags: TAGS,
  summary: '问题清单：监督范围内各机关报告的检查发现及其审核、整改状态（可筛选、分页）(issue list)',
  request: { query: IssueQuerySchema },
  responses: { 200: jsonOf(IssueListSchema), 400: errors[400], 401: errors[401], 403: errors[403] },
});

export const exportIssues = createRoute({
  method: 'get', path: '/api/supervisor/issues.xlsx', tags: TAGS,
  summary: '问题清单按筛选条件导出为 Excel (issue list export)',
  request: { query: IssueQuerySchema },
  responses: {
    200: { description: 'Excel 文件', content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string().openapi({ format: 'binary' }) } } },
    400: errors[400], 401: errors[401], 403: errors[403],
  },
});

const decision = (action: 'confirm' | 'accept', summary: string) =>
  createRoute({
    method: 'post', path: `${KEY_PATH}/${action}`, tags: TAGS, summary,
    request: { params: KeyParams },
    responses: { 200: jsonOf(OkSchema), 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404], 409: errors[409] },
  });

export const confirmIssue = decision('confirm', '确认问题：列为本机关的整改事项 (confirm a finding)');
export const acceptIssue = decision('accept', '核销：认可本机关答复的整改情况 (accept the answer)');

export const dismissIssue = createRoute({
  method: 'post', path: `${KEY_PATH}/dismiss`, tags: TAGS, summary: '驳回问题（须说明理由）；重新上传后仍为已驳回 (dismiss a finding)',
  request: { params: KeyParams, body: jsonBody(z.object({ reason: z.string().max(1000).openapi({ description: '驳回理由（必填）' }) })) },
  responses: { 200: jsonOf(OkSchema), 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404], 409: errors[409] },
});

export const notice = createRoute({
  method: 'get', path: '/api/supervisor/issues/{bodyId}/{year}/notice.docx', tags: TAGS,
  summary: '整改通知书（Word）：列出该机关该年度全部已确认的问题及其单元格，并载明答复期限 (rectification notice)',
  request: { params: KeyParams.omit({ fingerprint: true }), query: z.object({ deadline: IsoDate.openapi({ description: '答复期限' }) }) },
  responses: {
    200: { description: 'Word 文件', content: { 'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { schema: z.string().openapi({ format: 'binary' }) } } },
    400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404], 409: errors[409],
  },
});

export const RectificationItemsSchema = z
  .object({ items: z.array(IssueSchema.extend({ deadline: z.string().nullable().openapi({ description: '整改通知书载明的答复期限' }) })) })
  .openapi('RectificationItems');

export const rectificationItems = createRoute({
  method: 'get', path: '/api/officer/rectification', tags: ['经办 officer'],
  summary: '本机关的整改事项：监督者确认的问题及答复情况 (the body’s rectification items)',
  responses: { 200: jsonOf(RectificationItemsSchema), 401: errors[401], 403: errors[403] },
});

export const answerItem = createRoute({
  method: 'post', path: '/api/officer/rectification/{bodyId}/{year}/{fingerprint}/answer', tags: ['经办 officer'],
  summary: '答复整改情况（说明可不填）(answer a rectification item)',
  request: { params: KeyParams, body: jsonBody(z.object({ answer: z.string().max(1000).optional() })) },
  responses: { 200: jsonOf(OkSchema), 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404], 409: errors[409] },
});
