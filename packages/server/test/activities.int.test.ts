import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { codeWindowOf } from '@gongzhi/domain';
import { codeFor } from '../src/services/activities.ts';
import { Client, createTestApp, json, uniq, type TestApp } from './helpers.ts';

let t: TestApp;
let admin: Client;
let organiser: Client;
const COMMUNITY = '320614103001';
const GRID = '320614103001001';
const OTHER_COMMUNITY = '320614103002';
const PASSWORD = 'Acts@2026pass';
const HOUR = 3600_000;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as('admin');
  organiser = await t.as('community');
});
afterAll(async () => t?.close());

interface Activity {
  id: string;
  state: string;
  stateLabel: string;
  offer?: { id: string; title: string; unitName: string } | null;
  cancelReason: string | null;
  signedUp: number;
  present: number;
  absent: number;
  mine: { state: string; checkInAt: string | null; checkOutAt: string | null; outcome: string | null; minutes: number | null; points: number | null } | null;
  allowedActions: string[];
}
interface Attendance {
  summary: { signedUp: number; checkedIn: number; present: number; absent: number };
  items: { id: string; name: string; checkInAt: string | null; located: boolean; outcome: string | null; minutes: number | null; points: number | null }[];
}

async function newUser(roles: string[], scopeCode = GRID) {
  const username = `a${uniq()}`;
  const res = await admin.post('/api/users', { username, displayName: `志愿者${username.slice(-4)}`, password: PASSWORD, roles, scopeCode });
  if (res.statusCode !== 201) throw new Error(`create user: ${res.statusCode} ${res.body}`);
  return { username, id: json<{ id: string }>(res).id, client: await t.as(username, PASSWORD) };
}

const iso = (d: Date) => d.toISOString();

async function publish(over: Record<string, unknown> = {}) {
  const res = await organiser.post('/api/activities', {
    kind: 'volunteer',
    title: `环境整治志愿服务${uniq()}`,
    areaCode: COMMUNITY,
    place: '状元街社区东苑小区南门',
    startsAt: iso(new Date(Date.now() - 3 * HOUR)),
    endsAt: iso(new Date(Date.now() + HOUR)),
    capacity: 5,
    pointsMode: 'per-hour',
    points: 1,
    ruleCode: 'volunteer-hour-auto',
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return json<Activity>(res);
}

async function code(id: string, purpose: 'in' | 'out') {
  const res = await organiser.get(`/api/activities/${id}/code?purpose=${purpose}`);
  expect(res.statusCode, res.body).toBe(200);
  return json<{ token: string; path: string; refreshAt: string }>(res).token;
}

describe('activities: publish → sign up → check in/out → confirm → hours and points once', () => {
  it('runs the whole loop and posts nothing twice', async () => {
    const a = await publish();
    const vol = await newUser(['resident']);
    const noShow = await newUser(['resident']);

    // Volunteer registration with a team of the community.
    const teams = json<{ items: { id: string; name: string }[] }>(await vol.client.get('/api/volunteer-teams')).items;
    expect(teams.map((x) => x.name)).toContain('夕阳美志愿服务队');
    const reg = await vol.client.request('PUT', '/api/volunteers/me', { teamId: teams[0]!.id, skills: ['维修', '助老'], availability: '周末上午' });
    expect(reg.statusCode, reg.body).toBe(200);

    // Sign up (twice: nothing changes), and a second resident who will not come.
    expect((await vol.client.post(`/api/activities/${a.id}/sign-up`)).statusCode).toBe(200);
    const again = json<Activity>(await vol.client.post(`/api/activities/${a.id}/sign-up`));
    expect(again.signedUp).toBe(1);
    expect(again.allowedActions).toContain('check-in');
    expect((await noShow.client.post(`/api/activities/${a.id}/sign-up`)).statusCode).toBe(200);
    expect((await noShow.client.request('PUT', '/api/volunteers/me', { teamId: teams[0]!.id, skills: [], availability: '' })).statusCode).toBe(200);

    // A stale code (three windows old), a forged one and the check-out code are refused.
    const stale = codeFor(t.ctx, a.id, 'in', codeWindowOf(new Date()) - 3);
    const staleRes = await vol.client.post(`/api/activities/${a.id}/check-in`, { token: stale });
    expect(staleRes.statusCode).toBe(400);
    expect(json<{ error: { code: string; message: string } }>(staleRes).error.code).toBe('code_expired');
    expect(json<{ error: { message: string } }>(staleRes).error.message).toContain('过期');
    const forged = await vol.client.post(`/api/activities/${a.id}/check-in`, { token: `${codeWindowOf(new Date())}.AAAAAAAAAAAAAAAA` });
    expect(json<{ error: { code: string } }>(forged).error.code).toBe('invalid_code');
    const wrongPurpose = await vol.client.post(`/api/activities/${a.id}/check-in`, { token: await code(a.id, 'out') });
    expect(wrongPurpose.statusCode).toBe(400);

    // The current code checks in, with the phone's location; a repeat keeps the first time.
    const inRes = await vol.client.post(`/api/activities/${a.id}/check-in`, { token: await code(a.id, 'in'), lat: 31.87, lng: 121.18 });
    expect(inRes.statusCode, inRes.body).toBe(200);
    const first = json<Activity>(inRes).mine!.checkInAt;
    expect(first).toBeTruthy();
    const repeat = json<Activity>(await vol.client.post(`/api/activities/${a.id}/check-in`, { token: await code(a.id, 'in') }));
    expect(repeat.mine!.checkInAt).toBe(first);

    // Two and a half hours served: the check-in is moved back as if the volunteer came early on.
    await t.ctx.db.execute(sql`update activity_attendance set check_in_at = now() - interval '150 minutes' where activity_id = ${a.id} and user_id = ${vol.id}`);
    const outRes = await vol.client.post(`/api/activities/${a.id}/check-out`, { token: await code(a.id, 'out') });
    expect(outRes.statusCode, outRes.body).toBe(200);
    expect(json<Activity>(outRes).mine!.checkOutAt).toBeTruthy();

    // The organiser's list, then the one confirmation.
    const list = json<Attendance>(await organiser.get(`/api/activities/${a.id}/attendance`));
    expect(list.summary).toMatchObject({ signedUp: 2, checkedIn: 1 });
    expect(list.items.find((i) => i.checkInAt)!.located).toBe(true);
    const confirmed = await organiser.post(`/api/activities/${a.id}/confirm`);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const c = json<Attendance>(confirmed);
    expect(c.summary).toMatchObject({ present: 1, absent: 1 });
    const present = c.items.find((i) => i.outcome === 'present')!;
    expect(present.minutes).toBe(150);
    expect(present.points).toBe(2);

    // Repeating any step posts nothing twice.
    expect((await organiser.post(`/api/activities/${a.id}/confirm`)).statusCode).toBe(200);
    expect((await vol.client.post(`/api/activities/${a.id}/check-in`, { token: await code(a.id, 'in').catch(() => 'x') })).statusCode).toBeGreaterThanOrEqual(400);
    const awards = await t.ctx.db.execute<{ n: string; total: string }>(
      sql`select count(*) as n, coalesce(sum(points), 0) as total from points_awards where ref_type = 'activity-attendance' and ref_id in (select id::text from activity_attendance where activity_id = ${a.id})`,
    );
    expect(Number(awards.rows[0]!.n)).toBe(1);
    expect(Number(awards.rows[0]!.total)).toBe(2);
    const mine = json<Activity>(await vol.client.get(`/api/activities/${a.id}`)).mine!;
    expect(mine).toMatchObject({ outcome: 'present', minutes: 150, points: 2 });

    // The no-show (未到): counted in the activity's figures, on their own view and on their volunteer record.
    expect(json<Activity>(await organiser.get(`/api/activities/${a.id}`))).toMatchObject({ present: 1, absent: 1 });
    expect(json<Activity>(await noShow.client.get(`/api/activities/${a.id}`)).mine).toMatchObject({ outcome: 'absent', minutes: 0, points: 0 });
    const absentRecord = json<{ volunteer: { noShows: number; services: number; hours: number; history: { activityId: string; outcome: string }[] } }>(await noShow.client.get('/api/volunteers/me')).volunteer;
    expect(absentRecord).toMatchObject({ noShows: 1, services: 0, hours: 0 });
    expect(absentRecord.history.find((h) => h.activityId === a.id)?.outcome).toBe('absent');
    const roster = json<{ items: { name: string; noShows: number; services: number }[] }>(await organiser.get('/api/volunteers?pageSize=100')).items;
    expect(roster.find((r) => r.services === 1 && r.noShows === 0)).toBeTruthy();

    // The volunteer record and the certificate's figures.
    const record = json<{ volunteer: { hours: number; services: number; noShows: number; history: unknown[] } }>(await vol.client.get('/api/volunteers/me')).volunteer;
    expect(record.hours).toBe(2.5);
    expect(record.noShows).toBe(0);
    expect(record.services).toBe(1);
    const pdf = await vol.client.post('/api/volunteers/me/certificate');
    expect(pdf.statusCode, pdf.body.slice(0, 200)).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const certCode = String(pdf.headers['x-certificate-code']);
    const verified = await t.anonymous().get(`/api/volunteer-certificates/${certCode}`);
    expect(verified.statusCode, verified.body).toBe(200);
    const f = json<{ figures: { hours: number; services: number; trainings: number; name: string } }>(verified).figures;
    expect(f).toMatchObject({ hours: 2.5, services: 1, trainings: 0 });
    expect(f.name).toMatch(/\*/);
    expect((await t.anonymous().get('/api/volunteer-certificates/23456789AB')).statusCode).toBe(404);
    expect((await t.anonymous().get('/api/volunteer-certificates/bad')).statusCode).toBe(400);
  });

  it('enforces capacity, cancellation and who may join', async () => {
    const a = await publish({ capacity: 1, startsAt: iso(new Date(Date.now() + 48 * HOUR)), endsAt: iso(new Date(Date.now() + 50 * HOUR)) });
    const one = await newUser(['resident']);
    const two = await newUser(['resident']);
    expect((await one.client.post(`/api/activities/${a.id}/sign-up`)).statusCode).toBe(200);
    const full = await two.client.post(`/api/activities/${a.id}/sign-up`);
    expect(full.statusCode).toBe(409);
    expect(json<{ error: { code: string } }>(full).error.code).toBe('activity_full');
    const cancelled = json<Activity>(await one.client.post(`/api/activities/${a.id}/cancel-sign-up`));
    expect(cancelled.mine!.state).toBe('cancelled');
    expect((await two.client.post(`/api/activities/${a.id}/sign-up`)).statusCode).toBe(200);
    // Not yet open for check-in (starts in two days).
    const early = await two.client.post(`/api/activities/${a.id}/check-in`, { token: await code(a.id, 'in') });
    expect(early.statusCode).toBe(409);

    // A themed party day is for party members only.
    const day = await publish({ kind: 'party-day', pointsMode: 'per-attendance', points: 5, ruleCode: 'party-day-auto' });
    const res = await one.client.post(`/api/activities/${day.id}/sign-up`);
    expect(res.statusCode).toBe(403);
    const member = await newUser(['party-member']);
    expect((await member.client.post(`/api/activities/${day.id}/sign-up`)).statusCode).toBe(200);
    // Marked present by the organiser (the fallback), then confirmed: points per attendance.
    const list = json<Attendance>(await organiser.get(`/api/activities/${day.id}/attendance`));
    const marked = await organiser.post(`/api/activities/${day.id}/attendance/${list.items[0]!.id}/mark`, { mark: 'present' });
    expect(marked.statusCode, marked.body).toBe(200);
    const c = json<Attendance>(await organiser.post(`/api/activities/${day.id}/confirm`));
    expect(c.items[0]).toMatchObject({ outcome: 'present', points: 5 });

    // The cockpit's 党组织活跃度 counts this confirmed attendance at a party activity.
    const cst = (ms: number) => new Date(Date.now() + 8 * HOUR + ms).toISOString().slice(0, 10);
    const leader = await t.as('leader');
    const v = json<{ total: { inputs: { partyAttendances: number; partyAttendees: number }; terms: { party: number | null } } }>(
      await leader.get(`/api/cockpit/vitality?area=${COMMUNITY}&from=${cst(-2 * 24 * HOUR)}&to=${cst(24 * HOUR)}`),
    );
    expect(v.total.inputs.partyAttendances).toBeGreaterThanOrEqual(1);
    expect(v.total.inputs.partyAttendees).toBeGreaterThanOrEqual(1);
    expect(v.total.terms.party).toBeGreaterThan(0);
  });

  it('cancels an activity with a reason: the signed-up see it, nothing more is taken, no hours or points', async () => {
    const a = await publish();
    const one = await newUser(['resident']);
    const two = await newUser(['resident']);
    expect((await one.client.post(`/api/activities/${a.id}/sign-up`)).statusCode).toBe(200);
    expect((await two.client.post(`/api/activities/${a.id}/sign-up`)).statusCode).toBe(200);
    expect((await one.client.post(`/api/activities/${a.id}/check-in`, { token: await code(a.id, 'in') })).statusCode).toBe(200);
    const before = json<Activity>(await organiser.get(`/api/activities/${a.id}`));
    expect(before.allowedActions).toContain('cancel-activity');

    // Residents and organisers of another community may not cancel; a reason is required.
    expect((await one.client.post(`/api/activities/${a.id}/cancel`, { reason: '不想办了' })).statusCode).toBe(403);
    const otherWorker = await newUser(['community-worker'], OTHER_COMMUNITY);
    expect((await otherWorker.client.post(`/api/activities/${a.id}/cancel`, { reason: '越界' })).statusCode).toBe(404);
    const noReason = await organiser.post(`/api/activities/${a.id}/cancel`, { reason: '  ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('reason');

    const res = await organiser.post(`/api/activities/${a.id}/cancel`, { reason: '暴雨红色预警，活动取消' });
    expect(res.statusCode, res.body).toBe(200);
    const cancelled = json<Activity>(res);
    expect(cancelled).toMatchObject({ state: 'cancelled', stateLabel: '已取消', cancelReason: '暴雨红色预警，活动取消' });
    expect(cancelled.allowedActions).not.toContain('code');
    expect(cancelled.allowedActions).not.toContain('confirm');
    // Cancelling again changes nothing (one audit row).
    expect((await organiser.post(`/api/activities/${a.id}/cancel`, { reason: '再次取消' })).statusCode).toBe(200);
    const audits = await t.ctx.db.execute<{ n: string; reason: string }>(sql`select count(*) as n, max(detail->>'reason') as reason from audit_log where action = 'activity.cancel' and entity_id = ${a.id}`);
    expect(Number(audits.rows[0]!.n)).toBe(1);
    expect(audits.rows[0]!.reason).toBe('暴雨红色预警，活动取消');

    // The signed-up resident sees it cancelled with the reason in their own list, and can no longer check in.
    const mine = json<{ items: Activity[] }>(await two.client.get('/api/activities?relation=mine')).items.find((x) => x.id === a.id)!;
    expect(mine).toMatchObject({ state: 'cancelled', cancelReason: '暴雨红色预警，活动取消' });
    expect(mine.allowedActions).toEqual([]);
    const late = await two.client.post(`/api/activities/${a.id}/check-in`, { token: codeFor(t.ctx, a.id, 'in', codeWindowOf(new Date())) });
    expect(late.statusCode).toBe(409);
    expect(json<{ error: { code: string; message: string } }>(late).error).toMatchObject({ code: 'activity_closed' });
    expect(json<{ error: { message: string } }>(late).error.message).toContain('活动已取消');
    const three = await newUser(['resident']);
    expect((await three.client.post(`/api/activities/${a.id}/sign-up`)).statusCode).toBe(409);
    // No code, no confirmation, no marks: nothing can post hours or points.
    expect((await organiser.get(`/api/activities/${a.id}/code`)).statusCode).toBe(409);
    expect((await organiser.post(`/api/activities/${a.id}/confirm`)).statusCode).toBe(409);
    const awards = await t.ctx.db.execute<{ n: string }>(sql`select count(*) as n from points_awards where ref_type = 'activity-attendance' and ref_id in (select id::text from activity_attendance where activity_id = ${a.id})`);
    expect(Number(awards.rows[0]!.n)).toBe(0);

    // A confirmed activity cannot be cancelled.
    const b = await publish();
    expect((await one.client.post(`/api/activities/${b.id}/sign-up`)).statusCode).toBe(200);
    expect((await organiser.post(`/api/activities/${b.id}/confirm`)).statusCode).toBe(200);
    const tooLate = await organiser.post(`/api/activities/${b.id}/cancel`, { reason: '事后取消' });
    expect(tooLate.statusCode).toBe(409);
    expect(json<{ error: { code: string } }>(tooLate).error.code).toBe('activity_confirmed');
  });

  it('keeps volunteer teams and the record: trainings, commendations and evaluation, on the record and the certificate', async () => {
    // A team of the community, with its kind and leader; its name is unique in the community.
    const name = `楼道守望志愿服务队${uniq()}`;
    const created = await organiser.post('/api/volunteer-teams', { name, kind: 'neighbour', leader: '张桂英', description: '楼栋互助', areaCode: COMMUNITY });
    expect(created.statusCode, created.body).toBe(201);
    const team = json<{ id: string; kindLabel: string; leader: string; members: number; allowedActions: string[] }>(created);
    expect(team).toMatchObject({ kindLabel: '邻里美', leader: '张桂英', members: 0 });
    expect(team.allowedActions).toContain('edit');
    expect((await organiser.post('/api/volunteer-teams', { name, kind: 'other', areaCode: COMMUNITY })).statusCode).toBe(409);
    const bad = await organiser.post('/api/volunteer-teams', { name: '无类型', kind: 'strange', areaCode: COMMUNITY });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('kind');
    const edited = await organiser.patch(`/api/volunteer-teams/${team.id}`, { kind: 'sunset', leader: '陈建国' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(json<{ kindLabel: string; leader: string }>(edited)).toMatchObject({ kindLabel: '夕阳美', leader: '陈建国' });
    // Residents may not create or edit teams; another community's worker does not see this one.
    const resident = await newUser(['resident']);
    expect((await resident.client.post('/api/volunteer-teams', { name: '自建队', kind: 'other', areaCode: COMMUNITY })).statusCode).toBe(403);
    expect((await resident.client.patch(`/api/volunteer-teams/${team.id}`, { leader: '我' })).statusCode).toBe(404);
    const otherWorker = await newUser(['community-worker'], OTHER_COMMUNITY);
    expect((await otherWorker.client.patch(`/api/volunteer-teams/${team.id}`, { leader: '越界' })).statusCode).toBe(404);
    expect((await otherWorker.client.post('/api/volunteer-teams', { name: '越界队', kind: 'other', areaCode: COMMUNITY })).statusCode).toBe(403);

    // A resident joins the team; the team counts them.
    expect((await resident.client.request('PUT', '/api/volunteers/me', { teamId: team.id, skills: ['助老'], availability: '周末' })).statusCode).toBe(200);
    const teams = json<{ items: { id: string; members: number }[] }>(await organiser.get('/api/volunteer-teams')).items;
    expect(teams.find((x) => x.id === team.id)!.members).toBe(1);

    // The team records a training, a commendation and an evaluation on the record.
    const vid = json<{ volunteer: { id: string } }>(await resident.client.get('/api/volunteers/me')).volunteer.id;
    const badTraining = await organiser.patch(`/api/volunteers/${vid}`, { trainings: [{ title: '急救培训', on: '2026-11-02', hours: 0 }] });
    expect(badTraining.statusCode).toBe(400);
    const kept = await organiser.patch(`/api/volunteers/${vid}`, {
      trainings: [{ title: '应急救护培训', on: '2026-11-02', hours: 4 }],
      commendations: [{ title: '优秀志愿者', on: '2026-10-01' }],
      evaluation: '服务热情，按时到岗',
    });
    expect(kept.statusCode, kept.body).toBe(200);
    expect(json<{ trainings: number; trainingRecords: unknown[]; commendations: unknown[]; evaluation: string }>(kept)).toMatchObject({ trainings: 1, trainingRecords: [{ title: '应急救护培训', on: '2026-11-02', hours: 4 }], evaluation: '服务热情，按时到岗' });
    // The volunteer does not write their own record (the team keeps it).
    expect((await resident.client.patch(`/api/volunteers/${vid}`, { evaluation: '自评' })).statusCode).toBeGreaterThanOrEqual(403);
    const pdf = await resident.client.post('/api/volunteers/me/certificate');
    expect(pdf.statusCode).toBe(200);
    const f = json<{ figures: { trainings: number; commendations: number; commendationList: string[]; evaluation: string; team: string } }>(await t.anonymous().get(`/api/volunteer-certificates/${String(pdf.headers['x-certificate-code'])}`)).figures;
    expect(f).toMatchObject({ trainings: 1, commendations: 1, commendationList: ['优秀志愿者（2026-10-01）'], evaluation: '服务热情，按时到岗', team: name });
  });

  it('checks role, area and input', async () => {
    const a = await publish();
    const resident = await newUser(['resident']);
    const outsider = await newUser(['resident'], `${OTHER_COMMUNITY}001`);
    const otherWorker = await newUser(['community-worker'], OTHER_COMMUNITY);
    // Other area: not found.
    expect((await outsider.client.get(`/api/activities/${a.id}`)).statusCode).toBe(404);
    expect((await otherWorker.client.get(`/api/activities/${a.id}/attendance`)).statusCode).toBe(404);
    expect((await otherWorker.client.post(`/api/activities/${a.id}/confirm`)).statusCode).toBe(404);
    // Wrong role: forbidden.
    expect((await resident.client.get(`/api/activities/${a.id}/code`)).statusCode).toBe(403);
    expect((await resident.client.get(`/api/activities/${a.id}/attendance`)).statusCode).toBe(403);
    expect((await resident.client.post(`/api/activities/${a.id}/confirm`)).statusCode).toBe(403);
    const pub = await resident.client.post('/api/activities', { kind: 'volunteer', title: '无权发布', areaCode: COMMUNITY, place: '某处', startsAt: iso(new Date()), endsAt: iso(new Date(Date.now() + HOUR)) });
    expect(pub.statusCode).toBe(403);
    expect((await otherWorker.client.post('/api/activities', { kind: 'volunteer', title: '越界发布', areaCode: COMMUNITY, place: '某处', startsAt: iso(new Date()), endsAt: iso(new Date(Date.now() + HOUR)) })).statusCode).toBe(403);
    // Bad input: 400 naming the field.
    const bad = await organiser.post('/api/activities', { kind: 'volunteer', title: '时间倒置', areaCode: COMMUNITY, place: '某处', startsAt: iso(new Date(Date.now() + HOUR)), endsAt: iso(new Date()) });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('endsAt');
    const manual = await organiser.post('/api/activities', { kind: 'volunteer', title: '手工规则', areaCode: COMMUNITY, place: '某处', startsAt: iso(new Date()), endsAt: iso(new Date(Date.now() + HOUR)), ruleCode: 'party-day', points: 1 });
    expect(manual.statusCode).toBe(400);
    expect((await organiser.post('/api/activities', { kind: 'unknown' })).statusCode).toBe(400);
    expect((await resident.client.post(`/api/activities/${a.id}/check-in`, {})).statusCode).toBe(400);
    // Volunteer roster: staff only; residents are refused.
    expect((await resident.client.get('/api/volunteers')).statusCode).toBe(403);
    expect((await organiser.get('/api/volunteers')).statusCode).toBe(200);
  });

  it('links a 直通车 activity to the 赋能清单 offer it brings, and only a 直通车', async () => {
    const offer = json<{ items: { id: string; title: string; unitName: string; activities: number }[] }>(await organiser.get('/api/offers')).items[0]!;
    const train = await publish({ kind: 'train-policy', title: `政策直通车${uniq()}`, pointsMode: 'per-attendance', points: 2, ruleCode: undefined, offerId: offer.id });
    expect(train.offer).toEqual({ id: offer.id, title: offer.title, unitName: offer.unitName });
    const after = json<{ items: { id: string; activities: number }[] }>(await organiser.get('/api/offers')).items.find((o) => o.id === offer.id)!;
    expect(after.activities).toBe(offer.activities + 1);
    const wrongKind = await organiser.post('/api/activities', { kind: 'volunteer', title: '志愿服务不关联清单', areaCode: COMMUNITY, place: '某处', startsAt: iso(new Date()), endsAt: iso(new Date(Date.now() + HOUR)), pointsMode: 'none', offerId: offer.id });
    expect(wrongKind.statusCode).toBe(400);
    expect(json<{ error: { code: string; details: { field: string } } }>(wrongKind).error).toMatchObject({ code: 'invalid_offer', details: { field: 'offerId' } });
    const unknown = await organiser.post('/api/activities', { kind: 'train-skills', title: '不存在的清单事项', areaCode: COMMUNITY, place: '某处', startsAt: iso(new Date()), endsAt: iso(new Date(Date.now() + HOUR)), pointsMode: 'none', offerId: '00000000-0000-4000-8000-000000000000' });
    expect(json<{ error: { code: string } }>(unknown).error.code).toBe('invalid_offer');
    // Cancelled, it no longer counts under the offer.
    expect((await organiser.post(`/api/activities/${train.id}/cancel`, { reason: '部门时间调整' })).statusCode).toBe(200);
    expect(json<{ items: { id: string; activities: number }[] }>(await organiser.get('/api/offers')).items.find((o) => o.id === offer.id)!.activities).toBe(offer.activities);
  });
});
