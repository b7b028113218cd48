// The four-colour map (风险地图) and evacuation lists (转移安置).
// The answers' and bodies' types are the server's schemas (@gongzhi/domain/contract, docs/API.md).
import type {
  EvacuationAction,
  EvacuationAssignBody,
  EvacuationCreateBody,
  EvacuationDetail,
  EvacuationEntry,
  EvacuationEntryActionBody,
  EvacuationList,
  EvacuationState,
  MyEvacuationEntries,
  RiskColour,
  RiskMap,
  RiskPeople,
} from '@gongzhi/domain/contract';
import { get, post } from './client.ts';

export { EVACUATION_STATES } from '@gongzhi/domain';
export type { Evacuation, EvacuationAction, EvacuationDetail, EvacuationEntry, EvacuationState, RiskPerson } from '@gongzhi/domain/contract';
export type RiskMapData = RiskMap;

export const getRiskMap = (areaCode: string, colours: RiskColour[], signal?: AbortSignal) =>
  get<RiskMap>('/api/risk/map', { areaCode, colours: colours.length ? colours.join(',') : undefined }, signal);
export const getRiskPeople = (areaCode: string, colours: RiskColour[], page: number, pageSize: number, signal?: AbortSignal) =>
  get<RiskPeople>('/api/risk/people', { areaCode, colours: colours.join(','), page, pageSize }, signal);
export const listEvacuations = (signal?: AbortSignal) => get<EvacuationList>('/api/evacuations', undefined, signal);
export const getEvacuation = (id: string, query: { state?: EvacuationState; mine?: boolean }, signal?: AbortSignal) =>
  get<EvacuationDetail>(`/api/evacuations/${id}`, { state: query.state, mine: query.mine ? 'true' : undefined }, signal);
export const createEvacuation = (body: EvacuationCreateBody) => post<EvacuationDetail>('/api/evacuations', body);
export const assignEntries = (id: string, body: EvacuationAssignBody) => post<EvacuationDetail>(`/api/evacuations/${id}/assign`, body);
export const closeEvacuation = (id: string) => post<EvacuationDetail>(`/api/evacuations/${id}/close`);
export const myEntries = (signal?: AbortSignal) => get<MyEvacuationEntries>('/api/evacuation-entries/mine', undefined, signal);
export const entryAction = (id: string, action: EvacuationAction, body: EvacuationEntryActionBody = {}) => post<EvacuationEntry>(`/api/evacuation-entries/${id}/actions/${action}`, body);
export const exportUrl = (id: string) => `/api/evacuations/${id}/export.xlsx`;
