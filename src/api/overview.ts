/**
 * The region overview, its HTTP contract: a region's totals for a year and the lines below it
 * (to drill down), the bodies × years table of the region — filtered, sorted, paged — and its
 * Excel export. The server validates with these schemas; the browser takes its types from them.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { SORT_DIRECTIONS, STATUS_FILTERS } from '../directory/overview.js';
import { BODY_LEVELS } from '../register/bodies.js';
import { errors, jsonOf, Year } from './common.js';

const TAGS = ['监督 supervisor'];

const TotalsSchema = z
  .object({
    bodies: z.number().int(), reported: z.number().int().openapi({ description: '有该年度报告的机关（含逾期、无法读取）' }),
    late: z.number().int(), missing: z.number().int(), unreadable: z.number().int(),
    withErrors: z.number().int().openapi({ description: '该年度报告有错误的机关' }),
  })
  .openapi('OverviewTotals');

export const RegionOverviewSchema = z
  .object({
    year: z.number().int(),
    years: z.array(z.number().int()),
    region: z.object({ code: z.string(), name: z.string(), level: z.string() }).nullable().openapi({ description: '所看的地区；null 为整个监督范围' }),
    trail: z.array(z.object({ code: z.string(), name: z.string() })).openapi({ description: '从监督范围的顶层到所看地区的各级地区' }),
    wholeScope: z.boolean().openapi({ description: '监督范围在地区之上还有一层（多个地区或地区外的机关）' }),
    totals: TotalsSchema,
    lines: z.array(
      z.object({
        kind: z.enum(['region', 'own', 'other']).openapi({ description: 'region 下级地区（含其下各级），own 本级机关，other 不在所列地区的机关' }),
        code: z.string().nullable(), name: z.string(), totals: TotalsSchema,
      }),
    ),
    unplaced: z
      .array(z.object({ id: z.number().int(), unit: z.string().nullable(), year: z.number().int().nullable(), fileName: z.string(), error: z.string().nullable(), errors: z.number().int(), warnings: z.number().int(), late: z.boolean(), similar: z.boolean() }))
      .openapi({ description: '未能归入表格的上传：机关或年度不明（机关不明的只有上传者本人可见）；只在监督范围的起始视图中列出' }),
  })
  .openapi('RegionOverview');

const CellReportSchema = z.object({
  id: z.number().int(), fileName: z.string(), error: z.string().nullable(), errors: z.number().int(), warnings: z.number().int(), late: z.boolean(), similar: z.boolean(),
});

export const BodiesTableSchema = z
  .object({
    year: z.number().int(), years: z.array(z.number().int()),
    total: z.number().int(), page: z.number().int(), pages: z.number().int(), pageSize: z.number().int(),
    rows: z.array(
      z.object({
        id: z.string(), name: z.string(), level: z.enum(BODY_LEVELS), levelLabel: z.string(), regionName: z.string().nullable(),
        cells: z.array(
          z.object({
            year: z.number().int(), status: z.enum(['reported', 'late', 'unreadable', 'missing']), statusLabel: z.string(), errors: z.number().int(),
            reports: z.array(CellReportSchema).openapi({ description: '计入的报告在前（最近上传的可读报告），其后为同年度的其他上传' }),
          }),
        ),
      }),
    ),
  })
  .openapi('BodiesTable');

const RegionQuery = z.object({
  region: z.string().regex(/^\d{6,12}$/, '行政区划代码应为数字').optional().openapi({ description: '地区（行政区划代码）；不填为整个监督范围' }),
  year: Year.optional().openapi({ description: '统计的年度；不填为上一年度' }),
});

export const BodiesQuery = RegionQuery.extend({
  level: z.enum(BODY_LEVELS).optional(),
  status: z.enum(STATUS_FILTERS).optional().openapi({ description: '所选年度的情况：reported 已报送、late 逾期发布、missing 缺报、unreadable 无法读取' }),
  errors: z.enum(['1']).transform(() => true).optional().openapi({ description: '1：只看所选年度报告有错误的机关' }),
  q: z.string().max(100).optional().openapi({ description: '机关名称包含' }),
  sort: z.string().regex(/^(name|level|region|y\d{4})$/, '排序应为 name、level、region 或 y+年度').optional(),
  dir: z.enum(SORT_DIRECTIONS).optional(),
  page: z.coerce.number().int().min(1).max(100_000).optional(),
});

export const regions = createRoute({
  method: 'get',
  path: '/api/supervisor/overview/regions',
  tags: TAGS,
  summary: '地区总览：某地区某年度的机关数、已报送、逾期、缺报、有错误，及各下级地区的同样合计 (region totals)',
  request: { query: RegionQuery },
  responses: { 200: jsonOf(RegionOverviewSchema), 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404] },
});

export const bodies = createRoute({
  method: 'get',
  path: '/api/supervisor/overview/bodies',
  tags: TAGS,
  summary: '机关 × 年度表：地区内每个机关各年度的情况，可筛选、排序、分页 (bodies × years)',
  request: { query: BodiesQuery },
  responses: { 200: jsonOf(BodiesTableSchema), 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404] },
});

export const bodiesXlsx = createRoute({
  method: 'get',
  path: '/api/supervisor/overview/bodies.xlsx',
  tags: TAGS,
  summary: '机关 × 年度表导出为 Excel（按同样的筛选和排序，全部页；另附地区合计）(Excel export)',
  request: { query: BodiesQuery.omit({ page: true }) },
  responses: {
    200: { description: 'Excel 文件', content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string().openapi({ format: 'binary' }) } } },
    400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404],
  },
});
