import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { idCheckChar } from '@gongzhi/domain';
import { householdEvents, people, users } from '../src/db/schema.ts';
import { Client, createTestApp, json, uniq, type TestApp } from './helpers.ts';

const UNIT = '32061410300100100101';
let t: TestApp;
let community: Client;
let otherWorker: Client;
const run = uniq();

function freshId(): string {
  const first17 = `13${String(Math.floor(Math.random() * 9000) + 1000)}19500101${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

beforeAll(async () => {
  t = await createTestApp();
  community = await t.as('community');
  const template = await t.ctx.db.query.users.findFirst({ where: (u, { eq: e }) => e(u.username, 'community') });
  const username = `hw${run}`;
  await t.ctx.db.insert(users).values({ username, displayName: '邻社区社工', passwordHash: template!.passwordHash, roles: ['community-worker'], scopeCode: '320614103002' });
  otherWorker = await t.as(username);
});
afterAll(async () => t?.close());

interface Household {
  id: string;
  address: string;
  doorplate: string;
  members: { id: string; name: string }[];
  history: { kind: string; date: string; personName: string }[];
  allowedActions: string[];
}

async function newPerson(name: string) {
  const res = await community.post('/api/people', { areaCode: UNIT, name, gender: 'male', birthDate: '1950-01-01', idNumber: freshId() });
  expect(res.statusCode, res.body).toBe(201);
  return json<{ id: string }>(res).id;
}

describe('households: create, edit, move-in, move-out, death', () => {
  it('creates a household, moves people in and out, records a death; the history stays', async () => {
    const res = await community.post('/api/households', { areaCode: UNIT, doorplate: `H${run}` });
    expect(res.statusCode, res.body).toBe(201);
    const h = json<Household>(res);
    expect(h.address).toContain(`H${run}`);
    expect((await community.post('/api/households', { areaCode: UNIT, doorplate: `H${run}` })).statusCode).toBe(409);

    const a = await newPerson(`甲${run}`);
    const b = await newPerson(`乙${run}`);
    for (const personId of [a, b]) expect((await community.post(`/api/households/${h.id}/events`, { kind: 'move-in', personId, date: '2020-05-01' })).statusCode).toBe(201);
    const twice = await community.post(`/api/households/${h.id}/events`, { kind: 'move-in', personId: a, date: '2020-05-02' });
    expect(twice.statusCode).toBe(400);
    expect(json<{ error: { message: string } }>(twice).error.message).toContain('已是本户成员');
    const future = await community.post(`/api/households/${h.id}/events`, { kind: 'move-out', personId: a, date: '2999-01-01' });
    expect(future.statusCode).toBe(400);

    expect((await community.post(`/api/households/${h.id}/events`, { kind: 'move-out', personId: a, date: '2024-03-01', note: '迁往外地' })).statusCode).toBe(201);
    expect((await community.post(`/api/households/${h.id}/events`, { kind: 'death', personId: b, date: '2025-01-09' })).statusCode).toBe(201);
    const after = json<Household>(await community.get(`/api/households/${h.id}`));
    expect(after.members).toEqual([]);
    expect(after.history.map((e) => [e.kind, e.date, e.personName])).toEqual([
      ['move-in', '2020-05-01', `甲${run}`],
      ['move-in', '2020-05-01', `乙${run}`],
      ['move-out', '2024-03-01', `甲${run}`],
      ['death', '2025-01-09', `乙${run}`],
    ]);
    expect(after.allowedActions).toEqual(['edit']);
    const [pa] = await t.ctx.db.select().from(people).where(eq(people.id, a));
    expect(pa).toMatchObject({ status: 'moved-out', householdId: null });
    const [pb] = await t.ctx.db.select().from(people).where(eq(people.id, b));
    expect(pb).toMatchObject({ status: 'deceased', householdId: h.id });
    // The dead do not move again.
    expect((await community.post(`/api/households/${h.id}/events`, { kind: 'move-in', personId: b, date: '2025-02-01' })).statusCode).toBe(400);

    const renamed = await community.patch(`/api/households/${h.id}`, { doorplate: `R${run}` });
    expect(renamed.statusCode).toBe(200);
    expect(json<Household>(renamed).address).toContain(`R${run}`);
  });

  it('moving into another household leaves the first one the same day', async () => {
    const h1 = json<Household>(await community.post('/api/households', { areaCode: UNIT, doorplate: `X${run}` }));
    const h2 = json<Household>(await community.post('/api/households', { areaCode: UNIT, doorplate: `Y${run}` }));
    const p = await newPerson(`丙${run}`);
    await community.post(`/api/households/${h1.id}/events`, { kind: 'move-in', personId: p, date: '2021-01-01' });
    expect((await community.post(`/api/households/${h2.id}/events`, { kind: 'move-in', personId: p, date: '2022-06-30' })).statusCode).toBe(201);
    const first = json<Household>(await community.get(`/api/households/${h1.id}`));
    expect(first.history.map((e) => e.kind)).toEqual(['move-in', 'move-out']);
    expect(first.members).toEqual([]);
    expect(json<Household>(await community.get(`/api/households/${h2.id}`)).members.map((m) => m.id)).toEqual([p]);
  });

  it("another community's worker gets 404, a resident 403, the secretary (read-only) 403; nothing changes", async () => {
    const h = json<Household>(await community.post('/api/households', { areaCode: UNIT, doorplate: `Z${run}` }));
    const p = await newPerson(`丁${run}`);
    const count = async () => (await t.ctx.db.select({ n: sql<number>`count(*)::int` }).from(householdEvents).where(eq(householdEvents.householdId, h.id)))[0]!.n;
    expect((await otherWorker.post('/api/households', { areaCode: UNIT, doorplate: `W${run}` })).statusCode).toBe(404);
    expect((await otherWorker.patch(`/api/households/${h.id}`, { doorplate: 'x' })).statusCode).toBe(404);
    expect((await otherWorker.post(`/api/households/${h.id}/events`, { kind: 'move-in', personId: p, date: '2022-01-01' })).statusCode).toBe(404);
    const resident = await t.as('resident');
    expect((await resident.post('/api/households', { areaCode: UNIT, doorplate: `W${run}` })).statusCode).toBe(403);
    expect((await resident.patch(`/api/households/${h.id}`, { doorplate: 'x' })).statusCode).toBe(403);
    expect((await resident.post(`/api/households/${h.id}/events`, { kind: 'move-in', personId: p, date: '2022-01-01' })).statusCode).toBe(403);
    const secretary = await t.as('secretary');
    expect((await secretary.post('/api/households', { areaCode: UNIT, doorplate: `W${run}` })).statusCode).toBe(403);
    expect((await secretary.patch(`/api/households/${h.id}`, { doorplate: 'x' })).statusCode).toBe(403);
    expect((await secretary.post(`/api/households/${h.id}/events`, { kind: 'move-in', personId: p, date: '2022-01-01' })).statusCode).toBe(403);
    expect(await count()).toBe(0);
    expect(json<Household>(await community.get(`/api/households/${h.id}`)).doorplate).toBe(`Z${run}`);
  });
});
