// Emergency events (平战结合、一键转换, `002`): an area switched to wartime with a kind, a level and a reason, the
// forces formed and on call, and back to peacetime with a summary and the event's record. Every change goes
// through one function here, in one transaction with its timeline entry and audit row.
import {
  checkInTime,
  conflict,
  countOnCall,
  durationMinutes,
  durationZh,
  EMERGENCY_KIND_LABELS,
  EMERGENCY_LEVEL_LABELS,
  EMERGENCY_UNIT_KIND_LABELS,
  forbidden,
  invalid,
  isWithinScope,
  levelOfCode,
  notFound,
  ON_CALL_KIND_LABELS,
  onCallKindOf,
  overlappingEvent,
  STATE_LABELS,
  switchRefusal,
  type CaseState,
  type EmergencyKind,
  type EmergencyLevel,
  type EmergencyState,
  type EmergencyUnitKind,
  type OnCallKind,
} from '@gongzhi/domain';
import type { Actor, RequestContext } from '../policies/actor.ts';
import { emergencyAllowedActions, emergencyConcerns, mayAckTask, mayCheckIn, maySwitch, readsEmergencies } from '../policies/emergency.ts';
import { findArea, gridsUnder } from '../repositories/areas.ts';
import * as repo from '../repositories/emergencies.ts';
import { scopeOf } from '../repositories/scope.ts';
import { toIsoCst } from '../lib/time.ts';
import { areaNames, placeNames } from './area-names.ts';
import { audit } from './audit.ts';
import { catalogueCache } from './cases.ts';
import type { AppContext } from './context.ts';
import { withIdempotency } from './idempotency.ts';

const kindZh = (k: string) => EMERGENCY_KIND_LABELS[k as EmergencyKind]?.zh ?? k;
const levelZh = (l: string) => EMERGENCY_LEVEL_LABELS[l as EmergencyLevel]?.zh ?? l;

function present(actor: Actor, e: repo.EmergencyRow, areaName: string | null) {
  return {
    id: e.id,
    kind: e.kind as EmergencyKind,
    kindName: kindZh(e.kind),
    level: e.level as EmergencyLevel,
    levelName: levelZh(e.level),
    reason: e.reason,
    areaCode: e.areaCode,
    areaName,
    state: e.state as EmergencyState,
    startedAt: toIsoCst(e.startedAt)!,
    startedByName: e.startedByName,
    endedAt: toIsoCst(e.endedAt),
    endedByName: e.endedByName,
    summary: e.summary,
    // Only once ended: a live duration would make every read of an active event differ (screens count it themselves).
    durationMinutes: e.endedAt ? durationMinutes(e.startedAt, e.endedAt) : null,
    allowedActions: emergencyAllowedActions(actor, e),
  };
}
export type EmergencyView = ReturnType<typeof present>;

async function placeOf(ctx: AppContext, code: string) {
  return (await placeNames(ctx.db, [code])).get(code) ?? null;
}

async function readable(ctx: AppContext, actor: Actor, id: string) {
  if (!readsEmergencies(actor)) throw forbidden('您的角色不能查看应急事件');
  const e = await repo.findEvent(ctx.db, scopeOf(actor), id);
  if (!e) throw notFound('应急事件');
  return e;
}

export interface SwitchInput {
  areaCode: string;
  kind: EmergencyKind;
  level: EmergencyLevel;
  reason: string;
}

/** `POST /api/emergencies`: the area goes to wartime. One active event per area subtree (409 otherwise). */
export async function switchToWartime(ctx: AppContext, actor: Actor, input: SwitchInput, req: RequestContext) {
  if (!readsEmergencies(actor)) throw forbidden('您的角色不能启动战时状态');
  const area = await findArea(ctx.db, scopeOf(actor), input.areaCode);
  if (!area) throw notFound('区域');
  const refusal = switchRefusal(actor.roles, actor.scopeCode, input.areaCode);
  if (refusal === 'role' || refusal === 'scope') throw forbidden('只有镇（街道）、区指挥中心可以将本辖区转入战时状态');
  if (refusal === 'level') throw invalid('invalid_area_level', '战时状态的范围应为镇（街道）、村（社区）或网格', { field: 'areaCode' });
  const row = await ctx.db.transaction(async (tx) => {
    await repo.lockSwitches(tx);
    const clash = overlappingEvent(input.areaCode, await repo.activeOverlapping(tx, input.areaCode));
    if (clash) {
      const name = (await areaNames(tx, [clash.areaCode])).get(clash.areaCode)?.name ?? clash.areaCode;
      throw conflict('emergency_overlaps', `${name}已处于战时状态（${kindZh(clash.kind)}${levelZh(clash.level)}响应），不能重复启动；请先结束该事件`);
    }
    const e = await repo.insertEvent(tx, { ...input, startedBy: actor.id, startedByName: actor.displayName });
    await repo.insertLog(tx, { eventId: e.id, action: 'start', actorId: actor.id, actorName: actor.displayName, note: `${kindZh(e.kind)}${levelZh(e.level)}响应：${e.reason}` });
    await audit(tx, { actor }, req, { action: 'emergency.start', entityType: 'emergency', entityId: e.id, areaCode: e.areaCode, detail: { area: e.areaCode, kind: e.kind, responseLevel: e.level, reason: e.reason } });
    return e;
  });
  return present(actor, row, area.name);
}

export async function listEmergencies(ctx: AppContext, actor: Actor, state?: string) {
  if (!readsEmergencies(actor)) throw forbidden('您的角色不能查看应急事件');
  const rows = await repo.listEvents(ctx.db, scopeOf(actor), state);
  const names = await placeNames(ctx.db, rows.map((r) => r.areaCode));
  return { items: rows.map((r) => present(actor, r, names.get(r.areaCode) ?? null)), total: rows.length };
}

/**
 * `GET /api/emergencies/active?areaCode=`: the events in force over the area (default: the caller's scope) — what
 * every screen needs for its banner. Any signed-in account of the area may ask; the area must be on its branch.
 */
export async function activeFor(ctx: AppContext, actor: Actor, areaCode?: string) {
  const code = areaCode ?? actor.scopeCode;
  if (!isWithinScope(code, actor.scopeCode) && !isWithinScope(actor.scopeCode, code)) throw notFound('区域');
  const rows = (await repo.activeOverlapping(ctx.db, code)).filter((e) => isWithinScope(e.areaCode, actor.scopeCode) || isWithinScope(actor.scopeCode, e.areaCode));
  const names = await placeNames(ctx.db, rows.map((r) => r.areaCode));
  return {
    items: rows.map((e) => ({
      id: e.id,
      kind: e.kind as EmergencyKind,
      kindName: kindZh(e.kind),
      level: e.level as EmergencyLevel,
      levelName: levelZh(e.level),
      areaCode: e.areaCode,
      areaName: names.get(e.areaCode) ?? null,
      startedAt: toIsoCst(e.startedAt)!,
    })),
  };
}

export async function getEmergency(ctx: AppContext, actor: Actor, id: string) {
  const e = await readable(ctx, actor, id);
  const [log, units, forces] = await Promise.all([repo.logOf(ctx.db, e.id), repo.unitsOf(ctx.db, e.id), forcesOf(ctx, actor, e)]);
  return {
    ...present(actor, e, await placeOf(ctx, e.areaCode)),
    timeline: log.map((l) => ({ id: l.id, action: l.action, actorName: l.actorName, note: l.note, at: toIsoCst(l.createdAt)! })),
    units: units.map(presentUnit),
    forces,
  };
}

function presentUnit(u: repo.EmergencyUnitRow) {
  return {
    id: u.id,
    kind: u.kind as EmergencyUnitKind,
    kindName: EMERGENCY_UNIT_KIND_LABELS[u.kind as EmergencyUnitKind]?.zh ?? u.kind,
    name: u.name,
    areaCode: u.areaCode,
    leaderName: u.leaderName,
    members: u.members,
    partyOrgId: u.partyOrgId,
    createdByName: u.createdByName,
    createdAt: toIsoCst(u.createdAt)!,
  };
}

async function switchable(ctx: AppContext, actor: Actor, id: string) {
  const e = await readable(ctx, actor, id);
  if (!maySwitch(actor, e.areaCode)) throw forbidden('只有启动范围内的镇（街道）、区指挥中心可以调整或结束该应急事件');
  return e;
}

/** `POST /api/emergencies/{id}/actions/end`: back to peacetime, with a summary. */
export async function endEmergency(ctx: AppContext, actor: Actor, id: string, summary: string, req: RequestContext) {
  const e = await switchable(ctx, actor, id);
  const row = await ctx.db.transaction(async (tx) => {
    const locked = await repo.lockEvent(tx, e.id);
    if (!locked || locked.state !== 'active') throw conflict('emergency_ended', '该应急事件已结束，已恢复平时状态');
    const r = await repo.updateEvent(tx, e.id, { state: 'ended', endedAt: new Date(), endedByName: actor.displayName, summary });
    await repo.insertLog(tx, { eventId: e.id, action: 'end', actorId: actor.id, actorName: actor.displayName, note: summary });
    await audit(tx, { actor }, req, {
      action: 'emergency.end',
      entityType: 'emergency',
      entityId: e.id,
      areaCode: e.areaCode,
      detail: { area: e.areaCode, kind: e.kind, responseLevel: e.level, minutes: durationMinutes(r.startedAt, r.endedAt), summary },
    });
    return r;
  });
  return present(actor, row, await placeOf(ctx, row.areaCode));
}

export interface UnitInput {
  kind: EmergencyUnitKind;
  name: string;
  areaCode?: string;
  leaderName?: string;
  members?: string[];
  partyOrgId?: string;
}

/** A temporary party branch or commando team formed for the event, in its area. */
export async function addUnit(ctx: AppContext, actor: Actor, id: string, input: UnitInput, req: RequestContext) {
  const e = await switchable(ctx, actor, id);
  const areaCode = input.areaCode ?? e.areaCode;
  if (!isWithinScope(areaCode, e.areaCode)) throw invalid('area_outside_event', '组建范围应在战时区域之内', { field: 'areaCode' });
  const row = await ctx.db.transaction(async (tx) => {
    const locked = await repo.lockEvent(tx, e.id);
    if (!locked || locked.state !== 'active') throw conflict('emergency_ended', '该应急事件已结束，不能再组建力量');
    const u = await repo.insertUnit(tx, {
      eventId: e.id,
      kind: input.kind,
      name: input.name,
      areaCode,
      leaderName: input.leaderName ?? null,
      members: input.members ?? [],
      partyOrgId: input.partyOrgId ?? null,
      createdByName: actor.displayName,
    });
    const kindName = EMERGENCY_UNIT_KIND_LABELS[input.kind].zh;
    await repo.insertLog(tx, { eventId: e.id, action: 'unit', actorId: actor.id, actorName: actor.displayName, note: `组建${kindName}“${u.name}”${u.leaderName ? `，负责人 ${u.leaderName}` : ''}` });
    await audit(tx, { actor }, req, { action: 'emergency.unit', entityType: 'emergency', entityId: e.id, areaCode, detail: { unit: u.name, kind: input.kind, members: u.members.length } });
    return u;
  });
  return presentUnit(row);
}

export interface CheckInInput {
  gridCode?: string;
  post?: string;
  lat?: number;
  lng?: number;
  /** When the person tapped 签到 (a check-in queued on a phone without a signal arrives later). */
  at?: string;
}

const CHECK_IN_TIME_PROBLEMS = {
  future: '签到时间晚于当前时间，请检查手机时间',
  before_event: '签到时间早于战时开始时间',
  too_old: '签到时间已超过三天，不再补记',
} as const;

/**
 * `POST /api/emergencies/{id}/check-ins`: the caller is at a post of a grid of the event (their own grid by default).
 * Location is optional: a phone without a fix still checks in.
 */
export async function checkIn(ctx: AppContext, actor: Actor, id: string, input: CheckInInput, req: RequestContext, idempotencyKey?: string) {
  const e = await readable(ctx, actor, id);
  const kind = onCallKindOf(actor.roles);
  if (!mayCheckIn(actor) || !kind) throw forbidden('您的角色不在战时值守力量之列');
  const gridCode = input.gridCode ?? (levelOfCode(actor.scopeCode) === 'grid' ? actor.scopeCode : null);
  if (!gridCode) throw invalid('grid_required', '请选择值守的网格', { field: 'gridCode' });
  if (levelOfCode(gridCode) !== 'grid' || !isWithinScope(gridCode, actor.scopeCode) || !isWithinScope(gridCode, e.areaCode)) {
    throw invalid('grid_outside', '值守网格应在您的辖区和战时区域之内', { field: 'gridCode' });
  }
  const when = checkInTime(input.at ? new Date(input.at) : null, new Date(), e.startedAt);
  if ('problem' in when) throw invalid(`check_in_${when.problem}`, CHECK_IN_TIME_PROBLEMS[when.problem], { field: 'at' });
  const res = await withIdempotency(ctx, `ci:${actor.id}:${e.id}`, idempotencyKey, async (tx) => {
    const locked = await repo.lockEvent(tx, e.id);
    if (!locked || locked.state !== 'active') throw conflict('emergency_ended', '该应急事件已结束，无需再签到');
    const row = await repo.insertCheckIn(tx, {
      eventId: e.id,
      userId: actor.id,
      userName: actor.displayName,
      kind,
      gridCode,
      post: input.post ?? null,
      lat: input.lat ?? null,
      lng: input.lng ?? null,
      createdAt: when.at,
    });
    await audit(tx, { actor }, req, { action: 'emergency.checkin', entityType: 'emergency', entityId: e.id, areaCode: gridCode, detail: { grid: gridCode, kind, located: input.lat != null, ...(input.at ? { tappedAt: toIsoCst(when.at) } : {}) } });
    return { status: 201, body: { id: row.id, eventId: e.id, kind: row.kind, kindName: ON_CALL_KIND_LABELS[kind].zh, gridCode: row.gridCode, post: row.post, at: toIsoCst(row.createdAt)! } };
  });
  return res.body as { id: string; eventId: string; kind: string; kindName: string; gridCode: string; post: string | null; at: string };
}

/** The live count of people on call per grid of the event (within the caller's scope). */
async function forcesOf(ctx: AppContext, actor: Actor, e: repo.EmergencyRow) {
  const scope = scopeOf(actor);
  const [checkIns, grids] = await Promise.all([repo.checkInsOf(ctx.db, scope, e.id), gridsUnder(ctx.db, scope, e.areaCode)]);
  const counted = countOnCall(checkIns.map((c) => ({ personKey: c.userId, kind: c.kind as OnCallKind, gridCode: c.gridCode, at: c.createdAt })));
  const byCode = new Map(counted.byGrid.map((g) => [g.gridCode, g]));
  const names = await areaNames(ctx.db, [...new Set([...grids.map((g) => g.code), ...counted.byGrid.map((g) => g.gridCode)])]);
  const codes = [...new Set([...grids.map((g) => g.code), ...byCode.keys()])].sort();
  const mine = checkIns.filter((c) => c.userId === actor.id).at(-1);
  return {
    checkedIn: counted.total,
    byGrid: codes.map((code) => {
      const g = byCode.get(code);
      return {
        gridCode: code,
        gridName: names.get(code)?.name ?? code,
        gridWorkers: g?.['grid-worker'] ?? 0,
        cadres: g?.cadre ?? 0,
        partyMembers: g?.['party-member'] ?? 0,
        volunteers: g?.volunteer ?? 0,
        total: g?.total ?? 0,
      };
    }),
    recent: checkIns
      .slice(-20)
      .reverse()
      .map((c) => ({ id: c.id, userName: c.userName, kind: c.kind, kindName: ON_CALL_KIND_LABELS[c.kind as OnCallKind]?.zh ?? c.kind, gridCode: c.gridCode, post: c.post, at: toIsoCst(c.createdAt)! })),
    myCheckIn: mine ? { gridCode: mine.gridCode, at: toIsoCst(mine.createdAt)! } : null,
  };
}

export async function forces(ctx: AppContext, actor: Actor, id: string) {
  return forcesOf(ctx, actor, await readable(ctx, actor, id));
}

/**
 * The event's record (any time, and final once ended): duration, forces mobilised and checked in, households reached
 * per round of each campaign of the event, cases raised during it by type and state, people moved.
 */
export async function emergencyRecord(ctx: AppContext, actor: Actor, id: string) {
  const e = await readable(ctx, actor, id);
  const scope = scopeOf(actor);
  const [units, forcesNow, campaignRows, caseRows, latest, moved, catalogue] = await Promise.all([
    repo.unitsOf(ctx.db, e.id),
    forcesOf(ctx, actor, e),
    repo.campaignsDuring(ctx.db, scope, e),
    repo.casesDuring(ctx.db, scope, e.areaCode, e.startedAt, e.endedAt),
    repo.latestCasesDuring(ctx.db, scope, e.areaCode, e.startedAt, e.endedAt),
    repo.peopleMoved(ctx.db, scope, e),
    catalogueCache(ctx.db),
  ]);
  const campaignsOut = [];
  for (const c of campaignRows) {
    // Counted over the part of the campaign's area inside the event's area (a campaign may cover a wider area).
    const within = isWithinScope(c.areaCode, e.areaCode) ? c.areaCode : e.areaCode;
    const [perRound, reached, householdCount] = await Promise.all([
      repo.reachedPerRound(ctx.db, scope, c.id, within),
      repo.reachedTotal(ctx.db, scope, c.id, within),
      repo.countHouseholds(ctx.db, scope, within),
    ]);
    const rounds = Array.from({ length: c.round }, (_, i) => ({ round: i + 1, reached: perRound.find((r) => r.round === i + 1)?.reached ?? 0 }));
    campaignsOut.push({ id: c.id, title: c.title, areaCode: c.areaCode, state: c.state, round: c.round, households: householdCount, reached, rounds });
  }
  const byCategory = new Map<string, number>();
  const byState = new Map<string, number>();
  for (const r of caseRows) {
    byCategory.set(r.categoryCode, (byCategory.get(r.categoryCode) ?? 0) + r.n);
    byState.set(r.state, (byState.get(r.state) ?? 0) + r.n);
  }
  const members = units.reduce((n, u) => n + u.members.length + (u.leaderName ? 1 : 0), 0);
  const minutes = durationMinutes(e.startedAt, e.endedAt);
  const latestPlaces = await placeNames(ctx.db, latest.map((c) => c.areaCode));
  return {
    event: present(actor, e, await placeOf(ctx, e.areaCode)),
    duration: { minutes, text: durationZh(minutes) },
    forces: {
      tempBranches: units.filter((u) => u.kind === 'temp-branch').length,
      commandoTeams: units.filter((u) => u.kind === 'commando').length,
      unitMembers: members,
      checkedIn: forcesNow.checkedIn,
      byGrid: forcesNow.byGrid,
    },
    campaigns: campaignsOut,
    cases: {
      total: caseRows.reduce((n, r) => n + r.n, 0),
      byCategory: [...byCategory.entries()].sort((a, b) => b[1] - a[1]).map(([code, count]) => ({ code, name: catalogue.names.get(code) ?? code, count })),
      byState: [...byState.entries()].map(([state, count]) => ({ state, name: STATE_LABELS[state as CaseState]?.zh ?? state, count })),
      latest: latest.map((c) => ({
        id: c.id,
        code: c.code,
        title: c.title,
        state: c.state,
        stateName: STATE_LABELS[c.state as CaseState]?.zh ?? c.state,
        categoryName: catalogue.names.get(c.categoryCode) ?? c.categoryCode,
        place: latestPlaces.get(c.areaCode) ?? '',
        createdAt: toIsoCst(c.createdAt)!,
      })),
    },
    // null until the evacuation lists exist (see repositories/emergencies.ts, peopleMoved): the record says 0.
    peopleMoved: { count: moved },
    units: units.map(presentUnit),
  };
}
export type EmergencyRecord = Awaited<ReturnType<typeof emergencyRecord>>;

// ---- tasks sent to the forces (听令而动) ------------------------------------------------------------------------

export interface TaskInput {
  title: string;
  detail?: string;
  /** The event's area by default, or a village or grid inside it. */
  areaCode?: string;
}

type Ack = Awaited<ReturnType<typeof repo.acksOf>>[number];

function presentTask(actor: Actor, e: repo.EmergencyRow, t: repo.EmergencyTaskRow, acks: Ack[], areaName: string | null) {
  const mine = acks.find((a) => a.userId === actor.id);
  return {
    id: t.id,
    eventId: t.eventId,
    title: t.title,
    detail: t.detail,
    areaCode: t.areaCode,
    areaName,
    createdByName: t.createdByName,
    createdAt: toIsoCst(t.createdAt)!,
    acks: acks.length,
    ackedBy: acks.map((a) => ({ userName: a.userName, note: a.note, at: toIsoCst(a.createdAt)! })),
    myAck: mine ? toIsoCst(mine.createdAt)! : null,
    allowedActions: e.state === 'active' && !mine && mayAckTask(actor, t.areaCode) ? ['ack'] : [],
  };
}

/** `POST /api/emergencies/{id}/tasks`: the command sends a task to the forces on call in the event's area or part of it. */
export async function sendTask(ctx: AppContext, actor: Actor, id: string, input: TaskInput, req: RequestContext) {
  const e = await switchable(ctx, actor, id);
  const areaCode = input.areaCode ?? e.areaCode;
  if (!isWithinScope(areaCode, e.areaCode)) throw invalid('area_outside_event', '任务范围应在战时区域之内', { field: 'areaCode' });
  const row = await ctx.db.transaction(async (tx) => {
    const locked = await repo.lockEvent(tx, e.id);
    if (!locked || locked.state !== 'active') throw conflict('emergency_ended', '该应急事件已结束，不能再下达任务');
    const t = await repo.insertTask(tx, { eventId: e.id, title: input.title, detail: input.detail ?? null, areaCode, createdBy: actor.id, createdByName: actor.displayName });
    await repo.insertLog(tx, { eventId: e.id, action: 'task', actorId: actor.id, actorName: actor.displayName, note: `下达任务“${t.title}”` });
    await audit(tx, { actor }, req, { action: 'emergency.task', entityType: 'emergency', entityId: e.id, areaCode, detail: { task: t.title, area: areaCode } });
    return t;
  });
  return presentTask(actor, e, row, [], await placeOf(ctx, row.areaCode));
}

/** `GET /api/emergencies/{id}/tasks`: the tasks of the caller's branch, newest first, with who has acknowledged them. */
export async function listTasks(ctx: AppContext, actor: Actor, id: string) {
  const e = await readable(ctx, actor, id);
  const rows = await repo.tasksOf(ctx.db, scopeOf(actor), e.id);
  const acks = await repo.acksOf(ctx.db, rows.map((t) => t.id));
  const names = await placeNames(ctx.db, [...new Set(rows.map((t) => t.areaCode))]);
  return { items: rows.map((t) => presentTask(actor, e, t, acks.filter((a) => a.taskId === t.id), names.get(t.areaCode) ?? null)) };
}

/** `POST /api/emergency-tasks/{taskId}/ack`: "收到", once per person; a second one answers the same. */
export async function ackTask(ctx: AppContext, actor: Actor, taskId: string, note: string | undefined, req: RequestContext) {
  const task = await repo.findTask(ctx.db, taskId);
  if (!task) throw notFound('战时任务');
  const e = await readable(ctx, actor, task.eventId);
  if (!emergencyConcerns(actor, task.areaCode)) throw notFound('战时任务');
  if (!mayAckTask(actor, task.areaCode)) throw forbidden('您的角色不在战时值守力量之列');
  await ctx.db.transaction(async (tx) => {
    const locked = await repo.lockEvent(tx, e.id);
    if (!locked || locked.state !== 'active') throw conflict('emergency_ended', '该应急事件已结束，无需再确认任务');
    if (await repo.insertAck(tx, { taskId: task.id, userId: actor.id, userName: actor.displayName, note: note ?? null })) {
      await audit(tx, { actor }, req, { action: 'emergency.task-ack', entityType: 'emergency', entityId: e.id, areaCode: task.areaCode, detail: { task: task.title } });
    }
  });
  const acks = await repo.acksOf(ctx.db, [task.id]);
  return presentTask(actor, e, task, acks, await placeOf(ctx, task.areaCode));
}
