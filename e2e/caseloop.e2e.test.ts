// The case loop's settings through the real UI in Chromium (docs/CASES.md "Office hours"): the
// administrator enters a holiday for a year the built-in table does not know (工作日历), and the
// town centre gives a community its own office hours and restores the default (办公时间).
// Screenshots in `screenshots/`.
import { describe, expect, it } from 'vitest';
import { consoleLogin, desktop, menuEntry, openMenu, shot, useBrowserSession } from './browser.ts';

useBrowserSession();

describe('work calendar and office hours', () => {
  it('the administrator enters New Year’s Day for next year and removes it again', async () => {
    const { context, page } = await desktop();
    await consoleLogin(page, 'admin');
    await openMenu(page, 'menu-calendar');
    await page.getByTestId('calendar-title').waitFor();
    await page.getByTestId('calendar-table').waitFor();
    await shot(page, 'caseloop-calendar');

    // A year the package does not know: the warning names it.
    await page.getByTestId('calendar-year').click();
    const next = new Date().getFullYear() + 2;
    await page.locator('.ant-select-item-option', { hasText: `${next} 年` }).click();
    await expect.poll(() => page.getByTestId('calendar-coverage').innerText()).toContain(`${next} 年`);

    await page.getByTestId('calendar-add').click();
    const dateInput = page.locator('.ant-modal .ant-picker input');
    await dateInput.click();
    await dateInput.fill(`${next}-01-01`);
    await page.keyboard.press('Enter');
    await page.getByTestId('calendar-name').fill('元旦');
    await page.getByTestId('calendar-save').click();
    const row = page.getByTestId('calendar-table').locator('tr', { hasText: `${next}-01-01` });
    await row.waitFor();
    expect(await row.innerText()).toContain('元旦');
    expect(await row.innerText()).toContain('本地调整');
    await expect.poll(() => page.getByTestId('calendar-coverage').innerText()).toContain('已按本地录入');
    await shot(page, 'caseloop-calendar-override');

    await page.getByTestId(`cal-remove-${next}-01-01`).click();
    await page.locator('.ant-popconfirm .ant-btn-dangerous').click();
    await expect.poll(() => row.count()).toBe(0);
    await context.close();
  });

  it('the town centre sets a community’s office hours and restores the default; a community worker has no such entry', async () => {
    const { context, page } = await desktop();
    await consoleLogin(page, 'town');
    expect(await menuEntry(page, 'menu-calendar').count()).toBe(0);
    await openMenu(page, 'menu-office-hours');
    await page.getByTestId('office-hours-title').waitFor();
    const table = page.getByTestId('office-hours-table');
    const row = table.locator('tr', { hasText: '状元街社区居民委员会' });
    await row.waitFor();
    expect(await row.innerText()).toContain('默认');
    await shot(page, 'caseloop-office-hours');

    // Morning only: the second period removed.
    await row.getByRole('button', { name: /设置办公时间/ }).click();
    await page.getByTestId('hours-period-1').first().waitFor();
    await page.getByRole('dialog').getByRole('button', { name: '删除时段' }).last().click();
    await expect.poll(() => page.getByTestId('hours-period-1').count()).toBe(0);
    await shot(page, 'caseloop-office-hours-edit');
    await page.getByTestId('hours-save').click();
    await expect.poll(() => row.innerText()).toContain('本单位设置');
    expect(await row.innerText()).toContain('08:30–12:00');

    await row.getByRole('button', { name: /恢复默认/ }).click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await expect.poll(() => row.innerText()).toContain('默认');
    expect(await row.innerText()).not.toContain('本单位设置');
    await context.close();

    const other = await desktop();
    await consoleLogin(other.page, 'community');
    expect(await menuEntry(other.page, 'menu-office-hours').count()).toBe(0);
    await other.context.close();
  });
});
