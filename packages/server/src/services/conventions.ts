// Conventions (村规民约 / 居民公约): one per village or community, in numbered versions. Staff of the area
// draft a version (a copy of the one in force), edit it, and adopt it on a passed deliberation of the
// area (or a recorded paper vote); the adopted one supersedes its predecessor. The rules are pure
// (packages/domain/src/conventions); this module checks scope, stores with its audit row, and presents.
import { randomUUID } from 'node:crypto';
import {
  adoptionRefusal,
  articlesProblem,
  chinaDate,
  conflict,
  CONVENTION_KIND_LABELS,
  CONVENTION_STATE_LABELS,
  conventionKindOf,
  DELIBERATION_BODY_LABELS,
  diffArticles,
  diffSummary,
  draftRefusal,
  editRefusal,
  forbidden,
  invalid,
  isDeliberationBody,
  nextVersionNo,
  notFound,
  shortVillageName,
  DomainError,
  type ConventionArticle,
  type ConventionKind,
  type ConventionRefusal,
  type ConventionState,
} from '@gongzhi/domain';
import type { ConventionDetail, ConventionList, ConventionVersion, MyConvention } from '@gongzhi/domain/contract';
import type { Actor, RequestContext } from '../policies/actor.ts';
import { conventionScopeOf, isConventionWriter, readsAllVersions, writesConvention } from '../policies/conventions.ts';
import * as repo from '../repositories/conventions.ts';
import { toIsoCst } from '../lib/time.ts';
import { areaNames } from './area-names.ts';
import { audit } from './audit.ts';
import type { AppContext } from './context.ts';
import type { DbOrTx } from '../db/client.ts';

const refusal = (r: ConventionRefusal) => (r.status === 409 ? new DomainError('conflict', r.code, r.message, r.field ? { field: r.field } : undefined) : invalid(r.code, r.message, r.field ? { field: r.field } : undefined));

const articlesOf = (v: repo.ConventionVersionRow) => (v.articles ?? []) as ConventionArticle[];
const passedOf = (result: unknown) => (result as { passed?: boolean } | null)?.passed === true;

export interface ArticleInput {
  id?: string;
  chapter?: string | null;
  text: string;
}

/** Articles as stored: every one with an id (kept when given, so the difference follows it). */
function normaliseArticles(input: ArticleInput[]): ConventionArticle[] {
  const out = input.map((a) => ({ id: a.id ?? randomUUID().slice(0, 8), chapter: a.chapter?.trim() ? a.chapter.trim() : null, text: a.text.trim() }));
  const problem = articlesProblem(out);
  if (problem) throw refusal(problem);
  return out;
}

// ---- presenting ---------------------------------------------------------------------------------

async function presentVersions(db: DbOrTx, rows: repo.ConventionVersionRow[], staff: boolean): Promise<ConventionVersion[]> {
  const delibs = new Map((await repo.deliberationsById(db, [...new Set(rows.map((v) => v.deliberationId).filter((x): x is string => !!x))])).map((d) => [d.id, d]));
  const names = staff ? await repo.userNames(db, [...new Set(rows.flatMap((v) => [v.draftedBy, v.adoptedBy]).filter((x): x is string => !!x))]) : new Map<string, string>();
  return rows.map((v) => {
    const d = v.deliberationId ? delibs.get(v.deliberationId) : undefined;
    return {
      id: v.id,
      versionNo: v.versionNo,
      title: v.title,
      state: v.state as ConventionState,
      stateLabel: CONVENTION_STATE_LABELS[v.state as ConventionState].zh,
      articles: articlesOf(v),
      pointsRuleIds: v.pointsRuleIds,
      adoptedOn: v.adoptedOn,
      paperNote: v.paperNote,
      deliberation: d ? { id: d.id, title: d.title, body: d.body, bodyLabel: isDeliberationBody(d.body) ? DELIBERATION_BODY_LABELS[d.body].zh : d.body, closedAt: toIsoCst(d.closedAt), passed: passedOf(d.result) } : null,
      draftedBy: v.draftedBy ? (names.get(v.draftedBy) ?? null) : null,
      adoptedBy: v.adoptedBy ? (names.get(v.adoptedBy) ?? null) : null,
      createdAt: toIsoCst(v.createdAt),
      updatedAt: toIsoCst(v.updatedAt),
    };
  });
}

function summaryOf(c: repo.ConventionRow, versions: repo.ConventionVersionRow[], areaName: string | null) {
  const adopted = versions.find((v) => v.state === 'adopted');
  const draft = versions.find((v) => v.state === 'draft');
  const kind = c.kind as ConventionKind;
  return {
    id: c.id,
    areaCode: c.areaCode,
    // 状元街居委会 → 状元街社区, 颐生村村委会 → 颐生村: the place, not its committee.
    areaName: areaName ? shortVillageName(areaName) : null,
    kind,
    kindLabel: CONVENTION_KIND_LABELS[kind].zh,
    adopted: adopted ? { id: adopted.id, versionNo: adopted.versionNo, title: adopted.title, adoptedOn: adopted.adoptedOn, articleCount: articlesOf(adopted).length } : null,
    draft: draft ? { id: draft.id, versionNo: draft.versionNo } : null,
    versionCount: versions.length,
  };
}

// ---- reading ------------------------------------------------------------------------------------

export async function listConventions(ctx: AppContext, actor: Actor): Promise<ConventionList> {
  const rows = await repo.listConventions(ctx.db, conventionScopeOf(actor));
  const versions = await repo.versionsOf(ctx.db, rows.map((c) => c.id));
  const missingCodes: string[] = [];
  // The caller's own village or community has none yet and they may start it.
  const own = actor.scopeCode.slice(0, 12);
  const ownKind = conventionKindOf(own);
  if (ownKind && writesConvention(actor, own) && !rows.some((c) => c.areaCode === own)) missingCodes.push(own);
  const names = await areaNames(ctx.db, [...rows.map((c) => c.areaCode), ...missingCodes]);
  const items = rows
    .map((c) => {
      const all = versions.filter((v) => v.conventionId === c.id);
      // Outside staff scope only the adopted version is visible; a convention without one is not listed.
      const seen = readsAllVersions(actor, c.areaCode) ? all : all.filter((v) => v.state === 'adopted');
      return seen.length ? summaryOf(c, seen, names.get(c.areaCode)?.name ?? null) : null;
    })
    .filter((x) => x !== null);
  const missing = missingCodes.filter((c) => names.has(c)).map((c) => ({ areaCode: c, areaName: shortVillageName(names.get(c)!.name), kind: ownKind!, kindLabel: CONVENTION_KIND_LABELS[ownKind!].zh }));
  return { items, missing };
}

async function readable(ctx: AppContext, actor: Actor, id: string) {
  const c = await repo.findConvention(ctx.db, conventionScopeOf(actor), id);
  if (!c) throw notFound('公约');
  const all = await repo.versionsOf(ctx.db, [c.id]);
  const full = readsAllVersions(actor, c.areaCode);
  const versions = full ? all : all.filter((v) => v.state === 'adopted');
  if (!versions.length && !full) throw notFound('公约');
  return { c, versions, full };
}

export async function getConvention(ctx: AppContext, actor: Actor, id: string): Promise<ConventionDetail> {
  const { c, versions, full } = await readable(ctx, actor, id);
  const names = await areaNames(ctx.db, [c.areaCode]);
  const rules = full ? await repo.areaPointsRules(ctx.db, c.areaCode) : [];
  const writer = writesConvention(actor, c.areaCode);
  const hasDraft = versions.some((v) => v.state === 'draft');
  const allowedActions: ('draft' | 'edit' | 'adopt')[] = writer ? (hasDraft ? ['edit', 'adopt'] : ['draft']) : [];
  return { ...summaryOf(c, versions, names.get(c.areaCode)?.name ?? null), versions: await presentVersions(ctx.db, versions, full), pointsRules: rules, allowedActions };
}

/** The phone's page: the convention of the caller's own village or community and its adopted version. */
export async function myConvention(ctx: AppContext, actor: Actor): Promise<MyConvention> {
  const home = actor.scopeCode.slice(0, 12);
  if (!conventionKindOf(home) || actor.scopeCode.length < 12) return { convention: null, version: null };
  const c = await repo.conventionOfArea(ctx.db, home);
  if (!c) return { convention: null, version: null };
  const adopted = (await repo.versionsOf(ctx.db, [c.id])).filter((v) => v.state === 'adopted');
  if (!adopted.length) return { convention: null, version: null };
  const names = await areaNames(ctx.db, [c.areaCode]);
  return { convention: summaryOf(c, adopted, names.get(c.areaCode)?.name ?? null), version: (await presentVersions(ctx.db, adopted, false))[0]! };
}

export async function diffVersions(ctx: AppContext, actor: Actor, id: string, fromId: string | undefined, toId: string | undefined) {
  const { versions } = await readable(ctx, actor, id);
  const ordered = [...versions].sort((a, b) => a.versionNo - b.versionNo);
  const to = toId ? ordered.find((v) => v.id === toId) : ordered.at(-1);
  if (!to) throw notFound('版本（to）');
  const from = fromId ? ordered.find((v) => v.id === fromId) : [...ordered].reverse().find((v) => v.versionNo < to.versionNo);
  if (!from) throw notFound('版本（from）');
  const articles = diffArticles(articlesOf(from), articlesOf(to));
  return { from: { id: from.id, versionNo: from.versionNo }, to: { id: to.id, versionNo: to.versionNo }, summary: diffSummary(articles), articles };
}

// ---- writing ------------------------------------------------------------------------------------

async function writable(ctx: AppContext, actor: Actor, id: string) {
  if (!isConventionWriter(actor)) throw forbidden('只有本村（社区）工作人员和党组织书记可以修订村规民约、居民公约', 'forbidden');
  const c = await repo.findConvention(ctx.db, conventionScopeOf(actor), id);
  if (!c || !writesConvention(actor, c.areaCode)) throw notFound('公约');
  return c;
}

/** A deliberation a draft may name: one of the convention's own village/community, decided. */
async function linkableDeliberation(ctx: AppContext, areaCode: string, deliberationId: string) {
  const d = (await repo.deliberationsById(ctx.db, [deliberationId]))[0];
  if (!d || d.areaCode !== areaCode) throw invalid('deliberation_wrong_area', '所选议事（deliberationId）不存在或不是本村（社区）的议事', { field: 'deliberationId' });
  return d;
}

/** Starts the convention of the caller's village or community with an empty draft (version 1). */
export async function startConvention(ctx: AppContext, actor: Actor, input: { areaCode: string; title?: string }, req: RequestContext) {
  if (!isConventionWriter(actor)) throw forbidden('只有本村（社区）工作人员和党组织书记可以制定村规民约、居民公约', 'forbidden');
  const kind = conventionKindOf(input.areaCode);
  if (!kind) throw invalid('invalid_area', '区域（areaCode）应为村或社区（12 位区划代码）', { field: 'areaCode' });
  if (!writesConvention(actor, input.areaCode)) throw notFound('区域（areaCode）');
  const names = await areaNames(ctx.db, [input.areaCode]);
  const area = names.get(input.areaCode);
  if (!area) throw notFound('区域（areaCode）');
  if (await repo.conventionOfArea(ctx.db, input.areaCode)) throw conflict('convention_exists', `${area.name}已有${CONVENTION_KIND_LABELS[kind].zh}，请在其中新建修订草案`);
  return ctx.db.transaction(async (tx) => {
    const c = await repo.ensureConvention(tx, { areaCode: input.areaCode, kind, createdBy: actor.id });
    const locked = (await repo.lockConvention(tx, c.id))!;
    const existing = await repo.versionsOf(tx, [locked.id]);
    if (existing.length) throw conflict('convention_exists', `${area.name}已有${CONVENTION_KIND_LABELS[kind].zh}，请在其中新建修订草案`);
    const v = await repo.insertVersion(tx, { conventionId: c.id, versionNo: 1, title: input.title ?? `${area.name}${CONVENTION_KIND_LABELS[kind].zh}`, articles: [], state: 'draft', draftedBy: actor.id });
    await audit(tx, { actor }, req, { action: 'convention.draft', entityType: 'convention', entityId: c.id, areaCode: c.areaCode, detail: { versionNo: v.versionNo } });
    return { id: c.id, versionId: v.id, versionNo: v.versionNo };
  });
}

/** Opens a draft: a copy of the version in force (or of the latest), numbered next; one draft at a time. */
export async function createDraft(ctx: AppContext, actor: Actor, id: string, input: { deliberationId?: string }, req: RequestContext) {
  const c = await writable(ctx, actor, id);
  if (input.deliberationId) await linkableDeliberation(ctx, c.areaCode, input.deliberationId);
  return openDraft(ctx, actor, c, input.deliberationId ?? null, req);
}

async function openDraft(ctx: AppContext, actor: Actor, c: repo.ConventionRow, deliberationId: string | null, req: RequestContext) {
  return ctx.db.transaction(async (tx) => {
    await repo.lockConvention(tx, c.id);
    const versions = await repo.versionsOf(tx, [c.id]);
    const refused = draftRefusal(versions.map((v) => ({ state: v.state as ConventionState })));
    if (refused) throw new DomainError('conflict', refused.code, refused.message, { versionId: versions.find((v) => v.state === 'draft')!.id });
    const base = versions.find((v) => v.state === 'adopted') ?? versions[0];
    const v = await repo.insertVersion(tx, {
      conventionId: c.id,
      versionNo: nextVersionNo(versions),
      title: base?.title ?? CONVENTION_KIND_LABELS[c.kind as ConventionKind].zh,
      articles: base ? articlesOf(base) : [],
      pointsRuleIds: base?.pointsRuleIds ?? [],
      state: 'draft',
      deliberationId,
      draftedBy: actor.id,
    });
    await audit(tx, { actor }, req, { action: 'convention.draft', entityType: 'convention', entityId: c.id, areaCode: c.areaCode, detail: { versionNo: v.versionNo, from: base?.versionNo ?? null, deliberationId } });
    return { id: c.id, versionId: v.id, versionNo: v.versionNo };
  });
}

/** 制定/修订公约 from a decided deliberation of a village or community: its convention's draft, linked to it. */
export async function draftFromDeliberation(ctx: AppContext, actor: Actor, deliberationId: string, req: RequestContext) {
  if (!isConventionWriter(actor)) throw forbidden('只有本村（社区）工作人员和党组织书记可以修订村规民约、居民公约', 'forbidden');
  const d = (await repo.deliberationsById(ctx.db, [deliberationId]))[0];
  if (!d || !writesConvention(actor, d.areaCode)) throw notFound('议事协商');
  const kind = conventionKindOf(d.areaCode);
  if (!kind) throw invalid('invalid_area', '只有村或社区的议事可以制定、修订村规民约或居民公约', { field: 'deliberationId' });
  if (d.state !== 'decided') throw conflict('deliberation_not_decided', '该议事尚未结束表决');
  let c = await repo.conventionOfArea(ctx.db, d.areaCode);
  if (!c) c = await repo.ensureConvention(ctx.db, { areaCode: d.areaCode, kind, createdBy: actor.id });
  const versions = await repo.versionsOf(ctx.db, [c.id]);
  const draft = versions.find((v) => v.state === 'draft');
  if (draft) {
    // The draft already open answers this deliberation too.
    return ctx.db.transaction(async (tx) => {
      const v = await repo.updateVersion(tx, draft.id, { deliberationId: d.id });
      await audit(tx, { actor }, req, { action: 'convention.edit', entityType: 'convention', entityId: c.id, areaCode: c.areaCode, detail: { versionNo: v.versionNo, deliberationId: d.id } });
      return { status: 200 as const, body: { id: c.id, versionId: v.id, versionNo: v.versionNo } };
    });
  }
  return { status: 201 as const, body: await openDraft(ctx, actor, c, d.id, req) };
}

export interface DraftPatch {
  title?: string;
  articles?: ArticleInput[];
  pointsRuleIds?: string[];
  deliberationId?: string | null;
}

export async function editDraft(ctx: AppContext, actor: Actor, id: string, versionId: string, patch: DraftPatch, req: RequestContext) {
  const c = await writable(ctx, actor, id);
  const articles = patch.articles ? normaliseArticles(patch.articles) : undefined;
  if (patch.pointsRuleIds) {
    const own = new Set((await repo.areaPointsRules(ctx.db, c.areaCode)).map((r) => r.id));
    const bad = patch.pointsRuleIds.findIndex((r) => !own.has(r));
    if (bad >= 0) throw invalid('invalid_points_rule', `积分规则第 ${bad + 1} 项（pointsRuleIds）不是本村（社区）的积分规则`, { field: `pointsRuleIds.${bad}` });
  }
  if (patch.deliberationId) await linkableDeliberation(ctx, c.areaCode, patch.deliberationId);
  return ctx.db.transaction(async (tx) => {
    await repo.lockConvention(tx, c.id);
    const v = (await repo.versionsOf(tx, [c.id])).find((x) => x.id === versionId);
    if (!v) throw notFound('版本');
    const refused = editRefusal(v.state as ConventionState);
    if (refused) throw refusal(refused);
    const set: Partial<typeof v> = {};
    if (patch.title !== undefined) set.title = patch.title;
    if (articles) set.articles = articles;
    if (patch.pointsRuleIds) set.pointsRuleIds = [...new Set(patch.pointsRuleIds)];
    if (patch.deliberationId !== undefined) set.deliberationId = patch.deliberationId;
    const saved = await repo.updateVersion(tx, v.id, set);
    await audit(tx, { actor }, req, { action: 'convention.edit', entityType: 'convention', entityId: c.id, areaCode: c.areaCode, detail: { versionNo: v.versionNo, fields: Object.keys(set) } });
    return (await presentVersions(tx, [saved], true))[0]!;
  });
}

export interface AdoptInput {
  deliberationId?: string;
  paperAdoptedOn?: string;
  paperNote?: string;
}

/**
 * Adopts a draft: on a passed deliberation of the same village/community (the one given, else the one the
 * draft names), or on a recorded paper vote. The version in force becomes superseded in the same transaction.
 */
export async function adoptDraft(ctx: AppContext, actor: Actor, id: string, versionId: string, input: AdoptInput, req: RequestContext) {
  const c = await writable(ctx, actor, id);
  return ctx.db.transaction(async (tx) => {
    await repo.lockConvention(tx, c.id);
    const v = (await repo.versionsOf(tx, [c.id])).find((x) => x.id === versionId);
    if (!v) throw notFound('版本');
    const usePaper = !input.deliberationId && !!input.paperAdoptedOn;
    const deliberationId = usePaper ? null : (input.deliberationId ?? v.deliberationId);
    const d = deliberationId ? (await repo.deliberationsById(tx, [deliberationId]))[0] : undefined;
    if (deliberationId && !d) throw invalid('deliberation_wrong_area', '所选议事（deliberationId）不存在或不是本村（社区）的议事', { field: 'deliberationId' });
    const today = chinaDate(new Date());
    const refused = adoptionRefusal({
      kind: c.kind as ConventionKind,
      areaCode: c.areaCode,
      state: v.state as ConventionState,
      articleCount: articlesOf(v).length,
      deliberation: d ? { areaCode: d.areaCode, body: d.body, state: d.state, passed: passedOf(d.result) } : null,
      paper: usePaper ? { adoptedOn: input.paperAdoptedOn!, note: input.paperNote ?? '' } : null,
      today,
    });
    if (refused) throw refusal(refused);
    const now = new Date();
    await repo.supersedeAdopted(tx, c.id, now);
    const adoptedOn = d ? chinaDate(d.closedAt ?? now) : input.paperAdoptedOn!;
    const saved = await repo.updateVersion(tx, v.id, { state: 'adopted', adoptedOn, deliberationId: d?.id ?? null, paperNote: usePaper ? input.paperNote!.trim() : null, adoptedBy: actor.id, adoptedAt: now });
    await audit(tx, { actor }, req, { action: 'convention.adopt', entityType: 'convention', entityId: c.id, areaCode: c.areaCode, detail: { versionNo: v.versionNo, deliberationId: d?.id ?? null, paper: usePaper, adoptedOn } });
    return (await presentVersions(tx, [saved], true))[0]!;
  });
}
