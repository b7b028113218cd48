// Drawing the territory in the console with the mouse (docs/TERRITORY.md): a community worker draws a new grid
// on the village's map, sees the overlap warning, renames and redraws it by dragging a corner; on a grid's map
// places a building by a point; under the building adds a unit. Every change is read back through the API.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { answer, consoleLogin, desktop, session, shot, useBrowserSession } from './browser.ts';

useBrowserSession();

const VILLAGE = '320614103001'; // 状元街居委会, the community account's scope

interface Area {
  code: string;
  name: string;
  level: string;
  geometry?: { type: string; coordinates: number[][][] | number[] };
}

const read = (page: Page, code: string) => page.evaluate(async (c) => (await fetch(`/api/areas/${c}`)).json(), code) as Promise<Area>;

/** Clicks the corners of a polygon (fractions of the map's box) and the first again to finish. */
async function drawPolygon(page: Page, corners: [number, number][]) {
  const box = (await page.getByTestId('territory-map').boundingBox())!;
  const at = ([fx, fy]: [number, number]) => ({ x: box.x + box.width * fx, y: box.y + box.height * fy });
  for (const c of corners) {
    const p = at(c);
    await page.mouse.click(p.x, p.y);
    await page.waitForTimeout(120);
  }
  const first = at(corners[0]!);
  await page.mouse.click(first.x, first.y);
}

async function nameAndSave(page: Page, name: string) {
  await page.getByTestId('territory-name').fill(name);
  const res = await answer(
    page,
    (r) => new URL(r.url()).pathname.startsWith('/api/areas') && ['POST', 'PATCH'].includes(r.request().method()),
    () => page.getByTestId('territory-name-ok').click(),
  );
  expect(res.status(), await res.text()).toBeLessThan(300);
}

describe('drawing the territory', () => {
  it('draws a grid with the mouse, warns about the overlap, renames and redraws it', async () => {
    const { context, page } = await desktop();
    await consoleLogin(page, 'community', `/areas/${VILLAGE}`);
    await page.getByTestId('area-map-edit').click();
    await page.getByTestId('territory-map').waitFor();
    await page.locator('[data-testid="territory-map"] path.leaflet-interactive').first().waitFor();
    await shot(page, 'territory-01-village');

    await page.getByTestId('territory-draw').click();
    await page.getByTestId('territory-draw-hint').waitFor();
    await drawPolygon(page, [
      [0.42, 0.42],
      [0.58, 0.42],
      [0.58, 0.58],
      [0.42, 0.58],
    ]);
    await page.getByTestId('territory-name').waitFor();
    await nameAndSave(page, '测试新网格');
    const selected = page.getByTestId('territory-selected');
    await selected.waitFor();
    const code = (await selected.getAttribute('data-code'))!;
    expect(code).toMatch(/^320614103001\d{3}$/);
    const grid = await read(page, code);
    expect(grid).toMatchObject({ name: '测试新网格', level: 'grid' });
    expect(grid.geometry?.type).toBe('Polygon');
    const ring = grid.geometry!.coordinates as number[][][];
    expect(ring[0]).toHaveLength(5);
    expect(ring[0]![0]).toEqual(ring[0]![4]);
    // Drawn over the community's existing grids: the overlap is named.
    await page.getByTestId('territory-issues').waitFor();
    expect(await page.getByTestId('territory-issues').innerText()).toContain('测试新网格');
    await shot(page, 'territory-02-drawn');

    // Rename.
    await page.getByTestId('territory-rename').click();
    await nameAndSave(page, '测试新网格（调整后）');
    await expect.poll(async () => (await read(page, code)).name).toBe('测试新网格（调整后）');

    // Redraw: drag a corner of the outline and save.
    await page.getByTestId('territory-redraw').click();
    const corner = page.locator('[data-testid="territory-map"] .marker-icon:not(.marker-icon-middle)').first();
    await corner.waitFor();
    const cb = (await corner.boundingBox())!;
    await page.mouse.move(cb.x + cb.width / 2, cb.y + cb.height / 2);
    await page.mouse.down();
    await page.mouse.move(cb.x + cb.width / 2 - 40, cb.y + cb.height / 2 - 30, { steps: 8 });
    await page.mouse.up();
    const patched = await answer(page, (r) => new URL(r.url()).pathname === `/api/areas/${code}` && r.request().method() === 'PATCH', () => page.getByTestId('territory-save-outline').click());
    expect(patched.status()).toBe(200);
    const redrawn = await read(page, code);
    expect(JSON.stringify(redrawn.geometry)).not.toBe(JSON.stringify(grid.geometry));
    await shot(page, 'territory-03-redrawn');
    await context.close();
  });

  it('places a building by a point on a grid, then adds a unit under it', async () => {
    const { context, page } = await desktop();
    await consoleLogin(page, 'community');
    const grid = `${VILLAGE}001`;
    await page.goto(`${session.url}/areas/${grid}`);
    await page.getByTestId('area-map-edit').click();
    await page.getByTestId('territory-map').waitFor();
    await page.getByTestId('territory-point').click();
    const box = (await page.getByTestId('territory-map').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await nameAndSave(page, '测试楼栋');
    const selected = page.getByTestId('territory-selected');
    await selected.waitFor();
    const code = (await selected.getAttribute('data-code'))!;
    expect(code).toMatch(new RegExp(`^${grid}\\d{3}$`));
    const building = await read(page, code);
    expect(building).toMatchObject({ name: '测试楼栋', level: 'building', geometry: { type: 'Point' } });
    await shot(page, 'territory-04-building');
    await page.keyboard.press('Escape');

    await page.goto(`${session.url}/areas/${code}`);
    await page.getByTestId('area-add-child').click();
    await page.getByTestId('area-add-child-name').fill('1单元');
    const created = await answer(page, (r) => new URL(r.url()).pathname === '/api/areas' && r.request().method() === 'POST', () => page.locator('.ant-modal-footer .ant-btn-primary').click());
    const unit = (await created.json()) as Area;
    expect(unit).toMatchObject({ code: `${code}01`, level: 'unit', name: '1单元' });
    await context.close();
  });

  it('imports a GeoJSON file with a preview and a report; importing it again changes nothing', async () => {
    const ring = (x: number, y: number) => [[x, y], [x + 0.002, y], [x + 0.002, y + 0.002], [x, y + 0.002], [x, y]];
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gz-outlines-')), '网格边界.geojson');
    fs.writeFileSync(
      file,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: { name: '导入网格甲' }, geometry: { type: 'Polygon', coordinates: [ring(121.2, 31.95)] } },
          { type: 'Feature', properties: { 名称: '导入网格乙' }, geometry: { type: 'Polygon', coordinates: [ring(121.203, 31.95)] } },
          { type: 'Feature', properties: { name: '坏边界' }, geometry: { type: 'Polygon', coordinates: [[[121.2, 31.9], [121.21, 31.9], [121.2, 31.9]]] } },
        ],
      }),
    );
    const { context, page } = await desktop();
    await consoleLogin(page, 'community', `/areas/${VILLAGE}`);
    await page.getByTestId('area-map-edit').click();
    await page.getByTestId('territory-map').waitFor();
    const importOnce = async () => {
      await page.getByTestId('territory-import').click();
      await page.locator('.ant-modal input[type="file"]').setInputFiles(file);
      await page.getByTestId('territory-import-report').waitFor();
      return page.getByTestId('territory-import-report').innerText();
    };
    expect(await importOnce()).toContain('新增 2');
    expect(await page.locator('.ant-modal').innerText()).toContain('至少需要 4 个坐标');
    await shot(page, 'territory-05-import-preview');
    await page.getByTestId('territory-import-run').click();
    await expect.poll(() => page.getByTestId('territory-import-report').innerText()).toContain('已导入');
    await page.locator('.ant-modal-footer button').first().click();
    const children = (await page.evaluate(async (c) => (await fetch(`/api/areas/${c}/children`)).json(), VILLAGE)) as { items: Area[] };
    expect(children.items.map((i) => i.name)).toEqual(expect.arrayContaining(['导入网格甲', '导入网格乙']));
    // The same file again: everything unchanged, nothing to import.
    expect(await importOnce()).toContain('未变 2');
    expect(await page.getByTestId('territory-import-run').isDisabled()).toBe(true);
    await context.close();
  });
  it('splits a grid along a line drawn with the mouse, with a preview of what moves', async () => {
    const { context, page } = await desktop();
    await consoleLogin(page, 'community', `/areas/${VILLAGE}`);
    // A grid in the middle of the village with a building in its western half, set up through the API.
    const name = `待拆分网格${Date.now() % 100000}`;
    const setup = (await page.evaluate(
      async ({ village, name }) => {
        const send = async (body: unknown) =>
          (await (await fetch('/api/areas', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json()) as { code: string };
        const outlines = (await (await fetch(`/api/areas/${village}/outlines`)).json()) as { features: { geometry: { coordinates: number[][][] } | null; properties: { role: string } }[] };
        const ring = outlines.features.flatMap((f) => (f.geometry && f.properties.role === 'child' ? f.geometry.coordinates[0]! : []));
        const xs = ring.map((p) => p[0]!);
        const ys = ring.map((p) => p[1]!);
        const [cx, cy] = [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
        const d = (Math.max(...xs) - Math.min(...xs)) / 6;
        const r: number[][] = [[cx - d, cy - d], [cx + d, cy - d], [cx + d, cy + d], [cx - d, cy + d], [cx - d, cy - d]];
        const grid = await send({ parentCode: village, name, geometry: { type: 'Polygon', coordinates: [r] } });
        const building = await send({ parentCode: grid.code, name: '西1幢', geometry: { type: 'Point', coordinates: [cx - d / 2, cy] } });
        // The grid's party branch, under the community's organisation.
        type Org = { id: string; areaCode: string; children?: Org[] };
        const flat = (os: Org[]): Org[] => os.flatMap((o) => [o, ...flat(o.children ?? [])]);
        const orgs = flat(((await (await fetch('/api/party/orgs')).json()) as { items: Org[] }).items);
        const parent = orgs.find((o) => o.areaCode === village)!;
        const branch = (await (
          await fetch('/api/party/orgs', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: `${name}党支部`, kind: 'grid-branch', parentId: parent.id, areaCode: grid.code }) })
        ).json()) as { id: string };
        return { grid: grid.code, building: building.code, branch: branch.id };
      },
      { village: VILLAGE, name },
    )) as { grid: string; building: string; branch: string };
    await page.getByTestId('area-map-edit').click();
    await page.getByTestId('territory-list').getByText(name, { exact: true }).click();
    await page.getByTestId('territory-split').click();
    await page.getByTestId('territory-cut-hint').waitFor();
    // The selected grid is outlined in red: cut it top to bottom through its middle.
    const outline = (await page.locator('[data-testid="territory-map"] path[stroke="#c41d1d"]').first().boundingBox())!;
    const x = outline.x + outline.width / 2;
    await page.mouse.click(x, outline.y + outline.height * 0.25);
    await page.waitForTimeout(150);
    const dryRun = await answer(page, (r) => new URL(r.url()).pathname === `/api/areas/${setup.grid}/actions/split`, () => page.mouse.click(x, outline.y + outline.height * 0.75));
    const previewed = (await dryRun.json()) as { dryRun: boolean; parts: { buildings: { code: string }[] }[] };
    expect(previewed.dryRun).toBe(true);
    expect(previewed.parts.map((p) => p.buildings.length).sort()).toEqual([0, 1]);
    await page.getByTestId('territory-move-preview').waitFor();
    // The branch at the grid itself goes to the second part.
    const holder = page.getByTestId('territory-holders');
    await expect.poll(() => holder.innerText()).toContain(`${name}党支部`);
    // The second part chosen with the keyboard: a click on the list's second line while the list still slides open
    // on a busy machine lands on the first line, and the choice stays the first part.
    const part = holder.getByTestId('territory-holder-part');
    await part.click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').nth(1).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => part.innerText()).toContain('（2）');
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
    await shot(page, 'territory-06-split-preview');
    const res = await answer(
      page,
      (r) => new URL(r.url()).pathname === `/api/areas/${setup.grid}/actions/split` && !(r.request().postData() ?? '').includes('"dryRun":true'),
      () => page.getByTestId('territory-split-ok').click(),
    );
    expect(res.status(), await res.text()).toBe(200);
    expect(JSON.parse(res.request().postData() ?? '{}').holders).toEqual([{ kind: 'party-org', id: setup.branch, part: 1 }]);
    const parts = ((await res.json()) as { parts: { code: string; buildings: { code: string }[]; holders: { id: string }[] }[] }).parts;
    expect(parts).toHaveLength(2);
    expect(parts[1]!.holders.map((h) => h.id)).toEqual([setup.branch]);
    const old = (await read(page, setup.grid)) as Area & { retiredAt?: string; successorCodes?: string[] };
    expect(old.retiredAt).toBeTruthy();
    expect(old.successorCodes).toEqual(parts.map((p) => p.code));
    // The building went to the western part, under a new code; its old code points there.
    const west = parts.find((p) => p.buildings.some((b) => b.code === setup.building))!;
    expect(((await read(page, setup.building)) as Area & { successorCodes?: string[] }).successorCodes).toEqual([`${west.code}001`]);
    await expect.poll(() => page.getByTestId('territory-list').innerText()).not.toContain(`${name}\n`);
    await shot(page, 'territory-07-split-done');

    // And merged back with the mouse: pick the western part, tick the other one, name the whole.
    const partNames = await Promise.all(parts.map(async (p) => (await read(page, p.code)).name));
    const merged = `合并网格${Date.now() % 100000}`;
    await page.getByTestId('territory-list').getByText(partNames[0]!, { exact: true }).click();
    await page.getByTestId('territory-merge').click();
    const mergePreview = await answer(page, (r) => new URL(r.url()).pathname === '/api/areas/actions/merge', () => page.getByTestId('territory-merge-grids').getByText(partNames[1]!, { exact: true }).click());
    expect(mergePreview.status()).toBe(200);
    await page.getByTestId('territory-merge-name').fill(merged);
    await page.getByTestId('territory-move-preview').waitFor();
    await shot(page, 'territory-08-merge-preview');
    const mres = await answer(
      page,
      (r) => new URL(r.url()).pathname === '/api/areas/actions/merge' && !(r.request().postData() ?? '').includes('"dryRun":true'),
      () => page.getByTestId('territory-merge-ok').click(),
    );
    expect(mres.status(), await mres.text()).toBe(200);
    const whole = ((await mres.json()) as { parts: { code: string }[] }).parts[0]!.code;
    for (const p of parts) expect(((await read(page, p.code)) as Area & { successorCodes?: string[] }).successorCodes).toEqual([whole]);
    // The building followed, once more under a new code.
    expect(((await read(page, `${west.code}001`)) as Area & { successorCodes?: string[] }).successorCodes).toEqual([`${whole}001`]);
    await expect.poll(() => page.getByTestId('territory-list').innerText()).toContain(merged);
    await shot(page, 'territory-09-merge-done');
    await context.close();
  });
});
