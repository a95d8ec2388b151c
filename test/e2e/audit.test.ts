/// <reference lib="dom" />
/**
 * The audit log in Chromium: the administrator renames a body, opens 审计日志, narrows it to
 * changes of bodies and reads the old name struck through beside the new one; the filters live in
 * the address (a reload or a shared link shows the same view) and the view exports to Excel.
 */
import { describe, expect, it } from 'vitest';
import { writeAudit } from '../../src/store/audit.js';
import { addAccount, HAVE_CHROMIUM, newPage, screenshot, seriousViolations, serverAndBrowser, signIn } from '../support/web.js';

describe.skipIf(!HAVE_CHROMIUM)('the audit log in Chromium', () => {
  const web = serverAndBrowser(async ({ deps }) => {
    await deps.register.addBody('yl', '云岭镇人民政府', 'system:setup');
    await addAccount(deps, 'root', 'admin', []);
    await addAccount(deps, 'officer-yl', 'officer', ['yl']);
    // Other things that happened, so the filters have something to leave out.
    await deps.db.transaction(async (tx) => {
      await writeAudit(tx, 'user:officer-yl', 'set', 'catalogue_settings', 'yl', { reexamineMonths: 12 }, { reexamineMonths: 6 });
      await writeAudit(tx, 'user:root', 'update', 'calendar-override', '2027-02-06', { work: false, source: null }, { work: true, source: '国办发明电〔2026〕7号' });
    });
  });

  it('shows the rename of a body before → after, filtered in the address, and exports it', async () => {
    const { context, page } = await newPage(web.browser);
    await signIn(page, web.server.url, 'root');
    await page.goto(`${web.server.url}/admin/directory`);
    // The body has no region yet: it is listed under 未归入地区的机关, with its edit button.
    await page.getByRole('button', { name: '修改 云岭镇人民政府' }).click();
    await page.getByLabel('名称').fill('青禾县云岭镇人民政府');
    await page.getByRole('button', { name: '保存机关' }).click();
    await page.getByText('已保存机关“青禾县云岭镇人民政府”').waitFor();

    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '审计日志' }).click();
    await page.getByRole('heading', { name: '审计日志', level: 1 }).waitFor();
    const table = page.getByRole('table', { name: '审计日志' });
    await table.waitFor();
    // Unfiltered: the settings change of the officer is there too.
    await expect.poll(() => table.getByText('定期审查间隔（月）').count()).toBe(1);

    await page.getByLabel('操作', { exact: true }).selectOption({ label: '修改' });
    await page.getByLabel('对象类别').selectOption({ label: '机关' });
    await page.getByRole('button', { name: '筛选', exact: true }).click();
    await page.waitForURL((u) => u.searchParams.get('entity') === 'body' && u.searchParams.get('action') === 'update');
    await expect.poll(() => page.getByRole('status').textContent()).toContain('共 1 条');

    const row = table.getByRole('row').nth(1);
    await expect.poll(() => row.getByRole('cell').nth(1).textContent()).toBe('root（测试）（root）');
    expect(await row.getByRole('cell').nth(2).textContent()).toBe('修改');
    expect(await row.getByRole('cell').nth(3).textContent()).toBe('机关：青禾县云岭镇人民政府（编号 yl）');
    const change = row.getByRole('listitem').first();
    expect(await change.textContent()).toBe('名称：云岭镇人民政府 → 青禾县云岭镇人民政府');
    expect(await change.locator('del').textContent()).toBe('云岭镇人民政府');
    expect(await change.locator('ins').textContent()).toBe('青禾县云岭镇人民政府');
    expect(await table.getByText('定期审查间隔（月）').count()).toBe(0);
    // No internal key anywhere in the table.
    expect(await table.textContent()).not.toMatch(/\b(update|upsert|body|catalogue_settings|user:)\b/);
    await screenshot(page, 'admin-audit-filtered');

    // The address is the view: opened afresh, the same filters and the same row.
    await page.reload();
    await expect.poll(() => page.getByLabel('对象类别').evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent)).toBe('机关');
    await expect.poll(() => table.getByText('青禾县云岭镇人民政府（编号 yl）').count()).toBe(1);

    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '按当前筛选导出 Excel' }).click()]);
    expect(file.suggestedFilename()).toMatch(/^审计日志-\d{4}-\d\d-\d\d\.xlsx$/);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('fits a phone: the filters and the changes readable without a sideways page', async () => {
    const { context, page } = await newPage(web.browser, { phone: true });
    await signIn(page, web.server.url, 'root');
    await page.goto(`${web.server.url}/admin/audit?entity=calendar-override`);
    await page.getByText('这一天').waitFor();
    expect(await page.getByRole('listitem').filter({ hasText: '这一天' }).textContent()).toBe('这一天：放假 → 调休上班');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'admin-audit-phone');
    await context.close();
  });
});
