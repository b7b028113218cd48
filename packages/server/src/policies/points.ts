// Who may do what with points (SPEC §5), in one place. Every points service asks here, and every
// points response carries the `allowedActions` these functions compute.
import {
  allowedAwardActions,
  allowedRedemptionActions,
  isWithinScope,
  type AwardRelation,
  type AwardState,
  type RedemptionRelation,
  type RedemptionState,
  type Role,
} from '@gongzhi/domain';
import { AREA_STAFF, hasAnyRole, type Actor } from './actor.ts';

/** Staff who read points (accounts, awards, redemptions, leaderboards) inside their area scope. */
export const POINTS_READERS: readonly Role[] = AREA_STAFF;

/** Staff who keep the rule catalogue of their area (and the areas below it). */
export const RULE_EDITORS: readonly Role[] = ['admin', 'party-secretary', 'community-worker'];

/** Staff who manage merchants' catalogues in their area; merchants manage their own. */
export const ITEM_MANAGERS: readonly Role[] = ['admin', 'party-secretary', 'community-worker'];

/** Accounts that act for a shop, the love supermarket or a property company. */
export const MERCHANT_ROLES: readonly Role[] = ['merchant', 'property-manager'];

/** Who may run the ledger audit over the whole installation. */
export const LEDGER_AUDITORS: readonly Role[] = ['admin', 'district-dispatcher', 'leader'];

/** Who may configure the multiplier factors. */
export const FACTOR_EDITORS: readonly Role[] = ['admin'];

export const isPointsStaff = (actor: Actor) => hasAnyRole(actor, POINTS_READERS);
export const inScope = (actor: Actor, areaCode: string) => isWithinScope(areaCode, actor.scopeCode);

/** Staff reading something that belongs to an area. */
export const canReadPointsIn = (actor: Actor, areaCode: string) => isPointsStaff(actor) && inScope(actor, areaCode);

// ---- rules --------------------------------------------------------------------------------------

export const canEditRulesIn = (actor: Actor, areaCode: string) => hasAnyRole(actor, RULE_EDITORS) && inScope(actor, areaCode);
export const canEditFactors = (actor: Actor) => hasAnyRole(actor, FACTOR_EDITORS);

export function ruleAllowedActions(actor: Actor, rule: { areaCode: string; proposerRoles: string[]; auto: boolean; active: boolean }): string[] {
  const out: string[] = [];
  if (rule.active && !rule.auto && actor.roles.some((r) => rule.proposerRoles.includes(r))) out.push('propose');
  if (canEditRulesIn(actor, rule.areaCode)) out.push('edit');
  return out;
}

// ---- awards -------------------------------------------------------------------------------------

/** A proposer holds a proposing role of the rule and the recipient lives inside their scope. */
export function canProposeAward(actor: Actor, rule: { proposerRoles: string[] }, recipientArea: string): boolean {
  return actor.roles.some((r) => rule.proposerRoles.includes(r)) && inScope(actor, recipientArea);
}

export interface AwardFacts {
  state: string;
  areaCode: string;
  proposedBy: string | null;
  recipientUserId: string;
  approverRoles: string[];
}

/** `actorHouseholdId`: the caller's own household, so nobody approves their family's 道德银行 points either. */
export function awardRelations(actor: Actor, a: AwardFacts & { holderKind?: string; holderId?: string }, actorHouseholdId: string | null = null): Set<AwardRelation> {
  const rel = new Set<AwardRelation>();
  if (a.proposedBy === actor.id) rel.add('proposer');
  if (a.recipientUserId === actor.id || (actorHouseholdId && a.holderKind === 'household' && a.holderId === actorHouseholdId)) rel.add('recipient');
  if (actor.roles.some((r) => a.approverRoles.includes(r)) && inScope(actor, a.areaCode)) rel.add('approver');
  return rel;
}

export function canSeeAward(actor: Actor, a: AwardFacts): boolean {
  return a.recipientUserId === actor.id || a.proposedBy === actor.id || canReadPointsIn(actor, a.areaCode);
}

export function awardAllowedActions(actor: Actor, a: AwardFacts & { holderKind?: string; holderId?: string }, actorHouseholdId: string | null = null): string[] {
  return allowedAwardActions(a.state as AwardState, awardRelations(actor, a, actorHouseholdId));
}

// ---- items and redemptions ------------------------------------------------------------------------

/** Items of the caller's own area and the areas above it (a resident sees the shops of their community and town). */
export const canSeeItemsOf = (actor: Actor, areaCode: string) => inScope(actor, areaCode) || isWithinScope(actor.scopeCode, areaCode);

export const isMerchantOf = (actor: Actor, unitId: string) => actor.unitId === unitId;

/** A merchant manages its own catalogue; community staff manage the catalogues of units in their area. */
export function canManageItemsOf(actor: Actor, unit: { id: string; areaCode: string }): boolean {
  if (isMerchantOf(actor, unit.id) && hasAnyRole(actor, MERCHANT_ROLES)) return true;
  return hasAnyRole(actor, ITEM_MANAGERS) && inScope(actor, unit.areaCode);
}

export type ItemUnavailable = { code: 'own-item' | 'inactive' | 'sold-out' | 'not-eligible' | 'insufficient'; message: string; short?: number };

/**
 * Why the caller cannot redeem an item now (a code and a Chinese message), or null when they can.
 * `balance` is what the caller can spend in the item's scheme (null: not known).
 */
export function itemUnavailable(actor: Actor, item: { active: boolean; stock: number; price: number; merchantUnitId: string }, canSpendScheme: boolean, balance: number | null, unit = '分'): ItemUnavailable | null {
  if (isMerchantOf(actor, item.merchantUnitId)) return { code: 'own-item', message: '本商户的商品' };
  if (!item.active) return { code: 'inactive', message: '已下架' };
  if (item.stock <= 0) return { code: 'sold-out', message: '已兑完' };
  if (!canSpendScheme) return { code: 'not-eligible', message: '您没有这类积分' };
  if (balance !== null && balance < item.price) return { code: 'insufficient', message: `积分不足，还差 ${item.price - balance} ${unit}`, short: item.price - balance };
  return null;
}

export function itemAllowedActions(actor: Actor, item: { active: boolean; stock: number; price: number; merchantUnitId: string; areaCode: string }, canSpendScheme: boolean, balance: number | null = null): string[] {
  const out: string[] = [];
  if (itemUnavailable(actor, item, canSpendScheme, balance) === null) out.push('redeem');
  if (canManageItemsOf(actor, { id: item.merchantUnitId, areaCode: item.areaCode })) out.push('edit', 'restock');
  return out;
}

export interface RedemptionFacts {
  state: string;
  userId: string;
  merchantUnitId: string;
  areaCode: string;
}

/**
 * Who keeps the love supermarket of a community office: its community workers and party secretary.
 * Other accounts of the office (a grid worker of another grid, a building leader) are not the shop.
 */
export const SUPERMARKET_KEEPERS: readonly Role[] = ['community-worker', 'party-secretary'];

/** The merchant side: a shop's own staff, or the keeper of the love supermarket of the office that runs it. */
export const actsForMerchant = (actor: Actor, unitId: string) => isMerchantOf(actor, unitId) && hasAnyRole(actor, [...MERCHANT_ROLES, ...SUPERMARKET_KEEPERS]);

export function redemptionRelations(actor: Actor, r: RedemptionFacts): Set<RedemptionRelation> {
  const rel = new Set<RedemptionRelation>();
  if (r.userId === actor.id) rel.add('redeemer');
  if (actsForMerchant(actor, r.merchantUnitId)) rel.add('merchant');
  return rel;
}

export function canSeeRedemption(actor: Actor, r: RedemptionFacts): boolean {
  return r.userId === actor.id || actsForMerchant(actor, r.merchantUnitId) || canReadPointsIn(actor, r.areaCode);
}

export function redemptionAllowedActions(actor: Actor, r: RedemptionFacts): string[] {
  return allowedRedemptionActions(r.state as RedemptionState, redemptionRelations(actor, r));
}

// ---- accounts -----------------------------------------------------------------------------------

/** An account is read by its holder (the person, a member of the household, the merchant's staff) or by staff in scope. */
export function canReadAccount(actor: Actor, a: { kind: string; ownerId: string; areaCode: string }, householdId: string | null): boolean {
  if ((a.kind === 'person' || a.kind === 'hold') && a.ownerId === actor.id) return true;
  if ((a.kind === 'household' || a.kind === 'hold') && householdId && a.ownerId === householdId) return true;
  if (a.kind === 'merchant' && isMerchantOf(actor, a.ownerId)) return true;
  return canReadPointsIn(actor, a.areaCode);
}

export const canAuditLedger = (actor: Actor) => hasAnyRole(actor, LEDGER_AUDITORS) && actor.scopeCode.length <= 6;

/** Coarse points abilities for the client's menus (the per-item `allowedActions` decide the buttons). */
export function pointsAbilities(actor: Actor, opts: { canPropose: boolean; canApprove: boolean }): string[] {
  const out = ['points.read', 'points.redeem'];
  if (opts.canPropose) out.push('points.awards.propose');
  if (opts.canApprove) out.push('points.awards.approve');
  if (isPointsStaff(actor)) out.push('points.accounts.read', 'points.leaderboard.read');
  if (hasAnyRole(actor, RULE_EDITORS)) out.push('points.rules.edit');
  if (hasAnyRole(actor, ITEM_MANAGERS) || (actor.unitId && hasAnyRole(actor, MERCHANT_ROLES))) out.push('points.items.manage');
  if (actor.unitId && actsForMerchant(actor, actor.unitId)) out.push('points.redemptions.confirm');
  if (canEditFactors(actor)) out.push('points.factors.edit');
  if (canAuditLedger(actor)) out.push('points.audit');
  return out;
}
