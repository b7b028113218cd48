// Activities (活动) and volunteers (志愿者): docs/ACTIVITIES.md. The answers of routes/activities.ts.
import { z } from 'zod';
import { ACTIVITY_AUDIENCES, ACTIVITY_KINDS, ACTIVITY_STATES, POINTS_MODES, VOLUNTEER_TEAM_KINDS } from '../activities/index.ts';
import { isoTime, itemsOf, pageOf } from './common.ts';

/** What the caller may do with an activity (`allowedActions`). */
export const ACTIVITY_VIEW_ACTIONS = ['sign-up', 'cancel', 'check-in', 'check-out', 'attendance', 'code', 'mark', 'cancel-activity', 'confirm'] as const;
export type ActivityViewAction = (typeof ACTIVITY_VIEW_ACTIONS)[number];
export const ATTENDANCE_STATES = ['signed-up', 'cancelled'] as const;
export const ATTENDANCE_OUTCOMES = ['present', 'absent'] as const;
export type AttendanceState = (typeof ATTENDANCE_STATES)[number];
export type AttendanceOutcome = (typeof ATTENDANCE_OUTCOMES)[number];

const areaRef = z.object({ code: z.string(), name: z.string() });
const outcome = z.enum(ATTENDANCE_OUTCOMES);

export const Activity = z.object({
  id: z.string(),
  kind: z.enum(ACTIVITY_KINDS),
  kindLabel: z.string(),
  title: z.string(),
  description: z.string(),
  areaCode: z.string(),
  area: areaRef,
  place: z.string(),
  startsAt: isoTime,
  endsAt: isoTime,
  capacity: z.number().int().nullable(),
  signedUp: z.number().int(),
  checkedIn: z.number().int(),
  /** Once the list is confirmed: who came, and the no-shows (未到). */
  present: z.number().int(),
  absent: z.number().int(),
  audience: z.enum(ACTIVITY_AUDIENCES),
  audienceLabel: z.string(),
  pointsMode: z.enum(POINTS_MODES),
  pointsModeLabel: z.string(),
  points: z.number().int(),
  ruleCode: z.string().nullable(),
  /** The rule the activity cites (and its points rule's). */
  basis: z.string(),
  team: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** The 赋能清单 offer a 直通车 activity brings. */
  offer: z.object({ id: z.string(), title: z.string(), unitName: z.string() }).nullable(),
  state: z.enum(ACTIVITY_STATES),
  stateLabel: z.string(),
  confirmedAt: isoTime.nullable(),
  cancelledAt: isoTime.nullable(),
  cancelReason: z.string().nullable(),
  /** The caller's own sign-up, if any. */
  mine: z
    .object({
      state: z.enum(ATTENDANCE_STATES),
      checkInAt: isoTime.nullable(),
      checkOutAt: isoTime.nullable(),
      outcome: outcome.nullable(),
      minutes: z.number().int().nullable(),
      points: z.number().int().nullable(),
    })
    .nullable(),
  allowedActions: z.array(z.enum(ACTIVITY_VIEW_ACTIONS)),
});
export type Activity = z.infer<typeof Activity>;

export const ActivityList = pageOf(Activity);
export type ActivityList = z.infer<typeof ActivityList>;

export const AttendanceItem = z.object({
  id: z.string(),
  name: z.string(),
  state: z.enum(ATTENDANCE_STATES),
  signedUpAt: isoTime,
  checkInAt: isoTime.nullable(),
  checkOutAt: isoTime.nullable(),
  /** Checked in with a position. */
  located: z.boolean(),
  /** The organiser's mark (when a phone could not scan). */
  mark: outcome.nullable(),
  /** Set when the list is confirmed. */
  outcome: outcome.nullable(),
  minutes: z.number().int().nullable(),
  points: z.number().int().nullable(),
  /** Why no points were posted (a limit of the points rule). */
  pointsNote: z.string().nullable(),
});
export type AttendanceItem = z.infer<typeof AttendanceItem>;

/** The organiser's list: `GET …/attendance`, and the answer of marking and confirming. */
export const Attendance = z.object({
  activity: z.object({ id: z.string(), title: z.string(), state: z.enum(ACTIVITY_STATES), startsAt: isoTime, endsAt: isoTime, cancelReason: z.string().nullable() }),
  summary: z.object({ signedUp: z.number().int(), checkedIn: z.number().int(), present: z.number().int(), absent: z.number().int() }),
  items: z.array(AttendanceItem),
});
export type Attendance = z.infer<typeof Attendance>;

/** The rotating code the venue screen shows (`GET …/code`). */
export const CheckinCode = z.object({
  purpose: z.enum(['in', 'out']),
  token: z.string(),
  /** The phone page the QR code opens (without the origin). */
  path: z.string(),
  /** The QR code as SVG markup. */
  svg: z.string(),
  refreshAt: isoTime,
  periodSeconds: z.number().int(),
  /** Within the check-in hours. */
  open: z.boolean(),
});
export type CheckinCode = z.infer<typeof CheckinCode>;

// ---- volunteers -------------------------------------------------------------------------------

export const VolunteerTeam = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(VOLUNTEER_TEAM_KINDS),
  kindLabel: z.string(),
  leader: z.string(),
  description: z.string(),
  areaCode: z.string(),
  area: areaRef,
  members: z.number().int(),
  allowedActions: z.array(z.enum(['edit'])),
});
export type VolunteerTeam = z.infer<typeof VolunteerTeam>;

export const VolunteerTeams = itemsOf(VolunteerTeam);
export type VolunteerTeams = z.infer<typeof VolunteerTeams>;

/** The volunteer record (志愿服务记录, 志愿服务条例 第十四条): the volunteer's own, or read by the keeping staff. */
export const VolunteerRecord = z.object({
  id: z.string(),
  name: z.string(),
  gender: z.string().nullable(),
  birthDate: z.string().nullable(),
  /** Masked (the last four). */
  idNumber: z.string().nullable(),
  /** Masked (the last four). */
  phone: z.string().nullable(),
  community: areaRef,
  team: z.object({ id: z.string(), name: z.string() }).nullable(),
  skills: z.array(z.string()),
  availability: z.string(),
  registeredAt: isoTime,
  hours: z.number(),
  minutes: z.number().int(),
  services: z.number().int(),
  trainings: z.number().int(),
  trainingRecords: z.array(z.object({ title: z.string(), on: z.string(), hours: z.number() })),
  /** Signed up, confirmed absent (未到). */
  noShows: z.number().int(),
  commendations: z.array(z.object({ title: z.string(), on: z.string() })),
  evaluation: z.string(),
  history: z.array(
    z.object({
      activityId: z.string(),
      kind: z.enum(ACTIVITY_KINDS),
      kindLabel: z.string(),
      title: z.string(),
      place: z.string(),
      startsAt: isoTime,
      outcome: outcome.nullable(),
      minutes: z.number().int().nullable(),
      points: z.number().int().nullable(),
    }),
  ),
  /** The caller's own record. */
  mine: z.boolean(),
});
export type VolunteerRecord = z.infer<typeof VolunteerRecord>;

export const MyVolunteer = z.object({ volunteer: VolunteerRecord.nullable() });
export type MyVolunteer = z.infer<typeof MyVolunteer>;

export const VolunteerSummary = z.object({
  id: z.string(),
  name: z.string(),
  areaCode: z.string(),
  /** The team's name. */
  team: z.string().nullable(),
  skills: z.array(z.string()),
  availability: z.string(),
  hours: z.number(),
  services: z.number().int(),
  trainings: z.number().int(),
  noShows: z.number().int(),
  registeredAt: isoTime,
});
export type VolunteerSummary = z.infer<typeof VolunteerSummary>;

export const VolunteerList = pageOf(VolunteerSummary);
export type VolunteerList = z.infer<typeof VolunteerList>;

/** The public check of a certificate's code: the figures as issued, the name masked. */
export const VolunteerCertificate = z.object({
  code: z.string(),
  issuedAt: isoTime,
  figures: z.object({
    name: z.string(),
    /** Masked (the last four). */
    idNumber: z.string().nullable(),
    community: z.string(),
    team: z.string().nullable(),
    hours: z.number(),
    services: z.number().int(),
    trainings: z.number().int(),
    commendations: z.number().int(),
    /** On certificates issued since the record kept them. */
    commendationList: z.array(z.string()).optional(),
    evaluation: z.string().optional(),
    firstService: z.string().nullable(),
    lastService: z.string().nullable(),
    issuer: z.string(),
    issuedAt: z.string(),
  }),
});
export type VolunteerCertificate = z.infer<typeof VolunteerCertificate>;
