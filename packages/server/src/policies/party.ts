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

/**
 * Edit the tree: create an organisation under one the caller manages, rename it, set its secretary,
 * move or remove it. The town committee (the root) is the district's: only a manager whose scope
 * holds the town (the system administrator) creates one.
 */
export const editsTreeAt = (actor: Actor, area: string) => managesAt(actor, area);

export function orgAllowedActions(actor: Actor, org: { areaCode: string; kind: string }): string[] {
  const out: string[] = [];
  if (editsTreeAt(actor, org.areaCode)) out.push('edit', 'delete');
  if (editsTreeAt(actor, org.areaCode) && org.kind !== 'building-group') out.push('add-child');
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

// ---- members at work: links, visits, patrols, transfers, post reports ----------------------------

/** Propose and adjust linked households (一户十联) in their grid or community. */
export const LINK_MANAGERS: readonly Role[] = ['admin', 'community-worker', 'party-secretary', 'grid-worker'];
/** Staff who record visits to households in their scope (members record visits to their own linked households). */
export const VISITING_STAFF: readonly Role[] = ['grid-worker', 'community-worker', 'building-leader', 'party-secretary'];
/** Members who may have linked households and record visits. */
export const MEMBER_ROLES: readonly Role[] = ['party-member', 'cadre'];

export const managesLinksAt = (actor: Actor, area: string) => hasAnyRole(actor, LINK_MANAGERS) && isWithinScope(area, actor.scopeCode);
export const visitsAsStaff = (actor: Actor, area: string) => hasAnyRole(actor, VISITING_STAFF) && isWithinScope(area, actor.scopeCode);
export const patrols = (actor: Actor) => actor.roles.includes('grid-worker');

/** Transfer a member (组织关系转接): a manager whose scope holds the member's own organisation. */
export const mayTransfer = (actor: Actor, m: MemberPlaces) => managesAt(actor, m.orgArea);

/**
 * 小区党支部吹哨、党员报到: a reviewer where the member lives or serves (their residence or the local
 * organisation they registered with) reports a member who does not fulfil their post.
 */
export const mayReportPost = (actor: Actor, m: MemberPlaces & { residence: string }) =>
  hasAnyRole(actor, PARTY_REVIEWERS) && (isWithinScope(m.residence, actor.scopeCode) || (m.localOrgArea !== null && m.registrationState === 'accepted' && isWithinScope(m.localOrgArea, actor.scopeCode)));

/** Coarse party abilities for the client's menus. */
export function partyAbilities(actor: Actor): string[] {
  const out: string[] = [];
  if (readsPartyOrgs(actor)) out.push('party.read');
  if (hasAnyRole(actor, PARTY_MANAGERS)) out.push('party.manage');
  if (hasAnyRole(actor, LINK_MANAGERS)) out.push('party.links');
  if (hasAnyRole(actor, VISITING_STAFF) || hasAnyRole(actor, MEMBER_ROLES)) out.push('party.visit');
  if (hasAnyRole(actor, MEMBER_ROLES)) out.push('party.member');
  if (patrols(actor)) out.push('party.patrol');
  return out;
}
