// The four-colour map (风险地图) and evacuation lists (转移安置).
import { get, post } from './client.ts';
import type { RiskColour } from './types.ts';

export type EvacuationState = 'pending' | 'moving' | 'arrived' | 'refused' | 'returned';
export type EvacuationAction = 'start' | 'arrive' | 'refuse' | 'return';
export const EVACUATION_STATES: EvacuationState[] = ['pending', 'moving', 'arrived', 'refused', 'returned'];

export interface ColourCounts {
  red: number;
  orange: number;
  yellow: number;
  blue: number;
  total: number;
}

export interface RiskMarker {
  code: string;
  name: string;
  level: string;
  gridCode: string;
  gridName: string;
  lat: number;
  lng: number;
  placedBy: 'building' | 'grid';
  worst: RiskColour | null;
  /** Buildings the dot stands for: a grid's cluster gathers its buildings without a position. */
  buildings: number;
  counts: ColourCounts;
}

export interface RiskMapData {
  area: { code: string; name: string; level: string };
  by: 'building' | 'grid';
  colours: RiskColour[];
  total: ColourCounts;
  grids: { code: string; name: string; centre: [number, number] | null; counts: ColourCounts; worst: RiskColour | null }[];
  markers: RiskMarker[];
  approximate: number;
  unplaced: number;
}

export interface RiskPerson {
  id: string;
  name: string;
  gender: string;
  age: number | null;
  phone: string | null;
  tags: string[];
  householdId: string;
  areaCode: string;
  address: string;
  riskColour: RiskColour;
}

export type StateCounts = Record<EvacuationState, number> & { total: number };

export interface Evacuation {
  id: string;
  title: string;
  areaCode: string;
  areaName: string | null;
  emergencyId: string | null;
  colours: RiskColour[];
  withNeedsHelp: boolean;
  state: 'open' | 'closed';
  createdByName: string;
  createdAt: string | null;
  closedAt: string | null;
  counts: StateCounts;
  allowedActions: string[];
}

export interface EvacuationEntry {
  id: string;
  evacuationId: string;
  evacuationTitle: string;
  personId: string;
  name: string;
  gender: string;
  age: number | null;
  phone: string | null;
  needsHelp: boolean;
  helpTags: string[];
  householdId: string | null;
  areaCode: string;
  address: string;
  riskColour: RiskColour | null;
  reasons: string[];
  destination: { placeId: string | null; name: string | null; text: string | null };
  responsible: { id: string; name: string | null } | null;
  state: EvacuationState;
  refusedReason: string | null;
  arrivedAt: string | null;
  arrivedByName: string | null;
  note: string | null;
  updatedAt: string | null;
  allowedActions: EvacuationAction[];
}

export interface EvacuationDetail extends Evacuation {
  items: EvacuationEntry[];
  assignees: { id: string; name: string }[];
  shelters: { id: string; name: string; kind: string; areaCode: string; address: string | null }[];
}

export interface AssignBody {
  destinationPlaceId?: string | null;
  destinationText?: string | null;
  responsibleId?: string | null;
}

export const getRiskMap = (areaCode: string, colours: RiskColour[], signal?: AbortSignal) =>
  get<RiskMapData>('/api/risk/map', { areaCode, colours: colours.length ? colours.join(',') : undefined }, signal);
export const getRiskPeople = (areaCode: string, colours: RiskColour[], page: number, pageSize: number, signal?: AbortSignal) =>
  get<{ total: number; items: RiskPerson[] }>('/api/risk/people', { areaCode, colours: colours.join(','), page, pageSize }, signal);
export const listEvacuations = (signal?: AbortSignal) => get<{ items: Evacuation[]; total: number }>('/api/evacuations', undefined, signal);
export const getEvacuation = (id: string, query: { state?: EvacuationState; mine?: boolean }, signal?: AbortSignal) =>
  get<EvacuationDetail>(`/api/evacuations/${id}`, { state: query.state, mine: query.mine ? 'true' : undefined }, signal);
export const createEvacuation = (body: { title: string; areaCode: string; colours: RiskColour[]; withNeedsHelp: boolean } & AssignBody) => post<EvacuationDetail>('/api/evacuations', body);
export const assignEntries = (id: string, body: { entryIds: string[] } & AssignBody) => post<EvacuationDetail>(`/api/evacuations/${id}/assign`, body);
export const closeEvacuation = (id: string) => post<EvacuationDetail>(`/api/evacuations/${id}/close`);
export const myEntries = (signal?: AbortSignal) => get<{ items: EvacuationEntry[]; total: number; counts: StateCounts }>('/api/evacuation-entries/mine', undefined, signal);
export const entryAction = (id: string, action: EvacuationAction, body: { reason?: string } = {}) => post<EvacuationEntry>(`/api/evacuation-entries/${id}/actions/${action}`, body);
export const exportUrl = (id: string) => `/api/evacuations/${id}/export.xlsx`;
