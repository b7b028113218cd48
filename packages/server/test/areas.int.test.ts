import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from './helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

interface Area {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
  childCount: number;
  geometry?: { type: string; coordinates: number[][][] };
  counts: { towns: number; villages: number; grids: number; households: number; people: number };
  allowedActions: string[];
}

describe('the public configuration', () => {
  it('tells the web app, before login, that no base map is configured by default', async () => {
    const res = await t.anonymous().get('/api/config');
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ map: { tiles: null } });
  });
});

describe('the area tree of 海门区', () => {
  it('has the real district, its 22 town-level units and 307 villages and communities', async () => {
    const admin = await t.as('admin');
    const district = json<Area>(await admin.get('/api/areas/320614'));
    expect(district).toMatchObject({ code: '320614', name: '海门区', level: 'district', parentCode: null, childCount: 22 });
    expect(district.counts.towns).toBe(22);
    expect(district.counts.villages).toBe(307);
    expect(district.counts.grids).toBeGreaterThan(307);
    const towns = json<{ items: Area[] }>(await admin.get('/api/areas/320614/children')).items;
    expect(towns).toHaveLength(22);
    expect(towns.map((x) => x.name)).toContain('常乐镇');
    expect(towns.every((x) => x.level === 'town' && x.parentCode === '320614')).toBe(true);
    const changle = json<{ items: Area[] }>(await admin.get('/api/areas/320614103/children')).items;
    expect(changle).toHaveLength(25);
    expect(changle[0]).toMatchObject({ code: '320614103001', name: '状元街居委会', level: 'village' });
  });

  it('every grid has a GeoJSON polygon and belongs to its village', async () => {
    const admin = await t.as('admin');
    const grids = json<{ items: Area[] }>(await admin.get('/api/areas/320614103001/children')).items;
    expect(grids.length).toBeGreaterThanOrEqual(3);
    for (const g of grids) {
      expect(g.level).toBe('grid');
      expect(g.code).toMatch(/^320614103001\d{3}$/);
      const full = json<Area>(await admin.get(`/api/areas/${g.code}`));
      expect(full.geometry?.type).toBe('Polygon');
      expect(full.counts.households).toBeGreaterThanOrEqual(300);
      expect(full.counts.households).toBeLessThanOrEqual(500);
    }
    const map = json<{ type: string; features: { properties: { code: string } ; geometry: { type: string } }[] }>(await admin.get('/api/areas/320614103/map'));
    expect(map.type).toBe('FeatureCollection');
    const total = json<Area>(await admin.get('/api/areas/320614103')).counts.grids;
    expect(map.features).toHaveLength(total);
  });

  it('lists households of a unit with their members', async () => {
    const c = await t.as('community');
    const building = json<{ items: Area[] }>(await c.get('/api/areas/320614103001001/children')).items[0]!;
    const unit = json<{ items: Area[] }>(await c.get(`/api/areas/${building.code}/children`)).items[0]!;
    expect(unit.level).toBe('unit');
    const hh = json<{ total: number; items: { id: string; members: number; address: string }[] }>(await c.get(`/api/areas/${unit.code}/households`));
    expect(hh.total).toBeGreaterThan(0);
    const first = hh.items[0]!;
    expect(first.address).toContain('常乐镇');
    const detail = json<{ members: { name: string; idNumber: string }[] }>(await c.get(`/api/households/${first.id}`));
    expect(detail.members).toHaveLength(first.members);
  });

  it('rejects malformed codes with 400 and unknown ones with 404', async () => {
    const admin = await t.as('admin');
    const bad = await admin.get('/api/areas/abc');
    expect(bad.statusCode).toBe(400);
    expect(json<{ error: { code: string } }>(bad).error.code).toBe('invalid_area_code');
    expect((await admin.get('/api/areas/320614999')).statusCode).toBe(404);
  });
});

describe('area scope by role', () => {
  const cases: [string, string[], string[]][] = [
    ['admin', ['320614', '320614103', '320614102001'], []],
    ['district', ['320614', '320614103001001'], []],
    ['leader', ['320614', '320614106'], []],
    ['town', ['320614103', '320614103001', '320614103201'], ['320614', '320614102', '320614102001']],
    ['community', ['320614103001', '320614103001001', '320614103001002'], ['320614', '320614103', '320614103002', '320614103002001']],
    ['grid', ['320614103001001'], ['320614103001', '320614103001002', '320614103']],
    ['secretary', ['320614103001'], ['320614103002']],
    ['resident', ['320614103001001'], ['320614103001', '320614103001002']],
    ['party', ['320614103001001'], ['320614103001002']],
    ['merchant', ['320614103001'], ['320614103002']],
  ];
  for (const [username, inside, outside] of cases) {
    it(`${username} reads inside its scope and gets 404 outside`, async () => {
      const c = await t.as(username);
      for (const code of inside) expect((await c.get(`/api/areas/${code}`)).statusCode, code).toBe(200);
      for (const code of outside) {
        const res = await c.get(`/api/areas/${code}`);
        expect(res.statusCode, code).toBe(404);
        expect(json<{ error: { code: string } }>(res).error.code).toBe('not_found');
        expect((await c.get(`/api/areas/${code}/children`)).statusCode).toBe(404);
      }
    });
  }

  it('children never leak outside the scope', async () => {
    const c = await t.as('grid');
    const me = json<{ scope: { code: string } }>(await c.get('/api/auth/me'));
    const buildings = json<{ items: Area[] }>(await c.get(`/api/areas/${me.scope.code}/children`)).items;
    expect(buildings.length).toBeGreaterThan(0);
    expect(buildings.every((b) => b.code.startsWith(me.scope.code))).toBe(true);
    const search = json<{ items: Area[] }>(await c.get(`/api/areas?q=${encodeURIComponent('网格')}`)).items;
    expect(search.every((a) => a.code.startsWith(me.scope.code))).toBe(true);
  });

  it('area responses carry the caller’s allowed actions', async () => {
    const admin = json<Area>(await (await t.as('admin')).get('/api/areas/320614103'));
    expect(admin.allowedActions).toEqual(expect.arrayContaining(['view', 'viewPeople', 'edit', 'addChild']));
    const resident = json<Area>(await (await t.as('resident')).get('/api/areas/320614103001001'));
    expect(resident.allowedActions).toEqual(['view']);
    // Who edits the territory is tested in territory.int.test.ts; a leader only reads.
    const rename = await (await t.as('leader')).patch('/api/areas/320614103001001', { name: '改名' });
    expect(rename.statusCode).toBe(403);
  });
});
