// Lists and projects (清单与治理项目, docs/PARTICIPATION.md): 金点子 posted and supported by residents,
// turned by staff into needs (需求清单) or deliberation topics; departments' offers (赋能清单); needs
// matched with offers (explained score, staff decide) become projects, claimed (领办), reported by
// milestones, signed off by the residents' supervision group and closed out (销号). One service
// function per change of state; each writes its timeline entry and audit row in the same transaction.
import {
  CLAIM_KIND_LABELS,
  closeCheck,
  closedOnTime,
  conflict,
  DomainError,
  forbidden,
  IDEA_STATE_LABELS,
  invalid,
  isAreaCode,
  isWithinScope,
  maskName,
  matchScore,
  needMonthOf,
  NEED_SOURCE_LABELS,
  NEED_STATE_LABELS,
  notFound,
  progressProblem,
  PROJECT_STATE_LABELS,
  quarterOf,
  quarterRange,
  spentShare,
  supervisorsProblem,
  supportRefusal,
  type ClaimKind,
  type IdeaState,
  type NeedSourceType,
  type NeedState,
  type ProjectState,
} from '@gongzhi/domain';
import type { Idea } from '@gongzhi/domain/contract';
import type { Tx } from '../db/client.ts';
import { AREA_STAFF, hasAnyRole, type Actor, type RequestContext } from '../policies/actor.ts';
import {
  claimAreasOf,
  claimKindOf,
  ideaScopeOf,
  isDepartment,
  isManager,
  isSupervisor,
  manages,
  needAreasOf,
  OFFER_ADMINS,
  projectAllowedActions,
  projectScopeOf,
  readsOffers,
  type ProjectViewer,
} from '../policies/projects.ts';
import * as repo from '../repositories/projects.ts';
import { toIsoCst } from '../lib/time.ts';
import { areaNames } from './area-names.ts';
import { audit } from './audit.ts';
import type { AppContext } from './context.ts';
import { fileUrl } from './files.ts';
import { withIdempotency } from './idempotency.ts';
import { awardAutomatically } from './points.ts';

/** The automatic points rules (seeded by seed/projects.ts): 领办 and 销号, for members (先锋模范) and cadres (下沉干部). */
export const PROJECT_POINTS_RULES: Record<'claim' | 'close', Record<'member' | 'cadre', string>> = {
  claim: { member: 'project-claim-member', cadre: 'project-claim-cadre' },
  close: { member: 'project-close-member', cadre: 'project-close-cadre' },
};

const plainName = (name: string) => name.replace(/（[^）]*）$/, '').trim() || name;
const yuan = (fen: number) => Math.round(fen) / 100;

export async function viewerOf(ctx: AppContext, actor: Actor): Promise<ProjectViewer> {
  const person = actor.personId ? await repo.personOf(ctx.db, actor.personId) : null;
  const place = person?.areaCode ?? (hasAnyRole(actor, AREA_STAFF) ? '' : actor.scopeCode);
  return { actor, home: place.length >= 12 ? place.slice(0, 12) : null, partyMember: person?.partyMember ?? false };
}

// ---- 金点子 -------------------------------------------------------------------------------------

function presentIdea(v: ProjectViewer, i: repo.IdeaRow, supported: Set<string>, areas: Map<string, { name: string }>): Idea {
  const staff = hasAnyRole(v.actor, AREA_STAFF) && isWithinScope(i.areaCode, v.actor.scopeCode);
  const mine = i.authorUserId === v.actor.id;
  const decidable = manages(v.actor, i.areaCode) && i.state === 'open';
  const canSupport = !supportRefusal({ isAuthor: mine, sameCommunity: v.home === i.areaCode.slice(0, 12), alreadySupported: supported.has(i.id), state: i.state as IdeaState });
  return {
    id: i.id,
    areaCode: i.areaCode,
    areaName: areas.get(i.areaCode)?.name ?? '',
    quarter: i.quarter,
    title: i.title,
    content: i.content,
    author: staff || mine ? plainName(i.authorName) : maskName(plainName(i.authorName)),
    state: i.state as IdeaState,
    stateLabel: IDEA_STATE_LABELS[i.state as IdeaState],
    supports: i.supports,
    supportedByMe: supported.has(i.id),
    mine,
    createdAt: toIsoCst(i.createdAt),
    allowedActions: [...(canSupport ? (['support'] as const) : []), ...(decidable ? (['to-need', 'to-topic', 'close'] as const) : [])],
  };
}

export async function createIdea(ctx: AppContext, actor: Actor, input: { title: string; content: string }, req: RequestContext, key?: string) {
  const v = await viewerOf(ctx, actor);
  if (!actor.personId || !v.home) throw forbidden('金点子由居住在本村（社区）的居民本人提出：您的账号没有关联居民信息', 'no_home');
  const person = await repo.personOf(ctx.db, actor.personId);
  return withIdempotency(ctx, `ideas:${actor.id}`, key, async (tx) => {
    const i = await repo.insertIdea(tx, { areaCode: v.home!, quarter: quarterOf(new Date()), title: input.title, content: input.content, authorUserId: actor.id, authorName: person?.name ?? plainName(actor.displayName) });
    await audit(tx, { actor }, req, { action: 'idea.create', entityType: 'idea', entityId: i.id, areaCode: i.areaCode });
    return { status: 201, body: { id: i.id, state: i.state as IdeaState, quarter: i.quarter } };
  });
}

export async function listIdeas(ctx: AppContext, actor: Actor, q: { area?: string; quarter?: string; state?: string; page: number; pageSize: number }) {
  const v = await viewerOf(ctx, actor);
  if (q.quarter) quarterRange(q.quarter);
  const { total, rows } = await repo.listIdeas(ctx.db, ideaScopeOf(v), q);
  const [supported, areas] = await Promise.all([repo.supportedBy(ctx.db, actor.id, rows.map((r) => r.id)), areaNames(ctx.db, rows.map((r) => r.areaCode))]);
  return { total, page: q.page, pageSize: q.pageSize, quarter: quarterOf(new Date()), items: rows.map((i) => presentIdea(v, i, supported, areas)) };
}

async function visibleIdea(ctx: AppContext, v: ProjectViewer, id: string) {
  const i = await repo.findIdea(ctx.db, ideaScopeOf(v), id);
  if (!i) throw notFound('金点子');
  return i;
}

export async function getIdea(ctx: AppContext, actor: Actor, id: string) {
  const v = await viewerOf(ctx, actor);
  const i = await visibleIdea(ctx, v, id);
  const [supported, areas] = await Promise.all([repo.supportedBy(ctx.db, actor.id, [i.id]), areaNames(ctx.db, [i.areaCode])]);
  return presentIdea(v, i, supported, areas);
}

export async function supportIdea(ctx: AppContext, actor: Actor, id: string, req: RequestContext) {
  const v = await viewerOf(ctx, actor);
  await visibleIdea(ctx, v, id);
  await ctx.db.transaction(async (tx) => {
    const i = await repo.lockIdea(tx, id);
    if (!i) throw notFound('金点子');
    const already = (await repo.supportedBy(tx, actor.id, [id])).has(id);
    const refusal = supportRefusal({ isAuthor: i.authorUserId === actor.id, sameCommunity: !!actor.personId && v.home === i.areaCode.slice(0, 12), alreadySupported: already, state: i.state as IdeaState });
    if (refusal) throw refusal;
    if (!(await repo.addSupport(tx, id, actor.id))) throw conflict('already_supported', '您已经支持过这个金点子（每人一次）');
    await audit(tx, { actor }, req, { action: 'idea.support', entityType: 'idea', entityId: id, areaCode: i.areaCode });
  });
  return getIdea(ctx, actor, id);
}

/** Staff turn an idea into a need (with the idea as its source), mark it a deliberation topic, or close it. */
export async function decideIdea(ctx: AppContext, actor: Actor, id: string, body: { as: 'need' | 'topic' | 'close'; title?: string; content?: string }, req: RequestContext) {
  const v = await viewerOf(ctx, actor);
  const seen = await visibleIdea(ctx, v, id);
  if (!manages(actor, seen.areaCode)) throw forbidden('只有本村（社区）及上级的社区工作者、党组织书记和指挥中心可以采纳金点子', 'not_manager');
  let needId: string | null = null;
  await ctx.db.transaction(async (tx) => {
    const i = await repo.lockIdea(tx, id);
    if (!i) throw notFound('金点子');
    if (i.state !== 'open') throw conflict('idea_not_open', `该金点子当前为“${IDEA_STATE_LABELS[i.state as IdeaState].zh}”，不能再处理`);
    const state = body.as === 'need' ? 'need' : body.as === 'topic' ? 'topic' : 'closed';
    await repo.setIdeaState(tx, id, state, actor.id);
    if (body.as === 'need') {
      const n = await repo.insertNeed(tx, {
        areaCode: i.areaCode,
        month: needMonthOf(new Date()),
        title: body.title ?? i.title,
        content: body.content ?? i.content,
        sources: [{ type: 'idea', id: i.id, title: i.title }],
        createdBy: actor.id,
      });
      needId = n.id;
    }
    await audit(tx, { actor }, req, { action: `idea.${body.as}`, entityType: 'idea', entityId: id, areaCode: i.areaCode, detail: needId ? { needId } : undefined });
  });
  return { ...(await getIdea(ctx, actor, id)), needId };
}

// ---- 赋能清单 -----------------------------------------------------------------------------------

export interface OfferInput {
  year: number;
  title: string;
  content: string;
  contact: string;
  conditions?: string;
  capacity: number;
  unitId?: string;
}

const districtOf = (actor: Actor) => actor.scopeCode.slice(0, 6);

export async function createOffer(ctx: AppContext, actor: Actor, input: OfferInput, req: RequestContext) {
  let unitId: string;
  if (isDepartment(actor)) {
    if (input.unitId && input.unitId !== actor.unitId) throw forbidden('部门只能发布本单位的赋能清单', 'not_own_unit');
    unitId = actor.unitId!;
  } else if (hasAnyRole(actor, OFFER_ADMINS)) {
    if (!input.unitId) throw invalid('missing_field', '请选择发布赋能清单的部门（unitId）', { field: 'unitId' });
    unitId = input.unitId;
  } else throw forbidden('只有区级部门和区指挥中心可以发布赋能清单', 'not_publisher');
  const unit = await repo.unitOf(ctx.db, unitId);
  if (!unit || !isWithinScope(unit.areaCode, districtOf(actor))) throw invalid('invalid_unit', '部门（unitId）不存在或不在本区', { field: 'unitId' });
  const o = await ctx.db.transaction(async (tx) => {
    const row = await repo.insertOffer(tx, { ...input, conditions: input.conditions ?? '', unitId, areaCode: districtOf(actor), createdBy: actor.id });
    await audit(tx, { actor }, req, { action: 'offer.create', entityType: 'offer', entityId: row.id, areaCode: row.areaCode });
    return row;
  });
  return { id: o.id };
}

function presentOffer(r: { offer: repo.OfferRow; unitName: string; used: number; activities: number }) {
  return {
    id: r.offer.id,
    year: r.offer.year,
    areaCode: r.offer.areaCode,
    unitId: r.offer.unitId,
    unitName: r.unitName,
    title: r.offer.title,
    content: r.offer.content,
    contact: r.offer.contact,
    conditions: r.offer.conditions,
    capacity: r.offer.capacity,
    used: Number(r.used),
    /** 直通车 activities held under it (not cancelled). */
    activities: Number(r.activities),
    createdAt: toIsoCst(r.offer.createdAt),
  };
}

export async function listOffers(ctx: AppContext, actor: Actor, q: { year?: number; mine?: boolean }) {
  if (!readsOffers(actor)) throw forbidden('赋能清单供区、镇、村（社区）工作人员和区级部门查看', 'not_offer_reader');
  const rows = await repo.listOffers(ctx.db, { year: q.year, district: districtOf(actor), unitId: q.mine && actor.unitId ? actor.unitId : undefined });
  return { total: rows.length, items: rows.map(presentOffer) };
}

// ---- 需求清单 -----------------------------------------------------------------------------------

export interface NeedInput {
  areaCode: string;
  title: string;
  content: string;
  month?: string;
  sources?: { type: NeedSourceType; id: string }[];
}

/** Checks each source exists inside the need's village/community; a deliberation must have passed. */
async function checkedSources(tx: Tx, areaCode: string, sources: { type: NeedSourceType; id: string }[]) {
  const out: { type: NeedSourceType; id: string; title: string }[] = [];
  const seen = new Set<string>();
  for (const [n, s] of sources.entries()) {
    const key = `${s.type}:${s.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const found = await repo.sourceOf(tx, s.type, s.id);
    const label = NEED_SOURCE_LABELS[s.type].zh;
    if (!found || !(found.areaCode.startsWith(areaCode) || areaCode.startsWith(found.areaCode))) {
      throw invalid('invalid_source', `来源第 ${n + 1} 项（sources）：${label}不存在或不在该村（社区）`, { field: 'sources' });
    }
    if (s.type === 'deliberation') {
      const passed = (found.result as { passed?: boolean } | null)?.passed === true;
      if (found.state !== 'decided' || !passed) throw invalid('deliberation_not_passed', `来源第 ${n + 1} 项（sources）：该议事尚未表决通过，不能据此列入需求`, { field: 'sources' });
    }
    out.push({ type: s.type, id: s.id, title: found.title });
  }
  return out;
}

export async function createNeed(ctx: AppContext, actor: Actor, input: NeedInput, req: RequestContext) {
  if (!isManager(actor)) throw forbidden('只有社区工作者、党组织书记和指挥中心可以编制需求清单', 'not_manager');
  if (!isAreaCode(input.areaCode) || input.areaCode.length < 12) throw invalid('invalid_area', '需求所属区域（areaCode）应为村（社区）或其下的网格', { field: 'areaCode' });
  if (!isWithinScope(input.areaCode, actor.scopeCode)) throw notFound('区域（areaCode）');
  if (!(await areaNames(ctx.db, [input.areaCode])).has(input.areaCode)) throw notFound('区域（areaCode）');
  const n = await ctx.db.transaction(async (tx) => {
    const sources = await checkedSources(tx, input.areaCode, input.sources ?? []);
    const row = await repo.insertNeed(tx, { areaCode: input.areaCode, month: input.month ?? needMonthOf(new Date()), title: input.title, content: input.content, sources, createdBy: actor.id });
    await audit(tx, { actor }, req, { action: 'need.create', entityType: 'need', entityId: row.id, areaCode: row.areaCode, detail: { sources: sources.map((s) => `${s.type}:${s.id}`) } });
    return row;
  });
  return { id: n.id, state: n.state as NeedState };
}

function presentNeed(actor: Actor, n: repo.NeedRow, areas: Map<string, { name: string }>) {
  return {
    id: n.id,
    areaCode: n.areaCode,
    areaName: areas.get(n.areaCode)?.name ?? '',
    month: n.month,
    title: n.title,
    content: n.content,
    state: n.state as NeedState,
    stateLabel: NEED_STATE_LABELS[n.state as NeedState],
    sources: (n.sources as { type: NeedSourceType; id: string; title: string }[]).map((s) => ({ ...s, label: NEED_SOURCE_LABELS[s.type] })),
    createdAt: toIsoCst(n.createdAt),
    allowedActions: manages(actor, n.areaCode) && n.state === 'open' ? ['project' as const] : [],
  };
}

export async function listNeeds(ctx: AppContext, actor: Actor, q: { area?: string; month?: string; state?: string; page: number; pageSize: number }) {
  const { total, rows } = await repo.listNeeds(ctx.db, needAreasOf(actor), q);
  const areas = await areaNames(ctx.db, rows.map((r) => r.areaCode));
  return { total, page: q.page, pageSize: q.pageSize, items: rows.map((n) => presentNeed(actor, n, areas)) };
}

/** A need with the offers of its year ordered by the explained match score (staff decide). */
export async function getNeed(ctx: AppContext, actor: Actor, id: string) {
  const n = await repo.findNeed(ctx.db, needAreasOf(actor), id);
  if (!n) throw notFound('需求');
  const year = Number(n.month.slice(0, 4));
  const [areas, offers] = await Promise.all([areaNames(ctx.db, [n.areaCode]), repo.listOffers(ctx.db, { district: n.areaCode.slice(0, 6) })]);
  const matches = offers
    .map((o) => ({ offer: presentOffer(o), match: matchScore({ title: n.title, content: n.content, year }, { title: o.offer.title, content: o.offer.content, conditions: o.offer.conditions, year: o.offer.year, capacity: o.offer.capacity, used: Number(o.used) }) }))
    .sort((a, b) => b.match.score - a.match.score || a.offer.title.localeCompare(b.offer.title))
    .slice(0, 10);
  return { ...presentNeed(actor, n, areas), matches };
}

// ---- 治理项目 -----------------------------------------------------------------------------------

export interface ProjectInput {
  offerId?: string;
  title?: string;
  content?: string;
  secretaryProject?: boolean;
  ledger?: boolean;
  budget?: number;
  dueDate?: string;
  supervisors: string[];
}

async function event(tx: Tx, projectId: string, actor: Actor, action: string, note: string | null, detail: Record<string, unknown> | null = null) {
  await repo.insertEvent(tx, { projectId, action, actorId: actor.id, actorName: plainName(actor.displayName), note, detail });
}

/** Staff make a project from a need, with the offer they chose (or none) and its supervision group. */
export async function createProject(ctx: AppContext, actor: Actor, needId: string, input: ProjectInput, req: RequestContext, key?: string) {
  const seen = await repo.findNeed(ctx.db, needAreasOf(actor), needId);
  if (!seen) throw notFound('需求');
  if (!manages(actor, seen.areaCode)) throw forbidden('只有社区工作者、党组织书记和指挥中心可以立项', 'not_manager');
  const problem = supervisorsProblem(new Set(input.supervisors).size);
  if (problem) throw problem;
  return withIdempotency(ctx, `projects:${actor.id}`, key, async (tx) => {
    const n = await repo.lockNeed(tx, needId);
    if (!n) throw notFound('需求');
    if (n.state !== 'open') throw conflict('need_not_open', `该需求当前为“${NEED_STATE_LABELS[n.state as NeedState].zh}”，不能再立项`);
    let offerUnitId: string | null = null;
    if (input.offerId) {
      await repo.lockOffer(tx, input.offerId);
      const o = await repo.findOffer(tx, input.offerId);
      if (!o || !isWithinScope(n.areaCode, o.offer.areaCode)) throw invalid('invalid_offer', '赋能清单项（offerId）不存在或不在本区', { field: 'offerId' });
      const m = matchScore({ title: n.title, content: n.content, year: Number(n.month.slice(0, 4)) }, { ...o.offer, used: Number(o.used) });
      if (!m.usable) throw conflict('offer_unusable', `该赋能清单项不能对接：${m.reasons.map((r) => r.zh).join('；')}`);
      offerUnitId = o.offer.unitId;
    }
    const ids = [...new Set(input.supervisors)];
    const persons = await repo.peopleOf(tx, ids);
    const community = n.areaCode.slice(0, 12);
    for (const [i, id] of ids.entries()) {
      const p = persons.find((x) => x.id === id);
      if (!p || p.status !== 'active' || !p.areaCode.startsWith(community)) throw invalid('invalid_supervisor', `督导小组第 ${i + 1} 人（supervisors）不是本村（社区）的在册居民`, { field: 'supervisors' });
    }
    const p = await repo.insertProject(tx, {
      needId: n.id,
      offerId: input.offerId ?? null,
      offerUnitId,
      areaCode: n.areaCode,
      title: input.title ?? n.title,
      content: input.content ?? n.content,
      secretaryProject: input.secretaryProject ?? false,
      ledger: input.ledger ?? false,
      budgetFen: Math.round((input.budget ?? 0) * 100),
      dueDate: input.dueDate || null,
      createdBy: actor.id,
    });
    if (!p) throw conflict('need_not_open', '该需求已立项');
    await repo.insertSupervisors(tx, ids.map((id) => ({ projectId: p.id, personId: id, name: persons.find((x) => x.id === id)!.name })));
    await repo.setNeedState(tx, n.id, 'project');
    await event(tx, p.id, actor, 'create', null, { offerId: input.offerId ?? null, supervisors: ids.length });
    await audit(tx, { actor }, req, { action: 'project.create', entityType: 'project', entityId: p.id, areaCode: p.areaCode, detail: { needId: n.id, offerId: input.offerId ?? null } });
    return { status: 201, body: { id: p.id, state: p.state as ProjectState } };
  });
}

interface Names {
  users: Map<string, string>;
  teams: Map<string, string>;
  units: Map<string, string>;
  areas: Map<string, { name: string }>;
}

async function namesFor(ctx: AppContext, rows: repo.ProjectRow[]): Promise<Names> {
  const [users, teams, units, areas] = await Promise.all([
    repo.userNames(ctx.db, rows.map((r) => r.claimedByUserId ?? '')),
    repo.teamNames(ctx.db, rows.map((r) => r.claimedByTeamId ?? '')),
    repo.unitNames(ctx.db, rows.map((r) => r.offerUnitId ?? '')),
    areaNames(ctx.db, rows.map((r) => r.areaCode)),
  ]);
  return { users, teams, units, areas };
}

function claimantOf(p: repo.ProjectRow, names: Names, masked: boolean) {
  if (!p.claimKind) return null;
  const name = p.claimedByTeamId ? (names.teams.get(p.claimedByTeamId) ?? '') : plainName(names.users.get(p.claimedByUserId ?? '') ?? '');
  return { kind: p.claimKind as ClaimKind, kindLabel: CLAIM_KIND_LABELS[p.claimKind as ClaimKind], name: masked && !p.claimedByTeamId ? maskName(name) : name };
}

/** What the wall (民生小事小黑板) shows: progress, no personal names beyond masked ones. */
function wallItem(p: repo.ProjectRow, names: Names, sups: repo.SupervisorRow[]) {
  const mine = sups.filter((s) => s.projectId === p.id);
  return {
    id: p.id,
    areaCode: p.areaCode,
    areaName: names.areas.get(p.areaCode)?.name ?? '',
    title: p.title,
    state: p.state as ProjectState,
    stateLabel: PROJECT_STATE_LABELS[p.state as ProjectState],
    percent: p.percent,
    secretaryProject: p.secretaryProject,
    ledger: p.ledger,
    budget: yuan(p.budgetFen),
    spent: yuan(p.spentFen),
    dueDate: p.dueDate,
    offerUnit: p.offerUnitId ? (names.units.get(p.offerUnitId) ?? null) : null,
    claimedBy: claimantOf(p, names, true),
    supervisors: { total: mine.length, signed: mine.filter((s) => s.signedAt).length },
    closedAt: toIsoCst(p.closedAt),
    closedOnTime: p.closedAt ? closedOnTime(p.dueDate, p.closedAt) : null,
  };
}

function summary(v: ProjectViewer, p: repo.ProjectRow, names: Names, sups: repo.SupervisorRow[]) {
  const staff = hasAnyRole(v.actor, AREA_STAFF) && isWithinScope(p.areaCode, v.actor.scopeCode);
  const mine = sups.filter((s) => s.projectId === p.id);
  return {
    ...wallItem(p, names, sups),
    claimedBy: claimantOf(p, names, !staff && p.claimedByUserId !== v.actor.id),
    supervising: isSupervisor(v.actor, mine),
    createdAt: toIsoCst(p.createdAt),
    allowedActions: projectAllowedActions(v, p, mine),
  };
}

export async function listProjects(ctx: AppContext, actor: Actor, q: { area?: string; state?: string; relation?: 'supervising'; secretary?: boolean; ledger?: boolean; page: number; pageSize: number }) {
  const v = await viewerOf(ctx, actor);
  const { total, rows } = await repo.listProjects(ctx.db, projectScopeOf(v), { ...q, supervising: q.relation === 'supervising' ? actor.personId : undefined });
  const [names, sups] = await Promise.all([namesFor(ctx, rows), repo.supervisorsOf(ctx.db, rows.map((r) => r.id))]);
  return { total, page: q.page, pageSize: q.pageSize, items: rows.map((p) => summary(v, p, names, sups)) };
}

async function visibleProject(ctx: AppContext, v: ProjectViewer, id: string) {
  const p = await repo.findProject(ctx.db, projectScopeOf(v), id);
  if (!p) throw notFound('治理项目');
  return p;
}

export async function getProject(ctx: AppContext, actor: Actor, id: string) {
  const v = await viewerOf(ctx, actor);
  const p = await visibleProject(ctx, v, id);
  return presentProject(ctx, v, p);
}

async function presentProject(ctx: AppContext, v: ProjectViewer, p: repo.ProjectRow) {
  const [names, sups, milestones, events, need, offer] = await Promise.all([
    namesFor(ctx, [p]),
    repo.supervisorsOf(ctx.db, [p.id]),
    repo.milestonesOf(ctx.db, p.id),
    repo.eventsOf(ctx.db, p.id),
    repo.needById(ctx.db, p.needId),
    p.offerId ? repo.findOffer(ctx.db, p.offerId) : Promise.resolve(null),
  ]);
  const staff = hasAnyRole(v.actor, AREA_STAFF) && isWithinScope(p.areaCode, v.actor.scopeCode);
  const check = closeCheck({ state: p.state as ProjectState, percent: p.percent, supervisors: sups.length, signed: sups.filter((s) => s.signedAt).length });
  return {
    ...summary(v, p, names, sups),
    content: p.content,
    spentShare: spentShare(p.budgetFen, p.spentFen),
    need: need ? { id: need.id, title: need.title, month: need.month, sources: need.sources as { type: NeedSourceType; id: string; title: string }[] } : null,
    offer: offer ? presentOffer(offer) : null,
    supervisorList: sups.map((s) => ({
      id: s.id,
      // Members of the group see each other (they supervise together); others see masked names.
      name: staff || isSupervisor(v.actor, sups) ? s.name : maskName(s.name),
      mine: s.personId === v.actor.personId,
      signedAt: toIsoCst(s.signedAt),
      signedOnline: s.signedOnline,
      note: s.note,
    })),
    milestones: milestones.map((m) => ({
      id: m.id,
      title: m.title,
      note: m.note,
      percent: m.percent,
      spent: yuan(m.spentFen),
      by: plainName(m.actorName),
      at: toIsoCst(m.at),
      photos: (m.attachments as { id: string; name: string }[]).map((f) => ({ ...f, url: fileUrl(ctx, f.id) })),
    })),
    timeline: events.map((e) => ({ action: e.action, by: plainName(e.actorName), note: e.note, at: toIsoCst(e.at), points: (e.detail as { points?: { status?: string; points?: number } } | null)?.points?.status === 'posted' ? (e.detail as { points: { points: number } }).points.points : null })),
    closeCheck: check,
  };
}

/** Runs a change of a visible project under its row lock, then presents it. */
async function change(ctx: AppContext, actor: Actor, id: string, fn: (tx: Tx, v: ProjectViewer, p: repo.ProjectRow, sups: repo.SupervisorRow[]) => Promise<void>) {
  const v = await viewerOf(ctx, actor);
  await visibleProject(ctx, v, id);
  await ctx.db.transaction(async (tx) => {
    const p = await repo.lockProject(tx, id);
    if (!p) throw notFound('治理项目');
    await fn(tx, v, p, await repo.supervisorsOf(tx, [id]));
  });
  return presentProject(ctx, v, (await repo.projectById(ctx.db, id))!);
}

const stateConflict = (p: repo.ProjectRow, what: string) => conflict('invalid_state', `项目当前为“${PROJECT_STATE_LABELS[p.state as ProjectState].zh}”，不能${what}`);

async function postPoints(tx: Tx, step: 'claim' | 'close', p: repo.ProjectRow, kind: string | null, userId: string | null, by: string) {
  if (!userId || (kind !== 'member' && kind !== 'cadre')) return null;
  return awardAutomatically(tx, { ruleCode: PROJECT_POINTS_RULES[step][kind], userId, refType: 'project', refId: p.id, authorisedBy: by, note: `治理项目“${p.title.slice(0, 40)}”${step === 'claim' ? '领办' : '销号'}` });
}

/** 领办: a party member or cadre claims for themself; staff claim for a service team of the community. */
export async function claimProject(ctx: AppContext, actor: Actor, id: string, body: { teamId?: string }, req: RequestContext) {
  return change(ctx, actor, id, async (tx, v, p) => {
    let patch: Partial<repo.NewProjectRow>;
    let label: string;
    if (body.teamId) {
      if (!manages(actor, p.areaCode)) throw forbidden('只有本村（社区）及上级工作人员可以安排服务团队领办', 'not_manager');
      const team = await repo.teamOf(tx, body.teamId);
      if (!team || !team.active || !p.areaCode.startsWith(team.areaCode.slice(0, 12))) throw invalid('invalid_team', '服务团队（teamId）不存在或不属于该村（社区）', { field: 'teamId' });
      patch = { claimKind: 'team', claimedByTeamId: team.id, claimedByUserId: await repo.teamLeaderOf(tx, team.id) };
      label = team.name;
    } else {
      const kind = claimKindOf(v);
      if (!kind || !claimAreasOf(v).some((c) => p.areaCode.startsWith(c))) throw forbidden('只有本村（社区）的党员和下沉干部可以领办项目', 'not_claimer');
      patch = { claimKind: kind, claimedByUserId: actor.id };
      label = plainName(actor.displayName);
    }
    if (p.state !== 'open') throw stateConflict(p, '领办');
    const updated = await repo.updateProject(tx, p.id, { ...patch, state: 'claimed', claimedAt: new Date() });
    const points = await postPoints(tx, 'claim', updated, updated.claimKind, body.teamId ? null : actor.id, actor.id);
    await event(tx, p.id, actor, 'claim', `${CLAIM_KIND_LABELS[updated.claimKind as ClaimKind].zh}：${label}`, points ? { points } : null);
    await audit(tx, { actor }, req, { action: 'project.claim', entityType: 'project', entityId: p.id, areaCode: p.areaCode, detail: { kind: updated.claimKind, points } });
  });
}

export interface MilestoneInput {
  title: string;
  note?: string;
  percent: number;
  spent?: number;
  photos?: string[];
}

export async function addMilestone(ctx: AppContext, actor: Actor, id: string, input: MilestoneInput, req: RequestContext) {
  return change(ctx, actor, id, async (tx, _v, p) => {
    if (!manages(actor, p.areaCode) && p.claimedByUserId !== actor.id) throw forbidden('只有领办人和本村（社区）工作人员可以报告项目进展', 'not_claimant');
    if (p.state !== 'claimed') throw stateConflict(p, '报告进展');
    const problem = progressProblem(p.percent, input.percent);
    if (problem) throw problem;
    const photoIds = [...new Set(input.photos ?? [])];
    const found = await repo.filesOf(tx, photoIds);
    for (const fid of photoIds) {
      const f = found.find((x) => x.id === fid);
      if (!f || f.uploaderId !== actor.id || f.caseId || !f.mime.startsWith('image/')) throw invalid('invalid_attachment', `照片 ${fid}（photos）不存在、不是图片或不是您上传的`, { field: 'photos' });
    }
    const spentFen = Math.round((input.spent ?? 0) * 100);
    await repo.insertMilestone(tx, {
      projectId: p.id,
      title: input.title,
      note: input.note ?? '',
      percent: input.percent,
      spentFen,
      attachments: photoIds.map((fid) => ({ id: fid, name: found.find((x) => x.id === fid)!.name })),
      actorId: actor.id,
      actorName: plainName(actor.displayName),
    });
    await repo.updateProject(tx, p.id, { percent: input.percent, spentFen: p.spentFen + spentFen });
    await event(tx, p.id, actor, 'milestone', `${input.title}（进度 ${input.percent}%）`);
    await audit(tx, { actor }, req, { action: 'project.milestone', entityType: 'project', entityId: p.id, areaCode: p.areaCode, detail: { percent: input.percent, spentFen } });
  });
}

/** A supervisor signs off their own entry online; staff record a paper sign-off for any entry (`supervisorId`). */
export async function signOffProject(ctx: AppContext, actor: Actor, id: string, body: { supervisorId?: string; note?: string }, req: RequestContext) {
  return change(ctx, actor, id, async (tx, _v, p, sups) => {
    let entry: repo.SupervisorRow | undefined;
    let online: boolean;
    if (body.supervisorId) {
      if (!manages(actor, p.areaCode)) throw forbidden('只有本村（社区）工作人员可以登记纸质签字', 'not_manager');
      entry = sups.find((s) => s.id === body.supervisorId);
      if (!entry) throw invalid('invalid_supervisor', '督导小组成员（supervisorId）不属于该项目', { field: 'supervisorId' });
      online = false;
    } else {
      entry = sups.find((s) => !!actor.personId && s.personId === actor.personId);
      if (!entry) throw new DomainError('forbidden', 'not_supervisor', '您不是该项目群众督导小组的成员，不能签字确认');
      online = true;
    }
    if (p.state !== 'claimed') throw stateConflict(p, '签字确认');
    if (!(await repo.signOff(tx, entry.id, actor.id, online, body.note ?? null))) throw conflict('already_signed', `${maskName(entry.name)}已经签字确认过`);
    await event(tx, p.id, actor, 'sign-off', `${online ? '' : `代${entry.name}登记纸质签字；`}${body.note ?? ''}`.replace(/；$/, '') || null);
    await audit(tx, { actor }, req, { action: 'project.sign-off', entityType: 'project', entityId: p.id, areaCode: p.areaCode, detail: { supervisorId: entry.id, online } });
  });
}

/** 销号: only when the project is at 100% and the whole supervision group has signed off. */
export async function closeProject(ctx: AppContext, actor: Actor, id: string, body: { note?: string }, req: RequestContext) {
  return change(ctx, actor, id, async (tx, _v, p, sups) => {
    if (!manages(actor, p.areaCode)) throw forbidden('只有本村（社区）及上级工作人员可以销号', 'not_manager');
    const check = closeCheck({ state: p.state as ProjectState, percent: p.percent, supervisors: sups.length, signed: sups.filter((s) => s.signedAt).length });
    if (!check.ok) throw conflict('cannot_close', `暂不能销号：${check.reasons.join('；')}`);
    const now = new Date();
    const updated = await repo.updateProject(tx, p.id, { state: 'closed', closedAt: now });
    await repo.setNeedState(tx, p.needId, 'met', now);
    const points = await postPoints(tx, 'close', updated, p.claimKind, p.claimKind === 'team' ? null : p.claimedByUserId, actor.id);
    await event(tx, p.id, actor, 'close', body.note ?? null, { onTime: closedOnTime(p.dueDate, now), ...(points ? { points } : {}) });
    await audit(tx, { actor }, req, { action: 'project.close', entityType: 'project', entityId: p.id, areaCode: p.areaCode, detail: { onTime: closedOnTime(p.dueDate, now), points } });
  });
}

/** The wall (民生小事小黑板): an area's projects with their progress, no login. */
export async function projectWall(ctx: AppContext, area: string) {
  if (!isAreaCode(area) || area.length < 9) throw invalid('invalid_area', '区域（area）应为镇（街道）、村（社区）或网格的区划代码', { field: 'area' });
  const found = await areaNames(ctx.db, [area]);
  if (!found.has(area)) throw notFound('区域');
  const rows = await repo.wallProjects(ctx.db, area, 50);
  const [names, sups, milestones] = await Promise.all([namesFor(ctx, rows), repo.supervisorsOf(ctx.db, rows.map((r) => r.id)), repo.milestonesOfProjects(ctx.db, rows.map((r) => r.id))]);
  // The latest milestone photos (at most 6 a project) as signed links; a milestone's file names are not shown.
  const photos = (id: string) =>
    milestones
      .filter((m) => m.projectId === id)
      .flatMap((m) => (m.attachments as { id: string }[]).map((f) => ({ id: f.id, url: fileUrl(ctx, f.id), milestone: m.title })))
      .slice(0, 6);
  return { area: { code: area, name: found.get(area)!.name }, total: rows.length, items: rows.map((p) => ({ ...wallItem(p, names, sups), photos: photos(p.id) })) };
}

