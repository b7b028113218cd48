// The case (案件) API's answers: API-CONTRACT "Cases" and the console's case screens (docs/CASES.md).
import { z } from 'zod';
import { CASE_ACTIONS, CASE_STATES, CHANNELS } from '../cases/workflow.ts';
import { CASE_UNIT_ROLES, UNIT_STATUSES } from '../cases/effects.ts';
import { isoTime, point } from './common.ts';
import { areaCodeInput as areaCode, isoDay, paging, queryFlag, text } from './input.ts';

export const CaseState = z.enum(CASE_STATES);
export const CaseActionName = z.enum(CASE_ACTIONS);
export const Channel = z.enum(CHANNELS);
export const Rating = z.enum(['satisfied', 'basically-satisfied', 'unsatisfied']);
export const OwnerLevel = z.enum(['village', 'town', 'district']);

/** The list view of a case. */
export const CaseSummary = z.object({
  id: z.string(),
  code: z.string(),
  state: CaseState,
  stateLabel: z.string(),
  title: z.string(),
  categoryCode: z.string(),
  categoryName: z.string().nullable(),
  areaCode: z.string(),
  areaName: z.string().nullable(),
  /** 状元街居委会 第一网格: the place as a person reads it. */
  place: z.string().nullable().optional(),
  channel: Channel,
  ownerLevel: OwnerLevel,
  urgent: z.boolean(),
  deadline: isoTime.nullable(),
  stepDeadline: isoTime.nullable(),
  overdue: z.boolean(),
  warning: z.boolean(),
  rating: Rating.nullable(),
  reworkCount: z.number().int(),
  createdAt: isoTime,
  /** Duplicate group: its primary's id, and how many members the caller sees. */
  groupId: z.string().nullable().optional(),
  groupSize: z.number().int().nullable().optional(),
});

export const FileRef = z.object({ id: z.string(), name: z.string(), mime: z.string().optional(), size: z.number().optional(), url: z.string() });

export const TimelineEntry = z.object({
  action: z.string(),
  actionLabel: z.string(),
  fromState: CaseState.nullable(),
  toState: CaseState.nullable(),
  actor: z.string().nullable(),
  actorUnit: z.string().nullable(),
  at: isoTime,
  note: z.string().optional(),
  attachments: z.array(FileRef),
  detail: z.record(z.string(), z.unknown()).optional(),
});

export const CaseUnitRow = z.object({ id: z.string(), name: z.string(), role: z.enum(CASE_UNIT_ROLES), status: z.enum(UNIT_STATUSES), note: z.string().nullable() });

export const STEPS_5321 = ['learn', 'plan', 'reply'] as const;
export const Step5321 = z.enum(STEPS_5321);
export const Tier5321 = z.enum(['general', 'larger', 'complex']);
export const Status5321 = z.enum(['done', 'late', 'overdue', 'running', 'waiting']);
export const Response5321View = z.object({
  startedAt: isoTime,
  steps: z.array(z.object({ step: Step5321, dueAt: isoTime, doneAt: isoTime.nullable() })),
  tier: Tier5321.nullable(),
  tierBy: z.enum(['handler', 'centre']).nullable(),
  resolveDueAt: isoTime.nullable(),
  status: z.object({ learn: Status5321, plan: Status5321, reply: Status5321, resolve: Status5321 }),
  allowedActions: z.array(z.enum(['step', 'tier'])),
});

export const CaseDetail = CaseSummary.extend({
  description: z.string(),
  address: z.string().nullable(),
  location: point.nullable(),
  /** Where the on-site check was passed (staff only). */
  verifyLocation: point.nullable().optional(),
  /** 领导包案: the leader who took it at a reception day (接待日). */
  lead: z.object({ name: z.string(), userId: z.string().nullable(), receptionDayId: z.string().nullable() }).nullable().optional(),
  public: z.boolean(),
  ownerArea: z.object({ code: z.string(), name: z.string() }),
  villageName: z.string().nullable(),
  townName: z.string().nullable(),
  handlerUnit: z.object({ id: z.string(), name: z.string() }).optional(),
  units: z.array(CaseUnitRow).optional(),
  reporter: z.object({ name: z.string().nullable(), phone: z.string().nullable(), anonymous: z.boolean() }).optional(),
  pendingExtension: z.object({ workingDays: z.number().int(), reason: z.string(), requestedBy: z.string().nullable(), requestedAt: isoTime }).nullable(),
  answer: z.string().nullable(),
  /** Merged (the reporter's view): the case it was merged into, whose progress and answer are this report's. */
  followed: z
    .object({
      code: z.string(),
      state: CaseState,
      stateLabel: z.string(),
      answer: z.string().nullable(),
      closedAt: isoTime.nullable(),
      timeline: z.array(z.object({ action: z.string(), actionLabel: z.string(), toState: CaseState.nullable().optional(), actor: z.string().nullable().optional(), at: isoTime, note: z.string().optional() })),
    })
    .optional(),
  ratingComment: z.string().nullable(),
  /** `reporter` (their own) or `visit` (recorded by staff on a return visit, 回访). */
  ratedBy: z.enum(['reporter', 'visit']).nullable().optional(),
  ratedAt: isoTime.nullable().optional(),
  mergedIntoId: z.string().nullable(),
  closedAt: isoTime.nullable(),
  attachments: z.array(FileRef),
  timeline: z.array(TimelineEntry),
  allowedActions: z.array(CaseActionName),
  /** 5321 on property cases (staff only). */
  response5321: Response5321View.optional(),
});

export const SimilarCase = z.object({ id: z.string(), code: z.string(), title: z.string(), state: CaseState, createdAt: isoTime, score: z.number() });

/** `POST /api/cases` → 201: the case, its possible duplicates, and (reported without an account) the query code. */
export const CreatedCase = CaseDetail.extend({
  duplicates: z.array(SimilarCase),
  /** The reporter's secret for tracking, rating and withdrawing (cases reported without an account). */
  queryCode: z.string().optional(),
});

export const CaseList = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  counts: z.partialRecord(CaseState, z.number()),
  overdueCount: z.number(),
  /** Warned, not yet overdue (即将超期). */
  dueSoonCount: z.number(),
  items: z.array(CaseSummary),
});

export const SimilarCases = z.object({ items: z.array(SimilarCase) });

/** A duplicate group (GET /api/cases/{id}/group). */
export const CaseGroup = z.object({
  groupId: z.string().nullable(),
  primaryId: z.string().nullable(),
  members: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      title: z.string(),
      description: z.string(),
      address: z.string().nullable(),
      state: CaseState,
      stateLabel: z.string(),
      role: z.enum(['primary', 'candidate', 'merged']),
      createdAt: isoTime,
      allowedActions: z.array(z.string()),
    }),
  ),
  allowedActions: z.array(z.string()),
});

export const NotificationItem = z.object({
  id: z.number().int(),
  caseId: z.string().nullable(),
  caseCode: z.string().nullable(),
  kind: z.string(),
  title: z.string(),
  createdAt: isoTime,
  readAt: isoTime.nullable(),
});
export const Notifications = z.object({ unread: z.number().int(), items: z.array(NotificationItem) });
export const UnreadCount = z.object({ unread: z.number().int() });

// ---- requests (the server validates with these; the web's request types are their z.input) ----

/** Coordinate systems a point may arrive in; the server stores WGS84. */
export const Crs = z.enum(['wgs84', 'gcj02', 'bd09']);
/** A point as a phone or map gives it (the report's place, the verifier's position). */
export const LocationInput = z.object({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  crs: Crs.optional(),
});
export const FileIds = z.array(z.uuid({ message: '应为附件 ID' })).max(9, '最多 9 个附件');

/** `POST /api/cases` */
export const CaseCreateBody = z.object({
  title: text(100),
  description: text(2000),
  categoryCode: z.string().trim().min(1).max(16),
  channel: Channel,
  areaCode: areaCode.optional(),
  location: LocationInput.optional(),
  address: text(200).optional(),
  reporter: z.object({ name: text(40).optional(), phone: z.string().trim().max(20).optional() }).optional(),
  public: z.boolean().optional(),
  attachments: FileIds.optional(),
  urgent: z.boolean().optional(),
  onSpot: z.object({ note: text(1000), attachments: FileIds.optional() }).optional(),
});

/** `POST /api/cases/{id}/actions/{action}`: each action reads the fields it needs. */
export const CaseActionBody = z
  .object({
    reason: text(1000).optional(),
    note: text(2000).optional(),
    unitId: z.uuid({ message: '应为单位 ID' }).optional(),
    assistUnitIds: z.array(z.uuid()).max(10).optional(),
    workingDays: z.number().int('应为整数').min(1).max(30).optional(),
    attachments: FileIds.optional(),
    score: Rating.optional(),
    comment: text(500).optional(),
    intoCaseId: z.uuid({ message: '应为案件 ID' }).optional(),
    /** verify-pass: where the verifier stands. */
    location: LocationInput.optional(),
  })
  .default({});

/** `GET /api/cases` */
export const CaseListQuery = z.object({
  state: z
    .string()
    .max(200)
    .refine((s) => s.split(',').every((x) => !x || (CASE_STATES as readonly string[]).includes(x)), '未知的案件状态')
    .optional(),
  area: areaCode.optional(),
  category: z.string().max(16).optional(),
  channel: Channel.optional(),
  overdue: queryFlag.optional(),
  dueSoon: queryFlag.optional(),
  /** Marked 急难险重. */
  urgent: queryFlag.optional(),
  from: isoDay.optional(),
  to: isoDay.optional(),
  q: z.string().trim().max(60).optional(),
  /** With `q`: best match first (default) or newest first. */
  sort: z.enum(['relevance', 'newest']).optional(),
  box: z.enum(['mine', 'revisit', 'all']).optional(),
  ...paging,
});

/** `POST /api/cases/{id}/group/merge` */
export const CaseGroupMergeBody = z.object({ note: text(500).optional() }).default({});

/** The reporter's query code, given at submission. */
const queryCode = z.string().trim().min(4, '应为 6 位查询码').max(12, '应为 6 位查询码').regex(/^[A-Za-z0-9 -]+$/, '应为 6 位查询码（字母和数字）');
/** `GET /api/track/{code}` */
export const TrackQuery = z.object({ queryCode: queryCode.optional() });
/** `POST /api/track/{code}/rate` */
export const TrackRateBody = z.object({ queryCode: queryCode.optional(), score: Rating, comment: text(500).optional() });
/** `POST /api/track/{code}/withdraw` */
export const TrackWithdrawBody = z.object({ queryCode: queryCode.optional(), reason: text(500) });
/** `GET /api/notifications` */
export const NotificationsQuery = z.object({ unread: z.enum(['true', 'false']).optional() });
/** `POST /api/notifications/read` */
export const NotificationsReadBody = z.object({ ids: z.union([z.array(z.number().int().positive()).max(200), z.literal('all')]) });

export type CaseState = z.infer<typeof CaseState>;
export type Channel = z.infer<typeof Channel>;
export type Rating = z.infer<typeof Rating>;
export type OwnerLevel = z.infer<typeof OwnerLevel>;
export type CaseSummary = z.infer<typeof CaseSummary>;
export type FileRefView = z.infer<typeof FileRef>;
export type TimelineEntry = z.infer<typeof TimelineEntry>;
export type CaseUnitRow = z.infer<typeof CaseUnitRow>;
export type Step5321 = z.infer<typeof Step5321>;
export type Tier5321 = z.infer<typeof Tier5321>;
export type Status5321 = z.infer<typeof Status5321>;
export type Response5321View = z.infer<typeof Response5321View>;
export type CaseDetail = z.infer<typeof CaseDetail>;
export type SimilarCase = z.infer<typeof SimilarCase>;
export type SimilarCases = z.infer<typeof SimilarCases>;
export type CreatedCase = z.infer<typeof CreatedCase>;
export type CaseList = z.infer<typeof CaseList>;
export type CaseGroup = z.infer<typeof CaseGroup>;
export type NotificationItem = z.infer<typeof NotificationItem>;
export type UnreadCount = z.infer<typeof UnreadCount>;
