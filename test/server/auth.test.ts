/**
 * Accounts, sessions and CSRF through the HTTP API, on PGlite and on PostgreSQL: what a
 * signed-in officer, an attacker's page and an administrator can and cannot do.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/start.js';
import { DB_KINDS } from '../support/db.js';
import { addAccount, ApiClient, TEST_PASSWORD, testServer } from '../support/web.js';

for (const kind of DB_KINDS) {
  describe(`accounts and sessions on ${kind}`, () => {
    let server: RunningServer;
    beforeAll(async () => {
      server = await testServer({ db: kind });
      await server.deps.register.addBody('yl', '青禾县云岭镇人民政府', 'test');
      await server.deps.register.addBody('sq', '青禾县石泉街道办事处', 'test');
      await addAccount(server.deps, 'officer-yl', 'officer', ['yl']);
      await addAccount(server.deps, 'root', 'admin', []);
    });
    afterAll(async () => server?.close());

    it('refuses a wrong password and a non-existent account with the same answer', async () => {
      const client = new ApiClient(server.url);
      await client.refresh();
      const wrong = await client.json<{ error: string }>('POST', '/api/session', { username: 'officer-yl', password: 'not the password' });
      const nobody = await client.json<{ error: string }>('POST', '/api/session', { username: 'nobody', password: 'whatever it is' });
      expect(wrong.status).toBe(401);
      expect(nobody).toEqual(wrong);
      expect(wrong.body.error).toContain('用户名或密码不正确');
    });

    it('sets an HttpOnly, Secure, SameSite=Strict session cookie and stores only its hash', async () => {
      const client = new ApiClient(server.url);
      await client.refresh();
      const res = await client.request('POST', '/api/session', { username: 'officer-yl', password: TEST_PASSWORD });
      expect(res.status).toBe(200);
      const cookie = res.headers.getSetCookie().find((c) => c.startsWith('gk_sid='))!;
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/Secure/);
      expect(cookie).toMatch(/SameSite=Strict/);
      const sid = /^gk_sid=([^;]+)/.exec(cookie)![1]!;
      const stored = await server.deps.db.query<{ id_hash: string }>('SELECT id_hash FROM sessions');
      expect(stored.map((r) => r.id_hash)).not.toContain(sid);
    });

    it('refuses a change without the CSRF token, with a made-up one, and with another session\'s token', async () => {
      const victim = new ApiClient(server.url);
      await victim.signIn('officer-yl');
      const attacker = new ApiClient(server.url);
      await attacker.signIn('root');
      const noToken = await victim.json<{ error: string }>('POST', '/api/session/password', { current: TEST_PASSWORD, next: 'a new password 1' }, { csrf: false });
      expect(noToken.status).toBe(403);
      expect(noToken.body.error).toContain('CSRF');
      victim.csrf = 'made-up-token';
      expect((await victim.request('DELETE', '/api/session')).status).toBe(403);
      victim.csrf = attacker.csrf;
      expect((await victim.request('DELETE', '/api/session')).status).toBe(403);
      // The victim is still signed in: none of those requests did anything.
      await victim.refresh();
      expect((await victim.json<{ user: { username: string } | null }>('GET', '/api/session')).body.user?.username).toBe('officer-yl');
    });

    it('keeps administration to administrators', async () => {
      const officer = new ApiClient(server.url);
      await officer.signIn('officer-yl');
      expect((await officer.request('GET', '/api/admin/users')).status).toBe(403);
      expect((await officer.request('POST', '/api/admin/bodies', { id: 'x', name: '某某局' })).status).toBe(403);
      const anonymous = new ApiClient(server.url);
      await anonymous.refresh();
      expect((await anonymous.request('GET', '/api/admin/users')).status).toBe(401);
    });

    it('lets the administrator add a body and a supervisor over two bodies, and audits both', async () => {
      const admin = new ApiClient(server.url);
      await admin.signIn('root');
      expect((await admin.request('POST', '/api/admin/bodies', { id: 'qh', name: '青禾县人民政府' })).status).toBe(200);
      const bodies = await admin.json<{ id: string; level: string }[]>('GET', '/api/bodies?q=青禾县人民政府');
      expect(bodies.body).toEqual([expect.objectContaining({ id: 'qh', level: 'county' })]);
      const weak = await admin.json<{ error: string }>('POST', '/api/admin/users', { username: 'county', displayName: '县政务公开办', password: 'short', role: 'supervisor', bodies: ['yl', 'sq'] });
      expect(weak.status).toBe(400);
      expect(weak.body.error).toContain('至少 10 个字符');
      const made = await admin.json<{ id: number }>('POST', '/api/admin/users', { username: 'county', displayName: '县政务公开办', password: 'long enough pass', role: 'supervisor', bodies: ['yl', 'sq'] });
      expect(made.status).toBe(200);
      const audit = await admin.json<{ entries: { who: string; what: string }[] }>('GET', '/api/admin/audit?actor=user:root');
      expect(audit.body.entries).toEqual(expect.arrayContaining([
        expect.objectContaining({ action: '创建', what: '机关：青禾县人民政府（编号 qh）' }),
        expect.objectContaining({ action: '创建', what: `账号：县政务公开办（编号 ${made.body.id}）` }),
      ]));
      // The audit never holds a password or its hash.
      expect(JSON.stringify(audit.body)).not.toMatch(/long enough pass|scrypt\$/);
      const supervisor = new ApiClient(server.url);
      await supervisor.signIn('county', 'long enough pass');
      const session = await supervisor.json<{ user: { role: string; bodies: string[] } }>('GET', '/api/session');
      expect(session.body.user).toMatchObject({ role: 'supervisor', bodies: ['sq', 'yl'] });
    });

    it('ends the other sessions when a password changes', async () => {
      await addAccount(server.deps, 'changer', 'officer', ['sq']);
      const laptop = new ApiClient(server.url);
      await laptop.signIn('changer');
      const phone = new ApiClient(server.url);
      await phone.signIn('changer');
      expect((await laptop.request('POST', '/api/session/password', { current: TEST_PASSWORD, next: 'another long one' })).status).toBe(200);
      expect((await phone.json<{ user: unknown }>('GET', '/api/session')).body.user).toBeNull();
      expect((await laptop.json<{ user: { username: string } }>('GET', '/api/session')).body.user.username).toBe('changer');
    });

    it('takes a holiday the administrator enters into the working-day calendar', async () => {
      const admin = new ApiClient(server.url);
      await admin.signIn('root');
      const before = (await server.deps.calendar()).dayInfo('2027-03-03');
      expect(before.covered).toBe(false);
      expect((await admin.request('PUT', '/api/admin/calendar/overrides/2027-03-03', { work: false, source: '测试通知' })).status).toBe(200);
      const after = (await server.deps.calendar()).dayInfo('2027-03-03');
      expect(after).toMatchObject({ work: false, source: 'override' });
      const listed = await admin.json<{ date: string }[]>('GET', '/api/calendar/overrides');
      expect(listed.body.map((o) => o.date)).toContain('2027-03-03');
    });

    it('describes its API in an OpenAPI document', async () => {
      const doc = await (await fetch(`${server.url}/api/openapi.json`)).json() as { openapi: string; paths: Record<string, unknown> };
      expect(doc.openapi).toBe('3.1.0');
      expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/session', '/api/bodies', '/api/admin/users']));
    });
  });
}
