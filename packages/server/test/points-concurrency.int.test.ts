import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { Client, createTestApp, json, uniq, type TestApp } from './helpers.ts';
import { auditLedger } from '../src/services/points.ts';

let t: TestApp;
let admin: Client;
let community: Client;
let secretary: Client;
let merchant: Client;
const GRID = '320614103001001';
const PASSWORD = 'Test@2026pw';

beforeAll(async () => {
  t = await createTestApp();
  [admin, community, secretary, merchant] = await Promise.all([t.as('admin'), t.as('community'), t.as('secretary'), t.as('merchant')]);
});
afterAll(async () => t?.close());

interface User {
  username: string;
  id: string;
  client: Client;
}

async function newUser(): Promise<User> {
  const username = `c${uniq()}`;
  const res = await admin.post('/api/users', { username, displayName: `并发${username.slice(-4)}（居民）`, password: PASSWORD, roles: ['resident'], scopeCode: GRID });
  if (res.statusCode !== 201) throw new Error(`create user: ${res.statusCode} ${res.body}`);
  return { username, id: json<{ id: string }>(res).id, client: await t.as(username, PASSWORD) };
}

let ruleCode = '';
async function propose(username: string, points: number, code = ruleCode) {
  const res = await community.post('/api/points/awards', { username, scheme: 'neighbourhood', ruleCode: code, points, note: '并发测试' });
  if (res.statusCode !== 201) throw new Error(`propose: ${res.statusCode} ${res.body}`);
  return json<{ id: string }>(res).id;
}
async function fund(username: string, points: number) {
  const id = await propose(username, points);
  const res = await secretary.post(`/api/points/awards/${id}/approve`);
  if (res.statusCode !== 200) throw new Error(`approve: ${res.statusCode} ${res.body}`);
}
async function newItem(price: number, stock: number) {
  const res = await merchant.post('/api/points/items', { name: `并发商品 ${uniq()}`, scheme: 'neighbourhood', kind: 'goods', price, stock });
  if (res.statusCode !== 201) throw new Error(`item: ${res.statusCode} ${res.body}`);
  return json<{ id: string }>(res).id;
}
const codeOf = (r: LightMyRequestResponse) => (r.statusCode >= 400 ? json<{ error: { code: string } }>(r).error.code : String(r.statusCode));
const count = (rs: LightMyRequestResponse[], what: string) => rs.filter((r) => codeOf(r) === what).length;
const balance = async (u: User) => json<{ accounts: { scheme: string; balance: number; held: number }[] }>(await u.client.get('/api/points/me')).accounts.find((a) => a.scheme === 'neighbourhood')!;

describe('points under concurrent conflicting operations', () => {
  it('never overdraws, oversells or double-credits, whatever arrives at once', async () => {
    ruleCode = `t-conc-${uniq()}`;
    expect((await community.post('/api/points/rules', { code: ruleCode, name: '并发测试发放', scheme: 'neighbourhood', points: 10, maxPoints: 5000, areaCode: '320614103001' })).statusCode).toBe(201);

    // Five shoppers with 100 points each race for 15 units of a cheap item (the stock binds).
    const shoppers = await Promise.all([0, 1, 2, 3, 4].map(() => newUser()));
    for (const s of shoppers) await fund(s.username, 100);
    const scarce = await newItem(10, 15);
    // One shopper with 25 points tries to buy a 10-point item twenty times (the balance binds).
    const poor = await newUser();
    await fund(poor.username, 25);
    const plenty = await newItem(10, 100);
    // Twenty pending awards, each approved twice at once.
    const receivers = await Promise.all([0, 1].map(() => newUser()));
    const awardIds: string[] = [];
    for (let i = 0; i < 20; i++) awardIds.push(await propose(receivers[i % 2]!.username, 5));
    // Ten pending redemptions, each confirmed by the merchant and cancelled by the resident at once.
    const holder = await newUser();
    await fund(holder.username, 100);
    const pendingIds: string[] = [];
    for (let i = 0; i < 10; i++) {
      const r = await holder.client.post('/api/points/redemptions', { itemId: plenty, quantity: 1 });
      pendingIds.push(json<{ id: string }>(r).id);
    }
    const holderCode = json<{ code: string }>(await holder.client.get('/api/points/me/code')).code;
    // Ten retries of one redemption under the same Idempotency-Key.
    const retrier = await newUser();
    await fund(retrier.username, 50);
    const key = `k-${uniq()}`;
    // Ten concurrent proposals of a rule that allows one award a day (3 points, daily limit 3).
    const limited = await newUser();

    const redeemScarce = shoppers.flatMap((s) => Array.from({ length: 30 }, () => () => s.client.post('/api/points/redemptions', { itemId: scarce, quantity: 1 })));
    const redeemPoor = Array.from({ length: 20 }, () => () => poor.client.post('/api/points/redemptions', { itemId: plenty, quantity: 1 }));
    const approvals = awardIds.flatMap((id) => [() => secretary.post(`/api/points/awards/${id}/approve`), () => secretary.post(`/api/points/awards/${id}/approve`)]);
    const races = pendingIds.flatMap((id) => [
      () => merchant.post(`/api/points/redemptions/${id}/confirm`, { code: holderCode }),
      () => holder.client.post(`/api/points/redemptions/${id}/cancel`, { reason: '并发取消' }),
    ]);
    const retries = Array.from({ length: 10 }, () => () => retrier.client.request('POST', '/api/points/redemptions', { itemId: plenty, quantity: 1 }, { 'idempotency-key': key }));
    const proposals = Array.from({ length: 10 }, () => () => community.post('/api/points/awards', { username: limited.username, scheme: 'neighbourhood', ruleCode: 'safety-patrol', note: '平安巡防' }));

    const ops = [...redeemScarce, ...redeemPoor, ...approvals, ...races, ...retries, ...proposals];
    expect(ops.length).toBeGreaterThanOrEqual(200);
    // Interleave the kinds so conflicting operations really meet.
    const order = ops.map((op, i) => ({ op, k: (i * 7919) % ops.length })).sort((a, b) => a.k - b.k);
    const results = await Promise.all(order.map((o) => o.op()));
    const byOp = new Map(order.map((o, i) => [o.op, results[i]!]));
    const got = (list: (() => Promise<LightMyRequestResponse>)[]) => list.map((op) => byOp.get(op)!);

    // Nothing failed with a server error: every outcome is a success or a 409 with its code.
    for (const r of results) expect([200, 201, 409], r.body).toContain(r.statusCode);

    const scarceRes = got(redeemScarce);
    expect(count(scarceRes, '201')).toBe(15);
    expect(count(scarceRes, 'out_of_stock')).toBe(135);
    const poorRes = got(redeemPoor);
    expect(count(poorRes, '201')).toBe(2);
    expect(count(poorRes, 'insufficient_points')).toBe(18);
    expect(await balance(poor)).toMatchObject({ balance: 5, held: 20 });

    const approvalRes = got(approvals);
    for (let i = 0; i < approvalRes.length; i += 2) expect([approvalRes[i]!.statusCode, approvalRes[i + 1]!.statusCode].sort()).toEqual([200, 409]);
    for (const r of receivers) expect((await balance(r)).balance).toBe(50);

    const raceRes = got(races);
    let confirmed = 0;
    for (let i = 0; i < raceRes.length; i += 2) {
      const pair = [raceRes[i]!.statusCode, raceRes[i + 1]!.statusCode].sort();
      expect(pair).toEqual([200, 409]);
      if (raceRes[i]!.statusCode === 200) confirmed++;
    }
    expect(await balance(holder)).toMatchObject({ balance: 100 - 10 * confirmed, held: 0 });

    const retryRes = got(retries);
    expect(retryRes.every((r) => r.statusCode === 201)).toBe(true);
    expect(new Set(retryRes.map((r) => json<{ id: string }>(r).id)).size).toBe(1);
    expect((await balance(retrier)).balance).toBe(40);

    // Proposals racing past the limit may be recorded, but approval re-checks it under the account lock.
    const proposalIds = got(proposals)
      .filter((r) => r.statusCode === 201)
      .map((r) => json<{ id: string }>(r).id);
    expect(proposalIds.length).toBeGreaterThanOrEqual(1);
    const approveAll = await Promise.all(proposalIds.map((id) => secretary.post(`/api/points/awards/${id}/approve`)));
    expect(approveAll.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect((await balance(limited)).balance).toBe(3);

    // Stock and balances add up; the audit of the whole ledger finds nothing wrong.
    const stock = async (id: string) => (await t.ctx.db.execute<{ stock: number }>(sql`select stock from points_items where id = ${id}`)).rows[0]!.stock;
    expect(Number(await stock(scarce))).toBe(0);
    expect(Number(await stock(plenty))).toBe(100 - 2 - 1 - confirmed);
    for (const s of shoppers) {
      const won = scarceRes.filter((r, i) => r.statusCode === 201 && Math.floor(i / 30) === shoppers.indexOf(s)).length;
      expect(await balance(s)).toMatchObject({ balance: 100 - 10 * won, held: 10 * won });
    }
    const report = await auditLedger(t.ctx.db);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    for (const s of report.schemes) expect(s.sum).toBe(0);
    const negatives = await t.ctx.db.execute<{ n: string }>(sql`select count(*)::text as n from points_accounts where kind <> 'pool' and balance < 0`);
    expect(negatives.rows[0]!.n).toBe('0');
  });
});
