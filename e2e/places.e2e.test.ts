// Places and the person page through the real console in Chromium: a grid worker adds a small venue by
// clicking its location on the map; the community worker opens a person's page from the people list, and
// the same page on the phone. Screenshots go to `screenshots/`.
import { axeProblems } from './axe.ts';
import { describe, expect, it } from 'vitest';
import { consoleLogin, desktop, openMenu, phone, phoneLogin, session, shot, useBrowserSession } from './browser.ts';

const SLOW = { timeout: 20_000 };

useBrowserSession();

describe('places and the person page', () => {
  it('a grid worker adds a place on the map', async () => {
    const { context, page } = await desktop();
    await consoleLogin(page, 'grid');
    await openMenu(page, 'menu-places');
    await page.getByTestId('places-page').waitFor();
    await page.getByTestId('places-map').waitFor();
    await expect.poll(() => page.getByTestId('places-table').locator('tbody tr').count(), SLOW).toBeGreaterThan(0);
    await shot(page, 'places-01-map-list');
    expect(await axeProblems(page)).toEqual([]);

    const name = `测试小超市${Date.now().toString(36).slice(-4)}`;
    await page.getByTestId('place-add').click();
    await page.getByTestId('pick-map').waitFor();
    const box = (await page.getByTestId('pick-map').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.getByTestId('pick-grid').waitFor(SLOW);
    await page.getByTestId('place-name-input').fill(name);
    await shot(page, 'places-02-form');
    await page.getByTestId('place-save').click();
    await expect.poll(() => page.getByTestId('places-table').innerText(), SLOW).toContain(name);
    const created = (await (await page.request.get(`${session.url}/api/places?q=${encodeURIComponent(name)}`)).json()) as { items: { areaCode: string }[] };
    expect(created.items[0]?.areaCode).toBe('320614103001001');
    await page.getByTestId('tab-orgs').click();
    await page.getByTestId('orgs-table').waitFor();
    await shot(page, 'places-03-orgs');
    await context.close();
  });

  it('the community opens a person’s page from the list, and on the phone', async () => {
    const { context, page } = await desktop();
    await consoleLogin(page, 'community');
    await openMenu(page, 'menu-people');
    await page.getByTestId('person-name').first().click();
    await page.getByTestId('person-open-page').click();
    await page.getByTestId('person-page').waitFor(SLOW);
    await page.getByTestId('person-page-household').waitFor();
    await page.getByTestId('person-page-party').waitFor();
    await shot(page, 'places-04-person-page', true);
    expect(await axeProblems(page)).toEqual([]);
    const id = page.url().split('/people/')[1]!;
    await context.close();

    const m = await phone();
    await phoneLogin(m.page, 'community', `/m/people/${id}`);
    await m.page.getByTestId('m-person-areas').waitFor(SLOW);
    await shot(m.page, 'places-05-m-person', true);
    await m.context.close();
  });
});
