// 会商 of a case with assisting units: routes/case-meetings.ts.
import { z } from 'zod';
import { isoTime } from './common.ts';

export const CaseMeeting = z.object({
  id: z.string(),
  heldAt: isoTime,
  place: z.string().nullable(),
  units: z.array(z.object({ id: z.string(), name: z.string() })),
  participants: z.string(),
  minutes: z.string(),
  decisions: z.string(),
  attachments: z.array(z.object({ id: z.string(), name: z.string(), mime: z.string(), size: z.number().int() })),
  recordedBy: z.string(),
  recordedAt: isoTime,
});
export type CaseMeeting = z.infer<typeof CaseMeeting>;

export const CaseMeetings = z.object({
  items: z.array(CaseMeeting),
  /** The units a meeting can name: the lead and the assisting units. */
  units: z.array(z.object({ id: z.string(), name: z.string(), role: z.string() })),
  allowedActions: z.array(z.string()),
});
export type CaseMeetings = z.infer<typeof CaseMeetings>;
