// Questionnaires (问卷): opinion collection (意见征集) and satisfaction surveys (满意度测评) of party
// organisations and services (seed `004`: "制定基层治理群众满意度调查制度，对社区党组织履职情况进行评估…
// 对居民满意度低于60%的，列入软弱涣散党组织进行整顿"). Pure rules: the life of a questionnaire, the
// check of an answer set against its questions, and the aggregation of results.
import { conflict, invalid } from '../errors.ts';

export const SURVEY_PURPOSES = ['opinion', 'satisfaction'] as const;
export type SurveyPurpose = (typeof SURVEY_PURPOSES)[number];
export const SURVEY_PURPOSE_LABELS: Record<SurveyPurpose, { zh: string; en: string }> = {
  opinion: { zh: '意见征集', en: 'Opinion collection' },
  satisfaction: { zh: '满意度测评', en: 'Satisfaction survey' },
};

export const SURVEY_STATES = ['draft', 'open', 'closed'] as const;
export type SurveyState = (typeof SURVEY_STATES)[number];
export const SURVEY_STATE_LABELS: Record<SurveyState, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'Draft' },
  open: { zh: '进行中', en: 'Open' },
  closed: { zh: '已结束', en: 'Closed' },
};

export const QUESTION_KINDS = ['single', 'multiple', 'rating', 'text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
export const QUESTION_KIND_LABELS: Record<QuestionKind, { zh: string; en: string }> = {
  single: { zh: '单选题', en: 'Single choice' },
  multiple: { zh: '多选题', en: 'Multiple choice' },
  rating: { zh: '满意度评分', en: 'Rating 1–5' },
  text: { zh: '简答题', en: 'Short text' },
};

/** The five-point scale, 5 = 非常满意 … 1 = 非常不满意. */
export const SURVEY_RATING_LEVELS = [5, 4, 3, 2, 1] as const;
export const SURVEY_RATING_LABELS: Record<number, { zh: string; en: string }> = {
  5: { zh: '非常满意', en: 'Very satisfied' },
  4: { zh: '满意', en: 'Satisfied' },
  3: { zh: '一般', en: 'Neutral' },
  2: { zh: '不满意', en: 'Dissatisfied' },
  1: { zh: '非常不满意', en: 'Very dissatisfied' },
};

/**
 * Below this satisfaction rate (per mille) a community party organisation is to be rectified as weak
 * and lax (软弱涣散): seed `004` "对居民满意度低于60%的，列入软弱涣散党组织进行整顿".
 */
export const SATISFACTION_WARNING_PERMILLE = 600;

export const MAX_SURVEY_QUESTIONS = 50;
export const MAX_SURVEY_CHOICES = 20;
export const MAX_SURVEY_TEXT_ANSWER = 500;

export interface SurveyQuestion {
  id: string;
  kind: QuestionKind;
  title: string;
  required: boolean;
  /** The options of a choice question, in order (empty for rating and text). */
  choices: string[];
  /** Multiple choice: at most this many picks (null: any number). */
  maxPicks: number | null;
}

/** One answer as submitted: choice indexes, a rating 1–5, or a text. */
export interface AnswerInput {
  questionId: string;
  choices?: number[];
  rating?: number;
  text?: string;
}

/** A checked answer, as stored. */
export interface Answer {
  questionId: string;
  choices: number[] | null;
  rating: number | null;
  text: string | null;
}

// ---- life of a questionnaire --------------------------------------------------------------------

export const SURVEY_ACTIONS = ['publish', 'close'] as const;
export type SurveyAction = (typeof SURVEY_ACTIONS)[number];
export const SURVEY_ACTION_LABELS: Record<SurveyAction, { zh: string; en: string }> = {
  publish: { zh: '发布问卷', en: 'Publish' },
  close: { zh: '结束问卷', en: 'Close' },
};
export const isSurveyAction = (s: string): s is SurveyAction => (SURVEY_ACTIONS as readonly string[]).includes(s);

/** The next state of a questionnaire, or a 409: draft → open (with at least one question) → closed. */
export function decideSurvey(state: SurveyState, action: SurveyAction, questionCount: number): SurveyState {
  if (action === 'publish') {
    if (state !== 'draft') throw conflict('survey_not_draft', '只有草稿状态的问卷可以发布');
    if (questionCount < 1) throw conflict('survey_no_questions', '问卷至少要有一道题才能发布');
    return 'open';
  }
  if (state !== 'open') throw conflict('survey_not_open', '只有进行中的问卷可以结束');
  return 'closed';
}

/** Questions can be edited only while the questionnaire is a draft (answers would lose their meaning). */
export function assertSurveyEditable(state: SurveyState): void {
  if (state !== 'draft') throw conflict('survey_not_draft', '问卷已发布，题目不能再修改');
}

/** Whether answers are taken now: open, and inside its opening window when one is set. */
export function isAnswerable(s: { state: SurveyState; opensAt: Date | null; closesAt: Date | null }, now: Date): boolean {
  if (s.state !== 'open') return false;
  if (s.opensAt && now < s.opensAt) return false;
  if (s.closesAt && now >= s.closesAt) return false;
  return true;
}

/** Checks the definition of the questions (editor input). */
export function checkSurveyQuestions(questions: SurveyQuestion[]): void {
  if (questions.length > MAX_SURVEY_QUESTIONS) throw invalid('too_many_questions', `问卷最多 ${MAX_SURVEY_QUESTIONS} 道题`, { field: 'questions' });
  questions.forEach((q, i) => {
    const field = `questions[${i}]`;
    if (q.kind === 'single' || q.kind === 'multiple') {
      if (q.choices.length < 2) throw invalid('too_few_choices', `第 ${i + 1} 题（选择题）至少要有 2 个选项`, { field: `${field}.choices` });
      if (q.choices.length > MAX_SURVEY_CHOICES) throw invalid('too_many_choices', `第 ${i + 1} 题最多 ${MAX_SURVEY_CHOICES} 个选项`, { field: `${field}.choices` });
      if (new Set(q.choices).size !== q.choices.length) throw invalid('duplicate_choice', `第 ${i + 1} 题有重复的选项`, { field: `${field}.choices` });
    } else if (q.choices.length) {
      throw invalid('choices_not_allowed', `第 ${i + 1} 题（${QUESTION_KIND_LABELS[q.kind].zh}）不设选项`, { field: `${field}.choices` });
    }
    if (q.maxPicks !== null) {
      if (q.kind !== 'multiple') throw invalid('max_picks_not_allowed', `第 ${i + 1} 题不是多选题，不能设置最多选几项`, { field: `${field}.maxPicks` });
      if (q.maxPicks < 1 || q.maxPicks > q.choices.length) throw invalid('invalid_max_picks', `第 ${i + 1} 题“最多选几项”应在 1 到 ${q.choices.length} 之间`, { field: `${field}.maxPicks` });
    }
  });
}

// ---- checking an answer set ---------------------------------------------------------------------

/**
 * Checks a resident's answers against the questions: every required question answered, no answer to
 * an unknown question or twice to one, a single choice picks one existing option, a multiple choice
 * picks distinct existing options no more than its maximum, a rating is an integer 1–5, a text is not
 * blank. Returns the answers in question order; unanswered optional questions are left out.
 */
export function validateSurveyAnswers(questions: SurveyQuestion[], input: AnswerInput[]): Answer[] {
  const byId = new Map(questions.map((q, i) => [q.id, { q, i }]));
  const given = new Map<string, AnswerInput>();
  for (const a of input) {
    if (!byId.has(a.questionId)) throw invalid('unknown_question', '答案中有不属于本问卷的题目', { field: 'answers.questionId' });
    if (given.has(a.questionId)) throw invalid('duplicate_answer', `第 ${byId.get(a.questionId)!.i + 1} 题回答了两次`, { field: 'answers' });
    given.set(a.questionId, a);
  }
  const out: Answer[] = [];
  questions.forEach((q, i) => {
    const field = `answers[${i}]`;
    const n = i + 1;
    const a = given.get(q.id);
    const empty = !a || (q.kind === 'text' ? !a.text?.trim() : q.kind === 'rating' ? a.rating === undefined || a.rating === null : !a.choices?.length);
    if (empty) {
      if (q.required) throw invalid('answer_required', `第 ${n} 题为必答题`, { field, questionId: q.id });
      return;
    }
    if (q.kind === 'text') {
      const text = a!.text!.trim();
      if (text.length > MAX_SURVEY_TEXT_ANSWER) throw invalid('answer_too_long', `第 ${n} 题的回答不能超过 ${MAX_SURVEY_TEXT_ANSWER} 个字`, { field, questionId: q.id });
      out.push({ questionId: q.id, choices: null, rating: null, text });
    } else if (q.kind === 'rating') {
      const r = a!.rating!;
      if (!Number.isInteger(r) || r < 1 || r > 5) throw invalid('invalid_rating', `第 ${n} 题的评分应为 1 到 5 的整数`, { field, questionId: q.id });
      out.push({ questionId: q.id, choices: null, rating: r, text: null });
    } else {
      const picks = a!.choices!;
      if (picks.some((c) => !Number.isInteger(c) || c < 0 || c >= q.choices.length)) throw invalid('invalid_choice', `第 ${n} 题选择了不存在的选项`, { field, questionId: q.id });
      if (new Set(picks).size !== picks.length) throw invalid('duplicate_choice', `第 ${n} 题重复选择了同一选项`, { field, questionId: q.id });
      if (q.kind === 'single' && picks.length !== 1) throw invalid('single_choice', `第 ${n} 题为单选题，只能选一项`, { field, questionId: q.id });
      if (q.kind === 'multiple' && q.maxPicks !== null && picks.length > q.maxPicks) throw invalid('too_many_picks', `第 ${n} 题最多选 ${q.maxPicks} 项`, { field, questionId: q.id });
      out.push({ questionId: q.id, choices: [...picks].sort((x, y) => x - y), rating: null, text: null });
    }
  });
  return out;
}

// ---- results ------------------------------------------------------------------------------------

/**
 * `part / whole` in per mille, rounded once, half up, in integers (no float drift): 1/3 → 333, 2/3 → 667,
 * 1/8 → 125. 0 when `whole` is 0. Shares are not forced to add up to 1000; each is its own exact rounding.
 */
export function perMille(part: number, whole: number): number {
  if (whole <= 0) return 0;
  return Math.floor((2000 * part + whole) / (2 * whole));
}

/** A per-mille as a percentage text with one decimal: 667 → "66.7%". */
export const permilleText = (pm: number) => `${Math.floor(pm / 10)}.${pm % 10}%`;

export interface ChoiceResult {
  kind: 'single' | 'multiple';
  /** Respondents who answered this question (the base of the shares). */
  answered: number;
  options: { index: number; label: string; count: number; permille: number }[];
  /** The options with the most picks (more than one on a tie; empty when none answered). */
  top: number[];
}
export interface RatingResult {
  kind: 'rating';
  answered: number;
  /** Counts from 5 (非常满意) down to 1 (非常不满意). */
  levels: { rating: number; label: string; count: number; permille: number }[];
  /** Mean rating rounded once to two decimals; null when none answered. */
  average: number | null;
  /** 满意率 = (非常满意 + 满意) / answers, per mille; null when none answered. */
  satisfactionPermille: number | null;
  belowWarning: boolean;
}
export interface TextResult {
  kind: 'text';
  answered: number;
}
export type QuestionResult = (ChoiceResult | RatingResult | TextResult) & { questionId: string; title: string };

export interface SurveyResults {
  respondents: number;
  questions: QuestionResult[];
  /** Pooled over every rating question: (非常满意 + 满意) / all rating answers; null without rating answers. */
  satisfactionPermille: number | null;
  belowWarning: boolean;
}

/** Two-decimal mean of integers, rounded once half up. */
function mean2(sum: number, n: number): number | null {
  if (n === 0) return null;
  return Math.floor((200 * sum + n) / (2 * n)) / 100;
}

/**
 * Aggregates the responses (each an answer set as `validateSurveyAnswers` returns it). Choice shares are
 * over the respondents who answered that question, not over picks: on a multiple choice they may sum
 * above 100%. The satisfaction rate counts 非常满意 and 满意 as satisfied; this top-two-box rate is
 * our definition (common in Chinese 满意度测评 reports, which state "满意率 = (非常满意 + 满意) / 有效样本");
 * 一般 counts as not satisfied.
 */
export function aggregateSurvey(questions: SurveyQuestion[], responses: Answer[][]): SurveyResults {
  const byQ = new Map<string, Answer[]>(questions.map((q) => [q.id, []]));
  for (const r of responses) for (const a of r) byQ.get(a.questionId)?.push(a);
  let satisfied = 0;
  let rated = 0;
  const results = questions.map((q): QuestionResult => {
    const answers = byQ.get(q.id)!;
    const answered = answers.length;
    if (q.kind === 'text') return { questionId: q.id, title: q.title, kind: 'text', answered };
    if (q.kind === 'rating') {
      const counts = new Map<number, number>();
      let sum = 0;
      for (const a of answers) {
        counts.set(a.rating!, (counts.get(a.rating!) ?? 0) + 1);
        sum += a.rating!;
      }
      const sat = (counts.get(5) ?? 0) + (counts.get(4) ?? 0);
      satisfied += sat;
      rated += answered;
      const rate = answered ? perMille(sat, answered) : null;
      return {
        questionId: q.id,
        title: q.title,
        kind: 'rating',
        answered,
        levels: SURVEY_RATING_LEVELS.map((r) => ({ rating: r, label: SURVEY_RATING_LABELS[r]!.zh, count: counts.get(r) ?? 0, permille: perMille(counts.get(r) ?? 0, answered) })),
        average: mean2(sum, answered),
        satisfactionPermille: rate,
        belowWarning: rate !== null && rate < SATISFACTION_WARNING_PERMILLE,
      };
    }
    const counts = q.choices.map(() => 0);
    for (const a of answers) for (const c of a.choices ?? []) if (c >= 0 && c < counts.length) counts[c]!++;
    const max = Math.max(0, ...counts);
    return {
      questionId: q.id,
      title: q.title,
      kind: q.kind,
      answered,
      options: q.choices.map((label, index) => ({ index, label, count: counts[index]!, permille: perMille(counts[index]!, answered) })),
      top: max > 0 ? counts.flatMap((c, i) => (c === max ? [i] : [])) : [],
    };
  });
  const overall = rated ? perMille(satisfied, rated) : null;
  return { respondents: responses.length, questions: results, satisfactionPermille: overall, belowWarning: overall !== null && overall < SATISFACTION_WARNING_PERMILLE };
}
