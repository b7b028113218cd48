// Questionnaires (问卷): staff build a draft, publish it to an area and close it; residents of the area
// answer once; staff (and residents, when the results are public, after closing) read the results.
// Every write runs with its audit row in one transaction.
import {
  aggregateSurvey,
  assertSurveyEditable,
  checkSurveyQuestions,
  conflict,
  decideSurvey,
  forbidden,
  invalid,
  isAnswerable,
  isWithinScope,
  notFound,
  perMille,
  QUESTION_KIND_LABELS,
  SURVEY_PURPOSE_LABELS,
  SURVEY_STATE_LABELS,
  validateSurveyAnswers,
  type Answer,
  type AnswerInput,
  type QuestionKind,
  type SurveyAction,
  type SurveyPurpose,
  type SurveyQuestion,
  type SurveyState,
} from '@gongzhi/domain';
import type { SurveyDetail, SurveyResultsView, SurveySummary } from '@gongzhi/domain/contract';
import type { Actor, RequestContext } from '../policies/actor.ts';
import { canEditSurveys, canSeeResults, isRespondent, isSurveyStaff, residentSees, staffCovers, surveyActions, type SurveyViewer } from '../policies/surveys.ts';
import * as repo from '../repositories/surveys.ts';
import { toIsoCst } from '../lib/time.ts';
import { areaNames } from './area-names.ts';
import { audit } from './audit.ts';
import type { AppContext } from './context.ts';
import { withIdempotency } from './idempotency.ts';

export interface SurveyInput {
  title: string;
  purpose: SurveyPurpose;
  intro?: string;
  areaCode: string;
  opensAt?: string | null;
  closesAt?: string | null;
  anonymous?: boolean;
  publicResults?: boolean;
  questions: { kind: QuestionKind; title: string; required?: boolean; choices?: string[]; maxPicks?: number | null }[];
}

export async function viewerOf(ctx: AppContext, actor: Actor): Promise<SurveyViewer> {
  const place = (actor.personId ? await repo.personPlace(ctx.db, actor.personId) : null) ?? actor.scopeCode;
  return { actor, home: place && place.length >= 9 ? place : null };
}

// ---- presenting -----------------------------------------------------------------------------

async function summaries(ctx: AppContext, v: SurveyViewer, rows: repo.SurveyRow[]): Promise<SurveySummary[]> {
  const ids = rows.map((r) => r.id);
  const [qs, rs, mine, names] = await Promise.all([
    repo.questionCounts(ctx.db, ids),
    repo.responseCounts(ctx.db, ids),
    repo.answeredBy(ctx.db, v.actor.id, ids),
    areaNames(ctx.db, rows.map((r) => r.areaCode)),
  ]);
  const now = new Date();
  return rows.map((s) => {
    const answered = mine.has(s.id);
    return {
      id: s.id,
      title: s.title,
      purpose: s.purpose as SurveyPurpose,
      purposeLabel: SURVEY_PURPOSE_LABELS[s.purpose as SurveyPurpose].zh,
      state: s.state as SurveyState,
      stateLabel: SURVEY_STATE_LABELS[s.state as SurveyState].zh,
      intro: s.intro,
      area: { code: s.areaCode, name: names.get(s.areaCode)?.name ?? s.areaCode },
      opensAt: toIsoCst(s.opensAt),
      closesAt: toIsoCst(s.closesAt),
      anonymous: s.anonymous,
      publicResults: s.publicResults,
      questionCount: qs.get(s.id) ?? 0,
      // Residents see how many took part only where they may see results.
      responseCount: staffCovers(v, s) || canSeeResults(v, s) ? (rs.get(s.id) ?? 0) : 0,
      answered,
      createdAt: toIsoCst(s.createdAt),
      publishedAt: toIsoCst(s.publishedAt),
      closedAt: toIsoCst(s.closedAt),
      allowedActions: surveyActions(v, s, answered, now),
    };
  });
}

const questionView = (q: repo.QuestionRow) => ({
  id: q.id,
  kind: q.kind as QuestionKind,
  kindLabel: QUESTION_KIND_LABELS[q.kind as QuestionKind].zh,
  title: q.title,
  required: q.required,
  choices: q.choices,
  maxPicks: q.maxPicks,
});

const asQuestion = (q: repo.QuestionRow): SurveyQuestion => ({ id: q.id, kind: q.kind as QuestionKind, title: q.title, required: q.required, choices: q.choices, maxPicks: q.maxPicks });

async function detail(ctx: AppContext, v: SurveyViewer, s: repo.SurveyRow): Promise<SurveyDetail> {
  const [[sum], questions, mine] = await Promise.all([summaries(ctx, v, [s]), repo.questionsOf(ctx.db, s.id), repo.responseOf(ctx.db, s.id, v.actor.id)]);
  const myAnswers = mine ? (await repo.answersOfResponse(ctx.db, mine.id)).map((a) => ({ questionId: a.questionId, choices: a.choices ?? null, rating: a.rating, text: a.text })) : null;
  return { ...sum!, questions: questions.map(questionView), myAnswers };
}

// ---- reading --------------------------------------------------------------------------------

/** Loads a questionnaire the caller may see: staff outside its area get 403, anyone else who is not asked 404. */
async function visible(ctx: AppContext, v: SurveyViewer, id: string): Promise<repo.SurveyRow> {
  const s = await repo.findSurvey(ctx.db, id);
  if (s && (staffCovers(v, s) || residentSees(v, s))) return s;
  if (s && isSurveyStaff(v) && !isRespondent(v)) throw forbidden('该问卷不在您的管辖范围内', 'out_of_scope');
  throw notFound('问卷');
}

export async function listForStaff(ctx: AppContext, actor: Actor, q: { area?: string; state?: string; page: number; pageSize: number }) {
  const v = await viewerOf(ctx, actor);
  if (!isSurveyStaff(v)) throw forbidden('只有辖区工作人员可以管理问卷');
  if (q.area && !isWithinScope(q.area, actor.scopeCode)) throw forbidden('所选区域不在您的管辖范围内', 'out_of_scope');
  const { total, rows } = await repo.listSurveys(ctx.db, { within: q.area ?? actor.scopeCode, states: q.state?.split(',').filter(Boolean), page: q.page, pageSize: q.pageSize });
  return { total, page: q.page, pageSize: q.pageSize, items: await summaries(ctx, v, rows) };
}

/** The published questionnaires that ask the caller (residents' 问卷调查). */
export async function listForResident(ctx: AppContext, actor: Actor, q: { page: number; pageSize: number }) {
  const v = await viewerOf(ctx, actor);
  if (!isRespondent(v)) return { total: 0, page: q.page, pageSize: q.pageSize, items: [] };
  const { total, rows } = await repo.listSurveys(ctx.db, { containing: v.home!, states: ['open', 'closed'], page: q.page, pageSize: q.pageSize });
  return { total, page: q.page, pageSize: q.pageSize, items: await summaries(ctx, v, rows) };
}

export async function getSurvey(ctx: AppContext, actor: Actor, id: string) {
  const v = await viewerOf(ctx, actor);
  return detail(ctx, v, await visible(ctx, v, id));
}

// ---- editing --------------------------------------------------------------------------------

function checkInput(actor: Actor, input: SurveyInput) {
  if (!isWithinScope(input.areaCode, actor.scopeCode)) throw forbidden('问卷的调查范围不在您的管辖范围内', 'out_of_scope');
  const opensAt = input.opensAt ? new Date(input.opensAt) : null;
  const closesAt = input.closesAt ? new Date(input.closesAt) : null;
  if (opensAt && closesAt && closesAt <= opensAt) throw invalid('invalid_window', '截止时间（closesAt）应晚于开始时间（opensAt）', { field: 'closesAt' });
  const questions = input.questions.map((q, i) => ({ id: String(i), kind: q.kind, title: q.title, required: q.required ?? true, choices: q.choices ?? [], maxPicks: q.maxPicks ?? null }));
  checkSurveyQuestions(questions);
  return { opensAt, closesAt, questions };
}

export async function createSurvey(ctx: AppContext, actor: Actor, input: SurveyInput, req: RequestContext) {
  const v = await viewerOf(ctx, actor);
  if (!canEditSurveys(v)) throw forbidden('只有社区（村）工作者、党组织书记和镇（街道）、区工作人员可以发起问卷');
  const { opensAt, closesAt, questions } = checkInput(actor, input);
  const s = await ctx.db.transaction(async (tx) => {
    const row = await repo.insertSurvey(tx, {
      title: input.title,
      purpose: input.purpose,
      intro: input.intro ?? '',
      areaCode: input.areaCode,
      opensAt,
      closesAt,
      anonymous: input.anonymous ?? true,
      publicResults: input.publicResults ?? false,
      createdBy: actor.id,
    });
    await repo.replaceQuestions(tx, row.id, questions.map(({ id: _id, ...q }) => q));
    await audit(tx, { actor }, req, { action: 'survey.create', entityType: 'survey', entityId: row.id, areaCode: row.areaCode, detail: { title: row.title } });
    return row;
  });
  return detail(ctx, v, s);
}

/** The questionnaire, locked, when the caller is staff over its area: 403 for other staff, 404 for anyone else. */
async function lockForStaff(tx: Parameters<typeof repo.lockSurvey>[0], v: Awaited<ReturnType<typeof viewerOf>>, id: string) {
  const cur = await repo.lockSurvey(tx, id);
  if (!cur || !staffCovers(v, cur)) throw cur && isSurveyStaff(v) ? forbidden('该问卷不在您的管辖范围内', 'out_of_scope') : notFound('问卷');
  return cur;
}

export async function updateSurvey(ctx: AppContext, actor: Actor, id: string, input: SurveyInput, req: RequestContext) {
  const v = await viewerOf(ctx, actor);
  const s = await ctx.db.transaction(async (tx) => {
    const cur = await lockForStaff(tx, v, id);
    if (!canEditSurveys(v)) throw forbidden('您不能修改问卷');
    assertSurveyEditable(cur.state as SurveyState);
    const { opensAt, closesAt, questions } = checkInput(actor, input);
    const row = await repo.updateSurvey(tx, id, {
      title: input.title,
      purpose: input.purpose,
      intro: input.intro ?? '',
      areaCode: input.areaCode,
      opensAt,
      closesAt,
      anonymous: input.anonymous ?? true,
      publicResults: input.publicResults ?? false,
    });
    await repo.replaceQuestions(tx, id, questions.map(({ id: _id, ...q }) => q));
    await audit(tx, { actor }, req, { action: 'survey.update', entityType: 'survey', entityId: id, areaCode: row.areaCode, detail: { title: row.title } });
    return row;
  });
  return detail(ctx, v, s);
}

export async function act(ctx: AppContext, actor: Actor, id: string, action: SurveyAction, req: RequestContext) {
  const v = await viewerOf(ctx, actor);
  const s = await ctx.db.transaction(async (tx) => {
    const cur = await lockForStaff(tx, v, id);
    if (!canEditSurveys(v)) throw forbidden('您不能发布或结束问卷');
    const questions = await repo.questionsOf(tx, id);
    const next = decideSurvey(cur.state as SurveyState, action, questions.length);
    const now = new Date();
    const row = await repo.updateSurvey(tx, id, action === 'publish' ? { state: next, publishedAt: now } : { state: next, closedAt: now });
    await audit(tx, { actor }, req, { action: `survey.${action}`, entityType: 'survey', entityId: id, areaCode: row.areaCode, detail: { title: row.title } });
    return row;
  });
  return detail(ctx, v, s);
}

// ---- answering ------------------------------------------------------------------------------

export async function answer(ctx: AppContext, actor: Actor, id: string, answers: AnswerInput[], req: RequestContext, idempotencyKey?: string) {
  const v = await viewerOf(ctx, actor);
  return withIdempotency(ctx, `survey-answer:${actor.id}`, idempotencyKey, async (tx) => {
    const s = await repo.findSurvey(tx, id);
    if (!s || !residentSees(v, s)) {
      if (s && staffCovers(v, s)) throw forbidden('问卷由本辖区居民填写，工作人员不能作答', 'not_respondent');
      throw notFound('问卷');
    }
    if (!isAnswerable({ state: s.state as SurveyState, opensAt: s.opensAt, closesAt: s.closesAt }, new Date())) throw conflict('survey_not_open', '问卷不在填写时间内');
    const questions = (await repo.questionsOf(tx, id)).map(asQuestion);
    const checked = validateSurveyAnswers(questions, answers);
    const response = await repo.insertResponse(tx, { surveyId: id, userId: actor.id, areaCode: v.home! });
    if (!response) throw conflict('already_answered', '您已经填写过这份问卷，每人只能填写一次');
    await repo.insertAnswers(
      tx,
      checked.map((a) => ({ responseId: response.id, surveyId: id, questionId: a.questionId, choices: a.choices, rating: a.rating, text: a.text })),
    );
    await audit(tx, { actor }, req, { action: 'survey.answer', entityType: 'survey', entityId: id, areaCode: s.areaCode, detail: { title: s.title } });
    return { status: 201, body: { id: response.id, surveyId: id, answeredAt: toIsoCst(response.createdAt) } };
  });
}

// ---- results --------------------------------------------------------------------------------

export async function results(ctx: AppContext, actor: Actor, id: string): Promise<SurveyResultsView> {
  const v = await viewerOf(ctx, actor);
  const s = await visible(ctx, v, id);
  if (!canSeeResults(v, s)) throw forbidden(s.state === 'draft' ? '问卷尚未发布，没有结果' : '问卷结果暂不公开', 'results_not_public');
  const [questions, rows, eligible] = await Promise.all([repo.questionsOf(ctx.db, id), repo.allAnswers(ctx.db, id), repo.residentAccounts(ctx.db, s.areaCode)]);
  const byResponse = new Map<string, Answer[]>();
  for (const r of rows) {
    const list = byResponse.get(r.responseId) ?? [];
    list.push({ questionId: r.questionId, choices: r.choices ?? null, rating: r.rating, text: r.text });
    byResponse.set(r.responseId, list);
  }
  // A response whose optional questions were all skipped still counts as a respondent.
  const respondents = await repo.respondentCount(ctx.db, id);
  const empty = Array.from({ length: Math.max(0, respondents.all - byResponse.size) }, () => [] as Answer[]);
  const res = aggregateSurvey(questions.map(asQuestion), [...byResponse.values(), ...empty]);
  return {
    surveyId: id,
    respondents: res.respondents,
    online: respondents.online,
    eligible,
    responsePermille: perMille(respondents.online, eligible),
    satisfactionPermille: res.satisfactionPermille,
    belowWarning: res.belowWarning,
    questions: res.questions,
  };
}

/** The text answers to one question (paged); names only for staff of a named questionnaire. */
export async function textAnswers(ctx: AppContext, actor: Actor, id: string, questionId: string, page: number, pageSize: number) {
  const v = await viewerOf(ctx, actor);
  const s = await visible(ctx, v, id);
  if (!canSeeResults(v, s)) throw forbidden('问卷结果暂不公开', 'results_not_public');
  const q = (await repo.questionsOf(ctx.db, id)).find((x) => x.id === questionId);
  if (!q || q.kind !== 'text') throw notFound('简答题');
  const named = !s.anonymous && staffCovers(v, s);
  const { total, rows } = await repo.textAnswers(ctx.db, id, questionId, page, pageSize);
  return { total, page, pageSize, items: rows.map((r) => ({ text: r.text ?? '', at: toIsoCst(r.at), respondent: named ? (r.name ?? '纸质问卷') : null })) };
}
