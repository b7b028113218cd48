// The questionnaire (问卷) API's answers (docs/PARTICIPATION.md "Questionnaires").
import { z } from 'zod';
import { QUESTION_KINDS, SURVEY_PURPOSES, SURVEY_STATES } from '../surveys/index.ts';
import { isoTime, pageOf } from './common.ts';

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
