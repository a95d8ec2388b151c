/// <reference lib="dom" />
/**
 * A citizen on a phone: reads the 申请须知, applies online with the keyboard, writes down the
 * number and the query code, looks the application up and sees its timeline and due date; then
 * answers the officer's 补正 request and withdraws. axe-core finds no serious violation on any of
 * these pages. Screenshots: test-artifacts/screenshots/public-*.png.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appendEvent } from '../../src/app/register/writes.js';
import { HAVE_CHROMIUM, newPage, screenshot, seriousViolations, serverAndBrowser } from '../support/web.js';

/** Type into a field as a person does, key by key. */
async function typeInto(page: Page, label: string, text: string): Promise<void> {
  await page.getByLabel(label).focus();
  await page.keyboard.type(text);
}

describe.skipIf(!HAVE_CHROMIUM)('the public pages in Chromium on a phone', () => {
  let today = '2026-03-02';
  const web = serverAndBrowser(
    async ({ deps }) => {
      await deps.register.addBody('yl', '青禾县云岭镇人民政府', 'test');
      await deps.register.addBody('sx', '青禾县松溪乡人民政府', 'test');
      await deps.register.addBody('zr', '青禾县自然资源局', 'test');
    },
    { server: { today: () => today } },
  );

  /** Fill and submit the form; the number and code from the confirmation page. */
  async function apply(page: Page, shots: boolean): Promise<{ id: string; code: string }> {
    await page.goto(`${web.server.url}/apply`);
    await page.getByRole('heading', { level: 1, name: '申请政府信息公开' }).waitFor();
    const notice = page.getByRole('region', { name: '申请须知' });
    await expect.poll(() => notice.textContent()).toContain('20个工作日内答复');
    await expect.poll(() => notice.textContent()).toContain('国办函〔2020〕109号');
    await expect.poll(() => notice.textContent()).toContain('查询码只显示这一次');
    if (shots) {
      await screenshot(page, 'public-1-apply-notice');
      expect(await seriousViolations(page), '/apply').toEqual([]);

      // Submitting the empty form: a message beside each field, a summary announced, the focus on the first.
      await page.getByRole('button', { name: '提交申请' }).click();
      await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/申请表有 \d+ 处需要修改/);
      await expect.poll(() => page.getByText('请选择受理申请的行政机关').count()).toBe(2);
      await expect.poll(() => page.getByLabel('受理申请的机关（必填）').getAttribute('aria-invalid')).toBe('true');
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('bodyId');
      await screenshot(page, 'public-2-apply-errors');
      expect(await seriousViolations(page), '/apply with errors').toEqual([]);
    }

    // Find the body by typing part of its name, then pick it with the keyboard.
    await typeInto(page, '按名称或地区查找机关', '云岭');
    await expect.poll(() => page.getByRole('status').filter({ hasText: '找到 1 个机关' }).count()).toBe(1);
    await page.getByLabel('受理申请的机关（必填）').selectOption({ label: '青禾县云岭镇人民政府 · 乡镇（街道）' });
    await expect.poll(() => page.getByLabel('申请人类型（必填）').inputValue()).toBe('naturalPerson');
    await typeInto(page, '姓名（必填）', '李秀英');
    await typeInto(page, '证件号码（必填）', '11010519491231002x');
    await typeInto(page, '联系电话（必填）', '13812345678');
    await typeInto(page, '通信地址', '青禾县云岭镇和平路8号');
    await typeInto(page, '所需政府信息的名称、文号或者便于查询的其他特征性描述（必填）', '2025年云岭镇和平村土地征收补偿安置方案');
    await page.getByLabel('所需信息的提供形式（必填）').selectOption({ label: '纸质' });
    await page.getByLabel('获取信息的方式（必填）').selectOption({ label: '邮寄' });
    await page.getByLabel(/我已阅读并理解上方的申请须知/).focus();
    await page.keyboard.press('Space');
    if (shots) await screenshot(page, 'public-3-apply-filled');
    await page.getByRole('button', { name: '提交申请' }).click();

    await page.getByRole('heading', { level: 1, name: '申请已提交' }).waitFor();
    const receipt = page.locator('dl.receipt dd');
    const id = (await receipt.nth(0).textContent())!.trim();
    const code = (await receipt.nth(1).textContent())!.trim();
    expect(id).toMatch(/^yl-2026-\d{4}$/);
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    return { id, code };
  }

  /** Open /status from the confirmation's link and look the application up. */
  async function lookUp(page: Page, id: string, code: string): Promise<void> {
    await page.getByRole('link', { name: '查询办理进度' }).click();
    await page.getByRole('heading', { level: 1, name: '办理查询' }).waitFor();
    await expect.poll(() => page.getByLabel('申请编号').inputValue()).toBe(id);
    await typeInto(page, '查询码', code.toLowerCase());
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: `申请 ${id} 的办理情况` }).waitFor();
  }

  it('takes an application from the form to the status page', async () => {
    const { context, page } = await newPage(web.browser, { phone: true });
    const { id, code } = await apply(page, true);
    await expect.poll(() => page.getByText('查询码只显示这一次').count()).toBeGreaterThan(0);
    // Received Mon 2 Mar 2026: Mar 3–6 = 4; 9–13 = 9; 16–20 = 14; 23–27 = 19; Mon 30 = 20.
    await expect.poll(() => page.locator('.due-date').textContent()).toBe('2026年3月30日（星期一）');
    await screenshot(page, 'public-4-confirmation');
    expect(await seriousViolations(page), 'confirmation').toEqual([]);

    await lookUp(page, id, code);
    await expect.poll(() => page.locator('.status-line').textContent()).toBe('当前状态：办理中');
    const timeline = page.getByRole('list', { name: '办理过程' }).getByRole('listitem');
    await expect.poll(() => timeline.count()).toBe(1);
    await expect.poll(() => timeline.first().textContent()).toContain('2026年3月2日收到申请');
    await expect.poll(() => page.locator('.due-date').textContent()).toBe('2026年3月30日（星期一）');
    const steps = page.getByRole('list', { name: '答复期限的计算步骤' }).getByRole('listitem');
    await expect.poll(() => steps.allTextContents()).toEqual([
      '2026年3月2日收到申请',
      '2026年3月11日补正告知期限（7个工作日）申请内容不明确的，应在此日前一次性告知申请人需要补正的事项和合理的补正期限（第三十条）',
      '2026年3月30日20个工作日届满',
    ]);
    // The applicant's own name; the ID number masked.
    await expect.poll(() => page.getByText('李秀英（自然人）').count()).toBe(1);
    await expect.poll(() => page.getByText('1101**********002X').count()).toBe(1);
    await expect(page.content()).resolves.not.toContain('11010519491231002');
    await screenshot(page, 'public-5-status');
    expect(await seriousViolations(page), '/status with a result').toEqual([]);
    await context.close();
  });

  it('answers a 补正 request online, then withdraws after confirming', async () => {
    today = '2026-03-02';
    const { context, page } = await newPage(web.browser, { phone: true });
    const { id, code } = await apply(page, false);
    await appendEvent(web.server.deps, 'user:officer', id, { kind: 'correctionRequested', on: '2026-03-04', note: '请写明方案的文号或发文日期' });
    today = '2026-03-10';
    await lookUp(page, id, code);
    await expect.poll(() => page.locator('.status-line').textContent()).toBe('当前状态：待补正');
    await expect.poll(() => page.getByRole('region', { name: '在线补正' }).textContent()).toContain('请写明方案的文号或发文日期');
    // No stale due date while the clock waits for the correction.
    await expect(page.locator('.due-date').count()).resolves.toBe(0);
    await expect.poll(() => page.getByText('答复期限自行政机关收到补正后的申请之日起重新计算').count()).toBe(1);
    await screenshot(page, 'public-6-correction-asked');
    expect(await seriousViolations(page), '/status awaiting correction').toEqual([]);

    await typeInto(page, '补正内容（必填）', '方案文号为青云政〔2025〕8号');
    await page.getByRole('button', { name: '提交补正' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: '补正内容已提交' }).count()).toBe(1);
    await expect.poll(() => page.locator('.status-line').textContent()).toBe('当前状态：办理中');
    // From Tue 10 Mar: Mar 11–13 = 3; 16–20 = 8; 23–27 = 13; Mar 30–Apr 3 = 18; 清明 Apr 4–6; Apr 7 = 19, Apr 8 = 20.
    await expect.poll(() => page.locator('.due-date').textContent()).toBe('2026年4月8日（星期三）');
    await screenshot(page, 'public-7-corrected');

    await page.getByRole('button', { name: '撤回申请' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toContain(`确定要撤回申请 ${id} 吗？`);
    expect(await seriousViolations(page), '/status withdrawal question').toEqual([]);
    await page.getByRole('button', { name: '确认撤回' }).click();
    await expect.poll(() => page.locator('.status-line').textContent()).toBe('当前状态：已撤回');
    await expect(page.getByRole('button', { name: '撤回申请' }).count()).resolves.toBe(0);
    await screenshot(page, 'public-8-withdrawn');
    const app = (await web.server.deps.register.application(id))!;
    expect(app.events.map((e) => e.kind)).toEqual(['correctionRequested', 'correctionReceived', 'withdrawn']);
    today = '2026-03-02';
    await context.close();
  });

  it('says the same thing for a wrong code as for an unknown number', async () => {
    const { context, page } = await newPage(web.browser, { phone: true });
    await page.goto(`${web.server.url}/status?id=yl-2026-0001`);
    await typeInto(page, '查询码', 'ABCD-EFGH-JKMN');
    await page.getByRole('button', { name: '查询' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('没有找到该申请，或者申请编号与查询码不匹配');
    expect(await seriousViolations(page), '/status not found').toEqual([]);
    await context.close();
  });
});
