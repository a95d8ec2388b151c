/**
 * Corrections of a published report: the supervisor whose scope holds the report (or an officer
 * of the report's own body, or the administrator) sets one cell — fills a null, fixes a misread
 * value, or clears it — with a reason, or undoes an earlier correction. Each is a new version of
 * the report: the text and the model as read stay, the corrected model replaces `model` (what the
 * overview, the rollups, the charts and the exports read), the rules run again on it (and on the
 * same body's next year, whose CROSS.* findings compare with it), and the audit log keeps the
 * old and new values. A correction names the version it was made on: made on an older one, it
 * is refused (409) rather than silently overwriting what someone else did meanwhile.
 */
import { actorId, isSupervisor, type SessionUser } from '../../accounts/permissions.js';
import type { BodyLevel } from '../../register/bodies.js';
import { applyCorrections, cellValue, correctionProblem, undoProblem } from '../../model/corrections.js';
import type { AnnualReport, Cell } from '../../model/report.js';
import { sortFindings, type Finding } from '../../rules/finding.js';
import { placeName } from '../../rules/labels.js';
import { writeAudit } from '../../store/audit.js';
import type { Db } from '../../store/db.js';
import { PublishedStore, type NewCorrection, type StoredReport, type Viewer } from '../../store/published-store.js';
import type { AppServices } from '../context.js';
import { conflict, forbidden, invalid, notFound } from '../errors.js';
import { viewerOf } from './access.js';
import { checkBatch, poolEntry, type CheckItem } from './checks.js';
import { withFingerprints } from './fingerprint.js';
import { reportView } from './view.js';

/**
 * Whose reports a user may read and correct: a supervisor's scope (the administrator's is
 * everything), or an officer's own body. Anyone else is refused.
 */
export function correctorOf(user: SessionUser): Viewer {
  if (isSupervisor(user)) return viewerOf(user);
  if (user.role === 'officer') return { id: user.id, all: false, bodies: user.bodies };
  throw forbidden();
}

/** One report in the user's reach, with its corrections, as the report page shows it. */
export async function correctedView(s: AppServices, user: SessionUser, id: number) {
  const store = new PublishedStore(s.db);
  const r = await store.get(correctorOf(user), id);
  if (!r || (!isSupervisor(user) && !r.bodyId)) throw notFound('报告');
  return reportView(r, await store.corrections(s.db, id));
}

const MAX_REASON = 500;

function reasonOf(reason: string): string {
  const text = reason.trim();
  if (!text) throw invalid('请填写更正理由 (reason required)');
  if (text.length > MAX_REASON) throw invalid(`更正理由最多 ${MAX_REASON} 字 (reason too long)`);
  return text;
}

const staleVersion = (current: number) =>
  conflict(`该报告已被他人更正或重新上传（当前为第 ${current} 版），请刷新页面查看最新内容后再更正 (version conflict)`);

/** The rules run again on the corrected model; the findings about the text (similarity) stay as they were, the text being unchanged. */
async function recheck(store: PublishedStore, tx: Db, viewer: Viewer, r: StoredReport, model: AnnualReport, actor: string): Promise<Finding[]> {
  const body = r.bodyId && r.bodyName && r.bodyLevel ? { id: r.bodyId, name: r.bodyName, level: r.bodyLevel as BodyLevel } : null;
  const item: CheckItem = { report: model, error: null, body, findings: [] };
  const pool = model.year === null ? [] : (await store.pool(viewer, model.year - 1, model.year + 1, [], r.id, tx)).map(poolEntry);
  checkBatch([item], pool);
  const findings = sortFindings([...item.findings.filter((f) => !f.code.startsWith('SIM.')), ...r.findings.filter((f) => f.code.startsWith('SIM.'))]);
  for (const p of pool) {
    // Only the same body's next year changes (its CROSS.* findings compare with this report).
    if (p.storedId === undefined || !p.changed || p.bodyId !== r.bodyId || p.year !== (model.year ?? 0) + 1) continue;
    const next = withFingerprints(sortFindings(p.findings), { bodyId: p.bodyId, unit: p.report.unit }, p.year);
    const old = await store.setFindings(tx, p.storedId, next);
    await writeAudit(tx, actor, 'recheck', 'published-report', String(p.storedId), { findings: old.map((f) => f.code) }, { findings: next.map((f) => f.code) });
  }
  return withFingerprints(findings, { bodyId: r.bodyId, unit: r.unit }, r.year);
}

interface Change {
  path: string;
  after: Cell;
  reason: string;
  undoes: number | null;
}

/** One new version: check the version, store the correction, the corrected model and its findings, and log it. */
async function change(s: AppServices, user: SessionUser, id: number, version: number, decide: (r: StoredReport, model: AnnualReport, history: Awaited<ReturnType<PublishedStore['corrections']>>) => Change) {
  const store = new PublishedStore(s.db);
  const viewer = correctorOf(user);
  const actor = actorId(user);
  await s.db.transaction(async (tx) => {
    const current = await store.lockVersion(tx, id);
    const r = current === null ? null : await store.get(viewer, id, tx);
    if (!r || current === null || (!isSupervisor(user) && !r.bodyId)) throw notFound('报告');
    if (!r.model || !r.readModel || r.error) throw invalid('这份报告没有读出表格，无法更正 (nothing to correct)');
    if (current !== version) throw staleVersion(current);
    const history = await store.corrections(tx, id);
    const c = decide(r, r.model, history);
    const before = cellValue(r.model, c.path) ?? null;
    const model = applyCorrections(r.readModel, [...history, { id: 0, ...c, before }]);
    const findings = await recheck(store, tx, viewer, r, model, actor);
    const next = current + 1;
    const row: NewCorrection = { ...c, before, actor, actorName: user.displayName || user.username };
    const correctionId = await store.addCorrection(tx, id, next, row, model, findings);
    const codes = (fs: readonly Finding[]) => fs.map((f) => f.code);
    await writeAudit(
      tx, actor, c.undoes === null ? 'correct' : 'revoke', 'published-report', String(id),
      { version: current, path: c.path, place: placeName(c.path), value: before, findings: codes(r.findings) },
      { version: next, correction: correctionId, path: c.path, place: placeName(c.path), value: c.after, reason: c.reason, ...(c.undoes === null ? {} : { undoes: c.undoes }), findings: codes(findings) },
    );
  });
  return correctedView(s, user, id);
}

export interface CorrectInput {
  id: number;
  version: number;
  path: string;
  value: number | null;
  reason: string;
}

/** Set one cell (null clears it), with a reason: a new version of the report. */
export async function correctCell(s: AppServices, user: SessionUser, input: CorrectInput) {
  const reason = reasonOf(input.reason);
  return change(s, user, input.id, input.version, (_r, model) => {
    const problem = correctionProblem(model, input.path, input.value);
    if (problem) throw invalid(`${problem} (invalid correction)`);
    return { path: input.path, after: input.value, reason, undoes: null };
  });
}

export interface UndoInput {
  id: number;
  version: number;
  correction: number;
  reason: string;
}

/** Undo a correction: the cell goes back to what that correction found — itself a new version. */
export async function undoCorrection(s: AppServices, user: SessionUser, input: UndoInput) {
  const reason = reasonOf(input.reason);
  return change(s, user, input.id, input.version, (_r, _model, history) => {
    const problem = undoProblem(history, input.correction);
    if (problem) throw invalid(`${problem} (cannot undo)`);
    const target = history.find((c) => c.id === input.correction)!;
    return { path: target.path, after: target.before, reason, undoes: target.id };
  });
}
