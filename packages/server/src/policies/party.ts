// Who may do what with party organisations and members: pure functions over the caller.
import { isWithinScope, type Role } from '@gongzhi/domain';
import { scopeOf, type Scope } from '../repositories/scope.ts';
import { AREA_STAFF, hasAnyRole, type Actor } from './actor.ts';

/** Review registrations (双报到) with organisations in their scope. */
export const PARTY_REVIEWERS: readonly Role[] = ['community-worker', 'party-secretary'];
/** Assign posts (设岗定责) to members and add a village's custom posts. */
export const PARTY_MANAGERS: readonly Role[] = ['admin', 'community-worker', 'party-secretary'];

export const readsPartyOrgs = (actor: Actor) => hasAnyRole(actor, AREA_STAFF);

/** The scope of the organisation and member registers: area staff only (null otherwise). */
export const partyScopeOf = (actor: Actor): Scope | null => (readsPartyOrgs(actor) ? scopeOf(actor) : null);

export const reviewsAt = (actor: Actor, orgArea: string) => hasAnyRole(actor, PARTY_REVIEWERS) && isWithinScope(orgArea, actor.scopeCode);
export const managesAt = (actor: Actor, orgArea: string) => hasAnyRole(actor, PARTY_MANAGERS) && isWithinScope(orgArea, actor.scopeCode);

export function orgAllowedActions(actor: Actor, org: { areaCode: string; kind: string }): string[] {
  const out: string[] = [];
  if (reviewsAt(actor, org.areaCode)) out.push('accept-registration', 'reject-registration');
  if (managesAt(actor, org.areaCode)) out.push('assign-post');
  if (managesAt(actor, org.areaCode) && org.kind === 'village-org') out.push('add-post');
  return out;
}

export interface MemberPlaces {
  personId: string;
  orgArea: string;
  localOrgArea: string | null;
  registrationState: string | null;
}

/** A member chooses their own post; a manager assigns posts of members of their own or registered organisations. */
export function maySetPost(actor: Actor, m: MemberPlaces): boolean {
  if (actor.personId && actor.personId === m.personId) return true;
  if (managesAt(actor, m.orgArea)) return true;
  return m.localOrgArea !== null && m.registrationState === 'accepted' && managesAt(actor, m.localOrgArea);
}

export const memberAllowedActions = (actor: Actor, m: MemberPlaces) => (maySetPost(actor, m) ? ['set-post'] : []);
