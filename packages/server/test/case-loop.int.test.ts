// The case loop as the seeds describe it: tiers by type at intake (002), automatic dispatch, and
// the on-site verification a flagged type needs before it closes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, json, uniq, type TestApp } from './helpers.ts';

let t: TestApp;
let cgUnitId: string;
const GRID = '320614103001001';

beforeAll(async () => {
  t = await createTestApp();
  const units = json<{ items: { id: string; code: string }[] }>(await (await t.as('district')).get('/api/units?type=department')).items;
  cgUnitId = units.find((u) => u.code === 'dept-cg')!.id;
});
afterAll(async () => t?.close());

interface Case {
  id: string;
  state: string;
  ownerLevel: string;
  ownerArea: { code: string };
  handlerUnit?: { id: string; name: string };
  verifyLocation: { lat: number; lng: number } | null;
  timeline: { action: string; actor: string; note?: string; detail?: Record<string, unknown> }[];
  allowedActions: string[];
}

const report = (categoryCode: string, over: Record<string, unknown> = {}) => ({
  title: `事项 ${uniq()}`,
  description: '状元街3幢门口的路灯连续三天晚上不亮，老人晚上出门不方便。',
  categoryCode,
  channel: 'qr',
  areaCode: GRID,
  ...over,
});

async function act(c: Client, id: string, action: string, body: Record<string, unknown> = {}) {
  const res = await c.post(`/api/cases/${id}/actions/${action}`, body);
  if (res.statusCode !== 200) throw new Error(`${action}: ${res.statusCode} ${res.body}`);
  return json<Case>(res);
}

async function photo(c: Client, name = 'check.png') {
  const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
  const boundary = '----gz' + uniq();
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: image/png\r\n\r\n`),
    png,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await t.app.inject({ method: 'POST', url: '/api/files', headers: { cookie: c.cookie!, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
  expect(res.statusCode).toBe(201);
  return json<{ id: string }>(res).id;
}

describe('tiers by type (小事不出村、大事不出镇、难事不出县)', () => {
  it('a town-level type (B0110 路灯) lands in the town centre inbox; the community still sees it', async () => {
    const created = json<Case>(await t.anonymous().post('/api/cases', report('B0110')));
    expect(created.ownerLevel).toBe('town');
    expect(created.timeline[0]!.note).toContain('镇级事项');
    const town = await t.as('town');
    const inbox = json<{ items: { id: string }[] }>(await town.get('/api/cases?box=mine&pageSize=100'));
    expect(inbox.items.some((x) => x.id === created.id)).toBe(true);
    const community = await t.as('community');
    const seen = json<Case>(await community.get(`/api/cases/${created.id}`));
    expect(seen.ownerArea.code).toBe('320614103');
    expect(seen.allowedActions).not.toContain('accept');
    expect((await community.post(`/api/cases/${created.id}/actions/accept`, {})).statusCode).toBe(403);
    const mine = json<{ items: { id: string }[] }>(await community.get('/api/cases?box=mine&pageSize=100'));
    expect(mine.items.some((x) => x.id === created.id)).toBe(false);
    // The town takes it on and dispatches it (the type's default unit is proposed to it).
    await act(town, created.id, 'accept');
    expect((await act(town, created.id, 'dispatch', { unitId: cgUnitId })).state).toBe('dispatched');
  });

  it('a village-level type (0102 暴露垃圾) stays with the community; an urgent one goes to the district', async () => {
    expect(json<Case>(await t.anonymous().post('/api/cases', report('0102'))).ownerLevel).toBe('village');
    const urgent = json<Case>(await t.anonymous().post('/api/cases', report('0501')));
    expect(urgent.ownerLevel).toBe('district');
  });

  it('a type marked for automatic dispatch (G0707 停电) is accepted and dispatched to its unit at intake', async () => {
    const created = json<Case>(await t.anonymous().post('/api/cases', report('G0707', { title: `小区停电 ${uniq()}` })));
    expect(created.state).toBe('dispatched');
    expect(created.ownerLevel).toBe('town');
    expect(created.handlerUnit?.name).toContain('供电');
    // This file reports the same words at the same place under several types: intake may list them as suspected
    // duplicates of each other (a system entry beside the steps).
    const steps = created.timeline.filter((e) => e.action !== 'group-candidate');
    expect(steps.map((e) => e.action)).toEqual(['report', 'accept', 'dispatch']);
    expect(steps[2]!.actor).toBe('系统');
  });
});

describe('on-site verification (需现场核验)', () => {
  async function handledB0110() {
    const town = await t.as('town');
    const c = json<Case>(await t.anonymous().post('/api/cases', report('B0110')));
    await act(town, c.id, 'accept');
    await act(town, c.id, 'handle', { note: '已更换灯泡' });
    return c.id;
  }

  it('refuses verify-pass without a photo taken at verification (422), nothing changed', async () => {
    const id = await handledB0110();
    const grid = await t.as('grid');
    const res = await grid.post(`/api/cases/${id}/actions/verify-pass`, { note: '看过了' });
    expect(res.statusCode).toBe(422);
    const err = json<{ error: { code: string; message: string } }>(res).error;
    expect(err.code).toBe('verification_photo_required');
    expect(err.message).toMatch(/照片/);
    expect(json<Case>(await grid.get(`/api/cases/${id}`)).state).toBe('handled');
  });

  it('closes with a photo and records where the verifier stood (GCJ-02 from the phone, kept as WGS84)', async () => {
    const id = await handledB0110();
    const grid = await t.as('grid');
    const file = await photo(grid);
    const closed = await act(grid, id, 'verify-pass', { note: '现场核验，路灯已亮', attachments: [file], location: { lat: 31.93, lng: 121.18, crs: 'gcj02' } });
    expect(closed.state).toBe('closed');
    expect(closed.verifyLocation).not.toBeNull();
    // GCJ-02 is offset from WGS84 by a few hundred metres in China.
    expect(Math.abs(closed.verifyLocation!.lat - 31.93)).toBeGreaterThan(0.0005);
    expect(closed.timeline.at(-1)!.detail).toMatchObject({ photos: 1 });
    // The reporter's view does not carry the worker's position.
    const town = await t.as('town');
    expect(json<Case>(await town.get(`/api/cases/${id}`)).verifyLocation).not.toBeNull();
  });

  it('a type checked by a return visit closes without a photo; a bad location is a 400 naming the field', async () => {
    const town = await t.as('town');
    const grid = await t.as('grid');
    const g = json<Case>(await t.anonymous().post('/api/cases', report('G0101', { title: `邻里纠纷 ${uniq()}` })));
    const community = await t.as('community');
    await act(community, g.id, 'accept');
    await act(community, g.id, 'handle', { note: '已调解' });
    expect((await act(community, g.id, 'verify-pass', { note: '电话回访' })).state).toBe('closed');
    const id = await handledB0110();
    const bad = await grid.post(`/api/cases/${id}/actions/verify-pass`, { attachments: [await photo(grid)], location: { lat: 200, lng: 1 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('location');
    expect(json<Case>(await town.get(`/api/cases/${id}`)).state).toBe('handled');
  });
});

describe('double evaluation: the reporter’s satisfaction (双重评价)', () => {
  it('a return visit recorded by staff does not block the reporter, whose own rating supersedes it', async () => {
    const community = await t.as('community');
    const created = json<Case & { code: string; queryCode: string }>(
      await t.anonymous().post('/api/cases', report('G0101', { title: `邻里纠纷 ${uniq()}`, reporter: { name: '陆建华', phone: '13962812345' } })),
    );
    await act(community, created.id, 'accept');
    await act(community, created.id, 'handle', { note: '已调解' });
    await act(community, created.id, 'verify-pass', { note: '电话回访' });
    const visit = await act(community, created.id, 'rate', { score: 'basically-satisfied', comment: '回访：基本满意' });
    expect(visit).toMatchObject({ rating: 'basically-satisfied', ratedBy: 'visit' });
    // Staff cannot record a second time.
    expect((await community.post(`/api/cases/${created.id}/actions/rate`, { score: 'satisfied' })).statusCode).toBe(409);
    // The reporter still may, with the query code, and their word counts.
    const tracked = json<{ allowedActions: string[] }>(await t.anonymous().get(`/api/track/${created.code}?queryCode=${created.queryCode}`));
    expect(tracked.allowedActions).toContain('rate');
    const own = await t.anonymous().post(`/api/track/${created.code}/rate`, { queryCode: created.queryCode, score: 'unsatisfied', comment: '其实没解决' });
    expect(own.statusCode).toBe(200);
    const after = json<Case & { rating: string; ratedBy: string }>(await community.get(`/api/cases/${created.id}`));
    expect(after).toMatchObject({ rating: 'unsatisfied', ratedBy: 'reporter' });
    const rates = after.timeline.filter((e) => e.action === 'rate');
    expect(rates.map((e) => e.detail)).toEqual([
      { score: 'basically-satisfied', by: 'visit' },
      { score: 'unsatisfied', by: 'reporter', supersedes: 'basically-satisfied' },
    ]);
    expect(after.allowedActions).toContain('reopen');
    // Once the reporter has rated, neither side rates again.
    expect((await t.anonymous().post(`/api/track/${created.code}/rate`, { queryCode: created.queryCode, score: 'satisfied' })).statusCode).toBe(409);
  });
});
