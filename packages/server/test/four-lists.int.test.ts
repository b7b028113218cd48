import { FOUR_LIST_SECTIONS, type FourList } from '@gongzhi/domain/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { Client, createTestApp, json, uniq, type TestApp } from './helpers.ts';

// Nanjing's four lists (四张清单) as views: GET /api/lists/four, per area in the caller's scope.

let t: TestApp;
let admin: Client;
let community: Client;
let town: Client;
let resident: Client;
let leader: Client;
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
  const l = json<FourList>(res);
  // Each list has only its own sections, in the contract's order.
  const keys: readonly string[] = FOUR_LIST_SECTIONS[l.kind];
  expect(l.sections.map((x) => x.key)).toEqual(keys.filter((k) => l.sections.some((x) => x.key === k)));
  return l;
};
const n = async (q: ReturnType<typeof sql>) => Number((await t.ctx.db.execute<{ n: string }>(q)).rows[0]!.n);

beforeAll(async () => {
  t = await createTestApp();
  [admin, community, town, resident, leader] = await Promise.all([t.as('admin'), t.as('community'), t.as('town'), t.as('resident'), t.as('leader')]);
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

  it('风险清单 → 查看全部: the case list filtered as the section counts (overdue; urgent among the open ones)', async () => {
    // One open case of the community marked urgent, so the urgent section has something to count.
    const open = await n(sql`select count(*) as n from cases where area_code like ${COMMUNITY + '%'} and state in ('reported','accepted','dispatched','acknowledged','handled')`);
    expect(open).toBeGreaterThan(0);
    await t.ctx.db.execute(sql`update cases set urgent = true where id = (select id from cases where area_code like ${COMMUNITY + '%'} and state = 'reported' order by created_at desc limit 1)`);
    const l = await list(community, 'risks');
    const overdue = section(l, 'overdueCases');
    expect(overdue.link).toBe(`/cases?tab=all&overdue=true&area=${COMMUNITY}`);
    const overdueList = json<{ total: number; items: { overdue: boolean }[] }>(await community.get(`/api/cases?overdue=true&area=${COMMUNITY}&pageSize=100`));
    expect(overdueList.total).toBe(overdue.count);
    expect(overdueList.items.every((c) => c.overdue)).toBe(true);

    const urgent = section(l, 'urgentCases');
    expect(urgent.count).toBeGreaterThan(0);
    expect(urgent.link).toBe(`/cases?tab=all&urgent=true&area=${COMMUNITY}`);
    const urgentList = json<{ total: number; counts: Record<string, number>; items: { urgent: boolean }[] }>(await community.get(`/api/cases?urgent=true&area=${COMMUNITY}&pageSize=100`));
    expect(urgentList.items.every((c) => c.urgent)).toBe(true);
    const openStates = ['reported', 'accepted', 'dispatched', 'acknowledged', 'handled'];
    expect(openStates.reduce((a, st) => a + (urgentList.counts[st] ?? 0), 0)).toBe(urgent.count);
    const openUrgent = json<{ total: number }>(await community.get(`/api/cases?urgent=true&area=${COMMUNITY}&state=${openStates.join(',')}&pageSize=1`));
    expect(openUrgent.total).toBe(urgent.count);
    const notUrgent = json<{ items: { urgent: boolean }[] }>(await community.get(`/api/cases?urgent=false&area=${COMMUNITY}&pageSize=50`));
    expect(notUrgent.items.every((c) => !c.urgent)).toBe(true);
  });

  it('风险清单: property bills past due and the registry’s special groups, each for those who may read them', async () => {
    // A bill of last year left unpaid in the community, so there is one past due whatever the seed holds.
    const hh = (await t.ctx.db.execute<{ id: string; area_code: string }>(sql`select id, area_code from households where area_code like ${COMMUNITY + '%'} order by id limit 1`)).rows[0]!;
    const unit = (await t.ctx.db.execute<{ id: string }>(sql`select id from units where code = 'property-320614103001-01'`)).rows[0];
    if (unit) {
      await t.ctx.db.execute(
        sql`insert into property_bills (unit_id, household_id, area_code, period, amount_fen) values (${unit.id}, ${hh.id}, ${hh.area_code}, '2020-01', 12345) on conflict do nothing`,
      );
    }
    const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
    const pastDue = await n(
      sql`select count(*) as n from property_bills where area_code like ${COMMUNITY + '%'} and period < ${month} and amount_fen - offset_fen - paid_fen > 0`,
    );
    const l = await list(community, 'risks');
    const bills = section(l, 'overdueBills');
    expect(bills.count).toBe(pastDue);
    if (unit) expect(bills.count).toBeGreaterThan(0);
    expect(bills.rows.length).toBe(Math.min(pastDue, 50));
    for (const r of bills.rows) {
      expect(r.sub! < month).toBe(true);
      expect(r.counts!.balanceFen).toBeGreaterThan(0);
      expect(r.areaCode!.startsWith(COMMUNITY)).toBe(true);
    }

    // Special groups: counts equal the registry's, and the sensitive ones only for those who see sensitive tags.
    const inGroups = (codes: string[]) =>
      n(sql`select count(*) as n from people where area_code like ${COMMUNITY + '%'} and status = 'active' and tags && ${sql.raw(`array[${codes.map((c) => `'${c}'`).join(',')}]::text[]`)}`);
    const care = ['empty-nest-elderly', 'living-alone-elderly', 'subsistence', 'left-behind-child', 'single-parent', 'veteran'];
    const focus = ['disabled', 'bedridden', 'released-prisoner', 'community-correction', 'drug-user', 'key-person'];
    const careSection = section(l, 'careGroups');
    expect(careSection.count).toBe(await inGroups(care));
    expect(careSection.count).toBeGreaterThan(0);
    for (const r of careSection.rows) {
      expect(r.counts!.people).toBe(await inGroups([r.tag!]));
      expect(r.link).toBe(`/people?area=${COMMUNITY}&tag=${r.tag}`);
      expect(care).toContain(r.tag);
    }
    const focusSection = section(l, 'focusGroups');
    expect(focusSection.count).toBe(await inGroups(focus));
    for (const r of focusSection.rows) expect(r.counts!.people).toBe(await inGroups([r.tag!]));

    // The district's leader reads the registry but not its sensitive groups: no 重点人群 section, the rest as the community's.
    const theirs = await list(leader, 'risks', COMMUNITY);
    expect(theirs.sections.some((s) => s.key === 'focusGroups')).toBe(false);
    expect(section(theirs, 'careGroups').count).toBe(careSection.count);
    expect(section(theirs, 'overdueBills').count).toBe(bills.count);
  });

  it('a resident is refused (403); a bad kind or area is 400', async () => {
    const res = await resident.get('/api/lists/four?kind=info');
    expect(res.statusCode).toBe(403);
    expect(json<{ error: { code: string; message: string } }>(res).error).toMatchObject({ code: 'not_list_reader', message: expect.stringContaining('四张清单') });
    expect((await community.get('/api/lists/four?kind=all')).statusCode).toBe(400);
    expect((await community.get('/api/lists/four?kind=info&area=abc')).statusCode).toBe(400);
  });
});
