// What every browser test shares: one server and one Debian Chromium per test file, desktop and
// phone contexts, logging in through the real login pages, and screenshots into `screenshots/`.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startServer, type RunningServer } from './server.ts';

export const PASSWORD = 'Gongzhi@2026';
export const SHOTS = path.resolve(import.meta.dirname, '../screenshots');

let server: RunningServer | undefined;
let browser: Browser | undefined;

/** The running server and browser of this test file (set up by useBrowserSession). */
export const session = {
  get url(): string {
    if (!server) throw new Error('useBrowserSession() has not started the server');
    return server.url;
  },
  get browser(): Browser {
    if (!browser) throw new Error('useBrowserSession() has not launched the browser');
    return browser;
  },
};

/** Starts the server and Chromium before the file's tests and stops both after them. */
export function useBrowserSession() {
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    server = await startServer();
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, 60_000);
}

async function open(options: Parameters<Browser['newContext']>[0]): Promise<{ context: BrowserContext; page: Page }> {
  const context = await session.browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...options });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('[pageerror]', e.message));
  return { context, page };
}

export const desktop = () => open({ viewport: { width: 1440, height: 900 } });
export const phone = () => open({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });

export async function consoleLogin(page: Page, username: string) {
  await page.goto(`${session.url}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('home-title').waitFor();
}

export async function phoneLogin(page: Page, username: string) {
  await page.goto(`${session.url}/m/login`);
  await page.locator('[data-testid="login-username"] input').fill(username);
  await page.locator('[data-testid="login-password"] input').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('m-home').waitFor();
}

export async function shot(page: Page, name: string, fullPage = false) {
  await page.waitForTimeout(350); // let animations settle
  const file = path.join(SHOTS, `${name}.png`);
  const size = page.viewportSize();
  if (!fullPage || !size) {
    await page.screenshot({ path: file });
    return;
  }
  // A viewport as tall as the page keeps sticky headers and fixed tab bars where they belong.
  const height = Number(await page.evaluate('Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)'));
  await page.setViewportSize({ width: size.width, height: Math.min(Math.max(height, size.height), 6000) });
  await page.waitForTimeout(250);
  await page.screenshot({ path: file });
  await page.setViewportSize(size);
}
