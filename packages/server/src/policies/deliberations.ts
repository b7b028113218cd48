// Who may do what with deliberations (议事协商): pure functions over the caller and the deliberation.
import { isWithinScope, type Role } from '@gongzhi/domain';
import { makeDeliberationScope, type DeliberationRow, type DeliberationScope } from '../repositories/deliberations.ts';
import { AREA_STAFF, hasAnyRole, type Actor } from './actor.ts';

/**
 * Town and village/community staff convene deliberations in their scope, record paper ballots and
 * close them (the contract: the demo's `town` for the 村 of 常乐镇, `community` for 状元街); the
 * district's administrator and command centre may do the same anywhere in the district.
 */
export const DELIBERATION_ORGANISERS: readonly Role[] = ['admin', 'district-dispatcher', 'town-dispatcher', 'community-worker', 'party-secretary'];

export const isOrganiser = (actor: Actor) => hasAnyRole(actor, DELIBERATION_ORGANISERS);

/** The caller as a voter: the registry person of their account and that person's household. */
export interface Voter {
  personId: string | null;
  householdId: string | null;
}

/** What the caller reads: every deliberation inside their area (staff), and those whose roll names them. */
export function deliberationScopeOf(actor: Actor, voter: Voter): DeliberationScope {
  return makeDeliberationScope({ areas: hasAnyRole(actor, AREA_STAFF) ? [actor.scopeCode] : [], personId: voter.personId, householdId: voter.householdId });
}

/** Staff who may record ballots and close this deliberation. */
export const organises = (actor: Actor, d: Pick<DeliberationRow, 'areaCode'>) => isOrganiser(actor) && isWithinScope(d.areaCode, actor.scopeCode);

/** Staff who read the whole roll with each entry's choice; voters see only their own entries. */
export const seesRoll = (actor: Actor, d: Pick<DeliberationRow, 'areaCode'>) => hasAnyRole(actor, AREA_STAFF) && isWithinScope(d.areaCode, actor.scopeCode);

/**
 * Whether a roll entry is the caller's own: their person, or — when the roll is one entry per household —
 * their household's (any adult member may cast the household's one ballot, once).
 */
export const isOwnEntry = (voter: Voter, e: { personId: string | null; householdId: string | null }, form: string) =>
  (!!voter.personId && e.personId === voter.personId) || (form === 'households' && !e.personId && !!voter.householdId && e.householdId === voter.householdId);
