/**
 * The administrator's accounts: the list, a new account (with its body, or the bodies a
 * supervisor oversees) and a change of an account's bodies; on an empty database, the first
 * administrator. Each change is audited by the store in the same transaction; passwords are
 * stored only as scrypt hashes and never audited.
 */
import { randomBytes } from 'node:crypto';
import { actorId, type Actor, type Role } from '../../accounts/permissions.js';
import type { UserRow } from '../../store/account-store.js';
import { requireAdmin } from '../admin.js';
import type { AppServices } from '../context.js';
import { invalid } from '../errors.js';
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
}

export async function createAccount(s: AppServices, actor: Actor, input: NewAccount): Promise<{ id: number }> {
  requireAdmin(actor);
  const problem = passwordProblem(input.password);
  if (problem) throw invalid(problem);
  if ((input.role === 'officer' || input.role === 'reviewer') && input.bodies.length !== 1) throw invalid('经办人和审核人须属于一个机关 (officers and reviewers belong to one body)');
  const { password, ...account } = input;
  try {
    return { id: await s.accounts.createUser({ ...account, passwordHash: await hashPassword(password) }, actorId(actor)) };
  } catch (error) {
    if (sqlState(error) === '23505') throw invalid(`用户名 ${input.username} 已被使用 (user name taken)`);
    if (sqlState(error) === '23503') throw invalid('所列机关中有不存在的机关 (unknown body)');
    throw error;
  }
}

/** An officer's or reviewer's body, or the bodies a supervisor oversees. */
export async function setAccountBodies(s: AppServices, actor: Actor, userId: number, bodies: readonly string[]): Promise<void> {
  requireAdmin(actor);
  try {
    await s.accounts.setBodies(userId, bodies, actorId(actor));
  } catch (error) {
    if (sqlState(error) === '23503') throw invalid('所列机关中有不存在的机关或账号不存在 (unknown body or account)');
    throw error;
  }
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
