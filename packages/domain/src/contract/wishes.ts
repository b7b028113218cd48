// Micro-wishes (微心愿): API-CONTRACT "Micro-wishes" and docs/WISHES.md.
import { z } from 'zod';
import { WISH_ACTIONS, WISH_STATES } from '../wishes/workflow.ts';
import { FileRef } from './cases.ts';
import { isoTime } from './common.ts';
import { areaCodeInput as areaCode, paging, text } from './input.ts';

export const WishState = z.enum(WISH_STATES);
export const WishAction = z.enum(WISH_ACTIONS);

/** A wish on the public wish wall (心愿墙): the wisher masked (张*). */
export const WallItem = z.object({
  id: z.string(),
  state: WishState,
  stateLabel: z.string(),
  title: z.string(),
  description: z.string(),
  wisher: z.object({ name: z.string() }),
  community: z.object({ code: z.string(), name: z.string() }),
  claimedBy: z.object({ name: z.string(), unit: z.string().nullable() }).nullable(),
  createdAt: isoTime,
  claimedAt: isoTime.nullable(),
  fulfilledAt: isoTime.nullable(),
});

/** A wish of `GET /api/wishes`. */
export const Wish = WallItem.extend({
  area: z.object({ code: z.string(), name: z.string() }),
  mine: z.boolean(),
  onBehalf: z.boolean(),
  confirmedAt: isoTime.nullable(),
  updatedAt: isoTime,
  allowedActions: z.array(WishAction),
});

export const WishTimelineEntry = z.object({
  action: z.string(),
  actionLabel: z.string(),
  fromState: z.string().nullable(),
  toState: z.string(),
  actor: z.string(),
  actorUnit: z.string().nullable().optional(),
  at: isoTime,
  note: z.string().optional(),
  /** Points the confirmation posted for the fulfiller. */
  points: z.number().nullable().optional(),
  attachments: z.array(z.object({ id: z.string(), name: z.string(), url: z.string() })),
});

/** `GET /api/wishes/{id}` and the answer of an action: the wish with its timeline and `allowedActions`. */
export const WishDetail = Wish.extend({
  fulfilNote: z.string().nullable(),
  closeReason: z.string().nullable(),
  reviewedAt: isoTime.nullable(),
  attachments: z.array(FileRef),
  timeline: z.array(WishTimelineEntry),
});

const WISH_EXAMPLE = {
  id: 'e4f5a6b7-c8d9-4e0f-a1b2-c3d4e5f6a7b8',
  state: 'published',
  stateLabel: '待认领',
  title: '想要一台助听器',
  description: '老伴听力下降，想请人帮忙配一台助听器。',
  wisher: { name: '周桂英' },
  community: { code: '320614103001', name: '状元街居委会' },
  claimedBy: null,
  createdAt: '2026-11-20T10:00:00+08:00',
  claimedAt: null,
  fulfilledAt: null,
  area: { code: '320614103001001', name: '第一网格' },
  mine: false,
  onBehalf: false,
  confirmedAt: null,
  updatedAt: '2026-11-21T09:00:00+08:00',
  allowedActions: ['claim'],
  fulfilNote: null,
  closeReason: null,
  reviewedAt: '2026-11-21T09:00:00+08:00',
  attachments: [],
  timeline: [
    { action: 'submit', actionLabel: '提交心愿', fromState: null, toState: 'submitted', actor: '周桂英', actorUnit: null, at: '2026-11-20T10:00:00+08:00', points: null, attachments: [] },
    { action: 'approve', actionLabel: '审核发布', fromState: 'submitted', toState: 'published', actor: '陈书记', actorUnit: null, at: '2026-11-21T09:00:00+08:00', points: null, attachments: [] },
  ],
} satisfies z.infer<typeof WishDetail>;

export const WishDetailAnswer = WishDetail.meta({ example: WISH_EXAMPLE });

export const WishList = z
  .object({ total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), items: z.array(Wish) })
  .meta({ example: { total: 1, page: 1, pageSize: 20, items: [(({ fulfilNote: _f, closeReason: _c, reviewedAt: _r, attachments: _a, timeline: _t, ...w }) => w)(WISH_EXAMPLE)] } });

/** `POST /api/wishes` → 201. */
export const WishCreated = z.object({ id: z.string(), state: WishState }).meta({ example: { id: 'e4f5a6b7-c8d9-4e0f-a1b2-c3d4e5f6a7b8', state: 'submitted' } });

/** `GET /api/wishes/wall` (no login). */
export const WishWall = z.object({ area: z.object({ code: z.string(), name: z.string() }), total: z.number().int(), items: z.array(WallItem) });

export type WishState = z.infer<typeof WishState>;
export type WishAction = z.infer<typeof WishAction>;
export type WallItem = z.infer<typeof WallItem>;
export type Wish = z.infer<typeof Wish>;
export type WishTimelineEntry = z.infer<typeof WishTimelineEntry>;
export type WishDetail = z.infer<typeof WishDetail>;
export type WishList = z.infer<typeof WishList>;
export type WishCreated = z.infer<typeof WishCreated>;
export type WishWall = z.infer<typeof WishWall>;

// ---- requests (the server validates with these; the web's request types are their z.input) ----

/** `POST /api/wishes` */
export const WishCreateBody = z.object({
  title: text(60),
  description: text(1000),
  forPersonId: z.uuid({ message: '应为居民 ID' }).optional(),
});

/** `POST /api/wishes/{id}/actions/{action}` */
export const WishActionBody = z
  .object({
    reason: text(500).optional(),
    note: text(1000).optional(),
    attachments: z.array(z.uuid({ message: '应为附件 ID' })).max(9, '最多 9 张照片').optional(),
  })
  .default({});

/** `GET /api/wishes` */
export const WishListQuery = z.object({
  state: z
    .string()
    .max(120)
    .refine((s) => s.split(',').every((x) => !x || (WISH_STATES as readonly string[]).includes(x)), '未知的微心愿状态')
    .optional(),
  area: areaCode.optional(),
  relation: z.enum(['mine', 'claimed'], { message: 'relation 应为 mine 或 claimed' }).optional(),
  ...paging,
});

/** `GET /api/wishes/wall` */
export const WishWallQuery = z.object({ area: areaCode });
