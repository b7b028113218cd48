import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { eq } from 'drizzle-orm';
import { villageKindOf } from '@gongzhi/domain';
import { users } from '../src/db/schema.ts';
import { Client, createTestApp, json, uniq, type TestApp } from './helpers.ts';

let t: TestApp;
let town: Client;
let community: Client;
let VILLAGE: string; // a 村 of 常乐镇 (village segment 200–399)
let FAR_VILLAGE: string; // a 村 of another town
const COMMUNITY = '320614103001'; // 状元街社区
const OTHER_COMMUNITY = '320614103002';

const err = (res: LightMyRequestResponse) => json<{ error: { code: string; message: string } }>(res).error;

interface Created {
  id: string;
  state: string;
  roll: { id: string; name: string; area?: number }[];
}
interface Closed {
  id: string;
  state: string;
  result: Record<string, number | boolean>;
}

const names = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `村民${i + 1}` }));

async function convene(c: Client, over: Record<string, unknown>): Promise<Created> {
  const res = await c.post('/api/deliberations', { title: `议题 ${uniq()}`, description: '是否同意修建村口道路', ...over });
  if (res.statusCode !== 201) throw new Error(`create: ${res.statusCode} ${res.body}`);
  return json<Created>(res);
}

async function vote(c: Client, id: string, rollId: string, choice: string) {
  const res = await c.post(`/api/deliberations/${id}/ballots`, { rollId, choice });
  if (res.statusCode !== 201) throw new Error(`ballot: ${res.statusCode} ${res.body}`);
}

async function close(c: Client, id: string): Promise<Closed> {
  const res = await c.post(`/api/deliberations/${id}/actions/close`);
  if (res.statusCode !== 200) throw new Error(`close: ${res.statusCode} ${res.body}`);
  return json<Closed>(res);
}

beforeAll(async () => {
  t = await createTestApp();
  town = await t.as('town');
  community = await t.as('community');
  const admin = await t.as('admin');
  const kids = json<{ items?: { code: string }[] } | { code: string }[]>(await town.get('/api/areas/320614103/children'));
  const list = Array.isArray(kids) ? kids : (kids.items ?? []);
  VILLAGE = list.map((a) => a.code).find((c) => villageKindOf(c) === 'village')!;
  const towns = json<{ items?: { code: string }[] } | { code: string }[]>(await admin.get('/api/areas/320614/children'));
  const townList = (Array.isArray(towns) ? towns : (towns.items ?? [])).map((a) => a.code).filter((c) => c !== '320614103');
  for (const tc of townList) {
    const vs = json<{ items?: { code: string }[] } | { code: string }[]>(await admin.get(`/api/areas/${tc}/children`));
    FAR_VILLAGE = (Array.isArray(vs) ? vs : (vs.items ?? [])).map((a) => a.code).find((c) => villageKindOf(c) === 'village') ?? '';
    if (FAR_VILLAGE) break;
  }
  expect(VILLAGE).toBeTruthy();
  expect(FAR_VILLAGE).toBeTruthy();
});
afterAll(async () => t?.close());

describe('the contract, body by body', () => {
  it('villagers-assembly (persons): more than half attend, more than half of those present say yes', async () => {
    const d = await convene(town, { areaCode: VILLAGE, body: 'villagers-assembly', roll: names(6) });
    expect(d.state).toBe('open');
    expect(d.roll).toHaveLength(6);
    expect(Object.keys(d).sort()).toEqual(['id', 'roll', 'state']);
    expect(Object.keys(d.roll[0]!).sort()).toEqual(['id', 'name']);
    // 4 of 6 attend (more than half); 3 yes of 4.
    for (const [i, c] of ['yes', 'yes', 'yes', 'no'].entries()) await vote(town, d.id, d.roll[i]!.id, c);
    const r = await close(town, d.id);
    expect(r).toEqual({ id: d.id, state: 'decided', result: { held: true, passed: true, eligible: 6, present: 4, yes: 3, no: 1, abstain: 0 } });
  });

  it('villagers-assembly (households): exactly half the households → not held', async () => {
    const d = await convene(town, { areaCode: VILLAGE, body: 'villagers-assembly', form: 'households', roll: names(6) });
    for (const i of [0, 1, 2]) await vote(town, d.id, d.roll[i]!.id, 'yes');
    const r = await close(town, d.id);
    expect(r.result).toMatchObject({ held: false, passed: false, eligible: 6, present: 3 });
  });

  it('villager-representatives: two thirds exactly is held; a tie does not pass', async () => {
    const d = await convene(town, { areaCode: VILLAGE, body: 'villager-representatives', roll: names(6) });
    for (const [i, c] of ['yes', 'yes', 'no', 'no'].entries()) await vote(town, d.id, d.roll[i]!.id, c);
    const r = await close(town, d.id);
    expect(r.result).toMatchObject({ held: true, passed: false, present: 4, yes: 2, no: 2 });
  });

  it('villager-group: below two thirds is not held', async () => {
    const d = await convene(town, { areaCode: VILLAGE, body: 'villager-group', roll: names(3) });
    await vote(town, d.id, d.roll[0]!.id, 'yes');
    expect((await close(town, d.id)).result).toMatchObject({ held: false, passed: false, present: 1 });
  });

  it('residents-assembly in 状元街, with abstentions counted as present', async () => {
    const d = await convene(community, { areaCode: COMMUNITY, body: 'residents-assembly', roll: names(5) });
    for (const [i, c] of ['yes', 'yes', 'abstain'].entries()) await vote(community, d.id, d.roll[i]!.id, c);
    expect((await close(community, d.id)).result).toEqual({ held: true, passed: true, eligible: 5, present: 3, yes: 2, no: 0, abstain: 1 });
  });

  it('owners-assembly: matter 7 needs three quarters of the voting area and owners; the area figures are returned', async () => {
    const roll = [
      { name: '1-101 王', area: 100 },
      { name: '1-102 李', area: 100.5 },
      { name: '1-201 张', area: 99.5 },
      { name: '1-202 赵', area: 100 },
    ];
    const d = await convene(community, { areaCode: COMMUNITY, body: 'owners-assembly', matter: 7, roll });
    expect(d.roll.map((e) => e.area)).toEqual([100, 100.5, 99.5, 100]);
    for (const [i, c] of ['yes', 'yes', 'yes', 'no'].entries()) await vote(community, d.id, d.roll[i]!.id, c);
    const r = await close(community, d.id);
    expect(r.result).toEqual({ held: true, passed: true, eligible: 4, present: 4, yes: 3, no: 1, abstain: 0, eligibleArea: 400, presentArea: 400, yesArea: 300 });
    const detail = json<{ reason: { zh: string }; checks: unknown[] }>(await community.get(`/api/deliberations/${d.id}`));
    expect(detail.reason.zh).toContain('达到四分之三');
  });

  it('owners-assembly: too little floor area takes part → not held, and the reason says so', async () => {
    const roll = [
      { name: 'A', area: 66.4 },
      { name: 'B', area: 0.2 },
      { name: 'C', area: 33.4 },
    ];
    const d = await convene(community, { areaCode: COMMUNITY, body: 'owners-assembly', matter: 1, roll });
    await vote(community, d.id, d.roll[0]!.id, 'yes');
    await vote(community, d.id, d.roll[1]!.id, 'yes');
    const r = await close(community, d.id);
    expect(r.result).toMatchObject({ held: false, passed: false, eligibleArea: 100, presentArea: 66.6 });
    const detail = json<{ state: string; reason: { zh: string } }>(await community.get(`/api/deliberations/${d.id}`));
    expect(detail.state).toBe('decided');
    expect(detail.reason.zh).toContain('参与表决专有部分面积 66.6/100 ㎡（66.6%），未达三分之二');
  });

  it('consultation: always held, carried by more than half of the ballots', async () => {
    const d = await convene(town, { areaCode: '320614103', body: 'consultation', roll: names(10) });
    await vote(town, d.id, d.roll[0]!.id, 'yes');
    expect((await close(town, d.id)).result).toMatchObject({ held: true, passed: true, present: 1 });
  });
});

describe('refusals', () => {
  it('400: a body in the wrong kind of area, a bad body, matter and area missing, bad values', async () => {
    const base = { title: '议题', description: '说明', roll: names(3) };
    const cases: [Client, Record<string, unknown>, string][] = [
      [community, { ...base, areaCode: COMMUNITY, body: 'villagers-assembly' }, 'wrong_area_kind'],
      [town, { ...base, areaCode: VILLAGE, body: 'residents-assembly' }, 'wrong_area_kind'],
      [town, { ...base, areaCode: '320614103', body: 'villager-group' }, 'wrong_area_kind'],
      [community, { ...base, areaCode: COMMUNITY, body: 'parliament' }, ''],
      [community, { ...base, areaCode: COMMUNITY, body: 'owners-assembly', roll: [{ name: 'A', area: 90 }] }, 'matter_required'],
      [community, { ...base, areaCode: COMMUNITY, body: 'owners-assembly', matter: 10, roll: [{ name: 'A', area: 90 }] }, ''],
      [community, { ...base, areaCode: COMMUNITY, body: 'owners-assembly', matter: 2, roll: [{ name: 'A', area: 90 }, { name: 'B' }] }, 'area_required'],
      [community, { ...base, areaCode: COMMUNITY, body: 'owners-assembly', matter: 2, roll: [{ name: 'A', area: 90.123 }] }, 'invalid_floor_area'],
      [community, { ...base, areaCode: COMMUNITY, body: 'owners-assembly', matter: 2, roll: [{ name: 'A', area: -1 }] }, ''],
      [town, { ...base, areaCode: VILLAGE, body: 'villager-representatives', form: 'households' }, 'invalid_form'],
      [town, { ...base, areaCode: VILLAGE, body: 'villagers-assembly', roll: [] }, 'empty_roll'],
      [town, { ...base, areaCode: VILLAGE, body: 'villagers-assembly', roll: [{ name: '' }] }, ''],
      [town, { ...base, areaCode: VILLAGE, body: 'villagers-assembly', roll: [{ name: 'A', personId: '00000000-0000-4000-8000-000000000000' }] }, 'invalid_roll_person'],
    ];
    for (const [c, body, code] of cases) {
      const res = await c.post('/api/deliberations', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      const e = err(res);
      if (code) expect(e.code).toBe(code);
      expect(e.message).toMatch(/[\u4e00-\u9fff]/);
    }
    const d = await convene(town, { areaCode: VILLAGE, body: 'villagers-assembly', roll: names(2) });
    const bad = await town.post(`/api/deliberations/${d.id}/ballots`, { rollId: d.roll[0]!.id, choice: 'maybe' });
    expect(bad.statusCode).toBe(400);
    expect(err(bad).message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('409: a second ballot for an entry, a ballot after close, closing twice', async () => {
    const d = await convene(town, { areaCode: VILLAGE, body: 'villagers-assembly', roll: names(3) });
    await vote(town, d.id, d.roll[0]!.id, 'yes');
    const again = await town.post(`/api/deliberations/${d.id}/ballots`, { rollId: d.roll[0]!.id, choice: 'no' });
    expect(again.statusCode).toBe(409);
    expect(err(again).code).toBe('already_voted');
    await close(town, d.id);
    const late = await town.post(`/api/deliberations/${d.id}/ballots`, { rollId: d.roll[1]!.id, choice: 'yes' });
    expect(late.statusCode).toBe(409);
    expect(err(late).code).toBe('deliberation_closed');
    expect((await town.post(`/api/deliberations/${d.id}/actions/close`)).statusCode).toBe(409);
  });

  it('Idempotency-Key: a repeated create returns the first deliberation', async () => {
    const key = `k-${uniq()}`;
    const body = { title: '议题', description: '说明', areaCode: VILLAGE, body: 'villager-group', roll: names(2) };
    const a = await town.request('POST', '/api/deliberations', body, { 'idempotency-key': key });
    const b = await town.request('POST', '/api/deliberations', body, { 'idempotency-key': key });
    expect(a.statusCode).toBe(201);
    expect(b.statusCode).toBe(201);
    expect(json<Created>(b).id).toBe(json<Created>(a).id);
  });
});

describe('scope and authorisation', () => {
  it('staff create only inside their scope (other area → 404); residents, merchants, grid workers → 403', async () => {
    const body = { title: '议题', description: '说明', body: 'villagers-assembly', roll: names(2) };
    expect((await town.post('/api/deliberations', { ...body, areaCode: FAR_VILLAGE })).statusCode).toBe(404);
    expect((await community.post('/api/deliberations', { ...body, body: 'residents-assembly', areaCode: OTHER_COMMUNITY })).statusCode).toBe(404);
    for (const who of ['resident', 'merchant', 'grid', 'party', 'dept-cg']) {
      const c = await t.as(who);
      const res = await c.post('/api/deliberations', { ...body, areaCode: VILLAGE });
      expect(res.statusCode, who).toBe(403);
    }
  });

  it('another area’s deliberation answers 404 to read, ballot and close; non-staff writes answer 403', async () => {
    const d = await convene(town, { areaCode: VILLAGE, body: 'villagers-assembly', roll: names(2) });
    for (const path of [`/api/deliberations/${d.id}`]) expect((await community.get(path)).statusCode).toBe(404);
    expect((await community.post(`/api/deliberations/${d.id}/ballots`, { rollId: d.roll[0]!.id, choice: 'yes' })).statusCode).toBe(404);
    expect((await community.post(`/api/deliberations/${d.id}/actions/close`)).statusCode).toBe(404);
    const merchant = await t.as('merchant');
    expect((await merchant.post(`/api/deliberations/${d.id}/ballots`, { rollId: d.roll[0]!.id, choice: 'yes' })).statusCode).toBe(403);
    expect((await merchant.post(`/api/deliberations/${d.id}/actions/close`)).statusCode).toBe(403);
    const resident = await t.as('resident');
    expect((await resident.post(`/api/deliberations/${d.id}/actions/close`)).statusCode).toBe(403);
    expect((await resident.get(`/api/deliberations/${d.id}`)).statusCode).toBe(404);
    // The list holds only the caller's branch.
    const list = json<{ items: { areaCode: string }[] }>(await community.get('/api/deliberations'));
    expect(list.items.every((i) => i.areaCode.startsWith(COMMUNITY))).toBe(true);
    const townList = json<{ items: { id: string }[] }>(await town.get(`/api/deliberations?area=${VILLAGE}&state=open`));
    expect(townList.items.map((i) => i.id)).toContain(d.id);
  });

  it('a resident on the roll sees the deliberation and votes once for their own entry, not for another', async () => {
    const [row] = await t.ctx.db.select({ personId: users.personId }).from(users).where(eq(users.username, 'resident'));
    const personId = row!.personId!;
    const d = await convene(community, { areaCode: COMMUNITY, body: 'residents-assembly', roll: [{ name: '居民本人', personId }, { name: '邻居' }] });
    const resident = await t.as('resident');
    const list = json<{ items: { id: string; onRoll: boolean }[] }>(await resident.get('/api/deliberations?state=open'));
    expect(list.items.find((i) => i.id === d.id)?.onRoll).toBe(true);
    const seen = json<{ roll: unknown[]; mine: { id: string; voted: boolean }[]; allowedActions: string[] }>(await resident.get(`/api/deliberations/${d.id}`));
    expect(seen.roll).toHaveLength(1); // only their own entry
    expect(seen.mine).toEqual([{ id: d.roll[0]!.id, name: '居民本人', voted: false, choice: null }]);
    expect(seen.allowedActions).toEqual(['vote']);
    expect((await resident.post(`/api/deliberations/${d.id}/ballots`, { rollId: d.roll[1]!.id, choice: 'yes' })).statusCode).toBe(403);
    expect((await resident.post(`/api/deliberations/${d.id}/ballots`, { rollId: d.roll[0]!.id, choice: 'yes' })).statusCode).toBe(201);
    expect((await resident.post(`/api/deliberations/${d.id}/ballots`, { rollId: d.roll[0]!.id, choice: 'no' })).statusCode).toBe(409);
    const staffView = json<{ roll: { ballot: { choice: string; online: boolean } | null }[] }>(await community.get(`/api/deliberations/${d.id}`));
    expect(staffView.roll[0]!.ballot).toMatchObject({ choice: 'yes', online: true });
  });

  it('on a roll of households, an adult of the household casts its one ballot; on a roll of persons a relative’s entry is not theirs', async () => {
    const [row] = await t.ctx.db.select({ personId: users.personId }).from(users).where(eq(users.username, 'resident'));
    const person = json<{ householdId?: string | null; household?: { id: string } | null }>(await community.get(`/api/people/${row!.personId}`));
    const householdId = person.householdId ?? person.household?.id;
    expect(householdId).toBeTruthy();
    const resident = await t.as('resident');
    const byHousehold = await convene(community, { areaCode: COMMUNITY, body: 'residents-assembly', form: 'households', roll: [{ name: '本户', householdId }, { name: '邻户' }] });
    expect((await resident.post(`/api/deliberations/${byHousehold.id}/ballots`, { rollId: byHousehold.roll[0]!.id, choice: 'no' })).statusCode).toBe(201);
    const byPersons = await convene(community, { areaCode: COMMUNITY, body: 'residents-assembly', roll: [{ name: '家人', householdId }, { name: '邻居' }] });
    expect((await resident.post(`/api/deliberations/${byPersons.id}/ballots`, { rollId: byPersons.roll[0]!.id, choice: 'yes' })).statusCode).toBe(403);
  });

  it('fills a roll from the registry: adults or households of the area in scope', async () => {
    const persons = json<{ items: { name: string; personId: string }[] }>(await community.get(`/api/deliberations/roll-candidates?area=${COMMUNITY}001`));
    expect(persons.items.length).toBeGreaterThan(0);
    const hh = json<{ items: { name: string; householdId: string }[] }>(await community.get(`/api/deliberations/roll-candidates?area=${COMMUNITY}001&form=households`));
    expect(hh.items.length).toBeGreaterThan(0);
    expect(hh.items.length).toBeLessThan(persons.items.length + 1);
    expect((await community.get(`/api/deliberations/roll-candidates?area=${OTHER_COMMUNITY}`)).statusCode).toBe(404);
    expect((await (await t.as('resident')).get(`/api/deliberations/roll-candidates?area=${COMMUNITY}`)).statusCode).toBe(403);
    // A registry roll is accepted as given.
    const d = await convene(community, { areaCode: COMMUNITY, body: 'residents-assembly', form: 'households', roll: hh.items.slice(0, 5) });
    expect(d.roll).toHaveLength(Math.min(5, hh.items.length));
  });
});
