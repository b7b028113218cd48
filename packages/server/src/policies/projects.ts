// Who may do what with ideas, offers, needs and projects: pure functions over the caller.
import { isWithinScope, type Role } from '@gongzhi/domain';
import type { ProjectViewAction } from '@gongzhi/domain/contract';
import { makeIdeaScope, makeProjectScope, type IdeaScope, type ProjectRow, type ProjectScope, type SupervisorRow } from '../repositories/projects.ts';
import { AREA_STAFF, hasAnyRole, type Actor } from './actor.ts';

/**
 * Town and village/community staff compile needs, turn ideas into needs or topics, make projects from
 * matched needs, record paper sign-offs and close projects out, in their scope; the district's
 * administrator and command centre anywhere in the district (the same people who convene deliberations).
 */
export const PROJECT_MANAGERS: readonly Role[] = ['admin', 'district-dispatcher', 'town-dispatcher', 'community-worker', 'party-secretary'];
/** Roles that publish their own department's offers (赋能清单); the district's administrator and command centre publish for any department. */
export const OFFER_PUBLISHERS: readonly Role[] = ['department-handler'];
export const OFFER_ADMINS: readonly Role[] = ['admin', 'district-dispatcher'];
/** Roles that claim (领办) a project themselves. */
export const SELF_CLAIMERS: readonly Role[] = ['party-member', 'cadre'];

export const isManager = (actor: Actor) => hasAnyRole(actor, PROJECT_MANAGERS);
export const manages = (actor: Actor, areaCode: string) => isManager(actor) && isWithinScope(areaCode, actor.scopeCode);
export const isDepartment = (actor: Actor) => !!actor.unitId && hasAnyRole(actor, OFFER_PUBLISHERS) && !hasAnyRole(actor, AREA_STAFF);
export const readsOffers = (actor: Actor) => hasAnyRole(actor, AREA_STAFF) || isDepartment(actor);

/** The caller with what the rules need: where they live (a 12-digit community) and whether they are a party member. */
export interface ProjectViewer {
  actor: Actor;
  home: string | null;
  partyMember: boolean;
}

export const claimKindOf = (v: ProjectViewer): 'member' | 'cadre' | null =>
  hasAnyRole(v.actor, ['cadre']) ? 'cadre' : v.partyMember || hasAnyRole(v.actor, ['party-member']) ? 'member' : null;

/** Communities whose open projects the caller may claim: where a member lives; a cadre's community of service. */
export function claimAreasOf(v: ProjectViewer): string[] {
  const out: string[] = [];
  if (!claimKindOf(v)) return out;
  if (v.home) out.push(v.home);
  if (hasAnyRole(v.actor, ['cadre']) && v.actor.scopeCode.length >= 12) out.push(v.actor.scopeCode.slice(0, 12));
  return [...new Set(out)];
}

/** Ideas: staff read their area's; a resident reads the ideas of their own community. */
export function ideaScopeOf(v: ProjectViewer): IdeaScope {
  const areas: string[] = [];
  if (hasAnyRole(v.actor, AREA_STAFF)) areas.push(v.actor.scopeCode);
  if (v.home) areas.push(v.home);
  return makeIdeaScope({ areas });
}

/** Needs: staff of the area only. */
export const needAreasOf = (actor: Actor): string[] => (hasAnyRole(actor, AREA_STAFF) ? [actor.scopeCode] : []);

export function projectScopeOf(v: ProjectViewer): ProjectScope {
  return makeProjectScope({
    areas: hasAnyRole(v.actor, AREA_STAFF) ? [v.actor.scopeCode] : [],
    communities: v.home ? [v.home] : [],
    unitId: isDepartment(v.actor) ? v.actor.unitId : null,
    personId: v.actor.personId,
    userId: v.actor.id,
    claimAreas: claimAreasOf(v),
  });
}

export const isSupervisor = (actor: Actor, sups: SupervisorRow[]) => !!actor.personId && sups.some((s) => s.personId === actor.personId);
export const isClaimant = (actor: Actor, p: ProjectRow) => p.claimedByUserId === actor.id;

/** The actions the caller may take on a project now, for `allowedActions`. */
export function projectAllowedActions(v: ProjectViewer, p: ProjectRow, sups: SupervisorRow[]): ProjectViewAction[] {
  const a = v.actor;
  const out: ProjectViewAction[] = [];
  const mgr = manages(a, p.areaCode);
  if (p.state === 'open') {
    if (mgr) out.push('claim-team');
    if (claimKindOf(v) && claimAreasOf(v).some((c) => p.areaCode.startsWith(c))) out.push('claim');
  }
  if (p.state === 'claimed') {
    if (mgr || isClaimant(a, p)) out.push('milestone');
    const mine = sups.find((s) => s.personId === a.personId);
    if (mine && !mine.signedAt) out.push('sign-off');
    if (mgr) out.push('record-sign-off', 'close');
  }
  return out;
}
