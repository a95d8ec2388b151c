/**
 * HTML → PDF in Debian's Chromium, driven by playwright-core (which never downloads a browser).
 * The browser is found on the PATH or at GONGKAI_CHROMIUM; a clear message names the package
 * when it is missing.
 */
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function chromiumPath(): string | null {
  const configured = process.env.GONGKAI_CHROMIUM;
  if (configured && existsSync(configured)) return configured;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

/** Flags for a headless browser on a machine with no network but loopback. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function htmlToPdf(html: string): Promise<Uint8Array> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('未找到 Chromium 浏览器（Debian 软件包 chromium；或用 GONGKAI_CHROMIUM 指定路径）');
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    // The page's own @page rule sets A4 and the GB/T 9704 margins.
    return new Uint8Array(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  } finally {
    await browser.close();
  }
}
