/**
 * The HTTP contract of the catalogue's back office (主动公开目录后台): the zod schemas and route
 * declarations of items, index numbers, the review chain, changes, attachments, publication
 * clocks, re-examination, settings and the year's figures. The server validates with them and
 * writes /api/openapi.json; the browser takes its types from them (import type).
 */
import { createRoute, z } from '@hono/zod-openapi';
import { DISCLOSURES, DUE_SOON_WORKING_DAYS, REVIEWER_POLICIES, STATUSES, VALIDITY_STATES } from '../catalogue/index.js';
import { BodyParam, errors, IsoDate, jsonBody, jsonOf, OkSchema, Year } from './common.js';
import { EditVersion, StoredVersion } from './versions.js';

const TAG = ['主动公开目录（后台）catalogue office'];

// ---------------------------------------------------------------------------------------------
// Schemas

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
    expiresOn: IsoDate.nullable().optional().openapi({ description: '有效期至（规章、行政规范性文件）' }),
    amendedOn: IsoDate.nullable().optional().openapi({ description: '修改日期：被后来的文件修改之日' }),
    repealedOn: IsoDate.nullable().optional(),
    channels: z.array(z.string().max(40)).max(10).default([]),
    interpretationOf: z.number().int().min(1).nullable().optional(),
  })
  .openapi('CatalogueItemInput');

export const StoredFields = z.object({
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
  expiresOn: IsoDate.nullable(),
  amendedOn: IsoDate.nullable(),
  repealedOn: IsoDate.nullable(),
  channels: z.array(z.string()),
  interpretationOf: z.number().int().nullable(),
});

export const ValiditySchema = z
  .object({ state: z.enum(VALIDITY_STATES), label: z.string(), note: z.string() })
  .openapi('CatalogueValidity', { description: '规章、行政规范性文件的效力状态（按今天的日期）：尚未施行、现行有效、已修改、已废止、已失效' });

const StepSchema = z.object({ date: IsoDate, weekday: z.string(), label: z.string(), note: z.string().optional() });
export const ClockSchema = z
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

export const RowSchema = z
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
    validity: ValiditySchema.nullable(),
    clock: ClockSchema.nullable(),
    updatedAt: z.string(),
  })
  .openapi('CatalogueRow');

const ChainStepSchema = z.object({ index: z.number().int(), name: z.string(), role: z.enum(['officer', 'reviewer']), roleLabel: z.string() });
export const ReviewSchema = z.object({
  seq: z.number().int(),
  round: z.number().int(),
  change: z.boolean(),
  step: z.number().int(),
  stepName: z.string(),
  decision: z.enum(['submit', 'approve', 'reject', 'withdraw']),
  decisionLabel: z.string(),
  comment: z.string().nullable(),
  actor: z.string(),
  actorName: z.string(),
  at: z.string(),
});
export const AttachmentSchema = z.object({
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

export const DetailSchema = RowSchema.extend({
  body: z.object({ id: z.string(), name: z.string() }),
  fields: StoredFields,
  ruleKind: z.string().nullable(),
  firstPublishedOn: IsoDate.nullable(),
  version: StoredVersion,
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
  revoked: z.object({ on: IsoDate, reason: z.string(), byName: z.string() }).nullable(),
  reviewerPolicy: z.object({ key: z.enum(REVIEWER_POLICIES), label: z.string(), note: z.string() }),
  reexaminations: z.array(z.object({ examinedOn: IsoDate, conclusion: z.enum(['keep', 'release']), comment: z.string().nullable(), nextOn: IsoDate.nullable(), actorName: z.string() })),
  can: z.object({
    edit: z.boolean(),
    submit: z.boolean(),
    discardChange: z.boolean(),
    reexamine: z.boolean(),
    /** Take the round in review back to draft (撤回). */
    withdraw: z.boolean(),
    /** 撤销 of the published item. */
    revoke: z.boolean(),
    /** Delete the draft. */
    delete: z.boolean(),
    /** The step the signed-in user may decide now, or null with the reason. */
    review: z.object({ step: z.number().int(), name: z.string() }).nullable(),
    reviewNote: z.string().nullable(),
  }),
}).openapi('CatalogueItem');

export const ListSchema = z.object({ body: z.object({ id: z.string(), name: z.string() }), today: IsoDate, total: z.number().int(), items: z.array(RowSchema), canDraft: z.boolean() }).openapi('CatalogueList');

export const QueueSchema = z
  .object({ items: z.array(RowSchema.extend({ bodyId: z.string(), bodyName: z.string(), step: z.number().int(), stepName: z.string() })) })
  .openapi('CatalogueReviewQueue');

export const DueSchema = z.object({ today: IsoDate, dueSoonDays: z.number().int(), overdue: z.array(RowSchema), dueSoon: z.array(RowSchema) }).openapi('CatalogueDue');
export const ReexamSchema = z
  .object({ today: IsoDate, months: z.number().int(), soonDays: z.number().int(), items: z.array(RowSchema.extend({ reexamState: z.enum(['due', 'soon', 'later']), groundLabel: z.string() })) })
  .openapi('CatalogueReexamination');

const IndexRuleSchema = z.object({ pattern: z.string().max(80), org: z.string().max(40).optional() });
export const SettingsSchema = z
  .object({
    indexRule: IndexRuleSchema,
    reviewSteps: z.array(z.object({ name: z.string().max(20), role: z.enum(['officer', 'reviewer']) })),
    reviewerPolicy: z.enum(REVIEWER_POLICIES),
    reexamineMonths: z.number().int(),
    custom: z.object({ indexRule: z.boolean(), reviewSteps: z.boolean(), reviewerPolicy: z.boolean(), reexamineMonths: z.boolean() }),
    example: z.string(),
    reviewerPolicies: z.array(z.object({ key: z.enum(REVIEWER_POLICIES), label: z.string(), note: z.string() })),
    reviewers: z.number().int().openapi({ description: '本机关启用的审核人员账号数' }),
    reviewersNeeded: z.number().int().openapi({ description: '按审核流程和规则至少需要的审核人员数' }),
    chainWarning: z.string().nullable(),
    version: StoredVersion,
  })
  .openapi('CatalogueSettings');
const SettingsInput = z
  .object({
    indexRule: IndexRuleSchema.nullable().optional(),
    reviewSteps: z.array(z.object({ name: z.string().max(20), role: z.enum(['officer', 'reviewer']) })).max(8).nullable().optional(),
    reviewerPolicy: z.enum(REVIEWER_POLICIES).nullable().optional().openapi({ description: 'shared：同一审核人可依次完成多个步骤；distinct：每步须由不同的人完成' }),
    reexamineMonths: z.number().int().nullable().optional(),
    version: EditVersion,
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

export const VocabularySchema = z
  .object({
    today: IsoDate,
    topics: z.array(z.string()),
    docTypes: z.array(z.string()),
    ruleTypes: z.record(z.string(), z.string()),
    channels: z.array(z.string()),
    disclosures: z.array(z.object({ key: z.enum(DISCLOSURES), label: z.string() })),
    grounds: z.array(z.object({ key: z.string(), label: z.string(), text: z.string() })),
    statuses: z.record(z.string(), z.string()),
    validities: z.record(z.string(), z.string()),
    article26: z.string(),
    article18: z.string(),
    maxAttachmentBytes: z.number().int(),
  })
  .openapi('CatalogueVocabulary');

// ---------------------------------------------------------------------------------------------
// Routes

const R = (method: 'get' | 'post' | 'put' | 'delete', path: string, summary: string) => ({ method, path, tags: TAG, summary });
const fail = { 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404], 409: { description: '状态已改变（他人已处理）', content: errors[400].content } };

export const vocabulary = createRoute({ ...R('get', '/api/office/catalogue/vocabulary', '目录用语：主题分类、文件类型、发布渠道、公开属性、不予公开依据 (lists)'), responses: { 200: jsonOf(VocabularySchema), 401: errors[401] } });
export const listItems = createRoute({
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
export const createItem = createRoute({ ...R('post', '/api/bodies/{bodyId}/catalogue/items', '拟稿：新建信息草稿，按本机关规则生成索引号 (draft a new item)'), request: { params: BodyParam, body: jsonBody(FieldsSchema) }, responses: { 200: jsonOf(DetailSchema), ...fail } });
export const getItem = createRoute({ ...R('get', '/api/office/catalogue/items/{id}', '一条信息：内容、审核流程与记录、附件、发布期限 (one item, staff only)'), request: { params: ItemParam }, responses: { 200: jsonOf(DetailSchema), ...fail } });
export const updateItem = createRoute({
  ...R('put', '/api/office/catalogue/items/{id}', '修改草稿或被退回的信息；已发布的信息修改为变更，经重新审核后替换 (edit, or change a published item)'),
  request: { params: ItemParam, body: jsonBody(FieldsSchema.extend({ version: EditVersion }).openapi('CatalogueItemUpdate')) },
  responses: { 200: jsonOf(DetailSchema), ...fail },
});
export const discardChange = createRoute({ ...R('delete', '/api/office/catalogue/items/{id}/change', '放弃尚未提交或被退回的变更 (discard a change)'), request: { params: ItemParam }, responses: { 200: jsonOf(DetailSchema), ...fail } });
export const submitItem = createRoute({
  ...R('post', '/api/office/catalogue/items/{id}/submit', '提交审核（开始新一轮审核）(submit for review)'),
  request: { params: ItemParam, body: jsonBody(z.object({ comment: z.string().max(1000).optional() })) },
  responses: { 200: jsonOf(DetailSchema), ...fail },
});
export const reviewItem = createRoute({
  ...R('post', '/api/office/catalogue/items/{id}/review', '审核：通过或退回当前步骤，退回须写明理由 (approve or reject the current step)'),
  request: { params: ItemParam, body: jsonBody(z.object({ step: z.number().int().min(1), decision: z.enum(['approve', 'reject']), comment: z.string().max(1000).optional() })) },
  responses: { 200: jsonOf(DetailSchema), ...fail },
});
export const withdrawItem = createRoute({
  ...R('post', '/api/office/catalogue/items/{id}/withdraw', '撤回审核：审核中的信息（或变更）退回草稿，可修改后重新提交 (withdraw from review)'),
  request: { params: ItemParam, body: jsonBody(z.object({ comment: z.string().max(1000).optional() })) },
  responses: { 200: jsonOf(DetailSchema), ...fail },
});
export const revokeItem = createRoute({
  ...R('post', '/api/office/catalogue/items/{id}/revoke', '撤销已发布的信息：须写明理由；公开页面显示撤销日期和理由 (revoke a published item)'),
  request: { params: ItemParam, body: jsonBody(z.object({ reason: z.string().max(1000) })) },
  responses: { 200: jsonOf(DetailSchema), ...fail },
});
export const deleteItem = createRoute({
  ...R('delete', '/api/office/catalogue/items/{id}', '删除草稿：仅限从未发布、未在审核中的草稿，由拟稿人本人或管理员删除 (delete a draft)'),
  request: { params: ItemParam },
  responses: { 200: jsonOf(OkSchema), ...fail },
});
export const listReviews = createRoute({ ...R('get', '/api/office/catalogue/items/{id}/reviews', '审核记录 (review history)'), request: { params: ItemParam }, responses: { 200: jsonOf(z.array(ReviewSchema)), ...fail } });
export const reexamine = createRoute({
  ...R('post', '/api/office/catalogue/items/{id}/reexamine', '不予公开信息的定期复查（第十八条）：继续不予公开，或转为主动公开（生成变更）(re-examine a withheld item)'),
  request: { params: ItemParam, body: jsonBody(z.object({ conclusion: z.enum(['keep', 'release']), comment: z.string().max(1000) })) },
  responses: { 200: jsonOf(DetailSchema), ...fail },
});
export const addAttachment = createRoute({
  ...R('post', '/api/office/catalogue/items/{id}/attachments', '上传附件（multipart/form-data，字段 file）(attach a file)'),
  description: 'multipart/form-data，字段 file 为一个文件。',
  request: {
    params: ItemParam,
    // A plain schema (not zod): documented, and the file is read and checked by the handler.
    body: { content: { 'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] } } }, required: true },
  },
  responses: { 200: jsonOf(AttachmentSchema), ...fail, 413: errors[400] },
});
export const getAttachment = createRoute({
  ...R('get', '/files/office/catalogue/items/{id}/attachments/{attachmentId}', '下载附件（与接口分开的 /files 路径，沙箱）；pending=1 为变更中新增的附件 (download)'),
  request: { params: AttachmentParam, query: z.object({ pending: z.enum(['0', '1']).optional() }) },
  responses: { 200: { description: '附件', content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } } }, ...fail },
});
export const deleteAttachment = createRoute({
  ...R('delete', '/api/office/catalogue/items/{id}/attachments/{attachmentId}', '删除附件；已发布信息的附件在变更通过后删除 (remove a file)'),
  request: { params: AttachmentParam, query: z.object({ pending: z.enum(['0', '1']).optional() }) },
  responses: { 200: jsonOf(OkSchema), ...fail },
});
export const queue = createRoute({ ...R('get', '/api/office/catalogue/queue', '待我审核：等待本人角色可审核的步骤的信息 (my review queue)'), responses: { 200: jsonOf(QueueSchema), 401: errors[401] } });
export const dueList = createRoute({
  ...R('get', '/api/bodies/{bodyId}/catalogue/due', `发布期限（第二十六条）：已超期和${DUE_SOON_WORKING_DAYS}个工作日内到期的信息，附期限计算过程 (overdue and due soon)`),
  request: { params: BodyParam },
  responses: { 200: jsonOf(DueSchema), ...fail },
});
export const reexamList = createRoute({ ...R('get', '/api/bodies/{bodyId}/catalogue/reexamination', '不予公开信息的复查日期（第十八条）(withheld items by re-examination date)'), request: { params: BodyParam }, responses: { 200: jsonOf(ReexamSchema), ...fail } });
export const getSettings = createRoute({ ...R('get', '/api/bodies/{bodyId}/catalogue/settings', '索引号规则、审核流程、复查周期 (settings)'), request: { params: BodyParam }, responses: { 200: jsonOf(SettingsSchema), ...fail } });
export const putSettings = createRoute({
  ...R('put', '/api/bodies/{bodyId}/catalogue/settings', '修改索引号规则、审核流程、复查周期；null 恢复默认 (change settings)'),
  request: { params: BodyParam, body: jsonBody(SettingsInput) },
  responses: { 200: jsonOf(SettingsSchema), ...fail },
});
export const figures = createRoute({
  ...R('get', '/api/bodies/{bodyId}/catalogue/figures', '年度报告用数：第一部分主动公开情况（按主题、类型、渠道）和表二规章、行政规范性文件 (annual figures)'),
  request: { params: BodyParam, query: z.object({ year: Year }) },
  responses: { 200: jsonOf(FiguresSchema), ...fail },
});
