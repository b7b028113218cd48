// 参与共治 on the cockpit and the big screen, Nanjing's four lists (四张清单), and the public wall's decisions and
// projects, through the real UI.
import { describe, expect, it } from 'vitest';
import { consoleLogin, desktop, openMenu, phone, session, shot, useBrowserSession } from './browser.ts';

useBrowserSession();

const COMMUNITY = '320614103001';

describe('participation on the cockpit and the wall', () => {
  it('the cockpit shows the 参与共治 panel with its figures, as a chart and as a table', async () => {
    const { page } = await desktop();
    await consoleLogin(page, 'secretary', `/cockpit/${COMMUNITY}?from=2020-01-01&to=${new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)}`);
    const panel = page.getByTestId('panel-participation');
    // Below the first screen: its figures render as it is scrolled to.
    await panel.scrollIntoViewIfNeeded();
    await panel.getByTestId('participation-figures').waitFor();
    const figures = await page.evaluate(async (code) => (await (await fetch(`/api/cockpit/participation?area=${code}&from=2020-01-01`)).json()) as { needs: number; participants: number; closed: number }, COMMUNITY);
    expect(await panel.getByTestId('part-needs').innerText()).toBe(String(figures.needs));
    expect(await panel.getByTestId('part-participants').innerText()).toBe(String(figures.participants));
    expect(figures.needs).toBeGreaterThan(0);
    await shot(page, 'pc01-cockpit-participation', false);
    await panel.getByTestId('panel-participation-table-toggle').click();
    await panel.locator('.ant-table-row').first().waitFor();
  }, 90_000);

  it('the big screen shows the same 参与共治 figures as the cockpit', async () => {
    const { page } = await desktop();
    await consoleLogin(page, 'secretary');
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    await page.goto(`${session.url}/screen/${COMMUNITY}?from=2020-01-01&to=${today}`);
    const box = page.getByTestId('screen-participation');
    await box.waitFor();
    const figures = await page.evaluate(
      async ([code, to]) => (await (await fetch(`/api/cockpit/participation?area=${code}&from=2020-01-01&to=${to}`)).json()) as { needs: number; closed: number; participants: number; quarter: { participants: number } },
      [COMMUNITY, today] as const,
    );
    await expect.poll(async () => (await box.getByTestId('screen-part-needs').locator('b').innerText()).trim()).toBe(String(figures.needs));
    expect((await box.getByTestId('screen-part-closed').locator('b').innerText()).trim()).toBe(String(figures.closed));
    expect((await box.getByTestId('screen-part-participants').locator('b').innerText()).trim()).toBe(String(figures.participants));
    expect((await box.getByTestId('screen-part-quarter').locator('b').innerText()).trim()).toBe(String(figures.quarter.participants));
    await shot(page, 'pc03-screen-participation', false);
  }, 90_000);

  it('四张清单: the secretary opens each list of the community, and a need opens its page', async () => {
    const { page } = await desktop();
    await consoleLogin(page, 'secretary');
    await openMenu(page, 'menu-four-lists');
    await page.getByTestId('four-lists-page').waitFor();
    await page.getByTestId('four-section-households').waitFor();
    const info = await page.evaluate(async () => (await (await fetch('/api/lists/four?kind=info')).json()) as { sections: { key: string; count: number }[] });
    const households = info.sections.find((x) => x.key === 'households')!.count;
    expect(households).toBeGreaterThan(0);
    expect((await page.getByTestId('four-count-households').innerText()).replace(/,/g, '')).toBe(String(households));
    await page.getByTestId('four-section-grids').getByTestId('four-row').first().waitFor();
    await shot(page, 'pc04-four-lists-info', false);
    for (const kind of ['resources', 'risks']) {
      await page.getByTestId(`four-tab-${kind}`).click();
      await expect.poll(() => page.getByTestId('four-list').getAttribute('data-kind')).toBe(kind);
    }
    await page.getByTestId('four-section-overdueCases').waitFor();
    await shot(page, 'pc05-four-lists-risks', false);
    await page.getByTestId('four-tab-needs').click();
    const row = page.getByTestId('four-section-needsOpen').getByTestId('four-row').first();
    await row.waitFor();
    await row.click();
    await page.waitForURL(/\/needs\/[0-9a-f-]{36}$/);
  }, 120_000);

  it('the phone wall shows the community’s decisions and projects without names', async () => {
    const { page: m } = await phone();
    await m.goto(`${session.url}/m/wall?area=${COMMUNITY}`);
    await m.getByTestId('m-wall-board').waitFor();
    await m.getByTestId('m-wall-decision').first().waitFor();
    expect(await m.getByTestId('m-wall-decision-result').first().innerText()).toMatch(/^(表决通过|表决未通过|会议未达法定人数)/);
    await m.getByTestId('m-wall-project').first().waitFor();
    await m.locator('[data-testid="m-wall-project-photos"] img').first().waitFor();
    await m.getByTestId('m-wall-board').scrollIntoViewIfNeeded();
    await shot(m, 'pc02-m-wall-board', false);
  }, 90_000);
});
