// Staffing the grids (一格多员): appointments from the registry give accounts with the post's role
// and scope; the roster feeds the cockpit's staffing figure; building and unit leaders record small
// matters handled on the spot (五级服务, `003`). Every write: right roles only, another area → 404,
// nothing changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { and, eq, like, sql } from 'drizzle-orm';
import { areas, auditLog, people, staffAppointments, users } from '../src/db/schema.ts';
import { Client, createTestApp, json, uniq, type TestApp } from './helpers.ts';

let t: TestApp;
let admin: Client;
let community: Client;
const COMMUNITY = '320614103001';
const GRID = '320614103001001';
const OTHER_COMMUNITY = '320614103002';
const PASSWORD = 'Staff@2026pass';
const NEW_PASSWORD = 'Mine@2026secret';

interface Entry {
  id: string;
  post: string;
  postLabel: string;
  area: { code: string; name: string };
  person: { id: string; name: string; phone: string | null };
  account: { id: string; username: string; active: boolean } | null;
  active: boolean;
  allowedActions: string[];
}
interface Roster {
  total: number;
  items: Entry[];
  summary: { post: string; count: number }[];
  appointablePosts: { post: string }[];
}

const err = (res: LightMyRequestResponse) => json<{ error: { code: string; message: string } }>(res).error;

let building = '';
let otherBuilding = '';
let unit = '';

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as('admin');
  community = await t.as('community');
  const first = async (prefix: string, level: string) =>
    (await t.ctx.db.select({ code: areas.code }).from(areas).where(and(eq(areas.level, level), like(areas.code, `${prefix}%`))).orderBy(areas.code).limit(1))[0]!.code;
  building = await first(GRID, 'building');
  otherBuilding = await first(OTHER_COMMUNITY, 'building');
  unit = await first(building, 'unit');
});
afterAll(async () => t?.close());

/** A fresh person of the registry living in `area`. */
async function person(area = building) {
  const [p] = await t.ctx.db
    .insert(people)
    .values({ areaCode: area, name: `任${uniq().slice(-4)}`, gender: 'female', birthDate: '1975-06-01' })
    .returning({ id: people.id });
  return p!.id;
}

const appointment = (over: Record<string, unknown>) => ({ post: 'building-leader', areaCode: building, username: `s${uniq()}`, password: PASSWORD, ...over });

async function counts() {
  const [a] = await t.ctx.db.select({ n: sql<number>`count(*)::int` }).from(staffAppointments);
  const [u] = await t.ctx.db.select({ n: sql<number>`count(*)::int` }).from(users);
  return { appointments: a!.n, users: u!.n };
}

/** Logs in with the first password and sets the holder's own, as the first login demands. */
async function firstLogin(username: string) {
  const c = await t.as(username, PASSWORD);
  const res = await c.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
  expect(res.statusCode).toBe(204);
  return t.as(username, NEW_PASSWORD);
}

async function staffing(area: string) {
  const res = await admin.get(`/api/cockpit/staffing?area=${area}`);
  expect(res.statusCode).toBe(200);
  return json<{ total: { staff: number } }>(res).total.staff;
}

describe('appointing from the registry', () => {
  it('the administrator appoints a grid worker: an account with the role and the grid as scope, on the roster and in the staffing figure', async () => {
    const before = await staffing(COMMUNITY);
    const personId = await person();
    const username = `wg${uniq()}`;
    const res = await admin.post('/api/staff', appointment({ personId, post: 'grid-worker', areaCode: GRID, username }));
    expect(res.statusCode).toBe(201);
    const e = json<Entry>(res);
    expect(e).toMatchObject({ post: 'grid-worker', postLabel: '专职网格员', area: { code: GRID }, account: { username, active: true }, active: true });
    expect(e.allowedActions).toEqual(['end']);
    const [u] = await t.ctx.db.select().from(users).where(eq(users.username, username));
    expect(u).toMatchObject({ roles: ['grid-worker'], scopeCode: GRID, personId, mustChangePassword: true });
    expect(await staffing(COMMUNITY)).toBe(before + 1);
    const roster = json<Roster>(await community.get(`/api/staff?area=${GRID}`));
    expect(roster.items.some((i) => i.id === e.id)).toBe(true);
    expect(roster.summary.find((s) => s.post === 'grid-worker')!.count).toBeGreaterThanOrEqual(1);
    const [row] = await t.ctx.db.select().from(auditLog).where(and(eq(auditLog.action, 'staff.appoint'), eq(auditLog.entityId, e.id)));
    expect(row).toBeTruthy();
    // The account works in its grid: it reads the registry of the grid.
    const holder = await firstLogin(username);
    expect((await holder.get(`/api/areas/${GRID}`)).statusCode).toBe(200);
    expect((await holder.get(`/api/areas/${COMMUNITY}`)).statusCode).toBe(404);
  });

  it('a part-time grid worker, a grid information worker and a sunk-down cadre are on the roster but not in the staffing figure', async () => {
    const before = await staffing(COMMUNITY);
    for (const [post, areaCode, role] of [
      ['grid-worker-part', GRID, 'grid-worker'],
      ['info-worker', GRID, 'info-worker'],
      ['sunk-cadre', COMMUNITY, 'cadre'],
    ] as const) {
      const res = await admin.post('/api/staff', appointment({ personId: await person(), post, areaCode, affiliation: post === 'info-worker' ? '顺丰速运常乐网点' : undefined }));
      expect(res.statusCode, res.body).toBe(201);
      const [u] = await t.ctx.db.select().from(users).where(eq(users.id, json<Entry>(res).account!.id));
      expect(u!.roles).toEqual([role]);
    }
    expect(await staffing(COMMUNITY)).toBe(before);
  });

  it('the community appoints a building leader and a unit leader of its own community', async () => {
    for (const [post, areaCode] of [
      ['building-leader', building],
      ['unit-leader', unit],
    ] as const) {
      const res = await community.post('/api/staff', appointment({ personId: await person(), post, areaCode }));
      expect(res.statusCode, res.body).toBe(201);
      const [u] = await t.ctx.db.select().from(users).where(eq(users.id, json<Entry>(res).account!.id));
      expect(u).toMatchObject({ roles: ['building-leader'], scopeCode: areaCode });
    }
  });

  it('is idempotent with an Idempotency-Key', async () => {
    const body = appointment({ personId: await person() });
    const key = { 'idempotency-key': `k-${uniq()}` };
    const a = await community.request('POST', '/api/staff', body, key);
    const b = await community.request('POST', '/api/staff', body, key);
    expect(a.statusCode).toBe(201);
    expect(json<Entry>(b).id).toBe(json<Entry>(a).id);
  });

  it('refuses the wrong role (403), another area (404) and bad input (400) — and changes nothing', async () => {
    const personId = await person();
    const grid = await t.as('grid');
    const cases: [Client, Record<string, unknown>, number, string?][] = [
      // The community may not give a grid worker's account: that is the administrator's.
      [community, appointment({ personId, post: 'grid-worker', areaCode: GRID }), 403, 'action_not_allowed'],
      [community, appointment({ personId, post: 'grid-leader', areaCode: GRID }), 403, 'action_not_allowed'],
      [grid, appointment({ personId }), 403],
      [await t.as('resident'), appointment({ personId }), 403],
      [await t.as('town'), appointment({ personId }), 403, 'action_not_allowed'],
      // Another community's building, a person outside the caller's registry.
      [community, appointment({ personId, areaCode: otherBuilding }), 404],
      [community, appointment({ personId: await person(`${OTHER_COMMUNITY}001`) }), 404],
      [community, appointment({ personId, areaCode: '320614103001999999' }), 404],
      // A building leader is appointed to a building, not a grid.
      [community, appointment({ personId, areaCode: GRID }), 400, 'invalid_area_level'],
      [community, appointment({ personId, post: 'chief' }), 400],
      [community, appointment({ personId, password: '123' }), 400, 'weak_password'],
      [community, appointment({ personId, username: 'Admin!' }), 400],
      [community, appointment({ personId, username: 'community' }), 409, 'username_taken'],
    ];
    const before = await counts();
    for (const [c, body, status, code] of cases) {
      const res = await c.post('/api/staff', body);
      expect(res.statusCode, `${JSON.stringify(body)} → ${res.body}`).toBe(status);
      if (code) expect(err(res).code).toBe(code);
      expect(err(res).message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(await counts()).toEqual(before);
    // The same post twice for one person.
    expect((await community.post('/api/staff', appointment({ personId }))).statusCode).toBe(201);
    const again = await community.post('/api/staff', appointment({ personId }));
    expect(again.statusCode).toBe(409);
    expect(err(again).code).toBe('already_appointed');
  });

  it('reads the roster in scope only', async () => {
    expect((await community.get(`/api/staff?area=${OTHER_COMMUNITY}`)).statusCode).toBe(404);
    const mine = json<Roster>(await community.get('/api/staff?state=all'));
    expect(mine.items.every((i) => i.area.code.startsWith(COMMUNITY))).toBe(true);
    expect(mine.appointablePosts.map((p) => p.post).sort()).toEqual(['building-leader', 'info-worker', 'unit-leader']);
    for (const who of ['grid', 'resident', 'party', 'dept-cg']) expect((await (await t.as(who)).get('/api/staff')).statusCode).toBe(403);
    expect((await t.anonymous().get('/api/staff')).statusCode).toBe(401);
    expect((await community.get('/api/staff?state=gone')).statusCode).toBe(400);
  });
});

describe('five-level routing inside a community (五级服务)', () => {
  it('a building leader records a small matter handled on the spot, and passes on what needs the grid worker', async () => {
    const username = `ld${uniq()}`;
    expect((await community.post('/api/staff', appointment({ personId: await person(), username }))).statusCode).toBe(201);
    const leader = await firstLogin(username);
    const base = { description: '楼道里堆放了纸箱和旧家具', categoryCode: '0102', channel: 'patrol', areaCode: building };
    const spot = await leader.post('/api/cases', { ...base, title: `楼道堆物 ${uniq()}`, onSpot: { note: '已劝导住户当场清理' } });
    expect(spot.statusCode, spot.body).toBe(201);
    expect(json<{ state: string }>(spot).state).toBe('closed');
    const passOn = await leader.post('/api/cases', { ...base, title: `楼顶渗水 ${uniq()}` });
    expect(passOn.statusCode).toBe(201);
    const c = json<{ id: string; state: string; allowedActions: string[] }>(passOn);
    expect(c.state).toBe('reported');
    // The grid worker of the grid sees it and may take it on the spot; the community owns it.
    const grid = await t.as('grid');
    const seen = json<{ allowedActions: string[] }>(await grid.get(`/api/cases/${c.id}`));
    expect(seen.allowedActions).toContain('handle');
    // Outside the building: refused.
    expect((await leader.post('/api/cases', { ...base, title: `x ${uniq()}`, areaCode: GRID })).statusCode).toBe(403);
    // A resident still may not settle a matter on the spot.
    const resident = await t.as('resident');
    const res = await resident.post('/api/cases', { ...base, channel: 'mobile', title: `y ${uniq()}`, onSpot: { note: '已处理' } });
    expect(res.statusCode).toBe(403);
  });
});

describe('ending an appointment', () => {
  it('deactivates the account; only the appointers of the area may, once', async () => {
    const username = `end${uniq()}`;
    const e = json<Entry>(await community.post('/api/staff', appointment({ personId: await person(), username })));
    const other = await t.as('community');
    await t.ctx.db.update(users).set({ scopeCode: OTHER_COMMUNITY }).where(eq(users.username, 'community'));
    // The same account moved to another community: it is no longer theirs (sessions keep the scope until re-login).
    const moved = await t.as('community');
    expect((await moved.post(`/api/staff/${e.id}/end`, {})).statusCode).toBe(404);
    await t.ctx.db.update(users).set({ scopeCode: COMMUNITY }).where(eq(users.username, 'community'));
    expect((await (await t.as('grid')).post(`/api/staff/${e.id}/end`, {})).statusCode).toBe(403);
    expect((await (await t.as('town')).post(`/api/staff/${e.id}/end`, {})).statusCode).toBe(403);
    const [still] = await t.ctx.db.select().from(staffAppointments).where(eq(staffAppointments.id, e.id));
    expect(still!.endedOn).toBeNull();
    const res = await other.post(`/api/staff/${e.id}/end`, { reason: '搬离本小区' });
    expect(res.statusCode, res.body).toBe(200);
    expect(json<Entry>(res)).toMatchObject({ active: false, account: { active: false }, allowedActions: [] });
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: PASSWORD } })).statusCode).toBe(401);
    expect((await other.post(`/api/staff/${e.id}/end`, {})).statusCode).toBe(409);
  });
});
