// The questionnaire (问卷) API's answers (docs/PARTICIPATION.md "Questionnaires").
import { z } from 'zod';
import { MAX_SURVEY_CHOICES, MAX_SURVEY_QUESTIONS, MAX_SURVEY_TEXT_ANSWER, QUESTION_KINDS, SURVEY_PURPOSES, SURVEY_STATES } from '../surveys/index.ts';
import { isoTime, pageOf } from './common.ts';
import { optionalText, paging, text } from './input.ts';

export const SURVEY_VIEW_ACTIONS = ['edit', 'publish', 'close', 'answer', 'results'] as const;

export const SurveySummary = z.object({
  id: z.string(),
  title: z.string(),
  purpose: z.enum(SURVEY_PURPOSES),
  purposeLabel: z.string(),
  state: z.enum(SURVEY_STATES),
  stateLabel: z.string(),
  intro: z.string(),
  area: z.object({ code: z.string(), name: z.string() }),
  opensAt: isoTime.nullable(),
  closesAt: isoTime.nullable(),
  anonymous: z.boolean(),
  publicResults: z.boolean(),
  questionCount: z.number().int(),
  responseCount: z.number().int(),
  /** The caller has answered it. */
  answered: z.boolean(),
  createdAt: isoTime,
  publishedAt: isoTime.nullable(),
  closedAt: isoTime.nullable(),
  allowedActions: z.array(z.enum(SURVEY_VIEW_ACTIONS)),
});
export type SurveySummary = z.infer<typeof SurveySummary>;

export const SurveyQuestionView = z.object({
  id: z.string(),
  kind: z.enum(QUESTION_KINDS),
  kindLabel: z.string(),
  title: z.string(),
  required: z.boolean(),
  choices: z.array(z.string()),
  maxPicks: z.number().int().nullable(),
});

export const SurveyAnswerView = z.object({
  questionId: z.string(),
  choices: z.array(z.number().int()).nullable(),
  rating: z.number().int().nullable(),
  text: z.string().nullable(),
});

export const SurveyDetail = SurveySummary.extend({
  questions: z.array(SurveyQuestionView),
  /** The caller's own answers once given. */
  myAnswers: z.array(SurveyAnswerView).nullable(),
});
export type SurveyDetail = z.infer<typeof SurveyDetail>;

export const SurveyList = pageOf(SurveySummary);

const resultBase = { questionId: z.string(), title: z.string(), answered: z.number().int() };
export const SurveyQuestionResult = z.discriminatedUnion('kind', [
  z.object({
    ...resultBase,
    kind: z.enum(['single', 'multiple']),
    options: z.array(z.object({ index: z.number().int(), label: z.string(), count: z.number().int(), permille: z.number().int() })),
    top: z.array(z.number().int()),
  }),
  z.object({
    ...resultBase,
    kind: z.literal('rating'),
    levels: z.array(z.object({ rating: z.number().int(), label: z.string(), count: z.number().int(), permille: z.number().int() })),
    average: z.number().nullable(),
    satisfactionPermille: z.number().int().nullable(),
    belowWarning: z.boolean(),
  }),
  z.object({ ...resultBase, kind: z.literal('text') }),
]);

export const SurveyResultsView = z.object({
  surveyId: z.string(),
  respondents: z.number().int(),
  /** Respondents who answered with their account (the rest are paper questionnaires entered by staff). */
  online: z.number().int(),
  /** Active resident accounts of the target area (the base of the response rate). */
  eligible: z.number().int(),
  /** online / eligible. */
  responsePermille: z.number().int(),
  satisfactionPermille: z.number().int().nullable(),
  belowWarning: z.boolean(),
  questions: z.array(SurveyQuestionResult),
});
export type SurveyResultsView = z.infer<typeof SurveyResultsView>;

export const SurveyTextAnswers = pageOf(z.object({ text: z.string(), at: isoTime, respondent: z.string().nullable() }));

export const SurveyReceipt = z.object({ id: z.string(), surveyId: z.string(), answeredAt: isoTime });

export type SurveyList = z.infer<typeof SurveyList>;
export type SurveyTextAnswers = z.infer<typeof SurveyTextAnswers>;
export type SurveyReceipt = z.infer<typeof SurveyReceipt>;

// ---- requests (the server validates with these; the web's request types are their z.input) ----

const areaCode = z.string().regex(/^\d{6}(\d{3}){0,3}$/, '调查范围（areaCode）应为区、镇（街道）、村（社区）或网格的区划代码');
const time = z.iso.datetime({ offset: true, message: '应为带时区的时间，如 2026-12-04T09:00:00+08:00' });

const questionKind = z.enum(QUESTION_KINDS, { message: '题型（kind）应为 single（单选）、multiple（多选）、rating（满意度评分）或 text（简答）' });

const question = z.object({
  kind: questionKind,
  title: text(200),
  required: z.boolean().optional(),
  choices: z.array(text(60), { message: '选项（choices）应为列表' }).max(MAX_SURVEY_CHOICES, `选项最多 ${MAX_SURVEY_CHOICES} 个`).optional(),
  maxPicks: z.number().int('最多选几项（maxPicks）应为整数').min(1).max(MAX_SURVEY_CHOICES).nullable().optional(),
});

/** `POST /api/surveys`, `PUT /api/surveys/{id}` (the questions are replaced as a whole) */
export const SurveyBody = z.object({
  title: text(80),
  purpose: z.enum(SURVEY_PURPOSES, { message: '问卷类型（purpose）应为 opinion（意见征集）或 satisfaction（满意度测评）' }),
  intro: optionalText(2000).optional(),
  areaCode,
  opensAt: time.nullable().optional(),
  closesAt: time.nullable().optional(),
  anonymous: z.boolean().optional(),
  publicResults: z.boolean().optional(),
  questions: z.array(question, { message: '题目（questions）应为列表' }).max(MAX_SURVEY_QUESTIONS, `问卷最多 ${MAX_SURVEY_QUESTIONS} 道题`),
});

/** One answer of `POST /api/surveys/{id}/responses`. */
export const SurveyAnswer = z.object({
  questionId: z.uuid({ message: '题目 ID（questionId）应为 UUID' }),
  choices: z.array(z.number().int('选项应为序号').min(0).max(MAX_SURVEY_CHOICES)).max(MAX_SURVEY_CHOICES).optional(),
  rating: z.number().optional(),
  text: z.string().max(MAX_SURVEY_TEXT_ANSWER, `回答不能超过 ${MAX_SURVEY_TEXT_ANSWER} 个字`).optional(),
});
/** `POST /api/surveys/{id}/responses` */
export const SurveyAnswerBody = z.object({ answers: z.array(SurveyAnswer, { message: '答案（answers）应为列表' }).max(MAX_SURVEY_QUESTIONS) });

/** `GET /api/surveys` */
export const SurveyListQuery = z.object({
  area: areaCode.optional(),
  state: z
    .string()
    .max(40)
    .refine((s) => s.split(',').every((x) => !x || (SURVEY_STATES as readonly string[]).includes(x)), '状态（state）应为 draft、open 或 closed')
    .optional(),
  ...paging,
});
/** `GET /api/surveys/available` */
export const SurveyPageQuery = z.object(paging);
/** `GET /api/surveys/{id}/texts` */
export const SurveyTextsQuery = z.object({ questionId: z.uuid({ message: '题目 ID（questionId）应为 UUID' }), ...paging });
