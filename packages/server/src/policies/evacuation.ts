// Who may make, assign and work evacuation lists (转移安置), and read the four-colour map (风险地图).
import { evacuationActionsOf, isWithinScope, type EvacuationAction, type EvacuationState, type Role } from '@gongzhi/domain';
import { AREA_STAFF, hasAnyRole, type Actor } from './actor.ts';
import { CAMPAIGN_ORGANISERS, CAMPAIGN_VISITORS } from './campaign.ts';

/** Read lists and the colour map: the area staff, within their scope. */
export const EVACUATION_READERS: readonly Role[] = AREA_STAFF;
/** Make a list, add people, assign: the town and district centres and community staff (as for campaigns). */
export const EVACUATION_ORGANISERS: readonly Role[] = CAMPAIGN_ORGANISERS;
/** Mark a move (started, arrived, refused, returned): those who knock on doors, inside their scope. */
export const EVACUATION_WORKERS: readonly Role[] = CAMPAIGN_VISITORS;

export const readsEvacuations = (actor: Actor) => hasAnyRole(actor, EVACUATION_READERS);
export const mayOrganiseEvacuation = (actor: Actor, areaCode: string) => hasAnyRole(actor, EVACUATION_ORGANISERS) && isWithinScope(areaCode, actor.scopeCode);

/** A list concerns the caller when its area lies in the caller's scope or holds it (a grid inside a village's list). */
export const evacuationConcerns = (actor: Actor, areaCode: string) => isWithinScope(areaCode, actor.scopeCode) || isWithinScope(actor.scopeCode, areaCode);

/** The responsible worker may mark their own people; the other workers and the organisers may mark anyone in scope. */
export const mayMarkEntry = (actor: Actor, entry: { responsibleId: string | null }) => entry.responsibleId === actor.id || hasAnyRole(actor, EVACUATION_WORKERS);

export function entryAllowedActions(actor: Actor, entry: { state: string; responsibleId: string | null }, listOpen: boolean): EvacuationAction[] {
  if (!listOpen || !mayMarkEntry(actor, entry)) return [];
  return evacuationActionsOf(entry.state as EvacuationState);
}

export function evacuationAllowedActions(actor: Actor, e: { state: string; areaCode: string }): string[] {
  if (e.state !== 'open' || !mayOrganiseEvacuation(actor, e.areaCode)) return [];
  return ['addEntries', 'assign', 'close'];
}

export const evacuationAbilities = (actor: Actor): string[] => [
  ...(readsEvacuations(actor) ? ['evacuations.read', 'risk.map'] : []),
  ...(hasAnyRole(actor, EVACUATION_ORGANISERS) ? ['evacuations.manage'] : []),
  ...(hasAnyRole(actor, EVACUATION_WORKERS) ? ['evacuations.mark'] : []),
];
