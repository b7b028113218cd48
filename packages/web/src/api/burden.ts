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
  BurdenCheckBody,
  BurdenFiguresQuery,
  BurdenFlagBody,
  BurdenFormBody,
  BurdenFormListQuery,
  BurdenListEntryBody,
  BurdenListEntryPatchBody,
  BurdenRequestBody,
  BurdenRequestListQuery,
  BurdenTaskListQuery,
  BurdenTransitionBody,
  FormFieldBody,
  FormReturnListQuery,
  FormReturnSubmitBody,
} from '@gongzhi/domain/contract';
import type { z } from 'zod';
import { get, patch, post, type QueryInput } from './client.ts';

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

// The request types come from the server's request schemas (docs/API.md "Request types").
export type RequestInput = z.input<typeof BurdenRequestBody>;
/** A field of a form being designed (`POST /api/burden/forms`). */
export type FormFieldDef = z.input<typeof FormFieldBody>;
export type RequestAction = z.input<typeof BurdenTransitionBody>['action'];

export const burdenMeta = (signal?: AbortSignal) => get<BurdenMeta>('/api/burden/meta', undefined, signal);
export const listEntries = (signal?: AbortSignal) => get<BurdenLists>('/api/burden/lists', undefined, signal);
export const createEntry = (body: z.input<typeof BurdenListEntryBody>) => post<BurdenListEntry>('/api/burden/lists', body);
export const updateEntry = (id: string, body: z.input<typeof BurdenListEntryPatchBody>) => patch<BurdenListEntry>(`/api/burden/lists/${id}`, body);
export const dryCheck = (body: z.input<typeof BurdenCheckBody>) => post<BurdenCheck>('/api/burden/check', body);
export const listRequests = (q: QueryInput<typeof BurdenRequestListQuery>, signal?: AbortSignal) => get<BurdenRequestList>('/api/burden/requests', q, signal);
export const fileRequest = (body: RequestInput) => post<BurdenRequest>('/api/burden/requests', body);
export const transitionRequest = (id: string, body: z.input<typeof BurdenTransitionBody>) => post<BurdenRequest>(`/api/burden/requests/${id}/transition`, body);
export const listTasks = (q: QueryInput<typeof BurdenTaskListQuery>, signal?: AbortSignal) => get<BurdenTaskList>('/api/burden/tasks', q, signal);
export const completeTask = (id: string) => post<BurdenTask>(`/api/burden/tasks/${id}/done`);
export const flagTask = (body: z.input<typeof BurdenFlagBody>) => post<BurdenTask>('/api/burden/flags', body);
export const listForms = (q: QueryInput<typeof BurdenFormListQuery>, signal?: AbortSignal) => get<BurdenFormList>('/api/burden/forms', q, signal);
export const getForm = (id: string, signal?: AbortSignal) => get<BurdenFormDetail>(`/api/burden/forms/${id}`, undefined, signal);
export const createForm = (body: z.input<typeof BurdenFormBody>) => post<BurdenFormDetail>('/api/burden/forms', body);
export const listReturns = (q: QueryInput<typeof FormReturnListQuery>, signal?: AbortSignal) => get<FormReturnList>('/api/burden/returns', q, signal);
export const getReturn = (id: string, signal?: AbortSignal) => get<FormReturn>(`/api/burden/returns/${id}`, undefined, signal);
export const submitReturn = (id: string, values: z.input<typeof FormReturnSubmitBody>['values']) => post<FormReturn>(`/api/burden/returns/${id}/submit`, { values });
export const burdenFigures = (q: QueryInput<typeof BurdenFiguresQuery>, signal?: AbortSignal) => get<BurdenFigures>('/api/burden/figures', q, signal);
