// Every role's screens make sense: where each account lands, what its to-do counts, and that no
// code or raw data reaches the screen. Screenshots go to `screenshots/`.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { consoleLogin, desktop, PASSWORD, phone, phoneLogin, session, shot, useBrowserSession } from './browser.ts';

useBrowserSession();

/** Logs in on the console login page without assuming where the account lands. */
async function loginAnywhere(page: Page, username: string) {
  await page.goto(`${session.url}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
}

describe('landing pages and my to-do', () => {
  it('the department handler lands on its inbox: to acknowledge, in progress, due soon, overdue', async () => {
    const { context, page } = await desktop();
    await loginAnywhere(page, 'dept-cg');
    await page.getByTestId('unit-inbox-tiles').waitFor();
    expect(new URL(page.url()).pathname).toBe('/cases');
    const strip = await page.getByTestId('unit-inbox-tiles').innerText();
    for (const label of ['待签收', '办理中', '即将超期', '已超期']) expect(strip).toContain(label);
    expect(await page.getByTestId('case-tab-mine').getAttribute('aria-selected').catch(() => null)).not.toBe('false');
    await shot(page, 'screens-dept-landing');
    await context.close();
  });

  it("the secretary's home counts the waiting 双报到 application and the wish to review", async () => {
    const { context, page } = await desktop();
    await consoleLogin(page, 'secretary');
    await page.getByTestId('home-todo').waitFor();
    await page.getByTestId('home-todo-registrations').waitFor();
    await page.getByTestId('home-todo-wishes').waitFor();
    const n = Number((await page.getByTestId('home-cases-mine').locator('.gz-ch-n').innerText()).replace(/,/g, ''));
    expect(n).toBeGreaterThanOrEqual(2);
    await shot(page, 'screens-secretary-home');
    await context.close();
  });

  it("the town's 我的待办 shows work first and keeps return visits in their own tab", async () => {
    const { context, page } = await desktop();
    await consoleLogin(page, 'town', '/cases?tab=mine');
    await page.getByTestId('cases-table').waitFor();
    await page.getByTestId('case-count-revisit').waitFor();
    // The counts and the list are answers of their own: the rows may come a moment after the tabs' figures.
    await page.locator('[data-testid="case-row"]').first().waitFor();
    const mine = Number((await page.getByTestId('case-count-mine').innerText()).replace(/,/g, ''));
    const revisit = Number((await page.getByTestId('case-count-revisit').innerText()).replace(/,/g, ''));
    expect(revisit).toBeGreaterThan(0);
    expect(mine).toBeLessThan(60);
    // The department's strip (待签收 …) is not the town's.
    expect(await page.getByTestId('unit-inbox-tiles').count()).toBe(0);
    const states = await page.locator('[data-testid="case-row"]').evaluateAll((rows) => rows.map((r) => r.textContent ?? ''));
    expect(states.length).toBeGreaterThan(0);
    expect(states[0]).not.toContain('已办结');
    await shot(page, 'screens-town-inbox');
    await page.getByTestId('case-tab-revisit').click();
    await expect.poll(async () => (await page.locator('[data-testid="case-row"]').first().innerText()).includes('已办结')).toBe(true);
    await context.close();
  });
});

describe('no codes on screen', () => {
  it('the audit log shows actions and details in words', async () => {
    const { context, page } = await desktop();
    await consoleLogin(page, 'auditor', '/audit');
    await page.getByTestId('audit-action').first().waitFor();
    const actions = await page.getByTestId('audit-action').allInnerTexts();
    for (const a of actions) expect(a).not.toMatch(/^[a-z][a-z0-9.-]+$/);
    const body = await page.locator('.ant-table-tbody').innerText();
    expect(body).not.toContain('seed.case-history');
    expect(body).not.toContain('{"');
    await shot(page, 'screens-audit');
    await context.close();
  });

  it('household lists say which building a flat is in', async () => {
    const { context, page } = await desktop();
    await consoleLogin(page, 'grid');
    const grid = '320614103001001';
    const buildings = (await (await page.request.get(`${session.url}/api/areas/${grid}/children`)).json()) as { items: { code: string }[] };
    const units = (await (await page.request.get(`${session.url}/api/areas/${buildings.items[0]!.code}/children`)).json()) as { items: { code: string }[] };
    await page.goto(`${session.url}/areas/${units.items[0]!.code}`);
    await page.getByTestId('household-place').first().waitFor();
    expect(await page.getByTestId('household-place').first().innerText()).toMatch(/^状元街居委会 第一网格 \d+幢\d+单元\d+室$/);
    await shot(page, 'screens-households');
    await context.close();
  });
});

describe('the shop', () => {
  it('disables what the resident cannot redeem and says why', async () => {
    const { context, page } = await phone();
    await phoneLogin(page, 'resident', '/m/points/shop');
    await page.getByTestId('m-shop-item').first().waitFor();
    const cards = await page.getByTestId('m-shop-item').evaluateAll((els) => els.map((e) => ({ can: e.getAttribute('data-can'), disabled: (e as unknown as { disabled: boolean }).disabled, text: e.textContent ?? '' })));
    const off = cards.filter((c) => c.can === 'no');
    expect(off.length).toBeGreaterThan(0);
    for (const c of off) {
      expect(c.disabled).toBe(true);
      expect(c.text).toMatch(/积分不足|已兑完|您的积分类别不能兑换此项|已下架/);
    }
    for (const c of cards.filter((x) => x.can === 'yes')) expect(c.disabled).toBe(false);
    await shot(page, 'screens-shop', true);
    await context.close();
  });
});

describe('my to-do on the phone', () => {
  it("the grid worker's phone home lists what waits, across modules", async () => {
    const { context, page } = await phone();
    await phoneLogin(page, 'grid');
    await page.getByTestId('m-todo').waitFor();
    expect(await page.getByTestId('m-todo').innerText()).toContain('我的待办');
    await page.getByTestId('m-todo-cases').click();
    await page.waitForURL(/\/m\/cases/);
    await page.goto(`${session.url}/m`);
    await page.getByTestId('m-todo').waitFor();
    await shot(page, 'screens-grid-phone-todo');
    await context.close();
  });
});
