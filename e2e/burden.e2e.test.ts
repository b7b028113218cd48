// 基层减负 end to end: a department files a request to push work down to 常乐镇's communities; the
// district's social work department admits it after the automatic check; the community finds the task
// in its inbox and a form pre-filled from the registry, fills only the rest and sends it.
import { describe, expect, it } from 'vitest';
import { consoleLogin, desktop, openMenu, PASSWORD, session, shot, useBrowserSession } from './browser.ts';

useBrowserSession();

const title = `垃圾分类入户宣传${Date.now().toString(36)}`;

async function apiGet(username: string, path: string) {
  const login = await fetch(`${session.url}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return (await (await fetch(`${session.url}${path}`, { headers: { cookie } })).json()) as Record<string, unknown>;
}

describe('burden reduction', () => {
  it('a department files a request, checked against the lists', async () => {
    const { context, page } = await desktop();
    await consoleLogin(page, 'dept-cg');
    await openMenu(page, 'menu-burden');
    await page.getByTestId('burden-page').waitFor();
    await page.getByTestId('burden-file').click();
    await page.getByTestId('burden-f-title').fill(title);
    await page.getByTestId('burden-f-description').fill('各社区组织志愿者入户宣传垃圾分类，发放宣传册。');
    await page.getByTestId('burden-f-basis').fill('《江苏省生活垃圾管理条例》第二十八条');
    await page.getByTestId('burden-town').click();
    await page.locator('.ant-select-item-option', { hasText: '常乐镇' }).first().click();
    await page.getByTestId('burden-all-in-town').click();
    await page.getByTestId('burden-preview').click();
    await expect.poll(() => page.getByTestId('burden-preview-result').innerText(), { timeout: 20_000 }).toContain('属于准入事项清单');
    await shot(page, 'b01-burden-request');
    await page.getByTestId('burden-file-ok').click();
    const row = page.getByTestId('burden-requests').locator('tr', { hasText: title });
    await expect.poll(() => row.getByTestId('burden-request-state').innerText(), { timeout: 20_000 }).toBe('待审核');
    await context.close();
  });

  it('the social work department admits it; the task reaches the community', async () => {
    const { context, page } = await desktop();
    await consoleLogin(page, 'shgzb');
    await openMenu(page, 'menu-burden');
    const row = page.getByTestId('burden-requests').locator('tr', { hasText: title });
    await row.getByTestId('burden-admit').click();
    await expect.poll(() => row.getByTestId('burden-request-state').innerText(), { timeout: 20_000 }).toBe('已准入');
    await shot(page, 'b02-burden-admitted');
    await context.close();
  });

  it('the community sees the task and fills only what the form could not pre-fill', async () => {
    const { context, page } = await desktop();
    await consoleLogin(page, 'community');
    await page.goto(`${session.url}/burden?tab=inbox`);
    await page.getByTestId('burden-tasks').locator('tr', { hasText: title }).waitFor();
    await page.getByTestId('burden-tab-returns').click();
    const list = (await apiGet('community', '/api/burden/returns?state=pending')) as { items: { id: string; form: { title: string } }[] };
    const mine = list.items.find((i) => i.form.title === '垃圾分类工作月报')!;
    const copy = (await apiGet('community', `/api/burden/returns/${mine.id}`)) as { fields: { key: string; value: string | null; source: string }[] };
    const population = copy.fields.find((f) => f.key === 'population.total')!;
    expect(population.source).toBe('registry');
    await page.getByTestId('burden-returns').locator('tr', { hasText: '垃圾分类工作月报' }).getByTestId('burden-return-open').click();
    await expect.poll(() => page.getByTestId('burden-prefilled-population.total').innerText(), { timeout: 20_000 }).toBe(population.value);
    expect(await page.getByTestId('burden-return-summary').innerText()).toContain('只需填写 2 个');
    await page.getByTestId('burden-fill-垃圾分类志愿者（人）').fill('16');
    await page.getByTestId('burden-fill-分类投放点（个）').fill('5');
    await shot(page, 'b03-burden-form');
    await page.getByTestId('burden-return-send').click();
    await expect.poll(() => page.getByTestId('burden-returns').locator('tr', { hasText: '垃圾分类工作月报' }).innerText(), { timeout: 20_000 }).toContain('已报送');
    await context.close();
  });
});
