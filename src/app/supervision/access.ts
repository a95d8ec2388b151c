/**
 * Who may use the supervisor's desk and the analysis, and whose reports they see: supervisors and
 * the administrator only; a supervisor sees their bodies' reports and their own uploads no body
 * was matched to, the administrator everything.
 */
import { isAdmin, isSupervisor, type SessionUser } from '../../accounts/permissions.js';
import type { Viewer } from '../../store/published-store.js';
import { forbidden } from '../errors.js';

/** Supervisors and the administrator only. */
export function requireSupervisor(user: SessionUser): void {
  if (!isSupervisor(user)) throw forbidden();
}

/** The store's view of whose reports the user sees. */
export const viewerOf = (u: SessionUser): Viewer => ({ id: u.id, all: isAdmin(u), bodies: u.bodies });
