import { hasAnyRole, type Actor } from './actor.ts';

/**
 * Who may verify the tamper-evident history and export and check its daily heads: the audit
 * administrator alone (三员分立), like reading the audit log.
 */
export const canVerifyChains = (actor: Actor) => hasAnyRole(actor, ['auditor']);
