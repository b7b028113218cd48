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
  CadreAttendanceQuery,
  CadreKindBody,
  CadreTaskBody,
  CadreTaskCompleteBody,
  CadreTaskListQuery,
  NearbyQuery as NearbyQuerySchema,
  ServicePointCreateBody,
  ServicePointListQuery,
  ServicePointPatchBody,
  TalentConsentBody,
  TalentCreateBody,
  TalentListQuery,
  TalentPatchBody,
} from '@gongzhi/domain/contract';
import type { z } from 'zod';
import { api, get, patch, post, type QueryInput } from './client.ts';

// The request types come from the server's request schemas (docs/API.md "Request types").
/** A service point's fields as the edit form sends them (a new point needs areaCode, kind, name, lat, lng). */
export type ServicePointInput = z.input<typeof ServicePointPatchBody>;
/** A talent's fields as the edit form sends them (a new entry needs areaCode, name, category, consent). */
export type TalentInput = z.input<typeof TalentPatchBody> & Partial<Pick<z.input<typeof TalentCreateBody>, 'consent' | 'consentNote'>>;
export type TaskInput = z.input<typeof CadreTaskBody>;
/** Home for the 15-minute circle: the phone's location, a chosen area, or (neither) where the caller lives. */
export type NearbyQuery = QueryInput<typeof NearbyQuerySchema>;

export const listServicePoints = (q: QueryInput<typeof ServicePointListQuery>, signal?: AbortSignal) => get<ServicePointList>('/api/service-points', q, signal);
export const nearbyServicePoints = (q: NearbyQuery, signal?: AbortSignal) => get<NearbyServicePoints>('/api/service-points/nearby', q, signal);
export const createServicePoint = (body: z.input<typeof ServicePointCreateBody>) => post<ServicePoint>('/api/service-points', body);
export const updateServicePoint = (id: string, body: ServicePointInput) => patch<ServicePoint>(`/api/service-points/${id}`, body);

export const listTalents = (q: QueryInput<typeof TalentListQuery>, signal?: AbortSignal) => get<TalentList>('/api/talents', q, signal);
export const createTalent = (body: z.input<typeof TalentCreateBody>) => post<Talent>('/api/talents', body);
export const updateTalent = (id: string, body: TalentInput) => patch<Talent>(`/api/talents/${id}`, body);
export const setTalentConsent = (id: string, given: boolean) => api<Talent>(`/api/talents/${id}/consent`, { method: 'PUT', body: { given } satisfies z.input<typeof TalentConsentBody> });
export const revealTalentPhone = (id: string) => post<RevealedPhone>(`/api/talents/${id}/reveal`, {});

export const listCadres = (area: string | undefined, signal?: AbortSignal) => get<CadreList>('/api/cadres', { area }, signal);
export const getAttendance = (q: QueryInput<typeof CadreAttendanceQuery>, signal?: AbortSignal) => get<CadreAttendance>('/api/cadres/attendance', q, signal);
export const setCadreKind = (id: string, kind: z.input<typeof CadreKindBody>['kind']) => patch<Cadre>(`/api/cadres/${id}`, { kind });
export const getMyCadrePage = (signal?: AbortSignal) => get<MyCadrePage>('/api/cadres/me', undefined, signal);
export const checkIn = (where: { lat: number; lng: number } | null) => post<CadreCheckin>('/api/cadres/me/checkins', where ?? {});

export const listTasks = (q: QueryInput<typeof CadreTaskListQuery>, signal?: AbortSignal) => get<CadreTaskList>('/api/cadre-tasks', q, signal);
export const assignTask = (body: TaskInput) => post<CadreTask>('/api/cadre-tasks', body);
export const completeTask = (id: string, body: z.input<typeof CadreTaskCompleteBody>) => post<CadreTask>(`/api/cadre-tasks/${id}/complete`, body);
export const cancelTask = (id: string, reason: string) => post<CadreTask>(`/api/cadre-tasks/${id}/cancel`, { reason });
