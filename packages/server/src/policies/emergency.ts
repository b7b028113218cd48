// Who may switch areas to wartime (平战转换), read the events, form forces and check in on call.
import { emergencyActions, isWithinScope, onCallKindOf, switchRefusal, type EmergencyState, type Role } from '@gongzhi/domain';
import { AREA_STAFF, hasAnyRole, type Actor } from './actor.ts';

/** Read events, their forces and record: the area staff and the forces on call (sunk-down cadres, party members), on their branch. */
export const EMERGENCY_READERS: readonly Role[] = [...AREA_STAFF, 'cadre', 'party-member'];
/** Check in at a post: grid workers, sunk-down cadres, party members and secretaries, community staff, building leaders. */
export const ON_CALL_ROLES: readonly Role[] = ['grid-worker', 'cadre', 'party-member', 'party-secretary', 'community-worker', 'building-leader'];

export const readsEmergencies = (actor: Actor) => hasAnyRole(actor, EMERGENCY_READERS);
/** The domain's rule: a command centre (or the administrator) over a town, village or grid inside its scope. */
export const maySwitch = (actor: Actor, areaCode: string) => switchRefusal(actor.roles, actor.scopeCode, areaCode) === null;
export const mayCheckIn = (actor: Actor) => hasAnyRole(actor, ON_CALL_ROLES) && onCallKindOf(actor.roles) !== null;

/** An event concerns the caller when its area lies in the caller's scope or holds it. */
export const emergencyConcerns = (actor: Actor, areaCode: string) => isWithinScope(areaCode, actor.scopeCode) || isWithinScope(actor.scopeCode, areaCode);

/** A task is for the people on call whose area lies in the task's area or holds it (a community worker under a grid's task). */
export const mayAckTask = (actor: Actor, taskAreaCode: string) => mayCheckIn(actor) && emergencyConcerns(actor, taskAreaCode);

export function emergencyAllowedActions(actor: Actor, e: { state: string; areaCode: string }): string[] {
  return emergencyActions(e.state as EmergencyState, maySwitch(actor, e.areaCode), mayCheckIn(actor));
}

export const emergencyAbilities = (actor: Actor): string[] => [
  ...(readsEmergencies(actor) ? ['emergencies.read'] : []),
  ...(hasAnyRole(actor, ['admin', 'district-dispatcher', 'town-dispatcher']) ? ['emergencies.switch'] : []),
  ...(mayCheckIn(actor) ? ['emergencies.checkIn'] : []),
];
