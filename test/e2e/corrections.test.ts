/// <reference lib="dom" />
/**
 * A supervisor corrects a published report in Chromium: uploads 柳塘镇's report (written for
 * these tests; its table 三 prints “/” where （一）予以公开's 自然人 should be 3), opens it,
 * chooses the blank number in the tables, fills in 3 with a reason, and sees the cell marked
 * (as read → now), the record of the correction with who and why, and the finding gone; then
 * undoes it and sees the finding back. The body's own officer opens the same page.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../support/shared.js';
import { addAccount, HAVE_CHROMIUM, newPage, screenshot, seriousViolations, serverAndBrowser, signIn } from '../support/web.js';

const FILE = 'liutang-2024.blank-cell.txt';
const CELL = '[data-pane="tables"] td[data-path="applications.granted.naturalPerson"]';
const codesOnPage = (page: Page) => page.locator('.sv-findings button').evaluateAll((els) => els.map((e) => e.getAttribute('data-code') ?? ''));

describe.skipIf(!HAVE_CHROMIUM)('a supervisor corrects a published report in Chromium', () => {
  const web = serverAndBrowser(async ({ deps }) => {
    await deps.register.addBody('lt', '青禾县柳塘镇人民政府', 'test');
    await addAccount(deps, 'sup', 'supervisor', ['lt']);
    await addAccount(deps, 'off-lt', 'officer', ['lt']);
  });
  let page: Page;
  let reportUrl = '';
  beforeAll(async () => {
    page = (await newPage(web.browser)).page;
    await signIn(page, web.server.url, 'sup');
  });

  it('uploads the report and finds the blank cell', async () => {
    await page.goto(`${web.server.url}/supervisor/upload`);
    await page.getByLabel('选择文件（可多选，可包含 ZIP 压缩包）').setInputFiles([join(FIXTURES, 'corrections', FILE)]);
    await page.getByRole('button', { name: '上传并检查' }).click();
    await page.getByRole('heading', { name: '上传结果' }).waitFor({ timeout: 60_000 });
    await page.getByRole('link', { name: FILE, exact: true }).click();
    await page.getByRole('heading', { name: '检查发现' }).waitFor();
    reportUrl = page.url();
    expect(await codesOnPage(page)).toEqual(['VALUE.BLANK']);
    await expect.poll(() => page.locator(`${CELL} button`).textContent()).toBe('/');
    await expect.poll(() => page.getByText('第 1 版（按原文读出，未更正）').count()).toBe(1);
  }, 90_000);

  it('fills the cell with a reason: the cell is marked, the record says who and why, the finding is gone', async () => {
    await page.locator(`${CELL} button`).click();
    const form = page.locator('form.sv-correct');
    await expect.poll(() => form.getByRole('heading').textContent()).toBe('更正单元格：表三“（一）予以公开”行“自然人”列');
    await form.getByLabel('更正为（非负整数；留空表示清除）').fill('3');
    // Without a reason nothing is sent.
    await form.getByRole('button', { name: '保存更正' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toBe('请填写更正理由');
    await form.getByLabel('更正理由（必填，如“与原件核对”）').fill('与镇政府存档的纸质报告核对，应为3件');
    await form.getByRole('button', { name: '保存更正' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: '已更正' }).textContent()).toBe(
      '已更正 表三“（一）予以公开”行“自然人”列 为 3。已保存为第 2 版并重新检查：错误 0 个，警告 0 个。',
    );
    expect(await codesOnPage(page)).toEqual([]);
    await expect.poll(() => page.getByText('未发现问题。').count()).toBe(1);
    const cell = page.locator(CELL);
    expect(await cell.getAttribute('class')).toContain('sv-fixed');
    expect(await cell.locator('button').textContent()).toBe('3');
    expect(await cell.locator('.sv-was').textContent()).toBe('原为空');
    const entry = page.locator('.sv-corrections li').first();
    expect(await entry.textContent()).toContain('表三“（一）予以公开”行“自然人”列，空 → 3');
    expect(await entry.textContent()).toContain('sup（测试）');
    expect(await entry.textContent()).toContain('理由：与镇政府存档的纸质报告核对，应为3件');
    await cell.scrollIntoViewIfNeeded();
    await screenshot(page, 'supervisor-correction');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows the corrected report to the body\'s officer, who undoes the correction: the finding is back', async () => {
    const officer = (await newPage(web.browser)).page;
    await signIn(officer, web.server.url, 'off-lt');
    await officer.goto(reportUrl);
    await officer.getByRole('heading', { name: '检查发现' }).waitFor();
    expect(await officer.locator(CELL).locator('button').textContent()).toBe('3');
    await screenshot(officer, 'supervisor-correction-officer');
    await officer.getByRole('button', { name: '撤销此更正' }).click();
    await officer.getByLabel('撤销理由（必填）').fill('镇里复核后确认原表未填，待重新上报');
    await officer.getByRole('button', { name: '确认撤销' }).click();
    await expect.poll(() => officer.getByRole('status').filter({ hasText: '已撤销' }).textContent()).toContain('恢复为 空。已保存为第 3 版');
    expect(await codesOnPage(officer)).toEqual(['VALUE.BLANK']);
    expect(await officer.locator(CELL).getAttribute('class')).not.toContain('sv-fixed');
    expect(await officer.locator('.sv-corrections li').first().textContent()).toContain('撤销更正：表三“（一）予以公开”行“自然人”列，3 → 空');
    await screenshot(officer, 'supervisor-correction-undone');
  });

  it('refuses the supervisor\'s stale page with a message and a way to refresh', async () => {
    // The supervisor's page still shows version 2; the officer made version 3.
    await page.locator(`${CELL} button`).click();
    await page.getByLabel('更正为（非负整数；留空表示清除）').fill('4');
    await page.getByLabel('更正理由（必填，如“与原件核对”）').fill('再次核对');
    await page.getByRole('button', { name: '保存更正' }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: '该报告已被他人更正或重新上传（当前为第 3 版），请刷新页面查看最新内容后再更正' }).count()).toBe(1);
    await page.getByRole('button', { name: '刷新为最新版本' }).click();
    await expect.poll(() => codesOnPage(page)).toEqual(['VALUE.BLANK']);
    await expect.poll(() => page.getByText('错误 0 个，警告 1 个，提示 0 个').count()).toBe(1);
    await screenshot(page, 'supervisor-correction-stale');
  });
});
