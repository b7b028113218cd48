// Door-knocking campaigns (敲门行动) and four-colour risk (四色分级): the contract walked through, distinct
// households counted once, Idempotency-Key on marks, scope (404) and roles (403), bad bodies (400).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, uniq, type Client, type TestApp } from './helpers.ts';

const COMMUNITY = '320614103001';
const GRID = '320614103001001';
const OTHER_GRID = '320614103001002';

interface Household {
  id: string;
  areaCode: string;
  address: string;
  riskColour?: string;
}
interface Progress {
  households: number;
  visited: number;
  byArea: { code: string; name: string; households: number; visited: number }[];
}

let t: TestApp;
let town: Client;
let community: Client;
let grid: Client;
let resident: Client;
let campaignId: string;
let mine: Household[];
let theirs: Household;

beforeAll(async () => {
  t = await createTestApp();
  [town, community, grid, resident] = await Promise.all([t.as('town'), t.as('community'), t.as('grid'), t.as('resident')]);
  const own = await grid.get(`/api/areas/${GRID}/households?page=1&pageSize=5`);
  expect(own.statusCode).toBe(200);
  mine = json<{ items: Household[] }>(own).items;
  const other = await community.get(`/api/areas/${OTHER_GRID}/households?page=1&pageSize=1`);
  theirs = json<{ items: Household[] }>(other).items[0]!;
  expect(mine.length).toBe(5);
}, 180_000);
afterAll(async () => t?.close());

describe('households list (contract)', () => {
  it('answers items with id, areaCode, address and a four-colour riskColour, and the total, within scope', async () => {
    const res = await grid.get(`/api/areas/${GRID}/households?page=1&pageSize=3`);
    const body = json<{ items: Household[]; total: number }>(res);
    expect(body.total).toBeGreaterThan(3);
    expect(body.items).toHaveLength(3);
    for (const h of body.items) {
      expect(h).toMatchObject({ id: expect.any(String), areaCode: expect.stringMatching(new RegExp(`^${GRID}`)), address: expect.any(String) });
      expect(['red', 'orange', 'yellow', 'blue']).toContain(h.riskColour);
    }
    expect((await grid.get(`/api/areas/${OTHER_GRID}/households`)).statusCode).toBe(404);
  });
  it('filters by colour and counts colours per grid', async () => {
    const blue = json<{ items: Household[]; total: number }>(await community.get(`/api/areas/${COMMUNITY}/households?riskColour=blue&pageSize=200`));
    expect(blue.total).toBeGreaterThan(0);
    expect(blue.items.every((h) => h.riskColour === 'blue')).toBe(true);
    expect((await community.get(`/api/areas/${COMMUNITY}/households?riskColour=green`)).statusCode).toBe(400);
    const counts = json<{ items: { code: string; red: number; blue: number; total: number }[]; total: { blue: number; total: number } }>(await community.get(`/api/areas/${COMMUNITY}/risk-counts`));
    expect(counts.items.length).toBeGreaterThan(1);
    expect(counts.total.blue).toBe(blue.total);
    expect(counts.items.reduce((s, i) => s + i.total, 0)).toBe(counts.total.total);
  });
});

describe('door-knocking campaign (contract)', () => {
  it('is created by community staff over their community → 201 active', async () => {
    const res = await community.post('/api/campaigns', { title: `防汛敲门${uniq()}`, areaCode: COMMUNITY, kind: 'door-knock' });
    expect(res.statusCode).toBe(201);
    const body = json<{ id: string; state: string }>(res);
    expect(body).toMatchObject({ id: expect.any(String), state: 'active' });
    campaignId = body.id;
  });

  it('counts distinct households with a visited result, per child area', async () => {
    const before = json<Progress>(await community.get(`/api/campaigns/${campaignId}/progress`));
    expect(before.visited).toBe(0);
    expect(before.households).toBeGreaterThan(mine.length);
    expect(before.byArea.map((a) => a.code)).toContain(GRID);
    expect(before.byArea.reduce((s, a) => s + a.households, 0)).toBe(before.households);

    const visit = (c: Client, body: unknown, key?: string) => c.request('POST', `/api/campaigns/${campaignId}/visits`, body, key ? { 'idempotency-key': key } : {});
    expect((await visit(grid, { householdId: mine[0]!.id, result: 'visited' })).statusCode).toBe(201);
    // Reached again: still one household.
    expect((await visit(grid, { householdId: mine[0]!.id, result: 'visited', note: '二次确认' })).statusCode).toBe(201);
    expect((await visit(grid, { householdId: mine[1]!.id, result: 'nobody-home' })).statusCode).toBe(201);
    expect((await visit(grid, { householdId: mine[2]!.id, result: 'refused' })).statusCode).toBe(201);
    // A phone's resend under the same key counts once.
    const key = `knock-${uniq()}`;
    const first = await visit(grid, { householdId: mine[3]!.id, result: 'visited', riskColour: 'red', note: '低洼，一楼进水' }, key);
    const again = await visit(grid, { householdId: mine[3]!.id, result: 'visited', riskColour: 'red', note: '低洼，一楼进水' }, key);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(json(again)).toEqual(json(first));

    const after = json<Progress>(await community.get(`/api/campaigns/${campaignId}/progress`));
    expect(after.households).toBe(before.households);
    expect(after.visited).toBe(2);
    expect(after.byArea.find((a) => a.code === GRID)!.visited).toBe(2);
    expect(after.byArea.filter((a) => a.code !== GRID).every((a) => a.visited === 0)).toBe(true);
    // The town sees the same count.
    expect(json<Progress>(await town.get(`/api/campaigns/${campaignId}/progress`)).visited).toBe(2);
  });

  it('a visit’s colour reaches the household with its history', async () => {
    const hh = json<{ riskColour: string; items: { from: string; to: string; reason: string; actorName: string }[] }>(await grid.get(`/api/households/${mine[3]!.id}/risk-history`));
    expect(hh.riskColour).toBe('red');
    expect(hh.items).toHaveLength(mine[3]!.riskColour === 'red' ? 0 : 1);
    if (hh.items[0]) expect(hh.items[0]).toMatchObject({ from: mine[3]!.riskColour, to: 'red', reason: expect.stringContaining('敲门行动') });
    const set = await community.patch(`/api/households/${mine[3]!.id}/risk`, { riskColour: 'orange', reason: '已转移至安置点' });
    expect(set.statusCode).toBe(200);
    const later = json<{ riskColour: string; items: { from: string; to: string; reason: string }[] }>(await grid.get(`/api/households/${mine[3]!.id}/risk-history`));
    expect(later.riskColour).toBe('orange');
    expect(later.items[0]).toMatchObject({ from: 'red', to: 'orange', reason: '已转移至安置点' });
    expect((await community.patch(`/api/households/${mine[3]!.id}/risk`, { riskColour: 'green', reason: 'x' })).statusCode).toBe(400);
    expect((await community.patch(`/api/households/${mine[3]!.id}/risk`, { riskColour: 'red' })).statusCode).toBe(400);
  });

  it('lists the worker’s households not yet reached, the ones knocked at this round last', async () => {
    // Narrowed to the unit (or building) the first households live in: a grid holds more than a page.
    const res = await grid.get(`/api/campaigns/${campaignId}/worklist?area=${mine[1]!.areaCode}&pageSize=200`);
    expect(res.statusCode).toBe(200);
    const list = json<{ total: number; items: { id: string; areaCode: string; needsHelp: boolean; lastResult: string | null }[] }>(res);
    const ids = list.items.map((i) => i.id);
    expect(ids).not.toContain(mine[0]!.id);
    expect(ids).not.toContain(mine[3]!.id);
    expect(ids).toContain(mine[1]!.id);
    expect(list.items.every((i) => i.areaCode.startsWith(mine[1]!.areaCode))).toBe(true);
    const whole = json<{ total: number; items: unknown[] }>(await grid.get(`/api/campaigns/${campaignId}/worklist?pageSize=10`));
    expect(whole.items).toHaveLength(10);
    expect(whole.total).toBeGreaterThan(list.total - 1);
    expect((await grid.get(`/api/campaigns/${campaignId}/worklist?area=${OTHER_GRID}`)).statusCode).toBe(404);
    // Needs help first.
    const firstPlain = list.items.findIndex((i) => !i.needsHelp);
    expect(list.items.slice(firstPlain).some((i) => i.needsHelp)).toBe(false);
    expect(list.items.find((i) => i.id === mine[1]!.id)!.lastResult).toBe('nobody-home');
  });

  it('refuses other areas (404), other roles (403) and bad bodies (400)', async () => {
    const visit = (c: Client, body: unknown) => c.post(`/api/campaigns/${campaignId}/visits`, body);
    // The grid worker's scope does not hold the other grid's household.
    expect((await visit(grid, { householdId: theirs.id, result: 'visited' })).statusCode).toBe(404);
    expect((await visit(grid, { householdId: '00000000-0000-4000-8000-000000000000', result: 'visited' })).statusCode).toBe(404);
    // Residents do not knock on doors or create campaigns.
    expect((await visit(resident, { householdId: mine[4]!.id, result: 'visited' })).statusCode).toBe(403);
    expect((await resident.post('/api/campaigns', { title: '居民发起', areaCode: GRID, kind: 'door-knock' })).statusCode).toBe(403);
    expect((await grid.post('/api/campaigns', { title: '网格员发起', areaCode: GRID, kind: 'door-knock' })).statusCode).toBe(403);
    // Community staff cannot start one over another community.
    expect((await community.post('/api/campaigns', { title: '越界', areaCode: '320614103002', kind: 'door-knock' })).statusCode).toBe(404);
    for (const body of [{}, { householdId: mine[4]!.id, result: 'maybe' }, { householdId: mine[4]!.id, result: 'visited', riskColour: 'green' }, { householdId: 'x', result: 'visited' }]) {
      const res = await visit(grid, body);
      expect(res.statusCode).toBe(400);
      expect(json<{ error: { code: string; message: string } }>(res).error.code).toBeTruthy();
    }
    for (const body of [{ title: '', areaCode: COMMUNITY, kind: 'door-knock' }, { title: 'x', areaCode: COMMUNITY, kind: 'sweep' }, { title: 'x', kind: 'door-knock' }]) {
      expect((await community.post('/api/campaigns', body)).statusCode).toBe(400);
    }
    // A campaign of another community is not there for the grid worker of this one.
    const other = await town.post('/api/campaigns', { title: `二社区${uniq()}`, areaCode: '320614103002', kind: 'door-knock' });
    const otherId = json<{ id: string }>(other).id;
    expect((await grid.get(`/api/campaigns/${otherId}/progress`)).statusCode).toBe(404);
    expect(json<{ items: { id: string }[] }>(await grid.get('/api/campaigns')).items.map((c) => c.id)).not.toContain(otherId);
    expect((await resident.get('/api/campaigns')).statusCode).toBe(403);
  });

  it('a second round, then closing: marks after closing are refused', async () => {
    expect((await grid.post(`/api/campaigns/${campaignId}/rounds`, {})).statusCode).toBe(403);
    const round = await community.post(`/api/campaigns/${campaignId}/rounds`, {});
    expect(round.statusCode).toBe(200);
    expect(json<{ round: number }>(round).round).toBe(2);
    const list = json<{ round: number; items: { id: string; lastResult: string | null }[] }>(await grid.get(`/api/campaigns/${campaignId}/worklist?area=${mine[1]!.areaCode}&pageSize=200`));
    expect(list.round).toBe(2);
    expect(list.items.find((i) => i.id === mine[1]!.id)!.lastResult).toBeNull();
    expect((await grid.post(`/api/campaigns/${campaignId}/visits`, { householdId: mine[1]!.id, result: 'visited' })).statusCode).toBe(201);
    const closed = await community.post(`/api/campaigns/${campaignId}/close`, { summary: '两轮走访完成' });
    expect(closed.statusCode).toBe(200);
    expect(json<{ state: string; allowedActions: string[] }>(closed)).toMatchObject({ state: 'closed', allowedActions: [] });
    const late = await grid.post(`/api/campaigns/${campaignId}/visits`, { householdId: mine[4]!.id, result: 'visited' });
    expect(late.statusCode).toBe(409);
    expect(json<{ error: { code: string } }>(late).error.code).toBe('campaign_closed');
    expect(json<Progress>(await community.get(`/api/campaigns/${campaignId}/progress`)).visited).toBe(3);
    const detail = json<{ state: string; round: number; areaName: string }>(await grid.get(`/api/campaigns/${campaignId}`));
    expect(detail).toMatchObject({ state: 'closed', round: 2 });
  });
});
