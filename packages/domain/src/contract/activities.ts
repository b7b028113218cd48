// Activities (活动) and volunteers (志愿者): docs/ACTIVITIES.md. The answers of routes/activities.ts.
import { z } from 'zod';
import { ACTIVITY_AUDIENCES, ACTIVITY_KINDS, ACTIVITY_STATES, CANCEL_REASON_MAX, POINTS_MODES, VOLUNTEER_TEAM_KINDS } from '../activities/index.ts';
import { isoTime, itemsOf, pageOf } from './common.ts';
import { optionalText, paging, text } from './input.ts';

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

// ---- requests (the server validates with these; the web's request types are their z.input) ----

const csvOf = (values: readonly string[], message: string) =>
  z
    .string()
    .max(300)
    .refine((s) => s.split(',').every((x) => !x || values.includes(x)), message)
    .optional();

const when = (label: string) => z.iso.datetime({ offset: true, message: `${label}应为带时区的时间（ISO 8601）` }).transform((s) => new Date(s));

/** `POST /api/activities` */
export const ActivityBody = z.object({
  kind: z.enum(ACTIVITY_KINDS, { message: '活动类型（kind）未知' }),
  title: text(60),
  description: optionalText(2000).optional(),
  areaCode: z.string().regex(/^\d{9,12}$/, '活动范围（areaCode）应为镇（街道）或村（社区）的区划代码'),
  place: text(100),
  startsAt: when('开始时间（startsAt）'),
  endsAt: when('结束时间（endsAt）'),
  capacity: z.number({ message: '名额（capacity）应为整数' }).int('名额（capacity）应为整数').nullable().optional(),
  audience: z.enum(ACTIVITY_AUDIENCES, { message: '参加对象（audience）应为 residents、members 或 volunteers' }).optional(),
  pointsMode: z.enum(POINTS_MODES, { message: '计分方式（pointsMode）应为 per-hour、per-attendance 或 none' }).optional(),
  points: z.number({ message: '积分（points）应为整数' }).int('积分（points）应为整数').optional(),
  ruleCode: z.string().regex(/^[a-z0-9-]{1,64}$/, '积分规则（ruleCode）格式不正确').optional(),
  serviceTeamId: z.uuid({ message: '服务队（serviceTeamId）应为 ID' }).optional(),
  volunteerTeamId: z.uuid({ message: '志愿服务队（volunteerTeamId）应为 ID' }).optional(),
  offerId: z.uuid({ message: '赋能清单事项（offerId）应为 ID' }).optional(),
});

/** `GET /api/activities` */
export const ActivityListQuery = z.object({
  state: csvOf(ACTIVITY_STATES, '未知的活动状态'),
  kind: csvOf(ACTIVITY_KINDS, '未知的活动类型'),
  relation: z.enum(['mine'], { message: 'relation 应为 mine' }).optional(),
  upcoming: z.enum(['true', 'false'], { message: 'upcoming 应为 true 或 false' }).optional(),
  ...paging,
});

/** `POST /api/activities/{id}/cancel` */
export const ActivityCancelBody = z.object({ reason: text(CANCEL_REASON_MAX) });
/** `GET /api/activities/{id}/code` */
export const CheckinCodeQuery = z.object({ purpose: z.enum(['in', 'out'], { message: 'purpose 应为 in 或 out' }).default('in') });

/** `POST /api/activities/{id}/check-in`, `POST /api/activities/{id}/check-out` */
export const CheckBody = z.object({
  token: z.string({ message: '签到码（token）不能为空' }).min(1, '签到码（token）不能为空').max(64, '签到码（token）无效'),
  lat: z.number({ message: '纬度（lat）应为数字' }).min(-90).max(90).optional(),
  lng: z.number({ message: '经度（lng）应为数字' }).min(-180).max(180).optional(),
});

/** `POST /api/activities/{id}/attendance/{attendanceId}/mark` (null clears the mark) */
export const AttendanceMarkBody = z.object({ mark: z.enum(['present', 'absent'], { message: '标记（mark）应为 present 或 absent' }).nullable() });

/** `PUT /api/volunteers/me` */
export const VolunteerBody = z.object({
  teamId: z.uuid({ message: '志愿服务队（teamId）应为 ID' }).nullable().optional(),
  skills: z.array(text(20)).max(12, '特长（skills）最多 12 项').default([]),
  availability: optionalText(200).default(''),
});

const teamFields = {
  name: text(40),
  kind: z.enum(VOLUNTEER_TEAM_KINDS, { message: '队伍类型（kind）应为 sunset、women、youth、neighbour 或 other' }),
  leader: optionalText(40).optional(),
  description: optionalText(500).optional(),
};
/** `POST /api/volunteer-teams` */
export const VolunteerTeamBody = z.object({ ...teamFields, areaCode: z.string().regex(/^\d{12,15}$/, '所属社区（areaCode）应为村（社区）的区划代码') });
/** `PATCH /api/volunteer-teams/{id}` */
export const VolunteerTeamPatchBody = z.object({ name: teamFields.name.optional(), kind: teamFields.kind.optional(), leader: teamFields.leader, description: teamFields.description });

/** `GET /api/volunteers` */
export const VolunteerListQuery = z.object({ teamId: z.uuid({ message: 'teamId 应为 ID' }).optional(), ...paging });

/** `PATCH /api/volunteers/{id}` */
export const VolunteerRecordBody = z.object({
  evaluation: optionalText(1000).optional(),
  trainings: z
    .array(
      z.object({
        title: text(60),
        on: z.iso.date({ message: '培训日期（on）应为 YYYY-MM-DD' }),
        hours: z.number({ message: '培训学时（hours）应为数字' }).min(0.5, '培训学时（hours）应为 0.5–100').max(100, '培训学时（hours）应为 0.5–100'),
      }),
    )
    .max(100, '培训（trainings）最多 100 项')
    .optional(),
  commendations: z
    .array(z.object({ title: text(60), on: z.iso.date({ message: '表彰日期（on）应为 YYYY-MM-DD' }) }))
    .max(50, '表彰（commendations）最多 50 项')
    .optional(),
});
