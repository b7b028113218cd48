// Conventions (村规民约 / 居民公约) through the real UI: the secretary of 状元街 reads the 居民公约 in force,
// compares it with the 2021 edition, drafts a revision with one more article and adopts it on a recorded
// paper vote; the resident reads the new version on the phone. Screenshots go to `screenshots/`.
import { describe, expect, it } from 'vitest';
import { consoleLogin, desktop, openMenu, phone, phoneLogin, shot, useBrowserSession } from './browser.ts';

useBrowserSession();

const ARTICLE = `楼道内不得停放电动自行车，违者由网格员劝导整改 ${Date.now().toString(36).slice(-4)}`;
const yesterday = new Date(Date.now() + 8 * 3600_000 - 86_400_000).toISOString().slice(0, 10);

describe('conventions: read → compare → draft → adopt in the console; read on the phone', () => {
  it('runs through the console and the phone', async () => {
    const { page } = await desktop();
    await consoleLogin(page, 'secretary');
    await openMenu(page, 'menu-conventions');
    await page.getByTestId('conventions-page').waitFor();
    await page.getByTestId('conv-row-area').first().waitFor();
    await shot(page, 'cv01-conventions');

    await page.getByTestId('conv-row-area').filter({ hasText: '状元街' }).first().click();
    await page.getByTestId('convention-page').waitFor();
    await expect.poll(() => page.getByTestId('conv-articles').locator('li').count()).toBeGreaterThanOrEqual(10);
    await shot(page, 'cv02-convention', true);

    await page.getByRole('tab', { name: '版本历史' }).click();
    await page.getByTestId('conv-diff-open').first().click();
    await expect.poll(() => page.getByTestId('conv-diff-summary').innerText()).toMatch(/新增 \d+ 条/);
    await shot(page, 'cv03-diff');
    await page.keyboard.press('Escape');

    await page.getByTestId('conv-new-draft').click();
    await page.getByTestId('conv-draft-editor').waitFor();
    await page.getByTestId('conv-draft-add').click();
    await page.getByTestId('conv-draft-text').last().fill(ARTICLE);
    await page.getByTestId('conv-draft-save').click();
    await page.getByText('草案已保存').waitFor();
    await shot(page, 'cv04-draft', true);

    await page.getByTestId('conv-adopt').click();
    await page.getByTestId('conv-adopt-paper').click();
    await page.getByTestId('conv-adopt-paper-on').fill(yesterday);
    await page.getByTestId('conv-adopt-paper-note').fill('居民会议（户代表）纸质表决通过，会议记录存社区档案室');
    await shot(page, 'cv05-adopt');
    await page.getByTestId('conv-adopt-ok').click();
    await page.getByText('已通过，原现行版本已废止').waitFor();
    await expect.poll(() => page.getByTestId('conv-articles').innerText(), { timeout: 15_000 }).toContain(ARTICLE);

    const { page: m } = await phone();
    await phoneLogin(m, 'resident');
    await m.getByTestId('m-conv-entry-conv').click();
    await m.getByTestId('m-convention').waitFor();
    await expect.poll(() => m.getByTestId('m-conv-articles').innerText(), { timeout: 15_000 }).toContain(ARTICLE);
    expect(await m.getByTestId('m-conv-adopted').innerText()).toContain('通过');
    await shot(m, 'cv06-m-convention', true);
  }, 180_000);
});
