import { hasAnyRole, type Actor } from './actor.ts';

/**
 * Who may verify the tamper-evident history and export its daily heads: the audit
 * administrator (三员分立). Until that role exists, the system administrator.
 */
export const canVerifyChains = (actor: Actor) => hasAnyRole(actor, ['admin']);
