// Response schemas of deliberation meetings (议事会议): routes/deliberation-meetings.ts.
import { z } from 'zod';
import { isoTime } from './common.ts';

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
