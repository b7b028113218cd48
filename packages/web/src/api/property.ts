// 红心物业: types and calls of its API (docs/PROPERTY.md).
import { get, post } from './client.ts';

export { INSPECTION_ITEMS, PROPERTY_GRADES, PROPERTY_SCORE_WEIGHTS } from '@gongzhi/domain/property';
export type { InspectionItem, PropertyGrade, PropertyScoreComponent } from '@gongzhi/domain/property';
import type { PropertyScoreComponent } from '@gongzhi/domain/property';

export interface GradeView {
  grade: string;
  year: number;
  gradeLabel: string;
  list: 'red' | 'black' | null;
}

export interface CompanySummary {
  id: string;
  name: string;
  shortName: string | null;
  areaName: string | null;
  households: number;
  cases: number;
  score: number | null;
  grade: GradeView | null;
}

export interface ScoreLine {
  component: PropertyScoreComponent;
  label: string;
  weight: number;
  ratio: number | null;
  points: number;
  basis: Record<string, number>;
}

export interface CompanyDetail {
  id: string;
  name: string;
  month: string;
  score: number | null;
  base: number | null;
  adjustment: number;
  breakdown: ScoreLine[];
  history: { month: string; score: number | null }[];
  grade: GradeView | null;
  contracts: { id: string; placeName: string; households: number; feePerM2: number; serviceStandard: string; startsOn: string; endsOn: string }[];
  sanctions: { id: string; kind: 'penalty' | 'commendation'; points: number; reason: string; month: string }[];
  inspections: { id: string; placeName: string; score: number; photos: number; note: string | null; inspector: string; inspectedAt: string }[];
}

export interface Grading {
  id: string | null;
  companyId: string;
  companyName: string | null;
  year: number;
  score: number | null;
  currentScore: number | null;
  proposedGrade: string | null;
  grade: string | null;
  reason: string | null;
  state: 'none' | 'proposed' | 'confirmed';
  list: 'red' | 'black' | null;
}

export interface CompoundView {
  id: string;
  name: string;
  address: string | null;
  gridName: string | null;
  company: { id: string; name: string | null } | null;
  hasProperty: boolean;
  grade: GradeView | null;
  blacklisted: boolean;
  coverage: { mode: string; label: string; note: string | null } | null;
  committee: { termStart: string; termEnd: string; members: { name: string; post: string }[]; expired: boolean } | null;
  jointMeeting: { lastHeld: string | null; overdue: boolean };
}

export const listCompanies = (signal?: AbortSignal) => get<{ month: string; items: CompanySummary[] }>('/api/property/companies', undefined, signal);
export const getCompany = (id: string, signal?: AbortSignal) => get<CompanyDetail>(`/api/property/companies/${id}`, undefined, signal);
export const listGradings = (year: number, signal?: AbortSignal) => get<{ year: number; canGrade: boolean; items: Grading[] }>('/api/property/gradings', { year }, signal);
export const proposeGradings = (year: number) => post<{ year: number; items: Grading[] }>('/api/property/gradings/propose', { year });
export const confirmGrading = (id: string, grade: string, reason?: string) => post<Grading>(`/api/property/gradings/${id}/confirm`, { grade, ...(reason ? { reason } : {}) });
export const listCompounds = (signal?: AbortSignal) => get<{ items: CompoundView[] }>('/api/property/compounds', undefined, signal);
export const createInspection = (body: { placeId: string; results: Record<string, boolean>; photoIds: string[]; note?: string }) =>
  post<{ id: string; score: number }>('/api/property/inspections', body);
export const publicLists = (signal?: AbortSignal) => get<{ year: number | null; red: { name: string; grade: string }[]; black: { name: string; grade: string }[] }>('/api/property/lists', undefined, signal);
