// Burden reduction (为基层减负, SPEC §12; docs/BURDEN.md): the admission and negative lists, the
// departments' requests to push work down (准入 "非批不入", `004`), the tasks that reach
// communities, flags of tasks received outside the process, forms filled once (一表通) and the
// burden figures. Every write runs with its audit row in one transaction.
import {
  allowedRequestActions,
  checkRequest,
  conflict,
  CHECK_VERDICT_LABELS,
  FIELD_SOURCE_LABELS,
  FORM_BINDING_LABELS,
  FORM_BINDINGS,
  formAdmissionProblem,
  formFieldsProblem,
  forbidden,
  hoursSaved,
  invalid,
  isCommunityCode,
  isWithinScope,
  LIST_KIND_LABELS,
  MAX_REQUEST_AREAS,
  mergeTyped,
  MINUTES_PER_PREFILLED_FIELD,
  monthBounds,
  negativeRefusal,
  notFound,
  prefillForm,
  REQUEST_ACTION_LABELS,
  REQUEST_KIND_LABELS,
  REQUEST_STATE_LABELS,
  requestTransition,
  type CheckResult,
  type CheckVerdict,
  type FieldValue,
  type FormField,
  type ListEntry,
  type ListKind,
  type RequestAction,
  type RequestKind,
  type RequestState,
} from '@gongzhi/domain';
import type { BurdenTask, FormReturn } from '@gongzhi/domain/contract';
import type { Actor, RequestContext } from '../policies/actor.ts';
import {
  burdenAbilities,
  isBurdenReviewer,
  isCommunityStaff,
  isRequestingDepartment,
  readsAreaInbox,
  readsDistrict,
  readsLists,
  type BurdenViewer,
} from '../policies/burden.ts';
import * as repo from '../repositories/burden.ts';
import { findUnit, listUnits } from '../repositories/users.ts';
import { scopeOf, systemScope } from '../repositories/scope.ts';
import { workbookBuffer } from '../lib/xlsx.ts';
import { toIsoCst } from '../lib/time.ts';
import { areaNames } from './area-names.ts';
import { audit } from './audit.ts';
import { workCalendar } from './deadlines.ts';
import type { AppContext } from './context.ts';

const todayCst = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const thisMonth = () => todayCst().slice(0, 7);

export async function viewerOf(ctx: AppContext, actor: Actor): Promise<BurdenViewer> {
  const unit = actor.unitId ? await findUnit(ctx.db, actor.unitId) : null;
  return { actor, unitCode: unit?.code ?? null, unitType: unit?.type ?? null };
}

const entryOf = (r: repo.ListEntryRow): ListEntry => ({ id: r.id, kind: r.kind as ListKind, title: r.title, keywords: r.keywords, source: r.source });

// ---------------------------------------------------------------------------------------------
// Meta: what the console needs to draw its forms and tabs.

export async function meta(ctx: AppContext, actor: Actor) {
  const v = await viewerOf(ctx, actor);
  const abilities = burdenAbilities(v);
  if (abilities.length === 0) throw forbidden('您的角色不参与基层减负事项准入与一表通');
  const departments = (await listUnits(ctx.db, 'department')).map((u) => ({ id: u.id, name: u.name }));
  return {
    abilities,
    requestKinds: Object.entries(REQUEST_KIND_LABELS).map(([code, label]) => ({ code: code as RequestKind, label })),
    bindings: FORM_BINDINGS.map((code) => ({ code, label: FORM_BINDING_LABELS[code] })),
    departments,
    minutesPerPrefilledField: MINUTES_PER_PREFILLED_FIELD,
  };
}

// ---------------------------------------------------------------------------------------------
// Lists (准入事项清单, 负面清单)

function entryDto(r: repo.ListEntryRow) {
  return { id: r.id, kind: r.kind as ListKind, kindLabel: LIST_KIND_LABELS[r.kind as ListKind], title: r.title, keywords: r.keywords, source: r.source, active: r.active, updatedAt: toIsoCst(r.updatedAt) };
}

export async function listLists(ctx: AppContext, actor: Actor) {
  const v = await viewerOf(ctx, actor);
  if (!readsLists(v)) throw forbidden('您不能查看准入事项清单和负面清单');
  const rows = await repo.listEntries(ctx.db, false);
  return { editable: isBurdenReviewer(v), items: rows.map(entryDto) };
}

export interface EntryInput {
  kind: ListKind;
  title: string;
  keywords: string[];
  source: string;
}

function cleanKeywords(words: string[]): string[] {
  const out = [...new Set(words.map((w) => w.trim()).filter((w) => w.length > 0))];
  if (out.length === 0) throw invalid('invalid_keywords', '关键词（keywords）至少填写一个', { field: 'keywords' });
  return out;
}

export async function createEntry(ctx: AppContext, actor: Actor, input: EntryInput, req: RequestContext) {
  const v = await viewerOf(ctx, actor);
  if (!isBurdenReviewer(v)) throw forbidden('只有区委社会工作部可以编辑准入事项清单和负面清单');
  const keywords = cleanKeywords(input.keywords);
  const row = await ctx.db.transaction(async (tx) => {
    const r = await repo.insertEntry(tx, { kind: input.kind, title: input.title, keywords, source: input.source, createdBy: actor.id, updatedBy: actor.id });
    await audit(tx, { actor }, req, { action: 'burden.list.create', entityType: 'burden_list_entry', entityId: r.id, detail: { kind: r.kind, title: r.title, source: r.source, keywords } });
    return r;
  });
  return entryDto(row);
}

export async function updateEntry(ctx: AppContext, actor: Actor, id: string, input: Partial<Omit<EntryInput, 'kind'>> & { active?: boolean }, req: RequestContext) {
  const v = await viewerOf(ctx, actor);
  if (!isBurdenReviewer(v)) throw forbidden('只有区委社会工作部可以编辑准入事项清单和负面清单');
  const before = await repo.findEntry(ctx.db, id);
  if (!before) throw notFound('清单事项');
  const set = { ...input, ...(input.keywords ? { keywords: cleanKeywords(input.keywords) } : {}), updatedBy: actor.id };
  const row = await ctx.db.transaction(async (tx) => {
    const r = await repo.updateEntry(tx, id, set);
    if (!r) throw notFound('清单事项');
    await audit(tx, { actor }, req, { action: 'burden.list.update', entityType: 'burden_list_entry', entityId: id, detail: { before: entryDto(before), after: entryDto(r) } });
    return r;
  });
  return entryDto(row);
}

// ---------------------------------------------------------------------------------------------
// Requests (准入申请)

export interface RequestInput {
  kind: RequestKind;
  title: string;
  description: string;
  legalBasis: string;
  support?: string;
  workloadHours: number;
  workingDays: number;
  areaCodes: string[];
}

async function checkAreas(ctx: AppContext, actor: Actor, codes: string[]): Promise<string[]> {
  const unique = [...new Set(codes)].sort();
  if (unique.length === 0) throw invalid('invalid_areas', '请选择涉及的社区（村）（areaCodes）', { field: 'areaCodes' });
  if (unique.length > MAX_REQUEST_AREAS) throw invalid('invalid_areas', `涉及的社区（村）（areaCodes）不能超过 ${MAX_REQUEST_AREAS} 个`, { field: 'areaCodes' });
  for (const c of unique) if (!isCommunityCode(c)) throw invalid('invalid_areas', `涉及区域（areaCodes）应为社区（村）的 12 位区划代码：${c}`, { field: 'areaCodes' });
  const names = await areaNames(ctx.db, unique);
  for (const c of unique) {
    if (!names.get(c) || !isWithinScope(c, actor.scopeCode)) throw invalid('unknown_area', `涉及区域（areaCodes）中的 ${c} 不存在或不在本区`, { field: 'areaCodes' });
  }
  return unique;
}

async function runCheck(ctx: AppContext, input: Pick<RequestInput, 'title' | 'description' | 'kind'>): Promise<CheckResult> {
  const entries = (await repo.listEntries(ctx.db, true)).map(entryOf);
  return checkRequest(input, entries);
}

function checkDto(c: CheckResult) {
  return { verdict: c.verdict, verdictLabel: CHECK_VERDICT_LABELS[c.verdict], negative: c.negative, admission: c.admission, refusal: negativeRefusal(c) };
}

/** POST /api/burden/check: what the automatic check would say of a draft (nothing is stored). */
export async function dryCheck(ctx: AppContext, actor: Actor, input: Pick<RequestInput, 'title' | 'description' | 'kind'>) {
  const v = await viewerOf(ctx, actor);
  if (!isRequestingDepartment(v) && !isBurdenReviewer(v)) throw forbidden('只有区职能部门和区委社会工作部可以预检准入事项');
  return checkDto(await runCheck(ctx, input));
}

async function requestDto(ctx: AppContext, v: BurdenViewer, row: repo.RequestWithUnit, withTasks = false) {
  const r = row.r;
  const names = await areaNames(ctx.db, r.areaCodes);
  const check = r.check as CheckResult;
  const owner = isRequestingDepartment(v) && v.actor.unitId === r.unitId;
  const reached = withTasks ? await repo.taskAreasOf(ctx.db, r.id) : null;
  return {
    id: r.id,
    unit: { id: r.unitId, name: row.unitName },
    kind: r.kind as RequestKind,
    kindLabel: REQUEST_KIND_LABELS[r.kind as RequestKind] ?? r.kind,
    title: r.title,
    description: r.description,
    legalBasis: r.legalBasis,
    support: r.support,
    workloadHours: r.workloadHours,
    workingDays: r.workingDays,
    areas: r.areaCodes.map((c) => ({ code: c, name: names.get(c)?.name ?? c })),
    state: r.state as RequestState,
    stateLabel: REQUEST_STATE_LABELS[r.state as RequestState],
    check: checkDto(check),
    decisionNote: r.decisionNote,
    decidedAt: toIsoCst(r.decidedAt),
    createdAt: toIsoCst(r.createdAt),
    ...(reached ? { reached: reached.map((c) => ({ code: c, name: names.get(c)?.name ?? c })) } : {}),
    allowedActions: allowedRequestActions(r.state as RequestState, { reviewer: isBurdenReviewer(v), owner }, r.verdict as CheckVerdict),
  };
}

function mayReadRequest(v: BurdenViewer, r: repo.RequestRow) {
  return readsDistrict(v) || (isRequestingDepartment(v) && v.actor.unitId === r.unitId);
}

export async function listRequests(ctx: AppContext, actor: Actor, q: { state?: RequestState; page: number; pageSize: number }) {
  const v = await viewerOf(ctx, actor);
  if (!readsDistrict(v) && !isRequestingDepartment(v)) throw forbidden('您不能查看事项准入申请');
  const { rows, total } = await repo.listRequests(ctx.db, { unitId: readsDistrict(v) ? undefined : actor.unitId!, state: q.state, page: q.page, pageSize: q.pageSize });
  return { total, page: q.page, pageSize: q.pageSize, items: await Promise.all(rows.map((r) => requestDto(ctx, v, r))) };
}

export async function getRequest(ctx: AppContext, actor: Actor, id: string) {
  const v = await viewerOf(ctx, actor);
  const row = await repo.findRequest(ctx.db, id);
  // Another department's request reads as missing (no probing of what others asked for).
  if (!row || !mayReadRequest(v, row.r)) {
    if (!readsDistrict(v) && !isRequestingDepartment(v)) throw forbidden('您不能查看事项准入申请');
    throw notFound('准入申请');
  }
  return requestDto(ctx, v, row, true);
}

function validateRequest(input: RequestInput, verdict: CheckVerdict) {
  // 费随事转、人随事走、权责配套 (`003`): work outside the admission list states what comes with it.
  if (verdict === 'unlisted' && !input.support?.trim()) {
    throw invalid('support_required', '清单外事项须说明随事转移的经费、人员和职权（support，费随事转、人随事走、权责配套）', { field: 'support' });
  }
}

/**
 * POST /api/burden/requests: a department files a request. It is checked against both lists at
 * once; what matches the negative list is refused on the spot, the entry named in the reason.
 */
export async function fileRequest(ctx: AppContext, actor: Actor, input: RequestInput, req: RequestContext) {
  const v = await viewerOf(ctx, actor);
  if (!isRequestingDepartment(v)) throw forbidden('只有区职能部门可以提交事项准入申请');
  const areaCodes = await checkAreas(ctx, actor, input.areaCodes);
  const check = await runCheck(ctx, input);
  if (check.verdict !== 'negative') validateRequest(input, check.verdict);
  const refusal = negativeRefusal(check);
  const row = await ctx.db.transaction(async (tx) => {
    const r = await repo.insertRequest(tx, {
      unitId: actor.unitId!,
      requestedBy: actor.id,
      kind: input.kind,
      title: input.title,
      description: input.description,
      legalBasis: input.legalBasis,
      support: input.support?.trim() || null,
      workloadHours: input.workloadHours,
      workingDays: input.workingDays,
      areaCodes,
      state: refusal ? 'refused' : 'submitted',
      check,
      verdict: check.verdict,
      decisionNote: refusal,
      decidedAt: refusal ? new Date() : null,
    });
    await audit(tx, { actor }, req, {
      action: 'burden.request.file',
      entityType: 'burden_request',
      entityId: r.id,
      detail: { title: r.title, verdict: check.verdict, negative: check.negative.map((m) => m.entryId), state: r.state, areas: areaCodes.length },
    });
    return r;
  });
  return requestDto(ctx, v, (await repo.findRequest(ctx.db, row.id))!, true);
}

/** POST /api/burden/requests/:id/transition: admit, refuse, send back (the social work department); resubmit, withdraw (the department). */
export async function transitionRequest(
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: { action: RequestAction; note?: string; amend?: RequestInput },
  req: RequestContext,
) {
  const v = await viewerOf(ctx, actor);
  const row = await repo.findRequest(ctx.db, id);
  if (!row || !mayReadRequest(v, row.r)) {
    if (!readsDistrict(v) && !isRequestingDepartment(v)) throw forbidden('您不能办理事项准入申请');
    throw notFound('准入申请');
  }
  const r = row.r;
  const owner = isRequestingDepartment(v) && actor.unitId === r.unitId;
  const allowed = allowedRequestActions(r.state as RequestState, { reviewer: isBurdenReviewer(v), owner }, r.verdict as CheckVerdict);
  if (!allowed.includes(body.action)) {
    if (body.action === 'admit' && r.verdict === 'negative') throw conflict('negative_list', `该事项命中负面清单，不得准入：${negativeRefusal(r.check as CheckResult)}`);
    if (['admit', 'refuse', 'return'].includes(body.action) && !isBurdenReviewer(v)) throw forbidden('只有区委社会工作部可以审核事项准入申请', 'action_not_allowed');
    if (['resubmit', 'withdraw'].includes(body.action) && !owner) throw forbidden('只有提出申请的部门可以修改或撤回', 'action_not_allowed');
    throw conflict('invalid_transition', `当前状态“${REQUEST_STATE_LABELS[r.state as RequestState]}”不能${REQUEST_ACTION_LABELS[body.action]}`);
  }
  if ((body.action === 'refuse' || body.action === 'return') && !body.note?.trim()) {
    throw invalid('note_required', `${REQUEST_ACTION_LABELS[body.action]}须填写理由（note）`, { field: 'note' });
  }
  let amended: Partial<typeof r> = {};
  let verdict = r.verdict as CheckVerdict;
  let refusal: string | null = null;
  if (body.action === 'resubmit') {
    if (!body.amend) throw invalid('amend_required', '重新提交须附修改后的申请内容（amend）', { field: 'amend' });
    const areaCodes = await checkAreas(ctx, actor, body.amend.areaCodes);
    const check = await runCheck(ctx, body.amend);
    verdict = check.verdict;
    if (verdict !== 'negative') validateRequest(body.amend, verdict);
    refusal = negativeRefusal(check);
    amended = {
      kind: body.amend.kind,
      title: body.amend.title,
      description: body.amend.description,
      legalBasis: body.amend.legalBasis,
      support: body.amend.support?.trim() || null,
      workloadHours: body.amend.workloadHours,
      workingDays: body.amend.workingDays,
      areaCodes,
      check,
      verdict,
    };
  }
  const next = refusal ? 'refused' : requestTransition(r.state as RequestState, body.action, verdict);
  const now = new Date();
  await ctx.db.transaction(async (tx) => {
    const decided = body.action === 'admit' || body.action === 'refuse' || body.action === 'return' || !!refusal;
    const u = await repo.updateRequest(tx, id, r.state, {
      ...amended,
      state: next,
      ...(decided ? { decisionNote: refusal ?? body.note?.trim() ?? null, decidedBy: refusal ? null : actor.id, decidedAt: now } : {}),
    });
    if (!u) throw conflict('state_changed', '该申请已被他人处理，请刷新后重试');
    if (next === 'admitted') {
      // Only admitted work reaches the communities: one task each, due after the working days asked for.
      const dueAt = workCalendar().addWorkingDays(now, u.workingDays);
      await repo.insertTasks(
        tx,
        u.areaCodes.map((areaCode) => ({ requestId: u.id, areaCode, unitId: u.unitId, title: u.title, admitted: true, dueAt, note: u.description, createdBy: actor.id })),
      );
    }
    await audit(tx, { actor }, req, {
      action: `burden.request.${body.action}`,
      entityType: 'burden_request',
      entityId: id,
      detail: { from: r.state, to: next, note: body.note ?? null, ...(refusal ? { refusal } : {}) },
    });
  });
  return getRequest(ctx, actor, id);
}

// ---------------------------------------------------------------------------------------------
// Tasks in the community inbox, and flags of tasks received outside the process

function taskDto(v: BurdenViewer, row: repo.TaskWithUnit, names: Map<string, { name: string }>): BurdenTask {
  const t = row.t;
  const cal = workCalendar();
  return {
    id: t.id,
    requestId: t.requestId,
    areaCode: t.areaCode,
    area: { code: t.areaCode, name: names.get(t.areaCode)?.name ?? t.areaCode },
    unit: t.unitId ? { id: t.unitId, name: row.unitName ?? '' } : null,
    title: t.title,
    note: t.note,
    admitted: t.admitted,
    channel: t.channel,
    dueAt: toIsoCst(t.dueAt),
    workingDaysLeft: t.dueAt && t.state === 'open' ? cal.workingDaysBetween(new Date(), t.dueAt) : null,
    state: t.state as BurdenTask['state'],
    doneAt: toIsoCst(t.doneAt),
    createdAt: toIsoCst(t.createdAt),
    allowedActions: t.state === 'open' && t.admitted && isCommunityStaff(v) ? ['done'] : [],
  };
}

export async function listTasks(ctx: AppContext, actor: Actor, q: { state?: 'open' | 'done'; admitted?: boolean; page: number; pageSize: number }) {
  const v = await viewerOf(ctx, actor);
  if (!readsAreaInbox(v)) throw forbidden('您不能查看社区收到的任务');
  const { rows, total } = await repo.listTasks(ctx.db, scopeOf(actor), q);
  const names = await areaNames(ctx.db, rows.map((r) => r.t.areaCode));
  return { total, page: q.page, pageSize: q.pageSize, items: rows.map((r) => taskDto(v, r, names)) };
}

export async function completeTask(ctx: AppContext, actor: Actor, id: string, req: RequestContext) {
  const v = await viewerOf(ctx, actor);
  if (!readsAreaInbox(v)) throw forbidden('您不能办理社区任务');
  const row = await repo.findTask(ctx.db, scopeOf(actor), id);
  if (!row) throw notFound('任务');
  if (!isCommunityStaff(v)) throw forbidden('只有社区工作者和党组织书记可以办结社区任务', 'action_not_allowed');
  if (!row.t.admitted) throw conflict('not_admitted', '体制外下派的任务只作登记，不在此办结');
  await ctx.db.transaction(async (tx) => {
    const done = await repo.completeTask(tx, id);
    if (!done) throw conflict('already_done', '该任务已办结');
    await audit(tx, { actor }, req, { action: 'burden.task.done', entityType: 'burden_task', entityId: id, areaCode: row.t.areaCode });
  });
  const after = (await repo.findTask(ctx.db, scopeOf(actor), id))!;
  return taskDto(v, after, await areaNames(ctx.db, [after.t.areaCode]));
}

export interface FlagInput {
  title: string;
  unitId?: string;
  channel: string;
  note?: string;
}

/** POST /api/burden/flags: a community records a task it received outside the process (体制外下派). */
export async function flagTask(ctx: AppContext, actor: Actor, input: FlagInput, req: RequestContext) {
  const v = await viewerOf(ctx, actor);
  if (!isCommunityStaff(v)) throw forbidden('只有社区工作者和党组织书记可以登记未经准入的任务');
  if (input.unitId) {
    const u = await findUnit(ctx.db, input.unitId);
    if (!u || u.type !== 'department') throw invalid('unknown_unit', '下派部门（unitId）不存在', { field: 'unitId' });
  }
  const areaCode = actor.scopeCode.slice(0, 12);
  const row = await ctx.db.transaction(async (tx) => {
    const t = await repo.insertTask(tx, { areaCode, unitId: input.unitId ?? null, title: input.title, admitted: false, channel: input.channel, note: input.note ?? null, state: 'done', createdBy: actor.id });
    await audit(tx, { actor }, req, { action: 'burden.task.flag', entityType: 'burden_task', entityId: t.id, areaCode, detail: { title: t.title, unitId: t.unitId, channel: t.channel } });
    return t;
  });
  const full = (await repo.findTask(ctx.db, scopeOf(actor), row.id))!;
  return taskDto(v, full, await areaNames(ctx.db, [areaCode]));
}

// ---------------------------------------------------------------------------------------------
// 一表通: forms designed once, pre-filled for every community

export interface FormInput {
  /** The admitted request of the department the form is sent under. */
  requestId: string;
  title: string;
  period: string;
  dueOn?: string;
  areaCodes: string[];
  fields: FormField[];
}

const fieldsOf = (f: repo.FormRow) => f.fields as FormField[];

async function prefillFor(ctx: AppContext, form: repo.FormRow, areaCode: string): Promise<FieldValue[]> {
  const { from, to } = monthBounds(form.period);
  const fields = fieldsOf(form);
  const needsFigures = fields.some((f) => f.binding);
  const figures = needsFigures ? await repo.communityFigures(ctx.db, areaCode, from, to) : {};
  const earlier = await repo.earlierAnswers(ctx.db, areaCode, form.period, form.id);
  return prefillForm(fields, figures, earlier);
}

const countSources = (values: FieldValue[]) => ({
  prefilled: values.filter((x) => x.source === 'registry').length,
  reused: values.filter((x) => x.source === 'reused').length,
  typed: values.filter((x) => x.source === 'typed').length,
});

function formDto(row: repo.FormWithUnit & { returns?: number; submitted?: number }, names: Map<string, { name: string }>) {
  const f = row.f;
  return {
    id: f.id,
    unit: { id: f.unitId, name: row.unitName },
    request: f.requestId ? { id: f.requestId, title: row.requestTitle ?? '' } : null,
    title: f.title,
    period: f.period,
    dueOn: f.dueOn,
    fields: fieldsOf(f).map((x) => ({ ...x, bindingLabel: x.binding ? FORM_BINDING_LABELS[x.binding] : null })),
    areas: f.areaCodes.map((c) => ({ code: c, name: names.get(c)?.name ?? c })),
    returns: row.returns ?? null,
    submitted: row.submitted ?? null,
    createdAt: toIsoCst(f.createdAt),
  };
}

function mayReadForm(v: BurdenViewer, f: repo.FormRow) {
  return readsDistrict(v) || (isRequestingDepartment(v) && v.actor.unitId === f.unitId);
}

export async function listForms(ctx: AppContext, actor: Actor, q: { page: number; pageSize: number }) {
  const v = await viewerOf(ctx, actor);
  if (!readsDistrict(v) && !isRequestingDepartment(v)) throw forbidden('您不能查看部门报表');
  const { rows, total } = await repo.listForms(ctx.db, { unitId: readsDistrict(v) ? undefined : actor.unitId!, page: q.page, pageSize: q.pageSize });
  const names = await areaNames(ctx.db, rows.flatMap((r) => r.f.areaCodes));
  return { total, page: q.page, pageSize: q.pageSize, items: rows.map((r) => formDto(r, names)) };
}

/**
 * A form pushed down is work pushed down (`004` 非批不入): it goes only under an admitted request of
 * the caller's department and only to the communities that request named (domain formAdmissionProblem).
 * Admitted is a final state, so the request cannot change between this check and the form's insert.
 */
async function assertFormAdmitted(ctx: AppContext, actor: Actor, requestId: string, areaCodes: string[]) {
  const row = await repo.findRequest(ctx.db, requestId);
  const problem = formAdmissionProblem(row ? { unitId: row.r.unitId, state: row.r.state as RequestState, areaCodes: row.r.areaCodes } : null, { unitId: actor.unitId!, areaCodes });
  if (!problem) return;
  if (problem.code === 'unknown_request') throw invalid(problem.code, problem.message, { field: 'requestId' });
  if (problem.code === 'areas_not_admitted') {
    const names = await areaNames(ctx.db, problem.areas ?? []);
    throw conflict(problem.code, `${problem.message}：${(problem.areas ?? []).map((c) => names.get(c)?.name ?? c).join('、')}`);
  }
  throw conflict(problem.code, problem.message);
}

/** POST /api/burden/forms: a department designs a form once and sends it; every community's copy is pre-filled at once. */
export async function createForm(ctx: AppContext, actor: Actor, input: FormInput, req: RequestContext) {
  const v = await viewerOf(ctx, actor);
  if (!isRequestingDepartment(v)) throw forbidden('只有区职能部门可以设计报表');
  monthBounds(input.period);
  if (input.period > thisMonth()) throw invalid('invalid_period', '统计期（period）不能晚于本月', { field: 'period' });
  const problem = formFieldsProblem(input.fields);
  if (problem) throw invalid('invalid_fields', problem.message, { field: `fields.${problem.index}` });
  const areaCodes = await checkAreas(ctx, actor, input.areaCodes);
  await assertFormAdmitted(ctx, actor, input.requestId, areaCodes);
  const form = await ctx.db.transaction(async (tx) => {
    const f = await repo.insertForm(tx, { unitId: actor.unitId!, requestId: input.requestId, createdBy: actor.id, title: input.title, period: input.period, fields: input.fields, areaCodes, dueOn: input.dueOn || null });
    await audit(tx, { actor }, req, { action: 'burden.form.create', entityType: 'burden_form', entityId: f.id, detail: { title: f.title, period: f.period, requestId: input.requestId, fields: input.fields.length, areas: areaCodes.length } });
    return f;
  });
  const rows = [];
  for (const areaCode of areaCodes) {
    const values = await prefillFor(ctx, form, areaCode);
    const c = countSources(values);
    rows.push({ formId: form.id, areaCode, period: form.period, values, prefilled: c.prefilled, reused: c.reused, typed: 0 });
  }
  await repo.insertReturns(ctx.db, rows);
  return getForm(ctx, actor, form.id);
}

export async function getForm(ctx: AppContext, actor: Actor, id: string) {
  const v = await viewerOf(ctx, actor);
  const row = await repo.findForm(ctx.db, id);
  if (!row || !mayReadForm(v, row.f)) {
    if (!readsDistrict(v) && !isRequestingDepartment(v)) throw forbidden('您不能查看部门报表');
    throw notFound('报表');
  }
  const returns = await repo.returnsOfForm(ctx.db, id);
  const names = await areaNames(ctx.db, row.f.areaCodes);
  return {
    ...formDto({ ...row, returns: returns.length, submitted: returns.filter((r) => r.state === 'submitted').length }, names),
    items: returns.map((x) => ({
      id: x.id,
      area: { code: x.areaCode, name: names.get(x.areaCode)?.name ?? x.areaCode },
      state: x.state as FormReturn['state'],
      values: x.values as FieldValue[],
      prefilled: x.prefilled,
      reused: x.reused,
      typed: x.typed,
      submittedAt: toIsoCst(x.submittedAt),
    })),
  };
}

/** GET /api/burden/forms/:id/export: the returns as an Excel sheet, one row per community. */
export async function exportForm(ctx: AppContext, actor: Actor, id: string, req: RequestContext) {
  const form = await getForm(ctx, actor, id);
  const cols = form.fields.map((f, i) => ({
    header: f.label,
    type: f.type === 'number' ? ('number' as const) : ('text' as const),
    value: (r: (typeof form.items)[number]) => {
      const val = r.values[i]?.value ?? null;
      return f.type === 'number' && val !== null && r.state === 'submitted' ? Number(val) : r.state === 'submitted' ? val : null;
    },
  }));
  const body = await workbookBuffer({
    name: '报表汇总',
    title: `${form.title}（${form.period}）`,
    info: `${form.unit.name}；已报 ${form.submitted}/${form.returns} 个社区（村）；导出于 ${toIsoCst(new Date())}`,
    columns: [
      { header: '社区（村）', width: 20, value: (r: (typeof form.items)[number]) => r.area.name },
      { header: '状态', width: 8, value: (r: (typeof form.items)[number]) => (r.state === 'submitted' ? '已报' : '未报') },
      ...cols,
      { header: '平台预填字段数', type: 'int', value: (r: (typeof form.items)[number]) => r.prefilled + r.reused },
      { header: '报送时间', width: 18, value: (r: (typeof form.items)[number]) => r.submittedAt ?? '' },
    ],
    rows: form.items,
  });
  await audit(ctx.db, { actor }, req, { action: 'burden.form.export', entityType: 'burden_form', entityId: id, detail: { rows: form.items.length } });
  return { fileName: `${form.title}-${form.period}.xlsx`, body };
}

async function returnDto(ctx: AppContext, v: BurdenViewer, row: repo.ReturnWithForm, withValues: boolean): Promise<FormReturn> {
  const names = await areaNames(ctx.db, [row.x.areaCode]);
  const fields = fieldsOf(row.f);
  // A copy not yet sent back is pre-filled afresh: today's figures, and answers given since it came.
  const values = withValues ? (row.x.state === 'pending' ? await prefillFor(ctx, row.f, row.x.areaCode) : (row.x.values as FieldValue[])) : null;
  return {
    id: row.x.id,
    form: { id: row.f.id, title: row.f.title, period: row.f.period, dueOn: row.f.dueOn, unit: { id: row.f.unitId, name: row.unitName } },
    areaCode: row.x.areaCode,
    area: { code: row.x.areaCode, name: names.get(row.x.areaCode)?.name ?? row.x.areaCode },
    state: row.x.state as FormReturn['state'],
    fieldCount: fields.length,
    ...(values
      ? {
          fields: fields.map((f, i) => ({
            key: f.key,
            label: f.label,
            type: f.type,
            binding: f.binding,
            value: values[i]?.value ?? null,
            source: values[i]?.source ?? 'typed',
            sourceLabel: FIELD_SOURCE_LABELS[values[i]?.source ?? 'typed'],
          })),
        }
      : {}),
    prefilled: row.x.prefilled,
    reused: row.x.reused,
    typed: row.x.typed,
    submittedAt: toIsoCst(row.x.submittedAt),
    allowedActions: row.x.state === 'pending' && isCommunityStaff(v) ? ['submit'] : [],
  };
}

export async function listReturns(ctx: AppContext, actor: Actor, q: { state?: 'pending' | 'submitted'; page: number; pageSize: number }) {
  const v = await viewerOf(ctx, actor);
  if (!readsAreaInbox(v)) throw forbidden('您不能查看社区报表');
  const { rows, total } = await repo.listReturns(ctx.db, scopeOf(actor), q);
  return { total, page: q.page, pageSize: q.pageSize, items: await Promise.all(rows.map((r) => returnDto(ctx, v, r, false))) };
}

export async function getReturn(ctx: AppContext, actor: Actor, id: string) {
  const v = await viewerOf(ctx, actor);
  if (!readsAreaInbox(v)) throw forbidden('您不能查看社区报表');
  const row = await repo.findReturn(ctx.db, scopeOf(actor), id);
  if (!row) throw notFound('报表');
  return returnDto(ctx, v, row, true);
}

/** POST /api/burden/returns/:id/submit: the community fills only what the product could not, and sends it back. */
export async function submitReturn(ctx: AppContext, actor: Actor, id: string, typed: Record<string, string>, req: RequestContext) {
  const v = await viewerOf(ctx, actor);
  if (!readsAreaInbox(v)) throw forbidden('您不能填报社区报表');
  const row = await repo.findReturn(ctx.db, scopeOf(actor), id);
  if (!row) throw notFound('报表');
  if (!isCommunityStaff(v)) throw forbidden('只有社区工作者和党组织书记可以填报', 'action_not_allowed');
  if (row.x.state !== 'pending') throw conflict('already_submitted', '该报表已报送');
  const pre = await prefillFor(ctx, row.f, row.x.areaCode);
  const values = mergeTyped(fieldsOf(row.f), pre, typed);
  const c = countSources(values);
  await ctx.db.transaction(async (tx) => {
    const done = await repo.submitReturn(tx, id, { values, ...c, submittedBy: actor.id });
    if (!done) throw conflict('already_submitted', '该报表已报送');
    await audit(tx, { actor }, req, { action: 'burden.form.submit', entityType: 'burden_form_return', entityId: id, areaCode: row.x.areaCode, detail: { formId: row.f.id, ...c } });
  });
  return getReturn(ctx, actor, id);
}

// ---------------------------------------------------------------------------------------------
// Burden figures (per community and month; per department)

export async function figures(ctx: AppContext, actor: Actor, q: { from?: string; to?: string }) {
  const v = await viewerOf(ctx, actor);
  if (!readsDistrict(v)) throw forbidden('只有区委社会工作部、区指挥中心和区领导可以查看基层减负统计');
  const fromMonth = q.from ?? thisMonth();
  const toMonth = q.to ?? fromMonth;
  if (toMonth < fromMonth) throw invalid('invalid_period', '结束月份（to）不能早于开始月份（from）', { field: 'to' });
  const from = monthBounds(fromMonth).from;
  const to = monthBounds(toMonth).to;
  const scope = actor.scopeCode.length <= 6 ? scopeOf(actor) : systemScope(actor.scopeCode);
  const [byArea, byDept] = await Promise.all([repo.burdenByCommunity(ctx.db, scope, from, to), repo.burdenByDepartment(ctx.db, from, to)]);
  type Line = { area: string; month: string; admitted: number; outside: number; forms: number; submitted: number; prefilled: number; typed: number; refusedRequests: number; refusedHours: number };
  const lines = new Map<string, Line>();
  const line = (area: string, month: string) => {
    const k = `${area}|${month}`;
    let l = lines.get(k);
    if (!l) lines.set(k, (l = { area, month, admitted: 0, outside: 0, forms: 0, submitted: 0, prefilled: 0, typed: 0, refusedRequests: 0, refusedHours: 0 }));
    return l;
  };
  for (const r of byArea.tasks) Object.assign(line(r.area, r.month), { admitted: Number(r.admitted), outside: Number(r.outside) });
  for (const r of byArea.forms) Object.assign(line(r.area, r.month), { forms: Number(r.forms), submitted: Number(r.submitted), prefilled: Number(r.prefilled) + Number(r.reused), typed: Number(r.typed) });
  for (const r of byArea.refused) Object.assign(line(r.area, r.month), { refusedRequests: Number(r.n), refusedHours: Number(r.hours) });
  const names = await areaNames(ctx.db, [...new Set([...lines.values()].map((l) => l.area))]);
  const communities = [...lines.values()]
    .sort((a, b) => (a.month === b.month ? a.area.localeCompare(b.area) : b.month.localeCompare(a.month)))
    .map((l) => ({ ...l, area: { code: l.area, name: names.get(l.area)?.name ?? l.area }, hoursSaved: hoursSaved(l.prefilled, l.refusedHours) }));
  const depts = new Map<string, { unit: { id: string; name: string }; requested: number; admitted: number; refused: number; pending: number; flagged: number }>();
  const dept = (id: string, name: string) => {
    let d = depts.get(id);
    if (!d) depts.set(id, (d = { unit: { id, name }, requested: 0, admitted: 0, refused: 0, pending: 0, flagged: 0 }));
    return d;
  };
  for (const r of byDept.requests) Object.assign(dept(r.unit, r.name), { requested: Number(r.requested), admitted: Number(r.admitted), refused: Number(r.refused), pending: Number(r.pending) });
  for (const r of byDept.flags) dept(r.unit, r.name).flagged = Number(r.n);
  const sum = (k: 'admitted' | 'outside' | 'forms' | 'prefilled' | 'typed') => communities.reduce((n, c) => n + c[k], 0);
  return {
    from: fromMonth,
    to: toMonth,
    minutesPerPrefilledField: MINUTES_PER_PREFILLED_FIELD,
    totals: {
      admitted: sum('admitted'),
      outside: sum('outside'),
      forms: sum('forms'),
      prefilled: sum('prefilled'),
      typed: sum('typed'),
      hoursSaved: Math.round(communities.reduce((n, c) => n + c.hoursSaved, 0) * 10) / 10,
    },
    communities,
    departments: [...depts.values()].sort((a, b) => b.flagged - a.flagged || b.refused - a.refused || a.unit.name.localeCompare(b.unit.name)),
  };
}

/** For 我的待办: open tasks and forms waiting in the caller's communities; requests waiting for review. */
export async function todoCounts(ctx: AppContext, actor: Actor) {
  const v = await viewerOf(ctx, actor);
  const out: { tasks?: number; forms?: number; requests?: number } = {};
  if (isCommunityStaff(v)) Object.assign(out, await repo.countOpen(ctx.db, scopeOf(actor)));
  if (isBurdenReviewer(v)) out.requests = await repo.countSubmittedRequests(ctx.db);
  return out;
}
