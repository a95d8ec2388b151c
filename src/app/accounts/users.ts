/**
 * The administrator's accounts: the list (with the last sign-in), a new account (with its body,
 * or the bodies a supervisor oversees), a change of name, role or bodies, disabling and enabling,
 * a password reset, and the sign-in locks; on an empty database, the first administrator. Each
 * change is audited by the store in the same transaction with its values before and after;
 * passwords are stored only as scrypt hashes and never audited.
 */
import { randomBytes } from 'node:crypto';
import { actorId, isOperator, type Actor, type Role } from '../../accounts/permissions.js';
import { THROTTLE_LABELS, type ThrottleKind } from '../../accounts/throttle.js';
import type { SignInLock, UserRow } from '../../store/account-store.js';
import type { Db } from '../../store/db.js';
import { requireAdmin } from '../admin.js';
import type { AppServices } from '../context.js';
import { invalid, notFound } from '../errors.js';
import { hashPassword, passwordProblem } from './password.js';

/** The PostgreSQL error code of a failed statement (23505 unique, 23503 foreign key). */
const sqlState = (error: unknown): string | undefined => (error as { code?: string }).code;

export async function listAccounts(s: AppServices, actor: Actor): Promise<UserRow[]> {
  requireAdmin(actor);
  return s.accounts.users();
}

export interface NewAccount {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  bodies: string[];
  /** Supervisor: regions (行政区划代码) whose subtrees are the scope. */
  regions?: string[] | undefined;
}

export async function createAccount(s: AppServices, actor: Actor, input: NewAccount): Promise<{ id: number }> {
  requireAdmin(actor);
  const problem = passwordProblem(input.password);
  if (problem) throw invalid(problem);
  const bodies = bodiesProblem(input.role, input.bodies, input.regions ?? []);
  if (bodies) throw invalid(bodies);
  const { password, ...account } = input;
  try {
    return { id: await s.accounts.createUser({ ...account, regions: input.regions ?? [], passwordHash: await hashPassword(password) }, actorId(actor)) };
  } catch (error) {
    if (sqlState(error) === '23505') throw invalid(`用户名 ${input.username} 已被使用`);
    if (sqlState(error) === '23503') throw invalid(MISSING);
    throw error;
  }
}

const MISSING = '所列机关或地区中有不存在的机关或地区';

/**
 * Officers and reviewers belong to exactly one body; supervisors oversee regions (with everything
 * below them) and/or extra bodies; administrators need none. Only a supervisor has regions.
 */
function bodiesProblem(role: Role, bodies: readonly string[], regions: readonly string[]): string | null {
  if ((role === 'officer' || role === 'reviewer') && bodies.length !== 1) return '经办人和审核人须属于一个机关';
  if (role === 'supervisor' && bodies.length === 0 && regions.length === 0) return '监督者须至少监督一个地区或机关';
  if (role !== 'supervisor' && regions.length > 0) return '只有监督者有监督地区';
  return null;
}

const noSuchAccount = () => notFound('账号');

/** Run a store change, turning a foreign-key failure into the administrator's words. */
async function withBodies<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (sqlState(error) === '23503') throw invalid(MISSING);
    throw error;
  }
}

/**
 * Refuse to take away the last way in: an administrator may not disable or demote themselves,
 * nor the last enabled administrator.
 */
function guardAdministrators(s: AppServices, actor: Actor, what: { disable?: boolean; role?: Role }) {
  return async (before: UserRow, tx: Db) => {
    const losesAdmin = before.role === 'admin' && !before.disabled && (what.disable === true || (what.role !== undefined && what.role !== 'admin'));
    if (!losesAdmin) return;
    if (!isOperator(actor) && before.username === actor.username) throw invalid(what.disable ? '不能停用自己的账号' : '不能更改自己的角色');
    if ((await s.accounts.otherAdmins(before.id, tx)) === 0) throw invalid('这是唯一可用的管理员账号，不能停用或更改角色');
  };
}

export interface AccountEdit {
  displayName?: string | undefined;
  role?: Role | undefined;
  bodies?: string[] | undefined;
  regions?: string[] | undefined;
}

/**
 * Change an account's name, role, and body or supervised bodies; audited field by field. The
 * role and the bodies are checked together (an officer has one body).
 */
export async function updateAccount(s: AppServices, actor: Actor, userId: number, edit: AccountEdit): Promise<void> {
  requireAdmin(actor);
  const check = async (before: UserRow, tx: Db) => {
    const role = edit.role ?? before.role;
    // A supervisor made officer loses the regions of their scope.
    const regions = edit.regions ?? (role === 'supervisor' ? before.regions : []);
    const problem = bodiesProblem(role, edit.bodies ?? before.bodies, regions);
    if (problem) throw invalid(problem);
    await guardAdministrators(s, actor, { ...(edit.role ? { role: edit.role } : {}) })(before, tx);
  };
  const regions = edit.regions ?? (edit.role && edit.role !== 'supervisor' ? [] : undefined);
  const done = await withBodies(() => s.accounts.updateUser(userId, { displayName: edit.displayName?.trim(), role: edit.role, bodies: edit.bodies, regions }, actorId(actor), check));
  if (!done) throw noSuchAccount();
}

/** An officer's or reviewer's body, or the bodies a supervisor oversees. */
export async function setAccountBodies(s: AppServices, actor: Actor, userId: number, bodies: readonly string[]): Promise<void> {
  await updateAccount(s, actor, userId, { bodies: [...bodies] });
}

/** Disable an account (its sessions end at once) or enable it again. */
export async function setAccountDisabled(s: AppServices, actor: Actor, userId: number, disabled: boolean): Promise<void> {
  requireAdmin(actor);
  if (!(await s.accounts.setDisabled(userId, disabled, actorId(actor), guardAdministrators(s, actor, { disable: disabled })))) throw noSuchAccount();
}

/**
 * Reset a password: a new one is generated and returned to be shown once to the administrator,
 * who hands it over. It opens one session, in which the user must choose their own password;
 * every session of the account ends now.
 */
export async function resetAccountPassword(s: AppServices, actor: Actor, userId: number): Promise<{ password: string }> {
  requireAdmin(actor);
  const password = oneTimePassword();
  if (!(await s.accounts.resetPassword(userId, await hashPassword(password), actorId(actor)))) throw noSuchAccount();
  return { password };
}

/** 12 characters from an alphabet without look-alikes (no 0/O, 1/l/I): read out over the phone. */
function oneTimePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(24);
  let out = '';
  // Rejection sampling keeps every character equally likely.
  for (const b of bytes) if (b < 256 - (256 % alphabet.length) && out.length < 12) out += alphabet[b % alphabet.length];
  return out.length === 12 ? out : oneTimePassword();
}

/** Account names and client addresses locked now for failed sign-ins. */
export async function signInLocks(s: AppServices, actor: Actor): Promise<(SignInLock & { kindLabel: string })[]> {
  requireAdmin(actor);
  return (await s.accounts.signInLocks()).map((l) => ({ ...l, kindLabel: THROTTLE_LABELS[l.kind] }));
}

/** Lift a lock (and forget its failures), audited. */
export async function clearSignInLock(s: AppServices, actor: Actor, lock: { kind: ThrottleKind; key: string }): Promise<void> {
  requireAdmin(actor);
  if (!(await s.accounts.clearSignInLock(lock.kind, lock.key, actorId(actor)))) throw notFound('锁定记录');
}

/**
 * On an empty database, the first administrator (audited as `system:first-start`), with the
 * password given or a generated one; returns the password when one was generated.
 */
export async function ensureFirstAdmin(s: AppServices, password?: string): Promise<string | null> {
  if ((await s.accounts.userCount()) > 0) return null;
  const chosen = password ?? randomBytes(9).toString('base64url');
  await s.accounts.createUser({ username: 'admin', displayName: '系统管理员', passwordHash: await hashPassword(chosen), role: 'admin', bodies: [] }, 'system:first-start');
  return password ? null : chosen;
}
