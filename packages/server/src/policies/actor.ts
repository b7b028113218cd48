import type { AreaLevel, Role } from '@gongzhi/domain';

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
}

/** Where a request came from, for the audit log. */
export interface RequestContext {
  ip: string | null;
  userAgent: string | null;
}

export const hasAnyRole = (actor: Actor, roles: readonly Role[]) => actor.roles.some((r) => roles.includes(r));
