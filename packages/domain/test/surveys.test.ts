import { describe, expect, it } from 'vitest';
import {
  aggregateSurvey,
  checkSurveyQuestions,
  decideSurvey,
  isAnswerable,
  perMille,
  permilleText,
  validateSurveyAnswers,
  type Answer,
  type SurveyQuestion,
} from '../src/index.ts';

const q = (id: string, kind: SurveyQuestion['kind'], extra: Partial<SurveyQuestion> = {}): SurveyQuestion => ({
  id,
  kind,
  title: `题 ${id}`,
  required: true,
  choices: kind === 'single' || kind === 'multiple' ? ['甲', '乙', '丙'] : [],
  maxPicks: null,
  ...extra,
});
const QS = [q('s', 'single'), q('m', 'multiple', { maxPicks: 2 }), q('r', 'rating'), q('t', 'text', { required: false })];
const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as { code: string }).code;
  }
  return 'ok';
};

describe('per mille rounded once', () => {
  it('rounds half up in integers', () => {
    expect(perMille(1, 3)).toBe(333);
    expect(perMille(2, 3)).toBe(667);
    expect(perMille(1, 8)).toBe(125);
    expect(perMille(1, 2000)).toBe(1); // 0.5‰ rounds up
    expect(perMille(0, 5)).toBe(0);
    expect(perMille(0, 0)).toBe(0);
    expect(perMille(7, 7)).toBe(1000);
    expect(permilleText(667)).toBe('66.7%');
    expect(permilleText(1000)).toBe('100.0%');
    expect(permilleText(5)).toBe('0.5%');
  });
});

describe('life of a questionnaire', () => {
  it('publishes a draft with questions, closes an open one, refuses the rest', () => {
    expect(decideSurvey('draft', 'publish', 1)).toBe('open');
    expect(codeOf(() => decideSurvey('draft', 'publish', 0))).toBe('survey_no_questions');
    expect(codeOf(() => decideSurvey('open', 'publish', 3))).toBe('survey_not_draft');
    expect(decideSurvey('open', 'close', 3)).toBe('closed');
    expect(codeOf(() => decideSurvey('draft', 'close', 3))).toBe('survey_not_open');
    expect(codeOf(() => decideSurvey('closed', 'close', 3))).toBe('survey_not_open');
  });
  it('takes answers only while open and inside its window', () => {
    const at = new Date('2026-12-04T10:00:00Z');
    expect(isAnswerable({ state: 'open', opensAt: null, closesAt: null }, at)).toBe(true);
    expect(isAnswerable({ state: 'draft', opensAt: null, closesAt: null }, at)).toBe(false);
    expect(isAnswerable({ state: 'open', opensAt: new Date('2026-12-04T10:00:01Z'), closesAt: null }, at)).toBe(false);
    expect(isAnswerable({ state: 'open', opensAt: null, closesAt: at }, at)).toBe(false);
  });
  it('checks question definitions', () => {
    expect(codeOf(() => checkSurveyQuestions(QS))).toBe('ok');
    expect(codeOf(() => checkSurveyQuestions([q('a', 'single', { choices: ['只有一个'] })]))).toBe('too_few_choices');
    expect(codeOf(() => checkSurveyQuestions([q('a', 'single', { choices: ['同', '同'] })]))).toBe('duplicate_choice');
    expect(codeOf(() => checkSurveyQuestions([q('a', 'rating', { choices: ['x', 'y'] })]))).toBe('choices_not_allowed');
    expect(codeOf(() => checkSurveyQuestions([q('a', 'single', { maxPicks: 1 })]))).toBe('max_picks_not_allowed');
    expect(codeOf(() => checkSurveyQuestions([q('a', 'multiple', { maxPicks: 4 })]))).toBe('invalid_max_picks');
    expect(codeOf(() => checkSurveyQuestions([q('a', 'multiple', { maxPicks: 3 })]))).toBe('ok');
  });
});

describe('checking an answer set', () => {
  const ok = [
    { questionId: 's', choices: [1] },
    { questionId: 'm', choices: [2, 0] },
    { questionId: 'r', rating: 5 },
  ];
  it('accepts a full answer set, sorted picks, optional text left out', () => {
    expect(validateSurveyAnswers(QS, ok)).toEqual([
      { questionId: 's', choices: [1], rating: null, text: null },
      { questionId: 'm', choices: [0, 2], rating: null, text: null },
      { questionId: 'r', choices: null, rating: 5, text: null },
    ]);
  });
  it('refuses a missing required answer, naming the question', () => {
    expect(codeOf(() => validateSurveyAnswers(QS, ok.slice(1)))).toBe('answer_required');
    expect(codeOf(() => validateSurveyAnswers(QS, [{ questionId: 's', choices: [] }, ...ok.slice(1)]))).toBe('answer_required');
  });
  it('refuses bad choices, too many picks, two picks on a single choice', () => {
    expect(codeOf(() => validateSurveyAnswers(QS, [{ questionId: 's', choices: [3] }, ...ok.slice(1)]))).toBe('invalid_choice');
    expect(codeOf(() => validateSurveyAnswers(QS, [{ questionId: 's', choices: [0, 1] }, ...ok.slice(1)]))).toBe('single_choice');
    expect(codeOf(() => validateSurveyAnswers(QS, [ok[0]!, { questionId: 'm', choices: [0, 1, 2] }, ok[2]!]))).toBe('too_many_picks');
    expect(codeOf(() => validateSurveyAnswers(QS, [ok[0]!, { questionId: 'm', choices: [1, 1] }, ok[2]!]))).toBe('duplicate_choice');
    // exactly the maximum is fine
    expect(codeOf(() => validateSurveyAnswers(QS, [ok[0]!, { questionId: 'm', choices: [1, 2] }, ok[2]!]))).toBe('ok');
  });
  it('refuses ratings outside 1–5 and non-integers', () => {
    for (const r of [0, 6, 3.5]) expect(codeOf(() => validateSurveyAnswers(QS, [ok[0]!, ok[1]!, { questionId: 'r', rating: r }]))).toBe('invalid_rating');
    expect(codeOf(() => validateSurveyAnswers(QS, [ok[0]!, ok[1]!, { questionId: 'r', rating: 1 }]))).toBe('ok');
  });
  it('refuses unknown questions and double answers', () => {
    expect(codeOf(() => validateSurveyAnswers(QS, [...ok, { questionId: 'x', text: '?' }]))).toBe('unknown_question');
    expect(codeOf(() => validateSurveyAnswers(QS, [...ok, ok[0]!]))).toBe('duplicate_answer');
  });
});

describe('results', () => {
  const ans = (s: number | null, m: number[] | null, r: number | null, t?: string): Answer[] =>
    (
      [
        s === null ? null : { questionId: 's', choices: [s], rating: null, text: null },
        m === null ? null : { questionId: 'm', choices: m, rating: null, text: null },
        r === null ? null : { questionId: 'r', choices: null, rating: r, text: null },
        t ? { questionId: 't', choices: null, rating: null, text: t } : null,
      ] as (Answer | null)[]
    ).filter((a): a is Answer => a !== null);

  it('shows zeros and no rate without answers', () => {
    const res = aggregateSurvey(QS, []);
    expect(res.respondents).toBe(0);
    expect(res.satisfactionPermille).toBeNull();
    expect(res.belowWarning).toBe(false);
    const s = res.questions[0]!;
    expect(s.kind === 'single' && s.options.every((o) => o.count === 0 && o.permille === 0) && s.top).toEqual([]);
    const r = res.questions[2]!;
    expect(r.kind === 'rating' && [r.average, r.satisfactionPermille]).toEqual([null, null]);
  });
  it('one answer is 100%', () => {
    const res = aggregateSurvey(QS, [ans(2, [0, 1], 4, '好')]);
    const s = res.questions[0]!;
    expect(s.kind === 'single' && s.options.map((o) => o.permille)).toEqual([0, 0, 1000]);
    const r = res.questions[2]!;
    expect(r.kind === 'rating' && [r.average, r.satisfactionPermille]).toEqual([4, 1000]);
    expect(res.questions[3]).toMatchObject({ kind: 'text', answered: 1 });
  });
  it('reports every option of a tie as top', () => {
    const res = aggregateSurvey(QS, [ans(0, null, null), ans(1, null, null), ans(2, null, null), ans(1, null, null), ans(0, null, null)]);
    const s = res.questions[0]!;
    expect(s.kind === 'single' && s.top).toEqual([0, 1]);
  });
  it('takes multiple-choice shares over respondents, not over picks', () => {
    // 3 respondents: 甲 picked by all, 乙 by 2, 丙 by 1 (6 picks); one respondent skipped it.
    const res = aggregateSurvey(QS, [ans(0, [0, 1], 5), ans(0, [0, 1], 5), ans(0, [0, 2], 5), ans(0, null, 5)]);
    const m = res.questions[1]!;
    expect(m.answered).toBe(3);
    expect(m.kind === 'multiple' && m.options.map((o) => o.permille)).toEqual([1000, 667, 333]);
  });
  it('counts 非常满意 and 满意 as satisfied, 一般 not; flags a rate below 60%', () => {
    // 3 of 5 satisfied = exactly 60%: not below.
    const five = [5, 4, 4, 3, 1].map((r) => ans(0, null, r));
    let res = aggregateSurvey(QS, five);
    let r = res.questions[2]!;
    expect(r.kind === 'rating' && [r.satisfactionPermille, r.belowWarning, r.average]).toEqual([600, false, 3.4]);
    expect(r.kind === 'rating' && r.levels.map((l) => [l.label, l.count])).toEqual([
      ['非常满意', 1],
      ['满意', 2],
      ['一般', 1],
      ['不满意', 0],
      ['非常不满意', 1],
    ]);
    // 2 of 4 = 50%: below.
    res = aggregateSurvey(QS, [5, 4, 3, 3].map((x) => ans(0, null, x)));
    r = res.questions[2]!;
    expect(r.kind === 'rating' && [r.satisfactionPermille, r.belowWarning]).toEqual([500, true]);
    expect(res.belowWarning).toBe(true);
  });
  it('rounds the average once to two decimals', () => {
    const res = aggregateSurvey(QS, [5, 4, 4].map((x) => ans(0, null, x)));
    const r = res.questions[2]!;
    expect(r.kind === 'rating' && r.average).toBe(4.33);
    const res2 = aggregateSurvey(QS, [5, 4, 5].map((x) => ans(0, null, x)));
    const r2 = res2.questions[2]!;
    expect(r2.kind === 'rating' && r2.average).toBe(4.67);
  });
});
