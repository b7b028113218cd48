import { isWithinScope } from '@gongzhi/domain';
import { hasAnyRole, type Actor } from './actor.ts';
import { PERSON_READERS } from './person.ts';

export type AreaAction = 'view' | 'viewPeople' | 'edit';

/** Any account may read the areas inside its own scope; the scope itself is the boundary. */
export function canViewArea(actor: Actor, code: string): boolean {
  return isWithinScope(code, actor.scopeCode);
}

export function areaAllowedActions(actor: Actor, code: string): AreaAction[] {
  if (!canViewArea(actor, code)) return [];
  const actions: AreaAction[] = ['view'];
  if (hasAnyRole(actor, PERSON_READERS)) actions.push('viewPeople');
  if (hasAnyRole(actor, ['admin'])) actions.push('edit');
  return actions;
}
