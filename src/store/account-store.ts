/**
 * Accounts, their bodies, and sessions. Sessions are kept by a hash of their id and passwords
 * as scrypt hashes: both are made by the use cases (src/app/accounts), never here.
 */
import type { Role, SessionUser } from '../accounts/permissions.js';
import { writeAudit } from './audit.js';
import type { Db } from './db.js';

export interface NewUser {
  username: string;
  displayName: string;
  passwordHash: string;
  role: Role;
  bodies: readonly string[];
}

export interface UserRow {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  bodies: string[];
}

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
      await writeAudit(tx, actor, 'create', 'user', String(row.id), null, { username: user.username, role: user.role, bodies: user.bodies });
      return row.id;
    });
  }

  async setBodies(userId: number, bodies: readonly string[], actor: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const old = (await tx.query<{ body_id: string }>('SELECT body_id FROM user_bodies WHERE user_id = $1 ORDER BY body_id', [userId])).map((r) => r.body_id);
      await tx.query('DELETE FROM user_bodies WHERE user_id = $1', [userId]);
      for (const b of bodies) await tx.query('INSERT INTO user_bodies (user_id, body_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [userId, b]);
      await writeAudit(tx, actor, 'update', 'user-bodies', String(userId), { bodies: old }, { bodies });
    });
  }

  async setPassword(userId: number, passwordHash: string, actor: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query('UPDATE users SET password_hash = $2 WHERE id = $1', [userId, passwordHash]);
      // A new password ends every other session of the account.
      await tx.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
      await writeAudit(tx, actor, 'password', 'user', String(userId), null, null);
    });
  }

  async users(): Promise<UserRow[]> {
    const rows = await this.db.query<{ id: number; username: string; display_name: string; role: Role; disabled: boolean; bodies: string[] | null }>(
      `SELECT u.id, u.username, u.display_name, u.role, u.disabled,
              array_remove(array_agg(ub.body_id ORDER BY ub.body_id), NULL) AS bodies
         FROM users u LEFT JOIN user_bodies ub ON ub.user_id = u.id
        GROUP BY u.id ORDER BY u.id`,
    );
    return rows.map((r) => ({ id: r.id, username: r.username, displayName: r.display_name, role: r.role, disabled: r.disabled, bodies: r.bodies ?? [] }));
  }

  /** The stored hash of an enabled account, for sign-in. */
  async credentials(username: string): Promise<{ id: number; passwordHash: string } | undefined> {
    const r = (await this.db.query<{ id: number; password_hash: string }>('SELECT id, password_hash FROM users WHERE username = $1 AND NOT disabled', [username]))[0];
    return r && { id: r.id, passwordHash: r.password_hash };
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
    const r = (await this.db.query<{ id: number; username: string; display_name: string; role: Role; bodies: string[] | null }>(
      `SELECT u.id, u.username, u.display_name, u.role,
              array_remove(array_agg(ub.body_id ORDER BY ub.body_id), NULL) AS bodies
         FROM sessions s JOIN users u ON u.id = s.user_id AND NOT u.disabled
         LEFT JOIN user_bodies ub ON ub.user_id = u.id
        WHERE s.id_hash = $1 AND s.expires_at > now()
        GROUP BY u.id`,
      [idHash],
    ))[0];
    return r ? { id: r.id, username: r.username, displayName: r.display_name, role: r.role, bodies: r.bodies ?? [] } : null;
  }

  /** A value kept across restarts (the server's secret for CSRF tokens), created on first use. */
  async setting<T>(key: string, create: () => T): Promise<T> {
    await this.db.query('INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [key, JSON.stringify(create())]);
    return (await this.db.query<{ value: T }>('SELECT value FROM settings WHERE key = $1', [key]))[0]!.value;
  }
}
