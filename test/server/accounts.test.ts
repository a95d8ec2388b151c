/**
 * The administrator's accounts and sign-in throttling through the HTTP API, on PGlite and on
 * PostgreSQL: disabling ends a session at once, a reset password works once, role and bodies
 * change with the audit log saying before and after; guessing is refused with 429 per account
 * and per address, the lock survives a restart, and the administrator can lift it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/start.js';
import { DB_KINDS, migratedStore } from '../support/db.js';
import { addAccount, ApiClient, TEST_PASSWORD, testServer } from '../support/web.js';

interface User {
  id: number;
  username: string;
  role: string;
  disabled: boolean;
  bodies: string[];
  lastSignInAt: string | null;
  mustChangePassword: boolean;
}

interface AuditRow {
  actor: string;
  action: string;
  entity: string;
  entity_id: string;
  old_value: Record<string, unknown> | null;
  new_value: Record<string, unknown> | null;
}

for (const kind of DB_KINDS) {
  describe(`account administration and sign-in throttling on ${kind}`, () => {
    let server: RunningServer;
    let admin: ApiClient;
    const auditOf = (entity: string, id: string) =>
      server.deps.db.query<AuditRow>('SELECT actor, action, entity, entity_id, old_value, new_value FROM audit_log WHERE entity = $1 AND entity_id = $2 ORDER BY seq', [entity, id]);
    const userNamed = async (username: string) => (await admin.json<User[]>('GET', '/api/admin/users')).body.find((u) => u.username === username)!;
    const signInStatus = async (username: string, password: string) => {
      const c = new ApiClient(server.url);
      await c.refresh();
      const res = await c.request('POST', '/api/session', { username, password });
      return { status: res.status, retryAfter: res.headers.get('retry-after'), error: ((await res.json()) as { error?: string }).error ?? '' };
    };

    beforeAll(async () => {
      server = await testServer({ db: kind });
      await server.deps.register.addBody('yl', '青禾县云岭镇人民政府', 'test');
      await server.deps.register.addBody('sq', '青禾县石泉街道办事处', 'test');
      await addAccount(server.deps, 'root', 'admin', []);
      await addAccount(server.deps, 'officer-yl', 'officer', ['yl']);
      await addAccount(server.deps, 'leaver', 'officer', ['yl']);
      await addAccount(server.deps, 'forgetful', 'reviewer', ['sq']);
      admin = new ApiClient(server.url);
      await admin.signIn('root');
    });
    afterAll(async () => server?.close());

    it('disables an account: its open session is refused on its next request, and it cannot sign in', async () => {
      const leaver = new ApiClient(server.url);
      await leaver.signIn('leaver');
      expect((await leaver.request('GET', '/api/bodies/yl/applications')).status).toBe(200);
      const { id } = await userNamed('leaver');
      expect((await admin.request('PUT', `/api/admin/users/${id}/disabled`, { disabled: true })).status).toBe(200);

      const refused = await leaver.json<{ error: string }>('GET', '/api/bodies/yl/applications');
      expect(refused.status).toBe(401);
      expect(refused.body.error).toContain('登录已失效');
      expect(await server.deps.db.query('SELECT 1 FROM sessions WHERE user_id = $1', [id])).toEqual([]);
      // The right password now says why; a wrong one says no more than for anyone.
      expect(await signInStatus('leaver', TEST_PASSWORD)).toMatchObject({ status: 403, error: expect.stringContaining('已停用') });
      expect(await signInStatus('leaver', 'not the password')).toMatchObject({ status: 401, error: '用户名或密码不正确' });
      expect((await userNamed('leaver')).disabled).toBe(true);
      const audit = await auditOf('user', String(id));
      expect(audit.at(-1)).toMatchObject({ actor: 'user:root', action: 'disable', old_value: { username: 'leaver', disabled: false }, new_value: { username: 'leaver', disabled: true, sessionsEnded: 1 } });

      expect((await admin.request('PUT', `/api/admin/users/${id}/disabled`, { disabled: false })).status).toBe(200);
      expect((await signInStatus('leaver', TEST_PASSWORD)).status).toBe(200);
      expect((await auditOf('user', String(id))).at(-1)).toMatchObject({ action: 'enable', old_value: { disabled: true }, new_value: { disabled: false } });
    });

    it('resets a password: the one-time password opens one session, which must choose a new password first', async () => {
      const before = new ApiClient(server.url);
      await before.signIn('forgetful');
      const { id } = await userNamed('forgetful');
      const reset = await admin.json<{ password: string }>('POST', `/api/admin/users/${id}/password-reset`);
      expect(reset.status).toBe(200);
      const otp = reset.body.password;
      expect(otp).toMatch(/^[A-Za-z2-9]{12}$/);
      // The old password and the old session are gone.
      expect((await before.json<{ user: unknown }>('GET', '/api/session')).body.user).toBeNull();
      expect((await signInStatus('forgetful', TEST_PASSWORD)).status).toBe(401);

      const user = new ApiClient(server.url);
      await user.signIn('forgetful', otp);
      expect((await user.json<{ user: { mustChangePassword: boolean } }>('GET', '/api/session')).body.user.mustChangePassword).toBe(true);
      const blocked = await user.json<{ error: string }>('GET', '/api/bodies/sq/applications');
      expect(blocked.status).toBe(403);
      expect(blocked.body.error).toContain('设置新密码');
      // Used once: it opens no second session.
      expect((await signInStatus('forgetful', otp)).status).toBe(401);

      expect((await user.request('POST', '/api/session/password', { next: 'my own new password' })).status).toBe(200);
      expect((await user.request('GET', '/api/bodies/sq/applications')).status).toBe(200);
      expect((await signInStatus('forgetful', 'my own new password')).status).toBe(200);
      expect(await userNamed('forgetful')).toMatchObject({ mustChangePassword: false, lastSignInAt: expect.any(String) });
      // The audit log has the reset, never the password or its hash.
      const audit = await auditOf('user', String(id));
      expect(audit.find((a) => a.action === 'reset-password')).toMatchObject({ actor: 'user:root', new_value: { mustChangePassword: true, sessionsEnded: 1 } });
      const all = JSON.stringify(await server.deps.db.query('SELECT old_value, new_value FROM audit_log'));
      expect(all).not.toContain(otp);
      expect(all).not.toMatch(/scrypt\$|my own new password/);
    });

    it('changes a role and bodies with the values before and after in the audit log', async () => {
      await addAccount(server.deps, 'mover', 'officer', ['yl']);
      const { id } = await userNamed('mover');
      const bad = await admin.json<{ error: string }>('PATCH', `/api/admin/users/${id}`, { role: 'reviewer', bodies: ['yl', 'sq'] });
      expect(bad.status).toBe(400);
      expect(bad.body.error).toContain('一个机关');
      expect((await admin.request('PATCH', `/api/admin/users/${id}`, { role: 'supervisor', bodies: ['yl', 'sq'] })).status).toBe(200);
      expect(await userNamed('mover')).toMatchObject({ role: 'supervisor', bodies: ['sq', 'yl'] });
      expect((await auditOf('user', String(id))).at(-1)).toMatchObject({
        action: 'update',
        old_value: { username: 'mover', role: 'officer', bodies: ['yl'] },
        new_value: { username: 'mover', role: 'supervisor', bodies: ['sq', 'yl'] },
      });
      const unknown = await admin.json<{ error: string }>('PATCH', `/api/admin/users/${id}`, { bodies: ['nowhere'] });
      expect(unknown.status).toBe(400);
      expect(unknown.body.error).toContain('不存在的机关');
    });

    it('keeps an administrator from locking everyone out', async () => {
      const { id } = await userNamed('root');
      const self = await admin.json<{ error: string }>('PUT', `/api/admin/users/${id}/disabled`, { disabled: true });
      expect(self.status).toBe(400);
      expect(self.body.error).toContain('不能停用自己');
      expect((await admin.request('PATCH', `/api/admin/users/${id}`, { role: 'officer', bodies: ['yl'] })).status).toBe(400);
      const officer = new ApiClient(server.url);
      await officer.signIn('officer-yl');
      expect((await officer.request('PUT', `/api/admin/users/${id}/disabled`, { disabled: true })).status).toBe(403);
      expect((await officer.request('POST', `/api/admin/users/${id}/password-reset`)).status).toBe(403);
    });

    it('locks an account name after five wrong passwords, says when to retry, and lets the administrator lift the lock', async () => {
      for (let i = 0; i < 5; i++) expect((await signInStatus('officer-yl', `wrong guess ${i}`)).status).toBe(401);
      const locked = await signInStatus('officer-yl', TEST_PASSWORD);
      expect(locked.status).toBe(429);
      expect(Number(locked.retryAfter)).toBeGreaterThan(0);
      expect(locked.error).toContain('登录失败次数过多');
      // Another account from the same address is not affected.
      expect((await signInStatus('forgetful', 'my own new password')).status).toBe(200);

      const locks = await admin.json<{ kind: string; key: string; kindLabel: string; failures: number }[]>('GET', '/api/admin/sign-in-locks');
      expect(locks.body).toContainEqual(expect.objectContaining({ kind: 'account', key: 'officer-yl', kindLabel: '账号', failures: 5 }));
      expect((await admin.request('DELETE', '/api/admin/sign-in-locks/account/officer-yl')).status).toBe(200);
      expect((await signInStatus('officer-yl', TEST_PASSWORD)).status).toBe(200);

      // Every attempt is in the audit log, without the password typed.
      const audit = await auditOf('sign-in', 'officer-yl');
      expect(audit.filter((a) => a.action === 'sign-in-failed')).toHaveLength(5);
      expect(audit.filter((a) => a.action === 'sign-in-failed').at(-1)?.new_value).toMatchObject({ reason: '密码不正确', accountFailures: 5, lockedSeconds: 60 });
      expect(audit.at(-1)).toMatchObject({ actor: 'user:officer-yl', action: 'sign-in' });
      expect(JSON.stringify(audit)).not.toContain('wrong guess');
      expect(await auditOf('sign-in-lock', 'account:officer-yl')).toEqual([expect.objectContaining({ actor: 'user:root', action: 'clear-lock', old_value: expect.objectContaining({ failures: 5 }) })]);
    });

    it('locks an unknown account name just the same, so a lock tells nothing about who has an account', async () => {
      for (let i = 0; i < 5; i++) expect((await signInStatus('nobody-here', `guess ${i}`)).status).toBe(401);
      expect((await signInStatus('nobody-here', 'guess 6')).status).toBe(429);
      await admin.request('DELETE', '/api/admin/sign-in-locks/account/nobody-here');
    });

    it('locks a client address after 30 wrong passwords across accounts; after the back-off a right password works', async () => {
      await server.deps.db.query('DELETE FROM sign_in_throttle');
      for (let i = 0; i < 30; i++) expect((await signInStatus(`guess-${i % 6}-${i}`, 'not a password')).status).toBe(401);
      const refused = await signInStatus('officer-yl', TEST_PASSWORD);
      expect(refused.status).toBe(429);
      expect(Number(refused.retryAfter)).toBeGreaterThan(0);
      const locks = await admin.json<{ kind: string }[]>('GET', '/api/admin/sign-in-locks');
      expect(locks.body.filter((l) => l.kind === 'address')).toHaveLength(1);
      // The back-off runs out (its end moved to the past, as time would).
      await server.deps.db.query(`UPDATE sign_in_throttle SET locked_until = now() - interval '1 second' WHERE kind = 'address'`);
      expect((await signInStatus('officer-yl', TEST_PASSWORD)).status).toBe(200);
      // The next wrong one locks again, for twice as long.
      expect((await signInStatus('officer-yl', 'still wrong')).status).toBe(401);
      const again = await signInStatus('officer-yl', TEST_PASSWORD);
      expect(again.status).toBe(429);
      expect(Number(again.retryAfter)).toBeGreaterThan(60);
      await server.deps.db.query('DELETE FROM sign_in_throttle');
    });
  });

  describe(`sign-in locks across a restart on ${kind}`, () => {
    it('keeps a lock when the server restarts on the same database', async () => {
      const store = await migratedStore(kind);
      const where = store.databaseUrl ? { databaseUrl: store.databaseUrl } : { dataDir: store.dataDir! };
      try {
        const first = await testServer(where);
        await addAccount(first.deps, 'target', 'admin', []);
        const client = new ApiClient(first.url);
        await client.refresh();
        for (let i = 0; i < 5; i++) await client.request('POST', '/api/session', { username: 'target', password: `wrong ${i}` });
        expect((await client.request('POST', '/api/session', { username: 'target', password: TEST_PASSWORD })).status).toBe(429);
        await first.close();
        const second = await testServer(where);
        try {
          const again = new ApiClient(second.url);
          await again.refresh();
          expect((await again.request('POST', '/api/session', { username: 'target', password: TEST_PASSWORD })).status).toBe(429);
        } finally {
          await second.close();
        }
      } finally {
        store.dispose();
      }
    });
  });
}
