// Writes the phone queues while offline and resends (docs/OFFLINE.md): a household visit, a patrol
// check-in and an on-site verification sent twice under one Idempotency-Key are recorded once and the
// repeat answers with the first result; another key for the same visit is a conflict (409), shown on
// the phone; a bad key is a 400 naming the header.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { and, eq, sql } from 'drizzle-orm';
import { partyVisits } from '../src/db/schema.ts';
import { Client, createTestApp, json, uniq, type TestApp } from './helpers.ts';

let t: TestApp;
let grid: Client;
let party: Client;
let town: Client;
const GRID = '320614103001001';

beforeAll(async () => {
  t = await createTestApp();
  [grid, party, town] = (await Promise.all(['grid', 'party', 'town'].map((u) => t.as(u)))) as [Client, Client, Client];
});
afterAll(async () => t?.close());

const err = (res: LightMyRequestResponse) => json<{ error: { code: string; message: string; details?: { field?: string } } }>(res).error;
const withKey = (c: Client, url: string, body: unknown, key: string) => c.request('POST', url, body, { 'idempotency-key': key });

describe('offline queue: resends under one Idempotency-Key are recorded once', () => {
  it('a household visit: the repeat answers with the first visit; a second key the same day is a 409 conflict', async () => {
    const mine = json<{ items: { id: string; visitedThisMonth: boolean }[] }>(await party.get('/api/party/my/households'));
    const target = mine.items.find((h) => !h.visitedThisMonth) ?? mine.items[0]!;
    const key = `visit-${uniq()}`;
    const body = { householdId: target.id, duties: ['policy'], notes: '地下室没有信号，联网后补发' };
    const first = await withKey(party, '/api/party/visits', body, key);
    expect(first.statusCode, first.body).toBe(201);
    const again = await withKey(party, '/api/party/visits', body, key);
    expect(again.statusCode, again.body).toBe(201);
    expect(json<{ id: string }>(again).id).toBe(json<{ id: string }>(first).id);
    const rows = await t.ctx.db.select({ n: sql<number>`count(*)::int` }).from(partyVisits).where(and(eq(partyVisits.householdId, target.id), eq(partyVisits.id, json<{ id: string }>(first).id)));
    expect(rows[0]!.n).toBe(1);
    const all = await t.ctx.db.select({ id: partyVisits.id }).from(partyVisits).where(eq(partyVisits.householdId, target.id));
    expect(all.filter((r) => r.id === json<{ id: string }>(first).id)).toHaveLength(1);
    // Made twice on the phone under two keys: the second is a conflict, and says why in Chinese.
    const other = await withKey(party, '/api/party/visits', body, `visit-${uniq()}`);
    expect(other.statusCode).toBe(409);
    expect(err(other).code).toBe('duplicate_visit');
    expect(err(other).message).toMatch(/走访/);
  });

  it('a patrol check-in: the repeat is the first check-in, counted once', async () => {
    const before = json<{ checkIns: { id: string }[]; buildings: { code: string }[] }>(await grid.get('/api/party/patrols/today'));
    const key = `patrol-${uniq()}`;
    const body = { buildingCode: before.buildings[0]!.code, note: '离线打卡' };
    const first = await withKey(grid, '/api/party/patrols', body, key);
    expect(first.statusCode, first.body).toBe(201);
    const again = await withKey(grid, '/api/party/patrols', body, key);
    expect(again.statusCode).toBe(201);
    expect(json<{ id: string }>(again)).toEqual(json<{ id: string }>(first));
    const after = json<{ checkIns: { id: string }[] }>(await grid.get('/api/party/patrols/today'));
    expect(after.checkIns.length).toBe(before.checkIns.length + 1);
    // A key too long is refused before anything is written, naming the header.
    const long = await withKey(grid, '/api/party/patrols', body, 'k'.repeat(129));
    expect(long.statusCode).toBe(400);
    expect(err(long).details?.field).toBe('Idempotency-Key');
    expect(json<{ checkIns: unknown[] }>(await grid.get('/api/party/patrols/today')).checkIns.length).toBe(after.checkIns.length);
  });

  it('on-site verification: the repeat answers with the closed case, not a 409; a stale action is a 409 conflict', async () => {
    const created = await t.anonymous().post('/api/cases', {
      title: `离线核查 ${uniq()}`,
      description: '状元街3幢门口的路灯连续三天晚上不亮，老人晚上出门不方便。',
      categoryCode: 'B0110',
      channel: 'qr',
      areaCode: GRID,
      reporter: { phone: '13962812345' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = json<{ id: string }>(created).id;
    for (const [action, body] of [['accept', {}], ['handle', { note: '已更换灯泡' }]] as const) {
      const res = await town.post(`/api/cases/${id}/actions/${action}`, body);
      expect(res.statusCode, res.body).toBe(200);
    }
    const key = `verify-${uniq()}`;
    const body = { note: '现场核查，路灯已亮', attachments: [await grid.uploadPhoto()] };
    const first = await withKey(grid, `/api/cases/${id}/actions/verify-pass`, body, key);
    expect(first.statusCode, first.body).toBe(200);
    expect(json<{ state: string }>(first).state).toBe('closed');
    const again = await withKey(grid, `/api/cases/${id}/actions/verify-pass`, body, key);
    expect(again.statusCode, again.body).toBe(200);
    expect(json<{ state: string }>(again).state).toBe('closed');
    const timeline = json<{ timeline: { action: string }[] }>(await grid.get(`/api/cases/${id}`)).timeline.filter((e) => e.action === 'verify-pass');
    expect(timeline).toHaveLength(1);
    // Queued offline while someone else already acted: the case moved on, a conflict the phone shows.
    const stale = await withKey(grid, `/api/cases/${id}/actions/verify-fail`, { reason: '路灯仍不亮' }, `verify-${uniq()}`);
    expect(stale.statusCode).toBe(409);
    expect(err(stale).message.length).toBeGreaterThan(0);
    // One key names one action: the same key on another action is refused, naming the header.
    const reused = await withKey(grid, `/api/cases/${id}/actions/verify-fail`, { reason: '路灯仍不亮' }, key);
    expect(reused.statusCode).toBe(422);
    expect(err(reused).details?.field).toBe('Idempotency-Key');
  });
});
