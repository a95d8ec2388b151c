/**
 * No lost updates, on PGlite and PostgreSQL: for every editable record (report draft, catalogue
 * draft, body, catalogue settings, guide settings) several saves begun from the same version are
 * sent at once over HTTP by two people; exactly one is kept and every other is refused with 409
 * and a Chinese message, and what is stored is the winner's. On PostgreSQL the server's pool has
 * several connections, so the saves really run side by side in separate transactions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnnualReport } from '../../src/model/report.js';
import type { RunningServer } from '../../src/server/start.js';
import { DB_KINDS } from '../support/db.js';
import { addAccount, ApiClient, testServer } from '../support/web.js';

/** How many saves race each time. */
const N = 6;

type Answer = { status: number; body: { error?: string } };

/** Exactly one save kept, the others refused as stale edits; the index of the winner. */
function oneWinner(answers: Answer[]): number {
  const statuses = answers.map((a) => a.status);
  expect(statuses.filter((s) => s === 200), JSON.stringify(answers.map((a) => a.body.error ?? a.status))).toHaveLength(1);
  expect(statuses.filter((s) => s === 409)).toHaveLength(answers.length - 1);
  for (const a of answers.filter((x) => x.status === 409)) expect(a.body.error).toMatch(/他人保存了更新的版本.*请刷新页面/);
  return statuses.indexOf(200);
}

const ITEM = {
  title: '云岭镇2026年防汛应急预案',
  summary: '明确防汛组织机构、预警响应和转移安置。',
  content: '第一章 总则',
  topic: '应急管理',
  docType: '其他文件',
  disclosure: 'proactive',
  channels: ['门户网站'],
};

const BODY = { name: '青禾县石泉街道办事处', level: 'township', regionCode: null, aliases: [] as string[], creditCode: null, worksHere: false };

describe.each(DB_KINDS)('concurrent saves on %s', (kind) => {
  let server: RunningServer;
  const as: Record<string, ApiClient> = {};
  /** The i-th racer: the two officers (or two administrators) take turns. */
  const officer = (i: number) => as[i % 2 ? 'off2' : 'off']!;
  const admin = (i: number) => as[i % 2 ? 'adm2' : 'adm']!;
  const race = <T>(save: (i: number) => Promise<T>) => Promise.all(Array.from({ length: N }, (_, i) => save(i)));

  beforeAll(async () => {
    server = await testServer({ db: kind });
    await server.deps.register.addBody('yl', '青禾县云岭镇人民政府', 'test');
    for (const [name, role] of [
      ['off', 'officer'],
      ['off2', 'officer'],
      ['adm', 'admin'],
      ['adm2', 'admin'],
    ] as const) {
      await addAccount(server.deps, name, role, role === 'officer' ? ['yl'] : []);
      as[name] = new ApiClient(server.url);
      await as[name].signIn(name);
    }
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });

  it('report draft: of simultaneous first saves one is kept, and of simultaneous later saves one', async () => {
    const { body: view } = await as.off!.json<{ report: AnnualReport; revision: number }>('GET', '/api/bodies/yl/reports/2025');
    expect(view.revision).toBe(0);
    const titled = (i: number) => ({ ...view.report, title: `云岭镇2025年年度报告（第${i}稿）` });
    const first = await race((i) => officer(i).json<{ error?: string }>('PUT', '/api/bodies/yl/reports/2025', { report: titled(i), revision: 0 }));
    const winner = oneWinner(first);
    const kept = await as.off!.json<{ report: AnnualReport; revision: number }>('GET', '/api/bodies/yl/reports/2025');
    expect(kept.body.revision).toBe(1);
    expect(kept.body.report.title).toBe(`云岭镇2025年年度报告（第${winner}稿）`);

    const second = await race((i) => officer(i).json<{ error?: string }>('PUT', '/api/bodies/yl/reports/2025', { report: titled(10 + i), revision: 1 }));
    const next = oneWinner(second);
    const after = await as.off2!.json<{ report: AnnualReport; revision: number }>('GET', '/api/bodies/yl/reports/2025');
    expect(after.body.revision).toBe(2);
    expect(after.body.report.title).toBe(`云岭镇2025年年度报告（第${10 + next}稿）`);
  });

  it('catalogue draft: two officers editing one draft, the later save is refused instead of overwriting', async () => {
    const created = await as.off!.json<{ id: number; version: number }>('POST', '/api/bodies/yl/catalogue/items', ITEM);
    expect(created.status).toBe(200);
    const { id, version } = created.body;
    const answers = await race((i) => officer(i).json<{ error?: string }>('PUT', `/api/office/catalogue/items/${id}`, { ...ITEM, title: `防汛应急预案（第${i}稿）`, version }));
    const winner = oneWinner(answers);
    const kept = await as.off2!.json<{ title: string; version: number }>('GET', `/api/office/catalogue/items/${id}`);
    expect(kept.body.title).toBe(`防汛应急预案（第${winner}稿）`);
    expect(kept.body.version).toBe(version + 1);

    // The version may travel as If-Match instead: the old one is refused, the current one kept.
    const stale = await as.off!.request('PUT', `/api/office/catalogue/items/${id}`, { ...ITEM, title: '旧版本上的修改' }, { headers: { 'if-match': `"${version}"` } });
    expect(stale.status).toBe(409);
    const fresh = await as.off!.request('PUT', `/api/office/catalogue/items/${id}`, { ...ITEM, title: '新版本上的修改' }, { headers: { 'if-match': `"${kept.body.version}"` } });
    expect(fresh.status).toBe(200);
    expect(((await fresh.json()) as { title: string }).title).toBe('新版本上的修改');
  });

  it('catalogue settings: simultaneous first saves and later saves, one kept each time', async () => {
    const { body: before } = await as.off!.json<{ version: number }>('GET', '/api/bodies/yl/catalogue/settings');
    expect(before.version).toBe(0);
    const first = await race((i) => officer(i).json<{ error?: string }>('PUT', '/api/bodies/yl/catalogue/settings', { reexamineMonths: 6 + i, version: 0 }));
    const winner = oneWinner(first);
    const kept = await as.off2!.json<{ reexamineMonths: number; version: number }>('GET', '/api/bodies/yl/catalogue/settings');
    expect(kept.body).toMatchObject({ reexamineMonths: 6 + winner, version: 1 });

    const second = await race((i) => officer(i).json<{ error?: string }>('PUT', '/api/bodies/yl/catalogue/settings', { reexamineMonths: 20 + i, version: 1 }));
    const next = oneWinner(second);
    expect((await as.off!.json<{ reexamineMonths: number }>('GET', '/api/bodies/yl/catalogue/settings')).body.reexamineMonths).toBe(20 + next);
  });

  it('guide settings: simultaneous first saves, one kept; the catalogue settings page is not disturbed by it', async () => {
    const { body: before } = await as.off!.json<{ version: number }>('GET', '/api/bodies/yl/guide');
    expect(before.version).toBe(0);
    const settingsVersion = (await as.off!.json<{ version: number }>('GET', '/api/bodies/yl/catalogue/settings')).body.version;
    const first = await race((i) => officer(i).json<{ error?: string }>('PUT', '/api/bodies/yl/guide', { officeName: `云岭镇党政综合办公室${i}号窗口`, version: 0 }));
    const winner = oneWinner(first);
    const kept = await as.off2!.json<{ settings: { officeName?: string }; version: number }>('GET', '/api/bodies/yl/guide');
    expect(kept.body.settings.officeName).toBe(`云岭镇党政综合办公室${winner}号窗口`);
    expect(kept.body.version).toBe(1);
    // The guide and the catalogue settings share a row but not a version.
    expect((await as.off!.json<{ version: number }>('GET', '/api/bodies/yl/catalogue/settings')).body.version).toBe(settingsVersion);
  });

  it('body: simultaneous creations of one id, one kept; simultaneous edits of it, one kept', async () => {
    const first = await race((i) => admin(i).json<{ error?: string }>('PUT', '/api/admin/directory/bodies/sq', { ...BODY, aliases: [`石泉${i}`], version: 0 }));
    const winner = oneWinner(first);
    const dir = await as.adm!.json<{ bodies: { id: string; aliases: string[]; version: number }[] }>('GET', '/api/admin/directory');
    const sq = dir.body.bodies.find((b) => b.id === 'sq')!;
    expect(sq.aliases).toEqual([`石泉${winner}`]);

    const second = await race((i) => admin(i).json<{ error?: string }>('PUT', '/api/admin/directory/bodies/sq', { ...BODY, aliases: [`石泉街道${i}`], version: sq.version }));
    const next = oneWinner(second);
    const after = (await as.adm2!.json<{ bodies: { id: string; aliases: string[]; version: number }[] }>('GET', '/api/admin/directory')).body.bodies.find((b) => b.id === 'sq')!;
    expect(after.aliases).toEqual([`石泉街道${next}`]);
    expect(after.version).toBe(sq.version + 1);
  });
});
