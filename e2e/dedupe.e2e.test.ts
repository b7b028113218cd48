// Duplicate groups (docs/SMART-INTAKE.md "Duplicate groups"): the dispatcher opens a case that intake
// put in a group with an earlier report of the same problem, and merges the group with the mouse.
import { describe, expect, it } from 'vitest';
import { consoleLogin, desktop, session, shot, useBrowserSession } from './browser.ts';

useBrowserSession();

const GRID = '320614103001001';

describe('duplicate groups', () => {
  it('the dispatcher sees the group on the case page and merges it in one action', async () => {
    const { page } = await desktop();
    await consoleLogin(page, 'community');
    const api = async (path: string, data: unknown) => {
      const res = await page.request.post(`${session.url}${path}`, { data });
      expect(res.status(), await res.text()).toBeLessThan(300);
      return res.json() as Promise<Record<string, unknown>>;
    };
    const tag = Date.now().toString(36);
    const point = { lat: 31.9866, lng: 120.8941 };
    const first = await api('/api/cases', { title: `快递柜旁垃圾桶满了 ${tag}`, description: '快递柜旁边的两个垃圾桶满出来了，纸箱子堆在地上没人收', categoryCode: '0106', channel: 'console', areaCode: GRID, location: point });
    const second = await api('/api/cases', { title: '垃圾桶溢出来了', description: '快递柜那边垃圾桶全满了，垃圾散了一地', categoryCode: '0106', channel: 'console', areaCode: GRID, location: { lat: point.lat + 0.0001, lng: point.lng } });
    expect(second.groupId).toBe(first.id);

    await page.goto(`${session.url}/cases/${second.id as string}`);
    const group = page.getByTestId('case-group');
    await group.waitFor({ timeout: 10_000 });
    expect(await group.locator('[data-testid="case-group-member"][data-role="candidate"]').count()).toBe(1);
    await shot(page, 'dd01-case-group');
    await page.getByTestId('case-group-merge').click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await expect.poll(async () => page.locator('[data-testid="case-group-member"][data-role="merged"]').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(async () => page.getByTestId('case-page').getAttribute('data-state'), { timeout: 10_000 }).toBe('merged');
  });
});
