// Staffing the grids and editing the party tree through the real console in Chromium: the
// community appoints a grid information worker from the registry; edits the party tree (a new
// functional branch, its secretary, removing it) and creates a joint branch the formation check
// proposes; a member takes a post on the phone. Screenshots go to `screenshots/`.
import { axeProblems } from './axe.ts';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { consoleLogin, desktop, openMenu, phone, phoneLogin, session, shot, useBrowserSession } from './browser.ts';

const GRID = '320614103001001';
/** The machine is shared: answers may take a few seconds. */
const SLOW = { timeout: 20_000 };

/** A select's popup still closing can take the click meant for the dialog's save button. */
const closedDropdowns = (page: Page) => expect.poll(() => page.locator('.ant-select-dropdown:visible').count(), SLOW).toBe(0);

useBrowserSession();

describe('staffing and the party tree', () => {
  it('the community appoints a grid information worker from the registry', async () => {
    const { context, page } = await desktop();
    await consoleLogin(page, 'community');
    await openMenu(page, 'menu-staff');
    await page.getByTestId('staff-page').waitFor();
    await page.getByTestId('staff-summary').waitFor();
    await shot(page, 'staff-01-roster-empty');
    const person = ((await (await page.request.get(`${session.url}/api/people?area=${GRID}&pageSize=1`)).json()) as { items: { name: string }[] }).items[0]!.name;
    const grid = ((await (await page.request.get(`${session.url}/api/areas/${GRID}`)).json()) as { name: string }).name;

    await page.getByTestId('staff-appoint').click();
    await page.getByTestId('staff-form').waitFor();
    await page.getByTestId('staff-person-select').click();
    await page.keyboard.type(person);
    await page.locator('.ant-select-item-option', { hasText: person }).first().click();
    await page.getByTestId('staff-post-select').click();
    await page.locator('.ant-select-item-option', { hasText: '网格信息员' }).click();
    await page.getByTestId('staff-area-select').click();
    await page.locator('.ant-select-tree-node-content-wrapper', { hasText: grid }).first().click();
    await page.getByLabel('所属单位').fill('顺丰速运常乐网点');
    await page.getByTestId('staff-username').fill(`xd${Date.now().toString(36)}`);
    await page.getByTestId('staff-password').fill('Rider@2026pass');
    await closedDropdowns(page);
    await shot(page, 'staff-02-appoint-form');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await expect.poll(() => page.getByTestId('staff-table').innerText(), SLOW).toContain(person);
    await expect.poll(() => page.getByTestId('staff-table').innerText(), SLOW).toContain('网格信息员');
    await expect.poll(() => page.getByTestId('staff-summary').innerText(), SLOW).toContain('网格信息员 1');
    await shot(page, 'staff-03-roster', true);
    expect(await axeProblems(page)).toEqual([]);
    await context.close();
  });

  it('the community edits the party tree and acts on the formation check', async () => {
    const { context, page } = await desktop();
    await consoleLogin(page, 'community');
    await openMenu(page, 'menu-party-orgs');
    await page.getByTestId('party-org-detail').waitFor();
    await expect.poll(() => page.getByTestId('party-org-detail').innerText(), SLOW).toContain('社区党委');
    const name = `状元街两新组织功能型党支部${Date.now().toString(36).slice(-3)}`;

    // A new functional branch (the "2" of 1+2+N+X) under the community's organisation.
    await page.getByTestId('party-org-add').click();
    await page.getByTestId('party-org-form').waitFor();
    await page.getByTestId('party-org-kind').click();
    await page.locator('.ant-select-item-option', { hasText: '功能型党支部' }).click();
    await page.getByTestId('party-org-name').fill(name);
    await page.getByTestId('party-org-secretary').fill('沈立新');
    await page.getByTestId('party-org-area').click();
    await page.locator('.ant-select-tree-node-content-wrapper', { hasText: '状元街居委会' }).first().click();
    await closedDropdowns(page);
    await shot(page, 'staff-04-party-add');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await expect.poll(() => page.getByTestId('party-org-detail').innerText(), SLOW).toContain(name);
    await expect.poll(() => page.locator('.gz-party-tree').innerText(), SLOW).toContain(name);
    await expect.poll(() => page.getByTestId('party-org-detail').innerText(), SLOW).toContain('沈立新');

    // Its secretary changes; then it is removed (it is empty).
    await page.getByTestId('party-org-edit').click();
    await page.getByTestId('party-org-secretary').fill('季秀英');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await expect.poll(() => page.getByTestId('party-org-detail').innerText(), SLOW).toContain('季秀英');
    await shot(page, 'staff-05-party-edited', true);
    expect(await axeProblems(page)).toEqual([]);
    await page.getByTestId('party-org-remove').click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await expect.poll(() => page.locator('.gz-party-tree').innerText(), SLOW).not.toContain(name);

    // The formation check proposes joint branches: create the first.
    await openMenu(page, 'menu-party-posts');
    await page.getByTestId('party-formation-proposal').waitFor();
    await shot(page, 'staff-06-formation', true);
    expect(await axeProblems(page)).toEqual([]);
    await page.getByTestId('party-formation-joint').first().click();
    await expect.poll(() => page.locator('.ant-message').innerText(), SLOW).toMatch(/已建立.*联合党支部/);
    await context.close();
  });

  it('a member takes a post on the phone', async () => {
    const { context, page } = await phone();
    await phoneLogin(page, 'party', '/m/party/register');
    await page.getByTestId('m-party-register').waitFor();
    await expect.poll(() => page.getByTestId('m-party-reg-state').innerText(), SLOW).toContain('已报到');
    // A post other than the one held now.
    const mine = (await (await page.request.get(`${session.url}/api/party/me`)).json()) as { member: { post: { code: string } | null }; posts: { code: string; name: string }[] };
    const target = mine.posts.find((p) => p.code !== mine.member.post?.code)!;
    await page.getByTestId('m-party-post-option').filter({ hasText: target.name }).click();
    await expect.poll(() => page.locator('.adm-toast-main').innerText(), SLOW).toContain('岗位');
    await page.goto(`${session.url}/m/party`);
    await expect.poll(() => page.getByTestId('m-party-post').innerText(), SLOW).toContain(target.name);
    await page.goto(`${session.url}/m/party/register`);
    await page.getByTestId('m-party-posts').waitFor();
    await shot(page, 'staff-07-mobile-register', true);
    expect(await axeProblems(page)).toEqual([]);
    await context.close();
  });
});
