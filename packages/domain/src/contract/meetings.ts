// Response schemas of deliberation meetings (议事会议): routes/deliberation-meetings.ts.
import { z } from 'zod';
import { AGENDA_SOURCES } from '../deliberation/meetings.ts';
import { isoTime } from './common.ts';
import { text } from './input.ts';

const source = z.enum(['case', 'need', 'idea', 'text']);
const meetingState = z.enum(['scheduled', 'held']);

export const AgendaItem = z.object({
  id: z.string(),
  seq: z.number().int(),
  title: z.string(),
  source,
  sourceLabel: z.string(),
  sourceId: z.string().nullable(),
  sourceTitle: z.string().nullable(),
  presenter: z.string(),
});

const head = {
  id: z.string(),
  deliberationId: z.string(),
  scheduledAt: isoTime,
  place: z.string(),
  state: meetingState,
  stateLabel: z.string(),
};

export const MeetingList = z.object({
  items: z.array(z.object({ ...head, agenda: z.array(AgendaItem), present: z.number().int(), roll: z.number().int(), hasMinutes: z.boolean() })),
  allowedActions: z.array(z.string()),
});

export const MeetingDetail = z.object({
  ...head,
  deliberation: z.object({ id: z.string(), title: z.string(), body: z.string(), bodyLabel: z.string(), areaCode: z.string(), state: z.string() }),
  agenda: z.array(AgendaItem),
  attendance: z.object({
    present: z.number().int(),
    roll: z.number().int(),
    /** The body's quorum tests applied to attendance (empty for a consultation). */
    quorum: z.array(z.object({ measure: z.string(), n: z.string(), d: z.string(), percent: z.string(), threshold: z.string(), thresholdLabel: z.string(), met: z.boolean(), text: z.string() })),
    rule: z.string(),
  }),
  roll: z.array(z.object({ id: z.string(), seq: z.number().int(), name: z.string(), present: z.boolean(), how: z.enum(['qr', 'staff']).nullable(), at: isoTime.nullable() })),
  mine: z.array(z.object({ id: z.string(), name: z.string(), present: z.boolean() })),
  checkinOpen: z.boolean(),
  minutes: z.string().nullable(),
  minutesAt: isoTime.nullable(),
  minutesBy: z.string().nullable(),
  files: z.array(z.object({ id: z.string(), name: z.string(), mime: z.string(), url: z.string() })),
  allowedActions: z.array(z.string()),
});

export const MeetingCode = z.object({
  code: z.string(),
  path: z.string(),
  svg: z.string(),
  refreshAt: isoTime,
  periodSeconds: z.number().int(),
  open: z.boolean(),
  present: z.number().int(),
  roll: z.number().int(),
});

export const SourceTopics = z.object({
  items: z.array(z.object({ itemId: z.string(), itemTitle: z.string(), meetingId: z.string(), scheduledAt: isoTime, meetingState, deliberationId: z.string(), deliberationTitle: z.string() })),
});

export const IdeaTopicResult = z.object({ ideaId: z.string(), deliberationId: z.string(), meetingId: z.string(), topics: SourceTopics.shape.items });

export const ScheduledMeetings = z.object({
  items: z.array(z.object({ id: z.string(), scheduledAt: isoTime, place: z.string(), deliberationId: z.string(), deliberationTitle: z.string(), areaCode: z.string() })),
});

// ---- requests (the server validates with these; the web's request types are their z.input) ----

const when = z.string({ message: '召开时间（scheduledAt）应为日期时间' }).max(40, '召开时间（scheduledAt）应为日期时间');
/** `POST /api/deliberation-meetings/{id}/agenda`, and each item of a new meeting's agenda. */
export const AgendaItemBody = z.object({
  title: text(80).optional(),
  source: z.enum(AGENDA_SOURCES, { message: '议题来源（source）应为 case（案件）、need（需求）、idea（金点子）或 text（自拟）' }),
  sourceId: z.uuid({ message: '议题来源（sourceId）应为 UUID' }).optional(),
  presenter: text(40).optional(),
});
/** `POST /api/deliberations/{id}/meetings` */
export const MeetingCreateBody = z.object({
  scheduledAt: when,
  place: text(100),
  agenda: z.array(AgendaItemBody, { message: '议程（agenda）应为列表' }).max(30, '议程（agenda）最多 30 项').optional(),
});
/** `PATCH /api/deliberation-meetings/{id}` */
export const MeetingPatchBody = z.object({ scheduledAt: when.optional(), place: text(100).optional() });
/** `PUT /api/deliberation-meetings/{id}/minutes` */
export const MinutesBody = z.object({ minutes: text(20000) });
/** `POST /api/ideas/{id}/to-topic`: onto a scheduled meeting's agenda (meetingId), or a new deliberation and meeting. */
export const IdeaTopicBody = z.object({ meetingId: z.uuid({ message: '会议（meetingId）应为 UUID' }).optional(), scheduledAt: when.optional(), place: text(100).optional(), presenter: text(40).optional() });
