/**
 * kill -9 in the middle of writes: the server process (`gongkai serve`, embedded PGlite in a
 * folder) is killed while citizens' applications stream in. Every application the server
 * confirmed (answered 200 with a number and query code) must be there after a restart on the
 * same folder, findable with its code, and numbering goes on without reusing a number.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serveProcess } from '../support/serve-process.js';
import { ApiClient } from '../support/web.js';

const ADMIN_PASSWORD = 'durability admin pw';

const serve = (dataDir: string) => serveProcess(['--data', dataDir], { GONGKAI_ADMIN_PASSWORD: ADMIN_PASSWORD, GONGKAI_PUBLIC_RATE_LIMIT: '100000' });

const application = (n: number) => ({
  bodyId: 'yl',
  applicantType: 'naturalPerson',
  name: `申请人${n}`,
  idKind: 'otherPersonal',
  idNumber: `E${String(10_000_000 + n)}`,
  phone: '13812345678',
  description: `关于某村第${n}号地块土地征收批复文件的公开申请`,
  form: 'electronic',
  delivery: 'pickup',
});

describe('the server killed with SIGKILL during writes', () => {
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const c of children) c.kill('SIGKILL');
  });

  it('keeps every confirmed application and starts again on the same data', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'gongkai-kill-')), 'data');
    const first = await serve(dataDir);
    children.push(first.child);
    const admin = new ApiClient(first.url);
    await admin.signIn('admin', ADMIN_PASSWORD);
    expect((await admin.request('POST', '/api/admin/bodies', { id: 'yl', name: '青禾县云岭镇人民政府' })).status).toBe(200);

    const citizen = new ApiClient(first.url);
    await citizen.refresh();
    const confirmed: { id: string; queryCode: string }[] = [];
    let n = 0;
    let killed = false;
    // Eight citizens submit without pause; the server is killed once 40 have been confirmed,
    // with submissions still in flight.
    const writer = async () => {
      while (!killed) {
        try {
          const r = await citizen.json<{ id: string; queryCode: string }>('POST', '/api/public/applications', application(++n));
          if (r.status === 200) confirmed.push(r.body);
          else throw new Error(`submission refused: ${JSON.stringify(r.body)}`);
        } catch (error) {
          if (!killed) throw error;
        }
        if (confirmed.length >= 40 && !killed) {
          killed = true;
          first.child.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, writer));
    // Killed by a signal, a child has no exit code but a signal code; it may be gone already.
    await new Promise((resolve) => (first.child.exitCode !== null || first.child.signalCode !== null ? resolve(null) : first.child.once('exit', resolve)));
    expect(confirmed.length).toBeGreaterThanOrEqual(40);

    const second = await serve(dataDir);
    children.push(second.child);
    const lookup = new ApiClient(second.url);
    await lookup.refresh();
    for (const { id, queryCode } of confirmed) {
      const r = await lookup.json<{ id: string }>('POST', `/api/public/applications/${id}/status`, { code: queryCode });
      expect(r.status, id).toBe(200);
      expect(r.body.id).toBe(id);
    }
    // Numbering continues after the highest number ever confirmed.
    const next = await lookup.json<{ id: string }>('POST', '/api/public/applications', application(9999));
    expect(next.status).toBe(200);
    const serial = (id: string) => Number(id.split('-').at(-1));
    expect(serial(next.body.id)).toBeGreaterThan(Math.max(...confirmed.map((c) => serial(c.id))));
    second.child.kill('SIGTERM');
  }, 120_000);
});
