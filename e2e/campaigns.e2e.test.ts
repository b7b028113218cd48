// 敲门行动 end to end: the community starts a campaign in the console; the grid worker knocks on doors with
// the phone, some marks made offline and sent when the network is back, each counted once; the console shows it.
import { describe, expect, it } from 'vitest';
import { consoleLogin, desktop, openMenu, PASSWORD, phone, phoneLogin, session, shot, useBrowserSession } from './browser.ts';

useBrowserSession();

const COMMUNITY = '320614103001';
const GRID = '320614103001001';
let title = '';

async function api(username: string, path: string) {
  const login = await fetch(`${session.url}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return (await (await fetch(`${session.url}${path}`, { headers: { cookie } })).json()) as Record<string, unknown>;
}

describe('door-knocking campaign', () => {
  it('the community starts a campaign over its community in the console', async () => {
    const { context, page } = await desktop();
    await consoleLogin(page, 'community');
    await openMenu(page, 'menu-campaigns');
    await page.getByTestId('campaigns-page').waitFor();
    title = `防汛敲门${Date.now().toString(36)}`;
    await page.getByTestId('campaign-create').click();
    await page.getByTestId('campaign-title').fill(title);
    await page.getByTestId('campaign-area').click();
    await page.locator('.ant-select-tree-node-content-wrapper', { hasText: '状元街居委会' }).first().click();
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await expect.poll(() => page.getByTestId('campaign-current').innerText()).toContain(title);
    await page.getByTestId(`campaign-area-${GRID}`).waitFor();
    expect(await page.getByTestId('campaign-progress').innerText()).toContain('已走访 0 户');
    await page.getByTestId('campaign-worklist').locator('tbody tr.ant-table-row').first().waitFor();
    await shot(page, 'k01-campaign-console');
    await context.close();
  });

  it('the grid worker marks doors on the phone, offline too, and every mark arrives once', async () => {
    const { context, page } = await phone();
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/visits')) posts.push(r.headers()['idempotency-key'] ?? '');
    });
    await phoneLogin(page, 'grid');
    await page.getByTestId('m-entry-campaigns').click();
    // The campaign may not be the only active one (other tests' data): open it by its title. Wait for whichever page the
    // entry opens first: checked at once, a list still loading under load was taken for the campaign's own page.
    await page.getByTestId('m-campaigns').or(page.getByTestId('m-campaign-list')).first().waitFor();
    if (await page.getByTestId('m-campaigns').isVisible()) await page.getByTestId('m-campaign-item').filter({ hasText: title }).click();
    await page.getByTestId('m-campaign-list').waitFor();
    await page.getByTestId('m-campaign-progress').waitFor();
    expect(await page.getByTestId('m-campaign-title').innerText()).toContain(title);
    await shot(page, 'k02-m-campaign-list');

    const household = (i: number) => page.getByTestId('m-campaign-household').nth(i);
    const mark = async (i: number, result: string, colour?: string, note?: string) => {
      await household(i).click();
      await page.getByTestId('m-mark-result').getByText(result, { exact: true }).click();
      if (colour) await page.getByTestId('m-mark-colour').getByText(colour).click();
      if (note) await page.locator('[data-testid="m-mark-note"] textarea:not([aria-hidden])').fill(note);
      await page.getByTestId('m-mark-submit').click();
    };

    // Online: reached, classed red; the household leaves the list.
    const first = (await household(0).innerText()).split('\n')[0]!;
    await mark(0, '已走访', '红色', '低洼一楼，已提醒转移');
    await expect.poll(() => page.getByTestId('m-campaign-progress').innerText()).toContain('已走访 1 /');
    expect((await household(0).innerText()).split('\n')[0]).not.toBe(first);

    // Offline: two marks are kept on the phone and shown as waiting.
    await context.setOffline(true);
    await page.getByTestId('m-campaign-offline').waitFor();
    await mark(0, '已走访');
    await mark(1, '无人在家', undefined, '邻居说白天上班');
    await expect.poll(() => page.getByTestId('m-campaign-pending').innerText()).toContain('2 条');
    expect(await page.getByTestId('m-campaign-queued').count()).toBe(2);
    await shot(page, 'k03-m-campaign-offline');

    // Back online: both go out with their keys, each once; the list and the progress follow.
    await context.setOffline(false);
    await page.getByTestId('m-campaign-pending').waitFor({ state: 'detached', timeout: 30_000 });
    await expect.poll(() => page.getByTestId('m-campaign-progress').innerText(), { timeout: 15_000 }).toContain('已走访 2 /');
    // Nothing is left waiting in 待发送.
    await page.getByTestId('m-outbox-bar').waitFor({ state: 'detached' });
    await shot(page, 'k04-m-campaign-synced');

    // The server counted two households reached (distinct), whatever the retries.
    const list = (await api('community', '/api/campaigns?state=active')) as { items: { id: string; title: string }[] };
    const id = list.items.find((c) => c.title === title)!.id;
    const progress = (await api('community', `/api/campaigns/${id}/progress`)) as { visited: number; byArea: { code: string; visited: number }[] };
    expect(progress.visited).toBe(2);
    expect(progress.byArea.find((a) => a.code === GRID)!.visited).toBe(2);
    expect(posts.filter(Boolean).length).toBe(posts.length);
    expect(COMMUNITY.length).toBe(12);
    await context.close();
  });
});
