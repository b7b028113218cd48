// All SQL of deliberation meetings (议事会议): meetings, agenda items, attendance, and the sources an
// agenda item may name (cases, needs, 金点子). Callers check access through the deliberation first.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { escapeLike } from './scope.ts';
import { cases, deliberationMeetings, deliberations, ideas, meetingAgendaItems, meetingAttendance, needs, users } from '../db/schema.ts';

export type MeetingRow = typeof deliberationMeetings.$inferSelect;
export type AgendaRow = typeof meetingAgendaItems.$inferSelect;
export type AttendanceRow = typeof meetingAttendance.$inferSelect;

export async function insertMeeting(db: DbOrTx, row: typeof deliberationMeetings.$inferInsert): Promise<MeetingRow> {
  return (await db.insert(deliberationMeetings).values(row).returning())[0]!;
}

export async function findMeeting(db: DbOrTx, id: string): Promise<MeetingRow | null> {
  return (await db.select().from(deliberationMeetings).where(eq(deliberationMeetings.id, id)).limit(1))[0] ?? null;
}

export async function lockMeeting(db: DbOrTx, id: string): Promise<MeetingRow | null> {
  return (await db.select().from(deliberationMeetings).where(eq(deliberationMeetings.id, id)).for('update').limit(1))[0] ?? null;
}

export async function updateMeeting(db: DbOrTx, id: string, patch: Partial<typeof deliberationMeetings.$inferInsert>): Promise<MeetingRow> {
  return (await db.update(deliberationMeetings).set(patch).where(eq(deliberationMeetings.id, id)).returning())[0]!;
}

export async function meetingsOf(db: DbOrTx, deliberationId: string): Promise<MeetingRow[]> {
  return db.select().from(deliberationMeetings).where(eq(deliberationMeetings.deliberationId, deliberationId)).orderBy(desc(deliberationMeetings.scheduledAt));
}

export async function agendaOf(db: DbOrTx, meetingIds: string[]): Promise<AgendaRow[]> {
  if (!meetingIds.length) return [];
  return db.select().from(meetingAgendaItems).where(inArray(meetingAgendaItems.meetingId, meetingIds)).orderBy(asc(meetingAgendaItems.seq));
}

export async function insertAgendaItem(db: DbOrTx, row: Omit<typeof meetingAgendaItems.$inferInsert, 'seq'>): Promise<AgendaRow> {
  const next = await db
    .select({ n: sql<number>`coalesce(max(${meetingAgendaItems.seq}), 0) + 1` })
    .from(meetingAgendaItems)
    .where(eq(meetingAgendaItems.meetingId, row.meetingId));
  return (await db.insert(meetingAgendaItems).values({ ...row, seq: Number(next[0]!.n) }).returning())[0]!;
}

export async function deleteAgendaItem(db: DbOrTx, meetingId: string, itemId: string): Promise<boolean> {
  return (await db.delete(meetingAgendaItems).where(and(eq(meetingAgendaItems.id, itemId), eq(meetingAgendaItems.meetingId, meetingId))).returning()).length > 0;
}

export async function setAgendaSeq(db: DbOrTx, itemId: string, seq: number) {
  await db.update(meetingAgendaItems).set({ seq }).where(eq(meetingAgendaItems.id, itemId));
}

export async function attendanceOf(db: DbOrTx, meetingId: string): Promise<AttendanceRow[]> {
  return db.select().from(meetingAttendance).where(eq(meetingAttendance.meetingId, meetingId));
}

/** Counts of attendance per meeting. */
export async function attendanceCounts(db: DbOrTx, meetingIds: string[]): Promise<Map<string, number>> {
  if (!meetingIds.length) return new Map();
  const rows = await db
    .select({ id: meetingAttendance.meetingId, n: sql<number>`count(*)` })
    .from(meetingAttendance)
    .where(inArray(meetingAttendance.meetingId, meetingIds))
    .groupBy(meetingAttendance.meetingId);
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

/** Records attendance; false when the entry was already recorded (a repeat changes nothing). */
export async function insertAttendance(db: DbOrTx, row: typeof meetingAttendance.$inferInsert): Promise<boolean> {
  return (await db.insert(meetingAttendance).values(row).onConflictDoNothing().returning()).length > 0;
}

export async function deleteAttendance(db: DbOrTx, meetingId: string, rollId: string): Promise<boolean> {
  return (await db.delete(meetingAttendance).where(and(eq(meetingAttendance.meetingId, meetingId), eq(meetingAttendance.rollId, rollId))).returning()).length > 0;
}

/** The title and area of an agenda item's source, or null when it does not exist. */
export async function sourceOf(db: DbOrTx, type: 'case' | 'need' | 'idea', id: string): Promise<{ title: string; areaCode: string } | null> {
  const table = type === 'case' ? cases : type === 'need' ? needs : ideas;
  const rows = await db.select({ title: table.title, areaCode: table.areaCode }).from(table).where(eq(table.id, id)).limit(1);
  return rows[0] ?? null;
}

/** Agenda items that name a source, with their meeting and deliberation ("where it went"). */
export async function itemsBySource(db: DbOrTx, type: string, id: string) {
  return db
    .select({
      itemId: meetingAgendaItems.id,
      itemTitle: meetingAgendaItems.title,
      meetingId: deliberationMeetings.id,
      scheduledAt: deliberationMeetings.scheduledAt,
      meetingState: deliberationMeetings.state,
      deliberationId: deliberations.id,
      deliberationTitle: deliberations.title,
      areaCode: deliberations.areaCode,
    })
    .from(meetingAgendaItems)
    .innerJoin(deliberationMeetings, eq(deliberationMeetings.id, meetingAgendaItems.meetingId))
    .innerJoin(deliberations, eq(deliberations.id, deliberationMeetings.deliberationId))
    .where(and(eq(meetingAgendaItems.sourceType, type), eq(meetingAgendaItems.sourceId, id)))
    .orderBy(asc(deliberationMeetings.scheduledAt));
}

/** Scheduled meetings of deliberations inside an area, soonest first: where an idea may be put on the agenda. */
export async function scheduledMeetingsIn(db: DbOrTx, areaPrefixes: string[], limit = 50) {
  if (!areaPrefixes.length) return [];
  return db
    .select({ id: deliberationMeetings.id, scheduledAt: deliberationMeetings.scheduledAt, place: deliberationMeetings.place, deliberationId: deliberations.id, deliberationTitle: deliberations.title, areaCode: deliberations.areaCode })
    .from(deliberationMeetings)
    .innerJoin(deliberations, eq(deliberations.id, deliberationMeetings.deliberationId))
    .where(and(eq(deliberationMeetings.state, 'scheduled'), sql`(${sql.join(areaPrefixes.map((p) => sql`${deliberations.areaCode} like ${escapeLike(p) + '%'}`), sql` or `)})`))
    .orderBy(asc(deliberationMeetings.scheduledAt))
    .limit(limit);
}

export async function userName(db: DbOrTx, id: string): Promise<string | null> {
  return (await db.select({ name: users.displayName }).from(users).where(eq(users.id, id)).limit(1))[0]?.name ?? null;
}
