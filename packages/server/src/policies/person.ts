import { isWithinScope, type Role } from '@gongzhi/domain';
import { AREA_STAFF, hasAnyRole, type Actor } from './actor.ts';

export type PersonAction = 'view' | 'reveal' | 'edit';

/** Roles that work with the population registry (always within their area scope). */
export const PERSON_READERS: readonly Role[] = AREA_STAFF;

/** Roles that keep the registry up to date (一次采集). */
export const PERSON_EDITORS: readonly Role[] = ['community-worker', 'grid-worker'];

/** Roles that may see an unmasked ID or phone number (each reveal is audited). */
export const PERSON_REVEALERS: readonly Role[] = ['community-worker', 'grid-worker'];

/** Roles that may see sensitive special-group tags (correction, drugs, health …). */
export const SENSITIVE_TAG_READERS: readonly Role[] = ['grid-worker', 'community-worker', 'district-dispatcher'];

export const canListPeople = (actor: Actor) => hasAnyRole(actor, PERSON_READERS);
export const canCreatePersonIn = (actor: Actor, areaCode: string) =>
  hasAnyRole(actor, PERSON_EDITORS) && isWithinScope(areaCode, actor.scopeCode);
export const canSeeSensitiveTags = (actor: Actor) => hasAnyRole(actor, SENSITIVE_TAG_READERS);

export function personAllowedActions(actor: Actor, person: { areaCode: string }): PersonAction[] {
  if (!canListPeople(actor) || !isWithinScope(person.areaCode, actor.scopeCode)) return [];
  const actions: PersonAction[] = ['view'];
  if (hasAnyRole(actor, PERSON_REVEALERS)) actions.push('reveal');
  if (hasAnyRole(actor, PERSON_EDITORS)) actions.push('edit');
  return actions;
}

/** Bringing a community's spreadsheet in (一键录入) is registry editing: the editors, within their scope. */
export const canImportPeople = (actor: Actor) => hasAnyRole(actor, PERSON_EDITORS);

/** The template export carries full numbers: only roles that may reveal them (audited). */
export const canExportRegistry = (actor: Actor) => hasAnyRole(actor, PERSON_REVEALERS);

/** Households (create, door number, move-in / move-out / death) are kept by the registry editors. */
export const canEditHouseholds = (actor: Actor) => hasAnyRole(actor, PERSON_EDITORS);
