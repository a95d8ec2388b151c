/// <reference lib="dom" />
/**
 * A supervisor's scope as a region in Chromium: the administrator creates a supervisor on the
 * accounts page with 监督地区 990101, sees the region's name beside the code as typed and in the
 * list (青禾县（990101）及以下); signed in, the supervisor's overview lists every body in 青禾县 and
 * below it, and none of the neighbouring county.
 */
import { describe, expect, it } from 'vitest';
import { observed, writeDirectory } from '../support/directory.js';
import { addAccount, HAVE_CHROMIUM, newPage, screenshot, seriousViolations, serverAndBrowser, signIn } from '../support/web.js';

describe.skipIf(!HAVE_CHROMIUM)('a supervisor scoped to a region in Chromium', () => {
  const web = serverAndBrowser(async ({ deps }) => {
    await writeDirectory(
      deps.db,
      [
        { code: '990100', name: '松江市', level: 'city', parentCode: null },
        { code: '990101', name: '青禾县', level: 'county', parentCode: '990100' },
        { code: '990101001', name: '石泉街道', level: 'township', parentCode: '990101' },
        { code: '990102', name: '白石县', level: 'county', parentCode: '990100' },
      ],
      [observed('qh-gov', '青禾县人民政府', 'county', '990101'), observed('qh-sq', '青禾县石泉街道办事处', 'township', '990101001'), observed('bs-gov', '白石县人民政府', 'county', '990102')],
    );
    await addAccount(deps, 'root', 'admin', []);
  });

  it('creates a county supervisor by region code and shows the county\'s bodies only', async () => {
    const { page } = await newPage(web.browser);
    await signIn(page, web.server.url, 'root');
    await page.goto(`${web.server.url}/admin/users`);
    const form = page.locator('form', { has: page.getByRole('button', { name: '创建账号' }) });
    await form.getByLabel('用户名').fill('qh-sup');
    await form.getByLabel('姓名或单位').fill('青禾县政务公开办');
    await form.getByLabel('初始密码').fill('correct horse battery staple 9');
    await form.getByLabel('角色').selectOption('supervisor');
    await form.getByLabel('监督地区').fill('990101');
    await expect.poll(() => form.getByRole('status').textContent()).toBe('青禾县（990101）');
    await screenshot(page, 'users-supervisor-scope');
    expect(await seriousViolations(page)).toEqual([]);
    await form.getByRole('button', { name: '创建账号' }).click();
    await page.getByText('已创建账号 qh-sup').waitFor();
    const row = page.getByRole('row', { name: /qh-sup/ });
    await expect.poll(() => row.textContent()).toContain('青禾县（990101）及以下');

    const sup = await newPage(web.browser);
    await signIn(sup.page, web.server.url, 'qh-sup', 'correct horse battery staple 9');
    await sup.page.goto(`${web.server.url}/supervisor`);
    const table = sup.page.getByRole('table', { name: /各机关年度报告情况/ });
    await table.waitFor();
    await expect.poll(async () => (await table.locator('tbody th[scope="row"]').allTextContents()).sort()).toEqual(['青禾县人民政府', '青禾县石泉街道办事处'].sort());
  }, 90_000);
});
