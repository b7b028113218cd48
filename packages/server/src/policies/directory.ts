import { isWithinScope, type Role } from '@gongzhi/domain';
import { AREA_STAFF, hasAnyRole, type Actor } from './actor.ts';

/**
 * Places and organisations of the registry (人、地、物、事、组织), one rule for both:
 * area staff read what lies in their scope; community and grid workers, who collect it door to door
 * ("一次采集", `004`), create, edit and retire it in their scope; the district (its command centre and the
 * administrator) keeps the whitelist of social organisations admitted to village work (`000`).
 */
export type DirectoryAction = 'view' | 'edit' | 'retire' | 'whitelist';

export const DIRECTORY_READERS: readonly Role[] = AREA_STAFF;
export const DIRECTORY_EDITORS: readonly Role[] = ['community-worker', 'grid-worker'];
export const WHITELIST_KEEPERS: readonly Role[] = ['admin', 'district-dispatcher'];

export const canReadDirectory = (actor: Actor) => hasAnyRole(actor, DIRECTORY_READERS);
export const canEditDirectory = (actor: Actor) => hasAnyRole(actor, DIRECTORY_EDITORS);
export const canEditDirectoryIn = (actor: Actor, areaCode: string) => canEditDirectory(actor) && isWithinScope(areaCode, actor.scopeCode);
export const canKeepWhitelist = (actor: Actor) => hasAnyRole(actor, WHITELIST_KEEPERS);

export function directoryAllowedActions(actor: Actor, row: { areaCode: string; retiredAt: Date | null; kind: string }): DirectoryAction[] {
  if (!canReadDirectory(actor) || !isWithinScope(row.areaCode, actor.scopeCode)) return [];
  const out: DirectoryAction[] = ['view'];
  if (!row.retiredAt && canEditDirectory(actor)) out.push('edit', 'retire');
  if (!row.retiredAt && row.kind === 'social-org' && canKeepWhitelist(actor)) out.push('whitelist');
  return out;
}

/** Menu abilities for the console. */
export function directoryAbilities(actor: Actor): string[] {
  const out: string[] = [];
  if (canReadDirectory(actor)) out.push('places.read');
  if (canEditDirectory(actor)) out.push('places.write');
  if (canKeepWhitelist(actor)) out.push('organisations.whitelist');
  return out;
}
