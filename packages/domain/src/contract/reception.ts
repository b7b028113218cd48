// Reception days (接待日) and leaders' cases (领导包案): docs/CASES.md "Reception days".
import { z } from 'zod';
import { CaseSummary } from './cases.ts';

export const ReceptionPhase = z.enum(['upcoming', 'ongoing', 'past']);
export type ReceptionPhase = z.infer<typeof ReceptionPhase>;

/** A reception day as staff see it: `POST /api/reception-days` → 201, `PATCH /api/reception-days/{id}`. */
export const ReceptionDay = z.object({
  id: z.string(),
  areaCode: z.string(),
  areaName: z.string(),
  townName: z.string().nullable(),
  place: z.string(),
  /** YYYY-MM-DD */
  day: z.string(),
  /** HH:MM */
  startTime: z.string(),
  endTime: z.string(),
  leader: z.object({ userId: z.string().nullable(), name: z.string(), title: z.string().nullable() }),
  note: z.string().nullable(),
  phase: ReceptionPhase,
  /** Cases recorded at it. */
  cases: z.number().int(),
  allowedActions: z.array(z.string()),
});
export type ReceptionDay = z.infer<typeof ReceptionDay>;

/** `GET /api/reception-days/{id}`: the day with the cases recorded at it. */
export const ReceptionDayDetail = ReceptionDay.extend({
  caseList: z.array(z.object({ id: z.string(), code: z.string(), title: z.string(), state: z.string() })),
});
export type ReceptionDayDetail = z.infer<typeof ReceptionDayDetail>;

/** `GET /api/reception-days`: the days of the period, and the month's attached villages no day covers yet. */
export const ReceptionList = z.object({
  from: z.string(),
  to: z.string(),
  items: z.array(ReceptionDay),
  /** YYYY-MM of `from`: the month `uncovered` is about. */
  month: z.string(),
  uncovered: z.array(z.object({ leaderUserId: z.string(), leaderName: z.string(), areaCode: z.string(), areaName: z.string() })),
  allowedActions: z.array(z.string()),
});
export type ReceptionList = z.infer<typeof ReceptionList>;

/** A day as residents read it (no account, no leader's account id). */
export const PublishedReceptionDay = z.object({
  id: z.string(),
  areaCode: z.string(),
  areaName: z.string(),
  place: z.string(),
  day: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  leader: z.object({ name: z.string(), title: z.string().nullable() }),
  note: z.string().nullable(),
  phase: ReceptionPhase,
});
export type PublishedReceptionDay = z.infer<typeof PublishedReceptionDay>;

/** `GET /api/reception-days/published?area=` */
export const PublishedReceptionDays = z.object({ area: z.object({ code: z.string(), name: z.string() }), items: z.array(PublishedReceptionDay) });
export type PublishedReceptionDays = z.infer<typeof PublishedReceptionDays>;

/** A leader of the caller's area with the towns and villages they are attached to (包片联系). */
export const ReceptionLeader = z.object({
  id: z.string(),
  name: z.string(),
  scope: z.object({ code: z.string(), name: z.string() }),
  attachments: z.array(z.object({ code: z.string(), name: z.string(), editable: z.boolean() })),
  allowedActions: z.array(z.string()),
});
export type ReceptionLeader = z.infer<typeof ReceptionLeader>;

/** `GET /api/reception-leaders` */
export const ReceptionLeaders = z.object({ items: z.array(ReceptionLeader) });
export type ReceptionLeaders = z.infer<typeof ReceptionLeaders>;

/** A case the caller leads (领导包案). */
export const LeadCase = CaseSummary.extend({ lead: z.string().nullable(), receptionDayId: z.string().nullable() });
export type LeadCase = z.infer<typeof LeadCase>;

/** `GET /api/lead-cases` */
export const LeadCaseList = z.object({
  total: z.number().int(),
  openCount: z.number().int(),
  overdueCount: z.number().int(),
  closedCount: z.number().int(),
  items: z.array(LeadCase),
});
export type LeadCaseList = z.infer<typeof LeadCaseList>;
