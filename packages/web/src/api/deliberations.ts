// Deliberation (议事协商): types and calls of its API.
import type { z } from 'zod';
import { api, get, post, type QueryInput } from './client.ts';

// The bodies and the forms each may be held in are the domain's (the server decides; the form offers the same).
export { DELIBERATION_BODIES as DELIB_BODIES, DELIBERATION_BODY_FORMS as BODY_FORMS } from '@gongzhi/domain/deliberation';
export type { DeliberationBody as DelibBody, DeliberationForm as DelibForm, DeliberationState as DelibState, BallotChoice as Choice } from '@gongzhi/domain/deliberation';
import type { DeliberationForm as DelibForm, BallotChoice as Choice } from '@gongzhi/domain/deliberation';
// The answers' types are the server's response schemas (@gongzhi/domain/contract, docs/API.md).
import type {
  BallotCast,
  DeliberationClosed,
  DeliberationCreateBody,
  DeliberationCreated,
  DeliberationDetail,
  DeliberationList,
  DeliberationListQuery,
  DeliberationResult,
  DeliberationSummary,
  RollCandidates,
  RollEntryBody,
  RollEntryDetail,
} from '@gongzhi/domain/contract';

export type DelibSummary = DeliberationSummary;
/** The result of a closed deliberation, as the domain's rule decides it (its checks come separately). */
export type DelibResult = DeliberationResult;
export type { DeliberationCheck as DelibCheck } from '@gongzhi/domain/deliberation';
export type RollEntry = RollEntryDetail;
export type DelibDetail = DeliberationDetail;

// The request types come from the server's request schemas (docs/API.md "Request types").
export type RollInput = z.input<typeof RollEntryBody>;
export type NewDeliberation = z.input<typeof DeliberationCreateBody>;

export const listDeliberations = (q: QueryInput<typeof DeliberationListQuery>, signal?: AbortSignal) =>
  get<DeliberationList>('/api/deliberations', q, signal);
export const getDeliberation = (id: string, signal?: AbortSignal) => get<DelibDetail>(`/api/deliberations/${id}`, undefined, signal);
export const createDeliberation = (body: NewDeliberation, idempotencyKey: string) =>
  api<DeliberationCreated>('/api/deliberations', { method: 'POST', body, headers: { 'Idempotency-Key': idempotencyKey } });
export const castBallot = (id: string, rollId: string, choice: Choice) => post<BallotCast>(`/api/deliberations/${id}/ballots`, { rollId, choice });
export const closeDeliberation = (id: string) => post<DeliberationClosed>(`/api/deliberations/${id}/actions/close`);
export const rollCandidates = (area: string, form: DelibForm) => get<RollCandidates>('/api/deliberations/roll-candidates', { area, form });
