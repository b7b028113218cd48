import type { Actor } from './actor.ts';
import { canListPeople, canSeeSensitiveTags, PERSON_EDITORS } from './person.ts';
import { canManageUsers, canReadAudit } from './user.ts';
import { hasAnyRole } from './actor.ts';
import { partyAbilities } from './party.ts';

export * from './actor.ts';
export * from './area.ts';
export * from './person.ts';
export * from './user.ts';

/** Coarse abilities sent to the client so the UI can build its menu without re-implementing rules. */
export function abilitiesOf(actor: Actor): string[] {
  const out = ['areas.read'];
  if (canListPeople(actor)) out.push('people.read');
  if (hasAnyRole(actor, PERSON_EDITORS)) out.push('people.write');
  if (canSeeSensitiveTags(actor)) out.push('people.sensitive');
  if (canManageUsers(actor)) out.push('users.manage');
  if (canReadAudit(actor)) out.push('audit.read');
  out.push(...partyAbilities(actor));
  return out;
}
