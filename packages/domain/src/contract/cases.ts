// The case (案件) API's answers: API-CONTRACT "Cases" and the console's case screens (docs/CASES.md).
import { z } from 'zod';
import { CASE_ACTIONS, CASE_STATES } from '../cases/workflow.ts';
import { CASE_UNIT_ROLES, UNIT_STATUSES } from '../cases/effects.ts';
import { isoTime, point } from './common.ts';

export const CaseState = z.enum(CASE_STATES);
export const CaseActionName = z.enum(CASE_ACTIONS);
export const CHANNELS = ['qr', 'mobile', 'patrol', 'hotline', 'reception', 'visit', 'mailbox', 'open311', 'console'] as const;
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
