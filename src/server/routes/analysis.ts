/**
 * The supervisor's analysis: rollup of selected bodies, figures for charts, Excel export.
 *
 * Every route works within the user's scope (their bodies; an administrator's is everything):
 * a body outside it is refused with 403 before anything is read. Bodies are named by key — the
 * body's id, or `u:…` for a unit the supervisor uploaded that no registered body matched.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { analysisWorkbook } from '../../corpus/analysis-workbook.js';
import { rollupArea, type AreaRollup, type RollupSource } from '../../corpus/area-rollup.js';
import { figuresOf, OUTCOME_KINDS, OUTCOME_LABELS } from '../../corpus/series.js';
import { BODY_LEVEL_LABELS } from '../../register/bodies.js';
import { gridOfSection, widthsOfSection } from '../../render/layout.js';
import { render } from '../../render/render.js';
import { AnalysisStore, UNIT_KEY_PREFIX, type Scope, type ScopedBody } from '../../store/analysis-store.js';
import { canSeeBody, type SessionUser } from '../../accounts/permissions.js';
import { requireRole } from '../auth/session.js';
import { attachment } from '../http.js';
import type { AppEnv, RouteModule } from '../context.js';
import { ApiError, forbidden } from '../errors.js';
import { errors, jsonBody, jsonOf } from '../../api/common.js';

const TAGS = ['分析 analysis'];
const UNREGISTERED = '未登记机关';

const BodyKey = z.string().regex(/^(?:[\w-]{1,40}|u:[0-9a-f]{12})$/, '机关编号格式不对').openapi({ example: 'yl' });
/** `bodies=a&bodies=b` or `bodies=a,b` (keys never contain a comma). */
const BodyKeys = z
  .preprocess((v) => (v === undefined ? undefined : (Array.isArray(v) ? v : [v]).flatMap((s) => String(s).split(',')).filter(Boolean)), z.array(BodyKey).max(2000))
  .openapi({ type: 'array', items: { type: 'string' }, description: '机关编号，可重复或以逗号分隔' });
const Year = z.coerce.number().int().min(2008).max(2100);

const ScopedBodySchema = z
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

const GridCellSchema = z.object({
  text: z.string(),
  rowSpan: z.number().int().optional(),
  colSpan: z.number().int().optional(),
  role: z.enum(['head', 'label', 'value']),
  path: z.string().optional(),
});

const FindingSchema = z
  .object({ code: z.string(), severity: z.enum(['error', 'warning', 'info']), message: z.string(), at: z.string(), expected: z.unknown(), found: z.unknown() })
  .passthrough();

const RollupSchema = z
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
const PointSchema = z
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

const listBodies = createRoute({
  method: 'get',
  path: '/api/supervisor/analysis/bodies',
  tags: TAGS,
  summary: '监督范围内的机关及其已上传报告的年度 (bodies in scope, with the years of their reports)',
  responses: { 200: jsonOf(z.array(ScopedBodySchema)), 401: errors[401], 403: errors[403] },
});

const postRollup = createRoute({
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

const rollupFile = (format: keyof typeof DOWNLOADS) =>
  createRoute({
    method: 'get',
    path: `/api/supervisor/rollup.${format}`,
    tags: TAGS,
    summary: `汇总结果按官方版式下载（${format === 'html' ? 'HTML' : 'Word'}），附检查发现 (the rollup in the official layout)`,
    request: { query: downloadQuery },
    responses: { 200: binary(DOWNLOADS[format], '文件'), 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404] },
  });

const getSeries = createRoute({
  method: 'get',
  path: '/api/supervisor/series',
  tags: TAGS,
  summary: '各机关各年度的申请数、办理结果、结转和复议诉讼数（图表用）(figures per body and year)',
  request: { query: z.object({ bodies: BodyKeys.optional(), from: Year.optional(), to: Year.optional() }) },
  responses: {
    200: jsonOf(
      z.object({
        bodies: z.array(ScopedBodySchema),
        years: z.array(z.number().int()),
        outcomeKinds: z.array(z.object({ key: z.enum(OUTCOME_KINDS), label: z.string() })),
        points: z.array(PointSchema),
      }),
    ),
    400: errors[400],
    401: errors[401],
    403: errors[403],
    404: errors[404],
  },
});

const exportXlsx = createRoute({
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

export const scopeOf = (u: SessionUser): Scope => ({ all: u.role === 'admin', bodies: u.bodies, userId: u.id });

const levelLabel = (b: ScopedBody) => (b.level ? BODY_LEVEL_LABELS[b.level] : UNREGISTERED);
const withLabel = (b: ScopedBody) => ({ ...b, levelLabel: levelLabel(b) });

function fileResponse(c: Context<AppEnv>, bytes: Uint8Array, type: string, name: string, ascii: string): Response {
  return c.body(bytes as Uint8Array<ArrayBuffer>, 200, { 'content-type': type, 'content-disposition': attachment(name, ascii), 'cache-control': 'no-store' });
}

export const analysisRoutes: RouteModule = (app, deps) => {
  const store = new AnalysisStore(deps.db);

  /** The selected bodies, in the order given, each checked against the user's scope. */
  async function selected(user: SessionUser, keys: readonly string[]): Promise<ScopedBody[]> {
    const unique = [...new Set(keys)];
    const outside = unique.filter((k) => !k.startsWith(UNIT_KEY_PREFIX) && !canSeeBody(user, k));
    if (outside.length) throw forbidden(`机关 ${outside.join('、')} 不在您的监督范围内`);
    const found = new Map((await store.bodies(scopeOf(user), unique)).map((b) => [b.key, b]));
    const unknown = unique.filter((k) => !found.has(k));
    if (unknown.length) throw new ApiError(404, `没有找到机关 ${unknown.join('、')}，或不在您的监督范围内 (not found)`);
    return unique.map((k) => found.get(k)!);
  }

  async function areaRollup(user: SessionUser, year: number, keys: readonly string[], area?: string): Promise<AreaRollup> {
    if (keys.length === 0) throw new ApiError(400, '请至少选择一个机关 (select at least one body)');
    const bodies = await selected(user, keys);
    const reports = new Map((await store.latest(scopeOf(user), keys, { from: year, to: year })).map((r) => [r.key, r]));
    const sources = bodies.map((b): RollupSource => {
      const r = reports.get(b.key);
      return { key: b.key, name: b.name, region: b.region, report: r ? { id: r.id, model: r.model } : null };
    });
    return rollupArea(sources, year, area);
  }

  app.openapi(listBodies, async (c) => {
    const user = requireRole(c, 'supervisor', 'admin');
    return c.json((await store.bodies(scopeOf(user))).map(withLabel), 200);
  });

  app.openapi(postRollup, async (c) => {
    const user = requireRole(c, 'supervisor', 'admin');
    const { year, bodies, area } = c.req.valid('json');
    const r = await areaRollup(user, year, bodies, area);
    const report = r.result.report;
    const tables = [2, 3, 4].map((no) => ({ no, caption: `表${'二三四'[no - 2]}`, widths: widthsOfSection(no), grid: gridOfSection(report, no)! }));
    return c.json(
      {
        area: r.area,
        year: r.year,
        template: report.template,
        included: r.result.included,
        missing: r.result.missing,
        refused: r.result.refused,
        sources: r.sources,
        report: report as unknown as Record<string, unknown>,
        tables,
        findings: r.findings,
      },
      200,
    );
  });

  for (const format of ['html', 'docx'] as const) {
    app.openapi(rollupFile(format), async (c) => {
      const user = requireRole(c, 'supervisor', 'admin');
      const { year, bodies, area } = c.req.valid('query');
      const r = await areaRollup(user, year, bodies, area);
      const bytes = await render(r.result.report, format, { findings: r.findings });
      return fileResponse(c, bytes, DOWNLOADS[format], `${r.area}${year}年汇总.${format}`, `rollup-${year}.${format}`);
    });
  }

  app.openapi(getSeries, async (c) => {
    const user = requireRole(c, 'supervisor', 'admin');
    const { bodies: keys, from, to } = c.req.valid('query');
    if (from !== undefined && to !== undefined && from > to) throw new ApiError(400, `起始年度${from}年晚于截止年度${to}年 (from is after to)`);
    const bodies = keys?.length ? await selected(user, keys) : await store.bodies(scopeOf(user));
    const names = new Map(bodies.map((b) => [b.key, b.name]));
    const reports = await store.latest(scopeOf(user), bodies.map((b) => b.key), { from, to });
    const points = reports.map((r) => ({
      key: r.key,
      name: names.get(r.key)!,
      year: r.year,
      template: r.model.template,
      reportId: r.id,
      ...figuresOf(r.model),
      errors: r.findings.filter((f) => f.severity === 'error').length,
      warnings: r.findings.filter((f) => f.severity === 'warning').length,
    }));
    return c.json(
      {
        bodies: bodies.map(withLabel),
        years: [...new Set(points.map((p) => p.year))].sort((a, b) => a - b),
        outcomeKinds: OUTCOME_KINDS.map((key) => ({ key, label: OUTCOME_LABELS[key] })),
        points,
      },
      200,
    );
  });

  app.openapi(exportXlsx, async (c) => {
    const user = requireRole(c, 'supervisor', 'admin');
    const { year, bodies: keys } = c.req.valid('query');
    if (keys.length === 0) throw new ApiError(400, '请至少选择一个机关 (select at least one body)');
    const bodies = await selected(user, keys);
    const reports = new Map((await store.latest(scopeOf(user), keys, { from: year, to: year })).map((r) => [r.key, r]));
    const rows = bodies.map((b) => {
      const r = reports.get(b.key);
      return { name: b.name, level: levelLabel(b), region: b.region, report: r?.model ?? null, findings: r?.findings ?? [] };
    });
    const bytes = await analysisWorkbook(rows, year);
    return fileResponse(c, bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', `${year}年度报告数据.xlsx`, `reports-${year}.xlsx`);
  });
};
