// Emergency events: the switch to wartime and back (平战转换), forces on call, the event's record.
import { get, post } from './client.ts';

export type EmergencyKind = 'flood' | 'typhoon' | 'epidemic' | 'fire' | 'other';
export type EmergencyLevel = 'I' | 'II' | 'III' | 'IV';
export const EMERGENCY_KINDS: EmergencyKind[] = ['flood', 'typhoon', 'epidemic', 'fire', 'other'];
export const EMERGENCY_LEVELS: EmergencyLevel[] = ['I', 'II', 'III', 'IV'];

export interface Emergency {
  id: string;
  kind: EmergencyKind;
  kindName: string;
  level: EmergencyLevel;
  levelName: string;
  reason: string;
  areaCode: string;
  areaName: string | null;
  state: 'active' | 'ended';
  startedAt: string;
  startedByName: string;
  endedAt: string | null;
  endedByName: string | null;
  summary: string | null;
  durationMinutes: number | null;
  allowedActions: string[];
}

export interface ActiveEmergency {
  id: string;
  kind: EmergencyKind;
  kindName: string;
  level: EmergencyLevel;
  levelName: string;
  areaCode: string;
  areaName: string | null;
  startedAt: string;
}

export interface GridForces {
  gridCode: string;
  gridName: string;
  gridWorkers: number;
  cadres: number;
  partyMembers: number;
  volunteers: number;
  total: number;
}

export interface Forces {
  checkedIn: number;
  byGrid: GridForces[];
  recent: { id: string; userName: string; kind: string; kindName: string; gridCode: string; post: string | null; at: string }[];
  myCheckIn: { gridCode: string; at: string } | null;
}

export interface EmergencyUnit {
  id: string;
  kind: 'temp-branch' | 'commando';
  kindName: string;
  name: string;
  areaCode: string;
  leaderName: string | null;
  members: string[];
  createdByName: string;
  createdAt: string;
}

export interface EmergencyDetail extends Emergency {
  timeline: { id: string; action: string; actorName: string; note: string | null; at: string }[];
  units: EmergencyUnit[];
  forces: Forces;
}

export interface EmergencyRecord {
  event: Emergency;
  duration: { minutes: number; text: string };
  forces: { tempBranches: number; commandoTeams: number; unitMembers: number; checkedIn: number; byGrid: GridForces[] };
  campaigns: { id: string; title: string; areaCode: string; state: string; round: number; households: number; reached: number; rounds: { round: number; reached: number }[] }[];
  cases: {
    total: number;
    byCategory: { code: string; name: string; count: number }[];
    byState: { state: string; name: string; count: number }[];
    latest: { id: string; code: string; title: string; state: string; stateName: string; categoryName: string; place: string; createdAt: string }[];
  };
  peopleMoved: { count: number };
  units: EmergencyUnit[];
}

export const listEmergencies = (signal?: AbortSignal, state?: string) => get<{ items: Emergency[]; total: number }>('/api/emergencies', { state }, signal);
export const activeEmergencies = (areaCode?: string, signal?: AbortSignal) => get<{ items: ActiveEmergency[] }>('/api/emergencies/active', { areaCode }, signal);
export const getEmergency = (id: string, signal?: AbortSignal) => get<EmergencyDetail>(`/api/emergencies/${id}`, undefined, signal);
export const getForces = (id: string, signal?: AbortSignal) => get<Forces>(`/api/emergencies/${id}/forces`, undefined, signal);
export const getRecord = (id: string, signal?: AbortSignal) => get<EmergencyRecord>(`/api/emergencies/${id}/record`, undefined, signal);
export const switchToWartime = (body: { areaCode: string; kind: EmergencyKind; level: EmergencyLevel; reason: string }) => post<Emergency>('/api/emergencies', body);
export const endEmergency = (id: string, summary: string) => post<Emergency>(`/api/emergencies/${id}/actions/end`, { summary });
export const addUnit = (id: string, body: { kind: 'temp-branch' | 'commando'; name: string; leaderName?: string; members?: string[] }) => post<EmergencyUnit>(`/api/emergencies/${id}/units`, body);
export const checkIn = (id: string, body: { gridCode?: string; post?: string; lat?: number; lng?: number }) => post<{ id: string; gridCode: string; at: string }>(`/api/emergencies/${id}/check-ins`, body);

/** A task the command sent to the forces on call, with who has acknowledged it (收到). */
export interface EmergencyTask {
  id: string;
  eventId: string;
  title: string;
  detail: string | null;
  areaCode: string;
  areaName: string | null;
  createdByName: string;
  createdAt: string;
  acks: number;
  ackedBy: { userName: string; note: string | null; at: string }[];
  myAck: string | null;
  allowedActions: string[];
}

export const listTasks = (id: string, signal?: AbortSignal) => get<{ items: EmergencyTask[] }>(`/api/emergencies/${id}/tasks`, undefined, signal);
export const sendTask = (id: string, body: { title: string; detail?: string; areaCode?: string }) => post<EmergencyTask>(`/api/emergencies/${id}/tasks`, body);
export const ackTask = (taskId: string) => post<EmergencyTask>(`/api/emergency-tasks/${taskId}/ack`, {});
