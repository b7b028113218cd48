// The cockpit (驾驶舱) and the big screen in Chromium: cases are registered through the API in
// three places, the district leader lands on the cockpit, sees those figures, drills from the
// district into 常乐镇 and into 状元街居委会, and the figures follow; a community cannot open its
// neighbour's cockpit; the ranking exports to Excel; the big screen renders at 1920×1080. Screenshots go to `screenshots/`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import ExcelJS from 'exceljs';
import { consoleLogin, desktop, PASSWORD, session, shot, useBrowserSession, openMenu, menuHas, png } from './browser.ts';

const TOWN = '320614103'; // 常乐镇
const COMMUNITY = '320614103001'; // 状元街居委会
const NEIGHBOUR = '320614103002';

useBrowserSession();

class Api {
  constructor(private cookie = '') {}
  static async login(username: string) {
    const res = await fetch(`${session.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
    return new Api(res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '));
  }
  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${session.url}${path}`, {
      method,
      headers: { cookie: this.cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return JSON.parse(text) as T;
  }
  get = <T>(path: string) => this.call<T>('GET', path);
  post = <T>(path: string, body: unknown = {}) => this.call<T>('POST', path, body);
  /** A photo taken at the on-site check (现场核验); returns its file id. */
  async photo(): Promise<string> {
    const form = new FormData();
    form.append('file', new Blob([png(4, 4, () => [120, 160, 90])], { type: 'image/png' }), 'site.png');
    const res = await fetch(`${session.url}/api/files`, { method: 'POST', headers: { cookie: this.cookie }, body: form });
    if (res.status !== 201) throw new Error(`upload: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { id: string }).id;
  }
}

const firstChild = async (api: Api, code: string) => (await api.get<{ items: { code: string }[] }>(`/api/areas/${code}/children`)).items[0]!.code;

let otherTownName = '';

interface Measures { received: number; closed: number; rated: number; satisfactionRate: number }
const summaryOf = async (api: Api, area: string, period = '') =>
  (await api.get<{ measures: Measures }>(`/api/cockpit/summary?area=${area}${period}`)).measures;
// What the demo's case history already holds this month, before this file adds its cases.
const before: Record<string, Measures> = {};
let deptBefore = 0;
const pct = (rate: number) => `${(rate * 100).toFixed(1)}%`;
/** Last month in China time, as the cockpit's 上月 button picks it. */
function lastMonth() {
  const now = new Date(Date.now() + 8 * 3600_000);
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0));
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return `&from=${day(first)}&to=${day(last)}`;
}

beforeAll(async () => {
  const district = await Api.login('district');
  const community = await Api.login('community');
  const town = await Api.login('town');
  const dept = await Api.login('dept-cg');
  for (const code of ['320614', TOWN, COMMUNITY]) before[code] = await summaryOf(district, code);
  deptBefore = (await summaryOf(dept, '320614')).received;
  const towns = (await district.get<{ items: { code: string; name: string }[] }>('/api/areas/320614/children')).items;
  const other = towns.find((t) => t.code !== TOWN)!;
  otherTownName = other.name;
  const g1 = `${COMMUNITY}001`;
  const g2 = `${COMMUNITY}002`;
  const neighbourGrid = await firstChild(district, NEIGHBOUR);
  const otherGrid = await firstChild(district, await firstChild(district, other.code));
  const report = async (areaCode: string, categoryCode: string, channel: string, title: string) =>
    (await district.post<{ id: string }>('/api/cases', { title, description: `${title}，请尽快处理。`, categoryCode, channel, areaCode })).id;

  // 状元街: five cases (two reports of the same rubbish at one place), two of them closed and rated.
  const a = await report(g1, '0102', 'hotline', '1幢门口垃圾堆积');
  const b = await report(g1, '0102', 'hotline', '1幢门口垃圾又堆起来了');
  await report(g2, '0201', 'console', '单元门小广告');
  await report(g1, '0106', 'visit', '垃圾桶满溢无人清运');
  await report(g2, '0401', 'mailbox', '菜场门口流动摊贩');
  // 常乐镇's other community and another town.
  for (const [cat, ch, title] of [['0104', 'hotline', '道路油污'], ['0109', 'reception', '楼道堆放杂物'], ['0201', 'hotline', '电线杆小广告']] as const) await report(neighbourGrid, cat, ch, title);
  for (const [cat, ch, title] of [['0102', 'hotline', '河边垃圾'], ['0302', 'mailbox', '工地扬尘'], ['0401', 'visit', '占道摆摊'], ['0106', 'hotline', '垃圾满溢']] as const) await report(otherGrid, cat, ch, title);

  const units = await town.get<{ items: { id: string; code: string }[] }>('/api/units?type=department');
  const cg = units.items.find((u) => u.code === 'dept-cg')!.id;
  for (const [id, score] of [[a, 'satisfied'], [b, 'unsatisfied']] as const) {
    await community.post(`/api/cases/${id}/actions/escalate`, { reason: '需城管处理' });
    await town.post(`/api/cases/${id}/actions/dispatch`, { unitId: cg });
    await dept.post(`/api/cases/${id}/actions/acknowledge`);
    await dept.post(`/api/cases/${id}/actions/handle`, { note: '已清理完毕' });
    await community.post(`/api/cases/${id}/actions/verify-pass`, { note: '现场已核实', attachments: [await community.photo()] });
    await town.post(`/api/cases/${id}/actions/rate`, { score });
  }
}, 180_000);

const kpi = (page: Page, key: string) => page.getByTestId(`kpi-${key}-value`);

async function expectCockpitOf(page: Page, code: string, name: string, received: number | string) {
  await page.locator(`[data-testid="cockpit-page"][data-area="${code}"]`).waitFor();
  await expect.poll(() => page.getByTestId('cockpit-title').textContent()).toContain(name);
  await expect.poll(() => kpi(page, 'received').textContent()).toBe(typeof received === 'number' ? received.toLocaleString('zh-CN') : received);
}

describe('cockpit', () => {
  it('the leader lands on the district cockpit, sees the figures and drills down to a community', async () => {
    const { context, page } = await desktop();
    await page.goto(`${session.url}/login`);
    await page.getByTestId('login-username').fill('leader');
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/cockpit/);
    // The demo's history of this month plus the twelve cases registered above; two of them closed,
    // one rated satisfied and one not — the figures are the server's, to the last digit.
    const district = await Api.login('district');
    const now = await summaryOf(district, '320614');
    expect(now.received).toBe(before['320614']!.received + 12);
    expect(now.closed).toBe(before['320614']!.closed + 2);
    await expectCockpitOf(page, '320614', '海门区', now.received);
    await expect.poll(() => kpi(page, 'closed').textContent()).toBe(now.closed.toLocaleString('zh-CN'));
    await expect.poll(() => kpi(page, 'satisfactionRate').textContent()).toBe(pct(now.satisfactionRate));
    await expect.poll(() => page.getByTestId('kpi-received').textContent()).toMatch(/较上期|上期无数据/);
    // Sub-areas: 常乐镇 8, the other town 4.
    await page.locator(`[data-testid="child-row"][data-code="${TOWN}"]`).waitFor();
    await expect.poll(() => page.getByTestId('panel-children').textContent()).toContain(otherTownName);
    // The rectification list shows exactly the communities the server finds below 60 % of satisfied ratings; 状元街 is
    // among them when its month is below 60 % (the demo's history of the month, laid out relative to today, may already
    // hold enough satisfied ratings to lift it above, whatever this file rates).
    const flagged = (await district.get<{ items: { code: string }[] }>('/api/cockpit/rectification?area=320614')).items.map((x) => x.code);
    const mine = await summaryOf(district, COMMUNITY);
    if (mine.rated > 0 && mine.satisfactionRate < 0.6) expect(flagged).toContain(COMMUNITY);
    else expect(flagged).not.toContain(COMMUNITY);
    await expect.poll(() => page.locator('[data-testid="rectification-row"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code')))).toEqual(flagged);
    // Charts can be read as tables: the channels.
    await page.getByTestId('panel-channel-table-toggle').click();
    await expect.poll(() => page.getByTestId('panel-channel').textContent()).toContain('热线工单');
    await page.getByTestId('panel-map').locator('canvas').first().waitFor();
    await shot(page, 'k01-cockpit-district', true);

    // The department ranking exports to Excel with the page's area and period, and parses back.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-units').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gz-cockpit-')), 'ranking.xlsx');
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sheet = wb.worksheets[0]!;
    const cells: string[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => void cells.push(String(cell.value))));
    expect(cells.join(' ')).toContain('部门（承办单位）考核排名');
    expect(cells).toContain('区城市管理局');
    fs.rmSync(path.dirname(file), { recursive: true, force: true });

    await page.locator(`[data-testid="child-row"][data-code="${TOWN}"] a`).click();
    await expectCockpitOf(page, TOWN, '常乐镇', before[TOWN]!.received + 8);
    expect(page.url()).toContain(`/cockpit/${TOWN}`);
    await page.locator(`[data-testid="child-row"][data-code="${COMMUNITY}"] a`).click();
    await expectCockpitOf(page, COMMUNITY, '状元街居委会', before[COMMUNITY]!.received + 5);
    await expect.poll(() => kpi(page, 'closed').textContent()).toBe((before[COMMUNITY]!.closed + 2).toLocaleString('zh-CN'));
    // The repeat report is a hot spot; staffing counts the community's roster against 18 per 10,000. (Panels below the
    // first screen render as they are scrolled to.)
    await page.getByTestId('panel-hotspots').scrollIntoViewIfNeeded();
    await expect.poll(() => page.getByTestId('panel-hotspots').textContent()).toContain('暴露垃圾');
    await page.getByTestId('panel-staffing').scrollIntoViewIfNeeded();
    await expect.poll(() => page.getByTestId('staffing-total').textContent()).toMatch(/本级合计 \d+ 人/);
    await shot(page, 'k02-cockpit-community', true);

    // Breadcrumb back up to the district.
    await page.getByTestId('crumb-320614').click();
    await expectCockpitOf(page, '320614', '海门区', now.received);
    // Last month: only the demo's history, none of this file's cases.
    const last = await summaryOf(district, '320614', lastMonth());
    await page.getByTestId('period-lastMonth').click();
    await expect.poll(() => kpi(page, 'received').textContent()).toBe(last.received.toLocaleString('zh-CN'));
    await context.close();
  });

  it('a community cannot open its neighbour’s cockpit', async () => {
    const { context, page } = await desktop();
    await consoleLogin(page, 'community');
    await openMenu(page, 'menu-cockpit');
    await expectCockpitOf(page, COMMUNITY, '状元街居委会', before[COMMUNITY]!.received + 5);
    await page.goto(`${session.url}/cockpit/${NEIGHBOUR}`);
    await page.getByTestId('area-not-found').waitFor();
    await context.close();
  });

  it('a department sees only the cases its unit leads', async () => {
    const { context, page } = await desktop();
    await consoleLogin(page, 'dept-cg');
    await openMenu(page, 'menu-cockpit');
    await page.locator('[data-testid="cockpit-page"][data-area="320614"]').waitFor();
    await expect.poll(() => page.getByTestId('cockpit-title').textContent()).toContain('区城市管理局');
    // The two cases dispatched to 城管 (besides the history's), not the district's twelve.
    await expect.poll(() => kpi(page, 'received').textContent()).toBe(String(deptBefore + 2));
    expect(await page.getByTestId('panel-staffing').count()).toBe(0);
    await context.close();
  });

  it('the big screen fills a 1920×1080 wall', async () => {
    const context = await session.browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error('[pageerror]', e.message));
    await consoleLogin(page, 'district');
    expect(await menuHas(page, 'menu-screen')).toBe(true);
    // A controllable clock, so the 60-second refresh can be seen without waiting a minute.
    await page.clock.install();
    await page.goto(`${session.url}/screen`);
    await page.locator('[data-testid="screen-page"][data-area="320614"]').waitFor();
    await expect.poll(() => page.getByTestId('screen-title').textContent()).toContain('海门区');
    const district = await Api.login('district');
    const received = (await summaryOf(district, '320614')).received;
    await expect.poll(() => page.getByTestId('screen-kpi-received').textContent()).toContain(received.toLocaleString('zh-CN'));
    await page.getByTestId('screen-map').locator('canvas').first().waitFor();
    // No console chrome on the wall.
    expect(await page.getByTestId('main-menu').count()).toBe(0);
    const box = await page.getByTestId('screen-page').boundingBox();
    expect(Math.round(box!.width)).toBe(1920);
    expect(Math.round(box!.height)).toBe(1080);
    await page.waitForTimeout(800);
    await shot(page, 'k03-big-screen');
    // A new hotline order arrives; within a minute the wall shows it.
    await district.post('/api/cases', { title: '路灯不亮', description: '路灯不亮，请尽快处理。', categoryCode: '0102', channel: 'hotline', areaCode: `${COMMUNITY}003` });
    await page.clock.fastForward('01:01');
    await expect.poll(() => page.getByTestId('screen-kpi-received').textContent()).toContain((received + 1).toLocaleString('zh-CN'));
    await context.close();
  });
});
