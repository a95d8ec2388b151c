/**
 * Who may do what, as pure predicates over the signed-in user (no I/O), so every route asks the
 * same questions and tests can ask them directly.
 *
 * - officer (经办人): keeps the register and the annual report of their body;
 * - reviewer (审核人): reads their body's register and reviews its drafts;
 * - supervisor (监督者, 县市政务公开办): reads and checks the published reports of a set of bodies;
 * - admin (管理员): accounts, bodies, holiday overrides; sees everything.
 * Applicants have no account: their query code is their key to one application.
 */

export const ROLES = ['officer', 'reviewer', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  officer: '经办人',
  reviewer: '审核人',
  supervisor: '监督者',
  admin: '管理员',
};

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  /** Officer/reviewer: their body; supervisor: the bodies they oversee. */
  bodies: readonly string[];
}

const ofBody = (u: SessionUser, bodyId: string) => u.bodies.includes(bodyId);

/** Read a body's register (applications, appeals, documents) and its draft report. */
export const canReadRegister = (u: SessionUser, bodyId: string): boolean =>
  u.role === 'admin' || ((u.role === 'officer' || u.role === 'reviewer') && ofBody(u, bodyId));

/** Record applications and events, edit the body's annual report. */
export const canWriteRegister = (u: SessionUser, bodyId: string): boolean => u.role === 'officer' && ofBody(u, bodyId);

/** See a body at all: its published reports, status and figures. */
export const canSeeBody = (u: SessionUser, bodyId: string): boolean => u.role === 'admin' || ofBody(u, bodyId);

/** Applicants' ID numbers and phone numbers unmasked: only those who must contact them. */
export const canSeePersonalData = (u: SessionUser, bodyId: string): boolean => u.role === 'officer' && ofBody(u, bodyId);

export const isSupervisor = (u: SessionUser): boolean => u.role === 'supervisor' || u.role === 'admin';
export const isAdmin = (u: SessionUser): boolean => u.role === 'admin';
