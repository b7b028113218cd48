// Activities (活动) and volunteers (志愿者): publish, sign up, check in/out, the organiser's list.
import type { z } from 'zod';
import type {
  Activity,
  ActivityBody,
  ActivityList,
  ActivityListQuery,
  Attendance,
  CheckBody,
  CheckinCode,
  MyVolunteer,
  VolunteerBody,
  VolunteerCertificate,
  VolunteerList,
  VolunteerListQuery,
  VolunteerRecord,
  VolunteerRecordBody,
  VolunteerTeam,
  VolunteerTeamBody,
  VolunteerTeamPatchBody,
  VolunteerTeams,
} from '@gongzhi/domain/contract';
import { api, get, patch, post, type QueryInput } from './client.ts';

export const ACTIVITY_KINDS = ['party-day', 'branch-meeting', 'committee-meeting', 'group-meeting', 'party-lecture', 'team-monthly', 'train-policy', 'train-civility', 'train-skills', 'train-welfare', 'volunteer', 'clinic', 'training'] as const;

// The answers' types are the server's response schemas (docs/API.md "The web's types").
export type { Activity, ActivityList, Attendance, AttendanceItem, CheckinCode, VolunteerCertificate as Certificate, VolunteerRecord, VolunteerSummary, VolunteerTeam } from '@gongzhi/domain/contract';
// The request types are the server's request schemas' input (docs/API.md "Request types").

export const listActivities = (q: QueryInput<typeof ActivityListQuery>, signal?: AbortSignal) => get<ActivityList>('/api/activities', q, signal);
export const getActivity = (id: string, signal?: AbortSignal) => get<Activity>(`/api/activities/${id}`, undefined, signal);
export const publishActivity = (body: z.input<typeof ActivityBody>) => post<Activity>('/api/activities', body);
export const signUp = (id: string) => post<Activity>(`/api/activities/${id}/sign-up`);
export const cancelSignUp = (id: string) => post<Activity>(`/api/activities/${id}/cancel-sign-up`);
export const checkIn = (id: string, purpose: 'in' | 'out', body: z.input<typeof CheckBody>) => post<Activity>(`/api/activities/${id}/${purpose === 'in' ? 'check-in' : 'check-out'}`, body);
export const getCode = (id: string, purpose: 'in' | 'out', signal?: AbortSignal) => get<CheckinCode>(`/api/activities/${id}/code`, { purpose }, signal);
export const getAttendance = (id: string, signal?: AbortSignal) => get<Attendance>(`/api/activities/${id}/attendance`, undefined, signal);
export const markAttendance = (id: string, attendanceId: string, mark: 'present' | 'absent' | null) => post<Attendance>(`/api/activities/${id}/attendance/${attendanceId}/mark`, { mark });
export const cancelActivity = (id: string, reason: string) => post<Activity>(`/api/activities/${id}/cancel`, { reason });
export const confirmAttendance = (id: string) => post<Attendance>(`/api/activities/${id}/confirm`);

export const VOLUNTEER_TEAM_KINDS = ['sunset', 'women', 'youth', 'neighbour', 'other'] as const;
export const listVolunteerTeams = (signal?: AbortSignal) => get<VolunteerTeams>('/api/volunteer-teams', undefined, signal);
export const createVolunteerTeam = (body: z.input<typeof VolunteerTeamBody>) => post<VolunteerTeam>('/api/volunteer-teams', body);
export const updateVolunteerTeam = (id: string, body: z.input<typeof VolunteerTeamPatchBody>) => patch<VolunteerTeam>(`/api/volunteer-teams/${id}`, body);
export const myVolunteer = (signal?: AbortSignal) => get<MyVolunteer>('/api/volunteers/me', undefined, signal);
export const registerVolunteer = (body: z.input<typeof VolunteerBody>) => api<VolunteerRecord>('/api/volunteers/me', { method: 'PUT', body });
export const listVolunteers = (q: QueryInput<typeof VolunteerListQuery>, signal?: AbortSignal) => get<VolunteerList>('/api/volunteers', q, signal);
export const getVolunteer = (id: string, signal?: AbortSignal) => get<VolunteerRecord>(`/api/volunteers/${id}`, undefined, signal);
export const updateVolunteer = (id: string, body: z.input<typeof VolunteerRecordBody>) => patch<VolunteerRecord>(`/api/volunteers/${id}`, body);
export const verifyCertificate = (code: string, signal?: AbortSignal) => get<VolunteerCertificate>(`/api/volunteer-certificates/${encodeURIComponent(code)}`, undefined, signal);

/** Issues the certificate and saves the PDF (the browser's download). */
export async function downloadCertificate(): Promise<string> {
  const res = await fetch('/api/volunteers/me/certificate', { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: '{}' });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? `HTTP ${res.status}`);
  }
  const code = res.headers.get('x-certificate-code') ?? '';
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `志愿服务记录证明-${code}.pdf`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return code;
}
