/// <reference lib="dom" />
/**
 * The application shell in a real browser: signing in with a Secure session cookie over
 * loopback, the role's menu, the large-text mode, and no serious accessibility violation on the
 * home and sign-in pages.
 */
import { describe, expect, it } from 'vitest';
import { addAccount, HAVE_CHROMIUM, newPage, screenshot, seriousViolations, serverAndBrowser, signIn } from '../support/web.js';

describe.skipIf(!HAVE_CHROMIUM)('application shell in Chromium', () => {
  const web = serverAndBrowser(async ({ deps }) => {
    await deps.register.addBody('yl', '青禾县云岭镇人民政府', 'test');
    await addAccount(deps, 'sup', 'supervisor', ['yl']);
  });

  it('signs a supervisor in and shows the supervisor menu, not the officer one', async () => {
    const { context, page } = await newPage(web.browser);
    await signIn(page, web.server.url, 'sup');
    expect(new URL(page.url()).pathname).toBe('/supervisor');
    const menu = page.getByRole('navigation', { name: '主菜单' });
    await expect.poll(() => menu.getByRole('link', { name: '报告总览' }).count()).toBe(1);
    await expect(menu.getByRole('link', { name: '申请台账' }).count()).resolves.toBe(0);
    const cookies = await context.cookies();
    const sid = cookies.find((c) => c.name === 'gk_sid');
    expect(sid).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict' });
    await context.close();
  });

  it('turns on the large-text mode and keeps it after a reload', async () => {
    const { context, page } = await newPage(web.browser, { phone: true });
    await page.goto(web.server.url);
    const before = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    await page.getByRole('button', { name: '大字模式' }).click();
    await page.reload();
    const after = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    expect(parseFloat(after)).toBeGreaterThan(parseFloat(before));
    await expect.poll(() => page.getByRole('button', { name: '标准字号' }).getAttribute('aria-pressed')).toBe('true');
    await screenshot(page, 'home-phone-large-text');
    await context.close();
  });

  it('has no serious accessibility violation on the home and sign-in pages', async () => {
    const { context, page } = await newPage(web.browser, { phone: true });
    for (const path of ['/', '/login']) {
      await page.goto(web.server.url + path);
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await seriousViolations(page), path).toEqual([]);
    }
    await context.close();
  });
});
