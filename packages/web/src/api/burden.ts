// Burden reduction (为基层减负): admission requests (准入), the two lists, community tasks and flags,
// forms filled once (一表通) and the burden figures.
import { get, patch, post, type Query } from './client.ts';

export interface Named {
  id: string;
  name: string;
}
export interface AreaRef {
  code: string;
  name: string;
}
export interface BurdenMeta {
  abilities: string[];
  requestKinds: { code: string; label: string }[];
  bindings: { code: string; label: string }[];
  departments: Named[];
  minutesPerPrefilledField: number;
}
export interface ListMatch {
  entryId: string;
  title: string;
  source: string;
  words: string[];
}
export interface Check {
  verdict: 'negative' | 'listed' | 'unlisted';
  verdictLabel: string;
  negative: ListMatch[];
  admission: ListMatch[];
  refusal: string | null;
}
export interface BurdenRequest {
  id: string;
  unit: Named;
  kind: string;
  kindLabel: string;
  title: string;
  description: string;
  legalBasis: string;
  support: string | null;
  workloadHours: number;
  workingDays: number;
  areas: AreaRef[];
  state: string;
  stateLabel: string;
  check: Check;
  decisionNote: string | null;
  decidedAt: string | null;
  createdAt: string;
  reached?: AreaRef[];
  allowedActions: ('admit' | 'refuse' | 'return' | 'resubmit' | 'withdraw')[];
}
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
export interface ListEntry {
  id: string;
  kind: 'admission' | 'negative';
  kindLabel: string;
  title: string;
  keywords: string[];
  source: string;
  active: boolean;
}
export interface BurdenTask {
  id: string;
  areaCode: string;
  area: AreaRef;
  unit: Named | null;
  title: string;
  note: string | null;
  admitted: boolean;
  channel: string | null;
  dueAt: string | null;
  workingDaysLeft: number | null;
  state: 'open' | 'done';
  createdAt: string;
  allowedActions: string[];
}
export interface FormFieldDef {
  key: string;
  label: string;
  type: 'number' | 'text';
  binding: string | null;
  bindingLabel?: string | null;
}
export interface BurdenForm {
  id: string;
  unit: Named;
  /** The admitted request the form was sent under (null only on forms older than the rule). */
  request: { id: string; title: string } | null;
  title: string;
  period: string;
  dueOn: string | null;
  fields: FormFieldDef[];
  areas: AreaRef[];
  returns: number | null;
  submitted: number | null;
  createdAt: string;
  items?: { id: string; area: AreaRef; state: string; values: { key: string; value: string | null; source: string }[]; prefilled: number; reused: number; typed: number; submittedAt: string | null }[];
}
export interface FormReturn {
  id: string;
  areaCode: string;
  form: { id: string; title: string; period: string; dueOn: string | null; unit: Named };
  area: AreaRef;
  state: 'pending' | 'submitted';
  fieldCount: number;
  fields?: { key: string; label: string; type: 'number' | 'text'; binding: string | null; value: string | null; source: 'registry' | 'reused' | 'typed'; sourceLabel: string }[];
  prefilled: number;
  reused: number;
  typed: number;
  submittedAt: string | null;
  allowedActions: string[];
}
export interface BurdenFigures {
  from: string;
  to: string;
  minutesPerPrefilledField: number;
  totals: { admitted: number; outside: number; forms: number; prefilled: number; typed: number; hoursSaved: number };
  communities: { area: AreaRef; month: string; admitted: number; outside: number; forms: number; submitted: number; prefilled: number; typed: number; refusedRequests: number; refusedHours: number; hoursSaved: number }[];
  departments: { unit: Named; requested: number; admitted: number; refused: number; pending: number; flagged: number }[];
}
interface Page<T> {
  total: number;
  items: T[];
}

export const burdenMeta = (signal?: AbortSignal) => get<BurdenMeta>('/api/burden/meta', undefined, signal);
export const listEntries = (signal?: AbortSignal) => get<{ editable: boolean; items: ListEntry[] }>('/api/burden/lists', undefined, signal);
export const createEntry = (body: { kind: string; title: string; keywords: string[]; source: string }) => post<ListEntry>('/api/burden/lists', body);
export const updateEntry = (id: string, body: Partial<{ title: string; keywords: string[]; source: string; active: boolean }>) => patch<ListEntry>(`/api/burden/lists/${id}`, body);
export const dryCheck = (body: { kind: string; title: string; description: string }) => post<Check>('/api/burden/check', body);
export const listRequests = (q: Query, signal?: AbortSignal) => get<Page<BurdenRequest>>('/api/burden/requests', q, signal);
export const fileRequest = (body: RequestInput) => post<BurdenRequest>('/api/burden/requests', body);
export const transitionRequest = (id: string, body: { action: string; note?: string; amend?: RequestInput }) => post<BurdenRequest>(`/api/burden/requests/${id}/transition`, body);
export const listTasks = (q: Query, signal?: AbortSignal) => get<Page<BurdenTask>>('/api/burden/tasks', q, signal);
export const completeTask = (id: string) => post<BurdenTask>(`/api/burden/tasks/${id}/done`);
export const flagTask = (body: { title: string; unitId?: string; channel: string; note?: string }) => post<BurdenTask>('/api/burden/flags', body);
export const listForms = (q: Query, signal?: AbortSignal) => get<Page<BurdenForm>>('/api/burden/forms', q, signal);
export const getForm = (id: string, signal?: AbortSignal) => get<BurdenForm>(`/api/burden/forms/${id}`, undefined, signal);
export const createForm = (body: { requestId: string; title: string; period: string; dueOn?: string; areaCodes: string[]; fields: FormFieldDef[] }) => post<BurdenForm>('/api/burden/forms', body);
export const listReturns = (q: Query, signal?: AbortSignal) => get<Page<FormReturn>>('/api/burden/returns', q, signal);
export const getReturn = (id: string, signal?: AbortSignal) => get<FormReturn>(`/api/burden/returns/${id}`, undefined, signal);
export const submitReturn = (id: string, values: Record<string, string>) => post<FormReturn>(`/api/burden/returns/${id}/submit`, { values });
export const burdenFigures = (q: Query, signal?: AbortSignal) => get<BurdenFigures>('/api/burden/figures', q, signal);
