/**
 * The administrator's bodies: the list of bodies (public), adding or renaming one. Accounts are in
 * src/app/accounts/users.ts, holiday overrides in src/app/calendar.ts, the audit log in
 * src/app/audit.ts; all of them ask `requireAdmin` first.
 */
import { actorId, isAdmin, type Actor } from '../accounts/permissions.js';
import { BODY_LEVEL_LABELS, type BodyLevel } from '../register/bodies.js';
import { BodyStore, type BodyRow } from '../store/body-store.js';
import type { AppServices } from './context.js';
import { forbidden } from './errors.js';

/** Refuse anyone but an administrator (or the local operator). */
export function requireAdmin(actor: Actor): void {
  if (!isAdmin(actor)) throw forbidden();
}

/** Bodies whose name or region contains `q`, of one level if given, with the level's name. */
export async function searchBodies(s: AppServices, query: { q?: string | undefined; level?: BodyLevel | undefined }): Promise<(BodyRow & { levelLabel: string })[]> {
  const rows = await new BodyStore(s.db).search(query.q?.trim() || null, query.level ?? null);
  return rows.map((r) => ({ ...r, levelLabel: BODY_LEVEL_LABELS[r.level] }));
}

/** Add a body, or rename it (and set its level and region) when the id exists. */
export async function saveBody(s: AppServices, actor: Actor, body: { id: string; name: string; level?: BodyLevel | undefined; region?: string | undefined }): Promise<void> {
  requireAdmin(actor);
  await s.register.addBody(body.id, body.name.trim(), actorId(actor), { ...(body.level ? { level: body.level } : {}), ...(body.region ? { region: body.region } : {}) });
}
