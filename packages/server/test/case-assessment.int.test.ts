// 双重评价 and 5321 through the API (issue 12 items 3 and 4; docs/CASES.md "Double evaluation", "5321"):
// the reporter's satisfaction and the centre's assessment of the handling unit side by side, the
// assessment in the department ranking; a property case's 5321 steps and tiers, with `now` moved
// forward to the tier's deadline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { Client, createTestApp, json, uniq, type TestApp } from './helpers.ts';
import { sweepDeadlines } from '../src/services/cases.ts';

let t: TestApp;
let town: Client;
let cg: Client;
let cgUnitId: string;
const TOWN = '320614103';
const GRID = '320614103001001';
const MIN = 60_000;

beforeAll(async () => {
  t = await createTestApp();
  town = await t.as('town');
  cg = await t.as('dept-cg');
  const units = json<{ items: { id: string; code: string }[] }>(await (await t.as('district')).get('/api/units?type=department')).items;
  cgUnitId = units.find((u) => u.code === 'dept-cg')!.id;
});
afterAll(async () => t?.close());

interface Case {
  id: string;
  state: string;
  rating: string | null;
  ratedBy: string | null;
  deadline: string | null;
  stepDeadline: string | null;
  timeline: { action: string; actor: string; note?: string; detail?: Record<string, unknown> }[];
  response5321?: {
    startedAt: string;
    steps: { step: string; dueAt: string; doneAt: string | null }[];
    tier: string | null;
    tierBy: string | null;
    resolveDueAt: string | null;
    status: Record<string, string>;
    allowedActions: string[];
  };
}
interface Assessments {
  items: { unit: { id: string; name: string }; timeliness: string; quality: string; attitude: string; score: number; revisions: number; assessedBy: string }[];
  units: { id: string; role: string; suggestedTimeliness: string | null }[];
  allowedActions: string[];
}

async function act(c: Client, id: string, action: string, body: Record<string, unknown> = {}) {
  const res = await c.post(`/api/cases/${id}/actions/${action}`, body);
  expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  return json<Case>(res);
}

/** A town case dispatched to the urban management bureau and signed. */
async function atUnit(categoryCode: string, areaCode = GRID) {
  const res = await town.post('/api/cases', { title: `事项 ${uniq()}`, description: '状元街3幢门口的路灯连续三天晚上不亮，老人晚上出门不方便。', categoryCode, channel: 'hotline', areaCode, reporter: { name: '王秀英', phone: '13912345678' } });
  expect(res.statusCode, res.body).toBe(201);
  const id = json<{ id: string }>(res).id;
  await act(town, id, 'accept');
  return { id, dispatched: await act(town, id, 'dispatch', { unitId: cgUnitId }) };
}

const GOOD = { timeliness: 'excellent', quality: 'good', attitude: 'excellent' };

describe('double evaluation (双重评价): the centre assesses the handling unit', () => {
  it('once the case is closed, only the owning centre; corrected with history; both evaluations side by side; in the ranking', async () => {
    const { id } = await atUnit('B0110');
    await act(cg, id, 'acknowledge');
    await act(cg, id, 'handle', { note: '已更换路灯灯泡，恢复照明。' });
    // Not before it is closed.
    expect((await town.request('PUT', `/api/cases/${id}/assessments/${cgUnitId}`, GOOD)).statusCode).toBe(409);
    const grid = await t.as('grid');
    await act(grid, id, 'verify-pass', { note: '现场核实已亮', attachments: [await grid.uploadPhoto()] });

    const before = json<Assessments>(await town.get(`/api/cases/${id}/assessments`));
    expect(before.items).toEqual([]);
    expect(before.allowedActions).toEqual(['assess']);
    expect(before.units).toEqual([{ id: cgUnitId, name: expect.any(String), role: 'lead', suggestedTimeliness: 'excellent' }]);

    // Who may not: the unit itself, the community (it verified), the district above, a resident (not theirs).
    for (const who of ['dept-cg', 'community', 'district']) {
      const c = await t.as(who);
      const res = await c.request('PUT', `/api/cases/${id}/assessments/${cgUnitId}`, GOOD);
      expect(res.statusCode, who).toBe(403);
      expect(json<{ error: { code: string } }>(res).error.code).toBe('forbidden');
      expect(json<Assessments>(await c.get(`/api/cases/${id}/assessments`)).allowedActions).toEqual([]);
    }
    const resident = await t.as('resident');
    expect((await resident.request('PUT', `/api/cases/${id}/assessments/${cgUnitId}`, GOOD)).statusCode).toBe(404);
    expect((await resident.get(`/api/cases/${id}/assessments`)).statusCode).toBe(404);
    // Bad input names the field.
    const bad = await town.request('PUT', `/api/cases/${id}/assessments/${cgUnitId}`, { ...GOOD, quality: 'great' });
    expect(bad.statusCode).toBe(400);
    const stranger = await town.request('PUT', `/api/cases/${id}/assessments/00000000-0000-4000-8000-000000000001`, GOOD);
    expect(stranger.statusCode).toBe(400);
    expect(json<{ error: { code: string } }>(stranger).error.code).toBe('invalid_unit');

    // The assessment: 0.4 × 100 + 0.4 × 80 + 0.2 × 100 = 92.
    const first = await town.request('PUT', `/api/cases/${id}/assessments/${cgUnitId}`, { ...GOOD, comment: '响应及时' });
    expect(first.statusCode, first.body).toBe(201);
    expect(json<Assessments['items'][number]>(first)).toMatchObject({ score: 92, revisions: 1, timeliness: 'excellent', quality: 'good' });
    // A correction: same row, a revision more, and the timeline keeps both versions.
    const fixed = await town.request('PUT', `/api/cases/${id}/assessments/${cgUnitId}`, { timeliness: 'good', quality: 'fair', attitude: 'excellent' });
    expect(fixed.statusCode).toBe(200);
    expect(json<Assessments['items'][number]>(fixed)).toMatchObject({ score: 76, revisions: 2 });
    const listed = json<Assessments>(await town.get(`/api/cases/${id}/assessments`));
    expect(listed.items).toHaveLength(1);
    expect(listed.items[0]!.score).toBe(76);
    // The unit reads what was said of it.
    expect(json<Assessments>(await cg.get(`/api/cases/${id}/assessments`)).items[0]!.score).toBe(76);

    // The reporter's side: a return visit recorded by the centre, beside the assessment.
    const rated = await act(town, id, 'rate', { score: 'satisfied', comment: '回访：满意' });
    expect(rated).toMatchObject({ rating: 'satisfied', ratedBy: 'visit' });
    const assess = rated.timeline.filter((e) => e.action === 'assess');
    expect(assess).toHaveLength(2);
    expect(assess[1]!.note).toContain('更正考核');
    expect(assess[1]!.detail).toMatchObject({ assessmentScore: 76, previous: { assessmentScore: 92 } });

    // The department ranking carries the assessment; the department sees its own figure.
    const ranking = json<{ items: { key: string; assessed: number; assessmentScore: number | null }[] }>(await town.get(`/api/stats/cases/breakdown?by=unit&area=${TOWN}`));
    const row = ranking.items.find((r) => r.key === cgUnitId)!;
    expect(row.assessed).toBeGreaterThanOrEqual(1);
    expect(row.assessmentScore).toEqual(expect.any(Number));
    const own = json<{ assessment: { assessed: number; score: number | null } | null }>(await cg.get('/api/cockpit/summary'));
    expect(own.assessment!.assessed).toBeGreaterThanOrEqual(1);
    expect(json<{ assessment: unknown }>(await town.get('/api/cockpit/summary')).assessment).toBeNull();
  });
});

describe('5321 for property matters', () => {
  it('steps in order in minutes, the handler picks the tier, the centre changes it, the tier’s limit is the deadline', async () => {
    const { id, dispatched } = await atUnit('G0802', TOWN);
    const r = dispatched.response5321!;
    const start = new Date(r.startedAt).getTime();
    expect(r.steps.map((s) => (new Date(s.dueAt).getTime() - start) / MIN)).toEqual([5, 10, 15]);
    expect(r.status).toMatchObject({ learn: 'running', plan: 'waiting', reply: 'waiting', resolve: 'waiting' });
    expect(json<Case>(await cg.get(`/api/cases/${id}`)).response5321!.allowedActions).toEqual(['step', 'tier']);
    expect(json<Case>(await town.get(`/api/cases/${id}`)).response5321!.allowedActions).toEqual(['tier']);

    const post = (c: Client, body: Record<string, unknown>) => c.post(`/api/cases/${id}/5321`, body);
    const code = async (res: ReturnType<Client['post']>) => json<{ error: { code: string } }>(await res).error.code;
    expect(await code(post(cg, { step: 'plan' }))).toBe('step_out_of_order');
    expect((await post(town, { step: 'learn' })).statusCode).toBe(403);
    expect((await post(await t.as('district'), { tier: 'general' })).statusCode).toBe(403);
    expect((await post(await t.as('community'), { tier: 'general' })).statusCode).toBe(404);
    let c = json<Case>(await post(cg, { step: 'learn', note: '已电话联系居民' }));
    expect(c.response5321!.status.learn).toBe('done');
    expect(await code(post(cg, { step: 'learn' }))).toBe('step_already_recorded');
    await post(cg, { step: 'plan' });
    expect(await code(post(cg, { step: 'reply' }))).toBe('tier_required');
    c = json<Case>(await post(cg, { step: 'reply', tier: 'general' }));
    expect(c.response5321).toMatchObject({ tier: 'general', tierBy: 'handler' });
    expect((new Date(c.response5321!.resolveDueAt!).getTime() - start) / MIN).toBe(45);
    expect(c.deadline).toBe(c.response5321!.resolveDueAt);

    // The centre changes the tier, with a reason; the handler cannot undo it.
    expect(await code(post(town, { tier: 'complex' }))).toBe('missing_field');
    c = json<Case>(await post(town, { tier: 'complex', note: '涉及多户，需协调保洁公司' }));
    expect(c.response5321).toMatchObject({ tier: 'complex', tierBy: 'centre' });
    expect((new Date(c.deadline!).getTime() - start) / MIN).toBe(15 + 1440);
    expect(await code(post(cg, { tier: 'general' }))).toBe('tier_set_by_centre');
    expect(c.timeline.filter((e) => e.action.startsWith('response-')).map((e) => e.action)).toEqual(['response-step', 'response-step', 'response-step', 'response-tier']);

    // Signed: the tier's limit is the step deadline; with `now` moved past it the sweep marks it overdue.
    c = await act(cg, id, 'acknowledge');
    expect(c.stepDeadline).toBe(c.deadline);
    await sweepDeadlines(t.ctx, new Date(start + (15 + 1440) * MIN - MIN));
    expect(json<Case>(await town.get(`/api/cases/${id}`)).timeline.some((e) => e.action === 'overdue')).toBe(false);
    await sweepDeadlines(t.ctx, new Date(start + (15 + 1440) * MIN + MIN));
    expect(json<Case>(await town.get(`/api/cases/${id}`)).timeline.some((e) => e.action === 'overdue')).toBe(true);
  });

  it('a step recorded after its five minutes shows late; a type outside the rule has none', async () => {
    const { id } = await atUnit('G0805', TOWN);
    // Moving the start back 7 minutes: learning was due 2 minutes ago.
    await t.ctx.db.execute(sql`update cases set response_5321 = jsonb_set(jsonb_set(response_5321, '{startedAt}', to_jsonb(${new Date(Date.now() - 7 * MIN).toISOString()}::text)), '{steps,learn,dueAt}', to_jsonb(${new Date(Date.now() - 2 * MIN).toISOString()}::text)) where id = ${id}`);
    expect(json<Case>(await cg.get(`/api/cases/${id}`)).response5321!.status.learn).toBe('overdue');
    const c = json<Case>(await cg.post(`/api/cases/${id}/5321`, { step: 'learn' }));
    expect(c.response5321!.status.learn).toBe('late');
    expect(c.timeline.at(-1)!.note).toContain('（超时）');
    const other = await atUnit('0101', TOWN);
    expect(other.dispatched.response5321).toBeUndefined();
    expect(json<{ error: { code: string } }>(await cg.post(`/api/cases/${other.id}/5321`, { step: 'learn' })).error.code).toBe('not_5321');
  });
});
