/**
 * A body's page on the supervisor's desk, the 年度报告质量评估 of a body or a region, and the
 * public region page of reports (opt-in per region) with the region's clean data — their HTTP
 * contract. The server validates with these schemas; the browser takes its types from them.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { BODY_LEVELS } from '../register/bodies.js';
import { errors, jsonBody, jsonOf, Year } from './common.js';
import { IssueSchema } from './findings-work.js';
import { GridCellSchema } from './supervisor.js';

const TAGS = ['监督 supervisor'];
const PUBLIC_TAGS = ['公众 public'];
const Num = z.number().nullable();
const RegionCode = z.string().regex(/^\d{6,12}$/, '行政区划代码应为数字');

const SegmentSchema = z.object({ text: z.string(), shared: z.boolean().openapi({ description: '与另一年度相同的段落（高亮）' }) });
const NarrativeSectionSchema = z.object({ no: z.number().int(), title: z.string(), segments: z.array(SegmentSchema) });

const YearSchema = z.object({
  year: z.number().int(), reportId: z.number().int(), fileName: z.string(), publishedOn: z.string().nullable(), template: z.string().nullable(),
  error: z.string().nullable(), version: z.number().int(), corrected: z.number().int().openapi({ description: '已更正（未撤销）的单元格数' }),
  tables: z.array(z.object({ no: z.number().int(), caption: z.string(), grid: z.array(z.array(GridCellSchema)) })),
  previousYear: z.number().int().nullable().openapi({ description: '作比较的上一年度（该年报告可读时）' }),
  changes: z.array(z.object({ path: z.string(), place: z.string(), before: Num, after: Num, delta: Num })).openapi({ description: '与上年相比变化的单元格' }),
  narrative: z
    .object({
      score: z.number().openapi({ description: '内容雷同的相似度（0–1，与 SIM.DUPLICATE 同一算法）' }),
      coverage: z.object({ current: z.number(), previous: z.number() }),
      current: z.array(NarrativeSectionSchema), previous: z.array(NarrativeSectionSchema),
    })
    .nullable(),
  findings: z.array(IssueSchema),
});

const IndicatorRowSchema = z.object({
  key: z.string(), name: z.string(), unit: z.string(), kind: z.enum(['count', 'rate', 'amount']), value: Num, judged: z.boolean(), reason: z.string().nullable(),
  flag: z.enum(['red', 'yellow']).nullable(), rank: z.number().int().nullable(), change: Num, vsMedian: Num, regionValue: Num,
  median: Num, p10: Num, p90: Num, n: z.number().int(), thresholdWords: z.string(),
});

export const BodyPageSchema = z
  .object({
    body: z.object({
      id: z.string(), name: z.string(), level: z.enum(BODY_LEVELS), levelLabel: z.string(), regionCode: z.string().nullable(), regionName: z.string().nullable(),
      worksHere: z.boolean(), aliases: z.array(z.string()),
    }),
    years: z.array(YearSchema),
    otherFindings: z.array(IssueSchema),
    indicators: z
      .object({
        year: z.number().int(), region: z.object({ code: z.string(), name: z.string() }).nullable(), bodies: z.number().int(),
        rows: z.array(IndicatorRowSchema),
      })
      .nullable()
      .openapi({ description: '最新年度的指标与所在地区（县级及以上）中位数、P10–P90 的比较' }),
  })
  .openapi('BodyPage');

export const bodyPage = createRoute({
  method: 'get', path: '/api/supervisor/bodies/{id}', tags: TAGS,
  summary: '机关页：各年度表格并列（标出与上年的变化）、正文与上年的雷同段落、各年度问题及状态、指标与地区中位数 (a body’s page)',
  request: { params: z.object({ id: z.string().min(1).max(60) }) },
  responses: { 200: jsonOf(BodyPageSchema), 401: errors[401], 403: errors[403], 404: errors[404] },
});

const AssessmentQuery = z.object({ year: Year, format: z.enum(['html', 'docx']).default('docx') });
const fileResponses = {
  200: {
    description: 'HTML 页面（可打印）或 Word 文件',
    content: {
      'text/html': { schema: z.string() },
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { schema: z.string().openapi({ format: 'binary' }) },
    },
  },
  400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404],
};

export const bodyAssessment = createRoute({
  method: 'get', path: '/api/supervisor/bodies/{id}/assessment', tags: TAGS,
  summary: '机关的年度报告质量评估（HTML 或 Word），按检查发现和指标逐项写成，不调用模型 (a body’s quality assessment)',
  request: { params: z.object({ id: z.string().min(1).max(60) }), query: AssessmentQuery },
  responses: fileResponses,
});

export const regionAssessment = createRoute({
  method: 'get', path: '/api/supervisor/regions/{code}/assessment', tags: TAGS,
  summary: '地区的年度报告质量评估（HTML 或 Word）：合计、问题较多的机关排名等 (a region’s quality assessment)',
  request: { params: z.object({ code: RegionCode }), query: AssessmentQuery },
  responses: fileResponses,
});

export const RegionSettingsSchema = z
  .object({
    regions: z.array(
      z.object({
        code: z.string(), name: z.string(), depth: z.number().int(), public: z.boolean().openapi({ description: '公开页是否已开通' }),
        canSet: z.boolean().openapi({ description: '本人可否开通或关闭（管理员，或监督该地区全部机关的监督者）' }),
        bodies: z.array(z.object({ id: z.string(), name: z.string() })).openapi({ description: '监督范围内直属该地区的机关' }),
      }),
    ),
  })
  .openapi('RegionSettings');

export const regionSettings = createRoute({
  method: 'get', path: '/api/supervisor/regions', tags: TAGS,
  summary: '监督范围内的地区：公开页是否开通、本人可否设置 (regions of the scope)',
  responses: { 200: jsonOf(RegionSettingsSchema), 401: errors[401], 403: errors[403] },
});

export const setRegionPublic = createRoute({
  method: 'put', path: '/api/supervisor/regions/{code}/public', tags: TAGS,
  summary: '开通或关闭地区的年度报告公开页 (switch a region’s public page)',
  request: { params: z.object({ code: RegionCode }), body: jsonBody(z.object({ on: z.boolean() })) },
  responses: { 200: jsonOf(RegionSettingsSchema), 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404] },
});

export const PublicRegionSchema = z
  .object({
    region: z.object({ code: z.string(), name: z.string() }),
    year: z.number().int(),
    years: z.array(z.number().int()),
    totals: z.object({ bodies: z.number().int(), published: z.number().int(), late: z.number().int(), missing: z.number().int(), withErrors: z.number().int() }),
    bodies: z.array(
      z.object({
        id: z.string(), name: z.string(), levelLabel: z.string(), regionName: z.string().nullable(),
        status: z.enum(['onTime', 'late', 'excused', 'undated', 'unreadable', 'missing']), statusLabel: z.string(),
        publishedOn: z.string().nullable(), errors: z.number().int().nullable(), warnings: z.number().int().nullable(),
      }),
    ),
  })
  .openapi('PublicRegionReports');

const PublicParams = z.object({ code: RegionCode });
const PublicQuery = z.object({ year: Year.optional() });

export const publicRegion = createRoute({
  method: 'get', path: '/api/public/regions/{code}/reports', tags: PUBLIC_TAGS,
  summary: '地区各机关某年度的年度报告：发布日期、是否按时、错误数，未发布的列为“未发布”（地区开通后公开）(a region’s reports, public)',
  request: { params: PublicParams, query: PublicQuery },
  responses: { 200: jsonOf(PublicRegionSchema), 400: errors[400], 404: errors[404] },
});

export const publicRegionCsv = createRoute({
  method: 'get', path: '/api/public/regions/{code}/data.csv', tags: PUBLIC_TAGS,
  summary: '地区某年度各机关报告的表格数据（更正后），每个单元格一行，键名同标准模型 (clean data, CSV)',
  request: { params: PublicParams, query: PublicQuery },
  responses: { 200: { description: 'CSV（UTF-8）', content: { 'text/csv': { schema: z.string() } } }, 400: errors[400], 404: errors[404] },
});

export const publicRegionJson = createRoute({
  method: 'get', path: '/api/public/regions/{code}/data.json', tags: PUBLIC_TAGS,
  summary: '地区某年度各机关报告的表格数据（更正后），键名同标准模型 (clean data, JSON)',
  request: { params: PublicParams, query: PublicQuery },
  responses: { 200: { description: 'JSON 文件（gongkai.region-reports/v1：地区、年度、各机关报告的 proactive、applications、appeals）' }, 400: errors[400], 404: errors[404] },
});

export const PublicRegionListSchema = z.object({ regions: z.array(z.object({ code: z.string(), name: z.string() })) }).openapi('PublicRegionList');

export const publicRegionList = createRoute({
  method: 'get', path: '/api/public/regions', tags: PUBLIC_TAGS,
  summary: '已开通年度报告公开页的地区 (regions with a public page)',
  responses: { 200: jsonOf(PublicRegionListSchema) },
});
