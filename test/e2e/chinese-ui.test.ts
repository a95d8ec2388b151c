/// <reference lib="dom" />
/**
 * The Chinese UI shows no English and no internal keys. Every role walks every page it can
 * reach by following links from its menu, on the demo's data (so lists and details have
 * content), and each page's visible text, title, placeholders, labels and options are searched
 * for Latin words. What may be Latin is named here: product and format names, units, and data
 * that is an identifier by nature (a user name, a body code, a query code), which the UI marks
 * as such with <code> or translate="no" so that neither this test nor a browser's translator
 * treats it as prose.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, loadDemoData } from '../../src/app/demo.js';
import { hashPassword } from '../../src/app/accounts/password.js';
import { HAVE_CHROMIUM, newPage, screenshot, serverAndBrowser, signIn, TEST_PASSWORD } from '../support/web.js';

/** Latin words a Chinese government user reads every day. */
const ALLOWED = new Set(
  ['gongkai', 'PDF', 'Word', 'Excel', 'HTML', 'CSV', 'JSON', 'ZIP', 'DOCX', 'DOC', 'WPS', 'XLSX', 'OFD', 'TXT', 'OCR', 'URL', 'API', 'ID', 'P10', 'P90', 'KB', 'MB', 'GB', 'YYYY-MM-DD', 'YYYY', 'MM', 'DD', 'A4', 'EMS', 'RTF', 'UTF-8', 'GBK', 'GB18030', 'OpenAPI', 'LibreOffice', 'Markdown', 'X', 'XX', 'Ctrl', 'Enter', 'Tab'].map((w) => w.toLowerCase()),
);

/** Pages each role reaches from its menu, and how many links deep the walk follows. */
const WALK_DEPTH = 2;
const MAX_PAGES_PER_ROLE = 40;

interface PageText {
  path: string;
  words: string[];
}

/** The Latin words of a page outside identifiers, with the element they sit in. */
async function latinWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const skip = 'code, kbd, samp, script, style, noscript, [translate="no"]';
    // The title may name what the page shows (申请 yl-2026-0001): identifiers shown on the page are data there too.
    let title = document.title;
    for (const el of Array.from(document.querySelectorAll(skip))) {
      const id = el.textContent?.trim();
      if (id) title = title.split(id).join(' ');
    }
    const texts: string[] = [title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest(skip)) continue;
      if (el.closest('[hidden], [aria-hidden="true"]')) continue;
      texts.push(n.textContent ?? '');
    }
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('[placeholder], [aria-label], [title], img[alt]'))) {
      if (el.closest(skip)) continue;
      for (const a of ['placeholder', 'aria-label', 'title', 'alt']) {
        const v = el.getAttribute(a);
        if (v) texts.push(v);
      }
    }
    // Addresses, e-mail addresses and file names are not words of the UI.
    const cleaned = texts.join('\n').replace(/https?:\/\/\S*|[\w.+-]+@[\w.-]+|\S+\.(?:pdf|docx?|html?|xlsx|csv|json|zip|txt|wps)\b/gi, ' ');
    return cleaned.match(/[A-Za-z][A-Za-z0-9_.\-/]*[A-Za-z0-9]|[A-Za-z]/g) ?? [];
  });
}

/** Internal links of the page, as paths, leaving out the API, downloads and sign-out. */
async function internalLinks(page: Page, origin: string): Promise<string[]> {
  const hrefs = await page.$$eval('a[href]', (as) => as.filter((a) => !a.hasAttribute('download') && !a.getAttribute('target')).map((a) => (a as HTMLAnchorElement).href));
  return hrefs
    .filter((h) => h.startsWith(origin))
    .map((h) => new URL(h).pathname + new URL(h).search)
    .filter((p) => !p.startsWith('/api/') && !/\.(pdf|docx|xlsx|html|csv|json|zip)(\?|$)/.test(p));
}

async function walk(page: Page, origin: string, start: string[]): Promise<PageText[]> {
  const seen = new Set<string>();
  const found: PageText[] = [];
  let frontier = start;
  for (let depth = 0; depth <= WALK_DEPTH && frontier.length; depth++) {
    const next: string[] = [];
    for (const path of frontier) {
      // One page per route shape: /officer/applications/a and /b say the same words.
      const shape = path.replace(/\/[^/]*\d[^/]*(?=\/|$)/g, '/:id').replace(/\?.*$/, '');
      if (seen.has(shape) || seen.size >= MAX_PAGES_PER_ROLE) continue;
      seen.add(shape);
      await page.goto(origin + path);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      // Lists load after the heading: wait until the network is quiet.
      await page.waitForLoadState('networkidle');
      const words = (await latinWords(page)).flatMap((w) => w.split('/')).filter((w) => w && !ALLOWED.has(w.toLowerCase()));
      // A title says each thing once ("政府信息公开 · 政府信息公开" did not).
      const parts = (await page.title()).split(' · ');
      if (new Set(parts).size !== parts.length) words.push(`标题重复：${parts.join(' · ')}`);
      found.push({ path, words: [...new Set(words)] });
      next.push(...(await internalLinks(page, origin)));
    }
    frontier = next;
  }
  return found;
}

describe.skipIf(!HAVE_CHROMIUM)('the Chinese UI in Chromium', () => {
  const web = serverAndBrowser(async ({ deps }) => {
    await loadDemoData(deps);
    // The administrator as a county would name it: its display name is Chinese like the demo's.
    await deps.accounts.createUser({ username: 'root', displayName: '县政务公开办管理员', passwordHash: await hashPassword(TEST_PASSWORD), role: 'admin', bodies: [] }, 'test');
  }, { timeout: 120_000 });

  const roles: { user: string | null; password: string; start: string[] }[] = [
    { user: null, password: '', start: ['/', '/apply', '/status', '/catalogue', '/guide', '/opinions'] },
    { user: 'officer', password: DEMO_PASSWORD, start: ['/officer'] },
    { user: 'reviewer', password: DEMO_PASSWORD, start: ['/officer'] },
    { user: 'supervisor', password: DEMO_PASSWORD, start: ['/supervisor'] },
    { user: 'root', password: TEST_PASSWORD, start: ['/admin'] },
  ];

  for (const role of roles) {
    it(`shows ${role.user ?? 'the public'} no English or internal keys`, async () => {
      const { context, page } = await newPage(web.browser);
      if (role.user) await signIn(page, web.server.url, role.user, role.password);
      await page.goto(web.server.url + role.start[0]!);
      const menu = await internalLinks(page, web.server.url);
      const pages = await walk(page, web.server.url, [...role.start, ...menu]);
      await screenshot(page, `chinese-ui-${role.user ?? 'public'}`);
      await context.close();
      expect(pages.length).toBeGreaterThan(3);
      const offenders = pages.filter((p) => p.words.length).map((p) => `${p.path}: ${p.words.join(' ')}`);
      expect(offenders).toEqual([]);
    }, 180_000);
  }
});
