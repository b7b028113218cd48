// The four-colour map (风险地图) and evacuation lists (转移安置): a list made from the colours in one action,
// assigned, worked on the phone (arrived once with an Idempotency-Key, refused with a reason, returned), exported;
// scope (another community 404) and roles (a resident 403).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { areas } from '../src/db/schema.ts';
import { createTestApp, json, uniq, type Client, type TestApp } from './helpers.ts';

const COMMUNITY = '320614103001';
const GRID = '320614103001001';
const NEIGHBOUR = '320614103002';

interface Household {
  id: string;
  areaCode: string;
  riskColour: string;
}
interface Entry {
  id: string;
  personId: string;
  name: string;
  phone: string | null;
  areaCode: string;
  householdId: string | null;
  riskColour: string | null;
  reasons: string[];
  needsHelp: boolean;
  state: string;
  responsible: { id: string; name: string | null } | null;
  destination: { placeId: string | null; name: string | null; text: string | null };
  arrivedAt: string | null;
  arrivedByName: string | null;
  refusedReason: string | null;
  allowedActions: string[];
}
interface Counts {
  pending: number;
  moving: number;
  arrived: number;
  refused: number;
  returned: number;
  total: number;
}
interface Detail {
  id: string;
  state: string;
  counts: Counts;
  items: Entry[];
  assignees: { id: string; name: string }[];
  shelters: { id: string; name: string; kind: string }[];
  allowedActions: string[];
}
interface ColourCounts {
  red: number;
  orange: number;
  yellow: number;
  blue: number;
  total: number;
}
interface RiskMap {
  by: string;
  total: ColourCounts;
  grids: { code: string; counts: ColourCounts }[];
  markers: { code: string; level: string; placedBy: string; worst: string | null; lat: number; lng: number; counts: ColourCounts }[];
  approximate: number;
  unplaced: number;
}

let t: TestApp;
let town: Client;
let community: Client;
let grid: Client;
let resident: Client;
let gridUserId: string;
let reds: Household[];
let evacuationId: string;

beforeAll(async () => {
  t = await createTestApp();
  [town, community, grid, resident] = await Promise.all([t.as('town'), t.as('community'), t.as('grid'), t.as('resident')]);
  gridUserId = json<{ id: string }>(await grid.get('/api/auth/me')).id;
  // Two households of the grid turned red by hand (the one way a colour changes).
  const some = json<{ items: Household[] }>(await community.get(`/api/areas/${GRID}/households?riskColour=blue&page=1&pageSize=2`)).items;
  expect(some).toHaveLength(2);
  for (const h of some) {
    const res = await community.patch(`/api/households/${h.id}/risk`, { riskColour: 'red', reason: '低洼处，汛期进水' });
    expect(res.statusCode).toBe(200);
  }
  reds = some;
}, 180_000);
afterAll(async () => t?.close());

describe('four-colour map (风险地图)', () => {
  it('counts households per colour per grid and per building for a community, in one answer', async () => {
    const res = await community.get(`/api/risk/map?areaCode=${COMMUNITY}`);
    expect(res.statusCode).toBe(200);
    const map = json<RiskMap>(res);
    expect(map.by).toBe('building');
    expect(map.total.red).toBeGreaterThanOrEqual(2);
    expect(map.grids.length).toBeGreaterThan(1);
    expect(map.grids.reduce((s, g) => s + g.counts.total, 0)).toBe(map.total.total);
    // Every household is drawn somewhere: at its building, or at its grid's centre (approximate).
    expect(map.markers.reduce((s, m) => s + m.counts.total, 0) + map.unplaced).toBe(map.total.total);
    const counts = json<{ total: ColourCounts }>(await community.get(`/api/areas/${COMMUNITY}/risk-counts`));
    expect(map.total).toEqual(counts.total);
    const gridOfReds = map.markers.filter((m) => m.code.startsWith(GRID) && m.counts.red > 0);
    expect(gridOfReds.length).toBeGreaterThan(0);
    expect(gridOfReds.every((m) => m.worst === 'red' && Number.isFinite(m.lat) && Number.isFinite(m.lng))).toBe(true);
  });

  it('filters by colour, and a town is counted per grid', async () => {
    const red = json<RiskMap>(await community.get(`/api/risk/map?areaCode=${COMMUNITY}&colours=red`));
    expect(red.total.total).toBe(red.total.red);
    expect(red.total.orange).toBe(0);
    expect(red.markers.every((m) => m.worst === 'red')).toBe(true);
    expect((await community.get(`/api/risk/map?areaCode=${COMMUNITY}&colours=green`)).statusCode).toBe(400);
    const byGrid = json<RiskMap>(await town.get(`/api/risk/map?areaCode=320614103&colours=red,orange`));
    expect(byGrid.by).toBe('grid');
    expect(byGrid.markers.every((m) => m.level === 'grid')).toBe(true);
  });

  it('draws a building with a position at its own point, the others of its grid in one cluster', async () => {
    const before = json<RiskMap>(await community.get(`/api/risk/map?areaCode=${GRID}`));
    const cluster = before.markers.find((m) => m.level === 'cluster')!;
    expect(cluster).toBeTruthy();
    const building = reds[0]!.areaCode.slice(0, 18);
    await t.ctx.db.update(areas).set({ geometry: { type: 'Point', coordinates: [121.2, 31.9] } }).where(eq(areas.code, building));
    const after = json<RiskMap>(await community.get(`/api/risk/map?areaCode=${GRID}`));
    const own = after.markers.find((m) => m.code === building)!;
    expect(own).toMatchObject({ level: 'building', placedBy: 'building', lng: 121.2, lat: 31.9, worst: 'red' });
    expect(after.approximate).toBe(before.approximate - own.counts.total);
    expect(after.markers.find((m) => m.level === 'cluster')!.counts.total).toBe(cluster.counts.total - own.counts.total);
  });

  it('lists the people of a colour with masked phones', async () => {
    const res = await grid.get(`/api/risk/people?areaCode=${GRID}&colours=red&pageSize=200`);
    expect(res.statusCode).toBe(200);
    const body = json<{ total: number; items: { householdId: string; phone: string | null; riskColour: string }[] }>(res);
    expect(body.total).toBeGreaterThan(0);
    expect(body.items.every((p) => p.riskColour === 'red')).toBe(true);
    const households = new Set(body.items.map((p) => p.householdId));
    for (const h of reds) expect(households.has(h.id)).toBe(true);
    expect(body.items.some((p) => p.phone)).toBe(true);
    for (const p of body.items) if (p.phone) expect(p.phone).not.toMatch(/\d{5}/);
  });

  it('answers 404 for another community and 403 for a resident', async () => {
    expect((await grid.get(`/api/risk/map?areaCode=${NEIGHBOUR}`)).statusCode).toBe(404);
    expect((await community.get(`/api/risk/people?areaCode=${NEIGHBOUR}`)).statusCode).toBe(404);
    expect((await resident.get(`/api/risk/map?areaCode=${GRID}`)).statusCode).toBe(403);
  });
});

describe('evacuation list (转移安置)', () => {
  it('is made from the colours in one action: red and orange households and people needing help', async () => {
    const res = await community.post('/api/evacuations', { title: `防汛转移${uniq()}`, areaCode: GRID, emergencyId: 'flood-2026-1' });
    expect(res.statusCode).toBe(201);
    const d = json<Detail>(res);
    evacuationId = d.id;
    expect(d.state).toBe('open');
    expect(d.counts.total).toBe(d.items.length);
    expect(d.counts.pending).toBe(d.items.length);
    const fromReds = d.items.filter((e) => reds.some((h) => h.id === e.householdId));
    expect(fromReds.length).toBeGreaterThan(0);
    expect(fromReds.every((e) => e.reasons.includes('red'))).toBe(true);
    expect(d.items.every((e) => e.reasons.length > 0 && e.areaCode.startsWith(GRID))).toBe(true);
    expect(d.items.every((e) => e.riskColour === 'red' || e.riskColour === 'orange' || e.needsHelp)).toBe(true);
    expect(d.allowedActions).toContain('assign');
    expect(d.assignees.map((a) => a.id)).toContain(gridUserId);
    for (const e of d.items) if (e.phone) expect(e.phone).not.toMatch(/\d{5}/);
    // Only the centres and community staff make lists; a resident reads nothing.
    expect((await grid.post('/api/evacuations', { title: '网格员不能发起', areaCode: GRID })).statusCode).toBe(403);
    expect((await resident.get('/api/evacuations')).statusCode).toBe(403);
    expect((await resident.get(`/api/evacuations/${evacuationId}`)).statusCode).toBe(403);
  });

  it('assigns a responsible worker and a shelter; the worker sees the people on the phone list', async () => {
    const d = json<Detail>(await community.get(`/api/evacuations/${evacuationId}`));
    const shelter = d.shelters[0];
    const res = await community.post(`/api/evacuations/${evacuationId}/assign`, {
      entryIds: d.items.map((e) => e.id),
      responsibleId: gridUserId,
      ...(shelter ? { destinationPlaceId: shelter.id } : { destinationText: '村小学体育馆' }),
    });
    expect(res.statusCode).toBe(200);
    const after = json<Detail>(res);
    expect(after.items.every((e) => e.responsible?.id === gridUserId && e.destination.name)).toBe(true);
    const bad = await community.post(`/api/evacuations/${evacuationId}/assign`, { entryIds: [d.items[0]!.id], responsibleId: '00000000-0000-4000-8000-000000000000' });
    expect(bad.statusCode).toBe(400);
    const mine = json<{ items: Entry[]; counts: Counts }>(await grid.get('/api/evacuation-entries/mine'));
    expect(mine.items.map((e) => e.id).sort()).toEqual(d.items.map((e) => e.id).sort());
    expect(mine.counts.pending).toBe(d.items.length);
  });

  it('marks arrival once (a resend with the same Idempotency-Key changes nothing), with who and when', async () => {
    const first = json<Detail>(await grid.get(`/api/evacuations/${evacuationId}`)).items[0]!;
    expect(first.allowedActions).toEqual(['start', 'arrive', 'refuse']);
    const started = await grid.post(`/api/evacuation-entries/${first.id}/actions/start`, {});
    expect(started.statusCode).toBe(200);
    expect(json<Entry>(started).state).toBe('moving');
    const key = `arrive-${uniq()}`;
    const a = await grid.request('POST', `/api/evacuation-entries/${first.id}/actions/arrive`, {}, { 'idempotency-key': key });
    const b = await grid.request('POST', `/api/evacuation-entries/${first.id}/actions/arrive`, {}, { 'idempotency-key': key });
    expect(a.statusCode).toBe(200);
    expect(b.statusCode).toBe(200);
    const arrived = json<Entry>(a);
    expect(arrived).toMatchObject({ state: 'arrived', arrivedByName: expect.any(String), arrivedAt: expect.stringMatching(/\+08:00$/) });
    const history = json<{ history: { action: string; toState: string | null; actorName: string }[] }>(await community.get(`/api/evacuation-entries/${first.id}`)).history;
    expect(history.filter((h) => h.action === 'arrive')).toHaveLength(1);
    expect(history.map((h) => h.action)).toEqual(['create', 'assign', 'start', 'arrive']);
    // Without the key, a second arrival is refused: the state no longer allows it.
    const again = await grid.post(`/api/evacuation-entries/${first.id}/actions/arrive`, {});
    expect(again.statusCode).toBe(409);
    expect(json<{ error: { code: string } }>(again).error.code).toBe('invalid_transition');
    const back = await grid.post(`/api/evacuation-entries/${first.id}/actions/return`, {});
    expect(json<Entry>(back).state).toBe('returned');
    const counts = json<Detail>(await community.get(`/api/evacuations/${evacuationId}`)).counts;
    expect(counts.returned).toBe(1);
  });

  it('wants a reason for a refusal', async () => {
    const d = json<Detail>(await grid.get(`/api/evacuations/${evacuationId}?state=pending`));
    if (d.items.length === 0) return;
    const e = d.items[0]!;
    const none = await grid.post(`/api/evacuation-entries/${e.id}/actions/refuse`, {});
    expect(none.statusCode).toBe(400);
    expect(json<{ error: { code: string } }>(none).error.code).toBe('reason_required');
    const ok = await grid.post(`/api/evacuation-entries/${e.id}/actions/refuse`, { reason: '房屋已加固，坚持留守' });
    expect(json<Entry>(ok)).toMatchObject({ state: 'refused', refusedReason: '房屋已加固，坚持留守' });
    expect((await resident.post(`/api/evacuation-entries/${e.id}/actions/arrive`, {})).statusCode).toBe(403);
  });

  it('exports the list to Excel', async () => {
    const res = await community.get(`/api/evacuations/${evacuationId}/export.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['content-type'])).toContain('spreadsheetml');
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('answers 404 to another community and keeps lists on the caller’s branch', async () => {
    const theirs = await town.post('/api/evacuations', { title: `邻社区转移${uniq()}`, areaCode: NEIGHBOUR, colours: ['red', 'orange', 'yellow', 'blue'], withNeedsHelp: false });
    expect(theirs.statusCode).toBe(201);
    const d = json<Detail>(theirs);
    expect(d.items.length).toBeGreaterThan(0);
    expect((await community.get(`/api/evacuations/${d.id}`)).statusCode).toBe(404);
    expect((await grid.get(`/api/evacuation-entries/${d.items[0]!.id}`)).statusCode).toBe(404);
    expect((await grid.post(`/api/evacuation-entries/${d.items[0]!.id}/actions/arrive`, {})).statusCode).toBe(404);
    expect((await community.post(`/api/evacuations/${d.id}/assign`, { entryIds: [d.items[0]!.id], destinationText: '越界' })).statusCode).toBe(404);
    expect((await community.post('/api/evacuations', { title: '越界名单', areaCode: NEIGHBOUR })).statusCode).toBe(404);
    const list = json<{ items: { id: string; areaCode: string }[] }>(await community.get('/api/evacuations'));
    expect(list.items.map((i) => i.id)).toContain(evacuationId);
    expect(list.items.map((i) => i.id)).not.toContain(d.id);
    // Someone of the other community cannot be added to this list.
    const neighbourPerson = json<{ items: { id: string }[] }>(await town.get(`/api/people?area=${NEIGHBOUR}&pageSize=1`)).items[0]!;
    expect((await community.post(`/api/evacuations/${evacuationId}/entries`, { personIds: [neighbourPerson.id] })).statusCode).toBe(404);
  });

  it('closes: marks are refused afterwards', async () => {
    const closed = await community.post(`/api/evacuations/${evacuationId}/close`);
    expect(json<Detail>(closed).state).toBe('closed');
    const d = json<Detail>(await grid.get(`/api/evacuations/${evacuationId}`));
    const open = d.items.find((e) => e.state === 'pending');
    expect(d.items.every((e) => e.allowedActions.length === 0)).toBe(true);
    if (open) expect((await grid.post(`/api/evacuation-entries/${open.id}/actions/arrive`, {})).statusCode).toBe(409);
    expect(json<{ items: Entry[] }>(await grid.get('/api/evacuation-entries/mine')).items.map((e) => e.id)).not.toContain(open?.id ?? 'none');
  });
});
