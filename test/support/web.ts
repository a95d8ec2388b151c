/// <reference lib="dom" />
/**
 * A real server and a real browser for the web tests: the application on a PGlite database of its
 * own (or PostgreSQL when GONGKAI_TEST_DATABASE_URL is set and asked for), listening on a free
 * loopback port, with the built browser application from dist/web; Debian's Chromium driven by
 * playwright-core. Screenshots go to test-artifacts/screenshots, kept by CI as the run's record.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { chromiumPath, CHROMIUM_ARGS } from '../../src/adapters/chromium.js';
import { csrfToken } from '../../src/server/auth/session.js';
import type { AppDeps } from '../../src/server/context.js';
import { hashPassword } from '../../src/app/accounts/password.js';
import type { Role } from '../../src/accounts/permissions.js';
import { startServer, type RunningServer, type StartOptions } from '../../src/server/start.js';
import { migratedStore } from './db.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const WEB_ROOT = process.env.GONGKAI_WEB_ROOT ? resolve(process.env.GONGKAI_WEB_ROOT) : join(root, 'dist/web');
export const SCREENSHOTS = join(root, 'test-artifacts/screenshots');
export const HAVE_CHROMIUM = chromiumPath() !== null;
export const TEST_PASSWORD = 'correct horse battery';

if (!HAVE_CHROMIUM) console.warn('[gongkai tests] Chromium is absent (Debian package chromium): browser tests are skipped; .ci/run installs it.');

/**
 * A server on a free port with a fresh database of its own, already migrated (PGlite unless
 * `db: 'postgres'`; see migratedStore); today pinned unless given.
 */
export async function testServer(options: Partial<StartOptions> & { db?: 'pglite' | 'postgres' } = {}): Promise<RunningServer> {
  const { db, ...rest } = options;
  const store = rest.databaseUrl || rest.dataDir ? undefined : await migratedStore(db ?? 'pglite');
  try {
    const server = await startServer({
      port: 0,
      today: () => '2026-03-02',
      ...(store?.databaseUrl ? { databaseUrl: store.databaseUrl } : {}),
      ...(store?.dataDir ? { dataDir: store.dataDir } : {}),
      ...rest,
      config: { webRoot: WEB_ROOT, secureCookies: true, ...rest.config },
    });
    return {
      ...server,
      close: async () => {
        await server.close();
        store?.dispose();
      },
    };
  } catch (error) {
    store?.dispose();
    throw error;
  }
}

/** The server and the browser of a describe block, set once its beforeAll has run. */
export interface ServerAndBrowser {
  server: RunningServer;
  browser: Browser;
}

/**
 * Registers, in the describe block it is called in, a beforeAll that starts a test server (with
 * `options`), seeds it and launches the browser, and an afterAll that closes both.
 */
export function serverAndBrowser(
  seed: (server: RunningServer) => Promise<void> = async () => {},
  options: { server?: Parameters<typeof testServer>[0]; timeout?: number } = {},
): ServerAndBrowser {
  const web = {} as ServerAndBrowser;
  beforeAll(async () => {
    web.server = await testServer(options.server);
    await seed(web.server);
    web.browser = await launchBrowser();
  }, options.timeout);
  afterAll(async () => {
    await web.browser?.close();
    await web.server?.close();
  });
  return web;
}

/** The test password's hash, made once per file: scrypt costs ~50 ms of CPU by design, per account. */
let testPasswordHash: Promise<string> | undefined;

/** Add a body and an account on it directly (as the administrator would). */
export async function addAccount(deps: AppDeps, username: string, role: Role, bodies: readonly string[]): Promise<void> {
  const passwordHash = await (testPasswordHash ??= hashPassword(TEST_PASSWORD));
  await deps.accounts.createUser({ username, displayName: `${username}（测试）`, passwordHash, role, bodies }, 'test');
}

export async function launchBrowser(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: chromiumPath()!, args: CHROMIUM_ARGS });
}

/** A fresh browser context (own cookies), phone-sized when asked. */
export async function newPage(browser: Browser, opts: { phone?: boolean } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    ...(opts.phone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : { viewport: { width: 1280, height: 900 } }),
  });
  const page = await context.newPage();
  return { context, page };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // A page opened by a link in a new window stays in the background, where headless Chromium
  // may refuse to capture it ("Unable to capture screenshot"): bring it to the front first.
  await page.bringToFront();
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

export async function signIn(page: Page, base: string, username: string, password = TEST_PASSWORD): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/** Run axe-core in the page; the violations of impact serious or critical. */
export async function seriousViolations(page: Page): Promise<{ id: string; impact: string; help: string; nodes: string[] }[]> {
  const axe = await import('axe-core');
  // Evaluated through the DevTools protocol: the page's CSP (no inline scripts) stays in force.
  await page.evaluate(axe.default.source);
  const result = (await page.evaluate(async () => {
    const w = window as unknown as { axe: { run(ctx: Document, opts: unknown): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } };
    return w.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
  })) as { violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] };
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

/**
 * An HTTP client with its own cookie jar, speaking to the API as the browser application does
 * (CSRF token from GET /api/session). For API-level tests without a browser.
 */
export class ApiClient {
  private cookies = new Map<string, string>();
  csrf = '';

  constructor(readonly base: string) {}

  async request(method: string, path: string, body?: unknown, opts: { csrf?: boolean; raw?: BodyInit; headers?: Record<string, string> } = {}): Promise<Response> {
    const headers: Record<string, string> = { ...opts.headers };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (opts.csrf !== false && method !== 'GET') headers['x-csrf-token'] = this.csrf;
    let payload: BodyInit | undefined = opts.raw;
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const res = await fetch(this.base + path, { method, headers, body: payload ?? null });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, v] = pair!.split('=');
      if (/Max-Age=0/i.test(c) || v === '') this.cookies.delete(k!);
      else this.cookies.set(k!, v!);
    }
    return res;
  }

  async json<T = unknown>(method: string, path: string, body?: unknown, opts?: { csrf?: boolean }): Promise<{ status: number; body: T }> {
    const res = await this.request(method, path, body, opts);
    return { status: res.status, body: (await res.json()) as T };
  }

  /** Fetch the session (and its CSRF token). */
  async refresh(): Promise<void> {
    const { body } = await this.json<{ csrfToken: string }>('GET', '/api/session');
    this.csrf = body.csrfToken;
  }

  async signIn(username: string, password = TEST_PASSWORD): Promise<void> {
    await this.refresh();
    const r = await this.json<{ csrfToken: string }>('POST', '/api/session', { username, password });
    if (r.status !== 200) throw new Error(`sign-in of ${username} failed: ${JSON.stringify(r.body)}`);
    this.csrf = r.body.csrfToken;
  }
}

export { csrfToken };
