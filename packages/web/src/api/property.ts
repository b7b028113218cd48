// 红心物业: types and calls of its API (docs/PROPERTY.md).
import { api, get, patch, post } from './client.ts';

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
  contracts: Contract[];
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
  committee: { id: string; termStart: string; termEnd: string; members: CommitteeMember[]; expired: boolean } | null;
  jointMeeting: { lastHeld: string | null; overdue: boolean };
}

export interface CommitteeMember {
  name: string;
  post: '主任' | '副主任' | '委员';
}

export interface Contract {
  id: string;
  unitId: string;
  placeId: string;
  placeName: string;
  households: number;
  feePerM2: number;
  serviceStandard: string;
  startsOn: string;
  endsOn: string;
}

export type CompoundAction = 'contract' | 'committee' | 'joint-meeting' | 'coverage' | 'evaluate' | 'inspect';

export interface CompoundDetail extends CompoundView {
  contracts: Contract[];
  owners: { count: number; area: string };
  evaluations: { id: string; month: string; score: number; note: string | null }[];
  jointMeetings: { id: string; heldOn: string; attendees: string; topics: string; deliberationId: string | null }[];
  allowedActions: CompoundAction[];
}

export interface Bill {
  id: string;
  companyId: string;
  householdId: string;
  areaCode: string;
  address?: string | null;
  doorplate?: string | null;
  period: string;
  amount: number;
  offset: number;
  paid: number;
  balance: number;
}

export interface Collection {
  companyId: string;
  firstOffsetPeriod: string | null;
  before: { bills: number; settled: number; rate: number | null };
  after: { bills: number; settled: number; rate: number | null };
}

export const COVERAGE_MODES = ['community', 'red-property', 'self-managed'] as const;

export const listCompanies = (signal?: AbortSignal) => get<{ month: string; items: CompanySummary[] }>('/api/property/companies', undefined, signal);
export const getCompany = (id: string, signal?: AbortSignal) => get<CompanyDetail>(`/api/property/companies/${id}`, undefined, signal);
export const listGradings = (year: number, signal?: AbortSignal) => get<{ year: number; canGrade: boolean; items: Grading[] }>('/api/property/gradings', { year }, signal);
export const proposeGradings = (year: number) => post<{ year: number; items: Grading[] }>('/api/property/gradings/propose', { year });
export const confirmGrading = (id: string, grade: string, reason?: string) => post<Grading>(`/api/property/gradings/${id}/confirm`, { grade, ...(reason ? { reason } : {}) });
export const listCompounds = (signal?: AbortSignal) => get<{ items: CompoundView[] }>('/api/property/compounds', undefined, signal);
export const createInspection = (body: { placeId: string; results: Record<string, boolean>; photoIds: string[]; note?: string }) =>
  post<{ id: string; score: number }>('/api/property/inspections', body);
export const publicLists = (signal?: AbortSignal) => get<{ year: number | null; red: { name: string; grade: string }[]; black: { name: string; grade: string }[] }>('/api/property/lists', undefined, signal);
export const getCompound = (id: string, signal?: AbortSignal) => get<CompoundDetail>(`/api/property/compounds/${id}`, undefined, signal);
export const compoundHouseholds = (id: string, signal?: AbortSignal) => get<{ items: { id: string; address: string | null; doorplate: string | null }[] }>(`/api/property/compounds/${id}/households`, undefined, signal);
export type ContractInput = { households: number; feePerM2: number; serviceStandard: string; startsOn: string; endsOn: string };
export const createContract = (body: ContractInput & { placeId: string }) => post<Contract>('/api/property/contracts', body);
export const updateContract = (id: string, body: Partial<ContractInput>) => patch<Contract>(`/api/property/contracts/${id}`, body);
export type CommitteeInput = { termStart: string; termEnd: string; members: CommitteeMember[] };
export const createCommittee = (body: CommitteeInput & { placeId: string }) => post<{ id: string }>('/api/property/committees', body);
export const updateCommittee = (id: string, body: Partial<CommitteeInput>) => patch<{ id: string }>(`/api/property/committees/${id}`, body);
export const setCoverage = (placeId: string, body: { mode: string; companyId?: string | null; note?: string }) => api<{ mode: string }>(`/api/property/compounds/${placeId}/coverage`, { method: 'PUT', body });
export const recordJointMeeting = (body: { placeId: string; heldOn: string; attendees: string; topics: string }) => post<{ id: string }>('/api/property/joint-meetings', body);
export const recordEvaluation = (body: { placeId: string; month: string; score: number; note?: string }) => post<{ id: string }>('/api/property/evaluations', body);
export const recordSanction = (body: { companyId: string; kind: 'penalty' | 'commendation'; points: number; reason: string; month: string }) => post<{ id: string }>('/api/property/sanctions', body);
export const listBills = (q: { period?: string; placeId?: string; householdId?: string }, signal?: AbortSignal) => get<{ items: Bill[] }>('/api/property/bills', q, signal);
export const createBill = (body: { householdId: string; period: string; amount: number }) => post<Bill>('/api/property/bills', body);
export const payBill = (id: string, amount: number) => post<Bill>(`/api/property/bills/${id}/payments`, { amount });
export const billRedemptions = (id: string, signal?: AbortSignal) => get<{ items: { id: string; points: number; offset: number; userName: string; confirmedAt: string | null }[] }>(`/api/property/bills/${id}/redemptions`, undefined, signal);
export const offsetBill = (id: string, redemptionId: string) => post<Bill>(`/api/property/bills/${id}/offsets`, { redemptionId });
export const getCollection = (companyId: string, signal?: AbortSignal) => get<Collection>(`/api/property/companies/${companyId}/collection`, undefined, signal);
