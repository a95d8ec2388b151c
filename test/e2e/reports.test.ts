/// <reference lib="dom" />
/**
 * The annual-report editor in Chromium: an officer opens 2025's report pre-filled from the
 * register, a wrong number typed into table 三 is marked at its cell before anything is saved,
 * the mark goes when the number is put right, and the saved report is previewed in the official
 * layout and downloaded as Word (marked 草稿). A reviewer sees the same report read-only. 定稿 is
 * refused while the drafting prompts stand, saying why, and granted once the text is written: the
 * Word file then carries no 草稿 mark.
 */
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appendEvent, logApplication } from '../../src/app/register/writes.js';
import { parseFile } from '../../src/ingest.js';
import type { RunningServer } from '../../src/server/start.js';
import { addAccount, HAVE_CHROMIUM, newPage, screenshot, seriousViolations, serverAndBrowser, signIn } from '../support/web.js';

const UNIT = '青禾县桃溪镇人民政府';

/**
 * 2025 by hand: received B, C (自然人) and D (商业企业); A (自然人) carried over from 2024.
 * A and B granted, C 本机关不掌握, D still open at the year's end.
 * 本年新收 自然人 2, 商业企业 1, 总计 3; 上年结转 1; 予以公开 自然人 2; 结转下年度 商业企业 1.
 */
async function seed(server: RunningServer): Promise<void> {
  const reg = server.deps.register;
  await reg.addBody('tx', UNIT, 'test');
  const add = (id: string, type: string, receivedOn: string) =>
    logApplication(server.deps, 'test', 'tx', { id, applicant: { type, name: `申请人${id}` }, description: `某村道路建设资料 ${id}`, channel: 'online', receivedOn });
  await add('A', 'naturalPerson', '2024-12-23');
  await appendEvent(server.deps, 'test', 'A', { kind: 'replied', on: '2025-01-08', outcome: 'granted' });
  await add('B', 'naturalPerson', '2025-04-01');
  await appendEvent(server.deps, 'test', 'B', { kind: 'replied', on: '2025-04-15', outcome: 'granted' });
  await add('C', 'naturalPerson', '2025-08-11');
  await appendEvent(server.deps, 'test', 'C', { kind: 'replied', on: '2025-08-29', outcome: 'unavailable.notHeld' });
  await add('D', 'commercial', '2025-12-24');
  await addAccount(server.deps, 'officer', 'officer', ['tx']);
  await addAccount(server.deps, 'reviewer', 'reviewer', ['tx']);
}

/** The Word document's body and page headers as text. */
async function wordText(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = Object.keys(zip.files).filter((n) => /^word\/(document|header\d*)\.xml$/.test(n));
  return (await Promise.all(parts.map((n) => zip.file(n)!.async('string')))).join('\n').replace(/<[^>]+>/g, '');
}

const cellInput = (page: Page, path: string) => page.locator(`input[data-at="${path}"]`);
const cellOf = (page: Page, path: string) => page.locator(`td:has(> input[data-at="${path}"])`);

describe.skipIf(!HAVE_CHROMIUM)('annual report editor in Chromium', () => {
  const web = serverAndBrowser(seed, { timeout: 120_000 });

  it('pre-fills from the register, marks a wrong number at its cell as it is typed, saves, previews and downloads Word', async () => {
    const { context, page } = await newPage(web.browser);
    await signIn(page, web.server.url, 'officer');
    await page.goto(`${web.server.url}/officer/reports`);
    // Today is 2026-03-02: the year offered is 2025.
    await expect.poll(() => page.getByLabel('报告年度').inputValue()).toBe('2025');
    await page.getByRole('button', { name: '编写该年度报告' }).click();
    await page.waitForURL((u) => u.pathname === '/officer/reports/2025');
    await page.getByRole('heading', { level: 1, name: `${UNIT}2025年政府信息公开工作年度报告` }).waitFor();

    // Table 三 as the register counts it, each input named by its row and column.
    const named = (name: string) => page.getByRole('textbox', { name, exact: true });
    await expect.poll(() => named('表三“一、本年新收政府信息公开申请数量”行“自然人”列').inputValue()).toBe('2');
    await expect.poll(() => named('表三“一、本年新收政府信息公开申请数量”行“商业企业”列').inputValue()).toBe('1');
    await expect.poll(() => named('表三“一、本年新收政府信息公开申请数量”行“总计”列').inputValue()).toBe('3');
    await expect.poll(() => named('表三“二、上年结转政府信息公开申请数量”行“总计”列').inputValue()).toBe('1');
    await expect.poll(() => named('表三“（一）予以公开”行“自然人”列').inputValue()).toBe('2');
    await expect.poll(() => named('表三“1.本机关不掌握相关政府信息”行“自然人”列').inputValue()).toBe('1');
    await expect.poll(() => named('表三“四、结转下年度继续办理”行“商业企业”列').inputValue()).toBe('1');
    await expect(page.locator('td.cell-error').count()).resolves.toBe(0);
    await screenshot(page, 'report-prefilled');

    // A wrong number: the finding appears at that cell, without saving.
    const granted = 'applications.granted.naturalPerson';
    await cellInput(page, granted).fill('5');
    const message = cellOf(page, granted).locator('.cell-msg');
    await message.waitFor({ state: 'visible' });
    await expect.poll(() => message.textContent()).toMatch(/“（一）予以公开”行：“总计”写作 2，六类申请人之和为 5/);
    await expect.poll(() => message.textContent()).toContain('最可能的更正：表三“（一）予以公开”行“自然人”列 5 → 2');
    await expect.poll(() => cellInput(page, granted).getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => cellOf(page, granted).locator('.reg-diff').textContent()).toBe('台账 2');
    await expect.poll(() => page.locator('.findings-list').textContent()).toContain('T3.ROW_TOTAL');
    await screenshot(page, 'report-live-finding');
    const unsaved = await web.server.deps.db.query('SELECT 1 FROM report_drafts');
    expect(unsaved).toHaveLength(0);

    // Put right: the mark goes.
    await cellInput(page, granted).fill('2');
    await message.waitFor({ state: 'detached' });
    await expect.poll(() => cellInput(page, granted).getAttribute('aria-invalid')).toBeNull();
    await expect(page.locator('td.cell-error').count()).resolves.toBe(0);
    // What errors remain are the drafting prompts of sections 一, 五 and 六, not the tables.
    await expect.poll(() => page.locator('.report-toolbar-status').textContent()).toContain('3 个错误');
    await expect.poll(() => page.locator('.findings-list').textContent()).not.toContain('T3.ROW_TOTAL');

    // An emptied cell is "no figure" — saved as null and printed “/”, never 0.
    await cellInput(page, 'applications.granted.research').fill('');
    await cellOf(page, 'applications.granted.research').locator('.cell-msg').waitFor();
    await expect.poll(() => cellOf(page, 'applications.granted.research').getAttribute('class')).toContain('cell-warning');
    await expect.poll(() => cellOf(page, 'applications.granted.research').locator('.cell-msg').textContent()).toContain('发布时将印作“/”');
    await page.getByLabel('发布日期（落款日期）').fill('2026-01-20');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText('已保存（第 1 版）').waitFor();
    const saved = await web.server.deps.db.query<{ model: { publishedOn: string; applications: Record<string, Record<string, number | null>> } }>("SELECT model FROM report_drafts WHERE body_id = 'tx' AND year = 2025");
    expect(saved[0]!.model.publishedOn).toBe('2026-01-20');
    expect(saved[0]!.model.applications.granted!.naturalPerson).toBe(2);
    expect(saved[0]!.model.applications.granted!.research).toBeNull();

    // The preview shows the official table.
    await page.getByRole('button', { name: '预览' }).click();
    const frame = page.frameLocator('iframe[title="年度报告预览（官方版式）"]');
    const table3 = frame.locator('table[aria-label="表三"]');
    await table3.waitFor();
    await expect.poll(() => table3.locator('td[data-path="applications.newReceived.total"]').textContent()).toBe('3');
    await expect.poll(() => table3.textContent()).toContain('（一）予以公开');
    await expect.poll(() => table3.locator('td[data-path="applications.granted.research"]').textContent()).toBe('/');
    await screenshot(page, 'report-preview');

    // Word: a real .docx under the report's name.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 Word' }).click()]);
    expect(download.suggestedFilename()).toBe(`${UNIT}2025年政府信息公开工作年度报告（草稿）.docx`);
    const bytes = new Uint8Array(await readFile((await download.path())!));
    expect(await wordText(bytes)).toContain('草稿（尚未定稿，不得发布）');
    const parsed = await parseFile(bytes);
    expect(parsed.format).toBe('docx');
    expect(parsed.report.applications.newReceived).toMatchObject({ naturalPerson: 2, commercial: 1, total: 3 });

    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('shows a reviewer the saved report read-only, on a phone', async () => {
    const { context, page } = await newPage(web.browser, { phone: true });
    await signIn(page, web.server.url, 'reviewer');
    await page.goto(`${web.server.url}/officer/reports/2025`);
    const total = page.getByRole('textbox', { name: '表三“一、本年新收政府信息公开申请数量”行“总计”列', exact: true });
    await total.waitFor();
    await expect.poll(() => total.getAttribute('readonly')).not.toBeNull();
    await expect(page.getByRole('button', { name: '保存', exact: true }).count()).resolves.toBe(0);
    await expect.poll(() => page.getByText('您只能查看此报告').count()).toBe(1);
    await screenshot(page, 'report-reviewer');

    await page.getByRole('link', { name: '← 全部年度' }).click();
    const row = page.getByRole('row', { name: /2025年度报告/ });
    await row.waitFor();
    await expect.poll(() => row.textContent()).toContain('已保存草稿');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'report-list');
    await context.close();
  });

  it('refuses 定稿 while the drafting prompts stand, saying why, and grants it once the text is written', async () => {
    const { context, page } = await newPage(web.browser);
    await signIn(page, web.server.url, 'officer');
    await page.goto(`${web.server.url}/officer/reports/2025`);
    const finalize = page.getByRole('button', { name: '定稿', exact: true });
    await finalize.waitFor();
    await finalize.click();
    const refusal = page.getByText('报告还有 3 个错误，不能定稿');
    await refusal.waitFor();
    await expect.poll(() => refusal.textContent()).toContain('错误在“一、总体情况”“五、存在的主要问题及改进情况”“六、其他需要报告的事项”');
    await expect.poll(() => page.locator('.findings-list').textContent()).toContain('（请补充主动公开信息的数量、渠道和重点领域。）');
    // Taken to the first of them: section 一's text.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-at'))).toBe('sections.1');
    await expect.poll(() => page.locator('.report-toolbar-status').textContent()).toContain('有错误，不能定稿');
    await screenshot(page, 'report-finalize-refused');
    const stored = await web.server.deps.db.query<{ finalized_at: string | null }>("SELECT finalized_at FROM report_drafts WHERE body_id = 'tx' AND year = 2025");
    expect(stored[0]!.finalized_at).toBeNull();

    const section = (no: number) => page.locator(`textarea[data-at="sections.${no}"]`);
    await section(1).fill('2025年，桃溪镇依照《中华人民共和国政府信息公开条例》做好政府信息公开工作。全年在镇政府网站主动公开信息61条，其中通知公告23条。');
    await section(5).fill('村级公开栏更新不够及时。2026年，桃溪镇将每月检查一次各村公开栏。');
    await section(6).fill('本年度桃溪镇未收取政府信息公开信息处理费。');
    await expect.poll(() => page.locator('.report-toolbar-status').textContent()).toContain('0 个错误');
    await finalize.click();
    await page.getByText('已定稿。下载的 HTML、Word、PDF 不再标注“草稿”').waitFor();
    await expect.poll(() => page.locator('.report-toolbar-status').textContent()).toMatch(/^已定稿/);
    await expect(finalize.count()).resolves.toBe(0);
    await screenshot(page, 'report-finalized');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 Word' }).click()]);
    expect(download.suggestedFilename()).toBe(`${UNIT}2025年政府信息公开工作年度报告.docx`);
    const text = await wordText(new Uint8Array(await readFile((await download.path())!)));
    expect(text).not.toContain('草稿');
    expect(text).toContain('本年度桃溪镇未收取政府信息公开信息处理费。');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
