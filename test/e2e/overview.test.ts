/// <reference lib="dom" />
/**
 * The region overview in Chromium, with the hand-typed region of test/support/overview-region.ts:
 * the city supervisor opens 报告总览, chooses 2024, reads the city's totals and its counties,
 * drills down to 青禾县 and back up by the breadcrumbs, sorts by the 2024 column, filters to the
 * bodies with errors (all in the address), opens the shared address in another browser and sees
 * the same view, clicks a total to list its bodies, and downloads the Excel file as filtered.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedOverviewRegion } from '../support/overview-region.js';
import { HAVE_CHROMIUM, newPage, screenshot, seriousViolations, serverAndBrowser, signIn } from '../support/web.js';

describe.skipIf(!HAVE_CHROMIUM)('the region overview in Chromium', () => {
  const web = serverAndBrowser(async ({ deps }) => {
    await seedOverviewRegion(deps);
  });
  let page: Page;
  const table = () => page.getByRole('table', { name: /各机关年度报告情况/ });
  const bodyNames = () => table().locator('tbody th[scope="row"]').allTextContents();
  const totals = () => page.locator('.ov-totals li').allTextContents();
  const param = (k: string) => new URL(page.url()).searchParams.get(k);

  beforeAll(async () => {
    page = (await newPage(web.browser)).page;
    await signIn(page, web.server.url, 'city');
  });

  it('opens from the menu at the city; 2024 shows the totals and the two counties', async () => {
    await page.getByRole('link', { name: '报告总览', exact: true }).click();
    await page.getByRole('heading', { name: '青禾市2025年度报告情况' }).waitFor();
    await page.getByLabel('统计年度').selectOption('2024');
    await page.getByRole('heading', { name: '青禾市2024年度报告情况' }).waitFor();
    expect(param('year')).toBe('2024');
    // 5 bodies; reported 县政府, 教育局, 甲镇, 河口镇; late 教育局; missing 乙镇; errors 教育局, 甲镇; 河口镇 unreadable.
    await expect.poll(totals).toEqual(['5机关', '4已报送，在下表中列出', '1逾期发布，在下表中列出', '1缺报，在下表中列出', '2有错误，在下表中列出', '1无法读取，在下表中列出', '80%报送率']);
    const lines = page.getByRole('table', { name: /青禾市各地区2024年度报告情况/ });
    expect(await lines.locator('tbody th').allTextContents()).toEqual(['青禾县', '白溪县']);
    expect(await lines.locator('tbody tr').first().locator('td').allTextContents()).toEqual(['4', '3', '75%', '1', '1', '2']);
    await screenshot(page, 'overview-city');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('drills down to the county and back up by the breadcrumbs', async () => {
    await page.getByRole('link', { name: '青禾县', exact: true }).click();
    await page.getByRole('heading', { name: '青禾县2024年度报告情况' }).waitFor();
    expect(param('region')).toBe('330106');
    const lines = page.getByRole('table', { name: /青禾县各地区2024年度报告情况/ });
    await expect.poll(() => lines.locator('tbody th').allTextContents()).toEqual(['甲镇', '乙镇', '青禾县本级（本级政府及其部门）']);
    await expect.poll(bodyNames).toEqual(['甲镇人民政府', '青禾县教育局', '青禾县人民政府', '乙镇人民政府']);
    await page.getByRole('navigation', { name: '地区层级' }).getByRole('link', { name: '青禾市' }).click();
    await page.getByRole('heading', { name: '青禾市2024年度报告情况' }).waitFor();
    expect(param('region')).toBe('330100');
    expect(param('year')).toBe('2024');
  });

  it('sorts by the 2024 column, problems first, then filters to the bodies with errors, all in the address', async () => {
    await page.getByRole('button', { name: '按2024年度排列（问题多的在前）' }).click();
    await expect.poll(bodyNames).toEqual(['乙镇人民政府', '河口镇人民政府', '青禾县教育局', '甲镇人民政府', '青禾县人民政府']);
    expect([param('sort'), param('dir')]).toEqual(['y2024', 'desc']);
    const jia = table().locator('tr', { has: page.getByRole('rowheader', { name: '甲镇人民政府' }) });
    // Columns: 层级, 地区, 2025, 2024, 2023.
    expect(await jia.locator('td').nth(3).textContent()).toContain('错误 2');
    expect(await jia.locator('td').nth(2).textContent()).toContain('缺报');
    await page.getByLabel('只看有错误的').check();
    await page.getByRole('button', { name: '筛选', exact: true }).click();
    await expect.poll(bodyNames).toEqual(['青禾县教育局', '甲镇人民政府']);
    expect(param('errors')).toBe('1');
    await screenshot(page, 'overview-sorted-filtered');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('gives the same view at the shared address in another browser', async () => {
    const shared = page.url();
    const other = await newPage(web.browser);
    await signIn(other.page, web.server.url, 'city');
    await other.page.goto(shared);
    const t = other.page.getByRole('table', { name: /各机关年度报告情况/ });
    await expect.poll(() => t.locator('tbody th[scope="row"]').allTextContents()).toEqual(['青禾县教育局', '甲镇人民政府']);
    expect(await other.page.getByLabel('只看有错误的').isChecked()).toBe(true);
    expect(await other.page.getByRole('columnheader', { name: /2024年度/ }).getAttribute('aria-sort')).toBe('descending');
    await other.context.close();
  });

  it('downloads the table as filtered to Excel', async () => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()]);
    expect(file.suggestedFilename()).toBe('青禾市2024年度报告情况.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await readFile((await file.path())!)) as unknown as ArrayBuffer);
    const names: unknown[] = [];
    book.getWorksheet('机关年度报告情况')!.eachRow((r, n) => n > 2 && names.push(r.getCell(1).value));
    expect(names).toEqual(['青禾县教育局', '甲镇人民政府']);
  });

  it('lists the missing bodies when their total is clicked', async () => {
    await page.getByRole('link', { name: /^1\s*缺报/ }).click();
    await expect.poll(bodyNames).toEqual(['乙镇人民政府']);
    expect(param('status')).toBe('missing');
    expect(param('errors')).toBeNull();
    await expect.poll(() => page.getByLabel('2024年度情况').inputValue()).toBe('missing');
  });
});
