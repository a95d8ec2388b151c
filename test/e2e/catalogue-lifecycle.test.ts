/// <reference lib="dom" />
/**
 * The catalogue's lifecycle in Chromium, for a township with one drafter and one reviewer (the
 * default reviewer rule): the officer drafts a 行政规范性文件 whose 施行日期 is still to come and
 * submits it; the one reviewer takes 初审, 终审 and 保密审查 in turn and it is published, shown
 * to the public as 尚未施行; the reviewer then withdraws it (撤销) with a reason and the public
 * page says so, with the date and the reason. Today is pinned to Monday 2026-03-02.
 */
import { describe, expect, it } from 'vitest';
import { addAccount, HAVE_CHROMIUM, newPage, screenshot, seriousViolations, serverAndBrowser, signIn } from '../support/web.js';

describe.skipIf(!HAVE_CHROMIUM)('the catalogue lifecycle in Chromium', () => {
  const web = serverAndBrowser(async ({ deps }) => {
    await deps.register.addBody('yl', '青禾县云岭镇人民政府', 'test');
    await addAccount(deps, 'off', 'officer', ['yl']);
    await addAccount(deps, 'rev', 'reviewer', ['yl']);
  });

  it('takes an item from draft to the public catalogue with one drafter and one reviewer, then withdraws it publicly', async () => {
    const { context, page } = await newPage(web.browser);
    await signIn(page, web.server.url, 'off');
    await page.goto(`${web.server.url}/officer/catalogue/new`);
    await page.getByRole('heading', { level: 1, name: '拟稿：新建信息' }).waitFor();
    await page.getByLabel('名称', { exact: true }).fill('云岭镇农村宅基地管理办法');
    await page.getByLabel('文号').fill('云政规〔2026〕1号');
    await page.getByLabel('主题分类').selectOption({ label: '城乡建设' });
    await page.getByLabel('文件类型').selectOption({ label: '行政规范性文件' });
    await page.getByLabel('施行日期').fill('2026-04-01');
    await page.getByLabel('有效期至').fill('2031-03-31');
    await page.getByLabel('内容概述').fill('规范农村宅基地申请、审批和监管。');
    await page.getByLabel('正文').fill('第一条 为规范本镇农村宅基地管理……');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.waitForURL(/\/officer\/catalogue\/items\/\d+/);
    const id = page.url().match(/items\/(\d+)/)![1]!;
    await page.getByRole('button', { name: '提交审核' }).click();
    await page.getByRole('status').filter({ hasText: '已提交审核，等待“初审”' }).waitFor();
    // The drafter may take the round back; the rule of this body is explained.
    await page.getByRole('button', { name: '撤回审核' }).waitFor();
    await expect.poll(() => page.getByRole('region', { name: '审核流程' }).textContent()).toContain('同一审核人可以依次完成多个审核步骤');
    await context.close();

    const reviewer = await newPage(web.browser);
    const r = reviewer.page;
    await signIn(r, web.server.url, 'rev');
    await r.goto(`${web.server.url}/officer/catalogue/items/${id}`);
    for (const step of ['初审', '终审', '保密审查']) {
      await r.getByRole('heading', { name: `审核：${step}` }).waitFor();
      await r.getByRole('button', { name: '通过', exact: true }).click();
      await r.getByRole('status').filter({ hasText: `已通过“${step}”` }).waitFor();
    }
    await r.getByRole('status').filter({ hasText: '信息已发布' }).waitFor();
    await expect.poll(() => r.getByText(/^索引号 /).textContent()).toContain('尚未施行');
    await screenshot(r, 'catalogue-lifecycle-published-by-one-reviewer');

    const pub = await newPage(web.browser);
    await pub.page.goto(`${web.server.url}/catalogue/items/${id}`);
    await pub.page.getByRole('heading', { level: 1, name: '云岭镇农村宅基地管理办法' }).waitFor();
    await expect.poll(() => pub.page.locator('.cat-facts').textContent()).toContain('尚未施行（行政规范性文件，自 2026-04-01 起施行；有效期至 2031-03-31）');
    await screenshot(pub.page, 'catalogue-lifecycle-public-not-yet-effective');

    await r.getByRole('button', { name: '撤销发布…' }).click();
    await r.getByRole('button', { name: '确认撤销' }).click();
    await r.getByRole('alert').filter({ hasText: '请写明撤销理由' }).waitFor();
    await r.getByLabel('撤销理由').fill('该办法须经县司法局合法性审核后重新发布');
    await r.getByRole('button', { name: '确认撤销' }).click();
    await r.getByRole('status').filter({ hasText: '已撤销' }).waitFor();
    await screenshot(r, 'catalogue-lifecycle-revoked-office');
    await reviewer.context.close();

    await pub.page.reload();
    const notice = pub.page.getByText(/该信息已于 2026年3月2日 撤销/);
    await notice.waitFor();
    await expect.poll(() => notice.textContent()).toContain('撤销理由：该办法须经县司法局合法性审核后重新发布');
    expect(await pub.page.getByRole('heading', { name: '正文' }).count()).toBe(0);
    expect(await seriousViolations(pub.page)).toEqual([]);
    await screenshot(pub.page, 'catalogue-lifecycle-revoked-public');
    await pub.context.close();
  });
});
