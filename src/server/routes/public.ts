/**
 * The public: online applications (条例第二十九条), status lookup by query code, online 补正 and withdrawal.
 *
 * The query code travels in the body of a POST, never in the address: addresses end up in server
 * and proxy logs and in the browser's history, request bodies do not. (POST routes carry the CSRF
 * token like every change; the browser application has it from GET /api/session.)
 *
 * A wrong code and an unknown number get the same 404, in the same time: the answer never tells
 * whether a number exists. Lookups are not rate-limited: a code has ~59 random bits.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { dueOf } from '../../register/lifecycle.js';
import { APPLICATION_NOTICE } from '../../register/notice.js';
import {
  checkApplicationInput,
  contactLine,
  DELIVERIES,
  deliveryLabel,
  formatQueryCode,
  FORMS,
  formLabel,
  ID_KINDS,
  idKindLabel,
  LIMITS,
  queryCodeProblem,
  type ApplicationInput,
} from '../../register/public-form.js';
import { correctionRefusal, publicView, withdrawalRefusal } from '../../register/status.js';
import { APPLICANT_TYPES, type Application } from '../../register/types.js';
import { PublicStore, type PublicRecord } from '../../store/public-store.js';
import { TEMPLATE_2021 } from '../../template/templates.js';
import { maskContact, maskIdNumber } from '../../accounts/mask.js';
import type { AppEnv, RouteModule } from '../context.js';
import { ApiError } from '../errors.js';
import { errors, FieldErrorSchema, IsoDate, jsonBody, jsonOf, tooMany } from '../../api/common.js';
import { RateLimiter, refusedByLimit } from '../rate-limit.js';

const TAG = ['公众 public'];
const NOT_FOUND = '没有找到该申请，或者申请编号与查询码不匹配，请核对后重试 (not found)';

/** Table 三's columns as the applicant reads them (“其他” alone would puzzle). */
const APPLICANT_TYPE_CHOICES = TEMPLATE_2021.applicationColumns
  .filter((c) => APPLICANT_TYPES.includes(c.key))
  .map((c) => ({ key: c.key, label: c.key === 'otherOrg' ? '其他法人或其他组织' : c.label }));

const applicantTypeLabel = (key: string) => APPLICANT_TYPE_CHOICES.find((c) => c.key === key)?.label ?? key;

// ---------------------------------------------------------------------------------------------
// Schemas

const text = (max: number) => z.string({ error: '应填写文字' }).max(max, `不超过 ${max} 个字符`);
const Choice = z.object({ key: z.string(), label: z.string() });

const FormInfoSchema = z
  .object({
    notice: z.array(z.object({ heading: z.string(), text: z.string(), basis: z.string().optional() })),
    applicantTypes: z.array(Choice),
    idKinds: z.array(Choice.extend({ person: z.boolean() })),
    forms: z.array(Choice),
    deliveries: z.array(Choice),
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

const DueSummary = z.object({ date: IsoDate, provisional: z.boolean().openapi({ description: '涉及尚未公布节假日安排的年份时为 true（暂定）' }) });

const SubmittedSchema = z
  .object({
    id: z.string().openapi({ example: 'yl-2026-0001' }),
    queryCode: z.string().openapi({ example: 'K7PX-3MQA-9TZD', description: '只在此处出现一次，系统只保存其散列值' }),
    bodyName: z.string(),
    receivedOn: IsoDate,
    due: DueSummary,
  })
  .openapi('PublicSubmitted');

const StatusSchema = z
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
    timeline: z.array(z.object({ date: IsoDate, label: z.string(), note: z.string().optional() })),
    due: DueSummary.extend({ steps: z.array(z.object({ date: IsoDate, label: z.string(), note: z.string().optional() })) }),
    correction: z.object({ requestedOn: IsoDate, note: z.string().optional(), receivedOn: IsoDate.optional(), text: z.string().optional() }).optional(),
    outcome: z.object({ on: IsoDate, label: z.string(), letterNo: z.string().optional() }).optional(),
    canCorrect: z.boolean(),
    canWithdraw: z.boolean(),
  })
  .openapi('PublicStatus');

const CodeBody = z.object({ code: text(40) });
const IdParam = z.object({ id: z.string().max(80).openapi({ param: { name: 'id', in: 'path' }, example: 'yl-2026-0001' }) });

// ---------------------------------------------------------------------------------------------
// Routes

const formInfo = createRoute({
  method: 'get',
  path: '/api/public/form',
  tags: TAG,
  summary: '申请须知与申请表的选项（公开）(application notice and form choices)',
  responses: { 200: jsonOf(FormInfoSchema) },
});

const submit = createRoute({
  method: 'post',
  path: '/api/public/applications',
  tags: TAG,
  summary: '在线提交政府信息公开申请 (submit an application online)',
  description: '成功时答复申请编号和查询码。查询码只出现在这一次答复中。每个客户端地址在限定时间内的提交次数有上限。',
  request: { body: jsonBody(ApplicationInputSchema) },
  responses: { 200: jsonOf(SubmittedSchema), 400: jsonOf(FieldErrorSchema, '申请表有误（fields 按字段说明）'), 403: errors[403], 429: tooMany },
});

const status = createRoute({
  method: 'post',
  path: '/api/public/applications/{id}/status',
  tags: TAG,
  summary: '凭查询码查询办理情况 (status by query code)',
  description: '查询码放在请求正文中，不出现在地址里，以免留在日志中。编号不存在与查询码错误的答复完全相同。',
  request: { params: IdParam, body: jsonBody(CodeBody) },
  responses: { 200: jsonOf(StatusSchema), 400: errors[400], 403: errors[403], 404: errors[404] },
});

const correction = createRoute({
  method: 'post',
  path: '/api/public/applications/{id}/correction',
  tags: TAG,
  summary: '在线补正 (submit the correction asked for)',
  request: { params: IdParam, body: jsonBody(CodeBody.extend({ text: text(LIMITS.correction) })) },
  responses: { 200: jsonOf(StatusSchema), 400: errors[400], 403: errors[403], 404: errors[404] },
});

const withdraw = createRoute({
  method: 'post',
  path: '/api/public/applications/{id}/withdraw',
  tags: TAG,
  summary: '撤回申请 (withdraw the application)',
  request: { params: IdParam, body: jsonBody(CodeBody) },
  responses: { 200: jsonOf(StatusSchema), 400: errors[400], 403: errors[403], 404: errors[404] },
});

// ---------------------------------------------------------------------------------------------

const actorOf = (c: Context<AppEnv>) => `public:${c.get('clientId')}`;

/** The contact line as the status page shows it: phone and e-mail masked, the postal address left out. */
const publicContact = (contact: string | undefined) =>
  (maskContact(contact) ?? '')
    .split('；')
    .map((part) => (part.startsWith('地址 ') ? '地址（不显示）' : part))
    .join('；');

function newApplication(input: ApplicationInput, receivedOn: string): Omit<Application, 'events' | 'id'> {
  const strictId = input.idKind === 'resident' || input.idKind === 'uscc';
  return {
    applicant: {
      type: input.applicantType as Application['applicant']['type'],
      name: input.name.trim(),
      idNumber: strictId ? input.idNumber.trim().toUpperCase() : input.idNumber.trim(),
      contact: contactLine(input),
    },
    description: input.description.trim(),
    form: formLabel(input.form),
    delivery: deliveryLabel(input.delivery),
    channel: 'online',
    receivedOn,
  };
}

export const publicRoutes: RouteModule = (app, deps) => {
  const store = new PublicStore(deps.db);
  const limiter = new RateLimiter(deps.config.publicRateLimit.max, deps.config.publicRateLimit.windowMs);

  /** The application behind a number and its code, or the one 404. */
  async function opened(id: string, code: string): Promise<{ app: Application; record: PublicRecord }> {
    const record = queryCodeProblem(code) ? null : await store.lookup(id, code);
    if (!record) throw new ApiError(404, NOT_FOUND);
    return { app: await deps.register.application(id), record };
  }

  async function statusOf(application: Application, record: PublicRecord): Promise<z.infer<typeof StatusSchema>> {
    const view = publicView(application);
    const due = dueOf(application, await deps.calendar());
    const text = view.correction?.receivedOn ? (await store.correction(application.id))?.text : undefined;
    const { applicant } = application;
    return {
      id: application.id,
      bodyName: record.bodyName,
      applicant: {
        typeLabel: applicantTypeLabel(applicant.type),
        name: applicant.name,
        idKindLabel: idKindLabel(record.idKind),
        idNumber: maskIdNumber(applicant.idNumber) ?? '',
        contact: publicContact(applicant.contact),
      },
      description: application.description,
      form: application.form ?? null,
      delivery: application.delivery ?? null,
      receivedOn: application.receivedOn,
      ...view,
      ...(view.correction ? { correction: { ...view.correction, ...(text ? { text } : {}) } } : {}),
      due: { date: due.due, provisional: due.provisional, steps: [...due.steps] },
      canCorrect: correctionRefusal(application) === undefined,
      canWithdraw: withdrawalRefusal(application) === undefined,
    };
  }

  app.openapi(formInfo, (c) =>
    c.json(
      {
        notice: [...APPLICATION_NOTICE],
        applicantTypes: APPLICANT_TYPE_CHOICES,
        idKinds: ID_KINDS.map((k) => ({ ...k })),
        forms: FORMS.map((f) => ({ ...f })),
        deliveries: DELIVERIES.map((d) => ({ ...d })),
      },
      200,
    ),
  );

  app.openapi(submit, async (c) => {
    const refused = refusedByLimit(limiter, c);
    if (refused) return refused;
    const input = c.req.valid('json');
    const fields = checkApplicationInput(input, APPLICANT_TYPES);
    const body = fields.bodyId ? undefined : (await deps.db.query<{ name: string }>('SELECT name FROM bodies WHERE id = $1', [input.bodyId]))[0];
    if (!fields.bodyId && !body) fields.bodyId = '所选机关不存在，请重新选择';
    if (Object.keys(fields).length > 0) {
      return c.json({ error: `申请表有 ${Object.keys(fields).length} 处需要修改：${Object.values(fields).join('；')}`, fields }, 400);
    }
    const actor = actorOf(c);
    // 第三十一条: an online application is received on the day both sides confirm it. The system
    // confirms it at once, in this answer, so that confirmation is the 双方确认 and today is the
    // date of receipt; the reply clock runs from it.
    const receivedOn = deps.today();
    let code = '';
    const application = newApplication(input, receivedOn);
    const id = await deps.register.addNumberedApplication(input.bodyId, application, actor, async (tx, newId) => {
      code = await PublicStore.issueCode(tx, newId, input.idKind, actor);
    });
    const due = dueOf({ ...application, id, events: [] }, await deps.calendar());
    return c.json({ id, queryCode: formatQueryCode(code), bodyName: body!.name, receivedOn, due: { date: due.due, provisional: due.provisional } }, 200);
  });

  app.openapi(status, async (c) => {
    const { app: application, record } = await opened(c.req.valid('param').id, c.req.valid('json').code);
    return c.json(await statusOf(application, record), 200);
  });

  app.openapi(correction, async (c) => {
    const { id } = c.req.valid('param');
    const { code, text: sent } = c.req.valid('json');
    const { record } = await opened(id, code);
    const correctionText = sent.trim();
    if (correctionText.length < 2) throw new ApiError(400, '请填写补正内容：按补正通知写明所需政府信息的名称、文号或其他特征性描述');
    const actor = actorOf(c);
    const after = await store.serialized(id, async () => {
      const refusal = correctionRefusal(await deps.register.application(id));
      if (refusal) throw new ApiError(400, refusal);
      const today = deps.today();
      return deps.register.recordEvent(id, { kind: 'correctionReceived', on: today }, actor, (tx) => PublicStore.saveCorrection(tx, id, correctionText, today, actor));
    });
    return c.json(await statusOf(after, record), 200);
  });

  app.openapi(withdraw, async (c) => {
    const { id } = c.req.valid('param');
    const { record } = await opened(id, c.req.valid('json').code);
    const actor = actorOf(c);
    const after = await store.serialized(id, async () => {
      const refusal = withdrawalRefusal(await deps.register.application(id));
      if (refusal) throw new ApiError(400, refusal);
      return deps.register.recordEvent(id, { kind: 'withdrawn', on: deps.today() }, actor);
    });
    return c.json(await statusOf(after, record), 200);
  });
};

