import { hasAnyRole, type Actor } from './actor.ts';

export type UserAction = 'view' | 'edit' | 'unlock' | 'resetPassword';

export const canManageUsers = (actor: Actor) => hasAnyRole(actor, ['admin']);
export const canReadAudit = (actor: Actor) => hasAnyRole(actor, ['admin']);

export function userAllowedActions(actor: Actor): UserAction[] {
  return canManageUsers(actor) ? ['view', 'edit', 'unlock', 'resetPassword'] : [];
}
