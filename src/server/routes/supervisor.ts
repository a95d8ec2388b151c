/**
 * The supervisor: uploaded published reports, the bodies × years status table, one report beside
 * its source.
 *
 * Scope: a supervisor sees the reports of the bodies in their set, and their own uploads that
 * could not be matched to a body; a report outside that is answered 404, exactly like one that
 * does not exist. An upload whose unit is a known body outside the set is refused; an unknown
 * unit becomes a new body in the uploader's set (the supervisor collects the reports of the
 * bodies under them).
 */
import type { Context } from 'hono';
import { createRoute, z } from '@hono/zod-openapi';
import { EXTERNAL_TOOLS } from '../../adapters/external.js';
import { bodyKey } from '../../corpus/outputs.js';
import { detectFormat } from '../../ingest.js';
import type { AnnualReport, Diagnostic } from '../../model/report.js';
import { BODY_LEVEL_LABELS, BODY_LEVELS, levelOfBody, type BodyLevel } from '../../register/bodies.js';
import { gridOfSection, type Grid } from '../../render/layout.js';
import { sanitizedPage } from '../../read/sanitize.js';
import { checkReport } from '../../rules/check.js';
import { crossYearFindings } from '../../rules/crossyear.js';
import { sortFindings, type Finding } from '../../rules/finding.js';
import { placeName } from '../../rules/labels.js';
import { DEFAULT_DEADLINES, type Deadlines } from '../../rules/publication.js';
import { DEFAULT_SIMILARITY_THRESHOLD, jaccard, narrativeOf, shingles, similarityFindings } from '../../rules/similarity.js';
import { writeAudit } from '../../store/audit.js';
import type { Db } from '../../store/db.js';
import { mib, PublishedStore, readUpload, sha256, unpackZip, type Mark, type StoredReport, type Viewer } from '../../store/published-store.js';
import { templateFor } from '../../template/templates.js';
import type { SessionUser } from '../../accounts/permissions.js';
import { actorOf, requireRole } from '../auth/session.js';
import type { AppDeps, AppEnv, RouteModule, ServerConfig } from '../context.js';
import { ApiError, notFound } from '../errors.js';
import { errors, jsonOf } from '../../api/common.js';

// ─── Schemas ────────────────────────────────────────────────────────────────────────────────

const UploadResultSchema = z
  .object({
    file: z.string(),
    ok: z.boolean().openapi({ description: '读取成功并已保存' }),
    reportId: z.number().int().nullable().openapi({ description: '保存的记录（无法读取的文件也保存，附原因）；被拒绝的文件为 null' }),
    unit: z.string().nullable(),
    year: z.number().int().nullable(),
    bodyId: z.string().nullable(),
    bodyCreated: z.boolean().openapi({ description: '按报告的机关新建了机关，并加入您的监督范围' }),
    errors: z.number().int(),
    warnings: z.number().int(),
    error: z.string().optional().openapi({ description: '无法读取或被拒绝的原因' }),
  })
  .openapi('UploadResult');

const LimitsSchema = z.object({ maxFileBytes: z.number().int(), maxFiles: z.number().int(), maxRequestBytes: z.number().int() }).openapi('UploadLimits');

const ReportSummarySchema = z
  .object({
    id: z.number().int(), fileName: z.string(), unit: z.string().nullable(), year: z.number().int().nullable(), error: z.string().nullable(),
    errors: z.number().int(), warnings: z.number().int(), late: z.boolean(), similar: z.boolean(),
  })
  .openapi('PublishedReportSummary');

const OverviewSchema = z
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
const GridCellSchema = z.object({
  text: z.string(), rowSpan: z.number().int().optional(), colSpan: z.number().int().optional(), role: z.enum(['head', 'label', 'value']), path: z.string().optional(),
});

const FindingViewSchema = z
  .object({
    code: z.string(), severity: z.enum(['error', 'warning', 'info']), message: z.string(), at: z.string(), place: z.string(),
    expected: z.union([z.number(), z.string(), z.null()]), found: z.union([z.number(), z.string(), z.null()]), line: z.number().int().optional(),
    suggestion: z.unknown().optional(),
    cells: z.array(z.string()).openapi({ description: '表格中与此发现有关的单元格（模型路径）' }),
    spots: z.array(MarkSchema).openapi({ description: '原文中的位置（行、列、长度；网页原文另有单元格编号）' }),
  })
  .openapi('FindingView');

const ReportViewSchema = z
  .object({
    id: z.number().int(), fileName: z.string(), format: z.string(), sha256: z.string(), uploadedAt: z.string(),
    body: z.object({ id: z.string(), name: z.string(), level: z.string(), levelLabel: z.string() }).nullable(),
    unit: z.string().nullable(), year: z.number().int().nullable(), publishedOn: z.string().nullable(), template: z.string().nullable(),
    title: z.string().nullable(), error: z.string().nullable(), hasHtml: z.boolean(),
    lines: z.array(z.string()), marks: z.record(z.string(), MarkSchema),
    findings: z.array(FindingViewSchema),
    tables: z.array(z.object({ no: z.number().int(), caption: z.string(), grid: z.array(z.array(GridCellSchema)) })),
    model: z.unknown(),
  })
  .openapi('PublishedReportView');

const IdParam = z.object({ id: z.coerce.number().int().positive() });

const upload = createRoute({
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

const limits = createRoute({
  method: 'get',
  path: '/api/supervisor/uploads/limits',
  tags: ['监督 supervisor'],
  summary: '上传限制：每个文件的大小、每次的文件数 (upload limits)',
  responses: { 200: jsonOf(LimitsSchema), 401: errors[401], 403: errors[403] },
});

const overview = createRoute({
  method: 'get',
  path: '/api/supervisor/overview',
  tags: ['监督 supervisor'],
  summary: '监督范围内各机关各年度报告的情况：缺报、逾期、错误、警告、内容雷同、无法读取 (bodies × years)',
  request: {
    query: z.object({
      year: z.coerce.number().int().min(2000).max(2100).optional(),
      q: z.string().max(100).optional(),
      level: z.enum(BODY_LEVELS).optional(),
    }),
  },
  responses: { 200: jsonOf(OverviewSchema), 400: errors[400], 401: errors[401], 403: errors[403] },
});

const report = createRoute({
  method: 'get',
  path: '/api/supervisor/reports/{id}',
  tags: ['监督 supervisor'],
  summary: '一份报告：模型、检查发现、原文各行与表格 (one report, side by side)',
  request: { params: IdParam },
  responses: { 200: jsonOf(ReportViewSchema), 401: errors[401], 403: errors[403], 404: errors[404] },
});

const sourceHtml = createRoute({
  method: 'get',
  path: '/api/supervisor/reports/{id}/source.html',
  tags: ['监督 supervisor'],
  summary: '网页报告的原网页（已净化，仅供沙箱框架显示）(the sanitised page of an HTML upload)',
  request: { params: IdParam },
  responses: { 200: { description: '净化后的网页', content: { 'text/html': { schema: { type: 'string' } } } }, 401: errors[401], 403: errors[403], 404: errors[404] },
});

// ─── Reading the request ────────────────────────────────────────────────────────────────────

/** Never buffer more than this for one request, whatever the per-file limit times the count. */
const REQUEST_CAP = 256 * 1024 * 1024;

/** The request's size limit: the files plus room for the multipart headers. */
export function requestLimit(l: ServerConfig['upload']): number {
  return Math.min(l.maxFiles * l.maxFileBytes, Math.max(l.maxFileBytes, REQUEST_CAP)) + 64 * 1024 + l.maxFiles * 1024;
}

const tooLarge = (limit: number) => new ApiError(413, `上传内容超过每次上限 ${mib(limit)}，请分批上传 (request too large)`);

interface Upload {
  file: string;
  bytes: Uint8Array;
}

/** A file name as the browser sent it (a folder's relative path included), without control characters. */
const cleanName = (name: string) => [...name].filter((ch) => ch.charCodeAt(0) >= 0x20 && ch !== '\u007f').join('').slice(0, 300) || '（无文件名）';

/** The `file` fields of a multipart body, counted as they arrive: past the limit, reading stops. */
async function readFiles(c: Context<AppEnv>, l: ServerConfig['upload']): Promise<Upload[]> {
  const type = c.req.header('content-type') ?? '';
  if (!/^multipart\/form-data/i.test(type)) throw new ApiError(400, '请以 multipart/form-data 上传文件，每个文件一个 file 字段 (multipart expected)');
  const limit = requestLimit(l);
  if (Number(c.req.header('content-length') ?? 0) > limit) throw tooLarge(limit);
  const body = c.req.raw.body;
  if (!body) throw new ApiError(400, '没有收到任何文件 (no files)');
  let seen = 0;
  const counted = body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, ctl) {
        seen += chunk.byteLength;
        if (seen > limit) ctl.error(new Error('too large'));
        else ctl.enqueue(chunk);
      },
    }),
  );
  let form: FormData;
  try {
    form = await new Response(counted, { headers: { 'content-type': type } }).formData();
  } catch {
    if (seen > limit) throw tooLarge(limit);
    throw new ApiError(400, '上传内容不完整或格式有误，无法读取 (malformed multipart body)');
  }
  const files = form.getAll('file').filter((f): f is Exclude<typeof f, string> => typeof f !== 'string');
  if (files.length === 0) throw new ApiError(400, '没有收到任何文件（字段名应为 file）(no files)');
  if (files.length > l.maxFiles) throw new ApiError(400, `一次最多上传 ${l.maxFiles} 个文件，本次有 ${files.length} 个，请分批上传 (too many files)`);
  const big = files.find((f) => f.size > l.maxFileBytes);
  if (big) throw new ApiError(413, `文件“${cleanName(big.name)}”有 ${mib(big.size)}，超过每个文件的上限 ${mib(l.maxFileBytes)} (file too large)`);
  return Promise.all(files.map(async (f) => ({ file: cleanName(f.name), bytes: new Uint8Array(await f.arrayBuffer()) })));
}

// ─── Bodies ─────────────────────────────────────────────────────────────────────────────────

interface BodyRef {
  id: string;
  name: string;
  level: BodyLevel;
}

type Placement = { kind: 'none' } | { kind: 'refused' } | { kind: 'body'; body: BodyRef; create: boolean };

const OUT_OF_SCOPE = '该机关不在您的监督范围内，未保存 (body outside your set)';

/** Bodies by normalised name (`青禾县 云岭镇人民政府` = `青禾县云岭镇`). */
async function bodiesByKey(db: Db): Promise<Map<string, BodyRef[]>> {
  const map = new Map<string, BodyRef[]>();
  for (const b of await db.query<BodyRef>('SELECT id, name, level FROM bodies ORDER BY id')) {
    const key = bodyKey(b.name);
    map.set(key, [...(map.get(key) ?? []), b]);
  }
  return map;
}

/** Where a report's unit belongs: a body in scope, a body outside it, or a new body for the uploader. */
function place(unit: string | null, bodies: Map<string, BodyRef[]>, scope: Set<string>, all: boolean): Placement {
  const key = bodyKey(unit);
  if (!key) return { kind: 'none' };
  const known = bodies.get(key) ?? [];
  const mine = known.find((b) => all || scope.has(b.id));
  if (mine) return { kind: 'body', body: mine, create: false };
  if (known.length) return { kind: 'refused' };
  const name = unit!.replace(/\s+/g, '');
  const body = { id: `pub-${sha256(new TextEncoder().encode(key)).slice(0, 12)}`, name, level: levelOfBody(name) };
  bodies.set(key, [body]);
  return { kind: 'body', body, create: true };
}

/** A new body, added to the uploader's set, in the transaction that stores its report. */
async function createBody(tx: Db, body: BodyRef, user: SessionUser, actor: string): Promise<void> {
  const made = await tx.query('INSERT INTO bodies (id, name, level) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING RETURNING id', [body.id, body.name, body.level]);
  if (made.length) await writeAudit(tx, actor, 'create', 'body', body.id, null, { name: body.name, level: body.level, from: 'upload' });
  if (user.role === 'admin') return;
  const old = (await tx.query<{ body_id: string }>('SELECT body_id FROM user_bodies WHERE user_id = $1 ORDER BY body_id', [user.id])).map((r) => r.body_id);
  if (old.includes(body.id)) return;
  await tx.query('INSERT INTO user_bodies (user_id, body_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [user.id, body.id]);
  await writeAudit(tx, actor, 'update', 'user-bodies', String(user.id), { bodies: old }, { bodies: [...old, body.id].sort() });
}

/**
 * 条例 第四十九条 by the body's level: a government of county level or above by 31 March, any
 * other body (departments, townships, offices) by 31 January.
 */
function deadlinesOf(body: BodyRef | null, year: number | null): Deadlines {
  if (!body || year === null) return DEFAULT_DEADLINES;
  const government = (body.level === 'province' || body.level === 'city' || body.level === 'county') && /人民政府$/.test(body.name);
  return { ...DEFAULT_DEADLINES, override: `${year + 1}-${government ? DEFAULT_DEADLINES.government : DEFAULT_DEADLINES.body}` };
}

// ─── Checking a batch against the stored reports ────────────────────────────────────────────

interface Item {
  file: string;
  sha256: string;
  format: string;
  report: AnnualReport | null;
  /** What the reader said, kept for an unreadable file too (its model is not kept). */
  diagnostics: Diagnostic[];
  error: string | null;
  source: Awaited<ReturnType<typeof readUpload>>['source'];
  placement: Placement;
  findings: Finding[];
}

interface PoolEntry {
  storedId?: number;
  bodyId: string | null;
  year: number | null;
  report: AnnualReport;
  shingles: Set<string>;
  findings: Finding[];
  changed: boolean;
}

const addOnce = (list: Finding[], more: readonly Finding[]) => {
  for (const f of more) if (!list.some((g) => g.code === f.code && g.message === f.message)) list.push(f);
};

/**
 * checkReport as `gongkai check` runs it: the same body's previous year paired for CROSS.*, and
 * the other reports in scope (this year and last) compared for SIM.DUPLICATE — except the same
 * body's other copies of the same year, which are the one report published twice. What a new
 * report changes for a stored one (it is the stored one's previous year; their texts match) is
 * written back to the stored one too.
 */
function checkBatch(items: Item[], pool: PoolEntry[]): void {
  const order = items.filter((i) => i.report && !i.error).sort((a, b) => (a.report!.year ?? 9999) - (b.report!.year ?? 9999));
  for (const item of order) {
    const r = item.report!;
    const body = item.placement.kind === 'body' ? item.placement.body : null;
    const near = r.year === null ? [] : pool.filter((p) => p.year !== null && Math.abs(p.year - r.year!) <= 1 && !(body && p.bodyId === body.id && p.year === r.year));
    const previous = body ? near.filter((p) => p.bodyId === body.id && p.year === r.year! - 1).at(-1) : undefined;
    const findings = checkReport(r, { ...(previous ? { previous: previous.report } : {}), deadlines: deadlinesOf(body, r.year) });
    const mine = shingles(narrativeOf(r));
    for (const p of near) {
      if (jaccard(mine, p.shingles) < DEFAULT_SIMILARITY_THRESHOLD) continue;
      if (p !== previous) findings.push(...similarityFindings(r, [p.report]));
      const before = p.findings.length;
      addOnce(p.findings, similarityFindings(p.report, [r]));
      p.changed ||= p.findings.length !== before;
    }
    for (const p of near) {
      if (!body || p.bodyId !== body.id || p.year !== r.year! + 1) continue;
      // In place: a batch entry's list is its item's own.
      p.findings.splice(0, p.findings.length, ...p.findings.filter((f) => !f.code.startsWith('CROSS.')), ...crossYearFindings(p.report, r));
      p.changed = true;
    }
    item.findings = sortFindings(findings);
    pool.push({ bodyId: body?.id ?? null, year: r.year, report: r, shingles: mine, findings: item.findings, changed: false });
  }
}

// ─── One report, located ────────────────────────────────────────────────────────────────────

const TABLE_KEYS = ['proactive', 'applications', 'appeals'];
const CAPTIONS: Record<number, string> = { 2: '表二', 3: '表三', 4: '表四' };

const escapeRe = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

/** Which model paths a finding's `at` names: a cell, a row or table (prefix), or `*` for any row or column. */
export function pathMatcher(at: string): (path: string) => boolean {
  if (!TABLE_KEYS.includes(at.split('.')[0]!)) return () => false;
  if (at.includes('*')) {
    const re = new RegExp(`^${at.split('*').map(escapeRe).join('.+')}$`);
    return (p) => re.test(p);
  }
  return (p) => p === at || p.startsWith(`${at}.`);
}

/** Lines of text formats are the file's own; the HTML and Word readers count lines differently. */
const LINES_ARE_SOURCE = new Set(['text', 'pdf', 'image']);

function locate(f: Finding, cellPaths: readonly string[], r: StoredReport, lines: readonly string[]): { cells: string[]; spots: Mark[] } {
  const matches = pathMatcher(f.at);
  const cells = new Set(cellPaths.filter(matches));
  for (const c of f.suggestion?.cells ?? []) cells.add(c.at);
  const spots = new Map<string, Mark>();
  for (const path of [...cells, ...Object.keys(r.marks).filter(matches)]) {
    const m = r.marks[path];
    if (m && spots.size < 60) spots.set(`${m.line}:${m.column}`, m);
  }
  if (!spots.size && f.line && LINES_ARE_SOURCE.has(r.format) && lines[f.line - 1] !== undefined) {
    spots.set('line', { line: f.line, column: 1, length: Math.max(1, lines[f.line - 1]!.length) });
  }
  if (!spots.size) {
    // A finding about the text quotes it (“2024年，我镇将”): find the quotation in the source.
    for (const [, quoted] of f.message.matchAll(/“([^”]{4,60})”/g)) {
      const i = lines.findIndex((l) => l.includes(quoted!));
      if (i >= 0) {
        spots.set('quote', { line: i + 1, column: lines[i]!.indexOf(quoted!) + 1, length: quoted!.length });
        break;
      }
    }
  }
  return { cells: [...cells], spots: [...spots.values()] };
}

const PLACES: Record<string, string> = { publishedOn: '落款日期', title: '标题', unit: '发布机关', year: '年度', input: '文件', sections: '正文（第一、五、六部分）' };
const SECTION_NO = ['', '一', '二', '三', '四', '五', '六'];

/** Where a finding is, in words: a cell, a row, a column or a table, or a part of the text. */
export function placeOf(at: string, cellPaths: readonly string[]): string {
  const table = at.split('.')[0]!;
  if (!TABLE_KEYS.includes(table)) {
    const section = /^sections\.(\d)$/.exec(at);
    if (section) return `第${SECTION_NO[Number(section[1])] ?? section[1]}部分`;
    const line = /^line (\d+)$/.exec(at);
    return line ? `原文第 ${line[1]} 行` : (PLACES[at] ?? at);
  }
  if (at === table || at.includes('*') || cellPaths.includes(at)) return placeName(at);
  // A row: placeName names rows only with a column, so name one and drop it.
  return placeName(`${at}.*`).replace(/“\*”列$/, '').replace(/的“\*”$/, '行');
}

function tablesOf(model: AnnualReport): { no: number; caption: string; grid: Grid }[] {
  const sections = templateFor(model.template).sections;
  return [2, 3, 4].flatMap((no) => {
    const grid = gridOfSection(model, no);
    const title = sections.find((s) => s.no === no)?.title ?? '';
    return grid ? [{ no, caption: `${CAPTIONS[no]}\u3000${title}`, grid }] : [];
  });
}

function reportView(r: StoredReport) {
  const lines = r.sourceText === null ? [] : r.sourceText.split('\n');
  const tables = r.model && !r.error ? tablesOf(r.model) : [];
  const cellPaths = tables.flatMap((t) => t.grid.flat().flatMap((c) => (c.path ? [c.path] : [])));
  const findings = r.findings.map((f) => ({ ...f, place: placeOf(f.at, cellPaths), ...locate(f, cellPaths, r, lines) }));
  const level = r.bodyLevel as BodyLevel | null;
  return {
    id: r.id, fileName: r.fileName, format: r.format, sha256: r.sha256, uploadedAt: r.uploadedAt,
    body: r.bodyId && r.bodyName && level ? { id: r.bodyId, name: r.bodyName, level, levelLabel: BODY_LEVEL_LABELS[level] } : null,
    unit: r.unit, year: r.year, publishedOn: r.publishedOn, template: r.template, title: r.model?.title ?? null, error: r.error, hasHtml: r.hasHtml,
    lines, marks: r.marks, findings, tables, model: r.model,
  };
}

/** Our style for the cells with findings in the sanitised page: a tint, an outline and a flag (not colour alone). */
function highlightCss(findings: readonly Finding[], marks: Record<string, Mark>): string {
  const ids = new Set<string>();
  for (const f of findings) {
    const matches = pathMatcher(f.at);
    for (const [path, m] of Object.entries(marks)) if (m.cell && /^c\d+-\d+$/.test(m.cell) && matches(path)) ids.add(m.cell);
  }
  if (!ids.size) return '';
  const sel = [...ids].map((id) => `#${id}`);
  return `\n${sel.join(', ')} { background: #fff3bf; box-shadow: inset 0 0 0 2px #8a4b00; }\n${sel.map((s) => `${s}::after`).join(', ')} { content: " ⚑"; color: #8a4b00; }\n`;
}

/** The CSP of an uploaded page: a sandbox (no script, no same origin), nothing loaded, only inline style. */
export const SOURCE_CSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'";


// ─── Routes ─────────────────────────────────────────────────────────────────────────────────

const viewerOf = (u: SessionUser): Viewer => ({ id: u.id, all: u.role === 'admin', bodies: u.bodies });

const countOf = (fs: readonly Finding[], s: Finding['severity']) => fs.filter((f) => f.severity === s).length;

export const supervisorRoutes: RouteModule = (app, deps) => {
  const store = new PublishedStore(deps.db);

  app.openapi(limits, (c) => {
    requireRole(c, 'supervisor', 'admin');
    const l = deps.config.upload;
    return c.json({ maxFileBytes: l.maxFileBytes, maxFiles: l.maxFiles, maxRequestBytes: requestLimit(l) - 64 * 1024 - l.maxFiles * 1024 }, 200);
  });

  app.openapi(upload, async (c) => {
    const user = requireRole(c, 'supervisor', 'admin');
    const results = await uploadFiles(deps, store, user, await readFiles(c, deps.config.upload));
    return c.json({ results }, 200);
  });

  // Overviews already built, by what they depend on: the data's version (moved by a trigger on
  // every change to reports or bodies), the viewer's scope, the filters and today. A county
  // office opens it again and again between uploads; only the version check touches the database.
  const built = new Map<string, string>();
  app.openapi(overview, async (c) => {
    const user = requireRole(c, 'supervisor', 'admin');
    const { year, q, level } = c.req.valid('query');
    const version = (await deps.db.query<{ version: string | number }>("SELECT version FROM data_versions WHERE name = 'overview'"))[0]?.version;
    const key = JSON.stringify([version, user.role, user.id, user.bodies, year ?? null, q?.trim() || null, level ?? null, deps.today()]);
    let body = built.get(key);
    if (body === undefined) {
      body = JSON.stringify(await overviewOf(deps, store, user, year ?? null, q?.trim() || null, level ?? null));
      if (built.size >= 500) built.delete(built.keys().next().value!);
      built.set(key, body);
    }
    return c.body(body, 200, { 'content-type': 'application/json; charset=UTF-8' }) as never;
  });

  app.openapi(report, async (c) => {
    const user = requireRole(c, 'supervisor', 'admin');
    const r = await store.get(viewerOf(user), c.req.valid('param').id);
    if (!r) throw notFound('报告');
    return c.json(reportView(r), 200);
  });

  app.openapi(sourceHtml, async (c) => {
    const user = requireRole(c, 'supervisor', 'admin');
    const s = await store.sourceHtml(viewerOf(user), c.req.valid('param').id);
    if (!s) throw notFound('网页原文');
    return c.body(sanitizedPage(s.html, highlightCss(s.findings, s.marks)), 200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': SOURCE_CSP,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
  });
};

// ─── Upload ─────────────────────────────────────────────────────────────────────────────────

/** ZIP archives (not Word files) are opened; their files join the upload as `archive.zip!/entry`. */
function expand(files: readonly Upload[], l: ServerConfig['upload']): { uploads: Upload[]; refused: { file: string; error: string }[] } {
  const uploads: Upload[] = [];
  const refused: { file: string; error: string }[] = [];
  for (const f of files) {
    if (!f.bytes.length || detectFormat(f.bytes) !== 'zip') {
      uploads.push(f);
      continue;
    }
    const inside = unpackZip(f.file, f.bytes, l.maxFileBytes);
    if ('refused' in inside) {
      refused.push({ file: f.file, error: inside.refused });
      continue;
    }
    for (const e of inside) {
      if ('refused' in e) refused.push({ file: e.file, error: e.refused });
      else uploads.push({ file: e.file, bytes: e.bytes });
    }
  }
  if (uploads.length + refused.length > l.maxFiles) {
    throw new ApiError(400, `压缩包展开后共 ${uploads.length + refused.length} 个文件，超过每次上限 ${l.maxFiles} 个，请分批上传 (too many files)`);
  }
  return { uploads, refused };
}

/** What the upload answers for each file. */
export type UploadResult = z.infer<typeof UploadResultSchema>;

async function uploadFiles(deps: AppDeps, store: PublishedStore, user: SessionUser, files: readonly Upload[]): Promise<UploadResult[]> {
  const { uploads, refused } = expand(files, deps.config.upload);
  const bodies = await bodiesByKey(deps.db);
  const scope = new Set(user.bodies);
  const items: Item[] = [];
  for (const u of uploads) {
    const { parsed, source } = await readUpload(u.bytes, { maxBytes: deps.config.upload.maxFileBytes, tools: EXTERNAL_TOOLS });
    const error = parsed.readable ? null : (parsed.reason ?? '无法读取');
    const placement = parsed.readable ? place(parsed.report.unit, bodies, scope, user.role === 'admin') : { kind: 'none' as const };
    if (placement.kind === 'body') scope.add(placement.body.id);
    const report = parsed.readable ? parsed.report : null;
    items.push({ file: u.file, sha256: sha256(u.bytes), format: parsed.format, report, diagnostics: parsed.report.diagnostics, error, source, placement, findings: [] });
  }
  const stored = items.filter((i) => i.placement.kind !== 'refused');
  const years = stored.flatMap((i) => (i.report?.year == null ? [] : [i.report.year]));
  const viewer: Viewer = { ...viewerOf(user), bodies: [...scope] };
  const pool: PoolEntry[] = years.length
    ? (await store.pool(viewer, Math.min(...years) - 1, Math.max(...years) + 1, stored.map((i) => i.sha256))).map((p) => ({
        storedId: p.id, bodyId: p.bodyId, year: p.year, report: p.report, shingles: shingles(narrativeOf(p.report)), findings: [...p.findings], changed: false,
      }))
    : [];
  checkBatch(stored, pool);
  const actor = actorOf(user);
  const ids = await deps.db.transaction(async (tx) => {
    const out = new Map<Item, number>();
    for (const item of stored) {
      if (item.placement.kind === 'body' && item.placement.create) await createBody(tx, item.placement.body, user, actor);
      const bodyId = item.placement.kind === 'body' ? item.placement.body.id : null;
      out.set(item, await store.save(tx, user.id, { ...item, findings: sortFindings(item.findings), fileName: item.file, bodyId }, actor));
    }
    for (const p of pool) if (p.storedId !== undefined && p.changed) await store.setFindings(tx, p.storedId, sortFindings(p.findings), actor);
    return out;
  });
  const created = new Set<string>();
  return [
    ...items.map((i): UploadResult => {
      const body = i.placement.kind === 'body' ? i.placement.body : null;
      const isNew = Boolean(body && i.placement.kind === 'body' && i.placement.create && !created.has(body.id));
      if (body && isNew) created.add(body.id);
      const base = { file: i.file, unit: i.report?.unit ?? null, year: i.report?.year ?? null, bodyId: body?.id ?? null, bodyCreated: isNew };
      if (i.placement.kind === 'refused') return { ...base, ok: false, reportId: null, errors: 0, warnings: 0, error: OUT_OF_SCOPE };
      const counts = { errors: countOf(i.findings, 'error'), warnings: countOf(i.findings, 'warning') };
      return { ...base, ...counts, ok: !i.error, reportId: ids.get(i) ?? null, ...(i.error ? { error: i.error } : {}) };
    }),
    ...refused.map((r): UploadResult => ({ file: r.file, ok: false, reportId: null, unit: null, year: null, bodyId: null, bodyCreated: false, errors: 0, warnings: 0, error: r.error })),
  ];
}

// ─── Overview ───────────────────────────────────────────────────────────────────────────────

async function overviewOf(deps: AppDeps, store: PublishedStore, user: SessionUser, year: number | null, q: string | null, level: BodyLevel | null) {
  const viewer = viewerOf(user);
  const bodies = await deps.db.query<{ id: string; name: string; level: BodyLevel }>(
    `SELECT id, name, level FROM bodies
      WHERE ($1::boolean OR id = ANY($2::text[]))
        AND ($3::text IS NULL OR name ILIKE '%' || $3 || '%' OR region ILIKE '%' || $3 || '%') AND ($4::text IS NULL OR level = $4)
      ORDER BY name LIMIT 5000`,
    [viewer.all, [...viewer.bodies], q, level],
  );
  const rows = await store.overview(viewer, year);
  const lastYear = Number(deps.today().slice(0, 4)) - 1;
  const years = year !== null ? [year] : [...new Set([lastYear, ...(await store.years(viewer))])].sort((a, b) => b - a);
  const summary = ({ id, fileName, unit, year: y, error, errors: e, warnings, late, similar }: (typeof rows)[number]) => ({
    id, fileName, unit, year: y, error, errors: e, warnings, late, similar,
  });
  const byCell = new Map<string, ReturnType<typeof summary>[]>();
  for (const r of rows) if (r.bodyId && r.year !== null) byCell.set(`${r.bodyId}|${r.year}`, [...(byCell.get(`${r.bodyId}|${r.year}`) ?? []), summary(r)]);
  return {
    years,
    bodies: bodies.map((b) => ({
      ...b,
      levelLabel: BODY_LEVEL_LABELS[b.level],
      cells: years.map((y) => ({ year: y, reports: byCell.get(`${b.id}|${y}`) ?? [] })),
    })),
    unplaced: rows.filter((r) => !r.bodyId || r.year === null).map(summary),
  };
}
