/// <reference lib="dom" />
/**
 * Findings as work in Chromium. 桃溪镇's 2024 report (written for these tests) has two warnings:
 * a blank cell in table 三 and no word on processing fees in section 六. The supervisor opens
 * 问题清单, confirms the first, dismisses the second with a reason, filters by state (the filter
 * stays in the address), and downloads the 整改通知书 with an answer deadline; the body's officer
 * opens 整改事项, sees the confirmed item with its deadline and answers it; the supervisor sees
 * it 已整改.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import mammoth from 'mammoth';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { uploadReports } from '../../src/app/supervision/upload.js';
import { FIXTURES } from '../support/shared.js';
import { addAccount, HAVE_CHROMIUM, newPage, screenshot, seriousViolations, serverAndBrowser, signIn } from '../support/web.js';

const FILE = 'taoxi-2024.txt';
const BLANK = '表三“（一）予以公开”行“自然人”列';
const WHAT_BLANK = `青禾县桃溪镇人民政府2024年度${BLANK}的问题`;
const WHAT_FEE = '青禾县桃溪镇人民政府2024年度第六部分的问题';

describe.skipIf(!HAVE_CHROMIUM)('a supervisor confirms and dismisses findings; the officer answers, in Chromium', () => {
  const web = serverAndBrowser(async ({ deps }) => {
    await deps.register.addBody('tx', '青禾县桃溪镇人民政府', 'test');
    await addAccount(deps, 'sup', 'supervisor', ['tx']);
    await addAccount(deps, 'off-tx', 'officer', ['tx']);
    const [sup] = await deps.db.query<{ id: number }>("SELECT id FROM users WHERE username = 'sup'");
    const bytes = new Uint8Array(readFileSync(join(FIXTURES, 'findings-work', FILE)));
    await uploadReports(deps, { id: Number(sup!.id), username: 'sup', displayName: 'sup（测试）', role: 'supervisor', bodies: ['tx'] }, {
      files: [{ file: FILE, bytes }],
      limits: deps.config.upload,
    });
  });
  let page: Page;
  const row = (place: string) => page.locator('table.fw-issues tbody tr', { hasText: place });

  beforeAll(async () => {
    page = (await newPage(web.browser)).page;
    await signIn(page, web.server.url, 'sup');
  });

  it('lists both findings as 待审核 under 问题清单 in the menu', async () => {
    await page.getByRole('link', { name: '问题清单' }).click();
    await page.getByRole('heading', { name: '问题清单' }).waitFor();
    await expect.poll(() => page.locator('table.fw-issues tbody tr').count()).toBe(2);
    expect(await row(BLANK).locator('td').nth(3).textContent()).toBe('待审核');
    expect(await row('第六部分').locator('td').nth(3).textContent()).toBe('待审核');
    await screenshot(page, 'findings-issues-new');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('confirms the blank cell and dismisses the fee finding with a reason', async () => {
    await page.getByRole('button', { name: `确认${WHAT_BLANK}` }).click();
    await expect.poll(() => page.getByText(`已确认${WHAT_BLANK}，已列为该机关的整改事项。`).count()).toBe(1);
    await expect.poll(() => row(BLANK).locator('td').nth(3).textContent()).toBe('已确认（整改中）');

    await page.getByRole('button', { name: `驳回${WHAT_FEE}` }).click();
    const form = page.getByRole('form', { name: `驳回${WHAT_FEE}` });
    await form.getByRole('button', { name: '确认驳回' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toBe('请填写驳回理由');
    await form.getByLabel('驳回理由（必填）').fill('该镇第一部分已写明未收取任何费用');
    await form.getByRole('button', { name: '确认驳回' }).click();
    await expect.poll(() => row('第六部分').locator('td').nth(3).textContent()).toBe('已驳回驳回理由：该镇第一部分已写明未收取任何费用');
    // Decided: the form is gone, the row offers to confirm it after all.
    expect(await form.count()).toBe(0);
    expect(await page.getByRole('button', { name: `确认${WHAT_FEE}` }).count()).toBe(1);
    await screenshot(page, 'findings-issues-decided');
  });

  it('filters by state, the filter kept in the address', async () => {
    await page.getByLabel('状态').selectOption('dismissed');
    await page.getByRole('button', { name: '筛选' }).click();
    await expect.poll(() => page.url()).toContain('status=dismissed');
    await expect.poll(() => page.locator('table.fw-issues tbody tr').count()).toBe(1);
    await page.reload();
    await expect.poll(() => page.locator('table.fw-issues tbody tr').count()).toBe(1);
    expect(await page.getByLabel('状态').inputValue()).toBe('dismissed');
    expect(await row('第六部分').count()).toBe(1);
  });

  it('downloads the 整改通知书 with the deadline: it lists the confirmed finding with its cell', async () => {
    await page.goto(`${web.server.url}/supervisor/issues`);
    const form = page.getByRole('form', { name: '下载整改通知书' });
    await form.getByLabel('机关').selectOption('tx');
    await form.getByLabel('年度').selectOption('2024');
    await form.getByLabel('答复期限').fill('2026-04-15');
    const [file] = await Promise.all([page.waitForEvent('download'), form.getByRole('button', { name: '下载整改通知书（Word）' }).click()]);
    expect(file.suggestedFilename()).toBe('青禾县桃溪镇人民政府2024年度政府信息公开工作年度报告问题的整改通知书.docx');
    const { value: text } = await mammoth.extractRawText({ buffer: await readFile((await file.path())!) });
    expect(text).toContain(`一、${BLANK}`);
    expect(text).toContain('2026年4月15日前');
    expect(text).not.toContain('信息处理费');
    await form.scrollIntoViewIfNeeded();
    await screenshot(page, 'findings-notice-form');
  });

  it('shows the officer the confirmed item with its deadline; the officer answers it', async () => {
    const officer = (await newPage(web.browser)).page;
    await signIn(officer, web.server.url, 'off-tx');
    await officer.getByRole('link', { name: '整改事项' }).click();
    await officer.getByRole('heading', { name: '整改事项' }).waitFor();
    const items = officer.locator('table.fw-issues tbody tr');
    await expect.poll(() => items.count()).toBe(1);
    expect(await items.first().locator('td').nth(0).textContent()).toBe(BLANK);
    expect(await items.first().locator('td').nth(2).textContent()).toBe('2026年4月15日');
    await officer.getByLabel('整改情况（可不填）').fill('已按存档的纸质报告补填为3件，并重新公布');
    await officer.getByRole('button', { name: '提交整改情况' }).click();
    await expect.poll(() => officer.getByText(`已提交${BLANK}的整改情况。`).count()).toBe(1);
    await expect.poll(() => items.first().locator('.badge').textContent()).toBe('已整改');
    expect(await items.first().textContent()).toContain('答复：已按存档的纸质报告补填为3件，并重新公布');
    await screenshot(officer, 'findings-officer-answered');
    expect(await seriousViolations(officer)).toEqual([]);
  });

  it('shows the supervisor the answer, ready to accept', async () => {
    await page.goto(`${web.server.url}/supervisor/issues?status=answered`);
    await expect.poll(() => page.locator('table.fw-issues tbody tr').count()).toBe(1);
    expect(await row(BLANK).textContent()).toContain('整改情况：已按存档的纸质报告补填为3件，并重新公布');
    await page.getByRole('button', { name: `核销${WHAT_BLANK}` }).click();
    await expect.poll(() => page.getByText(`已核销${WHAT_BLANK}。`).count()).toBe(1);
    await screenshot(page, 'findings-issues-accepted');
  });
});
