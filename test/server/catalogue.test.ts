/**
 * The catalogue's back office through its API, on PGlite and (when GONGKAI_TEST_DATABASE_URL is
 * set) PostgreSQL: index numbers under concurrent drafting, the review chain with different
 * reviewer accounts, rejection back to the drafter, changes of a published item, access of other
 * bodies, the audit log, the publication clock, attachments, settings and the year's figures.
 *
 * Today is pinned to Monday 2026-03-02. Due dates are counted by hand on the 2026 State Council
 * schedule: 春节 holiday 15–23 February, 调休 working Saturdays 14 and 28 February.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/start.js';
import { DB_KINDS } from '../support/db.js';
import { addAccount, ApiClient, testServer } from '../support/web.js';

interface Detail {
  id: number;
  indexNo: string;
  title: string;
  status: string;
  publishedOn: string | null;
  madeOn: string;
  fields: { title: string; madeOn: string; publisher: string };
  pending: { status: string; fields: { title: string } } | null;
  chain: { phase: string; step: number; round: number; steps: { name: string }[] };
  reviews: { step: number; stepName: string; decision: string; comment: string | null; actor: string; round: number }[];
  attachments: { id: number; fileName: string; size: number; sha256: string; pending: boolean; url: string }[];
  can: { edit: boolean; submit: boolean; review: { step: number } | null; reviewNote: string | null };
  clock: { due: string; state: string; workingDays: number; provisional: boolean; steps: { date: string; label: string; note?: string }[] } | null;
  error?: string;
}

const ITEM = {
  title: '云岭镇2026年防汛应急预案',
  summary: '明确防汛组织机构、预警响应和转移安置。',
  content: '第一章 总则……',
  topic: '应急管理',
  docType: '其他文件',
  disclosure: 'proactive',
  channels: ['门户网站', '政务新媒体'],
};

describe.each(DB_KINDS)('the catalogue back office on %s', (kind) => {
  let server: RunningServer;
  const as: Record<string, ApiClient> = {};

  beforeAll(async () => {
    server = await testServer({ db: kind });
    await server.deps.register.addBody('yl', '青禾县云岭镇人民政府', 'test');
    await server.deps.register.addBody('sq', '青禾县石泉街道办事处', 'test');
    const accounts = [
      ['off', 'officer', 'yl'],
      ['off2', 'officer', 'yl'],
      ['r1', 'reviewer', 'yl'],
      ['r2', 'reviewer', 'yl'],
      ['r3', 'reviewer', 'yl'],
      ['sqoff', 'officer', 'sq'],
      ['sqrev', 'reviewer', 'sq'],
      ['sqrev2', 'reviewer', 'sq'],
    ] as const;
    for (const [name, role, body] of accounts) {
      await addAccount(server.deps, name, role, [body]);
      as[name] = new ApiClient(server.url);
      await as[name].signIn(name);
    }
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });

  const create = async (who: string, body: Record<string, unknown>, bodyId = 'yl') => {
    const r = await as[who]!.json<Detail>('POST', `/api/bodies/${bodyId}/catalogue/items`, { ...ITEM, ...body });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body;
  };
  const submit = (who: string, id: number) => as[who]!.json<Detail>('POST', `/api/office/catalogue/items/${id}/submit`, {});
  const review = (who: string, id: number, step: number, decision: 'approve' | 'reject', comment?: string) =>
    as[who]!.json<Detail>('POST', `/api/office/catalogue/items/${id}/review`, { step, decision, ...(comment ? { comment } : {}) });
  const row = async (id: number) =>
    (await server.deps.db.query<{ status: string; published_on: string | null; title: string; made_on: string }>('SELECT status, published_on, title, made_on FROM catalogue_items WHERE id = $1', [id]))[0]!;

  it('gives 30 concurrent drafts of two officers 30 distinct index numbers, serials 1 to 30 without gaps', async () => {
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        as[i % 2 ? 'off2' : 'off']!.json<Detail>('POST', '/api/bodies/yl/catalogue/items', { ...ITEM, title: `并发拟稿 ${i}`, madeOn: '2026-02-25' }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(30).fill(200));
    const numbers = results.map((r) => r.body.indexNo);
    expect(new Set(numbers).size).toBe(30);
    // Default rule: body id, year of 生成日期, five-digit serial.
    for (const n of numbers) expect(n).toMatch(/^yl-2026-\d{5}$/);
    const serials = numbers.map((n) => Number(n.slice(-5))).sort((a, b) => a - b);
    expect(serials).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });

  it('takes an item through 拟稿, 初审, 终审 and 保密审查 with three reviewers, recording every step', async () => {
    const item = await create('off', { madeOn: '2026-02-26' });
    expect(item.status).toBe('draft');
    expect(item.fields.publisher).toBe('青禾县云岭镇人民政府');
    expect(item.chain.steps.map((s) => s.name)).toEqual(['拟稿', '初审', '终审', '保密审查']);

    // A reviewer cannot act before it is submitted; an officer cannot review.
    expect((await review('r1', item.id, 1, 'approve')).status).toBe(409);
    const submitted = await submit('off', item.id);
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'inReview', chain: { phase: 'inReview', step: 1, round: 1 } });
    expect((await review('off2', item.id, 1, 'approve')).status).toBe(403);

    const first = await review('r1', item.id, 1, 'approve', '内容准确');
    expect(first.body).toMatchObject({ status: 'inReview', chain: { step: 2 } });
    // Where the body asks for distinct reviewers, the same person may not take a second step of the round.
    expect((await as.off!.json('PUT', '/api/bodies/yl/catalogue/settings', { reviewerPolicy: 'distinct' })).status).toBe(200);
    const twice = await review('r1', item.id, 2, 'approve');
    expect(twice.status).toBe(403);
    expect(twice.body.error).toContain('本机关要求每个审核步骤由不同的人完成');
    // A decision on a step that is no longer current is refused, not applied to the next one.
    expect((await review('r2', item.id, 1, 'approve')).status).toBe(409);
    expect((await review('r2', item.id, 2, 'approve')).body.chain.step).toBe(3);
    expect((await row(item.id)).status).toBe('inReview');

    const done = await review('r3', item.id, 3, 'approve', '不涉密');
    expect((await as.off!.json('PUT', '/api/bodies/yl/catalogue/settings', { reviewerPolicy: null })).status).toBe(200);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'published', publishedOn: '2026-03-02' });
    expect(await row(item.id)).toMatchObject({ status: 'published', published_on: '2026-03-02' });
    expect(done.body.reviews.map((r) => [r.stepName, r.decision, r.actor, r.comment])).toEqual([
      ['拟稿', 'submit', 'user:off', null],
      ['初审', 'approve', 'user:r1', '内容准确'],
      ['终审', 'approve', 'user:r2', null],
      ['保密审查', 'approve', 'user:r3', '不涉密'],
    ]);

    const audit = await server.deps.db.query<{ actor: string; action: string }>(
      "SELECT actor, action FROM audit_log WHERE entity = 'catalogue_item' AND entity_id = $1 ORDER BY seq",
      [String(item.id)],
    );
    expect(audit.map((a) => `${a.actor} ${a.action}`)).toEqual([
      'user:off create',
      'user:off review-submit',
      'user:r1 review-approve',
      'user:r2 review-approve',
      'user:r3 review-approve',
    ]);
  });

  it('sends an item rejected at 保密审查 back to the drafter, never published, and starts a new round on resubmission', async () => {
    const item = await create('off', { title: '某村集体土地征收补偿明细（含个人信息）', madeOn: '2026-02-26' });
    await submit('off', item.id);
    await review('r1', item.id, 1, 'approve');
    await review('r2', item.id, 2, 'approve');
    // A rejection must say why.
    const bare = await review('r3', item.id, 3, 'reject');
    expect(bare.status).toBe(400);
    expect(bare.body.error).toContain('理由');
    const rejected = await review('r3', item.id, 3, 'reject', '含有个人身份证号码，须删除后再报');
    expect(rejected.body).toMatchObject({ status: 'rejected', publishedOn: null, chain: { phase: 'rejected' }, can: { edit: false, review: null } });
    expect(await row(item.id)).toMatchObject({ status: 'rejected', published_on: null });

    // The drafter sees it editable with the comment, fixes it and resubmits: round 2 starts at 初审.
    const back = await as.off!.json<Detail>('GET', `/api/office/catalogue/items/${item.id}`);
    expect(back.body.can).toMatchObject({ edit: true, submit: true });
    expect(back.body.reviews.at(-1)).toMatchObject({ stepName: '保密审查', decision: 'reject', comment: '含有个人身份证号码，须删除后再报' });
    const fixed = await as.off!.json<Detail>('PUT', `/api/office/catalogue/items/${item.id}`, { ...ITEM, title: '某村集体土地征收补偿情况', madeOn: '2026-02-26' });
    expect(fixed.status).toBe(200);
    const again = await submit('off', item.id);
    expect(again.body).toMatchObject({ status: 'inReview', chain: { step: 1, round: 2 } });
    // r1 approved 初审 in round 1; that approval does not carry over, and r1 may act again.
    expect((await review('r1', item.id, 1, 'approve')).body.chain.step).toBe(2);
    expect((await row(item.id)).status).toBe('inReview');
  });

  it('refuses the staff of another body: lists 403, items 404, reviews 404', async () => {
    const item = await create('off', { madeOn: '2026-02-27' });
    await submit('off', item.id);
    expect((await as.sqrev!.json('GET', '/api/bodies/yl/catalogue/items')).status).toBe(403);
    expect((await as.sqrev!.json('GET', `/api/office/catalogue/items/${item.id}`)).status).toBe(404);
    expect((await review('sqrev', item.id, 1, 'approve')).status).toBe(404);
    expect((await as.sqoff!.json('POST', '/api/bodies/yl/catalogue/items', ITEM)).status).toBe(403);
    // Not signed in: nothing.
    const anonymous = new ApiClient(server.url);
    await anonymous.refresh();
    expect((await anonymous.json('GET', `/api/office/catalogue/items/${item.id}`)).status).toBe(401);
    // And it is not in the other body's review queue.
    const q = await as.sqrev!.json<{ items: { id: number }[] }>('GET', '/api/office/catalogue/queue');
    expect(q.body.items.map((i) => i.id)).not.toContain(item.id);
    expect((await row(item.id)).status).toBe('inReview');
  });

  it('lists the review queue of each reviewer: the item waits for 初审, then for 终审 with r1 and r2 alike (one reviewer may take the steps in turn)', async () => {
    const item = await create('off', { title: '排队测试', madeOn: '2026-02-27' });
    await submit('off', item.id);
    const ids = async (who: string) => (await as[who]!.json<{ items: { id: number; stepName: string }[] }>('GET', '/api/office/catalogue/queue')).body.items;
    expect((await ids('r1')).find((i) => i.id === item.id)?.stepName).toBe('初审');
    await review('r1', item.id, 1, 'approve');
    expect((await ids('r1')).find((i) => i.id === item.id)?.stepName).toBe('终审');
    expect((await ids('r2')).find((i) => i.id === item.id)?.stepName).toBe('终审');
    expect((await ids('off')).map((i) => i.id)).not.toContain(item.id);
  });

  it('refuses 不予公开 without its legal ground, in Chinese, and keeps withheld items away from publication', async () => {
    const r = await as.off!.json<{ error: string }>('POST', '/api/bodies/yl/catalogue/items', { ...ITEM, disclosure: 'withheld' });
    expect(r.status).toBe(400);
    expect(r.body.error).toContain('不予公开须选择法律依据');
    const normative = await as.off!.json<{ error: string }>('POST', '/api/bodies/yl/catalogue/items', { ...ITEM, docType: '行政规范性文件', disclosure: 'onRequest' });
    expect(normative.status).toBe(400);
    expect(normative.body.error).toContain('第二十条');

    const withheld = await create('off', { title: '镇党委会议讨论记录', disclosure: 'withheld', withheldGround: 'art16b', madeOn: '2025-03-10' });
    expect(withheld.fields).toMatchObject({ title: '镇党委会议讨论记录' });
    await submit('off', withheld.id);
    await review('r1', withheld.id, 1, 'approve');
    await review('r2', withheld.id, 2, 'approve');
    const done = await review('r3', withheld.id, 3, 'approve');
    // Passed the chain, but not public: 'approved', no 发布日期.
    expect(done.body).toMatchObject({ status: 'approved', publishedOn: null });
    // Re-examined yearly from 生成日期 (2025-03-10 + 12 months): due within 30 days of 2 March 2026.
    const list = await as.off!.json<{ items: { id: number; reviewOn: string; reexamState: string }[] }>('GET', '/api/bodies/yl/catalogue/reexamination');
    expect(list.body.items.find((i) => i.id === withheld.id)).toMatchObject({ reviewOn: '2026-03-10', reexamState: 'soon' });
    const kept = await as.off!.json<Detail & { reviewOn: string }>('POST', `/api/office/catalogue/items/${withheld.id}/reexamine`, { conclusion: 'keep', comment: '仍属过程性信息' });
    expect(kept.body.reviewOn).toBe('2027-03-02');
  });

  it('keeps the published version visible while a change goes through a new round', async () => {
    const item = await create('off', { title: '云岭镇政务服务事项清单', madeOn: '2026-02-26' });
    await submit('off', item.id);
    for (const [who, step] of [['r1', 1], ['r2', 2], ['r3', 3]] as const) await review(who, item.id, step, 'approve');
    const changed = await as.off!.json<Detail>('PUT', `/api/office/catalogue/items/${item.id}`, { ...ITEM, title: '云岭镇政务服务事项清单（2026年修订）', madeOn: '2026-03-02' });
    expect(changed.body).toMatchObject({ status: 'published', pending: { status: 'draft', fields: { title: '云岭镇政务服务事项清单（2026年修订）' } } });
    // The change restarts the 20 working days from the change: 3 Mar … 30 Mar (day 20).
    expect(changed.body.clock).toMatchObject({ due: '2026-03-30', state: 'open', workingDays: 20 });
    expect(await row(item.id)).toMatchObject({ status: 'published', title: '云岭镇政务服务事项清单', made_on: '2026-02-26' });
    // A file added during the change waits beside the item: the public table does not have it yet.
    const form = new FormData();
    form.append('file', new Blob([new TextEncoder().encode('清单 v2')], { type: 'text/plain' }), '清单.txt');
    const up = await as.off!.request('POST', `/api/office/catalogue/items/${item.id}/attachments`, undefined, { raw: form });
    expect(((await up.json()) as { pending: boolean }).pending).toBe(true);
    const publicFiles = async () => (await server.deps.db.query<{ file_name: string }>('SELECT file_name FROM catalogue_attachments WHERE item_id = $1', [item.id])).map((f) => f.file_name);
    expect(await publicFiles()).toEqual([]);
    await submit('off2', item.id);
    await review('r2', item.id, 1, 'approve');
    await review('r3', item.id, 2, 'approve');
    expect((await row(item.id)).title).toBe('云岭镇政务服务事项清单');
    const done = await review('r1', item.id, 3, 'approve');
    expect(done.body).toMatchObject({ status: 'published', pending: null, publishedOn: '2026-03-02', fields: { madeOn: '2026-03-02' } });
    expect((await row(item.id)).title).toBe('云岭镇政务服务事项清单（2026年修订）');
    expect(await publicFiles()).toEqual(['清单.txt']);
  });

  it('lists overdue and due-soon items with the explanation of each due date', async () => {
    // Made Mon 26 Jan: day 1 = 27 Jan … day 14 = Fri 13 Feb, day 15 = Sat 14 Feb (调休), 15–23 Feb
    // 春节, day 16 = 24 Feb … day 19 = Fri 27 Feb, day 20 = Sat 28 Feb (调休): due 28 Feb, overdue.
    const late = await create('off', { title: '逾期测试', madeOn: '2026-01-26' });
    // Made Mon 2 Feb: day 10 = Sat 14 Feb, day 11 = 24 Feb … day 15 = Sat 28 Feb, day 16 = 2 Mar …
    // day 20 = Fri 6 Mar: four working days after today (3, 4, 5, 6 Mar).
    const soon = await create('off', { title: '即将到期测试', madeOn: '2026-02-02' });
    const due = await as.r1!.json<{ overdue: Detail[]; dueSoon: Detail[] }>('GET', '/api/bodies/yl/catalogue/due');
    const o = due.body.overdue.find((i) => i.id === late.id)!;
    expect(o.clock).toMatchObject({ due: '2026-02-28', state: 'overdue', workingDays: 1, provisional: false });
    expect(o.clock!.steps.map((s) => [s.date, s.label])).toEqual([
      ['2026-01-26', '信息形成（生成日期）'],
      ['2026-02-14', '调休上班'],
      ['2026-02-15', '春节放假'],
      ['2026-02-28', '调休上班'],
      ['2026-02-28', '20个工作日届满（第二十六条）'],
    ]);
    expect(o.clock!.steps[2]!.note).toContain('2026-02-15 至 2026-02-23，共 9 天');
    expect(due.body.dueSoon.find((i) => i.id === soon.id)?.clock).toMatchObject({ due: '2026-03-06', state: 'dueSoon', workingDays: 4 });
    const filtered = await as.off!.json<{ items: { id: number }[] }>('GET', '/api/bodies/yl/catalogue/items?clock=overdue');
    expect(filtered.body.items.map((i) => i.id)).toContain(late.id);
    expect(filtered.body.items.map((i) => i.id)).not.toContain(soon.id);
  });

  it('stores attachments with their SHA-256 and gives them only to the body’s staff', async () => {
    const item = await create('off', { title: '附件测试', madeOn: '2026-02-27' });
    const bytes = new TextEncoder().encode('%PDF-1.4 test attachment 附件');
    const form = new FormData();
    form.append('file', new Blob([bytes], { type: 'application/pdf' }), '防汛预案.pdf');
    const up = await as.off!.request('POST', `/api/office/catalogue/items/${item.id}/attachments`, undefined, { raw: form });
    expect(up.status).toBe(200);
    const att = (await up.json()) as Detail['attachments'][number];
    expect(att).toMatchObject({ fileName: '防汛预案.pdf', size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), pending: false });
    const down = await as.r1!.request('GET', att.url);
    expect(down.status).toBe(200);
    expect(new Uint8Array(await down.arrayBuffer())).toEqual(bytes);
    expect((await as.sqoff!.request('GET', att.url)).status).toBe(404);
    // A reviewer reads but does not attach.
    const form2 = new FormData();
    form2.append('file', new Blob([bytes], { type: 'application/pdf' }), 'x.pdf');
    expect((await as.r1!.request('POST', `/api/office/catalogue/items/${item.id}/attachments`, undefined, { raw: form2 })).status).toBe(403);
    // Over the limit (1.5 MB per file): refused, nothing stored.
    const big = new FormData();
    big.append('file', new Blob([new Uint8Array(1.5 * 1024 * 1024 + 1)], { type: 'application/pdf' }), 'big.pdf');
    const refused = await as.off!.request('POST', `/api/office/catalogue/items/${item.id}/attachments`, undefined, { raw: big });
    expect(refused.status).toBe(413);
    expect(((await refused.json()) as { error: string }).error).toContain('1.5 MB');
    const audit = await server.deps.db.query<{ action: string }>("SELECT action FROM audit_log WHERE entity = 'catalogue_item' AND entity_id = $1 ORDER BY seq", [String(item.id)]);
    expect(audit.map((a) => a.action)).toEqual(['create', 'attach']);
  });

  it('follows the body’s own index rule and review chain', async () => {
    const bad = await as.sqoff!.json<{ error: string }>('PUT', '/api/bodies/sq/catalogue/settings', { indexRule: { pattern: '{org}-{serial:4}' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toContain('{year}');
    expect((await as.sqrev!.json('PUT', '/api/bodies/sq/catalogue/settings', { reexamineMonths: 6 })).status).toBe(403);
    const set = await as.sqoff!.json<{ example: string }>('PUT', '/api/bodies/sq/catalogue/settings', {
      indexRule: { pattern: '{org}/{year}-{serial:4}', org: '11530000MB1234567X' },
      reviewSteps: [
        { name: '拟稿', role: 'officer' },
        { name: '审核', role: 'reviewer' },
        { name: '保密审查', role: 'reviewer' },
      ],
    });
    expect(set.status).toBe(200);
    expect(set.body.example).toBe('11530000MB1234567X/2026-0001');
    const item = await create('sqoff', { madeOn: '2026-03-02' }, 'sq');
    expect(item.indexNo).toBe('11530000MB1234567X/2026-0001');
    await submit('sqoff', item.id);
    await review('sqrev', item.id, 1, 'approve');
    expect((await review('sqrev2', item.id, 2, 'approve')).body.status).toBe('published');
  });

  it('gives the year’s figures for the annual report', async () => {
    const figures = await as.r1!.json<{ sectionOne: { total: number; byChannel: { label: string; count: number }[]; sentence: string }; tableTwo: { normativeDocuments: { issued: number } } }>(
      'GET',
      '/api/bodies/yl/catalogue/figures?year=2026',
    );
    expect(figures.status).toBe(200);
    // Published in 2026 so far in this file: the 防汛 item and the 政务服务事项清单 (the withheld one is not published).
    expect(figures.body.sectionOne.total).toBe(2);
    expect(figures.body.sectionOne.byChannel).toEqual([
      { label: '门户网站', count: 2 },
      { label: '政务新媒体', count: 2 },
    ]);
    expect(figures.body.sectionOne.sentence).toContain('本年度主动公开政府信息2条');
    expect((await as.sqrev!.json('GET', '/api/bodies/yl/catalogue/figures?year=2026')).status).toBe(403);
  });

  it('puts a published 行政规范性文件 into table 二 and the catalogue’s sentence into section 一 of the year’s report', async () => {
    const before = await as.off!.json<{ report: { proactive: Record<string, { issued: number | null; inForce: number | null }> } }>('GET', '/api/bodies/yl/reports/2026');
    const doc = await create('off', { title: '云岭镇农村宅基地管理办法', docType: '行政规范性文件', topic: '农业农村', docNo: '云政规〔2026〕1号', effectiveOn: '2026-02-20' });
    await submit('off', doc.id);
    await review('r1', doc.id, 1, 'approve');
    await review('r2', doc.id, 2, 'approve');
    expect((await review('r3', doc.id, 3, 'approve')).body.status).toBe('published');
    const after = await as.off!.json<{ report: { proactive: Record<string, { issued: number | null; inForce: number | null }>; sections: { no: number; text: string }[] } }>('GET', '/api/bodies/yl/reports/2026');
    expect(after.status).toBe(200);
    // One more 行政规范性文件 issued in 2026 and in force, counted from the catalogue.
    expect(after.body.report.proactive.normativeDocuments!.issued).toBe((before.body.report.proactive.normativeDocuments!.issued ?? 0) + 1);
    expect(after.body.report.proactive.normativeDocuments!.inForce).toBe(1);
    const one = after.body.report.sections.find((x) => x.no === 1)!.text;
    expect(one).toContain('本年度主动公开政府信息');
    expect(one).not.toContain('请补充主动公开信息的数量');
  });

  it('refuses a change without the CSRF token and documents its routes', async () => {
    const r = await as.off!.json<{ error: string }>('POST', '/api/bodies/yl/catalogue/items', ITEM, { csrf: false });
    expect(r.status).toBe(403);
    expect(r.body.error).toContain('CSRF');
    const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/bodies/{bodyId}/catalogue/items', '/api/office/catalogue/items/{id}/review', '/api/office/catalogue/items/{id}/attachments', '/api/bodies/{bodyId}/catalogue/figures']),
    );
  });
});
