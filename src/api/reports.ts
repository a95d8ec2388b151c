/**
 * The annual report editor's HTTP contract: the year list, the year's report beside the
 * register's figures, saving with the optimistic version, 定稿 (refused while an error stands),
 * checking a model, preview and downloads. The server validates with these schemas; the browser takes its types from them.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { AnnualReport } from '../model/report.js';
import { CONTENT_TYPES } from '../render/file-name.js';
import { BodyParam, errors, jsonBody, jsonOf, Year } from './common.js';

const TAG = '年度报告 annual report';

/** The canonical model; validated by the use case (Chinese messages), described here for the document. */
const ReportModel = z
  .custom<AnnualReport>((v) => typeof v === 'object' && v !== null)
  .openapi('AnnualReportModel', { type: 'object', description: '年度报告标准模型 gongkai.report/v1（完整的 JSON Schema：`gongkai schema`）' });

const Scalar = z.union([z.number(), z.string(), z.null()]);
const FindingSchema = z
  .object({
    code: z.string().openapi({ example: 'T3.ROW_TOTAL' }),
    severity: z.enum(['error', 'warning', 'info']),
    message: z.string(),
    at: z.string().openapi({ description: '模型中的位置（如 applications.granted.total；* 表示整列）', example: 'applications.granted.total' }),
    expected: Scalar,
    found: Scalar,
    line: z.number().int().optional(),
    suggestion: z
      .object({
        cells: z.array(z.object({ at: z.string(), found: z.number(), suggested: z.number() })),
        certainty: z.enum(['unique', 'ambiguous']),
        alternatives: z.number().int(),
        message: z.string(),
      })
      .optional(),
  })
  .openapi('Finding');

const ReportStatusSchema = z.enum(['draft', 'final', 'notStarted']).openapi({ description: 'draft 已保存草稿；final 已定稿（检查无错误，下载的文件不再标“草稿”）；notStarted 未开始' });

const YearParams = BodyParam.extend({ year: Year.openapi({ example: 2025 }) });

/** Where a year's draft stands: saved (its version, when and by whom), or not started. */
const DraftState = {
  status: ReportStatusSchema,
  statusLabel: z.string(),
  revision: z.number().int().openapi({ description: '草稿的版本号（未保存为 0）；保存时原样送回，防止覆盖他人的修改' }),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  finalizedAt: z.string().nullable().openapi({ description: '定稿时间；草稿为 null（定稿后再保存即退回草稿）' }),
  finalizedBy: z.string().nullable(),
  updatedByName: z.string().nullable().openapi({ description: '保存人的姓名或单位（账号的显示名）' }),
  finalizedByName: z.string().nullable().openapi({ description: '定稿人的姓名或单位' }),
};

const ReportYearSchema = z
  .object({
    year: z.number().int(),
    ...DraftState,
    applications: z.number().int().openapi({ description: '台账中该年收到的申请数' }),
    errors: z.number().int().nullable().openapi({ description: '草稿的检查错误数（未开始的年度为 null）' }),
    warnings: z.number().int().nullable(),
  })
  .openapi('ReportYear');

export const ReportListSchema = z.object({ bodyId: z.string(), bodyName: z.string(), defaultYear: z.number().int(), canEdit: z.boolean(), years: z.array(ReportYearSchema) });

export const listReports = createRoute({
  method: 'get',
  path: '/api/bodies/{bodyId}/reports',
  tags: [TAG],
  summary: '机关的年度报告：已有草稿的年度、台账中有申请的年度和上一年度 (report years of a body)',
  request: { params: BodyParam },
  responses: {
    200: jsonOf(ReportListSchema),
    401: errors[401],
    403: errors[403],
    404: errors[404],
  },
});

export const ReportViewSchema = z
  .object({
    bodyId: z.string(),
    bodyName: z.string(),
    year: z.number().int(),
    ...DraftState,
    canEdit: z.boolean(),
    report: ReportModel,
    fromRegister: ReportModel.openapi({ description: '台账生成的报告（表二、三、四的台账数字）' }),
    previous: ReportModel.nullable().openapi({ description: '上一年度已保存的草稿（跨年核对用），没有则为 null' }),
    findings: z.array(FindingSchema),
  })
  .openapi('ReportView');

export const getReport = createRoute({
  method: 'get',
  path: '/api/bodies/{bodyId}/reports/{year}',
  tags: [TAG],
  summary: '某年度的报告：已保存的草稿，或由台账预填；附台账数字和检查发现 (the year’s report)',
  request: { params: YearParams },
  responses: { 200: jsonOf(ReportViewSchema), 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404] },
});

const SaveBody = z.object({
  report: ReportModel,
  revision: z.number().int().min(0).optional().openapi({ description: '编辑所依据的版本号（GET 返回的 revision）；省略则不核对' }),
});

export const SaveResultSchema = z.object({ ...DraftState, findings: z.array(FindingSchema) });

export const saveReport = createRoute({
  method: 'put',
  path: '/api/bodies/{bodyId}/reports/{year}',
  tags: [TAG],
  summary: '保存报告草稿（记入审计日志），返回检查发现 (save the draft)',
  request: { params: YearParams, body: jsonBody(SaveBody) },
  responses: {
    200: jsonOf(SaveResultSchema),
    400: errors[400],
    401: errors[401],
    403: errors[403],
    404: errors[404],
    409: { description: '他人已保存了更新的版本', content: errors[400].content },
  },
});

export const finalizeReport = createRoute({
  method: 'post',
  path: '/api/bodies/{bodyId}/reports/{year}/finalize',
  tags: [TAG],
  summary: '定稿：检查没有错误时把已保存的报告定为终稿（记入审计日志）；仍有错误则拒绝并列出 (finalise)',
  request: {
    params: YearParams,
    body: jsonBody(z.object({ revision: z.number().int().min(1).openapi({ description: '所核对的已保存版本号（GET 返回的 revision）' }) })),
  },
  responses: {
    200: jsonOf(SaveResultSchema),
    400: { description: '报告仍有错误（逐条列出），不能定稿', content: errors[400].content },
    401: errors[401],
    403: errors[403],
    404: errors[404],
    409: { description: '报告尚未保存，或已保存了更新的版本', content: errors[400].content },
  },
});

export const checkModel = createRoute({
  method: 'post',
  path: '/api/check',
  tags: [TAG],
  summary: '按全部规则检查一份报告模型（不保存）(check a model, nothing stored)',
  request: { body: jsonBody(z.object({ report: ReportModel, previous: ReportModel.optional().openapi({ description: '同一机关上一年度的报告（跨年核对）' }) })) },
  responses: { 200: jsonOf(z.object({ findings: z.array(FindingSchema) })), 400: errors[400], 401: errors[401] },
});

export const previewReport = createRoute({
  method: 'get',
  path: '/api/bodies/{bodyId}/reports/{year}/preview',
  tags: [TAG],
  summary: '按官方版式预览（HTML，无脚本）(preview in the official layout)',
  request: { params: YearParams },
  responses: {
    200: { description: 'HTML', content: { 'text/html': { schema: z.string() } } },
    400: errors[400],
    401: errors[401],
    403: errors[403],
    404: errors[404],
  },
});

const REPORT_FORMATS = ['html', 'docx', 'pdf'] as const;

export const downloadReport = createRoute({
  method: 'get',
  path: '/api/bodies/{bodyId}/reports/{year}/download',
  tags: [TAG],
  summary: '下载报告：HTML、Word（.docx）或 PDF (download)',
  request: { params: YearParams, query: z.object({ format: z.enum(REPORT_FORMATS) }) },
  responses: {
    200: {
      description: '文件（Content-Disposition 给出文件名）',
      content: Object.fromEntries(REPORT_FORMATS.map((f) => [CONTENT_TYPES[f].split(';')[0]!, { schema: z.string().openapi({ format: 'binary' }) }])),
    },
    400: errors[400],
    401: errors[401],
    403: errors[403],
    404: errors[404],
    503: { description: '服务器未安装 Chromium，不能生成 PDF', content: errors[400].content },
  },
});
