/**
 * Signing in and out, the user behind a session, and changing one's own password. A session id
 * is 32 random bytes given to the browser; the database keeps only its SHA-256, so a copy of the
 * database opens no session. Sessions last SESSION_HOURS; a new password ends all the others.
 */
import { createHash, randomBytes } from 'node:crypto';
import { actorId, ROLE_LABELS, type SessionUser } from '../../accounts/permissions.js';
import type { AppServices } from '../context.js';
import { invalid, Refusal } from '../errors.js';
import { hashPassword, passwordProblem, verifyPassword } from './password.js';

export const SESSION_HOURS = 12;

const hashOf = (sessionId: string) => createHash('sha256').update(sessionId).digest('hex');

/** Start a session; returns the id for the cookie (never stored as such). */
async function startSession(s: AppServices, userId: number): Promise<string> {
  const id = randomBytes(32).toString('base64url');
  await s.accounts.insertSession(hashOf(id), userId, SESSION_HOURS);
  return id;
}

/** The enabled user behind a live session id, with their bodies; null for anything else. */
export async function sessionUser(s: AppServices, sessionId: string): Promise<SessionUser | null> {
  return s.accounts.sessionUser(hashOf(sessionId));
}

export async function signOut(s: AppServices, sessionId: string): Promise<void> {
  await s.accounts.deleteSession(hashOf(sessionId));
}

// A fixed hash to verify against when the user does not exist, so timing does not tell.
let dummyHash: Promise<string> | undefined;

/**
 * Check the password and start a session, ending the browser's previous one. A wrong password
 * and an unknown (or disabled) account get the same answer in the same time.
 */
export async function signIn(
  s: AppServices,
  input: { username: string; password: string },
  previousSessionId?: string,
): Promise<{ sessionId: string; user: SessionUser | null }> {
  const account = await s.accounts.credentials(input.username.trim());
  dummyHash ??= hashPassword('not a password of anyone');
  const ok = await verifyPassword(input.password, account?.passwordHash ?? (await dummyHash));
  if (!account || !ok) throw new Refusal('unauthorized', '用户名或密码不正确 (wrong user name or password)');
  if (previousSessionId) await signOut(s, previousSessionId);
  const sessionId = await startSession(s, account.id);
  return { sessionId, user: await sessionUser(s, sessionId) };
}

/** Change one's own password (the current one must be given); returns the id of a fresh session. */
export async function changeOwnPassword(s: AppServices, user: SessionUser, input: { current: string; next: string }): Promise<string> {
  const problem = passwordProblem(input.next);
  if (problem) throw invalid(problem);
  const account = await s.accounts.credentials(user.username);
  if (!account || !(await verifyPassword(input.current, account.passwordHash))) throw invalid('当前密码不正确 (current password is wrong)');
  await s.accounts.setPassword(user.id, await hashPassword(input.next), actorId(user));
  return startSession(s, user.id);
}

/** The signed-in user as the browser sees them: with the role's name. */
export const sessionView = (user: SessionUser | null) => user && { ...user, bodies: [...user.bodies], roleLabel: ROLE_LABELS[user.role] };
