// Deliberation meetings (议事会议): agenda, QR check-in, attendance, minutes and files; 金点子 → 议题.
import type { z } from 'zod';
import type { AgendaItemBody, IdeaTopicBody, IdeaTopicResult, MeetingCode, MeetingCreateBody, MeetingDetail, MeetingList, MinutesBody, ScheduledMeetings, SourceTopics } from '@gongzhi/domain/contract';
import { api, get, post } from './client.ts';

export type Meeting = z.infer<typeof MeetingDetail>;
export type MeetingSummary = z.infer<typeof MeetingList>['items'][number];
// The request types come from the server's request schemas (docs/API.md "Request types").
export type AgendaItemInput = z.input<typeof AgendaItemBody>;
export type AgendaSourceType = AgendaItemInput['source'];

export const listMeetings = (deliberationId: string, signal?: AbortSignal) => get<z.infer<typeof MeetingList>>(`/api/deliberations/${deliberationId}/meetings`, undefined, signal);
export const scheduleMeeting = (deliberationId: string, body: z.input<typeof MeetingCreateBody>) =>
  post<Meeting>(`/api/deliberations/${deliberationId}/meetings`, body);
export const getMeeting = (id: string, signal?: AbortSignal) => get<Meeting>(`/api/deliberation-meetings/${id}`, undefined, signal);
export const addAgendaItem = (id: string, body: AgendaItemInput) => post<Meeting>(`/api/deliberation-meetings/${id}/agenda`, body);
export const removeAgendaItem = (id: string, itemId: string) => api<Meeting>(`/api/deliberation-meetings/${id}/agenda/${itemId}`, { method: 'DELETE' });
export const moveAgendaItem = (id: string, itemId: string, direction: 'up' | 'down') => post<Meeting>(`/api/deliberation-meetings/${id}/agenda/${itemId}/move`, { direction });
export const getMeetingCode = (id: string, signal?: AbortSignal) => get<z.infer<typeof MeetingCode>>(`/api/deliberation-meetings/${id}/code`, undefined, signal);
export const checkInMeeting = (id: string, code: string) => post<Meeting>(`/api/deliberation-meetings/${id}/check-in`, { code });
export const markAttendance = (id: string, rollId: string, present: boolean) => post<Meeting>(`/api/deliberation-meetings/${id}/attendance`, { rollId, present });
export const saveMinutes = (id: string, minutes: string) => api<Meeting>(`/api/deliberation-meetings/${id}/minutes`, { method: 'PUT', body: { minutes } satisfies z.input<typeof MinutesBody> });
export const attachMeetingFile = (id: string, fileId: string) => post<Meeting>(`/api/deliberation-meetings/${id}/files`, { fileId });
export const scheduledMeetings = (signal?: AbortSignal) => get<z.infer<typeof ScheduledMeetings>>('/api/deliberation-meetings/scheduled', undefined, signal);
export const ideaToTopic = (ideaId: string, body: z.input<typeof IdeaTopicBody>) => post<z.infer<typeof IdeaTopicResult>>(`/api/ideas/${ideaId}/to-topic`, body);
export const ideaTopics = (ideaId: string, signal?: AbortSignal) => get<z.infer<typeof SourceTopics>>(`/api/ideas/${ideaId}/topics`, undefined, signal);
