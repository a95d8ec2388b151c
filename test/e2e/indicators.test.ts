/// <reference lib="dom" />
/**
 * The indicators page in Chromium, with the hand-typed region of test/support/indicator-region.ts:
 * the county supervisor opens 指标 from the menu, reads 甲镇's 实质公开率 and its red flags in
 * words, sorts by a column and filters to flagged bodies (both kept in the address), opens a
 * body's comparison with the county's median, sets a threshold and sees the flag change, and the
 * public reads the definitions without signing in.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedRegion } from '../support/indicator-region.js';
import { HAVE_CHROMIUM, newPage, screenshot, seriousViolations, serverAndBrowser, signIn } from '../support/web.js';

describe.skipIf(!HAVE_CHROMIUM)('the indicators page in Chromium', () => {
  const web = serverAndBrowser(async ({ deps }) => {
    await seedRegion(deps);
  });
  let page: Page;
  const rowOf = (name: string) => page.locator('table.ind-main tbody tr').filter({ has: page.getByRole('button', { name, exact: true }) });
  const column = async (label: string) => (await page.locator('table.ind-main thead th').allTextContents()).findIndex((t) => t.trim() === label);

  beforeAll(async () => {
    page = (await newPage(web.browser)).page;
    await signIn(page, web.server.url, 'county');
  });

  it('opens from the menu: 青禾县 2024, 甲镇 63.2 % and its two red flags in words', async () => {
    await page.getByRole('link', { name: '指标', exact: true }).click();
    await page.getByRole('heading', { name: '指标', exact: true }).waitFor();
    await page.locator('table.ind-main').waitFor();
    expect(await page.locator('.ind-summary').textContent()).toContain('青禾县 · 2024年度');
    const jia = rowOf('甲镇人民政府');
    const disclosure = await column('实质公开率');
    // (10 + 2) / 19 = 63.157…%
    expect((await jia.locator('td, th').nth(disclosure).textContent())?.trim()).toBe('63.2%');
    const reconsideration = await column('复议纠错率');
    const cell = jia.locator('td, th').nth(reconsideration);
    expect(await cell.textContent()).toBe('33.3%红色预警');
    expect(await cell.getAttribute('class')).toContain('ind-red');
    expect(await jia.locator('td').first().textContent()).toContain('红 2 项');
    // 乙乡: 4 applications, below the minimum of 10.
    expect(await rowOf('乙乡人民政府').locator('td, th').nth(disclosure).textContent()).toBe('25.0%样本少，不评判');
    expect(await rowOf('戊镇人民政府').textContent()).toContain('无该年度报告');
    // The median row: 甲镇's own 63.2 % (丙 35.7, 甲 63.2, 丁 100).
    const median = page.locator('table.ind-main tfoot tr').filter({ hasText: '中位数' });
    expect((await median.locator('td').nth(disclosure - 2).textContent())?.trim()).toBe('63.2%');
  });

  it('sorts and filters through the address', async () => {
    await page.getByRole('button', { name: '按实质公开率升序排列' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('disclosureRate');
    const names = await page.locator('table.ind-main tbody th button').allTextContents();
    // 乙 25 (not judged, still a value), 丙 35.7, 甲 63.2, 丁 100; 戊 without a report last.
    expect(names).toEqual(['乙乡人民政府', '丙街道办事处', '甲镇人民政府', '丁县某局', '戊镇人民政府']);
    await page.getByLabel('显示').selectOption('flagged');
    await expect.poll(() => page.locator('table.ind-main tbody tr').count()).toBe(2);
    expect(new URL(page.url()).searchParams.get('show')).toBe('flagged');
    // Reloading the address gives the same view.
    await page.reload();
    await page.locator('table.ind-main').waitFor();
    expect(await page.locator('table.ind-main tbody th button').allTextContents()).toEqual(['丙街道办事处', '甲镇人民政府']);
  });

  it('a body against the county’s median; a threshold set for the county changes the flags', async () => {
    await page.getByRole('button', { name: '丙街道办事处', exact: true }).click();
    const detail = page.locator('section.ind-detail');
    await detail.waitFor();
    const row = detail.locator('tr').filter({ hasText: '实质公开率' });
    // 15 / 42 = 35.7 %, median 63.2 %, 35.714 − 63.158 = −27.4 points, rank 3 of 3.
    expect(await row.locator('td').allTextContents()).toEqual(['35.7%', '63.2%', '−27.4 个百分点', '第 3 / 3', '—', '黄色预警', '']);
    await screenshot(page, 'supervisor-indicators');
    expect(await seriousViolations(page)).toEqual([]);

    const form = page.getByRole('form', { name: '修改预警阈值' });
    await form.getByLabel('指标').selectOption({ label: '不予公开率' });
    await form.getByLabel('黄色阈值（%）').fill('10');
    await form.getByLabel('红色阈值（%）').fill('20');
    await form.getByRole('button', { name: '保存阈值' }).click();
    await expect.poll(() => page.getByText('已保存青禾县“不予公开率”的阈值。').count()).toBe(1);
    // 丙's 不予公开率 10 / 42 = 23.8 % is now red.
    const withheld = await column('不予公开率');
    expect(await rowOf('丙街道办事处').locator('td, th').nth(withheld).textContent()).toBe('23.8%红色预警');
    expect(await page.locator('#ind-thr-h + p + ul').textContent()).toContain('不予公开率：≥ 20% 红色；≥ 10% 黄色（青禾县设定）');
  });

  it('the city supervisor compares its counties and opens one', async () => {
    const city = (await newPage(web.browser)).page;
    await signIn(city, web.server.url, 'city');
    await city.goto(`${web.server.url}/supervisor/indicators?region=330100&year=2024`);
    const section = city.locator('section[aria-labelledby="ind-sub-h"]');
    await section.waitFor();
    // 青禾县: 5 bodies, 4 reports, 新收 64; 白溪县: 1 and 1, 新收 10, 实质公开 2 / 10.
    const rows = await section.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.children).slice(0, 4).map((c) => c.textContent)));
    expect(rows).toEqual([['青禾县', '5（4）', '64', '8'], ['白溪县', '1（1）', '10', '0']]);
    await screenshot(city, 'supervisor-indicators-city');
    await section.getByRole('button', { name: '白溪县' }).click();
    await expect.poll(() => new URL(city.url()).searchParams.get('region')).toBe('330108');
    await expect.poll(() => city.locator('table.ind-main tbody th button').allTextContents()).toEqual(['河口镇人民政府']);
  });

  it('the public reads the definitions without signing in', async () => {
    const guest = (await newPage(web.browser)).page;
    await guest.goto(`${web.server.url}/indicators/definitions`);
    await guest.getByRole('heading', { name: '指标定义' }).waitFor();
    const disclosure = guest.locator('#def-disclosureRate + dd');
    await disclosure.waitFor();
    expect(await disclosure.textContent()).toBe(
      '计算方法：（表三“（一）予以公开”总计 + “（二）部分公开”总计） ÷ 办结（表三“（七）总计”行总计列） × 100%',
    );
    await screenshot(guest, 'indicator-definitions');
    expect(await seriousViolations(guest)).toEqual([]);
  });
});
