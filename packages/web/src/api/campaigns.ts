// Door-knocking campaigns (敲门行动) and four-colour risk (四色分级).
import { get, post } from './client.ts';
import { getOrCopy } from '../lib/offlineDb.ts';
import type { RiskColour } from './types.ts';

export type VisitResult = 'visited' | 'nobody-home' | 'refused';

export interface Campaign {
  id: string;
  title: string;
  kind: string;
  areaCode: string;
  areaName: string | null;
  state: 'active' | 'closed';
  round: number;
  createdByName: string;
  createdAt: string;
  closedAt: string | null;
  closedByName: string | null;
  allowedActions: string[];
}

export interface Progress {
  households: number;
  visited: number;
  byArea: { code: string; name: string; households: number; visited: number }[];
}

export interface WorkItem {
  id: string;
  areaCode: string;
  address: string;
  doorplate: string;
  place: string;
  riskColour: RiskColour | null;
  needsHelp: boolean;
  helpTags: string[];
  lastResult: VisitResult | null;
}

export interface Worklist {
  round: number;
  households: number;
  visited: number;
  total: number;
  items: WorkItem[];
}

export interface VisitBody {
  householdId: string;
  result: VisitResult;
  riskColour?: RiskColour;
  note?: string;
}

export interface RiskCounts {
  items: { code: string; name: string; red: number; orange: number; yellow: number; blue: number; total: number }[];
  total: { red: number; orange: number; yellow: number; blue: number; total: number };
}

export const listCampaigns = (signal?: AbortSignal, state?: string) => getOrCopy<{ items: Campaign[]; total: number }>('/api/campaigns', { state }, signal);
export const getCampaign = (id: string, signal?: AbortSignal) => getOrCopy<Campaign>(`/api/campaigns/${id}`, undefined, signal);
export const getProgress = (id: string, signal?: AbortSignal) => getOrCopy<Progress>(`/api/campaigns/${id}/progress`, undefined, signal);
export const getWorklist = (id: string, query: { area?: string; page?: number; pageSize?: number }, signal?: AbortSignal) => getOrCopy<Worklist>(`/api/campaigns/${id}/worklist`, query, signal);
export const createCampaign = (body: { title: string; areaCode: string; kind: 'door-knock' }) => post<Campaign>('/api/campaigns', body);
export const nextRound = (id: string) => post<Campaign>(`/api/campaigns/${id}/rounds`);
export const closeCampaign = (id: string, summary?: string) => post<Campaign>(`/api/campaigns/${id}/close`, summary ? { summary } : {});
export const getRiskCounts = (code: string, signal?: AbortSignal) => get<RiskCounts>(`/api/areas/${code}/risk-counts`, undefined, signal);
