// Staffing the grids (一格多员): routes/staffing.ts.
import { z } from 'zod';
import { STAFF_POSTS } from '../staffing.ts';
import { AreaLevel } from './auth.ts';
import { isoTime } from './common.ts';

const named = z.object({ code: z.string(), name: z.string() });
const post = z.enum(STAFF_POSTS);

/** One appointment to a post, with the account it opened. */
export const StaffEntry = z.object({
  id: z.string(),
  post,
  postLabel: z.string(),
  area: named,
  /** From the registry; the phone masked. */
  person: z.object({ id: z.string(), name: z.string(), gender: z.string(), phone: z.string().nullable(), areaCode: z.string() }),
  account: z.object({ id: z.string(), username: z.string().nullable(), active: z.boolean() }).nullable(),
  affiliation: z.string().nullable(),
  startedOn: z.string(),
  endedOn: z.string().nullable(),
  endReason: z.string().nullable(),
  active: z.boolean(),
  createdAt: isoTime,
  allowedActions: z.array(z.string()),
});
export type StaffEntry = z.infer<typeof StaffEntry>;

export const StaffRoster = z.object({
  area: named,
  /** Active appointments per post in the area. */
  summary: z.array(z.object({ post, postLabel: z.string(), count: z.number().int() })),
  /** The posts the caller may appoint to, with the level of area each is held at. */
  appointablePosts: z.array(z.object({ post, postLabel: z.string(), level: AreaLevel })),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(StaffEntry),
});
export type StaffRoster = z.infer<typeof StaffRoster>;
