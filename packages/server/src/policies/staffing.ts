// Who may read and change the roster of grid staff (一格多员).
import { isWithinScope, STAFF_POST_INFO, type Role, type StaffPost } from '@gongzhi/domain';
import { hasAnyRole, type Actor } from './actor.ts';

/** Read the roster of their area. */
export const STAFF_READERS: readonly Role[] = ['admin', 'district-dispatcher', 'leader', 'town-dispatcher', 'community-worker', 'party-secretary'];
/**
 * Appoint and end appointments. The system administrator appoints to every post (an account is made
 * for it, 三员分立 leaves accounts to him); the community worker and the party secretary appoint the
 * volunteer posts of their own community — building and unit leaders "由小区党支部任命上岗" (`003`)
 * and grid information workers — whose accounts hold no more than a building leader's role.
 */
export const STAFF_APPOINTERS: readonly Role[] = ['admin'];
export const COMMUNITY_APPOINTERS: readonly Role[] = ['community-worker', 'party-secretary'];

export const readsRoster = (actor: Actor) => hasAnyRole(actor, STAFF_READERS);

export function mayAppoint(actor: Actor, post: StaffPost, areaCode: string): boolean {
  if (!isWithinScope(areaCode, actor.scopeCode)) return false;
  if (hasAnyRole(actor, STAFF_APPOINTERS)) return true;
  return STAFF_POST_INFO[post].communityAppoints && hasAnyRole(actor, COMMUNITY_APPOINTERS) && actor.scopeCode.length >= 12;
}

/** The posts the caller may appoint to at all (for the console's form). */
export const appointablePosts = (actor: Actor) =>
  (Object.keys(STAFF_POST_INFO) as StaffPost[]).filter((p) => hasAnyRole(actor, STAFF_APPOINTERS) || (STAFF_POST_INFO[p].communityAppoints && hasAnyRole(actor, COMMUNITY_APPOINTERS) && actor.scopeCode.length >= 12));

export const staffAbilities = (actor: Actor): string[] => [
  ...(readsRoster(actor) ? ['staff.read'] : []),
  ...(appointablePosts(actor).length > 0 && readsRoster(actor) ? ['staff.appoint'] : []),
];
