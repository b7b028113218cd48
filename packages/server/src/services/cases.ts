import {
  actionEffects,
  autoDispatches,
  autoEscalationEffects,
  intakeOwner,
  ACTION_LABELS,
  CATALOGUE,
  CHANNELS,
  conflict,
  decide,
  DomainError,
  findDuplicates,
  forbidden,
  groupFor,
  invalid,
  isAreaCode,
  isValidMobile,
  isWithinScope,
  maskName,
  maskPhone,
  notFound,
  OPEN_STATES,
  STATE_LABELS,
  toWgs84,
  unprocessable,
  validLatLng,
  ON_SPOT_ROLES,
  type CaseAction,
  type ActionEffects,
  type CasePatch,
  type CaseRelation,
  type CaseSnapshot,
  type CaseState,
  type EffectInput,
  type OwnerLevel,
  type Rating,
  type RatingSource,
  type Response5321,
  STEPS_5321,
  status5321,
} from '@gongzhi/domain';
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../db/client.ts';
import { hasAnyRole, type Actor, type RequestContext } from '../policies/actor.ts';
import {
  allowedChannels,
  caseAllowedActions,
  caseRelations,
  caseScopeOf,
  CENTRE_ROLE,
  DISPATCHABLE_UNIT_TYPES,
  handlesCases,
  factsOf,
  mustReportInScope,
  onSpotIntakeRelations,
} from '../policies/case.ts';
import { areaNames as cachedAreaNames, placeNames } from './area-names.ts';
import * as repo from '../repositories/cases.ts';
import { findUnit, findUnitByCode } from '../repositories/users.ts';
import { toIsoCst } from '../lib/time.ts';
import { FailureLimiter, UsageLimiter } from '../lib/rate-limit.ts';
import { queryCodeOf, sameQueryCode } from '../lib/query-code.ts';
import type { CaseDetail } from '@gongzhi/domain/contract';
import { Batcher, type Outcome } from '../lib/batcher.ts';
import { audit } from './audit.ts';
import type { AppContext } from './context.ts';
import { dueFn, FALLBACK_DEADLINES, stepTimes } from './deadlines.ts';
import { deadlinesFor } from './work-time.ts';
import { sweepOverdueChain } from './overdue-chain.ts';
import { gridAt } from './grid-index.ts';
import { learnDecidedCases, likelyTypesNow } from './suggest.ts';
import { fileUrl } from './files.ts';
import { withIdempotency } from './idempotency.ts';
import { awardAutomatically } from './points.ts';
import { recordMeasureChange } from './measure-rollups.ts';

export { CHANNELS };
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_LABELS: Record<Channel, string> = {
  qr: '扫码上报',
  mobile: '移动端上报',
  patrol: '网格巡查',
  hotline: '热线工单',
  reception: '领导接待日',
  visit: '走访',
  mailbox: '意见箱/信箱',
  open311: '开放接口',
  console: '后台录入',
};

const SYSTEM_ACTOR = { id: null, name: '系统', unit: null } as const;

// ---- catalogue ------------------------------------------------------------------------------

export async function seedCatalogue(db: DbOrTx): Promise<void> {
  await repo.upsertCatalogue(
    db,
    CATALOGUE.map((c, i) => ({
      code: c.code,
      name: c.name,
      parentCode: c.parentCode,
      leaf: c.leaf,
      keywords: c.keywords ?? [],
      defaultUnitCode: c.defaultUnitCode ?? null,
      handlingLevel: c.handlingLevel,
      urgent: c.urgent ?? false,
      deadlines: c.deadlines ?? FALLBACK_DEADLINES,
      verifyOnSite: c.verifyOnSite,
      autoDispatch: c.autoDispatch ?? false,
      rule5321: c.rule5321 ?? false,
      sort: i,
    })),
  );
}

// The catalogue changes rarely (only through updateCatalogue), so each process keeps it in
// memory for a minute; an edit clears this process's copy at once.
let cachedCatalogue: Promise<{ byCode: Map<string, repo.CatalogueRow>; names: Map<string, string> }> | null = null;
let cachedAt = 0;

export function catalogueCache(db: DbOrTx) {
  // `db` may be a transaction: a refresh inside one must read through it (PGlite has one connection).
  if (!cachedCatalogue || Date.now() - cachedAt > 60_000) {
    cachedAt = Date.now();
    cachedCatalogue = repo.listCatalogue(db).then((rows) => ({
      byCode: new Map(rows.map((r) => [r.code, r])),
      names: new Map(rows.map((r) => [r.code, r.name])),
    }));
  }
  return cachedCatalogue;
}

export function invalidateCatalogueCache() {
  cachedCatalogue = null;
}

async function catalogueType(db: DbOrTx, code: string): Promise<repo.CatalogueRow | null> {
  return (await catalogueCache(db)).byCode.get(code) ?? null;
}

// ---- presenting -----------------------------------------------------------------------------

export async function unitIdsOf(db: DbOrTx, c: repo.CaseRow) {
  const rows = await repo.caseUnitRows(db, c.id);
  return {
    rows,
    lead: c.handlerUnitId,
    assists: rows.filter((r) => r.role === 'assist' && r.status !== 'returned').map((r) => r.unitId),
  };
}

export function isOverdue(c: Pick<repo.CaseRow, 'state' | 'stepDueAt' | 'dueAt'>, now = new Date()): boolean {
  if (!OPEN_STATES.has(c.state as CaseState) || c.state === 'suspended') return false;
  const step = c.stepDueAt?.getTime() ?? Infinity;
  return now.getTime() > step;
}

export function isWarning(c: Pick<repo.CaseRow, 'state' | 'stepDueAt' | 'stepWarnAt'>, now = new Date()): boolean {
  if (!OPEN_STATES.has(c.state as CaseState) || c.state === 'suspended') return false;
  return !!c.stepWarnAt && now >= c.stepWarnAt && !!c.stepDueAt && now <= c.stepDueAt;
}

/** The list view of a case. */
export function caseSummary(c: repo.CaseRow, names?: Map<string, { name: string }>, categoryNames?: Map<string, string>, places?: Map<string, string>, groupSizes?: Map<string, number>) {
  return {
    id: c.id,
    code: c.code,
    state: c.state as CaseState,
    stateLabel: STATE_LABELS[c.state as CaseState]?.zh ?? c.state,
    title: c.title,
    categoryCode: c.categoryCode,
    categoryName: categoryNames?.get(c.categoryCode) ?? null,
    areaCode: c.areaCode,
    areaName: names?.get(c.areaCode)?.name ?? null,
    /** Where, as a person reads it: 状元街居委会 第一网格 (the grid or building alone is ambiguous). */
    place: places?.get(c.areaCode) ?? null,
    channel: c.channel as Channel,
    ownerLevel: c.ownerLevel as 'village' | 'town' | 'district',
    urgent: c.urgent,
    deadline: toIsoCst(c.dueAt),
    stepDeadline: toIsoCst(c.stepDueAt),
    overdue: isOverdue(c),
    warning: isWarning(c),
    rating: c.rating as Rating | null,
    reworkCount: c.reworkCount,
    createdAt: toIsoCst(c.createdAt),
    /** Duplicate group: the primary's id (null when in none) and how many of its members the caller sees. */
    groupId: c.groupId,
    groupSize: c.groupId ? (groupSizes?.get(c.groupId) ?? null) : null,
  };
}

async function categoryNameMap(db: DbOrTx): Promise<Map<string, string>> {
  return (await catalogueCache(db)).names;
}

interface Preloaded {
  events: repo.CaseEventRow[];
  files: { id: string; name: string; mime: string; size: number }[];
}

export async function presentCase(ctx: AppContext, actor: Actor | null, c: repo.CaseRow, opts: { reporterView?: boolean; preloaded?: Preloaded } = {}) {
  const db = ctx.db;
  // A case just created has no units yet, and its events and files are known: no need to re-read them.
  const units = opts.preloaded ? { rows: [], lead: null, assists: [] } : await unitIdsOf(db, c);
  const [events, fileRows, areaNames, categories] = await Promise.all([
    opts.preloaded?.events ?? repo.eventsOf(db, c.id),
    opts.preloaded?.files ?? repo.filesOfCase(db, c.id),
    cachedAreaNames(db, [c.areaCode, c.ownerAreaCode, c.areaCode.slice(0, 12), c.areaCode.slice(0, 9)]),
    categoryNameMap(db),
  ]);
  const handler = c.handlerUnitId ? units.rows.find((r) => r.unitId === c.handlerUnitId) : null;
  const allowedActions = opts.reporterView
    ? caseAllowedActionsForReporter(c)
    : actor
      ? caseAllowedActions(actor, c, units)
      : [];
  const staffView = !opts.reporterView && !!actor && !(caseScopeOf(actor).kind === 'reporter');
  const fileMap = new Map(fileRows.map((f) => [f.id, f]));
  // A reporter whose case was merged follows the case it was merged into: its progress and its answer.
  const followed = !staffView && c.state === 'merged' && c.mergedIntoId ? await followedCase(ctx, c.mergedIntoId) : null;
  return {
    ...caseSummary(c, areaNames, categories),
    description: c.description,
    address: c.address,
    location: c.lat != null && c.lng != null ? { lat: c.lat, lng: c.lng, crs: 'wgs84' } : null,
    /** Where the on-site check was passed (staff only: it is a worker's position). */
    verifyLocation: staffView && c.verifyLat != null && c.verifyLng != null ? { lat: c.verifyLat, lng: c.verifyLng, crs: 'wgs84' } : null,
    public: c.public,
    /** 领导包案: the leader who took it at a reception day (staff see it; the reporter knows who received them). */
    lead: c.leadName ? { name: c.leadName, userId: staffView ? c.leadUserId : null, receptionDayId: staffView ? c.receptionDayId : null } : null,
    ownerArea: { code: c.ownerAreaCode, name: areaNames.get(c.ownerAreaCode)?.name ?? c.ownerAreaCode },
    villageName: areaNames.get(c.areaCode.slice(0, 12))?.name ?? null,
    townName: areaNames.get(c.areaCode.slice(0, 9))?.name ?? null,
    handlerUnit: handler ? { id: handler.unitId, name: handler.name } : undefined,
    units: staffView ? units.rows.map((r) => ({ id: r.unitId, name: r.name, role: r.role as 'lead' | 'assist', status: r.status, note: r.note })) : undefined,
    reporter: staffView
      ? { name: c.reporterName ? maskName(c.reporterName) : null, phone: maskPhone(c.reporterPhoneLast4), anonymous: !c.reporterName && !c.reporterPhoneLast4 && !c.reporterUserId }
      : undefined,
    pendingExtension: (c.pendingExtension as CaseDetail['pendingExtension'] | null) ?? null,
    answer: c.answer ?? followed?.answer ?? null,
    /** Merged (reporter's view): the case it was merged into, whose progress and answer are this report's. */
    followed: followed ?? undefined,
    ratingComment: c.ratingComment,
    /** `reporter` (their own) or `visit` (recorded by staff on a return visit). */
    ratedBy: c.ratedBy as 'reporter' | 'visit' | null,
    ratedAt: toIsoCst(c.ratedAt),
    mergedIntoId: c.mergedIntoId,
    closedAt: toIsoCst(c.closedAt),
    /** 5321 (property types, staff only): the step deadlines, what is done, the tier, and what the caller may record. */
    response5321: staffView && c.response5321 && actor ? view5321(c.response5321 as Response5321, caseRelations(actor, c, units), c.state) : undefined,
    attachments: fileRows.map((f) => ({ ...f, url: fileUrl(ctx, f.id) })),
    timeline: events.map((e) => ({
      action: e.action,
      actionLabel: (ACTION_LABELS as Record<string, { zh: string }>)[e.action]?.zh ?? SYSTEM_ACTION_LABELS[e.action] ?? e.action,
      fromState: e.fromState as CaseState | null,
      toState: e.toState as CaseState | null,
      actor: staffView ? e.actorName : reporterSideLabel(e, c, actor) ?? e.actorUnit ?? (e.actorId ? '工作人员' : e.actorName),
      actorUnit: e.actorUnit,
      at: toIsoCst(e.at),
      note: e.note ?? undefined,
      attachments: ((e.attachments as string[] | null) ?? []).map((id) => ({ id, name: fileMap.get(id)?.name ?? '附件', url: fileUrl(ctx, id) })),
      detail: staffView ? ((e.detail as Record<string, unknown> | null) ?? undefined) : undefined,
    })),
    allowedActions,
  };
}

/** The case a merged case was merged into (followed down a chain of merges), as its reporter reads it. */
async function followedCase(ctx: AppContext, id: string) {
  let p = await repo.findCaseById(ctx.db, id);
  for (let i = 0; p && p.state === 'merged' && p.mergedIntoId && i < 5; i++) p = await repo.findCaseById(ctx.db, p.mergedIntoId);
  if (!p) return null;
  const events = await repo.eventsOf(ctx.db, p.id);
  return {
    code: p.code,
    state: p.state as CaseState,
    stateLabel: STATE_LABELS[p.state as CaseState]?.zh ?? p.state,
    answer: p.answer,
    closedAt: toIsoCst(p.closedAt),
    timeline: events
      .filter((e) => !['merged-from', 'unmerged-from', 'group-candidate', 'amend', 'assess'].includes(e.action))
      .map((e) => ({
        action: e.action,
        actionLabel: (ACTION_LABELS as Record<string, { zh: string }>)[e.action]?.zh ?? SYSTEM_ACTION_LABELS[e.action] ?? e.action,
        toState: e.toState as CaseState | null,
        // Another resident's report is not theirs to read: who reported it stays 群众.
        actor: REPORTER_ACTIONS.has(e.action) ? '群众' : e.actorUnit ?? (e.actorId ? '工作人员' : e.actorName),
        at: toIsoCst(e.at),
        note: REPORTER_ACTIONS.has(e.action) ? undefined : e.note ?? undefined,
      })),
  };
}

/** A case's 5321 as the case page shows it: times in +08:00, each step's status now, the caller's entries. */
function view5321(r: Response5321, rel: Set<CaseRelation>, state: string): CaseDetail['response5321'] {
  const working = state === 'dispatched' || state === 'acknowledged';
  const allowed: ('step' | 'tier')[] = [];
  if (working && rel.has('handler') && STEPS_5321.some((s) => !r.steps[s].doneAt)) allowed.push('step');
  if (working && ((rel.has('handler') && r.tierBy !== 'centre') || rel.has('owner'))) allowed.push('tier');
  return {
    startedAt: toIsoCst(r.startedAt)!,
    steps: STEPS_5321.map((s) => ({ step: s, dueAt: toIsoCst(r.steps[s].dueAt)!, doneAt: toIsoCst(r.steps[s].doneAt) })),
    tier: r.tier,
    tierBy: r.tierBy,
    resolveDueAt: toIsoCst(r.resolveDueAt),
    status: status5321(r, new Date()),
    allowedActions: allowed,
  };
}

/**
 * The reporter's own steps (report, rating, withdrawal) as the reporter reads them: 本人 for their own
 * account, 群众 for a reporter without one; never 工作人员.
 */
function reporterSideLabel(e: repo.CaseEventRow, c: repo.CaseRow, viewer: Actor | null): string | null {
  const byReporter = e.actorId ? e.actorId === c.reporterUserId : REPORTER_ACTIONS.has(e.action);
  if (!byReporter) return null;
  if (viewer && c.reporterUserId === viewer.id) return '本人';
  return c.reporterUserId ? '群众' : e.actorName || '群众';
}

const REPORTER_ACTIONS = new Set(['report', 'rate', 'withdraw']);

const SYSTEM_ACTION_LABELS: Record<string, string> = {
  report: '上报',
  meeting: '会商',
  'deadline-warning': '临期预警',
  overdue: '超期',
  'auto-escalate': '超期自动上报',
  'merged-from': '合并进来',
  'unmerged-from': '拆分出去',
  'group-candidate': '疑似重复',
  amend: '信息更新',
  assess: '考核承办单位',
  'response-step': '5321 响应',
  'response-tier': '5321 定级',
};

function caseAllowedActionsForReporter(c: repo.CaseRow): CaseAction[] {
  const out: CaseAction[] = [];
  // 双重评价: the reporter's own rating supersedes one recorded on a return visit.
  if (c.state === 'closed' && (!c.rating || c.ratedBy === 'visit')) out.push('rate');
  if (['reported', 'accepted', 'dispatched', 'acknowledged'].includes(c.state)) out.push('withdraw');
  return out;
}

// ---- reading --------------------------------------------------------------------------------

export async function getCase(ctx: AppContext, actor: Actor, id: string) {
  const c = await repo.findCase(ctx.db, caseScopeOf(actor), id);
  if (!c) throw notFound('案件');
  return presentCase(ctx, actor, c);
}

export interface ListQuery {
  state?: string;
  area?: string;
  category?: string;
  channel?: string;
  overdue?: boolean;
  dueSoon?: boolean;
  /** Marked 急难险重 (`true`) or not (`false`), in any state. */
  urgent?: boolean;
  from?: string;
  to?: string;
  /** Full-text search (docs/SEARCH.md); with it the best matches come first unless `sort` is `newest`. */
  q?: string;
  sort?: 'relevance' | 'newest';
  box?: 'mine' | 'revisit' | 'all';
  page: number;
  pageSize: number;
}

/**
 * "My inbox": the cases waiting for the caller's own action, by relation. Closed cases that only
 * wait for the reporter's rating are the return-visit queue (回访, `box=revisit`), not work here.
 */
function inboxSql(actor: Actor) {
  const parts = [];
  for (const level of ['village', 'town', 'district'] as OwnerLevel[]) {
    if (actor.roles.includes(CENTRE_ROLE[level])) {
      // Owned open work, an extension request to decide, and a case rated unsatisfied (decide on rework, 重办).
      parts.push(
        sql`(owner_level = ${level} and owner_area_code = ${actor.scopeCode} and (state in ('reported','accepted','handled','suspended') or (state = 'acknowledged' and pending_extension is not null) or (state = 'closed' and rating = 'unsatisfied')))`,
      );
    }
  }
  if (actor.unitId) {
    parts.push(sql`(handler_unit_id = ${actor.unitId} and state in ('dispatched','acknowledged'))`);
    parts.push(sql`exists (select 1 from case_units cu where cu.case_id = cases.id and cu.unit_id = ${actor.unitId} and cu.role = 'assist' and cu.status in ('dispatched','acknowledged') and cases.state in ('dispatched','acknowledged'))`);
  }
  if (actor.roles.includes('grid-worker')) {
    parts.push(sql`(area_code like ${actor.scopeCode + '%'} and state in ('handled','reported'))`);
  }
  if (parts.length === 0) return sql`false`;
  return sql`(${sql.join(parts, sql` or `)})`;
}

/** The return-visit queue (回访): closed cases the caller's centre owns that have no rating yet. */
function revisitSql(actor: Actor) {
  const parts = [];
  for (const level of ['village', 'town', 'district'] as OwnerLevel[]) {
    if (actor.roles.includes(CENTRE_ROLE[level])) {
      parts.push(sql`(owner_level = ${level} and owner_area_code = ${actor.scopeCode} and state = 'closed' and rating is null)`);
    }
  }
  if (parts.length === 0) return sql`false`;
  return sql`(${sql.join(parts, sql` or `)})`;
}

function parseDay(value: string | undefined, field: string): Date | undefined {
  if (!value) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = m ? new Date(`${value}T00:00:00+08:00`) : null;
  if (!d || Number.isNaN(d.getTime())) throw invalid('invalid_date', `${field} 日期格式应为 YYYY-MM-DD`, { field });
  return d;
}

/** The repository filter of a case list query: shared by the list and its Excel export. */
export function caseListFilter(actor: Actor, q: Omit<ListQuery, 'page' | 'pageSize'>) {
  const states = q.state ? q.state.split(',').filter(Boolean) : undefined;
  const from = parseDay(q.from, 'from');
  const toDay = parseDay(q.to, 'to');
  const to = toDay ? new Date(toDay.getTime() + 86400_000) : undefined;
  return {
    states,
    area: q.area,
    categoryCode: q.category,
    channel: q.channel,
    overdue: q.overdue,
    dueSoon: q.dueSoon,
    urgent: q.urgent,
    from,
    to,
    q: q.q,
    inbox: q.box === 'mine' ? inboxSql(actor) : q.box === 'revisit' ? revisitSql(actor) : undefined,
    order: q.box === 'mine' ? ('due' as const) : q.box === 'revisit' ? ('closed' as const) : q.q && q.sort !== 'newest' ? ('relevance' as const) : ('newest' as const),
  };
}

export async function listCases(ctx: AppContext, actor: Actor, q: ListQuery) {
  const filter = caseListFilter(actor, q);
  const scope = caseScopeOf(actor);
  const page = { ...filter, page: q.page, pageSize: q.pageSize };
  // A search reads its matches once for the page, the total and the counts (docs/SEARCH.md).
  const listing = filter.q
    ? repo.searchCases(ctx.db, scope, { ...page, q: filter.q })
    : Promise.all([repo.listCases(ctx.db, scope, page), repo.countByState(ctx.db, scope, { ...filter })]).then(([r, counts]) => ({ ...r, counts }));
  const [res, categories] = await Promise.all([listing, categoryNameMap(ctx.db)]);
  const counts = res.counts;
  const codes = [...new Set(res.items.map((c) => c.areaCode))];
  const groups = [...new Set(res.items.map((c) => c.groupId).filter((g): g is string => !!g))];
  const [names, places, sizes] = await Promise.all([cachedAreaNames(ctx.db, codes), placeNames(ctx.db, codes), repo.groupSizes(ctx.db, scope, groups)]);
  return {
    total: res.total,
    page: q.page,
    pageSize: q.pageSize,
    counts: Object.fromEntries(counts.map((r) => [r.state, r.n])),
    overdueCount: counts.reduce((n, r) => n + Number(r.overdue), 0),
    dueSoonCount: counts.reduce((n, r) => n + Number(r.dueSoon), 0),
    items: res.items.map((c) => caseSummary(c, names, categories, places, sizes)),
  };
}

export async function similarCases(ctx: AppContext, actor: Actor, id: string) {
  const c = await repo.findCase(ctx.db, caseScopeOf(actor), id);
  if (!c) throw notFound('案件');
  return { items: await duplicatesFor(ctx, c, actor) };
}

/** How many recent open cases of the same type and village the duplicate hint compares with. */
const DUPLICATE_CANDIDATES = 60;

async function duplicatesFor(ctx: AppContext, c: DuplicateSubject, actor: Actor | null) {
  const candidates = await repo.duplicateCandidates(ctx.db, { id: c.id, categoryCode: c.categoryCode, areaCode: c.areaCode, createdAt: c.createdAt });
  return duplicatesAmong(c, asCaseLike(candidates), actor);
}

type DuplicateSubject = Pick<repo.CaseRow, 'title' | 'description' | 'categoryCode' | 'areaCode' | 'lat' | 'lng' | 'createdAt'> & { id?: string };
type Candidate = Awaited<ReturnType<typeof repo.duplicateCandidates>>[number] & { reportedAt: Date };

const asCaseLike = (rows: Awaited<ReturnType<typeof repo.duplicateCandidates>>): Candidate[] => rows.map((x) => ({ ...x, reportedAt: x.createdAt }));

/** The duplicate hint for `c` among candidates (newest first): those the caller may see, scored. */
function duplicatesAmong(c: DuplicateSubject, candidates: Candidate[], actor: Actor | null) {
  const others: Candidate[] = [];
  for (const x of candidates) {
    if (others.length >= DUPLICATE_CANDIDATES) break;
    if (x.id !== c.id) others.push(x);
  }
  const visible = actor ? others.filter((x) => isVisible(actor, x)) : others;
  const found = findDuplicates({ categoryCode: c.categoryCode, title: c.title, description: c.description, lat: c.lat, lng: c.lng, areaCode: c.areaCode, reportedAt: c.createdAt }, visible);
  return found.map((d) => ({ id: d.item.id, code: d.item.code, title: d.item.title, state: d.item.state as CaseState, createdAt: toIsoCst(d.item.createdAt), score: Math.round(d.score * 100) / 100 }));
}

/**
 * Open cases the caller may see that report what `report` is about to (the intake suggestions,
 * docs/SMART-INTAKE.md): the duplicate rule above, for each of the likely `categories`, best first.
 */
export async function similarToReport(
  ctx: AppContext,
  actor: Actor,
  report: { title: string; description: string; areaCode: string | null; lat: number | null; lng: number | null },
  categories: readonly string[],
  limit = 5,
) {
  const scope = caseScopeOf(actor);
  const place = report.areaCode ?? (scope.kind === 'area' ? scope.code : null);
  if (!place || scope.kind === 'unit') return [];
  const now = new Date();
  const since = new Date(now.getTime() - 7 * 86400_000);
  const best = new Map<string, { id: string; code: string; title: string; score: number }>();
  const candidates = await Promise.all(categories.map((categoryCode) => repo.duplicateCandidatesOf(ctx.db, { categoryCode, village: place.slice(0, 12), since, limit: DUPLICATE_CANDIDATES })));
  for (const [i, categoryCode] of categories.entries()) {
    const rows = asCaseLike(candidates[i]!);
    const subject = { title: report.title, description: report.description, categoryCode, areaCode: place, lat: report.lat, lng: report.lng, createdAt: now };
    for (const d of duplicatesAmong(subject, rows, actor)) {
      const seen = best.get(d.id);
      if (!seen || seen.score < d.score) best.set(d.id, { id: d.id, code: d.code, title: d.title, score: d.score });
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score).slice(0, limit);
}

function isVisible(actor: Actor, c: Pick<repo.CaseRow, 'areaCode' | 'reporterUserId'>): boolean {
  const scope = caseScopeOf(actor);
  if (scope.kind === 'area') return isWithinScope(c.areaCode, scope.code) || c.areaCode.startsWith(scope.code);
  if (scope.kind === 'reporter') return c.reporterUserId === actor.id;
  return false;
}

// ---- intake ---------------------------------------------------------------------------------

export interface CaseInput {
  title: string;
  description: string;
  categoryCode: string;
  channel: Channel;
  areaCode?: string;
  location?: { lat: number; lng: number; crs?: 'wgs84' | 'gcj02' | 'bd09' };
  address?: string;
  reporter?: { name?: string; phone?: string };
  public?: boolean;
  attachments?: string[];
  urgent?: boolean;
  externalRef?: string;
  /** Grid worker settles a small matter on the spot (小事不出网格): the note of what was done. */
  onSpot?: { note: string; attachments?: string[] };
}

/** Where a new case goes: the community of its place, the district for 急难险重. */

export interface CreateOptions {
  idempotencyKey?: string;
  /** Set by the Open311 endpoint after it checked the client's API key. */
  open311Client?: string;
  /** 领导包案: set by the reception-day service (services/reception.ts) for a case taken at a reception day. */
  lead?: { userId: string | null; name: string; receptionDayId: string };
}

export async function createCase(ctx: AppContext, actor: Actor | null, input: CaseInput, req: RequestContext, opts: CreateOptions = {}) {
  const idempotencyKey = opts.idempotencyKey;
  if (input.channel === 'open311' ? !opts.open311Client : !allowedChannels(actor).includes(input.channel)) {
    throw new DomainError(actor ? 'forbidden' : 'unauthenticated', actor ? 'channel_not_allowed' : 'unauthenticated', actor ? `您的角色不能以“${CHANNEL_LABELS[input.channel]}”渠道登记案件` : '请先登录，或使用扫码上报');
  }
  const type = await catalogueType(ctx.db, input.categoryCode);
  if (!type || !type.leaf || !type.active) throw invalid('invalid_category', `事项类型 ${input.categoryCode.slice(0, 20)} 不存在或不可选`, { field: 'categoryCode' });

  // Place: a point is placed in the grid that contains it; a finer code inside that grid is kept.
  let lat: number | null = null;
  let lng: number | null = null;
  let areaCode = input.areaCode ?? null;
  if (areaCode && (!isAreaCode(areaCode) || !(await cachedAreaNames(ctx.db, [areaCode])).has(areaCode))) {
    throw invalid('invalid_area_code', `区域代码 ${areaCode.slice(0, 24)} 不存在`, { field: 'areaCode' });
  }
  if (input.location) {
    const { lat: la, lng: ln, crs = 'wgs84' } = input.location;
    if (!validLatLng(la, ln)) throw invalid('invalid_location', '位置坐标不正确（纬度 -90~90，经度 -180~180）', { field: 'location' });
    const point = toWgs84(la, ln, crs);
    lat = point.lat;
    lng = point.lng;
    const grid = await gridAt(ctx, point.lat, point.lng);
    if (grid && !(areaCode && areaCode.startsWith(grid))) areaCode = grid;
  }
  if (!areaCode) throw invalid('area_required', '请提供案件所在区域（areaCode）或位置（location）', { field: 'areaCode' });
  if (actor && mustReportInScope(actor) && !isWithinScope(areaCode, actor.scopeCode) && input.channel !== 'hotline') {
    throw forbidden('只能登记您管辖范围内的案件');
  }
  if (input.reporter?.phone && !isValidMobile(input.reporter.phone)) {
    throw invalid('invalid_phone', '联系电话应为 11 位手机号', { field: 'reporter.phone' });
  }
  const attachmentIds = [...new Set(input.attachments ?? [])];
  const onSpotIds = [...new Set(input.onSpot?.attachments ?? [])];
  const attachmentMeta = (await assertAttachable(ctx.db, actor, [...attachmentIds, ...onSpotIds])).filter((f) => attachmentIds.includes(f.id));
  if (input.onSpot && !(actor && hasAnyRole(actor, ON_SPOT_ROLES))) throw forbidden('只有网格员、楼栋长（单元长）可以当场处置');
  if (input.externalRef) {
    const existing = await repo.findCaseByExternalRef(ctx.db, input.channel, input.externalRef);
    if (existing) throw conflict('duplicate_external_ref', `外部工单号 ${input.externalRef} 已登记为案件 ${existing.code}`);
  }

  const urgent = input.urgent ?? type.urgent;
  const owner = intakeOwner(areaCode, { handlingLevel: type.handlingLevel as OwnerLevel, urgent }, { onSpot: !!input.onSpot });
  const deadlines = await deadlinesFor(ctx.db, type, { ownerAreaCode: owner.area, channel: input.channel, urgent });
  const reporterPerson = actor?.personId ? await ctx.db.query.people.findFirst({ where: (p, { eq }) => eq(p.id, actor.personId!) }) : null;
  const reporterName = input.reporter?.name?.trim() || reporterPerson?.name || null;
  const phone = input.reporter?.phone ?? null;

  // An anonymous caller has no identity to scope its key by, and its address changes when a phone
  // moves from Wi-Fi to 4G: its key is scoped by the key itself, and the fingerprint of the
  // request body kept with the result tells a resend (same body) from a reuse (another body).
  const idemScope = actor ? `u:${actor.id}` : opts.open311Client ? `o311:${opts.open311Client}` : 'anon';
  const fingerprint = actor || opts.open311Client ? null : bodyFingerprint(input);
  if (idempotencyKey !== undefined) {
    if (idempotencyKey.length > 128) throw invalid('invalid_idempotency_key', 'Idempotency-Key 不能超过 128 个字符', { field: 'Idempotency-Key' });
    const done = await findCreated(ctx, idemScope, idempotencyKey, fingerprint);
    if (done) return presentCreated(ctx, actor, done);
  }
  // A resend (above) costs nothing; a new report without an account counts against its source address.
  if (!actor && !opts.open311Client) takeAnonymousReport(ctx, req);

  // On-the-spot handling runs the workflow inside the intake transaction: the one-by-one path.
  if (input.onSpot && actor) {
    let createdRow: repo.CaseRow | undefined;
    const run = async (tx: Tx) => {
      const now = new Date();
      const { stepDueAt, stepWarnAt } = stepTimes('reported', now, deadlines, null);
      const fields = intakeFields();
      let c = await repo.insertCase(tx, { ...fields, code: repo.caseCodeSql('HM'), state: 'reported', stepDueAt, stepWarnAt });
      await recordMeasureChange(tx, null, c);
      await repo.attachFiles(tx, c.id, [...attachmentIds, ...onSpotIds]);
      await repo.insertEvent(tx, { caseId: c.id, action: 'report', fromState: null, toState: 'reported', ...firstEvent() });
      await audit(tx, { actor }, req, { action: 'case.create', entityType: 'case', entityId: c.id, areaCode: c.areaCode, detail: { code: c.code, channel: input.channel } });
      await notifyOwners(tx, c, `新案件待受理：${c.title}`, 'case.new');
      c = await applyAction(ctx, tx, actor, c, 'handle', { note: input.onSpot!.note, attachments: onSpotIds }, req, { onSpotIntake: true });
      c = await applyAction(ctx, tx, actor, c, 'verify-pass', { note: actor.roles.includes('grid-worker') ? '网格员当场处置并核实' : '楼栋长（单元长）现场处理，登记备案' }, req, { onSpotIntake: true });
      createdRow = c;
      return c;
    };
    const created = await withIdempotency(ctx, idemScope, idempotencyKey, async (tx) => {
      const c = await run(tx);
      return { status: 201, body: { id: c.id } };
    });
    const row = createdRow?.id === (created.body as { id: string }).id ? createdRow! : (await repo.findCaseById(ctx.db, (created.body as { id: string }).id))!;
    const view = await presentCase(ctx, actor, row, { reporterView: !mustReportInScope(actor) });
    return { status: created.status, body: { ...view, ...queryCodeField(ctx, row), duplicates: await duplicatesFor(ctx, row, actor) } };
  }

  // Everything else is group-committed with the intakes arriving at the same moment: the case,
  // its first timeline entry, the audit row, the notifications and the idempotency claim are
  // written in one statement, and this request is answered only after that has committed.
  const now = new Date();
  const { stepDueAt, stepWarnAt } = stepTimes('reported', now, deadlines, null);
  const fields = intakeFields();
  const event = firstEvent();
  const written = await intakeBatcher(ctx).submit({
    ...fields,
    id: crypto.randomUUID(),
    stepDueAt,
    stepWarnAt,
    files: attachmentIds,
    event: { actorId: event.actorId, actorName: event.actorName, actorUnit: event.actorUnit, note: event.note, attachments: event.attachments, detail: event.detail },
    audit: { actorId: actor?.id ?? null, actorUsername: actor?.username ?? null, ip: req.ip, userAgent: req.userAgent?.slice(0, 300) ?? null },
    notifyRole: CENTRE_ROLE[owner.level],
    idempotency: idempotencyKey !== undefined ? { scope: idemScope, key: idempotencyKey, fingerprint } : null,
  });
  if (!written.created) {
    if (idempotencyKey === undefined) throw new Error('intake batch returned no case for an intake without Idempotency-Key');
    // The key was claimed first by another request (or earlier in the same batch): its result.
    const first = await findCreated(ctx, idemScope, idempotencyKey, fingerprint);
    if (!first) throw conflict('idempotency_in_progress', '相同 Idempotency-Key 的请求正在处理中，请稍后重试');
    return presentCreated(ctx, actor, first);
  }
  let row = written.groupId ? { ...written.created.row, groupId: written.groupId } : written.created.row;
  if (autoDispatches({ autoDispatch: type.autoDispatch, defaultUnitCode: type.defaultUnitCode }, owner.level)) {
    const dispatched = await autoDispatch(ctx, row, type.defaultUnitCode!, req);
    if (dispatched) {
      row = dispatched;
      const view = await presentCase(ctx, actor, row, { reporterView: !actor || !mustReportInScope(actor) });
      return { status: 201, body: { ...view, ...queryCodeField(ctx, row), duplicates: duplicatesAmong(row, written.candidates, actor) } };
    }
  }
  const view = await presentCase(ctx, actor, row, { reporterView: !actor || !mustReportInScope(actor), preloaded: { events: [written.created.event], files: attachmentMeta } });
  return { status: 201, body: { ...view, ...queryCodeField(ctx, row), duplicates: duplicatesAmong(row, written.candidates, actor) } };

  function intakeFields() {
    return {
      title: input.title,
      description: input.description,
      categoryCode: type!.code,
      channel: input.channel,
      areaCode: areaCode!,
      ownerLevel: owner.level,
      ownerAreaCode: owner.area,
      lat,
      lng,
      address: input.address ?? null,
      reporterUserId: actor && !mustReportInScope(actor) ? actor.id : null,
      reporterName,
      reporterPhoneCipher: phone ? ctx.cipher.encrypt(phone) : reporterPerson?.phoneCipher ?? null,
      reporterPhoneHash: phone ? ctx.cipher.lookupHash(phone) : reporterPerson?.phoneHash ?? null,
      reporterPhoneLast4: phone ? phone.slice(-4) : reporterPerson?.phoneLast4 ?? null,
      public: input.public ?? false,
      urgent,
      externalRef: input.externalRef ?? null,
      leadUserId: opts.lead?.userId ?? null,
      leadName: opts.lead?.name ?? null,
      receptionDayId: opts.lead?.receptionDayId ?? null,
    };
  }

  function firstEvent() {
    const who = actorInfo(actor, reporterName);
    return {
      actorId: actor?.id ?? null,
      actorName: who.name,
      actorUnit: who.unit,
      note: `${CHANNEL_LABELS[input.channel]}${opts.open311Client ? `（${opts.open311Client}）` : ''}${opts.lead ? `（${opts.lead.name}接待，领导包案）` : ''}${urgent ? '（急难险重，直报区指挥中心）' : owner.level !== levelOfPlace(areaCode!) ? ROUTED_NOTE[owner.level] : ''}`,
      attachments: attachmentIds.length ? attachmentIds : null,
      detail: { channel: input.channel, ownerLevel: owner.level, ...(opts.lead ? { lead: opts.lead.name, receptionDayId: opts.lead.receptionDayId } : {}) } as Record<string, unknown>,
    };
  }
}

/** The level of the centre a place belongs to, by the length of its code. */
const levelOfPlace = (areaCode: string): OwnerLevel => intakeOwner(areaCode, { handlingLevel: 'village', urgent: false }).level;

const ROUTED_NOTE: Record<OwnerLevel, string> = {
  village: '',
  town: '（镇级事项，直接流转镇（街道）指挥中心）',
  district: '（区级事项，直接流转区指挥中心）',
};

/**
 * 自动派遣: a type that says so is accepted and dispatched to its default unit by the system right
 * after intake, in its own transaction (the intake has committed). Null when the unit is missing.
 */
async function autoDispatch(ctx: AppContext, created: repo.CaseRow, unitCode: string, req: RequestContext): Promise<repo.CaseRow | null> {
  const unit = await findUnitByCode(ctx.db, unitCode);
  if (!unit) return null;
  return ctx.db.transaction(async (tx) => {
    let c = (await repo.lockCase(tx, created.id))!;
    if (c.state !== 'reported') return c;
    c = await applyAction(ctx, tx, null, c, 'accept', { note: '按事项目录自动受理' }, req, { system: true });
    return applyAction(ctx, tx, null, c, 'dispatch', { unitId: unit.id, note: '按事项目录自动派遣至默认承办单位' }, req, { system: true });
  });
}

/**
 * The stored result of a create under an Idempotency-Key, once that create has committed. With a
 * fingerprint (anonymous keys), a result stored for another body is a reused key: 422.
 */
async function findCreated(ctx: AppContext, scope: string, key: string, fingerprint: string | null): Promise<{ status: number; id: string } | null> {
  const done = await repo.findIdempotent(ctx.db, scope, key);
  if (!done || done.status === 0) return null;
  const stored = done.body as { id: string; fp?: string };
  if (fingerprint !== null && stored.fp !== fingerprint) {
    throw unprocessable('idempotency_key_reused', '该 Idempotency-Key 已用于另一份不同内容的上报，请为新的上报使用新的 Idempotency-Key', { field: 'Idempotency-Key' });
  }
  return { status: done.status, id: stored.id };
}

/** SHA-256 of the request body in canonical form (keys sorted at every level, undefined left out). */
export function bodyFingerprint(value: unknown): string {
  const canon = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(canon);
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.keys(v)
          .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
          .sort()
          .map((k) => [k, canon((v as Record<string, unknown>)[k])]),
      );
    }
    return v;
  };
  return crypto.createHash('sha256').update(JSON.stringify(canon(value))).digest('hex');
}

/** A repeated Idempotency-Key: the first case, read back and presented as now. */
async function presentCreated(ctx: AppContext, actor: Actor | null, first: { status: number; id: string }) {
  const row = await repo.findCaseById(ctx.db, first.id);
  if (!row) throw notFound('案件');
  const view = await presentCase(ctx, actor, row, { reporterView: !actor || !mustReportInScope(actor) });
  return { status: first.status, body: { ...view, ...queryCodeField(ctx, row), duplicates: await duplicatesFor(ctx, row, actor) } };
}

/** The query code in the answer to the one who registered the case (the reporter, or staff who tell the caller). */
function queryCodeField(ctx: AppContext, row: repo.CaseRow): { queryCode?: string } {
  return hasQueryCode(row) ? { queryCode: queryCodeFor(ctx, row.id) } : {};
}

/**
 * Earlier in one strict order (the time of the report, then the id): the cases of one batch share their time; a case
 * joins only the group of one reported before it, so two never take each other.
 */
const reportedBefore = (x: { id: string; createdAt: Date }, row: { id: string; createdAt: Date }) =>
  x.createdAt < row.createdAt || (x.createdAt.getTime() === row.createdAt.getTime() && x.id < row.id);

/**
 * Duplicate groups at intake (docs/SMART-INTAKE.md "Duplicate groups"): a new case that is the same problem at the
 * same place as an open case (the rule in cases/duplicates.ts) joins that case's group as a candidate, with a timeline
 * entry; nothing is merged — the centre decides. A batch is grouped as a whole, its cases in the order reported (as
 * `groupReports` does), so reports of one problem arriving together all join one group; and in one transaction,
 * with every row it touches locked first in one order. Runs after the intake committed and never fails it: answers
 * the group each case joined.
 */
async function groupBatch(ctx: AppContext, written: { row: repo.CaseRow }[], candidatesOf: (row: repo.CaseRow) => Candidate[]): Promise<Map<string, string>> {
  try {
    return await writeGroups(ctx, planGroups(written, candidatesOf, likelyTypesNow(ctx)));
  } catch (e) {
    console.error('[gongzhi] duplicate grouping at intake failed', e);
    return new Map();
  }
}

type GroupPlan = { row: repo.CaseRow; match: Candidate; text: number }[];

/** Which case of the batch matches which earlier open case, in the order reported. */
function planGroups(written: { row: repo.CaseRow }[], candidatesOf: (row: repo.CaseRow) => Candidate[], likelyOf: ((text: string) => string[]) | null): GroupPlan {
  const plan: GroupPlan = [];
  // The likely types of each text, once per case in the batch (the village's candidates are shared by its reports).
  const likelyMemo = new Map<string, string[] | undefined>();
  const likely = (x: { id: string; title: string; description: string }) => {
    if (!likelyOf) return undefined;
    if (!likelyMemo.has(x.id)) likelyMemo.set(x.id, likelyOf(`${x.title} ${x.description}`));
    return likelyMemo.get(x.id);
  };
  // Only the match is planned here: which group it leads to is read under lock when written (writeGroups).
  for (const { row } of [...written].sort((a, b) => (reportedBefore(a.row, b.row) ? -1 : 1))) {
    const candidates = candidatesOf(row);
    const open = candidates
      .filter((x) => OPEN_STATES.has(x.state as CaseState) && reportedBefore(x, row))
      .map((x) => ({ id: x.id, title: x.title, description: x.description, areaCode: x.areaCode, lat: x.lat, lng: x.lng, reportedAt: x.createdAt, types: [x.categoryCode], likely: likely(x), open: true }));
    const hit = groupFor({ title: row.title, description: row.description, areaCode: row.areaCode, lat: row.lat, lng: row.lng, address: row.address, reportedAt: row.createdAt, types: [row.categoryCode], likely: likely(row) }, open);
    if (!hit) continue;
    plan.push({ row, match: candidates.find((x) => x.id === hit.matchId)!, text: hit.text });
  }
  return plan;
}

/** Writes a batch's plan: the group each case joined. */
async function writeGroups(ctx: AppContext, plan: GroupPlan): Promise<Map<string, string>> {
  const joined = new Map<string, string>();
  if (plan.length === 0) return joined;
  await ctx.db.transaction(async (tx) => {
    // A hint, not a record of what someone did: its commit does not wait for the disk (docs/RELIABILITY.md), so the
    // report's answer does not wait for a second flush. The cases themselves were committed and flushed above.
    await repo.commitWithoutFlush(tx);
    // Every row touched, locked in one order, with its group now (a merge may have changed it since the read).
    const now = await repo.lockCases(tx, [...new Set(plan.flatMap((p) => [p.row.id, p.match.id]))]);
    const set = new Map<string, string>();
    const moves: { from: string; to: string }[] = [];
    const events: Parameters<typeof repo.insertEvents>[1] = [];
    const groupOf = (id: string) => set.get(id) ?? now.get(id) ?? null;
    for (const { row, match, text } of plan) {
      const groupId = groupOf(match.id) ?? match.id;
      if (!groupOf(match.id)) set.set(match.id, groupId); // the match's first companion: it becomes the primary
      const own = groupOf(row.id);
      if (own === null) set.set(row.id, groupId);
      else if (own === row.id && groupId !== row.id) moves.push({ from: row.id, to: groupId });
      else continue; // in another group already
      joined.set(row.id, groupId);
      events.push({
        caseId: row.id,
        action: 'group-candidate',
        fromState: row.state,
        toState: row.state,
        actorId: null,
        actorName: SYSTEM_ACTOR.name,
        actorUnit: null,
        note: `疑似与案件 ${match.code} 反映同一问题，已列入其重复组，待指挥中心确认是否合并`,
        detail: { groupId, matchId: match.id, matchCode: match.code, text: Math.round(text * 100) / 100 },
      });
    }
    await repo.setGroups(tx, set);
    // Already the primary of a group of its own — a batch committed beside its own took it as their match first:
    // it and its candidates join the earlier group (unless something was merged into it meanwhile).
    for (const m of moves) if (!(await repo.moveGroup(tx, m.from, m.to))) joined.delete(m.from);
    await repo.insertEvents(tx, events.filter((e) => joined.has(e.caseId)));
  });
  return joined;
}

// ---- group commit of intakes ----------------------------------------------------------------

interface Written {
  created: { row: repo.CaseRow; event: repo.CaseEventRow } | null;
  /** Duplicate-hint candidates of the case's type and village, read once per batch. */
  candidates: Candidate[];
  /** The duplicate group the case joined at intake. */
  groupId: string | null;
}

const batchers = new WeakMap<object, Batcher<repo.IntakeRow, Written>>();
/** The last batch's duplicate grouping, per database: the next waits for it. */
const groupingTurns = new WeakMap<object, Promise<void>>();

/** The intake batcher of this process and database (settings: INTAKE_BATCH_MAX, INTAKE_BATCH_WAIT_MS). */
export function intakeBatcher(ctx: AppContext): Batcher<repo.IntakeRow, Written> {
  let b = batchers.get(ctx.database);
  if (!b) {
    b = new Batcher<repo.IntakeRow, Written>({
      run: (items) => writeIntakes(ctx, items),
      maxBatch: Number(process.env.INTAKE_BATCH_MAX ?? 64),
      maxWaitMs: Number(process.env.INTAKE_BATCH_WAIT_MS ?? 2),
      maxInFlight: ctx.database.kind === 'pglite' ? 1 : Number(process.env.INTAKE_BATCH_IN_FLIGHT ?? 2),
      // A statement that failed was rolled back, so its cases can be written one by one; after
      // a lost connection the batch may have committed, and nothing is written twice.
      retryAlone: (e) => !!sqlState(e),
    });
    batchers.set(ctx.database, b);
  }
  return b;
}

function sqlState(e: unknown): string | null {
  for (let x = e as { code?: unknown; cause?: unknown } | undefined, i = 0; x && i < 4; x = x.cause as typeof x, i++) {
    if (typeof x.code === 'string' && /^[0-9A-Z]{5}$/.test(x.code)) return x.code;
  }
  return null;
}

async function writeIntakes(ctx: AppContext, items: repo.IntakeRow[]): Promise<Outcome<Written>[]> {
  let written: Awaited<ReturnType<typeof repo.insertIntakes>>;
  try {
    written = await repo.insertIntakes(ctx.db, items);
  } catch (e) {
    // A second registration of the same external work order is a conflict, not a failure.
    if (items.length === 1 && sqlState(e) === '23505' && items[0]!.externalRef && /external_ref/.test(String((e as { cause?: unknown }).cause ?? e))) {
      return [{ ok: false, error: conflict('duplicate_external_ref', `外部工单号 ${items[0]!.externalRef} 已登记`) }];
    }
    throw e;
  }
  // Committed. From here nothing may throw: the cases are written and must be answered.
  // Batches in flight together are grouped one after the other, in the order they committed: a later batch then sees
  // the groups an earlier one made and joins them rather than starting its own.
  const previous = groupingTurns.get(ctx.database) ?? Promise.resolve();
  let done!: () => void;
  const turn = new Promise<void>((resolve) => (done = resolve));
  groupingTurns.set(ctx.database, previous.then(() => turn));
  const byId = new Map(written.map((w) => [w.row.id, w]));
  const groups = new Map<string, { categoryCode: string; village: string; since: Date; n: number; rows: Candidate[] }>();
  for (const w of written) {
    const village = w.row.areaCode.slice(0, Math.min(12, w.row.areaCode.length));
    const k = `${w.row.categoryCode}|${village}`;
    const g = groups.get(k);
    if (g) g.n++;
    else groups.set(k, { categoryCode: w.row.categoryCode, village, since: new Date(w.row.createdAt.getTime() - 7 * 86400_000), n: 1, rows: [] });
  }
  // Grouping also compares with open cases of other types in the village (the rule's related-type path: a report
  // whose best guessed type went to a neighbouring one): read once per village, the newest of any type.
  const villages = new Map<string, { since: Date; n: number; rows: Candidate[] }>();
  for (const g of groups.values()) {
    const v = villages.get(g.village);
    if (v) v.n += g.n;
    else villages.set(g.village, { since: g.since, n: g.n, rows: [] });
  }
  await Promise.all([
    ...[...groups.values()].map(async (g) => {
      // Read and prepared once for all the batch's cases of this type and village.
      g.rows = asCaseLike(await repo.duplicateCandidatesOf(ctx.db, { categoryCode: g.categoryCode, village: g.village, since: g.since, limit: DUPLICATE_CANDIDATES + g.n }).catch(() => []));
    }),
    ...[...villages.entries()].map(async ([village, v]) => {
      v.rows = asCaseLike(await repo.duplicateCandidatesOf(ctx.db, { village, since: v.since, limit: DUPLICATE_CANDIDATES + v.n }).catch(() => []));
    }),
  ]);
  const villageOf = (row: repo.CaseRow) => row.areaCode.slice(0, Math.min(12, row.areaCode.length));
  const candidatesOf = (row: repo.CaseRow) => groups.get(`${row.categoryCode}|${villageOf(row)}`)?.rows ?? [];
  const groupingCandidatesOf = (row: repo.CaseRow) => {
    const own = candidatesOf(row);
    const ids = new Set(own.map((x) => x.id));
    return [...own, ...(villages.get(villageOf(row))?.rows ?? []).filter((x) => !ids.has(x.id))];
  };
  await previous;
  const grouped = await groupBatch(ctx, written, groupingCandidatesOf).finally(done);
  return items.map((it) => {
    const w = byId.get(it.id) ?? null;
    return { ok: true, value: { created: w, candidates: w ? candidatesOf(w.row) : [], groupId: (w && grouped.get(w.row.id)) ?? null } };
  });
}

async function assertAttachable(db: DbOrTx, actor: Actor | null, ids: string[]) {
  if (ids.length === 0) return [];
  if (ids.length > 9) throw invalid('too_many_files', '最多上传 9 个附件', { field: 'attachments' });
  const meta = await repo.fileMetaOf(db, ids);
  for (const id of ids) {
    const f = meta.find((m) => m.id === id);
    if (!f || f.caseId) throw invalid('invalid_attachment', `附件 ${id} 不存在或已被使用`, { field: 'attachments' });
    if (f.uploaderId && f.uploaderId !== actor?.id) throw invalid('invalid_attachment', `附件 ${id} 不是您上传的`, { field: 'attachments' });
  }
  return meta.map((m) => ({ id: m.id, name: m.name, mime: m.mime, size: m.size }));
}

function actorInfo(actor: Actor | null, fallbackName: string | null) {
  if (!actor) return { name: fallbackName ? maskName(fallbackName) : '匿名群众', unit: null as string | null };
  return { name: actor.displayName, unit: null as string | null };
}

// ---- actions --------------------------------------------------------------------------------

export interface ActionBody {
  reason?: string;
  note?: string;
  unitId?: string;
  assistUnitIds?: string[];
  workingDays?: number;
  attachments?: string[];
  score?: Rating;
  comment?: string;
  intoCaseId?: string;
  /** verify-pass: where the verifier stands, as the phone gives it. */
  location?: { lat: number; lng: number; crs?: 'wgs84' | 'gcj02' | 'bd09' };
}

const REQUIRED: Partial<Record<CaseAction, (keyof ActionBody)[]>> = {
  reject: ['reason'],
  escalate: ['reason'],
  dispatch: ['unitId'],
  return: ['reason'],
  feedback: ['note'],
  'request-extension': ['workingDays', 'reason'],
  'deny-extension': ['reason'],
  handle: ['note'],
  'verify-fail': ['reason'],
  rate: ['score'],
  reopen: ['reason'],
  urge: ['note'],
  merge: ['intoCaseId'],
  suspend: ['reason'],
  withdraw: ['reason'],
};

const FIELD_LABELS: Record<string, string> = {
  reason: '原因（reason）',
  note: '说明（note）',
  unitId: '承办单位（unitId）',
  workingDays: '延期工作日数（workingDays）',
  score: '评价（score）',
  intoCaseId: '合并到的案件（intoCaseId）',
};

export async function act(ctx: AppContext, actor: Actor, id: string, action: CaseAction, body: ActionBody, req: RequestContext, idempotencyKey?: string) {
  const visible = await repo.findCase(ctx.db, caseScopeOf(actor), id);
  if (!visible) throw notFound('案件');
  let row: repo.CaseRow;
  if (idempotencyKey !== undefined) {
    // An action queued on a phone without a connection (on-site verification) and resent: done once; a
    // repeat answers with the case as it is now instead of a 409 for the step it already took.
    const done = await withIdempotency(ctx, `case-act:${actor.id}`, idempotencyKey, async (tx) => {
      const c = await repo.lockCase(tx, id);
      if (!c) throw notFound('案件');
      const acted = await applyAction(ctx, tx, actor, c, action, body, req);
      return { status: 200, body: { id: acted.id, action } };
    });
    const first = done.body as { id?: string; action?: string };
    if (first.id !== id || first.action !== action) {
      throw unprocessable('idempotency_key_reused', '该 Idempotency-Key 已用于另一项操作，请为新的操作使用新的 Idempotency-Key', { field: 'Idempotency-Key' });
    }
    row = (await repo.findCase(ctx.db, caseScopeOf(actor), id)) ?? visible;
  } else {
    row = await ctx.db.transaction(async (tx) => {
      const c = await repo.lockCase(tx, id);
      if (!c) throw notFound('案件');
      return applyAction(ctx, tx, actor, c, action, body, req);
    });
  }
  // A dispatcher's decision teaches the intake suggestions (after the commit, off the request path).
  if (action === 'accept' || action === 'dispatch') learnDecidedCases(ctx, [row.id]);
  return presentCase(ctx, actor, row);
}

// Case codes are sequential: the reporter's secret is the query code given at submission.
// Wrong guesses are limited per source address and per case, so neither rotating addresses
// nor a botnet on one case gets far (31^6 codes; 10 wrong tries per case per 15 minutes).
const trackFailuresBySource = new FailureLimiter(20, 10 * 60_000);

/**
 * Reports without an account, per source address and hour (ANON_REPORTS_PER_HOUR, 60 by default): enough for a
 * family or an office behind one address, too few to flood a community's inbox from a script. Many residents share a
 * carrier's address (CGNAT), so the figure is generous; the CAPTCHA-free QR form stays usable.
 */
const anonymousReports = new Map<number, UsageLimiter>();
function takeAnonymousReport(ctx: AppContext, req: RequestContext) {
  const perHour = ctx.config.anonReportsPerHour;
  if (perHour <= 0) return;
  let limiter = anonymousReports.get(perHour);
  if (!limiter) anonymousReports.set(perHour, (limiter = new UsageLimiter(perHour, 60 * 60_000)));
  limiter.take(req.ip ?? 'unknown', 1, `同一网络每小时最多匿名上报 ${perHour} 件，请稍后再试或登录后上报`);
}
const trackFailuresByCase = new FailureLimiter(10, 15 * 60_000);

function queryCodeKey(ctx: AppContext): Buffer {
  return Buffer.from(ctx.cipher.lookupHash('gongzhi/case-query-code'), 'hex');
}

/** The reporter's query code of a case (shown once, at submission, and in the SMS text). */
export const queryCodeFor = (ctx: AppContext, caseId: string) => queryCodeOf(queryCodeKey(ctx), caseId);

/** Cases whose reporter has no account follow it with a query code: anonymous reports and those staff entered for a caller. */
const hasQueryCode = (c: Pick<repo.CaseRow, 'reporterUserId'>) => !c.reporterUserId;

async function findTracked(ctx: AppContext, actor: Actor | null, code: string, queryCode: string | undefined, req: RequestContext) {
  const source = req.ip ?? 'unknown';
  const caseKey = `case:${code}`;
  const c = await repo.findCaseByCode(ctx.db, code);
  // The reporter's own account needs no code.
  if (c && actor && c.reporterUserId === actor.id) return c;
  if (queryCode === undefined) throw invalid('query_code_required', '请填写上报时获得的 6 位查询码', { field: 'queryCode' });
  trackFailuresBySource.check(source);
  trackFailuresByCase.check(caseKey);
  if (!c || !hasQueryCode(c) || !sameQueryCode(queryCodeKey(ctx), c.id, queryCode)) {
    trackFailuresBySource.fail(source);
    trackFailuresByCase.fail(caseKey);
    throw notFound('案件（请核对案件编号和查询码）');
  }
  return c;
}

/** Tracking by case code and query code (no account needed); the reporter's own account needs no code. */
export async function trackCase(ctx: AppContext, actor: Actor | null, code: string, queryCode: string | undefined, req: RequestContext) {
  const c = await findTracked(ctx, actor, code, queryCode, req);
  return presentCase(ctx, actor, c, { reporterView: true });
}

export async function reporterAct(ctx: AppContext, actor: Actor | null, code: string, queryCode: string | undefined, action: 'rate' | 'withdraw', body: ActionBody, req: RequestContext) {
  const found = await findTracked(ctx, actor, code, queryCode, req);
  const own = !!actor && found.reporterUserId === actor.id;
  const row = await ctx.db.transaction(async (tx) => {
    const c = (await repo.lockCase(tx, found.id))!;
    return applyAction(ctx, tx, own ? actor : null, c, action, body, req);
  });
  return presentCase(ctx, own ? actor : null, row, { reporterView: true });
}

/** What the workflow's effects read of a case row. */
export function snapshotOf(c: repo.CaseRow): CaseSnapshot {
  return {
    id: c.id,
    code: c.code,
    state: c.state as CaseState,
    areaCode: c.areaCode,
    ownerLevel: c.ownerLevel as OwnerLevel,
    ownerAreaCode: c.ownerAreaCode,
    handlerUnit: c.handlerUnitId,
    acceptedAt: c.acceptedAt,
    dueAt: c.dueAt,
    stepDueAt: c.stepDueAt,
    stepWarnAt: c.stepWarnAt,
    suspendedAt: c.suspendedAt,
    pendingExtension: c.pendingExtension as { workingDays: number } | null,
    rating: c.rating as Rating | null,
    ratedBy: c.ratedBy as RatingSource | null,
    reworkCount: c.reworkCount,
    response5321: (c.response5321 as Response5321 | null) ?? null,
  };
}

/** The effects' patch as case columns. */
function rowPatch(p: CasePatch): Partial<repo.NewCaseRow> {
  const { handlerUnit, mergedInto, ...rest } = p;
  return {
    ...rest,
    ...(handlerUnit !== undefined ? { handlerUnitId: handlerUnit } : {}),
    ...(mergedInto !== undefined ? { mergedIntoId: mergedInto } : {}),
  };
}

/** Who a timeline entry names: a caller, or 系统 for the sweeps and automatic steps. */
export interface EffectAuthor {
  actorId: string | null;
  actorName: string;
  actorUnit: string | null;
  attachments?: string[] | null;
}

const SYSTEM_AUTHOR: EffectAuthor = { actorId: null, actorName: SYSTEM_ACTOR.name, actorUnit: null };

/**
 * Writes what the workflow's pure effects decided (cases/effects.ts): the unit assignments, the
 * case's columns, the measures' rollups and the timeline entry — the same for a caller's action
 * (applyAction), the deadline sweep's automatic escalation and the overdue chain. `measure: false`
 * when the caller records the measure change itself (the sweep folds the late-acceptance mark in).
 */
export async function writeEffects(tx: Tx, c: repo.CaseRow, fx: ActionEffects, author: EffectAuthor = SYSTEM_AUTHOR, opts: { measure?: boolean } = {}): Promise<repo.CaseRow> {
  for (const u of fx.units) {
    if (u.kind === 'close-open') await repo.setCaseUnitsStatus(tx, c.id, u.statuses, u.to);
    else if (u.kind === 'assign') await repo.upsertCaseUnit(tx, { caseId: c.id, unitId: u.unitId, role: u.role, status: 'dispatched' });
    else await repo.setCaseUnitStatus(tx, c.id, u.unitId, u.status, u.note);
  }
  const updated = await repo.updateCase(tx, c.id, rowPatch(fx.patch));
  if (opts.measure !== false) await recordMeasureChange(tx, c, updated);
  await repo.insertEvent(tx, {
    caseId: c.id,
    action: fx.event.action,
    fromState: fx.event.fromState,
    toState: fx.event.toState,
    actorId: author.actorId,
    actorName: author.actorName,
    actorUnit: author.actorUnit,
    note: fx.event.note,
    attachments: author.attachments ?? null,
    detail: fx.event.detail,
  });
  return updated;
}

/**
 * The one way in for every change of a case's state: decides with the pure workflow, applies
 * the effects, and writes the timeline entry, the audit row and notifications in `tx`.
 */
export async function applyAction(
  ctx: AppContext,
  tx: Tx,
  actor: Actor | null,
  c: repo.CaseRow,
  action: CaseAction,
  body: ActionBody,
  req: RequestContext,
  opts: { system?: boolean; onSpotIntake?: boolean } = {},
): Promise<repo.CaseRow> {
  const units = await unitIdsOf(tx, c);
  // The system acts as the owning centre (automatic dispatch); a caller without an account is the reporter.
  const relations: Set<CaseRelation> = opts.system ? new Set<CaseRelation>(['owner']) : actor ? caseRelations(actor, c, units) : new Set<CaseRelation>(['reporter']);
  // Recording a matter settled on the spot: the recorder handles and closes it in the intake (docs/STAFFING.md).
  if (actor && opts.onSpotIntake) for (const r of onSpotIntakeRelations(actor)) relations.add(r);
  const decision = decide(factsOf(c), action, relations);
  for (const field of REQUIRED[action] ?? []) {
    const v = body[field];
    if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) {
      throw invalid('missing_field', `“${ACTION_LABELS[action].zh}”需要填写${FIELD_LABELS[field] ?? field}`, { field });
    }
  }
  const now = new Date();
  // Everything inside the transaction reads through `tx`: on PGlite, ctx.db would wait for it forever.
  const type = await catalogueType(tx, c.categoryCode);
  const deadlines = await deadlinesFor(tx, type, { ownerAreaCode: c.ownerAreaCode, handlerUnitId: action === 'dispatch' ? body.unitId : c.handlerUnitId, channel: c.channel, urgent: c.urgent });
  let actorUnit: string | null = null;
  if (actor?.unitId) actorUnit = (await findUnit(tx, actor.unitId))?.name ?? null;
  const attachments = [...new Set(body.attachments ?? [])];
  if (attachments.length) await assertAttachable(tx, actor, attachments);

  // Load what the action names; the rules of what it does are the domain's (cases/effects.ts).
  const input: EffectInput = {
    note: body.note,
    reason: body.reason,
    comment: body.comment,
    workingDays: body.workingDays,
    score: body.score,
    actorName: actor?.displayName ?? null,
    actorUnitId: actor?.unitId ?? null,
    asHandler: relations.has('handler'),
    asReporter: !opts.system && relations.has('reporter') && !relations.has('owner'),
    photos: attachments.length,
    onSpot: opts.onSpotIntake,
  };
  if (body.location && action === 'verify-pass') {
    const { lat, lng, crs = 'wgs84' } = body.location;
    if (!validLatLng(lat, lng)) throw invalid('invalid_location', '核验位置坐标不正确（纬度 -90~90，经度 -180~180）', { field: 'location' });
    input.location = toWgs84(lat, lng, crs);
  }
  if (action === 'dispatch') {
    const lead = await findUnit(tx, body.unitId!);
    const level = c.ownerLevel as OwnerLevel;
    const okUnit = (u: Awaited<ReturnType<typeof findUnit>>) =>
      !!u && handlesCases(u) && DISPATCHABLE_UNIT_TYPES[level].includes(u.type) && (u.areaCode.length <= 6 || isWithinScope(u.areaCode, c.ownerAreaCode) || u.areaCode.startsWith(c.ownerAreaCode));
    if (!okUnit(lead)) throw invalid('invalid_unit', '承办单位不存在或不在可派遣范围内', { field: 'unitId' });
    input.unit = { id: lead!.id, name: lead!.name };
    input.assistUnits = [];
    for (const uid of [...new Set(body.assistUnitIds ?? [])].filter((u) => u !== lead!.id)) {
      const u = await findUnit(tx, uid);
      if (!okUnit(u)) throw invalid('invalid_unit', `协办单位 ${uid} 不存在或不在可派遣范围内`, { field: 'assistUnitIds' });
      input.assistUnits.push({ id: u!.id, name: u!.name });
    }
  }
  let mergeTarget: repo.CaseRow | null = null;
  if (action === 'merge') {
    if (body.intoCaseId === c.id) throw invalid('invalid_merge', '不能合并到案件本身', { field: 'intoCaseId' });
    const target = actor ? await repo.findCase(tx, caseScopeOf(actor), body.intoCaseId!) : null;
    if (!target) throw invalid('invalid_merge', '要合并到的案件不存在或不在您的范围内', { field: 'intoCaseId' });
    input.into = { id: target.id, code: target.code, state: target.state as CaseState, groupId: target.groupId };
    mergeTarget = target;
  }
  if (action === 'unmerge' && c.mergedIntoId) {
    // The case it was merged into gets a timeline entry too (wherever it is: the member's owner may unmerge it).
    const from = await repo.findCaseById(tx, c.mergedIntoId);
    if (from) {
      input.into = { id: from.id, code: from.code, state: from.state as CaseState, groupId: from.groupId };
      mergeTarget = from;
    }
  }

  const fx = actionEffects(snapshotOf(c), decision, input, { now, deadlines, due: dueFn, type: { verifyOnSite: type?.verifyOnSite ?? false, rule5321: type?.rule5321 ?? false } });

  // Duplicate groups (docs/SMART-INTAKE.md): a merged case joins its target's group (the target is the primary of a
  // new one); an unmerged case leaves its group.
  if (action === 'merge' && mergeTarget) fx.patch.groupId = mergeTarget.groupId ?? mergeTarget.id;
  if (action === 'unmerge') fx.patch.groupId = null;
  if (attachments.length) await repo.attachFiles(tx, c.id, attachments);
  if (fx.mergedFrom && mergeTarget) {
    const target = mergeTarget;
    if (action === 'merge') await repo.ensureGroup(tx, target.id);
    await repo.insertEvent(tx, {
      caseId: target.id,
      action: fx.mergedFrom.action ?? 'merged-from',
      fromState: target.state,
      toState: target.state,
      actorId: actor?.id ?? null,
      actorName: actor?.displayName ?? '系统',
      actorUnit,
      note: fx.mergedFrom.note,
      detail: fx.mergedFrom.detail,
    });
  }
  // A resident whose report was verified and closed earns neighbourhood points, once per case.
  if (action === 'verify-pass' && c.reporterUserId) {
    await awardAutomatically(tx, { ruleCode: 'case-verified', userId: c.reporterUserId, refType: 'case', refId: c.id, authorisedBy: actor?.id ?? null });
  }
  const updated = await writeEffects(tx, c, fx, {
    actorId: actor?.id ?? null,
    actorName: actor?.displayName ?? (opts.system ? SYSTEM_ACTOR.name : c.reporterName ? maskName(c.reporterName) : '群众'),
    actorUnit,
    attachments: attachments.length ? attachments : null,
  });
  await audit(tx, { actor, username: actor ? undefined : opts.system ? 'system' : 'reporter' }, req, {
    action: `case.${action}`,
    entityType: 'case',
    entityId: c.id,
    areaCode: c.areaCode,
    detail: { from: c.state, to: decision.to, code: c.code },
  });
  await notifyFor(tx, updated, action);
  return updated;
}

// ---- notifications --------------------------------------------------------------------------

async function notifyOwners(tx: DbOrTx, c: repo.CaseRow, title: string, kind: string) {
  await repo.notifyUsers(tx, { scopeCode: c.ownerAreaCode, roles: [CENTRE_ROLE[c.ownerLevel as OwnerLevel]] }, { caseId: c.id, kind, title: `${title}（${c.code}）` });
}

async function notifyUnit(tx: DbOrTx, c: repo.CaseRow, unitId: string, title: string, kind: string) {
  await repo.notifyUsers(tx, { unitId }, { caseId: c.id, kind, title: `${title}（${c.code}）` });
}

async function notifyGrid(tx: DbOrTx, c: repo.CaseRow, title: string, kind: string) {
  if (c.areaCode.length < 15) return;
  await repo.notifyUsers(tx, { scopeCode: c.areaCode.slice(0, 15), roles: ['grid-worker'] }, { caseId: c.id, kind, title: `${title}（${c.code}）` });
}

async function notifyReporter(tx: DbOrTx, c: repo.CaseRow, title: string, kind: string) {
  if (!c.reporterUserId) return;
  await repo.insertNotifications(tx, [{ userId: c.reporterUserId, caseId: c.id, kind, title: `${title}（${c.code}）` }]);
}

/** Tells whoever must act next. */
async function notifyFor(tx: Tx, c: repo.CaseRow, action: CaseAction) {
  switch (action) {
    case 'escalate':
      return notifyOwners(tx, c, `上报案件待派遣：${c.title}`, 'case.escalated');
    case 'dispatch':
    case 'reopen':
      if (c.handlerUnitId) await notifyUnit(tx, c, c.handlerUnitId, action === 'reopen' ? `重办案件待签收：${c.title}` : `派遣案件待签收：${c.title}`, 'case.dispatched');
      if (action === 'reopen' && !c.handlerUnitId) await notifyOwners(tx, c, `重办案件：${c.title}`, 'case.reopened');
      return;
    case 'return':
      return notifyOwners(tx, c, `案件被退回：${c.title}`, 'case.returned');
    case 'request-extension':
      return notifyOwners(tx, c, `延期申请待审批：${c.title}`, 'case.extension');
    case 'approve-extension':
    case 'deny-extension':
    case 'verify-fail':
      if (c.handlerUnitId) await notifyUnit(tx, c, c.handlerUnitId, action === 'verify-fail' ? `核查未通过需返工：${c.title}` : `延期申请已${action === 'approve-extension' ? '同意' : '驳回'}：${c.title}`, `case.${action}`);
      else if (action === 'verify-fail') await notifyOwners(tx, c, `核查未通过需返工：${c.title}`, 'case.verify-fail');
      return;
    case 'handle':
      await notifyOwners(tx, c, `案件已办结待核查：${c.title}`, 'case.handled');
      return notifyGrid(tx, c, `请现场核验：${c.title}`, 'case.verify');
    case 'verify-pass':
      return notifyReporter(tx, c, `您反映的问题已办结，请评价：${c.title}`, 'case.closed');
    case 'rate':
      if (c.rating === 'unsatisfied') await notifyOwners(tx, c, `群众不满意，可重办：${c.title}`, 'case.unsatisfied');
      return;
    case 'urge':
      if (c.handlerUnitId && ['dispatched', 'acknowledged'].includes(c.state)) return notifyUnit(tx, c, c.handlerUnitId, `督办催办：${c.title}`, 'case.urged');
      return notifyOwners(tx, c, `督办催办：${c.title}`, 'case.urged');
    default:
      return;
  }
}

export async function listMyNotifications(ctx: AppContext, actor: Actor, unreadOnly: boolean) {
  const [items, unread] = await Promise.all([repo.listNotifications(ctx.db, actor.id, unreadOnly, 50), repo.unreadCount(ctx.db, actor.id)]);
  return { unread, items: items.map((n) => ({ ...n, createdAt: toIsoCst(n.createdAt), readAt: toIsoCst(n.readAt) })) };
}

export async function markRead(ctx: AppContext, actor: Actor, ids: number[] | 'all') {
  await repo.markNotificationsRead(ctx.db, actor.id, ids);
  return { unread: await repo.unreadCount(ctx.db, actor.id) };
}

// ---- deadline sweep -------------------------------------------------------------------------

/**
 * Records yellow warnings, red overdue marks and (for cases still waiting at a community)
 * automatic escalation to the town — each exactly once per case and deadline, even with several
 * server instances sweeping at the same time: the mark's primary key is the arbiter.
 */
export async function sweepDeadlines(ctx: AppContext, now = new Date(), opts: { autoEscalate?: boolean } = {}) {
  const autoEscalate = opts.autoEscalate ?? true;
  const candidates = await repo.dueCases(ctx.db, now);
  let warned = 0;
  let overdue = 0;
  let escalated = 0;
  for (const c of candidates) {
    if (!c.stepDueAt) continue;
    const kind = now >= c.stepDueAt ? 'overdue' : 'warning';
    await ctx.db.transaction(async (tx) => {
      const fresh = await repo.lockCase(tx, c.id);
      if (!fresh || fresh.state !== c.state || fresh.stepDueAt?.getTime() !== c.stepDueAt!.getTime()) return;
      if (!(await repo.claimDeadlineMark(tx, c.id, kind, c.state, c.stepDueAt!))) return;
      await repo.insertEvent(tx, {
        caseId: c.id,
        action: kind === 'overdue' ? 'overdue' : 'deadline-warning',
        fromState: c.state,
        toState: c.state,
        actorId: null,
        actorName: SYSTEM_ACTOR.name,
        actorUnit: null,
        note: kind === 'overdue' ? `已超过办理时限（${toIsoCst(c.stepDueAt)}）` : `即将到期（${toIsoCst(c.stepDueAt)}）`,
        detail: { step: c.state, dueAt: toIsoCst(c.stepDueAt) },
      });
      const title = `${kind === 'overdue' ? '案件已超期' : '案件即将到期'}：${c.title}`;
      if (c.handlerUnitId && ['dispatched', 'acknowledged'].includes(c.state)) await notifyUnit(tx, c, c.handlerUnitId, title, `case.${kind}`);
      else await notifyOwners(tx, c, title, `case.${kind}`);
      if (kind === 'overdue') overdue++;
      else warned++;
      // A community that lets a case wait past its deadline loses it to the town (超期自动上报).
      const fx = kind === 'overdue' && autoEscalate ? autoEscalationEffects(snapshotOf(fresh), { now, deadlines: await deadlinesFor(tx, await catalogueType(tx, c.categoryCode), { ownerAreaCode: c.areaCode.slice(0, 9), channel: c.channel, urgent: c.urgent }), due: dueFn }) : null;
      if (fx && (await repo.claimDeadlineMark(tx, c.id, 'auto-escalate', c.state, c.stepDueAt!))) {
        const updated = await writeEffects(tx, fresh, fx, SYSTEM_AUTHOR, { measure: false });
        await notifyOwners(tx, updated, `超期自动上报：${c.title}`, 'case.escalated');
        escalated++;
      }
      await recordMeasureChange(tx, fresh, (await repo.lockCase(tx, c.id))!, { lateAcceptMarked: kind === 'overdue' && c.state === 'reported' });
    });
  }
  // Departments past their deadline: supervision, then the district centre (services/overdue-chain.ts).
  const chain = await sweepOverdueChain(ctx, now);
  return { warned, overdue, escalated, ...chain };
}

export function startDeadlineSweep(ctx: AppContext, intervalMs = 60_000): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sweepDeadlines(ctx)
      .catch((err) => console.error('[gongzhi] deadline sweep failed', err))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

// ---- amendments -----------------------------------------------------------------------------

export interface CaseAmendment {
  description?: string;
  address?: string | null;
  reporter?: { name?: string | null; phone?: string | null };
}

/**
 * Corrects what a case says (description, address, reporter contact) without changing its state,
 * e.g. when the hotline system re-sends an order: the change, a timeline entry and an audit row in
 * one transaction. Returns null when nothing differs.
 */
export async function amendCase(ctx: AppContext, actor: Actor, id: string, change: CaseAmendment, note: string, req: RequestContext, detail: Record<string, unknown> = {}) {
  const visible = await repo.findCase(ctx.db, caseScopeOf(actor), id);
  if (!visible) throw notFound('案件');
  const phone = change.reporter?.phone?.trim() || null;
  if (phone && !isValidMobile(phone)) throw invalid('invalid_phone', '联系电话应为 11 位手机号', { field: 'reporter.phone' });
  return ctx.db.transaction(async (tx) => {
    const c = (await repo.lockCase(tx, id))!;
    const patch: Partial<repo.NewCaseRow> = {};
    const changed: string[] = [];
    if (change.description !== undefined && change.description !== c.description) {
      patch.description = change.description;
      changed.push('description');
    }
    if (change.address !== undefined && (change.address ?? null) !== c.address) {
      patch.address = change.address ?? null;
      changed.push('address');
    }
    const name = change.reporter?.name?.trim() || null;
    if (change.reporter?.name !== undefined && name !== c.reporterName) {
      patch.reporterName = name;
      changed.push('reporter.name');
    }
    if (phone && ctx.cipher.lookupHash(phone) !== c.reporterPhoneHash) {
      patch.reporterPhoneCipher = ctx.cipher.encrypt(phone);
      patch.reporterPhoneHash = ctx.cipher.lookupHash(phone);
      patch.reporterPhoneLast4 = phone.slice(-4);
      changed.push('reporter.phone');
    }
    if (changed.length === 0) return null;
    const updated = await repo.updateCase(tx, c.id, patch);
    await repo.insertEvent(tx, {
      caseId: c.id,
      action: 'amend',
      fromState: c.state,
      toState: c.state,
      actorId: actor.id,
      actorName: actor.displayName,
      actorUnit: null,
      note,
      detail: { ...detail, fields: changed },
    });
    await audit(tx, { actor }, req, { action: 'case.amend', entityType: 'case', entityId: c.id, areaCode: c.areaCode, detail: { ...detail, code: c.code, fields: changed } });
    return { row: updated, changed };
  });
}
