// Deliberation (议事协商): types and calls of its API.
import { api, get, post } from './client.ts';

// The bodies and the forms each may be held in are the domain's (the server decides; the form offers the same).
export { DELIBERATION_BODIES as DELIB_BODIES, DELIBERATION_BODY_FORMS as BODY_FORMS } from '@gongzhi/domain/deliberation';
export type { DeliberationBody as DelibBody, DeliberationForm as DelibForm, DeliberationState as DelibState, BallotChoice as Choice } from '@gongzhi/domain/deliberation';
import type { DeliberationOutcome, DeliberationBody as DelibBody, DeliberationForm as DelibForm, DeliberationState as DelibState, BallotChoice as Choice } from '@gongzhi/domain/deliberation';

export interface DelibSummary {
  id: string;
  title: string;
  areaCode: string;
  areaName: string;
  body: DelibBody;
  form: DelibForm;
  matter: number | null;
  state: DelibState;
  createdAt: string;
  closedAt: string | null;
  eligible: number;
  present: number;
  onRoll: boolean;
  result: { held: boolean; passed: boolean } | null;
  allowedActions: string[];
}

/** The result of a closed deliberation, as the domain's rule decides it (its checks come separately). */
export type DelibResult = Omit<DeliberationOutcome, 'checks'>;

export type { DeliberationCheck as DelibCheck } from '@gongzhi/domain/deliberation';

export interface RollEntry {
  id: string;
  seq: number;
  name: string;
  area?: number;
  linked: boolean;
  ballot: { choice: Choice; online: boolean; at: string } | null;
}

import type { DeliberationCheck } from '@gongzhi/domain/deliberation';

export interface DelibDetail extends Omit<DelibSummary, 'eligible' | 'present' | 'onRoll' | 'result'> {
  description: string;
  bodyLabel: { zh: string; en: string };
  source: { zh: string; en: string };
  matterLabel: { zh: string; en: string } | null;
  roll: RollEntry[];
  mine: { id: string; name: string; voted: boolean; choice: Choice | null }[];
  tally: { eligible: number; present: number; yes: number; no: number; abstain: number };
  result: DelibResult | null;
  checks: DeliberationCheck[];
  reason: { zh: string; en: string } | null;
  provisional: boolean;
}

export interface RollInput {
  name: string;
  area?: number;
  personId?: string;
  householdId?: string;
}

export interface NewDeliberation {
  title: string;
  description: string;
  areaCode: string;
  body: DelibBody;
  form?: DelibForm;
  matter?: number;
  roll: RollInput[];
}

export const listDeliberations = (q: { area?: string; state?: string; page?: number; pageSize?: number }, signal?: AbortSignal) =>
  get<{ total: number; items: DelibSummary[] }>('/api/deliberations', q, signal);
export const getDeliberation = (id: string, signal?: AbortSignal) => get<DelibDetail>(`/api/deliberations/${id}`, undefined, signal);
export const createDeliberation = (body: NewDeliberation, idempotencyKey: string) =>
  api<{ id: string; state: DelibState }>('/api/deliberations', { method: 'POST', body, headers: { 'Idempotency-Key': idempotencyKey } });
export const castBallot = (id: string, rollId: string, choice: Choice) => post<{ id: string }>(`/api/deliberations/${id}/ballots`, { rollId, choice });
export const closeDeliberation = (id: string) => post<{ id: string; state: DelibState; result: DelibResult }>(`/api/deliberations/${id}/actions/close`);
export const rollCandidates = (area: string, form: DelibForm) => get<{ items: RollInput[] }>('/api/deliberations/roll-candidates', { area, form });
