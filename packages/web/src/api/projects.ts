// Lists and projects (金点子, 赋能清单, 需求清单, 治理项目): types and calls of their API.
import { api, get, post } from './client.ts';
import type { FourList, FourListKind } from '@gongzhi/domain/contract';

export interface Label {
  zh: string;
  en: string;
}

export interface Idea {
  id: string;
  areaCode: string;
  areaName: string;
  quarter: string;
  title: string;
  content: string;
  author: string;
  state: 'open' | 'need' | 'topic' | 'closed';
  supports: number;
  supportedByMe: boolean;
  mine: boolean;
  createdAt: string;
  allowedActions: string[];
}

export interface Offer {
  id: string;
  year: number;
  unitName: string;
  title: string;
  content: string;
  contact: string;
  conditions: string;
  capacity: number;
  used: number;
  /** 直通车 activities held under it. */
  activities: number;
  createdAt: string;
}

export interface Need {
  id: string;
  areaCode: string;
  areaName: string;
  month: string;
  title: string;
  content: string;
  state: 'open' | 'project' | 'met';
  sources: { type: string; id: string; title: string; label: Label }[];
  createdAt: string;
  allowedActions: string[];
}

export interface MatchProposal {
  offer: Offer;
  match: { score: number; usable: boolean; reasons: Label[]; shared: string[] };
}

export interface ProjectSummary {
  id: string;
  areaCode: string;
  areaName: string;
  title: string;
  state: 'open' | 'claimed' | 'closed';
  percent: number;
  secretaryProject: boolean;
  ledger: boolean;
  budget: number;
  spent: number;
  dueDate: string | null;
  offerUnit: string | null;
  claimedBy: { kind: string; kindLabel: Label; name: string } | null;
  supervisors: { total: number; signed: number };
  closedAt: string | null;
  closedOnTime: boolean | null;
  supervising: boolean;
  createdAt: string;
  allowedActions: string[];
}

export interface ProjectDetail extends ProjectSummary {
  content: string;
  spentShare: number | null;
  need: { id: string; title: string; month: string } | null;
  offer: Offer | null;
  supervisorList: { id: string; name: string; mine: boolean; signedAt: string | null; signedOnline: boolean | null; note: string | null }[];
  milestones: { id: string; title: string; note: string; percent: number; spent: number; by: string; at: string; photos: { id: string; name: string; url: string }[] }[];
  timeline: { action: string; by: string; note: string | null; at: string; points: number | null }[];
  closeCheck: { ok: boolean; reasons: string[] };
}

interface Page<T> {
  total: number;
  items: T[];
}

export const listIdeas = (q: { area?: string; state?: string; quarter?: string; page?: number; pageSize?: number }, signal?: AbortSignal) =>
  get<Page<Idea> & { quarter: string }>('/api/ideas', q, signal);
export const createIdea = (body: { title: string; content: string }, key: string) => api<{ id: string }>('/api/ideas', { method: 'POST', body, headers: { 'Idempotency-Key': key } });
export const supportIdea = (id: string) => post<Idea>(`/api/ideas/${id}/support`);
export const decideIdea = (id: string, as: 'need' | 'topic' | 'close') => post<Idea & { needId: string | null }>(`/api/ideas/${id}/decide`, { as });

export const listOffers = (q: { year?: number; mine?: boolean }, signal?: AbortSignal) => get<Page<Offer>>('/api/offers', q, signal);
export const createOffer = (body: { year: number; title: string; content: string; contact: string; conditions?: string; capacity: number; unitId?: string }) => post<{ id: string }>('/api/offers', body);

export const listNeeds = (q: { area?: string; state?: string; month?: string; page?: number; pageSize?: number }, signal?: AbortSignal) => get<Page<Need>>('/api/needs', q, signal);
export const getNeed = (id: string, signal?: AbortSignal) => get<Need & { matches: MatchProposal[] }>(`/api/needs/${id}`, undefined, signal);
export const createNeed = (body: { areaCode: string; title: string; content: string; sources?: { type: 'deliberation' | 'idea' | 'wish' | 'visit' | 'case'; id: string }[] }) => post<{ id: string }>('/api/needs', body);
export const createProject = (
  needId: string,
  body: { offerId?: string; secretaryProject?: boolean; ledger?: boolean; budget?: number; dueDate?: string; supervisors: string[] },
  key: string,
) => api<{ id: string }>(`/api/needs/${needId}/project`, { method: 'POST', body, headers: { 'Idempotency-Key': key } });

export const listProjects = (q: { area?: string; state?: string; relation?: 'supervising'; page?: number; pageSize?: number }, signal?: AbortSignal) => get<Page<ProjectSummary>>('/api/projects', q, signal);
export const getProject = (id: string, signal?: AbortSignal) => get<ProjectDetail>(`/api/projects/${id}`, undefined, signal);
export const claimProject = (id: string, teamId?: string) => post<ProjectDetail>(`/api/projects/${id}/claim`, teamId ? { teamId } : {});
export const addMilestone = (id: string, body: { title: string; note?: string; percent: number; spent?: number; photos?: string[] }) => post<ProjectDetail>(`/api/projects/${id}/milestones`, body);
export const signOff = (id: string, body: { supervisorId?: string; note?: string } = {}) => post<ProjectDetail>(`/api/projects/${id}/sign-off`, body);
export const closeProject = (id: string) => post<ProjectDetail>(`/api/projects/${id}/close`, {});

export const newKey = () => (globalThis.crypto?.randomUUID ? globalThis.crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`);

// ---- 四张清单 (Nanjing's four lists: views of the data above and of the registry, cases and emergencies) ----
export type { FourList, FourListKind, FourListRow, FourListSection } from '@gongzhi/domain/contract';
export const getFourList = (q: { kind: FourListKind; area?: string }, signal?: AbortSignal) => get<FourList>('/api/lists/four', q, signal);
