/// <reference lib="dom" />
/**
 * The public side of the catalogue in Chromium, public pages on a phone. Two items go through the
 * back office's review chain over its API (拟稿 → 初审 → 终审 → 保密审查, three different
 * reviewers): one is approved at every step and published, the other is rejected at 保密审查. The
 * published one is found by the public search and opens at a stable address; the rejected one
 * appears nowhere — not in the search, not at its address (the page says 不存在), not in the API.
 * The officer fills in the guide settings and the public guide shows the phone and address. An
 * opinion left on the public page reaches the officer's list, is answered in the browser, and
 * its writer reads the answer with the query code; another writer's code shows nothing.
 * axe-core finds no serious violation on /catalogue, an item page, /guide/:bodyId and /opinions.
 * Screenshots: test-artifacts/screenshots/catalogue-public-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningServer } from '../../src/server/start.js';
import { addAccount, ApiClient, HAVE_CHROMIUM, launchBrowser, newPage, screenshot, seriousViolations, signIn, testServer } from '../support/web.js';

interface Detail {
  id: number;
  status: string;
  indexNo: string;
}

/** Type into a field as a person does, key by key. */
async function typeInto(page: Page, label: string, text: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).focus();
  await page.keyboard.type(text);
}

describe.skipIf(!HAVE_CHROMIUM)('the public catalogue, guide and opinion box in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let published: Detail;
  let rejected: Detail;

  /** Draft, submit and take an item through the chain; `rejectAt` the step that refuses it. */
  async function throughChain(officer: ApiClient, reviewers: ApiClient[], fields: Record<string, unknown>, rejectAt?: number): Promise<Detail> {
    const made = await officer.json<Detail>('POST', '/api/bodies/yl/catalogue/items', fields);
    if (made.status !== 200) throw new Error(`draft refused: ${JSON.stringify(made.body)}`);
    const id = made.body.id;
    const submitted = await officer.json<Detail>('POST', `/api/office/catalogue/items/${id}/submit`, {});
    if (submitted.status !== 200) throw new Error(`submit refused: ${JSON.stringify(submitted.body)}`);
    let last = submitted.body;
    for (const [i, reviewer] of reviewers.entries()) {
      const step = i + 1;
      const body = step === rejectAt ? { step, decision: 'reject', comment: '含未公开的内部测算数据，不予发布' } : { step, decision: 'approve' };
      const r = await reviewer.json<Detail>('POST', `/api/office/catalogue/items/${id}/review`, body);
      if (r.status !== 200) throw new Error(`review ${step} refused: ${JSON.stringify(r.body)}`);
      last = r.body;
      if (step === rejectAt) break;
    }
    return last;
  }

  beforeAll(async () => {
    server = await testServer();
    const { deps } = server;
    await deps.register.addBody('yl', '青禾县云岭镇人民政府', 'test', { level: 'township' });
    await deps.register.addBody('sx', '青禾县松溪乡人民政府', 'test', { level: 'township' });
    await addAccount(deps, 'yl-officer', 'officer', ['yl']);
    for (const r of ['yl-r1', 'yl-r2', 'yl-r3']) await addAccount(deps, r, 'reviewer', ['yl']);
    const officer = new ApiClient(server.url);
    await officer.signIn('yl-officer');
    const reviewers = await Promise.all(
      ['yl-r1', 'yl-r2', 'yl-r3'].map(async (name) => {
        const c = new ApiClient(server.url);
        await c.signIn(name);
        return c;
      }),
    );
    published = await throughChain(officer, reviewers, {
      title: '云岭镇2026年森林防火工作方案',
      summary: '明确2026年森林防火责任分工、巡查制度和应急处置',
      content: '各村（社区）落实网格化巡查，进入防火期后每日上报火情。',
      madeOn: '2026-02-20',
      docNo: '云政办〔2026〕5号',
      topic: '应急管理',
      docType: '其他文件',
      disclosure: 'proactive',
      channels: ['门户网站'],
    });
    rejected = await throughChain(
      officer,
      reviewers,
      {
        title: '云岭镇2026年财政预算调整内部测算',
        summary: '预算调整的内部测算与讨论',
        madeOn: '2026-02-25',
        docNo: '云政办〔2026〕6号',
        topic: '财政金融审计',
        docType: '其他文件',
        disclosure: 'proactive',
        channels: ['门户网站'],
      },
      3,
    );
    browser = await launchBrowser();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('took one item through every step to publication and sent the other back at 保密审查', () => {
    expect(published.status).toBe('published');
    expect(rejected.status).toBe('rejected');
  });

  it('finds the published item in the public search and opens it at a stable address', async () => {
    const { context, page } = await newPage(browser, { phone: true });
    await page.goto(`${server.url}/catalogue`);
    await page.getByRole('heading', { level: 1, name: '政府信息公开目录' }).waitFor();
    await screenshot(page, 'catalogue-public-1-catalogue');
    expect(await seriousViolations(page), '/catalogue').toEqual([]);

    await typeInto(page, '关键词', '森林防火');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').filter({ hasText: '共 1 条' }).count()).toBe(1);
    const results = page.getByRole('list', { name: '检索结果' }).getByRole('listitem');
    await expect.poll(() => results.count()).toBe(1);
    await expect.poll(() => results.first().textContent()).toContain('云政办〔2026〕5号');
    await screenshot(page, 'catalogue-public-2-search');

    await results.first().getByRole('link', { name: '云岭镇2026年森林防火工作方案' }).click();
    await page.waitForURL(`${server.url}/catalogue/items/${published.id}`);
    await page.getByRole('heading', { level: 1, name: '云岭镇2026年森林防火工作方案' }).waitFor();
    await expect.poll(() => page.getByText(published.indexNo, { exact: true }).count()).toBe(1);
    await screenshot(page, 'catalogue-public-3-item');
    expect(await seriousViolations(page), 'item page').toEqual([]);

    // The same address opened afresh, and the index number leading to it.
    await page.goto(`${server.url}/catalogue/items/${published.id}`);
    await page.getByRole('heading', { level: 1, name: '云岭镇2026年森林防火工作方案' }).waitFor();
    await page.goto(`${server.url}/catalogue/items/${encodeURIComponent(published.indexNo)}`);
    await page.waitForURL(`${server.url}/catalogue/items/${published.id}`);
    await context.close();
  });

  it('never shows the item rejected at 保密审查: not in the search, not at its address, not in the API', async () => {
    const { context, page } = await newPage(browser, { phone: true });
    for (const words of ['财政预算调整', '内部测算']) {
      await page.goto(`${server.url}/catalogue?q=${encodeURIComponent(words)}`);
      await expect.poll(() => page.getByRole('status').filter({ hasText: '没有找到符合条件的政府信息' }).count()).toBe(1);
    }
    await page.goto(`${server.url}/catalogue?docNo=${encodeURIComponent('云政办〔2026〕6号')}`);
    await expect.poll(() => page.getByRole('status').filter({ hasText: '没有找到' }).count()).toBe(1);
    await page.goto(`${server.url}/catalogue/items/${rejected.id}`);
    await page.getByRole('heading', { level: 1, name: '该信息不存在' }).waitFor();
    await expect(page.content()).resolves.not.toContain('财政预算调整');
    await screenshot(page, 'catalogue-public-4-rejected-absent');

    const api = new ApiClient(server.url);
    const never = await api.request('GET', '/api/catalogue/items/987654');
    const gone = await api.request('GET', `/api/catalogue/items/${rejected.id}`);
    expect([never.status, gone.status]).toEqual([404, 404]);
    expect(await gone.text()).toBe(await never.text());
    const all = await api.json<{ items: { id: number }[] }>('GET', '/api/catalogue/items');
    expect(all.body.items.map((i) => i.id)).toEqual([published.id]);
    await context.close();
  });

  it('shows the phone and address the officer set in the body\'s guide', async () => {
    const office = await newPage(browser);
    await signIn(office.page, server.url, 'yl-officer');
    await office.page.goto(`${server.url}/officer/settings`);
    await office.page.getByRole('heading', { level: 1, name: '指南设置' }).waitFor();
    await typeInto(office.page, '政府信息公开工作机构', '云岭镇党政综合办公室');
    await typeInto(office.page, '办公地址', '青禾县云岭镇和平路1号');
    await typeInto(office.page, '邮政编码', '678100');
    await typeInto(office.page, '办公时间', '工作日上午8:30—12:00，下午14:30—17:30');
    await typeInto(office.page, '联系电话', '0871-65551234');
    await typeInto(office.page, '举报电话', '0871-65559999');
    await office.page.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => office.page.getByRole('status').filter({ hasText: '已保存' }).count()).toBe(1);
    await screenshot(office.page, 'catalogue-public-5-settings');
    await office.context.close();

    const { context, page } = await newPage(browser, { phone: true });
    await page.goto(`${server.url}/guide`);
    await page.getByRole('link', { name: '青禾县云岭镇人民政府政府信息公开指南' }).click();
    await page.getByRole('heading', { level: 1, name: '青禾县云岭镇人民政府政府信息公开指南' }).waitFor();
    const text = () => page.locator('main').textContent();
    await expect.poll(text).toContain('0871-65551234');
    await expect.poll(text).toContain('青禾县云岭镇和平路1号');
    await expect.poll(text).toContain('举报电话0871-65559999');
    for (const h of ['一、主动公开', '二、依申请公开', '三、监督和救济']) await expect.poll(() => page.getByRole('heading', { level: 2, name: h }).count()).toBe(1);
    await screenshot(page, 'catalogue-public-6-guide');
    expect(await seriousViolations(page), '/guide/yl').toEqual([]);
    await context.close();
  });

  /** Leave an opinion on the public page; returns its number and code. */
  async function leaveOpinion(page: Page, subject: string, shots: boolean): Promise<{ refNo: string; code: string }> {
    await page.goto(`${server.url}/opinions`);
    await page.getByRole('heading', { level: 1, name: '意见箱' }).waitFor();
    if (shots) expect(await seriousViolations(page), '/opinions').toEqual([]);
    await typeInto(page, '按名称或地区查找机关', '云岭');
    await expect.poll(() => page.getByRole('status').filter({ hasText: '找到 1 个机关' }).count()).toBe(1);
    await page.getByLabel('选择机关').selectOption({ label: '青禾县云岭镇人民政府 · 乡镇（街道）' });
    await page.getByLabel('类别（必填）').selectOption({ label: '投诉' });
    await typeInto(page, '标题（必填）', subject);
    await typeInto(page, '具体内容（必填）', '镇政府网站上2025年的财政预算至今没有公开，请予公开。');
    await typeInto(page, '姓名（选填）', '王秀兰');
    await typeInto(page, '联系方式（选填）', '13912345678');
    if (shots) await screenshot(page, 'catalogue-public-7-opinion-form');
    await page.getByRole('button', { name: '提交' }).click();
    await page.getByRole('heading', { level: 2, name: '已提交' }).waitFor();
    const refNo = (await page.locator('.ref-no').textContent())!.trim();
    const code = (await page.locator('.query-code').textContent())!.trim();
    expect(refNo).toMatch(/^yl-YJ-2026-\d{4}$/);
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    if (shots) await screenshot(page, 'catalogue-public-8-opinion-submitted');
    return { refNo, code };
  }

  async function lookUp(page: Page, refNo: string, code: string): Promise<void> {
    const number = page.getByLabel('编号', { exact: true });
    await number.fill('');
    await number.focus();
    await page.keyboard.type(refNo);
    await typeInto(page, '查询码', code);
    await page.getByRole('button', { name: '查看' }).click();
  }

  it('takes an opinion from the public page to the officer, and the answer back to its writer only', async () => {
    const writer = await newPage(browser, { phone: true });
    const mine = await leaveOpinion(writer.page, '财政预算未公开', true);
    const other = await newPage(browser, { phone: true });
    const theirs = await leaveOpinion(other.page, '网站栏目打不开', false);

    const office = await newPage(browser);
    await signIn(office.page, server.url, 'yl-officer');
    await office.page.goto(`${server.url}/officer/opinions`);
    await office.page.getByRole('heading', { level: 1, name: '意见处理' }).waitFor();
    const card = office.page.locator('li.opinion-card').filter({ hasText: mine.refNo });
    await card.waitFor();
    await expect.poll(() => card.textContent()).toContain('财政预算未公开');
    // The body's officer sees the writer's contact in full.
    await expect.poll(() => card.textContent()).toContain('13912345678');
    await typeInto(office.page, `对 ${mine.refNo} 的答复`, '2025年预算已于今日在公开目录“财政预决算”栏目公开，感谢监督。');
    await card.getByRole('button', { name: '提交答复' }).click();
    await expect.poll(() => office.page.getByRole('status').filter({ hasText: `已答复 ${mine.refNo}` }).count()).toBe(1);
    await screenshot(office.page, 'catalogue-public-9-officer-answered');
    await office.context.close();

    // The writer, with the code: the answer.
    await lookUp(writer.page, mine.refNo, mine.code);
    const answer = writer.page.getByRole('region', { name: '机关的答复' });
    await answer.waitFor();
    await expect.poll(() => answer.textContent()).toContain('2025年预算已于今日在公开目录');
    await screenshot(writer.page, 'catalogue-public-10-writer-sees-answer');

    // Another writer's (valid) code on this number: nothing, the same as a made-up code.
    const stranger = await newPage(browser, { phone: true });
    await stranger.page.goto(`${server.url}/opinions`);
    await lookUp(stranger.page, mine.refNo, theirs.code);
    await expect.poll(() => stranger.page.getByRole('alert').filter({ hasText: '没有找到该意见' }).count()).toBe(1);
    await expect(stranger.page.getByRole('region', { name: '机关的答复' }).count()).resolves.toBe(0);
    await expect(stranger.page.content()).resolves.not.toContain('2025年预算已于今日在公开目录');
    await screenshot(stranger.page, 'catalogue-public-11-other-code-nothing');
    for (const p of [writer, other, stranger]) await p.context.close();
  });
});
