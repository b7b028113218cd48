// 红心物业: the calls of its API and their input shapes (docs/PROPERTY.md).
import type {
  Bill,
  BillBody,
  BillList,
  BillListQuery,
  BillRedemptions,
  Collection,
  CommitteeBody,
  CommitteePatchBody,
  CommitteeRecord,
  CoverageBody,
  EvaluationBody,
  InspectionBody,
  JointMeetingBody,
  SanctionBody,
  CompanyDetail,
  CompanyList,
  CompoundDetail,
  CompoundHouseholds,
  CompoundList,
  ContractRecord,
  CoverageRecord,
  EvaluationRecord,
  Grading,
  GradingList,
  InspectionRecord,
  JointMeetingRecord,
  PropertyContractBody,
  PropertyContractPatchBody,
  PropertyLists,
  SanctionRecord,
} from '@gongzhi/domain/contract';
import type { z } from 'zod';
import { api, get, patch, post, type QueryInput } from './client.ts';
import type { FirstRequest } from './preload.ts';

export { INSPECTION_ITEMS, PROPERTY_GRADES, PROPERTY_SCORE_WEIGHTS } from '@gongzhi/domain/property';
export type { InspectionItem, PropertyGrade, PropertyScoreComponent } from '@gongzhi/domain/property';

// The answers come from the server's response schemas (packages/domain/src/contract/property.ts).
export type {
  Bill,
  Collection,
  CommitteeMember,
  CompanyDetail,
  CompanySummary,
  CompoundAction,
  CompoundDetail,
  CompoundView,
  Contract,
  ContractRecord,
  GradeView,
  Grading,
  GradingRow,
  PropertyLists,
  ScoreLine,
} from '@gongzhi/domain/contract';

export const COVERAGE_MODES = ['community', 'red-property', 'self-managed'] as const;

export const listCompanies = (signal?: AbortSignal) => get<CompanyList>('/api/property/companies', undefined, signal);
export const getCompany = (id: string, signal?: AbortSignal) => get<CompanyDetail>(`/api/property/companies/${id}`, undefined, signal);
export const listGradings = (year: number, signal?: AbortSignal) => get<GradingList>('/api/property/gradings', { year }, signal);
export const proposeGradings = (year: number) => post<GradingList>('/api/property/gradings/propose', { year });
export const confirmGrading = (id: string, grade: string, reason?: string) => post<Grading>(`/api/property/gradings/${id}/confirm`, { grade, ...(reason ? { reason } : {}) });
export const listCompounds = (signal?: AbortSignal) => get<CompoundList>('/api/property/compounds', undefined, signal);
export const createInspection = (body: z.input<typeof InspectionBody>) =>
  post<InspectionRecord>('/api/property/inspections', body);
/** The public red and black lists (the server's render of 回音壁 asks for them too: api/preload.ts). */
export const publicListsRequest: FirstRequest = { path: '/api/property/lists' };
export const publicLists = (signal?: AbortSignal) => get<PropertyLists>(publicListsRequest.path, undefined, signal);
export const getCompound = (id: string, signal?: AbortSignal) => get<CompoundDetail>(`/api/property/compounds/${id}`, undefined, signal);
export const compoundHouseholds = (id: string, signal?: AbortSignal) => get<CompoundHouseholds>(`/api/property/compounds/${id}/households`, undefined, signal);
// The contracts' and committees' request types come from the server's request schemas (docs/API.md "Request types").
export type ContractInput = z.input<typeof PropertyContractPatchBody>;
export const createContract = (body: z.input<typeof PropertyContractBody>) => post<ContractRecord>('/api/property/contracts', body);
export const updateContract = (id: string, body: ContractInput) => patch<ContractRecord>(`/api/property/contracts/${id}`, body);
export type CommitteeInput = z.input<typeof CommitteePatchBody>;
export const createCommittee = (body: z.input<typeof CommitteeBody>) => post<CommitteeRecord>('/api/property/committees', body);
export const updateCommittee = (id: string, body: CommitteeInput) => patch<CommitteeRecord>(`/api/property/committees/${id}`, body);
export const setCoverage = (placeId: string, body: z.input<typeof CoverageBody>) => api<CoverageRecord>(`/api/property/compounds/${placeId}/coverage`, { method: 'PUT', body });
export const recordJointMeeting = (body: z.input<typeof JointMeetingBody>) => post<JointMeetingRecord>('/api/property/joint-meetings', body);
export const recordEvaluation = (body: z.input<typeof EvaluationBody>) => post<EvaluationRecord>('/api/property/evaluations', body);
export const recordSanction = (body: z.input<typeof SanctionBody>) => post<SanctionRecord>('/api/property/sanctions', body);
export const listBills = (q: QueryInput<typeof BillListQuery>, signal?: AbortSignal) => get<BillList>('/api/property/bills', q, signal);
export const createBill = (body: z.input<typeof BillBody>) => post<Bill>('/api/property/bills', body);
export const payBill = (id: string, amount: number) => post<Bill>(`/api/property/bills/${id}/payments`, { amount });
export const billRedemptions = (id: string, signal?: AbortSignal) => get<BillRedemptions>(`/api/property/bills/${id}/redemptions`, undefined, signal);
export const offsetBill = (id: string, redemptionId: string) => post<Bill>(`/api/property/bills/${id}/offsets`, { redemptionId });
export const getCollection = (companyId: string, signal?: AbortSignal) => get<Collection>(`/api/property/companies/${companyId}/collection`, undefined, signal);
