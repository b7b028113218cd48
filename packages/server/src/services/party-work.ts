// Party members and grid workers at work (SPEC §2, §3, §7): linked households (一户十联, 30比1),
// visits with the four duties and monthly coverage (月全覆盖), the 民情日记, patrols (一日两巡) and
// the vanguard index (先锋指数). Every write runs with its audit row in one transaction.
import {
  buildingCoverage,
  conflict,
  coverage,
  dayOf,
  forbidden,
  invalid,
  isAreaCode,
  isWithinScope,
  LINK_TARGET,
  maskName,
  monthOf,
  cstMonthRange,
  notFound,
  patrolDay,
  proposeLinks,
  toWgs84,
  validLatLng,
  vanguardIndex,
  VISIT_DUTY_LABELS,
  type Crs,
  type VanguardIndex,
  type VisitDuty,
} from '@gongzhi/domain';
import type { Actor, RequestContext } from '../policies/actor.ts';
import { hasAnyRole } from '../policies/actor.ts';
import { managesLinksAt, partyScopeOf, patrols, visitsAsStaff } from '../policies/party.ts';
import { WISH_PROXIES } from '../policies/wishes.ts';
import * as partyRepo from '../repositories/party.ts';
import * as repo from '../repositories/party-work.ts';
import type { Scope } from '../repositories/scope.ts';
import { toIsoCst } from '../lib/time.ts';
import { areaNames } from './area-names.ts';
import { audit } from './audit.ts';
import { findIdempotent, saveIdempotent } from '../repositories/cases.ts';
import { createCase } from './cases.ts';
import type { AppContext } from './context.ts';
import { gridAt } from './grid-index.ts';
import { createWish } from './wishes.ts';

const plainName = (displayName: string) => displayName.replace(/（.*）$/, '');

function staffScope(actor: Actor): Scope {
  const scope = partyScopeOf(actor);
  if (!scope) throw forbidden('只有辖区工作人员可以查看');
  return scope;
}

function areaWithin(actor: Actor, area: string | undefined): string {
  if (!area) return actor.scopeCode;
  if (!isAreaCode(area)) throw invalid('invalid_area', '区域（area）应为区划代码', { field: 'area' });
  if (isWithinScope(area, actor.scopeCode)) return area;
  if (isWithinScope(actor.scopeCode, area)) return actor.scopeCode;
  throw notFound('区域');
}

function monthParam(month: string | undefined): string {
  if (!month) return monthOf(new Date());
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw invalid('invalid_month', '月份（month）应为 YYYY-MM', { field: 'month' });
  return month;
}

const nextMonthStart = (month: string) => dayOf(cstMonthRange(month).to);
const monthStart = (month: string) => `${month}-01`;

async function myMember(ctx: AppContext, actor: Actor) {
  return actor.personId ? partyRepo.memberOfPerson(ctx.db, actor.personId) : null;
}

const householdDto = (h: repo.HouseholdBrief) => ({ id: h.id, areaCode: h.areaCode, address: h.address, doorplate: h.doorplate, head: h.head ? maskName(h.head) : null, size: h.size });

// ---- linked households (一户十联) ----------------------------------------------------------------

function gridParam(actor: Actor, grid: string): string {
  if (!/^\d{15}$/.test(grid)) throw invalid('invalid_area', '请指定网格（grid 为 15 位区划代码）', { field: 'grid' });
  if (!isWithinScope(grid, actor.scopeCode)) throw notFound('网格');
  return grid;
}

/** The links of one grid: every household with its member, each member's load, and what is missing. */
export async function gridLinks(ctx: AppContext, actor: Actor, gridCode: string) {
  const scope = staffScope(actor);
  const grid = gridParam(actor, gridCode);
  const month = monthOf(new Date());
  const [hs, members, links, names, visited] = await Promise.all([
    repo.householdsIn(ctx.db, scope, grid),
    repo.backboneMembersIn(ctx.db, grid),
    repo.linksIn(ctx.db, grid),
    areaNames(ctx.db, [grid]),
    repo.visitedHouseholds(ctx.db, grid, monthStart(month), nextMonthStart(month)),
  ]);
  const byHousehold = new Map(links.map((l) => [l.householdId, l]));
  const linkedMembers = await repo.memberBriefs(
    ctx.db,
    links.map((l) => l.memberId),
  );
  const loads = new Map<string, number>();
  for (const l of links) loads.set(l.memberId, (loads.get(l.memberId) ?? 0) + 1);
  const memberList = new Map(members.map((m) => [m.id, { id: m.id, name: m.name, areaCode: m.areaCode }]));
  for (const m of linkedMembers.values()) if (!memberList.has(m.id)) memberList.set(m.id, { id: m.id, name: m.name, areaCode: m.areaCode });
  const items = hs.map((h) => {
    const l = byHousehold.get(h.id);
    const m = l ? linkedMembers.get(l.memberId) : undefined;
    return { household: householdDto(h), member: m ? { id: m.id, name: m.name } : null, source: l?.source ?? null, visitedThisMonth: visited.has(h.id) };
  });
  const needed = Math.ceil(hs.length / LINK_TARGET);
  return {
    grid: { code: grid, name: names.get(grid)?.name ?? grid },
    month,
    target: LINK_TARGET,
    households: hs.length,
    linked: items.filter((i) => i.member).length,
    unlinked: items.filter((i) => !i.member).length,
    needed,
    shortBy: Math.max(0, needed - members.length),
    members: [...memberList.values()].map((m) => ({ ...m, households: loads.get(m.id) ?? 0 })),
    items,
    allowedActions: managesLinksAt(actor, grid) ? ['propose', 'apply', 'move'] : [],
  };
}

/** The automatic proposal for a grid; with `apply` it replaces the grid's links. */
export async function proposeGridLinks(ctx: AppContext, actor: Actor, gridCode: string, apply: boolean, req: RequestContext) {
  const scope = staffScope(actor);
  const grid = gridParam(actor, gridCode);
  if (apply && !managesLinksAt(actor, grid)) throw forbidden('只有辖区网格员、社区工作者或党组织书记可以调整联系户', 'action_not_allowed');
  const [hs, members] = await Promise.all([repo.householdsIn(ctx.db, scope, grid), repo.backboneMembersIn(ctx.db, grid)]);
  const p = proposeLinks(hs, members);
  if (apply) {
    await ctx.db.transaction(async (tx) => {
      await repo.replaceGridLinks(
        tx,
        grid,
        [...p.assignments.entries()].map(([householdId, memberId]) => ({ householdId, memberId, gridCode: grid, source: 'auto', assignedBy: actor.id })),
      );
      await audit(tx, { actor }, req, { action: 'party.links.apply', entityType: 'area', entityId: grid, areaCode: grid, detail: { households: hs.length, members: members.length, linked: p.assignments.size } });
    });
  }
  const names = new Map(members.map((m) => [m.id, m.name]));
  return {
    grid: { code: grid },
    applied: apply,
    households: hs.length,
    linked: p.assignments.size,
    needed: p.needed,
    shortBy: p.shortBy,
    members: members.map((m) => ({ id: m.id, name: names.get(m.id) ?? '', households: p.loads.get(m.id) ?? 0 })),
  };
}

/** Manual adjustment: move a household to another member living in the same community. */
export async function moveLink(ctx: AppContext, actor: Actor, householdId: string, memberId: string, req: RequestContext) {
  const scope = staffScope(actor);
  const h = (await repo.householdsByIds(ctx.db, [householdId])).get(householdId);
  if (!h || !isWithinScope(h.areaCode, scope.code)) throw notFound('住户');
  const grid = h.areaCode.slice(0, 15);
  if (!managesLinksAt(actor, grid)) throw forbidden('只有辖区网格员、社区工作者或党组织书记可以调整联系户', 'action_not_allowed');
  const m = (await repo.memberBriefs(ctx.db, [memberId])).get(memberId);
  if (!m) throw invalid('unknown_member', '党员不存在', { field: 'memberId' });
  if (m.areaCode.slice(0, 12) !== h.areaCode.slice(0, 12)) throw invalid('member_far', `${m.name}不住在该住户所在的村（社区），不能联系该户`, { field: 'memberId' });
  const before = await repo.findLink(ctx.db, householdId);
  await ctx.db.transaction(async (tx) => {
    await repo.upsertLink(tx, { householdId, memberId, gridCode: grid, source: 'manual', assignedBy: actor.id });
    await audit(tx, { actor }, req, { action: 'party.links.move', entityType: 'household', entityId: householdId, areaCode: h.areaCode, detail: { from: before?.memberId ?? null, to: memberId } });
  });
  return { household: householdDto(h), member: { id: m.id, name: m.name }, source: 'manual' };
}

/** 我的联系户: the caller's linked households with the last visit and whether this month's is done. */
export async function myHouseholds(ctx: AppContext, actor: Actor) {
  const me = await myMember(ctx, actor);
  if (!me) return { member: null, target: LINK_TARGET, month: monthOf(new Date()), total: 0, visited: 0, items: [] };
  const links = await repo.linksOfMember(ctx.db, me.member.id);
  const ids = links.map((l) => l.householdId);
  const [hs, last] = await Promise.all([repo.householdsByIds(ctx.db, ids), repo.lastVisits(ctx.db, ids)]);
  const month = monthOf(new Date());
  const items = [...hs.values()]
    .sort((a, b) => (a.areaCode < b.areaCode ? -1 : a.areaCode > b.areaCode ? 1 : a.doorplate.localeCompare(b.doorplate)))
    .map((h) => {
      const lastVisit = last.get(h.id) ?? null;
      return { ...householdDto(h), lastVisit, visitedThisMonth: !!lastVisit && lastVisit >= monthStart(month) };
    });
  // Not yet visited this month first: that is what the member does next.
  items.sort((a, b) => Number(a.visitedThisMonth) - Number(b.visitedThisMonth));
  return { member: { id: me.member.id, name: me.person.name }, target: LINK_TARGET, month, total: items.length, visited: items.filter((i) => i.visitedThisMonth).length, items };
}

// ---- visits ---------------------------------------------------------------------------------

export interface FollowupInput {
  kind: 'case' | 'wish';
  title: string;
  description: string;
  categoryCode?: string;
}

export interface VisitInput {
  householdId: string;
  visitedOn?: string;
  duties: VisitDuty[];
  notes?: string;
  followups?: FollowupInput[];
}

function visitDto(v: repo.VisitRow, h: repo.HouseholdBrief | undefined, followups: repo.FollowupRow[]) {
  return {
    id: v.id,
    household: h ? householdDto(h) : { id: v.householdId },
    areaCode: v.areaCode,
    visitor: { id: v.visitorUserId, name: v.visitorName, memberId: v.memberId },
    visitedOn: v.visitedOn,
    duties: v.duties.map((d) => ({ code: d as VisitDuty, label: VISIT_DUTY_LABELS[d as VisitDuty] ?? d })),
    notes: v.notes,
    followups: followups.map((f) => ({ id: f.id, kind: f.kind as 'case' | 'wish', title: f.title, state: f.state as 'open' | 'converted', refId: f.refId, refCode: f.refCode })),
    createdAt: toIsoCst(v.createdAt),
  };
}

/** Turns a follow-up into a case (case intake) or a wish (on behalf of the household) as `actor`. */
async function convertFollowup(ctx: AppContext, actor: Actor, f: repo.FollowupRow, h: repo.HouseholdBrief, req: RequestContext): Promise<{ ok: boolean; error?: string }> {
  try {
    let refId: string;
    let refCode: string | null = null;
    if (f.kind === 'case') {
      const channel = hasAnyRole(actor, ['grid-worker', 'building-leader', 'community-worker', 'district-dispatcher', 'town-dispatcher']) ? 'visit' : 'mobile';
      const res = await createCase(ctx, actor, { title: f.title, description: f.description, categoryCode: f.categoryCode ?? '', channel, areaCode: h.areaCode }, req);
      const body = res.body as { id: string; code?: string };
      refId = body.id;
      refCode = body.code ?? null;
    } else {
      const personId = await repo.headPersonOf(ctx.db, h.id);
      if (!personId || !hasAnyRole(actor, WISH_PROXIES)) return { ok: false };
      const res = await createWish(ctx, actor, { title: f.title, description: f.description, forPersonId: personId }, req);
      refId = (res.body as { id: string }).id;
    }
    await ctx.db.transaction(async (tx) => {
      await repo.markFollowupConverted(tx, f.id, { refId, refCode, convertedBy: actor.id });
      await audit(tx, { actor }, req, { action: 'party.visit.followup', entityType: 'party_visit', entityId: f.visitId, areaCode: h.areaCode, detail: { followupId: f.id, kind: f.kind, refId } });
    });
    return { ok: true };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

const MAX_BACKDATE_DAYS = 31;

/** The caller's claim on an Idempotency-Key for a party write (visits, patrol check-ins). */
const idemScope = (kind: 'visit' | 'patrol', actor: Actor) => `party-${kind}:${actor.id}`;
function checkKey(key: string | undefined) {
  if (key !== undefined && (key.length === 0 || key.length > 128)) throw invalid('invalid_idempotency_key', 'Idempotency-Key 应为 1–128 个字符', { field: 'Idempotency-Key' });
}

/**
 * `POST /api/party/visits`. With an Idempotency-Key (a phone resending a visit queued offline) the key is
 * claimed in the visit's own transaction, and a repeat answers with that first visit as it is now.
 */
export async function recordVisit(ctx: AppContext, actor: Actor, input: VisitInput, req: RequestContext, idempotencyKey?: string) {
  checkKey(idempotencyKey);
  if (idempotencyKey !== undefined) {
    const done = await findIdempotent(ctx.db, idemScope('visit', actor), idempotencyKey);
    const visitId = (done?.body as { visitId?: unknown } | undefined)?.visitId;
    const first = typeof visitId === 'string' ? await repo.findVisit(ctx.db, visitId) : null;
    if (first) {
      const fh = (await repo.householdsByIds(ctx.db, [first.householdId])).get(first.householdId);
      return { ...visitDto(first, fh, await repo.followupsOf(ctx.db, [first.id])), followupErrors: [] as string[] };
    }
  }
  const h = (await repo.householdsByIds(ctx.db, [input.householdId])).get(input.householdId);
  const me = await myMember(ctx, actor);
  const link = h ? await repo.findLink(ctx.db, h.id) : null;
  const asMember = !!me && !!link && link.memberId === me.member.id;
  const asStaff = !!h && visitsAsStaff(actor, h.areaCode);
  if (!h || (!asMember && !asStaff && !(partyScopeOf(actor) && isWithinScope(h.areaCode, actor.scopeCode)))) {
    if (h && me) throw forbidden('只能走访与您结对联系的住户', 'not_linked');
    throw notFound('住户');
  }
  if (!asMember && !asStaff) throw forbidden('只有联系该户的党员或辖区网格员、社区工作者可以登记走访', 'action_not_allowed');
  const today = dayOf(new Date());
  const visitedOn = input.visitedOn ?? today;
  const realDay = !Number.isNaN(Date.parse(visitedOn)) && new Date(`${visitedOn}T00:00:00Z`).toISOString().slice(0, 10) === visitedOn;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(visitedOn) || !realDay) throw invalid('invalid_date', '走访日期（visitedOn）应为 YYYY-MM-DD', { field: 'visitedOn' });
  if (visitedOn > today) throw invalid('invalid_date', '走访日期不能晚于今天', { field: 'visitedOn' });
  if (Date.parse(today) - Date.parse(visitedOn) > MAX_BACKDATE_DAYS * 86400_000) throw invalid('invalid_date', `只能补记 ${MAX_BACKDATE_DAYS} 天内的走访`, { field: 'visitedOn' });
  const followups = input.followups ?? [];
  followups.forEach((f, i) => {
    if (f.kind === 'case' && !f.categoryCode) throw invalid('missing_field', `第 ${i + 1} 条后续事项转为案件时须选择事项类型（categoryCode）`, { field: `followups.${i}.categoryCode` });
  });
  const duplicate = await repo.listVisits(ctx.db, null, { householdId: h.id, visitorUserId: actor.id, from: visitedOn, to: dayOf(new Date(Date.parse(visitedOn) + 86400_000)), limit: 1 });
  if (duplicate.length) throw conflict('duplicate_visit', '您当天已登记过对该户的走访');
  const { visit, rows } = await ctx.db.transaction(async (tx) => {
    const visit = await repo.insertVisit(tx, {
      householdId: h.id,
      areaCode: h.areaCode,
      visitorUserId: actor.id,
      memberId: me?.member.id ?? null,
      visitorName: me?.person.name ?? plainName(actor.displayName),
      visitedOn,
      duties: [...new Set(input.duties)],
      notes: input.notes ?? null,
    });
    if (idempotencyKey !== undefined && !(await saveIdempotent(tx, idemScope('visit', actor), idempotencyKey, 201, { visitId: visit.id }))) {
      throw conflict('idempotency_in_progress', '相同 Idempotency-Key 的请求正在处理中，请稍后重试');
    }
    const rows = await repo.insertFollowups(
      tx,
      followups.map((f) => ({ visitId: visit.id, kind: f.kind, title: f.title, description: f.description, categoryCode: f.categoryCode ?? null, state: 'open' })),
    );
    await audit(tx, { actor }, req, { action: 'party.visit.create', entityType: 'party_visit', entityId: visit.id, areaCode: h.areaCode, detail: { householdId: h.id, duties: input.duties, followups: followups.length, asMember } });
    return { visit, rows };
  });
  // Follow-ups become cases or wishes through their own intake, each in its own transaction.
  const errors: string[] = [];
  for (const f of rows) {
    const r = await convertFollowup(ctx, actor, f, h, req);
    if (r.error) errors.push(`${f.title}：${r.error}`);
  }
  const after = await repo.followupsOf(ctx.db, [visit.id]);
  return { ...visitDto(visit, h, after), followupErrors: errors };
}

/** A staff member turns an open follow-up (e.g. a wish noted by a member) into a case or wish. */
export async function convertOpenFollowup(ctx: AppContext, actor: Actor, id: string, req: RequestContext) {
  const f = await repo.findFollowup(ctx.db, id);
  const visit = f ? await repo.findVisit(ctx.db, f.visitId) : null;
  if (!f || !visit || !partyScopeOf(actor) || !isWithinScope(visit.areaCode, actor.scopeCode)) throw notFound('后续事项');
  if (f.state !== 'open') throw conflict('invalid_state', '该事项已转办');
  if (!visitsAsStaff(actor, visit.areaCode)) throw forbidden('只有辖区网格员、社区工作者可以转办', 'action_not_allowed');
  const h = (await repo.householdsByIds(ctx.db, [visit.householdId])).get(visit.householdId)!;
  const r = await convertFollowup(ctx, actor, f, h, req);
  if (!r.ok) throw conflict('convert_failed', r.error ?? '无法转办：请由网格员或社区工作者代居民提交');
  return visitDto(visit, h, await repo.followupsOf(ctx.db, [visit.id]));
}

export interface VisitQuery {
  area?: string;
  household?: string;
  month?: string;
  mine?: boolean;
}

export async function listVisits(ctx: AppContext, actor: Actor, q: VisitQuery) {
  const month = q.month ? monthParam(q.month) : undefined;
  const range = month ? { from: monthStart(month), to: nextMonthStart(month) } : {};
  const scope = partyScopeOf(actor);
  const own = q.mine || !scope;
  const rows = await repo.listVisits(ctx.db, own ? null : scope, {
    area: own ? undefined : areaWithin(actor, q.area),
    visitorUserId: own ? actor.id : undefined,
    householdId: q.household,
    ...range,
    limit: 200,
  });
  const [hs, fs] = await Promise.all([
    repo.householdsByIds(
      ctx.db,
      rows.map((r) => r.householdId),
    ),
    repo.followupsOf(
      ctx.db,
      rows.map((r) => r.id),
    ),
  ]);
  return { month: month ?? null, total: rows.length, items: rows.map((v) => visitDto(v, hs.get(v.householdId), fs.filter((f) => f.visitId === v.id))) };
}

// ---- coverage (月全覆盖) ------------------------------------------------------------------------

export async function coverageOf(ctx: AppContext, actor: Actor, area: string | undefined, monthIn: string | undefined) {
  staffScope(actor);
  const code = areaWithin(actor, area);
  const month = monthParam(monthIn);
  const links = await repo.linksIn(ctx.db, code);
  const visited = await repo.visitedHouseholds(ctx.db, code.slice(0, Math.min(code.length, 15)), monthStart(month), nextMonthStart(month));
  const c = coverage(
    links.filter((l) => l.gridCode.startsWith(code.slice(0, 15))).map((l) => ({ householdId: l.householdId, memberId: l.memberId, grid: l.gridCode })),
    visited,
  );
  const members = await repo.memberBriefs(
    ctx.db,
    c.byMember.map((r) => r.key),
  );
  const gridCodes = c.byGrid.map((r) => r.key);
  const { from, to } = cstMonthRange(month);
  const patrolled = await repo.patrolledBuildings(ctx.db, code.slice(0, Math.min(code.length, 15)), from, to);
  const allBuildings = await repo.buildingsIn(ctx.db, code);
  const patrolRows = gridCodes.map((g) => {
    const cov = buildingCoverage(
      allBuildings.filter((b) => b.code.startsWith(g)).map((b) => b.code),
      patrolled,
    );
    return { grid: g, buildings: cov.buildings, covered: cov.covered, rate: cov.rate };
  });
  const names = await areaNames(ctx.db, [code, ...gridCodes, ...c.byCommunity.map((r) => r.key)]);
  const named = (r: { key: string }) => ({ code: r.key, name: names.get(r.key)?.name ?? r.key });
  const mem = (r: { key: string }) => ({ id: r.key, name: members.get(r.key)?.name ?? '' });
  const strip = ({ key: _k, ...rest }: { key: string; households: number; visited: number; rate: number; complete: boolean }) => rest;
  return {
    area: { code, name: names.get(code)?.name ?? code },
    month,
    total: strip(c.total),
    byCommunity: c.byCommunity.map((r) => ({ area: named(r), ...strip(r) })),
    byGrid: c.byGrid.map((r) => ({ area: named(r), ...strip(r), patrol: patrolRows.find((p) => p.grid === r.key) ?? null })),
    byMember: c.byMember.map((r) => ({ member: mem(r), ...strip(r) })),
    behind: c.behind.map((r) => ({ member: mem(r), ...strip(r) })),
  };
}

// ---- patrols (一日两巡) ---------------------------------------------------------------------------

export interface PatrolInput {
  location?: { lat: number; lng: number; crs?: Crs };
  buildingCode?: string;
  note?: string;
}

export async function checkIn(ctx: AppContext, actor: Actor, input: PatrolInput, req: RequestContext, idempotencyKey?: string) {
  if (!patrols(actor)) throw forbidden('只有网格员可以巡查打卡', 'action_not_allowed');
  checkKey(idempotencyKey);
  if (idempotencyKey !== undefined) {
    // A check-in queued offline and resent: the first answer, not a second check-in.
    const done = await findIdempotent(ctx.db, idemScope('patrol', actor), idempotencyKey);
    if (done && done.status !== 0) return done.body as ReturnType<typeof patrolDto>;
  }
  let lat: number | null = null;
  let lng: number | null = null;
  let grid: string | null = null;
  if (input.location) {
    const { lat: la, lng: ln, crs = 'wgs84' } = input.location;
    if (!validLatLng(la, ln)) throw invalid('invalid_location', '位置坐标不正确（纬度 -90~90，经度 -180~180）', { field: 'location' });
    const p = toWgs84(la, ln, crs);
    lat = p.lat;
    lng = p.lng;
    grid = await gridAt(ctx, p.lat, p.lng);
  }
  if (input.buildingCode) {
    if (!/^\d{18}$/.test(input.buildingCode) || !(await areaNames(ctx.db, [input.buildingCode])).has(input.buildingCode)) {
      throw invalid('invalid_building', '楼栋（buildingCode）不存在', { field: 'buildingCode' });
    }
    const bGrid = input.buildingCode.slice(0, 15);
    if (grid && grid !== bGrid) throw invalid('outside_building_grid', '您的位置不在该楼栋所在网格，请确认楼栋或重新定位', { field: 'buildingCode' });
    grid = bGrid;
  }
  if (!grid) throw invalid(input.location ? 'outside_grid' : 'location_required', input.location ? '您的位置不在任何网格内' : '请提供位置（location）或楼栋（buildingCode）', { field: 'location' });
  if (!isWithinScope(grid, actor.scopeCode)) throw invalid('outside_grid', '您的位置不在您负责的网格内', { field: 'location' });
  const names = await areaNames(ctx.db, [grid, input.buildingCode ?? '']);
  return ctx.db.transaction(async (tx) => {
    const r = await repo.insertPatrol(tx, { userId: actor.id, gridCode: grid, buildingCode: input.buildingCode ?? null, lat, lng, crs: input.location ? (input.location.crs ?? 'wgs84') : null, note: input.note ?? null });
    await audit(tx, { actor }, req, { action: 'party.patrol.check-in', entityType: 'party_patrol', entityId: r.id, areaCode: grid, detail: { buildingCode: input.buildingCode ?? null } });
    const dto = patrolDto(r, names);
    if (idempotencyKey !== undefined && !(await saveIdempotent(tx, idemScope('patrol', actor), idempotencyKey, 201, dto))) {
      throw conflict('idempotency_in_progress', '相同 Idempotency-Key 的请求正在处理中，请稍后重试');
    }
    return dto;
  });
}

const patrolDto = (p: repo.PatrolRow, names: Map<string, { name: string }>) => ({
  id: p.id,
  grid: { code: p.gridCode, name: names.get(p.gridCode)?.name ?? p.gridCode },
  building: p.buildingCode ? { code: p.buildingCode, name: names.get(p.buildingCode)?.name ?? p.buildingCode } : null,
  location: p.lat !== null && p.lng !== null ? { lat: p.lat, lng: p.lng } : null,
  note: p.note,
  at: toIsoCst(p.at),
});

/** Today's two patrols and this month's building coverage of the caller's grid. */
export async function patrolStatus(ctx: AppContext, actor: Actor) {
  if (!patrols(actor)) throw forbidden('只有网格员可以巡查打卡', 'action_not_allowed');
  const now = new Date();
  const month = monthOf(now);
  const { from, to } = cstMonthRange(month);
  const rows = await repo.patrolsOf(ctx.db, actor.id, from, to);
  const today = patrolDay(
    dayOf(now),
    rows.map((r) => r.at),
  );
  const grid = actor.scopeCode.slice(0, 15);
  const [buildings, patrolled] = await Promise.all([repo.buildingsIn(ctx.db, grid), repo.patrolledBuildings(ctx.db, grid, from, to)]);
  const cov = buildingCoverage(
    buildings.map((b) => b.code),
    patrolled,
  );
  const names = await areaNames(ctx.db, [...new Set(rows.flatMap((r) => [r.gridCode, r.buildingCode ?? '']))]);
  const nameOf = new Map(buildings.map((b) => [b.code, b.name]));
  return {
    today: { ...today, required: 2 },
    checkIns: rows.filter((r) => dayOf(r.at) === today.day).map((r) => patrolDto(r, names)),
    month: { month, buildings: cov.buildings, covered: cov.covered, rate: cov.rate, missing: cov.missing.map((c) => ({ code: c, name: nameOf.get(c) ?? c })) },
    buildings: buildings.map((b) => ({ code: b.code, name: b.name, patrolled: patrolled.has(b.code) })),
  };
}

// ---- 民情日记 ----------------------------------------------------------------------------------

/** The caller's visits and patrols of a month, day by day, newest first. */
export async function diary(ctx: AppContext, actor: Actor, monthIn?: string) {
  const month = monthParam(monthIn);
  const { from, to } = cstMonthRange(month);
  const [visits, patrolRows] = await Promise.all([
    repo.listVisits(ctx.db, null, { visitorUserId: actor.id, from: monthStart(month), to: nextMonthStart(month), limit: 500 }),
    patrols(actor) ? repo.patrolsOf(ctx.db, actor.id, from, to) : Promise.resolve([]),
  ]);
  const [hs, fs, names] = await Promise.all([
    repo.householdsByIds(
      ctx.db,
      visits.map((v) => v.householdId),
    ),
    repo.followupsOf(
      ctx.db,
      visits.map((v) => v.id),
    ),
    areaNames(ctx.db, [...new Set(patrolRows.flatMap((r) => [r.gridCode, r.buildingCode ?? '']))]),
  ]);
  const days = new Map<string, { day: string; visits: ReturnType<typeof visitDto>[]; patrols: ReturnType<typeof patrolDto>[] }>();
  const dayEntry = (d: string) => {
    let e = days.get(d);
    if (!e) days.set(d, (e = { day: d, visits: [], patrols: [] }));
    return e;
  };
  for (const v of visits) dayEntry(v.visitedOn).visits.push(visitDto(v, hs.get(v.householdId), fs.filter((f) => f.visitId === v.id)));
  for (const p of patrolRows) dayEntry(dayOf(p.at)).patrols.push(patrolDto(p, names));
  return {
    month,
    visits: visits.length,
    patrols: patrolRows.length,
    households: new Set(visits.map((v) => v.householdId)).size,
    days: [...days.values()].sort((a, b) => (a.day < b.day ? 1 : -1)),
  };
}

// ---- the vanguard index (先锋指数) -------------------------------------------------------------

/** The vanguard index of each member: last 12 months, this month's coverage of their linked households. */
export async function vanguardFor(ctx: AppContext, members: { id: string; postCode: string | null }[]): Promise<Map<string, VanguardIndex>> {
  const ids = members.map((m) => m.id);
  if (!ids.length) return new Map();
  const now = new Date();
  const yearAgo = new Date(now.getTime() - 365 * 86400_000);
  const month = monthOf(now);
  const [visits, links, visited, usersOf] = await Promise.all([
    repo.visitCounts(ctx.db, ids, dayOf(yearAgo)),
    repo.linkCounts(ctx.db, ids),
    repo.linkedVisitedCounts(ctx.db, ids, monthStart(month), nextMonthStart(month)),
    repo.usersOfMembers(ctx.db, ids),
  ]);
  const userIds = [...usersOf.values()].flat();
  const [wishes, points] = await Promise.all([repo.wishesFulfilled(ctx.db, userIds, yearAgo), repo.vanguardPoints(ctx.db, userIds, yearAgo)]);
  const sumOver = (counts: Map<string, number>, us: string[]) => us.reduce((n, u) => n + (counts.get(u) ?? 0), 0);
  const out = new Map<string, VanguardIndex>();
  for (const m of members) {
    const us = usersOf.get(m.id) ?? [];
    out.set(
      m.id,
      vanguardIndex({
        hasPost: !!m.postCode,
        visits: visits.get(m.id) ?? 0,
        linkedHouseholds: links.get(m.id) ?? 0,
        visitedThisMonth: visited.get(m.id) ?? 0,
        wishesFulfilled: sumOver(wishes, us),
        vanguardPoints: sumOver(points, us),
      }),
    );
  }
  return out;
}

