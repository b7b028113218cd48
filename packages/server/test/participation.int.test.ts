import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { Client, createTestApp, json, uniq, type TestApp } from './helpers.ts';

// The cockpit's 参与共治 panel and the decisions on the public wall. The figures are compared with
// counts taken straight from the tables, written independently of the repository's SQL.
const COMMUNITY = '320614103001';
const NEIGHBOUR = '320614103002';

let t: TestApp;
let community: Client;
let resident: Client;
let party: Client;
let town: Client;
let residentPerson: string;

interface Participation {
  area: string;
  period: { from: string; to: string };
  needs: number;
  needsMet: number;
  metShare: number | null;
  closed: number;
  closedOnTime: number;
  onTimeShare: number | null;
  participants: number;
  quarter: { quarter: string; from: string; to: string; participants: number };
  trend: { month: string; needs: number; needsMet: number; closed: number; closedOnTime: number; participants: number }[];
}

const startOf = (day: string) => new Date(`${day}T00:00:00+08:00`);
const endOf = (day: string) => new Date(startOf(day).getTime() + 86400_000);
const cstMonth = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 7);

/** Every participation act inside the area, as (who, when) pairs read row by row; deduplicated here. */
async function acts(area: string): Promise<{ who: string; at: Date }[]> {
  const like = `${area}%`;
  const q = async (query: ReturnType<typeof sql>) => (await t.ctx.db.execute<{ who: string | null; at: string | Date }>(query)).rows;
  const rows = [
    ...(await q(sql`select coalesce(u.person_id::text, 'u:' || u.id::text) as who, i.created_at as at from ideas i, users u where u.id = i.author_user_id and i.area_code like ${like}`)),
    ...(await q(sql`select coalesce(u.person_id::text, 'u:' || u.id::text) as who, s.created_at as at from idea_supports s, ideas i, users u where i.id = s.idea_id and u.id = s.user_id and i.area_code like ${like}`)),
    ...(await q(sql`select r.person_id::text as who, b.online, u.person_id::text as upid, u.id::text as uid, b.created_at as at
                    from deliberation_ballots b, deliberation_roll r, deliberations d, users u
                    where r.id = b.roll_id and d.id = b.deliberation_id and u.id = b.recorded_by and d.area_code like ${like}`).then((rs) =>
      rs.map((r) => {
        const x = r as unknown as { who: string | null; online: boolean; upid: string | null; uid: string; at: Date };
        return { who: x.who ?? (x.online ? (x.upid ?? `u:${x.uid}`) : null), at: x.at };
      }),
    )),
    ...(await q(sql`select s.person_id::text as who, s.signed_at as at from project_supervisors s, projects p where p.id = s.project_id and s.signed_at is not null and p.area_code like ${like}`)),
  ];
  return rows.filter((r) => r.who).map((r) => ({ who: r.who!, at: new Date(r.at) }));
}

async function recount(area: string, from: string, to: string) {
  const [f, e] = [startOf(from), endOf(to)];
  const inRange = (d: Date) => d >= f && d < e;
  const needs = (await t.ctx.db.execute<{ state: string; created_at: string | Date }>(sql`select state, created_at from needs where area_code like ${area + '%'}`)).rows.filter((n) => inRange(new Date(n.created_at)));
  const closed = (
    await t.ctx.db.execute<{ closed_at: string | Date; on_time: boolean }>(
      sql`select closed_at, (due_date is null or (closed_at at time zone 'Asia/Shanghai')::date <= due_date) as on_time from projects where state = 'closed' and area_code like ${area + '%'}`,
    )
  ).rows.filter((p) => inRange(new Date(p.closed_at)));
  const people = (await acts(area)).filter((a) => inRange(a.at));
  return {
    needs: needs.length,
    needsMet: needs.filter((n) => n.state === 'met').length,
    closed: closed.length,
    closedOnTime: closed.filter((p) => p.on_time).length,
    participants: new Set(people.map((p) => p.who)).size,
    byMonth: (month: string) => new Set(people.filter((p) => cstMonth(p.at) === month).map((p) => p.who)).size,
  };
}

beforeAll(async () => {
  t = await createTestApp();
  [community, resident, party, town] = await Promise.all([t.as('community'), t.as('resident'), t.as('party'), t.as('town')]);
  const [u] = (await t.ctx.db.execute<{ person_id: string }>(sql`select person_id from users where username = 'resident'`)).rows;
  residentPerson = u!.person_id;
  // Activity of this month: the resident posts an idea, a party member supports it, and the resident's
  // paper ballot is recorded in a consultation of the community (so the resident takes part twice).
  const idea = json<{ id: string }>(await resident.post('/api/ideas', { title: `楼道照明改造 ${uniq()}`, content: '3 号楼楼道灯常坏，建议换成声控 LED 灯。' }));
  expect((await party.post(`/api/ideas/${idea.id}/support`)).statusCode).toBe(200);
}, 300_000);
afterAll(async () => t?.close());

describe('GET /api/cockpit/participation', () => {
  it('equals a recount from the tables, for this month and for a long period, and counts each person once', async () => {
    for (const [from, to] of [
      [undefined, undefined],
      ['2020-01-01', undefined],
    ] as const) {
      const res = await community.get(`/api/cockpit/participation?area=${COMMUNITY}${from ? `&from=${from}` : ''}${to ? `&to=${to}` : ''}`);
      expect(res.statusCode).toBe(200);
      const p = json<Participation>(res);
      const r = await recount(COMMUNITY, p.period.from, p.period.to);
      expect({ needs: p.needs, needsMet: p.needsMet, closed: p.closed, closedOnTime: p.closedOnTime, participants: p.participants }).toEqual({
        needs: r.needs,
        needsMet: r.needsMet,
        closed: r.closed,
        closedOnTime: r.closedOnTime,
        participants: r.participants,
      });
      expect(p.metShare).toBe(r.needs ? Math.round((r.needsMet / r.needs) * 10000) / 10000 : null);
      expect(p.onTimeShare).toBe(r.closed ? Math.round((r.closedOnTime / r.closed) * 10000) / 10000 : null);
      for (const m of p.trend) expect(m.participants, m.month).toBe(r.byMonth(m.month));
      expect(p.trend.reduce((a, m) => a + m.needs, 0)).toBe(p.needs);
      expect(p.trend.reduce((a, m) => a + m.closed, 0)).toBe(p.closed);
      const q = await recount(COMMUNITY, p.quarter.from, p.quarter.to);
      expect(p.quarter.participants).toBe(q.participants);
      expect(p.participants).toBeGreaterThanOrEqual(2);
    }
  });

  it('a resident who posted an idea and voted counts once', async () => {
    const before = json<Participation>(await community.get(`/api/cockpit/participation?area=${COMMUNITY}`)).participants;
    const d = json<{ id: string; roll: { id: string }[] }>(
      await community.post('/api/deliberations', {
        title: `议事 ${uniq()}`,
        description: '是否同意在小区东门加装非机动车充电棚',
        areaCode: COMMUNITY,
        body: 'consultation',
        roll: [{ name: '测试居民', personId: residentPerson }],
      }),
    );
    expect((await community.post(`/api/deliberations/${d.id}/ballots`, { rollId: d.roll[0]!.id, choice: 'yes' })).statusCode).toBe(201);
    const after = json<Participation>(await community.get(`/api/cockpit/participation?area=${COMMUNITY}`)).participants;
    expect(after).toBe(before);
  });

  it('scope: a community sees its own by default, a neighbour answers 404, a department and a resident 403', async () => {
    const own = json<Participation>(await community.get('/api/cockpit/participation'));
    expect(own.area).toBe(COMMUNITY);
    expect((await community.get(`/api/cockpit/participation?area=${NEIGHBOUR}`)).statusCode).toBe(404);
    expect((await community.get('/api/cockpit/participation?area=320614103')).statusCode).toBe(404);
    expect((await (await t.as('dept-cg')).get('/api/cockpit/participation')).statusCode).toBe(403);
    expect((await resident.get('/api/cockpit/participation')).statusCode).toBe(403);
    // The town's figure covers its communities: at least the community's participants.
    const townFig = json<Participation>(await town.get('/api/cockpit/participation?area=320614103'));
    expect(townFig.participants).toBeGreaterThanOrEqual(own.participants);
    const bad = await community.get('/api/cockpit/participation?from=2026-13-01');
    expect(bad.statusCode).toBe(400);
  });
});

describe('the wall shows decisions without names', () => {
  it('a decided deliberation of the area is on /api/wall/decisions with its result in words; no roll, no names', async () => {
    const who = `王测${uniq().slice(-4)}`;
    const d = json<{ id: string; roll: { id: string }[] }>(
      await community.post('/api/deliberations', {
        title: `加装充电棚 ${uniq()}`,
        description: '是否同意在小区东门加装非机动车充电棚，联系 13912345678',
        areaCode: COMMUNITY,
        body: 'consultation',
        roll: [{ name: who }, { name: `${who}乙` }, { name: `${who}丙` }],
      }),
    );
    for (const [i, c] of ['yes', 'yes', 'no'].entries()) expect((await community.post(`/api/deliberations/${d.id}/ballots`, { rollId: d.roll[i]!.id, choice: c })).statusCode).toBe(201);
    expect((await community.post(`/api/deliberations/${d.id}/actions/close`)).statusCode).toBe(200);
    const res = await t.anonymous().get(`/api/wall/decisions?area=${COMMUNITY}&pageSize=50`);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain(who);
    expect(res.body).not.toContain('13912345678');
    const item = json<{ items: { id: string; result: string; passed: boolean; decidedAt: string; bodyName: string }[] }>(res).items.find((x) => x.id === d.id)!;
    expect(item).toMatchObject({ passed: true, bodyName: '议事协商会' });
    expect(item.result).toMatch(/^表决通过：同意 2 票、反对 1 票、弃权 0 票；/);
    expect(item.decidedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    // Another community's wall does not show it; an open deliberation is not on any wall.
    const other = json<{ items: { id: string }[] }>(await t.anonymous().get(`/api/wall/decisions?area=${NEIGHBOUR}&pageSize=50`));
    expect(other.items.some((x) => x.id === d.id)).toBe(false);
    expect((await t.anonymous().get('/api/wall/decisions?area=abc')).statusCode).toBe(400);
  });

  it('the projects wall carries milestone photos as signed links', async () => {
    const res = await t.anonymous().get(`/api/projects/wall?area=${COMMUNITY}`);
    expect(res.statusCode).toBe(200);
    for (const p of json<{ items: { photos: { url: string }[] }[] }>(res).items) for (const ph of p.photos) expect(ph.url).toMatch(/^\/api\/files\/.+sig=/);
  });
});
