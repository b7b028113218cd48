// Questionnaires (问卷): types from the API's contract and the calls of its routes.
import type { SurveyDetail, SurveyList, SurveyReceipt, SurveyResultsView, SurveySummary, SurveyTextAnswers } from '@gongzhi/domain/contract';
import { api, get, post } from './client.ts';

export type { SurveyDetail, SurveyResultsView, SurveySummary };
export type QuestionKind = 'single' | 'multiple' | 'rating' | 'text';

export interface SurveyInput {
  title: string;
  purpose: 'opinion' | 'satisfaction';
  intro?: string;
  areaCode: string;
  opensAt?: string | null;
  closesAt?: string | null;
  anonymous?: boolean;
  publicResults?: boolean;
  questions: { kind: QuestionKind; title: string; required?: boolean; choices?: string[]; maxPicks?: number | null }[];
}

export interface AnswerInput {
  questionId: string;
  choices?: number[];
  rating?: number;
  text?: string;
}

export const listSurveys = (q: { area?: string; state?: string; page?: number; pageSize?: number }, signal?: AbortSignal) => get<SurveyList>('/api/surveys', q, signal);
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
