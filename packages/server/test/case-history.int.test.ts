import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { chinaDate, measuresOf, type Measures } from '@gongzhi/domain';
import { Client, createTestApp, json, type TestApp } from './helpers.ts';
import { add, recountCases, zero } from './recount.ts';

// The demo seed writes a year of case history for the villages whose people it generates (the
// test app: 状元街 320614103001 and 320614103002). Whatever other test files did to those cases
// since (on a shared PostgreSQL), the measures, timelines and actions must agree with the rows.
// The last tests take seeded work in progress forward: run them on a freshly seeded database.
const VILLAGE = '320614103001';
const TOWN = '320614103';

let t: TestApp;
let leader: Client;
let community: Client;

beforeAll(async () => {
  t = await createTestApp();
  leader = await t.as('leader');
  community = await t.as('community');
});
afterAll(async () => t?.close());

interface CaseView {
  id: string;
  code: string;
  state: string;
  timeline: { action: string; fromState: string | null; toState: string; at: string; actor: string }[];
  allowedActions: string[];
  handlerUnit?: { id: string; name: string };
  deadline: string | null;
  reworkCount: number;
  rating: string | null;
}

const q = async <T>(query: ReturnType<typeof sql>) => (await t.ctx.db.execute(query)).rows as T[];

/** The whole year, as the API counts it: cases reported from `fromDay` to today. */
async function expectStatsEqualRecount(area: string) {
  const now = new Date();
  const today = chinaDate(now);
  const fromDay = chinaDate(new Date(now.getTime() - 400 * 86400_000));
  const api = json<Record<string, number>>(await leader.get(`/api/stats/cases?area=${area}&from=${fromDay}&to=${today}`));
  const recounted = await recountCases(t.ctx.db, area, new Date(`${fromDay}T00:00:00+08:00`), new Date(new Date(`${today}T00:00:00+08:00`).getTime() + 86400_000), now);
  const expected: Measures = measuresOf(recounted.reduce((s, c) => add(s, c.n), zero()));
  for (const [k, v] of Object.entries(expected)) {
    if (k === 'avgHandlingHours') expect(Math.abs(api[k]! - v), `${area} ${k}`).toBeLessThanOrEqual(0.1);
    else if (k === 'combinedScore') expect(Math.abs(api[k]! - v), `${area} ${k}`).toBeLessThanOrEqual(0.0002);
    else expect(api[k], `${area} ${k}`).toBe(v);
  }
  return { api, recounted };
}

describe('demo case history', () => {
  it('is a year of cases in the seeded villages, with codes of the live format', async () => {
    const [row] = await q<{ n: number; first: string; last: string; villages: number }>(
      sql`select count(*)::int as n, min(created_at)::text as first, max(created_at)::text as last, count(distinct substr(area_code, 1, 12))::int as villages
          from cases where area_code like ${TOWN + '%'}`,
    );
    expect(row!.n).toBeGreaterThan(100);
    expect(row!.villages).toBeGreaterThanOrEqual(2);
    expect(Date.now() - new Date(row!.first).getTime()).toBeGreaterThan(300 * 86400_000);
    const codes = await q<{ code: string; day: string }>(sql`select code, to_char(created_at at time zone 'Asia/Shanghai', 'YYYYMMDD') as day from cases where area_code like ${VILLAGE + '%'} limit 200`);
    for (const c of codes) {
      expect(c.code).toMatch(/^HM\d{8}\d{7}$/);
      expect(c.code.slice(2, 10)).toBe(c.day);
    }
    const [audit] = await q<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'seed.case-history'`);
    expect(audit!.n).toBeGreaterThanOrEqual(1);
  });

  it('gives statistics equal to a recount from the timeline, for the village and the town', async () => {
    const village = await expectStatsEqualRecount(VILLAGE);
    const town = await expectStatsEqualRecount(TOWN);
    expect(village.api.received).toBeGreaterThan(50);
    expect(town.api.received).toBeGreaterThanOrEqual(village.api.received!);
    // A town at work: most cases closed, most on time, most residents satisfied, some not. Judged
    // on the history up to yesterday: on a shared PostgreSQL database other test files have added
    // today's live cases (still open) to the same village.
    const now = new Date();
    const fromDay = chinaDate(new Date(now.getTime() - 400 * 86400_000));
    const yesterday = chinaDate(new Date(now.getTime() - 86400_000));
    const history = json<Record<string, number>>(await leader.get(`/api/stats/cases?area=${VILLAGE}&from=${fromDay}&to=${yesterday}`));
    expect(history.received).toBeGreaterThan(50);
    expect(history.closed! / history.received!).toBeGreaterThan(0.7);
    expect(history.onTimeClosureRate).toBeGreaterThan(0.7);
    expect(history.onTimeClosureRate).toBeLessThan(1);
    expect(history.satisfactionRate).toBeGreaterThan(0.7);
  });

  it('renders seeded cases with their timeline and the actions the workflow allows', async () => {
    const reopened = await q<{ id: string }>(sql`select case_id as id from case_events e join cases c on c.id = e.case_id
      where e.action = 'reopen' and c.area_code like ${TOWN + '%'} limit 1`);
    const dispatched = await q<{ id: string }>(sql`select c.id from cases c where c.area_code like ${VILLAGE + '%'} and c.dispatched_at is not null and c.state = 'closed' limit 1`);
    for (const { id } of [...reopened, ...dispatched]) {
      const res = await leader.get(`/api/cases/${id}`);
      expect(res.statusCode).toBe(200);
      const view = json<CaseView>(res);
      const events = await q<{ action: string; to_state: string }>(sql`select action, to_state from case_events where case_id = ${id} order by id`);
      expect(view.timeline.map((e) => e.action)).toEqual(events.map((e) => e.action));
      expect(view.timeline[0]!.action).toBe('report');
      expect(view.timeline.at(-1)!.toState).toBe(view.state);
      for (let i = 1; i < view.timeline.length; i++) expect(view.timeline[i]!.at >= view.timeline[i - 1]!.at).toBe(true);
      expect(view.deadline).not.toBeNull();
      // A leader supervises: no handling actions on a case that is done.
      if (view.state === 'closed') expect(view.allowedActions).not.toContain('accept');
    }
    expect(reopened.length + dispatched.length).toBeGreaterThan(0);
    const reopenedView = json<CaseView>(await leader.get(`/api/cases/${reopened[0]!.id}`));
    expect(reopenedView.reworkCount).toBeGreaterThanOrEqual(1);
    expect(reopenedView.timeline.some((e) => e.action === 'rate')).toBe(true);
  });

  it('fills the wall with closed cases residents agreed to show', async () => {
    const res = await t.anonymous().get(`/api/wall?area=${VILLAGE}&page=1&pageSize=20`);
    expect(res.statusCode).toBe(200);
    const wall = json<{ total: number; items: { code: string; answer: string | null; state: string }[] }>(res);
    expect(wall.total).toBeGreaterThan(5);
    const codes = wall.items.map((i) => i.code);
    const rows = await q<{ code: string; state: string; public: boolean }>(sql`select code, state, public from cases where code in ${sql.raw(`(${codes.map((c) => `'${c}'`).join(',')})`)}`);
    expect(rows.length).toBe(codes.length);
    for (const r of rows) {
      expect(r.state).toBe('closed');
      expect(r.public).toBe(true);
    }
    expect(wall.items.filter((i) => i.answer).length).toBeGreaterThan(0);
  });

  it("puts the town's work that needs action first (overdue, then due soonest) and keeps return visits apart", async () => {
    const town = await t.as('town');
    type Row = { id: string; state: string; rating?: string | null; overdue: boolean; deadline?: string | null; stepDueAt?: string | null };
    const inbox = json<{ total: number; items: Row[] }>(await town.get('/api/cases?box=mine&page=1&pageSize=200'));
    const unrated = await q<{ n: number }>(sql`select count(*)::int as n from cases where owner_level = 'town' and owner_area_code = ${TOWN} and state = 'closed' and rating is null`);
    expect(unrated[0]!.n).toBeGreaterThan(0);
    expect(inbox.items.some((i) => i.state === 'closed' && !i.rating)).toBe(false);
    // Running work first, overdue at the top; closed (unsatisfied) and suspended after it.
    const running = (i: Row) => i.state !== 'closed' && i.state !== 'suspended';
    const firstParked = inbox.items.findIndex((i) => !running(i));
    if (firstParked >= 0) expect(inbox.items.slice(firstParked).every((i) => !running(i))).toBe(true);
    const work = inbox.items.filter(running);
    expect(work.length).toBeGreaterThan(0);
    const lastOverdue = work.map((i) => i.overdue).lastIndexOf(true);
    const firstOnTime = work.findIndex((i) => !i.overdue);
    if (lastOverdue >= 0 && firstOnTime >= 0) expect(lastOverdue).toBeLessThan(firstOnTime);

    const revisit = json<{ total: number; items: Row[] }>(await town.get('/api/cases?box=revisit&page=1&pageSize=200'));
    expect(revisit.total).toBe(unrated[0]!.n);
    expect(revisit.items.every((i) => i.state === 'closed' && !i.rating)).toBe(true);
    // Not a centre: no return visits of its own.
    const dept = await t.as('dept-cg');
    expect(json<{ total: number }>(await dept.get('/api/cases?box=revisit')).total).toBe(0);
  });

  it('leaves work in the inboxes, and a seeded case can be taken forward by the right account', async () => {
    const inbox = json<{ total: number; items: { id: string; state: string; rating?: string | null }[] }>(await community.get('/api/cases?box=mine&page=1&pageSize=200'));
    expect(inbox.total).toBeGreaterThan(0);
    // Settled closed cases are not work: only unrated or unsatisfied ones stay on the list.
    const closedSettled = await q<{ n: string }>(sql`select count(*) as n from cases where owner_level = 'village' and owner_area_code = ${VILLAGE} and state = 'closed' and rating in ('satisfied', 'basically-satisfied')`);
    expect(Number(closedSettled[0]!.n)).toBeGreaterThan(0);
    // Cases that only wait for a rating are the return-visit queue (回访), not work in 我的待办.
    for (const item of inbox.items.filter((i) => i.state === 'closed')) expect(item.rating).toBe('unsatisfied');
    const reported = await q<{ id: string }>(sql`select id from cases where owner_level = 'village' and owner_area_code = ${VILLAGE} and state = 'reported' order by created_at desc limit 1`);
    expect(reported.length).toBe(1);
    const id = reported[0]!.id;
    const before = json<CaseView>(await community.get(`/api/cases/${id}`));
    expect(before.allowedActions).toContain('accept');
    const res = await community.post(`/api/cases/${id}/actions/accept`, {});
    expect(res.statusCode, res.body).toBe(200);
    const after = json<CaseView>(res);
    expect(after.state).toBe('accepted');
    expect(after.timeline.at(-1)!.action).toBe('accept');
    expect(after.timeline.length).toBe(before.timeline.length + 1);
    // The live change lands in the measures on top of the seeded history.
    await expectStatsEqualRecount(VILLAGE);
  });

  it('leaves 区城管局 and the grid worker seeded cases they can take forward', async () => {
    const dept = await t.as('dept-cg');
    const grid = await t.as('grid');
    const waiting = await q<{ id: string; state: string }>(sql`select c.id, c.state from cases c join units u on u.id = c.handler_unit_id
      where u.code = 'dept-cg' and c.state = 'dispatched' and c.area_code like ${VILLAGE + '%'} limit 1`);
    expect(waiting.length).toBe(1);
    const seen = json<CaseView>(await dept.get(`/api/cases/${waiting[0]!.id}`));
    expect(seen.allowedActions).toEqual(expect.arrayContaining(['acknowledge', 'return']));
    const ack = await dept.post(`/api/cases/${waiting[0]!.id}/actions/acknowledge`, {});
    expect(ack.statusCode, ack.body).toBe(200);
    expect(json<CaseView>(ack).state).toBe('acknowledged');
    const toVerify = await q<{ id: string }>(sql`select id from cases where state = 'handled' and area_code like ${VILLAGE + '001%'} limit 1`);
    expect(toVerify.length).toBe(1);
    const pass = await grid.post(`/api/cases/${toVerify[0]!.id}/actions/verify-pass`, { note: '现场核查，问题已解决', attachments: [await grid.uploadPhoto()] });
    expect(pass.statusCode, pass.body).toBe(200);
    expect(json<CaseView>(pass).state).toBe('closed');
    await expectStatsEqualRecount(VILLAGE);
  });

  it('leaves case codes to live intake without collisions', async () => {
    const res = await community.post('/api/cases', { title: '演示后新登记的案件', description: '检查编号不与历史案件冲突', categoryCode: '0102', channel: 'console', areaCode: `${VILLAGE}001` });
    expect(res.statusCode, res.body).toBe(201);
    const code = json<{ code: string }>(res).code;
    const [max] = await q<{ seq: string }>(sql`select max(substr(code, 11))::text as seq from cases where code <> ${code}`);
    expect(Number(code.slice(10))).toBeGreaterThan(Number(max!.seq));
  });
});
