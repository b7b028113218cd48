// The crawl's checks and its walk through menus, tab bar and tiles; crawl-1 and crawl-2 run it.
// The crawl: as every demo account, on the console at 1440×900 and on the phone at 390×844, visit
// every page the side menu, the tab bar and the home tiles offer — discovered from what is rendered,
// so a new menu entry is crawled the day it lands — and the detail page of the first row of every
// list (a case with a map location and one without, a person, a household, a wish, an order…).
// A page fails on an uncaught error, a console error, an API answer ≥ 500, a 4xx answer to one of
// its own data requests, the error boundary (出错了), a blank page, or an axe-core violation of
// impact serious or critical.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Page, Response } from 'playwright-core';
import { axeProblems } from './axe.ts';
import { clickUntil, desktop, PASSWORD, phone, session, shot } from './browser.ts';

/** What the crawl tolerates, each with its reason. Keep this short. */
// None now: the app's session probe answers "nobody" with 200 (`/api/auth/session`), not with a 401.
const EXPECTED_4XX: { path: RegExp; status: number; why: string }[] = [];

type Failure = { page: string; what: string };

/** Watches one page: errors, failed data requests, and how many requests are still under way. */
function watch(page: Page) {
  const failures: Failure[] = [];
  let where = '(start)';
  let inFlight = 0;
  let lastActivity = Date.now();
  const fail = (what: string) => failures.push({ page: where, what });
  page.on('pageerror', (e) => fail(`uncaught ${e.name}: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    // The browser's own "Failed to load resource" line repeats a response the checks below judge.
    if (m.text().startsWith('Failed to load resource')) return;
    fail(`console error: ${m.text().slice(0, 300)}`);
  });
  page.on('request', () => {
    inFlight++;
    lastActivity = Date.now();
  });
  const done = () => {
    inFlight = Math.max(0, inFlight - 1);
    lastActivity = Date.now();
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  page.on('response', (r: Response) => {
    const url = new URL(r.url());
    if (url.origin !== new URL(session.url).origin) return;
    const status = r.status();
    if (status >= 500) fail(`${r.request().method()} ${url.pathname}${url.search} → ${status}`);
    else if (status >= 400 && url.pathname.startsWith('/api/') && ['fetch', 'xhr'].includes(r.request().resourceType())) {
      if (!EXPECTED_4XX.some((x) => x.status === status && x.path.test(url.pathname))) fail(`${r.request().method()} ${url.pathname}${url.search} → ${status}`);
    }
  });
  return {
    failures,
    at(label: string) {
      where = label;
    },
    /** Waits until no request has been under way for a moment (at most 15 s). */
    async settle() {
      const start = Date.now();
      await page.waitForTimeout(60);
      while (Date.now() - start < 15_000) {
        if (inFlight === 0 && Date.now() - lastActivity > 250) break;
        await page.waitForTimeout(50);
      }
      // Lazy pages show a spinner until their chunk and data arrive.
      await page
        .locator('.gz-page-loading, .ant-spin-spinning, .adm-dot-loading')
        .first()
        .waitFor({ state: 'detached', timeout: 5_000 })
        .catch(() => {});
    },
  };
}
type Watch = ReturnType<typeof watch>;

const axeSeen = new Set<string>();
/** Screens axe found fault with: a test's retry checks them again (a retry must not pass by skipping the check). */
const axeFailed = new Set<string>();
const axeClaims = inject('axeClaims');

/** Claims a screen for axe across the crawl's files of this run: true for the first file to ask. */
function claimForAxe(screen: string): boolean {
  if (axeSeen.has(screen)) return false;
  axeSeen.add(screen);
  try {
    fs.writeFileSync(path.join(axeClaims, crypto.createHash('sha1').update(screen).digest('hex')), screen, { flag: 'wx' });
    return true;
  } catch (e) {
    // Another file claimed it first; anything else (no claims directory) must fail the crawl, not skip axe.
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
}

const TRACE = process.env.CRAWL_TRACE;
const t0 = Date.now();

/** The checks every crawled page passes. */
async function check(page: Page, w: Watch, label: string) {
  await w.settle();
  if (TRACE) fs.appendFileSync(TRACE, `${((Date.now() - t0) / 1000).toFixed(1)} settled ${label}\n`);
  const crashed = await page.getByText('出错了', { exact: true }).count();
  if (crashed) w.failures.push({ page: label, what: 'error boundary 出错了' });
  const text = (await page.locator('body').innerText()).trim();
  if (text.length < 20) w.failures.push({ page: label, what: `blank page (${JSON.stringify(text)})` });
  for (const leak of leakedIdentifiers(text)) w.failures.push({ page: label, what: `shows an identifier to the user: ${leak}` });
  // One axe run per screen and size across the crawl's files (axe takes seconds a page on a busy machine): ids in the path (a
  // case, a person) and the account looking do not make another screen; a drawer does.
  const drawer = await page.locator('.ant-drawer-open').count();
  const screen = `${page.viewportSize()?.width}:${new URL(page.url()).pathname.replace(/\/[0-9a-f-]{8,}$|\/\d{6,}$/i, '/:id')}:${drawer ? label.split(' ')[1] : ''}`;
  if (axeFailed.has(screen) || claimForAxe(screen)) {
    for (const problem of await axeProblems(page)) {
      axeFailed.add(screen);
      w.failures.push({ page: label, what: `axe ${problem}` });
    }
  }
  if (TRACE) fs.appendFileSync(TRACE, `${((Date.now() - t0) / 1000).toFixed(1)} checked ${label}\n`);
  if (w.failures.some((f) => f.page === label)) await shot(page, `crawl-fail-${label.replace(/[^\w-]+/g, '_')}`);
}

/** File names, web and mail addresses: dotted words a user may rightly see. */
const DOTTED_OK = /\.(xlsx|xls|csv|pdf|docx?|zip|kml|kmz|json|geojson|shp|png|jpe?g|com|cn|org|net|gov)$/i;

/**
 * What a screen must never show (the UI speaks Chinese; no code, key or English identifier reaches the user): a
 * dictionary key that found no text (`case.tab.all`), or a value that was never there (undefined, NaN, null,
 * [object Object]).
 */
export function leakedIdentifiers(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/(?<![\w./@:-])(?:undefined|NaN|null|\[object Object\])(?![\w./@-])/g)) out.add(m[0]);
  for (const m of text.matchAll(/(?<![\w./@:-])[a-z][a-zA-Z]+(?:\.[a-zA-Z][\w-]*)+(?![\w/@])/g)) if (!DOTTED_OK.test(m[0])) out.add(m[0]);
  return [...out];
}

/** Goes to a path inside the app without reloading it, as a link would. */
async function go(page: Page, path: string) {
  await page.evaluate(`window.history.pushState({}, '', ${JSON.stringify(path)}); window.dispatchEvent(new PopStateEvent('popstate'));`);
}

const here = (page: Page) => {
  const u = new URL(page.url());
  return u.pathname + u.search;
};

/** The detail pages a list leads to: its first rows, followed as a user clicks them. */
interface Detail {
  /** The list page (pathname) where the rows are. */
  list: RegExp;
  name: string;
  row: string;
  /** Rows to follow (default: the first). */
  pick?: (page: Page) => Promise<number[]>;
  /** A drawer opens instead of a page. */
  drawer?: boolean;
}

/** Of the cases listed, the first with a map location and the first without one. */
async function casesWithAndWithoutLocation(page: Page): Promise<number[]> {
  const ids = await page.locator('[data-testid="case-row"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row-key') ?? ''));
  const located = await page.evaluate(async (list) => {
    const out: boolean[] = [];
    for (const id of list.slice(0, 12)) {
      const r = await fetch(`/api/cases/${id}`);
      out.push(r.ok && Boolean(((await r.json()) as { location?: unknown }).location));
      if (out.includes(true) && out.includes(false)) break;
    }
    return out;
  }, ids);
  return [located.indexOf(true), located.indexOf(false)].filter((i) => i >= 0);
}

const CONSOLE_DETAILS: Detail[] = [
  { list: /^\/cases$/, name: 'case', row: '[data-testid="case-row"]', pick: casesWithAndWithoutLocation },
  { list: /^\/people$/, name: 'person', row: '[data-testid="person-row"]', drawer: true },
  { list: /^\/areas\/\d{18}$/, name: 'household', row: '[data-testid="household-row"]', drawer: true },
  { list: /^\/wishes$/, name: 'wish', row: '.ant-table-tbody tr[data-id]' },
  { list: /^\/orders$/, name: 'order', row: '.ant-table-tbody tr[data-id]' },
];

const PHONE_DETAILS: Detail[] = [
  { list: /^\/m\/cases$/, name: 'case', row: '[data-testid="m-case-item"]' },
  { list: /^\/m\/people$/, name: 'person', row: '[data-testid="m-person-item"]' },
  { list: /^\/m\/area\/\d+$/, name: 'household', row: '[data-testid="m-households"] .adm-list-item' },
  { list: /^\/m\/wishes$/, name: 'wish', row: '[data-testid="m-wish-card"]' },
  { list: /^\/m\/orders$/, name: 'order', row: '[data-testid="m-order-card"]' },
];

/** Follows the first rows of a list page into their detail pages and checks each. */
async function details(page: Page, w: Watch, who: string, from: string, table: Detail[]) {
  const pathname = from.split('?')[0]!;
  for (const d of table.filter((x) => x.list.test(pathname))) {
    const rows = page.locator(d.row);
    const count = await rows.count();
    if (!count) continue;
    const picks = d.pick ? await d.pick(page) : [0];
    for (const i of picks) {
      if (here(page) !== from) {
        await go(page, from);
        await w.settle();
      }
      const label = `${who} ${d.name}#${i} from ${from}`;
      w.at(label);
      await rows.nth(i).scrollIntoViewIfNeeded();
      // A click event as the user's, even where a hover tooltip happens to cover the row.
      await rows.nth(i).dispatchEvent('click');
      if (d.drawer) await page.locator('.ant-drawer-open, .ant-drawer-content').first().waitFor({ timeout: 5_000 }).catch(() => {});
      await check(page, w, label);
      if (d.drawer) {
        const close = page.locator('.ant-drawer-open .ant-drawer-close');
        if (await close.count()) await close.first().click();
        else await page.keyboard.press('Escape');
        await page.locator('.ant-drawer-open').waitFor({ state: 'detached', timeout: 5_000 }).catch(() => {});
        await page.locator('.ant-drawer-mask').first().waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => {});
      }
    }
  }
}

async function login(page: Page, username: string, phoneSize: boolean) {
  await page.goto(`${session.url}${phoneSize ? '/m/login' : '/login'}`);
  if (phoneSize) {
    await page.locator('[data-testid="login-username"] input').fill(username);
    await page.locator('[data-testid="login-password"] input').fill(PASSWORD);
  } else {
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(PASSWORD);
  }
  await page.getByTestId('login-submit').click();
  await page.locator(phoneSize ? '[data-testid="m-tabbar"]' : '[data-testid="main-menu"], [data-testid="m-tabbar"]').first().waitFor();
}

/** A side-menu entry: its path and the sub-menu (index) it sits in, if any. */
type Entry = { key: string; group: number | null };

const menuId = (id: string | null) => (id ? id.slice(id.indexOf('-/') + 1) : '');

/** The side menu's entries, opening each sub-menu in turn to see them. */
async function menuEntries(page: Page): Promise<Entry[]> {
  const menu = page.getByTestId('main-menu');
  const entries: Entry[] = [];
  for (const id of await menu.locator('> li.ant-menu-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-menu-id')))) {
    entries.push({ key: menuId(id), group: null });
  }
  const groups = menu.locator('> li.ant-menu-submenu');
  const n = await groups.count();
  for (let g = 0; g < n; g++) {
    await openGroup(page, g);
    for (const id of await groups.nth(g).locator('li.ant-menu-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-menu-id')))) {
      entries.push({ key: menuId(id), group: g });
    }
  }
  return entries.filter((e) => e.key.startsWith('/'));
}

/**
 * Unfolds the g-th sub-menu. A click on its title can be lost while the menu re-renders on a busy machine (the crawl as
 * `community` once failed its first try at its work bench, the menu half unfolded: the likeliest cause), so it is clicked
 * again, as e2e/browser.ts `openMenu` does.
 */
async function openGroup(page: Page, g: number) {
  const group = page.getByTestId('main-menu').locator('> li.ant-menu-submenu').nth(g);
  await clickUntil(
    async () => {
      if (!(await group.evaluate((el) => el.classList.contains('ant-menu-submenu-open')))) await group.locator('> .ant-menu-submenu-title').click();
    },
    () => group.locator('li.ant-menu-item').first().waitFor({ state: 'visible', timeout: 5_000 }),
    3,
    `the menu group ${g} did not unfold`,
  );
}

async function clickMenu(page: Page, e: Entry) {
  const menu = page.getByTestId('main-menu');
  const scope = e.group === null ? menu : menu.locator('> li.ant-menu-submenu').nth(e.group);
  if (e.group !== null) await openGroup(page, e.group);
  await scope.locator(`li.ant-menu-item[data-menu-id$="-${e.key}"]`).first().click();
}

/** The overdue count the cockpit or the big screen shows, if the page is one of them. */
async function readOverdue(page: Page, into: { cockpit?: string; screen?: string }) {
  const cockpit = page.getByTestId('kpi-overdue-value');
  const screen = page.locator('[data-testid="screen-kpi-overdue"] .gz-sc-kpi-value');
  if (await cockpit.count()) into.cockpit = (await cockpit.innerText()).trim();
  if (await screen.count()) into.screen = (await screen.innerText()).trim();
}

/** The crawl sees the screens with their animations, as most people do (the behaviour files ask for less motion). */
const AS_MOST_SEE_IT = { reducedMotion: 'no-preference' } as const;

// An account's whole crawl, on a CI machine shared with other jobs.
const PER_ACCOUNT_MS = 600_000;

/** Every demo account, on the console and on the phone. The crawl's files split them between them. */
export const CONSOLE_ACCOUNTS = ['admin', 'security', 'auditor', 'district', 'leader', 'town', 'community', 'grid', 'dept-cg', 'dept-zj', 'wy-changle', 'shgzb', 'cadre', 'secretary', 'resident', 'party', 'merchant'];
export const PHONE_ACCOUNTS = ['grid', 'community', 'secretary', 'resident', 'party', 'merchant', 'dept-cg', 'cadre'];

const FIRST_CONSOLE = ['admin', 'district', 'community', 'security', 'auditor', 'shgzb', 'resident'];
const FIRST_PHONE = ['grid', 'party', 'merchant', 'cadre'];
/**
 * The crawl's two test files (crawl-1, crawl-2) each take one half of the accounts, so the browser tier runs them
 * one after the other (or side by side with more cores); the first half is about as long as the second, whatever it leaves.
 */
export const HALVES: [string[], string[]][] = [
  [FIRST_CONSOLE, FIRST_PHONE],
  [CONSOLE_ACCOUNTS.filter((a) => !FIRST_CONSOLE.includes(a)), PHONE_ACCOUNTS.filter((a) => !FIRST_PHONE.includes(a))],
];

/** `CRAWL_ONLY=admin,grid` crawls only those accounts (to look into one account's crawl). */
const ONLY = process.env.CRAWL_ONLY?.split(',');

/** The crawl of the given accounts. */
export function crawl([allConsole, allPhone]: [string[], string[]]) {
  const consoleAccounts = ONLY ? allConsole.filter((a) => ONLY.includes(a)) : allConsole;
  const phoneAccounts = ONLY ? allPhone.filter((a) => ONLY.includes(a)) : allPhone;
  describe('the crawl finds no broken screen', () => {
    for (const who of consoleAccounts) {
      it(`console at 1440×900 as ${who}`, async () => {
        const { context, page } = await desktop(AS_MOST_SEE_IT);
        const w = watch(page);
        w.at(`${who} login`);
        await login(page, who, false);
        if (!(await page.getByTestId('main-menu').count())) {
          // Accounts without console pages are sent to the phone pages; the phone crawl covers them.
          expect(new URL(page.url()).pathname.startsWith('/m')).toBe(true);
          await context.close();
          return;
        }
        await check(page, w, `${who} ${here(page)}`);
        const entries = await menuEntries(page);
        expect(entries.length).toBeGreaterThan(1);
        const visited = new Set<string>();
        const overdue: { cockpit?: string; screen?: string } = {};
        let last = here(page);
        for (const entry of entries) {
          const key = entry.key;
          w.at(`${who} ${key}`);
          if (TRACE) fs.appendFileSync(TRACE, `${((Date.now() - t0) / 1000).toFixed(1)} menu ${who} ${key}\n`);
          await clickMenu(page, entry);
          await w.settle(); // a redirect (/ → /cockpit) lands first
          const at = here(page);
          if (visited.has(at)) continue;
          visited.add(at);
          await check(page, w, `${who} ${key}`);
          const previous = last;
          last = at;
          await readOverdue(page, overdue);
          if (!(await page.getByTestId('main-menu').isVisible())) {
            // A full-screen page (the big screen) leaves the console: come back as the browser would.
            await page.goBack();
            await page.getByTestId('main-menu').waitFor();
            continue;
          }
          // A page opened from the menu starts at its top.
          const scrolled = Number(await page.evaluate('window.scrollY'));
          if (scrolled > 0 && at.split('?')[0] !== previous.split('?')[0]) w.failures.push({ page: `${who} ${key}`, what: `opened scrolled down by ${scrolled}px` });
          await details(page, w, who, at, CONSOLE_DETAILS);
          // Scroll down, so the next menu click shows whether the page starts at its top.
          await page.evaluate('window.scrollTo(0, document.body.scrollHeight)');
        }
        // The households of a building (the registry's deepest list), for the accounts that read it.
        if (entries.some((e) => e.key === '/areas') && ['admin', 'town', 'community', 'grid'].includes(who)) {
          const building = '320614103001001001';
          w.at(`${who} /areas/${building}`);
          await go(page, `/areas/${building}`);
          await check(page, w, `${who} /areas/${building}`);
          await details(page, w, who, `/areas/${building}`, CONSOLE_DETAILS);
        }
        await context.close();
        // The whole list in the message: a diff of a long list was cut short, and a failure that passed its retry left no trace.
        expect(w.failures, JSON.stringify(w.failures, null, 1)).toEqual([]);
        // The big screen and the cockpit count the same overdue cases.
        if (overdue.cockpit !== undefined && overdue.screen !== undefined) expect(overdue.screen).toBe(overdue.cockpit);
      }, PER_ACCOUNT_MS);
    }

    for (const who of phoneAccounts) {
      it(`phone at 390×844 as ${who}`, async () => {
        const { context, page } = await phone(AS_MOST_SEE_IT);
        const w = watch(page);
        w.at(`${who} /m/login`);
        await login(page, who, true);
        await check(page, w, `${who} /m`);
        const tabs = page.locator('[data-testid="m-tabbar"] .adm-tab-bar-item');
        const visited = new Set<string>(['/m']);
        const queue: string[] = [];
        // The tab bar's tabs.
        const tabCount = await tabs.count();
        for (let i = 0; i < tabCount; i++) {
          await tabs.nth(i).click();
          const at = here(page);
          if (visited.has(at)) continue;
          visited.add(at);
          w.at(`${who} ${at}`);
          await check(page, w, `${who} ${at}`);
          await details(page, w, who, at, PHONE_DETAILS);
        }
        // The home page's tiles: each is clicked from the home page.
        await tabs.first().click();
        await w.settle();
        const tiles = page.locator('[data-testid="m-home"] button');
        const tileCount = await tiles.count();
        for (let i = 0; i < tileCount; i++) {
          if (here(page) !== '/m') {
            // A tile may open a page without the tab bar (the public report form): go home as a link would.
            if (await tabs.first().isVisible()) await tabs.first().click();
            else await go(page, '/m');
            await page.getByTestId('m-home').waitFor();
            await w.settle();
          }
          const tile = tiles.nth(i);
          if (!(await tile.isVisible())) continue;
          await tile.click();
          await page.waitForTimeout(50);
          const at = here(page);
          if (at === '/m' || visited.has(at)) continue;
          visited.add(at);
          queue.push(at);
          w.at(`${who} ${at}`);
          await check(page, w, `${who} ${at}`);
          await details(page, w, who, at, PHONE_DETAILS);
        }
        await context.close();
        // The whole list in the message: a diff of a long list was cut short, and a failure that passed its retry left no trace.
        expect(w.failures, JSON.stringify(w.failures, null, 1)).toEqual([]);
      }, PER_ACCOUNT_MS);
    }
  });
}
