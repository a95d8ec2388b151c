/**
 * Accounts, their bodies, sessions and the sign-in throttle. Sessions are kept by a hash of their
 * id and passwords as scrypt hashes: both are made by the use cases (src/app/accounts), never
 * here. Every change to an account is audited here, in its transaction, with the values before
 * and after (never a password or its hash).
 */
import type { Role, SessionUser } from '../accounts/permissions.js';
import { THROTTLE_MEMORY_HOURS, type ThrottleKind } from '../accounts/throttle.js';
import { writeAudit } from './audit.js';
import type { Db } from './db.js';

export interface NewUser {
  username: string;
  displayName: string;
  passwordHash: string;
  role: Role;
  bodies: readonly string[];
  /** Supervisor: the regions whose subtrees are the scope. */
  regions?: readonly string[];
}

export interface UserRow {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  bodies: string[];
  /** Supervisor: the regions (codes) whose subtrees are the scope; the extra bodies are `bodies`. */
  regions: string[];
  /** ISO 8601 instant of the last successful sign-in; null if never. */
  lastSignInAt: string | null;
  /** A password reset by an administrator, not yet replaced by the user's own. */
  mustChangePassword: boolean;
}

/** What an administrator may change on an account; absent fields stay. */
export interface AccountChange {
  displayName?: string | undefined;
  role?: Role | undefined;
  bodies?: readonly string[] | undefined;
  regions?: readonly string[] | undefined;
}

export interface Credentials {
  id: number;
  passwordHash: string;
  disabled: boolean;
  mustChangePassword: boolean;
}

/** A locked account name or client address, as the administrator sees it. */
export interface SignInLock {
  kind: ThrottleKind;
  key: string;
  failures: number;
  lastFailureAt: string;
  lockedUntil: string;
  secondsLeft: number;
}

interface UserRecord {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  disabled: boolean;
  bodies: string[] | null;
  regions: string[] | null;
  last_sign_in_at: Date | string | null;
  must_change_password: boolean;
}

const USER_SELECT = `SELECT u.id, u.username, u.display_name, u.role, u.disabled, u.last_sign_in_at, u.must_change_password,
              array_remove(array_agg(DISTINCT ub.body_id), NULL) AS bodies,
              array_remove(array_agg(DISTINCT ur.region_code), NULL) AS regions
         FROM users u LEFT JOIN user_bodies ub ON ub.user_id = u.id LEFT JOIN user_regions ur ON ur.user_id = u.id`;

/** `$1`'s scope: the bodies in its regions' subtrees (the extra bodies are user_bodies). */
const SCOPE_BODIES = `WITH RECURSIVE scope(code) AS (
         SELECT region_code FROM user_regions WHERE user_id = $1
         UNION SELECT r.code FROM regions r JOIN scope s ON r.parent_code = s.code)
       SELECT b.id FROM bodies b JOIN scope s ON s.code = b.region_code`;

interface KeptScope {
  version: string;
  scope: { scopeRegions: string[]; bodies: string[] };
}

/** Supervisors' scopes by database and user, each with the directory version it was read at. */
const keptScopes = new WeakMap<Db, Map<number, KeptScope>>();
const MAX_KEPT_SCOPES = 1000;

const userOf = (r: UserRecord): UserRow => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  role: r.role,
  disabled: r.disabled,
  bodies: [...(r.bodies ?? [])].sort(),
  regions: [...(r.regions ?? [])].sort(),
  lastSignInAt: r.last_sign_in_at ? new Date(r.last_sign_in_at).toISOString() : null,
  mustChangePassword: r.must_change_password,
});

export class AccountStore {
  constructor(private readonly db: Db) {}

  async userCount(): Promise<number> {
    return Number((await this.db.query<{ n: number | string }>('SELECT count(*) AS n FROM users'))[0]?.n ?? 0);
  }

  async createUser(user: NewUser, actor: string): Promise<number> {
    return this.db.transaction(async (tx) => {
      const row = (await tx.query<{ id: number }>(
        'INSERT INTO users (username, display_name, password_hash, role) VALUES ($1, $2, $3, $4) RETURNING id',
        [user.username, user.displayName, user.passwordHash, user.role],
      ))[0]!;
      for (const b of user.bodies) await tx.query('INSERT INTO user_bodies (user_id, body_id) VALUES ($1, $2)', [row.id, b]);
      for (const r of user.regions ?? []) await tx.query('INSERT INTO user_regions (user_id, region_code) VALUES ($1, $2)', [row.id, r]);
      await writeAudit(tx, actor, 'create', 'user', String(row.id), null, { username: user.username, role: user.role, bodies: user.bodies, ...(user.regions?.length ? { regions: user.regions } : {}) });
      return row.id;
    });
  }

  /** One's own new password: every session of the account ends (the use case opens a fresh one). */
  async setPassword(userId: number, passwordHash: string, actor: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const before = (await tx.query<{ must_change_password: boolean }>('SELECT must_change_password FROM users WHERE id = $1', [userId]))[0];
      await tx.query('UPDATE users SET password_hash = $2, must_change_password = false WHERE id = $1', [userId, passwordHash]);
      // A new password ends every other session of the account.
      await tx.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
      await writeAudit(tx, actor, 'password', 'user', String(userId), before?.must_change_password ? { mustChangePassword: true } : null, before?.must_change_password ? { mustChangePassword: false } : null);
    });
  }

  async users(): Promise<UserRow[]> {
    const rows = await this.db.query<UserRecord>(`${USER_SELECT} GROUP BY u.id ORDER BY u.id`);
    return rows.map(userOf);
  }

  async user(userId: number, tx: Db = this.db): Promise<UserRow | undefined> {
    const r = (await tx.query<UserRecord>(`${USER_SELECT} WHERE u.id = $1 GROUP BY u.id`, [userId]))[0];
    return r && userOf(r);
  }

  /** Enabled administrators other than `userId`: the last one may not be disabled or demoted. */
  async otherAdmins(userId: number, tx: Db = this.db): Promise<number> {
    return Number((await tx.query<{ n: number | string }>(`SELECT count(*) AS n FROM users WHERE role = 'admin' AND NOT disabled AND id <> $1`, [userId]))[0]?.n ?? 0);
  }

  /**
   * Change an account under a row lock: `check` sees it as it stands (and may refuse), `change`
   * says what to write; only the fields that changed are audited, before and after. Returns
   * false when there is no such account.
   */
  private async changeUser(userId: number, check: ((before: UserRow, tx: Db) => Promise<void>) | undefined, change: (before: UserRow, tx: Db) => Promise<void>): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      await tx.query('SELECT id FROM users WHERE id = $1 FOR UPDATE', [userId]);
      const before = await this.user(userId, tx);
      if (!before) return false;
      await check?.(before, tx);
      await change(before, tx);
      return true;
    });
  }

  /** An account's name, role and bodies, changed in one step (absent fields stay). */
  async updateUser(userId: number, change: AccountChange, actor: string, check?: (before: UserRow, tx: Db) => Promise<void>): Promise<boolean> {
    return this.changeUser(userId, check, async (before, tx) => {
      const after = {
        displayName: change.displayName ?? before.displayName,
        role: change.role ?? before.role,
        bodies: change.bodies ? [...new Set(change.bodies)].sort() : before.bodies,
        regions: change.regions ? [...new Set(change.regions)].sort() : before.regions,
      };
      await tx.query('UPDATE users SET display_name = $2, role = $3 WHERE id = $1', [userId, after.displayName, after.role]);
      if (change.bodies) {
        await tx.query('DELETE FROM user_bodies WHERE user_id = $1', [userId]);
        for (const b of after.bodies) await tx.query('INSERT INTO user_bodies (user_id, body_id) VALUES ($1, $2)', [userId, b]);
      }
      if (change.regions) {
        await tx.query('DELETE FROM user_regions WHERE user_id = $1', [userId]);
        for (const r of after.regions) await tx.query('INSERT INTO user_regions (user_id, region_code) VALUES ($1, $2)', [userId, r]);
      }
      const changed = (['displayName', 'role', 'bodies', 'regions'] as const).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
      if (!changed.length) return;
      const pick = (v: typeof after) => Object.fromEntries([['username', before.username], ...changed.map((k) => [k, v[k]])]);
      await writeAudit(tx, actor, 'update', 'user', String(userId), pick(before), pick(after));
    });
  }

  /**
   * Disable or enable an account. Disabling ends its sessions in the same transaction, so its
   * open browser is refused on its next request.
   */
  async setDisabled(userId: number, disabled: boolean, actor: string, check?: (before: UserRow, tx: Db) => Promise<void>): Promise<boolean> {
    return this.changeUser(userId, check, async (before, tx) => {
      if (before.disabled === disabled) return;
      await tx.query('UPDATE users SET disabled = $2 WHERE id = $1', [userId, disabled]);
      const ended = disabled ? (await tx.query('DELETE FROM sessions WHERE user_id = $1 RETURNING user_id', [userId])).length : 0;
      await writeAudit(tx, actor, disabled ? 'disable' : 'enable', 'user', String(userId), { username: before.username, disabled: before.disabled }, {
        username: before.username,
        disabled,
        ...(disabled ? { sessionsEnded: ended } : {}),
      });
    });
  }

  /**
   * An administrator's reset: the new (one-time) password's hash, every session ended, and the
   * account marked to choose its own password at its next sign-in.
   */
  async resetPassword(userId: number, passwordHash: string, actor: string): Promise<boolean> {
    return this.changeUser(userId, undefined, async (before, tx) => {
      await tx.query('UPDATE users SET password_hash = $2, must_change_password = true WHERE id = $1', [userId, passwordHash]);
      const ended = (await tx.query('DELETE FROM sessions WHERE user_id = $1 RETURNING user_id', [userId])).length;
      await writeAudit(tx, actor, 'reset-password', 'user', String(userId), { username: before.username, mustChangePassword: before.mustChangePassword }, {
        username: before.username,
        mustChangePassword: true,
        sessionsEnded: ended,
      });
    });
  }

  /** The stored hash of an account, for sign-in (disabled ones too: the use case says why it refuses). */
  async credentials(username: string): Promise<Credentials | undefined> {
    const r = (await this.db.query<{ id: number; password_hash: string; disabled: boolean; must_change_password: boolean }>(
      'SELECT id, password_hash, disabled, must_change_password FROM users WHERE username = $1',
      [username],
    ))[0];
    return r && { id: r.id, passwordHash: r.password_hash, disabled: r.disabled, mustChangePassword: r.must_change_password };
  }

  /**
   * A successful sign-in: its time kept on the account and in the audit log. A one-time password
   * is spent here: its hash is replaced by one nothing matches, so it opens no second session.
   */
  async recordSignIn(userId: number, username: string, actor: string, detail: Record<string, unknown>, spendPassword: boolean): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query(`UPDATE users SET last_sign_in_at = now()${spendPassword ? `, password_hash = '!spent'` : ''} WHERE id = $1`, [userId]);
      await writeAudit(tx, actor, 'sign-in', 'sign-in', username, null, detail);
    });
  }

  /** A refused sign-in in the audit log, under the name typed (never the password). */
  async recordRefusal(action: string, username: string, actor: string, detail: Record<string, unknown>): Promise<void> {
    await this.db.transaction((tx) => writeAudit(tx, actor, action, 'sign-in', username, null, detail));
  }

  // -------------------------------------------------------------------------------------------
  // Sign-in throttling: one row per account name or client address, changed by single statements

  /**
   * Count one sign-in attempt against `key` before its password is checked (so a burst of
   * parallel guesses is counted as it arrives), unless the key is locked now. Returns the
   * seconds left of a lock in force, or the failures counted with this one (whose lock, should
   * this attempt fail, `lockAfter` gives and is set now).
   */
  async countAttempt(kind: ThrottleKind, key: string, lockAfter: (failures: number) => number): Promise<{ lockedFor: number } | { failures: number }> {
    const r = (await this.db.query<{ failures: number; wait: number | string | null; was_locked: boolean }>(
      // The update leaves locked_until alone, so RETURNING shows the lock in force before.
      `INSERT INTO sign_in_throttle AS t (kind, key, failures, last_failure_at) VALUES ($1, $2, 1, now())
       ON CONFLICT (kind, key) DO UPDATE SET
         failures = CASE WHEN t.locked_until > now() THEN t.failures
                         WHEN t.last_failure_at < now() - interval '${THROTTLE_MEMORY_HOURS} hours' THEN 1
                         ELSE t.failures + 1 END,
         last_failure_at = CASE WHEN t.locked_until > now() THEN t.last_failure_at ELSE now() END
       RETURNING failures, COALESCE(locked_until > now(), false) AS was_locked, extract(epoch FROM (locked_until - now())) AS wait`,
      [kind, key],
    ))[0]!;
    if (r.was_locked) return { lockedFor: Math.max(1, Math.ceil(Number(r.wait))) };
    const seconds = lockAfter(Number(r.failures));
    if (seconds > 0) await this.db.query(`UPDATE sign_in_throttle SET locked_until = greatest(locked_until, now() + $3::int * interval '1 second') WHERE kind = $1 AND key = $2`, [kind, key, seconds]);
    return { failures: Number(r.failures) };
  }

  /**
   * The password was right: the account's failures are forgotten; the address's attempt is
   * uncounted and the lock it set lifted (any earlier lock had run out, or it would not have been
   * let through), while its earlier failures still count towards the next lock.
   */
  async attemptSucceeded(accountKey: string, addressKey: string): Promise<void> {
    await this.db.query(`DELETE FROM sign_in_throttle WHERE kind = 'account' AND key = $1`, [accountKey]);
    await this.db.query(`UPDATE sign_in_throttle SET failures = greatest(failures - 1, 0), locked_until = NULL WHERE kind = 'address' AND key = $1`, [addressKey]);
  }

  /** Account names and addresses locked now, the longest lock first; rows long quiet are swept. */
  async signInLocks(): Promise<SignInLock[]> {
    await this.db.query(`DELETE FROM sign_in_throttle WHERE last_failure_at < now() - interval '${THROTTLE_MEMORY_HOURS} hours' AND (locked_until IS NULL OR locked_until < now())`);
    const rows = await this.db.query<{ kind: ThrottleKind; key: string; failures: number; last_failure_at: Date | string; locked_until: Date | string; wait: number | string }>(
      `SELECT kind, key, failures, last_failure_at, locked_until, extract(epoch FROM (locked_until - now())) AS wait
         FROM sign_in_throttle WHERE locked_until > now() ORDER BY locked_until DESC, kind, key LIMIT 500`,
    );
    return rows.map((r) => ({
      kind: r.kind,
      key: r.key,
      failures: Number(r.failures),
      lastFailureAt: new Date(r.last_failure_at).toISOString(),
      lockedUntil: new Date(r.locked_until).toISOString(),
      secondsLeft: Math.max(1, Math.ceil(Number(r.wait))),
    }));
  }

  /** Clear a lock and its count, audited with what it was; false when there was none. */
  async clearSignInLock(kind: ThrottleKind, key: string, actor: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const gone = (await tx.query<{ failures: number; locked_until: Date | string | null }>('DELETE FROM sign_in_throttle WHERE kind = $1 AND key = $2 RETURNING failures, locked_until', [kind, key]))[0];
      if (!gone) return false;
      const lockedUntil = gone.locked_until ? new Date(gone.locked_until).toISOString() : null;
      await writeAudit(tx, actor, 'clear-lock', 'sign-in-lock', `${kind}:${key}`, { kind, key, failures: Number(gone.failures), lockedUntil }, { kind, key, failures: 0, lockedUntil: null });
      return true;
    });
  }

  /** Keep a session under the hash of its id until `hours` from now. */
  async insertSession(idHash: string, userId: number, hours: number): Promise<void> {
    await this.db.query(`INSERT INTO sessions (id_hash, user_id, expires_at) VALUES ($1, $2, now() + $3::int * interval '1 hour')`, [idHash, userId, hours]);
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.db.query('DELETE FROM sessions WHERE id_hash = $1', [idHash]);
  }

  /** The enabled user behind a live session (by the hash of its id), with their bodies. */
  async sessionUser(idHash: string): Promise<SessionUser | null> {
    const r = (await this.db.query<{ id: number; username: string; display_name: string; role: Role; bodies: string[] | null; must_change_password: boolean; directory: string | number | null }>(
      `SELECT u.id, u.username, u.display_name, u.role, u.must_change_password,
              array_remove(array_agg(ub.body_id ORDER BY ub.body_id), NULL) AS bodies,
              (SELECT version FROM data_versions WHERE name = 'directory') AS directory
         FROM sessions s JOIN users u ON u.id = s.user_id AND NOT u.disabled
         LEFT JOIN user_bodies ub ON ub.user_id = u.id
        WHERE s.id_hash = $1 AND s.expires_at > now()
        GROUP BY u.id`,
      [idHash],
    ))[0];
    if (!r) return null;
    let user: SessionUser = { id: r.id, username: r.username, displayName: r.display_name, role: r.role, bodies: r.bodies ?? [] };
    if (r.role === 'supervisor') user = { ...user, ...(await this.keptScope(r.id, user.bodies, r.directory)) };
    return r.must_change_password ? { ...user, mustChangePassword: true } : user;
  }

  /**
   * A supervisor's scope, kept while the directory's version stays (a trigger moves it on every
   * change to regions, bodies, or a supervisor's regions or extra bodies): a province's scope is
   * thousands of bodies, and every request needs it.
   */
  private async keptScope(userId: number, extra: readonly string[], version: string | number | null): Promise<{ scopeRegions: string[]; bodies: string[] }> {
    if (version === null) return this.scope(userId, extra);
    const kept = keptScopes.get(this.db) ?? new Map<number, KeptScope>();
    keptScopes.set(this.db, kept);
    const hit = kept.get(userId);
    if (hit && hit.version === String(version)) return hit.scope;
    const scope = await this.scope(userId, extra);
    if (kept.size >= MAX_KEPT_SCOPES) kept.delete(kept.keys().next().value!);
    kept.set(userId, { version: String(version), scope });
    return scope;
  }

  /**
   * A supervisor's scope as it stands now: the regions named on the account, and every body in
   * them or in a region below them together with the extra bodies (a body added to a region later
   * is in scope at once).
   */
  async scope(userId: number, extra: readonly string[], tx: Db = this.db): Promise<{ scopeRegions: string[]; bodies: string[] }> {
    const regions = (await tx.query<{ region_code: string }>('SELECT region_code FROM user_regions WHERE user_id = $1 ORDER BY region_code', [userId])).map((x) => x.region_code);
    if (!regions.length) return { scopeRegions: [], bodies: [...extra] };
    const below = (await tx.query<{ id: string }>(SCOPE_BODIES, [userId])).map((x) => x.id);
    return { scopeRegions: regions, bodies: [...new Set([...extra, ...below])].sort() };
  }

  /** A value kept across restarts (the server's secret for CSRF tokens), created on first use. */
  async setting<T>(key: string, create: () => T): Promise<T> {
    await this.db.query('INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [key, JSON.stringify(create())]);
    return (await this.db.query<{ value: T }>('SELECT value FROM settings WHERE key = $1', [key]))[0]!.value;
  }
}
