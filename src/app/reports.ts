/**
 * Use cases of a body's annual report: pre-filled from the register, edited, checked, declared
 * final (定稿, refused while an error stands), previewed and downloaded (marked 草稿 until final).
 *
 * A body has at most one draft per year. Until the officer saves one, the report shown is the
 * register's (`registerReport`, with the catalogue's figures), recomputed on every request;
 * once saved, the draft is the report, and the register's figures travel beside it so the editor
 * can show where the two part. The checks are the pure `checkDraft` (checkReport and blank cells)
 * the browser also runs as the officer types.
 */
import { z } from '@hono/zod-openapi';
import { actorId, canReadRegister, canWriteRegister, type Actor } from '../accounts/permissions.js';
import { chromiumPath, htmlToPdf } from '../adapters/chromium.js';
import { checkDraft } from '../rules/draft-check.js';
import { inTemplateOrder } from '../model/order.js';
import { TABLES, type AnnualReport } from '../model/report.js';
import { AnnualReportSchema } from '../model/schema.js';
import { CONTENT_TYPES, reportFileName, type FileFormat } from '../render/file-name.js';
import { render } from '../render/render.js';
import type { Finding } from '../rules/finding.js';
import { placeName } from '../rules/labels.js';
import { writeAudit } from '../store/audit.js';
import { insertFirstDraft, loadDraft, lockDraft, reportYears, setFinal, writeDraft, type Draft } from '../store/report-store.js';
import type { AppServices } from './context.js';
import type { FileDownload } from './download.js';
import { conflict, forbidden, invalid, notFound } from './errors.js';
import { registerReport } from './register/records.js';
import { checkVersion, staleEdit } from './versions.js';

/** PDF asked for where no Chromium is installed: the server answers 503, the CLI says which package. */
export class PdfUnavailable extends Error {
  constructor() {
    super('服务器未安装 Chromium 浏览器，暂时不能生成 PDF；请下载 Word 或 HTML 版本，或请管理员安装 Debian 软件包 chromium (PDF needs Chromium)');
    this.name = 'PdfUnavailable';
  }
}

const STATUS_LABELS = { draft: '已保存草稿', final: '已定稿', notStarted: '未开始（由台账生成）' } as const;

// ─── Checks every use case shares ───────────────────────────────────────────────────────────

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

/** The canonical model, or a refusal listing (in Chinese) every place that is wrong. */
function validated(value: unknown, what: string): AnnualReport {
  const result = AnnualReportSchema.safeParse(value, { error: ZH.localeError });
  // Whatever order the client's JSON has, table 三's arithmetic reads the template's.
  if (result.success) return inTemplateOrder(result.data as AnnualReport);
  const problems = result.error.issues.map((i) => `${placeOf(i.path)}：${i.message}`);
  const shown = problems.slice(0, 10).join('；') + (problems.length > 10 ? `；等共 ${problems.length} 处` : '');
  throw invalid(`${what}不符合年度报告标准模型 gongkai.report/v1 (invalid report model)：${shown}`);
}

function requireReader(actor: Actor, bodyId: string): void {
  if (!canReadRegister(actor, bodyId)) throw forbidden('您不能查看该机关的年度报告');
}

async function nameOf(s: AppServices, bodyId: string): Promise<string> {
  const name = await s.register.bodyName(bodyId);
  if (name === null) throw notFound('机关');
  return name;
}

/** A report is written for a year that has begun (normally the last one, in January). */
function checkYear(s: AppServices, year: number): void {
  const current = Number(s.today().slice(0, 4));
  if (year > current) throw invalid(`${year} 年尚未开始，不能编写该年度的报告 (year not begun)`);
}

/** Who saved, as a person reads it: the account's display name; 系统 for the system and the command line's operator. */
function actorName(actor: string, displayName: string | null): string {
  if (displayName) return displayName;
  return actor.startsWith('user:') ? '已删除的账号' : '系统或命令行';
}

/** DraftState of a year's saved draft (final or not), or of a year not started (null). */
function draftState(draft: Pick<Draft, 'revision' | 'updatedAt' | 'updatedBy' | 'finalizedAt' | 'finalizedBy' | 'updatedByName' | 'finalizedByName'> | null) {
  const status = !draft ? ('notStarted' as const) : draft.finalizedAt ? ('final' as const) : ('draft' as const);
  return {
    status,
    statusLabel: STATUS_LABELS[status],
    revision: draft?.revision ?? 0,
    updatedAt: draft?.updatedAt ?? null,
    updatedBy: draft?.updatedBy ?? null,
    finalizedAt: draft?.finalizedAt ?? null,
    finalizedBy: draft?.finalizedBy ?? null,
    updatedByName: draft ? actorName(draft.updatedBy, draft.updatedByName) : null,
    finalizedByName: draft?.finalizedBy ? actorName(draft.finalizedBy, draft.finalizedByName) : null,
  };
}

interface Current {
  draft: Draft | null;
  report: AnnualReport;
}

/** The saved draft, or the register's report when none is saved. */
async function currentReport(s: AppServices, bodyId: string, year: number): Promise<Current> {
  const draft = await loadDraft(s.db, bodyId, year);
  return { draft, report: draft?.report ?? (await registerReport(s, bodyId, year)) };
}

/** Checked against last year's saved draft when there is one (上年结转 = 上年结转下年度). */
const findingsOf = (report: AnnualReport, previous: AnnualReport | null): Finding[] => checkDraft(report, previous);

const previousDraft = async (s: AppServices, bodyId: string, year: number) => (await loadDraft(s.db, bodyId, year - 1))?.report ?? null;

const counts = (findings: readonly Finding[]) => ({
  errors: findings.filter((f) => f.severity === 'error').length,
  warnings: findings.filter((f) => f.severity === 'warning').length,
});

// ─── Use cases ──────────────────────────────────────────────────────────────────────────────

interface BodyInput {
  bodyId: string;
}

interface YearInput extends BodyInput {
  year: number;
}

/** The body's report years: drafts saved, years with applications, and always the year being reported. */
export async function listReports(s: AppServices, actor: Actor, { bodyId }: BodyInput) {
  requireReader(actor, bodyId);
  const name = await nameOf(s, bodyId);
  const defaultYear = Number(s.today().slice(0, 4)) - 1;
  const rows = await reportYears(s.db, bodyId);
  // The year being reported is always listed: a body with no application still reports.
  if (!rows.some((y) => y.year === defaultYear)) rows.push({ year: defaultYear, applications: 0, draft: null });
  rows.sort((a, b) => b.year - a.year);
  const drafts = new Map(rows.flatMap((y) => (y.draft ? [[y.year, y.draft.report] as const] : [])));
  const years = rows.map((y) => {
    const checked = y.draft ? counts(findingsOf(y.draft.report, drafts.get(y.year - 1) ?? null)) : { errors: null, warnings: null };
    return { year: y.year, ...draftState(y.draft), applications: y.applications, ...checked };
  });
  return { bodyId, bodyName: name, defaultYear, canEdit: canWriteRegister(actor, bodyId), years };
}

/** The year's report (the draft, or the register's), the register's figures beside it, last year's draft and the findings. */
export async function getReport(s: AppServices, actor: Actor, { bodyId, year }: YearInput) {
  requireReader(actor, bodyId);
  const name = await nameOf(s, bodyId);
  checkYear(s, year);
  const { draft, report } = await currentReport(s, bodyId, year);
  const fromRegister = draft ? await registerReport(s, bodyId, year) : report;
  const previous = await previousDraft(s, bodyId, year);
  return {
    bodyId,
    bodyName: name,
    year,
    ...draftState(draft),
    canEdit: canWriteRegister(actor, bodyId),
    report,
    fromRegister,
    previous,
    findings: findingsOf(report, previous),
  };
}

/**
 * Save the draft with its audit row in one transaction. `revision` is the revision the edit
 * started from (0: none saved yet); if someone saved in between, the save is refused instead of
 * overwriting their work. Undefined skips the check (API clients that do not track it).
 */
export async function saveReport(s: AppServices, actor: Actor, input: YearInput & { report: unknown; revision?: number | undefined }) {
  const { bodyId, year } = input;
  if (!canWriteRegister(actor, bodyId)) throw forbidden('只有本机关的经办人可以修改年度报告');
  await nameOf(s, bodyId);
  checkYear(s, year);
  const report = validated(input.report, '报告');
  if (report.year !== year) throw invalid(`报告的年度（${report.year ?? '空'}）与所保存的年度 ${year} 不一致 (year mismatch)`);
  const who = actorId(actor);
  const saved = await s.db.transaction(async (tx) => {
    const old = await lockDraft(tx, bodyId, year);
    checkVersion('此报告', input.revision, old?.revision ?? 0);
    // A first save checked against "none saved" must not turn into an overwrite of a concurrent first save.
    const draft = !old && input.revision === 0 ? await insertFirstDraft(tx, bodyId, year, report, who) : await writeDraft(tx, bodyId, year, report, who);
    if (!draft) throw staleEdit('此报告', 1);
    await writeAudit(tx, who, old ? 'update' : 'create', 'report-draft', `${bodyId}/${year}`, old?.report ?? null, report);
    return draft;
  });
  const previous = await previousDraft(s, bodyId, year);
  return { ...draftState(saved), findings: findingsOf(saved.report, previous) };
}

/** How many errors the refusal names one by one; the rest are counted. */
const ERRORS_NAMED = 5;

/**
 * 定稿: the saved draft declared final, only while the check finds no error — a drafting prompt,
 * an empty section, a broken sum would otherwise be published as written. `revision` must be the
 * saved one (what the officer looked at). Any later save makes it a draft again.
 */
export async function finalizeReport(s: AppServices, actor: Actor, input: YearInput & { revision: number }) {
  const { bodyId, year } = input;
  if (!canWriteRegister(actor, bodyId)) throw forbidden('只有本机关的经办人可以为年度报告定稿');
  await nameOf(s, bodyId);
  checkYear(s, year);
  const who = actorId(actor);
  const previous = await previousDraft(s, bodyId, year);
  const final = await s.db.transaction(async (tx) => {
    const draft = await lockDraft(tx, bodyId, year);
    if (!draft) throw conflict('报告尚未保存：请先核对、保存，再定稿 (save before finalising)');
    if (draft.revision !== input.revision) {
      throw conflict(`此报告已保存了更新的版本（第 ${draft.revision} 版），请刷新页面、核对后再定稿 (saved meanwhile)`);
    }
    const errors = findingsOf(draft.report, previous).filter((f) => f.severity === 'error');
    if (errors.length > 0) {
      const named = errors.slice(0, ERRORS_NAMED).map((f, i) => `${i + 1}. ${f.message}`);
      const more = errors.length > ERRORS_NAMED ? `；另有 ${errors.length - ERRORS_NAMED} 个` : '';
      throw invalid(`报告还有 ${errors.length} 个错误，不能定稿。请改正并保存后再定稿：${named.join('；')}${more} (errors stand: not finalised)`);
    }
    if (draft.finalizedAt) return draft;
    const done = await setFinal(tx, bodyId, year, who);
    await writeAudit(tx, who, 'finalize', 'report-draft', `${bodyId}/${year}`, { status: 'draft' }, { status: 'final', revision: done.revision });
    return done;
  });
  return { ...draftState(final), findings: findingsOf(final.report, previous) };
}

/** Every rule over a model sent by the caller (nothing stored). */
export function checkReportModel(input: { report: unknown; previous?: unknown }): { findings: Finding[] } {
  const report = validated(input.report, '报告');
  const previous = input.previous === undefined ? null : validated(input.previous, '上一年度的报告');
  return { findings: findingsOf(report, previous) };
}

/**
 * The preview's own policy, inside the page: nothing but its inline style sheet may load. (The
 * application's header policy already forbids every inline script; this closes images, fonts,
 * frames and forms as well.)
 */
export const PREVIEW_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** The year's report in the official layout, as an HTML page that carries its own policy. */
export async function previewReport(s: AppServices, actor: Actor, { bodyId, year }: YearInput): Promise<string> {
  requireReader(actor, bodyId);
  await nameOf(s, bodyId);
  checkYear(s, year);
  const { draft, report } = await currentReport(s, bodyId, year);
  const html = new TextDecoder().decode(await render(report, 'html', { draft: !draft?.finalizedAt }));
  return html.replace('<head>', `<head>\n<meta http-equiv="Content-Security-Policy" content="${PREVIEW_CSP}">`);
}

/** A report not yet final (定稿) says 草稿 in every file made of it. */
async function fileOf(report: AnnualReport, format: FileFormat, draft: boolean): Promise<Uint8Array> {
  if (format !== 'pdf') return render(report, format, { draft });
  if (!chromiumPath()) throw new PdfUnavailable();
  return render(report, 'pdf', { draft }, { htmlToPdf });
}

/** The year's report as HTML, Word or PDF, named as a portal editor expects. */
export async function downloadReport(s: AppServices, actor: Actor, { bodyId, year, format }: YearInput & { format: FileFormat }): Promise<FileDownload> {
  requireReader(actor, bodyId);
  const name = await nameOf(s, bodyId);
  checkYear(s, year);
  const { draft, report } = await currentReport(s, bodyId, year);
  const isDraft = !draft?.finalizedAt;
  return {
    bytes: await fileOf(report, format, isDraft),
    type: CONTENT_TYPES[format],
    fileName: reportFileName(report, format, name, isDraft),
    asciiName: `report-${year}${isDraft ? '-draft' : ''}.${format}`,
  };
}
