// Who may do what with service orders (点单-派单-接单), the service menu and service teams: pure
// functions over the caller and the order.
import { allowedOrderActions, isWithinScope, type OrderRelation, type OrderState, type Role } from '@gongzhi/domain';
import { makeOrderScope, type OrderRow, type OrderScope } from '../repositories/orders.ts';
import { AREA_STAFF, hasAnyRole, type Actor } from './actor.ts';

/** Community staff who dispatch orders, edit the service menu and manage service teams. */
export const ORDER_MANAGERS: readonly Role[] = ['community-worker', 'party-secretary'];
/** Roles that serve orders themselves (a person flagged as a party member too, and any team member). */
export const ORDER_SERVER_ROLES: readonly Role[] = ['party-member', 'cadre'];
/** Unit accounts never order services for themselves. */
const NON_ORDERING_ROLES: readonly Role[] = ['merchant', 'department-handler', 'property-manager'];

/** The caller with the facts the order rules need (worked out by the service). */
export interface OrderViewer {
  actor: Actor;
  /** Teams the caller is a member of. */
  teamIds: string[];
}

export const isOrderManager = (a: Actor) => hasAnyRole(a, ORDER_MANAGERS);
/** Manages the menu, teams and orders of this community. */
export const managesCommunity = (a: Actor, community: string) => isOrderManager(a) && isWithinScope(community, a.scopeCode);
export const mayOrder = (a: Actor) => !hasAnyRole(a, NON_ORDERING_ROLES);

export function orderScopeOf(v: OrderViewer): OrderScope {
  return makeOrderScope({ areas: hasAnyRole(v.actor, AREA_STAFF) ? [v.actor.scopeCode] : [], userId: v.actor.id, teamIds: v.teamIds });
}

/** Staff in scope and the orderer see the orderer's name in full; the member sent sees it masked. */
export const seesOrdererDetails = (v: OrderViewer, o: Pick<OrderRow, 'areaCode' | 'ordererUserId'>) =>
  o.ordererUserId === v.actor.id || (hasAnyRole(v.actor, AREA_STAFF) && isWithinScope(o.areaCode, v.actor.scopeCode));

export function orderRelations(v: OrderViewer, o: OrderRow): Set<OrderRelation> {
  const rel = new Set<OrderRelation>();
  const a = v.actor;
  if (o.ordererUserId === a.id) rel.add('orderer');
  if (isOrderManager(a) && isWithinScope(o.areaCode, a.scopeCode)) rel.add('manager');
  if (o.assigneeUserId === a.id || (o.assigneeTeamId && v.teamIds.includes(o.assigneeTeamId))) rel.add('assignee');
  if (o.takenByUserId === a.id) rel.add('taker');
  return rel;
}

export const orderAllowedActions = (v: OrderViewer, o: OrderRow) => allowedOrderActions(o.state as OrderState, orderRelations(v, o));

/** Whether an account may be sent orders directly: a party member or cadre (by role or registry flag), or a team member. */
export const canServe = (u: { roles: readonly string[]; partyMember: boolean | null }, inTeam: boolean) =>
  inTeam || !!u.partyMember || u.roles.some((r) => (ORDER_SERVER_ROLES as readonly string[]).includes(r));
