// Working without a connection (docs/OFFLINE.md), in Chromium with the real service worker: a party
// member opens the phone app once, the connection drops, the app still opens, 5 reports with photos and
// 3 household visits are made and wait in 待发送, the page is reloaded (still offline) and nothing is
// lost; the connection returns and exactly 5 cases and 3 visits arrive, once each.
import { describe, expect, it } from 'vitest';
import { PASSWORD, phone, phoneLogin, png, session, shot, useBrowserSession } from './browser.ts';

useBrowserSession();

async function apiAs(username: string) {
  const login = await fetch(`${session.url}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
  expect(login.status).toBe(200);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return async <T,>(path: string): Promise<T> => {
    const res = await fetch(`${session.url}${path}`, { headers: { cookie } });
    expect(res.status).toBe(200);
    return (await res.json()) as T;
  };
}

interface MyHouseholds {
  items: { id: string; address: string; visitedThisMonth: boolean }[];
}

describe('offline in the field', () => {
  it('5 reports with photos and 3 visits made offline survive a reload and arrive once each', async () => {
    const asParty = await apiAs('party');
    const mine = await asParty<MyHouseholds>('/api/party/my/households');
    const targets = mine.items.filter((h) => !h.visitedThisMonth).slice(0, 3);
    expect(targets).toHaveLength(3);
    const visitsBefore = await asParty<{ items: { household: { id: string } }[] }>('/api/party/visits?mine=true');

    const { context, page } = await phone();
    await phoneLogin(page, 'party');
    // One visit online: the service worker installs (the app's files are precached) and the lists the
    // forms need offline are loaded once.
    expect(await page.evaluate('navigator.serviceWorker.ready.then(() => true)')).toBe(true);
    await page.goto(`${session.url}/m/party/households`);
    await page.getByTestId('m-party-household-list').waitFor();
    await page.goto(`${session.url}/m/report`);
    await page.getByTestId('m-type-B0110').waitFor();

    await context.setOffline(true);
    await page.reload();
    await page.getByTestId('m-report').waitFor();
    await page.getByTestId('m-outbox-bar').waitFor();

    const tag = `离线${Date.now().toString(36)}`;
    for (let i = 1; i <= 5; i++) {
      await page.getByTestId('m-type-B0110').click();
      await page.locator('[data-testid="m-report-desc"] textarea:not([aria-hidden])').fill(`${tag} 第${i}处：地下车库${i}号通道积水，照明坏了。`);
      const photo = { name: `p${i}.png`, mimeType: 'image/png', buffer: png(64, 48, (x, y) => [(x * 4 + i * 40) % 256, (y * 5) % 256, 120]) };
      await page.locator('[data-testid="m-report-photos"] input[type="file"]').setInputFiles(photo);
      await page.locator('[data-testid="m-report-photos"] img[src^="blob:"]').waitFor();
      await page.getByTestId('m-report-submit').click();
      await expect.poll(() => page.getByTestId('m-outbox-bar-count').getAttribute('data-n')).toBe(String(i));
      // The form is cleared for the next one.
      await expect.poll(() => page.locator('[data-testid="m-report-photos"] img').count()).toBe(0);
    }
    await shot(page, 'offline-01-report-queued');

    for (const h of targets) {
      await page.goto(`${session.url}/m/party/visit/${h.id}`);
      await expect.poll(() => page.getByTestId('m-party-visit-address').innerText()).toBe(h.address);
      await page.locator('[data-testid="m-party-visit-notes"] textarea').fill(`${tag} 地下室没有信号，入户宣讲医保政策`);
      await page.getByTestId('m-party-visit-submit').click();
      await page.getByTestId('m-party-households').waitFor();
    }

    // Reloaded without a connection: the app opens and the queue is all there.
    await page.reload();
    await page.goto(`${session.url}/m/outbox`);
    await expect.poll(() => page.getByTestId('m-outbox-item').count()).toBe(8);
    expect(await page.locator('[data-testid="m-outbox-item"][data-state="pending"]').count()).toBe(8);
    expect(await page.locator('[data-testid="m-outbox-item"][data-kind="report"]').count()).toBe(5);
    expect(await page.locator('[data-testid="m-outbox-item"][data-kind="visit"]').count()).toBe(3);
    await shot(page, 'offline-02-outbox-pending', true);

    // Back online: everything goes out by itself.
    await context.setOffline(false);
    await expect.poll(() => page.locator('[data-testid="m-outbox-item"][data-state="sent"]').count(), { timeout: 45_000 }).toBe(8);
    await shot(page, 'offline-03-outbox-sent', true);

    const asCommunity = await apiAs('community');
    const cases = await asCommunity<{ total: number; items: { id: string; code: string }[] }>(`/api/cases?box=all&q=${encodeURIComponent(tag)}`);
    expect(cases.total).toBe(5);
    for (const c of cases.items) {
      const d = await asCommunity<{ attachments: unknown[] }>(`/api/cases/${c.id}`);
      expect(d.attachments).toHaveLength(1);
    }
    const visitsAfter = await asParty<{ items: { household: { id: string } }[] }>('/api/party/visits?mine=true');
    expect(visitsAfter.items.length - visitsBefore.items.length).toBe(3);
    expect(visitsAfter.items.filter((v) => targets.some((h) => h.id === v.household.id)).length).toBe(3);
    await context.close();
  });
});
