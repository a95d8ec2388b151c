/**
 * The HTTP contract of the public catalogue and the guide (公开目录、公开指南): search, item pages
 * and downloads of published items, the body's guide and its settings. The opinion box's contract
 * is in src/api/opinions.ts and shares the body reference from here.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { GUIDE_CHANNEL_FIELDS, GUIDE_TEXT_FIELDS, type GuideChannelKey, type GuideTextKey } from '../catalogue/guide.js';
import { COUNT_CAP, MAX_PAGE, PAGE_SIZE } from '../catalogue/query.js';
import { VALIDITY_STATES } from '../catalogue/validity.js';
import { BODY_LEVELS } from '../register/bodies.js';
import { errors, FieldErrorSchema, IsoDate, jsonBody, jsonOf, text } from './common.js';
import { EditVersion, StoredVersion } from './versions.js';

const CATALOGUE = ['公开目录 catalogue'];
const GUIDE = ['公开指南 guide'];

// ---------------------------------------------------------------------------------------------
// Schemas


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

export const ItemSummarySchema = z
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
    ruleKind: z.enum(['regulations', 'normativeDocuments']).nullable(),
    effectiveOn: IsoDate.nullable().openapi({ description: '施行日期' }),
    expiresOn: IsoDate.nullable().openapi({ description: '有效期至' }),
    amendedOn: IsoDate.nullable().openapi({ description: '修改日期' }),
    repealedOn: IsoDate.nullable().openapi({ description: '废止日期' }),
    validity: z
      .object({ state: z.enum(VALIDITY_STATES), label: z.string(), note: z.string() })
      .nullable()
      .openapi({ description: '规章、行政规范性文件今天的效力状态：尚未施行、现行有效、已修改、已废止、已失效；其他信息为 null' }),
    reportYear: z.number().int().optional().openapi({ description: '年度报告所属年度' }),
  })
  .openapi('CatalogueItemSummary');

export const SearchResultSchema = z
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

export const ItemSchema = ItemSummarySchema.extend({
  content: z.string(),
  channels: z.array(z.string()),
  revoked: z.object({ on: IsoDate, reason: z.string() }).nullable().openapi({ description: '已撤销：撤销日期和理由（正文和附件不再公开）' }),
  attachments: z.array(z.object({ id: z.number().int(), fileName: z.string(), mediaType: z.string(), size: z.number().int() })),
  interpretations: z.array(LinkSchema),
  interprets: LinkSchema.nullable(),
}).openapi('CatalogueItem');

export const OptionsSchema = z
  .object({ topics: z.array(z.string()), types: z.array(z.string()), pageSize: z.number().int(), countCap: z.number().int(), maxPage: z.number().int() })
  .openapi('CatalogueOptions');

const ItemParam = z.object({ id: z.string().min(1).max(200).openapi({ param: { name: 'id', in: 'path' }, description: '条目编号，或索引号', example: '42' }) });
const AttachmentParam = ItemParam.extend({ attachmentId: z.coerce.number().int().min(1).openapi({ param: { name: 'attachmentId', in: 'path' } }) });
export const BodyParam = z.object({ bodyId: z.string().min(1).max(60).openapi({ param: { name: 'bodyId', in: 'path' }, example: 'yl' }) });

export const BodyRefSchema = z.object({ id: z.string(), name: z.string(), level: z.enum(BODY_LEVELS), levelLabel: z.string() });

const guideShape = {
  ...(Object.fromEntries(GUIDE_TEXT_FIELDS.map((f) => [f.key, z.string().max(f.max + 50).optional()])) as Record<GuideTextKey, z.ZodOptional<z.ZodString>>),
  ...(Object.fromEntries(GUIDE_CHANNEL_FIELDS.map((f) => [f.key, z.boolean().optional()])) as Record<GuideChannelKey, z.ZodOptional<z.ZodBoolean>>),
};
const GuideSettingsSchema = z.object(guideShape).openapi('GuideSettings');

export const GuidePartSchema = z.object({
  heading: z.string().optional(),
  paragraphs: z.array(z.string()),
  facts: z.array(z.tuple([z.string(), z.string()])).optional(),
  links: z.array(z.object({ text: z.string(), href: z.string() })).optional(),
});
export const GuideSchema = z
  .object({
    body: BodyRefSchema,
    settings: GuideSettingsSchema,
    version: StoredVersion,
    guide: z.object({ title: z.string(), intro: z.array(z.string()), sections: z.array(z.object({ heading: z.string(), parts: z.array(GuidePartSchema) })), missing: z.array(z.string()) }),
    canEdit: z.boolean(),
  })
  .openapi('Guide');

// ---------------------------------------------------------------------------------------------
// Routes: catalogue

export const options = createRoute({
  method: 'get',
  path: '/api/catalogue/options',
  tags: CATALOGUE,
  summary: '目录的主题分类、文件类型和分页设置（公开）(filter choices)',
  responses: { 200: jsonOf(OptionsSchema) },
});

export const search = createRoute({
  method: 'get',
  path: '/api/catalogue/items',
  tags: CATALOGUE,
  summary: '检索已公开的政府信息（公开）(search the published catalogue)',
  description: `按关键词（中文按字检索，不需分词）、索引号、文号、主题分类、文件类型、发布机关、发布日期检索，按发布日期从新到旧，每页 ${PAGE_SIZE} 条。结果超过 ${COUNT_CAP} 条或检索词很常见时不给出条数（total 为 null），最多列 ${MAX_PAGE} 页。`,
  request: { query: SearchQuery },
  responses: { 200: jsonOf(SearchResultSchema), 400: errors[400] },
});

export const item = createRoute({
  method: 'get',
  path: '/api/catalogue/items/{id}',
  tags: CATALOGUE,
  summary: '一条已公开的政府信息（公开）(a published item, by id or index number)',
  description: '编号永不改变。已撤销的条目仍有页面，给出撤销日期和理由（不再给出正文和附件）；尚未公开或被退回的条目与不存在的编号答复相同（404）。',
  request: { params: ItemParam },
  responses: { 200: jsonOf(ItemSchema), 404: errors[404] },
});

export const attachmentRoute = createRoute({
  method: 'get',
  path: '/files/catalogue/items/{id}/attachments/{attachmentId}',
  tags: CATALOGUE,
  summary: '下载已公开条目的附件（公开）(download an attachment)',
  request: { params: AttachmentParam },
  responses: { 200: { description: '附件（Content-Disposition 给出文件名）', content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } } }, 404: errors[404] },
});

// Routes: guide

export const getGuide = createRoute({
  method: 'get',
  path: '/api/bodies/{bodyId}/guide',
  tags: GUIDE,
  summary: '机关的政府信息公开指南（公开）(the body\'s guide)',
  request: { params: BodyParam },
  responses: { 200: jsonOf(GuideSchema), 404: errors[404] },
});

export const putGuide = createRoute({
  method: 'put',
  path: '/api/bodies/{bodyId}/guide',
  tags: GUIDE,
  summary: '修改指南中的机构、地址、电话等设置（本机关经办人或管理员）(edit the guide settings)',
  request: { params: BodyParam, body: jsonBody(GuideSettingsSchema.extend({ version: EditVersion }).openapi('GuideSettingsInput')) },
  responses: { 200: jsonOf(GuideSchema), 400: jsonOf(FieldErrorSchema, '设置有误（fields 按字段说明）'), 401: errors[401], 403: errors[403], 404: errors[404], 409: errors[409] },
});
