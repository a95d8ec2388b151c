/**
 * 待匹配: uploaded reports whose unit matched no body, or several, in the supervisor's scope. The
 * supervisor picks the body (from the candidates, or any body of their scope found by name) or
 * creates it as an observed body in a region of their scope. Never outside the scope: a report,
 * body or region the supervisor may not see is answered as if it did not exist (404), a region
 * outside the scope is refused (403). Every pick and creation is audited with the report's move.
 */
import { createHash } from 'node:crypto';
import { actorId, canSeeBody, isAdmin, type SessionUser } from '../../accounts/permissions.js';
import { matchKey, Matcher } from '../../directory/match.js';
import { compactName } from '../../directory/names.js';
import { subtreeCodes, type BodyRecord, type RegionRecord } from '../../directory/tree.js';
import { BODY_LEVEL_LABELS, BODY_LEVELS, levelOfBody, type BodyLevel } from '../../register/bodies.js';
import { writeAudit } from '../../store/audit.js';
import { BodyStore } from '../../store/body-store.js';
import type { Db } from '../../store/db.js';
import { PendingStore, type PendingReport } from '../../store/pending-store.js';
import { RegionStore } from '../../store/region-store.js';
import type { AppServices } from '../context.js';
import { forbidden, invalid, notFound } from '../errors.js';
import { requireSupervisor } from './access.js';
import { withFingerprints } from './fingerprint.js';

interface BodyOption {
  id: string;
  name: string;
  levelLabel: string;
  regionName: string | null;
}

const optionOf = (b: BodyRecord, regions: ReadonlyMap<string, RegionRecord>): BodyOption => ({
  id: b.id,
  name: b.name,
  levelLabel: BODY_LEVEL_LABELS[b.level],
  regionName: b.regionCode ? (regions.get(b.regionCode)?.name ?? null) : null,
});

/** The regions a supervisor may create a body in: their scope's regions and every one below (the administrator: all). */
function scopeRegions(user: SessionUser, regions: readonly RegionRecord[]): RegionRecord[] {
  if (isAdmin(user)) return [...regions];
  const codes = new Set((user.scopeRegions ?? []).flatMap((c) => [...subtreeCodes(regions, c)]));
  return regions.filter((r) => codes.has(r.code));
}

async function directoryOf(s: AppServices, user: SessionUser) {
  const [bodies, regions] = await Promise.all([new BodyStore(s.db).all(), new RegionStore(s.db).all()]);
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const mine = isAdmin(user) ? bodies : bodies.filter((b) => canSeeBody(user, b.id));
  return { bodies, mine, regions, byCode };
}

/** The reports waiting for a body, with their candidates, and the regions a new body may go in. */
export async function pendingReports(s: AppServices, user: SessionUser) {
  requireSupervisor(user);
  const rows = await new PendingStore(s.db).list(isAdmin(user) ? null : user.id);
  const d = await directoryOf(s, user);
  const byId = new Map(d.mine.map((b) => [b.id, b]));
  return {
    reports: rows.map(({ findings: _, ...r }) => ({
      ...r,
      // Candidates are kept as found; one that has left the scope since is no longer offered.
      candidates: r.candidates.flatMap((id) => (byId.has(id) ? [optionOf(byId.get(id)!, d.byCode)] : [])),
    })),
    regions: scopeRegions(user, d.regions).map((r) => ({ code: r.code, name: r.name, level: r.level })),
    levels: BODY_LEVELS.map((level) => ({ level, label: BODY_LEVEL_LABELS[level] })),
  };
}

/** Bodies of the scope whose name or alias contains `q` (compared as names are matched), at most 50. */
export async function searchScope(s: AppServices, user: SessionUser, { q }: { q: string }) {
  requireSupervisor(user);
  const key = matchKey(q);
  if (!key) return [];
  const d = await directoryOf(s, user);
  return d.mine
    .filter((b) => [b.name, ...b.aliases].some((n) => matchKey(n).includes(key)))
    .sort((a, b) => a.name.length - b.name.length || a.name.localeCompare(b.name, 'zh'))
    .slice(0, 50)
    .map((b) => optionOf(b, d.byCode));
}

/** The waiting report, if it is the user's to resolve; otherwise “not found”. */
async function waiting(tx: Db, user: SessionUser, reportId: number): Promise<PendingReport> {
  const row = await new PendingStore(tx).get(tx, reportId);
  if (!row || (!isAdmin(user) && row.uploadedBy !== user.id)) throw notFound('待匹配的报告');
  return row;
}

/** Move the report to its body: fingerprints made for the body, the wait ended, audited. */
async function assign(tx: Db, user: SessionUser, row: PendingReport, body: { id: string; name: string }, how: string): Promise<void> {
  const bare = row.findings.map(({ fingerprint: _, ...f }: PendingReport['findings'][number] & { fingerprint?: string }) => f);
  await PendingStore.assign(tx, row.reportId, body.id, withFingerprints(bare, { bodyId: body.id, unit: row.unit }, row.year));
  await writeAudit(tx, actorId(user), 'match', 'published-report', String(row.reportId), { body: null, unit: row.unit }, { body: body.id, name: body.name, how });
}

/** Pick the body of a waiting report: a body of the scope (a candidate, or one found by name). */
export async function pickPendingBody(s: AppServices, user: SessionUser, input: { reportId: number; bodyId: string }): Promise<{ bodyId: string }> {
  requireSupervisor(user);
  const body = await new BodyStore(s.db).get(input.bodyId);
  if (!body || !canSeeBody(user, body.id)) throw notFound('机关');
  await s.db.transaction(async (tx) => {
    const row = await waiting(tx, user, input.reportId);
    await assign(tx, user, row, body, row.candidates.includes(body.id) ? '从候选中选择' : '在监督范围内查找选择');
  });
  return { bodyId: body.id };
}

export interface NewObservedBody {
  reportId: number;
  name: string;
  regionCode: string;
  level?: BodyLevel | undefined;
}

/**
 * Create the body of a waiting report as observed (only its published reports are loaded; it
 * takes no applications) in a region of the scope, and move the report to it. A name that is
 * already a body — written with a lookalike character or a zero-width space too — is refused with
 * that body named: pick it instead.
 */
export async function createPendingBody(s: AppServices, user: SessionUser, input: NewObservedBody): Promise<{ bodyId: string }> {
  requireSupervisor(user);
  const name = compactName(input.name.normalize('NFC'));
  if (!matchKey(name)) throw invalid('请填写机关全称');
  const d = await directoryOf(s, user);
  const region = d.byCode.get(input.regionCode);
  if (!region) throw notFound('地区');
  if (!scopeRegions(user, d.regions).some((r) => r.code === region.code)) throw forbidden('该地区不在您的监督范围内，不能在此新建机关');
  const same = new Matcher(d.bodies, d.regions).match(name);
  if (same.kind === 'matched' && same.method !== 'regionShortName') {
    const known = d.bodies.find((b) => b.id === same.bodyId)!;
    if (!canSeeBody(user, known.id) && !isAdmin(user)) throw forbidden('名录中已有此机关，但不在您的监督范围内');
    throw invalid(`名录中已有此机关“${known.name}”，请直接选择它，不必新建`);
  }
  const id = `obs-${createHash('sha256').update(`${region.code}|${matchKey(name)}`).digest('hex').slice(0, 12)}`;
  const body: BodyRecord = { id, name, level: input.level ?? levelOfBody(name), regionCode: region.code, aliases: [], creditCode: null, worksHere: false };
  await s.db.transaction(async (tx) => {
    const row = await waiting(tx, user, input.reportId);
    await BodyStore.write(tx, [body]);
    await writeAudit(tx, actorId(user), 'create', 'body', id, null, { ...body, from: '待匹配' });
    await assign(tx, user, row, body, '新建机关（仅收录报告）');
  });
  return { bodyId: id };
}
