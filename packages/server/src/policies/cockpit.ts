import type { Role } from '@gongzhi/domain';
import { hasAnyRole, type Actor } from './actor.ts';

/** Roles that read the cockpit of any area in their scope (every case there). */
export const COCKPIT_AREA_READERS: readonly Role[] = ['admin', 'district-dispatcher', 'leader', 'town-dispatcher', 'community-worker', 'party-secretary'];

/** Whose figures the caller sees: every case of the area, or (a department) only the cases its unit leads. */
export type CockpitView = { kind: 'area' } | { kind: 'unit'; unitId: string };

export function cockpitViewOf(actor: Actor): CockpitView | null {
  if (hasAnyRole(actor, COCKPIT_AREA_READERS)) return { kind: 'area' };
  if (actor.unitId && hasAnyRole(actor, ['department-handler'])) return { kind: 'unit', unitId: actor.unitId };
  return null;
}

export const canViewCockpit = (actor: Actor) => cockpitViewOf(actor) !== null;

/** The read-only leader's console opens on the cockpit. */
export const cockpitIsHome = (actor: Actor) => hasAnyRole(actor, ['leader']);
