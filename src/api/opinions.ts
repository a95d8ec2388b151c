/**
 * The HTTP contract of the opinion box (意见箱): leaving an opinion (a number and a query code),
 * reading it back by the code, the body's list and answers, and the year's figures for section 五
 * (监督保障) of the annual report.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { OPINION_LIMITS } from '../catalogue/opinions.js';
import { BodyParam, BodyRefSchema } from './catalogue-public.js';
import { errors, FieldErrorSchema, IsoDate, jsonBody, jsonOf, QueryCodeBody, text, tooMany, Year } from './common.js';

const OPINIONS = ['意见箱 opinions'];

// ---------------------------------------------------------------------------------------------
// Schemas

const OpinionInputSchema = z
  .object({
    bodyId: text(60),
    kind: text(40),
    subject: text(OPINION_LIMITS.subject + 50),
    text: text(OPINION_LIMITS.text + 100),
    name: text(OPINION_LIMITS.name + 20).optional(),
    contact: text(OPINION_LIMITS.contact + 20).optional(),
  })
  .openapi('OpinionInput');

export const OpinionSubmittedSchema = z
  .object({
    refNo: z.string().openapi({ example: 'yl-YJ-2026-0001' }),
    queryCode: z.string().openapi({ example: 'K7PX-3MQA-9TZD', description: '只在此处出现一次，系统只保存其散列值' }),
    bodyName: z.string(),
    receivedOn: IsoDate,
  })
  .openapi('OpinionSubmitted');

export const OpinionViewSchema = z
  .object({
    refNo: z.string(),
    bodyId: z.string(),
    bodyName: z.string(),
    kind: z.enum(['suggestion', 'complaint', 'report']),
    kindLabel: z.string(),
    subject: z.string(),
    text: z.string(),
    name: z.string().nullable().openapi({ description: '本机关经办人可见全文，其他人看到部分隐去' }),
    contact: z.string().nullable().openapi({ description: '本机关经办人可见全文，其他人看到部分隐去' }),
    receivedOn: IsoDate,
    answer: z.string().nullable(),
    answeredOn: IsoDate.nullable(),
  })
  .openapi('Opinion');

export const OfficerOpinionSchema = OpinionViewSchema.extend({
  state: z.enum(['open', 'answered']),
  days: z.object({ days: z.number().int(), provisional: z.boolean() }).openapi({ description: '收到后的工作日数：已答复的为答复用时，未答复的为已等待' }),
}).openapi('OfficerOpinion');

export const OpinionListSchema = z
  .object({ body: BodyRefSchema, canAnswer: z.boolean(), personal: z.boolean(), today: IsoDate, opinions: z.array(OfficerOpinionSchema) })
  .openapi('OpinionList');

const KindFiguresSchema = z.object({
  received: z.number().int(),
  answered: z.number().int(),
  open: z.number().int(),
  averageDays: z.number().nullable(),
  longestDays: z.number().int().nullable(),
});
export const FiguresSchema = z
  .object({
    body: BodyRefSchema,
    year: z.number().int(),
    kinds: z.array(KindFiguresSchema.extend({ kind: z.enum(['suggestion', 'complaint', 'report']), label: z.string() })),
    total: KindFiguresSchema,
    provisional: z.boolean(),
    sentence: z.string().openapi({ description: '年度报告“五、监督保障”的参考表述' }),
  })
  .openapi('OpinionFigures');

// ---------------------------------------------------------------------------------------------
// Routes


export const submitOpinion = createRoute({
  method: 'post',
  path: '/api/opinions',
  tags: OPINIONS,
  summary: '提交意见建议、投诉或举报（公开）(leave an opinion)',
  description: '成功时答复编号和查询码，查询码只出现在这一次答复中。每个客户端地址在限定时间内的提交次数有上限。',
  request: { body: jsonBody(OpinionInputSchema) },
  responses: { 200: jsonOf(OpinionSubmittedSchema), 400: jsonOf(FieldErrorSchema, '表单有误（fields 按字段说明）'), 403: errors[403], 429: tooMany },
});

export const opinionStatus = createRoute({
  method: 'post',
  path: '/api/opinions/{refNo}/status',
  tags: OPINIONS,
  summary: '凭查询码查看意见和答复（公开）(the opinion and its answer, by query code)',
  description: '查询码放在请求正文中，不出现在地址里。编号不存在与查询码错误的答复完全相同。',
  request: { params: z.object({ refNo: z.string().max(100).openapi({ param: { name: 'refNo', in: 'path' }, example: 'yl-YJ-2026-0001' }) }), body: jsonBody(QueryCodeBody) },
  responses: { 200: jsonOf(OpinionViewSchema), 400: errors[400], 403: errors[403], 404: errors[404] },
});

export const listOpinions = createRoute({
  method: 'get',
  path: '/api/bodies/{bodyId}/opinions',
  tags: OPINIONS,
  summary: '本机关收到的意见（经办人、审核人、管理员）(the body\'s opinions)',
  request: { params: BodyParam, query: z.object({ status: z.enum(['open', 'answered']).optional(), year: Year.optional() }) },
  responses: { 200: jsonOf(OpinionListSchema), 401: errors[401], 403: errors[403], 404: errors[404] },
});

export const answerOpinion = createRoute({
  method: 'post',
  path: '/api/bodies/{bodyId}/opinions/{refNo}/answer',
  tags: OPINIONS,
  summary: '答复意见，或更正答复（本机关经办人）(answer an opinion)',
  request: {
    params: BodyParam.extend({ refNo: z.string().max(100).openapi({ param: { name: 'refNo', in: 'path' } }) }),
    body: jsonBody(z.object({ text: text(OPINION_LIMITS.answer + 100) })),
  },
  responses: { 200: jsonOf(OfficerOpinionSchema), 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404] },
});

export const figures = createRoute({
  method: 'get',
  path: '/api/bodies/{bodyId}/opinions/figures',
  tags: OPINIONS,
  summary: '某年度收到和答复意见的件数与答复用时，及年度报告“监督保障”的参考表述 (the year\'s figures)',
  request: { params: BodyParam, query: z.object({ year: Year }) },
  responses: { 200: jsonOf(FiguresSchema), 401: errors[401], 403: errors[403], 404: errors[404] },
});
