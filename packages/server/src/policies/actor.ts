import type { AreaLevel, PasswordChangeReason, Role } from '@gongzhi/domain';

/** The authenticated caller, as every service and repository sees it. */
export interface Actor {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  scopeCode: string;
  scopeName: string;
  scopeLevel: AreaLevel;
  unitId: string | null;
  personId: string | null;
  /** Set when the password must be changed first (after a reset, or when it is too old). */
  passwordChange?: PasswordChangeReason | null;
}

/** Where a request came from, for the audit log. */
export interface RequestContext {
  ip: string | null;
  userAgent: string | null;
}

/**
 * Staff who work inside an area scope and read what lies in it (registry, cases, points):
 * administrators, command centres, leaders, community and grid workers, building leaders and
 * party secretaries. Departments, residents, members and merchants are not among them.
 */
export const AREA_STAFF: readonly Role[] = [
  'admin',
  'district-dispatcher',
  'leader',
  'town-dispatcher',
  'community-worker',
  'grid-worker',
  'building-leader',
  'party-secretary',
];

export const hasAnyRole = (actor: Actor, roles: readonly Role[]) => actor.roles.some((r) => roles.includes(r));
