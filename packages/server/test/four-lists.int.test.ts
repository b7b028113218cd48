import type { FourList } from '@gongzhi/domain/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { Client, createTestApp, json, uniq, type TestApp } from './helpers.ts';

// Nanjing's four lists (四张清单) as views: GET /api/lists/four, per area in the caller's scope.

let t: TestApp;
let admin: Client;
let community: Client;
let town: Client;
let resident: Client;
const COMMUNITY = '320614103001';
const NEIGHBOUR = '320614103002';

const section = (l: FourList, key: string) => {
  const s = l.sections.find((x) => x.key === key);
  if (!s) throw new Error(`no section ${key} in ${l.sections.map((x) => x.key).join(',')}`);
  return s;
};
const list = async (c: Client, kind: string, area?: string) => {
  const res = await c.get(`/api/lists/four?kind=${kind}${area ? `&area=${area}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return json<FourList>(res);
};
const n = async (q: ReturnType<typeof sql>) => Number((await t.ctx.db.execute<{ n: string }>(q)).rows[0]!.n);

beforeAll(async () => {
  t = await createTestApp();
  [admin, community, town, resident] = await Promise.all([t.as('admin'), t.as('community'), t.as('town'), t.as('resident')]);
}, 300_000);
afterAll(async () => t?.close());

describe('四张清单', () => {
  it('信息清单: the registry’s counts of the caller’s own area, and its grids with their households and residents', async () => {
    const l = await list(community, 'info');
    expect(l.area.code).toBe(COMMUNITY);
    const households = await n(sql`select count(*) as n from households where area_code like ${COMMUNITY + '%'}`);
    const people = await n(sql`select count(*) as n from people where area_code like ${COMMUNITY + '%'} and status = 'active'`);
    expect(households).toBeGreaterThan(0);
    expect(section(l, 'households').count).toBe(households);
    expect(section(l, 'people').count).toBe(people);
    const grids = section(l, 'grids');
    expect(grids.count).toBeGreaterThan(0);
    expect(grids.rows.every((g) => g.areaCode!.startsWith(COMMUNITY) && g.link === `/areas/${g.id}`)).toBe(true);
    // The grids' households add up to the area's (every household lives in a grid of the community).
    expect(grids.rows.reduce((a, g) => a + g.counts!.households!, 0)).toBeLessThanOrEqual(households);
    expect(grids.rows.some((g) => g.counts!.people! > 0)).toBe(true);
  });

  it('需求清单: a village sees its own needs, not another’s; another village’s list is 404; the town reads both', async () => {
    const mine = `本社区需求${uniq()}`;
    const theirs = `邻村需求${uniq()}`;
    expect((await admin.post('/api/needs', { areaCode: COMMUNITY, title: mine, content: '口袋公园' })).statusCode).toBe(201);
    expect((await admin.post('/api/needs', { areaCode: NEIGHBOUR, title: theirs, content: '路灯' })).statusCode).toBe(201);
    const l = await list(community, 'needs');
    const open = section(l, 'needsOpen');
    const row = open.rows.find((r) => r.title === mine);
    expect(row).toMatchObject({ tag: 'open', areaCode: COMMUNITY });
    expect(row!.link).toBe(`/needs/${row!.id}`);
    expect(l.sections.flatMap((s) => s.rows).some((r) => r.title === theirs)).toBe(false);
    expect(l.sections.flatMap((s) => s.rows).every((r) => r.areaCode!.startsWith(COMMUNITY))).toBe(true);
    expect(open.count).toBe(await n(sql`select count(*) as n from needs where area_code like ${COMMUNITY + '%'} and state = 'open'`));

    const other = await community.get(`/api/lists/four?kind=needs&area=${NEIGHBOUR}`);
    expect(other.statusCode).toBe(404);
    const townList = await list(town, 'needs', NEIGHBOUR);
    expect(section(townList, 'needsOpen').rows.some((r) => r.title === theirs)).toBe(true);
  });

  it('资源清单: the district’s offers of the year with their use, service teams, volunteers and places for activities', async () => {
    const l = await list(community, 'resources');
    expect(l.sections.map((s) => s.key)).toEqual(['offers', 'serviceTeams', 'volunteers', 'activityPlaces']);
    const offers = section(l, 'offers');
    const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
    expect(offers.count).toBe(await n(sql`select count(*) as n from offers where active and year = ${year} and area_code like '320614%'`));
    for (const o of offers.rows) expect(o.counts).toEqual({ capacity: expect.any(Number), used: expect.any(Number) });
    for (const s of l.sections) for (const r of s.rows) if (r.areaCode) expect(r.areaCode.startsWith(COMMUNITY)).toBe(true);
  });

  it('风险清单: overdue cases as the cockpit counts them, and the risk households for staff who read the registry', async () => {
    const l = await list(community, 'risks');
    const overdue = section(l, 'overdueCases');
    const cockpit = json<{ total: number }>(await community.get(`/api/cockpit/overdue?area=${COMMUNITY}`));
    expect(overdue.count).toBe(cockpit.total);
    expect(overdue.rows.every((r) => r.tag === 'overdue' && r.link === `/cases/${r.id}` && r.areaCode!.startsWith(COMMUNITY))).toBe(true);
    for (const key of ['urgentCases', 'lateProjects', 'emergencies', 'householdsRed', 'householdsOrange']) section(l, key);
    expect(section(l, 'householdsRed').count).toBe(await n(sql`select count(*) as n from households where area_code like ${COMMUNITY + '%'} and risk_colour = 'red'`));
  });

  it('a resident is refused (403); a bad kind or area is 400', async () => {
    const res = await resident.get('/api/lists/four?kind=info');
    expect(res.statusCode).toBe(403);
    expect(json<{ error: { code: string; message: string } }>(res).error).toMatchObject({ code: 'not_list_reader', message: expect.stringContaining('四张清单') });
    expect((await community.get('/api/lists/four?kind=all')).statusCode).toBe(400);
    expect((await community.get('/api/lists/four?kind=info&area=abc')).statusCode).toBe(400);
  });
});
