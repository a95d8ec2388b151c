/**
 * One application across the whole application, in Chromium: a citizen applies on a phone, the
 * township's officer finds it in the register and answers it, the citizen sees the answer, and
 * the officer's annual report for the year counts it in table 三. Today is pinned to 2026-03-02.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addAccount, HAVE_CHROMIUM, newPage, screenshot, serverAndBrowser, signIn } from '../support/web.js';

describe.skipIf(!HAVE_CHROMIUM)('an application from the citizen to the annual report', () => {
  const web = serverAndBrowser(async ({ deps }) => {
    await deps.register.addBody('yl', '青禾县云岭镇人民政府', 'test');
    await addAccount(deps, 'off', 'officer', ['yl']);
  });

  const fill = (page: Page, label: string, text: string) => page.getByLabel(label).fill(text);

  it('is applied for, answered, looked up and counted', async () => {
    // The citizen, on a phone.
    const citizen = await newPage(web.browser, { phone: true });
    const cp = citizen.page;
    await cp.goto(`${web.server.url}/apply`);
    await fill(cp, '按名称或地区查找机关', '云岭');
    await cp.getByLabel('受理申请的机关（必填）').selectOption({ label: '青禾县云岭镇人民政府 · 乡镇（街道）' });
    await fill(cp, '姓名（必填）', '赵晓兰');
    await fill(cp, '证件号码（必填）', '11010519491231002X');
    await fill(cp, '联系电话（必填）', '13987654321');
    await fill(cp, '所需政府信息的名称、文号或者便于查询的其他特征性描述（必填）', '云岭镇2026年春季森林防火工作方案');
    await cp.getByLabel('所需信息的提供形式（必填）').selectOption({ label: '电子数据' });
    await cp.getByLabel('获取信息的方式（必填）').selectOption({ label: '自行领取' });
    await cp.getByLabel(/我已阅读并理解上方的申请须知/).check();
    await cp.getByRole('button', { name: '提交申请' }).click();
    await cp.getByRole('heading', { level: 1, name: '申请已提交' }).waitFor();
    const receipt = cp.locator('dl.receipt dd');
    const id = (await receipt.nth(0).textContent())!.trim();
    const code = (await receipt.nth(1).textContent())!.trim();
    expect(id).toBe('yl-2026-0001');
    await screenshot(cp, 'journey-1-citizen-applied');

    // The officer finds it in the register and answers it.
    const officer = await newPage(web.browser);
    const op = officer.page;
    await signIn(op, web.server.url, 'off');
    await op.goto(`${web.server.url}/officer`);
    const row = op.getByRole('row').filter({ hasText: id });
    await expect.poll(() => row.textContent()).toContain('云岭镇2026年春季森林防火工作方案');
    await row.getByRole('link', { name: id }).click();
    await op.waitForURL(new RegExp(`/officer/applications/${id}`));
    await op.getByLabel('要登记的事项', { exact: true }).selectOption({ label: '答复' });
    await op.getByLabel('办理结果（表三）', { exact: true }).selectOption({ label: '（一）予以公开' });
    await op.getByLabel('答复书文号').fill('云政公复〔2026〕5号');
    await op.getByLabel('答复日期').fill('2026-03-02');
    await op.getByRole('button', { name: '登记', exact: true }).click();
    await op.getByText('已登记：答复').waitFor();
    await screenshot(op, 'journey-2-officer-answered');

    // The citizen looks the application up and sees the answer.
    await cp.goto(`${web.server.url}/status`);
    await fill(cp, '申请编号', id);
    await fill(cp, '查询码', code);
    await cp.getByRole('button', { name: '查询' }).click();
    await cp.getByRole('heading', { name: `申请 ${id} 的办理情况` }).waitFor();
    await expect.poll(() => cp.locator('main').textContent()).toContain('已答复');
    await expect.poll(() => cp.locator('main').textContent()).toContain('予以公开');
    await screenshot(cp, 'journey-3-citizen-sees-answer');

    // The officer's 2026 report counts it: one new application from a natural person, granted.
    await op.goto(`${web.server.url}/officer/reports`);
    await op.getByLabel('报告年度').fill('2026');
    await op.getByRole('button', { name: '编写该年度报告' }).click();
    await op.waitForURL((u) => u.pathname === '/officer/reports/2026');
    const cell = (name: string) => op.getByRole('textbox', { name, exact: true });
    await expect.poll(() => cell('表三“一、本年新收政府信息公开申请数量”行“自然人”列').inputValue()).toBe('1');
    await expect.poll(() => cell('表三“一、本年新收政府信息公开申请数量”行“总计”列').inputValue()).toBe('1');
    await expect.poll(() => cell('表三“（一）予以公开”行“自然人”列').inputValue()).toBe('1');
    await expect.poll(() => cell('表三“四、结转下年度继续办理”行“自然人”列').inputValue()).toBe('0');
    await screenshot(op, 'journey-4-annual-report');
    await citizen.context.close();
    await officer.context.close();
  });
});
