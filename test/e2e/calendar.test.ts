/// <reference lib="dom" />
/**
 * The administrator loads 2027's holiday notice in a real browser: pastes the text, checks the proposal, saves
 * it with “该年已完整”, and the year shows as complete; the working-day calendar then answers firmly for 2027.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addAccount, HAVE_CHROMIUM, newPage, screenshot, seriousViolations, serverAndBrowser, signIn } from '../support/web.js';

const NOTICE_2027 = readFileSync(new URL('../calendar/fixtures/notice-2027.txt', import.meta.url), 'utf8');

describe.skipIf(!HAVE_CHROMIUM)('the calendar page in Chromium', () => {
  const web = serverAndBrowser(async ({ deps }) => {
    await addAccount(deps, 'root', 'admin', []);
  });

  it('pastes the notice, confirms the proposal and marks 2027 complete', async () => {
    const { context, page } = await newPage(web.browser);
    await signIn(page, web.server.url, 'root');
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '节假日' }).click();
    await expect.poll(() => page.getByRole('heading', { name: '载入国务院办公厅的节假日通知' }).count()).toBe(1);
    await page.getByLabel('通知正文').fill(NOTICE_2027);
    await page.getByRole('button', { name: '识别通知' }).click();
    await expect.poll(() => page.getByRole('heading', { name: '2027 年安排（请核对）' }).count()).toBe(1);
    expect(await page.getByLabel('依据（文号）').inputValue()).toBe('国办发明电〔2026〕99号');
    await expect.poll(() => page.getByText('13 个法定节假日都在放假日期中').count()).toBe(1);
    await screenshot(page, 'admin-calendar-proposal');
    await page.getByRole('button', { name: '保存 2027 年安排' }).click();
    await expect.poll(() => page.getByText('已保存 2027 年的安排：放假 29 天，调休上班 6 天，该年已完整').count()).toBe(1);
    const row = page.getByRole('row', { name: /2027/ });
    await expect.poll(() => row.getByText('已完整', { exact: true }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'admin-calendar-saved');
    expect((await web.server.deps.calendar()).addWorkingDays('2026-12-04', 20)).toEqual({ date: '2027-01-04', provisional: false });
    await context.close();
  });
});
