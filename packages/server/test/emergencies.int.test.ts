// Emergency events (平战转换): a town switched to wartime and back with its record, forces formed and checked in
// per grid, one active event per area subtree (409), who may switch (403), scope (404), the Word and Excel record.
import { readXlsxRows } from '../src/lib/xlsx.ts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type Client, type TestApp } from './helpers.ts';

const TOWN = '320614103';
const COMMUNITY = '320614103001';
const GRID = '320614103001001';
const OTHER_GRID = '320614103001002';

interface EventView {
  id: string;
  state: string;
  kindName: string;
  levelName: string;
  areaCode: string;
  summary: string | null;
  durationMinutes: number | null;
  allowedActions: string[];
}
interface Detail extends EventView {
  timeline: { action: string; note: string | null }[];
  units: { name: string; kindName: string }[];
  forces: { checkedIn: number; byGrid: { gridCode: string; gridWorkers: number; cadres: number; partyMembers: number; total: number }[]; myCheckIn: unknown };
}
interface RecordView {
  event: EventView;
  duration: { minutes: number; text: string };
  forces: { tempBranches: number; commandoTeams: number; unitMembers: number; checkedIn: number };
  campaigns: { id: string; households: number; reached: number; rounds: { round: number; reached: number }[] }[];
  cases: { total: number; byCategory: { name: string; count: number }[]; byState: { name: string; count: number }[] };
  peopleMoved: { count: number };
}

let t: TestApp;
let town: Client;
let district: Client;
let community: Client;
let grid: Client;
let cadre: Client;
let party: Client;
let resident: Client;
let eventId: string;

beforeAll(async () => {
  t = await createTestApp();
  [town, district, community, grid, cadre, party, resident] = await Promise.all([t.as('town'), t.as('district'), t.as('community'), t.as('grid'), t.as('cadre'), t.as('party'), t.as('resident')]);
}, 180_000);
afterAll(async () => t?.close());

describe('switching to wartime', () => {
  it('a community cannot switch a town, nor its own community; a town centre cannot switch a building', async () => {
    const a = await community.post('/api/emergencies', { areaCode: TOWN, kind: 'flood', level: 'II', reason: '暴雨' });
    expect([403, 404]).toContain(a.statusCode);
    expect((await community.post('/api/emergencies', { areaCode: COMMUNITY, kind: 'flood', level: 'II', reason: '暴雨' })).statusCode).toBe(403);
    expect((await resident.post('/api/emergencies', { areaCode: GRID, kind: 'flood', level: 'II', reason: '暴雨' })).statusCode).toBe(403);
    const bad = await town.post('/api/emergencies', { areaCode: TOWN, kind: 'earthquake', level: 'V', reason: '' });
    expect(bad.statusCode).toBe(400);
  });

  it('a town centre switches its town to wartime; every screen of the town sees the banner', async () => {
    const res = await town.post('/api/emergencies', { areaCode: TOWN, kind: 'flood', level: 'II', reason: '长江高水位，启动防汛二级应急响应' });
    expect(res.statusCode).toBe(201);
    const e = json<EventView>(res);
    expect(e).toMatchObject({ state: 'active', kindName: '防汛', levelName: '二级', areaCode: TOWN, durationMinutes: null });
    expect(e.allowedActions).toEqual(expect.arrayContaining(['end', 'addUnit']));
    eventId = e.id;
    for (const c of [grid, resident, community, district]) {
      const banner = json<{ items: { id: string; kindName: string; levelName: string; startedAt: string }[] }>(await c.get('/api/emergencies/active'));
      expect(banner.items.map((i) => i.id)).toEqual([eventId]);
      expect(banner.items[0]).toMatchObject({ kindName: '防汛', levelName: '二级' });
    }
  });

  it('refuses a nested or enclosing switch with 409 while the town is in wartime', async () => {
    for (const [c, code] of [
      [town, COMMUNITY],
      [town, GRID],
      [district, TOWN],
    ] as const) {
      const res = await c.post('/api/emergencies', { areaCode: code, kind: 'typhoon', level: 'III', reason: '台风' });
      expect(res.statusCode).toBe(409);
      expect(json<{ error: { code: string; message: string } }>(res).error).toMatchObject({ code: 'emergency_overlaps', message: expect.stringContaining('已处于战时状态') });
    }
  });
});

describe('forces', () => {
  it('the centre forms a temporary party branch and a commando team; others may not', async () => {
    const branch = await town.post(`/api/emergencies/${eventId}/units`, { kind: 'temp-branch', name: '状元街防汛临时党支部', areaCode: COMMUNITY, leaderName: '茅卫东', members: ['张志刚', '黄晓梅'] });
    expect(branch.statusCode).toBe(201);
    expect((await town.post(`/api/emergencies/${eventId}/units`, { kind: 'commando', name: '常乐镇党员突击队', leaderName: '陆海燕', members: ['周建军', '钱慧敏', '孙海涛'] })).statusCode).toBe(201);
    expect((await grid.post(`/api/emergencies/${eventId}/units`, { kind: 'commando', name: '自封突击队' })).statusCode).toBe(403);
    expect((await town.post(`/api/emergencies/${eventId}/units`, { kind: 'commando', name: '越界', areaCode: '320614104' })).statusCode).toBe(400);
  });

  it('staff check in at their post; the live count per grid counts each person once', async () => {
    expect((await grid.post(`/api/emergencies/${eventId}/check-ins`, {})).statusCode).toBe(201);
    expect((await grid.post(`/api/emergencies/${eventId}/check-ins`, { post: '3幢防汛点', lat: 31.9, lng: 121.2 })).statusCode).toBe(201);
    const c = await cadre.post(`/api/emergencies/${eventId}/check-ins`, { gridCode: GRID });
    expect(c.statusCode).toBe(201);
    expect(json<{ kindName: string }>(c).kindName).toBe('下沉干部');
    expect((await party.post(`/api/emergencies/${eventId}/check-ins`, {})).statusCode).toBe(201);
    // A cadre of the community must say which grid; a grid worker cannot check in at another grid; a resident is not on call.
    expect((await cadre.post(`/api/emergencies/${eventId}/check-ins`, {})).statusCode).toBe(400);
    expect((await grid.post(`/api/emergencies/${eventId}/check-ins`, { gridCode: OTHER_GRID })).statusCode).toBe(400);
    expect((await resident.post(`/api/emergencies/${eventId}/check-ins`, {})).statusCode).toBe(403);
    const d = json<Detail>(await town.get(`/api/emergencies/${eventId}`));
    expect(d.forces.checkedIn).toBe(3);
    expect(d.forces.byGrid.find((g) => g.gridCode === GRID)).toMatchObject({ gridWorkers: 1, cadres: 1, partyMembers: 1, total: 3 });
    expect(d.forces.byGrid.find((g) => g.gridCode === OTHER_GRID)).toMatchObject({ total: 0 });
    expect(d.units.map((u) => u.kindName).sort()).toEqual(['临时党支部', '党员突击队'].sort());
    expect(json<Detail['forces']>(await grid.get(`/api/emergencies/${eventId}/forces`)).myCheckIn).not.toBeNull();
  });

  it('a check-in queued without a signal counts once, at the time it was tapped', async () => {
    // Tapped a second after the switch (this file's event started moments ago), sent twice when the signal came back.
    const started = Date.parse(json<{ startedAt: string }>(await town.get(`/api/emergencies/${eventId}`)).startedAt);
    const tapped = new Date(Math.floor(started / 1000) * 1000 + 1000).toISOString();
    // (A tap in the future is taken as now: wait until that second has passed.)
    await new Promise((r) => setTimeout(r, Math.max(0, Date.parse(tapped) - Date.now() + 20)));
    const send = () => grid.request('POST', `/api/emergencies/${eventId}/check-ins`, { post: '地下车库', at: tapped }, { 'idempotency-key': `checkin-${eventId}` });
    const first = await send();
    expect(first.statusCode, first.body).toBe(201);
    const again = await send();
    expect(json<{ id: string }>(again).id).toBe(json<{ id: string }>(first).id);
    expect(Date.parse(json<{ at: string }>(first).at)).toBe(Date.parse(tapped));
    const refused = async (at: string) => json<{ error: { code: string; message: string } }>(await grid.post(`/api/emergencies/${eventId}/check-ins`, { at })).error;
    expect(await refused(new Date(Date.now() + 3600_000).toISOString())).toMatchObject({ code: 'check_in_future' });
    expect(await refused('2020-01-01T08:00:00+08:00')).toMatchObject({ code: 'check_in_before_event' });
    expect(await refused('昨天')).toMatchObject({ code: 'invalid_request' });
    expect(json<Detail>(await town.get(`/api/emergencies/${eventId}`)).forces.checkedIn).toBe(3);
  });
});

describe('back to peacetime with the record', () => {
  let campaignId: string;
  it('door-knocking and cases during the event feed the record', async () => {
    const c = await town.post('/api/campaigns', { title: '防汛敲门行动', areaCode: COMMUNITY, kind: 'door-knock' });
    expect(c.statusCode).toBe(201);
    campaignId = json<{ id: string }>(c).id;
    const hh = json<{ items: { id: string }[] }>(await grid.get(`/api/areas/${GRID}/households?page=1&pageSize=3`)).items;
    expect((await grid.post(`/api/campaigns/${campaignId}/visits`, { householdId: hh[0]!.id, result: 'visited' })).statusCode).toBe(201);
    expect((await grid.post(`/api/campaigns/${campaignId}/visits`, { householdId: hh[0]!.id, result: 'visited' })).statusCode).toBe(201);
    expect((await grid.post(`/api/campaigns/${campaignId}/visits`, { householdId: hh[1]!.id, result: 'nobody-home' })).statusCode).toBe(201);
    expect((await town.post(`/api/campaigns/${campaignId}/rounds`)).statusCode).toBe(200);
    expect((await grid.post(`/api/campaigns/${campaignId}/visits`, { householdId: hh[1]!.id, result: 'visited' })).statusCode).toBe(201);
    const k = await community.post('/api/cases', { title: '3幢地下车库进水', description: '暴雨后地下车库积水约20厘米，需要抽水', categoryCode: '0102', channel: 'console', areaCode: GRID });
    expect(k.statusCode).toBe(201);
  });

  it('the record any time: forces, households reached per round, cases, no one moved yet', async () => {
    const r = json<RecordView>(await town.get(`/api/emergencies/${eventId}/record`));
    expect(r.forces).toMatchObject({ tempBranches: 1, commandoTeams: 1, unitMembers: 7, checkedIn: 3 });
    const camp = r.campaigns.find((c) => c.id === campaignId)!;
    expect(camp.reached).toBe(2);
    expect(camp.rounds).toEqual([
      { round: 1, reached: 1 },
      { round: 2, reached: 1 },
    ]);
    expect(camp.households).toBeGreaterThan(2);
    expect(r.cases.total).toBeGreaterThanOrEqual(1);
    expect(r.cases.byState.reduce((n, s) => n + s.count, 0)).toBe(r.cases.total);
    expect(r.peopleMoved).toEqual({ count: 0 });
  });

  it('the centre sends a task to a grid; the forces there acknowledge it once on the phone, others cannot', async () => {
    const sent = await town.post(`/api/emergencies/${eventId}/tasks`, { title: '18:00 前完成低洼住户转移', detail: '重点：独居老人', areaCode: GRID });
    expect(sent.statusCode).toBe(201);
    const task = json<{ id: string; acks: number; allowedActions: string[] }>(sent);
    expect(task).toMatchObject({ acks: 0, allowedActions: [] });
    expect((await community.post(`/api/emergencies/${eventId}/tasks`, { title: '社区不能下达' })).statusCode).toBe(403);
    expect((await town.post(`/api/emergencies/${eventId}/tasks`, { title: '越界', areaCode: '320614104001' })).statusCode).toBe(400);
    expect((await town.post(`/api/emergencies/${eventId}/tasks`, { title: '' })).statusCode).toBe(400);
    const mine = json<{ items: { id: string; allowedActions: string[] }[] }>(await grid.get(`/api/emergencies/${eventId}/tasks`)).items.find((x) => x.id === task.id);
    expect(mine?.allowedActions).toEqual(['ack']);
    const a = await grid.post(`/api/emergency-tasks/${task.id}/ack`, {});
    expect(a.statusCode).toBe(200);
    expect(json<{ acks: number; myAck: string | null; allowedActions: string[] }>(a)).toMatchObject({ acks: 1, myAck: expect.stringMatching(/\+08:00$/), allowedActions: [] });
    expect(json<{ acks: number }>(await grid.post(`/api/emergency-tasks/${task.id}/ack`, {})).acks).toBe(1);
    expect((await resident.post(`/api/emergency-tasks/${task.id}/ack`, {})).statusCode).toBe(403);
    const seen = json<{ items: { id: string; acks: number; ackedBy: { userName: string }[] }[] }>(await town.get(`/api/emergencies/${eventId}/tasks`)).items.find((x) => x.id === task.id)!;
    expect(seen.acks).toBe(1);
    expect(seen.ackedBy).toHaveLength(1);
    const timeline = json<Detail>(await town.get(`/api/emergencies/${eventId}`)).timeline;
    expect(timeline.some((x) => x.action === 'task')).toBe(true);
  });

  it('people moved: those of the evacuation lists confirmed arrived at a shelter during the event, each once', async () => {
    const list = await community.post('/api/evacuations', { title: '防汛转移', areaCode: GRID, emergencyId: eventId });
    expect(list.statusCode).toBe(201);
    const items = json<{ items: { id: string; personId: string }[] }>(list).items;
    expect(items.length).toBeGreaterThanOrEqual(2);
    for (const e of items.slice(0, 2)) expect((await grid.post(`/api/evacuation-entries/${e.id}/actions/arrive`, {})).statusCode).toBe(200);
    // Gone home again, still moved once.
    expect((await grid.post(`/api/evacuation-entries/${items[0]!.id}/actions/return`, {})).statusCode).toBe(200);
    const r = json<RecordView>(await town.get(`/api/emergencies/${eventId}/record`));
    expect(r.peopleMoved).toEqual({ count: 2 });
  });

  it('only the centres end it, with a summary; then the banner is gone and the event takes nothing more', async () => {
    expect((await community.post(`/api/emergencies/${eventId}/actions/end`, { summary: '结束' })).statusCode).toBe(403);
    expect((await town.post(`/api/emergencies/${eventId}/actions/end`, {})).statusCode).toBe(400);
    const res = await town.post(`/api/emergencies/${eventId}/actions/end`, { summary: '水位回落至警戒线以下，险情解除，恢复平时状态。' });
    expect(res.statusCode).toBe(200);
    const e = json<EventView>(res);
    expect(e).toMatchObject({ state: 'ended', summary: expect.stringContaining('险情解除'), allowedActions: [] });
    expect(e.durationMinutes).toBeGreaterThanOrEqual(0);
    expect(json<{ items: unknown[] }>(await grid.get('/api/emergencies/active')).items).toEqual([]);
    expect((await town.post(`/api/emergencies/${eventId}/actions/end`, { summary: '再次' })).statusCode).toBe(409);
    expect((await grid.post(`/api/emergencies/${eventId}/check-ins`, {})).statusCode).toBe(409);
    const d = json<Detail>(await town.get(`/api/emergencies/${eventId}`));
    expect(d.timeline.map((x) => x.action)).toEqual(['start', 'unit', 'unit', 'task', 'end']);
    const audits = await t.ctx.db.execute(sql`select action from audit_log where entity_id = ${eventId} and action in ('emergency.start', 'emergency.end') order by at`);
    const rowsOf = (r: unknown) => ((r as { rows?: { action: string }[] }).rows ?? (r as { action: string }[]));
    expect(rowsOf(audits).map((a) => a.action)).toEqual(['emergency.start', 'emergency.end']);
    // Back in peacetime, a village of the town may be switched again.
    const again = await town.post('/api/emergencies', { areaCode: OTHER_GRID, kind: 'fire', level: 'IV', reason: '5幢电动车起火' });
    expect(again.statusCode).toBe(201);
    // Scope: the grid worker of the neighbouring grid does not see that grid's event.
    expect((await grid.get(`/api/emergencies/${json<EventView>(again).id}`)).statusCode).toBe(404);
    expect((await grid.get(`/api/emergencies/active?areaCode=${OTHER_GRID}`)).statusCode).toBe(404);
    expect((await grid.get('/api/emergencies?state=active')).body).not.toContain(OTHER_GRID);
  });

  it('exports the record as a Word report and an Excel ledger', async () => {
    const doc = await town.get(`/api/emergencies/${eventId}/record.docx`);
    expect(doc.statusCode).toBe(200);
    expect(doc.headers['content-type']).toContain('wordprocessingml');
    expect(doc.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const xlsx = await town.get(`/api/emergencies/${eventId}/record.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const rows = await readXlsxRows(xlsx.rawPayload);
    const flat = rows.map((r) => r.join('|')).join('\n');
    expect(flat).toContain('防汛');
    expect(flat).toContain('转移群众（人）');
    expect((await resident.get(`/api/emergencies/${eventId}/record.docx`)).statusCode).toBe(403);
  });
});
