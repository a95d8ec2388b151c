/// <reference lib="dom" />
/**
 * The application shell in a real browser: signing in with a Secure session cookie over
 * loopback, the role's menu, the large-text mode, and no serious accessibility violation on the
 * home and sign-in pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { RunningServer } from '../../src/server/start.js';
import { addAccount, HAVE_CHROMIUM, launchBrowser, newPage, screenshot, seriousViolations, signIn, testServer } from '../support/web.js';

describe.skipIf(!HAVE_CHROMIUM)('application shell in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await testServer();
    await server.deps.register.addBody('yl', '青禾县云岭镇人民政府', 'test');
    await addAccount(server.deps, 'sup', 'supervisor', ['yl']);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('signs a supervisor in and shows the supervisor menu, not the officer one', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, server.url, 'sup');
    expect(new URL(page.url()).pathname).toBe('/supervisor');
    const menu = page.getByRole('navigation', { name: '主菜单' });
    await expect(menu.getByRole('link', { name: '报告总览' }).count()).resolves.toBe(1);
    await expect(menu.getByRole('link', { name: '申请台账' }).count()).resolves.toBe(0);
    const cookies = await context.cookies();
    const sid = cookies.find((c) => c.name === 'gk_sid');
    expect(sid).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict' });
    await context.close();
  });

  it('turns on the large-text mode and keeps it after a reload', async () => {
    const { context, page } = await newPage(browser, { phone: true });
    await page.goto(server.url);
    const before = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    await page.getByRole('button', { name: '大字模式' }).click();
    await page.reload();
    const after = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    expect(parseFloat(after)).toBeGreaterThan(parseFloat(before));
    await expect(page.getByRole('button', { name: '标准字号' }).getAttribute('aria-pressed')).resolves.toBe('true');
    await screenshot(page, 'home-phone-large-text');
    await context.close();
  });

  it('has no serious accessibility violation on the home and sign-in pages', async () => {
    const { context, page } = await newPage(browser, { phone: true });
    for (const path of ['/', '/login']) {
      await page.goto(server.url + path);
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await seriousViolations(page), path).toEqual([]);
    }
    await context.close();
  });
});
