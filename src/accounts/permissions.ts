/**
 * Who may do what, as pure predicates over the actor (no I/O), so every use case in `src/app`
 * asks the same questions and tests can ask them directly. The store, the server and the CLI
 * all take the actor's type from here; nothing here knows about HTTP.
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
  /**
   * Officer/reviewer: their body; supervisor: every body they oversee — those in their scope's
   * regions and every region below them, plus the extra bodies named on the account.
   */
  bodies: readonly string[];
  /** Supervisor: the regions (行政区划代码) whose subtrees are their scope; none for other roles. */
  scopeRegions?: readonly string[];
  /**
   * Signed in with a password an administrator reset: this session may only choose a new
   * password (and sign out) until it has.
   */
  mustChangePassword?: boolean;
}

/**
 * Someone at the machine's shell who holds the database itself (the `gongkai register` commands):
 * nothing a permission could withhold, so every predicate says yes; audited by their OS user name.
 */
export interface Operator {
  role: 'operator';
  username: string;
  displayName: string;
}

/** Whoever a use case acts for: a signed-in user, or the local operator. */
export type Actor = SessionUser | Operator;

export const isOperator = (a: Actor): a is Operator => a.role === 'operator';

/** The name an actor leaves in the audit log and the register's timeline. */
export const actorId = (a: Actor): string => (isOperator(a) ? a.username : `user:${a.username}`);

export const operator = (username: string): Operator => ({ role: 'operator', username, displayName: username });

const ofBody = (u: SessionUser, bodyId: string) => u.bodies.includes(bodyId);

/** Read a body's register (applications, appeals, documents) and its draft report. */
export const canReadRegister = (u: Actor, bodyId: string): boolean =>
  isOperator(u) || u.role === 'admin' || ((u.role === 'officer' || u.role === 'reviewer') && ofBody(u, bodyId));

/** Record applications and events, edit the body's annual report. */
export const canWriteRegister = (u: Actor, bodyId: string): boolean => isOperator(u) || (u.role === 'officer' && ofBody(u, bodyId));

/** See a body at all: its published reports, status and figures. */
export const canSeeBody = (u: SessionUser, bodyId: string): boolean => u.role === 'admin' || ofBody(u, bodyId);

/** Applicants' ID numbers and phone numbers unmasked: only those who must contact them. */
export const canSeePersonalData = (u: Actor, bodyId: string): boolean => isOperator(u) || (u.role === 'officer' && ofBody(u, bodyId));

export const isSupervisor = (u: SessionUser): boolean => u.role === 'supervisor' || u.role === 'admin';
/** Bodies, accounts, holiday overrides, the audit log (the local operator may too). */
export const isAdmin = (a: Actor): boolean => isOperator(a) || a.role === 'admin';

/** A body's catalogue back office (items not yet public among them): its staff and administrators. */
export const canReadCatalogue = (u: SessionUser, bodyId: string): boolean => canReadRegister(u, bodyId);

/** Draft, edit, submit, attach and re-examine catalogue items: the body's officers. */
export const canDraftCatalogue = (u: SessionUser, bodyId: string): boolean => canWriteRegister(u, bodyId);

/** Review steps are acted on by the body's own staff; which role, the step says. Administrators do not review. */
export const canReviewCatalogue = (u: SessionUser, bodyId: string): boolean => (u.role === 'officer' || u.role === 'reviewer') && ofBody(u, bodyId);

/** The catalogue's settings (index rule, review chain, re-examination) and the guide's: the body's officers or an administrator. */
export const canConfigureCatalogue = (u: SessionUser, bodyId: string): boolean => isAdmin(u) || canWriteRegister(u, bodyId);
