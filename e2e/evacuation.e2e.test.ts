// 风险地图 and 转移安置 end to end: the community looks at the colour map, makes an evacuation list from the colours
// with one action, assigns it to the grid worker, who marks a person arrived with one tap on the phone.
import { describe, expect, it } from 'vitest';
import { axeProblems } from './axe.ts';
import { consoleLogin, desktop, openMenu, PASSWORD, phone, phoneLogin, session, shot, useBrowserSession } from './browser.ts';

useBrowserSession();

const GRID = '320614103001001';
let title = '';

async function api(username: string, path: string) {
  const login = await fetch(`${session.url}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return (await (await fetch(`${session.url}${path}`, { headers: { cookie } })).json()) as Record<string, unknown>;
}

describe('risk map and evacuation', () => {
  it('the community sees the colours on the map and makes a list from them, assigned to the grid worker', async () => {
    const gridWorker = (await api('grid', '/api/auth/me')) as { displayName: string };
    const { context, page } = await desktop();
    await consoleLogin(page, 'community');
    await openMenu(page, 'menu-risk-map');
    await page.getByTestId('risk-map-page').waitFor();
    await page.getByTestId('risk-map').waitFor();
    await expect.poll(() => page.locator('.gz-risk-dot').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('risk-map-totals').innerText()).toContain('橙');
    await shot(page, 'v01-risk-map', true);
    // The counts are written in the colours darkened for text (the crawl found the plain ones below 4.5:1).
    expect(await axeProblems(page)).toEqual([]);
    // Only red and orange: every dot is in one of those colours.
    await page.getByTestId('risk-filter-yellow').click();
    await expect.poll(() => page.locator('.gz-risk-yellow').count()).toBe(0);
    await expect.poll(() => page.locator('.gz-risk-dot').count()).toBeGreaterThan(0);
    await shot(page, 'v02-risk-map-red-orange');

    // The list of a grid, from the colours in one action (the map's button opens the form with area and colours).
    await page.goto(`${session.url}/evacuations?area=${GRID}&colours=red,orange`);
    title = `防汛转移${Date.now().toString(36)}`;
    await page.getByTestId('evac-title').fill(title);
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await expect.poll(() => page.getByTestId('evac-current').innerText()).toContain(title);
    const rows = page.getByTestId('evac-entries').locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    expect(await page.getByTestId('evac-count-pending').innerText()).toMatch(/待转移 \d+/);

    // Assign the first page to the grid worker.
    await page.getByTestId('evac-entries').locator('thead .ant-checkbox-input').check();
    await page.getByTestId('evac-assign').click();
    await page.getByTestId('evac-responsible').click();
    await page.locator('.ant-select-item-option', { hasText: gridWorker.displayName }).first().click();
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await expect.poll(() => rows.first().innerText()).toContain(gridWorker.displayName);
    await shot(page, 'v03-evacuation-console');
    await context.close();
  });

  it('the grid worker marks a person arrived with one tap; the console shows who confirmed it', async () => {
    const { context, page } = await phone();
    await phoneLogin(page, 'grid');
    await page.getByTestId('m-entry-evacuations').click();
    await page.getByTestId('m-evac-list').waitFor();
    const first = page.getByTestId('m-evac-entry').first();
    const name = (await first.innerText()).split('\n')[0]!.replace(/（.*$/, '').trim();
    await first.getByTestId('m-evac-arrive').click();
    await first.getByTestId('m-evac-state-arrived').waitFor();
    await page.getByTestId('m-outbox-bar').waitFor({ state: 'detached', timeout: 15_000 });
    await shot(page, 'v04-m-evacuation');

    const lists = (await api('community', '/api/evacuations')) as { items: { id: string; title: string }[] };
    const id = lists.items.find((l) => l.title === title)!.id;
    const detail = (await api('community', `/api/evacuations/${id}?state=arrived`)) as { items: { name: string; arrivedByName: string | null }[]; counts: { arrived: number } };
    expect(detail.counts.arrived).toBe(1);
    expect(detail.items[0]!.name.startsWith(name.slice(0, 1))).toBe(true);
    expect(detail.items[0]!.arrivedByName).toBeTruthy();
    await context.close();
  });
});
