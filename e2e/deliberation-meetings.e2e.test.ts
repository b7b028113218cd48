// Deliberation meetings (议事会议) through the real UI: `community` opens the demo's 居民会议 of 状元街, sees its
// scheduled meeting in the 会议 tab, schedules one for now, edits its agenda and puts the check-in screen up
// (the big six-digit code and its QR); `resident`, on the roll, opens the meeting on the phone, types a wrong
// code (refused), then the code on the screen (checked in); `community` sees the count, marks a neighbour
// present by hand and records the minutes. Screenshots go to `screenshots/`.
import { describe, expect, it } from 'vitest';
import { consoleLogin, desktop, phone, phoneLogin, shot, useBrowserSession } from './browser.ts';

useBrowserSession();

const DEMO = '状元街第一网格加装电梯和停车管理';

function nowText() {
  const d = new Date(Date.now() + 8 * 3600_000);
  return d.toISOString().slice(0, 16).replace('T', ' ');
}

describe('deliberation meetings: agenda, QR screen, phone check-in, attendance and minutes', () => {
  it('runs through the console and the phone', async () => {
    const { page } = await desktop();
    await consoleLogin(page, 'community', '/deliberations');
    await page.getByTestId('deliberations-page').waitFor();
    await page.getByText(DEMO).first().click();
    await page.getByTestId('deliberation-page').waitFor();
    await page.getByTestId('delib-tab-meetings').click();
    await page.getByTestId('meeting-panel').waitFor();
    // The demo's meeting tomorrow evening, with its agenda.
    await expect.poll(() => page.getByTestId('meeting-agenda').innerText()).toContain('加装电梯费用按楼层分摊方案');
    await shot(page, 'dm01-meetings-tab', true);

    // Schedule one for now.
    await page.getByTestId('meeting-schedule').click();
    const at = page.locator('[data-testid="meeting-at"] input, input[data-testid="meeting-at"]').first();
    await at.click();
    await at.fill(nowText());
    await at.press('Enter');
    await page.getByTestId('meeting-place').fill('状元街社区居民议事园');
    await page.getByTestId('meeting-schedule-ok').click();
    await expect.poll(() => page.getByTestId('meeting-panel').getAttribute('data-state')).toBe('scheduled');
    await expect.poll(() => page.getByTestId('meeting-agenda').innerText()).toContain('议程为空');

    // Agenda editor: two items, the second moved up.
    await page.getByTestId('agenda-title').fill('楼道堆物清理');
    await page.getByTestId('agenda-add').click();
    await expect.poll(() => page.getByTestId('meeting-agenda').innerText()).toContain('楼道堆物清理');
    await page.getByTestId('agenda-title').fill('加装电梯费用分摊');
    await page.getByTestId('agenda-add').click();
    await expect.poll(() => page.getByTestId('agenda-up').count()).toBe(2);
    await page.getByTestId('agenda-up').nth(1).click();
    await expect.poll(async () => (await page.getByTestId('meeting-agenda').locator('tbody tr').first().innerText()).includes('加装电梯费用分摊')).toBe(true);
    expect(await page.getByTestId('meeting-count').innerText()).toMatch(/到会 0 \/ 名册 \d+/);

    // The check-in screen.
    await page.getByTestId('meeting-qr-open').click();
    await page.getByTestId('meeting-qr').waitFor();
    await expect.poll(() => page.getByTestId('meeting-code').innerText()).toMatch(/^\d{6}$/);
    expect(await page.getByTestId('meeting-qr-svg').innerHTML()).toContain('<svg');
    const qrPath = (await page.getByTestId('meeting-qr-svg').getAttribute('data-path'))!;
    const meetingPath = qrPath.split('?')[0]!;
    await shot(page, 'dm02-qr-screen');

    // The resident checks in on the phone by typing the code: a wrong one first.
    const { page: m } = await phone();
    await phoneLogin(m, 'resident', meetingPath);
    await m.getByTestId('m-meeting').waitFor();
    await expect.poll(() => m.getByTestId('m-meeting-agenda').innerText()).toContain('加装电梯费用分摊');
    const code = await page.getByTestId('meeting-code').innerText();
    const wrong = String((Number(code) + 500_000) % 1_000_000).padStart(6, '0');
    await m.locator('[data-testid="m-meeting-code"] input').fill(wrong);
    await m.getByTestId('m-meeting-submit').click();
    await expect.poll(() => m.getByTestId('m-meeting-problem').innerText()).toContain('签到码');
    await shot(m, 'dm03-m-meeting-wrong-code', true);
    await m.locator('[data-testid="m-meeting-code"] input').fill(await page.getByTestId('meeting-code').innerText());
    await m.getByTestId('m-meeting-submit').click();
    await m.getByTestId('m-meeting-checked-in').waitFor();
    await shot(m, 'dm04-m-checked-in', true);

    // The screen's count follows at its next refresh; the panel after the screen is closed.
    await expect.poll(() => page.getByTestId('meeting-qr-count').innerText(), { timeout: 40_000 }).toMatch(/已签到 1 \//);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('roll-present').count()).toBe(1);
    await page.getByTestId('roll-mark').first().click();
    await expect.poll(() => page.getByTestId('roll-present').count()).toBe(2);
    expect(await page.getByTestId('meeting-count').innerText()).toMatch(/到会 2 \/ 名册 \d+/);
    expect(await page.getByTestId('meeting-quorum').innerText()).toMatch(/到会人数 2\/\d+/);

    // Minutes: the meeting is held.
    await page.getByTestId('meeting-minutes').fill('到会 2 人。议定：加装电梯费用按楼层分摊，下次会议表决。');
    await page.getByTestId('meeting-minutes-save').click();
    await expect.poll(() => page.getByTestId('meeting-panel').getAttribute('data-state')).toBe('held');
    expect(await page.getByTestId('meeting-minutes-by').innerText()).toContain('黄晓梅');
    await shot(page, 'dm05-meeting-held', true);
  }, 180_000);
});
