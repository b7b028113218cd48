// Emergency events: the switch to wartime and back (平战转换), forces on call, the event's record.
// The answers' and bodies' types are the server's schemas (@gongzhi/domain/contract, docs/API.md).
import type {
  ActiveEmergencies,
  Emergency,
  EmergencyCheckIn,
  EmergencyCheckInBody,
  EmergencyDetail,
  EmergencyForces,
  EmergencyList,
  EmergencyRecord,
  EmergencyStartBody,
  EmergencyTask,
  EmergencyTaskBody,
  EmergencyTasks,
  EmergencyUnit,
  EmergencyUnitBody,
} from '@gongzhi/domain/contract';
import { get, post } from './client.ts';

export { EMERGENCY_KINDS, EMERGENCY_LEVELS } from '@gongzhi/domain';
export type { ActiveEmergency, Emergency, EmergencyDetail, EmergencyKind, EmergencyLevel, EmergencyRecord, EmergencyTask, EmergencyUnit, GridForces } from '@gongzhi/domain/contract';

export const listEmergencies = (signal?: AbortSignal, state?: string) => get<EmergencyList>('/api/emergencies', { state }, signal);
export const activeEmergencies = (areaCode?: string, signal?: AbortSignal) => get<ActiveEmergencies>('/api/emergencies/active', { areaCode }, signal);
export const getEmergency = (id: string, signal?: AbortSignal) => get<EmergencyDetail>(`/api/emergencies/${id}`, undefined, signal);
export const getForces = (id: string, signal?: AbortSignal) => get<EmergencyForces>(`/api/emergencies/${id}/forces`, undefined, signal);
export const getRecord = (id: string, signal?: AbortSignal) => get<EmergencyRecord>(`/api/emergencies/${id}/record`, undefined, signal);
export const switchToWartime = (body: EmergencyStartBody) => post<Emergency>('/api/emergencies', body);
export const endEmergency = (id: string, summary: string) => post<Emergency>(`/api/emergencies/${id}/actions/end`, { summary });
export const addUnit = (id: string, body: EmergencyUnitBody) => post<EmergencyUnit>(`/api/emergencies/${id}/units`, body);
export const checkIn = (id: string, body: EmergencyCheckInBody) => post<EmergencyCheckIn>(`/api/emergencies/${id}/check-ins`, body);

export const listTasks = (id: string, signal?: AbortSignal) => get<EmergencyTasks>(`/api/emergencies/${id}/tasks`, undefined, signal);
export const sendTask = (id: string, body: EmergencyTaskBody) => post<EmergencyTask>(`/api/emergencies/${id}/tasks`, body);
export const ackTask = (taskId: string) => post<EmergencyTask>(`/api/emergency-tasks/${taskId}/ack`, {});
