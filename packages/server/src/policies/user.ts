import { SEPARATED_DUTIES, type Role } from '@gongzhi/domain';
import { hasAnyRole, type Actor } from './actor.ts';

export type UserAction = 'view' | 'edit' | 'unlock' | 'resetPassword' | 'endSessions';

// 三员分立: the system administrator manages accounts (who exists, which role and area); the
// security administrator handles their credentials and sessions (unlock, password reset, ending
// sessions) and grants the separated-duty roles; the audit administrator alone reads and exports the
// audit log, which nobody can change.

/** Creates, edits and deactivates accounts. */
export const canManageUsers = (actor: Actor) => hasAnyRole(actor, ['admin']);
/** Unlocks accounts, resets passwords, ends sessions. */
export const canManageCredentials = (actor: Actor) => hasAnyRole(actor, ['security']);
/** Reads and exports the audit log. */
export const canReadAudit = (actor: Actor) => hasAnyRole(actor, ['auditor']);
/** Sees the account list (either side of the account administration). */
export const canListUsers = (actor: Actor) => canManageUsers(actor) || canManageCredentials(actor);

/**
 * Whether the actor may give or take these roles, or edit an account that holds them: the separated
 * duties are granted by the security administrator only, so the system administrator can neither make
 * himself an auditor nor change the auditor's or security administrator's account.
 */
export function canAssignRoles(actor: Actor, roles: readonly Role[]): boolean {
  const separated = roles.filter((r) => r !== 'admin' && SEPARATED_DUTIES.includes(r));
  if (separated.length === 0) return canManageUsers(actor);
  return canManageCredentials(actor);
}

export function userAllowedActions(actor: Actor, target?: { roles: readonly string[]; id: string }): UserAction[] {
  const out: UserAction[] = [];
  const targetRoles = (target?.roles ?? []) as Role[];
  if (canManageUsers(actor) && canAssignRoles(actor, targetRoles)) out.push('view', 'edit');
  if (canManageCredentials(actor)) {
    if (!out.includes('view')) out.push('view');
    // The security administrator edits the accounts of the separated duties (their roles and area).
    if (!out.includes('edit') && targetRoles.some((r) => r === 'security' || r === 'auditor')) out.push('edit');
    out.push('unlock', 'resetPassword');
    if (target?.id !== actor.id) out.push('endSessions');
  }
  return out;
}
