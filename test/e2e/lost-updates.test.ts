/// <reference lib="dom" />
/**
 * Two people editing one record in Chromium: the second to save is told, in Chinese, that someone
 * else saved a newer version and offered 刷新, which shows what the first saved — instead of
 * silently overwriting it. For a catalogue draft (two officers) and a body of the directory (two
 * administrators).
 */
import { describe, expect, it } from 'vitest';
import { addAccount, HAVE_CHROMIUM, newPage, screenshot, serverAndBrowser, signIn } from '../support/web.js';

describe.skipIf(!HAVE_CHROMIUM)('no lost updates in Chromium', () => {
  const web = serverAndBrowser(async ({ deps }) => {
    await deps.register.addBody('yl', '青禾县云岭镇人民政府', 'test');
    await addAccount(deps, 'off', 'officer', ['yl']);
    await addAccount(deps, 'off2', 'officer', ['yl']);
    await addAccount(deps, 'adm', 'admin', []);
    await addAccount(deps, 'adm2', 'admin', []);
  });

  it('two officers edit one draft: the later save is refused with 刷新, which shows the earlier one', async () => {
    const first = await newPage(web.browser);
    const a = first.page;
    await signIn(a, web.server.url, 'off');
    await a.goto(`${web.server.url}/officer/catalogue/new`);
    await a.getByLabel('名称', { exact: true }).fill('云岭镇2026年防汛应急预案');
    await a.getByLabel('主题分类').selectOption({ label: '应急管理' });
    await a.getByLabel('内容概述').fill('明确防汛组织机构和转移安置。');
    await a.getByRole('button', { name: '保存草稿' }).click();
    await a.waitForURL(/\/officer\/catalogue\/items\/\d+/);
    const address = a.url().replace(/\?.*$/, '');

    // The second officer opens the same draft before the first saves again.
    const second = await newPage(web.browser);
    const b = second.page;
    await signIn(b, web.server.url, 'off2');
    await b.goto(address);
    await b.getByLabel('名称', { exact: true }).waitFor();

    await a.getByLabel('名称', { exact: true }).fill('云岭镇2026年防汛应急预案（修订）');
    await a.getByRole('button', { name: '保存草稿' }).click();
    await a.getByRole('status').filter({ hasText: '已保存' }).waitFor();

    await b.getByLabel('内容概述').fill('这段修改基于旧版本。');
    await b.getByRole('button', { name: '保存草稿' }).click();
    const refusal = b.getByRole('alert').filter({ hasText: '已由他人保存了更新的版本' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('您的修改没有保存');
    expect(await refusal.textContent()).not.toMatch(/[A-Za-z]/);
    await screenshot(b, 'lost-updates-catalogue-draft-refused');
    await refusal.getByRole('button', { name: '刷新' }).click();
    await expect.poll(() => b.getByLabel('名称', { exact: true }).inputValue()).toBe('云岭镇2026年防汛应急预案（修订）');
    // After 刷新 the second officer edits the latest version and may save.
    await b.getByLabel('内容概述').fill('在最新版本上修改。');
    await b.getByRole('button', { name: '保存草稿' }).click();
    await b.getByRole('status').filter({ hasText: '已保存' }).waitFor();
    await first.context.close();
    await second.context.close();
  });

  it('two administrators edit one body: the later save is refused with 刷新', async () => {
    const pages = [];
    for (const who of ['adm', 'adm2']) {
      const p = await newPage(web.browser);
      await signIn(p.page, web.server.url, who);
      await p.page.goto(`${web.server.url}/admin/directory`);
      await p.page.getByRole('button', { name: '修改 青禾县云岭镇人民政府' }).click();
      await p.page.getByRole('heading', { name: '修改机关：青禾县云岭镇人民政府' }).waitFor();
      pages.push(p);
    }
    const [a, b] = pages.map((p) => p.page) as [typeof pages[0]['page'], typeof pages[0]['page']];
    await a.getByLabel('别名').fill('云岭镇');
    await a.getByRole('button', { name: '保存机关' }).click();
    await a.getByRole('status').filter({ hasText: '已保存机关' }).waitFor();
    // Saving again from the page that saved is not a conflict with itself.
    await a.getByLabel('别名').fill('云岭镇、云岭');
    const [again] = await Promise.all([
      a.waitForResponse((r) => r.url().includes('/api/admin/directory/bodies/') && r.request().method() === 'PUT'),
      a.getByRole('button', { name: '保存机关' }).click(),
    ]);
    expect(again.status()).toBe(200);

    await b.getByLabel('别名').fill('云岭乡');
    await b.getByRole('button', { name: '保存机关' }).click();
    const refusal = b.getByRole('alert').filter({ hasText: '已由他人保存了更新的版本' });
    await refusal.waitFor();
    await screenshot(b, 'lost-updates-directory-body-refused');
    await refusal.getByRole('button', { name: '刷新' }).click();
    await b.getByRole('heading', { level: 1, name: '机关名录' }).waitFor();
    for (const p of pages) await p.context.close();
  });
});
