// Burden reduction (为基层减负, SPEC §12): what departments may push down to towns and communities
// (准入), and report forms filled once (一表通). Pure rules; the server stores and enforces them.
//
// Sources:
// - `000`: "实施镇（街道）、村（社区）准入事项负面清单制度，严查给基层带来不必要负担的形式主义问题".
// - `003`: "各部门工作需要进街道社区或需要街道社区协助办理的事项，都需经区委党建领导小组办公室同意。并严格按照
//   '费随事转、人随事走、权责配套'的原则……方能进入".
// - `004`: "坚持准入事项'非批不入'……材料报送'一次提交'"; "巩固'牌子乱象'整治成果，严控面向基层的督查检查".
import { invalid } from '../errors.ts';

/** What a department may ask a community or town to do. */
export const REQUEST_KINDS = ['task', 'survey', 'report', 'campaign', 'sign', 'inspection'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];
export const REQUEST_KIND_LABELS: Record<RequestKind, string> = {
  task: '工作任务',
  survey: '调查摸底',
  report: '材料报送',
  campaign: '创建活动',
  sign: '挂牌上墙',
  inspection: '督查检查',
};

/** The two lists the social work department keeps: admitted matters (准入事项清单) and the negative list (负面清单). */
export const LIST_KINDS = ['admission', 'negative'] as const;
export type ListKind = (typeof LIST_KINDS)[number];
export const LIST_KIND_LABELS: Record<ListKind, string> = { admission: '准入事项清单', negative: '负面清单' };

export interface ListEntry {
  id: string;
  kind: ListKind;
  title: string;
  /** Words that, found in a request's title, description or kind label, make it match the entry. */
  keywords: readonly string[];
  /** Where the entry comes from (the document, article), shown with the verdict. */
  source: string;
}

export interface RequestText {
  title: string;
  description: string;
  kind: RequestKind;
}

export interface ListMatch {
  entryId: string;
  kind: ListKind;
  title: string;
  source: string;
  /** The keywords found. */
  words: string[];
}

export type CheckVerdict = 'negative' | 'listed' | 'unlisted';
export const CHECK_VERDICT_LABELS: Record<CheckVerdict, string> = {
  negative: '命中负面清单，不得下派',
  listed: '属于准入事项清单',
  unlisted: '清单外事项，须经区委社会工作部审核同意（费随事转、人随事走、权责配套）',
};

export interface CheckResult {
  verdict: CheckVerdict;
  negative: ListMatch[];
  admission: ListMatch[];
}

/** Lower case, full-width letters and digits folded, all whitespace removed: "挂 牌" matches "挂牌". */
export function normaliseText(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/gu, '');
}

/**
 * Checks a request against both lists. An entry matches when one of its keywords occurs in the
 * request's title, description or kind label. Any negative-list match decides ("非批不入" cannot
 * admit what the negative list forbids); otherwise an admission-list match makes the request a
 * listed matter; otherwise it is unlisted and the district decides case by case.
 */
export function checkRequest(req: RequestText, entries: readonly ListEntry[]): CheckResult {
  const hay = normaliseText(`${req.title} ${req.description} ${REQUEST_KIND_LABELS[req.kind]}`);
  const negative: ListMatch[] = [];
  const admission: ListMatch[] = [];
  for (const e of entries) {
    const words = [...new Set(e.keywords.map((k) => k.trim()).filter((k) => k.length > 0 && hay.includes(normaliseText(k))))];
    if (words.length === 0) continue;
    (e.kind === 'negative' ? negative : admission).push({ entryId: e.id, kind: e.kind, title: e.title, source: e.source, words });
  }
  const verdict: CheckVerdict = negative.length > 0 ? 'negative' : admission.length > 0 ? 'listed' : 'unlisted';
  return { verdict, negative, admission };
}

/** The refusal reason a negative-list match writes, naming the entry and its source. */
export function negativeRefusal(check: CheckResult): string | null {
  if (check.negative.length === 0) return null;
  return `命中负面清单：${check.negative.map((m) => `「${m.title}」（依据：${m.source}；命中“${m.words.join('”“')}”）`).join('；')}`;
}

/** A request's life: filed → admitted, refused or sent back; a sent-back request is amended and filed again. */
export const REQUEST_STATES = ['submitted', 'returned', 'admitted', 'refused', 'withdrawn'] as const;
export type RequestState = (typeof REQUEST_STATES)[number];
export const REQUEST_STATE_LABELS: Record<RequestState, string> = {
  submitted: '待审核',
  returned: '已退回修改',
  admitted: '已准入',
  refused: '不予准入',
  withdrawn: '已撤回',
};

export type RequestAction = 'admit' | 'refuse' | 'return' | 'resubmit' | 'withdraw';
export const REQUEST_ACTION_LABELS: Record<RequestAction, string> = {
  admit: '同意准入',
  refuse: '不予准入',
  return: '退回修改',
  resubmit: '修改后重新提交',
  withdraw: '撤回',
};

/** Which actions a request's state allows, for the reviewer (社会工作部) or the department that filed it. */
export function allowedRequestActions(state: RequestState, who: { reviewer: boolean; owner: boolean }, verdict: CheckVerdict): RequestAction[] {
  const out: RequestAction[] = [];
  if (state === 'submitted' && who.reviewer) {
    // What the negative list forbids cannot be admitted, whoever reviews it.
    if (verdict !== 'negative') out.push('admit');
    out.push('refuse', 'return');
  }
  if (state === 'returned' && who.owner) out.push('resubmit', 'withdraw');
  if (state === 'submitted' && who.owner) out.push('withdraw');
  return out;
}

export function requestTransition(state: RequestState, action: RequestAction, verdict: CheckVerdict): RequestState {
  const ok =
    (state === 'submitted' && (action === 'admit' || action === 'refuse' || action === 'return' || action === 'withdraw')) ||
    (state === 'returned' && (action === 'resubmit' || action === 'withdraw'));
  if (!ok) throw invalid('invalid_transition', `当前状态“${REQUEST_STATE_LABELS[state]}”不能${REQUEST_ACTION_LABELS[action]}`);
  if (action === 'admit' && verdict === 'negative') throw invalid('negative_list', '命中负面清单的事项不得准入');
  const next: Record<RequestAction, RequestState> = { admit: 'admitted', refuse: 'refused', return: 'returned', resubmit: 'submitted', withdraw: 'withdrawn' };
  return next[action];
}

/**
 * A report form pushed down to communities is work pushed down (`004`: 准入事项"非批不入"; 材料报送 is
 * one of the request kinds): it is sent only under a request of the same department that the social
 * work department admitted, and only to communities that request named. Null when the form may go;
 * otherwise the stable code and the Chinese reason (a 409: the request's state does not allow it).
 */
export function formAdmissionProblem(
  request: { unitId: string; state: RequestState; areaCodes: readonly string[] } | null,
  form: { unitId: string; areaCodes: readonly string[] },
): { code: 'unknown_request' | 'request_not_admitted' | 'areas_not_admitted'; message: string; areas?: string[] } | null {
  if (!request || request.unitId !== form.unitId) return { code: 'unknown_request', message: '报表须依据本部门的准入申请下发（requestId），该申请不存在' };
  if (request.state !== 'admitted') {
    return { code: 'request_not_admitted', message: `报表所依据的准入申请“${REQUEST_STATE_LABELS[request.state]}”，须经区委社会工作部同意准入后才能下发（非批不入）` };
  }
  const outside = form.areaCodes.filter((c) => !request.areaCodes.includes(c));
  if (outside.length > 0) return { code: 'areas_not_admitted', message: `报表只能下发到准入申请所列的社区（村），有 ${outside.length} 个不在其中`, areas: outside };
  return null;
}

/** Bounds of a request: working days to complete (counted from admission) and the declared hours per community. */
export const MAX_REQUEST_WORKING_DAYS = 60;
export const MAX_REQUEST_HOURS = 200;
export const MAX_REQUEST_AREAS = 200;

/** A task reaches communities (社区、村), the level that bears the burden. */
export const isCommunityCode = (code: string) => /^\d{12}$/.test(code);

// ---------------------------------------------------------------------------------------------
// 一表通: a form's fields are bound to figures the product holds, or free (typed by the community).

export const FORM_BINDINGS = [
  'population.total',
  'population.registered',
  'population.floating',
  'population.elderly',
  'population.minors',
  'households.total',
  'party.members',
  'cases.received',
  'cases.closed',
] as const;
export type FormBinding = (typeof FORM_BINDINGS)[number];
export const FORM_BINDING_LABELS: Record<FormBinding, string> = {
  'population.total': '实有人口（人）',
  'population.registered': '户籍人口（人）',
  'population.floating': '流动人口（人）',
  'population.elderly': '60 周岁及以上老年人（人）',
  'population.minors': '未满 18 周岁未成年人（人）',
  'households.total': '户数（户）',
  'party.members': '党员（人）',
  'cases.received': '本期受理事件（件）',
  'cases.closed': '本期办结事件（件）',
};

export const FIELD_TYPES = ['number', 'text'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface FormField {
  /** Stable within the district: the same key asked by two forms of one period is the same question. */
  key: string;
  label: string;
  type: FieldType;
  binding: FormBinding | null;
}

export type FieldSource = 'registry' | 'reused' | 'typed';
export const FIELD_SOURCE_LABELS: Record<FieldSource, string> = { registry: '平台数据预填', reused: '沿用本期已报', typed: '社区填写' };

export interface FieldValue {
  key: string;
  value: string | null;
  source: FieldSource;
}

export const MAX_FORM_FIELDS = 40;

/** Field keys: lower-case letters, digits, dots and hyphens; a bound field's key is its binding. */
export const FIELD_KEY = /^[a-z][a-z0-9.-]{1,47}$/;

/** Problems with a form's fields, or null: unique keys, a bound field keyed by its binding. */
export function formFieldsProblem(fields: readonly FormField[]): { message: string; index: number } | null {
  if (fields.length === 0) return { message: '表单至少应有一个字段', index: 0 };
  if (fields.length > MAX_FORM_FIELDS) return { message: `表单字段不能超过 ${MAX_FORM_FIELDS} 个`, index: MAX_FORM_FIELDS };
  const seen = new Set<string>();
  for (const [i, f] of fields.entries()) {
    if (f.binding && f.key !== f.binding) return { message: `第 ${i + 1} 个字段绑定平台数据，其标识应为 ${f.binding}`, index: i };
    if (f.binding && f.type !== 'number') return { message: `第 ${i + 1} 个字段绑定平台数据，类型应为数字`, index: i };
    if (!FIELD_KEY.test(f.key)) return { message: `第 ${i + 1} 个字段的标识应以小写字母开头，由小写字母、数字、点或连字符组成`, index: i };
    if (seen.has(f.key)) return { message: `字段标识 ${f.key} 重复`, index: i };
    seen.add(f.key);
  }
  return null;
}

/**
 * What a community receives (材料报送"一次提交", `004`): bound fields carry the product's figure;
 * a free field this community already answered in another form of the same period carries that
 * answer; the rest is left for the community to type.
 */
export function prefillForm(
  fields: readonly FormField[],
  figures: Partial<Record<FormBinding, number>>,
  earlier: ReadonlyMap<string, string>,
): FieldValue[] {
  return fields.map((f) => {
    if (f.binding) {
      const v = figures[f.binding];
      if (v !== undefined) return { key: f.key, value: String(v), source: 'registry' };
    }
    const before = earlier.get(f.key);
    if (before !== undefined) return { key: f.key, value: before, source: 'reused' };
    return { key: f.key, value: null, source: 'typed' };
  });
}

/** Checks what the community typed into the fields left open; pre-filled fields keep their value. */
export function mergeTyped(fields: readonly FormField[], prefilled: readonly FieldValue[], typed: Readonly<Record<string, string>>): FieldValue[] {
  for (const k of Object.keys(typed)) {
    if (!fields.some((f) => f.key === k)) throw invalid('unknown_field', `表单没有字段 ${k}`, { field: k });
  }
  return fields.map((f, i) => {
    const pre = prefilled[i]!;
    if (pre.source !== 'typed') return pre;
    const raw = (typed[f.key] ?? '').trim();
    if (raw === '') throw invalid('missing_field', `请填写“${f.label}”`, { field: f.key });
    if (raw.length > 500) throw invalid('field_too_long', `“${f.label}”不能超过 500 个字符`, { field: f.key });
    if (f.type === 'number' && !/^-?\d+(\.\d+)?$/.test(raw)) throw invalid('invalid_number', `“${f.label}”应为数字`, { field: f.key });
    return { key: f.key, value: raw, source: 'typed' };
  });
}

// ---------------------------------------------------------------------------------------------
// Burden figures.

/**
 * Estimate of the time a pre-filled field saves a community: looking the figure up in its own
 * ledgers, counting and typing it. 6 minutes per field is a working assumption of this product
 * (docs/BURDEN.md), not a figure of the sources.
 */
export const MINUTES_PER_PREFILLED_FIELD = 6;

/**
 * Hours saved for one community in a period: fields it did not have to fill (pre-filled from the
 * product or reused from an earlier answer) at MINUTES_PER_PREFILLED_FIELD each, plus the hours
 * departments declared for requests that were refused and named that community (work kept off it).
 */
export function hoursSaved(prefilledFields: number, refusedHours: number): number {
  return Math.round(((prefilledFields * MINUTES_PER_PREFILLED_FIELD) / 60 + refusedHours) * 10) / 10;
}

/** A period is a month YYYY-MM; its first and (exclusive) next first day. */
export function monthBounds(month: string): { from: string; to: string } {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw invalid('invalid_month', '月份应为 YYYY-MM', { field: 'month' });
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { from: `${month}-01`, to: `${next}-01` };
}

/**
 * The key of a free field, made from its label: the same question (same label, spaces and width
 * folded) asked by two forms is the same field, so a community answers it once per period.
 */
export function freeFieldKey(label: string): string {
  let h = 2166136261;
  for (const ch of normaliseText(label)) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619) >>> 0;
  return `f-${h.toString(16).padStart(8, '0')}`;
}
