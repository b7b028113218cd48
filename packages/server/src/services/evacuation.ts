// Evacuation lists (转移安置, docs/EMERGENCY.md): for an area, the people of red and orange households and those who
// cannot leave alone, where each goes (安置点), who is responsible, and each move confirmed (arrived, by whom, when).
// Every change of an entry goes through `changeEntry`, with its event row and audit row in one transaction.
import {
  conflict,
  countEvacuationStates,
  EVACUATE_COLOURS,
  EVACUATION_ACTION_ZH,
  EVACUATION_STATE_ZH,
  evacuationActionProblem,
  evacuationPriority,
  evacuationReasons,
  forbidden,
  invalid,
  isWithinScope,
  levelOfCode,
  maskPhone,
  nextEvacuationState,
  notFound,
  PLACE_KINDS,
  RISK_COLOUR_ZH,
  SENSITIVE_GROUPS,
  needsHelp,
  type EvacuationAction,
  type EvacuationListState,
  type EvacuationState,
  type RiskColour,
} from '@gongzhi/domain';
import type { Actor, RequestContext } from '../policies/actor.ts';
import { entryAllowedActions, EVACUATION_WORKERS, evacuationAllowedActions, evacuationConcerns, mayMarkEntry, mayOrganiseEvacuation, readsEvacuations } from '../policies/evacuation.ts';
import { canSeeSensitiveTags } from '../policies/person.ts';
import { findArea, namesOf } from '../repositories/areas.ts';
import * as repo from '../repositories/evacuation.ts';
import { findPerson } from '../repositories/people.ts';
import { scopeOf } from '../repositories/scope.ts';
import { ageOn, toIsoCst } from '../lib/time.ts';
import { workbookBuffer } from '../lib/xlsx.ts';
import { placeNames } from './area-names.ts';
import { audit } from './audit.ts';
import type { AppContext } from './context.ts';
import { withIdempotency } from './idempotency.ts';

/** Places that can take people in: schools and the public facilities of the registry. */
export const SHELTER_KINDS: readonly string[] = ['school', ...PLACE_KINDS.filter((k) => k.group === 'facility').map((k) => k.code)];

function requireReader(actor: Actor) {
  if (!readsEvacuations(actor)) throw forbidden('您的角色不能查看转移安置名单');
}

async function readable(ctx: AppContext, actor: Actor, id: string) {
  requireReader(actor);
  const e = await repo.findEvacuation(ctx.db, scopeOf(actor), id);
  if (!e || !evacuationConcerns(actor, e.areaCode)) throw notFound('转移安置名单');
  return e;
}

async function organisable(ctx: AppContext, actor: Actor, id: string) {
  const e = await readable(ctx, actor, id);
  if (!mayOrganiseEvacuation(actor, e.areaCode)) throw forbidden('只有名单范围内的指挥中心和社区（村）工作人员可以调整转移安置名单');
  if (e.state !== 'open') throw conflict('evacuation_closed', '该转移安置名单已结束');
  return e;
}

function presentList(actor: Actor, e: repo.EvacuationRow, areaName: string | null, counts: ReturnType<typeof countEvacuationStates>) {
  return {
    id: e.id,
    title: e.title,
    areaCode: e.areaCode,
    areaName,
    emergencyId: e.emergencyId,
    colours: e.colours as RiskColour[],
    withNeedsHelp: e.withNeedsHelp,
    state: e.state as EvacuationListState,
    createdByName: e.createdByName,
    createdAt: toIsoCst(e.createdAt),
    closedAt: toIsoCst(e.closedAt),
    counts,
    allowedActions: evacuationAllowedActions(actor, e),
  };
}

async function countsOf(ctx: AppContext, actor: Actor, ids: string[]) {
  const rows = await repo.stateCounts(ctx.db, scopeOf(actor), ids);
  const per = new Map<string, string[]>();
  for (const r of rows) {
    const list = per.get(r.evacuationId) ?? [];
    for (let i = 0; i < r.n; i++) list.push(r.state);
    per.set(r.evacuationId, list);
  }
  return (id: string) => countEvacuationStates(per.get(id) ?? []);
}

function presentEntry(actor: Actor, r: repo.EntryView, place: string) {
  const sensitive = canSeeSensitiveTags(actor);
  const e = r.e;
  return {
    id: e.id,
    evacuationId: e.evacuationId,
    evacuationTitle: r.evacuationTitle,
    personId: e.personId,
    name: r.personName,
    gender: r.gender,
    age: ageOn(r.birthDate),
    phone: maskPhone(r.phoneLast4),
    // Which help tag it is (health, disability) shows only to roles that may see sensitive tags.
    needsHelp: e.reasons.includes('needs-help') || needsHelp(r.tags),
    helpTags: r.tags.filter((t) => ['living-alone-elderly', 'disabled', 'bedridden'].includes(t) && (sensitive || !SENSITIVE_GROUPS.has(t))),
    householdId: e.householdId,
    areaCode: e.areaCode,
    address: `${place}${r.doorplate ?? ''}`,
    riskColour: e.riskColour as RiskColour | null,
    reasons: e.reasons,
    destination: { placeId: e.destinationPlaceId, name: r.placeName ?? e.destinationText ?? null, text: e.destinationText },
    responsible: e.responsibleId ? { id: e.responsibleId, name: e.responsibleName } : null,
    state: e.state as EvacuationState,
    refusedReason: e.refusedReason,
    arrivedAt: toIsoCst(e.arrivedAt),
    arrivedByName: e.arrivedByName,
    note: e.note,
    updatedAt: toIsoCst(e.updatedAt),
    allowedActions: entryAllowedActions(actor, e, r.evacuationState === 'open'),
  };
}

async function presentEntries(ctx: AppContext, actor: Actor, rows: repo.EntryView[]) {
  const places = await placeNames(ctx.db, rows.map((r) => r.e.areaCode));
  return rows.map((r) => presentEntry(actor, r, places.get(r.e.areaCode) ?? ''));
}

export interface Destination {
  destinationPlaceId?: string | null;
  destinationText?: string | null;
  responsibleId?: string | null;
}

/** Checks a destination place and a responsible account against the list's area; returns the columns to set. */
async function destinationColumns(ctx: AppContext, areaCode: string, d: Destination) {
  const set: { destinationPlaceId?: string | null; destinationText?: string | null; responsibleId?: string | null; responsibleName?: string | null } = {};
  if (d.destinationPlaceId !== undefined) {
    if (d.destinationPlaceId) {
      const p = await repo.findPlace(ctx.db, d.destinationPlaceId);
      if (!p || !SHELTER_KINDS.includes(p.kind) || !p.areaCode.startsWith(areaCode.slice(0, Math.min(areaCode.length, 12)))) {
        throw invalid('invalid_shelter', '安置点应为本村（社区）登记的学校或公共设施', { field: 'destinationPlaceId' });
      }
    }
    set.destinationPlaceId = d.destinationPlaceId || null;
  }
  if (d.destinationText !== undefined) set.destinationText = d.destinationText?.trim() || null;
  if (d.responsibleId !== undefined) {
    if (d.responsibleId) {
      const ok = (await repo.assignableUsers(ctx.db, areaCode, EVACUATION_WORKERS)).find((u) => u.id === d.responsibleId);
      if (!ok) throw invalid('invalid_responsible', '责任人应为该区域在岗的网格员、楼栋长或社区（村）、镇（街道）工作人员', { field: 'responsibleId' });
      set.responsibleId = ok.id;
      set.responsibleName = ok.displayName;
    } else {
      set.responsibleId = null;
      set.responsibleName = null;
    }
  }
  return set;
}

export interface CreateInput extends Destination {
  title: string;
  areaCode: string;
  emergencyId?: string | null;
  colours?: RiskColour[];
  withNeedsHelp?: boolean;
}

/**
 * `POST /api/evacuations`: a list for an area made in one action from the colours — every active person of a
 * household of the chosen colours (default red and orange), and those needing help when `withNeedsHelp`.
 */
export async function createEvacuation(ctx: AppContext, actor: Actor, input: CreateInput, req: RequestContext) {
  requireReader(actor);
  const scope = scopeOf(actor);
  const area = await findArea(ctx.db, scope, input.areaCode);
  if (!area) throw notFound('区域');
  if (!mayOrganiseEvacuation(actor, input.areaCode)) throw forbidden('只有区、镇（街道）指挥中心和社区（村）工作人员可以生成转移安置名单');
  const level = levelOfCode(input.areaCode);
  if (level === 'building' || level === 'unit') throw invalid('invalid_area_level', '转移安置的范围应为区、镇（街道）、村（社区）或网格', { field: 'areaCode' });
  const colours = input.colours ?? [...EVACUATE_COLOURS];
  const withNeedsHelp = input.withNeedsHelp ?? true;
  const dest = await destinationColumns(ctx, input.areaCode, input);
  const candidates = await repo.evacuationCandidates(ctx.db, scope, input.areaCode, colours, withNeedsHelp);
  const chosen = candidates
    .map((c) => ({ ...c, reasons: evacuationReasons(c, colours, withNeedsHelp) }))
    .filter((c) => c.reasons.length > 0)
    .sort((a, b) => evacuationPriority(b.reasons, b.householdColour) - evacuationPriority(a.reasons, a.householdColour) || a.areaCode.localeCompare(b.areaCode));
  const e = await ctx.db.transaction(async (tx) => {
    const row = await repo.insertEvacuation(tx, {
      title: input.title,
      areaCode: input.areaCode,
      emergencyId: input.emergencyId ?? null,
      colours,
      withNeedsHelp,
      createdBy: actor.id,
      createdByName: actor.displayName,
    });
    const entries = await repo.insertEntries(
      tx,
      chosen.map((c) => ({ evacuationId: row.id, personId: c.personId, householdId: c.householdId, areaCode: c.areaCode, reasons: c.reasons, riskColour: c.householdColour, ...dest })),
    );
    await repo.insertEvents(tx, entries.map((en) => ({ entryId: en.id, action: 'create', toState: 'pending', actorId: actor.id, actorName: actor.displayName })));
    await audit(tx, { actor }, req, {
      action: 'evacuation.create',
      entityType: 'evacuation',
      entityId: row.id,
      areaCode: row.areaCode,
      detail: { title: row.title, area: row.areaCode, people: entries.length },
    });
    return row;
  });
  return getEvacuation(ctx, actor, e.id, {});
}

export async function listEvacuations(ctx: AppContext, actor: Actor, state?: string) {
  requireReader(actor);
  const rows = await repo.listEvacuations(ctx.db, scopeOf(actor), state);
  const [names, counts] = await Promise.all([namesOf(ctx.db, [...new Set(rows.map((r) => r.areaCode))]), countsOf(ctx, actor, rows.map((r) => r.id))]);
  return { items: rows.map((r) => presentList(actor, r, names.get(r.areaCode)?.name ?? null, counts(r.id))), total: rows.length };
}

/** `GET /api/evacuations/{id}`: the list, counts per state, the entries of the caller's scope, and what the organisers can choose from. */
export async function getEvacuation(ctx: AppContext, actor: Actor, id: string, q: { state?: EvacuationState; mine?: boolean }) {
  const e = await readable(ctx, actor, id);
  const scope = scopeOf(actor);
  const [names, counts, rows] = await Promise.all([
    namesOf(ctx.db, [e.areaCode]),
    countsOf(ctx, actor, [e.id]),
    repo.listEntries(ctx.db, scope, { evacuationId: e.id, state: q.state, responsibleId: q.mine ? actor.id : undefined }),
  ]);
  const organiser = e.state === 'open' && mayOrganiseEvacuation(actor, e.areaCode);
  const [assignees, shelters] = organiser
    ? await Promise.all([repo.assignableUsers(ctx.db, e.areaCode, EVACUATION_WORKERS), repo.shelterPlaces(ctx.db, scope, e.areaCode, SHELTER_KINDS)])
    : [[], []];
  return {
    ...presentList(actor, e, names.get(e.areaCode)?.name ?? null, counts(e.id)),
    items: await presentEntries(ctx, actor, rows),
    assignees: assignees.map((u) => ({ id: u.id, name: u.displayName })),
    shelters: shelters.map((p) => ({ id: p.id, name: p.name, kind: p.kind, areaCode: p.areaCode, address: p.address })),
  };
}

/** `POST /api/evacuations/{id}/entries`: people added by hand (a person the colours did not catch). */
export async function addEntries(ctx: AppContext, actor: Actor, id: string, input: Destination & { personIds: string[]; note?: string }, req: RequestContext) {
  const e = await organisable(ctx, actor, id);
  const scope = scopeOf(actor);
  const people: NonNullable<Awaited<ReturnType<typeof findPerson>>>[] = [];
  for (const pid of [...new Set(input.personIds)]) {
    const p = await findPerson(ctx.db, scope, pid);
    if (!p || p.status !== 'active' || !isWithinScope(p.areaCode, e.areaCode)) throw notFound('人员');
    people.push(p);
  }
  const dest = await destinationColumns(ctx, e.areaCode, input);
  const made = await ctx.db.transaction(async (tx) => {
    const rows = await repo.insertEntries(
      tx,
      people.map((p) => ({
        evacuationId: e.id,
        personId: p.id,
        householdId: p.householdId,
        areaCode: p.areaCode,
        reasons: needsHelp(p.tags) ? ['needs-help'] : [],
        riskColour: null,
        note: input.note ?? null,
        ...dest,
      })),
    );
    await repo.insertEvents(tx, rows.map((en) => ({ entryId: en.id, action: 'create', toState: 'pending', note: input.note ?? null, actorId: actor.id, actorName: actor.displayName })));
    await audit(tx, { actor }, req, { action: 'evacuation.add', entityType: 'evacuation', entityId: e.id, areaCode: e.areaCode, detail: { title: e.title, people: rows.length } });
    return rows;
  });
  const views = await repo.listEntries(ctx.db, scope, { evacuationId: e.id });
  const ids = new Set(made.map((m) => m.id));
  return { added: made.length, items: await presentEntries(ctx, actor, views.filter((v) => ids.has(v.e.id))) };
}

/** `POST /api/evacuations/{id}/assign`: a responsible account and/or a destination for some entries. */
export async function assignEntries(ctx: AppContext, actor: Actor, id: string, input: Destination & { entryIds: string[] }, req: RequestContext) {
  const e = await organisable(ctx, actor, id);
  const scope = scopeOf(actor);
  const dest = await destinationColumns(ctx, e.areaCode, input);
  if (Object.keys(dest).length === 0) throw invalid('nothing_to_assign', '请选择责任人或安置点', { field: 'responsibleId' });
  const mine = await repo.listEntries(ctx.db, scope, { evacuationId: e.id });
  const known = new Set(mine.map((m) => m.e.id));
  const ids = [...new Set(input.entryIds)];
  if (ids.some((x) => !known.has(x))) throw notFound('转移人员');
  await ctx.db.transaction(async (tx) => {
    for (const entryId of ids) await repo.updateEntry(tx, entryId, dest);
    const note = [dest.responsibleName !== undefined ? `责任人：${dest.responsibleName ?? '无'}` : null, dest.destinationPlaceId !== undefined || dest.destinationText !== undefined ? '安置点已调整' : null].filter(Boolean).join('；');
    await repo.insertEvents(tx, ids.map((entryId) => ({ entryId, action: 'assign', note, actorId: actor.id, actorName: actor.displayName })));
    await audit(tx, { actor }, req, {
      action: 'evacuation.assign',
      entityType: 'evacuation',
      entityId: e.id,
      areaCode: e.areaCode,
      detail: { title: e.title, people: ids.length, ...(dest.responsibleName !== undefined ? { responsible: dest.responsibleName } : {}) },
    });
  });
  return getEvacuation(ctx, actor, e.id, {});
}

/** `POST /api/evacuations/{id}/close`: the list ends; its entries and their history stay. */
export async function closeEvacuation(ctx: AppContext, actor: Actor, id: string, req: RequestContext) {
  const e = await organisable(ctx, actor, id);
  await ctx.db.transaction(async (tx) => {
    await repo.updateEvacuation(tx, e.id, { state: 'closed', closedAt: new Date() });
    await audit(tx, { actor }, req, { action: 'evacuation.close', entityType: 'evacuation', entityId: e.id, areaCode: e.areaCode, detail: { title: e.title } });
  });
  return getEvacuation(ctx, actor, e.id, {});
}

/**
 * `POST /api/evacuation-entries/{id}/actions/{action}`: one move of one person — the one way an entry's state
 * changes. With an Idempotency-Key a phone's resend returns the first answer and records nothing more.
 */
export async function changeEntry(
  ctx: AppContext,
  actor: Actor,
  entryId: string,
  action: EvacuationAction,
  input: { reason?: string; note?: string },
  req: RequestContext,
  idempotencyKey?: string,
) {
  requireReader(actor);
  const scope = scopeOf(actor);
  const view = await repo.findEntry(ctx.db, scope, entryId);
  if (!view) throw notFound('转移人员');
  if (!mayMarkEntry(actor, view.e)) throw forbidden('您的角色不能登记转移情况');
  const res = await withIdempotency(ctx, `evac:${actor.id}:${entryId}`, idempotencyKey, async (tx) => {
    const locked = await repo.lockEntry(tx, entryId);
    if (!locked) throw notFound('转移人员');
    if (view.evacuationState !== 'open') throw conflict('evacuation_closed', '该转移安置名单已结束，不能再登记');
    const from = locked.state as EvacuationState;
    const problem = evacuationActionProblem(from, action, input.reason);
    if (problem) {
      if (nextEvacuationState(from, action)) throw invalid('reason_required', problem, { field: 'reason' });
      throw conflict('invalid_transition', problem);
    }
    const to = nextEvacuationState(from, action)!;
    const now = new Date();
    await repo.updateEntry(tx, entryId, {
      state: to,
      ...(to === 'arrived' ? { arrivedAt: now, arrivedByName: actor.displayName } : {}),
      ...(to === 'refused' ? { refusedReason: input.reason!.trim() } : {}),
      ...(input.note ? { note: input.note } : {}),
    });
    await repo.insertEvents(tx, [{ entryId, action, fromState: from, toState: to, note: input.reason ?? input.note ?? null, actorId: actor.id, actorName: actor.displayName }]);
    await audit(tx, { actor }, req, {
      action: `evacuation.${action}`,
      entityType: 'evacuation_entry',
      entityId: entryId,
      areaCode: locked.areaCode,
      detail: { title: view.evacuationTitle, person: view.personName, action: EVACUATION_ACTION_ZH[action], ...(input.reason ? { reason: input.reason } : {}) },
    });
    return { status: 200, body: { id: entryId, state: to, stateLabel: EVACUATION_STATE_ZH[to] } };
  });
  const fresh = await repo.findEntry(ctx.db, scope, entryId);
  const place = (await placeNames(ctx.db, [view.e.areaCode])).get(view.e.areaCode) ?? '';
  return { status: res.status, body: fresh ? presentEntry(actor, fresh, place) : res.body };
}

/** `GET /api/evacuation-entries/{id}`: one person's move with its history. */
export async function getEntry(ctx: AppContext, actor: Actor, entryId: string) {
  requireReader(actor);
  const view = await repo.findEntry(ctx.db, scopeOf(actor), entryId);
  if (!view) throw notFound('转移人员');
  const place = (await placeNames(ctx.db, [view.e.areaCode])).get(view.e.areaCode) ?? '';
  const events = await repo.eventsOf(ctx.db, entryId);
  return {
    ...presentEntry(actor, view, place),
    history: events.map((ev) => ({ id: ev.id, action: ev.action, fromState: ev.fromState, toState: ev.toState, note: ev.note, actorName: ev.actorName, createdAt: toIsoCst(ev.createdAt) })),
  };
}

/** `GET /api/evacuation-entries/mine`: the people the caller is responsible for, on lists still open. */
export async function myEntries(ctx: AppContext, actor: Actor) {
  requireReader(actor);
  const rows = await repo.listEntries(ctx.db, scopeOf(actor), { responsibleId: actor.id, openOnly: true }, 1_000);
  const items = await presentEntries(ctx, actor, rows);
  return { items, total: items.length, counts: countEvacuationStates(items.map((i) => i.state)) };
}

/** `GET /api/evacuations/{id}/export.xlsx`: the list as an Excel ledger (phones masked, like the screen). */
export async function exportEvacuation(ctx: AppContext, actor: Actor, id: string, req: RequestContext) {
  const detail = await getEvacuation(ctx, actor, id, {});
  type Row = (typeof detail.items)[number];
  const reasonText = (r: Row) => [...r.reasons.filter((x) => x !== 'needs-help').map((c) => RISK_COLOUR_ZH[c as RiskColour] ?? ''), ...(r.needsHelp ? ['需要帮助'] : [])].filter(Boolean).join('、');
  const body = await workbookBuffer({
    name: '转移安置名单',
    title: detail.title,
    info: `${detail.areaName ?? detail.areaCode}；共 ${detail.counts.total} 人，待转移 ${detail.counts.pending}、转移中 ${detail.counts.moving}、已到达 ${detail.counts.arrived}、拒绝转移 ${detail.counts.refused}、已返回 ${detail.counts.returned}；导出于 ${toIsoCst(new Date())}`,
    columns: [
      { header: '姓名', width: 10, value: (r: Row) => r.name },
      { header: '年龄', type: 'int', width: 6, value: (r: Row) => r.age },
      { header: '联系电话', width: 14, value: (r: Row) => r.phone ?? '' },
      { header: '住址', width: 36, value: (r: Row) => r.address },
      { header: '风险等级', width: 8, value: (r: Row) => (r.riskColour ? (RISK_COLOUR_ZH[r.riskColour as RiskColour] ?? '') : '') },
      { header: '列入原因', width: 14, value: reasonText },
      { header: '安置点', width: 24, value: (r: Row) => r.destination.name ?? '' },
      { header: '责任人', width: 10, value: (r: Row) => r.responsible?.name ?? '' },
      { header: '状态', width: 8, value: (r: Row) => EVACUATION_STATE_ZH[r.state as EvacuationState] ?? '' },
      { header: '到达时间', type: 'datetime', value: (r: Row) => r.arrivedAt },
      { header: '确认人', width: 10, value: (r: Row) => r.arrivedByName ?? '' },
      { header: '拒绝原因', width: 20, value: (r: Row) => r.refusedReason ?? '' },
    ],
    rows: detail.items,
  });
  await audit(ctx.db, { actor }, req, { action: 'export.evacuation', entityType: 'evacuation', entityId: detail.id, areaCode: detail.areaCode, detail: { title: detail.title, rows: detail.items.length } });
  return { fileName: `${detail.title}-转移安置名单.xlsx`, body };
}
