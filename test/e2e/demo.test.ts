/// <reference lib="dom" />
/**
 * The demo in Chromium, with the demo accounts and their printed password only: the officer's
 * register and catalogue and the supervisor's desk are full; the officer drafts an item and
 * submits it, the two reviewers take 初审, 终审 and 保密审查 between them, and the item is in the
 * public catalogue. Today is pinned to Monday 2026-03-02 (last year, 2025, is the report year).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, loadDemo } from '../../src/app/demo.js';
import { HAVE_CHROMIUM, newPage, screenshot, serverAndBrowser, signIn } from '../support/web.js';

describe.skipIf(!HAVE_CHROMIUM)('the demo in Chromium', () => {
  const web = serverAndBrowser(async ({ deps }) => {
    await loadDemo(deps);
  });

  async function as(user: string, path: string): Promise<Page> {
    const { page } = await newPage(web.browser);
    await signIn(page, web.server.url, user, DEMO_PASSWORD);
    await page.goto(`${web.server.url}${path}`);
    return page;
  }

  /** A reviewer opens the item from their queue and approves the step it waits at. */
  async function approve(user: string, indexNo: string, step: string): Promise<void> {
    const page = await as(user, '/officer/catalogue');
    const row = page.getByRole('tabpanel').getByRole('row').filter({ hasText: indexNo });
    await expect.poll(() => row.getByRole('cell').last().textContent()).toBe(step);
    await row.getByRole('link', { name: indexNo }).click();
    await page.getByRole('heading', { name: `审核：${step}` }).waitFor();
    await page.getByLabel('审核意见').fill('同意');
    await page.getByRole('button', { name: '通过', exact: true }).click();
    await page.getByRole('status').filter({ hasText: `已通过“${step}”` }).waitFor();
    await screenshot(page, `demo-approved-${step}`);
    await page.context().close();
  }

  it('shows a year on every page the accounts open', async () => {
    const officer = await as('officer', '/officer');
    await officer.getByText('已逾期').first().waitFor();
    await expect.poll(() => officer.getByRole('row').count()).toBeGreaterThan(20);
    await screenshot(officer, 'demo-officer-register');
    await officer.goto(`${web.server.url}/officer/catalogue`);
    await officer.getByText('被退回').first().waitFor();
    await screenshot(officer, 'demo-officer-catalogue');
    await officer.goto(`${web.server.url}/officer/reports`);
    await officer.getByText('已保存草稿').first().waitFor();
    await screenshot(officer, 'demo-officer-reports');
    await officer.context().close();

    const supervisor = await as('supervisor', '/supervisor');
    await supervisor.getByText('青禾县石泉街道办事处').first().waitFor();
    await screenshot(supervisor, 'demo-supervisor');
    await supervisor.context().close();

    const { page, context } = await newPage(web.browser);
    await page.goto(`${web.server.url}/catalogue`);
    await page.getByText('云岭镇临时救助实施办法').first().waitFor();
    await screenshot(page, 'demo-public-catalogue');
    await context.close();
  });

  it("takes a new item from the officer's draft to the public catalogue with the demo accounts alone", async () => {
    const page = await as('officer', '/officer/catalogue');
    await page.getByRole('link', { name: '拟稿：新建信息' }).click();
    await page.getByRole('heading', { level: 1, name: '拟稿：新建信息' }).waitFor();
    await page.getByLabel('名称', { exact: true }).fill('云岭镇春耕生产技术指导服务安排');
    await page.getByLabel('主题分类').selectOption({ label: '农业农村' });
    await page.getByLabel('文件类型').selectOption({ label: '通知公告' });
    await page.getByLabel('门户网站').check();
    await page.getByLabel('内容概述').fill('镇农业综合服务中心分片包村开展春耕技术指导，公布各村联系人和服务时间。');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.getByRole('status').filter({ hasText: '草稿已保存，索引号已生成' }).waitFor();
    const indexNo = /索引号 (qh-yunling-\d{4}-\d{5})/.exec((await page.getByText(/^索引号 /).first().textContent()) ?? '')![1]!;
    await page.getByRole('button', { name: '提交审核' }).click();
    await page.getByRole('status').filter({ hasText: '已提交审核，等待“初审”' }).waitFor();
    await screenshot(page, 'demo-submitted');
    await page.context().close();

    await approve('reviewer', indexNo, '初审');
    await approve('reviewer2', indexNo, '终审');
    await approve('reviewer', indexNo, '保密审查');

    const { page: visitor, context } = await newPage(web.browser);
    await visitor.goto(`${web.server.url}/catalogue`);
    await visitor.getByRole('link', { name: '云岭镇春耕生产技术指导服务安排' }).click();
    await visitor.getByText(indexNo).first().waitFor();
    await screenshot(visitor, 'demo-published-item');
    await context.close();
  });
});
