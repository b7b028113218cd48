// Service orders (点单-派单-接单-评单), the community's service menu and its service teams: docs/PARTICIPATION.md.
import { z } from 'zod';
import { ORDER_ACTIONS, ORDER_RATINGS, ORDER_STATES } from '../orders/workflow.ts';
import { FileRef } from './cases.ts';
import { isoTime, pageOf } from './common.ts';
import { areaCodeInput, optionalText, paging, text } from './input.ts';
import { isAreaCode } from '../codes.ts';
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

// ---- requests (the server validates with these; the web's request types are their z.input) ----

const community = z.string().regex(/^\d{12}$/, '应为村（社区）的 12 位区划代码');
// Reads take any area in the caller's scope: a grid stands for its community, a town or the district for its first one.
const anyArea = z.string().refine(isAreaCode, '应为区划代码（区县 6 位至单元 20 位）');
/** `GET /api/service-menu`, `/api/service-teams`, `/api/service-teams/servers` */
export const OrderAreaQuery = z.object({ area: anyArea.optional() });

/** `POST /api/orders` */
export const OrderCreateBody = z.object({
  menuItemId: z.uuid({ message: '应为服务项目 ID' }),
  note: optionalText(500).optional(),
  preferredTime: optionalText(60).optional(),
  address: optionalText(200).optional(),
});

/** `POST /api/orders/{id}/actions/{action}` */
export const OrderActionBody = z
  .object({
    memberUserId: z.uuid({ message: '应为党员账号 ID' }).optional(),
    teamId: z.uuid({ message: '应为服务队 ID' }).optional(),
    reason: text(500).optional(),
    note: text(1000).optional(),
    score: z.enum(ORDER_RATINGS, { message: '评价应为 satisfied、basically-satisfied 或 unsatisfied' }).optional(),
    comment: optionalText(500).optional(),
    attachments: z.array(z.uuid({ message: '应为附件 ID' })).max(9, '最多 9 张照片').optional(),
  })
  .default({});

/** `GET /api/orders` */
export const OrderListQuery = z.object({
  state: z
    .string()
    .max(120)
    .refine((s) => s.split(',').every((x) => !x || (ORDER_STATES as readonly string[]).includes(x)), '未知的服务单状态')
    .optional(),
  area: areaCodeInput.optional(),
  relation: z.enum(['mine', 'assigned'], { message: 'relation 应为 mine 或 assigned' }).optional(),
  ...paging,
});

/** `POST /api/service-menu` */
export const MenuItemBody = z.object({
  area: community.optional(),
  name: text(40),
  category: text(20),
  description: optionalText(200).optional(),
  defaultTeamId: z.uuid({ message: '应为服务队 ID' }).nullable().optional(),
  active: z.boolean().optional(),
  sort: z.number().int().min(0).max(10000).optional(),
});
/** `PATCH /api/service-menu/{id}` (`active: false` retires the item) */
export const MenuItemPatchBody = MenuItemBody.partial().omit({ area: true });

/** `POST /api/service-teams` */
export const ServiceTeamBody = z.object({ area: community.optional(), name: text(40), description: optionalText(200).optional() });
/** `POST /api/service-teams/{id}/members` */
export const TeamMemberBody = z.object({ username: text(64), leader: z.boolean().optional() });
