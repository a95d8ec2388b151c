/// <reference lib="dom" />
/**
 * The administrator's accounts in Chromium: disabling the officer ends the officer's open session
 * in another browser at once; a reset password works once and then only to choose a new one; a
 * locked account is listed and its lock lifted.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addAccount, HAVE_CHROMIUM, newPage, screenshot, seriousViolations, serverAndBrowser, signIn, TEST_PASSWORD } from '../support/web.js';

describe.skipIf(!HAVE_CHROMIUM)('account administration in Chromium', () => {
  const web = serverAndBrowser(async ({ deps }) => {
    await deps.register.addBody('yl', '青禾县云岭镇人民政府', 'test');
    await addAccount(deps, 'root', 'admin', []);
    await addAccount(deps, 'officer-yl', 'officer', ['yl']);
    await addAccount(deps, 'reviewer-yl', 'reviewer', ['yl']);
  });

  /** The administrator on /admin/users, every confirmation answered yes. */
  async function adminOnUsers(): Promise<{ page: Page; close(): Promise<void> }> {
    const { context, page } = await newPage(web.browser);
    page.on('dialog', (d) => void d.accept());
    await signIn(page, web.server.url, 'root');
    await page.goto(`${web.server.url}/admin/users`);
    await page.getByRole('table', { name: '账号列表' }).waitFor();
    return { page, close: () => context.close() };
  }

  const rowOf = (page: Page, username: string) => page.getByRole('table', { name: '账号列表' }).getByRole('row').filter({ has: page.getByRole('cell', { name: username, exact: true }) });

  it('disables the officer: the officer\'s open session is refused at once', async () => {
    const officer = await newPage(web.browser);
    await signIn(officer.page, web.server.url, 'officer-yl');
    await officer.page.goto(`${web.server.url}/officer`);
    await officer.page.getByRole('heading', { level: 1 }).waitFor();

    const admin = await adminOnUsers();
    await expect.poll(() => rowOf(admin.page, 'officer-yl').textContent()).toContain('正常');
    await admin.page.getByRole('button', { name: '停用 officer-yl（测试）' }).click();
    await expect.poll(() => admin.page.getByText('已停用账号 officer-yl，其登录已全部失效').count()).toBe(1);
    await expect.poll(() => rowOf(admin.page, 'officer-yl').textContent()).toContain('已停用');
    await screenshot(admin.page, 'admin-users-disabled');
    expect(await seriousViolations(admin.page)).toEqual([]);

    // The officer's next step, in the other browser, is refused with the reason.
    await officer.page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '年度报告' }).click();
    await expect.poll(() => officer.page.getByText('您的登录已失效').count()).toBeGreaterThan(0);
    await screenshot(officer.page, 'officer-session-ended');
    // Reloading leads to the sign-in page, which says why; the right password says the account is disabled.
    await officer.page.reload();
    await officer.page.waitForURL((u) => u.pathname === '/login');
    await expect.poll(() => officer.page.getByText('登录已失效').count()).toBe(1);
    await officer.page.getByLabel('用户名').fill('officer-yl');
    await officer.page.getByLabel('密码').fill(TEST_PASSWORD);
    await officer.page.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => officer.page.getByText('该账号已停用，请联系系统管理员').count()).toBe(1);
    await screenshot(officer.page, 'login-disabled-account');

    await admin.page.getByRole('button', { name: '启用 officer-yl（测试）' }).click();
    await expect.poll(() => rowOf(admin.page, 'officer-yl').textContent()).toContain('正常');
    // Enabled again: the same form signs in and goes on to the page asked for.
    await officer.page.getByRole('button', { name: '登录' }).click();
    await officer.page.waitForURL((u) => u.pathname === '/officer/reports');
    await admin.close();
    await officer.context.close();
  });

  it('resets a password: the one-time password works once, for choosing a new one', async () => {
    const admin = await adminOnUsers();
    await admin.page.getByRole('button', { name: '重置密码 reviewer-yl（测试）' }).click();
    const code = admin.page.locator('.one-time-password code');
    await code.waitFor();
    const otp = (await code.textContent())!.trim();
    expect(otp).toMatch(/^[A-Za-z2-9]{12}$/);
    await expect.poll(() => rowOf(admin.page, 'reviewer-yl').textContent()).toContain('待设置新密码');
    await screenshot(admin.page, 'admin-users-password-reset');

    const user = await newPage(web.browser);
    await signIn(user.page, web.server.url, 'reviewer-yl', otp);
    expect(new URL(user.page.url()).pathname).toBe('/account');
    await expect.poll(() => user.page.getByText('管理员已重置您的密码').count()).toBe(1);
    await expect(user.page.getByLabel('当前密码').count()).resolves.toBe(0);
    await screenshot(user.page, 'account-set-new-password');
    await user.page.getByLabel('新密码').fill('reviewer own password');
    await user.page.getByRole('button', { name: '设置新密码' }).click();
    await expect.poll(() => user.page.getByText('新密码已设置').count()).toBe(1);
    await user.context.close();

    // The one-time password is spent; the new one works.
    const again = await newPage(web.browser);
    await again.page.goto(`${web.server.url}/login`);
    await again.page.getByLabel('用户名').fill('reviewer-yl');
    await again.page.getByLabel('密码').fill(otp);
    await again.page.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => again.page.getByText('用户名或密码不正确').count()).toBe(1);
    await again.page.getByLabel('密码').fill('reviewer own password');
    await again.page.getByRole('button', { name: '登录' }).click();
    await again.page.waitForURL((u) => u.pathname === '/officer');
    await again.context.close();

    await admin.page.reload();
    await expect.poll(() => rowOf(admin.page, 'reviewer-yl').textContent()).toContain('正常');
    await admin.close();
  });

  it('shows a locked account to the administrator, who lifts the lock', async () => {
    const guesser = await newPage(web.browser);
    await guesser.page.goto(`${web.server.url}/login`);
    await guesser.page.getByLabel('用户名').fill('officer-yl');
    for (let i = 0; i < 6; i++) {
      await guesser.page.getByLabel('密码').fill(`wrong guess ${i}`);
      await guesser.page.getByRole('button', { name: '登录' }).click();
      await guesser.page.getByRole('button', { name: '登录' }).waitFor();
    }
    await expect.poll(() => guesser.page.getByText('登录失败次数过多').count()).toBe(1);
    await screenshot(guesser.page, 'login-throttled');

    const admin = await adminOnUsers();
    const locks = admin.page.getByRole('table', { name: '被锁定的账号和来源地址' });
    await expect.poll(() => locks.textContent()).toContain('officer-yl');
    await screenshot(admin.page, 'admin-users-locks');
    await admin.page.getByRole('button', { name: '解除锁定 officer-yl' }).click();
    await expect.poll(() => admin.page.getByText('目前没有被锁定的账号或来源地址').count()).toBe(1);

    await guesser.page.getByLabel('密码').fill(TEST_PASSWORD);
    await guesser.page.getByRole('button', { name: '登录' }).click();
    await guesser.page.waitForURL((u) => u.pathname === '/officer');
    await guesser.context.close();
    await admin.close();
  });
});
