// Micro-wishes and service orders through the real UI in Chromium. Wish: `resident` posts a wish
// on the phone → `secretary` publishes it in the console → `party` claims it on the wall and fulfils
// it with a photo → `resident` confirms, and the points the member earned show. Order: `resident`
// orders a repair from the service menu → `community` dispatches it to `party` → `party` takes and
// completes it → `resident` rates it. Screenshots of every screen go to `screenshots/`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { consoleLogin, desktop, phone, phoneLogin, png, session, shot, useBrowserSession, openMenu } from './browser.ts';

const WISH = `想要一副老花镜 ${Date.now().toString(36).slice(-4)}`;
const WISH_DESC = '看报纸越来越吃力，想要一副合适度数的老花镜。';
const FULFIL = '已陪同到眼镜店验光，配好老花镜送到家中。';
const REPAIR = `卫生间水龙头一直滴水 ${Date.now().toString(36).slice(-4)}`;
const DONE = '更换了水龙头阀芯，试水不再滴漏。';

let photo: string;
let tmpDir: string;

beforeAll(() => {
  tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gz-wish-e2e-'));
  photo = path.join(tmpDir, 'glasses.png');
  fs.writeFileSync(photo, png(240, 180, (x, y) => ((x - 120) ** 2 + (y - 90) ** 2 < (240 / 5) ** 2 ? [200, 40, 40] : [230, 225, 215])));
});
afterAll(() => fs.rmSync(tmpDir, { recursive: true, force: true }));

useBrowserSession();

const textArea = (page: Page, testId: string) => page.locator(`[data-testid="${testId}"] textarea:not([aria-hidden])`).first();

async function sheet(page: Page, action: string, opts: { text?: string; photo?: boolean; score?: string } = {}) {
  await page.getByTestId(action).click();
  await page.getByTestId('m-action-popup').waitFor();
  if (opts.score) await page.locator('[data-testid="m-score"]').getByRole('option', { name: opts.score, exact: true }).click();
  if (opts.text) await textArea(page, 'm-action-text').fill(opts.text);
  if (opts.photo) {
    await page.locator('[data-testid="m-action-photos"] input[type="file"]').setInputFiles(photo);
    await page.locator('[data-testid="m-action-photos"] img[src*="/api/files/"]').waitFor();
  }
}

describe('micro-wish: post → publish → claim → fulfil with a photo → confirm', () => {
  it('runs through the phone and the console', async () => {
    // ---- resident posts a wish on the phone
    const res = await phone();
    const rp = res.page;
    await phoneLogin(rp, 'resident');
    await rp.getByTestId('m-wish-entry').waitFor();
    await shot(rp, 'w01-m-home-resident', true);
    await rp.getByTestId('m-wish-entry-post').click();
    await rp.getByTestId('m-wish-new-page').waitFor();
    await rp.locator('[data-testid="m-wish-title"] input').fill(WISH);
    await textArea(rp, 'm-wish-desc').fill(WISH_DESC);
    await shot(rp, 'w02-m-wish-new');
    await rp.getByTestId('m-wish-submit').click();
    await expect.poll(() => rp.getByTestId('m-wish-state').getAttribute('data-state')).toBe('submitted');
    const wishUrl = rp.url();
    // The wisher may only cancel (never claim their own wish).
    await expect.poll(() => rp.getByTestId('m-wish-actions').innerText()).toContain('取消心愿');
    expect(await rp.getByTestId('m-wish-action-claim').count()).toBe(0);
    await shot(rp, 'w03-m-wish-submitted', true);

    // ---- the party member does not see it on the wall before review
    const par = await phone();
    const pp = par.page;
    await phoneLogin(pp, 'party');
    await pp.getByTestId('m-wish-entry-wall').click();
    await pp.getByTestId('m-wish-wall').waitFor();
    expect(await pp.getByTestId('m-wish-card').filter({ hasText: WISH }).count()).toBe(0);

    // ---- secretary publishes it in the console
    const sec = await desktop();
    const sp = sec.page;
    await consoleLogin(sp, 'secretary');
    await openMenu(sp, 'menu-wishes');
    await sp.getByTestId('wishes-table').waitFor();
    const row = sp.locator('[data-testid="wishes-table"] tbody tr', { hasText: WISH });
    await row.waitFor();
    await shot(sp, 'w04-console-wishes-review');
    await row.click();
    await sp.getByTestId('wish-page').waitFor();
    await shot(sp, 'w05-console-wish-submitted');
    await sp.getByTestId('wish-action-approve').click();
    await expect.poll(() => sp.getByTestId('wish-state').getAttribute('data-state')).toBe('published');
    await shot(sp, 'w06-console-wish-published');

    // ---- party claims it on the wall (wisher masked) and fulfils it with a photo
    await pp.reload();
    const card = pp.getByTestId('m-wish-card').filter({ hasText: WISH });
    await card.waitFor();
    const masked = await card.getByTestId('m-wish-wisher').innerText();
    expect(masked).toMatch(/\*/);
    await shot(pp, 'w07-m-wish-wall', true);
    await card.click();
    await pp.getByTestId('m-wish-action-claim').waitFor();
    await sheet(pp, 'm-wish-action-claim');
    await shot(pp, 'w08-m-wish-claim');
    await pp.getByTestId('m-action-submit').click();
    await expect.poll(() => pp.getByTestId('m-wish-state').getAttribute('data-state')).toBe('claimed');
    await sheet(pp, 'm-wish-action-fulfil', { text: FULFIL, photo: true });
    await shot(pp, 'w09-m-wish-fulfil');
    await pp.getByTestId('m-action-submit').click();
    await expect.poll(() => pp.getByTestId('m-wish-state').getAttribute('data-state')).toBe('fulfilled');
    await pp.locator('[data-testid="m-wish-photos"] img').first().waitFor();
    await shot(pp, 'w10-m-wish-fulfilled', true);

    // ---- resident confirms; the member's points show
    await rp.goto(wishUrl);
    await expect.poll(() => rp.getByTestId('m-wish-state').getAttribute('data-state')).toBe('fulfilled');
    await sheet(rp, 'm-wish-action-confirm');
    await rp.getByTestId('m-action-submit').click();
    await expect.poll(() => rp.getByTestId('m-wish-state').getAttribute('data-state')).toBe('confirmed');
    await expect.poll(() => rp.getByTestId('m-wish-points').innerText()).toContain('+10');
    await shot(rp, 'w11-m-wish-confirmed', true);

    // ---- my wishes on the phone; the console shows the confirmed wish and the wall
    await rp.goto(`${session.url}/m/wishes?tab=mine`);
    await rp.getByTestId('m-wish-list-mine').getByText(WISH).waitFor();
    await shot(rp, 'w12-m-my-wishes', true);
    await openMenu(sp, 'menu-wishes');
    await sp.getByTestId('wishes-tab-confirmed').click();
    await sp.locator('[data-testid="wishes-table"] tbody tr', { hasText: WISH }).click();
    await expect.poll(() => sp.getByTestId('wish-points').innerText()).toContain('+10');
    await shot(sp, 'w13-console-wish-confirmed', true);
    await openMenu(sp, 'menu-wish-wall');
    await sp.getByTestId('wish-wall').waitFor();
    await shot(sp, 'w14-console-wish-wall', true);
    await Promise.all([res.context.close(), par.context.close(), sec.context.close()]);
  }, 240_000);
});

describe('service order: order → dispatch → take → complete → rate', () => {
  it('runs through the phone and the console', async () => {
    // ---- resident orders a repair from the menu
    const res = await phone();
    const rp = res.page;
    await phoneLogin(rp, 'resident');
    await rp.getByTestId('m-order-entry-menu').click();
    await rp.getByTestId('m-order-menu').waitFor();
    await rp.locator('[data-testid="m-menu-item"][data-name="家电水电维修"]').waitFor();
    await shot(rp, 'o01-m-service-menu', true);
    await rp.locator('[data-testid="m-menu-item"][data-name="家电水电维修"]').click();
    await rp.getByTestId('m-order-form').waitFor();
    await textArea(rp, 'm-order-note').fill(REPAIR);
    await rp.locator('[data-testid="m-order-time"] input').fill('周六上午');
    await shot(rp, 'o02-m-order-form');
    await rp.getByTestId('m-order-submit').click();
    await expect.poll(() => rp.getByTestId('m-order-state').getAttribute('data-state')).toBe('ordered');
    const orderUrl = rp.url();
    await shot(rp, 'o03-m-order-placed', true);

    // ---- community dispatches it to party
    const com = await desktop();
    const cp = com.page;
    await consoleLogin(cp, 'community');
    await openMenu(cp, 'menu-orders');
    const row = cp.locator('[data-testid="orders-table"] tbody tr', { hasText: REPAIR });
    await row.waitFor();
    await shot(cp, 'o04-console-orders-inbox');
    await row.click();
    await cp.getByTestId('order-action-dispatch').click();
    await cp.getByTestId('dispatch-form').waitFor();
    await cp.getByTestId('dispatch-kind-team').click();
    await expect.poll(() => cp.getByTestId('dispatch-form').innerText()).toContain('建议：民生公益保障服务队');
    await cp.getByTestId('dispatch-kind-member').click();
    await cp.locator('[data-testid="dispatch-member"]').click();
    await cp.locator('[data-testid="dispatch-member"] input').fill('party');
    await cp.locator('.ant-select-item-option', { hasText: '（party）' }).first().waitFor();
    await cp.keyboard.press('Enter');
    await expect.poll(() => cp.locator('[data-testid="dispatch-member"]').innerText()).toContain('（party）');
    await cp.locator('[data-testid="dispatch-note"]').fill('请周六上午上门');
    await shot(cp, 'o05-console-dispatch');
    await cp.getByTestId('dispatch-ok').click();
    await expect.poll(() => cp.getByTestId('order-state').getAttribute('data-state')).toBe('dispatched');
    await shot(cp, 'o06-console-order-dispatched', true);

    // ---- party takes and completes it
    const par = await phone();
    const pp = par.page;
    await phoneLogin(pp, 'party');
    await pp.getByTestId('m-order-entry-assigned').click();
    const card = pp.getByTestId('m-order-card').filter({ hasText: REPAIR });
    await card.waitFor();
    await shot(pp, 'o07-m-my-assigned', true);
    await card.click();
    await sheet(pp, 'm-order-action-take');
    await pp.getByTestId('m-action-submit').click();
    await expect.poll(() => pp.getByTestId('m-order-state').getAttribute('data-state')).toBe('taken');
    await sheet(pp, 'm-order-action-complete', { text: DONE, photo: true });
    await shot(pp, 'o08-m-order-complete');
    await pp.getByTestId('m-action-submit').click();
    await expect.poll(() => pp.getByTestId('m-order-state').getAttribute('data-state')).toBe('completed');
    await shot(pp, 'o09-m-order-completed', true);

    // ---- resident rates it; the member's points show
    await rp.goto(orderUrl);
    await expect.poll(() => rp.getByTestId('m-order-state').getAttribute('data-state')).toBe('completed');
    await sheet(rp, 'm-order-action-rate', { score: '满意', text: '师傅很耐心' });
    await shot(rp, 'o10-m-order-rate');
    await rp.getByTestId('m-action-submit').click();
    await expect.poll(() => rp.getByTestId('m-order-state').getAttribute('data-state')).toBe('rated');
    await expect.poll(() => rp.getByTestId('m-order-points').innerText()).toContain('+5');
    await shot(rp, 'o11-m-order-rated', true);
    await rp.goto(`${session.url}/m/orders?tab=mine`);
    await rp.getByTestId('m-order-list-mine').getByText(REPAIR).waitFor();
    await shot(rp, 'o12-m-my-orders', true);

    // ---- the console: the rated order, the menu editor, the teams
    await cp.reload();
    await expect.poll(() => cp.getByTestId('order-rating').innerText()).toContain('满意');
    await shot(cp, 'o13-console-order-rated', true);
    await openMenu(cp, 'menu-service-menu');
    await cp.getByTestId('menu-table').getByText('家电水电维修').waitFor();
    await shot(cp, 'o14-console-service-menu', true);
    await openMenu(cp, 'menu-service-teams');
    await cp.getByTestId('teams-table').getByText('民生公益保障服务队').waitFor();
    await shot(cp, 'o15-console-service-teams', true);
    await Promise.all([res.context.close(), par.context.close(), com.context.close()]);
  }, 240_000);
});

describe('on behalf, the menu editor, the teams, English', () => {
  it('grid posts a wish for a resident; community adds a service and a team member; English screens', async () => {
    // ---- the grid worker posts a wish for a resident found in the registry
    const g = await phone();
    const gp = g.page;
    await phoneLogin(gp, 'grid');
    await gp.getByTestId('m-wish-entry-post').click();
    await gp.getByTestId('m-wish-new-page').waitFor();
    const someone = (await gp.evaluate(async () => {
      const r = await fetch('/api/people?pageSize=1&residenceType=registered', { credentials: 'same-origin' });
      return ((await r.json()) as { items: { name: string }[] }).items[0]!.name;
    })) as string;
    await gp.locator('[data-testid="m-wish-person-search"] input').fill(someone);
    await gp.locator('[data-testid="m-wish-person-search"] input').press('Enter');
    await gp.getByTestId('m-wish-person').filter({ hasText: someone }).first().click();
    await gp.locator('[data-testid="m-wish-title"] input').fill('想要一台收音机');
    await textArea(gp, 'm-wish-desc').fill('老人独居，想听听戏曲广播。');
    await shot(gp, 'w20-m-wish-on-behalf');
    await gp.getByTestId('m-wish-submit').click();
    await expect.poll(() => gp.getByTestId('m-wish-state').getAttribute('data-state')).toBe('submitted');
    await expect.poll(() => gp.getByTestId('m-wish-wisher').innerText()).toContain(someone);
    await expect.poll(() => gp.getByTestId('m-wish-wisher').innerText()).toContain('代提交');
    await shot(gp, 'w21-m-wish-on-behalf-submitted', true);
    await g.context.close();

    // ---- community adds a service to the menu and a member to a team
    const c = await desktop();
    const cp = c.page;
    await consoleLogin(cp, 'community');
    await openMenu(cp, 'menu-service-menu');
    await cp.getByTestId('menu-table').getByText('家电水电维修').waitFor();
    await cp.getByTestId('menu-add').click();
    await cp.getByTestId('menu-name').fill('上门理发');
    await cp.locator('[data-testid="menu-category"] input').fill('生活');
    await cp.keyboard.press('Enter');
    await shot(cp, 'o20-console-menu-add');
    await cp.getByTestId('menu-save').click();
    await cp.getByTestId('menu-table').getByText('上门理发').waitFor();
    await openMenu(cp, 'menu-service-teams');
    const row = cp.locator('[data-testid="teams-table"] tbody tr', { hasText: '城乡环境整治服务队' });
    await row.getByTestId('team-add-member').click();
    await cp.getByTestId('team-member-username').fill('party');
    await cp.getByTestId('team-member-ok').click();
    await expect.poll(() => row.innerText()).toMatch(/城乡环境整治服务队[\s\S]*\S/);
    await expect.poll(async () => (await row.locator('.ant-tag').count()) >= 2).toBe(true);
    await shot(cp, 'o21-console-team-member-added', true);

    // ---- English
    await cp.evaluate("localStorage.setItem('gz.locale', 'en')");
    await cp.goto(`${session.url}/orders`);
    await cp.getByTestId('orders-tab-ordered').waitFor();
    await expect.poll(() => cp.getByTestId('orders-title').innerText()).toBe('Service orders');
    await shot(cp, 'o22-console-orders-en');
    await c.context.close();
    const r = await phone();
    await r.page.goto(`${session.url}/m/login`);
    await r.page.evaluate("localStorage.setItem('gz.locale', 'en')");
    await phoneLogin(r.page, 'resident');
    await r.page.getByTestId('m-wish-entry-wall').click();
    await r.page.getByTestId('m-wish-wall').waitFor();
    await expect.poll(() => r.page.getByTestId('m-wishes').innerText()).toContain('Wish wall');
    await shot(r.page, 'w22-m-wish-wall-en');
    await r.context.close();
  }, 240_000);
});
