import { hasAnyRole, type Actor } from './actor.ts';

/**
 * Hotline (12345) work orders are brought in by the command centres that take hotline calls on
 * (district and town). The administrator manages the system but registers no cases.
 */
export const canImportHotline = (actor: Actor) => hasAnyRole(actor, ['district-dispatcher', 'town-dispatcher']);
