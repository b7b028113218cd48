// The light demo (seed/light.ts): a town outside the generated ones gets households, accounts, points,
// visits, patrols and a year of cases, so the district's cockpit shows it at work. The test app seeds
// without it (DEMO_LIGHT=false keeps each file quick); here one town is added as the first start adds
// all of them. On a shared PostgreSQL database a previous run may have added it already.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, json, type TestApp } from './helpers.ts';
import { lightVillages, seedLightActivity, seedLightPopulation, LIGHT_HOUSEHOLDS } from '../src/seed/light.ts';
import { seedCaseHistory } from '../src/seed/case-history.ts';
import { DEMO_PASSWORD } from '../src/seed/demo.ts';

const TOWN = '320614104'; // 海门街道 … any town outside 常乐镇
let t: TestApp;
let villages: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  const all = await t.ctx.db.execute<{ code: string }>(sql`select code from areas where level = 'village' and code like ${TOWN + '%'} order by code`);
  villages = all.rows.map((r) => r.code);
  const fresh = (await lightVillages(t.ctx.db, '320614', ['320614103'])).filter((v) => v.startsWith(TOWN));
  if (fresh.length > 0) {
    await seedLightPopulation(t.ctx.db, t.ctx.cipher, fresh);
    await seedLightActivity(t.ctx, fresh, DEMO_PASSWORD);
    await seedCaseHistory(t.ctx.db, [], () => {}, new Date(), fresh);
  }
});
afterAll(async () => t?.close());

interface Area {
  counts: { grids: number; households: number; people: number };
}

describe('the light demo of a town outside the generated ones', () => {
  it('finds only villages without people outside the generated areas', async () => {
    const list = await lightVillages(t.ctx.db, '320614', ['320614103']);
    expect(list.some((v) => v.startsWith('320614103'))).toBe(false);
    expect(list.some((v) => v.startsWith(TOWN))).toBe(false); // filled above
  });

  it('has a few households in every village, with residents', async () => {
    const leader = await t.as('leader');
    const town = json<Area>(await leader.get(`/api/areas/${TOWN}`));
    expect(town.counts.households).toBe(villages.length * LIGHT_HOUSEHOLDS);
    expect(town.counts.people).toBeGreaterThan(town.counts.households * 2);
    expect(town.counts.people).toBeLessThan(town.counts.households * 4);
  });

  it('gives every village a grid worker, a resident and a party member who can log in, with points', async () => {
    const v = villages[0]!;
    const resident = await t.as(`jm${v}`);
    const me = json<{ balances?: unknown; accounts?: { scheme: string; balance: number }[] }>(await resident.get('/api/points/me'));
    expect(JSON.stringify(me)).toMatch(/"balance":[1-9]/);
    const party = await t.as(`dy${v}`);
    expect((await party.get('/api/points/me')).statusCode).toBe(200);
    const worker = json<{ username: string; roles: string[] }>(await (await t.as(`wg${v}001`)).get('/api/auth/me'));
    expect(worker.roles).toContain('grid-worker');
  });

  it('shows the town with cases, awards, visits and patrols in the cockpit and the ledgers', async () => {
    const leader = await t.as('leader');
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const from = new Date(Date.now() + 8 * 3600_000 - 365 * 86400_000).toISOString().slice(0, 10);
    const vit = json<{ items: { code: string; index: number | null; inputs: { dueToClose: number; residents: number; awards: number } }[] }>(
      await leader.get(`/api/cockpit/vitality?area=320614&from=${from}&to=${today}`),
    );
    const town = vit.items.find((i) => i.code === TOWN)!;
    expect(town.inputs.residents).toBeGreaterThan(0);
    expect(town.inputs.dueToClose).toBeGreaterThan(0);
    expect(town.inputs.awards).toBeGreaterThan(0);
    expect(town.index).toBeGreaterThan(0);
    const visits = await t.ctx.db.execute<{ n: string }>(sql`select count(*) as n from party_visits where area_code like ${TOWN + '%'}`);
    expect(Number(visits.rows[0]!.n)).toBeGreaterThanOrEqual(villages.length * 3);
    const patrols = await t.ctx.db.execute<{ n: string }>(sql`select count(*) as n from party_patrols where grid_code like ${TOWN + '%'}`);
    expect(Number(patrols.rows[0]!.n)).toBe(villages.length * 10);
  });

  it('keeps the points ledger consistent', async () => {
    const admin = await t.as('admin');
    const audit = json<{ ok: boolean }>(await admin.get('/api/points/audit'));
    expect(audit.ok).toBe(true);
  });
});
