import type { Me } from '../../../api/types.ts';

/** Whose list this is: a grid worker's grid, a handler's inbox, or a resident's own reports. */
export function mobileCaseRole(me: Me, canReadPeople: boolean): 'grid' | 'staff' | 'reporter' {
  if (canReadPeople && (me.scope.level === 'grid' || me.scope.level === 'building')) return 'grid';
  if (canReadPeople || me.unit?.type === 'department' || me.unit?.type === 'property') return 'staff';
  return 'reporter';
}
