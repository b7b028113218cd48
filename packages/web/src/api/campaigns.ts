// Door-knocking campaigns (敲门行动) and four-colour risk (四色分级).
// The answers' types are the server's response schemas (@gongzhi/domain/contract, docs/API.md).
import type { z } from 'zod';
import type { Campaign, CampaignCreateBody, CampaignList, CampaignProgress, CampaignVisitBody, RiskCounts, VisitResult, Worklist, WorklistItem, WorklistQuery } from '@gongzhi/domain/contract';
import { get, post, type QueryInput } from './client.ts';
import { getOrCopy } from '../lib/offlineDb.ts';

export type { Campaign, RiskCounts, VisitResult, Worklist };
export type Progress = CampaignProgress;
export type WorkItem = WorklistItem;

/** `POST /api/campaigns/{id}/visits` (docs/API.md "Request types"). */
export type VisitBody = z.input<typeof CampaignVisitBody>;

export const listCampaigns = (signal?: AbortSignal, state?: string) => getOrCopy<CampaignList>('/api/campaigns', { state }, signal);
export const getCampaign = (id: string, signal?: AbortSignal) => getOrCopy<Campaign>(`/api/campaigns/${id}`, undefined, signal);
export const getProgress = (id: string, signal?: AbortSignal) => getOrCopy<Progress>(`/api/campaigns/${id}/progress`, undefined, signal);
export const getWorklist = (id: string, query: QueryInput<typeof WorklistQuery>, signal?: AbortSignal) => getOrCopy<Worklist>(`/api/campaigns/${id}/worklist`, query, signal);
export const createCampaign = (body: z.input<typeof CampaignCreateBody>) => post<Campaign>('/api/campaigns', body);
export const nextRound = (id: string) => post<Campaign>(`/api/campaigns/${id}/rounds`);
export const closeCampaign = (id: string, summary?: string) => post<Campaign>(`/api/campaigns/${id}/close`, summary ? { summary } : {});
export const getRiskCounts = (code: string, signal?: AbortSignal) => get<RiskCounts>(`/api/areas/${code}/risk-counts`, undefined, signal);
