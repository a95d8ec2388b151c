/**
 * The annual report of a body: pre-filled from the register, edited, checked, previewed and downloaded.
 *
 * A body has at most one draft per year. Until the officer saves one, the report shown is the
 * register's (`register.annualReport`), recomputed on every request; once saved, the draft is
 * the report, and the register's figures travel beside it so the editor can show where the two
 * part. The checks are the pure `checkDraft` (checkReport and blank cells) the browser also runs
 * as the officer types.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { chromiumPath, htmlToPdf } from '../../adapters/chromium.js';
import { inTemplateOrder } from '../../model/order.js';
import type { AnnualReport } from '../../model/report.js';
import { TABLES } from '../../model/report.js';
import { checkDraft } from '../../model/draft-check.js';
import { AnnualReportSchema } from '../../model/schema.js';
import { CONTENT_TYPES, reportFileName, type FileFormat } from '../../render/file-name.js';
import { render } from '../../render/render.js';
import type { Finding } from '../../rules/finding.js';
import { placeName } from '../../rules/labels.js';
import { bodyName, loadDraft, reportYears, saveDraft, StaleDraftError, type Draft } from '../../store/report-store.js';
import { canReadRegister, canWriteRegister, type SessionUser } from '../../accounts/permissions.js';
import { actorOf, requireUser } from '../auth/session.js';
import { attachment } from '../http.js';
import type { AppDeps, AppEnv, RouteModule } from '../context.js';
import { ApiError, forbidden, notFound } from '../errors.js';
import { errors, jsonBody, jsonOf } from '../../api/common.js';

const TAG = '年度报告 annual report';

// ---------------------------------------------------------------------------------------------
// Schemas

/** The canonical model; validated in the handlers (Chinese messages), described here for the document. */
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

const STATUS_LABELS = { draft: '已保存草稿', notStarted: '未开始（由台账生成）' } as const;
const Status = z.enum(['draft', 'notStarted']);

const BodyParam = z.object({ bodyId: z.string().min(1).max(60) });
const YearParams = BodyParam.extend({ year: z.coerce.number().int().min(2000).max(2100).openapi({ example: 2025 }) });

/** Where a year's draft stands: saved (its version, when and by whom), or not started. */
const DraftState = {
  status: Status,
  statusLabel: z.string(),
  revision: z.number().int().openapi({ description: '草稿的版本号（未保存为 0）；保存时原样送回，防止覆盖他人的修改' }),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
};

const YearRow = z
  .object({
    year: z.number().int(),
    ...DraftState,
    applications: z.number().int().openapi({ description: '台账中该年收到的申请数' }),
    errors: z.number().int().nullable().openapi({ description: '草稿的检查错误数（未开始的年度为 null）' }),
    warnings: z.number().int().nullable(),
  })
  .openapi('ReportYear');

const listReports = createRoute({
  method: 'get',
  path: '/api/bodies/{bodyId}/reports',
  tags: [TAG],
  summary: '机关的年度报告：已有草稿的年度、台账中有申请的年度和上一年度 (report years of a body)',
  request: { params: BodyParam },
  responses: {
    200: jsonOf(z.object({ bodyId: z.string(), bodyName: z.string(), defaultYear: z.number().int(), canEdit: z.boolean(), years: z.array(YearRow) })),
    401: errors[401],
    403: errors[403],
    404: errors[404],
  },
});

const ReportView = z
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

const getReport = createRoute({
  method: 'get',
  path: '/api/bodies/{bodyId}/reports/{year}',
  tags: [TAG],
  summary: '某年度的报告：已保存的草稿，或由台账预填；附台账数字和检查发现 (the year’s report)',
  request: { params: YearParams },
  responses: { 200: jsonOf(ReportView), 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404] },
});

const SaveBody = z.object({
  report: ReportModel,
  revision: z.number().int().min(0).optional().openapi({ description: '编辑所依据的版本号（GET 返回的 revision）；省略则不核对' }),
});

const saveReport = createRoute({
  method: 'put',
  path: '/api/bodies/{bodyId}/reports/{year}',
  tags: [TAG],
  summary: '保存报告草稿（记入审计日志），返回检查发现 (save the draft)',
  request: { params: YearParams, body: jsonBody(SaveBody) },
  responses: {
    200: jsonOf(z.object({ status: Status, revision: z.number().int(), updatedAt: z.string(), updatedBy: z.string(), findings: z.array(FindingSchema) })),
    400: errors[400],
    401: errors[401],
    403: errors[403],
    404: errors[404],
    409: { description: '他人已保存了更新的版本', content: errors[400].content },
  },
});

const checkModel = createRoute({
  method: 'post',
  path: '/api/check',
  tags: [TAG],
  summary: '按全部规则检查一份报告模型（不保存）(check a model, nothing stored)',
  request: { body: jsonBody(z.object({ report: ReportModel, previous: ReportModel.optional().openapi({ description: '同一机关上一年度的报告（跨年核对）' }) })) },
  responses: { 200: jsonOf(z.object({ findings: z.array(FindingSchema) })), 400: errors[400], 401: errors[401] },
});

const previewReport = createRoute({
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

const FORMATS = ['html', 'docx', 'pdf'] as const;

const downloadReport = createRoute({
  method: 'get',
  path: '/api/bodies/{bodyId}/reports/{year}/download',
  tags: [TAG],
  summary: '下载报告：HTML、Word（.docx）或 PDF (download)',
  request: { params: YearParams, query: z.object({ format: z.enum(FORMATS) }) },
  responses: {
    200: {
      description: '文件（Content-Disposition 给出文件名）',
      content: Object.fromEntries(FORMATS.map((f) => [CONTENT_TYPES[f].split(';')[0]!, { schema: z.string().openapi({ format: 'binary' }) }])),
    },
    400: errors[400],
    401: errors[401],
    403: errors[403],
    404: errors[404],
    503: { description: '服务器未安装 Chromium，不能生成 PDF', content: errors[400].content },
  },
});

// ---------------------------------------------------------------------------------------------
// Helpers

const ZH = z.locales.zhCN();
const FIELD_LABELS: Record<string, string> = { unit: '机关名称', year: '年度', title: '标题', publishedOn: '发布日期', sections: '正文', template: '模板' };

/** Where a schema problem is, as an officer reads it, with the model path for API users. */
function placeOf(path: readonly PropertyKey[]): string {
  const parts = path.map(String);
  if (parts.length === 0) return '报告';
  const dotted = parts.join('.');
  const inTable = (TABLES as readonly string[]).includes(parts[0]!) && parts.length <= 3;
  const label = inTable ? placeName(dotted) : FIELD_LABELS[parts[0]!];
  return label ? `${label}（${dotted}）` : dotted;
}

/** The canonical model, or 400 listing (in Chinese) every place that is wrong. */
function validated(value: unknown, what: string): AnnualReport {
  const result = AnnualReportSchema.safeParse(value, { error: ZH.localeError });
  // Whatever order the client's JSON has, table 三's arithmetic reads the template's.
  if (result.success) return inTemplateOrder(result.data as AnnualReport);
  const problems = result.error.issues.map((i) => `${placeOf(i.path)}：${i.message}`);
  const shown = problems.slice(0, 10).join('；') + (problems.length > 10 ? `；等共 ${problems.length} 处` : '');
  throw new ApiError(400, `${what}不符合年度报告标准模型 gongkai.report/v1 (invalid report model)：${shown}`);
}

function reader(c: Context<AppEnv>, bodyId: string): SessionUser {
  const user = requireUser(c);
  if (!canReadRegister(user, bodyId)) throw forbidden('您不能查看该机关的年度报告');
  return user;
}

async function nameOf(deps: AppDeps, bodyId: string): Promise<string> {
  const name = await bodyName(deps.db, bodyId);
  if (name === null) throw notFound('机关');
  return name;
}

/** A report is written for a year that has begun (normally the last one, in January). */
function checkYear(deps: AppDeps, year: number): void {
  const current = Number(deps.today().slice(0, 4));
  if (year > current) throw new ApiError(400, `${year} 年尚未开始，不能编写该年度的报告 (year not begun)`);
}

/** DraftState of a year's saved draft, or of a year not started (null). */
function draftState(draft: Pick<Draft, 'revision' | 'updatedAt' | 'updatedBy'> | null) {
  const status = draft ? ('draft' as const) : ('notStarted' as const);
  return { status, statusLabel: STATUS_LABELS[status], revision: draft?.revision ?? 0, updatedAt: draft?.updatedAt ?? null, updatedBy: draft?.updatedBy ?? null };
}

interface Current {
  draft: Draft | null;
  report: AnnualReport;
}

/** The saved draft, or the register's report when none is saved. */
async function currentReport(deps: AppDeps, bodyId: string, year: number): Promise<Current> {
  const draft = await loadDraft(deps.db, bodyId, year);
  return { draft, report: draft?.report ?? (await deps.register.annualReport(bodyId, year, await deps.calendar())) };
}

/** Checked against last year's saved draft when there is one (上年结转 = 上年结转下年度). */
const findingsOf = (report: AnnualReport, previous: AnnualReport | null): Finding[] => checkDraft(report, previous);

const counts = (findings: readonly Finding[]) => ({
  errors: findings.filter((f) => f.severity === 'error').length,
  warnings: findings.filter((f) => f.severity === 'warning').length,
});

/**
 * The preview's own policy, inside the page: nothing but its inline style sheet may load. (The
 * application's header policy already forbids every inline script; this closes images, fonts,
 * frames and forms as well.)
 */
const PREVIEW_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

function withPreviewPolicy(html: string): string {
  return html.replace('<head>', `<head>\n<meta http-equiv="Content-Security-Policy" content="${PREVIEW_CSP}">`);
}

async function fileOf(report: AnnualReport, format: FileFormat): Promise<Uint8Array> {
  if (format !== 'pdf') return render(report, format);
  if (!chromiumPath()) throw new ApiError(503, '服务器未安装 Chromium 浏览器，暂时不能生成 PDF；请下载 Word 或 HTML 版本，或请管理员安装 Debian 软件包 chromium (PDF needs Chromium)');
  return render(report, 'pdf', {}, { htmlToPdf });
}

// ---------------------------------------------------------------------------------------------
// Routes

export const reportRoutes: RouteModule = (app, deps) => {
  app.openapi(listReports, async (c) => {
    const { bodyId } = c.req.valid('param');
    const user = reader(c, bodyId);
    const name = await nameOf(deps, bodyId);
    const defaultYear = Number(deps.today().slice(0, 4)) - 1;
    const rows = await reportYears(deps.db, bodyId);
    // The year being reported is always listed: a body with no application still reports.
    if (!rows.some((y) => y.year === defaultYear)) rows.push({ year: defaultYear, applications: 0, draft: null });
    rows.sort((a, b) => b.year - a.year);
    const drafts = new Map(rows.flatMap((y) => (y.draft ? [[y.year, y.draft.report] as const] : [])));
    const years = rows.map((y) => {
      const checked = y.draft ? counts(findingsOf(y.draft.report, drafts.get(y.year - 1) ?? null)) : { errors: null, warnings: null };
      return { year: y.year, ...draftState(y.draft), applications: y.applications, ...checked };
    });
    return c.json({ bodyId, bodyName: name, defaultYear, canEdit: canWriteRegister(user, bodyId), years }, 200);
  });

  app.openapi(getReport, async (c) => {
    const { bodyId, year } = c.req.valid('param');
    const user = reader(c, bodyId);
    const name = await nameOf(deps, bodyId);
    checkYear(deps, year);
    const { draft, report } = await currentReport(deps, bodyId, year);
    const fromRegister = draft ? await deps.register.annualReport(bodyId, year, await deps.calendar()) : report;
    const previous = (await loadDraft(deps.db, bodyId, year - 1))?.report ?? null;
    c.header('Cache-Control', 'no-store');
    return c.json(
      {
        bodyId,
        bodyName: name,
        year,
        ...draftState(draft),
        canEdit: canWriteRegister(user, bodyId),
        report,
        fromRegister,
        previous,
        findings: findingsOf(report, previous),
      },
      200,
    );
  });

  app.openapi(saveReport, async (c) => {
    const { bodyId, year } = c.req.valid('param');
    const user = requireUser(c);
    if (!canWriteRegister(user, bodyId)) throw forbidden('只有本机关的经办人可以修改年度报告');
    await nameOf(deps, bodyId);
    checkYear(deps, year);
    const body = c.req.valid('json');
    const report = validated(body.report, '报告');
    if (report.year !== year) throw new ApiError(400, `报告的年度（${report.year ?? '空'}）与所保存的年度 ${year} 不一致 (year mismatch)`);
    let saved: Draft;
    try {
      saved = await saveDraft(deps.db, bodyId, year, report, actorOf(user), body.revision);
    } catch (error) {
      if (error instanceof StaleDraftError) {
        throw new ApiError(409, `此报告已由他人保存了更新的版本（第 ${error.current} 版），请刷新页面、核对后再修改 (saved by someone else meanwhile)`);
      }
      throw error;
    }
    const previous = (await loadDraft(deps.db, bodyId, year - 1))?.report ?? null;
    return c.json({ status: 'draft' as const, revision: saved.revision, updatedAt: saved.updatedAt, updatedBy: saved.updatedBy, findings: findingsOf(saved.report, previous) }, 200);
  });

  app.openapi(checkModel, async (c) => {
    requireUser(c);
    const body = c.req.valid('json');
    const report = validated(body.report, '报告');
    const previous = body.previous === undefined ? null : validated(body.previous, '上一年度的报告');
    return c.json({ findings: findingsOf(report, previous) }, 200);
  });

  app.openapi(previewReport, async (c) => {
    const { bodyId, year } = c.req.valid('param');
    reader(c, bodyId);
    await nameOf(deps, bodyId);
    checkYear(deps, year);
    const { report } = await currentReport(deps, bodyId, year);
    const html = withPreviewPolicy(new TextDecoder().decode(await render(report, 'html')));
    // Takes effect once the application's header policy lets a route keep its own (see app.ts).
    c.header('Content-Security-Policy', `${PREVIEW_CSP}; frame-ancestors 'self'; sandbox`);
    c.header('Cache-Control', 'no-store');
    return c.html(html, 200);
  });

  app.openapi(downloadReport, async (c) => {
    const { bodyId, year } = c.req.valid('param');
    const { format } = c.req.valid('query');
    reader(c, bodyId);
    const name = await nameOf(deps, bodyId);
    checkYear(deps, year);
    const { report } = await currentReport(deps, bodyId, year);
    const bytes = await fileOf(report, format);
    c.header('Content-Type', CONTENT_TYPES[format]);
    c.header('Content-Disposition', attachment(reportFileName(report, format, name), `report-${year}.${format}`));
    c.header('Cache-Control', 'no-store');
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200);
  });
};
