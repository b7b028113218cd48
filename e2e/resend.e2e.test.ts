// A QR report whose answer is lost on the way back (the phone changed networks): 待发送 keeps the
// report and its Idempotency-Key, resends it with that key — also after a reload — and the resend is
// answered with the case the first attempt stored. One case, never two.
import { describe, expect, it } from 'vitest';
import { PASSWORD, session, shot, useBrowserSession } from './browser.ts';

useBrowserSession();

const GRID = '320614103001001';

describe('QR report: an unanswered report is resent with its key', () => {
  it('the first answer is lost, the page resends with the same key (after a reload too) and one case exists', async () => {
    // Request interception and a service worker do not mix (Playwright routes miss what a worker fetches):
    // this test is about the queue, so the worker is kept out; e2e/offline.e2e.test.ts runs with it.
    const context = await session.browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, serviceWorkers: 'block' });
    const page = await context.newPage();
    const tag = `井盖${Date.now().toString(36)}`;
    const desc = `${tag} 3幢北侧下水道井盖松动，踩上去会晃，夜里看不清很危险。`;
    const keys: string[] = [];
    let firstCode = '';
    let offline = true;
    await page.route('**/api/cases', async (route) => {
      const req = route.request();
      if (req.method() !== 'POST') return route.continue();
      keys.push(req.headers()['idempotency-key'] ?? '');
      if (keys.length === 1) {
        // The request reaches the server and is stored; its answer never reaches the phone.
        const res = await route.fetch();
        firstCode = ((await res.json()) as { code: string }).code;
        return route.abort('connectionreset');
      }
      if (offline) return route.abort('internetdisconnected');
      return route.continue();
    });

    await page.goto(`${session.url}/m/report?area=${GRID}`);
    await page.getByTestId('m-type-B0110').click();
    await page.locator('[data-testid="m-report-desc"] textarea:not([aria-hidden])').fill(desc);
    await page.locator('[data-testid="m-report-phone"] input').fill('13962812345');
    await page.getByTestId('m-report-submit').click();

    // Unanswered: the report waits in 待发送 (the page says so) and is resent on its own with its key.
    await page.getByTestId('m-report-queued').waitFor();
    expect(await page.getByTestId('m-report-queued').innerText()).toContain('不会重复登记');
    await expect.poll(() => keys.length, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    await shot(page, 'r01-m-report-unanswered');
    expect(firstCode).toMatch(/^HM\d{15}$/);

    // The network is back and the phone reloads the page: the kept report goes out again by itself and
    // 待发送 shows it sent, answered with the case the first attempt stored.
    offline = false;
    await page.reload();
    await page.goto(`${session.url}/m/outbox`);
    await page.locator('[data-testid="m-outbox-item"][data-state="sent"]').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('m-outbox-item').count()).toBe(1);
    expect(await page.getByTestId('m-outbox-item').innerText()).toContain(firstCode);
    expect(keys.length).toBeGreaterThanOrEqual(3);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/.{16,}/);

    // The community's case list holds the report once.
    const login = await fetch(`${session.url}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'community', password: PASSWORD }) });
    expect(login.status).toBe(200);
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const list = await fetch(`${session.url}/api/cases?box=all&q=${encodeURIComponent(tag)}`, { headers: { cookie } });
    const body = (await list.json()) as { total: number; items: { code: string }[] };
    expect(body.items.map((c) => c.code)).toEqual([firstCode]);
    await context.close();
  });
});
