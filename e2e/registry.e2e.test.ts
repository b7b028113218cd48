// The basic registry through the real UI in Chromium: area tree, households, people, scope limits,
// and the phone pages. Screenshots of every screen go to `screenshots/` (gitignored).
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { consoleLogin, desktop, PASSWORD, session, shot, useBrowserSession, openMenu, menuHas } from './browser.ts';

const COMMUNITY = '320614103001'; // 状元街居委会
const OTHER_COMMUNITY = '320614103002';
const GRID = '320614103001001'; // 第一网格
const SECOND_GRID = '320614103001002';
const BUILDING = `${GRID}001`;
const UNIT = `${BUILDING}01`;
const MASKED_ID = /^\*{14}[\dX]{4}$/;
// An 18-character ID number standing alone (area codes are 20 digits, so they do not count).
const FULL_ID = /(?<!\d)\d{17}[\dX](?![\dX])/;


/** Every masked number on the page has the masked shape; no full ID number is visible anywhere. */
async function expectOnlyMaskedIds(scope: Locator) {
  // The numbers arrive with the data: wait for the first before reading them all.
  await scope.getByTestId('masked-idNumber').first().waitFor({ timeout: 20_000 });
  const masked = await scope.getByTestId('masked-idNumber').allInnerTexts();
  expect(masked.length).toBeGreaterThan(0);
  for (const m of masked) expect(m.trim()).toMatch(MASKED_ID);
  expect(await scope.innerText()).not.toMatch(FULL_ID);
}

useBrowserSession();

describe('registry in the console', () => {
  it('a community worker browses the tree down to a household, with masked numbers and an audited reveal', async () => {
    const { context, page } = await desktop();
    await page.goto(`${session.url}/`);
    await page.waitForURL(/\/login$/);
    await page.getByTestId('login-username').waitFor();
    await shot(page, '01-login');

    // A wrong password shows the server's message, including the attempts left.
    await page.getByTestId('login-username').fill('community');
    await page.getByTestId('login-password').fill('wrong-password');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('login-error').innerText()).toContain('用户名或密码错误');
    await shot(page, '02-login-error');

    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('home-title').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await expect.poll(() => page.getByTestId('count-people').first().innerText()).toMatch(/^[\d,]+$/);
    await expect(page.getByTestId('header-scope').innerText()).resolves.toContain('状元街');
    await shot(page, '03-home-community');

    // The menu follows the abilities: registry yes, administration no.
    expect(await menuHas(page, 'menu-areas')).toBe(true);
    expect(await menuHas(page, 'menu-people')).toBe(true);
    expect(await menuHas(page, 'menu-users')).toBe(false);
    expect(await menuHas(page, 'menu-audit')).toBe(false);

    // Tree: 状元街 → 第一网格 → a building → a unit.
    await openMenu(page, 'menu-areas');
    const tree = page.getByTestId('area-tree');
    await tree.getByTestId(`tree-node-${COMMUNITY}`).waitFor();
    await expect.poll(() => page.getByTestId('area-title').innerText()).toContain('状元街');
    await page.getByTestId('grid-map').waitFor();
    await shot(page, '04-areas-community');

    await tree.getByTestId(`tree-node-${GRID}`).click();
    await expect.poll(() => page.getByTestId('area-title').innerText()).toBe('第一网格');
    await tree.getByTestId(`tree-node-${BUILDING}`).click();
    await expect.poll(() => page.url()).toContain(`/areas/${BUILDING}`);
    await tree.getByTestId(`tree-node-${UNIT}`).click();
    await expect.poll(() => page.url()).toContain(`/areas/${UNIT}`);
    await expect(page.getByTestId('area-breadcrumb').innerText()).resolves.toContain('第一网格');
    const rows = page.getByTestId('household-row');
    await rows.first().waitFor();
    // The households table may re-render once its data settles: wait for rows rather than count once.
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    await shot(page, '05-areas-unit-households', true);

    // A household's members: numbers masked, never 18 digits on screen; reveal is offered.
    await rows.first().click();
    const drawer = page.getByTestId('household-drawer');
    await drawer.getByTestId('member-row').first().waitFor();
    await expectOnlyMaskedIds(drawer);
    const reveal = drawer.getByTestId('reveal-idNumber').first();
    await expect(reveal.isVisible()).resolves.toBe(true);
    await shot(page, '06-household-members');

    await reveal.click();
    await expect.poll(() => page.getByTestId('reveal-confirm-text').innerText()).toContain('查看完整号码将被记录在审计日志中');
    await shot(page, '07-reveal-confirm');
    await page.getByTestId('reveal-confirm-ok').click();
    const revealed = drawer.getByTestId('revealed-idNumber').first();
    await revealed.waitFor();
    expect((await revealed.innerText()).trim()).toMatch(/^\d{17}[\dX]$/);
    await shot(page, '07b-revealed');

    // Outside the scope: a neighbouring community and the district show a not-found message, no data.
    for (const code of [OTHER_COMMUNITY, '320614']) {
      await page.goto(`${session.url}/areas/${code}`);
      await page.getByTestId('area-not-found').waitFor();
      expect(await page.getByTestId('area-not-found').innerText()).toContain('不在您的管辖范围内');
      expect(await page.getByTestId('area-title').count()).toBe(0);
    }
    await shot(page, '08-area-outside-scope');

    // People: the list, a person's record and the add form's own validation.
    await openMenu(page, 'menu-people');
    const personRows = page.getByTestId('person-row');
    await personRows.first().waitFor();
    await expectOnlyMaskedIds(page.getByTestId('people-table'));
    await shot(page, '09-people-community');
    await personRows.first().getByTestId('person-name').click();
    await page.getByTestId('person-detail').waitFor();
    await page.getByTestId('person-household').waitFor();
    await shot(page, '10-person-detail');
    await page.locator('.ant-drawer-open .ant-drawer-close').click();
    await page.getByTestId('person-detail').waitFor({ state: 'detached' });

    await page.getByTestId('person-add').click();
    await page.getByTestId('pf-name').fill('测试居民');
    await page.getByTestId('pf-id').fill('320614199001011234');
    await page.getByTestId('pf-phone').fill('12345');
    await page.getByTestId('person-form-submit').click();
    await expect.poll(() => page.getByTestId('person-form').innerText()).toContain('身份证号码不正确');
    expect(await page.getByTestId('person-form').innerText()).toContain('手机号码不正确');
    await shot(page, '11-person-form-validation');

    await context.close();
  });

  it('a grid worker sees only their own grid', async () => {
    const { context, page } = await desktop();
    await consoleLogin(page, 'grid');
    await shot(page, '12-home-grid');

    await openMenu(page, 'menu-areas');
    const tree = page.getByTestId('area-tree');
    await tree.getByTestId(`tree-node-${GRID}`).waitFor();
    await expect.poll(() => page.getByTestId('area-title').innerText()).toBe('第一网格');
    // The tree's root is the grid itself: neither the community nor a sibling grid is listed.
    const titles = await tree.locator('[data-testid^="tree-node-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    expect(titles[0]).toBe(`tree-node-${GRID}`);
    for (const t of titles) expect(t?.startsWith(`tree-node-${GRID}`)).toBe(true);
    await shot(page, '13-areas-grid');

    await page.goto(`${session.url}/areas/${SECOND_GRID}`);
    await page.getByTestId('area-not-found').waitFor();

    // People: every row lives in 状元街社区第一网格.
    await openMenu(page, 'menu-people');
    const rows = page.getByTestId('person-row');
    await rows.first().waitFor();
    const codes = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-area-code')));
    expect(codes.length).toBeGreaterThan(0);
    for (const c of codes) expect(c?.startsWith(GRID)).toBe(true);
    for (const a of await page.getByTestId('person-address').allInnerTexts()) expect(a).toContain('状元街社区');
    // The total is the grid's population, as the area API counts it.
    const area = (await (await page.request.get(`${session.url}/api/areas/${GRID}`)).json()) as { counts: { people: number } };
    await expect.poll(() => page.getByTestId('people-total').innerText()).toContain(area.counts.people.toLocaleString('zh-CN'));
    await shot(page, '14-people-grid');

    // Filtering by a sibling grid's code finds no one (the server keeps the scope).
    const other = await page.request.get(`${session.url}/api/people?area=${SECOND_GRID}`);
    const body = (await other.json()) as { total?: number };
    expect(other.status() === 404 || other.status() === 403 || body.total === 0).toBe(true);

    await context.close();
  });

  it('an administrator manages accounts; the audit administrator reads the audit log', async () => {
    const { context, page } = await desktop();
    await consoleLogin(page, 'admin');
    await shot(page, '15-home-admin');
    await openMenu(page, 'menu-users');
    await page.getByTestId('users-table').locator('tbody tr').nth(3).waitFor();
    await shot(page, '16-users');
    await page.getByTestId('user-add').click();
    await page.getByTestId('user-form').waitFor();
    await shot(page, '17-user-create');
    await page.keyboard.press('Escape');
    // 三员分立: the system administrator has no audit log.
    expect(await menuHas(page, 'menu-audit')).toBe(false);
    await context.close();

    const auditor = await desktop();
    await consoleLogin(auditor.page, 'auditor');
    expect(await menuHas(auditor.page, 'menu-users')).toBe(false);
    await openMenu(auditor.page, 'menu-audit');
    const audit = auditor.page.getByTestId('audit-table');
    await audit.locator('tbody tr').nth(2).waitFor();
    // The community worker's reveal above is on record.
    await expect.poll(() => audit.innerText()).toContain('查看完整号码');
    await shot(auditor.page, '18-audit');

    // The user menu is a drop-down that unfolds on a click: open it until its entry shows (a click while the audit
    // table re-renders can be lost), then open the dialog.
    await expect
      .poll(async () => {
        if (!(await auditor.page.getByTestId('menu-change-password').isVisible())) await auditor.page.getByTestId('user-menu').click();
        return auditor.page.getByTestId('menu-change-password').isVisible();
      })
      .toBe(true);
    await auditor.page.getByTestId('menu-change-password').click();
    await auditor.page.getByTestId('change-password-form').waitFor();
    await shot(auditor.page, '19-change-password');
    await auditor.context.close();
  });
});

describe('registry on the phone', () => {
  it('a grid worker sees the grid and finds a resident', async () => {
    const context = await session.browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    const page = await context.newPage();
    await page.goto(`${session.url}/m`);
    await page.waitForURL(/\/m\/login$/);
    await page.locator('[data-testid="login-username"] input').fill('grid');
    await page.locator('[data-testid="login-password"] input').fill(PASSWORD);
    await shot(page, '20-mobile-login');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('m-home').waitFor();

    const area = (await (await page.request.get(`${session.url}/api/areas/${GRID}`)).json()) as { counts: { people: number; households: number } };
    await expect.poll(() => page.getByTestId('m-scope').innerText()).toBe('第一网格');
    await expect.poll(() => page.getByTestId('m-count-people').innerText()).toBe(area.counts.people.toLocaleString('zh-CN'));
    expect(await page.getByTestId('m-count-households').innerText()).toBe(area.counts.households.toLocaleString('zh-CN'));
    await shot(page, '21-mobile-home');

    // Search a resident by name, from the grid's own list.
    const list = (await (await page.request.get(`${session.url}/api/people?pageSize=5&page=2`)).json()) as { items: { name: string; areaCode: string }[] };
    const target = list.items[0];
    if (!target) throw new Error('the grid has no residents');
    expect(target.areaCode.startsWith(GRID)).toBe(true);
    await page.getByTestId('m-entry-people').click();
    const search = page.locator('[data-testid="m-search"] input');
    await search.fill(target.name);
    await search.press('Enter');
    await expect.poll(() => page.getByTestId('m-result-count').innerText()).toMatch(/找到 [\d,]+ 人/);
    const first = page.getByTestId('m-person-item').first();
    await expect.poll(() => first.innerText()).toContain(target.name);
    for (const m of await page.getByTestId('m-person-id').allInnerTexts()) expect(m.trim()).toMatch(MASKED_ID);
    await shot(page, '22-mobile-people');

    await first.click();
    await page.getByTestId('m-person-detail').waitFor();
    expect(await page.getByTestId('m-person-detail').innerText()).not.toMatch(FULL_ID);
    await expect(page.getByTestId('m-reveal-idNumber').isVisible()).resolves.toBe(true);
    await shot(page, '23-mobile-person');

    await page.goto(`${session.url}/m/area/${GRID}`);
    await page.getByTestId('m-area-children').waitFor();
    await shot(page, '24-mobile-area');
    await page.goto(`${session.url}/m/me`);
    await page.getByTestId('m-me-name').waitFor();
    await shot(page, '25-mobile-me');
    await context.close();
  });
});
