/**
 * The supervisor's analysis, its HTTP contract: the bodies in scope, the rollup of selected
 * bodies (and its files), figures per body and year for the charts, the Excel export. The server
 * validates with these schemas; the browser takes its types from them.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { OUTCOME_KINDS } from '../corpus/series.js';
import { errors, jsonBody, jsonOf } from './common.js';
import { GridCellSchema } from './supervisor.js';

const TAGS = ['分析 analysis'];
const BodyKey = z.string().regex(/^(?:[\w-]{1,40}|u:[0-9a-f]{12})$/, '机关编号格式不对').openapi({ example: 'yl' });
/** `bodies=a&bodies=b` or `bodies=a,b` (keys never contain a comma). */
const BodyKeys = z
  .preprocess((v) => (v === undefined ? undefined : (Array.isArray(v) ? v : [v]).flatMap((s) => String(s).split(',')).filter(Boolean)), z.array(BodyKey).max(2000))
  .openapi({ type: 'array', items: { type: 'string' }, description: '机关编号，可重复或以逗号分隔' });
const Year = z.coerce.number().int().min(2008).max(2100);

export const ScopedBodySchema = z
  .object({
    key: z.string(),
    bodyId: z.string().nullable(),
    name: z.string(),
    level: z.string().nullable(),
    levelLabel: z.string(),
    region: z.string().nullable(),
    years: z.array(z.number().int()),
  })
  .openapi('AnalysisBody');

const FindingSchema = z
  .object({ code: z.string(), severity: z.enum(['error', 'warning', 'info']), message: z.string(), at: z.string(), expected: z.unknown(), found: z.unknown() })
  .passthrough();

export const RollupSchema = z
  .object({
    area: z.string(),
    year: z.number().int(),
    template: z.enum(['2019', '2021']),
    included: z.array(z.string()),
    missing: z.array(z.string()),
    refused: z.array(z.object({ unit: z.string().nullable(), reason: z.string() })),
    sources: z.array(
      z.object({
        key: z.string(),
        name: z.string(),
        unit: z.string().nullable(),
        reportId: z.number().int().nullable(),
        template: z.enum(['2019', '2021']).nullable(),
        status: z.enum(['included', 'refused', 'missing']),
        reason: z.string().nullable(),
      }),
    ),
    report: z.record(z.string(), z.unknown()).openapi({ description: '汇总结果的标准模型 gongkai.report/v1' }),
    tables: z.array(z.object({ no: z.number().int(), caption: z.string(), widths: z.array(z.number()), grid: z.array(z.array(GridCellSchema)) })),
    findings: z.array(FindingSchema),
  })
  .openapi('Rollup');

const RollupRequest = z.object({ year: Year, bodies: z.array(BodyKey).min(1, '请至少选择一个机关').max(2000), area: z.string().max(100).optional() });

const Cell = z.number().nullable();
export const PointSchema = z
  .object({
    key: z.string(),
    name: z.string(),
    year: z.number().int(),
    template: z.enum(['2019', '2021']),
    reportId: z.number().int(),
    newReceived: Cell,
    carriedOver: Cell,
    handled: Cell,
    carriedForward: Cell,
    outcomes: z.record(z.enum(OUTCOME_KINDS), Cell),
    reconsideration: Cell,
    litigation: Cell,
    errors: z.number().int(),
    warnings: z.number().int(),
  })
  .openapi('SeriesPoint');

export const SeriesSchema = z.object({
  bodies: z.array(ScopedBodySchema),
  years: z.array(z.number().int()),
  outcomeKinds: z.array(z.object({ key: z.enum(OUTCOME_KINDS), label: z.string() })),
  points: z.array(PointSchema),
});

export const listBodies = createRoute({
  method: 'get',
  path: '/api/supervisor/analysis/bodies',
  tags: TAGS,
  summary: '监督范围内的机关及其已上传报告的年度 (bodies in scope, with the years of their reports)',
  responses: { 200: jsonOf(z.array(ScopedBodySchema)), 401: errors[401], 403: errors[403] },
});

export const postRollup = createRoute({
  method: 'post',
  path: '/api/supervisor/rollup',
  tags: TAGS,
  summary: '把所选机关某年度的报告汇总为地区的表二、表三、表四 (roll up the selected bodies)',
  request: { body: jsonBody(RollupRequest) },
  responses: { 200: jsonOf(RollupSchema), 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404] },
});

const downloadQuery = z.object({ year: Year, bodies: BodyKeys, area: z.string().max(100).optional() });
const binary = (type: string, description: string) => ({ description, content: { [type]: { schema: z.string().openapi({ format: 'binary' }) } } });

const DOWNLOADS = {
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

export const rollupFile = (format: keyof typeof DOWNLOADS) =>
  createRoute({
    method: 'get',
    path: `/api/supervisor/rollup.${format}`,
    tags: TAGS,
    summary: `汇总结果按官方版式下载（${format === 'html' ? 'HTML' : 'Word'}），附检查发现 (the rollup in the official layout)`,
    request: { query: downloadQuery },
    responses: { 200: binary(DOWNLOADS[format], '文件'), 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404] },
  });

export const getSeries = createRoute({
  method: 'get',
  path: '/api/supervisor/series',
  tags: TAGS,
  summary: '各机关各年度的申请数、办理结果、结转和复议诉讼数（图表用）(figures per body and year)',
  request: { query: z.object({ bodies: BodyKeys.optional(), from: Year.optional(), to: Year.optional() }) },
  responses: {
    200: jsonOf(SeriesSchema),
    400: errors[400],
    401: errors[401],
    403: errors[403],
    404: errors[404],
  },
});

export const exportXlsx = createRoute({
  method: 'get',
  path: '/api/supervisor/export.xlsx',
  tags: TAGS,
  summary: '所选机关某年度报告导出为 Excel：机关、表二、表三、表四各一张表（每个机关一行）和检查发现 (Excel export)',
  request: { query: z.object({ year: Year, bodies: BodyKeys }) },
  responses: {
    200: binary('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Excel 文件'),
    400: errors[400],
    401: errors[401],
    403: errors[403],
    404: errors[404],
  },
});
