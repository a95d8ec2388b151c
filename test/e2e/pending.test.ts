/// <reference lib="dom" />
/**
 * 待匹配 in Chromium: a city supervisor (scope 松江市, its two counties below) uploads three
 * reports through the upload page — one matched by full name, one whose short name 教育局 is two
 * bodies of the city, one whose body is not in the directory. The results say 已匹配（全称） and
 * 待匹配; on /supervisor/pending the supervisor picks 青禾县教育局 for the first and creates
 * 青禾县林业局 in 青禾县 for the second, and the list empties. Nothing is created before that.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { observed, scopeTo, writeDirectory } from '../support/directory.js';
import { reportOf } from '../support/report-text.js';
import { addAccount, HAVE_CHROMIUM, newPage, screenshot, seriousViolations, serverAndBrowser, signIn } from '../support/web.js';

const file = (name: string, unit: string) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(reportOf(unit)) });

describe.skipIf(!HAVE_CHROMIUM)('a supervisor resolves 待匹配 in Chromium', () => {
  const web = serverAndBrowser(async ({ deps }) => {
    await writeDirectory(
      deps.db,
      [
        { code: '990100', name: '松江市', level: 'city', parentCode: null },
        { code: '990101', name: '青禾县', level: 'county', parentCode: '990100' },
        { code: '990102', name: '白石县', level: 'county', parentCode: '990100' },
      ],
      [observed('qh-gov', '青禾县人民政府', 'county', '990101'), observed('qh-edu', '青禾县教育局', 'department', '990101'), observed('bs-edu', '白石县教育局', 'department', '990102')],
    );
    await addAccount(deps, 'city', 'supervisor', []);
    await scopeTo(deps.db, 'city', ['990100']);
  });
  let page: Page;
  const bodyCount = async () => Number((await web.server.deps.db.query<{ n: string }>('SELECT count(*) AS n FROM bodies'))[0]!.n);
  beforeAll(async () => {
    page = (await newPage(web.browser)).page;
    await signIn(page, web.server.url, 'city');
  });

  it('uploads three reports: one matched, two waiting, no body made', async () => {
    await page.goto(`${web.server.url}/supervisor/upload`);
    await page.getByLabel('选择文件（可多选，可包含 ZIP 压缩包）').setInputFiles([
      file('县政府.txt', '青禾县人民政府'),
      file('教育局.txt', '教育局'),
      file('林业局.txt', '青禾县林业局'),
    ]);
    await page.getByRole('button', { name: '上传并检查' }).click();
    await page.getByRole('heading', { name: '上传结果' }).waitFor({ timeout: 60_000 });
    const row = (name: string) => page.getByRole('row', { name: new RegExp(`^${name}`) });
    await expect.poll(() => row('县政府.txt').textContent()).toContain('已匹配（全称）');
    await expect.poll(() => row('教育局.txt').textContent()).toContain('待匹配');
    await expect.poll(() => row('教育局.txt').textContent()).toContain('2 个候选，去选择');
    await expect.poll(() => row('林业局.txt').textContent()).toContain('去选择或新建');
    await expect.poll(() => page.getByText('其中 2 份报告未能在您的监督范围内确定机关').count()).toBe(1);
    expect(await bodyCount()).toBe(3);
    await screenshot(page, 'pending-upload-results');
    expect(await seriousViolations(page)).toEqual([]);
  }, 90_000);

  it('picks a candidate for 教育局 and creates 青禾县林业局 inside the scope', async () => {
    await page.getByRole('link', { name: '请到“待匹配”选择或新建机关' }).click();
    await page.getByRole('heading', { name: '待匹配', level: 1 }).waitFor();
    const edu = page.getByRole('region', { name: /^教育局/ });
    await edu.waitFor();
    // The two 教育局 of the city, with their counties.
    await expect.poll(() => edu.getByRole('radio').count()).toBe(2);
    await edu.getByLabel('青禾县教育局（青禾县，部门）').check();
    const forest = page.getByRole('region', { name: /^青禾县林业局/ });
    await forest.getByText('名录中没有这个机关：在监督范围内新建').click();
    await screenshot(page, 'pending-list');
    expect(await seriousViolations(page)).toEqual([]);

    await edu.getByRole('button', { name: '归入所选机关' }).click();
    await page.getByText('“教育局.txt”已归入青禾县教育局').waitFor();
    await expect.poll(() => page.getByRole('region', { name: /^教育局/ }).count()).toBe(0);

    const form = page.getByRole('form', { name: '为“林业局.txt”新建机关' });
    await expect.poll(() => form.getByLabel('机关全称').inputValue()).toBe('青禾县林业局');
    // Only the city and its counties are offered.
    await expect.poll(() => form.getByLabel('所属地区').locator('option').allTextContents()).toEqual(['请选择', '松江市（990100）', '青禾县（990101）', '白石县（990102）']);
    await form.getByLabel('所属地区').selectOption('990101');
    await form.getByRole('button', { name: '新建机关并归入' }).click();
    await page.getByText('没有待匹配的报告。').waitFor();
    await screenshot(page, 'pending-done');
    const made = await web.server.deps.db.query<{ name: string; region_code: string; works_here: boolean }>(`SELECT name, region_code, works_here FROM bodies WHERE name = '青禾县林业局'`);
    expect(made).toEqual([{ name: '青禾县林业局', region_code: '990101', works_here: false }]);
    const audit = await web.server.deps.db.query<{ action: string; entity: string }>(`SELECT action, entity FROM audit_log WHERE actor = 'user:city' AND action IN ('create', 'match') ORDER BY seq`);
    expect(audit).toEqual([
      { action: 'match', entity: 'published-report' },
      { action: 'create', entity: 'body' },
      { action: 'match', entity: 'published-report' },
    ]);
  }, 90_000);
});
