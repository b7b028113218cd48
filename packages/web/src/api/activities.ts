// Activities (活动) and volunteers (志愿者): publish, sign up, check in/out, the organiser's list.
import { api, get, patch, post } from './client.ts';

export const ACTIVITY_KINDS = ['party-day', 'branch-meeting', 'committee-meeting', 'group-meeting', 'party-lecture', 'team-monthly', 'train-policy', 'train-civility', 'train-skills', 'train-welfare', 'volunteer', 'clinic', 'training'] as const;

export interface Activity {
  id: string;
  kind: string;
  kindLabel: string;
  title: string;
  description: string;
  area: { code: string; name: string };
  place: string;
  startsAt: string;
  endsAt: string;
  capacity: number | null;
  signedUp: number;
  checkedIn: number;
  /** Once the list is confirmed: present and no-shows (未到). */
  present: number;
  absent: number;
  audience: string;
  audienceLabel: string;
  pointsMode: string;
  pointsModeLabel: string;
  points: number;
  ruleCode: string | null;
  basis: string;
  team: { id: string; name: string } | null;
  /** The 赋能清单 offer a 直通车 activity brings. */
  offer: { id: string; title: string; unitName: string } | null;
  state: 'published' | 'confirmed' | 'cancelled';
  stateLabel: string;
  confirmedAt: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  mine: { state: string; checkInAt: string | null; checkOutAt: string | null; outcome: string | null; minutes: number | null; points: number | null } | null;
  allowedActions: string[];
}

export interface AttendanceItem {
  id: string;
  name: string;
  state: string;
  signedUpAt: string;
  checkInAt: string | null;
  checkOutAt: string | null;
  located: boolean;
  mark: 'present' | 'absent' | null;
  outcome: 'present' | 'absent' | null;
  minutes: number | null;
  points: number | null;
  pointsNote: string | null;
}

export interface Attendance {
  activity: { id: string; title: string; state: string; startsAt: string; endsAt: string; cancelReason: string | null };
  summary: { signedUp: number; checkedIn: number; present: number; absent: number };
  items: AttendanceItem[];
}

export interface CheckinCode {
  purpose: 'in' | 'out';
  token: string;
  path: string;
  svg: string;
  refreshAt: string;
  periodSeconds: number;
  open: boolean;
}

export interface VolunteerRecord {
  id: string;
  name: string;
  gender: string | null;
  idNumber: string | null;
  phone: string | null;
  community: { code: string; name: string };
  team: { id: string; name: string } | null;
  skills: string[];
  availability: string;
  registeredAt: string;
  hours: number;
  services: number;
  trainings: number;
  /** Signed up, confirmed absent (未到). */
  noShows: number;
  trainingRecords: { title: string; on: string; hours: number }[];
  commendations: { title: string; on: string }[];
  evaluation: string;
  history: { activityId: string; kindLabel: string; title: string; startsAt: string; outcome: string | null; minutes: number | null; points: number | null }[];
}

export interface VolunteerSummary {
  id: string;
  name: string;
  team: string | null;
  skills: string[];
  availability: string;
  hours: number;
  services: number;
  trainings: number;
  noShows: number;
  registeredAt: string;
}

export interface Certificate {
  code: string;
  issuedAt: string;
  figures: { name: string; idNumber: string | null; community: string; team: string | null; hours: number; services: number; trainings: number; commendations: number; firstService: string | null; lastService: string | null; issuer: string; issuedAt: string };
}

export const listActivities = (q: { state?: string; kind?: string; relation?: 'mine'; upcoming?: boolean; page?: number; pageSize?: number }, signal?: AbortSignal) =>
  get<{ total: number; items: Activity[] }>('/api/activities', { ...q, upcoming: q.upcoming ? 'true' : undefined }, signal);
export const getActivity = (id: string, signal?: AbortSignal) => get<Activity>(`/api/activities/${id}`, undefined, signal);
export const publishActivity = (body: Record<string, unknown>) => post<Activity>('/api/activities', body);
export const signUp = (id: string) => post<Activity>(`/api/activities/${id}/sign-up`);
export const cancelSignUp = (id: string) => post<Activity>(`/api/activities/${id}/cancel-sign-up`);
export const checkIn = (id: string, purpose: 'in' | 'out', body: { token: string; lat?: number; lng?: number }) => post<Activity>(`/api/activities/${id}/${purpose === 'in' ? 'check-in' : 'check-out'}`, body);
export const getCode = (id: string, purpose: 'in' | 'out', signal?: AbortSignal) => get<CheckinCode>(`/api/activities/${id}/code`, { purpose }, signal);
export const getAttendance = (id: string, signal?: AbortSignal) => get<Attendance>(`/api/activities/${id}/attendance`, undefined, signal);
export const markAttendance = (id: string, attendanceId: string, mark: 'present' | 'absent' | null) => post<Attendance>(`/api/activities/${id}/attendance/${attendanceId}/mark`, { mark });
export const cancelActivity = (id: string, reason: string) => post<Activity>(`/api/activities/${id}/cancel`, { reason });
export const confirmAttendance = (id: string) => post<Attendance>(`/api/activities/${id}/confirm`);

export const VOLUNTEER_TEAM_KINDS = ['sunset', 'women', 'youth', 'neighbour', 'other'] as const;
export interface VolunteerTeam {
  id: string;
  name: string;
  kind: string;
  kindLabel: string;
  leader: string;
  description: string;
  areaCode: string;
  area: { code: string; name: string };
  members: number;
  allowedActions: string[];
}
export const listVolunteerTeams = (signal?: AbortSignal) => get<{ items: VolunteerTeam[] }>('/api/volunteer-teams', undefined, signal);
export const createVolunteerTeam = (body: { name: string; kind: string; leader: string; description: string; areaCode: string }) => post<VolunteerTeam>('/api/volunteer-teams', body);
export const updateVolunteerTeam = (id: string, body: { name?: string; kind?: string; leader?: string; description?: string }) => patch<VolunteerTeam>(`/api/volunteer-teams/${id}`, body);
export const myVolunteer = (signal?: AbortSignal) => get<{ volunteer: VolunteerRecord | null }>('/api/volunteers/me', undefined, signal);
export const registerVolunteer = (body: { teamId: string | null; skills: string[]; availability: string }) => api<VolunteerRecord>('/api/volunteers/me', { method: 'PUT', body });
export const listVolunteers = (q: { page?: number; pageSize?: number }, signal?: AbortSignal) => get<{ total: number; items: VolunteerSummary[] }>('/api/volunteers', q, signal);
export const getVolunteer = (id: string, signal?: AbortSignal) => get<VolunteerRecord>(`/api/volunteers/${id}`, undefined, signal);
export const updateVolunteer = (id: string, body: { evaluation?: string; commendations?: { title: string; on: string }[]; trainings?: { title: string; on: string; hours: number }[] }) => patch<VolunteerRecord>(`/api/volunteers/${id}`, body);
export const verifyCertificate = (code: string, signal?: AbortSignal) => get<Certificate>(`/api/volunteer-certificates/${encodeURIComponent(code)}`, undefined, signal);

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
