/// <reference lib="dom" />
/**
 * The supervisor's analysis screens in Chromium: picking bodies by search and by hand, the
 * rollup's tables in the official layout, the Excel download opened again with exceljs, the
 * charts drawn with their data tables, and no serious accessibility violation on either page.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { addQinghe, fixtureModel, LY, publish, SX, userId, YL } from '../support/analysis-fixtures.js';
import { HAVE_CHROMIUM, newPage, screenshot, seriousViolations, serverAndBrowser, signIn } from '../support/web.js';

describe.skipIf(!HAVE_CHROMIUM)('supervisor analysis in Chromium', () => {
  const web = serverAndBrowser(async ({ deps }) => {
    const { db } = deps;
    await addQinghe(deps);
    const by = await userId(db, 'sup');
    await publish(db, { bodyId: 'yl', uploadedBy: by, model: fixtureModel('yunling-2023.tsv.txt') });
    await publish(db, { bodyId: 'yl', uploadedBy: by, model: fixtureModel('yunling-2024.tsv.txt') });
    await publish(db, { bodyId: 'sx', uploadedBy: by, model: fixtureModel('songxi-2024.tsv.txt') });
    await publish(db, { bodyId: 'ly', uploadedBy: by, model: fixtureModel('linye-2024-template2019.txt') });
  });

  it('rolls up the chosen bodies, shows the tables and downloads Excel', async () => {
    const { context, page } = await newPage(web.browser);
    await signIn(page, web.server.url, 'sup');
    await page.goto(`${web.server.url}/supervisor/rollup`);
    await page.getByRole('heading', { level: 1, name: '汇总各机关年度报告' }).waitFor();
    await expect.poll(() => page.getByLabel('年度', { exact: true }).inputValue()).toBe('2024');
    // Find 松溪乡 by name and tick what the search lists, then 云岭镇 by hand.
    await page.getByLabel('按名称或地区查找').fill('松溪');
    await expect.poll(() => page.getByRole('checkbox').count()).toBe(1);
    await page.getByRole('button', { name: '选中列出的 1 个' }).click();
    await page.getByLabel('按名称或地区查找').fill('');
    await page.getByRole('checkbox', { name: new RegExp(YL) }).check();
    await page.getByRole('checkbox', { name: new RegExp(LY) }).check();
    await page.getByRole('button', { name: '汇总', exact: true }).click();

    const result = page.getByRole('region', { name: '各机关计入情况' });
    await result.waitFor();
    const row = (name: string) => result.getByRole('row', { name: new RegExp(name) });
    await expect.poll(() => row(YL).textContent()).toContain('已计入');
    await expect.poll(() => row(SX).textContent()).toContain('已计入');
    await expect.poll(() => row(LY).textContent()).toMatch(/未计入.*2019年模板/);
    // 表三's 新收 总计: 云岭镇 10 + 松溪乡 6 (林业局's 4 refused).
    const t3 = page.getByRole('table', { name: /表三/ });
    await expect.poll(() => t3.locator('[data-path="applications.newReceived.total"]').textContent()).toBe('16');
    await expect.poll(() => t3.getByRole('rowheader', { name: '一、本年新收政府信息公开申请数量' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('table', { name: /表四/ }).locator('[data-path="appeals.reconsideration.total"]').textContent()).toBe('3');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'analysis-rollup');

    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /下载 Excel/ }).click()]);
    expect(file.suggestedFilename()).toBe('2024年度报告数据.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await readFile((await file.path())!)) as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['机关', '表二', '表三', '表四', '检查发现']);
    const t3sheet = book.getWorksheet('表三')!;
    // Two header rows, then one row per body.
    expect(t3sheet.rowCount).toBe(5);
    expect([3, 4, 5].map((r) => String(t3sheet.getCell(r, 1).value)).sort()).toEqual([YL, SX, LY].sort());
    await context.close();
  });

  it('draws the charts with a data table under each', async () => {
    const { context, page } = await newPage(web.browser);
    await signIn(page, web.server.url, 'sup');
    await page.goto(`${web.server.url}/supervisor/charts`);
    await page.getByRole('heading', { level: 1, name: '申请与办理结果图表' }).waitFor();
    await page.locator('[data-chart="received"] svg').first().waitFor();
    await page.locator('[data-chart="outcomes"] svg').first().waitFor();
    const received = page.getByRole('table', { name: /本年新收政府信息公开申请数量（数据表/ });
    const cells = async (name: string) => (await received.getByRole('row', { name: new RegExp(name) }).getByRole('cell').allTextContents()).map((t) => t.trim());
    // Columns 2023年, 2024年: 云岭镇 6 then 10; 松溪乡 has no 2023 report.
    await expect.poll(() => received.getByRole('columnheader').allTextContents()).toEqual(['机关', '2023年', '2024年']);
    await expect.poll(() => cells(YL)).toEqual(['6', '10']);
    await expect.poll(() => cells(SX)).toEqual(['/', '6']);
    const outcomes = page.getByRole('table', { name: /办理结果分布（数据表/ });
    // 云岭镇 2024: 予以公开 5, 部分公开 1, 不予公开 1, 无法提供 3, 不予处理 0, 其他处理 0, 合计 10.
    const yl2024 = async () => (await outcomes.getByRole('row', { name: `${YL} 2024年` }).getByRole('cell').allTextContents()).map((t) => t.trim());
    await expect.poll(yl2024).toEqual(['5', '1', '1', '3', '0', '0', '10']);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'analysis-charts');

    // Filtering by level: only the department (林业局) stays.
    await page.getByLabel('层级').selectOption('部门');
    await page.getByRole('button', { name: /取消列出的/ }).click();
    await expect.poll(() => received.getByRole('row').count()).toBe(3);
    await expect(received.getByRole('row', { name: new RegExp(LY) }).count()).resolves.toBe(0);
    await context.close();
  });
});
