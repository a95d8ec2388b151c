/**
 * The supervisor's desk, its HTTP contract: uploads (files, folders, ZIP archives) and their
 * limits, the bodies × years overview, one published report beside its source, the sanitised
 * page of an HTML upload. The server validates with these schemas; the browser takes its types
 * from them.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { BODY_LEVELS } from '../register/bodies.js';
import { errors, jsonBody, jsonOf, Year } from './common.js';

export const UploadResultSchema = z
  .object({
    file: z.string(),
    ok: z.boolean().openapi({ description: '读取成功并已保存' }),
    reportId: z.number().int().nullable().openapi({ description: '保存的记录（无法读取的文件也保存，附原因）；被拒绝的文件为 null' }),
    unit: z.string().nullable(),
    year: z.number().int().nullable(),
    bodyId: z.string().nullable(),
    bodyName: z.string().nullable().openapi({ description: '匹配到的机关（名录中的全称）' }),
    match: z
      .union([
        z.object({ status: z.literal('matched'), method: z.string().openapi({ description: '匹配方式：全称、别名或地区+简称' }) }),
        z.object({ status: z.literal('pending'), candidates: z.number().int().openapi({ description: '候选机关数；报告已保存，待监督者选择或新建机关' }) }),
      ])
      .nullable()
      .openapi({ description: '已匹配（及方式）或待匹配；无法读取或被拒绝的文件为 null。上传从不自动新建机关' }),
    replaced: z.string().nullable().openapi({ description: '本次上传替换了此前上传的同一文件（其版本和日期）' }),
    sameYear: z.string().nullable().openapi({ description: '同一机关同一年度此前已上传的报告（均保留）' }),
    errors: z.number().int(),
    warnings: z.number().int(),
    error: z.string().optional().openapi({ description: '无法读取或被拒绝的原因' }),
  })
  .openapi('UploadResult');

export const LimitsSchema = z.object({ maxFileBytes: z.number().int(), maxFiles: z.number().int(), maxRequestBytes: z.number().int() }).openapi('UploadLimits');

export const ReportSummarySchema = z
  .object({
    id: z.number().int(), fileName: z.string(), unit: z.string().nullable(), year: z.number().int().nullable(), error: z.string().nullable(),
    errors: z.number().int(), warnings: z.number().int(), late: z.boolean(), similar: z.boolean(),
  })
  .openapi('PublishedReportSummary');

export const OverviewSchema = z
  .object({
    years: z.array(z.number().int()),
    bodies: z.array(
      z.object({
        id: z.string(), name: z.string(), level: z.enum(BODY_LEVELS), levelLabel: z.string(),
        cells: z.array(z.object({ year: z.number().int(), reports: z.array(ReportSummarySchema) })),
      }),
    ),
    unplaced: z.array(ReportSummarySchema).openapi({ description: '未能归入表格的报告：机关或年度不明（只有上传者本人可见机关不明的）' }),
  })
  .openapi('SupervisorOverview');

const MarkSchema = z.object({ line: z.number().int(), column: z.number().int(), length: z.number().int(), cell: z.string().optional() });
/** A cell of a table in the official layout (src/render/layout.ts), as the supervisor's and the analysis pages draw it. */
export const GridCellSchema = z.object({
  text: z.string(), rowSpan: z.number().int().optional(), colSpan: z.number().int().optional(), role: z.enum(['head', 'label', 'value']), path: z.string().optional(),
});

export const FindingViewSchema = z
  .object({
    code: z.string(), severity: z.enum(['error', 'warning', 'info']), message: z.string(), at: z.string(), place: z.string(),
    expected: z.union([z.number(), z.string(), z.null()]), found: z.union([z.number(), z.string(), z.null()]), line: z.number().int().optional(),
    suggestion: z.unknown().optional(),
    fingerprint: z.string().openapi({ description: '发现的指纹：同一机关、年度、规则、位置的同一问题，重新上传或更正后不变' }),
    cells: z.array(z.string()).openapi({ description: '表格中与此发现有关的单元格（模型路径）' }),
    spots: z.array(MarkSchema).openapi({ description: '原文中的位置（行、列、长度；网页原文另有单元格编号）' }),
  })
  .openapi('FindingView');

const CellValue = z.number().int().nullable();

export const CorrectionSchema = z
  .object({
    id: z.number().int(), version: z.number().int().openapi({ description: '这条更正产生的报告版本' }),
    path: z.string().openapi({ description: '单元格的模型路径' }), place: z.string().openapi({ description: '单元格的中文位置' }),
    before: CellValue, after: CellValue, reason: z.string(),
    undoes: z.number().int().nullable().openapi({ description: '撤销的是哪条更正（撤销本身也是一条更正）' }),
    undoesVersion: z.number().int().optional(),
    undone: z.boolean().openapi({ description: '这条更正已被撤销' }),
    by: z.string(), at: z.string(),
  })
  .openapi('PublishedReportCorrection');

export const CorrectedCellSchema = z
  .object({
    path: z.string(), place: z.string(), read: CellValue.openapi({ description: '原文读出的值' }), value: CellValue.openapi({ description: '更正后的值' }),
    reason: z.string(), by: z.string(), at: z.string(), correction: z.number().int(),
  })
  .openapi('PublishedReportCorrectedCell');

export const ReportViewSchema = z
  .object({
    id: z.number().int(), fileName: z.string(), format: z.string(), sha256: z.string(), uploadedAt: z.string(),
    body: z.object({ id: z.string(), name: z.string(), level: z.string(), levelLabel: z.string() }).nullable(),
    unit: z.string().nullable(), year: z.number().int().nullable(), publishedOn: z.string().nullable(), template: z.string().nullable(),
    title: z.string().nullable(), error: z.string().nullable(), hasHtml: z.boolean(),
    lines: z.array(z.string()), marks: z.record(z.string(), MarkSchema),
    findings: z.array(FindingViewSchema),
    tables: z.array(z.object({ no: z.number().int(), caption: z.string(), grid: z.array(z.array(GridCellSchema)) })),
    model: z.unknown().openapi({ description: 'gongkai.report/v1 模型（已应用更正；按原文读出的模型另存，不被覆盖）' }),
    version: z.number().int().openapi({ description: '报告的版本号：每次更正、撤销或重新上传加一；更正时须提交所依据的版本号' }),
    corrections: z.array(CorrectionSchema).openapi({ description: '全部更正记录（含撤销），按先后' }),
    places: z.record(z.string(), z.string()).openapi({ description: '表格中每个单元格的中文位置，按模型路径' }),
    corrected: z.array(CorrectedCellSchema).openapi({ description: '当前与原文读出值不同的单元格：原值 → 现值，最近一次更正的理由、更正人、时间' }),
  })
  .openapi('PublishedReportView');

const IdParam = z.object({ id: z.coerce.number().int().positive() });

export const upload = createRoute({
  method: 'post',
  path: '/api/supervisor/uploads',
  tags: ['监督 supervisor'],
  summary: '上传已发布的年度报告（可多个文件、ZIP 压缩包），读取、检查并保存 (upload published reports)',
  description: 'multipart/form-data，每个文件一个 file 字段。支持 gongkai 能读取的全部格式；ZIP 压缩包逐个读取其中的文件（拒绝压缩炸弹）。',
  request: {
    body: {
      required: true,
      content: { 'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'array', items: { type: 'string', format: 'binary' } } }, required: ['file'] } } },
    },
  },
  responses: {
    200: jsonOf(z.object({ results: z.array(UploadResultSchema) })),
    400: errors[400], 401: errors[401], 403: errors[403],
    413: { description: '超过上传大小限制', content: { 'application/json': { schema: z.object({ error: z.string() }) } } },
  },
});

export const limits = createRoute({
  method: 'get',
  path: '/api/supervisor/uploads/limits',
  tags: ['监督 supervisor'],
  summary: '上传限制：每个文件的大小、每次的文件数 (upload limits)',
  responses: { 200: jsonOf(LimitsSchema), 401: errors[401], 403: errors[403] },
});

export const overview = createRoute({
  method: 'get',
  path: '/api/supervisor/overview',
  tags: ['监督 supervisor'],
  summary: '监督范围内各机关各年度报告的情况：缺报、逾期、错误、警告、内容雷同、无法读取 (bodies × years)',
  request: {
    query: z.object({
      year: Year.optional(),
      q: z.string().max(100).optional(),
      level: z.enum(BODY_LEVELS).optional(),
    }),
  },
  responses: { 200: jsonOf(OverviewSchema), 400: errors[400], 401: errors[401], 403: errors[403] },
});

export const report = createRoute({
  method: 'get',
  path: '/api/supervisor/reports/{id}',
  tags: ['监督 supervisor'],
  summary: '一份报告：模型、检查发现、原文各行与表格 (one report, side by side)',
  request: { params: IdParam },
  responses: { 200: jsonOf(ReportViewSchema), 401: errors[401], 403: errors[403], 404: errors[404] },
});

export const sourceHtml = createRoute({
  method: 'get',
  path: '/api/supervisor/reports/{id}/source.html',
  tags: ['监督 supervisor'],
  summary: '网页报告的原网页（已净化，仅供沙箱框架显示）(the sanitised page of an HTML upload)',
  request: { params: IdParam },
  responses: { 200: { description: '净化后的网页', content: { 'text/html': { schema: { type: 'string' } } } }, 401: errors[401], 403: errors[403], 404: errors[404] },
});

const Reason = z.string().max(500).openapi({ description: '更正理由（必填）' });
const BaseVersion = z.number().int().min(1).openapi({ description: '更正所依据的报告版本号（报告页返回的 version）；已有更新的版本时拒绝（409）' });

export const correct = createRoute({
  method: 'post',
  path: '/api/supervisor/reports/{id}/corrections',
  tags: ['监督 supervisor'],
  summary: '更正一个单元格或补填空缺（须说明理由），产生报告的新版本并重新检查 (correct one cell)',
  description: '监督者（报告在其监督范围内）、本机关经办人或管理员可更正。原文读出的模型保留不变；汇总、总览、导出使用更正后的模型。',
  request: {
    params: IdParam,
    body: jsonBody(
      z.object({
        version: BaseVersion,
        path: z.string().max(200).openapi({ description: '单元格的模型路径，如 applications.granted.natural', example: 'applications.granted.natural' }),
        value: z.number().int().min(0).nullable().openapi({ description: '更正后的值：非负整数；null 表示清除（留空）' }),
        reason: Reason,
      }),
    ),
  },
  responses: { 200: jsonOf(ReportViewSchema), 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404], 409: errors[409] },
});

export const undoCorrection = createRoute({
  method: 'post',
  path: '/api/supervisor/reports/{id}/corrections/{correction}/undo',
  tags: ['监督 supervisor'],
  summary: '撤销一条更正：单元格恢复为该更正之前的值，本身也是新版本 (undo a correction)',
  request: {
    params: IdParam.extend({ correction: z.coerce.number().int().positive() }),
    body: jsonBody(z.object({ version: BaseVersion, reason: Reason })),
  },
  responses: { 200: jsonOf(ReportViewSchema), 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404], 409: errors[409] },
});
