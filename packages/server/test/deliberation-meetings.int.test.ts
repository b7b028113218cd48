import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { eq } from 'drizzle-orm';
import { codeWindowOf, villageKindOf } from '@gongzhi/domain';
import { users } from '../src/db/schema.ts';
import { codeFor } from '../src/services/deliberation-meetings.ts';
import { Client, createTestApp, json, uniq, type TestApp } from './helpers.ts';

let t: TestApp;
let town: Client;
let community: Client;
let resident: Client;
let party: Client;
let VILLAGE: string;
const COMMUNITY = '320614103001';
let residentPerson: string;

const err = (res: LightMyRequestResponse) => json<{ error: { code: string; message: string } }>(res).error;

interface Meeting {
  id: string;
  state: string;
  agenda: { id: string; seq: number; title: string; source: string; sourceId: string | null }[];
  attendance: { present: number; roll: number; quorum: { n: string; d: string; threshold: string; met: boolean; text: string }[] };
  roll: { id: string; name: string; present: boolean; how: string | null }[];
  mine: { id: string; present: boolean }[];
  minutes: string | null;
  minutesBy: string | null;
  files: { id: string; url: string }[];
  allowedActions: string[];
}

async function convene(c: Client, over: Record<string, unknown>) {
  const res = await c.post('/api/deliberations', { title: `议题 ${uniq()}`, description: '是否同意加装电梯', ...over });
  if (res.statusCode !== 201) throw new Error(`create: ${res.statusCode} ${res.body}`);
  return json<{ id: string; roll: { id: string; name: string }[] }>(res);
}

async function schedule(c: Client, deliberationId: string, body: Record<string, unknown> = {}) {
  const res = await c.post(`/api/deliberations/${deliberationId}/meetings`, { scheduledAt: new Date().toISOString(), place: '状元街社区党群服务中心二楼会议室', ...body });
  if (res.statusCode !== 201) throw new Error(`schedule: ${res.statusCode} ${res.body}`);
  return json<Meeting>(res);
}

beforeAll(async () => {
  t = await createTestApp();
  [town, community, resident, party] = await Promise.all([t.as('town'), t.as('community'), t.as('resident'), t.as('party')]);
  const kids = json<{ items?: { code: string }[] } | { code: string }[]>(await town.get('/api/areas/320614103/children'));
  VILLAGE = (Array.isArray(kids) ? kids : (kids.items ?? [])).map((a) => a.code).find((c) => villageKindOf(c) === 'village')!;
  const [row] = await t.ctx.db.select({ personId: users.personId }).from(users).where(eq(users.username, 'resident'));
  residentPerson = row!.personId!;
});
afterAll(() => t.close());

describe('deliberation meetings', () => {
  it('walk: schedule with an agenda, QR check-in on the phone, staff marking, quorum beside the rule, minutes and a file', async () => {
    const d = await convene(community, { areaCode: COMMUNITY, body: 'residents-assembly', roll: [{ name: '居民本人', personId: residentPerson }, { name: '王秀英' }, { name: '李建国' }] });
    const m = await schedule(community, d.id, { agenda: [{ source: 'text', title: '加装电梯费用分摊', presenter: '黄晓梅' }] });
    expect(m.state).toBe('scheduled');
    expect(m.agenda).toMatchObject([{ seq: 1, title: '加装电梯费用分摊', source: 'text' }]);
    expect(m.attendance).toMatchObject({ present: 0, roll: 3, quorum: [{ n: '0', d: '3', threshold: 'more-than-half', met: false }] });

    // Agenda editor: add, move up, remove.
    const added = json<Meeting>(await community.post(`/api/deliberation-meetings/${m.id}/agenda`, { source: 'text', title: '楼道堆物清理' }));
    expect(added.agenda.map((a) => a.title)).toEqual(['加装电梯费用分摊', '楼道堆物清理']);
    const moved = json<Meeting>(await community.post(`/api/deliberation-meetings/${m.id}/agenda/${added.agenda[1]!.id}/move`, { direction: 'up' }));
    expect(moved.agenda.map((a) => [a.seq, a.title])).toEqual([
      [1, '楼道堆物清理'],
      [2, '加装电梯费用分摊'],
    ]);
    const removed = json<Meeting>(await community.request('DELETE', `/api/deliberation-meetings/${m.id}/agenda/${moved.agenda[0]!.id}`));
    expect(removed.agenda).toHaveLength(1);
    expect(err(await community.post(`/api/deliberation-meetings/${m.id}/agenda`, { source: 'text' })).code).toBe('missing_field');

    // The roll member sees time, place and agenda, and may check in.
    const seen = json<Meeting>(await resident.get(`/api/deliberation-meetings/${m.id}`));
    expect(seen.roll).toHaveLength(1);
    expect(seen.allowedActions).toContain('check-in');
    expect(json<{ items: unknown[] }>(await resident.get(`/api/deliberations/${d.id}/meetings`)).items).toHaveLength(1);
    // The code is the organiser's only.
    expect((await resident.get(`/api/deliberation-meetings/${m.id}/code`)).statusCode).toBe(403);
    const code = json<{ code: string; svg: string; path: string; present: number }>(await community.get(`/api/deliberation-meetings/${m.id}/code`));
    expect(code.code).toMatch(/^\d{6}$/);
    expect(code.path).toContain(`/m/meetings/${m.id}`);
    expect(code.svg).toContain('<svg');

    // A wrong code, then an expired one, then the right one; twice is once.
    const wrong = String((Number(code.code) + 1) % 1_000_000).padStart(6, '0');
    const bad = await resident.post(`/api/deliberation-meetings/${m.id}/check-in`, { code: wrong });
    expect(bad.statusCode).toBe(400);
    expect(err(bad).code).toBe('invalid_code');
    const old = codeFor(t.ctx, m.id, codeWindowOf(new Date()) - 3);
    const stale = await resident.post(`/api/deliberation-meetings/${m.id}/check-in`, { code: old });
    expect(stale.statusCode).toBe(400);
    expect(err(stale).code).toBe('code_expired');
    const fresh = json<{ code: string }>(await community.get(`/api/deliberation-meetings/${m.id}/code`)).code;
    const ok = await resident.post(`/api/deliberation-meetings/${m.id}/check-in`, { code: fresh });
    expect(ok.statusCode).toBe(200);
    expect(json<Meeting>(ok).mine).toMatchObject([{ present: true }]);
    expect((await resident.post(`/api/deliberation-meetings/${m.id}/check-in`, { code: fresh })).statusCode).toBe(200);
    const staffView = json<Meeting>(await community.get(`/api/deliberation-meetings/${m.id}`));
    expect(staffView.attendance.present).toBe(1);
    expect(staffView.roll[0]).toMatchObject({ present: true, how: 'qr' });

    // Staff mark one more: 2 of 3 is more than half.
    const marked = json<Meeting>(await community.post(`/api/deliberation-meetings/${m.id}/attendance`, { rollId: d.roll[1]!.id, present: true }));
    expect(marked.attendance).toMatchObject({ present: 2, roll: 3, quorum: [{ n: '2', d: '3', met: true }] });
    expect(marked.attendance.quorum[0]!.text).toContain('2/3');
    expect(json<Meeting>(await community.post(`/api/deliberation-meetings/${m.id}/attendance`, { rollId: d.roll[1]!.id, present: true })).attendance.present).toBe(2);

    // Files, then minutes: the meeting is held and check-in closes.
    const fileId = await community.uploadPhoto('会场照片.png');
    const withFile = json<Meeting>(await community.post(`/api/deliberation-meetings/${m.id}/files`, { fileId }));
    expect(withFile.files).toHaveLength(1);
    expect((await community.post(`/api/deliberation-meetings/${m.id}/files`, { fileId: await resident.uploadPhoto() })).statusCode).toBe(400);
    expect((await resident.put(`/api/deliberation-meetings/${m.id}/minutes`, { minutes: '会议纪要' })).statusCode).toBe(403);
    const held = json<Meeting>(await community.put(`/api/deliberation-meetings/${m.id}/minutes`, { minutes: '到会 2 人。议定：加装电梯费用按楼层分摊。' }));
    expect(held).toMatchObject({ state: 'held', minutes: '到会 2 人。议定：加装电梯费用按楼层分摊。', minutesBy: '黄晓梅' });
    expect(err(await community.get(`/api/deliberation-meetings/${m.id}/code`)).code).toBe('meeting_held');
    expect(err(await resident.post(`/api/deliberation-meetings/${m.id}/check-in`, { code: fresh })).code).toBe('checkin_closed');
  });

  it('someone not on the roll → 403; staff of another area → 404; a meeting not yet open refuses check-in', async () => {
    const d = await convene(town, { areaCode: VILLAGE, body: 'villager-representatives', roll: [{ name: '代表甲' }, { name: '代表乙' }, { name: '代表丙' }] });
    const m = await schedule(town, d.id, { place: '村委会会议室' });
    expect((await community.get(`/api/deliberation-meetings/${m.id}`)).statusCode).toBe(404);
    expect((await community.post(`/api/deliberation-meetings/${m.id}/attendance`, { rollId: d.roll[0]!.id, present: true })).statusCode).toBe(404);
    expect((await community.post(`/api/deliberations/${d.id}/meetings`, { scheduledAt: new Date().toISOString(), place: 'x' })).statusCode).toBe(404);
    const code = json<{ code: string }>(await town.get(`/api/deliberation-meetings/${m.id}/code`)).code;
    const notOnRoll = await resident.post(`/api/deliberation-meetings/${m.id}/check-in`, { code });
    expect(notOnRoll.statusCode).toBe(403);
    expect(err(notOnRoll).code).toBe('not_on_roll');
    expect((await resident.get(`/api/deliberation-meetings/${m.id}`)).statusCode).toBe(403);
    expect((await party.post(`/api/deliberations/${d.id}/meetings`, { scheduledAt: new Date().toISOString(), place: 'x' })).statusCode).toBe(403);
    // The grid worker's scope is one grid: a deliberation of the whole community is not theirs.
    const grid = await t.as('grid');
    const own = await convene(community, { areaCode: COMMUNITY, body: 'consultation', roll: [{ name: '居民本人', personId: residentPerson }] });
    const later = await schedule(community, own.id, { scheduledAt: new Date(Date.now() + 3 * 3600_000).toISOString() });
    expect(later.attendance.quorum).toEqual([]);
    expect((await grid.post(`/api/deliberation-meetings/${later.id}/agenda`, { source: 'text', title: '测试' })).statusCode).toBe(404);
    const c2 = json<{ code: string; open: boolean }>(await community.get(`/api/deliberation-meetings/${later.id}/code`));
    expect(c2.open).toBe(false);
    expect(err(await resident.post(`/api/deliberation-meetings/${later.id}/check-in`, { code: c2.code })).code).toBe('checkin_closed');
    expect(err(await community.put(`/api/deliberation-meetings/${later.id}/minutes`, { minutes: '纪要' })).code).toBe('meeting_not_started');
    expect((await community.post(`/api/deliberations/${own.id}/meetings`, { scheduledAt: 'tomorrow', place: 'x' })).statusCode).toBe(400);
  });

  it('金点子 → 议题: onto a scheduled meeting, or a new consultation with a meeting; the idea shows where it went', async () => {
    const posted = json<{ id: string }>(await resident.post('/api/ideas', { title: `小区空地建口袋公园 ${uniq()}`, content: '7 号楼旁空地堆满杂物，建议改建口袋公园。' }));
    const d = await convene(community, { areaCode: COMMUNITY, body: 'consultation', roll: [{ name: '王秀英' }] });
    const m = await schedule(community, d.id, { scheduledAt: new Date(Date.now() + 86400_000).toISOString() });
    expect((await resident.post(`/api/ideas/${posted.id}/to-topic`, { meetingId: m.id })).statusCode).toBe(403);
    const scheduled = json<{ items: { id: string }[] }>(await community.get('/api/deliberation-meetings/scheduled'));
    expect(scheduled.items.map((x) => x.id)).toContain(m.id);
    const res = await community.post(`/api/ideas/${posted.id}/to-topic`, { meetingId: m.id, presenter: '提议居民' });
    expect(res.statusCode).toBe(200);
    const out = json<{ meetingId: string; topics: { meetingId: string }[] }>(res);
    expect(out.topics.map((x) => x.meetingId)).toEqual([m.id]);
    const after = json<Meeting>(await community.get(`/api/deliberation-meetings/${m.id}`));
    expect(after.agenda.at(-1)).toMatchObject({ source: 'idea', sourceId: posted.id });
    expect(json<{ state: string }>(await community.get(`/api/ideas/${posted.id}`)).state).toBe('topic');
    // A new consultation of the idea's community, its roll from the registry, with a meeting.
    const fresh = json<{ deliberationId: string; meetingId: string; topics: unknown[] }>(await community.post(`/api/ideas/${posted.id}/to-topic`, { scheduledAt: new Date(Date.now() + 2 * 86400_000).toISOString(), place: '居民议事园' }));
    expect(fresh.topics).toHaveLength(2);
    const created = json<{ body: string; areaCode: string; roll: unknown[] }>(await community.get(`/api/deliberations/${fresh.deliberationId}`));
    expect(created).toMatchObject({ body: 'consultation', areaCode: COMMUNITY });
    expect(created.roll.length).toBeGreaterThan(0);
    expect(json<{ items: unknown[] }>(await resident.get(`/api/ideas/${posted.id}/topics`)).items).toHaveLength(2);
    expect(err(await community.post(`/api/ideas/${posted.id}/to-topic`, {})).code).toBe('missing_field');
  });

  it('agenda items from a case or a need keep their source; one outside the area → 404', async () => {
    const d = await convene(community, { areaCode: COMMUNITY, body: 'consultation', roll: [{ name: '王秀英' }] });
    const m = await schedule(community, d.id, { scheduledAt: new Date(Date.now() + 86400_000).toISOString() });
    const cases = json<{ items: { id: string; title: string }[] }>(await community.get('/api/cases?pageSize=1'));
    const c = cases.items[0]!;
    const withCase = json<Meeting>(await community.post(`/api/deliberation-meetings/${m.id}/agenda`, { source: 'case', sourceId: c.id }));
    expect(withCase.agenda.at(-1)).toMatchObject({ source: 'case', sourceId: c.id, title: c.title });
    expect((await community.post(`/api/deliberation-meetings/${m.id}/agenda`, { source: 'need', sourceId: '00000000-0000-4000-8000-000000000000' })).statusCode).toBe(404);
  });
});
