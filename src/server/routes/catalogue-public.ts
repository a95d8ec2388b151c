/**
 * The public catalogue: search, item pages, downloads, the guide (指南), and the opinion box (意见箱).
 *
 * Only published items exist here. An item in review, rejected, withdrawn or a draft answers
 * exactly like an id that was never used (the same 404 and message), so the API never tells
 * that an unpublished item exists.
 *
 * The opinion box works like the online application: a number and a random query code, only the
 * code's hash kept; the code travels in a POST body, never in the address (addresses end up in
 * logs and histories); a wrong code and an unknown number get the same 404. Submissions are
 * rate-limited per client address.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { checkGuideSettings, cleanGuideSettings, GUIDE_CHANNEL_FIELDS, GUIDE_TEXT_FIELDS, guideDocument, type GuideSettings } from '../../catalogue/guide.js';
import {
  answerProblem,
  checkOpinionInput,
  maskName,
  OPINION_LIMITS,
  opinionFigures,
  opinionKindLabel,
  workingDaysTaken,
  type OpinionKind,
} from '../../catalogue/opinions.js';
import { COUNT_CAP, MAX_PAGE, PAGE_SIZE, parseCatalogueQuery, QueryError } from '../../catalogue/query.js';
import { DOC_TYPES, TOPICS } from '../../catalogue/vocabulary.js';
import { BODY_LEVEL_LABELS, BODY_LEVELS, type BodyLevel } from '../../register/bodies.js';
import { formatQueryCode, queryCodeProblem } from '../../register/public-form.js';
import { CatalogueSearch } from '../../store/catalogue-search.js';
import { OpinionStore, type OpinionRecord } from '../../store/opinion-store.js';
import { maskContact } from '../../accounts/mask.js';
import { canReadRegister, canSeeBody, canSeePersonalData, canWriteRegister, isAdmin, type SessionUser } from '../../accounts/permissions.js';
import { actorOf, requireUser } from '../auth/session.js';
import { attachment } from '../http.js';
import type { AppDeps, AppEnv, RouteModule } from '../context.js';
import { ApiError, forbidden, notFound } from '../errors.js';
import { errors, FieldErrorSchema, IsoDate, jsonBody, jsonOf, tooMany } from '../../api/common.js';
import { RateLimiter, refusedByLimit } from '../rate-limit.js';

const CATALOGUE = ['公开目录 catalogue'];
const GUIDE = ['公开指南 guide'];
const OPINIONS = ['意见箱 opinions'];

const ITEM_NOT_FOUND = '没有找到该政府信息：它不存在，或者尚未公开 (not found)';
const OPINION_NOT_FOUND = '没有找到该意见，或者编号与查询码不匹配，请核对后重试 (not found)';

// ---------------------------------------------------------------------------------------------
// Schemas

const text = (max: number) => z.string({ error: '应填写文字' }).max(max, `不超过 ${max} 个字符`);

const SearchQuery = z.object({
  q: text(200).optional().openapi({ description: '检索词；空格分隔的多个词须同时出现', example: '预算 公开' }),
  body: text(60).optional().openapi({ description: '发布机关的编号' }),
  level: z.enum(BODY_LEVELS).optional().openapi({ description: '发布机关的层级' }),
  indexNo: text(120).optional().openapi({ description: '索引号（精确）' }),
  docNo: text(120).optional().openapi({ description: '文号（括号、空格不论）', example: '青政发〔2025〕3号' }),
  topic: text(40).optional(),
  type: text(40).optional().openapi({ description: '文件类型；“年度报告”为历年政府信息公开工作年度报告栏目' }),
  from: IsoDate.optional().openapi({ description: '发布日期起' }),
  to: IsoDate.optional().openapi({ description: '发布日期止' }),
  page: z.coerce.number().int().min(1).optional(),
});

const ItemSummarySchema = z
  .object({
    id: z.number().int(),
    indexNo: z.string(),
    title: z.string(),
    summary: z.string(),
    bodyId: z.string(),
    bodyName: z.string(),
    publisher: z.string(),
    docNo: z.string().nullable(),
    topic: z.string().nullable(),
    docType: z.string().nullable(),
    madeOn: IsoDate,
    publishedOn: IsoDate.nullable(),
    reportYear: z.number().int().optional().openapi({ description: '年度报告所属年度' }),
  })
  .openapi('CatalogueItemSummary');

const SearchResultSchema = z
  .object({
    items: z.array(ItemSummarySchema),
    total: z.number().int().nullable().openapi({ description: `结果条数；结果较多（超过 ${COUNT_CAP} 条，或常见词）时不计数，为 null` }),
    hasMore: z.boolean().openapi({ description: '是否还有下一页' }),
    page: z.number().int(),
    pages: z.number().int().nullable().openapi({ description: '总页数；未计数时为 null' }),
    pageSize: z.number().int(),
    terms: z.array(z.string()).openapi({ description: '规范化后的检索词' }),
  })
  .openapi('CatalogueSearchResult');

const LinkSchema = z.object({ id: z.number().int(), title: z.string() });

const ItemSchema = ItemSummarySchema.extend({
  content: z.string(),
  channels: z.array(z.string()),
  ruleKind: z.enum(['regulations', 'normativeDocuments']).nullable(),
  effectiveOn: IsoDate.nullable(),
  repealedOn: IsoDate.nullable(),
  attachments: z.array(z.object({ id: z.number().int(), fileName: z.string(), mediaType: z.string(), size: z.number().int() })),
  interpretations: z.array(LinkSchema),
  interprets: LinkSchema.nullable(),
}).openapi('CatalogueItem');

const OptionsSchema = z
  .object({ topics: z.array(z.string()), types: z.array(z.string()), pageSize: z.number().int(), countCap: z.number().int(), maxPage: z.number().int() })
  .openapi('CatalogueOptions');

const ItemParam = z.object({ id: z.string().min(1).max(200).openapi({ param: { name: 'id', in: 'path' }, description: '条目编号，或索引号', example: '42' }) });
const AttachmentParam = ItemParam.extend({ attachmentId: z.coerce.number().int().min(1).openapi({ param: { name: 'attachmentId', in: 'path' } }) });
const BodyParam = z.object({ bodyId: z.string().min(1).max(60).openapi({ param: { name: 'bodyId', in: 'path' }, example: 'yl' }) });

const BodyRefSchema = z.object({ id: z.string(), name: z.string(), level: z.enum(BODY_LEVELS), levelLabel: z.string() });

const guideShape = Object.fromEntries([
  ...GUIDE_TEXT_FIELDS.map((f) => [f.key, z.string().max(f.max + 50).optional()]),
  ...GUIDE_CHANNEL_FIELDS.map((f) => [f.key, z.boolean().optional()]),
]) as Record<keyof GuideSettings, z.ZodOptional<z.ZodString> | z.ZodOptional<z.ZodBoolean>>;
const GuideSettingsSchema = z.object(guideShape).openapi('GuideSettings');

const GuidePartSchema = z.object({
  heading: z.string().optional(),
  paragraphs: z.array(z.string()),
  facts: z.array(z.tuple([z.string(), z.string()])).optional(),
  links: z.array(z.object({ text: z.string(), href: z.string() })).optional(),
});
const GuideSchema = z
  .object({
    body: BodyRefSchema,
    settings: GuideSettingsSchema,
    guide: z.object({ title: z.string(), intro: z.array(z.string()), sections: z.array(z.object({ heading: z.string(), parts: z.array(GuidePartSchema) })), missing: z.array(z.string()) }),
    canEdit: z.boolean(),
  })
  .openapi('Guide');


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

const OpinionSubmittedSchema = z
  .object({
    refNo: z.string().openapi({ example: 'yl-YJ-2026-0001' }),
    queryCode: z.string().openapi({ example: 'K7PX-3MQA-9TZD', description: '只在此处出现一次，系统只保存其散列值' }),
    bodyName: z.string(),
    receivedOn: IsoDate,
  })
  .openapi('OpinionSubmitted');

const OpinionViewSchema = z
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

const OfficerOpinionSchema = OpinionViewSchema.extend({
  state: z.enum(['open', 'answered']),
  days: z.object({ days: z.number().int(), provisional: z.boolean() }).openapi({ description: '收到后的工作日数：已答复的为答复用时，未答复的为已等待' }),
}).openapi('OfficerOpinion');

const OpinionListSchema = z
  .object({ body: BodyRefSchema, canAnswer: z.boolean(), personal: z.boolean(), today: IsoDate, opinions: z.array(OfficerOpinionSchema) })
  .openapi('OpinionList');

const KindFiguresSchema = z.object({
  received: z.number().int(),
  answered: z.number().int(),
  open: z.number().int(),
  averageDays: z.number().nullable(),
  longestDays: z.number().int().nullable(),
});
const FiguresSchema = z
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
// Routes: catalogue

const options = createRoute({
  method: 'get',
  path: '/api/catalogue/options',
  tags: CATALOGUE,
  summary: '目录的主题分类、文件类型和分页设置（公开）(filter choices)',
  responses: { 200: jsonOf(OptionsSchema) },
});

const search = createRoute({
  method: 'get',
  path: '/api/catalogue/items',
  tags: CATALOGUE,
  summary: '检索已公开的政府信息（公开）(search the published catalogue)',
  description: `按关键词（中文按字检索，不需分词）、索引号、文号、主题分类、文件类型、发布机关、发布日期检索，按发布日期从新到旧，每页 ${PAGE_SIZE} 条。结果超过 ${COUNT_CAP} 条或检索词很常见时不给出条数（total 为 null），最多列 ${MAX_PAGE} 页。`,
  request: { query: SearchQuery },
  responses: { 200: jsonOf(SearchResultSchema), 400: errors[400] },
});

const item = createRoute({
  method: 'get',
  path: '/api/catalogue/items/{id}',
  tags: CATALOGUE,
  summary: '一条已公开的政府信息（公开）(a published item, by id or index number)',
  description: '编号永不改变。尚未公开、被退回或已撤销的条目与不存在的编号答复相同（404）。',
  request: { params: ItemParam },
  responses: { 200: jsonOf(ItemSchema), 404: errors[404] },
});

const attachmentRoute = createRoute({
  method: 'get',
  path: '/api/catalogue/items/{id}/attachments/{attachmentId}',
  tags: CATALOGUE,
  summary: '下载已公开条目的附件（公开）(download an attachment)',
  request: { params: AttachmentParam },
  responses: { 200: { description: '附件（Content-Disposition 给出文件名）', content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } } }, 404: errors[404] },
});

// Routes: guide

const getGuide = createRoute({
  method: 'get',
  path: '/api/bodies/{bodyId}/guide',
  tags: GUIDE,
  summary: '机关的政府信息公开指南（公开）(the body\'s guide)',
  request: { params: BodyParam },
  responses: { 200: jsonOf(GuideSchema), 404: errors[404] },
});

const putGuide = createRoute({
  method: 'put',
  path: '/api/bodies/{bodyId}/guide',
  tags: GUIDE,
  summary: '修改指南中的机构、地址、电话等设置（本机关经办人或管理员）(edit the guide settings)',
  request: { params: BodyParam, body: jsonBody(GuideSettingsSchema) },
  responses: { 200: jsonOf(GuideSchema), 400: jsonOf(FieldErrorSchema, '设置有误（fields 按字段说明）'), 401: errors[401], 403: errors[403], 404: errors[404] },
});

// Routes: opinions

const submitOpinion = createRoute({
  method: 'post',
  path: '/api/opinions',
  tags: OPINIONS,
  summary: '提交意见建议、投诉或举报（公开）(leave an opinion)',
  description: '成功时答复编号和查询码，查询码只出现在这一次答复中。每个客户端地址在限定时间内的提交次数有上限。',
  request: { body: jsonBody(OpinionInputSchema) },
  responses: { 200: jsonOf(OpinionSubmittedSchema), 400: jsonOf(FieldErrorSchema, '表单有误（fields 按字段说明）'), 403: errors[403], 429: tooMany },
});

const opinionStatus = createRoute({
  method: 'post',
  path: '/api/opinions/{refNo}/status',
  tags: OPINIONS,
  summary: '凭查询码查看意见和答复（公开）(the opinion and its answer, by query code)',
  description: '查询码放在请求正文中，不出现在地址里。编号不存在与查询码错误的答复完全相同。',
  request: { params: z.object({ refNo: z.string().max(100).openapi({ param: { name: 'refNo', in: 'path' }, example: 'yl-YJ-2026-0001' }) }), body: jsonBody(z.object({ code: text(40) })) },
  responses: { 200: jsonOf(OpinionViewSchema), 400: errors[400], 403: errors[403], 404: errors[404] },
});

const listOpinions = createRoute({
  method: 'get',
  path: '/api/bodies/{bodyId}/opinions',
  tags: OPINIONS,
  summary: '本机关收到的意见（经办人、审核人、管理员）(the body\'s opinions)',
  request: { params: BodyParam, query: z.object({ status: z.enum(['open', 'answered']).optional(), year: z.coerce.number().int().min(2000).max(2100).optional() }) },
  responses: { 200: jsonOf(OpinionListSchema), 401: errors[401], 403: errors[403], 404: errors[404] },
});

const answerOpinion = createRoute({
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

const figures = createRoute({
  method: 'get',
  path: '/api/bodies/{bodyId}/opinions/figures',
  tags: OPINIONS,
  summary: '某年度收到和答复意见的件数与答复用时，及年度报告“监督保障”的参考表述 (the year\'s figures)',
  request: { params: BodyParam, query: z.object({ year: z.coerce.number().int().min(2000).max(2100) }) },
  responses: { 200: jsonOf(FiguresSchema), 401: errors[401], 403: errors[403], 404: errors[404] },
});

// ---------------------------------------------------------------------------------------------
// Helpers


/** A stored media type (with parameters such as charset) only when well formed: it goes into a header. */
const MEDIA_TYPE = /^[\w.+-]+\/[\w.+-]+(\s*;\s*[\w.+-]+=("[^"\r\n]*"|[\w.+-]+))*$/;
const safeMediaType = (t: string) => (MEDIA_TYPE.test(t.trim()) ? t.trim() : 'application/octet-stream');


interface BodyRef {
  id: string;
  name: string;
  level: BodyLevel;
  levelLabel: string;
}

async function bodyOf(deps: AppDeps, bodyId: string): Promise<BodyRef | null> {
  const row = (await deps.db.query<{ id: string; name: string; level: BodyLevel }>('SELECT id, name, level FROM bodies WHERE id = $1', [bodyId]))[0];
  return row ? { ...row, levelLabel: BODY_LEVEL_LABELS[row.level] } : null;
}

/** The guide may be edited by the body's officer and by an administrator. */
const canEditGuide = (u: SessionUser | null, bodyId: string): boolean => !!u && (canWriteRegister(u, bodyId) || isAdmin(u));

/** An opinion as a reader sees it: name and contact in full only for the body's officer. */
function opinionView(o: OpinionRecord, personal: boolean): z.infer<typeof OpinionViewSchema> {
  return {
    refNo: o.refNo,
    bodyId: o.bodyId,
    bodyName: o.bodyName,
    kind: o.kind,
    kindLabel: opinionKindLabel(o.kind),
    subject: o.subject,
    text: o.text,
    name: personal ? o.name : maskName(o.name),
    contact: personal ? o.contact : (maskContact(o.contact ?? undefined) ?? null),
    receivedOn: o.receivedOn,
    answer: o.answer,
    answeredOn: o.answeredOn,
  };
}

// ---------------------------------------------------------------------------------------------

export const cataloguePublicRoutes: RouteModule = (app, deps) => {
  const catalogue = new CatalogueSearch(deps.db);
  const opinions = new OpinionStore(deps.db);
  const limiter = new RateLimiter(deps.config.publicRateLimit.max, deps.config.publicRateLimit.windowMs);

  /** The published item behind an id or an index number, or the one 404. */
  async function publishedItemId(idOrIndexNo: string): Promise<number> {
    const id = /^\d{1,15}$/.test(idOrIndexNo) ? Number(idOrIndexNo) : await catalogue.idOfIndexNo(idOrIndexNo);
    if (id === null) throw new ApiError(404, ITEM_NOT_FOUND);
    return id;
  }

  app.openapi(options, (c) => c.json({ topics: [...TOPICS], types: [...DOC_TYPES], pageSize: PAGE_SIZE, countCap: COUNT_CAP, maxPage: MAX_PAGE }, 200));

  app.openapi(search, async (c) => {
    let query;
    try {
      query = parseCatalogueQuery(c.req.valid('query'));
    } catch (error) {
      if (error instanceof QueryError) throw new ApiError(400, error.message);
      throw error;
    }
    const result = await catalogue.search(query);
    const pages = result.total === null ? null : Math.min(MAX_PAGE, Math.ceil(result.total / PAGE_SIZE));
    const hasMore = result.hasMore && query.page < MAX_PAGE;
    return c.json({ ...result, hasMore, page: query.page, pages, pageSize: PAGE_SIZE, terms: query.terms }, 200);
  });

  app.openapi(item, async (c) => {
    const found = await catalogue.item(await publishedItemId(c.req.valid('param').id));
    if (!found) throw new ApiError(404, ITEM_NOT_FOUND);
    return c.json(found, 200);
  });

  app.openapi(attachmentRoute, async (c) => {
    const { id, attachmentId } = c.req.valid('param');
    const file = await catalogue.attachment(await publishedItemId(id), attachmentId);
    if (!file) throw new ApiError(404, '没有找到该附件：它不存在，或者所属信息尚未公开 (not found)');
    return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
      'content-type': safeMediaType(file.mediaType),
      'content-disposition': attachment(file.fileName),
      'x-content-type-options': 'nosniff',
      'content-security-policy': 'sandbox',
      // Public, but it must disappear with its item if the item is withdrawn.
      'cache-control': 'no-cache',
    });
  });

  // -------------------------------------------------------------------------------------------
  // Guide

  async function guideOf(c: Context<AppEnv>, bodyId: string) {
    const body = await bodyOf(deps, bodyId);
    if (!body) throw notFound('机关');
    const settings = cleanGuideSettings(await opinions.guide(bodyId));
    return { body, settings, guide: guideDocument(body, settings), canEdit: canEditGuide(c.get('user'), bodyId) };
  }

  app.openapi(getGuide, async (c) => c.json(await guideOf(c, c.req.valid('param').bodyId), 200));

  app.openapi(putGuide, async (c) => {
    const { bodyId } = c.req.valid('param');
    const user = requireUser(c);
    if (!canEditGuide(user, bodyId)) throw forbidden('只有本机关的经办人或管理员可以修改指南设置');
    if (!(await bodyOf(deps, bodyId))) throw notFound('机关');
    const input = c.req.valid('json') as GuideSettings;
    const fields = checkGuideSettings(input);
    if (Object.keys(fields).length > 0) {
      return c.json({ error: `指南设置有 ${Object.keys(fields).length} 处需要修改：${Object.values(fields).join('；')}`, fields: fields as Record<string, string> }, 400);
    }
    await opinions.saveGuide(bodyId, cleanGuideSettings(input), actorOf(user));
    return c.json(await guideOf(c, bodyId), 200);
  });

  // -------------------------------------------------------------------------------------------
  // Opinions

  app.openapi(submitOpinion, async (c) => {
    const refused = refusedByLimit(limiter, c);
    if (refused) return refused;
    const input = c.req.valid('json');
    const fields: Record<string, string> = { ...checkOpinionInput(input) };
    const body = fields.bodyId ? null : await bodyOf(deps, input.bodyId.trim());
    if (!fields.bodyId && !body) fields.bodyId = '所选机关不存在，请重新选择';
    if (Object.keys(fields).length > 0 || !body) {
      return c.json({ error: `表单有 ${Object.keys(fields).length} 处需要修改：${Object.values(fields).join('；')}`, fields }, 400);
    }
    const receivedOn = deps.today();
    const { refNo, code } = await opinions.add(
      {
        bodyId: body.id,
        kind: input.kind as OpinionKind,
        subject: input.subject.trim(),
        text: input.text.trim(),
        name: input.name?.trim() || undefined,
        contact: input.contact?.trim() || undefined,
      },
      receivedOn,
      `public:${c.get('clientId')}`,
    );
    return c.json({ refNo, queryCode: formatQueryCode(code), bodyName: body.name, receivedOn }, 200);
  });

  app.openapi(opinionStatus, async (c) => {
    const { code } = c.req.valid('json');
    const found = queryCodeProblem(code) ? null : await opinions.lookup(c.req.valid('param').refNo, code);
    if (!found) throw new ApiError(404, OPINION_NOT_FOUND);
    // The writer sees their own words; name and contact stay masked like the application status page.
    return c.json(opinionView(found, false), 200);
  });

  /** The signed-in user who may read the body's opinions, and the body. */
  async function reader(c: Context<AppEnv>, bodyId: string): Promise<{ user: SessionUser; body: BodyRef }> {
    const user = requireUser(c);
    if (!canReadRegister(user, bodyId)) throw forbidden('您不能查看该机关收到的意见');
    const body = await bodyOf(deps, bodyId);
    if (!body) throw notFound('机关');
    return { user, body };
  }

  async function officerView(o: OpinionRecord, personal: boolean): Promise<z.infer<typeof OfficerOpinionSchema>> {
    const calendar = await deps.calendar();
    return { ...opinionView(o, personal), state: o.answer === null ? 'open' : 'answered', days: workingDaysTaken(calendar, o.receivedOn, o.answeredOn ?? deps.today()) };
  }

  app.openapi(listOpinions, async (c) => {
    const { bodyId } = c.req.valid('param');
    const { user, body } = await reader(c, bodyId);
    const personal = canSeePersonalData(user, bodyId);
    const rows = await opinions.list(bodyId, c.req.valid('query'));
    const views = await Promise.all(rows.map((o) => officerView(o, personal)));
    return c.json({ body, canAnswer: canWriteRegister(user, bodyId), personal, today: deps.today(), opinions: views }, 200);
  });

  app.openapi(answerOpinion, async (c) => {
    const { bodyId, refNo } = c.req.valid('param');
    const { user } = await reader(c, bodyId);
    if (!canWriteRegister(user, bodyId)) throw forbidden('只有本机关的经办人可以答复意见');
    const { text: answer } = c.req.valid('json');
    const problem = answerProblem(answer);
    if (problem) throw new ApiError(400, problem);
    const after = await opinions.answer(bodyId, refNo, answer.trim(), deps.today(), actorOf(user));
    if (!after) throw notFound('意见');
    return c.json(await officerView(after, canSeePersonalData(user, bodyId)), 200);
  });

  app.openapi(figures, async (c) => {
    const { bodyId } = c.req.valid('param');
    const user = requireUser(c);
    if (!canSeeBody(user, bodyId)) throw forbidden('您不能查看该机关的统计');
    const body = await bodyOf(deps, bodyId);
    if (!body) throw notFound('机关');
    const { year } = c.req.valid('query');
    const result = opinionFigures(await opinions.facts(bodyId, year), year, await deps.calendar());
    return c.json({ body, ...result }, 200);
  });
};
