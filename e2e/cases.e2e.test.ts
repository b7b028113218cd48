// The case closed loop through the real UI in Chromium: a resident scans a building's QR code and
// reports with a photo → the community accepts and escalates → the town dispatches to 城管 → the
// department acknowledges and handles → the grid worker verifies on site with a photo → the
// resident tracks and rates it → it appears on the 回音壁. Screenshots go to `screenshots/`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { consoleLogin, desktop, openMenu, PASSWORD, phone, png, session, shot, useBrowserSession } from './browser.ts';

const COMMUNITY = '320614103001'; // 状元街居委会
const GRID = '320614103001001'; // 第一网格
const BUILDING = `${GRID}001`; // 1幢
const PHONE = '13962812345';
const ANSWER = '已更换 1幢门口路灯的灯泡和镇流器，夜间照明恢复正常。';

let photo: string;
let tmpDir: string;

/** Opens the case from the inbox tab where it waits, as a user would. */
async function openFromInbox(page: Page, code: string, tab: string) {
  await openMenu(page, 'menu-cases');
  await page.getByTestId('cases-table').waitFor();
  await page.getByTestId(`case-tab-${tab}`).click();
  const row = page.locator(`[data-testid="case-row"][data-code="${code}"]`);
  await row.waitFor();
  return row;
}

const caseState = (page: Page) => page.getByTestId('case-state').getAttribute('data-state');

/** Runs an action from the case page: its button, its form, the server's answer. */
async function act(page: Page, action: string, fill?: (modal: ReturnType<Page['getByTestId']>) => Promise<void>) {
  await page.getByTestId(`case-action-${action}`).click();
  const modal = page.locator('.ant-modal').filter({ has: page.getByTestId('action-form') });
  await modal.waitFor();
  if (fill) await fill(page.getByTestId('action-form'));
  await page.getByTestId('action-submit').click();
  await modal.waitFor({ state: 'detached' });
}

useBrowserSession();

beforeAll(() => {
  tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongzhi-cases-e2e-'));
  photo = path.join(tmpDir, 'street-light.png');
  fs.writeFileSync(photo, png(320, 240, (x, y) => ((x - 160) ** 2 + (y - 80) ** 2 < (320 / 6) ** 2 ? [250, 210, 60] : [60 + (y % 40), 70, 90])));
});

afterAll(() => {
  if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
});

describe('the case closed loop', () => {
  let code = '';
  let queryCode = '';
  let earlier = '';

  it('a resident scans the building QR code and reports a broken street light with a photo', async () => {
    // Someone reported the same light yesterday: the new report is hinted as a possible duplicate.
    const first = await fetch(`${session.url}/api/cases`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `e2e-earlier-${Date.now()}` },
      body: JSON.stringify({
        title: '路灯：1幢楼下路灯坏了',
        description: '1幢楼下的路灯坏了好几天，晚上出门很黑',
        categoryCode: '0102',
        channel: 'qr',
        areaCode: BUILDING,
        reporter: { phone: '13800001111' },
      }),
    });
    expect(first.status).toBe(201);
    earlier = ((await first.json()) as { code: string }).code;

    const { context, page } = await phone();
    await page.goto(`${session.url}/m/report?area=${BUILDING}`);
    // The page says where it was scanned, without any login.
    await expect.poll(() => page.getByTestId('m-report-place').innerText()).toContain('1幢');
    expect(await page.getByTestId('m-report-place').innerText()).toContain('状元街居委会');
    await shot(page, 'c01-m-report');

    // Sent empty, the form says what is missing in a toast, and the toast does not take taps meant for the page under it
    // (antd-mobile's toast body took them for its two seconds).
    await page.getByTestId('m-report-submit').click();
    const toast = page.locator('.adm-toast-main');
    await expect.poll(() => toast.innerText()).toContain('请选择');
    const b = (await toast.boundingBox())!;
    const underToast = `(() => { const el = document.elementFromPoint(${b.x + b.width / 2}, ${b.y + b.height / 2}); return el !== null && el.closest('.adm-toast-main') === null; })()`;
    expect(await page.evaluate(underToast)).toBe(true);

    await page.getByTestId('m-type-0102').click();
    await expect.poll(() => page.getByTestId('m-type-chosen').innerText()).toContain('暴露垃圾');
    await page.locator('[data-testid="m-report-desc"] textarea:not([aria-hidden])').fill('1幢门口的路灯连续三个晚上不亮，晚上出门很黑，老人容易摔倒。');
    await page.locator('[data-testid="m-report-photos"] input[type="file"]').setInputFiles(photo);
    await page.locator('[data-testid="m-report-photos"] img[src*="/api/files/"]').waitFor();
    await page.locator('[data-testid="m-report-name"] input').fill('王建国');
    await page.locator('[data-testid="m-report-phone"] input').fill(PHONE);
    await page.getByTestId('m-report-public').click();
    await expect.poll(() => page.getByTestId('m-report-public').getAttribute('aria-checked')).toBe('true');
    await shot(page, 'c02-m-report-filled', true);

    await page.getByTestId('m-report-submit').click();
    await page.getByTestId('m-report-done').waitFor();
    code = (await page.getByTestId('m-report-code').innerText()).trim();
    expect(code).toMatch(/^HM\d{8}\d{7}$/);
    // The reporter's secret for tracking: six characters of an unambiguous alphabet, shown once here.
    queryCode = (await page.getByTestId('m-report-query-code').innerText()).trim();
    expect(queryCode).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/);
    // The earlier report of the same light is shown as a similar case nearby.
    await expect.poll(() => page.getByTestId('m-report-duplicates').innerText()).toContain(earlier);
    await shot(page, 'c03-m-report-success', true);
    await context.close();
  });

  it('the community finds it in 待受理, accepts it and escalates it to the town', async () => {
    const { context, page } = await desktop();
    await consoleLogin(page, 'community');
    // The bell counts the new cases waiting for the community.
    await expect.poll(async () => Number(await page.getByTestId('bell-count').textContent())).toBeGreaterThan(0);

    const row = await openFromInbox(page, code, 'reported');
    expect(await row.getByTestId('case-row-state').innerText()).toBe('待受理');
    expect(Number(await page.getByTestId('case-count-reported').innerText())).toBeGreaterThanOrEqual(2);
    await shot(page, 'c04-inbox-community');

    await row.click();
    await page.getByTestId('case-page').waitFor();
    await expect.poll(() => caseState(page)).toBe('reported');
    expect(await page.getByTestId('case-code').innerText()).toContain(code);
    // The title the phone made: the chosen type's name from the catalogue, then the description's start.
    expect(await page.getByTestId('case-title').innerText()).toMatch(/暴露垃圾[^：]*：1幢门口的路灯/);
    await page.getByTestId('case-map').waitFor();
    await page.locator('[data-testid="case-photos"] img').first().waitFor();
    expect(await page.getByTestId('case-reporter').innerText()).toContain('王*');
    expect(await page.getByTestId('case-reporter').innerText()).not.toContain(PHONE);
    await shot(page, 'c05-case-reported', true);

    // The merge dialog lists the earlier report of the same light, with its similarity.
    await page.getByTestId('case-action-merge').click();
    const candidate = page.locator(`[data-testid="merge-candidate"][data-code="${earlier}"]`);
    await candidate.waitFor();
    await shot(page, 'c06-merge-dialog');
    await page.locator('.ant-modal').getByRole('button', { name: /取\s*消/ }).click();

    await act(page, 'accept');
    await expect.poll(() => caseState(page)).toBe('accepted');
    // Escalating needs a reason: the form says so before anything is sent.
    await page.getByTestId('case-action-escalate').click();
    await page.getByTestId('action-reason').waitFor();
    // Less motion was asked for (e2e/browser.ts): the dialog is there at once, nothing slides or fades in.
    expect(await page.locator('.ant-modal').filter({ has: page.getByTestId('action-form') }).evaluate((m) => m.getAnimations({ subtree: true }).length)).toBe(0);
    await page.getByTestId('action-submit').click();
    await expect.poll(() => page.getByTestId('action-form').innerText()).toContain('请填写上报原因');
    await page.locator('[data-testid="action-reason"]').fill('路灯属区城管局管养，社区无法维修，请镇指挥中心派遣。');
    await page.getByTestId('action-submit').click();
    await page.getByTestId('action-form').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('case-timeline').innerText()).toContain('上报上级');
    expect(await caseState(page)).toBe('accepted');
    await expect.poll(() => page.getByTestId('case-actions').innerText()).toContain('当前没有需要您办理的操作');
    await shot(page, 'c07-case-escalated', true);

    // The QR sheet of the community: one code per grid and per building.
    await openMenu(page, 'menu-qr');
    await page.getByTestId('qr-sheet').waitFor();
    expect(await page.locator(`[data-testid="qr-card"][data-code^="${COMMUNITY}"]`).count()).toBeGreaterThan(5);
    await page.locator(`[data-testid="qr-card"][data-code="${BUILDING}"] img`).waitFor();
    await expect.poll(() => page.locator(`[data-testid="qr-card"][data-code="${BUILDING}"] img`).evaluate((img) => {
        const i = img as unknown as { complete: boolean; naturalWidth: number };
        return i.complete && i.naturalWidth > 0;
      })).toBe(true);
    expect(await page.locator(`[data-testid="qr-card"][data-code="${GRID}"]`).count()).toBe(1);
    await shot(page, 'c08-qr-sheet');
    await page.emulateMedia({ media: 'print' });
    await shot(page, 'c08b-qr-sheet-print');
    await page.emulateMedia({ media: 'screen' });
    await context.close();
  });

  it('the town centre dispatches it to 区城市管理局', async () => {
    const { context, page } = await desktop();
    await consoleLogin(page, 'town');
    // The work bench counts what waits for the town.
    await expect.poll(async () => Number(await page.getByTestId('home-cases-mine').locator('.gz-ch-n').innerText())).toBeGreaterThanOrEqual(1);
    await shot(page, 'c09a-home-town');
    // The escalation rang the town's bell.
    await page.getByTestId('bell').click();
    await page.getByTestId('bell-panel').waitFor();
    await expect.poll(() => page.getByTestId('bell-panel').innerText()).toContain(code);
    await shot(page, 'c09-bell');
    await page.getByTestId('bell-read-all').click();
    await expect.poll(() => page.getByTestId('bell-count').textContent()).toBe('0');
    await page.keyboard.press('Escape');

    const row = await openFromInbox(page, code, 'accepted');
    expect(await row.getByTestId('case-row-state').innerText()).toBe('待派遣');
    await shot(page, 'c10-inbox-town');
    await row.click();
    await expect.poll(() => caseState(page)).toBe('accepted');

    await page.getByTestId('case-action-dispatch').click();
    await page.getByTestId('dispatch-use-suggested').waitFor();
    // Search the units by name, as the dispatcher types it.
    await page.getByTestId('dispatch-unit').click();
    await page.keyboard.type('城市管理');
    await page.locator('.ant-select-dropdown .gz-unit-option').first().waitFor();
    await shot(page, 'c11-dispatch-search');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('dispatch-unit').innerText()).toContain('区城市管理局');
    await page.locator('[data-testid="action-form"] [data-testid="action-note"]').fill('请于 3 个工作日内修复并反馈照片。');
    await shot(page, 'c12-dispatch-dialog');
    await page.getByTestId('action-submit').click();
    await page.getByTestId('action-form').waitFor({ state: 'detached' });
    await expect.poll(() => caseState(page)).toBe('dispatched');
    await expect.poll(() => page.getByTestId('case-units').innerText()).toContain('区城市管理局');
    await shot(page, 'c13-case-dispatched', true);
    await context.close();
  });

  it('区城管局 acknowledges and handles it', async () => {
    const { context, page } = await desktop();
    await consoleLogin(page, 'dept-cg');
    const row = await openFromInbox(page, code, 'mine');
    expect(await row.getByTestId('case-row-state').innerText()).toBe('待签收');
    await shot(page, 'c14-inbox-department');
    await row.click();
    await expect.poll(() => caseState(page)).toBe('dispatched');
    await act(page, 'acknowledge');
    await expect.poll(() => caseState(page)).toBe('acknowledged');
    await act(page, 'handle', async (form) => {
      await form.getByTestId('action-note').fill(ANSWER);
    });
    await expect.poll(() => caseState(page)).toBe('handled');
    await expect.poll(() => page.getByTestId('case-answer').innerText()).toContain(ANSWER);
    await shot(page, 'c15-case-handled', true);
    await context.close();
  });

  it('the grid worker verifies it on site with a photo', async () => {
    const { context, page } = await phone();
    await page.goto(`${session.url}/m/login`);
    await page.locator('[data-testid="login-username"] input').fill('grid');
    await page.locator('[data-testid="login-password"] input').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('m-home').waitFor();
    await expect.poll(() => page.getByTestId('m-hero-path').innerText()).toBe('常乐镇 / 状元街居委会 / 第一网格');
    await page.getByTestId('m-cases-entry').waitFor();
    await shot(page, 'c16-m-home-grid', true);

    await page.getByTestId('m-entry-case-verify').click();
    const item = page.locator(`[data-testid="m-case-item"][data-code="${code}"]`);
    await item.waitFor();
    expect(await item.getAttribute('data-state')).toBe('handled');
    await shot(page, 'c17-m-grid-cases');

    await item.click();
    await expect.poll(() => page.getByTestId('m-case-state').getAttribute('data-state')).toBe('handled');
    await shot(page, 'c18-m-case-handled', true);
    await page.getByTestId('m-action-verify-pass').click();
    await page.getByTestId('m-action-popup').waitFor();
    await page.locator('[data-testid="m-action-text"] textarea:not([aria-hidden])').fill('已到 1幢门口现场查看，路灯夜间正常亮起。');
    await page.locator('[data-testid="m-action-photos"] input[type="file"]').setInputFiles(photo);
    await page.locator('[data-testid="m-action-photos"] img[src*="/api/files/"]').waitFor();
    // 现场核验: the phone records where the grid worker stands.
    await context.grantPermissions(['geolocation'], { origin: session.url });
    await context.setGeolocation({ latitude: 31.9302, longitude: 121.1801 });
    await page.getByTestId('m-verify-location').getByRole('button').click();
    await expect.poll(() => page.getByTestId('m-verify-location').innerText()).toContain('已记录位置');
    await shot(page, 'c19-m-verify');
    await page.getByTestId('m-action-submit').click();
    await expect.poll(() => page.getByTestId('m-case-state').getAttribute('data-state')).toBe('closed');
    // The on-site photo is in the timeline of the verification (with the report's photo).
    await expect.poll(() => page.locator('[data-testid="m-timeline"] img').count()).toBeGreaterThanOrEqual(2);
    await shot(page, 'c20-m-case-closed', true);

    // On patrol: a stall on the pavement, settled on the spot (小事不出网格) → closed at once.
    await page.goto(`${session.url}/m/patrol`);
    await page.getByTestId('m-type-0402').click();
    await page.locator('[data-testid="m-patrol-desc"] textarea:not([aria-hidden])').fill('状元街 12 号水果店把货架摆到人行道上，占用盲道。');
    await page.getByTestId('m-patrol-onspot').click();
    await page.locator('[data-testid="m-patrol-spot-note"] textarea:not([aria-hidden])').fill('已劝导店主将货架搬回店内，盲道恢复通行。');
    await shot(page, 'c20b-m-patrol', true);
    await page.getByTestId('m-patrol-submit').click();
    await page.getByTestId('m-case').waitFor();
    await expect.poll(() => page.getByTestId('m-case-state').getAttribute('data-state')).toBe('closed');
    expect(await page.getByTestId('m-case-body').innerText()).toContain('网格巡查');
    await shot(page, 'c20c-m-patrol-closed', true);
    await context.close();
  });

  it('the resident tracks it, reads the answer and rates it 满意; it appears on the 回音壁', async () => {
    const { context, page } = await phone();
    await page.goto(`${session.url}/m/track`);
    await page.locator('[data-testid="m-track-code"] input').fill(code);
    // The phone's last four digits are no key any more; a wrong query code finds nothing.
    await page.locator('[data-testid="m-track-query-code"] input').fill(queryCode === '222222' ? '333333' : '222222');
    await page.getByTestId('m-track-submit').click();
    await expect.poll(() => page.getByTestId('m-track-error').innerText()).toContain('请核对案件编号和查询码');
    expect(await page.getByTestId('m-track-result').count()).toBe(0);
    await shot(page, 'c21-m-track-wrong');

    await page.locator('[data-testid="m-track-query-code"] input').fill(queryCode.toLowerCase());
    await page.getByTestId('m-track-submit').click();
    await page.getByTestId('m-track-result').waitFor();
    expect(await page.getByTestId('m-track-state').getAttribute('data-state')).toBe('closed');
    expect(await page.getByTestId('m-track-answer').innerText()).toContain(ANSWER);
    const steps = await page.locator('[data-testid="m-step"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
    for (const a of ['report', 'accept', 'escalate', 'dispatch', 'acknowledge', 'handle', 'verify-pass']) expect(steps).toContain(a);
    await shot(page, 'c22-m-track', true);

    await page.getByTestId('m-rate-satisfied').click();
    await page.locator('[data-testid="m-rate-comment"] textarea:not([aria-hidden])').fill('修得很快，晚上出门亮堂了，谢谢！');
    await page.getByTestId('m-rate-submit').click();
    await expect.poll(() => page.getByTestId('m-track-rating').innerText()).toContain('满意');
    expect(await page.getByTestId('m-rate').count()).toBe(0);
    await shot(page, 'c23-m-track-rated', true);

    await page.goto(`${session.url}/m/wall`);
    const card = page.locator(`[data-testid="m-wall-item"][data-code="${code}"]`);
    await card.waitFor();
    expect(await card.innerText()).toContain(ANSWER);
    expect(await card.innerText()).toContain('满意');
    // No personal data on the wall.
    expect(await page.getByTestId('m-wall').innerText()).not.toContain('王建国');
    expect(await page.getByTestId('m-wall').innerText()).not.toContain(PHONE);
    await shot(page, 'c24-m-wall', true);
    await context.close();
  });

  it('the town finds the report by the resident’s words, best match first, then newest first', async () => {
    const { context, page } = await desktop();
    await consoleLogin(page, 'town');
    await openMenu(page, 'menu-cases');
    // The town's centre lands on its own box (我的待办); the report may sit in another unit's: search them all. A click
    // while the tabs take their counts can be lost, so click until the URL says so.
    await expect
      .poll(async () => {
        await page.getByTestId('case-tab-all').click();
        return new URL(page.url()).searchParams.get('tab');
      })
      .toBe('all');
    await page.getByTestId('filter-q').fill('连续三个晚上 路灯');
    await page.getByTestId('filter-submit').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('连续三个晚上 路灯');
    expect(new URL(page.url()).searchParams.get('tab')).toBe('all');
    const first = page.locator('[data-testid="case-row"]').first();
    await expect.poll(() => first.getAttribute('data-code')).toBe(code);
    const found = code;
    await page.getByTestId('case-sort').getByText('最新').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('newest');
    await page.locator('[data-testid="case-row"]').first().waitFor();
    await shot(page, 'c40-search');
    // And by its code.
    await page.getByTestId('filter-q').fill(found);
    await page.getByTestId('filter-submit').click();
    await expect.poll(() => page.locator('[data-testid="case-row"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))).toEqual([found]);
    await context.close();
  });
});

describe('a signed-in resident', () => {
  it('reports from the phone with a searched type and finds it under 我的上报', async () => {
    const { context, page } = await phone();
    await page.goto(`${session.url}/m/login`);
    await page.locator('[data-testid="login-username"] input').fill('resident');
    await page.locator('[data-testid="login-password"] input').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('m-home').waitFor();
    await page.getByTestId('m-cases-entry').waitFor();
    await shot(page, 'c33-m-home-resident', true);

    await page.getByTestId('m-entry-case-report').click();
    await page.getByTestId('m-report').waitFor();
    // Signed in without a QR code, the report is placed in the resident's own grid.
    await expect.poll(() => page.getByTestId('m-report-place').innerText()).toContain('第一网格');
    await page.getByTestId('m-type-more').click();
    await page.locator('[data-testid="m-type-search"] input').fill('电动车');
    await page.getByTestId('m-type-hit').first().waitFor();
    await shot(page, 'c34-m-type-search');
    await page.getByTestId('m-type-hit').first().click();
    await expect.poll(() => page.getByTestId('m-type-chosen').innerText()).toContain('电动车');
    await page.locator('[data-testid="m-report-desc"] textarea:not([aria-hidden])').fill('3幢楼道里每天晚上都有人给电动车飞线充电，很危险。');
    await page.getByTestId('m-report-submit').click();
    await page.getByTestId('m-report-done').waitFor();
    const mine = (await page.getByTestId('m-report-code').innerText()).trim();

    await page.goto(`${session.url}/m/cases`);
    const item = page.locator(`[data-testid="m-case-item"][data-code="${mine}"]`);
    await item.waitFor();
    expect(await item.getAttribute('data-state')).toBe('reported');
    await shot(page, 'c35-m-my-reports');

    // 查询进度 lists the resident's own reports: no code to type, and their own step reads 本人.
    await page.goto(`${session.url}/m/track`);
    const own = page.locator('[data-testid="m-track-mine-item"]', { hasText: mine });
    await own.waitFor();
    await shot(page, 'c36-m-track-mine');
    await own.click();
    await page.getByTestId('m-track-result').waitFor();
    expect(await page.getByTestId('m-track-result-code').innerText()).toBe(mine);
    expect(await page.getByTestId('m-timeline').innerText()).toContain('本人');
    await shot(page, 'c37-m-track-own', true);
    await context.close();
  });
});

describe('console screens around the loop', () => {
  it('an administrator reads the catalogue, edits a time limit and manages Open311 keys', async () => {
    const { context, page } = await desktop();
    await consoleLogin(page, 'admin');
    await openMenu(page, 'menu-catalog');
    const light = page.locator('[data-testid="catalog-name"][data-code="B0110"]');
    await light.waitFor();
    await shot(page, 'c25-catalogue');
    await page.getByTestId('catalog-edit-B0110').click();
    await page.getByTestId('catalog-form').waitFor();
    await page.getByTestId('catalog-handle-amount').fill('2');
    await shot(page, 'c26-catalogue-edit');
    await page.getByTestId('catalog-save').click();
    await page.getByTestId('catalog-form').waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('tr', { has: light }).innerText()).toMatch(/办结\s*2 个工作日/);

    await openMenu(page, 'menu-open311');
    await page.getByTestId('o311-table').waitFor();
    await page.getByTestId('o311-add').click();
    await page.locator('[data-testid="o311-name"]').fill('12345 政务服务便民热线');
    await page.getByTestId('o311-create').click();
    const key = page.getByTestId('o311-key');
    await key.waitFor();
    expect((await key.innerText()).length).toBeGreaterThan(16);
    await shot(page, 'c27-open311-key');
    await page.getByTestId('o311-key-done').click();
    await expect.poll(() => page.getByTestId('o311-table').innerText()).toContain('12345 政务服务便民热线');
    await shot(page, 'c28-open311');

    await openMenu(page, 'menu-wall');
    await page.getByTestId('wall-item').first().waitFor();
    await shot(page, 'c29-wall-console');
    await context.close();
  });

  it('the town registers a hotline call in the console', async () => {
    const { context, page } = await desktop();
    await consoleLogin(page, 'town');
    await openMenu(page, 'menu-case-new');
    await page.getByTestId('case-new-form').waitFor();
    await page.getByTestId('new-submit').click();
    await expect.poll(() => page.getByTestId('case-new-form').innerText()).toContain('请选择事项类型');
    await page.getByTestId('new-category').click();
    await page.keyboard.type('噪声');
    await page.locator('.ant-select-tree-node-content-wrapper', { hasText: '噪声扰民' }).first().click();
    await page.locator('[data-testid="new-title"]').fill('状元街夜市烧烤店深夜噪声扰民');
    await page.locator('[data-testid="new-description"]').fill('12345 转来：状元街 20 号烧烤店每晚营业到凌晨两点，噪声很大，影响休息。');
    await page.getByTestId('new-area').click();
    await page.locator('.ant-select-tree-node-content-wrapper', { hasText: '状元街居委会' }).first().click();
    await page.locator('[data-testid="new-reporter-phone"]').fill('1391234');
    await page.getByTestId('new-submit').click();
    await expect.poll(() => page.getByTestId('case-new-form').innerText()).toContain('请输入 11 位手机号');
    await page.locator('[data-testid="new-reporter-phone"]').fill('13912345678');
    await shot(page, 'c30-case-new', true);
    await page.getByTestId('new-submit').click();
    await expect.poll(() => page.getByTestId('created-code').innerText()).toMatch(/^HM\d+/);
    // The caller has no account: staff read out (or text) the query code they track it with.
    expect(await page.getByTestId('created-query-code').innerText()).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/);
    await shot(page, 'c31-case-new-done');
    await page.getByTestId('created-open').click();
    await expect.poll(() => caseState(page)).toBe('reported');
    expect(await page.getByTestId('case-page').innerText()).toContain('热线工单');
    await context.close();
  });

  it('finds a type typed before the catalogue arrived (a slow connection)', async () => {
    const { context, page } = await desktop();
    let arrived = false;
    await page.route('**/api/catalog', async (route) => {
      await new Promise((r) => setTimeout(r, 2_000));
      await route.continue();
      arrived = true;
    });
    await consoleLogin(page, 'town', '/cases/new');
    await page.getByTestId('case-new-form').waitFor();
    await page.getByTestId('new-category').click();
    await page.keyboard.type('噪声');
    expect(arrived).toBe(false);
    // The branches holding the match open when the catalogue comes, not only when the search text changes.
    await page.locator('.ant-select-tree-node-content-wrapper', { hasText: '噪声扰民' }).first().click();
    await expect.poll(() => page.getByTestId('new-category').innerText()).toContain('噪声扰民');
    await context.close();
  });

  it('shows the community inbox filtered to the type and the overdue badge', async () => {
    const { context, page } = await desktop();
    await consoleLogin(page, 'community', '/cases?tab=all&category=B01');
    await page.getByTestId('cases-table').waitFor();
    await page.locator('[data-testid="case-row"]').first().waitFor();
    const codes = await page.locator('[data-testid="case-row"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
    expect(codes.length).toBeGreaterThanOrEqual(2);
    await expect.poll(() => page.getByTestId('case-overdue-badge').innerText()).toMatch(/超期 \d+/);
    await shot(page, 'c32-inbox-filtered');
    await context.close();
  });
});
