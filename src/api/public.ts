/**
 * The public side's HTTP contract (条例第二十九条 online applications, status by query code,
 * online 补正 and withdrawal): schemas and routes, answered by src/server/routes/public.ts; the
 * browser's types in web/src/components/public/types.ts are inferred from these schemas.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { LIMITS } from '../register/public-form.js';
import { errors, FieldErrorSchema, IsoDate, jsonBody, jsonOf, QueryCodeBody as CodeBody, text, tooMany } from './common.js';

const TAG = ['公众 public'];

// ---------------------------------------------------------------------------------------------
// Schemas

const ChoiceSchema = z.object({ key: z.string(), label: z.string() });

export const FormInfoSchema = z
  .object({
    notice: z.array(z.object({ heading: z.string(), text: z.string(), basis: z.string().optional() })),
    applicantTypes: z.array(ChoiceSchema),
    idKinds: z.array(ChoiceSchema.extend({ person: z.boolean() })),
    forms: z.array(ChoiceSchema),
    deliveries: z.array(ChoiceSchema),
  })
  .openapi('PublicFormInfo');

const ApplicationInputSchema = z
  .object({
    bodyId: text(40),
    applicantType: text(40),
    name: text(LIMITS.name),
    idKind: text(40),
    idNumber: text(LIMITS.idNumber),
    contactPerson: text(LIMITS.contactPerson).optional(),
    phone: text(LIMITS.phone),
    email: text(LIMITS.email).optional(),
    address: text(LIMITS.address).optional(),
    description: text(LIMITS.description),
    form: text(40),
    delivery: text(40),
  })
  .openapi('PublicApplicationInput');

export const DueSummary = z.object({ date: IsoDate, provisional: z.boolean().openapi({ description: '涉及尚未公布节假日安排的年份时为 true（暂定）' }) });
export const StepSchema = z.object({ date: IsoDate, label: z.string(), note: z.string().optional() });

export const SubmittedSchema = z
  .object({
    id: z.string().openapi({ example: 'yl-2026-0001' }),
    queryCode: z.string().openapi({ example: 'K7PX-3MQA-9TZD', description: '只在此处出现一次，系统只保存其散列值' }),
    bodyName: z.string(),
    receivedOn: IsoDate,
    due: DueSummary,
  })
  .openapi('PublicSubmitted');

export const StatusSchema = z
  .object({
    id: z.string(),
    bodyName: z.string(),
    applicant: z.object({ typeLabel: z.string(), name: z.string(), idKindLabel: z.string(), idNumber: z.string().openapi({ description: '部分隐去' }), contact: z.string().openapi({ description: '电话号码部分隐去' }) }),
    description: z.string(),
    form: z.string().nullable(),
    delivery: z.string().nullable(),
    receivedOn: IsoDate,
    status: z.enum(['processing', 'awaitingCorrection', 'awaitingFee', 'replied', 'withdrawn']),
    statusLabel: z.string(),
    closed: z.boolean(),
    timeline: z.array(StepSchema),
    due: DueSummary.extend({ steps: z.array(StepSchema) }),
    correction: z.object({ requestedOn: IsoDate, note: z.string().optional(), receivedOn: IsoDate.optional(), text: z.string().optional() }).optional(),
    outcome: z.object({ on: IsoDate, label: z.string(), letterNo: z.string().optional() }).optional(),
    canCorrect: z.boolean(),
    canWithdraw: z.boolean(),
  })
  .openapi('PublicStatus');

const IdParam = z.object({ id: z.string().max(80).openapi({ param: { name: 'id', in: 'path' }, example: 'yl-2026-0001' }) });

// ---------------------------------------------------------------------------------------------
// Routes

export const formInfoRoute = createRoute({
  method: 'get',
  path: '/api/public/form',
  tags: TAG,
  summary: '申请须知与申请表的选项（公开）(application notice and form choices)',
  responses: { 200: jsonOf(FormInfoSchema) },
});

export const submitRoute = createRoute({
  method: 'post',
  path: '/api/public/applications',
  tags: TAG,
  summary: '在线提交政府信息公开申请 (submit an application online)',
  description: '成功时答复申请编号和查询码。查询码只出现在这一次答复中。每个客户端地址在限定时间内的提交次数有上限。',
  request: { body: jsonBody(ApplicationInputSchema) },
  responses: { 200: jsonOf(SubmittedSchema), 400: jsonOf(FieldErrorSchema, '申请表有误（fields 按字段说明）'), 403: errors[403], 429: tooMany },
});

export const statusRoute = createRoute({
  method: 'post',
  path: '/api/public/applications/{id}/status',
  tags: TAG,
  summary: '凭查询码查询办理情况 (status by query code)',
  description: '查询码放在请求正文中，不出现在地址里，以免留在日志中。编号不存在与查询码错误的答复完全相同。',
  request: { params: IdParam, body: jsonBody(CodeBody) },
  responses: { 200: jsonOf(StatusSchema), 400: errors[400], 403: errors[403], 404: errors[404] },
});

export const correctionRoute = createRoute({
  method: 'post',
  path: '/api/public/applications/{id}/correction',
  tags: TAG,
  summary: '在线补正 (submit the correction asked for)',
  request: { params: IdParam, body: jsonBody(CodeBody.extend({ text: text(LIMITS.correction) })) },
  responses: { 200: jsonOf(StatusSchema), 400: errors[400], 403: errors[403], 404: errors[404] },
});

export const withdrawRoute = createRoute({
  method: 'post',
  path: '/api/public/applications/{id}/withdraw',
  tags: TAG,
  summary: '撤回申请 (withdraw the application)',
  request: { params: IdParam, body: jsonBody(CodeBody) },
  responses: { 200: jsonOf(StatusSchema), 400: errors[400], 403: errors[403], 404: errors[404] },
});
