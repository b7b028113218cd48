// 平战转换 end to end: the town centre switches a community to wartime in the console; the grid worker's phone shows
// the banner, acknowledges the centre's task and checks in at the post; the big screen shows its wartime layout; the centre ends it with a summary.
import { describe, expect, it } from 'vitest';
import { consoleLogin, desktop, openMenu, phone, phoneLogin, shot, useBrowserSession } from './browser.ts';

useBrowserSession();

const reason = `暴雨红色预警${Date.now().toString(36)}`;

describe('wartime and back', () => {
  it('the town centre switches the community to wartime in the console', async () => {
    const { context, page } = await desktop();
    await consoleLogin(page, 'town');
    await openMenu(page, 'menu-emergencies');
    await page.getByTestId('emergencies-page').waitFor();
    await page.getByTestId('emergency-switch').click();
    await page.getByTestId('emergency-area').click();
    await page.locator('.ant-select-tree-node-content-wrapper', { hasText: '状元街居委会' }).first().click();
    await page.getByTestId('emergency-kind').click();
    await page.locator('.ant-select-item-option', { hasText: '防汛' }).first().click();
    await page.getByTestId('emergency-level').click();
    await page.locator('.ant-select-item-option', { hasText: '二级' }).first().click();
    await page.getByTestId('emergency-reason').fill(reason);
    await page.getByTestId('emergency-switch-ok').click();
    await expect.poll(() => page.getByTestId('emergency-detail').innerText()).toContain(reason);
    expect(await page.getByTestId('emergency-state').innerText()).toContain('战时');
    await expect.poll(() => page.getByTestId('wartime-banner').innerText()).toContain('防汛二级响应');
    await shot(page, 'w01-emergency-console');
    // A task for the whole community, acknowledged on the phone below.
    await page.getByTestId('emergency-send-task').click();
    await page.getByTestId('emergency-task-title').fill('18:00 前完成低洼住户转移');
    await page.getByTestId('emergency-task-ok').click();
    await expect.poll(() => page.getByTestId('emergency-tasks').innerText()).toContain('0 人已收到');
    await context.close();
  });

  it('the grid worker sees the banner on the phone and checks in at the post, without a signal too', async () => {
    const { context, page } = await phone();
    await phoneLogin(page, 'grid');
    await expect.poll(() => page.getByTestId('m-wartime-banner').innerText()).toContain('已转入战时状态');
    await page.getByTestId('m-entry-emergency').click();
    await page.getByTestId('m-checkin').waitFor();
    await expect.poll(() => page.getByTestId('m-emergency-tasks').innerText()).toContain('低洼住户转移');
    await page.getByTestId('m-task-ack').click();
    await expect.poll(() => page.getByTestId('m-emergency-tasks').innerText()).toContain('已收到');
    // In the basement: the check-in waits on the phone, then arrives once when the signal is back.
    await context.setOffline(true);
    await page.getByTestId('m-checkin-submit').click();
    await expect.poll(() => page.locator('body').innerText()).toContain('条记录待发送');
    await shot(page, 'w02-m-checkin-offline');
    await context.setOffline(false);
    await page.getByTestId('m-checkin-last').waitFor();
    await shot(page, 'w02-m-checkin');
    await context.close();
  });

  it('the big screen of the town shows the wartime layout', async () => {
    const { context, page } = await desktop();
    await page.setViewportSize({ width: 1920, height: 1080 });
    await consoleLogin(page, 'town', '/screen/320614103');
    await page.getByTestId('screen-wartime').waitFor();
    await expect.poll(() => page.getByTestId('screen-wartime-forces').innerText()).toContain('已到岗 1 人');
    await page.getByTestId('screen-wartime-campaigns').waitFor();
    await shot(page, 'w03-screen-wartime');
    await context.close();
  });

  it('the centre ends it with a summary and the banner goes', async () => {
    const { context, page } = await desktop();
    await consoleLogin(page, 'town');
    await expect.poll(() => page.getByTestId('wartime-banner').innerText()).toContain('防汛');
    await page.getByTestId('wartime-banner-open').first().click();
    await expect.poll(() => page.getByTestId('emergency-detail').innerText()).toContain(reason);
    await expect.poll(() => page.getByTestId('emergency-tasks').innerText()).toContain('1 人已收到');
    await page.getByTestId('emergency-end').click();
    await page.getByTestId('emergency-summary-input').fill('水位回落，险情解除，恢复平时状态。');
    await page.getByTestId('emergency-end-ok').click();
    await expect.poll(() => page.getByTestId('emergency-state').innerText()).toContain('已恢复平时');
    await expect.poll(() => page.getByTestId('emergency-summary').innerText()).toContain('险情解除');
    await expect.poll(() => page.getByTestId('wartime-banner').count()).toBe(0);
    expect(await page.getByTestId('emergency-timeline').innerText()).toContain('恢复平时状态');
    await shot(page, 'w04-emergency-ended');
    await context.close();
  });
});
