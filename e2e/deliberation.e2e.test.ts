// Deliberation (议事协商) through the real UI: `community` convenes a residents' assembly of 状元街
// with its roll filled from the registry, records a paper ballot; `resident`, on the roll, votes on
// the phone; `community` closes it and reads why it was not held (过半数 not reached). Screenshots
// go to `screenshots/`.
import { describe, expect, it } from 'vitest';
import { consoleLogin, desktop, openMenu, phone, phoneLogin, shot, useBrowserSession } from './browser.ts';

useBrowserSession();

const TOPIC = `小区加装非机动车充电桩 ${Date.now().toString(36).slice(-4)}`;

describe('deliberation: convene → paper ballot → resident votes on the phone → close with the reason', () => {
  it('runs through the console and the phone', async () => {
    const { page } = await desktop();
    await consoleLogin(page, 'community');
    await openMenu(page, 'menu-deliberations');
    await page.getByTestId('deliberations-page').waitFor();
    await shot(page, 'd01-deliberations');

    await page.getByTestId('delib-new').click();
    await page.getByTestId('delib-form').waitFor();
    await page.getByTestId('delib-f-title').fill(TOPIC);
    await page.getByTestId('delib-f-description').fill('在 3 幢北侧空地加装 20 个充电桩，费用由维修资金以外的社区资金承担。');
    await page.getByTestId('delib-f-registry').click();
    await expect.poll(() => page.getByTestId('delib-f-count').innerText(), { timeout: 15_000 }).toMatch(/名册共 [1-9]\d* 项/);
    await shot(page, 'd02-new-deliberation');
    await page.getByTestId('delib-submit').click();
    await page.getByTestId('deliberation-page').waitFor();
    expect(await page.getByTestId('deliberation-page').getAttribute('data-state')).toBe('open');

    // The resident, on the roll from the registry, votes on the phone.
    const { page: m } = await phone();
    await phoneLogin(m, 'resident');
    await m.getByTestId('m-delib-entry-vote').click();
    await m.getByTestId('m-deliberations').waitFor();
    await m.getByTestId('m-delib-card').filter({ hasText: TOPIC }).click();
    await m.getByTestId('m-delib-vote-yes').click();
    await m.locator('.adm-dialog-button').filter({ hasText: '赞成' }).click();
    await m.getByTestId('m-delib-voted').waitFor();
    expect(await m.getByTestId('m-delib-voted').innerText()).toContain('赞成');
    await shot(m, 'd04-m-voted', true);

    // A paper ballot for the first entry of the roll still to vote (after the resident's own vote: the roll's order
    // comes from the registry, and the resident may be its first entry).
    await page.reload();
    await page.getByTestId('delib-record-yes').first().click();
    await expect.poll(() => page.getByTestId('delib-ballot').count()).toBeGreaterThanOrEqual(1);
    await shot(page, 'd03-deliberation-open', true);

    // Closing: with two of the whole community voting, the assembly was not held.
    await page.reload();
    await expect.poll(() => page.getByTestId('delib-tally').innerText(), { timeout: 15_000 }).toMatch(/投票 2，赞成 2/);
    await page.getByTestId('delib-close').click();
    await page.getByTestId('delib-close-confirm').click();
    await expect.poll(() => page.getByTestId('deliberation-page').getAttribute('data-state'), { timeout: 20_000 }).toBe('decided');
    expect(await page.getByTestId('delib-result').innerText()).toContain('未达法定人数');
    expect(await page.getByTestId('delib-reason').innerText()).toMatch(/到会人数 2\/\d+（<?[\d.]+%），未过半数/);
    await shot(page, 'd05-deliberation-decided', true);
  }, 120_000);
});
