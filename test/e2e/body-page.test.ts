/// <reference lib="dom" />
/**
 * A body's page, the assessment download and the public region page in Chromium, with the
 * hand-typed region of test/support/body-years.ts: the county supervisor goes from 地区评估 to
 * 甲镇, sees 2024's 新收 marked ▲5 against 2023, the copied passage highlighted in both years, its
 * findings and its 实质公开率 beside the county's median, downloads its assessment in Word (read
 * back), switches 青禾县's public page on; a citizen on a phone reads it without signing in.
 */
import { readFile } from 'node:fs/promises';
import mammoth from 'mammoth';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { COPIED, seedBodyYears } from '../support/body-years.js';
import { HAVE_CHROMIUM, newPage, screenshot, seriousViolations, serverAndBrowser, signIn } from '../support/web.js';

describe.skipIf(!HAVE_CHROMIUM)('a body’s page and the public region page in Chromium', () => {
  const web = serverAndBrowser(async ({ deps }) => {
    await seedBodyYears(deps);
  });
  let page: Page;

  beforeAll(async () => {
    page = (await newPage(web.browser)).page;
    await signIn(page, web.server.url, 'county');
  });

  it('from 地区评估 to 甲镇: the changes from 2023, the copied passage in both years, findings and indicators', async () => {
    await page.getByRole('link', { name: '地区评估', exact: true }).click();
    await page.getByRole('heading', { name: '地区评估与公开' }).waitFor();
    await page.getByRole('link', { name: '甲镇人民政府' }).click();
    await page.getByRole('heading', { level: 1, name: '甲镇人民政府' }).waitFor();
    const y2024 = page.locator('section.bd-year').filter({ has: page.getByRole('heading', { name: '2024年度' }) });
    // 新收 15 → 20.
    const received = y2024.locator('td[data-path="applications.newReceived.total"]');
    expect(await received.getAttribute('class')).toBe('bd-up');
    expect(await received.getAttribute('title')).toBe('上年 15，本年 20');
    expect(await received.locator('.bd-delta').textContent()).toBe('▲5');
    // 无法提供(不掌握) 7 → 4.
    expect(await y2024.locator('td[data-path="applications.unavailable.notHeld.total"] .bd-delta').textContent()).toBe('▼3');
    // The passage copied from 2023, highlighted once in each year; nothing else.
    expect(await page.locator('.bd-text mark.bd-shared').allTextContents()).toEqual([COPIED.slice(0, -1), COPIED.slice(0, -1)]);
    const findings = page.locator('table.data').filter({ hasText: '严重程度' }).first();
    expect(await findings.locator('tbody tr').count()).toBe(3);
    expect(await findings.textContent()).toContain('发布日期 2025年3月5日 晚于期限 2025年1月31日');
    const disclosure = page.locator('table.data tr').filter({ has: page.getByRole('rowheader', { name: '实质公开率' }) });
    // (10 + 2) / 19 = 63.2 %, which is also the median of 甲 63.2, 丙 35.7, 丁 100.
    expect((await disclosure.locator('td').allTextContents()).slice(0, 2)).toEqual(['63.2%', '63.2%']);
    await screenshot(page, 'supervisor-body-page');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('downloads 甲镇’s assessment in Word, which says what was found', async () => {
    await page.getByLabel('评估年度').selectOption('2024');
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载评估（Word）' }).click()]);
    expect(file.suggestedFilename()).toBe('甲镇人民政府2024年度政府信息公开工作年度报告质量评估.docx');
    const { value: text } = await mammoth.extractRawText({ buffer: await readFile((await file.path())!) });
    expect(text).toContain('甲镇人民政府2024年度政府信息公开工作年度报告质量评估');
    expect(text).toContain('报告逾期发布：发布日期 2025年3月5日 晚于期限 2025年1月31日。');
    expect(text).toContain('一是对照问题清单逐项核实报告中的错误，须更正的，更正后重新公布。');
  });

  it('switches 青禾县’s public page on; a citizen on a phone reads it without signing in', async () => {
    await page.getByRole('link', { name: '地区评估', exact: true }).click();
    const county = page.locator('li.rg-row').filter({ has: page.locator('.rg-name', { hasText: /^青禾县$/ }) });
    await county.getByRole('button', { name: '开通公开页' }).click();
    await page.getByText('已开通青禾县的公开页').waitFor();

    const { context, page: phone } = await newPage(web.browser, { phone: true });
    // Not switched on: said plainly.
    await phone.goto(`${web.server.url}/regions/330108/reports`);
    await phone.getByRole('heading', { name: '没有找到该地区的公开页' }).waitFor();
    // From the home page: 各地年度报告 → 青禾县 (the newest year with reports, 2024).
    await phone.goto(`${web.server.url}/`);
    await phone.getByRole('link', { name: /各地年度报告/ }).click();
    await phone.getByRole('link', { name: '青禾县' }).click();
    await phone.getByRole('heading', { name: '青禾县2024年度政府信息公开工作年度报告' }).waitFor();
    const items = phone.locator('li.pr-item');
    await expect.poll(() => items.count()).toBe(5);
    expect(await items.filter({ hasText: '甲镇人民政府' }).textContent()).toContain('逾期发布发布日期 2025-03-05错误 1 个，警告 2 个');
    expect(await items.filter({ hasText: '戊镇人民政府' }).textContent()).toContain('未发布');
    await phone.getByRole('button', { name: '未发布（1）' }).click();
    expect(await items.allTextContents()).toEqual([expect.stringContaining('戊镇人民政府')]);
    // Fits the phone: nothing wider than the screen.
    expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await phone.getByRole('link', { name: '下载 CSV' }).getAttribute('href')).toBe('/api/public/regions/330106/data.csv?year=2024');
    await screenshot(phone, 'public-region-reports-phone');
    expect(await seriousViolations(phone)).toEqual([]);
    await context.close();
  });
});
