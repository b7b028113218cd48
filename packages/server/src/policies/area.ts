import { CODE_LENGTH, childLevelOf, isWithinScope, levelOfCode, type AreaLevel } from '@gongzhi/domain';
import { hasAnyRole, type Actor } from './actor.ts';
import { PERSON_READERS } from './person.ts';

export type AreaAction = 'view' | 'viewPeople' | 'edit' | 'addChild';

/** Any account may read the areas inside its own scope; the scope itself is the boundary. */
export function canViewArea(actor: Actor, code: string): boolean {
  return isWithinScope(code, actor.scopeCode);
}

/**
 * Who draws the territory (creates, renames, redraws, splits and merges areas), by level of the area edited.
 * - The system administrator: every area in the scope, the scope itself included.
 * - The district and town command centres: the areas below their own (towns, villages, grids, buildings …):
 *   they set up the grids of their jurisdiction with the villages.
 * - Community (village) workers: the grids, buildings and units of their own village (网格划分 is proposed by
 *   the village and its staff keep it current, `004`), not the village itself.
 * - Grid workers: buildings and units inside their grid (they collect them door to door, "一次采集", `004`),
 *   not the grid outline.
 * Leaders (read-only), departments, party roles, residents and merchants never edit the territory.
 */
const TERRITORY_EDITORS: { role: Parameters<typeof hasAnyRole>[1][number]; levels: readonly AreaLevel[] | 'all' }[] = [
  { role: 'admin', levels: 'all' },
  { role: 'district-dispatcher', levels: ['town', 'village', 'grid', 'building', 'unit'] },
  { role: 'town-dispatcher', levels: ['village', 'grid', 'building', 'unit'] },
  { role: 'community-worker', levels: ['grid', 'building', 'unit'] },
  { role: 'grid-worker', levels: ['building', 'unit'] },
];

/** True when the actor may create, rename or redraw the area `code` (existing or about to be created). */
export function canEditTerritory(actor: Actor, code: string): boolean {
  const level = levelOfCode(code);
  if (!level || !canViewArea(actor, code)) return false;
  return TERRITORY_EDITORS.some(
    (e) =>
      actor.roles.includes(e.role) &&
      (e.levels === 'all' || (e.levels.includes(level) && code.length > actor.scopeCode.length)),
  );
}

/** True when the actor may add a child to `parentCode` (the child is checked, being what is created). */
export function canAddChildArea(actor: Actor, parentCode: string): boolean {
  const level = levelOfCode(parentCode);
  const child = level ? childLevelOf(level) : null;
  if (!child) return false;
  // Any code of the child level under the parent stands for the new child.
  return canEditTerritory(actor, parentCode + '0'.repeat(CODE_LENGTH[child] - parentCode.length));
}

/** True when the actor edits some part of the territory (the console shows the map editor). */
export function editsTerritory(actor: Actor): boolean {
  return TERRITORY_EDITORS.some((e) => actor.roles.includes(e.role));
}

export function areaAllowedActions(actor: Actor, code: string): AreaAction[] {
  if (!canViewArea(actor, code)) return [];
  const actions: AreaAction[] = ['view'];
  if (hasAnyRole(actor, PERSON_READERS)) actions.push('viewPeople');
  if (canEditTerritory(actor, code)) actions.push('edit');
  if (canAddChildArea(actor, code)) actions.push('addChild');
  return actions;
}
