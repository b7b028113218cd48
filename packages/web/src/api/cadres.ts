// Service points, the talent registry and sunk-down cadres (docs/SERVICE-POINTS.md): the calls and their inputs.
// The answers' types are the server's response schemas (@gongzhi/domain/contract, docs/API.md).
import type {
  Cadre,
  CadreAttendance,
  CadreCheckin,
  CadreList,
  CadreTask,
  CadreTaskList,
  MyCadrePage,
  NearbyServicePoints,
  RevealedPhone,
  ServicePoint,
  ServicePointList,
  Talent,
  TalentList,
} from '@gongzhi/domain/contract';
import { api, get, patch, post } from './client.ts';

export interface ServicePointInput {
  areaCode?: string;
  kind?: string;
  name?: string;
  lat?: number;
  lng?: number;
  address?: string | null;
  hours?: string | null;
  services?: string[];
  contactName?: string | null;
  contactPhone?: string | null;
  retired?: true;
}

export interface TalentInput {
  areaCode?: string;
  name?: string;
  category?: string;
  roles?: string[];
  workplace?: string | null;
  expertise?: string | null;
  phone?: string | null;
  consent?: boolean;
  consentNote?: string | null;
}

export interface TaskInput {
  cadreId: string;
  title: string;
  detail?: string | null;
  dueOn?: string | null;
}

/** Home for the 15-minute circle: the phone's location, a chosen area, or (neither) where the caller lives. */
export type NearbyQuery = { area?: string; lat?: number; lng?: number };

export const listServicePoints = (q: { area?: string; kind?: string; pageSize?: number }, signal?: AbortSignal) => get<ServicePointList>('/api/service-points', q, signal);
export const nearbyServicePoints = (q: NearbyQuery, signal?: AbortSignal) => get<NearbyServicePoints>('/api/service-points/nearby', q, signal);
export const createServicePoint = (body: ServicePointInput) => post<ServicePoint>('/api/service-points', body);
export const updateServicePoint = (id: string, body: ServicePointInput) => patch<ServicePoint>(`/api/service-points/${id}`, body);

export const listTalents = (q: { area?: string; category?: string; pageSize?: number }, signal?: AbortSignal) => get<TalentList>('/api/talents', q, signal);
export const createTalent = (body: TalentInput) => post<Talent>('/api/talents', body);
export const updateTalent = (id: string, body: TalentInput) => patch<Talent>(`/api/talents/${id}`, body);
export const setTalentConsent = (id: string, given: boolean) => api<Talent>(`/api/talents/${id}/consent`, { method: 'PUT', body: { given } });
export const revealTalentPhone = (id: string) => post<RevealedPhone>(`/api/talents/${id}/reveal`, {});

export const listCadres = (area: string | undefined, signal?: AbortSignal) => get<CadreList>('/api/cadres', { area }, signal);
export const getAttendance = (q: { area?: string; month?: string; year?: string }, signal?: AbortSignal) => get<CadreAttendance>('/api/cadres/attendance', q, signal);
export const setCadreKind = (id: string, kind: string) => patch<Cadre>(`/api/cadres/${id}`, { kind });
export const getMyCadrePage = (signal?: AbortSignal) => get<MyCadrePage>('/api/cadres/me', undefined, signal);
export const checkIn = (where: { lat: number; lng: number } | null) => post<CadreCheckin>('/api/cadres/me/checkins', where ?? {});

export const listTasks = (q: { area?: string; pageSize?: number }, signal?: AbortSignal) => get<CadreTaskList>('/api/cadre-tasks', q, signal);
export const assignTask = (body: TaskInput) => post<CadreTask>('/api/cadre-tasks', body);
export const completeTask = (id: string, body: { note: string; photoFileId: string | null }) => post<CadreTask>(`/api/cadre-tasks/${id}/complete`, body);
export const cancelTask = (id: string, reason: string) => post<CadreTask>(`/api/cadre-tasks/${id}/cancel`, { reason });
