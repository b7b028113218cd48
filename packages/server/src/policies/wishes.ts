// Who may do what with micro-wishes (微心愿): pure functions over the caller and the wish.
import { allowedWishActions, isWithinScope, WALL_STATES, WISH_STATES, type Role, type WishRelation, type WishState } from '@gongzhi/domain';
import { makeWishScope, type WishRow, type WishScope } from '../repositories/wishes.ts';
import { AREA_STAFF, hasAnyRole, type Actor } from './actor.ts';

/** Review (publish, reject) and cancel wishes in their scope. */
export const WISH_REVIEWERS: readonly Role[] = ['community-worker', 'party-secretary'];
/** Post a wish on a resident's behalf (代办), for a person of the registry in their scope. */
export const WISH_PROXIES: readonly Role[] = ['community-worker', 'grid-worker', 'building-leader'];
/** Roles that claim wishes for their unit (单位认领). */
export const UNIT_CLAIMER_ROLES: readonly Role[] = ['department-handler', 'property-manager', 'merchant'];
/** Roles that claim wishes themselves (党员认领); a person flagged as a party member too. */
export const MEMBER_ROLES: readonly Role[] = ['party-member', 'cadre'];

/** The caller with the facts about them the wish rules need (worked out by the service). */
export interface WishViewer {
  actor: Actor;
  /** The community (12-digit code) where the caller lives or is registered (双报到), if any. */
  home: string | null;
  /** Flagged as a party member in the registry. */
  partyMember: boolean;
  /** The area of the caller's unit, when they act for a unit that may claim wishes. */
  unitArea: string | null;
}

export const isUnitClaimer = (v: WishViewer) => !!v.actor.unitId && v.unitArea !== null && hasAnyRole(v.actor, UNIT_CLAIMER_ROLES);
export const isMember = (v: WishViewer) => v.partyMember || hasAnyRole(v.actor, MEMBER_ROLES);
export const canClaimWishes = (v: WishViewer) => isMember(v) || isUnitClaimer(v);

/** The walls (areas) a caller sees: their community, and their unit's area. */
export function wallAreasOf(v: WishViewer): string[] {
  const out: string[] = [];
  if (v.home) out.push(v.home);
  if (isUnitClaimer(v)) out.push(v.unitArea!);
  if (hasAnyRole(v.actor, ['cadre']) && v.actor.scopeCode.length >= 12) out.push(v.actor.scopeCode);
  return [...new Set(out)];
}

/**
 * What the caller reads. `forAction`: a helper may address any wish of their walls, so that
 * claiming one not yet reviewed answers 409 (the state forbids it) rather than 404; reads still
 * show only the wall states.
 */
export function wishScopeOf(v: WishViewer, opts: { forAction?: boolean } = {}): WishScope {
  return makeWishScope({
    areas: hasAnyRole(v.actor, AREA_STAFF) ? [v.actor.scopeCode] : [],
    wallAreas: wallAreasOf(v),
    wallStates: opts.forAction && canClaimWishes(v) ? WISH_STATES : WALL_STATES,
    userId: v.actor.id,
    unitId: isUnitClaimer(v) ? v.actor.unitId : null,
  });
}

/** Staff in scope see names in full; everyone else sees the wisher masked. */
export const seesWisherDetails = (v: WishViewer, w: Pick<WishRow, 'areaCode'>) => hasAnyRole(v.actor, AREA_STAFF) && isWithinScope(w.areaCode, v.actor.scopeCode);

export function isWisher(actor: Actor, w: Pick<WishRow, 'wisherUserId' | 'createdBy'>): boolean {
  return w.wisherUserId ? w.wisherUserId === actor.id : w.createdBy === actor.id;
}

export function wishRelations(v: WishViewer, w: WishRow): Set<WishRelation> {
  const rel = new Set<WishRelation>();
  const a = v.actor;
  if (isWisher(a, w)) rel.add('wisher');
  if (hasAnyRole(a, WISH_REVIEWERS) && isWithinScope(w.areaCode, a.scopeCode)) rel.add('reviewer');
  const onMyWall = wallAreasOf(v).some((area) => w.areaCode.startsWith(area));
  if (canClaimWishes(v) && onMyWall) rel.add('helper');
  if (w.claimedByUserId === a.id || (w.claimedByUnitId && isUnitClaimer(v) && a.unitId === w.claimedByUnitId)) rel.add('claimant');
  return rel;
}

export const wishAllowedActions = (v: WishViewer, w: WishRow) => allowedWishActions(w.state as WishState, wishRelations(v, w));
