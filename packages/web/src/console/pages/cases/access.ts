import type { Channel } from '../../../api/cases.ts';
import type { Me } from '../../../api/types.ts';

// `/api/auth/me` carries no case abilities yet (see the report in docs): the entries below are
// read from the caller's unit and scope, and the server still decides every request.

/** Channels the caller can record in the console entry form (登记案件). */
export function registerChannels(me: Me): Channel[] {
  const unit = me.unit?.type;
  if (unit === 'district-centre' || unit === 'town-centre' || (unit === 'community-office' && me.scope.level === 'village')) {
    return ['hotline', 'reception', 'visit', 'mailbox', 'console'];
  }
  if (unit === 'community-office' && (me.scope.level === 'grid' || me.scope.level === 'building')) return ['patrol', 'visit'];
  return [];
}

/** System administration screens (catalogue editing, Open311 keys) go with account management. */
export const isSystemAdmin = (me: Me) => me.abilities.includes('users.manage');

/** QR sheets are printed per village by staff who can see it. */
export const printsQr = (me: Me) => me.abilities.includes('people.read') && ['district', 'town', 'village'].includes(me.scope.level);
