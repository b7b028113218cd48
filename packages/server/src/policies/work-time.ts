import { isWithinScope } from '@gongzhi/domain';
import { AREA_STAFF, hasAnyRole, type Actor } from './actor.ts';

/** The calendar's local table serves the whole installation: the system administrator keeps it. */
export const canEditCalendar = (actor: Actor) => hasAnyRole(actor, ['admin']);

/** Staff read the calendar (deadlines on their screens depend on it). */
export const canReadCalendar = (actor: Actor) => canEditCalendar(actor) || hasAnyRole(actor, AREA_STAFF) || hasAnyRole(actor, ['department-handler']);

/** Office hours: the administrator for every unit; a command centre for the units in its area. */
export const canEditOfficeHours = (actor: Actor) => hasAnyRole(actor, ['admin', 'district-dispatcher', 'town-dispatcher']);

/** The area whose units the caller may set office hours for; null = every unit (the administrator). */
export function officeHoursScope(actor: Actor): string | null {
  return hasAnyRole(actor, ['admin']) ? null : actor.scopeCode;
}

export function mayEditUnitHours(actor: Actor, unitAreaCode: string): boolean {
  if (!canEditOfficeHours(actor)) return false;
  const scope = officeHoursScope(actor);
  return scope === null || isWithinScope(unitAreaCode, scope);
}
