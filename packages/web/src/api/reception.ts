// Reception days (接待日) and leaders' cases (领导包案): the shapes of /api/reception-days, /api/lead-cases.
import type { CaseSummary } from './cases.ts';

export type ReceptionPhase = 'upcoming' | 'ongoing' | 'past';

export interface ReceptionDay {
  id: string;
  areaCode: string;
  areaName: string;
  townName: string | null;
  place: string;
  day: string;
  startTime: string;
  endTime: string;
  leader: { userId: string | null; name: string; title: string | null };
  note: string | null;
  phase: ReceptionPhase;
  cases: number;
  allowedActions: string[];
}

export interface ReceptionDayDetail extends ReceptionDay {
  caseList: { id: string; code: string; title: string; state: string }[];
}

export interface ReceptionList {
  from: string;
  to: string;
  items: ReceptionDay[];
  month: string;
  uncovered: { leaderUserId: string; leaderName: string; areaCode: string; areaName: string }[];
  allowedActions: string[];
}

export interface ReceptionLeader {
  id: string;
  name: string;
  scope: { code: string; name: string };
  attachments: { code: string; name: string; editable: boolean }[];
  allowedActions: string[];
}

export interface PublishedReceptionDay {
  id: string;
  areaCode: string;
  areaName: string;
  place: string;
  day: string;
  startTime: string;
  endTime: string;
  leader: { name: string; title: string | null };
  note: string | null;
  phase: ReceptionPhase;
}

export interface LeadCase extends CaseSummary {
  lead: string;
  receptionDayId: string | null;
}

export interface LeadCaseList {
  total: number;
  openCount: number;
  overdueCount: number;
  closedCount: number;
  items: LeadCase[];
}
