// Who reads Nanjing's four lists (四张清单) and which parts of them.
import { isWithinScope } from '@gongzhi/domain';
import { AREA_STAFF, hasAnyRole, type Actor } from './actor.ts';
import { canListPeople } from './person.ts';

/** Staff of an area read its four lists (the same people who read its needs): the lists are a working view of the area. */
export const canReadFourLists = (actor: Actor) => hasAnyRole(actor, AREA_STAFF);
export const readsFourListsOf = (actor: Actor, areaCode: string) => canReadFourLists(actor) && isWithinScope(areaCode, actor.scopeCode);
/** Households' risk colours are registry data: only the roles that read the registry see their counts. */
export const seesRiskHouseholds = (actor: Actor) => canListPeople(actor);
