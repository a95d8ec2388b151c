/**
 * 年度报告质量评估 of a body or a region for one year, as a printable HTML page and as a Word
 * file: gathered from the newest report of each body (corrected), the 问题清单 (findings with the
 * supervisor's decisions) and the indicators' flags under the region's thresholds, then written by
 * src/render/quality-assessment.ts — deterministic, no model is asked. Within the supervisor's
 * scope only (outside: not found); each download is logged.
 */
import { actorId, type SessionUser } from '../../accounts/permissions.js';
import { CODE_BY_NAME, type FindingCode } from '../../model/codes.js';
import type { Severity } from '../../model/report.js';
import {
  assessmentDocx, assessmentHtml, writeAssessment, type AssessedBody, type AssessedFinding, type AssessedFlag, type Assessment, type AssessmentInput,
} from '../../render/quality-assessment.js';
import { subtreeCodes } from '../../directory/tree.js';
import { writeAudit } from '../../store/audit.js';
import { BodyStore } from '../../store/body-store.js';
import { BodyYearsStore, type YearReport, type YearTables } from '../../store/body-years-store.js';
import { FindingReviewStore, type IssueRow } from '../../store/finding-review-store.js';
import { RegionStore } from '../../store/region-store.js';
import type { AppServices } from '../context.js';
import type { FileDownload } from '../download.js';
import { indicatorView } from '../indicators.js';
import { requireSupervisor, viewerOf } from './access.js';
import { bodyInScope, comparisonRegion } from './body-page.js';
import { issueView } from './findings-work.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

type IndicatorTable = Awaited<ReturnType<typeof indicatorView>>;

const nameOf = (u: SessionUser) => u.displayName || u.username;

function findingOf(r: IssueRow): AssessedFinding {
  const v = issueView(r);
  return { code: r.code, family: CODE_BY_NAME.get(r.code as FindingCode)?.family ?? 'reading', severity: r.severity as Severity, place: v.place, message: r.message, status: r.status, reason: r.reason };
}

const valueText = (value: number, unit: string) => (unit === '%' ? `${value.toFixed(1)}%` : `${value}${unit}`);

/** The red and yellow flags of one body's line of the indicator table. */
function flagsOf(t: IndicatorTable, bodyId: string): AssessedFlag[] {
  const line = t.bodies.find((b) => b.id === bodyId);
  if (!line) return [];
  return t.indicators.flatMap((d) => {
    const c = line.cells[d.key];
    return c?.flag && c.value !== null ? [{ indicator: d.name, value: valueText(c.value, d.unit), flag: c.flag, thresholds: d.thresholdWords }] : [];
  });
}

function assessed(name: string, report: YearReport<YearTables> | undefined, issues: readonly IssueRow[], flags: AssessedFlag[], corrected: number): AssessedBody {
  const readable = Boolean(report && report.model && !report.error);
  return {
    name, reported: Boolean(report), publishedOn: report?.publishedOn ?? null, template: readable ? report!.template : null,
    findings: issues.map(findingOf), flags, corrections: corrected, version: report?.version ?? 0,
  };
}

export interface AssessmentQuery {
  year: number;
  format: 'html' | 'docx';
}

async function deliver(s: AppServices, user: SessionUser, input: AssessmentInput, entity: string, format: AssessmentQuery['format'], bodyId?: string): Promise<FileDownload> {
  const a: Assessment = writeAssessment(input);
  await writeAudit(s.db, actorId(user), 'export', 'assessment', entity, null, { title: a.title, format }, bodyId);
  if (format === 'html') return { bytes: new TextEncoder().encode(assessmentHtml(a)), type: 'text/html; charset=utf-8', fileName: `${a.title}.html`, asciiName: `assessment-${input.year}.html` };
  return { bytes: await assessmentDocx(a), type: DOCX, fileName: `${a.title}.docx`, asciiName: `assessment-${input.year}.docx` };
}

/** One body's assessment of the year. */
export async function bodyAssessment(s: AppServices, user: SessionUser, q: AssessmentQuery & { id: string }): Promise<FileDownload> {
  const { viewer, body } = await bodyInScope(s, user, q.id);
  const store = new BodyYearsStore(s.db);
  const report = (await store.ofBody(viewer, body.id)).find((r) => r.year === q.year);
  const corrected = report ? (await store.correctedCells([report.id])).get(report.id) ?? 0 : 0;
  const { rows } = await new FindingReviewStore(s.db).issues(viewer, { bodyId: body.id, year: q.year }, 5000, 0);
  const region = await comparisonRegion(s, body.regionCode);
  const table = await indicatorView(s, user, { year: q.year, ...(region ? { region: region.code } : {}) });
  const input: AssessmentInput = { kind: 'body', year: q.year, from: nameOf(user), date: s.today(), body: assessed(body.name, report, rows, flagsOf(table, body.id), corrected) };
  return deliver(s, user, input, `${body.id}/${q.year}`, q.format, body.id);
}

/** How many bodies of the region (and the regions below) are not among those assessed. */
async function bodiesOutside(s: AppServices, code: string, assessed: ReadonlySet<string>): Promise<number> {
  const codes = subtreeCodes(await new RegionStore(s.db).all(), code);
  return (await new BodyStore(s.db).inRegions([...codes])).filter((id) => !assessed.has(id)).length;
}

/** A region's assessment of the year: every body of the region in the supervisor's scope. */
export async function regionAssessment(s: AppServices, user: SessionUser, q: AssessmentQuery & { region: string }): Promise<FileDownload> {
  requireSupervisor(user);
  const table = await indicatorView(s, user, { region: q.region, year: q.year });
  const ids = table.bodies.map((b) => b.id);
  const store = new BodyYearsStore(s.db);
  const reports = new Map((await store.ofYear(ids, q.year)).map((r) => [r.bodyId, r]));
  const corrected = await store.correctedCells([...reports.values()].map((r) => r.id));
  const inRegion = new Set(ids);
  const { rows } = await new FindingReviewStore(s.db).issues(viewerOf(user), { year: q.year }, 100_000, 0);
  const byBody = new Map<string, IssueRow[]>();
  for (const r of rows) if (inRegion.has(r.bodyId)) byBody.set(r.bodyId, [...(byBody.get(r.bodyId) ?? []), r]);
  const bodies = table.bodies.map((b) => {
    const report = reports.get(b.id);
    return assessed(b.name, report, byBody.get(b.id) ?? [], flagsOf(table, b.id), report ? corrected.get(report.id) ?? 0 : 0);
  });
  const outOfScope = await bodiesOutside(s, q.region, inRegion);
  const input: AssessmentInput = { kind: 'region', year: q.year, from: nameOf(user), date: s.today(), region: table.region?.name ?? '监督范围', bodies, outOfScope };
  return deliver(s, user, input, `${q.region}/${q.year}`, q.format);
}
