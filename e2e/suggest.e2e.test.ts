// Intake suggestions (docs/SMART-INTAKE.md): the QR report page pre-selects the likely type from
// what the resident types, shows the top three as chips, and a type picked by hand stays.
import { describe, expect, it } from 'vitest';
import { consoleLogin, desktop, phone, session, shot, useBrowserSession } from './browser.ts';

useBrowserSession();

const GRID = '320614103001001';

describe('intake suggestions', () => {
  it('the QR page pre-selects a type from a typed description; the resident can still choose', async () => {
    const { page } = await phone();
    await page.goto(`${session.url}/m/report?area=${GRID}`);
    await page.locator('[data-testid="m-report-desc"] textarea:not([aria-hidden])').fill('楼下饭店的油烟直接往我家窗户里飘，熏得家里全是味道');
    await page.getByTestId('m-suggest').waitFor({ timeout: 10_000 });
    await expect.poll(async () => (await page.getByTestId('m-type-chosen').innerText()).trim(), { timeout: 10_000 }).toContain('餐饮油烟');
    expect(await page.getByTestId('m-suggest-0601').getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('m-suggest').innerText()).toContain('油烟');
    await shot(page, 's01-m-report-suggested');

    // A type picked by hand is kept while the resident goes on typing.
    await page.getByTestId('m-type-G0202').click();
    await page.locator('[data-testid="m-report-desc"] textarea:not([aria-hidden])').fill('楼下饭店的油烟直接往我家窗户里飘，熏得家里全是味道，晚上排风机还很吵');
    await page.waitForTimeout(1_200);
    expect((await page.getByTestId('m-type-chosen').innerText()).trim()).toContain('噪声扰民');
  });

  it('the dispatch dialog orders the units by the case text and says why', async () => {
    const { page } = await desktop();
    await consoleLogin(page, 'town');
    const api = async (path: string, data: unknown) => {
      const res = await page.request.post(`${session.url}${path}`, { data });
      expect(res.status(), await res.text()).toBeLessThan(300);
      return res.json() as Promise<Record<string, unknown>>;
    };
    // Filed as a request for help (求助, no default unit); the words say it is a street lamp.
    const c = await api('/api/cases', { title: '镇区路灯坏了求助', description: '常乐镇人民路上的路灯坏了好几天，晚上一片黑，老人走路摔了一跤。', categoryCode: 'H02', channel: 'console', areaCode: '320614103' });
    if (c.state === 'reported') await api(`/api/cases/${c.id as string}/actions/accept`, {});
    await page.goto(`${session.url}/cases/${c.id as string}`);
    await page.getByTestId('case-action-dispatch').click();
    const hint = page.getByTestId('dispatch-smart');
    await hint.waitFor({ timeout: 10_000 });
    expect(await hint.innerText()).toContain('路灯');
    await page.getByTestId('dispatch-unit').click();
    await page.locator('.ant-select-dropdown .gz-unit-option').first().waitFor();
    expect(await page.locator('.ant-select-dropdown .gz-unit-option').first().innerText()).toContain('城市管理');
    await shot(page, 's02-dispatch-smart');
  });
});
