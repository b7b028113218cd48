// Door-knocking campaigns (敲门行动, `002`): every household of an area visited, in rounds; each mark
// is visited, nobody home (to revisit) or refused, and may re-class the household's risk colour.
import {
  conflict,
  countProgress,
  forbidden,
  invalid,
  isWithinScope,
  levelOfCode,
  MAX_ROUNDS,
  needsHelp,
  notFound,
  orderWorklist,
  SENSITIVE_GROUPS,
  type CampaignKind,
  type CampaignState,
  type RiskColour,
  type VisitResult,
} from '@gongzhi/domain';
import type { Actor, RequestContext } from '../policies/actor.ts';
import { campaignAllowedActions, mayOrganise, mayVisit, readsCampaigns } from '../policies/campaign.ts';
import { canSeeSensitiveTags } from '../policies/person.ts';
import { findArea, listChildren, namesOf } from '../repositories/areas.ts';
import * as repo from '../repositories/campaigns.ts';
import { findHousehold } from '../repositories/people.ts';
import { scopeOf } from '../repositories/scope.ts';
import { toIsoCst } from '../lib/time.ts';
import { placeNames } from './area-names.ts';
import { audit } from './audit.ts';
import type { AppContext } from './context.ts';
import { withIdempotency } from './idempotency.ts';
import { applyRiskColour } from './risk.ts';

function present(actor: Actor, c: repo.CampaignRow, areaName: string | null) {
  return {
    id: c.id,
    title: c.title,
    kind: c.kind as CampaignKind,
    areaCode: c.areaCode,
    areaName,
    state: c.state as CampaignState,
    round: c.round,
    createdByName: c.createdByName,
    createdAt: toIsoCst(c.createdAt),
    closedAt: toIsoCst(c.closedAt),
    closedByName: c.closedByName,
    allowedActions: campaignAllowedActions(actor, c),
  };
}

async function areaName(ctx: AppContext, code: string) {
  return (await namesOf(ctx.db, [code])).get(code)?.name ?? null;
}

/** The campaign, when the caller may read campaigns and it concerns the caller's branch. */
async function readable(ctx: AppContext, actor: Actor, id: string) {
  if (!readsCampaigns(actor)) throw forbidden('您的角色不能查看敲门行动');
  const c = await repo.findCampaign(ctx.db, scopeOf(actor), id);
  if (!c) throw notFound('敲门行动');
  return c;
}

export async function createCampaign(ctx: AppContext, actor: Actor, input: { title: string; areaCode: string; kind: CampaignKind }, req: RequestContext) {
  if (!readsCampaigns(actor)) throw forbidden('您的角色不能发起敲门行动');
  const area = await findArea(ctx.db, scopeOf(actor), input.areaCode);
  if (!area) throw notFound('区域');
  if (!mayOrganise(actor, input.areaCode)) throw forbidden('只有区、镇（街道）指挥中心和社区（村）工作人员可以发起敲门行动');
  const level = levelOfCode(input.areaCode);
  if (level === 'building' || level === 'unit') throw invalid('invalid_area_level', '敲门行动的范围应为区、镇（街道）、村（社区）或网格', { field: 'areaCode' });
  const row = await ctx.db.transaction(async (tx) => {
    const c = await repo.insertCampaign(tx, { title: input.title, kind: input.kind, areaCode: input.areaCode, createdBy: actor.id, createdByName: actor.displayName });
    await audit(tx, { actor }, req, { action: 'campaign.create', entityType: 'campaign', entityId: c.id, areaCode: c.areaCode, detail: { title: c.title, area: c.areaCode } });
    return c;
  });
  return present(actor, row, area.name);
}

export async function listCampaigns(ctx: AppContext, actor: Actor, state?: string) {
  if (!readsCampaigns(actor)) throw forbidden('您的角色不能查看敲门行动');
  const rows = await repo.listCampaigns(ctx.db, scopeOf(actor), state);
  const names = await namesOf(ctx.db, [...new Set(rows.map((r) => r.areaCode))]);
  return { items: rows.map((r) => present(actor, r, names.get(r.areaCode)?.name ?? null)), total: rows.length };
}

export async function getCampaign(ctx: AppContext, actor: Actor, id: string) {
  const c = await readable(ctx, actor, id);
  return present(actor, c, await areaName(ctx, c.areaCode));
}

/**
 * `GET /api/campaigns/{id}/progress`: distinct households with a `visited` mark, in all and per child of the
 * campaign's area — counted over the part of the area the caller's scope covers.
 */
export async function campaignProgress(ctx: AppContext, actor: Actor, id: string) {
  const c = await readable(ctx, actor, id);
  const scope = scopeOf(actor);
  const [households, visits, children] = await Promise.all([
    repo.campaignHouseholds(ctx.db, scope, c.areaCode),
    repo.visitsOf(ctx.db, scope, c.id),
    listChildren(ctx.db, scope, c.areaCode),
  ]);
  return countProgress(households, visits.map((v) => ({ householdId: v.householdId, result: v.result as VisitResult })), children.map((a) => ({ code: a.code, name: a.name })));
}

/**
 * The households of the campaign not yet reached (no `visited` mark in any round) within the caller's scope, or
 * within `area` inside it: those with people needing help first, then those not yet knocked at this round.
 */
export async function worklist(ctx: AppContext, actor: Actor, id: string, q: { area?: string; page: number; pageSize: number }) {
  const c = await readable(ctx, actor, id);
  const within = q.area ?? c.areaCode;
  const onBranch = (code: string, of: string) => isWithinScope(code, of) || isWithinScope(of, code);
  if (q.area && (!onBranch(q.area, c.areaCode) || !onBranch(q.area, actor.scopeCode))) throw notFound('区域');
  const target = isWithinScope(within, c.areaCode) ? within : c.areaCode;
  const scope = scopeOf(actor);
  const [households, visits] = await Promise.all([repo.campaignHouseholds(ctx.db, scope, target), repo.visitsOf(ctx.db, scope, c.id)]);
  const reached = new Set(visits.filter((v) => v.result === 'visited').map((v) => v.householdId));
  const lastThisRound = new Map<string, VisitResult>();
  for (const v of visits) if (v.round === c.round) lastThisRound.set(v.householdId, v.result as VisitResult);
  const sensitive = canSeeSensitiveTags(actor);
  const open = orderWorklist(
    households
      .filter((h) => !reached.has(h.id))
      .map((h) => ({
        id: h.id,
        areaCode: h.areaCode,
        address: h.address,
        doorplate: h.doorplate,
        riskColour: h.riskColour as RiskColour,
        needsHelp: needsHelp(h.helpTags),
        // Health and disability are sensitive: only roles that may see such tags learn which one it is.
        helpTags: h.helpTags.filter((t) => sensitive || !SENSITIVE_GROUPS.has(t)),
        lastResult: lastThisRound.get(h.id) ?? null,
      })),
  );
  const pageItems = open.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
  const places = await placeNames(ctx.db, pageItems.map((h) => h.areaCode));
  return {
    round: c.round,
    households: households.length,
    visited: households.filter((h) => reached.has(h.id)).length,
    total: open.length,
    items: pageItems.map((h) => ({ ...h, place: `${places.get(h.areaCode) ?? ''}${h.doorplate}` })),
  };
}

export interface VisitInput {
  householdId: string;
  result: VisitResult;
  riskColour?: RiskColour;
  note?: string;
}

/**
 * `POST /api/campaigns/{id}/visits`: one mark on one household of the caller's scope. With an Idempotency-Key a
 * phone's resend returns the first answer and records nothing more.
 */
export async function recordVisit(ctx: AppContext, actor: Actor, id: string, input: VisitInput, req: RequestContext, idempotencyKey?: string) {
  const c = await readable(ctx, actor, id);
  if (!mayVisit(actor)) throw forbidden('您的角色不能登记入户走访');
  const scope = scopeOf(actor);
  return withIdempotency(ctx, `visit:${actor.id}`, idempotencyKey, async (tx) => {
    const h = await findHousehold(tx, scope, input.householdId);
    if (!h || !isWithinScope(h.areaCode, c.areaCode)) throw notFound('住户');
    const locked = await repo.lockCampaign(tx, c.id);
    if (!locked || locked.state !== 'active') throw conflict('campaign_closed', '该敲门行动已结束，不能再登记走访');
    const v = await repo.insertVisit(tx, {
      campaignId: c.id,
      round: locked.round,
      householdId: h.id,
      areaCode: h.areaCode,
      result: input.result,
      riskColour: input.riskColour ?? null,
      note: input.note ?? null,
      actorId: actor.id,
      actorName: actor.displayName,
    });
    if (input.riskColour) await applyRiskColour(tx, actor, req, h, input.riskColour, `敲门行动“${c.title}”第 ${locked.round} 轮走访${input.note ? `：${input.note}` : ''}`.slice(0, 500), c.id);
    return {
      status: 201,
      body: {
        id: v.id,
        campaignId: c.id,
        householdId: h.id,
        round: v.round,
        result: v.result as VisitResult,
        riskColour: v.riskColour as RiskColour | null,
        note: v.note,
        createdAt: toIsoCst(v.createdAt),
      },
    };
  });
}

async function organisable(ctx: AppContext, actor: Actor, id: string) {
  const c = await readable(ctx, actor, id);
  if (!mayOrganise(actor, c.areaCode)) throw forbidden('只有发起范围内的指挥中心和社区（村）工作人员可以调整敲门行动');
  return c;
}

/** A new round: the households not yet reached are knocked at again (`002`: two rounds). */
export async function nextRound(ctx: AppContext, actor: Actor, id: string, req: RequestContext) {
  const c = await organisable(ctx, actor, id);
  const row = await ctx.db.transaction(async (tx) => {
    const locked = await repo.lockCampaign(tx, c.id);
    if (!locked || locked.state !== 'active') throw conflict('campaign_closed', '该敲门行动已结束');
    if (locked.round >= MAX_ROUNDS) throw conflict('too_many_rounds', `敲门行动最多 ${MAX_ROUNDS} 轮`);
    const r = await repo.updateCampaign(tx, c.id, { round: locked.round + 1 });
    await audit(tx, { actor }, req, { action: 'campaign.round', entityType: 'campaign', entityId: c.id, areaCode: c.areaCode, detail: { title: c.title, round: r.round } });
    return r;
  });
  return present(actor, row, await areaName(ctx, row.areaCode));
}

/** Ends the campaign; its marks stay. */
export async function closeCampaign(ctx: AppContext, actor: Actor, id: string, summary: string | undefined, req: RequestContext) {
  const c = await organisable(ctx, actor, id);
  const progress = await campaignProgress(ctx, actor, id);
  const row = await ctx.db.transaction(async (tx) => {
    const locked = await repo.lockCampaign(tx, c.id);
    if (!locked || locked.state !== 'active') throw conflict('campaign_closed', '该敲门行动已结束');
    const r = await repo.updateCampaign(tx, c.id, { state: 'closed', closedAt: new Date(), closedByName: actor.displayName });
    await audit(tx, { actor }, req, {
      action: 'campaign.close',
      entityType: 'campaign',
      entityId: c.id,
      areaCode: c.areaCode,
      detail: { title: c.title, round: r.round, households: progress.households, visited: progress.visited, ...(summary ? { summary } : {}) },
    });
    return r;
  });
  return present(actor, row, await areaName(ctx, row.areaCode));
}
