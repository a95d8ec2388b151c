/**
 * The catalogue's lifecycle through its API, on PGlite and (when GONGKAI_TEST_DATABASE_URL is set)
 * PostgreSQL: a township with one drafter and one reviewer publishes; the drafter withdraws a
 * submitted item; a published item is withdrawn (撤销) with a reason and its public page says so;
 * drafts are deleted by their drafter or an administrator only; a chain changed in the settings
 * applies to items in review from their next step; validity states as of today (2026-03-02).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/start.js';
import { DB_KINDS } from '../support/db.js';
import { addAccount, ApiClient, testServer } from '../support/web.js';

interface Detail {
  id: number;
  indexNo: string;
  status: string;
  publishedOn: string | null;
  validity: { label: string } | null;
  chain: { phase: string; step: number; round: number; steps: { name: string }[] };
  reviews: { stepName: string; decision: string; actor: string; comment: string | null }[];
  revoked: { on: string; reason: string; byName: string } | null;
  can: { withdraw: boolean; revoke: boolean; delete: boolean; review: { step: number } | null; reviewNote: string | null };
  error?: string;
}

const ITEM = { title: '云岭镇2026年春耕补贴发放公告', summary: '补贴标准和发放时间。', content: '正文', topic: '农业农村', docType: '通知公告', disclosure: 'proactive', channels: ['门户网站'] };

describe.each(DB_KINDS)('the catalogue lifecycle on %s', (kind) => {
  let server: RunningServer;
  const as: Record<string, ApiClient> = {};
  const anonymous = () => new ApiClient(server.url);

  beforeAll(async () => {
    server = await testServer({ db: kind });
    await server.deps.register.addBody('yl', '青禾县云岭镇人民政府', 'test');
    const accounts = [
      ['off', 'officer', ['yl']],
      ['off2', 'officer', ['yl']],
      ['rev', 'reviewer', ['yl']],
      ['rev2', 'reviewer', ['yl']],
      ['boss', 'admin', []],
    ] as const;
    for (const [name, role, bodies] of accounts) {
      await addAccount(server.deps, name, role, [...bodies]);
      as[name] = new ApiClient(server.url);
      await as[name].signIn(name);
    }
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });

  const create = async (who: string, body: Record<string, unknown> = {}) => {
    const r = await as[who]!.json<Detail>('POST', '/api/bodies/yl/catalogue/items', { ...ITEM, ...body });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body;
  };
  const submit = (who: string, id: number) => as[who]!.json<Detail>('POST', `/api/office/catalogue/items/${id}/submit`, {});
  const approve = (who: string, id: number, step: number) => as[who]!.json<Detail>('POST', `/api/office/catalogue/items/${id}/review`, { step, decision: 'approve' });
  const audit = async (id: number) =>
    server.deps.db.query<{ action: string; actor: string; old_value: unknown; new_value: unknown }>(
      "SELECT action, actor, old_value, new_value FROM audit_log WHERE entity = 'catalogue_item' AND entity_id = $1 ORDER BY seq",
      [String(id)],
    );
  const publish = async (body: Record<string, unknown> = {}) => {
    const item = await create('off', body);
    await submit('off', item.id);
    for (const step of [1, 2, 3]) expect((await approve('rev', item.id, step)).status).toBe(200);
    return item;
  };

  it('publishes with one drafter and one reviewer, who takes the three review steps one by one; the drafter never reviews', async () => {
    const item = await create('off');
    const submitted = await submit('off', item.id);
    expect(submitted.body.can.review).toBeNull();
    const first = await approve('rev', item.id, 1);
    expect(first.body.chain.step).toBe(2);
    // The same reviewer may take the next step: the page offers it.
    expect(first.body.can.review).toEqual({ step: 2, name: '终审' });
    await approve('rev', item.id, 2);
    const done = await approve('rev', item.id, 3);
    expect(done.body).toMatchObject({ status: 'published', publishedOn: '2026-03-02' });
    expect(done.body.reviews.map((r) => `${r.stepName} ${r.decision} ${r.actor}`)).toEqual(['拟稿 submit user:off', '初审 approve user:rev', '终审 approve user:rev', '保密审查 approve user:rev']);
    const pub = await anonymous().json<{ title: string }>('GET', `/api/catalogue/items/${item.id}`);
    expect(pub.body.title).toBe(ITEM.title);
  });

  it('lets the drafter withdraw a submitted item back to draft, audited', async () => {
    const item = await create('off');
    await submit('off', item.id);
    await approve('rev', item.id, 1);
    expect((await as.rev!.json('POST', `/api/office/catalogue/items/${item.id}/withdraw`, {})).status).toBe(403);
    const back = await as.off!.json<Detail>('POST', `/api/office/catalogue/items/${item.id}/withdraw`, { comment: '需补充补贴标准' });
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ status: 'draft', chain: { phase: 'draft' }, can: { withdraw: false, delete: true } });
    expect(back.body.reviews.at(-1)).toMatchObject({ stepName: '终审', decision: 'withdraw', actor: 'user:off', comment: '需补充补贴标准' });
    // The reviewer has nothing left to decide; withdrawing twice is refused.
    expect((await approve('rev', item.id, 2)).status).toBe(409);
    expect((await as.off!.json('POST', `/api/office/catalogue/items/${item.id}/withdraw`, {})).status).toBe(409);
    const rows = await audit(item.id);
    expect(rows.at(-1)).toMatchObject({ action: 'withdraw', actor: 'user:off', old_value: { phase: 'inReview', step: 2 }, new_value: { phase: 'draft' } });
    // Resubmitted: a new round from 初审.
    expect((await submit('off', item.id)).body.chain).toMatchObject({ phase: 'inReview', step: 1, round: 2 });
  });

  it('withdraws (撤销) a published item with a reason; the public page says so, search no longer lists it', async () => {
    const item = await publish({ title: '云岭镇2026年低保对象名单公示' });
    const searchFor = async () => (await anonymous().json<{ items: { id: number }[] }>('GET', `/api/catalogue/items?q=${encodeURIComponent('低保对象名单')}`)).body.items.map((i) => i.id);
    expect(await searchFor()).toContain(item.id);
    expect((await as.off!.json('POST', `/api/office/catalogue/items/${item.id}/revoke`, { reason: '  ' })).status).toBe(400);
    const revoked = await as.rev!.json<Detail>('POST', `/api/office/catalogue/items/${item.id}/revoke`, { reason: '名单含有未经同意公开的个人信息' });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ status: 'withdrawn', revoked: { on: '2026-03-02', reason: '名单含有未经同意公开的个人信息' }, can: { revoke: false, delete: false } });
    expect((await as.off!.json('POST', `/api/office/catalogue/items/${item.id}/revoke`, { reason: '再次' })).status).toBe(409);

    const pub = await anonymous().json<{ title: string; content: string; revoked: { on: string; reason: string } | null }>('GET', `/api/catalogue/items/${item.id}`);
    expect(pub.status).toBe(200);
    expect(pub.body).toMatchObject({ title: '云岭镇2026年低保对象名单公示', content: '', revoked: { on: '2026-03-02', reason: '名单含有未经同意公开的个人信息' } });
    expect((await anonymous().json('GET', `/api/catalogue/items/${encodeURIComponent(item.indexNo)}`)).status).toBe(200);
    expect(await searchFor()).not.toContain(item.id);
    const rows = await audit(item.id);
    expect(rows.at(-1)).toMatchObject({ action: 'revoke', actor: 'user:rev', old_value: { status: 'published' }, new_value: { status: 'withdrawn', reason: '名单含有未经同意公开的个人信息' } });
    // A draft never published stays a 404 for the public.
    const draft = await create('off');
    expect((await anonymous().json('GET', `/api/catalogue/items/${draft.id}`)).status).toBe(404);
  });

  it('deletes only drafts, by their drafter or an administrator', async () => {
    const mine = await create('off');
    expect((await as.off2!.json('DELETE', `/api/office/catalogue/items/${mine.id}`)).status).toBe(403);
    expect((await as.rev!.json('DELETE', `/api/office/catalogue/items/${mine.id}`)).status).toBe(403);
    expect((await as.off!.json('DELETE', `/api/office/catalogue/items/${mine.id}`)).status).toBe(200);
    expect((await as.off!.json('GET', `/api/office/catalogue/items/${mine.id}`)).status).toBe(404);
    const rows = await audit(mine.id);
    expect(rows.at(-1)).toMatchObject({ action: 'delete', actor: 'user:off', old_value: { indexNo: mine.indexNo, title: ITEM.title }, new_value: null });

    const other = await create('off2');
    expect((await as.boss!.json('DELETE', `/api/office/catalogue/items/${other.id}`)).status).toBe(200);
    const inReview = await create('off');
    await submit('off', inReview.id);
    expect((await as.off!.json('DELETE', `/api/office/catalogue/items/${inReview.id}`)).status).toBe(409);
    const published = await publish();
    expect((await as.off!.json('DELETE', `/api/office/catalogue/items/${published.id}`)).status).toBe(409);
  });

  it('applies a changed chain to items in review from their next step, and a stricter rule at once', async () => {
    const atFinal = await create('off');
    await submit('off', atFinal.id);
    await approve('rev', atFinal.id, 1);
    const atFirst = await create('off');
    await submit('off', atFirst.id);
    // 终审 dropped: the item waiting at 终审 goes on to 保密审查; the other still waits at 初审.
    const steps = [
      { name: '拟稿', role: 'officer' },
      { name: '初审', role: 'reviewer' },
      { name: '保密审查', role: 'reviewer' },
    ];
    const set = await as.off!.json<{ reviewSteps: { name: string }[]; chainWarning: string | null }>('PUT', '/api/bodies/yl/catalogue/settings', { reviewSteps: steps });
    expect(set.status).toBe(200);
    expect(set.body.chainWarning).toBeNull();
    const moved = (await as.rev!.json<Detail>('GET', `/api/office/catalogue/items/${atFinal.id}`)).body;
    expect(moved.chain).toMatchObject({ phase: 'inReview', step: 2, steps: steps.map((s) => ({ name: s.name })) });
    expect((await as.rev!.json<Detail>('GET', `/api/office/catalogue/items/${atFirst.id}`)).body.chain).toMatchObject({ step: 1 });
    const rows = await audit(atFinal.id);
    expect(rows.at(-1)).toMatchObject({ action: 'rechain', old_value: { waitingAt: '终审' }, new_value: { waitingAt: '保密审查' } });

    // Distinct reviewers required from now on: rev, who took 初审, may not take 保密审查; rev2 may.
    const strict = await as.off!.json<{ chainWarning: string | null; reviewersNeeded: number }>('PUT', '/api/bodies/yl/catalogue/settings', { reviewerPolicy: 'distinct' });
    expect(strict.body).toMatchObject({ reviewersNeeded: 2, chainWarning: null });
    const refused = await approve('rev', atFinal.id, 2);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toContain('您已完成“初审”');
    expect((await approve('rev2', atFinal.id, 2)).body.status).toBe('published');
    // Three reviewer steps under distinct reviewers need three people: the settings page says the body has two.
    const warn = await as.off!.json<{ chainWarning: string | null }>('PUT', '/api/bodies/yl/catalogue/settings', { reviewSteps: null });
    expect(warn.body.chainWarning).toContain('本机关现有 2 名审核人员，按当前审核流程和规则至少需要 3 名');
    await as.off!.json('PUT', '/api/bodies/yl/catalogue/settings', { reviewerPolicy: null });
  });

  it('shows a 行政规范性文件 published before its 施行日期 as 尚未施行, in the office and in public', async () => {
    const item = await publish({ title: '云岭镇村庄规划管理办法', docType: '行政规范性文件', topic: '城乡建设', effectiveOn: '2026-04-01', expiresOn: '2031-03-31' });
    const office = (await as.off!.json<Detail>('GET', `/api/office/catalogue/items/${item.id}`)).body;
    expect(office.validity).toMatchObject({ label: '尚未施行' });
    const pub = (await anonymous().json<{ validity: { label: string; note: string } }>('GET', `/api/catalogue/items/${item.id}`)).body;
    expect(pub.validity).toEqual({ state: 'notYetEffective', label: '尚未施行', note: '自 2026-04-01 起施行；有效期至 2031-03-31' });
    const found = (await anonymous().json<{ items: { id: number; validity: { label: string } | null }[] }>('GET', '/api/catalogue/items?type=' + encodeURIComponent('行政规范性文件'))).body.items;
    expect(found.find((i) => i.id === item.id)?.validity?.label).toBe('尚未施行');
  });
});
