// What every browser test shares: one server and one Debian Chromium per test file, desktop and
// phone contexts, signing in with the login pages' own request, and screenshots into `screenshots/`.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page, type Response } from 'playwright-core';
import { startServer, type RunningServer } from './server.ts';

export const PASSWORD = 'Gongzhi@2026';
export const SHOTS = path.resolve(import.meta.dirname, '../screenshots');

let server: RunningServer | undefined;
let browser: Browser | undefined;
/** The pages the current test opened, for the report of a failed test. */
const openPages = new Set<Page>();
/** Uncaught errors in the current test's pages: any fails the test (a rejected promise nobody handles is a defect). */
const pageErrors: string[] = [];

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
  // A failed test says where each of its pages was and what it showed: CI keeps the log, not the screenshots.
  afterEach(async ({ task }) => {
    const pages = [...openPages].filter((p) => !p.isClosed());
    openPages.clear();
    const uncaught = pageErrors.splice(0);
    if (task.result?.state !== 'fail') {
      if (uncaught.length) throw new Error(`uncaught errors in the page:\n${uncaught.join('\n')}`);
      return;
    }
    // The error too: vitest prints only the last attempt's, so a test that passed on its retry would leave no trace of why.
    for (const e of task.result.errors ?? []) console.error(`[failed test error] ${String(e.message ?? e).split('\n').slice(0, 6).join('\n')}`);
    for (const [i, p] of pages.entries()) {
      const text = await p.locator('body').innerText({ timeout: 2_000 }).catch((e: Error) => `(no text: ${e.message})`);
      console.error(`[failed test page ${i + 1}] ${p.url()}\n${text.replace(/\s+/g, ' ').slice(0, 600)}`);
      await p.screenshot({ path: path.join(SHOTS, `failed-${task.name.replace(/[^\w-]+/g, '_').slice(0, 60)}-${i + 1}.png`) }).catch(() => undefined);
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, 60_000);
}

type ContextOptions = Parameters<Browser['newContext']>[0];

/**
 * A new browser context and page. The behaviour files ask for reduced motion (the apps then open dialogs, drawers and
 * menus without animating them, lib/a11y.ts): a click cannot land while a dialog still slides in, and the machine draws
 * fewer frames. The crawl passes `reducedMotion: 'no-preference'`, so every screen is also seen as most people see it.
 */
async function open(options: ContextOptions): Promise<{ context: BrowserContext; page: Page }> {
  const context = await session.browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', reducedMotion: 'reduce', ...options });
  const page = await context.newPage();
  openPages.add(page);
  page.on('pageerror', (e) => {
    console.error('[pageerror]', e.message);
    pageErrors.push(`${page.url()}: ${e.stack ?? e.message}`);
  });
  return { context, page };
}

export const desktop = (options: ContextOptions = {}) => open({ viewport: { width: 1440, height: 900 }, ...options });
export const phone = (options: ContextOptions = {}) => open({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, ...options });

/**
 * Signs the page's browser context in as `username` with the login page's own request (POST /api/auth/login; the
 * session cookie lands in the context), without drawing the login page. The login forms themselves are driven by the
 * crawl (every account, console and phone) and by security.e2e (challenge, password change) and perf.e2e.
 */
async function signIn(page: Page, username: string) {
  const res = await page.request.post(`${session.url}/api/auth/login`, { data: { username, password: PASSWORD } });
  if (!res.ok()) throw new Error(`login as ${username}: ${res.status()} ${await res.text()}`);
}

/**
 * Signs in and opens the console at `path`; without one, waits for the page an account lands on after the login form
 * (most on the work bench, a department handler on its case inbox). A test that goes elsewhere first names the page:
 * drawing the work bench only to leave it cost seconds a test.
 */
export async function consoleLogin(page: Page, username: string, path?: string) {
  await signIn(page, username);
  await page.goto(`${session.url}${path ?? '/'}`);
  if (!path) await page.locator('[data-testid="home-title"], [data-testid="cases-page"]').first().waitFor();
}

/** An entry of the console's side menu (antd keeps a hidden copy of the menu for measuring: this one is the real one). */
/**
 * The response the page receives to what `act` does. The wait and the action run together: when the action fails, the
 * test fails with the action's error and no wait is left behind to reject later, outside the test (an unhandled
 * rejection fails the whole run even when the test's retry passes).
 */
export async function answer(page: Page, match: (r: Response) => boolean, act: () => Promise<unknown>): Promise<Response> {
  const [res] = await Promise.all([page.waitForResponse(match), act()]);
  return res;
}

export const menuEntry = (page: Page, testId: string) => page.getByTestId('main-menu').getByTestId(testId);

/**
 * Opens the side menu's groups not drawn yet, one after the other, until the entry `testId` (when given) is in the page or
 * every group is: a folded group's entries are drawn the first time it opens, and stay in the page, hidden, when it folds.
 */
export async function unfoldMenu(page: Page, testId?: string) {
  const menu = page.getByTestId('main-menu');
  await menu.waitFor();
  const groups = menu.locator('> li.ant-menu-submenu');
  // Counted at each step: a group can join the menu a moment after the rest (its entries wait for an answer).
  for (let g = 0; g < (await groups.count()); g++) {
    if (testId && (await menuEntry(page, testId).count())) return;
    const group = groups.nth(g);
    if (await group.locator('> ul').count()) continue;
    await clickUntil(
      () => group.locator('> .ant-menu-submenu-title').click({ timeout: 5_000 }),
      () => group.locator('> ul').waitFor({ state: 'attached', timeout: 5_000 }),
      4,
      `the menu's group ${g + 1} did not unfold`,
    );
  }
}

/** Whether the side menu offers the entry `testId`, in whichever group. */
export async function menuHas(page: Page, testId: string): Promise<boolean> {
  await unfoldMenu(page, testId);
  return (await menuEntry(page, testId).count()) > 0;
}

/**
 * Clicks an entry of the console's side menu, unfolding the group that holds it first, until the entry turns selected
 * (its page is routed). A sub-menu may be folding or unfolding when looked at, and a click landing while the menu
 * re-renders can be lost: each step has a short time limit and the whole is tried again.
 */
export async function openMenu(page: Page, testId: string) {
  const menu = page.getByTestId('main-menu');
  const item = menuEntry(page, testId);
  const title = menu.locator(`li.ant-menu-submenu:has([data-testid="${testId}"]) > .ant-menu-submenu-title`);
  const selected = menu.locator('li.ant-menu-item-selected').filter({ has: page.getByTestId(testId) });
  await expect.poll(() => menuHas(page, testId), { timeout: 30_000 }).toBe(true);
  await clickUntil(
    async () => {
      if (!(await item.isVisible()) && (await title.count())) await title.click();
      await item.click({ timeout: 5_000 });
    },
    () => selected.waitFor({ timeout: 5_000 }),
    4,
    `the menu entry ${testId} did not open its page`,
  );
}

/**
 * Clicks until what the click should bring shows, `tries` times at most: under load a click can land on antd's menu
 * while it is still moving, and be lost. Throws `failure` with the last error.
 */
export async function clickUntil(click: () => Promise<unknown>, shown: () => Promise<unknown>, tries: number, failure: string) {
  let last: unknown;
  for (let attempt = 0; attempt < tries; attempt++) {
    try {
      await click();
      await shown();
      return;
    } catch (e) {
      last = e;
    }
  }
  throw new Error(`${failure}: ${last instanceof Error ? last.message : String(last)}`);
}

/** Signs in (as consoleLogin) and opens the phone pages at `path`; without one, waits for the phone's home. */
export async function phoneLogin(page: Page, username: string, path?: string) {
  await signIn(page, username);
  await page.goto(`${session.url}${path ?? '/m'}`);
  if (!path) await page.getByTestId('m-home').waitFor();
}

/**
 * Screenshots for people to look at (`screenshots/`). CI sets `E2E_SHOTS=off`: nobody sees a clean clone's pictures, and
 * drawing them (a full page is drawn as one image up to 6,000 px tall, at twice the pixels on the phone) took minutes of
 * the two cores the browser tier shares. The pause before a picture stays, so a test runs the same either way. A failed
 * test's pages are always drawn (useBrowserSession).
 */
const SHOTS_OFF = process.env.E2E_SHOTS === 'off';

export async function shot(page: Page, name: string, fullPage = false) {
  await page.waitForTimeout(350); // let animations settle
  if (SHOTS_OFF) return;
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

/**
 * A small valid PNG "photo" drawn by `pixel(x, y)` (RGB), so the server's content check accepts
 * the uploads the tests make.
 */
export function png(width: number, height: number, pixel: (x: number, y: number) => [number, number, number]): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) row.set(pixel(x, y), 1 + x * 3);
    rows.push(row);
  }
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
