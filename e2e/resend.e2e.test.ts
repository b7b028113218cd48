// A QR report whose answer is lost on the way back (the phone changed networks): the page keeps
// the report and its Idempotency-Key, resends it with that key — also after a reload — and the
// resend is answered with the case the first attempt stored. One case, never two.
import { describe, expect, it } from 'vitest';
import { PASSWORD, phone, session, shot, useBrowserSession } from './browser.ts';

useBrowserSession();

const GRID = '320614103001001';

describe('QR report: an unanswered report is resent with its key', () => {
  it('the first answer is lost, the page resends with the same key (after a reload too) and one case exists', async () => {
    const { context, page } = await phone();
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

    // Unanswered: the page says so and keeps resending on its own.
    await page.getByTestId('m-report-unanswered').waitFor();
    expect(await page.getByTestId('m-report-unanswered').innerText()).toContain('不会重复登记');
    await expect.poll(() => keys.length, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    await shot(page, 'r01-m-report-unanswered');
    expect(firstCode).toMatch(/^HM\d{15}$/);

    // The network is back and the phone reloads the page: the kept report goes out again by itself.
    offline = false;
    await page.reload();
    await page.getByTestId('m-report-done').waitFor({ timeout: 20_000 });
    expect((await page.getByTestId('m-report-code').innerText()).trim()).toBe(firstCode);
    expect(keys.length).toBeGreaterThanOrEqual(3);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/.{16,}/);
    // Nothing is left to resend.
    expect(await page.evaluate("localStorage.getItem('gz.unanswered.report')")).toBeNull();

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
