/// <reference lib="dom" />
/**
 * The register in Chromium, as a township officer uses it: the due-soon view with how each due
 * date was counted, logging an online application (date of receipt by 第三十一条), recording an
 * extension and a reply 予以公开, the timeline, and the reply letter previewed, printed and
 * downloaded. Today is pinned to Monday 2026-03-02.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { logNumberedApplication } from '../../src/app/register/writes.js';
import { addAccount, HAVE_CHROMIUM, newPage, screenshot, seriousViolations, serverAndBrowser, signIn } from '../support/web.js';

describe.skipIf(!HAVE_CHROMIUM)('the register in Chromium', () => {
  const web = serverAndBrowser(async ({ deps }) => {
    await deps.register.addBody('yl', '青禾县云岭镇人民政府', 'test');
    await addAccount(deps, 'off', 'officer', ['yl']);
    // Received Mon 2 Feb 2026. Day 1 = 3 Feb … day 10 = Sat 14 Feb (调休), 15–23 Feb 春节,
    // day 11 = 24 Feb … day 15 = Sat 28 Feb (调休), day 16 = 2 Mar … day 20 = Fri 6 Mar.
    await logNumberedApplication(
      deps,
      'user:off',
      'yl',
      { applicant: { type: 'naturalPerson', name: '王小明' }, description: '云岭镇2025年农村危房改造补助名单', channel: 'inPerson', receivedOn: '2026-02-02' },
    );
  });

  const select = (page: Page, label: string, option: string) => page.getByLabel(label, { exact: true }).selectOption({ label: option });

  it('shows the due-soon application with the explanation of its due date', async () => {
    const { context, page } = await newPage(web.browser);
    await signIn(page, web.server.url, 'off');
    await page.goto(`${web.server.url}/officer`);
    const due = page.getByRole('region', { name: '即将到期和已逾期' });
    await expect.poll(() => due.getByRole('status').textContent()).toContain('已逾期 0 件，5 个工作日内到期 1 件');
    const item = due.getByRole('listitem').filter({ hasText: 'yl-2026-0001' });
    await expect.poll(() => item.textContent()).toContain('答复期限 2026-03-06（星期五），还剩 4 个工作日');
    await item.getByText('期限计算过程').click();
    await expect.poll(() => item.locator('ol li').allTextContents()).toEqual([
      '2026-02-02（星期一） 收到申请',
      // Feb 3–6 = 4, 9–11 = 7: before 春节.
      '2026-02-11（星期三） 补正告知期限（7个工作日）：申请内容不明确的，应在此日前一次性告知申请人需要补正的事项和合理的补正期限（第三十条）',
      '2026-03-06（星期五） 20个工作日届满',
    ]);
    await screenshot(page, 'register-due-soon');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('logs an application, extends and answers it, and produces the reply letter', async () => {
    const { context, page } = await newPage(web.browser);
    await signIn(page, web.server.url, 'off');
    await page.goto(`${web.server.url}/officer`);
    await page.getByRole('link', { name: '登记新申请' }).click();
    await page.getByRole('heading', { level: 1, name: '登记新申请' }).waitFor();
    await page.getByLabel('姓名或名称').fill('李四');
    await page.getByLabel('身份证件号码').fill('110101199003070011');
    await page.getByLabel('联系方式').fill('13812345678');
    await page.getByLabel('所需政府信息的名称、文号或描述').fill('云岭镇2026年防汛应急预案');
    await select(page, '所需信息的形式', '电子数据');
    await select(page, '获取信息的方式', '电子邮件');
    await select(page, '提交渠道', '网络');
    // Arrived online on Friday, confirmed with the applicant on Monday: received Monday (第三十一条).
    await page.getByLabel('申请到达日期').fill('2026-02-27');
    await page.getByLabel('双方确认的日期').fill('2026-03-02');
    await page.getByRole('status').filter({ hasText: '收到申请之日：2026-03-02' }).waitFor();
    await screenshot(page, 'register-new-application');
    await page.getByRole('button', { name: '登记', exact: true }).click();
    await page.waitForURL(/\/officer\/applications\/yl-2026-0002/);
    await page.getByRole('status').filter({ hasText: '已登记，申请编号 yl-2026-0002' }).waitFor();
    // 20 working days after 2 Mar: 3–6 Mar (4), 9–13 (9), 16–20 (14), 23–27 (19), Mon 30 Mar (20).
    const due = page.getByRole('region', { name: '答复期限' });
    await expect.poll(() => due.textContent()).toContain('答复期限 2026-03-30（星期一），还剩 20 个工作日');
    expect(await seriousViolations(page)).toEqual([]);

    await select(page, '要登记的事项', '延长答复期限');
    await page.getByLabel('批准人').fill('党政办主任');
    await page.getByRole('button', { name: '登记', exact: true }).click();
    await page.getByText('已登记：延长答复期限').waitFor();
    // 20 more after 30 Mar: 31 Mar–3 Apr (4), 清明 4–6 Apr off, 7–10 (8), 13–17 (13), 20–24 (18), 27, 28 Apr (20).
    await expect.poll(() => due.textContent()).toContain('答复期限 2026-04-28（星期二）');
    await expect.poll(() => due.locator('ol li').last().textContent()).toContain('延长20个工作日');

    await select(page, '要登记的事项', '答复');
    await select(page, '办理结果（表三）', '（一）予以公开');
    await page.getByLabel('答复书文号').fill('云政公复〔2026〕2号');
    // A reply dated before the application was received: the server's refusal is shown as it is.
    await page.getByLabel('答复日期').fill('2026-02-01');
    await page.getByRole('button', { name: '登记', exact: true }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('事件日期 2026-02-01 早于收到申请的日期 2026-03-02');
    await page.getByLabel('答复日期').fill('2026-03-02');
    await page.getByRole('button', { name: '登记', exact: true }).click();
    await page.getByText('已登记：答复').waitFor();
    await expect.poll(() => due.textContent()).toContain('已答复');
    await expect.poll(() => page.getByRole('region', { name: '办理过程' }).locator('li strong').allTextContents()).toEqual(['2026-03-02 收到申请', '2026-03-02 延长答复期限', '2026-03-02 答复']);

    await page.getByRole('button', { name: '预览答复书' }).click();
    const preview = page.getByRole('article', { name: '答复书预览' });
    const text = async () => (await preview.textContent()) ?? '';
    for (const fact of ['政府信息公开申请答复书', '云政公复〔2026〕2号', '李四：', 'yl-2026-0002', '云岭镇2026年防汛应急预案', '第三十六条第（一）项、第（二）项', '青禾县云岭镇人民政府']) await expect.poll(text).toContain(fact);
    await screenshot(page, 'register-application-answered');
    expect(await seriousViolations(page)).toEqual([]);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 Word' }).first().click()]);
    expect(download.suggestedFilename()).toBe('政府信息公开申请答复书-yl-2026-0002.docx');
    const [printable] = await Promise.all([context.waitForEvent('page'), page.getByRole('link', { name: '打印版（新窗口）' }).first().click()]);
    await printable.waitForLoadState();
    await expect.poll(() => printable.locator('h1').textContent()).toBe('政府信息公开申请答复书');
    await screenshot(printable, 'register-letter-printable');

    // Back in the register, the application is listed as answered.
    await page.getByRole('link', { name: '← 返回申请台账' }).click();
    const row = page.getByRole('row').filter({ hasText: 'yl-2026-0002' });
    await expect.poll(() => row.textContent()).toContain('已答复');
    await expect.poll(() => row.textContent()).toContain('（一）予以公开');
    await context.close();
  });
});
