// Burden reduction (为基层减负): admission requests (准入), the two lists, community tasks and flags,
// forms filled once (一表通) and the burden figures.
import type {
  BurdenCheck,
  BurdenFigures,
  BurdenFormDetail,
  BurdenFormList,
  BurdenListEntry,
  BurdenLists,
  BurdenMeta,
  BurdenRequest,
  BurdenRequestList,
  BurdenTask,
  BurdenTaskList,
  FormReturn,
  FormReturnList,
} from '@gongzhi/domain/contract';
import { get, patch, post, type Query } from './client.ts';

// The answers' types are the server's response schemas (docs/API.md "The web's types").
export type {
  BurdenCheck as Check,
  BurdenFigures,
  BurdenForm,
  BurdenFormDetail,
  BurdenListEntry as ListEntry,
  BurdenMeta,
  BurdenRequest,
  BurdenTask,
  FormReturn,
  ListMatch,
} from '@gongzhi/domain/contract';
export type AreaRef = BurdenRequest['areas'][number];

export interface RequestInput {
  kind: string;
  title: string;
  description: string;
  legalBasis: string;
  support?: string;
  workloadHours: number;
  workingDays: number;
  areaCodes: string[];
}
/** A field of a form being designed (`POST /api/burden/forms`). */
export interface FormFieldDef {
  key: string;
  label: string;
  type: 'number' | 'text';
  binding: string | null;
}

export const burdenMeta = (signal?: AbortSignal) => get<BurdenMeta>('/api/burden/meta', undefined, signal);
export const listEntries = (signal?: AbortSignal) => get<BurdenLists>('/api/burden/lists', undefined, signal);
export const createEntry = (body: { kind: string; title: string; keywords: string[]; source: string }) => post<BurdenListEntry>('/api/burden/lists', body);
export const updateEntry = (id: string, body: Partial<{ title: string; keywords: string[]; source: string; active: boolean }>) => patch<BurdenListEntry>(`/api/burden/lists/${id}`, body);
export const dryCheck = (body: { kind: string; title: string; description: string }) => post<BurdenCheck>('/api/burden/check', body);
export const listRequests = (q: Query, signal?: AbortSignal) => get<BurdenRequestList>('/api/burden/requests', q, signal);
export const fileRequest = (body: RequestInput) => post<BurdenRequest>('/api/burden/requests', body);
export const transitionRequest = (id: string, body: { action: string; note?: string; amend?: RequestInput }) => post<BurdenRequest>(`/api/burden/requests/${id}/transition`, body);
export const listTasks = (q: Query, signal?: AbortSignal) => get<BurdenTaskList>('/api/burden/tasks', q, signal);
export const completeTask = (id: string) => post<BurdenTask>(`/api/burden/tasks/${id}/done`);
export const flagTask = (body: { title: string; unitId?: string; channel: string; note?: string }) => post<BurdenTask>('/api/burden/flags', body);
export const listForms = (q: Query, signal?: AbortSignal) => get<BurdenFormList>('/api/burden/forms', q, signal);
export const getForm = (id: string, signal?: AbortSignal) => get<BurdenFormDetail>(`/api/burden/forms/${id}`, undefined, signal);
export const createForm = (body: { requestId: string; title: string; period: string; dueOn?: string; areaCodes: string[]; fields: FormFieldDef[] }) => post<BurdenFormDetail>('/api/burden/forms', body);
export const listReturns = (q: Query, signal?: AbortSignal) => get<FormReturnList>('/api/burden/returns', q, signal);
export const getReturn = (id: string, signal?: AbortSignal) => get<FormReturn>(`/api/burden/returns/${id}`, undefined, signal);
export const submitReturn = (id: string, values: Record<string, string>) => post<FormReturn>(`/api/burden/returns/${id}/submit`, { values });
export const burdenFigures = (q: Query, signal?: AbortSignal) => get<BurdenFigures>('/api/burden/figures', q, signal);
