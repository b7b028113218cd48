// Who may do what with service points, the talent registry and sunk-down cadres (docs/SERVICE-POINTS.md).
import { isWithinScope, type Role } from '@gongzhi/domain';
import { AREA_STAFF, hasAnyRole, type Actor } from './actor.ts';

/** Keep the community's service points: its workers, grid workers and party secretary, in their scope. */
export const SERVICE_POINT_KEEPERS: readonly Role[] = ['community-worker', 'party-secretary', 'grid-worker'];
/** Keep the talent registry (名录库) and assign cadres' tasks: the community's workers and party secretary. */
export const COMMUNITY_KEEPERS: readonly Role[] = ['community-worker', 'party-secretary'];

export const canReadServicePoints = (actor: Actor) => hasAnyRole(actor, AREA_STAFF);
export const canKeepServicePointsIn = (actor: Actor, areaCode: string) => hasAnyRole(actor, SERVICE_POINT_KEEPERS) && isWithinScope(areaCode, actor.scopeCode);

/** Area staff read the registry of their scope; other staff than its keepers see only who consented to be listed. */
export const canReadTalents = (actor: Actor) => hasAnyRole(actor, AREA_STAFF);
export const keepsTalents = (actor: Actor) => hasAnyRole(actor, COMMUNITY_KEEPERS);
export const canKeepTalentsIn = (actor: Actor, areaCode: string) => keepsTalents(actor) && isWithinScope(areaCode, actor.scopeCode);

export const isCadre = (actor: Actor) => hasAnyRole(actor, ['cadre']);
/** The town and district see attendance; the community sees its own cadres. */
export const canReadCadres = (actor: Actor) => hasAnyRole(actor, AREA_STAFF);
export const canManageCadresIn = (actor: Actor, areaCode: string) => hasAnyRole(actor, COMMUNITY_KEEPERS) && isWithinScope(areaCode, actor.scopeCode);

/** Menu abilities for the console and the phone. */
export function cadreAbilities(actor: Actor): string[] {
  const out: string[] = [];
  if (canReadServicePoints(actor)) out.push('servicepoints.read');
  if (hasAnyRole(actor, SERVICE_POINT_KEEPERS)) out.push('servicepoints.manage');
  if (canReadTalents(actor)) out.push('talents.read');
  if (keepsTalents(actor)) out.push('talents.manage');
  if (canReadCadres(actor)) out.push('cadres.read');
  if (hasAnyRole(actor, COMMUNITY_KEEPERS)) out.push('cadres.manage');
  if (isCadre(actor)) out.push('cadres.self');
  return out;
}
