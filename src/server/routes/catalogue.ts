/**
 * The catalogue's back office: information items, index numbers, the review chain (拟稿 → 初审 →
 * 终审 → 保密审查), changes of published items, attachments, publication clocks, re-examination
 * of withheld items, settings and the year's figures for the annual report.
 *
 * Who: officers (经办人) of the body draft, edit, submit and attach; a review step is acted on by
 * the role the step names (审核人 by default), of the same body, one step per person per round;
 * the body's staff and administrators read. Everything not yet published exists only for the
 * body's staff: anyone else gets 404 for an item and 403 for a body's lists. The rules are the
 * pure core's (src/catalogue) and the store's; this module checks who asks and shapes answers.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { weekdayZh, type WorkingDayCalendar } from '../../calendar/calendar.js';
import {
  ARTICLE_18,
  ARTICLE_26,
  CatalogueError,
  CHANNELS,
  DISCLOSURE_LABELS,
  DISCLOSURES,
  DOC_TYPES,
  DUE_SOON_WORKING_DAYS,
  formatIndexNo,
  mayAct,
  publicationDue,
  publicationStanding,
  reexamineState,
  REEXAMINE_SOON_DAYS,
  RULE_KIND_OF_TYPE,
  sectionOneFigures,
  STATUS_LABELS,
  STATUSES,
  STEP_ROLE_LABELS,
  tableTwoRows,
  tableTwoSentence,
  TOPICS,
  WITHHELD_GROUND_KEYS,
  WITHHELD_GROUNDS,
  type ChainAction,
  type ItemFields,
  type PublicationDue,
} from '../../catalogue/index.js';
import { CatalogueStore, chainOf, isSettled, MAX_ATTACHMENT_BYTES, proposedFields, type StoredItem } from '../../store/catalogue-store.js';
import { canReadRegister, canWriteRegister, type SessionUser } from '../../accounts/permissions.js';
import { actorOf, requireUser } from '../auth/session.js';
import { attachment } from '../http.js';
import type { AppDeps, AppEnv, RouteModule } from '../context.js';
import { ApiError, forbidden, notFound } from '../errors.js';
import { errors, IsoDate, jsonBody, jsonOf, OkSchema } from '../../api/common.js';

const TAG = ['主动公开目录（后台）catalogue office'];
type Ctx = Context<AppEnv>;

// ---------------------------------------------------------------------------------------------
// Who may do what (the shared predicates, applied to the catalogue)

/** The body's staff (officers, reviewers) and administrators read everything of the body. */
const canReadCatalogue = (u: SessionUser, bodyId: string) => canReadRegister(u, bodyId);
/** Officers of the body draft, edit, submit, attach and re-examine. */
const canDraftCatalogue = (u: SessionUser, bodyId: string) => canWriteRegister(u, bodyId);
/** Review steps are acted on by the body's own staff; which role, the step says. Administrators do not review. */
const canReviewCatalogue = (u: SessionUser, bodyId: string) => (u.role === 'officer' || u.role === 'reviewer') && u.bodies.includes(bodyId);
/** Settings: the body's officers or an administrator. */
const canConfigureCatalogue = (u: SessionUser, bodyId: string) => u.role === 'admin' || canWriteRegister(u, bodyId);

// ---------------------------------------------------------------------------------------------
// Schemas

const BodyParam = z.object({ bodyId: z.string().min(1).max(60) });
const ItemParam = z.object({ id: z.coerce.number().int().min(1) });
const AttachmentParam = z.object({ id: z.coerce.number().int().min(1), attachmentId: z.coerce.number().int().min(1) });

const FieldsSchema = z
  .object({
    title: z.string().max(200),
    summary: z.string().max(2000).default(''),
    content: z.string().max(200_000).default(''),
    madeOn: IsoDate.optional(),
    publisher: z.string().max(100).optional(),
    docNo: z.string().max(100).nullable().optional(),
    topic: z.string().max(40),
    docType: z.string().max(40),
    disclosure: z.enum(DISCLOSURES),
    withheldGround: z.string().max(20).nullable().optional(),
    effectiveOn: IsoDate.nullable().optional(),
    repealedOn: IsoDate.nullable().optional(),
    channels: z.array(z.string().max(40)).max(10).default([]),
    interpretationOf: z.number().int().min(1).nullable().optional(),
  })
  .openapi('CatalogueItemInput');

const StoredFields = z.object({
  title: z.string(),
  summary: z.string(),
  content: z.string(),
  madeOn: IsoDate,
  publisher: z.string(),
  docNo: z.string().nullable(),
  topic: z.string(),
  docType: z.string(),
  disclosure: z.enum(DISCLOSURES),
  withheldGround: z.string().nullable(),
  effectiveOn: IsoDate.nullable(),
  repealedOn: IsoDate.nullable(),
  channels: z.array(z.string()),
  interpretationOf: z.number().int().nullable(),
});

const StepSchema = z.object({ date: IsoDate, weekday: z.string(), label: z.string(), note: z.string().optional() });
const ClockSchema = z
  .object({
    due: IsoDate,
    weekday: z.string(),
    provisional: z.boolean(),
    steps: z.array(StepSchema),
    state: z.enum(['overdue', 'dueSoon', 'open']),
    stateLabel: z.string(),
    /** Working days left (0 = due today), or past the due date when overdue. */
    workingDays: z.number().int(),
    changed: z.boolean(),
  })
  .openapi('PublicationClock');

const RowSchema = z
  .object({
    id: z.number().int(),
    indexNo: z.string(),
    title: z.string(),
    status: z.enum(STATUSES),
    statusLabel: z.string(),
    /** A change of a settled item going through its own round. */
    change: z.object({ status: z.string(), statusLabel: z.string() }).nullable(),
    /** The step waiting for a decision, when in review. */
    waitingAt: z.string().nullable(),
    topic: z.string(),
    docType: z.string(),
    disclosure: z.enum(DISCLOSURES),
    disclosureLabel: z.string(),
    madeOn: IsoDate,
    publishedOn: IsoDate.nullable(),
    reviewOn: IsoDate.nullable(),
    clock: ClockSchema.nullable(),
    updatedAt: z.string(),
  })
  .openapi('CatalogueRow');

const ChainStepSchema = z.object({ index: z.number().int(), name: z.string(), role: z.enum(['officer', 'reviewer']), roleLabel: z.string() });
const ReviewSchema = z.object({
  seq: z.number().int(),
  round: z.number().int(),
  change: z.boolean(),
  step: z.number().int(),
  stepName: z.string(),
  decision: z.enum(['submit', 'approve', 'reject']),
  decisionLabel: z.string(),
  comment: z.string().nullable(),
  actor: z.string(),
  actorName: z.string(),
  at: z.string(),
});
const AttachmentSchema = z.object({
  id: z.number().int(),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  pending: z.boolean(),
  removed: z.boolean(),
  createdAt: z.string(),
  url: z.string(),
});

const DetailSchema = RowSchema.extend({
  body: z.object({ id: z.string(), name: z.string() }),
  fields: StoredFields,
  ruleKind: z.string().nullable(),
  firstPublishedOn: IsoDate.nullable(),
  pending: z.object({ fields: StoredFields, status: z.string(), statusLabel: z.string(), removedAttachments: z.array(z.number().int()) }).nullable(),
  chain: z.object({
    steps: z.array(ChainStepSchema),
    phase: z.enum(['draft', 'inReview', 'rejected', 'done']),
    step: z.number().int(),
    round: z.number().int(),
    change: z.boolean(),
  }),
  reviews: z.array(ReviewSchema),
  attachments: z.array(AttachmentSchema),
  interpretationTitle: z.string().nullable(),
  reexaminations: z.array(z.object({ examinedOn: IsoDate, conclusion: z.enum(['keep', 'release']), comment: z.string().nullable(), nextOn: IsoDate.nullable(), actorName: z.string() })),
  can: z.object({
    edit: z.boolean(),
    submit: z.boolean(),
    discardChange: z.boolean(),
    reexamine: z.boolean(),
    /** The step the signed-in user may decide now, or null with the reason. */
    review: z.object({ step: z.number().int(), name: z.string() }).nullable(),
    reviewNote: z.string().nullable(),
  }),
}).openapi('CatalogueItem');

const ListSchema = z.object({ body: z.object({ id: z.string(), name: z.string() }), today: IsoDate, total: z.number().int(), items: z.array(RowSchema), canDraft: z.boolean() }).openapi('CatalogueList');

const QueueSchema = z
  .object({ items: z.array(RowSchema.extend({ bodyId: z.string(), bodyName: z.string(), step: z.number().int(), stepName: z.string() })) })
  .openapi('CatalogueReviewQueue');

const DueSchema = z.object({ today: IsoDate, dueSoonDays: z.number().int(), overdue: z.array(RowSchema), dueSoon: z.array(RowSchema) }).openapi('CatalogueDue');
const ReexamSchema = z
  .object({ today: IsoDate, months: z.number().int(), soonDays: z.number().int(), items: z.array(RowSchema.extend({ reexamState: z.enum(['due', 'soon', 'later']), groundLabel: z.string() })) })
  .openapi('CatalogueReexamination');

const IndexRuleSchema = z.object({ pattern: z.string().max(80), org: z.string().max(40).optional() });
const SettingsSchema = z
  .object({
    indexRule: IndexRuleSchema,
    reviewSteps: z.array(z.object({ name: z.string().max(20), role: z.enum(['officer', 'reviewer']) })),
    reexamineMonths: z.number().int(),
    custom: z.object({ indexRule: z.boolean(), reviewSteps: z.boolean(), reexamineMonths: z.boolean() }),
    example: z.string(),
  })
  .openapi('CatalogueSettings');
const SettingsInput = z
  .object({
    indexRule: IndexRuleSchema.nullable().optional(),
    reviewSteps: z.array(z.object({ name: z.string().max(20), role: z.enum(['officer', 'reviewer']) })).max(8).nullable().optional(),
    reexamineMonths: z.number().int().nullable().optional(),
  })
  .openapi('CatalogueSettingsInput');

const CountSchema = z.array(z.object({ label: z.string(), count: z.number().int() }));
const RuleRowSchema = z.object({ issued: z.number().int(), repealed: z.number().int(), inForce: z.number().int() });
const FiguresSchema = z
  .object({
    body: z.object({ id: z.string(), name: z.string() }),
    year: z.number().int(),
    sectionOne: z.object({ total: z.number().int(), byTopic: CountSchema, byDocType: CountSchema, byChannel: CountSchema, sentence: z.string() }),
    tableTwo: z.object({ regulations: RuleRowSchema, normativeDocuments: RuleRowSchema, sentence: z.string() }),
  })
  .openapi('CatalogueFigures');

const VocabularySchema = z
  .object({
    today: IsoDate,
    topics: z.array(z.string()),
    docTypes: z.array(z.string()),
    ruleTypes: z.record(z.string(), z.string()),
    channels: z.array(z.string()),
    disclosures: z.array(z.object({ key: z.enum(DISCLOSURES), label: z.string() })),
    grounds: z.array(z.object({ key: z.string(), label: z.string(), text: z.string() })),
    statuses: z.record(z.string(), z.string()),
    article26: z.string(),
    article18: z.string(),
    maxAttachmentBytes: z.number().int(),
  })
  .openapi('CatalogueVocabulary');

// ---------------------------------------------------------------------------------------------
// Routes

const R = (method: 'get' | 'post' | 'put' | 'delete', path: string, summary: string) => ({ method, path, tags: TAG, summary });
const fail = { 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404], 409: { description: '状态已改变（他人已处理）', content: errors[400].content } };

const vocabulary = createRoute({ ...R('get', '/api/office/catalogue/vocabulary', '目录用语：主题分类、文件类型、发布渠道、公开属性、不予公开依据 (lists)'), responses: { 200: jsonOf(VocabularySchema), 401: errors[401] } });
const listItems = createRoute({
  ...R('get', '/api/bodies/{bodyId}/catalogue/items', '本机关的信息：按状态、主题、文件类型、公开属性、发布期限和文字筛选 (items, filtered)'),
  request: {
    params: BodyParam,
    query: z.object({
      status: z.enum([...STATUSES, 'settled']).optional(),
      topic: z.string().max(40).optional(),
      type: z.string().max(40).optional(),
      disclosure: z.enum(DISCLOSURES).optional(),
      clock: z.enum(['overdue', 'dueSoon']).optional(),
      q: z.string().max(100).optional(),
    }),
  },
  responses: { 200: jsonOf(ListSchema), ...fail },
});
const createItem = createRoute({ ...R('post', '/api/bodies/{bodyId}/catalogue/items', '拟稿：新建信息草稿，按本机关规则生成索引号 (draft a new item)'), request: { params: BodyParam, body: jsonBody(FieldsSchema) }, responses: { 200: jsonOf(DetailSchema), ...fail } });
const getItem = createRoute({ ...R('get', '/api/office/catalogue/items/{id}', '一条信息：内容、审核流程与记录、附件、发布期限 (one item, staff only)'), request: { params: ItemParam }, responses: { 200: jsonOf(DetailSchema), ...fail } });
const updateItem = createRoute({
  ...R('put', '/api/office/catalogue/items/{id}', '修改草稿或被退回的信息；已发布的信息修改为变更，经重新审核后替换 (edit, or change a published item)'),
  request: { params: ItemParam, body: jsonBody(FieldsSchema) },
  responses: { 200: jsonOf(DetailSchema), ...fail },
});
const discardChange = createRoute({ ...R('delete', '/api/office/catalogue/items/{id}/change', '放弃尚未提交或被退回的变更 (discard a change)'), request: { params: ItemParam }, responses: { 200: jsonOf(DetailSchema), ...fail } });
const submitItem = createRoute({
  ...R('post', '/api/office/catalogue/items/{id}/submit', '提交审核（开始新一轮审核）(submit for review)'),
  request: { params: ItemParam, body: jsonBody(z.object({ comment: z.string().max(1000).optional() })) },
  responses: { 200: jsonOf(DetailSchema), ...fail },
});
const reviewItem = createRoute({
  ...R('post', '/api/office/catalogue/items/{id}/review', '审核：通过或退回当前步骤，退回须写明理由 (approve or reject the current step)'),
  request: { params: ItemParam, body: jsonBody(z.object({ step: z.number().int().min(1), decision: z.enum(['approve', 'reject']), comment: z.string().max(1000).optional() })) },
  responses: { 200: jsonOf(DetailSchema), ...fail },
});
const listReviews = createRoute({ ...R('get', '/api/office/catalogue/items/{id}/reviews', '审核记录 (review history)'), request: { params: ItemParam }, responses: { 200: jsonOf(z.array(ReviewSchema)), ...fail } });
const reexamine = createRoute({
  ...R('post', '/api/office/catalogue/items/{id}/reexamine', '不予公开信息的定期复查（第十八条）：继续不予公开，或转为主动公开（生成变更）(re-examine a withheld item)'),
  request: { params: ItemParam, body: jsonBody(z.object({ conclusion: z.enum(['keep', 'release']), comment: z.string().max(1000) })) },
  responses: { 200: jsonOf(DetailSchema), ...fail },
});
const addAttachment = createRoute({
  ...R('post', '/api/office/catalogue/items/{id}/attachments', '上传附件（multipart/form-data，字段 file）(attach a file)'),
  description: 'multipart/form-data，字段 file 为一个文件。',
  request: {
    params: ItemParam,
    // A plain schema (not zod): documented, and the file is read and checked by the handler.
    body: { content: { 'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] } } }, required: true },
  },
  responses: { 200: jsonOf(AttachmentSchema), ...fail, 413: errors[400] },
});
const getAttachment = createRoute({
  ...R('get', '/api/office/catalogue/items/{id}/attachments/{attachmentId}', '下载附件；pending=1 为变更中新增的附件 (download)'),
  request: { params: AttachmentParam, query: z.object({ pending: z.enum(['0', '1']).optional() }) },
  responses: { 200: { description: '附件', content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } } }, ...fail },
});
const deleteAttachment = createRoute({
  ...R('delete', '/api/office/catalogue/items/{id}/attachments/{attachmentId}', '删除附件；已发布信息的附件在变更通过后删除 (remove a file)'),
  request: { params: AttachmentParam, query: z.object({ pending: z.enum(['0', '1']).optional() }) },
  responses: { 200: jsonOf(OkSchema), ...fail },
});
const queue = createRoute({ ...R('get', '/api/office/catalogue/queue', '待我审核：等待本人角色可审核的步骤的信息 (my review queue)'), responses: { 200: jsonOf(QueueSchema), 401: errors[401] } });
const dueList = createRoute({
  ...R('get', '/api/bodies/{bodyId}/catalogue/due', `发布期限（第二十六条）：已超期和${DUE_SOON_WORKING_DAYS}个工作日内到期的信息，附期限计算过程 (overdue and due soon)`),
  request: { params: BodyParam },
  responses: { 200: jsonOf(DueSchema), ...fail },
});
const reexamList = createRoute({ ...R('get', '/api/bodies/{bodyId}/catalogue/reexamination', '不予公开信息的复查日期（第十八条）(withheld items by re-examination date)'), request: { params: BodyParam }, responses: { 200: jsonOf(ReexamSchema), ...fail } });
const getSettings = createRoute({ ...R('get', '/api/bodies/{bodyId}/catalogue/settings', '索引号规则、审核流程、复查周期 (settings)'), request: { params: BodyParam }, responses: { 200: jsonOf(SettingsSchema), ...fail } });
const putSettings = createRoute({
  ...R('put', '/api/bodies/{bodyId}/catalogue/settings', '修改索引号规则、审核流程、复查周期；null 恢复默认 (change settings)'),
  request: { params: BodyParam, body: jsonBody(SettingsInput) },
  responses: { 200: jsonOf(SettingsSchema), ...fail },
});
const figures = createRoute({
  ...R('get', '/api/bodies/{bodyId}/catalogue/figures', '年度报告用数：第一部分主动公开情况（按主题、类型、渠道）和表二规章、行政规范性文件 (annual figures)'),
  request: { params: BodyParam, query: z.object({ year: z.coerce.number().int().min(2000).max(2100) }) },
  responses: { 200: jsonOf(FiguresSchema), ...fail },
});

// ---------------------------------------------------------------------------------------------
// Access

async function bodyNamed(deps: AppDeps, bodyId: string): Promise<{ id: string; name: string }> {
  const row = (await deps.db.query<{ name: string }>('SELECT name FROM bodies WHERE id = $1', [bodyId]))[0];
  if (!row) throw notFound('机关');
  return { id: bodyId, name: row.name };
}

function staff(c: Ctx, bodyId: string): SessionUser {
  const user = requireUser(c);
  if (!canReadCatalogue(user, bodyId)) throw forbidden('您不能查看该机关的公开目录后台');
  return user;
}

/** The item, if the user is staff of its body; 404 for anyone else (an unpublished item does not exist for them). */
async function readable(c: Ctx, store: CatalogueStore, id: number): Promise<{ user: SessionUser; item: StoredItem }> {
  const user = requireUser(c);
  const item = await store.item(id);
  if (!item || !canReadCatalogue(user, item.bodyId)) throw notFound('信息');
  return { user, item };
}

async function draftable(c: Ctx, store: CatalogueStore, id: number): Promise<{ user: SessionUser; item: StoredItem }> {
  const found = await readable(c, store, id);
  if (!canDraftCatalogue(found.user, found.item.bodyId)) throw forbidden('只有本机关的经办人可以修改信息');
  return found;
}

/** Refusals of the chain as the HTTP status they mean. */
async function chainCall<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof CatalogueError && error.code === 'forbidden') throw new ApiError(403, error.message);
    if (error instanceof CatalogueError && error.code === 'conflict') throw new ApiError(409, error.message);
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Views

const DECISION_LABELS = { submit: '提交审核', approve: '通过', reject: '退回' } as const;
const CLOCK_LABELS = { overdue: '已超期', dueSoon: '即将到期', open: '未到期' } as const;

function clockOf(item: StoredItem, calendar: WorkingDayCalendar, today: string) {
  const fields = proposedFields(item);
  const waiting = item.pending !== null || !isSettled(item.status);
  if (!waiting || fields.disclosure !== 'proactive' || item.status === 'withdrawn') return null;
  const changed = item.pending !== null;
  const due: PublicationDue = publicationDue(fields.madeOn, calendar, changed);
  const standing = publicationStanding(due, today, calendar);
  return {
    due: due.due,
    weekday: weekdayZh(due.due),
    provisional: due.provisional,
    steps: due.steps.map((s) => ({ date: s.date, weekday: weekdayZh(s.date), label: s.label, ...(s.note ? { note: s.note } : {}) })),
    state: standing.state,
    stateLabel: CLOCK_LABELS[standing.state],
    workingDays: standing.workingDays,
    changed,
  };
}

function rowOf(item: StoredItem, calendar: WorkingDayCalendar, today: string) {
  const chain = chainOf(item);
  return {
    id: item.id,
    indexNo: item.indexNo,
    title: item.title,
    status: item.status,
    statusLabel: STATUS_LABELS[item.status],
    change: item.pending ? { status: item.pending.status, statusLabel: `变更${STATUS_LABELS[item.pending.status]}` } : null,
    waitingAt: chain.phase === 'inReview' ? (item.chain[chain.step]?.name ?? null) : null,
    topic: item.topic,
    docType: item.docType,
    disclosure: item.disclosure,
    disclosureLabel: DISCLOSURE_LABELS[item.disclosure],
    madeOn: item.madeOn,
    publishedOn: item.publishedOn,
    reviewOn: item.reviewOn,
    clock: clockOf(item, calendar, today),
    updatedAt: item.updatedAt,
  };
}

/** Actor ids (`user:name`) as people's names. */
async function actorNames(deps: AppDeps, actors: string[]): Promise<Map<string, string>> {
  const usernames = [...new Set(actors.filter((a) => a.startsWith('user:')).map((a) => a.slice(5)))];
  const rows = usernames.length ? await deps.db.query<{ username: string; display_name: string }>('SELECT username, display_name FROM users WHERE username = ANY($1)', [usernames]) : [];
  const byName = new Map(rows.map((r) => [`user:${r.username}`, r.display_name]));
  return new Map(actors.map((a) => [a, byName.get(a) ?? a]));
}

/** What the signed-in user may decide on the item now, or why not. */
async function reviewPermission(store: CatalogueStore, user: SessionUser, item: StoredItem): Promise<{ review: { step: number; name: string } | null; reviewNote: string | null }> {
  const chain = chainOf(item);
  if (chain.phase !== 'inReview') return { review: null, reviewNote: null };
  const step = item.chain[chain.step]!;
  if (!canReviewCatalogue(user, item.bodyId) || !mayAct(item.chain, { phase: 'inReview', step: chain.step, round: item.round, acts: [] }, user.role)) {
    return { review: null, reviewNote: `当前等待“${step.name}”，由${STEP_ROLE_LABELS[step.role]}审核` };
  }
  const acts = await store.currentActs(item);
  const earlier = acts.find((a) => a.actor === actorOf(user) && a.step !== chain.step);
  if (earlier) return { review: null, reviewNote: `您已在本轮完成“${item.chain[earlier.step]?.name ?? ''}”，“${step.name}”须由他人审核` };
  return { review: { step: chain.step, name: step.name }, reviewNote: null };
}

async function detailOf(deps: AppDeps, store: CatalogueStore, user: SessionUser, item: StoredItem) {
  const [calendar, reviews, attachments, body, reexams, permission] = await Promise.all([
    deps.calendar(),
    store.reviews(item.id),
    store.attachments(item),
    bodyNamed(deps, item.bodyId),
    store.reexaminations(item.id),
    reviewPermission(store, user, item),
  ]);
  const names = await actorNames(deps, [...reviews.map((r) => r.actor), ...reexams.map((r) => r.actor)]);
  const interpreted = item.interpretationOf ? await store.item(item.interpretationOf) : null;
  const chain = chainOf(item);
  const drafter = canDraftCatalogue(user, item.bodyId);
  const editable = drafter && item.status !== 'withdrawn' && chain.phase !== 'inReview';
  return {
    ...rowOf(item, calendar, deps.today()),
    body,
    fields: fieldsView(item),
    ruleKind: item.ruleKind,
    firstPublishedOn: item.firstPublishedOn,
    pending: item.pending
      ? { fields: item.pending.fields, status: item.pending.status, statusLabel: `变更${STATUS_LABELS[item.pending.status]}`, removedAttachments: item.pending.removedAttachments }
      : null,
    chain: {
      steps: item.chain.map((s, index) => ({ index, name: s.name, role: s.role, roleLabel: STEP_ROLE_LABELS[s.role] })),
      phase: chain.phase,
      step: chain.step,
      round: item.round,
      change: chain.change,
    },
    reviews: reviews.map((r) => ({ ...r, decisionLabel: DECISION_LABELS[r.decision], actorName: names.get(r.actor) ?? r.actor })),
    attachments: attachments.map((a) => ({ ...a, url: `/api/office/catalogue/items/${item.id}/attachments/${a.id}${a.pending ? '?pending=1' : ''}` })),
    interpretationTitle: interpreted && interpreted.bodyId === item.bodyId ? interpreted.title : null,
    reexaminations: reexams.map((r) => ({ examinedOn: r.examinedOn, conclusion: r.conclusion, comment: r.comment, nextOn: r.nextOn, actorName: names.get(r.actor) ?? r.actor })),
    can: {
      edit: editable,
      submit: editable && (chain.phase === 'draft' || chain.phase === 'rejected'),
      discardChange: editable && item.pending !== null,
      reexamine: drafter && item.disclosure === 'withheld' && item.status === 'approved' && !item.pending,
      ...permission,
    },
  };
}

function fieldsView(item: StoredItem): ItemFields {
  const { title, summary, content, madeOn, publisher, docNo, topic, docType, disclosure, withheldGround, effectiveOn, repealedOn, channels, interpretationOf } = item;
  return { title, summary, content, madeOn, publisher, docNo, topic, docType, disclosure, withheldGround, effectiveOn, repealedOn, channels, interpretationOf };
}

/** The request's fields with the defaults: 生成日期 today, 发布机构 the body's name. */
function fieldsOf(input: z.infer<typeof FieldsSchema>, today: string, bodyName: string): ItemFields {
  return {
    title: input.title,
    summary: input.summary,
    content: input.content,
    madeOn: input.madeOn ?? today,
    publisher: input.publisher?.trim() || bodyName,
    docNo: input.docNo ?? null,
    topic: input.topic,
    docType: input.docType,
    disclosure: input.disclosure,
    withheldGround: (input.withheldGround || null) as ItemFields['withheldGround'],
    effectiveOn: input.effectiveOn ?? null,
    repealedOn: input.repealedOn ?? null,
    channels: input.channels,
    interpretationOf: input.interpretationOf ?? null,
  };
}

// ---------------------------------------------------------------------------------------------
// Attachments

const SAFE_TYPES = new Set([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/zip',
  'application/ofd',
  'text/plain',
  'text/csv',
]);

/** A file name without folders or control characters. */
const cleanName = (name: string) =>
  [...(name.split(/[\\/]/).pop() ?? '')].filter((ch) => ch.charCodeAt(0) >= 0x20 && ch !== '\u007f').join('').trim().slice(0, 200) || '附件';


async function uploadedFile(c: Ctx): Promise<{ fileName: string; mediaType: string; bytes: Uint8Array }> {
  if (!/^multipart\/form-data/i.test(c.req.header('content-type') ?? '')) throw new ApiError(400, '请以 multipart/form-data 上传附件，字段名为 file');
  if (Number(c.req.header('content-length') ?? 0) > MAX_ATTACHMENT_BYTES + 64 * 1024) throw new ApiError(413, '附件超过 1.5 MB 的上限');
  let form: FormData;
  try {
    form = await c.req.raw.formData();
  } catch {
    throw new ApiError(400, '上传内容不完整或格式有误，无法读取');
  }
  const file = form.get('file');
  if (!file || typeof file === 'string') throw new ApiError(400, '没有收到附件（字段名应为 file）');
  if (file.size > MAX_ATTACHMENT_BYTES) throw new ApiError(413, '附件超过 1.5 MB 的上限');
  const type = file.type.split(';')[0]!.trim().toLowerCase();
  return { fileName: cleanName(file.name), mediaType: type || 'application/octet-stream', bytes: new Uint8Array(await file.arrayBuffer()) };
}

// ---------------------------------------------------------------------------------------------

export const catalogueRoutes: RouteModule = (app, deps) => {
  const store = new CatalogueStore(deps.db);
  const detail = async (user: SessionUser, id: number) => detailOf(deps, store, user, (await store.item(id))!);

  app.openapi(vocabulary, (c) => {
    requireUser(c);
    return c.json(
      {
        today: deps.today(),
        topics: [...TOPICS],
        docTypes: [...DOC_TYPES],
        ruleTypes: { ...RULE_KIND_OF_TYPE },
        channels: [...CHANNELS],
        disclosures: DISCLOSURES.map((key) => ({ key, label: DISCLOSURE_LABELS[key] })),
        grounds: WITHHELD_GROUND_KEYS.map((key) => ({ key, ...WITHHELD_GROUNDS[key] })),
        statuses: { ...STATUS_LABELS },
        article26: ARTICLE_26,
        article18: ARTICLE_18,
        maxAttachmentBytes: MAX_ATTACHMENT_BYTES,
      },
      200,
    );
  });

  app.openapi(listItems, async (c) => {
    const { bodyId } = c.req.valid('param');
    const user = staff(c, bodyId);
    const body = await bodyNamed(deps, bodyId);
    const { status, topic, type, disclosure, clock, q } = c.req.valid('query');
    const today = deps.today();
    const [items, calendar] = await Promise.all([
      clock ? store.awaitingPublication(bodyId) : store.list(bodyId, { status, topic, docType: type, disclosure, q }),
      deps.calendar(),
    ]);
    const rows = items.map((i) => rowOf(i, calendar, today)).filter((r) => !clock || r.clock?.state === clock);
    return c.json({ body, today, total: rows.length, items: rows, canDraft: canDraftCatalogue(user, bodyId) }, 200);
  });

  app.openapi(createItem, async (c) => {
    const { bodyId } = c.req.valid('param');
    const user = requireUser(c);
    if (!canDraftCatalogue(user, bodyId)) throw forbidden('只有本机关的经办人可以拟稿');
    const body = await bodyNamed(deps, bodyId);
    const item = await chainCall(() => store.create(bodyId, fieldsOf(c.req.valid('json'), deps.today(), body.name), actorOf(user), deps.today()));
    return c.json(await detailOf(deps, store, user, item), 200);
  });

  app.openapi(getItem, async (c) => {
    const { user, item } = await readable(c, store, c.req.valid('param').id);
    return c.json(await detailOf(deps, store, user, item), 200);
  });

  app.openapi(updateItem, async (c) => {
    const { user, item } = await draftable(c, store, c.req.valid('param').id);
    const body = await bodyNamed(deps, item.bodyId);
    await chainCall(() => store.update(item.id, fieldsOf(c.req.valid('json'), deps.today(), body.name), actorOf(user), deps.today()));
    return c.json(await detail(user, item.id), 200);
  });

  app.openapi(discardChange, async (c) => {
    const { user, item } = await draftable(c, store, c.req.valid('param').id);
    await chainCall(() => store.discardChange(item.id, actorOf(user)));
    return c.json(await detail(user, item.id), 200);
  });

  app.openapi(submitItem, async (c) => {
    const { user, item } = await draftable(c, store, c.req.valid('param').id);
    const { comment } = c.req.valid('json');
    await chainCall(() => store.act(item.id, { id: actorOf(user), role: user.role }, { kind: 'submit', ...(comment ? { comment } : {}) }, deps.today()));
    return c.json(await detail(user, item.id), 200);
  });

  app.openapi(reviewItem, async (c) => {
    const { user, item } = await readable(c, store, c.req.valid('param').id);
    if (!canReviewCatalogue(user, item.bodyId)) throw forbidden('只有本机关的审核人员可以审核');
    const { step, decision, comment } = c.req.valid('json');
    const action: ChainAction = decision === 'reject' ? { kind: 'reject', step, comment: comment ?? '' } : { kind: 'approve', step, ...(comment ? { comment } : {}) };
    await chainCall(() => store.act(item.id, { id: actorOf(user), role: user.role }, action, deps.today()));
    return c.json(await detail(user, item.id), 200);
  });

  app.openapi(listReviews, async (c) => {
    const { item } = await readable(c, store, c.req.valid('param').id);
    const reviews = await store.reviews(item.id);
    const names = await actorNames(deps, reviews.map((r) => r.actor));
    return c.json(reviews.map((r) => ({ ...r, decisionLabel: DECISION_LABELS[r.decision], actorName: names.get(r.actor) ?? r.actor })), 200);
  });

  app.openapi(reexamine, async (c) => {
    const { user, item } = await draftable(c, store, c.req.valid('param').id);
    const { conclusion, comment } = c.req.valid('json');
    await chainCall(() => store.reexamine(item.id, conclusion, comment, actorOf(user), deps.today()));
    return c.json(await detail(user, item.id), 200);
  });

  app.openapi(addAttachment, async (c) => {
    const { user, item } = await draftable(c, store, c.req.valid('param').id);
    const file = await uploadedFile(c);
    const added = await chainCall(() => store.addAttachment(item.id, file, actorOf(user), deps.today()));
    return c.json({ ...added, url: `/api/office/catalogue/items/${item.id}/attachments/${added.id}${added.pending ? '?pending=1' : ''}` }, 200);
  });

  app.openapi(getAttachment, async (c) => {
    const { attachmentId } = c.req.valid('param');
    const { item } = await readable(c, store, c.req.valid('param').id);
    const file = await store.attachmentBytes(item.id, attachmentId, c.req.valid('query').pending === '1');
    if (!file) throw notFound('附件');
    // Served as a download from our origin: a type we do not know is not given a chance to render.
    const type = SAFE_TYPES.has(file.mediaType) ? file.mediaType : 'application/octet-stream';
    return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
      'content-type': type,
      'content-disposition': attachment(file.fileName),
      'content-security-policy': 'sandbox',
      'cache-control': 'private, no-store',
    });
  });

  app.openapi(deleteAttachment, async (c) => {
    const { attachmentId } = c.req.valid('param');
    const { user, item } = await draftable(c, store, c.req.valid('param').id);
    await chainCall(() => store.removeAttachment(item.id, attachmentId, c.req.valid('query').pending === '1', actorOf(user), deps.today()));
    return c.json({ ok: true as const }, 200);
  });

  app.openapi(queue, async (c) => {
    const user = requireUser(c);
    const bodies = user.bodies.filter((b) => canReviewCatalogue(user, b));
    const items = await store.inReview(bodies);
    const acts = await store.actsOfMany(items);
    const [calendar, names] = await Promise.all([deps.calendar(), deps.db.query<{ id: string; name: string }>('SELECT id, name FROM bodies WHERE id = ANY($1)', [bodies])]);
    const bodyName = new Map(names.map((b) => [b.id, b.name]));
    const mine = items.flatMap((item) => {
      const { step } = chainOf(item);
      const waiting = item.chain[step];
      if (!waiting || waiting.role !== user.role) return [];
      // A step this user may not take (they acted earlier in the round) is someone else's work.
      if (acts.get(item.id)!.some((a) => a.actor === actorOf(user) && a.step !== step)) return [];
      return [{ ...rowOf(item, calendar, deps.today()), bodyId: item.bodyId, bodyName: bodyName.get(item.bodyId) ?? item.bodyId, step, stepName: waiting.name }];
    });
    return c.json({ items: mine }, 200);
  });

  app.openapi(dueList, async (c) => {
    const { bodyId } = c.req.valid('param');
    staff(c, bodyId);
    await bodyNamed(deps, bodyId);
    const [items, calendar] = await Promise.all([store.awaitingPublication(bodyId), deps.calendar()]);
    const today = deps.today();
    const rows = items.map((i) => rowOf(i, calendar, today));
    const by = (state: string) =>
      rows.filter((r) => r.clock?.state === state).sort((a, b) => a.clock!.due.localeCompare(b.clock!.due) || a.id - b.id);
    return c.json({ today, dueSoonDays: DUE_SOON_WORKING_DAYS, overdue: by('overdue'), dueSoon: by('dueSoon') }, 200);
  });

  app.openapi(reexamList, async (c) => {
    const { bodyId } = c.req.valid('param');
    staff(c, bodyId);
    await bodyNamed(deps, bodyId);
    const [items, calendar, settings] = await Promise.all([store.withheld(bodyId), deps.calendar(), store.settings(bodyId)]);
    const today = deps.today();
    const rows = items.map((i) => ({
      ...rowOf(i, calendar, today),
      reexamState: i.reviewOn ? reexamineState(i.reviewOn, today) : ('due' as const),
      groundLabel: i.withheldGround ? WITHHELD_GROUNDS[i.withheldGround].label : '（未写明依据）',
    }));
    return c.json({ today, months: settings.reexamineMonths, soonDays: REEXAMINE_SOON_DAYS, items: rows }, 200);
  });

  const settingsView = async (bodyId: string) => {
    const s = await store.settings(bodyId);
    return { ...s, example: formatIndexNo(s.indexRule, { bodyId, year: Number(deps.today().slice(0, 4)), serial: 1 }) };
  };

  app.openapi(getSettings, async (c) => {
    const { bodyId } = c.req.valid('param');
    staff(c, bodyId);
    await bodyNamed(deps, bodyId);
    return c.json(await settingsView(bodyId), 200);
  });

  app.openapi(putSettings, async (c) => {
    const { bodyId } = c.req.valid('param');
    const user = requireUser(c);
    if (!canConfigureCatalogue(user, bodyId)) throw forbidden('只有本机关的经办人或管理员可以修改目录设置');
    await bodyNamed(deps, bodyId);
    await store.setSettings(bodyId, c.req.valid('json'), actorOf(user));
    return c.json(await settingsView(bodyId), 200);
  });

  app.openapi(figures, async (c) => {
    const { bodyId } = c.req.valid('param');
    staff(c, bodyId);
    const body = await bodyNamed(deps, bodyId);
    const { year } = c.req.valid('query');
    const items = await store.figureItems(bodyId);
    const rows = tableTwoRows(items, year);
    return c.json({ body, year, sectionOne: sectionOneFigures(items, year), tableTwo: { ...rows, sentence: tableTwoSentence(rows) } }, 200);
  });
};
