/**
 * The indicators, their HTTP contract: the definitions (public), the bodies × indicators table of
 * a region and year within the supervisor's scope, its Excel export, and a region's red/yellow
 * thresholds. The server validates with these schemas; the browser takes its types from them.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { BODY_LEVELS } from '../register/bodies.js';
import { errors, jsonBody, jsonOf, Year } from './common.js';

const TAGS = ['指标 indicators'];
const Num = z.number().nullable();
const Flag = z.enum(['red', 'yellow']).nullable();
const ThresholdsSchema = z.object({ yellow: z.number(), red: z.number() });

export const DefinitionSchema = z
  .object({
    key: z.string(), name: z.string(), unit: z.string(), kind: z.enum(['count', 'rate', 'amount']),
    formula: z.string().openapi({ description: '计算方法（文字）' }), numerator: z.string(), denominator: z.string().nullable(),
    minDenominator: z.number().int().nullable().openapi({ description: '比率：分母达到此数才参与预警、排名和分布' }),
    direction: z.string().nullable(), defaultThresholds: z.string().nullable(), note: z.string().nullable(),
  })
  .openapi('IndicatorDefinition');

const CellSchema = z.object({
  value: Num, numerator: Num, denominator: Num,
  reason: z.string().nullable().openapi({ description: '为何为空，或为何不作评判（分母过小）' }),
  judged: z.boolean(), flag: Flag, rank: z.number().int().nullable(),
  change: Num.openapi({ description: '与上年相比的变化（比率为百分点）' }),
  vsMedian: Num.openapi({ description: '与地区中位数之差' }),
});

const RegionValueSchema = z.object({ value: Num, numerator: Num, denominator: Num, counted: z.number().int(), missing: z.number().int() });
const DistributionSchema = z
  .object({ n: z.number().int(), min: z.number(), p10: z.number(), p25: z.number(), median: z.number(), p75: z.number(), p90: z.number(), max: z.number() })
  .nullable();

export const IndicatorTableSchema = z
  .object({
    year: z.number().int(),
    years: z.array(z.number().int()),
    region: z.object({ code: z.string(), name: z.string() }).nullable().openapi({ description: '本表所属地区（其预警阈值适用）；未选地区时为监督范围共同所属的地区' }),
    regionChosen: z.string().nullable(),
    regions: z.array(z.object({ code: z.string(), name: z.string(), depth: z.number().int() })),
    canSetThresholds: z.boolean(),
    indicators: z.array(
      z.object({
        key: z.string(), name: z.string(), unit: z.string(), kind: z.enum(['count', 'rate', 'amount']),
        direction: z.enum(['higherWorse', 'lowerWorse']).nullable(), minDenominator: z.number().int().nullable(),
        thresholds: ThresholdsSchema.nullable(), thresholdWords: z.string(),
        setBy: z.object({ code: z.string(), name: z.string() }).nullable().openapi({ description: '设定该阈值的地区；null 为默认值' }),
      }),
    ),
    bodies: z.array(
      z.object({
        id: z.string(), name: z.string(), level: z.enum(BODY_LEVELS), levelLabel: z.string(), regionName: z.string().nullable(),
        reported: z.boolean(), red: z.number().int(), yellow: z.number().int(), cells: z.record(z.string(), CellSchema),
      }),
    ),
    totals: z.record(z.string(), RegionValueSchema).openapi({ description: '地区合计：计数为已知值之和；比率为分子之和÷分母之和' }),
    distribution: z.record(z.string(), DistributionSchema).openapi({ description: '参与评判的机关的分布（线性插值百分位数）' }),
    subregions: z
      .array(z.object({ code: z.string(), name: z.string(), bodies: z.number().int(), reported: z.number().int(), totals: z.record(z.string(), RegionValueSchema) }))
      .openapi({ description: '本地区的各下级地区（只含有您监督的机关的）：合计方法同地区合计' }),
  })
  .openapi('IndicatorTable');

const TableQuery = z.object({
  year: Year.optional(),
  region: z.string().regex(/^\d{6,12}$/, '行政区划代码应为数字').optional(),
});

export const definitions = createRoute({
  method: 'get',
  path: '/api/indicators/definitions',
  tags: TAGS,
  summary: '全部指标的定义：名称、计算方法、单位、最小分母、默认预警阈值 (definitions, public)',
  responses: { 200: jsonOf(z.array(DefinitionSchema)) },
});

export const table = createRoute({
  method: 'get',
  path: '/api/supervisor/indicators',
  tags: TAGS,
  summary: '某地区（或整个监督范围）各机关某年度的指标：预警、排名、与上年比、地区合计与分布 (bodies × indicators)',
  request: { query: TableQuery },
  responses: { 200: jsonOf(IndicatorTableSchema), 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404] },
});

export const exportXlsx = createRoute({
  method: 'get',
  path: '/api/supervisor/indicators.xlsx',
  tags: TAGS,
  summary: '指标表导出为 Excel（含地区合计、中位数、P10–P90 和指标定义）(Excel export)',
  request: { query: TableQuery },
  responses: {
    200: { description: 'Excel 文件', content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string().openapi({ format: 'binary' }) } } },
    400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404],
  },
});

export const setThresholds = createRoute({
  method: 'put',
  path: '/api/supervisor/indicators/thresholds',
  tags: TAGS,
  summary: '设定（或清除）某地区某指标的红色、黄色预警阈值；下级地区未自行设定的沿用 (thresholds per region)',
  request: {
    body: jsonBody(
      z.object({
        region: z.string().regex(/^\d{6,12}$/, '行政区划代码应为数字'),
        indicator: z.string().max(60),
        thresholds: ThresholdsSchema.nullable().openapi({ description: 'null：清除本地区的设定，沿用上级地区或默认值' }),
        year: Year.optional(),
      }),
    ),
  },
  responses: { 200: jsonOf(IndicatorTableSchema), 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404] },
});
