// Lists and projects (金点子, 赋能清单, 需求清单, 治理项目): types and calls of their API.
import type { z } from 'zod';
import { api, get, post, type QueryInput } from './client.ts';
import type {
  FourList,
  FourListQuery,
  Idea,
  IdeaBody,
  IdeaCreated,
  IdeaDecided,
  IdeaList,
  IdeaListQuery,
  MilestoneBody,
  NeedBody,
  NeedCreated,
  NeedDetail,
  NeedList,
  NeedListQuery,
  OfferBody,
  OfferCreated,
  OfferList,
  OfferListQuery,
  ProjectCreateBody,
  ProjectCreated,
  ProjectDetail,
  ProjectList,
  ProjectListQuery,
  SignOffBody,
} from '@gongzhi/domain/contract';

// The answers' types are the server's response schemas (docs/API.md "The web's types").
export type { Bilingual as Label, Idea, MatchProposal, Need, NeedDetail, Offer, ProjectDetail, ProjectSummary, ProjectWall, ProjectWallItem } from '@gongzhi/domain/contract';
// The request types are the server's request schemas' input (docs/API.md "Request types").

export const listIdeas = (q: QueryInput<typeof IdeaListQuery>, signal?: AbortSignal) => get<IdeaList>('/api/ideas', q, signal);
export const createIdea = (body: z.input<typeof IdeaBody>, key: string) => api<IdeaCreated>('/api/ideas', { method: 'POST', body, headers: { 'Idempotency-Key': key } });
export const supportIdea = (id: string) => post<Idea>(`/api/ideas/${id}/support`);
export const decideIdea = (id: string, as: 'need' | 'topic' | 'close') => post<IdeaDecided>(`/api/ideas/${id}/decide`, { as });

export const listOffers = (q: QueryInput<typeof OfferListQuery>, signal?: AbortSignal) => get<OfferList>('/api/offers', q, signal);
export const createOffer = (body: z.input<typeof OfferBody>) => post<OfferCreated>('/api/offers', body);

export const listNeeds = (q: QueryInput<typeof NeedListQuery>, signal?: AbortSignal) => get<NeedList>('/api/needs', q, signal);
export const getNeed = (id: string, signal?: AbortSignal) => get<NeedDetail>(`/api/needs/${id}`, undefined, signal);
export const createNeed = (body: z.input<typeof NeedBody>) => post<NeedCreated>('/api/needs', body);
export const createProject = (needId: string, body: z.input<typeof ProjectCreateBody>, key: string) => api<ProjectCreated>(`/api/needs/${needId}/project`, { method: 'POST', body, headers: { 'Idempotency-Key': key } });

export const listProjects = (q: QueryInput<typeof ProjectListQuery>, signal?: AbortSignal) => get<ProjectList>('/api/projects', q, signal);
export const getProject = (id: string, signal?: AbortSignal) => get<ProjectDetail>(`/api/projects/${id}`, undefined, signal);
export const claimProject = (id: string, teamId?: string) => post<ProjectDetail>(`/api/projects/${id}/claim`, teamId ? { teamId } : {});
export const addMilestone = (id: string, body: z.input<typeof MilestoneBody>) => post<ProjectDetail>(`/api/projects/${id}/milestones`, body);
export const signOff = (id: string, body: z.input<typeof SignOffBody> = {}) => post<ProjectDetail>(`/api/projects/${id}/sign-off`, body);
export const closeProject = (id: string) => post<ProjectDetail>(`/api/projects/${id}/close`, {});

export const newKey = () => (globalThis.crypto?.randomUUID ? globalThis.crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`);

// ---- 四张清单 (Nanjing's four lists: views of the data above and of the registry, cases and emergencies) ----
export type { FourList, FourListKind, FourListRow, FourListSection } from '@gongzhi/domain/contract';
export const getFourList = (q: z.input<typeof FourListQuery>, signal?: AbortSignal) => get<FourList>('/api/lists/four', q, signal);
