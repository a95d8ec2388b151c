/**
 * The reporting body's register: applications, events, due dates with their explanation, reply
 * letters, the 台账 export. Officers of the body write; its reviewers (and administrators) read.
 * Applicants' ID numbers and phone numbers never appear unmasked in a list or an export; names of
 * natural persons are masked too for anyone who may not see personal data (canSeePersonalData).
 * The rules of what may happen stay in the pure core (register/lifecycle, standing, letters).
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { weekdayZh, type WorkingDayCalendar } from '../../calendar/calendar.js';
import { exportRegister } from '../../register/excel.js';
import {
  APPLICANT_TYPE_LABELS,
  CHANNEL_LABELS,
  CHANNELS,
  EVENT_LABELS,
  eventText,
  FEE_METHOD_LABELS,
  isNaturalPerson,
  OUTCOME_OPTIONS,
  outcomeLabel,
  PARTY_LABELS,
  RECEIPT_RULES,
} from '../../register/labels.js';
import { letterDocx, letterHtml } from '../../register/letter-render.js';
import { extensionLetter, replyLetter, type Letter } from '../../register/letters.js';
import { dueOf, eventDate, RegisterError } from '../../register/lifecycle.js';
import { receiptDate, type Arrival } from '../../register/receipt.js';
import { allowedEvents, DUE_SOON_WORKING_DAYS, feeQuote, STATE_LABELS, standingOf, type Standing } from '../../register/standing.js';
import { APPLICANT_TYPES, type Application, type Channel, type RegisterEvent } from '../../register/types.js';
import type { ReplyDue } from '../../calendar/clock.js';
import { writeAudit } from '../../store/audit.js';
import { maskContact, maskIdNumber } from '../../accounts/mask.js';
import { canReadRegister, canSeePersonalData, canWriteRegister, type SessionUser } from '../../accounts/permissions.js';
import { actorOf, requireUser } from '../auth/session.js';
import { attachment } from '../http.js';
import type { AppDeps, AppEnv, RouteModule } from '../context.js';
import { forbidden, notFound } from '../errors.js';
import { errors, IsoDate, jsonBody, jsonOf } from '../../api/common.js';

const TAG = ['台账 register'];
const STATES = ['replied', 'withdrawn', 'awaitingCorrection', 'overdue', 'dueSoon', 'open'] as const;
const FILTERS = ['open', 'closed', 'overdue', 'dueSoon'] as const;
// A list page shows the newest 200; search and filters reach the rest (a big office has thousands).
const LIST_LIMIT = 200;

// ---------------------------------------------------------------------------------------------
// Schemas

const BodyParam = z.object({ bodyId: z.string().min(1).max(60) });
const AppParam = z.object({ id: z.string().min(1).max(80) });

const StepSchema = z.object({ date: IsoDate, weekday: z.string(), label: z.string(), note: z.string().optional() });
const DueSchema = z
  .object({
    due: IsoDate,
    weekday: z.string(),
    provisional: z.boolean(),
    steps: z.array(StepSchema),
    /** Working days left (0 = today), or past the due date when overdue. */
    workingDays: z.number().int().nullable(),
  })
  .openapi('DueDate');

const RowSchema = z
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
    state: z.enum(STATES),
    stateLabel: z.string(),
    due: DueSchema.nullable(),
    dueNote: z.string().nullable(),
    outcome: z.string().nullable(),
    outcomeLabel: z.string().nullable(),
    closedOn: IsoDate.nullable(),
  })
  .openapi('RegisterRow');

const BodyRef = z.object({ id: z.string(), name: z.string() });

const ListSchema = z
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

const DueListSchema = z.object({ body: BodyRef, today: IsoDate, dueSoonDays: z.number().int(), items: z.array(RowSchema) }).openapi('DueList');

const VocabularySchema = z
  .object({
    today: IsoDate,
    applicantTypes: z.array(z.object({ key: z.string(), label: z.string(), organisation: z.boolean() })),
    channels: z.array(z.object({ key: z.enum(CHANNELS as [string, ...string[]]), label: z.string(), rule: z.string() })),
    outcomes: z.array(z.object({ key: z.string(), group: z.string(), label: z.string() })),
    events: z.record(z.string(), z.string()),
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

const EventInput = z
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

const TimelineSchema = z.object({
  date: IsoDate,
  kind: z.string(),
  label: z.string(),
  text: z.string(),
  actor: z.string().nullable(),
  recordedAt: z.string().nullable(),
});

const DetailSchema = RowSchema.extend({
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
  allowed: z.array(z.string()),
  canWrite: z.boolean(),
  letters: z.array(z.object({ kind: z.enum(['reply', 'extension']), title: z.string() })),
}).openapi('RegisterApplication');

const FeeQuoteSchema = z.object({ amountYuan: z.number(), explanation: z.string() }).openapi('FeeQuote');

// ---------------------------------------------------------------------------------------------
// Routes

const vocabulary = createRoute({
  method: 'get',
  path: '/api/register/vocabulary',
  tags: TAG,
  summary: '台账用语：申请人类型、渠道（第三十一条）、表三办理结果 (labels)',
  responses: { 200: jsonOf(VocabularySchema), 401: errors[401] },
});

const listApplications = createRoute({
  method: 'get',
  path: '/api/bodies/{bodyId}/applications',
  tags: TAG,
  summary: '本机关的申请，可按内容、申请人、编号搜索，按状态和收到年份筛选 (the register, searched and filtered)',
  request: {
    params: BodyParam,
    query: z.object({ q: z.string().max(100).optional(), status: z.enum(FILTERS).optional(), year: z.coerce.number().int().min(2000).max(2100).optional() }),
  },
  responses: { 200: jsonOf(ListSchema), 401: errors[401], 403: errors[403], 404: errors[404] },
});

const dueList = createRoute({
  method: 'get',
  path: '/api/bodies/{bodyId}/applications/due',
  tags: TAG,
  summary: `已逾期和${DUE_SOON_WORKING_DAYS}个工作日内到期的申请，附答复期限的计算过程 (overdue and due soon, with explanation)`,
  request: { params: BodyParam },
  responses: { 200: jsonOf(DueListSchema), 401: errors[401], 403: errors[403], 404: errors[404] },
});

const addApplication = createRoute({
  method: 'post',
  path: '/api/bodies/{bodyId}/applications',
  tags: TAG,
  summary: '登记新申请，自动编号；收到申请之日按第三十一条由渠道和到达、签收、确认日期得出 (log an application)',
  request: { params: BodyParam, body: jsonBody(NewApplicationSchema) },
  responses: { 200: jsonOf(z.object({ id: z.string(), receivedOn: IsoDate })), 400: errors[400], 401: errors[401], 403: errors[403] },
});

const exportXlsx = createRoute({
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

const getApplication = createRoute({
  method: 'get',
  path: '/api/applications/{id}',
  tags: TAG,
  summary: '一件申请：详情、办理过程、答复期限及其计算过程、可以登记的事项 (one application)',
  request: { params: AppParam },
  responses: { 200: jsonOf(DetailSchema), 401: errors[401], 404: errors[404] },
});

const addEvent = createRoute({
  method: 'post',
  path: '/api/applications/{id}/events',
  tags: TAG,
  summary: '登记办理事项：补正、征求意见、延期、收费、撤回、答复；不合法的顺序答复 400 并说明原因 (record an event)',
  request: { params: AppParam, body: jsonBody(EventInput) },
  responses: { 200: jsonOf(DetailSchema), 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404] },
});

const getFeeQuote = createRoute({
  method: 'get',
  path: '/api/applications/{id}/fee-quote',
  tags: TAG,
  summary: '按《政府信息公开信息处理费管理办法》计算信息处理费 (fee under 国办函〔2020〕109号)',
  request: { params: AppParam, query: z.object({ method: z.enum(['perApplication', 'perVolume']), pages: z.coerce.number().int().min(0).max(1_000_000).optional() }) },
  responses: { 200: jsonOf(FeeQuoteSchema), 400: errors[400], 401: errors[401], 404: errors[404] },
});

const LetterJson = z
  .object({ title: z.string(), number: z.string().optional(), salutation: z.string(), paragraphs: z.array(z.string()), signature: z.array(z.string()), basis: z.array(z.string()) })
  .openapi('Letter');

const getLetter = createRoute({
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

// ---------------------------------------------------------------------------------------------
// Access

type Ctx = Context<AppEnv>;

async function bodyNamed(deps: AppDeps, bodyId: string): Promise<{ id: string; name: string }> {
  const row = (await deps.db.query<{ name: string }>('SELECT name FROM bodies WHERE id = $1', [bodyId]))[0];
  if (!row) throw notFound('机关');
  return { id: bodyId, name: row.name };
}

/** The user, if they may read this body's register; 403 otherwise. */
function reader(c: Ctx, bodyId: string): SessionUser {
  const user = requireUser(c);
  if (!canReadRegister(user, bodyId)) throw forbidden('您不能查看该机关的申请台账');
  return user;
}

/** An application and its body, if the user may read it; 404 for anyone else (its existence is not theirs to know). */
async function readableApplication(c: Ctx, deps: AppDeps, id: string): Promise<{ user: SessionUser; bodyId: string; app: Application }> {
  const user = requireUser(c);
  const row = (await deps.db.query<{ body_id: string }>('SELECT body_id FROM applications WHERE id = $1', [id]))[0];
  if (!row || !canReadRegister(user, row.body_id)) throw notFound('申请');
  return { user, bodyId: row.body_id, app: await deps.register.application(id) };
}

// ---------------------------------------------------------------------------------------------
// Views

/** 张三 → 张**: the surname stays, the length does not show. Organisations' names are not personal data. */
const maskName = (type: string, name: string) => (isNaturalPerson(type) ? `${[...name][0] ?? ''}**` : name);

function dueView(due: ReplyDue, workingDays: number | null) {
  return {
    due: due.due,
    weekday: weekdayZh(due.due),
    provisional: due.provisional,
    steps: due.steps.map((s) => ({ date: s.date, weekday: weekdayZh(s.date), label: s.label, ...(s.note ? { note: s.note } : {}) })),
    workingDays,
  };
}

/** The due date to show: running, or — once closed — the one the reply was measured against. */
function dueOfStanding(app: Application, standing: Standing, calendar: WorkingDayCalendar): { due: ReturnType<typeof dueView> | null; note: string | null; late: boolean } {
  if (standing.state === 'overdue' || standing.state === 'dueSoon' || standing.state === 'open') return { due: dueView(standing.due, standing.workingDays), note: null, late: false };
  if (standing.state === 'awaitingCorrection') {
    return { due: null, note: `已于 ${standing.requestedOn} 告知补正；答复期限自收到补正后的申请之日起重新计算（条例第三十条）`, late: false };
  }
  const pendingCorrection = app.events.some((e) => e.kind === 'correctionRequested') && !app.events.some((e) => e.kind === 'correctionReceived');
  if (pendingCorrection) return { due: null, note: null, late: false };
  const due = dueOf(app, calendar);
  return { due: dueView(due, null), note: null, late: standing.state === 'replied' && standing.closedOn > due.due };
}

function rowOf(app: Application, standing: Standing, calendar: WorkingDayCalendar, personal: boolean) {
  const { due, note } = dueOfStanding(app, standing, calendar);
  const closed = standing.state === 'replied' || standing.state === 'withdrawn' ? standing : null;
  return {
    id: app.id,
    receivedOn: app.receivedOn,
    applicantType: app.applicant.type,
    applicantTypeLabel: APPLICANT_TYPE_LABELS[app.applicant.type] ?? app.applicant.type,
    applicantName: personal ? app.applicant.name : maskName(app.applicant.type, app.applicant.name),
    // In lists, always masked — even for the officer, who sees them on the application's page.
    idNumber: maskIdNumber(app.applicant.idNumber) || null,
    contact: maskContact(app.applicant.contact) || null,
    description: app.description,
    channelLabel: CHANNEL_LABELS[app.channel],
    state: standing.state,
    stateLabel: STATE_LABELS[standing.state],
    due,
    dueNote: note,
    outcome: closed?.outcome ?? null,
    outcomeLabel: closed ? outcomeLabel(closed.outcome) : null,
    closedOn: closed?.closedOn ?? null,
  };
}

function matches(filter: (typeof FILTERS)[number] | undefined, s: Standing): boolean {
  switch (filter) {
    case undefined:
      return true;
    case 'closed':
      return s.state === 'replied' || s.state === 'withdrawn';
    case 'open':
      return s.state !== 'replied' && s.state !== 'withdrawn';
    default:
      return s.state === filter;
  }
}

/** Actor ids (`user:name`) as people's names, for the timeline. */
async function actorNames(deps: AppDeps, actors: string[]): Promise<Map<string, string>> {
  const usernames = [...new Set(actors.filter((a) => a.startsWith('user:')).map((a) => a.slice(5)))];
  const rows = usernames.length ? await deps.db.query<{ username: string; display_name: string }>('SELECT username, display_name FROM users WHERE username = ANY($1)', [usernames]) : [];
  const byName = new Map(rows.map((r) => [`user:${r.username}`, r.display_name]));
  return new Map(actors.map((a) => [a, byName.get(a) ?? a]));
}

async function timelineOf(deps: AppDeps, app: Application) {
  const created = (await deps.db.query<{ created_by: string; created_at: Date | string }>('SELECT created_by, created_at FROM applications WHERE id = $1', [app.id]))[0]!;
  const events = await deps.db.query<{ seq: string; event: RegisterEvent; actor: string; recorded_at: Date | string }>(
    'SELECT seq, event, actor, recorded_at FROM application_events WHERE application_id = $1 ORDER BY seq',
    [app.id],
  );
  const names = await actorNames(deps, [created.created_by, ...events.map((e) => e.actor)]);
  // An online 补正 keeps the applicant's text beside its event: the officer reads it here.
  const online = (await deps.db.query<{ text: string }>('SELECT text FROM public_corrections WHERE application_id = $1', [app.id]))[0];
  const textOf = (event: RegisterEvent) => (event.kind === 'correctionReceived' && online ? `${eventText(event)}。申请人在线提交的补正内容：${online.text}` : eventText(event));
  const receipt = { date: app.receivedOn, kind: 'received', label: '收到申请', text: `通过${CHANNEL_LABELS[app.channel]}提交；${RECEIPT_RULES[app.channel]}（条例第三十一条）`, actor: names.get(created.created_by) ?? null, recordedAt: new Date(created.created_at).toISOString() };
  const rest = events
    .map((e) => ({ date: eventDate(e.event), kind: e.event.kind, label: EVENT_LABELS[e.event.kind], text: textOf(e.event), actor: names.get(e.actor) ?? null, recordedAt: new Date(e.recorded_at).toISOString(), seq: Number(e.seq) }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.seq - b.seq)
    .map(({ seq: _seq, ...e }) => e);
  return [receipt, ...rest];
}

async function detailOf(deps: AppDeps, user: SessionUser, bodyId: string, app: Application) {
  const calendar = await deps.calendar();
  const personal = canSeePersonalData(user, bodyId);
  const standing = standingOf(app, deps.today(), calendar);
  const { late } = dueOfStanding(app, standing, calendar);
  const arrival = (await deps.db.query<{ arrived_on: string; signed_for_on: string | null; confirmed_on: string | null }>(
    'SELECT arrived_on, signed_for_on, confirmed_on FROM application_arrivals WHERE application_id = $1',
    [app.id],
  ))[0];
  const reply = app.events.find((e): e is Extract<RegisterEvent, { kind: 'replied' }> => e.kind === 'replied');
  const a = app.applicant;
  const canWrite = canWriteRegister(user, bodyId);
  return {
    ...rowOf(app, standing, calendar, personal),
    body: await bodyNamed(deps, bodyId),
    applicant: {
      type: a.type,
      typeLabel: APPLICANT_TYPE_LABELS[a.type] ?? a.type,
      name: personal ? a.name : maskName(a.type, a.name),
      idNumber: (personal ? a.idNumber : maskIdNumber(a.idNumber)) || null,
      contact: (personal ? a.contact : maskContact(a.contact)) || null,
    },
    personalData: personal,
    form: app.form ?? null,
    delivery: app.delivery ?? null,
    channel: app.channel,
    receiptRule: RECEIPT_RULES[app.channel],
    arrival: arrival ? { arrivedOn: arrival.arrived_on, signedForOn: arrival.signed_for_on, confirmedOn: arrival.confirmed_on } : null,
    letterNo: reply?.letterNo ?? null,
    late,
    timeline: await timelineOf(deps, app),
    allowed: canWrite ? allowedEvents(app) : [],
    canWrite,
    letters: [
      ...(standing.state === 'replied' || standing.state === 'withdrawn' ? [{ kind: 'reply' as const, title: standing.state === 'replied' ? '答复书' : '终止办理告知书' }] : []),
      ...(app.events.some((e) => e.kind === 'extended') ? [{ kind: 'extension' as const, title: '延期答复告知书' }] : []),
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Writing

/** A date a user typed must not lie in the future: the register records what happened. */
function notAfterToday(date: string, today: string, what: string): void {
  if (date > today) throw new RegisterError(`${what} ${date} 晚于今天（${today}），不能登记尚未发生的事项`);
}

async function eventOf(deps: AppDeps, bodyId: string, app: Application, input: z.infer<typeof EventInput>): Promise<RegisterEvent> {
  if (input.kind === 'replied') return { kind: 'replied', on: input.on, outcome: input.outcome, ...(input.letterNo ? { letterNo: input.letterNo } : {}) };
  if (input.kind !== 'feeNotice') return input;
  // The amount is computed, never typed: the measures fix it from the count or the pages.
  const quote = feeQuoteOf(app, await deps.register.applications(bodyId), input.method, input.pages);
  if (quote.amountYuan <= 0) throw new RegisterError(`${quote.explanation}。按标准不收费，无需发出收费通知`);
  return { kind: 'feeNotice', on: input.on, amountYuan: quote.amountYuan, method: input.method };
}

function feeQuoteOf(app: Application, all: Application[], method: 'perApplication' | 'perVolume', pages: number | undefined) {
  if (method === 'perVolume' && pages === undefined) throw new RegisterError('按量计收须填写提供的页数');
  return feeQuote(app, all, method, pages);
}

/** Only the facts that matter for the channel (第三十一条): a stray date of another channel is dropped. */
function arrivalOf(input: z.infer<typeof NewApplicationSchema>): Arrival {
  const channel = input.channel as Channel;
  const arrival: Arrival = { channel, arrivedOn: input.arrivedOn };
  if (channel === 'postSigned' && input.signedForOn) arrival.signedForOn = input.signedForOn;
  if ((channel === 'ordinaryLetter' || channel === 'online' || channel === 'fax') && input.confirmedOn) arrival.confirmedOn = input.confirmedOn;
  if (arrival.signedForOn && arrival.signedForOn < arrival.arrivedOn) throw new RegisterError(`签收日期 ${arrival.signedForOn} 早于到达日期 ${arrival.arrivedOn}`);
  return arrival;
}


function letterOf(kind: 'reply' | 'extension', bodyName: string, app: Application, calendar: WorkingDayCalendar): Letter {
  return kind === 'reply' ? replyLetter(bodyName, app) : extensionLetter(bodyName, app, dueOf(app, calendar).due);
}

// ---------------------------------------------------------------------------------------------

export const registerRoutes: RouteModule = (app, deps) => {
  app.openapi(vocabulary, (c) => {
    requireUser(c);
    return c.json(
      {
        today: deps.today(),
        applicantTypes: APPLICANT_TYPES.map((key) => ({ key, label: APPLICANT_TYPE_LABELS[key]!, organisation: !isNaturalPerson(key) })),
        channels: CHANNELS.map((key) => ({ key, label: CHANNEL_LABELS[key], rule: RECEIPT_RULES[key] })),
        outcomes: [...OUTCOME_OPTIONS],
        events: { ...EVENT_LABELS },
        parties: { ...PARTY_LABELS },
        feeMethods: { ...FEE_METHOD_LABELS },
      },
      200,
    );
  });

  app.openapi(listApplications, async (c) => {
    const { bodyId } = c.req.valid('param');
    const user = reader(c, bodyId);
    const { q, status, year } = c.req.valid('query');
    const body = await bodyNamed(deps, bodyId);
    const [apps, calendar] = await Promise.all([deps.register.applications(bodyId), deps.calendar()]);
    const today = deps.today();
    const personal = canSeePersonalData(user, bodyId);
    const needle = q?.trim().toLowerCase();
    // Searching names is for those who see them: a masked list must not confirm a guessed name.
    const found = (a: Application) =>
      !needle || a.id.toLowerCase().includes(needle) || a.description.toLowerCase().includes(needle) || (personal && a.applicant.name.toLowerCase().includes(needle));
    const rows = apps
      .filter((a) => found(a) && (!year || Number(a.receivedOn.slice(0, 4)) === year))
      .map((a) => ({ a, s: standingOf(a, today, calendar) }))
      .filter(({ s }) => matches(status, s))
      .sort((x, y) => y.a.receivedOn.localeCompare(x.a.receivedOn) || y.a.id.localeCompare(x.a.id));
    const years = [...new Set(apps.map((a) => Number(a.receivedOn.slice(0, 4))))].sort((x, y) => y - x);
    return c.json(
      {
        body,
        today,
        canWrite: canWriteRegister(user, bodyId),
        personalData: personal,
        years,
        total: rows.length,
        items: rows.slice(0, LIST_LIMIT).map(({ a, s }) => rowOf(a, s, calendar, personal)),
      },
      200,
    );
  });

  app.openapi(dueList, async (c) => {
    const { bodyId } = c.req.valid('param');
    const user = reader(c, bodyId);
    const body = await bodyNamed(deps, bodyId);
    const [apps, calendar] = await Promise.all([deps.register.applications(bodyId), deps.calendar()]);
    const today = deps.today();
    const personal = canSeePersonalData(user, bodyId);
    const rank = (s: Standing) => (s.state === 'overdue' ? 0 : 1);
    const items = apps
      .map((a) => ({ a, s: standingOf(a, today, calendar) }))
      .filter(({ s }) => s.state === 'overdue' || s.state === 'dueSoon')
      .sort((x, y) => rank(x.s) - rank(y.s) || ('due' in x.s && 'due' in y.s ? x.s.due.due.localeCompare(y.s.due.due) : 0) || x.a.id.localeCompare(y.a.id))
      .map(({ a, s }) => rowOf(a, s, calendar, personal));
    return c.json({ body, today, dueSoonDays: DUE_SOON_WORKING_DAYS, items }, 200);
  });

  app.openapi(addApplication, async (c) => {
    const { bodyId } = c.req.valid('param');
    const user = requireUser(c);
    if (!canWriteRegister(user, bodyId)) throw forbidden('只有本机关的经办人可以登记申请');
    const input = c.req.valid('json');
    const arrival = arrivalOf(input);
    const { channel } = arrival;
    const receivedOn = receiptDate(arrival);
    notAfterToday(receivedOn, deps.today(), '收到申请的日期');
    const { applicant: a } = input;
    const actor = actorOf(user);
    const id = await deps.register.addNumberedApplication(
      bodyId,
      {
        applicant: { type: a.type, name: a.name, ...(a.idNumber ? { idNumber: a.idNumber } : {}), ...(a.contact ? { contact: a.contact } : {}) },
        description: input.description,
        ...(input.form ? { form: input.form } : {}),
        ...(input.delivery ? { delivery: input.delivery } : {}),
        channel,
        receivedOn,
      },
      actor,
      async (tx, newId) => {
        const facts = { arrivedOn: arrival.arrivedOn, signedForOn: arrival.signedForOn ?? null, confirmedOn: arrival.confirmedOn ?? null };
        await tx.query('INSERT INTO application_arrivals (application_id, arrived_on, signed_for_on, confirmed_on) VALUES ($1, $2, $3, $4)', [newId, facts.arrivedOn, facts.signedForOn, facts.confirmedOn]);
        await writeAudit(tx, actor, 'create', 'application_arrival', newId, null, facts);
      },
    );
    return c.json({ id, receivedOn }, 200);
  });

  app.openapi(exportXlsx, async (c) => {
    const { bodyId } = c.req.valid('param');
    const user = reader(c, bodyId);
    await bodyNamed(deps, bodyId);
    const unmasked = c.req.valid('query').unmasked === '1';
    if (unmasked && !canSeePersonalData(user, bodyId)) throw forbidden('您不能导出未遮蔽的申请人信息');
    const apps = await deps.register.applications(bodyId);
    const rows = unmasked ? apps : apps.map((a) => ({ ...a, applicant: { ...a.applicant, name: maskName(a.applicant.type, a.applicant.name) } }));
    if (unmasked) {
      // Personal data leaving the system: who took it, when, how many applicants.
      await deps.db.transaction((tx) => writeAudit(tx, actorOf(user), 'export-unmasked', 'applications', bodyId, null, { count: apps.length, ids: apps.map((a) => a.id) }));
    }
    const bytes = await exportRegister(rows);
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': attachment(`依申请公开台账-${bodyId}-${deps.today()}.xlsx`),
      'cache-control': 'no-store',
    });
  });

  app.openapi(getApplication, async (c) => {
    const { user, bodyId, app: application } = await readableApplication(c, deps, c.req.valid('param').id);
    return c.json(await detailOf(deps, user, bodyId, application), 200);
  });

  app.openapi(addEvent, async (c) => {
    const { user, bodyId, app: application } = await readableApplication(c, deps, c.req.valid('param').id);
    if (!canWriteRegister(user, bodyId)) throw forbidden('只有本机关的经办人可以登记办理事项');
    const input = c.req.valid('json');
    notAfterToday(input.kind === 'consultation' ? input.from : input.on, deps.today(), '事项日期');
    const event = await eventOf(deps, bodyId, application, input);
    const after = await deps.register.recordEvent(application.id, event, actorOf(user));
    return c.json(await detailOf(deps, user, bodyId, after), 200);
  });

  app.openapi(getFeeQuote, async (c) => {
    const { bodyId, app: application } = await readableApplication(c, deps, c.req.valid('param').id);
    const { method, pages } = c.req.valid('query');
    return c.json(feeQuoteOf(application, await deps.register.applications(bodyId), method, pages), 200);
  });

  app.openapi(getLetter, async (c) => {
    const { user, bodyId, app: application } = await readableApplication(c, deps, c.req.valid('param').id);
    const { kind, format } = c.req.valid('query');
    const body = await bodyNamed(deps, bodyId);
    // The letter names the applicant: masked for those who may not see personal data.
    const shown = canSeePersonalData(user, bodyId) ? application : { ...application, applicant: { ...application.applicant, name: maskName(application.applicant.type, application.applicant.name) } };
    const letter = letterOf(kind, body.name, shown, await deps.calendar());
    if (format === 'json') return c.json(letter, 200);
    if (format === 'html') return c.html(letterHtml(letter), 200, { 'cache-control': 'no-store' });
    const bytes = await letterDocx(letter);
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'content-disposition': attachment(`${letter.title}-${application.id}.docx`),
      'cache-control': 'no-store',
    });
  });
};

