// Lists and projects (金点子, 赋能清单, 需求清单, 治理项目): types and calls of their API.
import { api, get, post } from './client.ts';
import type { FourList, FourListKind, IdeaCreated, IdeaDecided, IdeaList, NeedCreated, NeedDetail, NeedList, OfferCreated, OfferList, ProjectCreated, ProjectDetail, ProjectList, Idea } from '@gongzhi/domain/contract';

// The answers' types are the server's response schemas (docs/API.md "The web's types").
export type { Bilingual as Label, Idea, MatchProposal, Need, NeedDetail, Offer, ProjectDetail, ProjectSummary, ProjectWall, ProjectWallItem } from '@gongzhi/domain/contract';

export const listIdeas = (q: { area?: string; state?: string; quarter?: string; page?: number; pageSize?: number }, signal?: AbortSignal) =>
  get<IdeaList>('/api/ideas', q, signal);
export const createIdea = (body: { title: string; content: string }, key: string) => api<IdeaCreated>('/api/ideas', { method: 'POST', body, headers: { 'Idempotency-Key': key } });
export const supportIdea = (id: string) => post<Idea>(`/api/ideas/${id}/support`);
export const decideIdea = (id: string, as: 'need' | 'topic' | 'close') => post<IdeaDecided>(`/api/ideas/${id}/decide`, { as });

export const listOffers = (q: { year?: number; mine?: boolean }, signal?: AbortSignal) => get<OfferList>('/api/offers', q, signal);
export const createOffer = (body: { year: number; title: string; content: string; contact: string; conditions?: string; capacity: number; unitId?: string }) => post<OfferCreated>('/api/offers', body);

export const listNeeds = (q: { area?: string; state?: string; month?: string; page?: number; pageSize?: number }, signal?: AbortSignal) => get<NeedList>('/api/needs', q, signal);
export const getNeed = (id: string, signal?: AbortSignal) => get<NeedDetail>(`/api/needs/${id}`, undefined, signal);
export const createNeed = (body: { areaCode: string; title: string; content: string; sources?: { type: 'deliberation' | 'idea' | 'wish' | 'visit' | 'case'; id: string }[] }) => post<NeedCreated>('/api/needs', body);
export const createProject = (
  needId: string,
  body: { offerId?: string; secretaryProject?: boolean; ledger?: boolean; budget?: number; dueDate?: string; supervisors: string[] },
  key: string,
) => api<ProjectCreated>(`/api/needs/${needId}/project`, { method: 'POST', body, headers: { 'Idempotency-Key': key } });

export const listProjects = (q: { area?: string; state?: string; relation?: 'supervising'; page?: number; pageSize?: number }, signal?: AbortSignal) => get<ProjectList>('/api/projects', q, signal);
export const getProject = (id: string, signal?: AbortSignal) => get<ProjectDetail>(`/api/projects/${id}`, undefined, signal);
export const claimProject = (id: string, teamId?: string) => post<ProjectDetail>(`/api/projects/${id}/claim`, teamId ? { teamId } : {});
export const addMilestone = (id: string, body: { title: string; note?: string; percent: number; spent?: number; photos?: string[] }) => post<ProjectDetail>(`/api/projects/${id}/milestones`, body);
export const signOff = (id: string, body: { supervisorId?: string; note?: string } = {}) => post<ProjectDetail>(`/api/projects/${id}/sign-off`, body);
export const closeProject = (id: string) => post<ProjectDetail>(`/api/projects/${id}/close`, {});

export const newKey = () => (globalThis.crypto?.randomUUID ? globalThis.crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`);

// ---- 四张清单 (Nanjing's four lists: views of the data above and of the registry, cases and emergencies) ----
export type { FourList, FourListKind, FourListRow, FourListSection } from '@gongzhi/domain/contract';
export const getFourList = (q: { kind: FourListKind; area?: string }, signal?: AbortSignal) => get<FourList>('/api/lists/four', q, signal);
