// Emergency events (平战转换): the event, the forces formed and on call, the tasks sent to them and the event's record
// (docs/EMERGENCY.md). The enums are the domain's lists (emergencies.ts).
import { z } from 'zod';
import { EMERGENCY_KINDS, EMERGENCY_LEVELS, EMERGENCY_STATES, EMERGENCY_UNIT_KINDS } from '../emergencies.ts';
import { isoTime } from './common.ts';
import { areaCodeInput, text } from './input.ts';

export const EmergencyKind = z.enum(EMERGENCY_KINDS);
export type EmergencyKind = z.infer<typeof EmergencyKind>;
export const EmergencyLevel = z.enum(EMERGENCY_LEVELS);
export type EmergencyLevel = z.infer<typeof EmergencyLevel>;
export const EmergencyState = z.enum(EMERGENCY_STATES);
export type EmergencyState = z.infer<typeof EmergencyState>;
export const EmergencyUnitKind = z.enum(EMERGENCY_UNIT_KINDS);
export type EmergencyUnitKind = z.infer<typeof EmergencyUnitKind>;

/** An event: `POST /api/emergencies` → 201, `POST …/{id}/actions/end`, the items of `GET /api/emergencies`. */
export const Emergency = z.object({
  id: z.string(),
  kind: EmergencyKind,
  kindName: z.string(),
  level: EmergencyLevel,
  levelName: z.string(),
  reason: z.string(),
  areaCode: z.string(),
  areaName: z.string().nullable(),
  state: EmergencyState,
  startedAt: isoTime,
  startedByName: z.string(),
  endedAt: isoTime.nullable(),
  endedByName: z.string().nullable(),
  summary: z.string().nullable(),
  /** Once ended only (screens count a live event's duration themselves). */
  durationMinutes: z.number().int().nullable(),
  allowedActions: z.array(z.string()),
});
export type Emergency = z.infer<typeof Emergency>;

/** `GET /api/emergencies` */
export const EmergencyList = z.object({ items: z.array(Emergency), total: z.number().int() });
export type EmergencyList = z.infer<typeof EmergencyList>;

/** An active event as the wartime banner shows it. */
export const ActiveEmergency = z.object({
  id: z.string(),
  kind: EmergencyKind,
  kindName: z.string(),
  level: EmergencyLevel,
  levelName: z.string(),
  areaCode: z.string(),
  areaName: z.string().nullable(),
  startedAt: isoTime,
});
export type ActiveEmergency = z.infer<typeof ActiveEmergency>;

/** `GET /api/emergencies/active` */
export const ActiveEmergencies = z.object({ items: z.array(ActiveEmergency) });
export type ActiveEmergencies = z.infer<typeof ActiveEmergencies>;

/** A temporary party branch or commando team: `POST /api/emergencies/{id}/units` → 201. */
export const EmergencyUnit = z.object({
  id: z.string(),
  kind: EmergencyUnitKind,
  kindName: z.string(),
  name: z.string(),
  areaCode: z.string(),
  leaderName: z.string().nullable(),
  members: z.array(z.string()),
  partyOrgId: z.string().nullable(),
  createdByName: z.string(),
  createdAt: isoTime,
});
export type EmergencyUnit = z.infer<typeof EmergencyUnit>;

/** The people on call in one grid, by kind. */
export const GridForces = z.object({
  gridCode: z.string(),
  gridName: z.string(),
  gridWorkers: z.number().int(),
  cadres: z.number().int(),
  partyMembers: z.number().int(),
  volunteers: z.number().int(),
  total: z.number().int(),
});
export type GridForces = z.infer<typeof GridForces>;

/** `GET /api/emergencies/{id}/forces`: who checked in, per grid, the latest check-ins and the caller's own. */
export const EmergencyForces = z.object({
  checkedIn: z.number().int(),
  byGrid: z.array(GridForces),
  recent: z.array(z.object({ id: z.string(), userName: z.string(), kind: z.string(), kindName: z.string(), gridCode: z.string(), post: z.string().nullable(), at: isoTime })),
  myCheckIn: z.object({ gridCode: z.string(), at: isoTime }).nullable(),
});
export type EmergencyForces = z.infer<typeof EmergencyForces>;

/** `GET /api/emergencies/{id}`: the event with its timeline, units and forces. */
export const EmergencyDetail = Emergency.extend({
  timeline: z.array(z.object({ id: z.string(), action: z.string(), actorName: z.string(), note: z.string().nullable(), at: isoTime })),
  units: z.array(EmergencyUnit),
  forces: EmergencyForces,
});
export type EmergencyDetail = z.infer<typeof EmergencyDetail>;

/** `POST /api/emergencies/{id}/check-ins` → 201: the check-in recorded (or the first one, on a replay). */
export const EmergencyCheckIn = z.object({ id: z.string(), eventId: z.string(), kind: z.string(), kindName: z.string(), gridCode: z.string(), post: z.string().nullable(), at: isoTime });
export type EmergencyCheckIn = z.infer<typeof EmergencyCheckIn>;

/** A task sent to the forces on call, with who has acknowledged it (收到). */
export const EmergencyTask = z.object({
  id: z.string(),
  eventId: z.string(),
  title: z.string(),
  detail: z.string().nullable(),
  areaCode: z.string(),
  areaName: z.string().nullable(),
  createdByName: z.string(),
  createdAt: isoTime,
  acks: z.number().int(),
  ackedBy: z.array(z.object({ userName: z.string(), note: z.string().nullable(), at: isoTime })),
  /** When the caller acknowledged it. */
  myAck: isoTime.nullable(),
  allowedActions: z.array(z.string()),
});
export type EmergencyTask = z.infer<typeof EmergencyTask>;

/** `GET /api/emergencies/{id}/tasks` */
export const EmergencyTasks = z.object({ items: z.array(EmergencyTask) });
export type EmergencyTasks = z.infer<typeof EmergencyTasks>;

const countItem = z.object({ name: z.string(), count: z.number().int() });

/** `GET /api/emergencies/{id}/record`: the event's record (纪实), also written as .docx and .xlsx. */
export const EmergencyRecord = z.object({
  event: Emergency,
  duration: z.object({ minutes: z.number().int(), text: z.string() }),
  forces: z.object({ tempBranches: z.number().int(), commandoTeams: z.number().int(), unitMembers: z.number().int(), checkedIn: z.number().int(), byGrid: z.array(GridForces) }),
  campaigns: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      areaCode: z.string(),
      state: z.string(),
      round: z.number().int(),
      households: z.number().int(),
      reached: z.number().int(),
      rounds: z.array(z.object({ round: z.number().int(), reached: z.number().int() })),
    }),
  ),
  cases: z.object({
    total: z.number().int(),
    byCategory: z.array(countItem.extend({ code: z.string() })),
    byState: z.array(countItem.extend({ state: z.string() })),
    latest: z.array(
      z.object({ id: z.string(), code: z.string(), title: z.string(), state: z.string(), stateName: z.string(), categoryName: z.string(), place: z.string(), createdAt: isoTime }),
    ),
  }),
  peopleMoved: z.object({ count: z.number().int() }),
  units: z.array(EmergencyUnit),
});
export type EmergencyRecord = z.infer<typeof EmergencyRecord>;

/** `POST /api/emergencies`: switch an area to wartime. */
export const EmergencyStartBody = z.object({
  areaCode: areaCodeInput,
  kind: z.enum(EMERGENCY_KINDS, { message: '类型（kind）应为 flood、typhoon、epidemic、fire 或 other' }),
  level: z.enum(EMERGENCY_LEVELS, { message: '级别（level）应为 I、II、III 或 IV' }),
  reason: text(500),
});
export type EmergencyStartBody = z.input<typeof EmergencyStartBody>;

/** `POST /api/emergencies/{id}/actions/end`: back to peacetime, with a summary. */
export const EmergencyEndBody = z.object({ summary: text(2000) });
export type EmergencyEndBody = z.input<typeof EmergencyEndBody>;

/** `POST /api/emergencies/{id}/units`: form a temporary party branch or a commando team. */
export const EmergencyUnitBody = z.object({
  kind: z.enum(EMERGENCY_UNIT_KINDS, { message: '类型（kind）应为 temp-branch 或 commando' }),
  name: text(60),
  areaCode: areaCodeInput.optional(),
  leaderName: text(40).optional(),
  members: z.array(text(40)).max(200).optional(),
  partyOrgId: z.uuid({ message: '党组织（partyOrgId）应为 UUID' }).optional(),
});
export type EmergencyUnitBody = z.input<typeof EmergencyUnitBody>;

/** `POST /api/emergencies/{id}/check-ins`: on call at a post; `at` is when the button was pressed (a queued resend). */
export const EmergencyCheckInBody = z
  .object({
    gridCode: areaCodeInput.optional(),
    post: text(60).optional(),
    lat: z.number().min(-90).max(90).optional(),
    lng: z.number().min(-180).max(180).optional(),
    at: z.iso.datetime({ offset: true, message: '签到时间应为带时区的 ISO 8601 时间' }).optional(),
  })
  .default({});
export type EmergencyCheckInBody = z.input<typeof EmergencyCheckInBody>;

/** `POST /api/emergencies/{id}/tasks`: a task to the forces on call (the whole area, or a village or grid of it). */
export const EmergencyTaskBody = z.object({ title: text(100), detail: text(1000).optional(), areaCode: areaCodeInput.optional() });
export type EmergencyTaskBody = z.input<typeof EmergencyTaskBody>;

/** `POST /api/emergency-tasks/{id}/ack` */
export const EmergencyTaskAckBody = z.object({ note: text(200).optional() }).default({});
export type EmergencyTaskAckBody = z.input<typeof EmergencyTaskAckBody>;
