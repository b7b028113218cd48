// 红心物业 through the real UI: the housing department (`dept-zj`) proposes this year's grades from the credit
// scores, opens a company's breakdown and confirms a grade different from the proposal with a reason; `community`
// inspects a compound on the phone (checklist and a photo). Screenshots go to `screenshots/`.
import { describe, expect, it } from 'vitest';
import { consoleLogin, desktop, openMenu, phone, phoneLogin, png, shot, useBrowserSession } from './browser.ts';

useBrowserSession();

describe('property: grading by the housing department, inspection on the phone', () => {
  it('proposes and confirms a grade with a reason, and records an inspection with a photo', async () => {
    const { page } = await desktop();
    await consoleLogin(page, 'dept-zj');
    await openMenu(page, 'menu-property');
    await page.getByTestId('property-page').waitFor();
    await page.getByTestId('prop-propose').click();
    await expect.poll(() => page.getByTestId('prop-confirm').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const proposed = (await page.getByTestId('prop-proposed').first().innerText()).trim();
    await shot(page, 'p01-gradings');

    // The breakdown of the first company: why it scored what it did.
    await page.getByTestId('prop-gradings').locator('tbody a').first().click();
    await page.getByTestId('prop-breakdown').waitFor();
    expect(await page.getByTestId('prop-breakdown').innerText()).toContain('社区检查');
    await shot(page, 'p02-breakdown');
    await page.locator('.ant-drawer-close').click();

    // Confirm a grade other than the proposal: the reason is required.
    const other = proposed === 'D' ? 'C' : 'D';
    await page.getByTestId('prop-confirm').first().click();
    await page.getByTestId('prop-confirm-grade').click();
    await page.locator('.ant-select-item-option').filter({ hasText: new RegExp(`^${other}$`) }).click();
    await page.locator('#prop-confirm-ok').click();
    await page.getByText('确认等级与建议等级不同，请填写调整理由').waitFor();
    await page.getByTestId('prop-confirm-reason').fill('年内发生电梯困人安全责任事故，降级处理');
    await page.locator('#prop-confirm-ok').click();
    await expect.poll(() => page.getByTestId('prop-confirmed').filter({ hasText: other }).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await shot(page, 'p03-confirmed');

    // The community inspects a compound on the phone.
    const { page: m } = await phone();
    await phoneLogin(m, 'community');
    await m.getByTestId('m-property-entry-inspect').click();
    await m.getByTestId('m-property-inspect').waitFor();
    await m.getByTestId('m-prop-compounds').locator('.adm-selector-item').first().click();
    for (const item of ['cleaning', 'greenery', 'facilities', 'fire-safety', 'disclosure']) await m.getByTestId(`m-prop-pass-${item}`).click();
    await m.getByTestId('m-prop-fail-order').click();
    const photo = { name: 'site.png', mimeType: 'image/png', buffer: png(8, 8, () => [200, 60, 60]) };
    await m.locator('[data-testid="m-prop-photos"] input[type="file"]').setInputFiles(photo);
    await m.locator('[data-testid="m-prop-photos"] img[src*="/api/files/"]').waitFor();
    await shot(m, 'p04-m-inspection', true);
    await m.getByTestId('m-prop-submit').click();
    await m.getByText('已提交，本次检查 83 分').waitFor();
  }, 120_000);
});
