/**
 * The register's HTTP contract: the schemas of its answers and inputs and its routes, as the
 * OpenAPI document describes them (src/server/routes/register.ts answers them; the browser's
 * types in web/src/components/register/types.ts are inferred from these schemas).
 */
import { createRoute, z } from '@hono/zod-openapi';
import { CHANNELS, EVENT_LABELS } from '../register/labels.js';
import { DUE_SOON_WORKING_DAYS } from '../register/standing.js';
import { APPLICANT_TYPES, type RegisterEvent } from '../register/types.js';
import { BodyParam, errors, IsoDate, jsonBody, jsonOf, Year } from './common.js';

const TAG = ['台账 register'];
const REGISTER_STATES = ['replied', 'withdrawn', 'awaitingCorrection', 'overdue', 'dueSoon', 'open'] as const;
const REGISTER_FILTERS = ['open', 'closed', 'overdue', 'dueSoon'] as const;
/** Every kind of event the register records, in the order of its labels. */
const EVENT_KINDS = Object.keys(EVENT_LABELS) as [RegisterEvent['kind'], ...RegisterEvent['kind'][]];

// ---------------------------------------------------------------------------------------------
// Schemas

const AppParam = z.object({ id: z.string().min(1).max(80) });

const StepSchema = z.object({ date: IsoDate, weekday: z.string(), label: z.string(), note: z.string().optional() });
export const DueSchema = z
  .object({
    due: IsoDate,
    weekday: z.string(),
    provisional: z.boolean(),
    steps: z.array(StepSchema),
    /** Working days left (0 = today), or past the due date when overdue. */
    workingDays: z.number().int().nullable(),
  })
  .openapi('DueDate');

export const RowSchema = z
  .object({
    id: z.string(),
    receivedOn: IsoDate,
    applicantType: z.string(),
    applicantTypeLabel: z.string(),
    applicantName: z.string(),
    idNumber: z.string().nullable(),
    contact: z.string().nullable(),
    description: z.string(),
    channelLabel: z.string(),
    state: z.enum(REGISTER_STATES),
    stateLabel: z.string(),
    due: DueSchema.nullable(),
    dueNote: z.string().nullable(),
    outcome: z.string().nullable(),
    outcomeLabel: z.string().nullable(),
    closedOn: IsoDate.nullable(),
  })
  .openapi('RegisterRow');

const BodyRef = z.object({ id: z.string(), name: z.string() });

export const ListSchema = z
  .object({
    body: BodyRef,
    today: IsoDate,
    canWrite: z.boolean(),
    personalData: z.boolean(),
    years: z.array(z.number().int()),
    total: z.number().int(),
    items: z.array(RowSchema),
  })
  .openapi('RegisterList');

export const DueListSchema = z.object({ body: BodyRef, today: IsoDate, dueSoonDays: z.number().int(), items: z.array(RowSchema) }).openapi('DueList');

export const VocabularySchema = z
  .object({
    today: IsoDate,
    applicantTypes: z.array(z.object({ key: z.string(), label: z.string(), organisation: z.boolean() })),
    channels: z.array(z.object({ key: z.enum(CHANNELS as [string, ...string[]]), label: z.string(), rule: z.string() })),
    outcomes: z.array(z.object({ key: z.string(), group: z.string(), label: z.string() })),
    events: z.record(z.enum(EVENT_KINDS), z.string()),
    parties: z.record(z.string(), z.string()),
    feeMethods: z.record(z.string(), z.string()),
  })
  .openapi('RegisterVocabulary');

const Optional = (max: number) => z.string().trim().max(max).optional();

const NewApplicationSchema = z
  .object({
    applicant: z.object({
      type: z.enum(APPLICANT_TYPES as [string, ...string[]]),
      name: z.string().trim().min(1, '请填写申请人姓名或名称').max(100),
      idNumber: Optional(40),
      contact: Optional(200),
    }),
    description: z.string().trim().min(1, '请填写所需政府信息的名称、文号或描述').max(2000),
    form: Optional(100),
    delivery: Optional(100),
    channel: z.enum(CHANNELS as [string, ...string[]]),
    /** 第三十一条: the facts the date of receipt follows from. */
    arrivedOn: IsoDate,
    signedForOn: IsoDate.optional(),
    confirmedOn: IsoDate.optional(),
  })
  .openapi('NewApplication');

export const EventInput = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('correctionRequested'), on: IsoDate, note: z.string().trim().min(1, '请写明需要补正的事项').max(1000) }),
    z.object({ kind: z.literal('correctionReceived'), on: IsoDate }),
    z.object({ kind: z.literal('consultation'), from: IsoDate, to: IsoDate, party: z.enum(['third-party', 'agency']) }),
    z.object({ kind: z.literal('extended'), on: IsoDate, approvedBy: z.string().max(100) }),
    z.object({ kind: z.literal('feeNotice'), on: IsoDate, method: z.enum(['perApplication', 'perVolume']), pages: z.number().int().min(0).max(1_000_000).optional() }),
    z.object({ kind: z.literal('feePaid'), on: IsoDate }),
    z.object({ kind: z.literal('withdrawn'), on: IsoDate }),
    z.object({ kind: z.literal('replied'), on: IsoDate, outcome: z.string().max(80), letterNo: Optional(100) }),
  ])
  .openapi('RegisterEventInput');

export const TimelineSchema = z.object({
  date: IsoDate,
  kind: z.string(),
  label: z.string(),
  text: z.string(),
  actor: z.string().nullable(),
  recordedAt: z.string().nullable(),
});

export const DetailSchema = RowSchema.extend({
  body: BodyRef,
  applicant: z.object({ type: z.string(), typeLabel: z.string(), name: z.string(), idNumber: z.string().nullable(), contact: z.string().nullable() }),
  personalData: z.boolean(),
  form: z.string().nullable(),
  delivery: z.string().nullable(),
  channel: z.string(),
  receiptRule: z.string(),
  arrival: z.object({ arrivedOn: IsoDate, signedForOn: IsoDate.nullable(), confirmedOn: IsoDate.nullable() }).nullable(),
  letterNo: z.string().nullable(),
  /** Closed after its due date. */
  late: z.boolean(),
  timeline: z.array(TimelineSchema),
  allowed: z.array(z.enum(EVENT_KINDS)),
  canWrite: z.boolean(),
  letters: z.array(z.object({ kind: z.enum(['reply', 'extension']), title: z.string() })),
}).openapi('RegisterApplication');

const FeeQuoteSchema = z.object({ amountYuan: z.number(), explanation: z.string() }).openapi('FeeQuote');

export const LetterJson = z
  .object({ title: z.string(), number: z.string().optional(), salutation: z.string(), paragraphs: z.array(z.string()), signature: z.array(z.string()), basis: z.array(z.string()) })
  .openapi('Letter');

// ---------------------------------------------------------------------------------------------
// Routes

export const vocabularyRoute = createRoute({
  method: 'get',
  path: '/api/register/vocabulary',
  tags: TAG,
  summary: '台账用语：申请人类型、渠道（第三十一条）、表三办理结果 (labels)',
  responses: { 200: jsonOf(VocabularySchema), 401: errors[401] },
});

export const listApplicationsRoute = createRoute({
  method: 'get',
  path: '/api/bodies/{bodyId}/applications',
  tags: TAG,
  summary: '本机关的申请，可按内容、申请人、编号搜索，按状态和收到年份筛选 (the register, searched and filtered)',
  request: {
    params: BodyParam,
    query: z.object({ q: z.string().max(100).optional(), status: z.enum(REGISTER_FILTERS).optional(), year: Year.optional() }),
  },
  responses: { 200: jsonOf(ListSchema), 401: errors[401], 403: errors[403], 404: errors[404] },
});

export const dueListRoute = createRoute({
  method: 'get',
  path: '/api/bodies/{bodyId}/applications/due',
  tags: TAG,
  summary: `已逾期和${DUE_SOON_WORKING_DAYS}个工作日内到期的申请，附答复期限的计算过程 (overdue and due soon, with explanation)`,
  request: { params: BodyParam },
  responses: { 200: jsonOf(DueListSchema), 401: errors[401], 403: errors[403], 404: errors[404] },
});

export const addApplicationRoute = createRoute({
  method: 'post',
  path: '/api/bodies/{bodyId}/applications',
  tags: TAG,
  summary: '登记新申请，自动编号；收到申请之日按第三十一条由渠道和到达、签收、确认日期得出 (log an application)',
  request: { params: BodyParam, body: jsonBody(NewApplicationSchema) },
  responses: { 200: jsonOf(z.object({ id: z.string(), receivedOn: IsoDate })), 400: errors[400], 401: errors[401], 403: errors[403] },
});

export const exportXlsxRoute = createRoute({
  method: 'get',
  path: '/api/bodies/{bodyId}/applications.xlsx',
  tags: TAG,
  summary: '台账导出为 Excel；申请人姓名默认遮蔽，经办人可加 unmasked=1 导出原文（记入审计日志）(export)',
  request: { params: BodyParam, query: z.object({ unmasked: z.enum(['0', '1']).optional() }) },
  responses: {
    200: { description: 'Excel 文件', content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string().openapi({ format: 'binary' }) } } },
    401: errors[401],
    403: errors[403],
    404: errors[404],
  },
});

export const getApplicationRoute = createRoute({
  method: 'get',
  path: '/api/applications/{id}',
  tags: TAG,
  summary: '一件申请：详情、办理过程、答复期限及其计算过程、可以登记的事项 (one application)',
  request: { params: AppParam },
  responses: { 200: jsonOf(DetailSchema), 401: errors[401], 404: errors[404] },
});

export const addEventRoute = createRoute({
  method: 'post',
  path: '/api/applications/{id}/events',
  tags: TAG,
  summary: '登记办理事项：补正、征求意见、延期、收费、撤回、答复；不合法的顺序答复 400 并说明原因 (record an event)',
  request: { params: AppParam, body: jsonBody(EventInput) },
  responses: { 200: jsonOf(DetailSchema), 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404] },
});

export const feeQuoteRoute = createRoute({
  method: 'get',
  path: '/api/applications/{id}/fee-quote',
  tags: TAG,
  summary: '按《政府信息公开信息处理费管理办法》计算信息处理费 (fee under 国办函〔2020〕109号)',
  request: { params: AppParam, query: z.object({ method: z.enum(['perApplication', 'perVolume']), pages: z.coerce.number().int().min(0).max(1_000_000).optional() }) },
  responses: { 200: jsonOf(FeeQuoteSchema), 400: errors[400], 401: errors[401], 404: errors[404] },
});

export const letterRoute = createRoute({
  method: 'get',
  path: '/api/applications/{id}/letter',
  tags: TAG,
  summary: '答复书或延期告知书：可打印的网页（默认）、Word（format=docx）或 JSON (reply letter)',
  request: { params: AppParam, query: z.object({ kind: z.enum(['reply', 'extension']).default('reply'), format: z.enum(['html', 'docx', 'json']).default('html') }) },
  responses: {
    200: {
      description: '告知书',
      content: {
        'text/html': { schema: z.string() },
        'application/json': { schema: LetterJson },
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { schema: z.string().openapi({ format: 'binary' }) },
      },
    },
    400: errors[400],
    401: errors[401],
    404: errors[404],
  },
});
