// Reception days (接待日) and leaders' cases (领导包案), issue 12 item 8. `000`: "推行区级、镇（街道）党员
// 领导干部赴包片镇（街道）、村（社区）每月'接待日'制度". The district and town centres keep the schedule
// (who, where, when) and the leaders' attachments (包片); residents read their community's upcoming
// days; a case taken at a reception day enters through the one intake (createCase) with channel
// `reception` and the leader as its lead, who follows it on their own list.
import { checkReceptionDay, conflict, forbidden, invalid, isAreaCode, notFound, receptionPhase, uncoveredAttachments } from '@gongzhi/domain';
import type { Actor, RequestContext } from '../policies/actor.ts';
import { canReadReception, canScheduleReception, hasLeadList, mayEditDay, mayReadDay, mayRecordAtDay, receptionDayActions, receptionReadScope } from '../policies/reception.ts';
import * as repo from '../repositories/reception.ts';
import { insertNotifications } from '../repositories/cases.ts';
import { audit } from './audit.ts';
import { areaNames, placeNames } from './area-names.ts';
import { caseSummary, catalogueCache, createCase, type CaseInput } from './cases.ts';
import type { AppContext } from './context.ts';

export interface ReceptionDayInput {
  areaCode: string;
  place: string;
  day: string;
  startTime: string;
  endTime: string;
  leaderUserId?: string | null;
  leaderName?: string | null;
  leaderTitle?: string | null;
  note?: string | null;
}

const chinaToday = (now = new Date()) => new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

function present(actor: Actor | null, d: repo.ReceptionDayRow, cases: number, names: Map<string, { name: string }>) {
  return {
    id: d.id,
    areaCode: d.areaCode,
    areaName: names.get(d.areaCode)?.name ?? d.areaCode,
    townName: names.get(d.areaCode.slice(0, 9))?.name ?? null,
    place: d.place,
    day: d.day,
    startTime: d.startTime,
    endTime: d.endTime,
    leader: { userId: actor ? d.leaderUserId : null, name: d.leaderName, title: d.leaderTitle },
    note: d.note,
    phase: receptionPhase(d, new Date()),
    cases,
    allowedActions: actor ? receptionDayActions(actor, d, cases) : [],
  };
}

async function namesFor(ctx: AppContext, codes: string[]) {
  return areaNames(ctx.db, [...new Set(codes.flatMap((c) => [c, c.slice(0, 9)]))]);
}

// ---- the schedule ------------------------------------------------------------------------------------------

export async function listReceptionDays(ctx: AppContext, actor: Actor, q: { from?: string; to?: string; area?: string; mine?: boolean }) {
  if (!canReadReception(actor) && !hasLeadList(actor)) throw forbidden('您的角色不能查看接待日安排');
  const scope = receptionReadScope(actor);
  if (q.area && (!isAreaCode(q.area) || !(q.area.startsWith(scope) || scope.startsWith(q.area)))) throw notFound('区域');
  const today = chinaToday();
  const from = q.from || addDays(today, -31);
  const to = q.to || addDays(today, 62);
  if (to < from) throw invalid('invalid_date', '结束日期应不早于开始日期', { field: 'to' });
  if (Date.parse(to) - Date.parse(from) > 400 * 86_400_000) throw invalid('invalid_date', '查询跨度不能超过 400 天', { field: 'to' });
  const area = q.area && q.area.startsWith(scope) ? q.area : undefined;
  const rows = await repo.listDays(ctx.db, { scopeCode: scope, from, to, areaCode: area, leaderUserId: q.mine ? actor.id : undefined });
  // The monthly rule (每月接待日): attached communities of the leaders in scope with no day in the month of `from`.
  const month = from.slice(0, 7);
  const leaders = await repo.leadersFor(ctx.db, scope);
  const attachments = (await repo.attachmentsOf(ctx.db, leaders.map((l) => l.id))).filter((a) => a.areaCode.startsWith(scope));
  const monthDays = to.slice(0, 7) === month ? rows.map((r) => r.day) : (await repo.listDays(ctx.db, { scopeCode: scope, from: `${month}-01`, to: `${month}-31` })).map((r) => r.day);
  const uncovered = uncoveredAttachments(attachments, monthDays, month);
  const names = await namesFor(ctx, [...rows.map((r) => r.day.areaCode), ...uncovered.map((u) => u.areaCode)]);
  const leaderName = new Map(leaders.map((l) => [l.id, l.displayName]));
  return {
    from,
    to,
    items: rows.map((r) => present(actor, r.day, r.cases, names)),
    month,
    uncovered: uncovered.map((u) => ({ leaderUserId: u.userId, leaderName: leaderName.get(u.userId) ?? '—', areaCode: u.areaCode, areaName: names.get(u.areaCode)?.name ?? u.areaCode })),
    allowedActions: canScheduleReception(actor) ? ['create'] : [],
  };
}

async function loadDay(ctx: AppContext, actor: Actor, id: string) {
  const d = await repo.findDay(ctx.db, id);
  if (!d || !(mayReadDay(actor, d) || (hasLeadList(actor) && d.leaderUserId === actor.id))) throw notFound('接待日');
  return d;
}

export async function getReceptionDay(ctx: AppContext, actor: Actor, id: string) {
  const d = await loadDay(ctx, actor, id);
  const cases = await repo.casesOfDay(ctx.db, d.id);
  const names = await namesFor(ctx, [d.areaCode]);
  return { ...present(actor, d, cases.length, names), caseList: cases };
}

/** Checks the input and fills the leader's name from their account; throws the first problem. */
async function prepare(ctx: AppContext, actor: Actor, input: ReceptionDayInput) {
  if (!isAreaCode(input.areaCode) || !(await areaNames(ctx.db, [input.areaCode])).has(input.areaCode)) {
    throw invalid('invalid_area_code', `区域代码 ${input.areaCode.slice(0, 24)} 不存在`, { field: 'areaCode' });
  }
  if (!input.areaCode.startsWith(actor.scopeCode)) throw notFound('区域');
  let leaderName = input.leaderName?.trim() || null;
  let attachments: string[] | null = null;
  if (input.leaderUserId) {
    const leader = await repo.findLeader(ctx.db, input.leaderUserId);
    if (!leader) throw invalid('invalid_leader', '所选领导账号不存在或已停用', { field: 'leaderUserId' });
    leaderName = leaderName ?? leader.displayName.replace(/（.*）$/, '');
    attachments = (await repo.attachmentsOf(ctx.db, [leader.id])).map((a) => a.areaCode);
  }
  if (!leaderName) throw invalid('leader_required', '请选择接待领导或填写领导姓名', { field: 'leaderName' });
  const problem = checkReceptionDay({ areaCode: input.areaCode, day: input.day, startTime: input.startTime, endTime: input.endTime, leaderAttachments: attachments });
  if (problem) throw invalid(problem.code, problem.message, { field: problem.field });
  return {
    areaCode: input.areaCode,
    place: input.place.trim(),
    day: input.day,
    startTime: input.startTime,
    endTime: input.endTime,
    leaderUserId: input.leaderUserId ?? null,
    leaderName,
    leaderTitle: input.leaderTitle?.trim() || null,
    note: input.note?.trim() || null,
  };
}

export async function createReceptionDay(ctx: AppContext, actor: Actor, input: ReceptionDayInput, req: RequestContext) {
  if (!canScheduleReception(actor)) throw forbidden('只有区、镇（街道）指挥中心可以安排接待日');
  const row = await prepare(ctx, actor, input);
  const d = await ctx.db.transaction(async (tx) => {
    const d = await repo.insertDay(tx, { ...row, createdBy: actor.id });
    await audit(tx, { actor }, req, { action: 'reception.create', entityType: 'reception_day', entityId: d.id, areaCode: d.areaCode, detail: { day: d.day, leader: d.leaderName } });
    return d;
  });
  return present(actor, d, 0, await namesFor(ctx, [d.areaCode]));
}

export async function updateReceptionDay(ctx: AppContext, actor: Actor, id: string, patch: Partial<ReceptionDayInput>, req: RequestContext) {
  const d = await loadDay(ctx, actor, id);
  if (!mayEditDay(actor, d)) throw forbidden('只有区、镇（街道）指挥中心可以修改接待日');
  const merged: ReceptionDayInput = {
    areaCode: patch.areaCode ?? d.areaCode,
    place: patch.place ?? d.place,
    day: patch.day ?? d.day,
    startTime: patch.startTime ?? d.startTime,
    endTime: patch.endTime ?? d.endTime,
    leaderUserId: patch.leaderUserId !== undefined ? patch.leaderUserId : d.leaderUserId,
    // A new leader account brings its own name unless one is given.
    leaderName: patch.leaderName !== undefined ? patch.leaderName : patch.leaderUserId !== undefined ? null : d.leaderName,
    leaderTitle: patch.leaderTitle !== undefined ? patch.leaderTitle : d.leaderTitle,
    note: patch.note !== undefined ? patch.note : d.note,
  };
  const row = await prepare(ctx, actor, merged);
  const taken = (await repo.casesOfDay(ctx.db, d.id)).length;
  if (taken > 0 && (row.leaderUserId !== d.leaderUserId || row.areaCode !== d.areaCode)) {
    throw conflict('reception_day_has_cases', '该接待日已登记案件，不能更换接待领导或村（社区）');
  }
  const out = await ctx.db.transaction(async (tx) => {
    const out = await repo.updateDay(tx, d.id, row);
    await audit(tx, { actor }, req, { action: 'reception.update', entityType: 'reception_day', entityId: d.id, areaCode: out.areaCode, detail: { day: out.day } });
    return out;
  });
  return present(actor, out, taken, await namesFor(ctx, [out.areaCode]));
}

export async function deleteReceptionDay(ctx: AppContext, actor: Actor, id: string, req: RequestContext) {
  const d = await loadDay(ctx, actor, id);
  if (!mayEditDay(actor, d)) throw forbidden('只有区、镇（街道）指挥中心可以取消接待日');
  if ((await repo.casesOfDay(ctx.db, d.id)).length > 0) throw conflict('reception_day_has_cases', '该接待日已登记案件，不能取消');
  await ctx.db.transaction(async (tx) => {
    await repo.deleteDay(tx, d.id);
    await audit(tx, { actor }, req, { action: 'reception.delete', entityType: 'reception_day', entityId: d.id, areaCode: d.areaCode, detail: { day: d.day, leader: d.leaderName } });
  });
}

// ---- a case taken at a reception day ----------------------------------------------------------------------

export type ReceptionCaseInput = Omit<CaseInput, 'channel' | 'onSpot' | 'externalRef' | 'urgent'>;

export async function recordReceptionCase(ctx: AppContext, actor: Actor, id: string, input: ReceptionCaseInput, req: RequestContext, idempotencyKey?: string) {
  const d = await loadDay(ctx, actor, id);
  if (!mayRecordAtDay(actor, d)) throw forbidden('只有指挥中心或该村（社区）工作人员可以登记接待案件');
  if (d.day > chinaToday()) throw conflict('reception_day_not_held', '接待日尚未到来，不能登记接待案件');
  const areaCode = input.areaCode ?? d.areaCode;
  if (!areaCode.startsWith(d.areaCode)) throw invalid('invalid_area_code', '接待案件应在接待日所在村（社区）范围内', { field: 'areaCode' });
  const out = await createCase(ctx, actor, { ...input, areaCode, channel: 'reception' }, req, {
    idempotencyKey,
    lead: { userId: d.leaderUserId, name: d.leaderName, receptionDayId: d.id },
  });
  const created = out.body as { id?: string; code?: string; title?: string };
  if (out.status === 201 && d.leaderUserId && created.id) {
    // The leader hears of it on their bell; the case itself is committed whatever happens here.
    await insertNotifications(ctx.db, [{ userId: d.leaderUserId, caseId: created.id, kind: 'case.lead', title: `领导包案：${created.title ?? ''}（${created.code ?? ''}）` }]).catch(() => undefined);
  }
  return out;
}

// ---- 领导包案: the leader's own list ---------------------------------------------------------------------

export async function leadCaseList(ctx: AppContext, actor: Actor) {
  const rows = await repo.leadCases(ctx.db, actor.id, 500);
  const codes = [...new Set(rows.map((c) => c.areaCode))];
  const [names, places, cat] = await Promise.all([areaNames(ctx.db, codes), placeNames(ctx.db, codes), catalogueCache(ctx.db)]);
  const items = rows.map((c) => ({ ...caseSummary(c, names, cat.names, places), lead: c.leadName, receptionDayId: c.receptionDayId }));
  const open = items.filter((c) => !['closed', 'rejected', 'withdrawn', 'merged'].includes(c.state));
  return {
    total: items.length,
    openCount: open.length,
    overdueCount: open.filter((c) => c.overdue).length,
    closedCount: items.filter((c) => c.state === 'closed').length,
    items,
  };
}

// ---- what residents read -------------------------------------------------------------------------------

/** The upcoming reception days of a community (or of a town's communities): a public notice. */
export async function publishedReceptionDays(ctx: AppContext, area: string) {
  if (!isAreaCode(area) || area.length < 9) throw invalid('invalid_area_code', '请指定村（社区）', { field: 'area' });
  const village = area.slice(0, Math.min(area.length, 12));
  const names = await areaNames(ctx.db, [village]);
  if (!names.has(village)) throw notFound('区域');
  const rows = await repo.upcomingDays(ctx.db, village, chinaToday(), 20);
  const all = await namesFor(ctx, rows.map((r) => r.areaCode));
  return {
    area: { code: village, name: names.get(village)!.name },
    items: rows.map((d) => {
      const p = present(null, d, 0, all);
      return { id: p.id, areaCode: p.areaCode, areaName: p.areaName, place: p.place, day: p.day, startTime: p.startTime, endTime: p.endTime, leader: { name: p.leader.name, title: p.leader.title }, note: p.note, phase: p.phase };
    }),
  };
}

// ---- leaders and their attachments (包片) -----------------------------------------------------------------

export async function listLeaders(ctx: AppContext, actor: Actor) {
  if (!canReadReception(actor)) throw forbidden('您的角色不能查看接待领导');
  const leaders = await repo.leadersFor(ctx.db, actor.scopeCode);
  const attachments = await repo.attachmentsOf(ctx.db, leaders.map((l) => l.id));
  const names = await namesFor(ctx, [...leaders.map((l) => l.scopeCode), ...attachments.map((a) => a.areaCode)]);
  return {
    items: leaders.map((l) => ({
      id: l.id,
      name: l.displayName,
      scope: { code: l.scopeCode, name: names.get(l.scopeCode)?.name ?? l.scopeCode },
      attachments: attachments.filter((a) => a.userId === l.id).map((a) => ({ code: a.areaCode, name: names.get(a.areaCode)?.name ?? a.areaCode, editable: a.areaCode.startsWith(actor.scopeCode) })),
      allowedActions: canScheduleReception(actor) ? ['attach'] : [],
    })),
  };
}

export async function setLeaderAttachments(ctx: AppContext, actor: Actor, userId: string, areaCodes: string[], req: RequestContext) {
  if (!canScheduleReception(actor)) throw forbidden('只有区、镇（街道）指挥中心可以设置包片联系');
  const leader = await repo.findLeader(ctx.db, userId);
  const visible = leader && (await repo.leadersFor(ctx.db, actor.scopeCode)).some((l) => l.id === userId);
  if (!leader || !visible) throw notFound('领导');
  const codes = [...new Set(areaCodes)];
  const names = await areaNames(ctx.db, codes);
  for (const c of codes) {
    if (!isAreaCode(c) || !names.has(c)) throw invalid('invalid_area_code', `区域代码 ${c.slice(0, 24)} 不存在`, { field: 'areaCodes' });
    if (c.length !== 9 && c.length !== 12) throw invalid('invalid_area_level', '包片联系应为镇（街道）或村（社区）', { field: 'areaCodes' });
    if (!c.startsWith(actor.scopeCode)) throw notFound('区域');
  }
  await ctx.db.transaction(async (tx) => {
    await repo.replaceAttachments(tx, userId, actor.scopeCode, codes);
    await audit(tx, { actor }, req, { action: 'reception.attach', entityType: 'user', entityId: userId, areaCode: actor.scopeCode, detail: { areaCodes: codes } });
  });
  return (await listLeaders(ctx, actor)).items.find((l) => l.id === userId)!;
}
