// Shapes of the case (案件) API and the calls the case screens make; docs/CASES.md describes them.
import type { z } from 'zod';
import { api, ApiError, get, post, prefetch, type QueryInput } from './client.ts';
import type { AreaDetail } from './types.ts';
// The answers' shapes come from the server's response schemas (packages/domain/src/contract, docs/API.md).
export type {
  CaseDetail,
  CaseGroup,
  CaseList,
  CaseState,
  CaseSummary,
  CaseUnitRow,
  CatalogueType,
  Channel,
  CreatedCase,
  DeadlineSpec,
  NotificationItem,
  OwnerLevel,
  Rating,
  Response5321View,
  SimilarCase,
  SimilarCases,
  Status5321,
  Step5321,
  StepDeadlines,
  Tier5321,
  TimelineEntry,
  UnreadCount,
} from '@gongzhi/domain/contract';
import type {
  Case5321Body,
  CaseActionBody,
  CaseAssessment,
  CaseAssessmentBody,
  CaseAssessments,
  CaseCreateBody,
  CaseDetail,
  CaseList,
  CaseListQuery,
  CaseState,
  CreatedCase,
  Crs as CrsSchema,
  FileRefView,
  Rating,
  UploadToken,
} from '@gongzhi/domain/contract';
import type { CaseAction } from '@gongzhi/domain';
export type { CaseAction } from '@gongzhi/domain';

export const CASE_STATES: readonly CaseState[] = ['reported', 'accepted', 'dispatched', 'acknowledged', 'handled', 'closed', 'rejected', 'withdrawn', 'merged', 'suspended'];
export const OPEN_STATES: readonly CaseState[] = ['reported', 'accepted', 'dispatched', 'acknowledged', 'handled', 'suspended'];

/** What a case action may carry (`POST /api/cases/{id}/actions/{action}`); each action reads the fields it needs. */
export type ActionBody = z.input<typeof CaseActionBody>;

export { CHANNELS } from '@gongzhi/domain';
export const RATINGS: readonly Rating[] = ['satisfied', 'basically-satisfied', 'unsatisfied'];
/** Coordinate systems a point may arrive in; the server stores WGS84. */
export type Crs = z.infer<typeof CrsSchema>;

export const DEADLINE_STEPS = ['accept', 'acknowledge', 'handle', 'verify'] as const;

/** An attachment; a photo taken without a connection is kept on the phone (`local`) and uploaded by the 待发送 queue (lib/outbox.ts). */
export type FileRef = FileRefView & { local?: File };

/** A form's photos split into those already uploaded (ids) and those still on the phone. */
export function splitPhotos(files: FileRef[]): { ids: string[]; local: File[] } {
  return { ids: files.filter((f) => !f.local).map((f) => f.id), local: files.flatMap((f) => (f.local ? [f.local] : [])) };
}

export const record5321 = (id: string, body: z.input<typeof Case5321Body>) => post<CaseDetail>(`/api/cases/${id}/5321`, body);

export type { CaseAssessment as Assessment, CaseAssessments as Assessments } from '@gongzhi/domain/contract';
export type { AssessmentGrade } from '@gongzhi/domain';

export const getAssessments = (id: string, signal?: AbortSignal) => get<CaseAssessments>(`/api/cases/${id}/assessments`, undefined, signal);
export const saveAssessment = (id: string, unitId: string, body: z.input<typeof CaseAssessmentBody>) =>
  api<CaseAssessment>(`/api/cases/${id}/assessments/${unitId}`, { method: 'PUT', body });

// The request types come from the server's request schemas (docs/API.md "Request types").
export type CaseQuery = QueryInput<typeof CaseListQuery>;
export type CaseInput = z.input<typeof CaseCreateBody>;

// The wall's and the QR page's answers come from the server's response schemas (packages/domain/src/contract/wall.ts).
export type { CaseWall, PublicArea, WallCase as WallItem } from '@gongzhi/domain/contract';

/** `/api/areas/{code}`: its `fullPath` names every ancestor, in or out of the caller's scope. */
export type AreaWithFullPath = AreaDetail;

// ---- calls ----------------------------------------------------------------------------------

export const listCases = (q: CaseQuery, signal?: AbortSignal) => get<CaseList>('/api/cases', { ...q }, signal);
/** Asks for a list ahead of the page that shows it (client.ts `prefetch`). */
export const prefetchCases = (q: CaseQuery) => prefetch('/api/cases', { ...q });
const casePath = (id: string) => `/api/cases/${id}`;
export const getCase = (id: string, signal?: AbortSignal) => get<CaseDetail>(casePath(id), undefined, signal);
/** Asks for a case ahead of the page that shows it (client.ts `prefetch`). */
export const prefetchCase = (id: string) => prefetch(casePath(id));
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
  uploadToken ??= post<UploadToken>('/api/files/upload-token', {}).then(
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
