import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { CATALOGUE, computeDue, createWorkCalendar, measuresOf, type DeadlineSpec } from '@gongzhi/domain';
import { Client, createTestApp, json, uniq, type TestApp } from './helpers.ts';

// Scripted histories in 麒北街居委会 (no other test writes there), then the measures of the API are
// compared with a recount from the raw timeline at every level of the tree.
const VILLAGE = '320614103003';
const GRID = `${VILLAGE}001`;
const GRID2 = `${VILLAGE}002`;

let t: TestApp;
let community: Client;
let town: Client;
let dept: Client;
let gridWorker: Client;
let cgUnitId: string;

beforeAll(async () => {
  t = await createTestApp();
  const admin = await t.as('admin');
  const name = `qb${uniq()}`;
  expect((await admin.post('/api/users', { username: name, displayName: '麒北街社工', password: 'Test@2026pw', roles: ['community-worker'], scopeCode: VILLAGE })).statusCode).toBe(201);
  community = await t.as(name, 'Test@2026pw');
  const gname = `qbg${uniq()}`;
  expect((await admin.post('/api/users', { username: gname, displayName: '麒北街网格员', password: 'Test@2026pw', roles: ['grid-worker'], scopeCode: GRID })).statusCode).toBe(201);
  gridWorker = await t.as(gname, 'Test@2026pw');
  town = await t.as('town');
  dept = await t.as('dept-cg');
  cgUnitId = json<{ items: { id: string; code: string }[] }>(await town.get('/api/units?type=department')).items.find((u) => u.code === 'dept-cg')!.id;
});
afterAll(async () => t?.close());

async function act(c: Client, id: string, action: string, body: Record<string, unknown> = {}) {
  const res = await c.post(`/api/cases/${id}/actions/${action}`, body);
  if (res.statusCode !== 200) throw new Error(`${action}: ${res.statusCode} ${res.body}`);
}

async function newCase(area = GRID) {
  const res = await community.post('/api/cases', { title: `测试 ${uniq()}`, description: '统计用脚本案件', categoryCode: '0102', channel: 'console', areaCode: area });
  expect(res.statusCode).toBe(201);
  return json<{ id: string }>(res).id;
}

async function dispatchAndHandle(id: string) {
  await act(community, id, 'escalate', { reason: '需部门处理' });
  await act(town, id, 'dispatch', { unitId: cgUnitId });
  await act(dept, id, 'acknowledge');
  await act(dept, id, 'handle', { note: '已处理' });
}

/** Recounts the measures for cases created in [from, to) under `area` from case_events alone. */
async function recount(area: string, from: Date, to: Date, now: Date) {
  const cal = createWorkCalendar();
  const events = await t.ctx.db.execute<{ case_id: string; action: string; to_state: string; at: Date | string; detail: Record<string, unknown> | null; category_code: string }>(sql`
    select e.case_id, e.action, e.to_state, e.at, e.detail, c.category_code from case_events e join cases c on c.id = e.case_id
    where c.area_code like ${area + '%'} order by e.id`);
  const byCase = new Map<string, typeof events.rows>();
  for (const e of events.rows) byCase.set(e.case_id, [...(byCase.get(e.case_id) ?? []), e]);
  const n = { received: 0, accepted: 0, closed: 0, dueToClose: 0, closedOnTime: 0, handled: 0, reworked: 0, rated: 0, satisfied: 0, basicallySatisfied: 0, responded: 0, resolved: 0, handlingHoursSum: 0 };
  for (const evs of byCase.values()) {
    const at = (e: (typeof evs)[number]) => new Date(e.at);
    const reported = evs.find((e) => e.action === 'report')!;
    if (at(reported) < from || at(reported) >= to) continue;
    n.received++;
    const handleSpec = (CATALOGUE.find((c) => c.code === evs[0]!.category_code)!.deadlines as { handle: DeadlineSpec }).handle;
    let state = 'reported';
    let acceptedAt: Date | null = null;
    let due: Date | null = null;
    let closedAt: Date | null = null;
    let rating: string | null = null;
    let reworked = false;
    let handled = false;
    let lateAccept = false;
    for (const e of evs) {
      state = e.to_state;
      const when = at(e);
      if (['accept', 'escalate', 'handle', 'auto-escalate', 'dispatch'].includes(e.action) && !acceptedAt) acceptedAt = when;
      if (['accept', 'escalate', 'handle', 'auto-escalate', 'dispatch'].includes(e.action) && !due) due = computeDue(when, handleSpec, cal);
      if (e.action === 'approve-extension') due = computeDue(due!, { unit: 'workingDays', amount: Number(e.detail!.workingDays) }, cal);
      if (e.action === 'resume' && due) due = new Date(due.getTime() + Number(e.detail!.pausedMs));
      if (e.action === 'reopen') {
        due = computeDue(when, handleSpec, cal);
        rating = null;
        closedAt = null;
        reworked = true;
      }
      if (e.action === 'verify-fail') reworked = true;
      if (e.action === 'handle') handled = true;
      if (e.action === 'verify-pass') closedAt = when;
      if (e.action === 'rate') rating = String(e.detail!.score);
      if (e.action === 'overdue' && e.detail?.step === 'reported') lateAccept = true;
    }
    if (acceptedAt) n.accepted++;
    if (handled) n.handled++;
    if (reworked) n.reworked++;
    if (state === 'closed') {
      n.closed++;
      n.handlingHoursSum += (closedAt!.getTime() - acceptedAt!.getTime()) / 3600_000;
      if (closedAt! <= due!) n.closedOnTime++;
    }
    if (acceptedAt && (state === 'closed' || (due && due <= now))) n.dueToClose++;
    if (rating) {
      n.rated++;
      if (rating === 'satisfied') n.satisfied++;
      if (rating === 'basically-satisfied') n.basicallySatisfied++;
      if (rating !== 'unsatisfied') n.resolved++;
      if (!lateAccept) n.responded++;
    }
  }
  return measuresOf(n);
}

describe('case measures', () => {
  it('equal a recount from the raw timeline at every level, whatever happened', async () => {
    // 1 closed, satisfied
    const a = await newCase();
    await dispatchAndHandle(a);
    await act(community, a, 'verify-pass');
    await act(town, a, 'rate', { score: 'satisfied' });
    // 2 closed by the community itself, basically satisfied
    const b = await newCase(GRID2);
    await act(community, b, 'accept');
    await act(community, b, 'handle', { note: '社区自行处理' });
    await act(community, b, 'verify-pass');
    await act(community, b, 'rate', { score: 'basically-satisfied' });
    // 3 reworked, then closed with an extension on the way
    const c = await newCase();
    await act(community, c, 'escalate', { reason: '上报' });
    await act(town, c, 'dispatch', { unitId: cgUnitId });
    await act(dept, c, 'acknowledge');
    await act(dept, c, 'request-extension', { workingDays: 2, reason: '等待材料' });
    await act(town, c, 'approve-extension');
    await act(dept, c, 'handle', { note: '处理' });
    await act(community, c, 'verify-fail', { reason: '未处理好' });
    await act(dept, c, 'handle', { note: '返工' });
    await act(community, c, 'verify-pass');
    // 4 rejected; 5 merged into 8, which stays reported
    const d = await newCase();
    await act(community, d, 'reject', { reason: '重复' });
    const h = await newCase();
    const e = await newCase();
    await act(community, e, 'merge', { intoCaseId: h });
    // 6 unsatisfied → reopened → closed again and rated
    const f = await newCase(GRID2);
    await dispatchAndHandle(f);
    await act(community, f, 'verify-pass');
    await act(town, f, 'rate', { score: 'unsatisfied' });
    await act(town, f, 'reopen', { reason: '重办' });
    await act(dept, f, 'acknowledge');
    await act(dept, f, 'handle', { note: '重办完成' });
    await act(community, f, 'verify-pass');
    await act(town, f, 'rate', { score: 'satisfied' });
    // 9 settled on the spot by the grid worker (小事不出网格)
    const spot = await gridWorker.post('/api/cases', { title: `楼道堆物 ${uniq()}`, description: '巡查发现楼道堆物', categoryCode: '0102', channel: 'patrol', areaCode: GRID, onSpot: { note: '已清理' } });
    expect(spot.statusCode).toBe(201);
    // 7 suspended and resumed, still open
    const g = await newCase();
    await act(community, g, 'accept');
    await act(community, g, 'suspend', { reason: '等待' });
    await act(community, g, 'resume');

    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const from = new Date(`${today}T00:00:00+08:00`);
    const to = new Date(from.getTime() + 86400_000);
    const leader = await t.as('leader');
    for (const area of ['320614', '320614103', VILLAGE, GRID, GRID2]) {
      const api = json<Record<string, number>>(await leader.get(`/api/stats/cases?area=${area}&from=${today}&to=${today}`));
      const expected = await recount(area, from, to, new Date());
      for (const [k, v] of Object.entries(expected)) {
        if (k === 'combinedScore') continue;
        if (k === 'avgHandlingHours') expect(Math.abs(api[k]! - v), `${area} ${k}`).toBeLessThanOrEqual(0.1);
        else expect(api[k], `${area} ${k}`).toBe(v);
      }
    }
    const village = json<Record<string, number>>(await leader.get(`/api/stats/cases?area=${VILLAGE}&from=${today}&to=${today}`));
    expect(village.received).toBeGreaterThanOrEqual(8);
    expect(village.reworked).toBeGreaterThanOrEqual(2);
    expect(village.satisfactionRate).toBeGreaterThan(0);
    // The children add up to the parent.
    const parts = json<{ items: { received: number; closed: number }[] }>(await leader.get(`/api/stats/cases/breakdown?area=${VILLAGE}&from=${today}&to=${today}&by=child`));
    expect(parts.items.reduce((s, x) => s + x.received, 0)).toBe(village.received);
    expect(parts.items.reduce((s, x) => s + x.closed, 0)).toBe(village.closed);
    const byUnit = json<{ items: { name: string }[] }>(await leader.get(`/api/stats/cases/breakdown?area=${VILLAGE}&from=${today}&to=${today}&by=unit`));
    expect(byUnit.items.some((u) => u.name === '区城市管理局')).toBe(true);
  });

  it('answers the contract shape and keeps to the caller’s scope', async () => {
    const c = await t.as('community');
    const mine = json<Record<string, number>>(await c.get('/api/stats/cases?area=320614103001&from=2026-01-01&to=2026-12-31'));
    for (const k of ['received', 'accepted', 'closed', 'dueToClose', 'closedOnTime', 'reworked', 'rated', 'satisfied', 'basicallySatisfied', 'closureRate', 'onTimeClosureRate', 'reworkRate', 'satisfactionRate', 'responseRate', 'resolutionRate', 'avgHandlingHours']) {
      expect(typeof mine[k], k).toBe('number');
    }
    expect((await c.get('/api/stats/cases?area=320614103002')).statusCode).toBe(404);
    expect((await c.get('/api/stats/cases?area=320614')).statusCode).toBe(404);
    expect((await (await t.as('resident')).get('/api/stats/cases')).statusCode).toBe(403);
    expect((await c.get('/api/stats/cases?from=2026-02-30')).statusCode).toBe(400);
    expect((await c.get('/api/stats/cases?from=2026-05-01&to=2026-04-01')).statusCode).toBe(400);
  });
});
