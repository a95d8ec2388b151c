/// <reference lib="dom" />
/**
 * The administrator's directory in a real browser: a file with a wrong row is refused with the row
 * named; the corrected file goes in and the region tree shows the city, its county and the bodies
 * with their status; a body is switched to 在本系统办理 and the public list then offers it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addAccount, HAVE_CHROMIUM, newPage, screenshot, seriousViolations, serverAndBrowser, signIn } from '../support/web.js';

const ROWS = [
  '代码,名称,层级,上级代码,别名,在本系统办理,统一社会信用代码',
  '330100,青禾市人民政府,市级,,,否,',
  '330106,青禾县人民政府,县级,330100,青禾县政府,是,',
  '330106001,青禾县石泉街道办事处,乡镇（街道）,330106,石泉街道办事处、石泉街道,否,',
  'qh-zr,青禾县自然资源局,部门,330106,,是,',
];

describe.skipIf(!HAVE_CHROMIUM)('the directory page in Chromium', () => {
  const web = serverAndBrowser(async ({ deps }) => {
    await addAccount(deps, 'root', 'admin', []);
  });

  it('refuses a wrong row, imports the file, shows the tree and edits a body', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-directory-'));
    const bad = join(dir, '名录-有误.csv');
    writeFileSync(bad, [...ROWS, 'qh-jy,青禾县教育局,部门,339999,,是,'].join('\n'));
    const good = join(dir, '名录.csv');
    writeFileSync(good, ROWS.join('\n'));

    const { context, page } = await newPage(web.browser);
    await signIn(page, web.server.url, 'root');
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '机关名录' }).click();
    await expect.poll(() => page.getByRole('heading', { name: '地区和机关' }).count()).toBe(1);

    await page.getByLabel('名录文件').setInputFiles(bad);
    await page.getByRole('button', { name: '导入', exact: true }).click();
    await expect.poll(() => page.getByText('第 6 行：上级代码“339999”既不在本文件中，也不在现有名录中').count()).toBe(1);
    expect(await page.getByText('未导入任何内容', { exact: false }).count()).toBe(1);

    await page.getByLabel('名录文件').setInputFiles(good);
    await page.getByRole('button', { name: '导入', exact: true }).click();
    await expect.poll(() => page.getByText('已导入：地区 3 个；机关新增 4 个、更新 0 个（在本系统办理 2 个，仅收录 2 个）').count()).toBe(1);
    await expect.poll(() => page.getByText('共 3 个地区、4 个机关').count()).toBe(1);
    // The one root (the city) is open; the county opens on a click and shows its bodies.
    await page.getByText('330106', { exact: true }).click();
    await page.getByText('330106001', { exact: true }).click();
    await expect.poll(() => page.getByText('别名：石泉街道办事处、石泉街道').count()).toBe(1);
    expect(await page.getByText('仅收录', { exact: true }).count()).toBe(2);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'admin-directory-tree');

    await page.getByRole('button', { name: '修改 青禾县石泉街道办事处' }).click();
    await expect.poll(() => page.getByRole('heading', { name: '修改机关：青禾县石泉街道办事处' }).count()).toBe(1);
    await page.getByLabel('在本系统办理（受理申请、有经办人、发布目录）').check();
    await page.getByRole('button', { name: '保存机关' }).click();
    await expect.poll(() => page.getByText('已保存机关“青禾县石泉街道办事处”').count()).toBe(1);
    await expect.poll(() => page.getByText('仅收录', { exact: true }).count()).toBe(1);
    await screenshot(page, 'admin-directory-edited');

    const listed = (await (await fetch(`${web.server.url}/api/bodies`)).json()) as { id: string }[];
    expect(listed.map((b) => b.id).sort()).toEqual(['330106', '330106001', 'qh-zr']);
    await context.close();
  });
});
