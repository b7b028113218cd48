// Questionnaires (问卷) through the real UI: `community` builds a satisfaction survey in the console
// and publishes it; `resident` answers on the phone and sees the thanks; the console's results page
// shows the response and its charts. The seeded closed survey's results are shot too (60 responses).
import { describe, expect, it } from 'vitest';
import { consoleLogin, desktop, openMenu, phone, phoneLogin, shot, useBrowserSession } from './browser.ts';

useBrowserSession();

const TOPIC = `党群服务中心服务满意度测评 ${Date.now().toString(36).slice(-4)}`;

describe('questionnaires: build and publish → resident answers on the phone → results with charts', () => {
  it('runs through the console and the phone', async () => {
    const { page } = await desktop();
    await consoleLogin(page, 'community');
    await openMenu(page, 'menu-surveys');
    await page.getByTestId('surveys-page').waitFor();
    await expect.poll(() => page.getByTestId('survey-row-title').count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    await shot(page, 'sv01-surveys');

    // The seeded closed satisfaction survey: charts of 60 paper questionnaires.
    await page.getByTestId('survey-row-title').filter({ hasText: '2026年度状元街社区党委服务群众满意度测评' }).click();
    await page.getByTestId('survey-page').waitFor();
    await expect.poll(() => page.getByTestId('survey-respondents').innerText(), { timeout: 15_000 }).toContain('60');
    await page.getByTestId('survey-gauge').first().locator('canvas').waitFor();
    await shot(page, 'sv02-seeded-results', true);

    // A new questionnaire: a rating and a single choice.
    await page.goto(page.url().replace(/\/surveys\/.*$/, '/surveys'));
    await page.getByTestId('survey-new').click();
    await page.getByTestId('survey-edit-page').waitFor();
    await page.getByTestId('survey-f-title').fill(TOPIC);
    await page.getByTestId('survey-q-title').first().fill('您对党群服务中心办事效率的评价');
    // The first question of a new draft is a rating (满意度评分); the added one is a single choice.
    await page.getByTestId('survey-q-add').click();
    await page.getByTestId('survey-q-title').nth(1).fill('您通过什么方式了解社区活动');
    await page.getByTestId('survey-q-choice').nth(0).fill('微信群');
    await page.getByTestId('survey-q-choice').nth(1).fill('社区公告栏');
    await shot(page, 'sv03-editor', true);
    await page.getByTestId('survey-publish').click();
    await page.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
    await page.getByTestId('survey-page').waitFor();
    await expect.poll(() => page.getByTestId('survey-state').innerText(), { timeout: 15_000 }).toBe('进行中');

    // The resident answers on the phone.
    const { page: m } = await phone();
    await phoneLogin(m, 'resident');
    await m.getByTestId('m-survey-entry-list').click();
    await m.getByTestId('m-surveys').waitFor();
    await m.getByTestId('m-survey-card').filter({ hasText: TOPIC }).click();
    await m.getByTestId('m-survey-question').first().waitFor();
    await m.getByTestId('m-survey-rating-5').click();
    await m.getByTestId('m-survey-choice').first().click();
    await shot(m, 'sv04-m-answer', true);
    await m.getByTestId('m-survey-submit').click();
    await m.getByTestId('m-survey-thanks').waitFor();
    expect(await m.getByTestId('m-survey-thanks').innerText()).toContain('您的回答已记录');
    await shot(m, 'sv05-m-thanks', true);

    // The results in the console: one response, 100% satisfied, a chart drawn.
    await page.reload();
    await expect.poll(() => page.getByTestId('survey-respondents').innerText(), { timeout: 15_000 }).toContain('1');
    expect(await page.getByTestId('survey-rate').innerText()).toContain('100.0%');
    await page.getByTestId('survey-chart').first().locator('canvas').waitFor();
    await shot(page, 'sv06-results', true);
  }, 150_000);
});
