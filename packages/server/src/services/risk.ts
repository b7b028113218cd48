// Four-colour risk (四色分级, `002`): a household's colour changes only here — by hand with a reason,
// or by a door-knocking visit — and every change is kept (who, when, from, to, why).
import { colourChange, forbidden, notFound, RISK_COLOUR_ZH, RISK_COLOURS, type RiskColour } from '@gongzhi/domain';
import type { Tx } from '../db/client.ts';
import type { Actor, RequestContext } from '../policies/actor.ts';
import { mayEditRisk } from '../policies/campaign.ts';
import { canListPeople } from '../policies/person.ts';
import { findArea, listChildren } from '../repositories/areas.ts';
import * as repo from '../repositories/campaigns.ts';
import { findHousehold } from '../repositories/people.ts';
import { scopeOf } from '../repositories/scope.ts';
import { toIsoCst } from '../lib/time.ts';
import { audit } from './audit.ts';
import type { AppContext } from './context.ts';

/** The one way in: sets the colour when it differs, with its history row and audit row, in the caller's transaction. */
export async function applyRiskColour(
  tx: Tx,
  actor: Actor,
  req: RequestContext,
  h: { id: string; areaCode: string; riskColour: string | null },
  to: RiskColour,
  reason: string,
  campaignId: string | null = null,
): Promise<boolean> {
  const change = colourChange(h.riskColour, to);
  if (!change) return false;
  await repo.setHouseholdColour(tx, h.id, change.to);
  await repo.insertRiskChange(tx, { householdId: h.id, areaCode: h.areaCode, fromColour: change.from, toColour: change.to, reason, campaignId, actorId: actor.id, actorName: actor.displayName });
  await audit(tx, { actor }, req, { action: 'household.risk', entityType: 'household', entityId: h.id, areaCode: h.areaCode, detail: { from: change.from ? (RISK_COLOUR_ZH[change.from as RiskColour] ?? change.from) : null, to: RISK_COLOUR_ZH[change.to], reason } });
  return true;
}

/** `PATCH /api/households/{id}/risk`: a colour set by hand, with the reason. */
export async function changeRiskColour(ctx: AppContext, actor: Actor, householdId: string, input: { riskColour: RiskColour; reason: string }, req: RequestContext) {
  if (!canListPeople(actor)) throw forbidden('您的角色不能调整住户风险等级');
  const h = await findHousehold(ctx.db, scopeOf(actor), householdId);
  if (!h) throw notFound('住户');
  if (!mayEditRisk(actor, h.areaCode)) throw forbidden('您的角色不能调整住户风险等级');
  await ctx.db.transaction((tx) => applyRiskColour(tx, actor, req, h, input.riskColour, input.reason));
  return { id: h.id, areaCode: h.areaCode, address: h.address, riskColour: input.riskColour };
}

/** A household's colour changes, newest first. */
export async function riskHistory(ctx: AppContext, actor: Actor, householdId: string) {
  if (!canListPeople(actor)) throw forbidden('您的角色不能查看住户信息');
  const h = await findHousehold(ctx.db, scopeOf(actor), householdId);
  if (!h) throw notFound('住户');
  const rows = await repo.riskChangesOf(ctx.db, householdId);
  return {
    riskColour: h.riskColour as RiskColour | null,
    allowedActions: mayEditRisk(actor, h.areaCode) ? ['editRisk'] : [],
    items: rows.map((r) => ({ id: r.id, from: r.fromColour as RiskColour | null, to: r.toColour as RiskColour, reason: r.reason, campaignId: r.campaignId, actorName: r.actorName, createdAt: toIsoCst(r.createdAt) })),
  };
}

type Counts = Record<RiskColour, number> & { total: number };
const zero = (): Counts => ({ red: 0, orange: 0, yellow: 0, blue: 0, total: 0 });

/** `GET /api/areas/{code}/risk-counts`: households per colour in each child area (per grid of a village) and in all. */
export async function riskCountsOf(ctx: AppContext, actor: Actor, code: string) {
  const scope = scopeOf(actor);
  const area = await findArea(ctx.db, scope, code);
  if (!area) throw notFound('区域');
  if (!canListPeople(actor)) throw forbidden('您的角色不能查看住户信息');
  const children = await listChildren(ctx.db, scope, code);
  const prefix = children[0]?.code.length ?? code.length;
  const rows = await repo.riskCounts(ctx.db, scope, code, prefix);
  const per = new Map<string, Counts>();
  const total = zero();
  for (const r of rows) {
    if (!(RISK_COLOURS as readonly string[]).includes(r.colour)) continue;
    const c = per.get(r.code) ?? zero();
    c[r.colour as RiskColour] += r.n;
    c.total += r.n;
    total[r.colour as RiskColour] += r.n;
    total.total += r.n;
    per.set(r.code, c);
  }
  const list = children.length ? children : [area];
  return { items: list.map((c) => ({ code: c.code, name: c.name, ...(per.get(c.code) ?? zero()) })), total };
}
