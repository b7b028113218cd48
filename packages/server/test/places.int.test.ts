// Places, organisations, the one person page and the registry's defaults (docs/REGISTRY.md).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { idCheckChar } from '@gongzhi/domain';
import { organisations, users } from '../src/db/schema.ts';
import { Client, createTestApp, json, type TestApp } from './helpers.ts';

const COMMUNITY = '320614103001';
const GRID = '320614103001001';
const NEIGHBOUR = '320614103002';
let t: TestApp;
let community: Client;
let grid: Client;
let district: Client;
let town: Client;
let leader: Client;
let resident: Client;

interface Place {
  id: string;
  kind: string;
  name: string;
  areaCode: string;
  lat: number;
  lng: number;
  propertyOrg: { id: string; name: string } | null;
  retiredAt: string | null;
  allowedActions: string[];
}
interface Org {
  id: string;
  kind: string;
  name: string;
  areaCode: string;
  phone: string | null;
  creditCode: string | null;
  whitelisted: boolean;
  compounds?: { id: string; name: string }[];
  allowedActions: string[];
}
type Page<T> = { total: number; items: T[] };

beforeAll(async () => {
  t = await createTestApp();
  community = await t.as('community');
  grid = await t.as('grid');
  district = await t.as('district');
  town = await t.as('town');
  leader = await t.as('leader');
  resident = await t.as('resident');
});
afterAll(async () => t?.close());

describe('places', () => {
  it('lists the demo places of the caller’s scope, filtered by kind and group', async () => {
    const all = json<Page<Place>>(await community.get(`/api/places?pageSize=500`));
    expect(all.total).toBeGreaterThan(5);
    expect(all.items.every((p) => p.areaCode.startsWith(COMMUNITY))).toBe(true);
    const compounds = json<Page<Place>>(await community.get(`/api/places?kind=compound&pageSize=500`));
    expect(compounds.items.length).toBeGreaterThan(0);
    expect(compounds.items.every((p) => p.kind === 'compound')).toBe(true);
    const venues = json<Page<Place>>(await grid.get(`/api/places?group=small-venue&pageSize=500`));
    expect(venues.items.every((p) => p.areaCode.startsWith(GRID))).toBe(true);
    // The district sees the neighbour community too; the grid worker does not.
    expect(json<Page<Place>>(await district.get(`/api/places?area=${NEIGHBOUR}`)).total).toBeGreaterThan(0);
    const outside = await grid.get(`/api/places?area=${NEIGHBOUR}`);
    if (outside.statusCode === 200) expect(json<Page<Place>>(outside).total).toBe(0);
    else expect([403, 404]).toContain(outside.statusCode);
  });

  it('creates a place in the grid of its point, edits and retires it; history stays', async () => {
    const sample = json<Page<Place>>(await grid.get(`/api/places?pageSize=1`)).items[0]!;
    const created = await grid.post('/api/places', { kind: 'restaurant', name: '测试面馆', lat: sample.lat, lng: sample.lng, address: '状元街 8 号' });
    expect(created.statusCode, created.body).toBe(201);
    const p = json<Place & { areaName: string }>(created);
    expect(p.areaCode).toBe(GRID);
    expect(p.areaName).toBeTruthy();
    expect(p.allowedActions).toEqual(['view', 'edit', 'retire']);
    const edited = await grid.patch(`/api/places/${p.id}`, { name: '测试面馆（改）', kind: 'small-shop' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(json<Place>(edited).name).toBe('测试面馆（改）');
    const retired = await grid.request('DELETE', `/api/places/${p.id}`);
    expect(retired.statusCode, retired.body).toBe(200);
    expect(json<Place>(retired).retiredAt).toBeTruthy();
    expect((await grid.request('DELETE', `/api/places/${p.id}`)).statusCode).toBe(409);
    const listed = json<Page<Place>>(await grid.get(`/api/places?q=${encodeURIComponent('测试面馆')}`));
    expect(listed.items.some((x) => x.id === p.id)).toBe(false);
    const withRetired = json<Page<Place>>(await grid.get(`/api/places?q=${encodeURIComponent('测试面馆')}&includeRetired=true`));
    expect(withRetired.items.some((x) => x.id === p.id)).toBe(true);
  });

  it('links a compound to a property company, or none (无物业小区)', async () => {
    const sample = json<Page<Place>>(await community.get(`/api/places?kind=compound&pageSize=1`)).items[0]!;
    const pc = json<Page<Org>>(await community.get(`/api/organisations?kind=property-company`)).items[0]!;
    const res = await community.post('/api/places', {
      kind: 'compound',
      name: '测试小区',
      areaCode: sample.areaCode,
      lat: sample.lat,
      lng: sample.lng,
      propertyOrgId: pc.id,
      outline: { type: 'Polygon', coordinates: [[[sample.lng - 0.001, sample.lat - 0.001], [sample.lng + 0.001, sample.lat - 0.001], [sample.lng + 0.001, sample.lat + 0.001], [sample.lng - 0.001, sample.lat - 0.001]]] },
    });
    expect(res.statusCode, res.body).toBe(201);
    const c = json<Place>(res);
    expect(c.propertyOrg?.id).toBe(pc.id);
    const org = json<Org>(await community.get(`/api/organisations/${pc.id}`));
    expect(org.compounds?.some((x) => x.id === c.id)).toBe(true);
    const none = await community.patch(`/api/places/${c.id}`, { propertyOrgId: null });
    expect(json<Place>(none).propertyOrg).toBeNull();
    // Only a property company manages a compound; only compounds have one.
    const social = json<Page<Org>>(await community.get(`/api/organisations?kind=social-org`)).items[0]!;
    expect((await community.patch(`/api/places/${c.id}`, { propertyOrgId: social.id })).statusCode).toBe(400);
  });

  it('refuses bad input with 400 and a Chinese message', async () => {
    for (const body of [
      { kind: 'casino', name: 'x', lat: 31.9, lng: 121.1 },
      { kind: 'hotel', name: '', lat: 31.9, lng: 121.1 },
      { kind: 'hotel', name: '远方旅馆', lat: 10, lng: 10 },
      { kind: 'hotel', name: '远方旅馆', lat: 'x', lng: 121.1 },
      { kind: 'hotel', name: '远方旅馆', lat: 31.9, lng: 121.1, areaCode: COMMUNITY },
      { kind: 'hotel', name: '远方旅馆', lat: 31.9, lng: 121.1, areaCode: GRID, outline: { type: 'Polygon', coordinates: [] } },
    ]) {
      const res = await community.post('/api/places', body);
      expect(res.statusCode, JSON.stringify(body) + res.body).toBe(400);
      expect(json<{ error: { code: string; message: string } }>(res).error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('lets only community and grid workers edit (403), within their scope (404)', async () => {
    const sample = json<Page<Place>>(await community.get(`/api/places?pageSize=1`)).items[0]!;
    for (const c of [town, leader, district]) {
      expect((await c.post('/api/places', { kind: 'hotel', name: '越权', lat: sample.lat, lng: sample.lng, areaCode: sample.areaCode })).statusCode).toBe(403);
      expect((await c.patch(`/api/places/${sample.id}`, { name: '越权' })).statusCode).toBe(403);
    }
    expect((await resident.get('/api/places')).statusCode).toBe(403);
    const foreign = json<Page<Place>>(await district.get(`/api/places?area=${NEIGHBOUR}&pageSize=1`)).items[0]!;
    expect((await community.get(`/api/places/${foreign.id}`)).statusCode).toBe(404);
    expect((await community.patch(`/api/places/${foreign.id}`, { name: '越界' })).statusCode).toBe(404);
    expect((await community.request('DELETE', `/api/places/${foreign.id}`)).statusCode).toBe(404);
    expect((await community.post('/api/places', { kind: 'hotel', name: '越界', lat: foreign.lat, lng: foreign.lng })).statusCode).toBe(404);
    expect((await community.post('/api/places', { kind: 'hotel', name: '越界', lat: foreign.lat, lng: foreign.lng, areaCode: foreign.areaCode })).statusCode).toBe(404);
  });
});

describe('organisations', () => {
  it('creates with an encrypted, masked phone and a checked credit code', async () => {
    const bad = await community.post('/api/organisations', { kind: 'enterprise', name: '坏码企业', areaCode: COMMUNITY, creditCode: '91350100M000100Y44' });
    expect(bad.statusCode).toBe(400);
    expect(json<{ error: { code: string; message: string } }>(bad).error).toMatchObject({ code: 'invalid_credit_code', message: '统一社会信用代码校验位不正确' });
    expect((await community.post('/api/organisations', { kind: 'enterprise', name: '坏电话', areaCode: COMMUNITY, phone: '12345' })).statusCode).toBe(400);
    const res = await community.post('/api/organisations', { kind: 'social-org', name: '测试志愿协会', areaCode: COMMUNITY, phone: '13912345678', creditCode: '91350100m000100y43', contactName: '王五' });
    expect(res.statusCode, res.body).toBe(201);
    const o = json<Org>(res);
    expect(o.phone).toBe('*******5678');
    expect(o.creditCode).toBe('91350100M000100Y43');
    expect(o.whitelisted).toBe(false);
    const row = await t.ctx.db.query.organisations.findFirst({ where: eq(organisations.id, o.id) });
    expect(row!.phoneCipher).not.toContain('13912345678');
    expect(res.body).not.toContain('13912345678');
    // The whitelist is the district's.
    expect((await community.request('PUT', `/api/organisations/${o.id}/whitelist`, { whitelisted: true })).statusCode).toBe(403);
    const wl = await district.request('PUT', `/api/organisations/${o.id}/whitelist`, { whitelisted: true });
    expect(wl.statusCode, wl.body).toBe(200);
    expect(json<Org>(wl).whitelisted).toBe(true);
    const pc = json<Page<Org>>(await district.get(`/api/organisations?kind=property-company&area=${COMMUNITY}`)).items[0]!;
    expect((await district.request('PUT', `/api/organisations/${pc.id}/whitelist`, { whitelisted: true })).statusCode).toBe(400);
    expect((await community.request('DELETE', `/api/organisations/${o.id}`)).statusCode).toBe(200);
  });

  it('keeps to the caller’s scope and role', async () => {
    const foreign = json<Page<Org>>(await district.get(`/api/organisations?area=${NEIGHBOUR}&pageSize=1`)).items[0]!;
    expect((await community.get(`/api/organisations/${foreign.id}`)).statusCode).toBe(404);
    expect((await community.patch(`/api/organisations/${foreign.id}`, { name: '越界' })).statusCode).toBe(404);
    expect((await community.post('/api/organisations', { kind: 'merchant', name: '越界', areaCode: NEIGHBOUR })).statusCode).toBe(404);
    expect((await town.post('/api/organisations', { kind: 'merchant', name: '越权', areaCode: COMMUNITY })).statusCode).toBe(403);
    expect((await resident.get('/api/organisations')).statusCode).toBe(403);
    const mine = json<Page<Org>>(await grid.get('/api/organisations?pageSize=500'));
    expect(mine.items.every((o) => o.areaCode.startsWith(GRID))).toBe(true);
  });
});

function freshId(): string {
  const first17 = `32068419${String(Math.floor(Math.random() * 90) + 10)}0101${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

describe('the person page and the registry’s defaults', () => {
  it('assembles a person with household, areas, party, points, cases and visits', async () => {
    const party = await t.ctx.db.query.users.findFirst({ where: eq(users.username, 'party') });
    const res = await grid.get(`/api/people/${party!.personId}/profile`);
    expect(res.statusCode, res.body).toBe(200);
    const page = json<{
      person: { id: string; name: string; phone: string | null };
      areas: { level: string; name: string }[];
      household: { id: string; members: unknown[]; history: unknown[] } | null;
      party: { orgName: string } | null;
      points: { scheme: string; balance: number }[];
      cases: { total: number; items: unknown[] };
      visits: unknown[];
      posts: unknown[];
    }>(res);
    expect(page.person.id).toBe(party!.personId);
    expect(page.areas.map((a) => a.level)).toContain('grid');
    expect(page.household?.members.length).toBeGreaterThan(0);
    expect(page.party?.orgName).toBeTruthy();
    expect(Array.isArray(page.points)).toBe(true);
    expect(page.cases.total).toBeGreaterThanOrEqual(0);
    expect(Array.isArray(page.visits)).toBe(true);
    expect(page.person.phone ?? '').toMatch(/^(\*+\d{4})?$/);
    // Scope and role.
    const foreign = json<Page<{ id: string }>>(await district.get(`/api/people?area=${NEIGHBOUR}&pageSize=1`)).items[0]!;
    expect((await grid.get(`/api/people/${foreign.id}/profile`)).statusCode).toBe(404);
    expect((await resident.get(`/api/people/${party!.personId}/profile`)).statusCode).toBe(403);
  });

  it('leaves moved-out and dead people out of lists and counts unless asked for', async () => {
    const unit = '32061410300100100101';
    const h = json<{ id: string }>(await community.post('/api/households', { areaCode: unit, doorplate: `9${Date.now() % 1000}室` }));
    const made = await community.post('/api/people', { areaCode: unit, householdId: h.id, name: '迁出测试', gender: 'male', birthDate: '1980-01-01', idNumber: freshId() });
    expect(made.statusCode, made.body).toBe(201);
    const id = json<{ id: string }>(made).id;
    const before = json<Page<unknown>>(await community.get(`/api/people?area=${unit}`)).total;
    const areaBefore = json<{ counts?: { people: number } }>(await community.get(`/api/areas/${unit}`));
    expect((await community.post(`/api/households/${h.id}/events`, { kind: 'move-out', personId: id, date: '2026-01-05' })).statusCode).toBe(201);
    const after = json<Page<{ id: string }>>(await community.get(`/api/people?area=${unit}`));
    expect(after.total).toBe(before - 1);
    expect(after.items.some((p) => p.id === id)).toBe(false);
    const all = json<Page<{ id: string; status: string }>>(await community.get(`/api/people?area=${unit}&status=all&pageSize=200`));
    expect(all.items.find((p) => p.id === id)?.status).toBe('moved-out');
    const moved = json<Page<{ id: string }>>(await community.get(`/api/people?area=${unit}&status=moved-out&pageSize=200`));
    expect(moved.items.some((p) => p.id === id)).toBe(true);
    const areaAfter = json<{ counts?: { people: number } }>(await community.get(`/api/areas/${unit}`));
    if (areaBefore.counts) expect(areaAfter.counts!.people).toBe(areaBefore.counts.people - 1);
    // The page stays reachable and says so.
    expect(json<{ person: { status: string } }>(await community.get(`/api/people/${id}/profile`)).person.status).toBe('moved-out');
  });
});
