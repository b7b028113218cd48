// Points (积分) through the real UI in Chromium: a community worker proposes an award, the party
// secretary approves it (four eyes), the resident sees it on the phone, redeems an item and shows
// the code, the merchant confirms it, and the resident's statement shows every step. Then the
// console's points screens. Screenshots of every screen go to `screenshots/` (gitignored).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { consoleLogin, desktop, phone, phoneLogin, session, shot, useBrowserSession, openMenu } from './browser.ts';

const RULE = '调解邻里纠纷';
const NOTE = '调解 5 幢 301 与 401 晾晒衣物滴水纠纷，双方握手言和';
const ITEM = '洗衣液 2kg';
const EXPENSIVE = '东北大米 5kg';


/** "1,234" → 1234. */
const num = (s: string) => Number(s.replace(/[^\d-]/g, ''));

/** Clicks the button of an antd-mobile dialog. */
async function dialogButton(page: Page, text: string) {
  await page.locator('.adm-dialog-button', { hasText: text }).click();
  await page.locator('.adm-dialog').waitFor({ state: 'detached' });
}

useBrowserSession();

describe('points: award → approve → redeem → confirm', () => {
  it('four eyes on the award, the resident redeems, the merchant confirms, the statement shows every step', async () => {
    // ---- The resident's balance before anything happens, as the phone shows it.
    const res = await phone();
    const rp = res.page;
    await phoneLogin(rp, 'resident');
    await rp.getByTestId('m-points-entry').waitFor();
    await expect.poll(() => rp.getByTestId('m-tabbar').innerText()).toContain('积分');
    await shot(rp, 'p20-mobile-home-resident');
    await rp.getByTestId('m-entry-points-points').click();
    await rp.getByTestId('m-pts-hero').waitFor();
    await rp.getByTestId('m-pts-tab-neighbourhood').click();
    await expect.poll(() => rp.getByTestId('m-pts-hero').getAttribute('data-scheme')).toBe('neighbourhood');
    const before = num(await rp.getByTestId('m-pts-balance').innerText());
    expect(before).toBeGreaterThan(0);

    // ---- community proposes an award for the resident.
    const com = await desktop();
    const cp = com.page;
    await consoleLogin(cp, 'community');
    await openMenu(cp, 'menu-points-rules');
    await expect.poll(() => cp.getByTestId('rules-table').innerText()).toContain(RULE);
    await shot(cp, 'p01-rules', true);

    await openMenu(cp, 'menu-points-awards');
    await cp.getByTestId('awards-table').waitFor();
    await shot(cp, 'p01b-awards-to-approve-empty');
    await cp.getByTestId('award-propose').click();
    const form = cp.getByTestId('propose-form');
    await form.waitFor();
    // Nobody awards themselves: the server's 403 message is shown as it is.
    await cp.getByTestId('propose-username').fill('community');
    await cp.getByTestId('propose-rule').click();
    await cp.locator('.ant-select-item-option', { hasText: RULE }).first().click();
    await expect.poll(() => cp.getByTestId('propose-rule-info').innerText()).toContain('每月 20');
    await cp.getByTestId('propose-note').fill(NOTE);
    await shot(cp, 'p02-propose-form');
    await cp.getByTestId('propose-submit').click();
    await expect.poll(() => cp.locator('.ant-message').innerText()).toContain('不能为自己或本家庭申报积分');
    await shot(cp, 'p03-propose-self-refused');

    await cp.getByTestId('propose-username').fill('resident');
    await cp.getByTestId('propose-submit').click();
    await form.waitFor({ state: 'detached' });
    await expect.poll(() => cp.locator('.ant-message').innerText()).toContain('待他人审核');
    // My proposals: pending, and no approve button for the proposer (four eyes).
    await expect.poll(() => cp.getByTestId('awards-tab-proposed').locator('xpath=ancestor::div[@role="tab"]').getAttribute('aria-selected')).toBe('true');
    const mine = cp.getByTestId('awards-table').locator('tbody tr', { hasText: NOTE });
    await mine.waitFor();
    expect(await mine.getByTestId('award-state').getAttribute('data-state')).toBe('pending');
    expect(await mine.getByTestId('award-approve').count()).toBe(0);
    await expect(mine.getByTestId('award-four-eyes').isVisible()).resolves.toBe(true);
    expect(await mine.getByTestId('award-points').innerText()).toBe('+5');
    // The resident's name as the registry has it (the demo generates the people).
    const resident = (await mine.getByTestId('award-recipient').innerText()).replace(/（[^）]*）$/, '').trim();
    expect(resident.length).toBeGreaterThan(1);
    await shot(cp, 'p04-awards-proposed');
    // Approving one's own proposal is refused by the server too (403 self_approval).
    const list = (await (await cp.request.get(`${session.url}/api/points/awards?box=proposed&state=pending`)).json()) as { items: { id: string; note: string }[] };
    const award = list.items.find((a) => a.note === NOTE);
    expect(award).toBeTruthy();
    const self = await cp.request.post(`${session.url}/api/points/awards/${award!.id}/approve`, { data: {} });
    expect(self.status()).toBe(403);
    expect(((await self.json()) as { error: { code: string } }).error.code).toBe('self_approval');

    // ---- The party secretary approves it.
    const sec = await desktop();
    const sp = sec.page;
    await consoleLogin(sp, 'secretary');
    await openMenu(sp, 'menu-points-awards');
    const row = sp.getByTestId('awards-table').locator('tbody tr', { hasText: NOTE });
    await row.waitFor();
    await shot(sp, 'p05-awards-to-approve');
    await row.getByTestId('award-approve').click();
    await sp.getByTestId('award-approve-ok').click();
    await expect.poll(() => sp.locator('.ant-message').innerText()).toContain('已审核入账');
    await row.waitFor({ state: 'detached' });
    await sp.getByTestId('awards-tab-all').click();
    const done = sp.getByTestId('awards-table').locator('tbody tr', { hasText: NOTE });
    await expect.poll(() => done.getByTestId('award-state').getAttribute('data-state')).toBe('approved');
    await done.getByTestId('award-recipient').click();
    await sp.getByTestId('award-detail').waitFor();
    await expect.poll(() => sp.getByTestId('award-detail').innerText()).toContain('审核通过，入账');
    await shot(sp, 'p06-award-detail');
    await sec.context.close();

    // ---- The resident sees the points grow, and redeems in the shop.
    await rp.reload();
    await rp.getByTestId('m-pts-tab-neighbourhood').click();
    await expect.poll(async () => num(await rp.getByTestId('m-pts-balance').innerText())).toBe(before + 5);
    const firstEntry = rp.getByTestId('m-st-item').first();
    await expect.poll(() => firstEntry.innerText()).toContain(NOTE);
    expect(await firstEntry.getAttribute('data-kind')).toBe('award');
    await shot(rp, 'p21-mobile-points-awarded', true);

    await rp.getByTestId('m-pts-go-shop').click();
    const card = rp.locator(`[data-testid="m-shop-item"][data-item="${ITEM}"]`);
    await card.waitFor();
    const stock0 = num(await card.getByTestId('m-shop-stock').innerText());
    await shot(rp, 'p22-mobile-shop', true);

    // Too expensive: the server's 409 insufficient_points message, nothing changes.
    const rice = rp.locator(`[data-testid="m-shop-item"][data-item="${EXPENSIVE}"]`);
    await rice.click();
    await rp.getByTestId('m-redeem-sheet').waitFor();
    for (let i = 0; (before + 5) >= 200 * (i + 1); i++) await rp.locator('[data-testid="m-redeem-qty"] .adm-stepper-plus').click();
    await rp.getByTestId('m-redeem-submit').click();
    await dialogButton(rp, '确认兑换');
    await expect.poll(() => rp.getByTestId('m-redeem-error').innerText()).toContain('积分余额不足');
    await shot(rp, 'p23-mobile-redeem-insufficient');
    await rp.locator('.adm-mask').first().click({ position: { x: 10, y: 10 } });
    await rp.getByTestId('m-redeem-sheet').waitFor({ state: 'detached' });

    await card.click();
    await rp.getByTestId('m-redeem-sheet').waitFor();
    // The stepper: two, then back to one.
    await rp.locator('[data-testid="m-redeem-qty"] .adm-stepper-plus').click();
    await expect.poll(() => rp.getByTestId('m-redeem-total').innerText()).toBe('160 分');
    await rp.locator('[data-testid="m-redeem-qty"] .adm-stepper-minus').click();
    await expect.poll(() => rp.getByTestId('m-redeem-total').innerText()).toBe('80 分');
    await shot(rp, 'p24-mobile-redeem-sheet');
    await rp.getByTestId('m-redeem-submit').click();
    await expect.poll(() => rp.getByTestId('m-redeem-confirm-text').innerText()).toContain(ITEM);
    await shot(rp, 'p25-mobile-redeem-confirm');
    await dialogButton(rp, '确认兑换');
    await rp.getByTestId('m-redeem-done').waitFor();
    expect(num(await rp.getByTestId('m-redeem-balance').innerText())).toBe(before + 5 - 80);
    await shot(rp, 'p26-mobile-redeem-done');

    // My code: the QR and its text; the pending redemption is listed.
    await rp.getByTestId('m-redeem-show-code').click();
    await rp.getByTestId('m-code-qr').waitFor();
    const code = (await rp.getByTestId('m-code-text').innerText()).trim();
    expect(code).toMatch(/^GZP1\.[\w-]{22}\.[0-9a-z]+\.[\w-]{16}$/);
    await expect.poll(() => rp.getByTestId('m-code-pending').innerText()).toContain(ITEM);
    // Each open redemption has its 8-character short code to read out at the till.
    const short = (await rp.getByTestId('m-pending-short').first().locator('b').innerText()).trim();
    expect(short).toMatch(/^[346789ABCDEFGHJKMNPQRTWXY]{4}-[346789ABCDEFGHJKMNPQRTWXY]{4}$/);
    await shot(rp, 'p27-mobile-code', true);

    // ---- The merchant enters the code and confirms.
    const mer = await phone();
    const mp = mer.page;
    await phoneLogin(mp, 'merchant');
    await expect.poll(() => mp.getByTestId('m-tabbar').innerText()).toContain('核销');
    await mp.getByTestId('m-points-entry').waitFor();
    await shot(mp, 'p30-mobile-home-merchant');
    await mp.getByTestId('m-entry-points-merchant').click();
    // The cashier types the short code, in lower case and without the dash.
    await mp.locator('[data-testid="m-merchant-code"] input').fill(short.replace('-', '').toLowerCase());
    await mp.getByTestId('m-merchant-lookup').click();
    const pending = mp.getByTestId('m-merchant-item').filter({ hasText: ITEM });
    await pending.waitFor();
    await shot(mp, 'p31-mobile-merchant-lookup', true);
    await pending.getByTestId('m-merchant-confirm').click();
    await expect.poll(() => mp.getByTestId('m-merchant-confirm-text').innerText()).toContain(ITEM);
    await dialogButton(mp, '确认兑换');
    await mp.getByTestId('m-merchant-none').waitFor();
    await expect.poll(() => mp.getByTestId('m-merchant-recent').innerText()).toContain('已兑换');
    await shot(mp, 'p32-mobile-merchant-confirmed', true);
    // A forged code is refused with the server's message.
    await mp.locator('[data-testid="m-merchant-code"] input').fill(`${code.slice(0, -4)}AAAA`);
    await mp.getByTestId('m-merchant-lookup').click();
    await expect.poll(() => mp.getByTestId('m-merchant-error').innerText()).toContain('兑换码无效');
    await mer.context.close();

    // ---- The resident's statement shows the award, the hold and the confirmation.
    await rp.goto(`${session.url}/m/points`);
    await rp.getByTestId('m-pts-tab-neighbourhood').click();
    await expect.poll(async () => num(await rp.getByTestId('m-pts-balance').innerText())).toBe(before + 5 - 80);
    expect(num(await rp.getByTestId('m-pts-held').innerText())).toBe(0);
    const entries = rp.getByTestId('m-st-item');
    await expect.poll(async () => (await entries.evaluateAll((els) => els.slice(0, 3).map((e) => e.getAttribute('data-kind')))).join(',')).toBe('redeem-confirm,redeem-hold,award');
    await expect(entries.nth(0).innerText()).resolves.toContain(ITEM);
    await expect(entries.nth(0).innerText()).resolves.toContain('冻结 -80');
    await expect(entries.nth(1).innerText()).resolves.toContain('-80');
    await expect(entries.nth(2).innerText()).resolves.toContain('+5');
    await expect(entries.nth(2).innerText()).resolves.toContain('茅卫东');
    await shot(rp, 'p28-mobile-statement', true);
    await rp.getByTestId('m-pts-go-code').click();
    await expect.poll(() => rp.getByTestId('m-code-pending').innerText()).toContain('暂无待确认的兑换');
    await rp.goto(`${session.url}/m/points/shop`);
    await expect.poll(async () => num(await card.getByTestId('m-shop-stock').innerText())).toBe(stock0 - 1);
    await res.context.close();

    // ---- The console: the account's statement, the catalogue and the redemption.
    await openMenu(cp, 'menu-points-accounts');
    await cp.getByTestId('accounts-search').locator('input').fill(resident);
    await cp.getByTestId('accounts-search').locator('input').press('Enter');
    const acc = cp.getByTestId('accounts-table').locator('tbody tr', { hasText: '邻里守望' }).filter({ hasText: resident });
    await acc.first().waitFor();
    expect(num(await acc.first().getByTestId('account-balance').innerText())).toBe(before + 5 - 80);
    await shot(cp, 'p07-accounts');
    await acc.first().getByTestId('account-statement').click();
    const drawer = cp.getByTestId('statement-drawer');
    await drawer.getByTestId('statement-table').locator('tbody tr').nth(2).waitFor();
    const kinds = await drawer.getByTestId('st-kind').evaluateAll((els) => els.slice(0, 3).map((e) => e.getAttribute('data-kind')));
    expect(kinds).toEqual(['redeem-confirm', 'redeem-hold', 'award']);
    await expect(drawer.innerText()).resolves.toContain('状元街邻里便民超市');
    await shot(cp, 'p08-account-statement');
    await cp.locator('.ant-drawer-open .ant-drawer-close').click();

    await openMenu(cp, 'menu-points-items');
    const item = cp.locator(`[data-testid="item-row"][data-item="${ITEM}"]`);
    await item.waitFor();
    expect(num(await item.getByTestId('item-stock').innerText())).toBe(stock0 - 1);
    await shot(cp, 'p09-items');
    await cp.getByTestId('items-tab-redemptions').click();
    await cp.getByTestId('redemptions-table').waitFor();
    await cp.getByTestId('redemptions-box').getByText('辖区全部').click();
    const red = cp.getByTestId('redemptions-table').locator('tbody tr', { hasText: ITEM });
    await expect.poll(() => red.first().getByTestId('redemption-state').getAttribute('data-state')).toBe('confirmed');
    await shot(cp, 'p10-redemptions');

    await openMenu(cp, 'menu-points-leaderboard');
    await expect.poll(() => cp.getByTestId('lb-table').innerText()).toContain(resident);
    const href = await cp.getByTestId('lb-export').getAttribute('href');
    expect(href).toContain('format=csv');
    const csv = await cp.request.get(`${session.url}${href}`);
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect(await csv.text()).toContain(resident);
    await shot(cp, 'p11-leaderboard');
    await cp.getByText('按区域', { exact: true }).click();
    await expect.poll(() => cp.getByTestId('lb-table').innerText()).toContain('第一网格');
    await shot(cp, 'p11b-leaderboard-by-area');

    // The editors' forms: a local rule (居民公约) and a new item.
    await openMenu(cp, 'menu-points-rules');
    await cp.getByTestId('rule-edit').first().click();
    await cp.getByTestId('rule-form').waitFor();
    await shot(cp, 'p14-rule-edit');
    await cp.keyboard.press('Escape');
    await cp.getByTestId('rule-form').waitFor({ state: 'detached' });
    await openMenu(cp, 'menu-points-items');
    await cp.getByTestId('item-add').click();
    await cp.getByTestId('item-form').waitFor();
    await shot(cp, 'p15-item-create');
    await com.context.close();
  });

  it('the district checks the ledger: balanced, every scheme sums to zero', async () => {
    const { context, page } = await desktop();
    await consoleLogin(page, 'admin');
    await openMenu(page, 'menu-points-ledger');
    await expect.poll(() => page.getByTestId('ledger-status').getAttribute('data-ok')).toBe('true');
    await expect(page.getByTestId('ledger-status').innerText()).resolves.toBe('账本平衡');
    for (const s of await page.getByTestId('ledger-sum').allInnerTexts()) expect(s).toContain('Σ = 0');
    await page.getByTestId('ledger-no-problems').waitFor();
    await shot(page, 'p12-ledger');
    await openMenu(page, 'menu-points-rules');
    await page.getByTestId('factors-table').locator('tbody tr').first().waitFor();
    await page.getByTestId('factor-edit').first().waitFor();
    await shot(page, 'p13-rules-admin', true);
    await context.close();
  });
});
