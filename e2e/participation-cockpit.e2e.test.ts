// 参与共治 on the cockpit and the public wall's decisions and projects, through the real UI.
import { describe, expect, it } from 'vitest';
import { consoleLogin, desktop, phone, session, shot, useBrowserSession } from './browser.ts';

useBrowserSession();

const COMMUNITY = '320614103001';

describe('participation on the cockpit and the wall', () => {
  it('the cockpit shows the 参与共治 panel with its figures, as a chart and as a table', async () => {
    const { page } = await desktop();
    await consoleLogin(page, 'secretary');
    await page.goto(`${session.url}/cockpit/${COMMUNITY}?from=2020-01-01&to=${new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)}`);
    const panel = page.getByTestId('panel-participation');
    await panel.getByTestId('participation-figures').waitFor();
    const figures = await page.evaluate(async (code) => (await (await fetch(`/api/cockpit/participation?area=${code}&from=2020-01-01`)).json()) as { needs: number; participants: number; closed: number }, COMMUNITY);
    expect(await panel.getByTestId('part-needs').innerText()).toBe(String(figures.needs));
    expect(await panel.getByTestId('part-participants').innerText()).toBe(String(figures.participants));
    expect(figures.needs).toBeGreaterThan(0);
    await panel.scrollIntoViewIfNeeded();
    await shot(page, 'pc01-cockpit-participation', false);
    await panel.getByTestId('panel-participation-table-toggle').click();
    await panel.locator('.ant-table-row').first().waitFor();
  }, 90_000);

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
