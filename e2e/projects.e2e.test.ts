// Lists and projects through the real UI. The resident posts a 金点子 and supports a neighbour's on the
// phone; the secretary turns the idea into a need, makes a project from the best-matched offer with the
// resident in its supervision group, has a service team claim it and reports it done; the resident signs
// off on the phone; the secretary closes it out (销号). Screenshots go to `screenshots/`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { consoleLogin, desktop, openMenu, phone, phoneLogin, png, shot, useBrowserSession } from './browser.ts';

useBrowserSession();

const IDEA = `小区口袋公园加装健身器材 ${Date.now().toString(36).slice(-4)}`;

describe('lists and projects: idea → need → matched offer → project → sign-off on the phone → closed out', () => {
  it('runs through the phone and the console', async () => {
    // The resident posts an idea and supports a neighbour's.
    const { page: m } = await phone();
    await phoneLogin(m, 'resident');
    await m.getByTestId('m-proj-entry-ideas').click();
    await m.getByTestId('m-ideas').waitFor();
    await m.getByTestId('m-idea-new').click();
    await m.getByTestId('m-idea-title-input').locator('input').fill(IDEA);
    await m.getByTestId('m-idea-content-input').locator('textarea').fill('7 号楼旁的口袋公园建好后，希望加装几件适合老人的健身器材和公园园林绿化。');
    await m.getByTestId('m-idea-submit').click();
    await m.getByTestId('m-idea-card').filter({ hasText: IDEA }).waitFor();
    const lunch = m.getByTestId('m-idea-card').filter({ hasText: '开一个老年助餐点' });
    await lunch.getByTestId('m-idea-support').click();
    await lunch.getByTestId('m-idea-supported').waitFor();
    expect(await lunch.getByTestId('m-idea-supports').innerText()).toContain('1 人支持');
    await shot(m, 'pj01-m-ideas', true);
    const me = await m.evaluate(async () => ((await (await fetch('/api/auth/me')).json()) as { displayName: string }).displayName);
    const name = me.replace(/（[^）]*）$/, '');

    // The secretary turns the idea into a need and makes a project from the best-matched offer.
    const { page } = await desktop();
    await consoleLogin(page, 'secretary');
    await openMenu(page, 'menu-ideas');
    await page.getByTestId('ideas-page').waitFor();
    const row = page.locator('tr').filter({ hasText: IDEA });
    await row.getByTestId('idea-to-need').click();
    await page.getByTestId('need-page').waitFor();
    await page.getByTestId('match-title').first().waitFor();
    expect(await page.getByTestId('match-title').first().innerText()).toContain('口袋公园');
    await shot(page, 'pj02-need-matches', true);
    await page.getByTestId('match-make').first().click();
    const supervisors = page.getByTestId('make-supervisors');
    await supervisors.click();
    await supervisors.locator('input').fill(name);
    await page.locator('.ant-select-item-option').filter({ hasText: name }).first().click();
    // Close the multiple select's list by clicking elsewhere in the dialog.
    await page.locator('.ant-modal-title').click();
    await page.getByTestId('make-secretary').check();
    await page.locator('input[data-testid="make-budget"], [data-testid="make-budget"] input').first().fill('30000');
    await page.getByTestId('make-submit').click();
    await page.getByTestId('project-page').waitFor();
    expect(await page.getByTestId('project-state').getAttribute('data-state')).toBe('open');

    // A service team claims it; the team reports it done.
    await page.getByRole('combobox', { name: '服务团队' }).click();
    await page.locator('.ant-select-item-option').first().click();
    await page.getByRole('button', { name: '安排服务团队领办' }).click();
    await expect.poll(() => page.getByTestId('project-state').getAttribute('data-state'), { timeout: 15_000 }).toBe('claimed');
    await page.getByTestId('ms-title').fill('器材安装完成');
    await page.locator('input[data-testid="ms-percent"], [data-testid="ms-percent"] input').first().fill('100');
    // A photo of the finished work goes with the milestone and shows as a thumbnail.
    const photo = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gongzhi-projects-e2e-')), 'park.png');
    fs.writeFileSync(photo, png(160, 120, (x, y) => (y > 80 ? [70, 150, 70] : x % 40 < 20 ? [200, 200, 210] : [120, 170, 230])));
    await page.locator('[data-testid="ms-photos"] input[type="file"]').setInputFiles(photo);
    await page.locator('[data-testid="ms-photos"] img[src*="/api/files/"]').waitFor();
    await page.getByTestId('ms-submit').click();
    await page.getByTestId('milestone').first().waitFor();
    await page.locator('[data-testid="milestone-photo"] img, img[data-testid="milestone-photo"]').first().waitFor();
    await shot(page, 'pj03a-milestone-photo', true);
    await expect.poll(() => page.getByTestId('project-close-reasons').innerText()).toContain('0/1');

    // The resident, in the supervision group, signs off on the phone.
    await m.goto(m.url().replace(/\/m\/.*$/, '/m/projects'));
    await m.getByTestId('m-projects').waitFor();
    await m.getByTestId('m-project-card').filter({ hasText: IDEA }).first().click();
    await m.getByTestId('m-project-sign').click();
    await m.locator('.adm-dialog-button').filter({ hasText: '督导签字确认' }).click();
    await expect.poll(() => m.getByTestId('m-supervisors').innerText()).toContain('已签字确认');
    await shot(m, 'pj03-m-signed', true);

    // The secretary closes it out.
    await page.reload();
    await page.getByTestId('project-close').click();
    await page.getByTestId('project-close-ok').click();
    await expect.poll(() => page.getByTestId('project-state').getAttribute('data-state'), { timeout: 15_000 }).toBe('closed');
    await shot(page, 'pj04-project-closed', true);
  }, 120_000);
});
