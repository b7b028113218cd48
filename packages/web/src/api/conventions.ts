// Conventions (村规民约 / 居民公约): types from the contract, and calls of its API.
import type { z } from 'zod';
import type { ConventionAdoptBody, ConventionDetail, ConventionDiff, ConventionList, ConventionOpened, ConventionPatchBody, ConventionVersion, MyConvention } from '@gongzhi/domain/contract';
import { get, patch, post } from './client.ts';

export type { ConventionDetail, ConventionDiff, ConventionList, ConventionVersion, MyConvention };
export type ConventionSummary = ConventionList['items'][number];
export type ConventionArticle = ConventionVersion['articles'][number];
export type Opened = ConventionOpened;

export const listConventions = (signal?: AbortSignal) => get<ConventionList>('/api/conventions', undefined, signal);
export const getConvention = (id: string, signal?: AbortSignal) => get<ConventionDetail>(`/api/conventions/${id}`, undefined, signal);
export const myConvention = (signal?: AbortSignal) => get<MyConvention>('/api/conventions/mine', undefined, signal);
export const conventionDiff = (id: string, from: string, to: string, signal?: AbortSignal) => get<ConventionDiff>(`/api/conventions/${id}/diff`, { from, to }, signal);
export const startConvention = (areaCode: string) => post<Opened>('/api/conventions', { areaCode });
export const openDraft = (id: string) => post<Opened>(`/api/conventions/${id}/drafts`, {});
export const draftFromDeliberation = (deliberationId: string) => post<Opened>(`/api/conventions/from-deliberation/${deliberationId}`, {});
export const saveDraft = (id: string, versionId: string, body: z.input<typeof ConventionPatchBody>) =>
  patch<ConventionVersion>(`/api/conventions/${id}/versions/${versionId}`, body);
export const adoptDraft = (id: string, versionId: string, body: z.input<typeof ConventionAdoptBody>) =>
  post<ConventionVersion>(`/api/conventions/${id}/versions/${versionId}/actions/adopt`, body);
