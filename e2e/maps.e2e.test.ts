// Maps: staff pick a case's place on the map in the console (click to place, drag to adjust, the grid
// it falls in named), and the case is created in the grid containing the point. Without a base map
// (the default) no tile is requested; with a GCJ-02 base map the same pick lands in the same grid.
import { describe, expect, it } from 'vitest';
import type { Page, Request } from 'playwright-core';
import { answer, consoleLogin, desktop, phoneLogin, png, session, shot, useBrowserSession, openMenu } from './browser.ts';

useBrowserSession();

const TILE_HOST = 'https://tiles.gongzhi.test';

/** Clicks the middle of the n-th grid polygon drawn in the picker; returns that point on the page. */
async function clickGrid(page: Page, n: number) {
  const polygon = page.locator('[data-testid="pick-map"] path.leaflet-interactive').nth(n);
  const box = (await polygon.boundingBox())!;
  const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await page.mouse.click(at.x, at.y);
  return at;
}

async function fillCase(page: Page, title: string) {
  await openMenu(page, 'menu-case-new');
  await page.getByTestId('case-new-form').waitFor();
  await page.getByTestId('new-category').click();
  await page.keyboard.type('噪声');
  await page.locator('.ant-select-tree-node-content-wrapper', { hasText: '噪声扰民' }).first().click();
  await page.locator('[data-testid="new-title"]').fill(title);
  await page.locator('[data-testid="new-description"]').fill('12345 转来：夜间施工噪声很大，影响休息，请核实处理。');
  await page.getByTestId('new-area').click();
  await page.locator('.ant-select-tree-node-content-wrapper', { hasText: '状元街居委会' }).first().click();
  // The picker redraws with the community's grids (the town's 80 before).
  await expect.poll(() => page.locator('[data-testid="pick-map"] path.leaflet-interactive').count()).toBeLessThan(12);
  await page.locator('[data-testid="pick-map"] path.leaflet-interactive').nth(2).waitFor();
  await page.waitForTimeout(400);
}

/** Submits the form and reads the created case through the API. */
async function submitAndRead(page: Page) {
  const created = await answer(page, (r) => new URL(r.url()).pathname === '/api/cases' && r.request().method() === 'POST', () => page.getByTestId('new-submit').click());
  const id = ((await created.json()) as { id: string }).id;
  await expect.poll(() => page.getByTestId('created-code').innerText()).toMatch(/^HM\d+/);
  return page.evaluate(async (caseId) => (await fetch(`/api/cases/${caseId}`)).json(), id) as Promise<{ areaCode: string; location: { lat: number; lng: number } | null }>;
}

function watch(page: Page) {
  const errors: string[] = [];
  const foreign: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r: Request) => {
    if (!r.url().startsWith(session.url) && !r.url().startsWith('data:')) foreign.push(r.url());
  });
  return { errors, foreign };
}

describe('picking a case place on the map', () => {
  it('click places the point, drag adjusts it, and the case lands in the grid shown', async () => {
    const { context, page } = await desktop();
    await consoleLogin(page, 'town');
    const seen = watch(page);
    await fillCase(page, '状元街工地夜间施工噪声（地图选点）');
    expect(await page.getByTestId('pick-status').innerText()).toContain('点击地图放置位置');

    await clickGrid(page, 1);
    await page.getByTestId('pick-grid').waitFor();
    const first = await page.getByTestId('pick-grid').getAttribute('data-code');
    expect(first).toMatch(/^320614103001\d{3}$/);
    await expect.poll(() => page.getByTestId('pick-grid').innerText()).toMatch(/状元街.* .*网格/);

    // Drag the pin into another grid: the grid shown follows.
    const pin = page.locator('.gz-pick-pin');
    const from = (await pin.boundingBox())!;
    const target = (await page.locator('[data-testid="pick-map"] path.leaflet-interactive').nth(2).boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height - 2);
    await page.mouse.down();
    await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2 + 20, { steps: 12 });
    await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 4 });
    await page.mouse.up();
    await expect.poll(() => page.getByTestId('pick-grid').getAttribute('data-code')).not.toBe(first);
    const picked = (await page.getByTestId('pick-grid').getAttribute('data-code'))!;
    await shot(page, 'm01-case-new-pick', true);

    const c = await submitAndRead(page);
    expect(c.location).not.toBeNull();
    expect(c.areaCode.startsWith(picked)).toBe(true);
    expect(seen.foreign).toEqual([]);
    expect(seen.errors).toEqual([]);
    await context.close();
  });

  it('typed coordinates stay available as an advanced option and move the pin', async () => {
    const { context, page } = await desktop();
    await consoleLogin(page, 'town');
    await fillCase(page, '状元街路口夜间噪声（手动输入坐标）');
    await clickGrid(page, 0);
    const code = (await page.getByTestId('pick-grid').getAttribute('data-code'))!;
    await page.getByText('高级：手动输入经纬度').click();
    const lat = Number(await page.locator('input[data-testid="new-lat"], [data-testid="new-lat"] input').inputValue());
    const lng = Number(await page.locator('input[data-testid="new-lng"], [data-testid="new-lng"] input').inputValue());
    expect(lat).toBeGreaterThan(31);
    expect(lng).toBeGreaterThan(121);
    await page.getByTestId('pick-clear').click();
    expect(await page.locator('.gz-pick-pin').count()).toBe(0);
    await page.locator('input[data-testid="new-lat"], [data-testid="new-lat"] input').fill(String(lat));
    await page.locator('input[data-testid="new-lng"], [data-testid="new-lng"] input').fill(String(lng));
    await page.locator('[data-testid="new-address"]').click();
    await expect.poll(() => page.getByTestId('pick-grid').getAttribute('data-code')).toBe(code);
    expect(await page.locator('.gz-pick-pin').count()).toBe(1);
    await context.close();
  });

  it('draws a configured GCJ-02 base map and still places the case in the grid shown', async () => {
    const { context, page } = await desktop();
    const tile = png(256, 256, (x, y) => ((x >> 5) + (y >> 5)) % 2 ? [236, 240, 233] : [226, 232, 224]);
    let tiles = 0;
    await page.route(`${TILE_HOST}/**`, (route) => {
      tiles++;
      return route.fulfill({ status: 200, contentType: 'image/png', body: tile });
    });
    // The server's answer as it is with MAP_TILE_URL, MAP_TILE_CRS=gcj02 and an attribution set.
    await page.route('**/api/config', (route) =>
      route.fulfill({
        json: { map: { tiles: { url: `${TILE_HOST}/{z}/{x}/{y}.png`, labelUrl: null, subdomains: 'abc', crs: 'gcj02', attribution: '测试底图', maxZoom: 18 } } },
      }),
    );
    // With MAP_TILE_URL set the server adds the tile server's origin to its CSP (tileOrigins); this
    // test fakes that setting, so the pages' CSP gets the same addition.
    await page.route('**/*', async (route) => {
      if (route.request().resourceType() !== 'document') return route.fallback();
      const res = await route.fetch();
      const headers = res.headers();
      headers['content-security-policy'] = (headers['content-security-policy'] ?? '').replace('img-src ', `img-src ${TILE_HOST} `);
      return route.fulfill({ response: res, headers });
    });
    await consoleLogin(page, 'town');
    const seen = watch(page);
    await fillCase(page, '状元街广场夜间噪声（底图选点）');
    // expect.poll gives up after 1 s by default: tiles arrive later on a busy machine.
    await expect.poll(() => tiles, { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await page.getByTestId('pick-map').innerText()).toContain('测试底图');
    await clickGrid(page, 1);
    const picked = (await page.getByTestId('pick-grid').getAttribute('data-code'))!;
    await shot(page, 'm02-case-new-pick-tiles', true);
    const c = await submitAndRead(page);
    expect(c.areaCode.startsWith(picked)).toBe(true);
    expect(seen.errors).toEqual([]);
    await context.close();
  });
});

describe('the located point on the phone', () => {
  it('shows where the phone is inside the grid and lets the reporter drag it right', async () => {
    const context = await session.browser.newContext({
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      permissions: ['geolocation'],
    });
    const page = await context.newPage();
    await phoneLogin(page, 'resident');
    const ring = await page.evaluate(async () => {
      const a = (await (await fetch('/api/areas/320614103001001')).json()) as { geometry: { coordinates: number[][][] } };
      return a.geometry.coordinates[0]!;
    });
    const lng = ring.reduce((s, p) => s + p[0]!, 0) / ring.length;
    const lat = ring.reduce((s, p) => s + p[1]!, 0) / ring.length;
    await context.setGeolocation({ latitude: lat, longitude: lng, accuracy: 30 });
    const seen = watch(page);
    await page.goto(`${session.url}/m/report`);
    await page.getByTestId('m-report-locate').click();
    await page.getByTestId('m-point-map').waitFor();
    await page.locator('[data-testid="m-point-map"] path').first().waitFor();
    const before = await page.getByTestId('m-report-located').innerText();
    const pin = (await page.locator('[data-testid="m-point-map"] .gz-pick-pin').boundingBox())!;
    // Nothing lies over the pin where the finger takes it (a success toast once did, for its first 2 s).
    const grab = { x: pin.x + pin.width / 2, y: pin.y + pin.height - 2 };
    expect(await page.evaluate(`Boolean(document.elementFromPoint(${grab.x}, ${grab.y})?.closest('.gz-pick-pin'))`)).toBe(true);
    await page.mouse.move(grab.x, grab.y);
    await page.mouse.down();
    await page.mouse.move(pin.x + pin.width / 2 + 30, pin.y + pin.height + 20, { steps: 8 });
    await page.mouse.up();
    await expect.poll(() => page.getByTestId('m-report-located').innerText()).not.toBe(before);
    await shot(page, 'm03-phone-report-located', true);
    expect(seen.foreign).toEqual([]);
    expect(seen.errors).toEqual([]);
    await context.close();
  });
});
