import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { STAFFING_BENCHMARK } from '@gongzhi/domain';
import { Client, createTestApp, json, uniq, type TestApp } from './helpers.ts';

// Cases in a village that has none yet (so re-runs on a shared PostgreSQL start clean too); the
// cockpit's figures are compared with what was created, with /api/stats/cases, and with counts
// straight from the tables.
let TOWN: string;
let VILLAGE: string;
let NEIGHBOUR: string;
let GRID: string;

let t: TestApp;
let community: Client;
let leader: Client;
let town: Client;
let dept: Client;
let cgUnitId: string;
const created: { id: string; code: string }[] = [];

async function act(c: Client, id: string, action: string, body: Record<string, unknown> = {}) {
  // Types flagged 需现场核验 close on a photo taken at the check.
  if (action === 'verify-pass' && !body.attachments) body = { ...body, attachments: [await c.uploadPhoto()] };
  const res = await c.post(`/api/cases/${id}/actions/${action}`, body);
  if (res.statusCode !== 200) throw new Error(`${action}: ${res.statusCode} ${res.body}`);
}

async function newCase(categoryCode: string, channel: string) {
  const res = await community.post('/api/cases', { title: `驾驶舱测试 ${uniq()}`, description: '驾驶舱统计用案件', categoryCode, channel, areaCode: GRID });
  expect(res.statusCode).toBe(201);
  const c = json<{ id: string; code: string }>(res);
  created.push(c);
  return c.id;
}

beforeAll(async () => {
  t = await createTestApp();
  const admin = await t.as('admin');
  leader = await t.as('leader');
  town = await t.as('town');
  dept = await t.as('dept-cg');
  // Two untouched villages of one town: no case ever, none open.
  const untouched = async (code: string) =>
    json<{ measures: { received: number } }>(await leader.get(`/api/cockpit/summary?area=${code}&from=2020-01-01`)).measures.received === 0 &&
    json<{ total: number }>(await leader.get(`/api/cockpit/overdue?area=${code}`)).total === 0 &&
    json<{ features: { properties: { open: number } }[] }>(await leader.get(`/api/cockpit/map?area=${code}`)).features.every((f) => f.properties.open === 0);
  const towns = json<{ items: { code: string }[] }>(await leader.get('/api/areas/320614/children')).items.map((v) => v.code);
  search: for (const town of ['320614103', ...towns]) {
    const villages = json<{ items: { code: string }[] }>(await leader.get(`/api/areas/${town}/children`)).items.map((v) => v.code).slice(4);
    const free: string[] = [];
    for (const v of villages) {
      if (await untouched(v)) free.push(v);
      if (free.length === 2) {
        [TOWN, VILLAGE, NEIGHBOUR] = [town, free[0]!, free[1]!];
        break search;
      }
    }
  }
  expect(VILLAGE).toBeDefined();
  GRID = json<{ items: { code: string }[] }>(await leader.get(`/api/areas/${VILLAGE}/children`)).items[0]!.code;
  const name = `ck${uniq()}`;
  expect((await admin.post('/api/users', { username: name, displayName: '驾驶舱测试社工', password: 'Test@2026pw', roles: ['community-worker'], scopeCode: VILLAGE })).statusCode).toBe(201);
  community = await t.as(name, 'Test@2026pw');
  cgUnitId = json<{ items: { id: string; code: string }[] }>(await town.get('/api/units?type=department')).items.find((u) => u.code === 'dept-cg')!.id;

  // Two reports of the same problem at the same place (a repeat), a third of another type.
  const a = await newCase('0102', 'hotline');
  await newCase('0102', 'console');
  const c = await newCase('0201', 'hotline');
  // a: dispatched to 城管, handled, verified, rated unsatisfied → closed, satisfaction 0.
  await act(community, a, 'escalate', { reason: '需部门处理' });
  await act(town, a, 'dispatch', { unitId: cgUnitId });
  await act(dept, a, 'acknowledge');
  await act(dept, a, 'handle', { note: '已处理' });
  await act(community, a, 'verify-pass');
  await act(town, a, 'rate', { score: 'unsatisfied' });
  // c: its acceptance limit has passed (the deadline sweep would mark it; the cockpit reads the due time).
  await t.ctx.db.execute(sql`update cases set step_due_at = now() - interval '5 hours' where id = ${c}`);
});
afterAll(async () => t?.close());

interface Measures {
  received: number;
  closed: number;
  rated: number;
  satisfactionRate: number;
  closureRate: number;
}

describe('cockpit', () => {
  it('summary: the measures of /api/stats/cases, with the previous period of equal length', async () => {
    const s = json<{ measures: Measures; previous: Measures; path: { code: string; name: string }[]; period: { from: string; to: string; days: number }; previousPeriod: { from: string; to: string }; view: string }>(
      await leader.get(`/api/cockpit/summary?area=${VILLAGE}`),
    );
    expect(s.view).toBe('area');
    expect(s.measures.received).toBe(3);
    expect(s.measures.closed).toBe(1);
    expect(s.measures.rated).toBe(1);
    expect(s.measures).toEqual(json(await leader.get(`/api/stats/cases?area=${VILLAGE}`)));
    expect(s.path.map((p) => p.code)).toEqual(['320614', TOWN, VILLAGE]);
    expect(s.path[1]!.name).toMatch(/镇|街道|区|园/);
    expect(s.previous.received).toBe(0);
    // The previous period ends the day before this one starts and is as long.
    const r = json<{ period: { from: string; to: string; days: number }; previousPeriod: { from: string; to: string } }>(
      await leader.get(`/api/cockpit/summary?area=${VILLAGE}&from=2026-03-01&to=2026-03-31`),
    );
    expect(r.period).toEqual({ from: '2026-03-01', to: '2026-03-31', days: 31 });
    expect(r.previousPeriod).toEqual({ from: '2026-01-29', to: '2026-02-28' });
  });

  it('breakdowns by channel, day and month', async () => {
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const by = async (b: string) => json<{ items: { key: string; received: number }[] }>(await leader.get(`/api/stats/cases/breakdown?area=${VILLAGE}&by=${b}`)).items;
    expect(Object.fromEntries((await by('channel')).map((r) => [r.key, r.received]))).toEqual({ hotline: 2, console: 1 });
    expect(await by('day')).toMatchObject([{ key: today, received: 3 }]);
    expect(await by('month')).toMatchObject([{ key: today.slice(0, 7), received: 3 }]);
  });

  it('map: the child areas with their polygons, cases received and overdue', async () => {
    const m = json<{ type: string; features: { properties: { code: string; name: string; received: number; overdue: number; open: number }; geometry: { type: string } }[] }>(
      await leader.get(`/api/cockpit/map?area=${TOWN}`),
    );
    expect(m.type).toBe('FeatureCollection');
    const v = m.features.find((f) => f.properties.code === VILLAGE)!;
    expect(v.properties).toMatchObject({ received: 3, overdue: 1, open: 2 });
    expect(v.geometry.type).toMatch(/Polygon/);
    expect(m.features.find((f) => f.properties.code === NEIGHBOUR)!.properties.received).toBe(0);
    // At a grid, the grid itself.
    const g = json<{ features: { properties: { code: string; received: number } }[] }>(await leader.get(`/api/cockpit/map?area=${GRID}`));
    expect(g.features.map((f) => [f.properties.code, f.properties.received])).toEqual([[GRID, 3]]);
  });

  it('overdue: open cases past their step deadline, linked by id', async () => {
    const o = json<{ total: number; items: { id: string; code: string; overdueHours: number; areaName: string; categoryName: string }[] }>(
      await leader.get(`/api/cockpit/overdue?area=${VILLAGE}`),
    );
    expect(o.total).toBe(1);
    expect(o.items[0]).toMatchObject({ id: created[2]!.id, code: created[2]!.code });
    expect(o.items[0]!.overdueHours).toBeGreaterThanOrEqual(4.9);
    expect(o.items[0]!.areaName).toContain('网格');
  });

  it('hot spots: the same type reported twice at one place', async () => {
    const h = json<{ repeats: { areaCode: string; categoryCode: string; reports: number }[]; places: { areaCode: string; reports: number }[] }>(
      await leader.get(`/api/cockpit/hotspots?area=${VILLAGE}`),
    );
    expect(h.repeats).toEqual([expect.objectContaining({ areaCode: GRID, categoryCode: '0102', reports: 2 })]);
    expect(h.places[0]).toMatchObject({ areaCode: GRID, reports: 3 });
  });

  it('staffing: accounts with community and grid worker roles per 10,000 registered residents', async () => {
    const community1 = '320614103001';
    const s = json<{ benchmark: number; total: { staff: number; residents: number; per10k: number; meetsBenchmark: boolean }; items: { code: string; staff: number; residents: number }[] }>(
      await leader.get(`/api/cockpit/staffing?area=320614103`),
    );
    expect(s.benchmark).toBe(STAFFING_BENCHMARK);
    const staff = await t.ctx.db.execute<{ n: string }>(sql`select count(*) as n from users where active and roles && array['community-worker','grid-worker']::text[] and scope_code like ${community1 + '%'}`);
    const residents = await t.ctx.db.execute<{ n: string }>(sql`select count(*) as n from people where area_code like ${community1 + '%'}`);
    const row = s.items.find((i) => i.code === community1)!;
    expect(row.staff).toBe(Number(staff.rows[0]!.n));
    expect(row.residents).toBe(Number(residents.rows[0]!.n));
    expect(row.staff).toBeGreaterThan(3); // the demo roster
    const c = json<{ total: { staff: number; residents: number; per10k: number; meetsBenchmark: boolean } }>(await leader.get(`/api/cockpit/staffing?area=${community1}`));
    expect(c.total.staff).toBe(row.staff);
    expect(c.total.per10k).toBeCloseTo((row.staff / row.residents) * 10000, 1);
    expect(c.total.meetsBenchmark).toBe(c.total.per10k >= 18);
  });

  it('vitality: closure and satisfaction of the period, participation per resident', async () => {
    const v = json<{ total: { index: number | null; terms: Record<string, number | null>; inputs: { closureRate: number; rated: number } }; items: { code: string; index: number | null }[]; weights: Record<string, number> }>(
      await leader.get(`/api/cockpit/vitality?area=${VILLAGE}`),
    );
    expect(Object.values(v.weights).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    expect(v.total.inputs.rated).toBe(1);
    expect(v.total.terms.satisfaction).toBe(0);
    // No residents are registered in this village in the tests: participation terms are left out.
    expect(v.total.terms.wishes).toBeNull();
    expect(v.total.index).not.toBeNull();
    expect(v.items.length).toBeGreaterThan(0);
  });

  it('rectification: communities under 60 % satisfaction are flagged', async () => {
    const r = json<{ threshold: number; items: { code: string; satisfactionRate: number; townName: string }[] }>(await leader.get(`/api/cockpit/rectification?area=${TOWN}`));
    expect(r.threshold).toBe(0.6);
    expect(r.items).toContainEqual(expect.objectContaining({ code: VILLAGE, satisfactionRate: 0 }));
    expect(r.items.find((i) => i.code === NEIGHBOUR)).toBeUndefined();
  });

  it('a department sees only the cases its unit leads', async () => {
    const s = json<{ view: string; unit: { name: string }; measures: Measures }>(await dept.get(`/api/cockpit/summary?area=${VILLAGE}`));
    expect(s.view).toBe('unit');
    expect(s.unit.name).toContain('城市管理');
    expect(s.measures.received).toBe(1);
    expect((await dept.get(`/api/cockpit/overdue?area=${VILLAGE}`)).json()).toMatchObject({ total: 0 });
    expect((await dept.get(`/api/cockpit/staffing?area=${VILLAGE}`)).statusCode).toBe(403);
  });

  it('scope: a community cannot read a neighbour, nor the town above it (404)', async () => {
    for (const path of ['summary', 'map', 'overdue', 'hotspots', 'staffing', 'vitality', 'rectification']) {
      expect((await community.get(`/api/cockpit/${path}?area=${NEIGHBOUR}`)).statusCode, path).toBe(404);
      expect((await community.get(`/api/cockpit/${path}?area=${TOWN}`)).statusCode, path).toBe(404);
    }
    expect(json<{ measures: Measures }>(await community.get('/api/cockpit/summary')).measures.received).toBe(3);
    const resident = await t.as('resident');
    expect((await resident.get('/api/cockpit/summary')).statusCode).toBe(403);
    expect((await t.anonymous().get('/api/cockpit/summary')).statusCode).toBe(401);
  });

  it('bad parameters answer 400 naming the field', async () => {
    const bad = async (q: string, field: string) => {
      const res = await leader.get(`/api/cockpit/summary?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.body, q).toContain(field);
    };
    await bad('area=abc', 'area');
    await bad('from=2026-02-30', 'from');
    await bad('from=2026-03-10&to=2026-03-01', 'to');
    await bad('area=320614103001001001', 'area'); // a building: the cockpit stops at grids
    expect((await leader.get('/api/cockpit/overdue?pageSize=1000')).statusCode).toBe(400);
    expect((await leader.get('/api/cockpit/map?area=999999')).statusCode).toBe(404);
  });

  it('every endpoint is in the OpenAPI document', async () => {
    const doc = json<{ paths: Record<string, unknown> }>(await t.anonymous().get('/api/openapi.json'));
    for (const path of ['summary', 'map', 'overdue', 'hotspots', 'staffing', 'vitality', 'rectification']) expect(doc.paths).toHaveProperty([`/api/cockpit/${path}`]);
  });
});
