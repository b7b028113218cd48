// API contract, "Areas: drawing the territory": creating, renaming and redrawing areas, on PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { fromWgs84 } from '@gongzhi/domain';
import { gridOutlinesChanged } from '../src/services/grid-index.ts';
import { createTestApp, json, uniq, type Client, type TestApp } from './helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const VILLAGE = '320614103001'; // 状元街, the community account's scope
const OTHER_VILLAGE = '320614103002';

interface Area {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
  geometry?: { type: string; coordinates: unknown };
  allowedActions: string[];
}
interface ErrorBody {
  error: { code: string; message: string; details?: { field?: string } };
}

// Squares far out at sea east of the district, where no demo grid lies: the outlines drawn here never
// capture the points other test files report inside the demo grids of a shared PostgreSQL database.
let slot = 0;
function square(size = 0.002): { lng: number; lat: number; ring: [number, number][] } {
  const n = Date.now() % 100_000;
  const lng = 122.6 + (n % 300) * 0.004 + (slot % 10) * 0.001;
  const lat = 31.4 + Math.floor(n / 300) * 0.0004 + slot++ * 0.004;
  const ring: [number, number][] = [
    [lng, lat],
    [lng + size, lat],
    [lng + size, lat + size],
    [lng, lat + size],
    [lng, lat],
  ];
  return { lng: lng + size / 2, lat: lat + size / 2, ring };
}
const polygon = (ring: [number, number][]) => ({ type: 'Polygon', coordinates: [ring] });

async function nextCode(c: Client, parent: string, width = 3): Promise<string> {
  const items = json<{ items: { code: string }[] }>(await c.get(`/api/areas/${parent}/children`)).items;
  const max = Math.max(0, ...items.map((i) => Number(i.code.slice(parent.length))));
  return parent + String(max + 1).padStart(width, '0');
}

async function report(lat: number, lng: number, crs = 'wgs84') {
  const res = await t.anonymous().post('/api/cases', {
    title: `井盖缺失 ${uniq()}`,
    description: '路口的井盖不见了，晚上路过很危险，请尽快处理。',
    categoryCode: 'B0110',
    channel: 'qr',
    areaCode: VILLAGE,
    location: { lat, lng, crs },
    reporter: { name: '陆建华', phone: '13962812345' },
  });
  expect(res.statusCode, res.body).toBe(201);
  return json<{ areaCode: string }>(res).areaCode;
}

describe('POST /api/areas', () => {
  it('creates a grid under a village with the next free code and its outline; 201', async () => {
    const c = await t.as('community');
    const expected = await nextCode(c, VILLAGE);
    const sq = square();
    const name = `第${uniq()}网格`;
    const res = await c.post('/api/areas', { parentCode: VILLAGE, name, geometry: polygon(sq.ring) });
    expect(res.statusCode, res.body).toBe(201);
    const grid = json<Area>(res);
    expect(grid).toMatchObject({ code: expected, name, level: 'grid', parentCode: VILLAGE, geometry: polygon(sq.ring) });
    expect(grid.allowedActions).toEqual(expect.arrayContaining(['edit', 'addChild']));
    expect(json<Area>(await c.get(`/api/areas/${expected}`)).name).toBe(name);
    // The next one takes the following number.
    const second = json<Area>(await c.post('/api/areas', { parentCode: VILLAGE, name: `第${uniq()}网格` }));
    expect(second.code).toBe(VILLAGE + String(Number(expected.slice(12)) + 1).padStart(3, '0'));
    expect(second.geometry).toBeUndefined();
  });

  it('creates a building with a point and a unit with a two-digit sequence', async () => {
    const c = await t.as('community');
    const grid = json<Area>(await c.post('/api/areas', { parentCode: VILLAGE, name: `第${uniq()}网格`, geometry: polygon(square().ring) }));
    const building = await c.post('/api/areas', { parentCode: grid.code, name: '1幢', geometry: { type: 'Point', coordinates: [122.7, 31.5] } });
    expect(building.statusCode, building.body).toBe(201);
    expect(json<Area>(building)).toMatchObject({ code: `${grid.code}001`, level: 'building', geometry: { type: 'Point', coordinates: [122.7, 31.5] } });
    const unit = json<Area>(await c.post('/api/areas', { parentCode: `${grid.code}001`, name: '1单元' }));
    expect(unit).toMatchObject({ code: `${grid.code}00101`, level: 'unit' });
    expect(json<Area>(await c.post('/api/areas', { parentCode: `${grid.code}001`, name: '2单元' })).code).toBe(`${grid.code}00102`);
    // Nothing below a unit; a grid is never a point.
    const below = await c.post('/api/areas', { parentCode: unit.code, name: '101室' });
    expect(below.statusCode).toBe(400);
    expect(json<ErrorBody>(below).error.code).toBe('area_no_children');
    const pointGrid = await c.post('/api/areas', { parentCode: VILLAGE, name: `第${uniq()}网格`, geometry: { type: 'Point', coordinates: [122.7, 31.5] } });
    expect(pointGrid.statusCode).toBe(400);
  });

  it('accepts a MultiPolygon', async () => {
    const c = await t.as('community');
    const a = square().ring;
    const b = square().ring;
    const res = await c.post('/api/areas', { parentCode: VILLAGE, name: `第${uniq()}网格`, geometry: { type: 'MultiPolygon', coordinates: [[a], [b]] } });
    expect(res.statusCode, res.body).toBe(201);
    expect(json<Area>(res).geometry).toEqual({ type: 'MultiPolygon', coordinates: [[a], [b]] });
  });

  it('stores an outline drawn in GCJ-02 or BD-09 in WGS84', async () => {
    const c = await t.as('community');
    for (const crs of ['gcj02', 'bd09'] as const) {
      const wgs = square().ring;
      const shifted = wgs.map(([lng, lat]) => {
        const p = fromWgs84(lat, lng, crs);
        return [p.lng, p.lat];
      });
      const res = await c.post('/api/areas', { parentCode: VILLAGE, name: `第${uniq()}网格`, geometry: { type: 'Polygon', coordinates: [shifted] }, crs });
      expect(res.statusCode, res.body).toBe(201);
      const ring = (json<Area>(res).geometry!.coordinates as number[][][])[0]!;
      ring.forEach(([lng, lat], k) => {
        expect(Math.abs(lng! - wgs[k]![0])).toBeLessThan(1e-5);
        expect(Math.abs(lat! - wgs[k]![1])).toBeLessThan(1e-5);
      });
      expect(ring[0]).toEqual(ring[ring.length - 1]);
    }
    const bad = await c.post('/api/areas', { parentCode: VILLAGE, name: `第${uniq()}网格`, crs: 'mercator' });
    expect(bad.statusCode).toBe(400);
  });

  it('refuses invalid geometry with 400 invalid_geometry naming the field, and creates nothing', async () => {
    const c = await t.as('community');
    const before = json<{ items: unknown[] }>(await c.get(`/api/areas/${VILLAGE}/children`)).items.length;
    const ring = square().ring;
    const open = ring.slice(0, 4).concat([[ring[0]![0] + 0.0001, ring[0]![1]]]);
    const bowTie = [ring[0], ring[2], ring[1], ring[3], ring[0]];
    const short = [ring[0], ring[1], ring[0]];
    for (const [geometry, words] of [
      [polygon(open as [number, number][]), '未闭合'],
      [polygon(bowTie as [number, number][]), '自相交'],
      [polygon(short as [number, number][]), '至少需要 4 个坐标'],
      [{ type: 'LineString', coordinates: ring }, 'Polygon'],
      ['nonsense', 'GeoJSON'],
    ] as const) {
      const res = await c.post('/api/areas', { parentCode: VILLAGE, name: `第${uniq()}网格`, geometry });
      expect(res.statusCode, JSON.stringify(geometry)).toBe(400);
      const body = json<ErrorBody>(res);
      expect(body.error.code).toBe('invalid_geometry');
      expect(body.error.message).toContain('geometry');
      expect(body.error.message).toContain(words);
      expect(body.error.details?.field).toBe('geometry');
    }
    expect(json<{ items: unknown[] }>(await c.get(`/api/areas/${VILLAGE}/children`)).items.length).toBe(before);
  });

  it('refuses a missing name, a malformed parent code, and a name taken by a sibling', async () => {
    const c = await t.as('community');
    expect((await c.post('/api/areas', { parentCode: VILLAGE })).statusCode).toBe(400);
    const badCode = await c.post('/api/areas', { parentCode: '12ab', name: '网格' });
    expect(badCode.statusCode).toBe(400);
    expect(json<ErrorBody>(badCode).error.code).toBe('invalid_area_code');
    const name = `第${uniq()}网格`;
    expect((await c.post('/api/areas', { parentCode: VILLAGE, name })).statusCode).toBe(201);
    const again = await c.post('/api/areas', { parentCode: VILLAGE, name });
    expect(again.statusCode).toBe(409);
    expect(json<ErrorBody>(again).error.code).toBe('area_name_taken');
  });

  it('writes an audit row', async () => {
    const c = await t.as('community');
    const grid = json<Area>(await c.post('/api/areas', { parentCode: VILLAGE, name: `第${uniq()}网格`, geometry: polygon(square().ring) }));
    const log = json<{ items: { action: string; entityId: string; actor: string }[] }>(
      await (await t.as('auditor')).get(`/api/audit?action=area.create&entityId=${grid.code}`),
    );
    expect(log.items).toHaveLength(1);
    expect(log.items[0]!.actor).toBe('community');
  });
});

describe('PATCH /api/areas/{code}', () => {
  it('renames, redraws (in any CRS) and clears; saving the same again changes nothing', async () => {
    const c = await t.as('community');
    const grid = json<Area>(await c.post('/api/areas', { parentCode: VILLAGE, name: `第${uniq()}网格`, geometry: polygon(square().ring) }));
    const name = `第${uniq()}网格`;
    const renamed = await c.patch(`/api/areas/${grid.code}`, { name });
    expect(renamed.statusCode).toBe(200);
    expect(json<Area>(renamed).name).toBe(name);
    const wgs = square().ring;
    const bd = wgs.map(([lng, lat]) => {
      const p = fromWgs84(lat, lng, 'bd09');
      return [p.lng, p.lat];
    });
    const redrawn = json<Area>(await c.patch(`/api/areas/${grid.code}`, { geometry: { type: 'Polygon', coordinates: [bd] }, crs: 'bd09' }));
    const ring = (redrawn.geometry!.coordinates as number[][][])[0]!;
    expect(Math.abs(ring[1]![0]! - wgs[1]![0])).toBeLessThan(1e-5);
    expect(redrawn.name).toBe(name);
    const auditor = await t.as('auditor');
    const count = async () => json<{ total: number }>(await auditor.get(`/api/audit?entityId=${grid.code}`)).total;
    const n = await count();
    expect((await c.patch(`/api/areas/${grid.code}`, { name, geometry: redrawn.geometry })).statusCode).toBe(200);
    expect(await count()).toBe(n);
    const cleared = json<Area>(await c.patch(`/api/areas/${grid.code}`, { geometry: null }));
    expect(cleared.geometry).toBeUndefined();
  });

  it('refuses an invalid outline with 400 and keeps the old one', async () => {
    const c = await t.as('community');
    const sq = square().ring;
    const grid = json<Area>(await c.post('/api/areas', { parentCode: VILLAGE, name: `第${uniq()}网格`, geometry: polygon(sq) }));
    const res = await c.patch(`/api/areas/${grid.code}`, { geometry: polygon([sq[0]!, sq[2]!, sq[1]!, sq[3]!, sq[0]!]) });
    expect(res.statusCode).toBe(400);
    expect(json<ErrorBody>(res).error.code).toBe('invalid_geometry');
    expect(json<Area>(await c.get(`/api/areas/${grid.code}`)).geometry).toEqual(polygon(sq));
  });
});

describe('placing cases by the outline', () => {
  it('places a new case inside a grid from the moment its outline is saved (created, then redrawn)', async () => {
    const c = await t.as('community');
    const a = square();
    const grid = json<Area>(await c.post('/api/areas', { parentCode: VILLAGE, name: `第${uniq()}网格`, geometry: polygon(a.ring) }));
    expect(await report(a.lat, a.lng)).toBe(grid.code);
    // The same point reported from a GCJ-02 phone.
    const g = fromWgs84(a.lat, a.lng, 'gcj02');
    expect(await report(g.lat, g.lng, 'gcj02')).toBe(grid.code);
    // Redrawn elsewhere: the old place falls back to the reported area, the new one is inside.
    const b = square();
    expect((await c.patch(`/api/areas/${grid.code}`, { geometry: polygon(b.ring) })).statusCode).toBe(200);
    expect(await report(a.lat, a.lng)).toBe(VILLAGE);
    expect(await report(b.lat, b.lng)).toBe(grid.code);
  });

  it('another process saving an outline is seen too (the index follows the stamp in the database)', async () => {
    const c = await t.as('community');
    const a = square();
    const grid = json<Area>(await c.post('/api/areas', { parentCode: VILLAGE, name: `第${uniq()}网格` }));
    expect(await report(a.lat, a.lng)).toBe(VILLAGE); // index loaded, without the outline
    // What another process does when it saves: the row and the stamp, in one transaction, not through this process.
    await t.ctx.db.transaction(async (tx) => {
      await tx.execute(sql`update areas set geometry = ${JSON.stringify(polygon(a.ring))}::jsonb, updated_at = now() where code = ${grid.code}`);
      await gridOutlinesChanged(tx);
    });
    expect(await report(a.lat, a.lng)).toBe(grid.code);
  });
});

describe('GET /api/areas/{code}/outlines (the map editor)', () => {
  it('gives the area and its children with their outlines and allowed actions, inside the scope only', async () => {
    const c = await t.as('community');
    const sq = square().ring;
    const grid = json<Area>(await c.post('/api/areas', { parentCode: VILLAGE, name: `第${uniq()}网格`, geometry: polygon(sq) }));
    const fc = json<{ type: string; features: { properties: { code: string; role: string; allowedActions: string[] }; geometry: unknown }[] }>(await c.get(`/api/areas/${VILLAGE}/outlines`));
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features[0]!.properties).toMatchObject({ code: VILLAGE, role: 'self' });
    const mine = fc.features.find((f) => f.properties.code === grid.code)!;
    expect(mine.properties.role).toBe('child');
    expect(mine.properties.allowedActions).toContain('edit');
    expect(mine.geometry).toEqual(polygon(sq));
    expect((await c.get(`/api/areas/${OTHER_VILLAGE}/outlines`)).statusCode).toBe(404);
  });
});

describe('POST /api/areas/{code}/outlines (bulk import)', () => {
  interface Report {
    created: number;
    updated: number;
    unchanged: number;
    refused: { feature: number; reason: string }[];
    items: { feature: number; code: string | null; name: string | null; result: string }[];
  }
  it('creates, updates and refuses per feature; importing the same file again changes nothing', async () => {
    const c = await t.as('community');
    const a = `第${uniq()}网格`;
    const b = `第${uniq()}网格`;
    const sqA = square().ring;
    const sqB = square().ring;
    const file = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { name: a }, geometry: polygon(sqA) },
        { type: 'Feature', properties: { 名称: b }, geometry: polygon(sqB) },
        { type: 'Feature', properties: { name: `第${uniq()}网格` }, geometry: polygon([sqA[0]!, sqA[2]!, sqA[1]!, sqA[3]!, sqA[0]!]) },
        { type: 'Feature', properties: {}, geometry: polygon(square().ring) },
        { type: 'Feature', properties: { name: '外村网格', code: `${OTHER_VILLAGE}001` }, geometry: polygon(square().ring) },
      ],
    };
    const before = json<{ items: unknown[] }>(await c.get(`/api/areas/${VILLAGE}/children`)).items.length;
    const preview = json<Report>(await c.post(`/api/areas/${VILLAGE}/outlines`, { ...file, dryRun: true }));
    expect(preview).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    expect(json<{ items: unknown[] }>(await c.get(`/api/areas/${VILLAGE}/children`)).items.length).toBe(before);

    const res = await c.post(`/api/areas/${VILLAGE}/outlines`, file);
    expect(res.statusCode, res.body).toBe(200);
    const report = json<Report>(res);
    expect(report).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    expect(report.refused.map((r) => r.feature)).toEqual([3, 4, 5]);
    expect(report.refused[0]!.reason).toContain('自相交');
    expect(report.refused[1]!.reason).toContain('名称');
    expect(report.refused[2]!.reason).toContain('不是');
    const codeA = report.items.find((i) => i.name === a)!.code!;
    expect(json<Area>(await c.get(`/api/areas/${codeA}`)).geometry).toEqual(polygon(sqA));

    const again = json<Report>(await c.post(`/api/areas/${VILLAGE}/outlines`, file));
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2 });

    // A feature with the code redraws that grid (and renames it).
    const sqC = square().ring;
    const upd = json<Report>(await c.post(`/api/areas/${VILLAGE}/outlines`, { features: [{ type: 'Feature', properties: { code: codeA, name: `${a}（新）` }, geometry: polygon(sqC) }] }));
    expect(upd).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
    expect(json<Area>(await c.get(`/api/areas/${codeA}`))).toMatchObject({ name: `${a}（新）`, geometry: polygon(sqC) });
  });

  it('403 for a role that may not, 404 outside the scope', async () => {
    const file = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: `第${uniq()}网格` }, geometry: polygon(square().ring) }] };
    expect((await (await t.as('leader')).post(`/api/areas/${VILLAGE}/outlines`, file)).statusCode).toBe(403);
    expect((await (await t.as('community')).post(`/api/areas/${OTHER_VILLAGE}/outlines`, file)).statusCode).toBe(404);
    expect((await (await t.as('community')).post(`/api/areas/${VILLAGE}/outlines`, { features: 'x' })).statusCode).toBe(400);
  });
});

describe('who may edit the territory', () => {
  it('403 for roles that may not; 404 outside the scope; nothing changes', async () => {
    const admin = await t.as('admin');
    const grid = json<Area>(await admin.post('/api/areas', { parentCode: VILLAGE, name: `第${uniq()}网格` }));
    const body = { parentCode: VILLAGE, name: `第${uniq()}网格` };
    for (const username of ['leader', 'secretary', 'resident', 'party', 'merchant', 'dept-cg', 'auditor', 'security', 'grid']) {
      const u = await t.as(username);
      const create = await u.post('/api/areas', body);
      const patch = await u.patch(`/api/areas/${grid.code}`, { name: '改名' });
      // Out of scope → 404; in scope without the right → 403.
      const inScope = (await u.get(`/api/areas/${VILLAGE}`)).statusCode === 200;
      expect(create.statusCode, `${username} create`).toBe(inScope ? 403 : 404);
      const gridInScope = (await u.get(`/api/areas/${grid.code}`)).statusCode === 200;
      expect(patch.statusCode, `${username} patch`).toBe(gridInScope ? 403 : 404);
    }
    expect(json<Area>(await admin.get(`/api/areas/${grid.code}`)).name).toBe(grid.name);
    expect(json<{ items: { name: string }[] }>(await admin.get(`/api/areas/${VILLAGE}/children`)).items.some((i) => i.name === body.name)).toBe(false);
  });

  it('a community edits its own grids, not its village nor another village (404)', async () => {
    const c = await t.as('community');
    expect((await c.patch(`/api/areas/${VILLAGE}`, { name: '改名' })).statusCode).toBe(403);
    expect((await c.post('/api/areas', { parentCode: OTHER_VILLAGE, name: `第${uniq()}网格` })).statusCode).toBe(404);
    expect((await c.patch(`/api/areas/${OTHER_VILLAGE}001`, { name: '改名' })).statusCode).toBe(404);
    expect((await c.post('/api/areas', { parentCode: '320614103', name: `${uniq()}社区` })).statusCode).toBe(404);
  });

  it('a grid worker adds buildings and units in its grid but does not redraw the grid', async () => {
    const g = await t.as('grid');
    const grid = '320614103001001';
    const res = await g.post('/api/areas', { parentCode: grid, name: `${uniq()}幢` });
    expect(res.statusCode, res.body).toBe(201);
    expect(json<Area>(res).level).toBe('building');
    expect((await g.patch(`/api/areas/${grid}`, { geometry: polygon(square().ring) })).statusCode).toBe(403);
    expect((await g.post('/api/areas', { parentCode: '320614103001002', name: `${uniq()}幢` })).statusCode).toBe(404);
  });

  it('a town creates villages in its town; the district in any town; the admin anywhere in the district', async () => {
    const town = await t.as('town');
    const v = await town.post('/api/areas', { parentCode: '320614103', name: `${uniq()}社区居委会` });
    expect(v.statusCode, v.body).toBe(201);
    expect(json<Area>(v).level).toBe('village');
    expect((await town.patch('/api/areas/320614103', { name: '改名' })).statusCode).toBe(403);
    expect((await town.post('/api/areas', { parentCode: '320614102', name: `${uniq()}社区` })).statusCode).toBe(404);
    const district = await t.as('district');
    expect((await district.post('/api/areas', { parentCode: json<Area>(v).code, name: `第${uniq()}网格` })).statusCode).toBe(201);
    expect((await district.patch('/api/areas/320614', { name: '改名' })).statusCode).toBe(403);
    const admin = await t.as('admin');
    expect((await admin.patch(`/api/areas/${json<Area>(v).code}`, { name: `${uniq()}社区居委会` })).statusCode).toBe(200);
  });
});
