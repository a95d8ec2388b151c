/**
 * Findings handled as work. A supervisor confirms a finding of a report in their scope (it becomes
 * a 整改 item of the body) or dismisses it with a reason; the body's officer answers a confirmed
 * item; the supervisor accepts the answer. The state is kept per body, year and the finding's
 * fingerprint, so it survives re-uploads and corrections; a confirmed finding the latest report
 * no longer has is shown as resolved (已消除). Also the 问题清单 over the supervisor's scope (paged,
 * filtered, exported to Excel) and the 整改通知书 of a body and year. Everything is audited.
 */
import { actorId, type SessionUser } from '../../accounts/permissions.js';
import { CODE_BY_NAME, CODES, type FindingCode } from '../../model/codes.js';
import { cellPathsOf } from '../../model/corrections.js';
import { emptyReport } from '../../model/report.js';
import { decisionProblem, ISSUE_STATUS_LABELS, type IssueStatusKey } from '../../model/finding-review.js';
import { issuesWorkbook, noticeTitle, rectificationNoticeDocx } from '../../render/rectification-notice.js';
import { writeAudit } from '../../store/audit.js';
import type { Db } from '../../store/db.js';
import { FindingReviewStore, type IssueFilters, type IssueRow } from '../../store/finding-review-store.js';
import { PublishedStore } from '../../store/published-store.js';
import type { AppServices } from '../context.js';
import { XLSX, type FileDownload } from '../download.js';
import { conflict, forbidden, invalid, notFound } from '../errors.js';
import { requireSupervisor, viewerOf } from './access.js';
import { keptOr, scopeKey } from './kept.js';
import { placeOf } from './view.js';

/** Every cell path of either template (the 2019 single （六） row included): a finding's `at` names a cell or a row. */
const CELL_PATHS = [
  ...cellPathsOf({ template: '2021', applications: emptyReport('2021', { singleOtherHandling: true }).applications }),
  ...cellPathsOf({ template: '2019', applications: emptyReport('2019').applications }),
];
const placeName = (at: string) => placeOf(at, CELL_PATHS);

export const ISSUES_PAGE_SIZE = 50;
/** 问题清单 pages a server keeps (each fifty issues and the scope's body list). */
const KEPT_PAGES = 50;
const EXPORT_LIMIT = 50_000;
const MAX_TEXT = 1000;

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Which finding: a body, a year, a fingerprint. */
export interface FindingKey {
  bodyId: string;
  year: number;
  fingerprint: string;
}

export interface IssueQuery {
  code?: string | undefined;
  severity?: 'error' | 'warning' | 'info' | undefined;
  status?: IssueStatusKey | undefined;
  year?: number | undefined;
  body?: string | undefined;
  page?: number | undefined;
}

const ruleName = (code: string) => CODE_BY_NAME.get(code as FindingCode)?.zh ?? code;

/** An issue as the pages show it: its place and rule in Chinese, its state's label. */
export function issueView(r: IssueRow) {
  return { ...r, place: placeName(r.at), rule: ruleName(r.code), statusLabel: ISSUE_STATUS_LABELS[r.status] };
}

const filtersOf = (q: IssueQuery): IssueFilters => ({
  code: q.code, severity: q.severity, statuses: q.status ? [q.status] : undefined, year: q.year, bodyId: q.body,
});

const nameOf = (u: SessionUser) => u.displayName || u.username;
const entityId = (k: FindingKey) => `${k.bodyId}/${k.year}/${k.fingerprint}`;

/** One page of the 问题清单 in the supervisor's scope, with what the filters may choose from; kept until the reports, bodies or reviews change. */
export async function issueList(s: AppServices, user: SessionUser, q: IssueQuery) {
  requireSupervisor(user);
  const viewer = viewerOf(user);
  const page = Math.max(1, q.page ?? 1);
  const store = new FindingReviewStore(s.db);
  const key = `${await store.versions()}|${scopeKey(viewer)}|${JSON.stringify([filtersOf(q), page])}`;
  return keptOr(s, 'issues', key, KEPT_PAGES, async () => {
    const { rows, total } = await store.issues(viewer, filtersOf(q), ISSUES_PAGE_SIZE, (page - 1) * ISSUES_PAGE_SIZE);
    const published = new PublishedStore(s.db);
    return {
      total, page, pageSize: ISSUES_PAGE_SIZE,
      rows: rows.map(issueView),
      years: await published.years(viewer),
      bodies: (await published.overviewBodies(viewer, null, null)).map((b) => ({ id: b.id, name: b.name })),
      codes: CODES.filter((c) => c.family !== 'rollup').map((c) => ({ code: c.code, rule: c.zh })),
    };
  });
}

/** The 问题清单 as filtered, as an Excel workbook (logged as an export). */
export async function exportIssues(s: AppServices, user: SessionUser, q: IssueQuery): Promise<FileDownload> {
  requireSupervisor(user);
  const { rows, total } = await new FindingReviewStore(s.db).issues(viewerOf(user), filtersOf(q), EXPORT_LIMIT, 0);
  const bytes = await issuesWorkbook(
    rows.map((r) => ({ ...issueView(r), body: r.bodyName })),
    `问题清单（共 ${total} 条${total > rows.length ? `，导出前 ${rows.length} 条` : ''}）`,
  );
  await writeAudit(s.db, actorId(user), 'export', 'finding', 'issues', null, { conditions: { ...q, page: undefined }, count: rows.length });
  return { bytes, type: XLSX, fileName: '问题清单.xlsx', asciiName: 'issues.xlsx' };
}

/** The finding as it is now in the user's scope, locked with its review for the transaction. */
async function current(s: AppServices, tx: Db, user: SessionUser, k: FindingKey) {
  const store = new FindingReviewStore(s.db);
  const review = await store.lock(tx, k.bodyId, k.year, k.fingerprint);
  const found = (await store.issues(viewerOf(user), { bodyId: k.bodyId, year: k.year, fingerprint: k.fingerprint }, 1, 0, tx)).rows[0];
  if (!found) throw notFound('问题');
  return { store, review, found };
}

async function decide(s: AppServices, user: SessionUser, k: FindingKey, status: 'confirmed' | 'dismissed', reason: string | null) {
  requireSupervisor(user);
  await s.db.transaction(async (tx) => {
    const { store, found } = await current(s, tx, user, k);
    if (found.reportId === null) throw conflict('该问题在最新的报告中已不存在（已消除），无需处理');
    const problem = decisionProblem(status === 'confirmed' ? 'confirm' : 'dismiss', found.status);
    if (problem) throw conflict(problem);
    await store.decide(tx, k, found, status, reason, { id: actorId(user), name: nameOf(user) });
    await writeAudit(
      tx, actorId(user), status === 'confirmed' ? 'confirm' : 'dismiss', 'finding', entityId(k),
      { status: ISSUE_STATUS_LABELS[found.status] },
      { status: ISSUE_STATUS_LABELS[status], code: found.code, place: placeName(found.at), year: k.year, ...(reason ? { reason } : {}) },
      k.bodyId,
    );
  });
}

const textOf = (text: string | null | undefined, what: string): string | null => {
  const t = (text ?? '').trim();
  if (t.length > MAX_TEXT) throw invalid(`${what}最多 ${MAX_TEXT} 字`);
  return t || null;
};

/** Confirm a finding: it becomes a 整改 item of the body. */
export async function confirmFinding(s: AppServices, user: SessionUser, k: FindingKey): Promise<void> {
  await decide(s, user, k, 'confirmed', null);
}

/** Dismiss a finding, with a reason; it stays dismissed across re-uploads. */
export async function dismissFinding(s: AppServices, user: SessionUser, input: FindingKey & { reason: string }): Promise<void> {
  const reason = textOf(input.reason, '驳回理由');
  if (!reason) throw invalid('请填写驳回理由');
  await decide(s, user, input, 'dismissed', reason);
}

/** Accept the body's answer: 已核销. */
export async function acceptFinding(s: AppServices, user: SessionUser, k: FindingKey): Promise<void> {
  requireSupervisor(user);
  await s.db.transaction(async (tx) => {
    const { store, review, found } = await current(s, tx, user, k);
    const problem = decisionProblem('accept', review?.status ?? 'new');
    if (problem) throw conflict(problem);
    await store.accept(tx, k, nameOf(user));
    await writeAudit(tx, actorId(user), 'accept', 'finding', entityId(k), { status: ISSUE_STATUS_LABELS[found.status] }, { status: ISSUE_STATUS_LABELS.accepted, code: found.code, year: k.year }, k.bodyId);
  });
}

/** An officer's own bodies; anyone else is refused. */
function officerBodies(user: SessionUser): readonly string[] {
  if (user.role !== 'officer') throw forbidden();
  return user.bodies;
}

/** The body's officer answers a confirmed item (the text may be left empty): 已整改. */
export async function answerFinding(s: AppServices, user: SessionUser, input: FindingKey & { answer?: string | null | undefined }): Promise<void> {
  const bodies = officerBodies(user);
  if (!bodies.includes(input.bodyId)) throw notFound('整改事项');
  const answer = textOf(input.answer, '整改情况');
  const store = new FindingReviewStore(s.db);
  await s.db.transaction(async (tx) => {
    const review = await store.lock(tx, input.bodyId, input.year, input.fingerprint);
    if (!review || review.status === 'dismissed') throw notFound('整改事项');
    const problem = decisionProblem('answer', review.status);
    if (problem) throw conflict(problem);
    await store.answer(tx, input, answer, nameOf(user));
    await writeAudit(
      tx, actorId(user), 'answer', 'finding', entityId(input),
      { status: ISSUE_STATUS_LABELS[review.status], ...(review.answer ? { answer: review.answer } : {}) },
      { status: ISSUE_STATUS_LABELS.answered, code: review.code, year: input.year, answer: answer ?? '' },
      input.bodyId,
    );
  });
}

/** The 整改 items of the officer's bodies: every confirmed finding, answered or not, with the deadline set. */
export async function rectificationItems(s: AppServices, user: SessionUser) {
  const bodies = officerBodies(user);
  const store = new FindingReviewStore(s.db);
  const { rows } = await store.issues({ id: user.id, all: false, bodies }, { statuses: ['confirmed', 'answered', 'accepted', 'resolved'] }, EXPORT_LIMIT, 0);
  const deadlines = await store.deadlines(bodies);
  return { items: rows.map((r) => ({ ...issueView(r), deadline: deadlines.get(`${r.bodyId}|${r.year}`) ?? null })) };
}

/**
 * The 整改通知书 of a body and year: every confirmed finding still found (answered or not), with
 * its cell; the deadline is kept (the officer's page shows it) and the notice is logged.
 */
export async function rectificationNotice(s: AppServices, user: SessionUser, input: { bodyId: string; year: number; deadline: string }): Promise<FileDownload> {
  requireSupervisor(user);
  if (input.deadline <= s.today()) throw invalid('答复期限应晚于今天');
  const store = new FindingReviewStore(s.db);
  const { rows } = await store.issues(viewerOf(user), { bodyId: input.bodyId, year: input.year, statuses: ['confirmed', 'answered'] }, EXPORT_LIMIT, 0);
  const body = (await new PublishedStore(s.db).overviewBodies(viewerOf(user), null, null)).find((b) => b.id === input.bodyId);
  if (!body) throw notFound('机关');
  if (rows.length === 0) throw conflict(`${body.name}${input.year}年度没有已确认待整改的问题，无需发出整改通知书`);
  await s.db.transaction(async (tx) => {
    await store.setDeadline(tx, input.bodyId, input.year, input.deadline, actorId(user));
    await writeAudit(tx, actorId(user), 'notice', 'finding', `${input.bodyId}/${input.year}`, null, { year: input.year, deadline: input.deadline, count: rows.length }, input.bodyId);
  });
  const bytes = await rectificationNoticeDocx({
    body: body.name, year: input.year, from: nameOf(user), date: s.today(), deadline: input.deadline,
    items: rows.map((r) => ({ place: placeName(r.at), rule: ruleName(r.code), message: r.message })),
  });
  return { bytes, type: DOCX, fileName: `${body.name}${noticeTitle(input.year).replace(/^关于/, '')}.docx`, asciiName: `rectification-${input.year}.docx` };
}
