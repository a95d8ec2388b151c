/**
 * A report not yet final (定稿) says 草稿 in every file made of it — where a reader of the file
 * sees it: the HTML page's text and tab title, the Word document's body and each page's header,
 * the plain text — and a final one says nothing of it.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { reportFromRegister } from '../../src/register/annual.js';
import { render } from '../../src/render/render.js';

const report = reportFromRegister({ unit: '青禾县杉坪乡人民政府', year: 2025, applications: [], appeals: [], documents: [] });
const MARK = '草稿（尚未定稿，不得发布）';

async function wordParts(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files).filter((n) => /^word\/(document|header\d*)\.xml$/.test(n));
  const texts = await Promise.all(names.map(async (n) => [n, (await zip.file(n)!.async('string')).replace(/<[^>]+>/g, '')] as const));
  return Object.fromEntries(texts);
}

describe('the 草稿 mark', () => {
  it('heads a draft in HTML, above the title, and in the page title', async () => {
    const html = new TextDecoder().decode(await render(report, 'html', { draft: true }));
    expect(html).toContain(`<p class="draft-mark">${MARK}</p>\n<h1>青禾县杉坪乡人民政府2025年政府信息公开工作年度报告</h1>`);
    expect(html).toContain('<title>【草稿】青禾县杉坪乡人民政府2025年政府信息公开工作年度报告</title>');
  });

  it('is in a draft Word document’s body and in the header every page carries', async () => {
    const parts = await wordParts(await render(report, 'docx', { draft: true }));
    expect(parts['word/document.xml']).toContain(MARK);
    const headers = Object.entries(parts).filter(([n]) => n.startsWith('word/header'));
    expect(headers.map(([, text]) => text)).toEqual([MARK]);
  });

  it('opens the plain text and markdown of a draft', async () => {
    expect(new TextDecoder().decode(await render(report, 'txt', { draft: true })).split('\n')[0]).toBe(MARK);
    expect(new TextDecoder().decode(await render(report, 'md', { draft: true })).split('\n')[0]).toBe(`**${MARK}**`);
  });

  it('is absent from a final report in every format', async () => {
    for (const format of ['html', 'txt', 'md'] as const) {
      expect(new TextDecoder().decode(await render(report, format)), format).not.toContain('草稿');
    }
    const parts = await wordParts(await render(report, 'docx'));
    expect(Object.keys(parts)).toEqual(['word/document.xml']);
    expect(parts['word/document.xml']).not.toContain('草稿');
  });
});
