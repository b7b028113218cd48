// Party members at work through the real UI in Chromium: `party` opens their linked households on
// the phone and records a visit, and the community's coverage figure in the console moves; the
// community accepts a 双报到 application; the grid worker checks in on patrol with the phone's
// location and reads the 民情日记. Screenshots of every screen go to `screenshots/`.
import { describe, expect, it } from 'vitest';
import { consoleLogin, desktop, phone, phoneLogin, session, shot, useBrowserSession, openMenu } from './browser.ts';

const GRID = '320614103001001';
const num = (s: string) => Number(s.replace(/[^\d-]/g, ''));

useBrowserSession();

describe('party: linked households, visits, coverage, 双报到', () => {
  it('`party` records a visit on the phone and the community’s coverage figure moves', async () => {
    // ---- the community's coverage before
    const com = await desktop();
    const cp = com.page;
    await consoleLogin(cp, 'community');
    await openMenu(cp, 'menu-party-coverage');
    await cp.getByTestId('party-coverage-page').waitFor();
    await expect.poll(async () => (await cp.getByTestId('party-coverage-visited').innerText()).trim()).toMatch(/^\d+$/);
    const before = num(await cp.getByTestId('party-coverage-visited').innerText());
    await shot(cp, 'party-01-coverage-console', true);

    // ---- party on the phone: home → my households → a household not yet visited → visit
    const ph = await phone();
    const pp = ph.page;
    await phoneLogin(pp, 'party');
    await pp.getByTestId('m-party-entry').waitFor();
    await shot(pp, 'party-02-mobile-home-party');
    await pp.getByTestId('m-entry-party-households').click();
    await pp.getByTestId('m-party-household-list').waitFor();
    const figure = async () => (await pp.getByTestId('m-party-cover-figure').innerText()).split('/').map(num);
    const [visitedBefore, total] = await figure();
    expect(total).toBeGreaterThan(0);
    await shot(pp, 'party-03-my-households', true);
    const target = pp.locator('[data-testid="m-party-household"][data-visited="no"]').first();
    const address = (await target.getByTestId('m-party-household-address').innerText()).trim();
    await target.click();
    await pp.getByTestId('m-party-visit').waitFor();
    await expect.poll(() => pp.getByTestId('m-party-visit-address').innerText()).toBe(address);
    // defaults: today and 政策宣讲 already chosen; add 困难帮扶 and a note
    await expect.poll(() => pp.getByTestId('m-party-visit-date').innerText()).toContain('今天');
    await pp.getByTestId('m-party-duty-hardship').click();
    await pp.locator('[data-testid="m-party-visit-notes"] textarea').fill('宣讲城乡居民医保缴费政策；老人行动不便，约定下周陪同复查');
    await shot(pp, 'party-04-visit-form', true);
    await pp.getByTestId('m-party-visit-submit').click();
    await pp.getByTestId('m-party-households').waitFor();
    await expect.poll(async () => (await figure())[0]).toBe(visitedBefore! + 1);
    await shot(pp, 'party-05-after-visit');

    // ---- the diary and the index on the phone
    await pp.goto(`${session.url}/m/party/diary`);
    await pp.getByTestId('m-party-diary-day').first().waitFor();
    await expect.poll(() => pp.getByTestId('m-party-diary-day').first().innerText()).toContain(address);
    await shot(pp, 'party-06-diary-party', true);
    await pp.goto(`${session.url}/m/party`);
    await pp.getByTestId('m-party-index').waitFor();
    expect(num(await pp.getByTestId('m-party-index-value').innerText())).toBeGreaterThan(0);
    await shot(pp, 'party-07-vanguard-index', true);

    // ---- the console's figure moved
    await cp.reload();
    await expect.poll(async () => num(await cp.getByTestId('party-coverage-visited').innerText())).toBe(before + 1);
    await shot(cp, 'party-08-coverage-after', true);
    await ph.context.close();
    await com.context.close();
  });

  it('`community` accepts a 双报到 application in the console; the member joins the grid branch', async () => {
    const com = await desktop();
    const cp = com.page;
    await consoleLogin(cp, 'community');
    await openMenu(cp, 'menu-party-orgs');
    await cp.getByTestId('party-orgs-page').waitFor();
    await cp.getByTestId('party-org-detail').waitFor();
    await shot(cp, 'party-09-orgs-tree', true);
    await cp.getByTestId('party-org-node').filter({ hasText: '状元街社区第一网格党支部' }).first().click();
    await expect.poll(() => cp.getByTestId('party-org-detail').innerText()).toContain('第一网格党支部');
    await cp.getByTestId('party-registrations').waitFor();
    const name = (await cp.getByTestId('party-registration-name').first().innerText()).trim();
    expect(name.length).toBeGreaterThan(1);
    await shot(cp, 'party-10-registration-pending', true);
    await cp.getByTestId('party-registration-accept').first().click();
    await expect.poll(() => cp.getByTestId('party-registrations').innerText()).toContain('没有待审核的报到申请');
    // the member is listed in the grid branch, registered, keeping their own organisation
    await cp.locator('.ant-card-extra input').fill(name);
    await cp.locator('.ant-card-extra input').press('Enter');
    await expect.poll(() => cp.getByTestId('party-members-table').innerText()).toContain('社会力量功能型党支部');
    await expect.poll(() => cp.getByTestId('party-members-table').innerText()).toContain('已报到');
    await cp.getByTestId('party-member-name').first().click();
    await cp.getByTestId('party-member-drawer').waitFor();
    await shot(cp, 'party-11-member-drawer');
    await cp.keyboard.press('Escape');

    // the other console screens
    await openMenu(cp, 'menu-party-links');
    await cp.getByTestId('party-links-page').waitFor();
    await expect.poll(() => cp.locator('.gz-party-alert').first().innerText()).toContain('未联系 0 户');
    await shot(cp, 'party-12-links', true);
    await openMenu(cp, 'menu-party-posts');
    await cp.getByTestId('party-formation').waitFor();
    await expect.poll(() => cp.getByTestId('party-formation').innerText()).toContain('不符合');
    await shot(cp, 'party-13-posts-formation', true);
    await com.context.close();
  });

  it('the grid worker checks in on patrol with the phone’s location and sees it in the diary', async () => {
    const ph = await phone();
    const gp = ph.page;
    await phoneLogin(gp, 'grid');
    const centre = await gp.evaluate(async (code) => {
      const a = (await (await fetch(`/api/areas/${code}`)).json()) as { geometry: { coordinates: number[][][] } };
      const ring = a.geometry.coordinates[0]!;
      return { lng: ring.reduce((s, p) => s + p[0]!, 0) / ring.length, lat: ring.reduce((s, p) => s + p[1]!, 0) / ring.length };
    }, GRID);
    await ph.context.grantPermissions(['geolocation'], { origin: session.url });
    await ph.context.setGeolocation({ latitude: centre.lat, longitude: centre.lng });
    await shot(gp, 'party-14-mobile-home-grid', true);
    await gp.getByTestId('m-entry-party-patrol').click();
    await gp.getByTestId('m-party-patrol').waitFor();
    const covered = async () => num((await gp.getByTestId('m-party-patrol-month').locator('b').innerText()).split('/')[0]!);
    const c0 = await covered();
    // pick the first building not yet patrolled, then check in
    await gp.getByTestId('m-party-patrol-building').click();
    await gp.locator('.adm-picker-header-button').last().click();
    await gp.getByTestId('m-party-patrol-checkin').click();
    await expect.poll(async () => (await gp.getByTestId(`m-party-slot-am`).getAttribute('data-done')) === 'yes' || (await gp.getByTestId(`m-party-slot-pm`).getAttribute('data-done')) === 'yes').toBe(true);
    await expect.poll(covered).toBe(c0 + 1);
    await shot(gp, 'party-15-patrol', true);
    await gp.goto(`${session.url}/m/party/diary`);
    await gp.getByTestId('m-party-diary-day').first().waitFor();
    await expect.poll(() => gp.getByTestId('m-party-diary-day').first().innerText()).toContain('巡查');
    await shot(gp, 'party-16-diary-grid', true);
    await gp.goto(`${session.url}/m/party/households`);
    await gp.getByTestId('m-party-household-list').waitFor();
    await shot(gp, 'party-17-grid-households');
    await ph.context.close();
  });
});
