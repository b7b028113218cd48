// Shapes of the case (案件) API and the calls the case screens make; docs/CASES.md describes them.
import { api, ApiError, get, post } from './client.ts';
import type { AreaDetail } from './types.ts';

export type CaseState = 'reported' | 'accepted' | 'dispatched' | 'acknowledged' | 'handled' | 'closed' | 'rejected' | 'withdrawn' | 'merged' | 'suspended';
export const CASE_STATES: readonly CaseState[] = ['reported', 'accepted', 'dispatched', 'acknowledged', 'handled', 'closed', 'rejected', 'withdrawn', 'merged', 'suspended'];
export const OPEN_STATES: readonly CaseState[] = ['reported', 'accepted', 'dispatched', 'acknowledged', 'handled', 'suspended'];

export type CaseAction =
  | 'accept'
  | 'reject'
  | 'escalate'
  | 'dispatch'
  | 'acknowledge'
  | 'return'
  | 'feedback'
  | 'request-extension'
  | 'approve-extension'
  | 'deny-extension'
  | 'handle'
  | 'verify-pass'
  | 'verify-fail'
  | 'rate'
  | 'reopen'
  | 'urge'
  | 'merge'
  | 'unmerge'
  | 'suspend'
  | 'resume'
  | 'withdraw';

export type Channel = 'qr' | 'mobile' | 'patrol' | 'hotline' | 'reception' | 'visit' | 'mailbox' | 'open311' | 'console';
export const CHANNELS: readonly Channel[] = ['qr', 'mobile', 'patrol', 'hotline', 'reception', 'visit', 'mailbox', 'open311', 'console'];
export type Rating = 'satisfied' | 'basically-satisfied' | 'unsatisfied';
export const RATINGS: readonly Rating[] = ['satisfied', 'basically-satisfied', 'unsatisfied'];
export type OwnerLevel = 'village' | 'town' | 'district';
/** Coordinate systems a point may arrive in; the server stores WGS84. */
export type Crs = 'wgs84' | 'gcj02' | 'bd09';

export interface DeadlineSpec {
  unit: 'hours' | 'workingDays';
  amount: number;
}
export interface StepDeadlines {
  accept: DeadlineSpec;
  acknowledge: DeadlineSpec;
  handle: DeadlineSpec;
  verify: DeadlineSpec;
}
export const DEADLINE_STEPS = ['accept', 'acknowledge', 'handle', 'verify'] as const;

export interface CatalogueType {
  code: string;
  name: string;
  parentCode: string | null;
  leaf: boolean;
  keywords: string[];
  deadline: StepDeadlines;
  handlingLevel: OwnerLevel;
  urgent: boolean;
  verifyOnSite: boolean;
  /** Dispatched at intake to the default unit (自动派遣). */
  autoDispatch?: boolean;
  /** Hour limits count clock hours, not office hours (全天候). */
  roundTheClock?: boolean;
  /** 超期督办、上报: supervision when a unit is overdue, escalation to the district after n working days (null = never). */
  overdueChain?: { supervise: boolean; escalateAfterWorkingDays: number | null };
  defaultUnitCode: string | null;
  active: boolean;
  allowedActions?: string[];
}

export interface CaseSummary {
  id: string;
  code: string;
  state: CaseState;
  stateLabel: string;
  title: string;
  categoryCode: string;
  categoryName: string | null;
  areaCode: string;
  areaName: string | null;
  /** 状元街居委会 第一网格: the place as a person reads it. */
  place?: string | null;
  channel: Channel;
  ownerLevel: OwnerLevel;
  urgent: boolean;
  deadline: string | null;
  stepDeadline: string | null;
  overdue: boolean;
  warning: boolean;
  rating: Rating | null;
  reworkCount: number;
  createdAt: string;
  /** Duplicate group: its primary's id, and how many members the caller sees. */
  groupId?: string | null;
  groupSize?: number | null;
}

/** A duplicate group (GET /api/cases/{id}/group). */
export interface CaseGroup {
  groupId: string | null;
  primaryId: string | null;
  members: { id: string; code: string; title: string; description: string; address: string | null; state: CaseState; stateLabel: string; role: 'primary' | 'candidate' | 'merged'; createdAt: string; allowedActions: string[] }[];
  allowedActions: string[];
}

export interface FileRef {
  id: string;
  name: string;
  mime?: string;
  size?: number;
  url: string;
  /** A photo taken without a connection: kept on the phone and uploaded by the 待发送 queue (lib/outbox.ts). */
  local?: File;
}

/** A form's photos split into those already uploaded (ids) and those still on the phone. */
export function splitPhotos(files: FileRef[]): { ids: string[]; local: File[] } {
  return { ids: files.filter((f) => !f.local).map((f) => f.id), local: files.flatMap((f) => (f.local ? [f.local] : [])) };
}

export interface TimelineEntry {
  action: string;
  actionLabel: string;
  fromState: CaseState | null;
  toState: CaseState | null;
  actor: string | null;
  actorUnit: string | null;
  at: string;
  note?: string;
  attachments: FileRef[];
  detail?: Record<string, unknown>;
}

export interface CaseUnitRow {
  id: string;
  name: string;
  role: 'lead' | 'assist';
  status: string;
  note: string | null;
}

export interface CaseDetail extends CaseSummary {
  description: string;
  address: string | null;
  location: { lat: number; lng: number; crs?: string } | null;
  /** Where the on-site check was passed (staff only). */
  verifyLocation?: { lat: number; lng: number; crs?: string } | null;
  /** 领导包案: the leader who took it at a reception day (接待日). */
  lead?: { name: string; userId: string | null; receptionDayId: string | null } | null;
  public: boolean;
  ownerArea: { code: string; name: string };
  villageName: string | null;
  townName: string | null;
  handlerUnit?: { id: string; name: string };
  units?: CaseUnitRow[];
  reporter?: { name: string | null; phone: string | null; anonymous: boolean };
  pendingExtension: { workingDays: number; reason: string; requestedBy: string | null; requestedAt: string } | null;
  answer: string | null;
  /** Merged (the reporter's view): the case it was merged into, whose progress and answer are this report's. */
  followed?: { code: string; state: CaseState; stateLabel: string; answer: string | null; closedAt: string | null; timeline: { action: string; actionLabel: string; at: string; note?: string }[] };
  ratingComment: string | null;
  /** `reporter` (their own) or `visit` (recorded by staff on a return visit, 回访). */
  ratedBy?: 'reporter' | 'visit' | null;
  ratedAt?: string | null;
  mergedIntoId: string | null;
  closedAt: string | null;
  attachments: FileRef[];
  timeline: TimelineEntry[];
  allowedActions: CaseAction[];
  /** 5321 on property cases (staff only). */
  response5321?: Response5321View;
}

export type Step5321 = 'learn' | 'plan' | 'reply';
export type Tier5321 = 'general' | 'larger' | 'complex';
export type Status5321 = 'done' | 'late' | 'overdue' | 'running' | 'waiting';

export interface Response5321View {
  startedAt: string;
  steps: { step: Step5321; dueAt: string; doneAt: string | null }[];
  tier: Tier5321 | null;
  tierBy: 'handler' | 'centre' | null;
  resolveDueAt: string | null;
  status: Record<Step5321 | 'resolve', Status5321>;
  allowedActions: ('step' | 'tier')[];
}

export const record5321 = (id: string, body: { step?: Step5321; tier?: Tier5321; note?: string }) => post<CaseDetail>(`/api/cases/${id}/5321`, body);

export type AssessmentGrade = 'excellent' | 'good' | 'fair' | 'poor';

export interface Assessment {
  unit: { id: string; name: string };
  timeliness: AssessmentGrade;
  quality: AssessmentGrade;
  attitude: AssessmentGrade;
  score: number;
  comment: string | null;
  assessedBy: string;
  assessedAt: string;
  revisions: number;
}

export interface Assessments {
  items: Assessment[];
  units: { id: string; name: string; role: 'lead' | 'assist'; suggestedTimeliness: AssessmentGrade | null }[];
  allowedActions: 'assess'[];
}

export const getAssessments = (id: string, signal?: AbortSignal) => get<Assessments>(`/api/cases/${id}/assessments`, undefined, signal);
export const saveAssessment = (id: string, unitId: string, body: { timeliness: AssessmentGrade; quality: AssessmentGrade; attitude: AssessmentGrade; comment?: string | null }) =>
  api<Assessment>(`/api/cases/${id}/assessments/${unitId}`, { method: 'PUT', body });

export interface SimilarCase {
  id: string;
  code: string;
  title: string;
  state: CaseState;
  createdAt: string;
  score: number;
}

export interface CreatedCase extends CaseDetail {
  duplicates: SimilarCase[];
  /** The reporter's secret for tracking, rating and withdrawing (cases reported without an account). */
  queryCode?: string;
}

export interface CaseList {
  total: number;
  page: number;
  pageSize: number;
  counts: Partial<Record<CaseState, number>>;
  overdueCount: number;
  /** Warned, not yet overdue (即将超期). */
  dueSoonCount: number;
  items: CaseSummary[];
}

export interface CaseQuery {
  state?: string;
  area?: string;
  category?: string;
  channel?: string;
  overdue?: boolean;
  dueSoon?: boolean;
  from?: string;
  to?: string;
  q?: string;
  /** With `q`: best match first (default) or newest first. */
  sort?: 'relevance' | 'newest';
  box?: 'mine' | 'revisit' | 'all';
  page?: number;
  pageSize?: number;
}

export interface CaseInput {
  title: string;
  description: string;
  categoryCode: string;
  channel: Channel;
  areaCode?: string;
  location?: { lat: number; lng: number; crs?: Crs };
  address?: string;
  reporter?: { name?: string; phone?: string };
  public?: boolean;
  attachments?: string[];
  urgent?: boolean;
  onSpot?: { note: string; attachments?: string[] };
}

export interface ActionBody {
  reason?: string;
  note?: string;
  unitId?: string;
  assistUnitIds?: string[];
  workingDays?: number;
  attachments?: string[];
  score?: Rating;
  comment?: string;
  intoCaseId?: string;
  /** verify-pass: where the verifier stands. */
  location?: { lat: number; lng: number; crs?: Crs };
}

export interface WallItem {
  code: string;
  title: string;
  description: string;
  categoryName: string;
  place: string;
  answer: string | null;
  rating: Rating | null;
  ratingComment: string | null;
  state: string;
  reportedAt: string;
  closedAt: string | null;
}

export interface PublicArea {
  code: string;
  name: string;
  level: string;
  path: { code: string; name: string; level: string }[];
}

export interface NotificationItem {
  id: number;
  caseId: string | null;
  caseCode: string | null;
  kind: string;
  title: string;
  createdAt: string;
  readAt: string | null;
}

export interface Open311Key {
  id: string;
  name: string;
  keyHint: string;
  createdAt: string;
  revokedAt: string | null;
}

/** `/api/areas/{code}` with the names of every ancestor, in or out of the caller's scope. */
export interface AreaWithFullPath extends AreaDetail {
  fullPath?: { code: string; name: string; level: string; inScope: boolean }[];
}

// ---- calls ----------------------------------------------------------------------------------

export const listCases = (q: CaseQuery, signal?: AbortSignal) => get<CaseList>('/api/cases', { ...q }, signal);
export const getCase = (id: string, signal?: AbortSignal) => get<CaseDetail>(`/api/cases/${id}`, undefined, signal);
export const caseAction = (id: string, action: CaseAction, body: ActionBody = {}) => post<CaseDetail>(`/api/cases/${id}/actions/${action}`, body);

/** Registers a case; the key makes a repeated submit (double tap, retry after a lost answer) return the first case. */
export const createCase = (input: CaseInput, idempotencyKey: string) =>
  api<CreatedCase>('/api/cases', { method: 'POST', body: input, headers: { 'Idempotency-Key': idempotencyKey } });

/** Tracks a case by its code and the reporter's query code; a signed-in reporter's own case needs no query code. */
export const trackCase = (code: string, queryCode: string | undefined, signal?: AbortSignal) =>
  get<CaseDetail>(`/api/track/${encodeURIComponent(code)}`, queryCode ? { queryCode } : undefined, signal);

export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}

export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_ATTACHMENTS = 9;
export const ACCEPTED_FILES = 'image/jpeg,image/png,image/webp,image/gif,image/heic,image/heif,application/pdf';

/** The upload token of the report form in progress (anonymous uploads only; see `resetUploadToken`). */
let uploadToken: Promise<string> | null = null;

/** A new report form starts: its anonymous uploads get a token of their own. */
export function resetUploadToken() {
  uploadToken = null;
}

async function anonymousUploadToken(): Promise<string> {
  uploadToken ??= post<{ token: string }>('/api/files/upload-token', {}).then(
    (r) => r.token,
    (e: unknown) => {
      uploadToken = null;
      throw e;
    },
  );
  return uploadToken;
}

/**
 * Uploads one photo or PDF (`POST /api/files`, multipart field `file`). Signed in, it just uploads;
 * without a session (the QR report page) it asks once per report form for an upload token.
 */
export async function uploadFile(file: File): Promise<FileRef> {
  if (file.size > MAX_FILE_BYTES) throw new ApiError(413, 'payload_too_large', tooLarge());
  const send = async (token: string | null) => {
    const form = new FormData();
    form.append('file', file, file.name || 'photo.jpg');
    try {
      return await fetch('/api/files', { method: 'POST', body: form, credentials: 'same-origin', headers: { Accept: 'application/json', ...(token ? { 'X-Upload-Token': token } : {}) } });
    } catch {
      throw new ApiError(0, 'network_error', isEnglish() ? 'Upload failed: cannot reach the server' : '上传失败，请检查网络后重试');
    }
  };
  let res = await send(uploadToken ? await uploadToken.catch(() => null) : null);
  if (res.status === 401) {
    // No session: this is an anonymous report, which uploads with its form's token (a fresh one if it expired).
    resetUploadToken();
    res = await send(await anonymousUploadToken());
  }
  const json = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string; details?: unknown } } | FileRef | null;
  if (!res.ok) {
    const err = (json as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
    throw new ApiError(res.status, err?.code ?? `http_${res.status}`, err?.message ?? (res.status === 413 ? tooLarge() : `上传失败（${res.status}）`), err?.details);
  }
  return json as FileRef;
}

function isEnglish(): boolean {
  try {
    return localStorage.getItem('gz.locale') === 'en';
  } catch {
    return false;
  }
}

const tooLarge = () => (isEnglish() ? 'A file may be at most 5 MB' : '文件不能超过 5 MB');
