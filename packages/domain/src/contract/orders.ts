// Service orders (点单-派单-接单-评单), the community's service menu and its service teams: docs/PARTICIPATION.md.
import { z } from 'zod';
import { ORDER_ACTIONS, ORDER_RATINGS, ORDER_STATES } from '../orders/workflow.ts';
import { FileRef } from './cases.ts';
import { isoTime, pageOf } from './common.ts';
import { WishTimelineEntry } from './wishes.ts';

export const OrderState = z.enum(ORDER_STATES);
export const OrderAction = z.enum(ORDER_ACTIONS);
export const OrderRating = z.enum(ORDER_RATINGS);
const areaRef = z.object({ code: z.string(), name: z.string() });

/** A service order in a list. */
export const Order = z.object({
  id: z.string(),
  state: OrderState,
  stateLabel: z.string(),
  service: z.object({ id: z.string(), name: z.string(), category: z.string() }),
  note: z.string(),
  preferredTime: z.string().nullable(),
  address: z.string(),
  area: areaRef,
  community: areaRef,
  /** Masked (张*) for whoever may not see the orderer's details. */
  orderer: z.object({ name: z.string() }),
  mine: z.boolean(),
  assignee: z.object({ kind: z.enum(['member', 'team']), id: z.string(), name: z.string() }).nullable(),
  takenBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  completeNote: z.string().nullable(),
  rating: OrderRating.nullable(),
  ratingLabel: z.string().nullable(),
  ratingComment: z.string().nullable(),
  closeReason: z.string().nullable(),
  createdAt: isoTime,
  dispatchedAt: isoTime.nullable(),
  takenAt: isoTime.nullable(),
  completedAt: isoTime.nullable(),
  ratedAt: isoTime.nullable(),
  updatedAt: isoTime,
  allowedActions: z.array(OrderAction),
});

/** `GET /api/orders/{id}` and the answer of an action. */
export const OrderDetail = Order.extend({
  /** Points the service posted for whoever served. */
  points: z.number().int().nullable(),
  attachments: z.array(FileRef),
  timeline: z.array(WishTimelineEntry),
});

/** `GET /api/orders`: a page and the count in each state. */
export const OrderList = pageOf(Order).extend({ counts: z.partialRecord(OrderState, z.number().int()) });

/** `POST /api/orders` → 201. */
export const OrderCreated = z.object({ id: z.string(), state: OrderState });

export const MenuItem = z.object({
  id: z.string(),
  name: z.string(),
  category: z.string(),
  description: z.string(),
  active: z.boolean(),
  sort: z.number().int(),
  /** In `GET /api/service-menu` only. */
  defaultTeam: z.object({ id: z.string(), name: z.string() }).nullable().optional(),
});

/** `GET /api/service-menu` */
export const ServiceMenu = z.object({ area: areaRef, canEdit: z.boolean(), items: z.array(MenuItem) });

export const TeamMember = z.object({
  userId: z.string(),
  /** Only for the community's managers. */
  username: z.string().nullable(),
  name: z.string(),
  leader: z.boolean(),
});
export const ServiceTeam = z.object({
  id: z.string(),
  /** The standard teams' code; null for a team the community made. */
  code: z.string().nullable(),
  name: z.string(),
  description: z.string(),
  standard: z.boolean(),
  active: z.boolean(),
  members: z.array(TeamMember),
});

/** `GET /api/service-teams` */
export const ServiceTeams = z.object({ area: areaRef, canEdit: z.boolean(), items: z.array(ServiceTeam) });

/** `GET /api/service-teams/servers`: who may be sent an order. */
export const OrderServers = z.object({ area: areaRef, items: z.array(z.object({ userId: z.string(), username: z.string(), name: z.string(), teams: z.array(z.string()) })) });

export type OrderState = z.infer<typeof OrderState>;
export type OrderAction = z.infer<typeof OrderAction>;
export type OrderRating = z.infer<typeof OrderRating>;
export type Order = z.infer<typeof Order>;
export type OrderDetail = z.infer<typeof OrderDetail>;
export type OrderList = z.infer<typeof OrderList>;
export type OrderCreated = z.infer<typeof OrderCreated>;
export type MenuItem = z.infer<typeof MenuItem>;
export type ServiceMenu = z.infer<typeof ServiceMenu>;
export type TeamMember = z.infer<typeof TeamMember>;
export type ServiceTeam = z.infer<typeof ServiceTeam>;
export type ServiceTeams = z.infer<typeof ServiceTeams>;
export type OrderServers = z.infer<typeof OrderServers>;
