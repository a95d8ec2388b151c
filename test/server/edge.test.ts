/**
 * The edge of the server, on the real server over HTTP (PGlite and PostgreSQL): the client address
 * behind trusted proxies only (GONGKAI_TRUSTED_PROXIES) for the public rate limit and the sign-in
 * throttle; only accepted submissions count; NUL bytes and lone surrogates in any text are a 400
 * naming the field, never a 500, and texts are stored in NFC; a file with NULs in its name and
 * text does not fail the upload it came in.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientAddressOf, trustedProxies } from '../../src/server/rate-limit.js';
import type { RunningServer } from '../../src/server/start.js';
import { DB_KINDS } from '../support/db.js';
import { publicForm as form } from '../support/public-form.js';
import { addAccount, ApiClient, TEST_PASSWORD, testServer } from '../support/web.js';

/** A citizen's browser behind the proxy: a fresh cookie jar, and the proxy's X-Forwarded-For. */
async function citizen(url: string, forwardedFor?: string): Promise<{ post: (path: string, body: unknown) => Promise<Response> }> {
  const client = new ApiClient(url);
  await client.refresh();
  const headers = forwardedFor ? { 'x-forwarded-for': forwardedFor } : undefined;
  return { post: (path, body) => client.request('POST', path, body, headers ? { headers } : {}) };
}

describe('the client address through trusted proxies', () => {
  const trusted = trustedProxies(['127.0.0.1', '10.0.0.0/8', '2001:db8::/32']);

  it('believes X-Forwarded-For only from a trusted peer, read from the right to the first untrusted hop', () => {
    // Untrusted peer: the header is anyone's to write.
    expect(clientAddressOf('198.51.100.9', '203.0.113.5', trusted)).toBe('198.51.100.9');
    // Trusted peer, one hop: the client the proxy saw.
    expect(clientAddressOf('127.0.0.1', '203.0.113.5', trusted)).toBe('203.0.113.5');
    // The client wrote its own X-Forwarded-For (a lie on the left); two trusted proxies appended.
    expect(clientAddressOf('127.0.0.1', '1.2.3.4, 203.0.113.5, 10.1.2.3', trusted)).toBe('203.0.113.5');
    // IPv6 peers and hops, with brackets and ports; IPv4 written as IPv6 by a dual-stack socket.
    expect(clientAddressOf('2001:db8::1', '[2001:db8:ffff::2]:443, 2001:db9::7', trusted)).toBe('2001:db9::7');
    expect(clientAddressOf('::ffff:127.0.0.1', '203.0.113.5:5555', trusted)).toBe('203.0.113.5');
    // A hop that is no address ends the walk at the last good one.
    expect(clientAddressOf('127.0.0.1', 'unknown', trusted)).toBe('127.0.0.1');
    // Every hop trusted: the leftmost.
    expect(clientAddressOf('127.0.0.1', '10.0.0.1, 10.0.0.2', trusted)).toBe('10.0.0.1');
    // No proxies configured: the socket, always.
    expect(clientAddressOf('127.0.0.1', '203.0.113.5', trustedProxies([]))).toBe('127.0.0.1');
  });

  it('refuses a setting that is not an address or a range', () => {
    expect(() => trustedProxies(['10.0.0.0/33'])).toThrow(/GONGKAI_TRUSTED_PROXIES/);
    expect(() => trustedProxies(['proxy.example'])).toThrow(/不是 IP 地址或网段/);
  });
});

for (const kind of DB_KINDS) {
  describe(`behind a trusted proxy on ${kind}`, () => {
    let server: RunningServer;
    beforeAll(async () => {
      server = await testServer({ db: kind, config: { publicRateLimit: { max: 2, windowMs: 3_600_000 }, trustedProxies: ['127.0.0.1', '::1'] } });
      await server.deps.register.addBody('yl', '青禾县云岭镇人民政府', 'test');
      await addAccount(server.deps, 'admin-edge', 'admin', []);
    }, 60_000);
    afterAll(async () => {
      await server?.close();
    });

    it('limits each citizen behind the proxy on their own, and counts only accepted applications', async () => {
      const a = '203.0.113.10';
      const b = '203.0.113.20';
      // Refused submissions (a wrong ID number, a missing description) do not use up the allowance.
      expect((await (await citizen(server.url, a)).post('/api/public/applications', form({ idNumber: '110105194912310021' }))).status).toBe(400);
      expect((await (await citizen(server.url, a)).post('/api/public/applications', form({ description: '' }))).status).toBe(400);
      expect((await (await citizen(server.url, a)).post('/api/public/applications', form())).status).toBe(200);
      expect((await (await citizen(server.url, a)).post('/api/public/applications', form())).status).toBe(200);
      const third = await (await citizen(server.url, a)).post('/api/public/applications', form());
      expect(third.status).toBe(429);
      expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
      // Another citizen behind the same proxy is not affected.
      expect((await (await citizen(server.url, b)).post('/api/public/applications', form())).status).toBe(200);
      expect(await server.deps.register.applications('yl')).toHaveLength(3);
    });

    it('throttles sign-in per forwarded client: 30 wrong passwords lock that client only', async () => {
      const guesser = '198.51.100.7';
      for (let i = 0; i < 30; i++) {
        expect((await (await citizen(server.url, guesser)).post('/api/session', { username: `guess-${i % 6}-${i}`, password: 'not a password' })).status).toBe(401);
      }
      expect((await (await citizen(server.url, guesser)).post('/api/session', { username: 'admin-edge', password: TEST_PASSWORD })).status).toBe(429);
      // The administrator, behind the same proxy from another address, signs in.
      const admin = new ApiClient(server.url);
      await admin.refresh();
      const signedIn = await admin.request('POST', '/api/session', { username: 'admin-edge', password: TEST_PASSWORD }, { headers: { 'x-forwarded-for': '198.51.100.8' } });
      expect(signedIn.status).toBe(200);
      await server.deps.db.query('DELETE FROM sign_in_throttle');
    });
  });

  describe(`text hygiene at the edge on ${kind}`, () => {
    let server: RunningServer;
    beforeAll(async () => {
      server = await testServer({ db: kind, config: { publicRateLimit: { max: 100, windowMs: 3_600_000 } } });
      await server.deps.register.addBody('yl', '青禾县云岭镇人民政府', 'test');
      await addAccount(server.deps, 'officer-edge', 'officer', ['yl']);
    }, 60_000);
    afterAll(async () => {
      await server?.close();
    });

    it('refuses a NUL byte or a lone surrogate in a public form field with a 400 naming the field; the same application without it is accepted', async () => {
      const before = (await server.deps.register.applications('yl')).length;
      for (const [field, bad] of [['name', '李秀\u0000英'], ['description', '征收补偿方案\ud800'], ['address', '\udc00青禾县']] as const) {
        const res = await (await citizen(server.url)).post('/api/public/applications', form({ [field]: bad }));
        expect(res.status).toBe(400);
        const body = (await res.json()) as { error: string; fields?: Record<string, string> };
        expect(body.error).toContain(`“${field}”`);
        expect(body.error).toMatch(/空字符|无效的字符/);
        expect(Object.keys(body.fields ?? {})).toEqual([field]);
      }
      expect(await server.deps.register.applications('yl')).toHaveLength(before);
      const ok = await (await citizen(server.url)).post('/api/public/applications', form());
      expect(ok.status).toBe(200);
      expect(await server.deps.register.applications('yl')).toHaveLength(before + 1);
    });

    it('keeps every file of an upload when one has NUL bytes in its name and text: the NULs are removed, with a warning', async () => {
      await addAccount(server.deps, 'sup-edge', 'supervisor', ['yl']);
      const sup = new ApiClient(server.url);
      await sup.signIn('sup-edge');
      const fixture = (name: string) => readFileSync(new URL(`../fixtures/reports/${name}`, import.meta.url));
      const lines = fixture('yunling-2023.tsv.txt').toString('utf8').split('\n');
      lines[0] = `${lines[0]}\u0000`;
      lines[10] = `\u0000${lines[10]}`;
      const form = new FormData();
      form.append('file', new Blob([lines.join('\n')]), '云岭\u0000镇2023.txt');
      form.append('file', new Blob([fixture('yunling-2024.md')]), '云岭镇2024.md');
      const res = await sup.request('POST', '/api/supervisor/uploads', undefined, { raw: form });
      expect(res.status).toBe(200);
      const { results } = (await res.json()) as { results: { file: string; ok: boolean; reportId: number | null; year: number | null }[] };
      expect(results.map((r) => [r.file, r.ok, r.year])).toEqual([
        ['云岭镇2023.txt', true, 2023],
        ['云岭镇2024.md', true, 2024],
      ]);
      const view = await sup.json<{ findings: { code: string; message: string }[] }>('GET', `/api/supervisor/reports/${results[0]!.reportId}`);
      expect(view.body.findings.find((f) => f.code === 'INPUT.CONTROL_CHARS')?.message).toContain('2 个');
    });

    it('stores texts in NFC: a name typed with a combining accent is the same name as the composed one', async () => {
      const res = await (await citizen(server.url)).post('/api/public/applications', form({ name: 'Rene\u0301 李' }));
      expect(res.status).toBe(200);
      const { id } = (await res.json()) as { id: string };
      const stored = (await server.deps.register.applications('yl')).find((a) => a.id === id)!;
      expect(JSON.stringify(stored)).toContain('Ren\u00e9 李');
      expect(JSON.stringify(stored)).not.toContain('e\u0301');
      // A search typed the decomposed way finds it too: the query string is normalised as well.
      const officer = new ApiClient(server.url);
      await officer.signIn('officer-edge');
      const found = await officer.json<{ items: { id: string }[] }>('GET', `/api/bodies/yl/applications?q=${encodeURIComponent('Rene\u0301')}`);
      expect(found.status).toBe(200);
      expect(found.body.items.map((a) => a.id)).toEqual([id]);
    });

    it('refuses a NUL in a query string or the address with a 400, never a 500', async () => {
      const officer = new ApiClient(server.url);
      await officer.signIn('officer-edge');
      const query = await officer.request('GET', '/api/bodies/yl/applications?q=%00');
      expect(query.status).toBe(400);
      expect(((await query.json()) as { error: string }).error).toContain('“q”');
      const path = await officer.request('GET', '/api/bodies/y%00l/applications');
      expect(path.status).toBe(400);
      // A JSON key with a NUL, nested: named by its path.
      const nested = await (await citizen(server.url)).post('/api/public/applications', { ...form(), extra: { 'a\u0000': 1 } });
      expect(nested.status).toBe(400);
    });
  });
}
