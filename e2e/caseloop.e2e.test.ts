// The case loop's settings through the real UI in Chromium (docs/CASES.md "Office hours"): the
// administrator enters a holiday for a year the built-in table does not know (工作日历), and the
// town centre gives a community its own office hours and restores the default (办公时间); the town
// centre records a 会商 on a case it dispatched with an assisting unit.
// Screenshots in `screenshots/`.
import { describe, expect, it } from 'vitest';
import { consoleLogin, desktop, menuHas, openMenu, phone, phoneLogin, session, shot, useBrowserSession } from './browser.ts';

useBrowserSession();

describe('work calendar and office hours', () => {
  it('the administrator enters New Year’s Day for next year and removes it again', async () => {
    const { context, page } = await desktop();
    await consoleLogin(page, 'admin');
    await openMenu(page, 'menu-calendar');
    await page.getByTestId('calendar-title').waitFor();
    await page.getByTestId('calendar-table').waitFor();
    await shot(page, 'caseloop-calendar');

    // A year the package does not know: the warning names it.
    await page.getByTestId('calendar-year').click();
    const next = new Date().getFullYear() + 2;
    await page.locator('.ant-select-item-option', { hasText: `${next} 年` }).click();
    await expect.poll(() => page.getByTestId('calendar-coverage').innerText()).toContain(`${next} 年`);

    await page.getByTestId('calendar-add').click();
    const dateInput = page.locator('.ant-modal .ant-picker input');
    await dateInput.click();
    await dateInput.fill(`${next}-01-01`);
    await page.keyboard.press('Enter');
    await page.getByTestId('calendar-name').fill('元旦');
    await page.getByTestId('calendar-save').click();
    const row = page.getByTestId('calendar-table').locator('tr', { hasText: `${next}-01-01` });
    await row.waitFor();
    expect(await row.innerText()).toContain('元旦');
    expect(await row.innerText()).toContain('本地调整');
    await expect.poll(() => page.getByTestId('calendar-coverage').innerText()).toContain('已按本地录入');
    await shot(page, 'caseloop-calendar-override');

    await page.getByTestId(`cal-remove-${next}-01-01`).click();
    await page.locator('.ant-popconfirm .ant-btn-dangerous').click();
    await expect.poll(() => row.count()).toBe(0);
    await context.close();
  });

  it('the town centre sets a community’s office hours and restores the default; a community worker has no such entry', async () => {
    const { context, page } = await desktop();
    await consoleLogin(page, 'town');
    expect(await menuHas(page, 'menu-calendar')).toBe(false);
    await openMenu(page, 'menu-office-hours');
    await page.getByTestId('office-hours-title').waitFor();
    const table = page.getByTestId('office-hours-table');
    const row = table.locator('tr', { hasText: '状元街社区居民委员会' });
    await row.waitFor();
    expect(await row.innerText()).toContain('默认');
    await shot(page, 'caseloop-office-hours');

    // Morning only: the second period removed.
    await row.getByRole('button', { name: /设置办公时间/ }).click();
    await page.getByTestId('hours-period-1').first().waitFor();
    await page.getByRole('dialog').getByRole('button', { name: '删除时段' }).last().click();
    await expect.poll(() => page.getByTestId('hours-period-1').count()).toBe(0);
    await shot(page, 'caseloop-office-hours-edit');
    await page.getByTestId('hours-save').click();
    await expect.poll(() => row.innerText()).toContain('本单位设置');
    expect(await row.innerText()).toContain('08:30–12:00');

    await row.getByRole('button', { name: /恢复默认/ }).click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await expect.poll(() => row.innerText()).not.toContain('本单位设置');
    expect(await row.innerText()).toContain('08:30–12:00、13:30–17:30');
    await context.close();

    const other = await desktop();
    await consoleLogin(other.page, 'community');
    expect(await menuHas(other.page, 'menu-office-hours')).toBe(false);
    await other.context.close();
  });
});

describe('会商 on the case page', () => {
  it('the town centre records a joint meeting of the lead and the assisting unit', async () => {
    const { context, page } = await desktop();
    await consoleLogin(page, 'town');
    // The case is set up through the API with the browser's own session: reported, accepted, dispatched with an assist.
    const api = async (method: 'get' | 'post', path: string, data?: unknown) => {
      const res = await page.request[method](`${session.url}${path}`, data === undefined ? undefined : { data });
      expect(res.status(), await res.text()).toBeLessThan(300);
      return res.json() as Promise<Record<string, unknown>>;
    };
    const units = (await api('get', '/api/units?type=department')).items as { id: string; code: string }[];
    const cg = units.find((u) => u.code === 'dept-cg')!.id;
    const ga = units.find((u) => u.code === 'dept-ga')!.id;
    const c = await api('post', '/api/cases', { title: '集镇沿街违章搭建占用消防通道', description: '常乐镇集镇区沿街商户违章搭建雨棚，占用消防通道。', categoryCode: '0101', channel: 'console', areaCode: '320614103' });
    await api('post', `/api/cases/${c.id as string}/actions/accept`, {});
    await api('post', `/api/cases/${c.id as string}/actions/dispatch`, { unitId: cg, assistUnitIds: [ga] });

    await page.goto(`${session.url}/cases/${c.id as string}`);
    const card = page.getByTestId('case-meetings');
    await card.waitFor();
    expect(await card.innerText()).toContain('尚无会商记录');
    await page.getByTestId('meeting-add').click();
    await page.getByTestId('meeting-place').fill('常乐镇社会治理综合服务中心二楼会议室');
    await page.getByTestId('meeting-participants').fill('区城市管理局 张明；区公安分局 李强；镇指挥中心 陆海燕');
    await page.getByTestId('meeting-minutes').fill('城管局介绍现场情况，公安分局通报消防通道占用风险，商户承诺三日内自行拆除。');
    await page.getByTestId('meeting-decisions').fill('城管局牵头于本周五前拆除；公安分局配合维持现场秩序。');
    await shot(page, 'caseloop-meeting-form');
    await page.getByTestId('meeting-save').click();
    await card.getByTestId('meeting-item').waitFor();
    const text = await card.innerText();
    expect(text).toContain('会商记录（1）');
    expect(text).toContain('区公安分局');
    expect(text).toContain('城管局牵头于本周五前拆除');
    await shot(page, 'caseloop-meeting', true);
    // The timeline has the meeting too.
    await page.reload();
    await page.getByTestId('case-meetings').waitFor();
    await expect.poll(async () => page.locator('body').innerText()).toContain('城管局牵头于本周五前拆除；公安分局配合维持现场秩序');
    expect(await page.locator('body').innerText()).toMatch(/会商\s/);
    await context.close();
  });
});

describe('5321 on a property case', () => {
  it('the department records the steps on the console, they tick; the phone shows the same', async () => {
    const { context, page } = await desktop();
    await consoleLogin(page, 'town');
    const api = async (p: typeof page, method: 'get' | 'post', path: string, data?: unknown) => {
      const res = await p.request[method](`${session.url}${path}`, data === undefined ? undefined : { data });
      expect(res.status(), await res.text()).toBeLessThan(300);
      return res.json() as Promise<Record<string, unknown>>;
    };
    const units = (await api(page, 'get', '/api/units?type=department')).items as { id: string; code: string }[];
    const cg = units.find((u) => u.code === 'dept-cg')!.id;
    const c = await api(page, 'post', '/api/cases', { title: '集镇小区垃圾两天无人清运', description: '常乐镇集镇小区3号楼下垃圾桶满溢两天无人清运，气味很大。', categoryCode: 'G0802', channel: 'hotline', areaCode: '320614103' });
    const id = c.id as string;
    await api(page, 'post', `/api/cases/${id}/actions/accept`, {});
    await api(page, 'post', `/api/cases/${id}/actions/dispatch`, { unitId: cg });
    await context.close();

    const dept = await desktop();
    await consoleLogin(dept.page, 'dept-cg', `/cases/${id}`);
    const card = dept.page.getByTestId('case-5321');
    await card.waitFor();
    expect(await dept.page.getByTestId('r5-learn').getAttribute('data-status')).toBe('running');
    expect(await card.innerText()).toContain('待定级');
    await dept.page.getByTestId('r5-record').click();
    await expect.poll(() => dept.page.getByTestId('r5-learn').getAttribute('data-status')).toBe('done');
    await dept.page.getByTestId('r5-record').click(); // 商定方案
    await expect.poll(() => dept.page.getByTestId('r5-plan').getAttribute('data-status')).toBe('done');
    await dept.page.getByTestId('r5-record').click(); // 答复居民: with the tier
    await dept.page.getByRole('dialog').getByText('一般问题（30 分钟）').click();
    await dept.page.getByTestId('r5-save').click();
    await expect.poll(() => dept.page.getByTestId('r5-resolve').getAttribute('data-status')).toBe('running');
    expect(await card.innerText()).toContain('一般问题（30 分钟）');
    expect(await dept.page.getByTestId('case-timeline').innerText()).toContain('5321 答复居民');
    await shot(dept.page, 'caseloop-5321');
    await dept.context.close();

    const m = await phone();
    await phoneLogin(m.page, 'dept-cg', `/m/cases/${id}`);
    await m.page.getByTestId('m-5321').waitFor();
    expect(await m.page.getByTestId('m-r5-reply').getAttribute('data-status')).toBe('done');
    await shot(m.page, 'caseloop-5321-phone', true);
    await m.context.close();
  });
});
