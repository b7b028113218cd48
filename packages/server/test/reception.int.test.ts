import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, json, uniq, type TestApp } from './helpers.ts';

// Reception days (接待日, `000`) and leaders' cases (领导包案): docs/CASES.md "Reception days".
let t: TestApp;
let district: Client;
let town: Client;
let leader: Client;
let leaderId: string;
let otherTownVillage: string;
const ZYJ = '320614103001'; // 状元街, the demo community
const OTHER = '320614103002'; // another community of the same town

const china = (offsetDays = 0) => new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

interface Day {
  id: string;
  areaCode: string;
  day: string;
  leader: { userId: string | null; name: string; title: string | null };
  cases: number;
  allowedActions: string[];
}

beforeAll(async () => {
  t = await createTestApp();
  [district, town, leader] = await Promise.all([t.as('district'), t.as('town'), t.as('leader')]);
  const leaders = json<{ items: { id: string; name: string; attachments: { code: string }[] }[] }>(await district.get('/api/reception-leaders')).items;
  leaderId = leaders.find((l) => l.name.startsWith('施国平'))!.id;
  const towns = json<{ items: { code: string }[] }>(await district.get('/api/areas/320614/children')).items;
  const otherTown = towns.find((x) => x.code !== '320614103')!.code;
  otherTownVillage = json<{ items: { code: string }[] }>(await district.get(`/api/areas/${otherTown}/children`)).items[0]!.code;
});
afterAll(async () => t?.close());

const dayBody = (over: Record<string, unknown> = {}) => ({
  areaCode: ZYJ,
  place: '党群服务中心一楼接待室',
  day: china(),
  startTime: '00:00',
  endTime: '23:59',
  leaderUserId: leaderId,
  leaderTitle: '区委常委',
  ...over,
});

describe('the demo', () => {
  it('gives the district leader attachments, a schedule and lead cases', async () => {
    const leaders = json<{ items: { id: string; attachments: { code: string }[] }[] }>(await district.get('/api/reception-leaders')).items;
    expect(leaders.find((l) => l.id === leaderId)!.attachments.map((a) => a.code)).toContain(ZYJ);
    const mine = json<{ items: Day[] }>(await leader.get(`/api/reception-days?mine=true&from=${china(-120)}&to=${china(60)}`));
    expect(mine.items.length).toBeGreaterThan(1);
    expect(mine.items.every((d) => d.leader.userId === leaderId)).toBe(true);
    const list = json<{ items: { lead: string; channel: string }[]; total: number }>(await leader.get('/api/lead-cases'));
    expect(list.total).toBeGreaterThan(0);
    expect(list.items.every((c) => c.channel === 'reception' && c.lead === '施国平')).toBe(true);
  });
});

describe('the schedule', () => {
  it('the district centre schedules, edits and cancels a reception day; bad input answers 400 with the field', async () => {
    const res = await district.post('/api/reception-days', dayBody({ day: china(20), startTime: '09:00', endTime: '11:30' }));
    expect(res.statusCode, res.body).toBe(201);
    const d = json<Day>(res);
    expect(d.leader).toMatchObject({ userId: leaderId, name: '施国平', title: '区委常委' });
    expect(d.allowedActions).toEqual(['edit', 'delete', 'record']);
    const p = await district.patch(`/api/reception-days/${d.id}`, { place: '新时代文明实践站', endTime: '12:00' });
    expect(p.statusCode, p.body).toBe(200);
    expect(json<Day & { place: string; endTime: string }>(p)).toMatchObject({ place: '新时代文明实践站', endTime: '12:00' });
    for (const [body, code] of [
      [dayBody({ endTime: '08:00', startTime: '09:00' }), 'invalid_time'],
      [dayBody({ areaCode: '320614103' }), 'invalid_area_level'],
      [dayBody({ leaderUserId: null, leaderName: null }), 'leader_required'],
      [dayBody({ areaCode: otherTownVillage }), 'leader_not_attached'],
    ] as const) {
      const r = await district.post('/api/reception-days', body);
      expect(r.statusCode, r.body).toBe(400);
      expect(json<{ error: { code: string } }>(r).error.code).toBe(code);
    }
    const del = await district.request('DELETE', `/api/reception-days/${d.id}`);
    expect(del.statusCode).toBe(204);
    expect((await district.get(`/api/reception-days/${d.id}`)).statusCode).toBe(404);
  });

  it('a named leader without an account may receive anywhere in scope', async () => {
    const r = await town.post('/api/reception-days', dayBody({ areaCode: OTHER, leaderUserId: null, leaderName: '王建明', leaderTitle: '常乐镇党委书记', day: china(9) }));
    expect(r.statusCode, r.body).toBe(201);
    expect(json<Day>(r).leader).toMatchObject({ userId: null, name: '王建明' });
  });

  it('keeps each centre to its area (404) and other roles off the schedule (403)', async () => {
    const far = await district.post('/api/reception-days', dayBody({ areaCode: otherTownVillage, leaderUserId: null, leaderName: '李四', day: china(5) }));
    expect(far.statusCode, far.body).toBe(201);
    const farId = json<Day>(far).id;
    expect((await town.get(`/api/reception-days/${farId}`)).statusCode).toBe(404);
    expect((await town.patch(`/api/reception-days/${farId}`, { place: '越界' })).statusCode).toBe(404);
    expect((await town.request('DELETE', `/api/reception-days/${farId}`)).statusCode).toBe(404);
    expect((await town.post('/api/reception-days', dayBody({ areaCode: otherTownVillage, leaderUserId: null, leaderName: '李四' }))).statusCode).toBe(404);
    expect((await town.get(`/api/reception-days?area=${otherTownVillage}`)).statusCode).toBe(404);
    const townList = json<{ items: Day[] }>(await town.get(`/api/reception-days?from=${china(-60)}&to=${china(60)}`)).items;
    expect(townList.every((d) => d.areaCode.startsWith('320614103'))).toBe(true);

    // A grid worker reads the schedule of their community, and nothing of another.
    const gridDays = json<{ items: Day[] }>(await (await t.as('grid')).get(`/api/reception-days?from=${china(-60)}&to=${china(60)}`)).items;
    expect(gridDays.length).toBeGreaterThan(0);
    expect(gridDays.every((d) => d.areaCode === ZYJ && d.allowedActions.length === 0)).toBe(true);
    const community = await t.as('community');
    expect((await community.post('/api/reception-days', dayBody())).statusCode).toBe(403);
    expect((await leader.post('/api/reception-days', dayBody())).statusCode).toBe(403);
    expect((await community.get(`/api/reception-days/${farId}`)).statusCode).toBe(404);
    const resident = await t.as('resident');
    expect((await resident.get('/api/reception-days')).statusCode).toBe(403);
    expect((await (await t.as('dept-cg')).get('/api/reception-days')).statusCode).toBe(403);
    expect((await community.request('PUT', `/api/reception-leaders/${leaderId}/attachments`, { areaCodes: [ZYJ] })).statusCode).toBe(403);
    expect((await town.request('PUT', `/api/reception-leaders/${leaderId}/attachments`, { areaCodes: [otherTownVillage] })).statusCode).toBe(404);
  });

  it('a town sets a leader’s attachments in its own area and leaves the others', async () => {
    const before = json<{ items: { id: string; attachments: { code: string }[] }[] }>(await district.get('/api/reception-leaders')).items.find((l) => l.id === leaderId)!.attachments.map((a) => a.code);
    await district.request('PUT', `/api/reception-leaders/${leaderId}/attachments`, { areaCodes: [...before, otherTownVillage] });
    const r = await town.request('PUT', `/api/reception-leaders/${leaderId}/attachments`, { areaCodes: [ZYJ, OTHER] });
    expect(r.statusCode, r.body).toBe(200);
    const after = json<{ attachments: { code: string }[] }>(r).attachments.map((a) => a.code);
    expect(after).toContain(OTHER);
    const all = json<{ items: { id: string; attachments: { code: string }[] }[] }>(await district.get('/api/reception-leaders')).items.find((l) => l.id === leaderId)!.attachments.map((a) => a.code);
    expect(all).toEqual(expect.arrayContaining([ZYJ, OTHER, otherTownVillage]));
  });
});

describe('cases taken at a reception day (领导包案)', () => {
  it('are created with channel 接待日 and the leader as lead; the leader follows only their own', async () => {
    const d = json<Day>(await town.post('/api/reception-days', dayBody()));
    const res = await town.post(`/api/reception-days/${d.id}/cases`, {
      title: `小区停车难 ${uniq()}`,
      description: '居民反映小区夜间停车位不足，消防通道被占。',
      categoryCode: 'G0101',
      reporter: { name: '王秀英', phone: '13912345678' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const c = json<{ id: string; code: string; channel: string; areaCode: string; lead: { name: string; userId: string; receptionDayId: string }; timeline: { note: string }[]; queryCode: string }>(res);
    expect(c.channel).toBe('reception');
    expect(c.areaCode).toBe(ZYJ);
    expect(c.lead).toEqual({ name: '施国平', userId: leaderId, receptionDayId: d.id });
    expect(c.timeline[0]!.note).toContain('施国平接待，领导包案');
    expect(c.queryCode).toMatch(/^[2-9A-Z]{6}$/);

    const shown = json<{ lead: { name: string } }>(await leader.get(`/api/cases/${c.id}`));
    expect(shown.lead.name).toBe('施国平');
    const list = json<{ items: { id: string; lead: string }[] }>(await leader.get('/api/lead-cases'));
    expect(list.items.map((x) => x.id)).toContain(c.id);
    // A case taken at a named leader's day is not on the account's list; other accounts have no lead cases.
    const named = json<Day>(await town.post('/api/reception-days', dayBody({ leaderUserId: null, leaderName: '王建明' })));
    const other = json<{ id: string; lead: { name: string; userId: string | null } }>(
      await town.post(`/api/reception-days/${named.id}/cases`, { title: `路灯不亮 ${uniq()}`, description: '村口路灯连续三晚不亮。', categoryCode: 'G0101' }),
    );
    expect(other.lead).toMatchObject({ name: '王建明', userId: null });
    const again = json<{ items: { id: string }[] }>(await leader.get('/api/lead-cases')).items.map((x) => x.id);
    expect(again).not.toContain(other.id);
    expect(json<{ total: number }>(await town.get('/api/lead-cases')).total).toBe(0);
    // The day counts its cases and can no longer be cancelled.
    const detail = json<Day & { caseList: { id: string }[] }>(await town.get(`/api/reception-days/${d.id}`));
    expect(detail.caseList.map((x) => x.id)).toEqual([c.id]);
    expect(detail.allowedActions).not.toContain('delete');
    expect(json<{ error: { code: string } }>(await town.request('DELETE', `/api/reception-days/${d.id}`)).error.code).toBe('reception_day_has_cases');
  });

  it('the community records at its own day; a day not yet held, another area and a department are refused', async () => {
    const community = await t.as('community');
    const d = json<Day>(await town.post('/api/reception-days', dayBody()));
    const body = { title: `噪声扰民 ${uniq()}`, description: '楼下商铺夜间噪声扰民。', categoryCode: 'G0101' };
    expect((await community.post(`/api/reception-days/${d.id}/cases`, body)).statusCode).toBe(201);
    const later = json<Day>(await town.post('/api/reception-days', dayBody({ day: china(3) })));
    const r = await town.post(`/api/reception-days/${later.id}/cases`, body);
    expect(r.statusCode).toBe(409);
    expect(json<{ error: { code: string } }>(r).error.code).toBe('reception_day_not_held');
    const elsewhere = json<Day>(await town.post('/api/reception-days', dayBody({ areaCode: OTHER, leaderUserId: null, leaderName: '王建明' })));
    expect((await community.post(`/api/reception-days/${elsewhere.id}/cases`, body)).statusCode).toBe(404);
    expect((await (await t.as('dept-cg')).post(`/api/reception-days/${d.id}/cases`, body)).statusCode).toBe(404);
    expect((await leader.post(`/api/reception-days/${d.id}/cases`, body)).statusCode).toBe(403);
    expect((await town.post(`/api/reception-days/${d.id}/cases`, { ...body, areaCode: OTHER })).statusCode).toBe(400);
  });
});

describe('what residents read', () => {
  it('the published schedule of a community: upcoming days, names and places only', async () => {
    await district.post('/api/reception-days', dayBody({ day: china(12), startTime: '09:00', endTime: '11:30' }));
    const pub = json<{ area: { name: string }; items: Record<string, unknown>[] }>(await t.anonymous().get(`/api/reception-days/published?area=${ZYJ}001`));
    expect(pub.area.name).toBe('状元街居委会');
    expect(pub.items.length).toBeGreaterThan(0);
    expect(pub.items.every((d) => (d.day as string) >= china())).toBe(true);
    expect(JSON.stringify(pub)).not.toContain(leaderId);
    expect(Object.keys(pub.items[0]!).sort()).toEqual(['areaCode', 'areaName', 'day', 'endTime', 'id', 'leader', 'note', 'phase', 'place', 'startTime']);
    const resident = await t.as('resident');
    expect((await resident.get(`/api/reception-days/published?area=${ZYJ}`)).statusCode).toBe(200);
    expect((await t.anonymous().get('/api/reception-days/published?area=320614')).statusCode).toBe(400);
    expect((await t.anonymous().get('/api/reception-days/published?area=320614103999')).statusCode).toBe(404);
  });
});
