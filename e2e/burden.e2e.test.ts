// 基层减负 end to end: the social work department keeps the lists (adds and edits an entry); a department
// files a request to push work down to 常乐镇's communities; the social work department admits it after
// the automatic check; the department sends a form under that admitted request; the community finds the
// task in its inbox and a form pre-filled from the registry, fills only the rest and sends it — in the
// console, and on the phone, where it also flags a task received outside the process.
import { describe, expect, it } from 'vitest';
import { consoleLogin, desktop, openMenu, PASSWORD, phone, phoneLogin, session, shot, useBrowserSession } from './browser.ts';

useBrowserSession();

const title = `垃圾分类入户宣传${Date.now().toString(36)}`;
const formTitle = `宣传入户情况表${Date.now().toString(36)}`;
const word = `评优${Date.now().toString(36).slice(-4)}`;

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

  it('the social work department adds a list entry and edits its keywords and source', async () => {
    const { context, page } = await desktop();
    await consoleLogin(page, 'shgzb', '/burden?tab=lists');
    await page.getByTestId('burden-list-add').click();
    await page.getByTestId('burden-list-f-title').fill(`要求社区参加${word}活动`);
    await page.getByTestId('burden-list-f-keywords').fill(`${word}x`);
    await page.getByTestId('burden-list-f-source').fill('`004` 严控面向基层的督查检查');
    await page.getByTestId('burden-list-ok').click();
    const row = page.getByTestId('burden-lists').locator('tr', { hasText: `要求社区参加${word}活动` });
    await row.waitFor();
    await row.getByTestId('burden-list-edit').click();
    await page.getByTestId('burden-list-f-keywords').fill(`${word}，${word}评比`);
    await page.getByTestId('burden-list-f-source').fill('`004` 严控面向基层的督查检查、考核评比');
    await shot(page, 'b00-burden-list-edit');
    await page.getByTestId('burden-list-ok').click();
    await expect.poll(() => row.getByTestId('burden-list-keywords').innerText(), { timeout: 20_000 }).toBe(`${word}、${word}评比`);
    expect(await row.innerText()).toContain('考核评比');
    const lists = (await apiGet('shgzb', '/api/burden/lists')) as { items: { title: string; keywords: string[]; source: string; active: boolean }[] };
    expect(lists.items.find((i) => i.title === `要求社区参加${word}活动`)).toMatchObject({ keywords: [word, `${word}评比`], active: true });
    await context.close();
  });

  it('the department sends a form only under its admitted request', async () => {
    const { context, page } = await desktop();
    await consoleLogin(page, 'dept-cg', '/burden?tab=forms');
    await page.getByTestId('burden-design').click();
    await page.getByTestId('burden-form-request').click();
    await page.locator('.ant-select-item-option', { hasText: title }).first().click();
    // The communities are those of the request.
    await expect.poll(() => page.getByTestId('burden-form-areas').locator('.ant-select-selection-item').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const modal = page.locator('.ant-modal', { hasText: '依据的准入申请' });
    await page.getByTestId('burden-form-title').fill(formTitle);
    await modal.getByLabel('实有人口').check();
    await modal.getByLabel('字段名称').first().fill('入户宣传户数（户）');
    await shot(page, 'b02b-burden-design');
    await page.getByTestId('burden-design-ok').click();
    const row = page.getByTestId('burden-forms').locator('tr', { hasText: formTitle });
    await row.waitFor({ timeout: 20_000 });
    expect(await row.innerText()).toContain(title);
    await context.close();
  });

  it('on the phone the community worker sees the task with its deadline, fills the pre-filled form and flags a task', async () => {
    const { context, page } = await phone();
    await phoneLogin(page, 'community');
    await page.getByTestId('m-entry-burden').click();
    await page.getByTestId('m-burden-tasks').waitFor();
    const task = page.getByTestId('m-burden-task').filter({ hasText: title });
    await expect.poll(() => task.getByTestId('m-burden-task-due').innerText(), { timeout: 20_000 }).toMatch(/剩 \d+ 个工作日/);
    await shot(page, 'b04-m-burden-tasks');
    // A task received outside the process, naming how it came.
    await page.getByTestId('m-burden-flag').click();
    await page.locator('[data-testid="m-burden-flag-title"] input, input[data-testid="m-burden-flag-title"]').first().fill(`报送${word}照片`);
    await page.locator('[data-testid="m-burden-flag-channel"] input, input[data-testid="m-burden-flag-channel"]').first().fill('工作群通知');
    await page.getByTestId('m-burden-flag-submit').click();
    await page.getByTestId('m-burden-task').filter({ hasText: `报送${word}照片` }).waitFor({ timeout: 20_000 });
    // The form sent under the admitted request, pre-filled from the registry.
    await page.getByTestId('m-burden-tab-forms').click();
    await page.getByTestId('m-burden-form').filter({ hasText: formTitle }).click();
    await page.getByTestId('m-burden-return').waitFor();
    const list = (await apiGet('community', '/api/burden/returns?state=pending&pageSize=200')) as { items: { id: string; form: { title: string } }[] };
    const copy = (await apiGet('community', `/api/burden/returns/${list.items.find((i) => i.form.title === formTitle)!.id}`)) as { fields: { key: string; value: string | null; source: string }[] };
    const population = copy.fields.find((f) => f.key === 'population.total')!;
    expect(population.source).toBe('registry');
    await expect.poll(() => page.getByTestId('m-burden-prefilled-population.total').innerText(), { timeout: 20_000 }).toBe(population.value);
    const open = copy.fields.find((f) => f.source === 'typed')!;
    await page.locator(`[data-testid="m-burden-fill-${open.key}"] input, input[data-testid="m-burden-fill-${open.key}"]`).first().fill('120');
    await shot(page, 'b05-m-burden-form', true);
    await page.getByTestId('m-burden-return-send').click();
    await page.getByTestId('m-burden-forms').waitFor();
    await expect.poll(() => page.getByTestId('m-burden-form').filter({ hasText: formTitle }).innerText(), { timeout: 20_000 }).toContain('已报送');
    await context.close();
  });

  it('the community sees the task and fills only what the form could not pre-fill', async () => {
    const { context, page } = await desktop();
    await consoleLogin(page, 'community', '/burden?tab=inbox');
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
