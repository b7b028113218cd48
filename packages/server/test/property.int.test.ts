import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { eq } from 'drizzle-orm';
import { cases, organisations, people, places, propertyCompanies, propertyContracts, units, users } from '../src/db/schema.ts';
import { Client, createTestApp, json, uniq, type TestApp } from './helpers.ts';

let t: TestApp;
let community: Client;
let zj: Client;
let admin: Client;
let resident: Client;
let pm: Client;
let companyId: string; // a company of this file only: its month is scripted below
let placeId: string;
let changleId: string; // 海门常乐物业 (the demo's property unit with the fee-offset item)
let billCompoundId: string;
const GRID = '320614103001001';
const VILLAGE = '320614103001';

const err = (res: LightMyRequestResponse) => json<{ error: { code: string; message: string; details?: { field?: string } } }>(res).error;
const thisMonth = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
const thisYear = () => Number(thisMonth().slice(0, 4));

async function compound(name: string, orgId: string | null) {
  return (await t.ctx.db.insert(places).values({ kind: 'compound', name, areaCode: GRID, lat: 31.9, lng: 121.2, address: `状元街${name}`, propertyOrgId: orgId }).returning())[0]!.id;
}

beforeAll(async () => {
  t = await createTestApp();
  community = await t.as('community');
  zj = await t.as('dept-zj');
  admin = await t.as('admin');
  resident = await t.as('resident');
  const db = t.ctx.db;
  // A company of its own, serving one compound of 200 households.
  const unit = (await db.insert(units).values({ code: `property-t-${uniq()}`, name: '海门测试物业服务有限公司', type: 'property', areaCode: VILLAGE }).returning())[0]!;
  const org = (await db.insert(organisations).values({ kind: 'property-company', name: unit.name, areaCode: GRID }).returning())[0]!;
  await db.insert(propertyCompanies).values({ unitId: unit.id, organisationId: org.id });
  companyId = unit.id;
  placeId = await compound(`测试花园${uniq()}`, org.id);
  await db.insert(propertyContracts).values({ unitId: unit.id, placeId, households: 200, feeFenPerM2: 100, serviceStandard: '二级服务', startsOn: '2020-01-01', endsOn: '2099-12-31' });

  // 常乐物业 bills the resident's household: a compound in the resident's grid under contract.
  changleId = (await db.select().from(units).where(eq(units.code, 'property-320614103001-01')))[0]!.id;
  const [changleLink] = await db.select().from(propertyCompanies).where(eq(propertyCompanies.unitId, changleId));
  billCompoundId = await compound(`常乐测试苑${uniq()}`, changleLink?.organisationId ?? null);
  await db.insert(propertyContracts).values({ unitId: changleId, placeId: billCompoundId, households: 120, feeFenPerM2: 100, serviceStandard: '二级服务', startsOn: '2020-01-01', endsOn: '2099-12-31' });
  const name = `pm${uniq()}`;
  const created = await admin.post('/api/users', { username: name, displayName: '常乐物业收费员', password: 'Test@2026pw', roles: ['property-manager'], scopeCode: VILLAGE, unitId: changleId });
  expect(created.statusCode).toBe(201);
  pm = await t.as(name, 'Test@2026pw');
}, 600_000);
afterAll(async () => t?.close());

describe('monthly credit score from a scripted month', () => {
  it('equals the hand computation', async () => {
    const db = t.ctx.db;
    const now = Date.now();
    const at = (minAgo: number) => new Date(now - minAgo * 60_000);
    const base = { state: 'closed', description: '物业报修', categoryCode: 'G0805', channel: 'console', areaCode: GRID, ownerLevel: 'village', ownerAreaCode: VILLAGE, handlerUnitId: companyId };
    // Four cases dispatched to the company this month: three handled in time, one late; one sent back once;
    // rated satisfied, satisfied, basically satisfied, unsatisfied.
    const script = [
      { late: false, rework: 0, rating: 'satisfied' },
      { late: false, rework: 1, rating: 'satisfied' },
      { late: true, rework: 0, rating: 'basically-satisfied' },
      { late: false, rework: 0, rating: 'unsatisfied' },
    ];
    for (const [i, s] of script.entries()) {
      await db.insert(cases).values({ ...base, code: `T${uniq()}${i}`, title: `单元门坏了 ${i}`, dispatchedAt: at(30), handledAt: at(10), dueAt: s.late ? at(20) : at(-600), reworkCount: s.rework, rating: s.rating, closedAt: at(5) });
    }
    // Two inspections on the phone: all items pass (100), three fail (50).
    const photo = await community.uploadPhoto();
    const pass = { cleaning: true, greenery: true, facilities: true, order: true, 'fire-safety': true, disclosure: true };
    const r1 = await community.post('/api/property/inspections', { placeId, results: pass, photoIds: [photo] });
    expect(r1.statusCode).toBe(201);
    expect(json(r1)).toMatchObject({ score: 100, companyId });
    const photo2 = await community.uploadPhoto();
    const r2 = await community.post('/api/property/inspections', { placeId, results: { ...pass, cleaning: false, order: false, disclosure: false }, photoIds: [photo2], note: '楼道堆物未清' });
    expect(json(r2)).toMatchObject({ score: 50 });
    // The owners' committee: 80. The housing department: a 5-point penalty.
    expect((await community.post('/api/property/evaluations', { placeId, month: thisMonth(), score: 80 })).statusCode).toBe(201);
    expect((await zj.post('/api/property/sanctions', { companyId, kind: 'penalty', points: 5, reason: '未公示收费标准', month: thisMonth() })).statusCode).toBe(201);

    // By hand: volume 4 cases / 200 households = 2 per 100 → 1 − 2/5 = 0.6 → 0.6 × 20 = 12;
    // on time 3/4 × 20 = 15; no rework 3/4 × 10 = 7.5; satisfaction (1 + 1 + 0.6 + 0)/4 = 0.65 × 15 = 9.75;
    // inspections (100 + 50)/2 = 75% × 20 = 15; committee 80% × 15 = 12. Sum 71.25 (weights sum to 100); − 5 = 66.25.
    const res = await zj.get(`/api/property/companies/${companyId}?month=${thisMonth()}`);
    expect(res.statusCode).toBe(200);
    const c = json<{ score: number; base: number; adjustment: number; breakdown: { component: string; points: number; ratio: number }[] }>(res);
    expect(c.base).toBe(71.25);
    expect(c.adjustment).toBe(-5);
    expect(c.score).toBe(66.25);
    expect(Object.fromEntries(c.breakdown.map((l) => [l.component, l.points]))).toEqual({ volume: 12, onTime: 15, rework: 7.5, satisfaction: 9.75, inspection: 15, committee: 12 });
    // The company itself sees why (its own page), the community too; another company's staff does not.
    expect((await community.get(`/api/property/companies/${companyId}`)).statusCode).toBe(200);
    expect((await pm.get(`/api/property/companies/${companyId}`)).statusCode).toBe(404);
    expect((await pm.get(`/api/property/companies/${changleId}`)).statusCode).toBe(200);
  });

  it('refuses a bad inspection with the field named, and the wrong people', async () => {
    const photo = await community.uploadPhoto();
    const half = await community.post('/api/property/inspections', { placeId, results: { cleaning: true }, photoIds: [photo] });
    expect(half.statusCode).toBe(400);
    expect(err(half).code).toBe('incomplete_checklist');
    expect(err(half).message).toContain('results.greenery');
    const pass = { cleaning: true, greenery: true, facilities: true, order: true, 'fire-safety': true, disclosure: true };
    const nophoto = await community.post('/api/property/inspections', { placeId, results: pass, photoIds: [] });
    expect(err(nophoto).code).toBe('photo_required');
    expect((await zj.post('/api/property/inspections', { placeId, results: pass, photoIds: [photo] })).statusCode).toBe(403);
    expect((await resident.get('/api/property/companies')).statusCode).toBe(403);
    expect((await community.post('/api/property/sanctions', { companyId, kind: 'penalty', points: 5, reason: 'x', month: thisMonth() })).statusCode).toBe(403);
    const town2 = (await t.ctx.db.select().from(places).where(eq(places.kind, 'compound'))).find((p) => p.areaCode.startsWith('320614103002'));
    if (town2) expect((await community.post('/api/property/inspections', { placeId: town2.id, results: pass, photoIds: [photo] })).statusCode).toBe(404);
  });
});

describe('yearly grading with the department’s override', () => {
  it('proposes from the thresholds, needs a reason to differ, and publishes the black list', async () => {
    expect((await community.post('/api/property/gradings/propose', { year: thisYear() })).statusCode).toBe(403);
    const res = await zj.post('/api/property/gradings/propose', { year: thisYear() });
    expect(res.statusCode).toBe(200);
    const list = json<{ items: { id: string; companyId: string; score: number; proposedGrade: string; state: string }[] }>(res);
    const mine = list.items.find((i) => i.companyId === companyId)!;
    // One month with a score this year: 66.25 → B (60 ≤ score < 70).
    expect(mine).toMatchObject({ score: 66.25, proposedGrade: 'B', state: 'proposed' });

    const noReason = await zj.post(`/api/property/gradings/${mine.id}/confirm`, { grade: 'D' });
    expect(noReason.statusCode).toBe(400);
    expect(err(noReason).code).toBe('reason_required');
    expect(err(noReason).details?.field).toBe('reason');
    const ok = await zj.post(`/api/property/gradings/${mine.id}/confirm`, { grade: 'D', reason: '年内发生电梯困人安全责任事故，一票否决' });
    expect(ok.statusCode).toBe(200);
    expect(json(ok)).toMatchObject({ proposedGrade: 'B', grade: 'D', state: 'confirmed', list: 'black' });
    expect((await zj.post(`/api/property/gradings/${mine.id}/confirm`, { grade: 'D', reason: '再次' })).statusCode).toBe(409);

    const wall = await t.anonymous().get(`/api/property/lists?year=${thisYear()}`);
    expect(wall.statusCode).toBe(200);
    expect(json<{ black: { name: string }[] }>(wall).black.map((b) => b.name)).toContain('海门测试物业服务有限公司');
  });

  it('flags the black-listed company at dispatch and on the compound page', async () => {
    const town = await t.as('town');
    const units_ = json<{ items: { id: string; blacklisted?: boolean; creditGrade?: string | null }[] }>(await town.get('/api/units?type=property')).items;
    expect(units_.find((u) => u.id === companyId)).toMatchObject({ blacklisted: true, creditGrade: 'D' });
    expect(units_.find((u) => u.id === changleId)?.blacklisted).toBe(false);
    const page = json<{ blacklisted: boolean; company: { id: string } }>(await community.get(`/api/property/compounds/${placeId}`));
    expect(page).toMatchObject({ blacklisted: true, company: { id: companyId } });
    expect((await resident.get(`/api/property/compounds/${placeId}`)).statusCode).toBe(403);
  });
});

describe('fee offset by points', () => {
  it('a redemption confirmed by the company reduces the household’s bill', async () => {
    const db = t.ctx.db;
    const [me] = await db.select({ h: people.householdId }).from(users).innerJoin(people, eq(people.id, users.personId)).where(eq(users.username, 'resident'));
    const householdId = me!.h!;
    // The company's item: 100 neighbourhood points offset 10 yuan.
    const item = await pm.post('/api/points/items', { name: '物业费抵扣 10 元', scheme: 'neighbourhood', kind: 'property-fee', price: 100, stock: 10 });
    expect(item.statusCode).toBe(201);
    const red = await resident.post('/api/points/redemptions', { itemId: json<{ id: string }>(item).id, quantity: 1 });
    expect(red.statusCode).toBe(201);
    const redemption = json<{ id: string; shortCode: string }>(red);

    const bill = await pm.post('/api/property/bills', { householdId, period: thisMonth(), amount: 86.5 });
    expect(bill.statusCode).toBe(201);
    const b = json<{ id: string; balance: number }>(bill);
    expect(b.balance).toBe(86.5);
    // Not yet confirmed at the counter → 422; then confirmed with the resident's short code.
    const early = await pm.post(`/api/property/bills/${b.id}/offsets`, { redemptionId: redemption.id });
    expect(early.statusCode).toBe(422);
    expect(err(early).code).toBe('redemption_not_confirmed');
    expect((await pm.post(`/api/points/redemptions/${redemption.id}/confirm`, { code: redemption.shortCode })).statusCode).toBe(200);
    const off = await pm.post(`/api/property/bills/${b.id}/offsets`, { redemptionId: redemption.id });
    expect(off.statusCode).toBe(200);
    expect(json(off)).toMatchObject({ amount: 86.5, offset: 10, paid: 0, balance: 76.5 });
    expect((await pm.post(`/api/property/bills/${b.id}/offsets`, { redemptionId: redemption.id })).statusCode).toBe(409);
    // Paid in full: settled; the collection rate counts it after the first offset.
    const paid = await pm.post(`/api/property/bills/${b.id}/payments`, { amount: 76.5 });
    expect(json(paid)).toMatchObject({ balance: 0 });
    expect((await pm.post(`/api/property/bills/${b.id}/payments`, { amount: 1 })).statusCode).toBe(422);
    const rate = json<{ firstOffsetPeriod: string; after: { bills: number; settled: number } }>(await pm.get(`/api/property/companies/${changleId}/collection`));
    // The demo seeds offsets two months back; this one is booked this month, after the first.
    expect(rate.firstOffsetPeriod <= thisMonth()).toBe(true);
    expect(rate.after.settled).toBeGreaterThanOrEqual(1);
    // Another company's staff, a community worker: not theirs to book.
    expect((await community.post(`/api/property/bills/${b.id}/payments`, { amount: 1 })).statusCode).toBe(403);
    const bad = await pm.post('/api/property/bills', { householdId, period: '2026-13', amount: 10 });
    expect(bad.statusCode).toBe(400);
  });
});

describe('owners’ assembly roll', () => {
  it('gives each owner’s floor area for the art. 278 rule', async () => {
    const roll = await community.get(`/api/property/compounds/${billCompoundId}/owners-roll`);
    expect(roll.statusCode).toBe(200);
    expect(json<{ body: string }>(roll).body).toBe('owners-assembly');
  });
});

describe('the compound’s facts kept by the community (contracts, committee, cover, joint meetings)', () => {
  const members = [
    { name: '陆建平', post: '主任' },
    { name: '施秀英', post: '副主任' },
    { name: '黄国忠', post: '委员' },
  ];

  it('the community records an owners’ committee and edits its term; others may not', async () => {
    const grid = await t.as('grid');
    expect((await zj.post('/api/property/committees', { placeId, termStart: '2026-06-01', termEnd: '2031-05-31', members })).statusCode).toBe(403);
    expect((await grid.post('/api/property/committees', { placeId, termStart: '2026-06-01', termEnd: '2031-05-31', members })).statusCode).toBe(403);
    expect((await pm.post('/api/property/committees', { placeId, termStart: '2026-06-01', termEnd: '2031-05-31', members })).statusCode).toBe(403);
    const noChair = await community.post('/api/property/committees', { placeId, termStart: '2026-06-01', termEnd: '2031-05-31', members: members.map((m) => ({ ...m, post: '委员' })) });
    expect(noChair.statusCode).toBe(400);
    expect(err(noChair).code).toBe('chair_required');
    const backwards = await community.post('/api/property/committees', { placeId, termStart: '2031-06-01', termEnd: '2026-05-31', members });
    expect(err(backwards).code).toBe('invalid_period');
    const made = await community.post('/api/property/committees', { placeId, termStart: '2020-06-01', termEnd: '2025-05-31', members });
    expect(made.statusCode).toBe(201);
    const id = json<{ id: string }>(made).id;
    expect(json<{ committee: { id: string; expired: boolean } }>(await community.get(`/api/property/compounds/${placeId}`)).committee).toMatchObject({ id, expired: true });
    const renewed = await community.patch(`/api/property/committees/${id}`, { termEnd: '2099-05-31' });
    expect(renewed.statusCode).toBe(200);
    expect(json<{ committee: { expired: boolean } }>(await community.get(`/api/property/compounds/${placeId}`)).committee.expired).toBe(false);
    expect((await zj.patch(`/api/property/committees/${id}`, { termEnd: '2098-05-31' })).statusCode).toBe(403);
  });

  it('contracts are filed by the community and 住建, not by the company or the grid worker', async () => {
    const grid = await t.as('grid');
    const body = { placeId, households: 60, feePerM2: 1.2, serviceStandard: '一级服务：公共区域每日保洁三次', startsOn: '2026-01-01', endsOn: '2028-12-31' };
    expect((await grid.post('/api/property/contracts', body)).statusCode).toBe(403);
    expect((await pm.post('/api/property/contracts', body)).statusCode).toBe(403);
    const byZj = await zj.post('/api/property/contracts', body);
    expect(byZj.statusCode).toBe(201);
    const k = json<{ id: string; feePerM2: number; unitId: string }>(byZj);
    expect(k).toMatchObject({ feePerM2: 1.2, unitId: companyId });
    const edited = await community.patch(`/api/property/contracts/${k.id}`, { households: 80, serviceStandard: '二级服务' });
    expect(json(edited)).toMatchObject({ households: 80, serviceStandard: '二级服务' });
    expect(err(await community.patch(`/api/property/contracts/${k.id}`, { endsOn: '2020-01-01' })).code).toBe('invalid_period');
    const noCompany = await compound(`无物业苑${uniq()}`, null);
    expect(err(await community.post('/api/property/contracts', { ...body, placeId: noCompany })).code).toBe('no_property_company');
  });

  it('the community sets the cover of a compound without property management', async () => {
    const bare = await compound(`老旧小区${uniq()}`, null);
    expect((await zj.put(`/api/property/compounds/${bare}/coverage`, { mode: 'community' })).statusCode).toBe(403);
    expect(err(await community.put(`/api/property/compounds/${bare}/coverage`, { mode: 'red-property' })).code).toBe('company_required');
    const ok = await community.put(`/api/property/compounds/${bare}/coverage`, { mode: 'red-property', companyId: changleId, note: '红心物业兜底' });
    expect(ok.statusCode).toBe(200);
    expect(json(ok)).toMatchObject({ mode: 'red-property', label: '红心物业兜底', companyId: changleId });
    expect(json<{ coverage: { label: string } }>(await community.get(`/api/property/compounds/${bare}`)).coverage.label).toBe('红心物业兜底');
    expect(err(await community.put(`/api/property/compounds/${placeId}/coverage`, { mode: 'community' })).code).toBe('has_property_company');
  });

  it('a four-party joint meeting is a record of the compound: the quarterly cadence follows it', async () => {
    const fresh = await compound(`联席苑${uniq()}`, null);
    expect(json<{ jointMeeting: { overdue: boolean } }>(await community.get(`/api/property/compounds/${fresh}`)).jointMeeting.overdue).toBe(true);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    expect((await zj.post('/api/property/joint-meetings', { placeId: fresh, heldOn: today, attendees: '网格党支部、社区民警、业委会、物业', topics: '电动车充电' })).statusCode).toBe(403);
    const made = await community.post('/api/property/joint-meetings', { placeId: fresh, heldOn: today, attendees: '网格党支部、社区民警、业委会、物业', topics: '电动车充电' });
    expect(made.statusCode).toBe(201);
    const view = json<{ jointMeeting: { overdue: boolean; lastHeld: string }; jointMeetings: { topics: string }[] }>(await community.get(`/api/property/compounds/${fresh}`));
    expect(view.jointMeeting).toEqual({ overdue: false, lastHeld: today });
    expect(view.jointMeetings[0]!.topics).toBe('电动车充电');
    expect(err(await community.post('/api/property/joint-meetings', { placeId: fresh, heldOn: '2999-01-01', attendees: 'x', topics: 'y' })).code).toBe('future_date');
  });
});

describe('the property company’s demo account', () => {
  it('sees its own compounds and bills, the households to bill, and the seeded offsets in its collection rate', async () => {
    const wy = await t.as('wy-changle');
    const me = json<{ abilities: string[] }>(await wy.get('/api/auth/me'));
    expect(me.abilities).toEqual(expect.arrayContaining(['property.read', 'property.bills', 'property.compounds']));
    const compounds = json<{ items: { id: string; company: { id: string } | null }[] }>(await wy.get('/api/property/compounds')).items;
    expect(compounds.length).toBeGreaterThan(0);
    expect(compounds.every((c) => c.company?.id === changleId || c.id === billCompoundId)).toBe(true);
    // Another company's compound is not its own.
    expect((await wy.get(`/api/property/compounds/${placeId}`)).statusCode).toBe(404);
    const first = compounds[0]!.id;
    expect(json<{ items: unknown[] }>(await wy.get(`/api/property/compounds/${first}/households`)).items.length).toBeGreaterThan(0);
    const bills = json<{ items: { companyId: string; offset: number }[] }>(await wy.get(`/api/property/bills?placeId=${first}`)).items;
    expect(bills.length).toBeGreaterThan(0);
    expect(bills.every((b) => b.companyId === changleId)).toBe(true);
    expect(bills.some((b) => b.offset > 0)).toBe(true);
    const rate = json<{ firstOffsetPeriod: string | null; before: { bills: number }; after: { bills: number } }>(await wy.get(`/api/property/companies/${changleId}/collection`));
    expect(rate.firstOffsetPeriod).not.toBeNull();
    expect(rate.before.bills).toBeGreaterThan(0);
    expect(rate.after.bills).toBeGreaterThan(0);
    // Writes of the community are not the company's.
    expect((await wy.put(`/api/property/compounds/${first}/coverage`, { mode: 'community' })).statusCode).toBe(403);
  });

  it('lists the household’s confirmed, unbooked redemptions to offset a bill', async () => {
    const db = t.ctx.db;
    const [me] = await db.select({ h: people.householdId }).from(users).innerJoin(people, eq(people.id, users.personId)).where(eq(users.username, 'resident'));
    const item = await pm.post('/api/points/items', { name: '物业费抵扣 5 元', scheme: 'neighbourhood', kind: 'property-fee', price: 50, stock: 10 });
    const red = json<{ id: string; shortCode: string }>(await resident.post('/api/points/redemptions', { itemId: json<{ id: string }>(item).id, quantity: 1 }));
    await pm.post(`/api/points/redemptions/${red.id}/confirm`, { code: red.shortCode });
    const period = '2025-01';
    const bill = json<{ id: string }>(await pm.post('/api/property/bills', { householdId: me!.h, period, amount: 50 }));
    const open = json<{ items: { id: string; offset: number }[] }>(await pm.get(`/api/property/bills/${bill.id}/redemptions`)).items;
    expect(open.find((r) => r.id === red.id)).toMatchObject({ offset: 5 });
    expect((await community.get(`/api/property/bills/${bill.id}/redemptions`)).statusCode).toBe(403);
    expect((await (await t.as('wy-changle')).get(`/api/property/bills/${bill.id}/redemptions`)).statusCode).toBe(200);
    await pm.post(`/api/property/bills/${bill.id}/offsets`, { redemptionId: red.id });
    expect(json<{ items: { id: string }[] }>(await pm.get(`/api/property/bills/${bill.id}/redemptions`)).items.find((r) => r.id === red.id)).toBeUndefined();
  });
});
