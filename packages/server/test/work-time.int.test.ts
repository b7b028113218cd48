import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { Client, createTestApp, json, uniq, type TestApp } from './helpers.ts';

// Office hours and the calendar's local table (issue 12 items 5 and 9; docs/CASES.md "Office hours").
let t: TestApp;
let admin: Client;
let town: Client;
let community: Client;
let district: Client;
let officeId: string;
let otherOfficeId: string;
let deptId: string;
// Cases of this file lie in another town than the one the demo-history recount checks (case-history.int.test.ts).
const GRID = '320614104001001';
const cst = (local: string) => new Date(`${local}+08:00`);

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as('admin');
  town = await t.as('town');
  community = await t.as('community');
  district = await t.as('district');
  const units = json<{ items: { id: string; code: string }[] }>(await district.get('/api/units')).items;
  officeId = units.find((u) => u.code === 'office-320614103001')!.id;
  otherOfficeId = units.find((u) => u.code === 'office-320614104001')!.id;
  deptId = units.find((u) => u.code === 'dept-cg')!.id;
});
afterEach(() => {
  vi.useRealTimers();
});
afterAll(async () => t?.close());

/** A case of 0104 道路不洁 (accept: 2 hours) reported at `local` China time; its acceptance deadline. */
async function acceptDueAt(local: string, over: Record<string, unknown> = {}) {
  vi.useFakeTimers({ toFake: ['Date'], now: cst(local) });
  try {
    const res = await district.post('/api/cases', {
      title: `道路不洁 ${uniq()}`,
      description: '菜场门口路面有大片油污，行人容易滑倒。',
      categoryCode: '0104',
      channel: 'console',
      areaCode: GRID,
      ...over,
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = json<{ id: string }>(res).id;
    const row = await t.ctx.db.execute<{ step_due_at: Date | string }>(sql`select step_due_at from cases where id = ${id}`);
    return new Date(row.rows[0]!.step_due_at).toISOString();
  } finally {
    vi.useRealTimers();
  }
}

describe('hour limits count office hours', () => {
  it('a report at 04:51 is due at 10:30, not at 06:51; at 12:10 due at 15:30; Friday 17:00 due Monday 10:00', async () => {
    expect(await acceptDueAt('2026-11-03T04:51:00')).toBe(cst('2026-11-03T10:30:00').toISOString());
    expect(await acceptDueAt('2026-11-03T12:10:00')).toBe(cst('2026-11-03T15:30:00').toISOString());
    expect(await acceptDueAt('2026-11-06T17:00:00')).toBe(cst('2026-11-09T10:00:00').toISOString());
  });

  it('hotline acceptance runs round the clock', async () => {
    expect(await acceptDueAt('2026-11-03T04:51:00', { channel: 'hotline' })).toBe(cst('2026-11-03T06:51:00').toISOString());
  });

  it('a type marked round-the-clock runs through the night', async () => {
    const res = await admin.patch('/api/catalog/0104', { roundTheClock: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(json<{ roundTheClock: boolean }>(res).roundTheClock).toBe(true);
    try {
      expect(await acceptDueAt('2026-11-03T04:51:00')).toBe(cst('2026-11-03T06:51:00').toISOString());
    } finally {
      await admin.patch('/api/catalog/0104', { roundTheClock: false });
    }
  });

  it('a community office keeps its own office hours, set by its town centre (here: the administrator)', async () => {
    const list = json<{ default: { periods: unknown[] }; items: { unitId: string; periods: unknown }[] }>(await town.get('/api/office-hours'));
    expect(list.default.periods).toEqual([{ start: '08:30', end: '12:00' }, { start: '13:30', end: '17:30' }]);
    expect(list.items.some((u) => u.unitId === officeId)).toBe(true);
    expect(list.items.some((u) => u.unitId === deptId)).toBe(false); // a district department is outside the town
    const put = await admin.request('PUT', `/api/office-hours/${otherOfficeId}`, { periods: [{ start: '08:00', end: '12:00' }, { start: '14:00', end: '18:00' }] });
    expect(put.statusCode, put.body).toBe(200);
    try {
      expect(await acceptDueAt('2026-11-03T12:10:00')).toBe(cst('2026-11-03T16:00:00').toISOString());
    } finally {
      const reset = await admin.request('DELETE', `/api/office-hours/${otherOfficeId}`);
      expect(reset.statusCode).toBe(200);
      expect((await town.request('PUT', `/api/office-hours/${officeId}`, { periods: [{ start: '08:00', end: '12:00' }] })).statusCode).toBe(200);
      expect((await town.request('DELETE', `/api/office-hours/${officeId}`)).statusCode).toBe(200);
      expect(reset.statusCode).toBe(200);
    }
    expect(await acceptDueAt('2026-11-03T12:10:00')).toBe(cst('2026-11-03T15:30:00').toISOString());
  });
});

describe('holiday overrides', () => {
  it('a day off entered by the administrator counts at once; removing it restores the day', async () => {
    const date = '2026-11-03';
    const put = await admin.request('PUT', `/api/calendar/overrides/${date}`, { working: false, name: '台风停工' });
    expect(put.statusCode, put.body).toBe(200);
    expect(json<{ day: { kind: string; source: string } }>(put).day).toMatchObject({ kind: 'holiday', source: 'override' });
    try {
      expect(await acceptDueAt('2026-11-03T04:51:00')).toBe(cst('2026-11-04T10:30:00').toISOString());
      const year = json<{ overrides: { date: string; name: string }[]; special: { date: string }[] }>(await admin.get('/api/calendar/2026'));
      expect(year.overrides).toContainEqual(expect.objectContaining({ date, name: '台风停工' }));
      expect(year.special.map((d) => d.date)).toContain(date);
    } finally {
      expect((await admin.request('DELETE', `/api/calendar/overrides/${date}`)).statusCode).toBe(204);
    }
    expect(await acceptDueAt('2026-11-03T04:51:00')).toBe(cst('2026-11-03T10:30:00').toISOString());
  });

  it('a year the package does not know is reported as such, and a make-up day can be entered for it', async () => {
    const before = json<{ packageCovers: boolean; covered: boolean; allowedActions: string[] }>(await admin.get('/api/calendar/2099'));
    expect(before).toMatchObject({ packageCovers: false, covered: false, allowedActions: ['edit'] });
    const put = await admin.request('PUT', '/api/calendar/overrides/2099-01-03', { working: true, name: '元旦调休' });
    expect(put.statusCode, put.body).toBe(200);
    try {
      expect(json<{ day: { kind: string } }>(put).day.kind).toBe('makeup');
      expect(json<{ covered: boolean }>(await admin.get('/api/calendar/2099')).covered).toBe(true);
    } finally {
      await admin.request('DELETE', '/api/calendar/overrides/2099-01-03');
    }
  });
});

describe('authorisation and bad input', () => {
  it('only the administrator edits the calendar; staff read it; residents do not', async () => {
    const res = await town.request('PUT', '/api/calendar/overrides/2099-05-06', { working: false, name: 'x' });
    expect(res.statusCode).toBe(403);
    expect(json<{ allowedActions: string[] }>(await town.get('/api/calendar/2099')).allowedActions).toEqual([]);
    expect((await (await t.as('resident')).get('/api/calendar/2099')).statusCode).toBe(403);
    expect((await t.anonymous().get('/api/calendar/2099')).statusCode).toBe(401);
    const n = await t.ctx.db.execute<{ n: string }>(sql`select count(*)::text as n from calendar_overrides where date = '2099-05-06'`);
    expect(n.rows[0]!.n).toBe('0');
  });

  it('office hours: another area’s unit is 404, a role without the right 403, nothing changed', async () => {
    const body = { periods: [{ start: '09:00', end: '17:00' }] };
    expect((await town.request('PUT', `/api/office-hours/${deptId}`, body)).statusCode).toBe(404);
    expect((await community.request('PUT', `/api/office-hours/${officeId}`, body)).statusCode).toBe(403);
    expect((await community.get('/api/office-hours')).statusCode).toBe(403);
    expect((await (await t.as('dept-cg')).request('PUT', `/api/office-hours/${deptId}`, body)).statusCode).toBe(403);
    const n = await t.ctx.db.execute<{ n: string }>(sql`select count(*)::text as n from unit_office_hours where unit_id in (${deptId}, ${officeId})`);
    expect(n.rows[0]!.n).toBe('0');
  });

  it('malformed input is a 400 that names the field', async () => {
    const bad = async (c: Client, url: string, body: unknown) => {
      const res = await c.request('PUT', url, body);
      expect(res.statusCode, res.body).toBe(400);
      return json<{ error: { code: string; message: string } }>(res).error;
    };
    await bad(admin, '/api/calendar/overrides/2026-02-30', { working: false });
    await bad(admin, '/api/calendar/overrides/2026-11-03', { working: 'yes' });
    await bad(admin, `/api/office-hours/${officeId}`, { periods: [] });
    await bad(admin, `/api/office-hours/${officeId}`, { periods: [{ start: '8:30', end: '12:00' }] });
    const overlap = await bad(admin, `/api/office-hours/${officeId}`, { periods: [{ start: '08:30', end: '12:00' }, { start: '11:00', end: '17:30' }] });
    expect(overlap.code).toBe('invalid_office_hours');
    expect(overlap.message).toContain('第 2 个时段');
    expect((await admin.get('/api/calendar/1999')).statusCode).toBe(400);
  });
});
