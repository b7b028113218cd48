import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { Client, createTestApp, json, uniq, type TestApp } from './helpers.ts';
import { auditLedger, awardAutomatically } from '../src/services/points.ts';

let t: TestApp;
let admin: Client;
let community: Client;
let secretary: Client;
let merchant: Client;
let shopId: string;
let officeId: string;
let propertyId: string;
const GRID = '320614103001001';
const PASSWORD = 'Test@2026pw';

beforeAll(async () => {
  t = await createTestApp();
  [admin, community, secretary, merchant] = await Promise.all([t.as('admin'), t.as('community'), t.as('secretary'), t.as('merchant')]);
  const units = json<{ items: { id: string; code: string }[] }>(await admin.get('/api/units')).items;
  shopId = units.find((u) => u.code === 'merchant-320614103001-01')!.id;
  officeId = units.find((u) => u.code === 'office-320614103001')!.id;
  propertyId = units.find((u) => u.code === 'property-320614103001-01')!.id;
});
afterAll(async () => t?.close());

interface Award {
  id: string;
  state: string;
  points: number;
  basePoints: number;
  multiplier: number;
  allowedActions: string[];
}
interface Me {
  accounts: { scheme: string; balance: number; held: number; accountId: string | null; stars: number }[];
  merchantAccounts: { scheme: string; balance: number }[];
  abilities: string[];
}
interface Item {
  id: string;
  name: string;
  merchant: string;
  price: number;
  stock: number;
  scheme: string;
  kind: string;
  allowedActions: string[];
  unavailable: { code: string; message: string; short?: number } | null;
}
interface Redemption {
  id: string;
  state: string;
  amount: number;
  balance?: number;
  shortCode?: string | null;
  allowedActions: string[];
}
interface Statement {
  account: { balance: number; held: number };
  total: number;
  items: { kind: string; amount: number; heldChange: number; balance: number; held: number; counterparty: { name: string; kind: string }; authorisedBy: string; note: string | null }[];
}

/** A fresh account (so runs against a shared PostgreSQL never meet each other's limits or balances). */
async function newUser(roles: string[], scopeCode = GRID, unitId?: string): Promise<{ username: string; id: string; client: Client }> {
  const username = `p${uniq()}`;
  const res = await admin.post('/api/users', { username, displayName: `测试${username.slice(-4)}（居民）`, password: PASSWORD, roles, scopeCode, ...(unitId ? { unitId } : {}) });
  if (res.statusCode !== 201) throw new Error(`create user: ${res.statusCode} ${res.body}`);
  return { username, id: json<{ id: string }>(res).id, client: await t.as(username, PASSWORD) };
}

/** A community rule with a large range, for funding test accounts through the real four-eyes flow. */
const fundingRules = new Map<string, string>();
async function fundingRule(scheme: string): Promise<string> {
  if (!fundingRules.has(scheme)) {
    const code = `t-${scheme.slice(0, 4)}-${uniq()}`;
    const res = await community.post('/api/points/rules', { code, name: `测试发放（${scheme}）`, scheme, points: 10, maxPoints: 5000, areaCode: '320614103001' });
    expect(res.statusCode, res.body).toBe(201);
    fundingRules.set(scheme, code);
  }
  return fundingRules.get(scheme)!;
}

async function fund(username: string, scheme: string, points: number): Promise<string> {
  const proposed = await community.post('/api/points/awards', { username, scheme, ruleCode: await fundingRule(scheme), points, note: '测试发放' });
  expect(proposed.statusCode, proposed.body).toBe(201);
  const id = json<Award>(proposed).id;
  const approved = await secretary.post(`/api/points/awards/${id}/approve`);
  expect(approved.statusCode, approved.body).toBe(200);
  return id;
}

const balanceOf = async (c: Client, scheme: string) => json<Me>(await c.get('/api/points/me')).accounts.find((a) => a.scheme === scheme) ?? { balance: 0, held: 0 };

async function newItem(over: Record<string, unknown> = {}): Promise<Item> {
  const res = await merchant.post('/api/points/items', { name: `测试商品 ${uniq()}`, scheme: 'neighbourhood', kind: 'goods', price: 30, stock: 3, ...over });
  expect(res.statusCode, res.body).toBe(201);
  return json<Item>(res);
}

const itemOf = async (c: Client, id: string) => json<{ items: Item[] }>(await c.get('/api/points/items')).items.find((i) => i.id === id);

describe('the contract', () => {
  it('shows the seeded rules, items and balances in the contract’s shapes', async () => {
    const resident = await t.as('resident');
    const me = json<Me>(await resident.get('/api/points/me'));
    const n = me.accounts.find((a) => a.scheme === 'neighbourhood')!;
    expect(n.balance).toBeGreaterThan(0);
    expect(me.accounts.find((a) => a.scheme === 'family')!.balance).toBeGreaterThan(0);
    expect(me.accounts.some((a) => a.scheme === 'vanguard')).toBe(false);
    // A shop's account holds no personal points; it sees its merchant accounts.
    expect(json<Me>(await merchant.get('/api/points/me')).accounts).toEqual([]);
    expect(json<Me>(await merchant.get('/api/points/me')).abilities).toEqual(expect.arrayContaining(['points.items.manage', 'points.redemptions.confirm']));
    expect(json<Me>(await secretary.get('/api/points/me')).abilities).toEqual(expect.arrayContaining(['points.awards.approve', 'points.rules.edit']));
    const party = json<Me>(await (await t.as('party')).get('/api/points/me'));
    expect(party.accounts.find((a) => a.scheme === 'vanguard')!.balance).toBeGreaterThan(0);

    const rules = json<{ items: Record<string, unknown>[] }>(await resident.get('/api/points/rules'));
    expect(rules.items.length).toBeGreaterThan(10);
    for (const r of rules.items) expect(r).toEqual(expect.objectContaining({ code: expect.any(String), name: expect.any(String), scheme: expect.any(String), points: expect.any(Number) }));
    // 状元街's own rule overrides the district's rule of the same code.
    expect(rules.items.find((r) => r.code === 'household-visit')).toMatchObject({ points: 3, areaCode: '320614103001' });
    expect(rules.items.some((r) => r.code === 'convention-garbage')).toBe(true);

    const items = json<{ items: Item[] }>(await resident.get('/api/points/items'));
    const rice = items.items.find((i) => i.name.startsWith('东北大米'))!;
    expect(rice).toEqual(expect.objectContaining({ id: expect.any(String), name: expect.any(String), merchant: '状元街邻里便民超市', price: 200, stock: expect.any(Number), scheme: 'neighbourhood' }));
    expect(items.items.some((i) => i.kind === 'donation')).toBe(true);
    expect(items.items.some((i) => i.kind === 'property-fee')).toBe(true);
  });

  it('refuses anonymous callers and malformed requests with 4xx in the contract’s error shape', async () => {
    expect((await t.anonymous().get('/api/points/me')).statusCode).toBe(401);
    const resident = await t.as('resident');
    const bad: [string, string, unknown, number, string | null][] = [
      ['POST', '/api/points/awards', { scheme: 'neighbourhood', ruleCode: 'x', note: 'n' }, 400, 'username'],
      ['POST', '/api/points/awards', { username: 'resident', scheme: 'gold', ruleCode: 'x', note: 'n' }, 400, 'scheme'],
      ['POST', '/api/points/awards', { username: 'resident', scheme: 'neighbourhood', ruleCode: 'elderly-care', points: -5, note: 'n' }, 400, 'points'],
      ['POST', '/api/points/awards', { username: 'resident', scheme: 'neighbourhood', ruleCode: 'elderly-care', points: 1.5, note: 'n' }, 400, 'points'],
      ['POST', '/api/points/awards', { username: 'resident', scheme: 'neighbourhood', ruleCode: 'elderly-care' }, 400, 'note'],
      ['POST', '/api/points/awards', { username: 'resident', scheme: 'neighbourhood', ruleCode: 'no-such-rule', note: 'n' }, 400, 'ruleCode'],
      ['POST', '/api/points/awards', { username: 'resident', scheme: 'vanguard', ruleCode: 'party-day', note: 'n' }, 400, 'username'],
      ['POST', '/api/points/awards', { username: 'resident', scheme: 'family', ruleCode: 'party-day', note: 'n' }, 400, 'scheme'],
      ['POST', '/api/points/awards', { username: 'resident', scheme: 'neighbourhood', ruleCode: 'case-verified', note: 'n' }, 400, 'ruleCode'],
      ['POST', '/api/points/awards', { username: 'resident', scheme: 'neighbourhood', ruleCode: 'elderly-care', factors: ['backbone'], note: 'n' }, 400, 'factors'],
      ['POST', '/api/points/awards', { username: 'resident', scheme: 'neighbourhood', ruleCode: 'elderly-care', points: 99, note: 'n' }, 400, 'points'],
      ['POST', '/api/points/awards', 'not json', 400, null],
      ['POST', '/api/points/redemptions', { itemId: 'nope', quantity: 1 }, 400, 'itemId'],
      ['POST', '/api/points/redemptions', { itemId: '00000000-0000-0000-0000-000000000000', quantity: 0 }, 400, 'quantity'],
      ['POST', '/api/points/redemptions', { itemId: '00000000-0000-0000-0000-000000000000', quantity: 1 }, 404, null],
      ['POST', '/api/points/redemptions', { itemId: '00000000-0000-0000-0000-000000000000', quantity: '2' }, 400, 'quantity'],
      ['GET', '/api/points/statement', undefined, 400, 'scheme'],
      ['GET', '/api/points/leaderboard?scheme=vanguard&month=2026-13', undefined, 400, 'month'],
      ['GET', '/api/points/leaderboard?scheme=vanguard&area=abc', undefined, 400, 'area'],
      ['GET', '/api/points/awards/not-a-uuid', undefined, 400, 'id'],
      ['POST', '/api/points/redemptions/00000000-0000-0000-0000-000000000000/confirm', { code: 'forged' }, 404, null],
    ];
    for (const [method, url, body, status, field] of bad) {
      const res = await community.request(method as 'GET', url, body, body === undefined ? {} : { 'content-type': 'application/json' });
      expect(res.statusCode, `${method} ${url} ${JSON.stringify(body)} → ${res.body}`).toBe(status);
      const err = json<{ error: { code: string; message: string } }>(res).error;
      expect(err.code).toEqual(expect.any(String));
      expect(err.message).toEqual(expect.any(String));
      if (field) expect(res.body).toContain(field);
    }
    // A resident may not propose awards at all.
    expect((await resident.post('/api/points/awards', { username: 'party', scheme: 'neighbourhood', ruleCode: 'elderly-care', note: '帮忙' })).statusCode).toBe(403);
  });
});

describe('four-eyes awards', () => {
  it('community proposes, the proposer cannot approve, the secretary approves; the statement shows who and why', async () => {
    const r = await newUser(['resident']);
    const proposed = await community.post('/api/points/awards', { username: r.username, scheme: 'neighbourhood', ruleCode: 'neighbour-mediation', note: '调解楼上楼下漏水纠纷' });
    expect(proposed.statusCode).toBe(201);
    const award = json<Award>(proposed);
    expect(award).toMatchObject({ state: 'pending', points: 5 });
    expect(award.allowedActions).not.toContain('approve');

    const self = await community.post(`/api/points/awards/${award.id}/approve`);
    expect(self.statusCode).toBe(403);
    expect(json<{ error: { code: string } }>(self).error.code).toBe('self_approval');
    expect((await r.client.post(`/api/points/awards/${award.id}/approve`)).statusCode).toBe(403);
    expect((await balanceOf(r.client, 'neighbourhood')).balance).toBe(0);

    const inbox = json<{ items: Award[] }>(await secretary.get('/api/points/awards?box=approve&pageSize=200'));
    expect(inbox.items.find((a) => a.id === award.id)?.allowedActions).toEqual(['approve', 'reject']);
    const approved = await secretary.post(`/api/points/awards/${award.id}/approve`);
    expect(approved.statusCode).toBe(200);
    expect(json<Award>(approved)).toMatchObject({ id: award.id, state: 'approved' });
    expect((await secretary.post(`/api/points/awards/${award.id}/approve`)).statusCode).toBe(409);
    expect((await balanceOf(r.client, 'neighbourhood')).balance).toBe(5);

    const st = json<Statement>(await r.client.get('/api/points/statement?scheme=neighbourhood'));
    expect(st.account.balance).toBe(5);
    expect(st.items[0]).toMatchObject({ kind: 'award', amount: 5, balance: 5, authorisedBy: '茅卫东（状元街社区党委书记）' });
    expect(st.items[0]!.counterparty.name).toContain('发放池');
    expect(st.items[0]!.note).toContain('调解楼上楼下漏水纠纷');
    // The recipient sees the award; another resident does not.
    expect((await r.client.get(`/api/points/awards/${award.id}`)).statusCode).toBe(200);
    expect((await (await t.as('resident')).get(`/api/points/awards/${award.id}`)).statusCode).toBe(404);
  });

  it('rejects with a reason; a rejected award never posts', async () => {
    const r = await newUser(['resident']);
    const award = json<Award>(await community.post('/api/points/awards', { username: r.username, scheme: 'neighbourhood', ruleCode: 'safety-patrol', note: '巡防' }));
    expect((await secretary.post(`/api/points/awards/${award.id}/reject`, {})).statusCode).toBe(400);
    const rejected = await secretary.post(`/api/points/awards/${award.id}/reject`, { reason: '当日未参加巡防' });
    expect(json<Award>(rejected).state).toBe('rejected');
    expect((await secretary.post(`/api/points/awards/${award.id}/approve`)).statusCode).toBe(409);
    expect((await balanceOf(r.client, 'neighbourhood')).balance).toBe(0);
  });

  it('computes vanguard points with the multiplier rule', async () => {
    const p = await newUser(['party-member']);
    const one = json<Award>(await community.post('/api/points/awards', { username: p.username, scheme: 'vanguard', ruleCode: 'party-mediation', factors: ['backbone'], note: '调解噪声纠纷' }));
    expect(one).toMatchObject({ basePoints: 5, multiplier: 1.5, points: 8 });
    const two = json<Award>(await community.post('/api/points/awards', { username: p.username, scheme: 'vanguard', ruleCode: 'hard-task', points: 20, factors: ['backbone', 'hard-task'], note: '防汛值守' }));
    // 20 × 1.5 × 2 = 60 (×3, the most any award is multiplied by).
    expect(two).toMatchObject({ basePoints: 20, points: 60, multiplier: 3 });
    expect((await community.post('/api/points/awards', { username: p.username, scheme: 'vanguard', ruleCode: 'party-day', factors: ['nope'], note: 'x' })).statusCode).toBe(400);
    await secretary.post(`/api/points/awards/${one.id}/approve`);
    await secretary.post(`/api/points/awards/${two.id}/approve`);
    expect((await balanceOf(p.client, 'vanguard')).balance).toBe(68);
  });

  it('enforces a rule’s per-person limits, counting proposals in flight', async () => {
    const r = await newUser(['resident']);
    const ok = [];
    for (let i = 0; i < 4; i++) ok.push(await community.post('/api/points/awards', { username: r.username, scheme: 'neighbourhood', ruleCode: 'deliberation', note: `议事 ${i}` }));
    expect(ok.map((x) => x.statusCode)).toEqual([201, 201, 201, 201]);
    const over = await community.post('/api/points/awards', { username: r.username, scheme: 'neighbourhood', ruleCode: 'deliberation', note: '议事 5' });
    expect(over.statusCode).toBe(409);
    expect(json<{ error: { code: string } }>(over).error.code).toBe('monthly_limit_exceeded');
  });

  it('corrects a mistake with a reversing transfer that names the original', async () => {
    const r = await newUser(['resident']);
    const id = await fund(r.username, 'neighbourhood', 40);
    expect((await (await t.as('grid')).post(`/api/points/awards/${id}/reverse`, { reason: '误发' })).statusCode).toBe(403);
    const reversed = await secretary.post(`/api/points/awards/${id}/reverse`, { reason: '重复登记，予以冲正' });
    expect(reversed.statusCode).toBe(200);
    expect(json<Award>(reversed).state).toBe('reversed');
    expect((await secretary.post(`/api/points/awards/${id}/reverse`, { reason: '再次' })).statusCode).toBe(409);
    expect((await balanceOf(r.client, 'neighbourhood')).balance).toBe(0);
    const st = json<Statement>(await r.client.get('/api/points/statement?scheme=neighbourhood'));
    expect(st.items.map((e) => [e.kind, e.amount, e.balance])).toEqual([
      ['reversal', -40, 0],
      ['award', 40, 40],
    ]);
    const rows = await t.ctx.db.execute<{ reverses_id: string | null; kind: string }>(sql`select kind, reverses_id::text from points_transfers where ref_type = 'award' and ref_id = ${id} order by id`);
    expect(rows.rows.map((x) => x.kind)).toEqual(['award', 'reversal']);
    expect(rows.rows[1]!.reverses_id).not.toBeNull();

    // Points already spent cannot be reversed away.
    const r2 = await newUser(['resident']);
    const id2 = await fund(r2.username, 'neighbourhood', 30);
    const item = await newItem({ price: 20 });
    expect((await r2.client.post('/api/points/redemptions', { itemId: item.id, quantity: 1 })).statusCode).toBe(201);
    const refused = await secretary.post(`/api/points/awards/${id2}/reverse`, { reason: '误发' });
    expect(refused.statusCode).toBe(409);
    expect(json<{ error: { code: string } }>(refused).error.code).toBe('insufficient_points');
  });

  it('keeps the ledger append-only', async () => {
    await expect(t.ctx.db.execute(sql`update points_transfers set amount = amount + 1 where id = (select min(id) from points_transfers)`)).rejects.toThrow();
    await expect(t.ctx.db.execute(sql`delete from points_transfers where id = (select min(id) from points_transfers)`)).rejects.toThrow();
    await expect(t.ctx.db.execute(sql`update points_accounts set balance = -1 where kind = 'person' and id = (select min(id::text)::uuid from points_accounts where kind = 'person')`)).rejects.toThrow();
  });
});

describe('redemption', () => {
  it('holds points and stock, the merchant confirms with the resident’s code, a cancellation releases both', async () => {
    const r = await newUser(['resident']);
    await fund(r.username, 'neighbourhood', 100);
    const item = await newItem({ price: 30, stock: 3 });
    expect(item.allowedActions).toEqual(['edit', 'restock']);
    expect((await itemOf(r.client, item.id))!.allowedActions).toEqual(['redeem']);

    const res = await r.client.post('/api/points/redemptions', { itemId: item.id, quantity: 2 });
    expect(res.statusCode).toBe(201);
    const red = json<Redemption>(res);
    expect(red).toMatchObject({ state: 'pending', amount: 60, balance: 40 });
    expect(await balanceOf(r.client, 'neighbourhood')).toMatchObject({ balance: 40, held: 60 });
    expect((await itemOf(r.client, item.id))!.stock).toBe(1);

    // The merchant scans the resident's code and sees the pending redemption.
    const { code } = json<{ code: string; expiresAt: string }>(await r.client.get('/api/points/me/code'));
    const pending = json<{ items: Redemption[] }>(await merchant.get(`/api/points/redemptions?box=merchant&state=pending&code=${encodeURIComponent(code)}`));
    expect(pending.items.map((x) => x.id)).toEqual([red.id]);
    expect(pending.items[0]!.allowedActions).toEqual(['confirm', 'cancel']);
    expect((await r.client.post(`/api/points/redemptions/${red.id}/confirm`, { code })).statusCode).toBe(403);
    expect((await merchant.post(`/api/points/redemptions/${red.id}/confirm`, {})).statusCode).toBe(400);
    const otherCode = json<{ code: string }>(await (await t.as('resident')).get('/api/points/me/code')).code;
    expect(json<{ error: { code: string } }>(await merchant.post(`/api/points/redemptions/${red.id}/confirm`, { code: otherCode })).error.code).toBe('code_mismatch');
    const forged = code.slice(0, -3) + (code.endsWith('AAA') ? 'BBB' : 'AAA');
    expect(json<{ error: { code: string } }>(await merchant.post(`/api/points/redemptions/${red.id}/confirm`, { code: forged })).error.code).toBe('invalid_code');

    const merchantBefore = json<Me>(await merchant.get('/api/points/me')).merchantAccounts.find((a) => a.scheme === 'neighbourhood')?.balance ?? 0;
    const confirmed = await merchant.post(`/api/points/redemptions/${red.id}/confirm`, { code });
    expect(confirmed.statusCode).toBe(200);
    expect(json<Redemption>(confirmed).state).toBe('confirmed');
    expect(await balanceOf(r.client, 'neighbourhood')).toMatchObject({ balance: 40, held: 0 });
    expect(json<Me>(await merchant.get('/api/points/me')).merchantAccounts.find((a) => a.scheme === 'neighbourhood')!.balance).toBe(merchantBefore + 60);
    expect((await r.client.post(`/api/points/redemptions/${red.id}/cancel`, {})).statusCode).toBe(409);

    // Cancel before confirmation: points and stock come back.
    const second = json<Redemption>(await r.client.post('/api/points/redemptions', { itemId: item.id, quantity: 1 }));
    expect((await itemOf(r.client, item.id))!.stock).toBe(0);
    expect((await merchant.post(`/api/points/redemptions/${second.id}/cancel`, {})).statusCode).toBe(400);
    const cancelled = await r.client.post(`/api/points/redemptions/${second.id}/cancel`, { reason: '不需要了' });
    expect(json<Redemption>(cancelled).state).toBe('cancelled');
    expect(await balanceOf(r.client, 'neighbourhood')).toMatchObject({ balance: 40, held: 0 });
    expect((await itemOf(r.client, item.id))!.stock).toBe(1);

    const st = json<Statement>(await r.client.get('/api/points/statement?scheme=neighbourhood'));
    expect(st.items.map((e) => [e.kind, e.amount, e.heldChange, e.balance, e.held])).toEqual([
      ['redeem-release', 30, -30, 40, 0],
      ['redeem-hold', -30, 30, 10, 30],
      ['redeem-confirm', 0, -60, 40, 0],
      ['redeem-hold', -60, 60, 40, 60],
      ['award', 100, 0, 100, 0],
    ]);
    expect(st.items[2]!.counterparty.name).toBe('状元街邻里便民超市');
  });

  it('answers 409 insufficient_points and out_of_stock, and changes nothing', async () => {
    const r = await newUser(['resident']);
    await fund(r.username, 'neighbourhood', 50);
    const item = await newItem({ price: 30, stock: 1 });
    // The shop says beforehand what is affordable: an item dearer than the balance offers no 'redeem' and says why.
    const seen = (await itemOf(r.client, item.id))!;
    expect(seen.allowedActions).toContain('redeem');
    expect(seen.unavailable).toBeNull();
    const dear = await newItem({ price: 80, stock: 5 });
    const dearSeen = (await itemOf(r.client, dear.id))!;
    expect(dearSeen.allowedActions).not.toContain('redeem');
    expect(dearSeen.unavailable).toMatchObject({ code: 'insufficient', short: 30 });
    expect(dearSeen.unavailable!.message).toContain('积分不足');
    const poor = await r.client.post('/api/points/redemptions', { itemId: item.id, quantity: 2 });
    expect(poor.statusCode).toBe(409);
    expect(json<{ error: { code: string } }>(poor).error.code).toBe('insufficient_points');
    const r2 = await newUser(['resident']);
    await fund(r2.username, 'neighbourhood', 500);
    const many = await r2.client.post('/api/points/redemptions', { itemId: item.id, quantity: 2 });
    expect(many.statusCode).toBe(409);
    expect(json<{ error: { code: string } }>(many).error.code).toBe('out_of_stock');
    expect((await balanceOf(r2.client, 'neighbourhood')).balance).toBe(500);
    expect((await itemOf(r2.client, item.id))!.stock).toBe(1);
    // Someone with no account at all is simply short of points.
    const r3 = await newUser(['resident']);
    expect(json<{ error: { code: string } }>(await r3.client.post('/api/points/redemptions', { itemId: item.id, quantity: 1 })).error.code).toBe('insufficient_points');
  });

  it('the merchant checks off with the 8-character short code typed at the till', async () => {
    const r = await newUser(['resident']);
    await fund(r.username, 'neighbourhood', 100);
    const item = await newItem({ price: 20, stock: 5 });
    const red = json<Redemption>(await r.client.post('/api/points/redemptions', { itemId: item.id, quantity: 1 }));
    expect(red.shortCode).toMatch(/^[346789ABCDEFGHJKMNPQRTWXY]{4}-[346789ABCDEFGHJKMNPQRTWXY]{4}$/);
    const mine = json<{ items: Redemption[] }>(await r.client.get('/api/points/redemptions?box=mine&state=pending'));
    expect(mine.items.find((x) => x.id === red.id)?.shortCode).toBe(red.shortCode);
    // Typed loosely: lower case, no dash.
    const typed = red.shortCode!.replace('-', '').toLowerCase();
    const found = json<{ items: Redemption[] }>(await merchant.get(`/api/points/redemptions?box=merchant&state=pending&code=${typed}`));
    expect(found.items.map((x) => x.id)).toEqual([red.id]);
    const wrong = typed.slice(0, 7) + (typed.endsWith('a') ? 'b' : 'a');
    const bad = await merchant.post(`/api/points/redemptions/${red.id}/confirm`, { code: wrong });
    expect(bad.statusCode).toBe(400);
    expect(json<{ error: { code: string; message: string } }>(bad).error).toMatchObject({ code: 'code_mismatch' });
    const ok = await merchant.post(`/api/points/redemptions/${red.id}/confirm`, { code: typed });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(json<Redemption>(ok).state).toBe('confirmed');
    // Once closed, the code names nothing.
    expect(json<{ items: Redemption[] }>(await merchant.get(`/api/points/redemptions?box=merchant&state=pending&code=${typed}`)).items).toEqual([]);
  });

  it('honours Idempotency-Key: the same key redeems once', async () => {
    const r = await newUser(['resident']);
    await fund(r.username, 'neighbourhood', 100);
    const item = await newItem({ price: 10, stock: 10 });
    const key = `k-${uniq()}`;
    const send = () => r.client.request('POST', '/api/points/redemptions', { itemId: item.id, quantity: 1 }, { 'idempotency-key': key });
    const [a, b] = await Promise.all([send(), send()]);
    const c = await send();
    expect([a.statusCode, b.statusCode, c.statusCode]).toEqual([201, 201, 201]);
    expect(new Set([a, b, c].map((x) => json<Redemption>(x).id)).size).toBe(1);
    expect((await balanceOf(r.client, 'neighbourhood')).balance).toBe(90);
    const other = await r.client.request('POST', '/api/points/redemptions', { itemId: item.id, quantity: 1 }, { 'idempotency-key': `k-${uniq()}` });
    expect(json<Redemption>(other).id).not.toBe(json<Redemption>(a).id);
    expect((await balanceOf(r.client, 'neighbourhood')).balance).toBe(80);
    // Items and rules, created with a key, are created once.
    const ikey = `i-${uniq()}`;
    const itemBody = { name: `测试商品 ${uniq()}`, scheme: 'neighbourhood', kind: 'goods', price: 5, stock: 5 };
    const i1 = await merchant.request('POST', '/api/points/items', itemBody, { 'idempotency-key': ikey });
    const i2 = await merchant.request('POST', '/api/points/items', itemBody, { 'idempotency-key': ikey });
    expect([i1.statusCode, i2.statusCode]).toEqual([201, 201]);
    expect(json<Item>(i2).id).toBe(json<Item>(i1).id);
    // Awards honour it too.
    const r2 = await newUser(['resident']);
    const akey = `a-${uniq()}`;
    const body = { username: r2.username, scheme: 'neighbourhood', ruleCode: 'safety-patrol', note: '巡防' };
    const first = await community.request('POST', '/api/points/awards', body, { 'idempotency-key': akey });
    const again = await community.request('POST', '/api/points/awards', body, { 'idempotency-key': akey });
    expect(json<Award>(again).id).toBe(json<Award>(first).id);
  });

  it('returns the points of a donation to the giver once the love supermarket confirms (积分返还)', async () => {
    const r = await newUser(['resident']);
    await fund(r.username, 'neighbourhood', 40);
    const created = await community.post('/api/points/items', { merchantId: officeId, name: `爱心米油包 ${uniq()}`, scheme: 'neighbourhood', kind: 'donation', price: 40, stock: 5 });
    expect(created.statusCode).toBe(201);
    const item = json<Item>(created);
    const red = json<Redemption>(await r.client.post('/api/points/redemptions', { itemId: item.id, quantity: 1, note: '送给 5 幢困难户' }));
    expect((await balanceOf(r.client, 'neighbourhood')).balance).toBe(0);
    // The community office runs the love supermarket: its keeper confirms the delivery, with the giver's code.
    const noCode = await community.post(`/api/points/redemptions/${red.id}/confirm`, {});
    expect(noCode.statusCode).toBe(400);
    expect(json<{ error: { code: string } }>(noCode).error.code).toBe('missing_field');
    const { code } = json<{ code: string }>(await r.client.get('/api/points/me/code'));
    const confirmed = await community.post(`/api/points/redemptions/${red.id}/confirm`, { code });
    expect(confirmed.statusCode).toBe(200);
    expect(await balanceOf(r.client, 'neighbourhood')).toMatchObject({ balance: 40, held: 0 });
    const st = json<Statement>(await r.client.get('/api/points/statement?scheme=neighbourhood'));
    expect(st.items[0]).toMatchObject({ kind: 'refund', amount: 40, balance: 40 });
    expect(st.items[0]!.counterparty.name).toContain('发放池');
  });

  it('another account of the community office is not the love supermarket: it neither reads nor confirms nor cancels (issue 11 #10)', async () => {
    const r = await newUser(['resident']);
    await fund(r.username, 'neighbourhood', 40);
    const item = json<Item>(await community.post('/api/points/items', { merchantId: officeId, name: `爱心文具包 ${uniq()}`, scheme: 'neighbourhood', kind: 'donation', price: 40, stock: 5 }));
    const red = json<Redemption>(await r.client.post('/api/points/redemptions', { itemId: item.id, quantity: 1 }));
    // The grid worker of another grid of the same office.
    const gw = await newUser(['grid-worker'], '320614103001002', officeId);
    const { code } = json<{ code: string }>(await r.client.get('/api/points/me/code'));
    expect((await gw.client.get(`/api/points/redemptions/${red.id}`)).statusCode).toBe(404);
    expect((await gw.client.post(`/api/points/redemptions/${red.id}/confirm`, { code })).statusCode).toBe(404);
    expect((await gw.client.post(`/api/points/redemptions/${red.id}/cancel`, { reason: '不送了' })).statusCode).toBe(404);
    expect((await gw.client.get('/api/points/redemptions?box=merchant')).statusCode).toBe(403);
    expect(json<Redemption>(await r.client.get(`/api/points/redemptions/${red.id}`)).state).toBe('pending');
  });

  it('offers property-fee offsets only from property companies', async () => {
    expect((await community.post('/api/points/items', { merchantId: shopId, name: '物业费抵扣', scheme: 'family', kind: 'property-fee', price: 100, stock: 10 })).statusCode).toBe(400);
    const ok = await community.post('/api/points/items', { merchantId: propertyId, name: `物业费抵扣 5 元 ${uniq()}`, scheme: 'family', kind: 'property-fee', price: 50, stock: 100 });
    expect(ok.statusCode).toBe(201);
    expect(json<Item>(ok)).toMatchObject({ kind: 'property-fee', merchant: '海门常乐物业服务有限公司' });
    // A merchant manages only its own catalogue.
    expect((await merchant.post('/api/points/items', { merchantId: propertyId, name: 'x', scheme: 'family', kind: 'goods', price: 1, stock: 1 })).statusCode).toBe(403);
  });
});

describe('scope', () => {
  it('a community cannot award, approve or read outside its area', async () => {
    const other = await newUser(['community-worker'], '320614103002');
    const mine = await newUser(['resident']);
    const outside = await other.client.post('/api/points/awards', { username: mine.username, scheme: 'neighbourhood', ruleCode: 'safety-patrol', note: '巡防' });
    expect(outside.statusCode).toBe(404);
    const theirs = await newUser(['resident'], '320614103002001');
    const proposed = await other.client.post('/api/points/awards', { username: theirs.username, scheme: 'neighbourhood', ruleCode: 'safety-patrol', note: '巡防' });
    expect(proposed.statusCode).toBe(201);
    const id = json<Award>(proposed).id;
    expect((await secretary.post(`/api/points/awards/${id}/approve`)).statusCode).toBe(404);
    expect((await secretary.get(`/api/points/awards/${id}`)).statusCode).toBe(404);
    expect(json<{ items: Award[] }>(await secretary.get('/api/points/awards?box=approve&pageSize=200')).items.some((a) => a.id === id)).toBe(false);
    // The town sees it, and a town-level approver of the rule could act on it.
    expect((await (await t.as('town')).get(`/api/points/awards/${id}`)).statusCode).toBe(200);
    // Rules outside one's area cannot be edited; the district's can only be overridden.
    const districtRule = json<{ items: { id: string; code: string; areaCode: string }[] }>(await community.get('/api/points/rules')).items.find((r) => r.code === 'safety-patrol')!;
    expect(districtRule.areaCode).toBe('320614');
    expect((await community.patch(`/api/points/rules/${districtRule.id}`, { points: 30 })).statusCode).toBe(403);
    expect((await other.client.get(`/api/points/leaderboard?scheme=neighbourhood&area=320614103001`)).statusCode).toBe(404);
  });

  it('a merchant of another area is not found for a new item, and nothing is listed', async () => {
    const other = await newUser(['community-worker'], '320614103002');
    const name = `越界商品 ${uniq()}`;
    for (const merchantId of [shopId, officeId]) {
      const res = await other.client.post('/api/points/items', { merchantId, name, scheme: 'neighbourhood', kind: 'goods', price: 1, stock: 1 });
      expect(res.statusCode).toBe(404);
      expect(json<{ error: { code: string } }>(res).error.code).toBe('invalid_merchant');
    }
    expect(json<{ items: { name: string }[] }>(await community.get('/api/points/items?all=true')).items.some((i) => i.name === name)).toBe(false);
  });
});

describe('automatic awards', () => {
  it('posts exactly once per rule and event, even when called concurrently inside transactions', async () => {
    const r = await newUser(['resident']);
    const ref = `case-${uniq()}`;
    const call = () => t.ctx.db.transaction((tx) => awardAutomatically(tx, { ruleCode: 'case-verified', userId: r.id, refType: 'case', refId: ref }));
    const results = await Promise.all([call(), call(), call(), call()]);
    expect(results.filter((x) => x.status === 'posted')).toHaveLength(1);
    expect(results.filter((x) => x.status === 'duplicate')).toHaveLength(3);
    expect((await call()).status).toBe('duplicate');
    expect((await balanceOf(r.client, 'neighbourhood')).balance).toBe(3);
    const st = json<Statement>(await r.client.get('/api/points/statement?scheme=neighbourhood'));
    expect(st.items[0]).toMatchObject({ kind: 'award', amount: 3, authorisedBy: '系统' });
    // Never throws for business reasons: unknown rules and ineligible users are skipped.
    expect(await t.ctx.db.transaction((tx) => awardAutomatically(tx, { ruleCode: 'no-such-rule', userId: r.id, refType: 'case', refId: ref }))).toMatchObject({ status: 'skipped', reason: 'no_rule' });
    expect(await t.ctx.db.transaction((tx) => awardAutomatically(tx, { ruleCode: 'party-day', userId: r.id, refType: 'x', refId: ref }))).toMatchObject({ status: 'skipped', reason: 'not_eligible' });
    // A rolled-back caller leaves nothing behind.
    const ref2 = `case-${uniq()}`;
    await expect(
      t.ctx.db.transaction(async (tx) => {
        await awardAutomatically(tx, { ruleCode: 'case-verified', userId: r.id, refType: 'case', refId: ref2 });
        throw new Error('case flow failed');
      }),
    ).rejects.toThrow('case flow failed');
    expect((await balanceOf(r.client, 'neighbourhood')).balance).toBe(3);
  });
});

describe('publication and audit', () => {
  it('ranks the month’s earners with stars, masks names for residents, exports CSV', async () => {
    const p = await newUser(['party-member']);
    await fund(p.username, 'vanguard', 300);
    const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
    const board = json<{ items: { rank: number; name: string; points: number; stars: number; me: boolean }[] }>(await secretary.get(`/api/points/leaderboard?scheme=vanguard&area=320614103001&month=${month}`));
    const row = board.items.find((x) => x.name.startsWith('测试' + p.username.slice(-4)))!;
    expect(row.points).toBeGreaterThanOrEqual(300);
    expect(row.stars).toBeGreaterThanOrEqual(4);
    const seen = json<{ items: { name: string; me: boolean }[] }>(await p.client.get(`/api/points/leaderboard?scheme=vanguard&month=${month}`));
    expect(seen.items.find((x) => x.me)!.name).toContain(p.username.slice(-4));
    expect(seen.items.filter((x) => !x.me).every((x) => /^\S\*+$/.test(x.name))).toBe(true);
    const areas = json<{ items: { areaCode: string; points: number }[] }>(await (await t.as('town')).get(`/api/points/leaderboard?scheme=vanguard&by=area&month=${month}`));
    expect(areas.items.find((a) => a.areaCode === '320614103001')!.points).toBeGreaterThanOrEqual(300);
    const csv = await secretary.get(`/api/points/leaderboard?scheme=vanguard&area=320614103001&month=${month}&format=csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('名次,姓名');
  });

  it('lets staff read accounts and statements in scope, and audits the whole ledger', async () => {
    const list = json<{ items: { id: string; kind: string }[] }>(await community.get('/api/points/accounts?kind=person&pageSize=50'));
    expect(list.items.length).toBeGreaterThan(0);
    expect((await community.get(`/api/points/accounts/${list.items[0]!.id}/statement`)).statusCode).toBe(200);
    expect((await (await t.as('resident')).get('/api/points/accounts')).statusCode).toBe(403);
    expect((await community.get('/api/points/audit')).statusCode).toBe(403);
    const report = json<{ ok: boolean; checkedAt: string; problems: unknown[]; schemes: { scheme: string; sum: number }[] }>(await admin.get('/api/points/audit'));
    expect(report.problems).toEqual([]);
    // The check runs on request: the answer says when it read the ledger.
    expect(Math.abs(Date.parse(report.checkedAt) - Date.now())).toBeLessThan(60_000);
    expect(report.ok).toBe(true);
    expect(report.schemes.every((s) => s.sum === 0)).toBe(true);
    expect((await auditLedger(t.ctx.db)).ok).toBe(true);
  });
});
