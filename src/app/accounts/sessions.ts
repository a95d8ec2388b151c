/**
 * Signing in and out, the user behind a session, and changing one's own password. A session id
 * is 32 random bytes given to the browser; the database keeps only its SHA-256, so a copy of the
 * database opens no session. Sessions last SESSION_HOURS; a new password ends all the others.
 *
 * Sign-in is throttled per account name and per client address (src/accounts/throttle.ts) and
 * every attempt is audited, refused or not, without the password. A password an administrator
 * reset works for one sign-in; that session may only choose a new password.
 */
import { createHash, randomBytes } from 'node:crypto';
import { actorId, ROLE_LABELS, type SessionUser } from '../../accounts/permissions.js';
import { accountThrottleKey, lockSeconds, THROTTLE_POLICIES, throttledMessage, type ThrottleKind } from '../../accounts/throttle.js';
import type { AppServices } from '../context.js';
import { forbidden, invalid, Refusal } from '../errors.js';
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

/** A sign-in refused for too many failures: the HTTP layer answers 429 with Retry-After. */
export class SignInThrottled extends Refusal {
  constructor(readonly retryAfterSeconds: number) {
    super('tooMany', throttledMessage(retryAfterSeconds));
  }
}

/** Who is signing in, as far as the server can tell before they have. */
export interface SignInContext {
  /** The browser's session cookie, ended when a new session starts. */
  previousSessionId?: string | undefined;
  /** The client's network address (the throttle's second key). */
  address: string;
  /** The browser's anonymous id: the audit log's actor for a refused attempt. */
  clientId: string;
}

const WRONG = '用户名或密码不正确';

/**
 * Count the attempt against the account name and the address before the password is checked;
 * refuse with 429 while either is locked. Returns the failures counted per key.
 */
async function countAttempt(s: AppServices, keys: Record<ThrottleKind, string>): Promise<Record<ThrottleKind, number>> {
  const counted = await Promise.all(
    (['account', 'address'] as const).map((kind) => s.accounts.countAttempt(kind, keys[kind], (n) => lockSeconds(n, THROTTLE_POLICIES[kind]))),
  );
  const locked = Math.max(0, ...counted.map((c) => ('lockedFor' in c ? c.lockedFor : 0)));
  if (locked > 0) throw new SignInThrottled(locked);
  const [account, address] = counted.map((c) => ('failures' in c ? c.failures : 0)) as [number, number];
  return { account, address };
}

/**
 * Check the password and start a session, ending the browser's previous one. A wrong password
 * and an unknown account get the same answer in the same time; a disabled account is told so
 * only when its password is right. Throttled per account name and per address.
 */
export async function signIn(s: AppServices, input: { username: string; password: string }, context: SignInContext): Promise<{ sessionId: string; user: SessionUser | null }> {
  const username = input.username.trim().slice(0, 100);
  const keys = { account: accountThrottleKey(username), address: context.address };
  const actor = `public:${context.clientId}`;
  const failures = await countAttempt(s, keys);
  const account = await s.accounts.credentials(username);
  dummyHash ??= hashPassword('not a password of anyone');
  const ok = await verifyPassword(input.password, account?.passwordHash ?? (await dummyHash));
  if (!account || !ok || account.disabled) {
    // Any lock this failure set, said in the log (the next attempt will be refused).
    const lock = Math.max(lockSeconds(failures.account, THROTTLE_POLICIES.account), lockSeconds(failures.address, THROTTLE_POLICIES.address));
    const reason = !account ? '账号不存在' : !ok ? '密码不正确' : '账号已停用';
    await s.accounts.recordRefusal('sign-in-failed', username, actor, {
      address: context.address,
      reason,
      accountFailures: failures.account,
      addressFailures: failures.address,
      ...(lock ? { lockedSeconds: lock } : {}),
    });
    if (account && ok) throw forbidden('该账号已停用，请联系系统管理员');
    throw new Refusal('unauthorized', WRONG);
  }
  await s.accounts.attemptSucceeded(keys.account, keys.address);
  if (context.previousSessionId) await signOut(s, context.previousSessionId);
  await s.accounts.recordSignIn(account.id, username, `user:${username}`, { address: context.address, ...(account.mustChangePassword ? { oneTimePassword: true } : {}) }, account.mustChangePassword);
  const sessionId = await startSession(s, account.id);
  return { sessionId, user: await sessionUser(s, sessionId) };
}

/**
 * Change one's own password; returns the id of a fresh session. The current password must be
 * given, except by a session opened with a one-time password (it was typed moments ago and is
 * already spent).
 */
export async function changeOwnPassword(s: AppServices, user: SessionUser, input: { current?: string | undefined; next: string }): Promise<string> {
  const problem = passwordProblem(input.next);
  if (problem) throw invalid(problem);
  const account = await s.accounts.credentials(user.username);
  if (!account) throw invalid('账号不存在');
  if (!account.mustChangePassword && !(await verifyPassword(input.current ?? '', account.passwordHash))) throw invalid('当前密码不正确');
  await s.accounts.setPassword(user.id, await hashPassword(input.next), actorId(user));
  return startSession(s, user.id);
}

/** The API calls a session that must choose a new password may still make. */
export const MUST_CHANGE_ALLOWED = ['/api/session', '/api/session/password'];

/** Why such a session is refused everything else. */
export const MUST_CHANGE_MESSAGE = '管理员已重置您的密码：请先在“我的账号”页设置新密码，再继续操作。';

/** The signed-in user as the browser sees them: with the role's name. */
export const sessionView = (user: SessionUser | null) =>
  user && { ...user, bodies: [...user.bodies], roleLabel: ROLE_LABELS[user.role], mustChangePassword: user.mustChangePassword ?? false };
