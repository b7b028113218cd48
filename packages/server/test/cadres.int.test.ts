// Service points and the 15-minute circle, the talent registry and sunk-down cadres (docs/SERVICE-POINTS.md).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { chinaDate, maskPhone } from '@gongzhi/domain';
import { cadreCheckins, people, pointsAwards, talents, users } from '../src/db/schema.ts';
import { Client, createTestApp, json, type TestApp } from './helpers.ts';

const COMMUNITY = '320614103001';
const NEIGHBOUR = '320614103002';
let t: TestApp;
let community: Client;
let secretary: Client;
let town: Client;
let resident: Client;
let cadre: Client;

interface Point {
  id: string;
  areaCode: string;
  name: string;
  kind: string;
  lat: number;
  lng: number;
  walkMinutes?: number;
  metres?: number;
  allowedActions: string[];
}
interface Page<T> {
  total: number;
  items: T[];
}
interface Talent {
  id: string;
  name: string;
  phone: string | null;
  listed: boolean;
  allowedActions: string[];
}
interface Task {
  id: string;
  state: string;
  allowedActions: string[];
  points?: number;
}

beforeAll(async () => {
  t = await createTestApp();
  community = await t.as('community');
  secretary = await t.as('secretary');
  town = await t.as('town');
  resident = await t.as('resident');
  cadre = await t.as('cadre');
}, 180_000);
afterAll(async () => t?.close());

describe('service points', () => {
  it('are kept by the community on its area, refused to residents and other communities', async () => {
    const list = json<Page<Point>>(await community.get(`/api/service-points?area=${COMMUNITY}&pageSize=200`));
    expect(list.total).toBeGreaterThan(3);
    expect(list.items.every((p) => p.areaCode.startsWith(COMMUNITY))).toBe(true);
    expect(list.items.some((p) => p.kind === 'service-centre')).toBe(true);
    const centre = list.items.find((p) => p.kind === 'service-centre')!;

    const created = await community.post('/api/service-points', { areaCode: COMMUNITY, kind: 'grid-station', name: '状元街第九网格驿站', lat: centre.lat + 0.001, lng: centre.lng, hours: '周一至周五 9:00-17:00', services: ['饮水休息'] });
    expect(created.statusCode).toBe(201);
    const id = json<Point>(created).id;
    expect(json<Point>(created).allowedActions).toContain('edit');
    expect((await community.patch(`/api/service-points/${id}`, { hours: '每天 8:00-20:00' })).statusCode).toBe(200);

    // Bad input names the field.
    const bad = await community.post('/api/service-points', { areaCode: COMMUNITY, kind: 'grid-station', name: '无坐标' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('lat');
    const badKind = await community.post('/api/service-points', { areaCode: COMMUNITY, kind: 'castle', name: 'x', lat: 31.9, lng: 121.2 });
    expect(badKind.statusCode).toBe(400);

    // A resident may not list or keep points; another community's point is not found.
    expect((await resident.get(`/api/service-points?area=${COMMUNITY}`)).statusCode).toBe(403);
    expect((await resident.post('/api/service-points', { areaCode: COMMUNITY, kind: 'grid-station', name: '居民自建', lat: 31.9, lng: 121.2 })).statusCode).toBe(403);
    const theirs = json<Page<Point>>(await town.get(`/api/service-points?area=${NEIGHBOUR}&pageSize=1`)).items[0]!;
    expect((await community.get(`/api/service-points/${theirs.id}`)).statusCode).toBe(404);
    expect((await community.patch(`/api/service-points/${theirs.id}`, { name: '越界' })).statusCode).toBe(404);
    expect((await community.post('/api/service-points', { areaCode: NEIGHBOUR, kind: 'grid-station', name: '越界', lat: 31.9, lng: 121.2 })).statusCode).toBe(404);
    // Retired points leave the list.
    expect((await community.patch(`/api/service-points/${id}`, { retired: true })).statusCode).toBe(200);
    expect((await community.patch(`/api/service-points/${id}`, { name: '再改' })).statusCode).toBe(409);
  });

  it('shows a resident what lies within 15 minutes’ walk of home, nearest first', async () => {
    const res = await resident.get('/api/service-points/nearby');
    expect(res.statusCode).toBe(200);
    const near = json<{ home: { lat: number; lng: number }; source: string; method: { minutes: number; note: string }; items: Point[] }>(res);
    expect(near.home).not.toBeNull();
    expect(near.method.minutes).toBe(15);
    expect(near.method.note).toContain('直线距离');
    expect(near.items.length).toBeGreaterThan(0);
    expect(near.items.every((p) => p.walkMinutes! <= 15)).toBe(true);
    const metres = near.items.map((p) => p.metres!);
    expect([...metres].sort((a, b) => a - b)).toEqual(metres);

    // A chosen area, and the phone's own location.
    const chosen = json<{ source: string; items: Point[] }>(await resident.get(`/api/service-points/nearby?area=${NEIGHBOUR}`));
    expect(chosen.source).toBe('area');
    const first = near.items[0]!;
    const here = json<{ source: string; items: Point[] }>(await resident.get(`/api/service-points/nearby?lat=${first.lat}&lng=${first.lng}`));
    expect(here.source).toBe('location');
    expect(here.items[0]!.id).toBe(first.id);
    expect(here.items[0]!.walkMinutes).toBe(0);
    // Far from everything: nothing within the circle.
    expect(json<{ items: Point[] }>(await resident.get('/api/service-points/nearby?lat=30&lng=120')).items).toEqual([]);
    expect((await resident.get('/api/service-points/nearby?lat=100&lng=120')).statusCode).toBe(400);
    expect((await resident.get('/api/service-points/nearby?area=999999999999')).statusCode).toBe(404);

    // Once the resident's building is placed on the territory map, home is the building, not the grid's middle.
    const [person] = await t.ctx.db.select({ areaCode: people.areaCode }).from(users).innerJoin(people, eq(people.id, users.personId)).where(eq(users.username, 'resident'));
    const building = person!.areaCode.slice(0, 18);
    const before = json<{ homeAt: string }>(await resident.get('/api/service-points/nearby'));
    expect(before.homeAt).toBe('grid');
    const point = { lat: near.home.lat + 0.001, lng: near.home.lng + 0.001 };
    const admin = await t.as('admin');
    expect((await admin.patch(`/api/areas/${building}`, { geometry: { type: 'Point', coordinates: [point.lng, point.lat] } })).statusCode).toBe(200);
    const placed = json<{ homeAt: string; home: { lat: number; lng: number } }>(await resident.get('/api/service-points/nearby'));
    expect(placed.homeAt).toBe('building');
    expect(placed.home.lat).toBeCloseTo(point.lat, 6);
    expect(placed.home.lng).toBeCloseTo(point.lng, 6);
  });
});

describe('talent registry (名录库)', () => {
  it('lists nobody to others without consent, honours withdrawal, keeps the phone encrypted and masked', async () => {
    const created = await community.post('/api/talents', { areaCode: COMMUNITY, name: '钱卫国', category: 'entrepreneur', roles: ['development'], workplace: '海门卫国纺织', phone: '13912345678', consent: false });
    expect(created.statusCode).toBe(201);
    const tal = json<Talent>(created);
    expect(tal.phone).toBe(maskPhone('5678'));
    expect(tal.phone).not.toContain('1391');
    expect(tal.listed).toBe(false);
    const [row] = await t.ctx.db.select().from(talents).where(eq(talents.id, tal.id));
    expect(row!.phoneCipher).not.toContain('13912345678');

    const townSees = async () => json<Page<Talent>>(await town.get(`/api/talents?area=${COMMUNITY}&pageSize=200`)).items.some((x) => x.id === tal.id);
    const keeperSees = async () => json<Page<Talent>>(await community.get(`/api/talents?area=${COMMUNITY}&pageSize=200`)).items.some((x) => x.id === tal.id);
    expect(await keeperSees()).toBe(true);
    expect(await townSees()).toBe(false);

    const given = await community.request('PUT', `/api/talents/${tal.id}/consent`, { given: true, note: '本人签署入库意愿书' });
    expect(given.statusCode).toBe(200);
    expect(json<Talent>(given).listed).toBe(true);
    expect(await townSees()).toBe(true);
    const withdrawn = await secretary.request('PUT', `/api/talents/${tal.id}/consent`, { given: false });
    expect(json<Talent>(withdrawn).listed).toBe(false);
    expect(await townSees()).toBe(false);

    const reveal = await community.post(`/api/talents/${tal.id}/reveal`, {});
    expect(json<{ value: string }>(reveal).value).toBe('13912345678');
    expect((await town.post(`/api/talents/${tal.id}/reveal`, {})).statusCode).toBe(404);

    expect((await resident.get(`/api/talents?area=${COMMUNITY}`)).statusCode).toBe(403);
    expect((await town.post('/api/talents', { areaCode: COMMUNITY, name: '镇里登记', category: 'other', consent: true })).statusCode).toBe(403);
    expect((await community.post('/api/talents', { areaCode: COMMUNITY, name: '无同意', category: 'other' })).statusCode).toBe(400);
    const theirs = json<Page<Talent>>(await town.get(`/api/talents?area=${NEIGHBOUR}&pageSize=1`)).items[0]!;
    expect((await community.request('PUT', `/api/talents/${theirs.id}/consent`, { given: false })).statusCode).toBe(404);
  });
});

describe('sunk-down cadres', () => {
  it('check in once a day and earn the check-in points exactly once', async () => {
    const me = json<{ cadre: { areaCode: string; unitName: string }; checkedInToday: boolean }>(await cadre.get('/api/cadres/me'));
    expect(me.cadre.areaCode).toBe(COMMUNITY);
    expect(me.cadre.unitName).toBe('区城市管理局');
    expect(me.checkedInToday).toBe(false);

    const first = await cadre.post('/api/cadres/me/checkins', { lat: 31.93, lng: 121.17 });
    expect(first.statusCode).toBe(201);
    const c1 = json<{ id: string; counted: boolean; points: number }>(first);
    expect(c1).toMatchObject({ counted: true, points: 2 });
    const again = await cadre.post('/api/cadres/me/checkins', {});
    expect(again.statusCode).toBe(200);
    expect(json<{ counted: boolean; id: string }>(again)).toMatchObject({ counted: false, id: c1.id });
    const rows = await t.ctx.db.select().from(cadreCheckins).where(and(eq(cadreCheckins.id, c1.id)));
    expect(rows[0]).toMatchObject({ day: chinaDate(new Date()), lat: 31.93 });
    const awards = await t.ctx.db.select().from(pointsAwards).where(and(eq(pointsAwards.refType, 'cadre_checkin'), eq(pointsAwards.refId, c1.id)));
    expect(awards).toHaveLength(1);
    expect(awards[0]!.state).toBe('approved');

    expect((await resident.post('/api/cadres/me/checkins', {})).statusCode).toBe(403);
    expect((await resident.get('/api/cadres/me')).statusCode).toBe(403);
    expect((await cadre.post('/api/cadres/me/checkins', { lat: 200 })).statusCode).toBe(400);
  });

  it('take tasks from their community and earn the task points once', async () => {
    const cadres = json<{ items: { id: string; name: string; areaCode: string; kind: string }[] }>(await secretary.get(`/api/cadres?area=${COMMUNITY}`)).items;
    const mine = cadres.find((c) => c.name === '周建军')!;
    expect(cadres.some((c) => c.kind === 'first-secretary')).toBe(true);
    const assigned = await secretary.post('/api/cadre-tasks', { cadreId: mine.id, title: '协助核查独居老人安全隐患', dueOn: '2026-12-31' });
    expect(assigned.statusCode).toBe(201);
    const task = json<Task>(assigned);

    // Only the assignee completes it (another cadre does not even see it); the points are posted once.
    const other = await t.as('cadre-sf');
    expect((await other.post(`/api/cadre-tasks/${task.id}/complete`, { note: '代为完成' })).statusCode).toBe(404);
    // The secretary sees it but is not the assignee.
    expect((await secretary.post(`/api/cadre-tasks/${task.id}/complete`, { note: '代为完成' })).statusCode).toBe(403);
    expect((await cadre.post(`/api/cadre-tasks/${task.id}/complete`, {})).statusCode).toBe(400);
    const photo = await cadre.uploadPhoto();
    const done = await cadre.post(`/api/cadre-tasks/${task.id}/complete`, { note: '已逐户核查，消除隐患 2 处', photoFileId: photo });
    expect(done.statusCode).toBe(200);
    expect(json<Task>(done)).toMatchObject({ state: 'done', points: 5 });
    expect((await cadre.post(`/api/cadre-tasks/${task.id}/complete`, { note: '再次完成' })).statusCode).toBe(409);
    const awards = await t.ctx.db.select().from(pointsAwards).where(and(eq(pointsAwards.refType, 'cadre_task'), eq(pointsAwards.refId, task.id)));
    expect(awards).toHaveLength(1);

    const myTasks = json<Page<Task>>(await cadre.get('/api/cadre-tasks'));
    expect(myTasks.items.some((x) => x.id === task.id && x.state === 'done')).toBe(true);

    // Another community's cadre cannot be given tasks here; a resident sees no tasks.
    const neighbourCadres = json<{ items: { id: string }[] }>(await town.get(`/api/cadres?area=${NEIGHBOUR}`)).items;
    expect(neighbourCadres.length).toBeGreaterThan(0);
    expect((await secretary.post('/api/cadre-tasks', { cadreId: neighbourCadres[0]!.id, title: '越界交办' })).statusCode).toBe(404);
    expect((await secretary.request('PATCH', `/api/cadres/${neighbourCadres[0]!.id}`, { kind: 'first-secretary' })).statusCode).toBe(404);
    expect((await resident.get('/api/cadre-tasks')).statusCode).toBe(403);
    expect((await resident.post('/api/cadre-tasks', { cadreId: mine.id, title: '居民交办' })).statusCode).toBe(403);
    const theirTask = json<Page<Task>>(await town.get(`/api/cadre-tasks?area=${NEIGHBOUR}&state=open`)).items[0]!;
    expect((await cadre.post(`/api/cadre-tasks/${theirTask.id}/complete`, { note: '越界' })).statusCode).toBe(404);
    expect((await secretary.post(`/api/cadre-tasks/${theirTask.id}/cancel`, { reason: '越界' })).statusCode).toBe(404);
  });

  it('gives the town who came how often, per cadre and per sending unit (40 % of the unit’s score)', async () => {
    const month = chinaDate(new Date()).slice(0, 7);
    const res = await town.get(`/api/cadres/attendance?month=${month}`);
    expect(res.statusCode).toBe(200);
    const a = json<{ weight: number; cadres: { name: string; days: number; areaCode: string }[]; units: { unitName: string; days: number; cadres: number; expectedDays: number; attendanceRate: number; weightedScore: number }[] }>(res);
    expect(a.weight).toBe(0.4);
    expect(a.cadres.find((c) => c.name === '周建军')!.days).toBeGreaterThanOrEqual(1);
    const cg = a.units.find((u) => u.unitName === '区城市管理局')!;
    expect(cg.cadres).toBe(1);
    expect(cg.expectedDays).toBe(4);
    expect(cg.weightedScore).toBeCloseTo((Math.min(cg.days, 4) / 4) * 40, 1);
    expect(a.cadres.some((c) => c.areaCode.startsWith(NEIGHBOUR))).toBe(true);

    // The community sees its own; a neighbour's attendance is not its business; residents see none.
    const own = json<{ cadres: { areaCode: string }[] }>(await community.get(`/api/cadres/attendance?month=${month}`));
    expect(own.cadres.every((c) => c.areaCode.startsWith(COMMUNITY))).toBe(true);
    expect((await community.get(`/api/cadres/attendance?area=${NEIGHBOUR}`)).statusCode).toBe(404);
    expect((await resident.get('/api/cadres/attendance')).statusCode).toBe(403);
    expect((await town.get('/api/cadres/attendance?month=2026-13')).statusCode).toBe(400);
  });
});
