/// <reference lib="dom" />
/**
 * The catalogue's back office in Chromium: an officer drafts an item and submits it; three
 * reviewers each approve their step (初审, 终审, 保密审查 — one person per step, as this body's
 * reviewer rule requires) and the item shows 已发布 with its index number; another item is rejected at 保密审查
 * and the drafter sees it under 被退回 with the reviewer's comment; an overdue draft shows how its
 * publication deadline was counted. Today is pinned to Monday 2026-03-02.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addAccount, ApiClient, HAVE_CHROMIUM, newPage, screenshot, seriousViolations, serverAndBrowser, signIn } from '../support/web.js';

describe.skipIf(!HAVE_CHROMIUM)('the catalogue back office in Chromium', () => {
  const web = serverAndBrowser(async ({ deps }) => {
    await deps.register.addBody('yl', '青禾县云岭镇人民政府', 'test');
    await addAccount(deps, 'off', 'officer', ['yl']);
    for (const r of ['r1', 'r2', 'r3']) await addAccount(deps, r, 'reviewer', ['yl']);
    // This body asks for a different person at every step (严格三审).
    await deps.db.query("INSERT INTO body_settings (body_id, reviewer_policy) VALUES ('yl', 'distinct')");
  });

  /** A reviewer opens the item from their queue and decides their step. */
  async function decide(user: string, indexNo: string, step: string, decision: '通过' | '退回', comment: string): Promise<Page> {
    const { page } = await newPage(web.browser);
    await signIn(page, web.server.url, user);
    await page.goto(`${web.server.url}/officer/catalogue`);
    const queue = page.getByRole('tabpanel');
    await queue.getByRole('heading', { name: '待我审核' }).waitFor();
    const row = queue.getByRole('row').filter({ hasText: indexNo });
    await expect.poll(() => row.getByRole('cell').last().textContent()).toBe(step);
    await row.getByRole('link', { name: indexNo }).click();
    await page.getByRole('heading', { name: `审核：${step}` }).waitFor();
    await page.getByLabel('审核意见').fill(comment);
    await page.getByRole('button', { name: decision, exact: true }).click();
    await page.getByRole('status').filter({ hasText: decision === '通过' ? `已通过“${step}”` : '已退回' }).waitFor();
    return page;
  }

  it('drafts an item in the browser and publishes it after 初审, 终审 and 保密审查 by three reviewers', async () => {
    const { context, page } = await newPage(web.browser);
    await signIn(page, web.server.url, 'off');
    await page.goto(`${web.server.url}/officer/catalogue`);
    await page.getByRole('link', { name: '拟稿：新建信息' }).click();
    await page.getByRole('heading', { level: 1, name: '拟稿：新建信息' }).waitFor();
    await page.getByLabel('名称', { exact: true }).fill('云岭镇2026年防汛应急预案');
    await page.getByLabel('文号').fill('云政发〔2026〕3号');
    await page.getByLabel('主题分类').selectOption({ label: '应急管理' });
    await page.getByLabel('文件类型').selectOption({ label: '规划计划' });
    await page.getByLabel('生成日期').fill('2026-02-26');
    await page.getByLabel('政务新媒体').check();
    await page.getByLabel('内容概述').fill('明确防汛组织机构、预警响应和人员转移安置。');
    await page.getByLabel('正文').fill('第一章 总则\n为做好本镇防汛工作……');
    await screenshot(page, 'catalogue-office-draft');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.waitForURL(/\/officer\/catalogue\/items\/\d+/);
    await page.getByRole('status').filter({ hasText: '草稿已保存，索引号已生成' }).waitFor();
    // Default rule: body id, year of 生成日期, five-digit serial.
    await expect.poll(() => page.getByText('索引号 yl-2026-00001').count()).toBe(1);
    // Made Thu 26 Feb: 27 Feb, 28 Feb (调休 Saturday), 2–6 Mar … day 20 = Wed 25 Mar 2026.
    await expect.poll(() => page.getByRole('region', { name: '发布期限' }).textContent()).toContain('应于 2026-03-25（星期三） 前发布');
    await page.getByRole('button', { name: '提交审核' }).click();
    await page.getByRole('status').filter({ hasText: '已提交审核，等待“初审”' }).waitFor();
    await screenshot(page, 'catalogue-office-submitted');
    await context.close();

    const first = await decide('r1', 'yl-2026-00001', '初审', '通过', '内容准确，同意');
    await screenshot(first, 'catalogue-office-first-review');
    expect(await seriousViolations(first)).toEqual([]);
    // r1 may not take the next step of the same round: the item has left r1's queue.
    await first.goto(`${web.server.url}/officer/catalogue`);
    await first.getByRole('status').filter({ hasText: '没有等待您审核的信息' }).waitFor();
    await first.context().close();
    await (await decide('r2', 'yl-2026-00001', '终审', '通过', '同意发布')).context().close();
    const last = await decide('r3', 'yl-2026-00001', '保密审查', '通过', '不涉及国家秘密、商业秘密和个人隐私');
    await last.getByRole('status').filter({ hasText: '信息已发布' }).waitFor();
    const header = last.getByText(/^索引号 yl-2026-00001/);
    await expect.poll(() => header.textContent()).toContain('已发布');
    await expect.poll(() => header.textContent()).toContain('发布日期 2026-03-02');
    const chain = async () => (await last.getByRole('region', { name: '审核流程' }).locator('ol li').allTextContents()).map((s) => s.replace(/\s*r\d（测试）.*$|\s*off（测试）.*$/, ''));
    await expect.poll(chain).toEqual(['拟稿（经办人）：已提交', '初审（审核人）：通过', '终审（审核人）：通过', '保密审查（审核人）：通过']);
    await screenshot(last, 'catalogue-office-published');
    await last.context().close();

    const { context: again, page: officer } = await newPage(web.browser);
    await signIn(officer, web.server.url, 'off');
    await officer.goto(`${web.server.url}/officer/catalogue?tab=settled`);
    const row = officer.getByRole('tabpanel').getByRole('row').filter({ hasText: 'yl-2026-00001' });
    await expect.poll(() => row.textContent()).toContain('已发布');
    await again.close();
  });

  it('shows an item rejected at 保密审查 to its drafter under 被退回, with the comment', async () => {
    const api = new ApiClient(web.server.url);
    await api.signIn('off');
    const created = await api.json<{ id: number; indexNo: string }>('POST', '/api/bodies/yl/catalogue/items', {
      title: '某村土地征收补偿明细',
      summary: '补偿对象和金额。',
      content: '张某某 身份证号 …',
      topic: '自然资源',
      docType: '通知公告',
      disclosure: 'proactive',
      channels: ['门户网站'],
      madeOn: '2026-02-27',
    });
    expect(created.status).toBe(200);
    const { id, indexNo } = created.body;
    await api.json('POST', `/api/office/catalogue/items/${id}/submit`, {});
    for (const [who, step] of [['r1', 1], ['r2', 2]] as const) {
      const reviewer = new ApiClient(web.server.url);
      await reviewer.signIn(who);
      expect((await reviewer.json('POST', `/api/office/catalogue/items/${id}/review`, { step, decision: 'approve' })).status).toBe(200);
    }
    const rejecting = await decide('r3', indexNo, '保密审查', '退回', '含有个人身份证号码，删除后再报');
    await rejecting.context().close();

    const { context, page } = await newPage(web.browser);
    await signIn(page, web.server.url, 'off');
    await page.goto(`${web.server.url}/officer/catalogue`);
    await page.getByRole('tab', { name: '被退回' }).click();
    const row = page.getByRole('tabpanel').getByRole('row').filter({ hasText: indexNo });
    await expect.poll(() => row.textContent()).toContain('被退回');
    await row.getByRole('link', { name: indexNo }).click();
    const notice = page.getByRole('status').filter({ hasText: '已在“保密审查”被退回' });
    await expect.poll(() => notice.textContent()).toContain('含有个人身份证号码，删除后再报');
    await expect.poll(() => page.getByRole('button', { name: '提交审核' }).count()).toBe(1);
    await screenshot(page, 'catalogue-office-rejected');
    expect(await seriousViolations(page)).toEqual([]);
    const status = (await web.server.deps.db.query<{ status: string }>('SELECT status FROM catalogue_items WHERE id = $1', [id]))[0]!.status;
    expect(status).toBe('rejected');
    await context.close();
  });

  it('lists an overdue draft with the explanation of its publication deadline', async () => {
    const api = new ApiClient(web.server.url);
    await api.signIn('off');
    // Made Mon 26 Jan: day 14 = Fri 13 Feb, day 15 = Sat 14 Feb (调休), 春节 15–23 Feb, day 16 = 24 Feb …
    // day 20 = Sat 28 Feb (调休): due 28 Feb, one working day (Mon 2 Mar) before today's end.
    const late = await api.json<{ indexNo: string }>('POST', '/api/bodies/yl/catalogue/items', {
      title: '2025年财政决算公开',
      topic: '财政金融审计',
      docType: '财政预决算',
      disclosure: 'proactive',
      channels: ['门户网站'],
      madeOn: '2026-01-26',
    });
    const { context, page } = await newPage(web.browser);
    await signIn(page, web.server.url, 'off');
    await page.goto(`${web.server.url}/officer/catalogue`);
    await page.getByRole('tab', { name: '草稿' }).focus();
    // Keyboard: the arrow keys move along the tabs.
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByRole('tab', { name: '即将超期/已超期' }).getAttribute('aria-selected')).toBe('true');
    const panel = page.getByRole('tabpanel');
    // Overdue work is announced as an alert.
    await expect.poll(() => panel.getByRole('alert').textContent()).toContain('已超期 1 条');
    const row = panel.getByRole('row').filter({ hasText: late.body.indexNo });
    await expect.poll(() => row.textContent()).toContain('2026-02-28（星期六）');
    await expect.poll(() => row.textContent()).toContain('已超期 1 个工作日');
    await row.getByText('期限计算过程').click();
    await expect.poll(() => row.locator('ol li').allTextContents()).toEqual([
      '2026-01-26（星期一） 信息形成（生成日期）：当日不计，自次日起的第一个工作日算第1天',
      '2026-02-14（星期六） 调休上班：2026-02-14（春节调休）为工作日，计入',
      '2026-02-15（星期日） 春节放假：2026-02-15 至 2026-02-23，共 9 天，不计入工作日',
      '2026-02-28（星期六） 调休上班：2026-02-28（春节调休）为工作日，计入',
      '2026-02-28（星期六） 20个工作日届满（第二十六条）',
    ]);
    await screenshot(page, 'catalogue-office-overdue');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
