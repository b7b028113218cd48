// Reception days (接待日) and leaders' cases (领导包案) through the real UI in Chromium (docs/CASES.md
// "Reception days"): the town centre schedules a reception day for the district leader in 状元街,
// records what a resident raised there, and the leader finds the case on their own list; residents
// read the community's upcoming reception days on the phone. Screenshots in `screenshots/`.
import { describe, expect, it } from 'vitest';
import { consoleLogin, desktop, openMenu, PASSWORD, phone, phoneLogin, session, shot, useBrowserSession } from './browser.ts';

useBrowserSession();

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

describe('reception days', () => {
  it('the town schedules a reception day, records a case there, and the leader follows it', async () => {
    const { context, page } = await desktop();
    await consoleLogin(page, 'town');
    await openMenu(page, 'menu-reception');
    await page.getByTestId('reception-title').waitFor();
    await page.getByTestId('reception-chip').first().waitFor();
    await shot(page, 'reception-calendar');

    await page.getByTestId('reception-create').click();
    await page.getByTestId('reception-form').waitFor();
    // Pick the leader until the field shows them (an option clicked while the drop-down still unfolds can be lost).
    const leaderField = page.getByTestId('reception-leader');
    await expect
      .poll(async () => {
        if (!(await leaderField.innerText()).includes('施国平')) {
          await leaderField.click();
          await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '施国平' }).first().click({ timeout: 5_000 }).catch(() => undefined);
        }
        return leaderField.innerText();
      })
      .toContain('施国平');
    await page.getByTestId('reception-area').click();
    await page.locator('.ant-select-tree-node-content-wrapper', { hasText: '状元街居委会' }).first().click();
    await page.getByTestId('reception-place').fill('状元街党群服务中心一楼接待室');
    const day = page.locator('.ant-modal .ant-picker:not(.ant-picker-range) input');
    await day.click();
    await day.fill(today());
    await page.keyboard.press('Enter');
    await shot(page, 'reception-form');
    await page.getByTestId('reception-save').click();
    await page.getByTestId('reception-form').waitFor({ state: 'detached' });

    // The list view: today's day, then its drawer and a case recorded at it.
    await page.locator('.ant-segmented-item', { hasText: '列表' }).click();
    const row = page.getByTestId('reception-table').locator('tr', { hasText: '状元街党群服务中心一楼接待室' }).first();
    await row.waitFor();
    await shot(page, 'reception-list');
    await row.getByTestId('reception-open').click();
    await page.getByTestId('reception-record').click();
    await page.getByTestId('reception-case-form').waitFor();
    await page.getByTestId('reception-case-category').click();
    await page.keyboard.type('噪声');
    await page.locator('.ant-select-tree-node-content-wrapper', { hasText: '噪声扰民' }).first().click();
    const title = `接待日：夜市噪声扰民 ${Date.now().toString(36)}`;
    await page.getByTestId('reception-case-title').fill(title);
    await page.getByTestId('reception-case-description').fill('居民在接待日反映状元街夜市烧烤店营业到凌晨，噪声影响休息。');
    await shot(page, 'reception-record');
    await page.getByTestId('reception-case-save').click();
    const created = await page.getByTestId('reception-case-created').innerText();
    const code = /HM\d+/.exec(created)?.[0];
    expect(code).toBeTruthy();
    await page.locator('.ant-modal-confirm .ant-btn-primary').click();
    await expect.poll(() => page.getByTestId('reception-cases').innerText()).toContain(code!);
    await context.close();

    const lead = await desktop();
    // The leader lands on the cockpit; 领导包案 is in the console's menu.
    await lead.page.goto(`${session.url}/login`);
    await lead.page.getByTestId('login-username').fill('leader');
    await lead.page.getByTestId('login-password').fill(PASSWORD);
    await lead.page.getByTestId('login-submit').click();
    await lead.page.waitForURL(/\/cockpit/);
    await lead.page.goto(`${session.url}/reception`);
    await openMenu(lead.page, 'menu-lead-cases');
    await lead.page.getByTestId('lead-cases-title').waitFor();
    const mine = lead.page.locator(`[data-testid="lead-case"][data-code="${code}"]`);
    await mine.waitFor();
    await shot(lead.page, 'reception-lead-cases');
    await mine.click();
    await expect.poll(() => lead.page.getByTestId('case-lead').innerText()).toBe('施国平');
    await shot(lead.page, 'reception-lead-case');
    await lead.context.close();
  });

  it('a resident reads the community’s upcoming reception days on the phone', async () => {
    const { context, page } = await phone();
    await phoneLogin(page, 'resident', '/m/wall');
    await page.getByTestId('m-reception-strip').waitFor();
    await shot(page, 'reception-m-wall');
    await page.getByTestId('m-reception-strip').getByRole('link').click();
    await page.getByTestId('m-reception-day').first().waitFor();
    expect(await page.getByTestId('m-reception').innerText()).toContain('施国平');
    await shot(page, 'reception-m-page');
    await context.close();
  });
});
