import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { chinaDate, type Measures } from '@gongzhi/domain';
import { Client, createTestApp, json, uniq, type TestApp } from './helpers.ts';
import { recount, recountBy, type Recounted } from './recount.ts';
import { caseMeasures, type CaseMeasureRow, type MeasureGroupBy } from '../src/repositories/stats.ts';
import { advanceDueWatermark, ensureRollupLayout, foldAllMeasureDeltas, pendingMeasureDeltas, rebuildRollups } from '../src/repositories/rollups.ts';
import { systemScope } from '../src/repositories/scope.ts';
import { sweepDeadlines } from '../src/services/cases.ts';

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
let gaUnitId: string;
const PHONE = '13900001234';

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
  const units = json<{ items: { id: string; code: string }[] }>(await town.get('/api/units?type=department')).items;
  cgUnitId = units.find((u) => u.code === 'dept-cg')!.id;
  gaUnitId = units.find((u) => u.code === 'dept-ga')!.id;
});
afterAll(async () => t?.close());

async function act(c: Client, id: string, action: string, body: Record<string, unknown> = {}) {
  // Types flagged 需现场核验 close on a photo taken at the check.
  if (action === 'verify-pass' && !body.attachments) body = { ...body, attachments: [await c.uploadPhoto()] };
  const res = await c.post(`/api/cases/${id}/actions/${action}`, body);
  if (res.statusCode !== 200) throw new Error(`${action}: ${res.statusCode} ${res.body}`);
}

async function newCase(area = GRID, channel = 'console') {
  const res = await community.post('/api/cases', { title: `测试 ${uniq()}`, description: '统计用脚本案件', categoryCode: '0102', channel, areaCode: area, reporter: { name: '王五', phone: PHONE } });
  expect(res.statusCode).toBe(201);
  const created = json<{ id: string; queryCode: string }>(res);
  queryCodes.set(created.id, created.queryCode);
  return created.id;
}
/** The query code each case's caller was given at registration (staff read it out or send it by SMS). */
const queryCodes = new Map<string, string>();

async function codeOf(id: string) {
  return json<{ code: string }>(await town.get(`/api/cases/${id}`)).code;
}

async function dispatchAndHandle(id: string) {
  await act(community, id, 'escalate', { reason: '需部门处理' });
  await act(town, id, 'dispatch', { unitId: cgUnitId });
  await act(dept, id, 'acknowledge');
  await act(dept, id, 'handle', { note: '已处理' });
}

function expectMeasures(api: Record<string, number>, expected: Measures, label: string) {
  for (const [k, v] of Object.entries(expected)) {
    if (k === 'avgHandlingHours') expect(Math.abs(api[k]! - v), `${label} ${k}`).toBeLessThanOrEqual(0.1);
    else if (k === 'combinedScore') expect(Math.abs(api[k]! - v), `${label} ${k}`).toBeLessThanOrEqual(0.0002);
    else expect(api[k], `${label} ${k}`).toBe(v);
  }
}

/** The roll-up answer and the direct count from the case rows, row for row. */
async function expectSameAsRaw(area: string, from: Date, to: Date, now: Date, groupBy?: MeasureGroupBy, childLength?: number) {
  const sort = (rows: CaseMeasureRow[]) => [...rows].sort((a, b) => String(a.key).localeCompare(String(b.key)));
  const fast = sort(await caseMeasures(t.ctx.db, systemScope(), area, from, to, now, groupBy, childLength));
  const raw = sort(await caseMeasures(t.ctx.db, systemScope(), area, from, to, now, groupBy, childLength, { rawOnly: true }));
  const label = `${area} by ${groupBy ?? '-'} ${from.toISOString()}..${to.toISOString()} at ${now.toISOString()}`;
  expect(fast.map((r) => ({ ...r, handling_hours_sum: Math.round(r.handling_hours_sum * 1000) })), label).toEqual(
    raw.map((r) => ({ ...r, handling_hours_sum: Math.round(r.handling_hours_sum * 1000) })),
  );
  return fast;
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
    // 10 dispatched, returned by the unit, dispatched to another unit: it moves between units
    const r = await newCase(GRID2);
    await act(community, r, 'escalate', { reason: '需部门处理' });
    await act(town, r, 'dispatch', { unitId: cgUnitId });
    await act(dept, r, 'return', { reason: '不属于城管职责' });
    await act(town, r, 'dispatch', { unitId: gaUnitId });
    // 11 accepted, then withdrawn by the reporter: taken on, never closed
    const w = await newCase();
    await act(community, w, 'accept');
    const wd = await t.anonymous().post(`/api/track/${await codeOf(w)}/withdraw`, { queryCode: queryCodes.get(w), reason: '已自行解决' });
    expect(wd.statusCode).toBe(200);
    // 12 not accepted in time: the deadline sweep marks it overdue and hands it to the town; later closed and rated
    const late = await newCase();
    await t.ctx.db.execute(sql`update cases set step_due_at = now() - interval '1 minute', step_warn_at = now() - interval '1 hour' where id = ${late}`);
    await sweepDeadlines(t.ctx);
    await act(town, late, 'dispatch', { unitId: cgUnitId });
    await act(dept, late, 'acknowledge');
    await act(dept, late, 'handle', { note: '已处理' });
    await act(community, late, 'verify-pass');
    await act(town, late, 'rate', { score: 'satisfied' });

    const today = chinaDate(new Date());
    const from = new Date(`${today}T00:00:00+08:00`);
    const to = new Date(from.getTime() + 86400_000);
    const leader = await t.as('leader');

    const checkAll = async (label: string) => {
      const now = new Date();
      for (const area of ['320614', '320614103', VILLAGE, GRID, GRID2]) {
        const api = json<Record<string, number>>(await leader.get(`/api/stats/cases?area=${area}&from=${today}&to=${today}`));
        expectMeasures(api, await recount(t.ctx.db, area, from, to, now), `${label} ${area}`);
        await expectSameAsRaw(area, from, to, now);
        // A longer period across a month boundary, and pieces of days at both ends.
        await expectSameAsRaw(area, new Date(from.getTime() - 45 * 86400_000), to, now);
        await expectSameAsRaw(area, new Date(from.getTime() + 1), new Date(now.getTime() + 1), now);
      }
      const by = async (area: string, key: string) =>
        new Map(json<{ items: (Record<string, number> & { key: string | null; name: string })[] }>(await leader.get(`/api/stats/cases/breakdown?area=${area}&from=${today}&to=${today}&by=${key}`)).items.map((i) => [key === 'unit' ? i.name : String(i.key), i]));
      const keyOf: Record<string, (c: Recounted) => string> = {
        unit: (c) => c.unitName ?? '未派遣（属地自办）',
        category: (c) => c.category,
        channel: (c) => c.channel,
        day: (c) => c.day,
        month: (c) => c.day.slice(0, 7),
      };
      for (const [area, childLen] of [['320614', 9], ['320614103', 12], [VILLAGE, 15]] as const) {
        await expectSameAsRaw(area, from, to, now, 'child', childLen);
        const api = await by(area, 'child');
        const expected = await recountBy(t.ctx.db, area, from, to, now, (c) => c.area.slice(0, childLen));
        expect([...api.keys()].sort(), `${label} ${area} children`).toEqual([...expected.keys()].sort());
        for (const [k, m] of expected) expectMeasures(api.get(k)!, m, `${label} ${area} child ${k}`);
      }
      for (const area of ['320614', '320614103', VILLAGE, GRID]) {
        for (const groupBy of ['unit', 'category', 'channel', 'day', 'month'] as const) {
          await expectSameAsRaw(area, from, to, now, groupBy);
          await expectSameAsRaw(area, new Date(from.getTime() - 45 * 86400_000), to, now, groupBy);
          const api = await by(area, groupBy);
          const expected = await recountBy(t.ctx.db, area, from, to, now, keyOf[groupBy]!);
          expect([...api.keys()].sort(), `${label} ${area} by ${groupBy}`).toEqual([...expected.keys()].sort());
          for (const [k, m] of expected) expectMeasures(api.get(k)!, m, `${label} ${area} ${groupBy} ${k}`);
        }
      }
    };

    // Changes not folded yet, then folded into the roll-ups, then the roll-ups rebuilt from the cases.
    expect(await pendingMeasureDeltas(t.ctx.db)).toBeGreaterThan(0);
    await checkAll('deltas');
    await foldAllMeasureDeltas(t.ctx.db);
    expect(await pendingMeasureDeltas(t.ctx.db)).toBe(0);
    await checkAll('folded');
    await rebuildRollups(t.ctx.db);
    await checkAll('rebuilt');
    expect(await ensureRollupLayout(t.ctx.db)).toEqual([]);

    // A database from before the villages' day rows by dimension, with a change not folded yet:
    // the start-up brings it to the layout, exact at once, and only once.
    await t.ctx.db.execute(sql`delete from case_rollups where alevel = 12 and dim <> '-' and grain = 'd'`);
    await t.ctx.db.execute(sql`delete from case_rollup_due where alevel = 12 and dim <> '-' and grain = 'd'`);
    await t.ctx.db.execute(sql`update app_meta set value = value - 'layout' where key = 'case_rollups'`);
    await newCase(GRID2);
    expect(await pendingMeasureDeltas(t.ctx.db)).toBeGreaterThan(0);
    expect((await ensureRollupLayout(t.ctx.db)).sort()).toEqual(['12:c:d', '12:h:d', '12:u:d']);
    await checkAll('upgraded');
    await foldAllMeasureDeltas(t.ctx.db);
    await checkAll('upgraded, folded');
    expect(await ensureRollupLayout(t.ctx.db)).toEqual([]);

    const village = json<Record<string, number>>(await leader.get(`/api/stats/cases?area=${VILLAGE}&from=${today}&to=${today}`));
    expect(village.received).toBeGreaterThanOrEqual(11);
    expect(village.reworked).toBeGreaterThanOrEqual(2);
    expect(village.satisfactionRate).toBeGreaterThan(0);
    expect(village.responseRate).toBeLessThan(1);
    // The children add up to the parent.
    const parts = json<{ items: { received: number; closed: number }[] }>(await leader.get(`/api/stats/cases/breakdown?area=${VILLAGE}&from=${today}&to=${today}&by=child`));
    expect(parts.items.reduce((s, x) => s + x.received, 0)).toBe(village.received);
    expect(parts.items.reduce((s, x) => s + x.closed, 0)).toBe(village.closed);
    const byUnit = json<{ items: { name: string }[] }>(await leader.get(`/api/stats/cases/breakdown?area=${VILLAGE}&from=${today}&to=${today}&by=unit`));
    expect(byUnit.items.some((u) => u.name === '区城市管理局')).toBe(true);
    const byChannel = json<{ items: { key: string; name: string }[] }>(await leader.get(`/api/stats/cases/breakdown?area=${VILLAGE}&from=${today}&to=${today}&by=channel`));
    expect(byChannel.items.find((i) => i.key === 'patrol')?.name).toBe('网格巡查');
    const byDay = json<{ items: { key: string; received: number }[] }>(await leader.get(`/api/stats/cases/breakdown?area=${VILLAGE}&from=${today}&to=${today}&by=day`));
    expect(byDay.items).toEqual([expect.objectContaining({ key: today, received: village.received })]);
  });

  it('moves dueToClose exactly when a deadline passes', async () => {
    const id = await newCase(GRID2);
    await act(community, id, 'accept');
    const [row] = (await t.ctx.db.execute<{ due_at: Date | string }>(sql`select due_at from cases where id = ${id}`)).rows;
    const dueAt = new Date(row!.due_at);
    const today = chinaDate(new Date());
    const from = new Date(`${today}T00:00:00+08:00`);
    const to = new Date(from.getTime() + 86400_000);
    const moments = [new Date(dueAt.getTime() - 1), dueAt, new Date(dueAt.getTime() + 3600_000), new Date(dueAt.getTime() + 86400_000), new Date(dueAt.getTime() + 40 * 86400_000)];
    const check = async () => {
      const counts: number[] = [];
      for (const now of moments) {
        for (const area of ['320614', VILLAGE, GRID2]) {
          const [fast] = await expectSameAsRaw(area, from, to, now);
          expect(fast!.due_to_close, `${area} at ${now.toISOString()}`).toBe((await recount(t.ctx.db, area, from, to, now)).dueToClose);
          if (area === GRID2) counts.push(fast!.due_to_close);
        }
        for (const groupBy of ['unit', 'category', 'channel', 'day', 'month'] as const) await expectSameAsRaw(VILLAGE, from, to, now, groupBy);
        await expectSameAsRaw(VILLAGE, from, to, now, 'child', 15);
      }
      // Just before its deadline the case is not due to close; at its deadline it is, and stays so.
      expect(counts[1]! - counts[0]!).toBeGreaterThanOrEqual(1);
      expect(counts[2]).toBe(counts[1]);
      return counts;
    };
    const unfolded = await check();
    await foldAllMeasureDeltas(t.ctx.db);
    expect(await check()).toEqual(unfolded);
    // Deadline days merged behind a watermark: the same figures after it; a look into the past is counted from the cases.
    await advanceDueWatermark(t.ctx.db, chinaDate(new Date(dueAt.getTime() + 2 * 86400_000)));
    expect(await check()).toEqual(unfolded);
    // Handled and verified: a closed case is due to close whatever the time.
    await act(community, id, 'handle', { note: '已处理' });
    await act(community, id, 'verify-pass');
    const closed = await check();
    await foldAllMeasureDeltas(t.ctx.db);
    expect(await check()).toEqual(closed);
    await rebuildRollups(t.ctx.db);
    expect(await check()).toEqual(closed);
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
