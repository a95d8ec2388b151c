/**
 * Use cases of the supervisor's analysis: the bodies in scope, the rollup of selected bodies
 * (and its files in the official layout), figures for charts, the Excel export.
 *
 * Everything works within the user's scope (their bodies; an administrator's is everything): a
 * body outside it is refused before anything is read. Bodies are named by key — the body's id,
 * or `u:…` for a unit the supervisor uploaded that no registered body matched.
 */
import { canSeeBody, type SessionUser } from '../accounts/permissions.js';
import { analysisWorkbook } from '../corpus/analysis-workbook.js';
import { rollupArea, type AreaRollup, type RollupSource } from '../corpus/area-rollup.js';
import { figuresOf, OUTCOME_KINDS, OUTCOME_LABELS } from '../corpus/series.js';
import { BODY_LEVEL_LABELS } from '../register/bodies.js';
import { CONTENT_TYPES } from '../render/file-name.js';
import { gridOfSection, widthsOfSection } from '../render/layout.js';
import { render } from '../render/render.js';
import { AnalysisStore, UNIT_KEY_PREFIX, type ScopedBody } from '../store/analysis-store.js';
import type { AppServices } from './context.js';
import { forbidden, invalid, Refusal } from './errors.js';
import { XLSX, type FileDownload } from './download.js';
import { requireSupervisor, viewerOf } from './supervision/access.js';

const UNREGISTERED = '未登记机关';


const levelLabel = (b: ScopedBody) => (b.level ? BODY_LEVEL_LABELS[b.level] : UNREGISTERED);
const withLabel = (b: ScopedBody) => ({ ...b, levelLabel: levelLabel(b) });

const noneSelected = () => invalid('请至少选择一个机关 (select at least one body)');

/** The selected bodies, in the order given, each checked against the user's scope. */
async function selected(store: AnalysisStore, user: SessionUser, keys: readonly string[]): Promise<ScopedBody[]> {
  const unique = [...new Set(keys)];
  const outside = unique.filter((k) => !k.startsWith(UNIT_KEY_PREFIX) && !canSeeBody(user, k));
  if (outside.length) throw forbidden(`机关 ${outside.join('、')} 不在您的监督范围内`);
  const found = new Map((await store.bodies(viewerOf(user), unique)).map((b) => [b.key, b]));
  const unknown = unique.filter((k) => !found.has(k));
  if (unknown.length) throw new Refusal('notFound', `没有找到机关 ${unknown.join('、')}，或不在您的监督范围内 (not found)`);
  return unique.map((k) => found.get(k)!);
}

interface RollupInput {
  year: number;
  bodies: readonly string[];
  area?: string | undefined;
}

async function areaRollup(s: AppServices, user: SessionUser, { year, bodies: keys, area }: RollupInput): Promise<AreaRollup> {
  requireSupervisor(user);
  if (keys.length === 0) throw noneSelected();
  const store = new AnalysisStore(s.db);
  const bodies = await selected(store, user, keys);
  const reports = new Map((await store.latest(viewerOf(user), keys, { from: year, to: year })).map((r) => [r.key, r]));
  const sources = bodies.map((b): RollupSource => {
    const r = reports.get(b.key);
    return { key: b.key, name: b.name, region: b.region, report: r ? { id: r.id, model: r.model } : null };
  });
  return rollupArea(sources, year, area);
}

/** The bodies of the user's scope and the units of their unmatched uploads, with the years of their reports. */
export async function analysisBodies(s: AppServices, user: SessionUser) {
  requireSupervisor(user);
  return (await new AnalysisStore(s.db).bodies(viewerOf(user))).map(withLabel);
}

/** The selected bodies' reports of a year rolled up into the area's tables 二, 三 and 四, with the findings. */
export async function rollup(s: AppServices, user: SessionUser, input: RollupInput) {
  const r = await areaRollup(s, user, input);
  const report = r.result.report;
  const tables = [2, 3, 4].map((no) => ({ no, caption: `表${'二三四'[no - 2]}`, widths: widthsOfSection(no), grid: gridOfSection(report, no)! }));
  return {
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
  };
}

/** The rollup in the official layout (HTML or Word), its findings appended. */
export async function rollupFile(s: AppServices, user: SessionUser, input: RollupInput & { format: 'html' | 'docx' }): Promise<FileDownload> {
  const r = await areaRollup(s, user, input);
  const bytes = await render(r.result.report, input.format, { findings: r.findings });
  return { bytes, type: CONTENT_TYPES[input.format], fileName: `${r.area}${input.year}年汇总.${input.format}`, asciiName: `rollup-${input.year}.${input.format}` };
}

/** Applications, outcomes, carry-overs and appeals per body and year (all the scope's bodies when none is named). */
export async function series(s: AppServices, user: SessionUser, input: { bodies?: readonly string[] | undefined; from?: number | undefined; to?: number | undefined }) {
  requireSupervisor(user);
  const { bodies: keys, from, to } = input;
  if (from !== undefined && to !== undefined && from > to) throw invalid(`起始年度${from}年晚于截止年度${to}年 (from is after to)`);
  const store = new AnalysisStore(s.db);
  const bodies = keys?.length ? await selected(store, user, keys) : await store.bodies(viewerOf(user));
  const names = new Map(bodies.map((b) => [b.key, b.name]));
  const reports = await store.latest(viewerOf(user), bodies.map((b) => b.key), { from, to });
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
  return {
    bodies: bodies.map(withLabel),
    years: [...new Set(points.map((p) => p.year))].sort((a, b) => a - b),
    outcomeKinds: OUTCOME_KINDS.map((key) => ({ key, label: OUTCOME_LABELS[key] })),
    points,
  };
}

/** The selected bodies' reports of a year as an Excel workbook: one sheet per table, one row per body, and the findings. */
export async function exportWorkbook(s: AppServices, user: SessionUser, { year, bodies: keys }: { year: number; bodies: readonly string[] }): Promise<FileDownload> {
  requireSupervisor(user);
  if (keys.length === 0) throw noneSelected();
  const store = new AnalysisStore(s.db);
  const bodies = await selected(store, user, keys);
  const reports = new Map((await store.latest(viewerOf(user), keys, { from: year, to: year })).map((r) => [r.key, r]));
  const rows = bodies.map((b) => {
    const r = reports.get(b.key);
    return { name: b.name, level: levelLabel(b), region: b.region, report: r?.model ?? null, findings: r?.findings ?? [] };
  });
  return { bytes: await analysisWorkbook(rows, year), type: XLSX, fileName: `${year}年度报告数据.xlsx`, asciiName: `reports-${year}.xlsx` };
}
