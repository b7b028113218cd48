import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { Client, createTestApp, json, uniq, type TestApp } from './helpers.ts';

let t: TestApp;
let admin: Client;
let community: Client;
const COMMUNITY = '320614103001';
const GRID = '320614103001001';
const OTHER_COMMUNITY = '320614103002';
const PASSWORD = 'Survey@2026pass';

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as('admin');
  community = await t.as('community');
});
afterAll(async () => t?.close());

interface Detail {
  id: string;
  state: string;
  questions: { id: string; kind: string; choices: string[] }[];
  allowedActions: string[];
  answered: boolean;
  myAnswers: { questionId: string }[] | null;
}

async function newUser(roles: string[], scopeCode = GRID) {
  const username = `s${uniq()}`;
  const res = await admin.post('/api/users', { username, displayName: `测试${username.slice(-4)}`, password: PASSWORD, roles, scopeCode });
  if (res.statusCode !== 201) throw new Error(`create user: ${res.statusCode} ${res.body}`);
  return t.as(username, PASSWORD);
}

const err = (res: LightMyRequestResponse) => json<{ error: { code: string; message: string } }>(res).error;

const draftBody = (over: Record<string, unknown> = {}) => ({
  title: `党组织服务满意度测评 ${uniq()}`,
  purpose: 'satisfaction',
  intro: '请对社区党委的工作作出评价。',
  areaCode: COMMUNITY,
  questions: [
    { kind: 'rating', title: '您对社区党委服务群众工作的总体评价' },
    { kind: 'single', title: '您是否参加过社区组织的活动', choices: ['经常参加', '偶尔参加', '从未参加'] },
    { kind: 'multiple', title: '您最希望加强哪些服务', choices: ['养老', '托育', '停车', '环境'], maxPicks: 2 },
    { kind: 'text', title: '其他意见和建议', required: false },
  ],
  ...over,
});

async function openSurvey(over: Record<string, unknown> = {}) {
  const created = await community.post('/api/surveys', draftBody(over));
  expect(created.statusCode).toBe(201);
  const d = json<Detail>(created);
  const pub = await community.post(`/api/surveys/${d.id}/actions/publish`, {});
  expect(pub.statusCode).toBe(200);
  return json<Detail>(pub);
}

const fullAnswers = (d: Detail, rating = 5) => [
  { questionId: d.questions[0]!.id, rating },
  { questionId: d.questions[1]!.id, choices: [0] },
  { questionId: d.questions[2]!.id, choices: [0, 2] },
  { questionId: d.questions[3]!.id, text: '希望增加周末开放时间' },
];

describe('questionnaires', () => {
  it('staff build a draft, publish it; a resident answers once; results add up', async () => {
    const created = await community.post('/api/surveys', draftBody());
    expect(created.statusCode).toBe(201);
    let d = json<Detail>(created);
    expect(d.state).toBe('draft');
    expect(d.allowedActions).toEqual(expect.arrayContaining(['edit', 'publish']));

    // Residents cannot see a draft.
    const resident = await newUser(['resident']);
    expect((await resident.get(`/api/surveys/${d.id}`)).statusCode).toBe(404);
    expect(json<{ items: { id: string }[] }>(await resident.get('/api/surveys/available')).items.some((s) => s.id === d.id)).toBe(false);

    // Edit: reorder (text first) and back.
    const edited = await community.put(`/api/surveys/${d.id}`, draftBody({ title: '改过的标题', questions: [...draftBody().questions].reverse() }));
    expect(edited.statusCode).toBe(200);
    expect(json<Detail>(edited).questions.map((q) => q.kind)).toEqual(['text', 'multiple', 'single', 'rating']);
    await community.put(`/api/surveys/${d.id}`, draftBody());

    d = json<Detail>(await community.post(`/api/surveys/${d.id}/actions/publish`, {}));
    expect(d.state).toBe('open');
    // No edits once published.
    const late = await community.put(`/api/surveys/${d.id}`, draftBody());
    expect(late.statusCode).toBe(409);
    expect(err(late).code).toBe('survey_not_draft');

    const seen = json<Detail>(await resident.get(`/api/surveys/${d.id}`));
    expect(seen.allowedActions).toEqual(['answer']);
    const list = json<{ items: { id: string; answered: boolean }[] }>(await resident.get('/api/surveys/available'));
    expect(list.items.find((s) => s.id === d.id)?.answered).toBe(false);

    // Bad answers: missing required, too many picks.
    const missing = await resident.post(`/api/surveys/${d.id}/responses`, { answers: fullAnswers(d).slice(1) });
    expect(missing.statusCode).toBe(400);
    expect(err(missing).code).toBe('answer_required');
    expect(err(missing).message).toContain('第 1 题');
    const many = await resident.post(`/api/surveys/${d.id}/responses`, { answers: [fullAnswers(d)[0], fullAnswers(d)[1], { questionId: d.questions[2]!.id, choices: [0, 1, 2] }] });
    expect(many.statusCode).toBe(400);
    expect(err(many).code).toBe('too_many_picks');

    // Answer with a key; the same key replays; another answer is 409.
    const key = `k-${uniq()}`;
    const first = await resident.request('POST', `/api/surveys/${d.id}/responses`, { answers: fullAnswers(d) }, { 'idempotency-key': key });
    expect(first.statusCode).toBe(201);
    const again = await resident.request('POST', `/api/surveys/${d.id}/responses`, { answers: fullAnswers(d) }, { 'idempotency-key': key });
    expect(again.statusCode).toBe(201);
    expect(json<{ id: string }>(again).id).toBe(json<{ id: string }>(first).id);
    const second = await resident.post(`/api/surveys/${d.id}/responses`, { answers: fullAnswers(d, 1) });
    expect(second.statusCode).toBe(409);
    expect(err(second).code).toBe('already_answered');
    const mine = json<Detail>(await resident.get(`/api/surveys/${d.id}`));
    expect(mine.answered).toBe(true);
    expect(mine.myAnswers).toHaveLength(4);
    expect(mine.allowedActions).toEqual([]);

    // Two more residents: one satisfied, one not.
    const r2 = await newUser(['resident']);
    const r3 = await newUser(['party-member']);
    expect((await r2.post(`/api/surveys/${d.id}/responses`, { answers: fullAnswers(d, 4).slice(0, 3) })).statusCode).toBe(201);
    expect((await r3.post(`/api/surveys/${d.id}/responses`, { answers: fullAnswers(d, 2).slice(0, 3) })).statusCode).toBe(201);

    const res = await community.get(`/api/surveys/${d.id}/results`);
    expect(res.statusCode).toBe(200);
    const out = json<{ respondents: number; eligible: number; satisfactionPermille: number; questions: { kind: string; options?: { permille: number }[]; average?: number; answered: number }[] }>(res);
    expect(out.respondents).toBe(3);
    expect(out.eligible).toBeGreaterThanOrEqual(2);
    expect(out.satisfactionPermille).toBe(667);
    expect(out.questions[0]!.average).toBe(3.67);
    expect(out.questions[2]!.options!.map((o) => o.permille)).toEqual([1000, 0, 1000, 0]);
    expect(out.questions[3]!.answered).toBe(1);
    const texts = json<{ total: number; items: { text: string; respondent: string | null }[] }>(await community.get(`/api/surveys/${d.id}/texts?questionId=${d.questions[3]!.id}`));
    expect(texts.total).toBe(1);
    expect(texts.items[0]).toMatchObject({ text: '希望增加周末开放时间', respondent: null });

    // Results are not public: the resident gets 403 even after closing.
    expect((await resident.get(`/api/surveys/${d.id}/results`)).statusCode).toBe(403);
    const closed = await community.post(`/api/surveys/${d.id}/actions/close`, {});
    expect(json<Detail>(closed).state).toBe('closed');
    expect(err(await resident.get(`/api/surveys/${d.id}/results`)).code).toBe('results_not_public');
    const r4 = await newUser(['resident']);
    const tooLate = await r4.post(`/api/surveys/${d.id}/responses`, { answers: fullAnswers(d) });
    expect(tooLate.statusCode).toBe(409);
    expect(err(tooLate).code).toBe('survey_not_open');
  });

  it('public results are shown to residents after closing', async () => {
    const d = await openSurvey({ publicResults: true });
    const resident = await newUser(['resident']);
    expect((await resident.post(`/api/surveys/${d.id}/responses`, { answers: fullAnswers(d) })).statusCode).toBe(201);
    expect((await resident.get(`/api/surveys/${d.id}/results`)).statusCode).toBe(403);
    await community.post(`/api/surveys/${d.id}/actions/close`, {});
    const res = await resident.get(`/api/surveys/${d.id}/results`);
    expect(res.statusCode).toBe(200);
    expect(json<{ respondents: number }>(res).respondents).toBe(1);
  });

  it('keeps other areas out', async () => {
    const d = await openSurvey();
    const elsewhere = await newUser(['resident'], `${OTHER_COMMUNITY}001`);
    expect((await elsewhere.get(`/api/surveys/${d.id}`)).statusCode).toBe(404);
    expect((await elsewhere.post(`/api/surveys/${d.id}/responses`, { answers: fullAnswers(d) })).statusCode).toBe(404);
    expect(json<{ items: { id: string }[] }>(await elsewhere.get('/api/surveys/available')).items.some((s) => s.id === d.id)).toBe(false);

    const otherWorker = await newUser(['community-worker'], OTHER_COMMUNITY);
    const peek = await otherWorker.get(`/api/surveys/${d.id}`);
    expect(peek.statusCode).toBe(403);
    expect((await otherWorker.post(`/api/surveys/${d.id}/actions/close`, {})).statusCode).toBe(403);
    expect((await otherWorker.get(`/api/surveys/${d.id}/results`)).statusCode).toBe(403);
    expect(json<{ items: { id: string }[] }>(await otherWorker.get('/api/surveys')).items.some((s) => s.id === d.id)).toBe(false);
    const outside = await otherWorker.post('/api/surveys', draftBody());
    expect(outside.statusCode).toBe(403);
    expect(err(outside).code).toBe('out_of_scope');

    // The town sees it; a grid worker (scope: one grid) neither sees the community's questionnaire nor creates any.
    const town = await t.as('town');
    expect((await town.get(`/api/surveys/${d.id}`)).statusCode).toBe(200);
    expect((await town.get(`/api/surveys/${d.id}/results`)).statusCode).toBe(200);
    const grid = await t.as('grid');
    expect((await grid.get(`/api/surveys/${d.id}/results`)).statusCode).toBe(403);
    expect((await grid.post(`/api/surveys/${d.id}/actions/close`, {})).statusCode).toBe(403);
    expect((await grid.post('/api/surveys', draftBody())).statusCode).toBe(403);
    // Staff do not answer; residents do not manage.
    expect((await community.post(`/api/surveys/${d.id}/responses`, { answers: fullAnswers(d) })).statusCode).toBe(403);
    const resident = await t.as('resident');
    expect((await resident.get('/api/surveys')).statusCode).toBe(403);
    expect((await resident.post('/api/surveys', draftBody())).statusCode).toBe(403);
  });

  it('seeds a closed satisfaction survey with 60 paper responses and an open one the demo resident can answer', async () => {
    const resident = await t.as('resident');
    const list = json<{ items: { id: string; title: string; state: string; allowedActions: string[] }[] }>(await resident.get('/api/surveys/available?pageSize=100'));
    const closed = list.items.find((s) => s.title === '2026年度状元街社区党委服务群众满意度测评')!;
    expect(closed.allowedActions).toEqual(['results']);
    const res = json<{ respondents: number; online: number; satisfactionPermille: number; belowWarning: boolean }>(await resident.get(`/api/surveys/${closed.id}/results`));
    expect(res.respondents).toBeGreaterThanOrEqual(60);
    expect(res.satisfactionPermille).toBeGreaterThan(600);
    expect(res.belowWarning).toBe(false);
    expect(list.items.find((s) => s.title === '老旧小区加装电梯意见征集')?.allowedActions).toContain('answer');
  });

  it('refuses bad definitions with a field and Chinese message', async () => {
    const one = await community.post('/api/surveys', draftBody({ questions: [{ kind: 'single', title: '只有一个选项', choices: ['是'] }] }));
    expect(one.statusCode).toBe(400);
    expect(err(one).code).toBe('too_few_choices');
    const kind = await community.post('/api/surveys', draftBody({ questions: [{ kind: 'essay', title: '?' }] }));
    expect(kind.statusCode).toBe(400);
    const area = await community.post('/api/surveys', draftBody({ areaCode: '12' }));
    expect(area.statusCode).toBe(400);
    const empty = json<Detail>(await community.post('/api/surveys', draftBody({ questions: [] })));
    const pub = await community.post(`/api/surveys/${empty.id}/actions/publish`, {});
    expect(pub.statusCode).toBe(409);
    expect(err(pub).code).toBe('survey_no_questions');
    expect((await community.post(`/api/surveys/${empty.id}/actions/bogus`, {})).statusCode).toBe(400);
  });
});
