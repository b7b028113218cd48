// Questionnaires (问卷): types from the API's contract and the calls of its routes.
import type { z } from 'zod';
import type { SurveyAnswer, SurveyBody, SurveyDetail, SurveyList, SurveyListQuery, SurveyReceipt, SurveyResultsView, SurveySummary, SurveyTextAnswers } from '@gongzhi/domain/contract';
import { api, get, post, type QueryInput } from './client.ts';

export type { SurveyDetail, SurveyResultsView, SurveySummary };
export type { QuestionKind } from '@gongzhi/domain';
// The request types come from the server's request schemas (docs/API.md "Request types").
export type SurveyInput = z.input<typeof SurveyBody>;
export type AnswerInput = z.input<typeof SurveyAnswer>;

export const listSurveys = (q: QueryInput<typeof SurveyListQuery>, signal?: AbortSignal) => get<SurveyList>('/api/surveys', q, signal);
export const listAvailableSurveys = (signal?: AbortSignal) => get<SurveyList>('/api/surveys/available', { pageSize: 100 }, signal);
export const getSurvey = (id: string, signal?: AbortSignal) => get<SurveyDetail>(`/api/surveys/${id}`, undefined, signal);
export const createSurvey = (body: SurveyInput) => post<SurveyDetail>('/api/surveys', body);
export const updateSurvey = (id: string, body: SurveyInput) => api<SurveyDetail>(`/api/surveys/${id}`, { method: 'PUT', body });
export const surveyAction = (id: string, action: 'publish' | 'close') => post<SurveyDetail>(`/api/surveys/${id}/actions/${action}`);
export const answerSurvey = (id: string, answers: AnswerInput[], key: string) =>
  api<SurveyReceipt>(`/api/surveys/${id}/responses`, { method: 'POST', body: { answers }, headers: { 'Idempotency-Key': key } });
export const getSurveyResults = (id: string, signal?: AbortSignal) => get<SurveyResultsView>(`/api/surveys/${id}/results`, undefined, signal);
export const getSurveyTexts = (id: string, questionId: string, page: number, signal?: AbortSignal) =>
  get<SurveyTextAnswers>(`/api/surveys/${id}/texts`, { questionId, page, pageSize: 10 }, signal);
