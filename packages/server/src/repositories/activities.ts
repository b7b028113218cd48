// All SQL of activities and volunteers. Reads that return activities take an ActivityScope made by
// the activities policy.
import { and, asc, count, desc, eq, inArray, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { activities, activityAttendance, offers, people, serviceTeams, units, volunteerCertificates, volunteers, volunteerTeams } from '../db/schema.ts';
import { escapeLike } from './scope.ts';

export type ActivityRow = typeof activities.$inferSelect;
export type NewActivityRow = typeof activities.$inferInsert;
export type AttendanceRow = typeof activityAttendance.$inferSelect;
export type VolunteerRow = typeof volunteers.$inferSelect;

declare const activityScopeBrand: unique symbol;
/**
 * Which activities a caller may read: every activity inside `areas` (staff), activities of the
 * caller's home community or town (`homes`: the area code is a prefix of home), and activities
 * the caller signed up for.
 */
export type ActivityScope = { areas: string[]; home: string | null; userId: string } & { readonly [activityScopeBrand]: true };
export const makeActivityScope = (s: { areas: string[]; home: string | null; userId: string }) => s as ActivityScope;

function scopeSql(scope: ActivityScope): SQL {
  const parts: SQL[] = scope.areas.map((a) => sql`${activities.areaCode} like ${escapeLike(a) + '%'}`);
  if (scope.home) parts.push(sql`${scope.home} like ${activities.areaCode} || '%'`);
  parts.push(sql`exists (select 1 from ${activityAttendance} x where x.activity_id = ${activities.id} and x.user_id = ${scope.userId})`);
  return or(...parts)!;
}

export async function insertActivity(db: DbOrTx, row: NewActivityRow): Promise<ActivityRow> {
  return (await db.insert(activities).values(row).returning())[0]!;
}

export async function findActivity(db: DbOrTx, scope: ActivityScope, id: string): Promise<ActivityRow | null> {
  const rows = await db.select().from(activities).where(and(eq(activities.id, id), scopeSql(scope))).limit(1);
  return rows[0] ?? null;
}

export async function lockActivity(db: DbOrTx, id: string): Promise<ActivityRow | null> {
  const rows = await db.select().from(activities).where(eq(activities.id, id)).for('update').limit(1);
  return rows[0] ?? null;
}

export async function updateActivity(db: DbOrTx, id: string, patch: Partial<NewActivityRow>): Promise<ActivityRow> {
  return (await db.update(activities).set({ ...patch, updatedAt: new Date() }).where(eq(activities.id, id)).returning())[0]!;
}

export async function listActivities(
  db: DbOrTx,
  scope: ActivityScope,
  q: { states?: string[]; kinds?: string[]; mineUserId?: string; upcoming?: boolean; page: number; pageSize: number },
) {
  const where = and(
    scopeSql(scope),
    q.states?.length ? inArray(activities.state, q.states) : undefined,
    q.kinds?.length ? inArray(activities.kind, q.kinds) : undefined,
    q.mineUserId ? sql`exists (select 1 from ${activityAttendance} x where x.activity_id = ${activities.id} and x.user_id = ${q.mineUserId} and x.state = 'signed-up')` : undefined,
    q.upcoming ? sql`${activities.endsAt} > now() - interval '1 day'` : undefined,
  );
  const [total] = await db.select({ n: count() }).from(activities).where(where);
  const rows = await db
    .select()
    .from(activities)
    .where(where)
    .orderBy(q.upcoming ? asc(activities.startsAt) : desc(activities.startsAt), asc(activities.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { total: Number(total?.n ?? 0), rows };
}

/** Signed-up counts (not cancelled) per activity, with check-ins and, once confirmed, present and no-shows. */
export async function signUpCounts(db: DbOrTx, ids: string[]): Promise<Map<string, { signedUp: number; checkedIn: number; present: number; absent: number }>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({
      id: activityAttendance.activityId,
      n: count(),
      inn: sql<number>`count(${activityAttendance.checkInAt})`,
      present: sql<number>`count(*) filter (where ${activityAttendance.outcome} = 'present')`,
      absent: sql<number>`count(*) filter (where ${activityAttendance.outcome} = 'absent')`,
    })
    .from(activityAttendance)
    .where(and(inArray(activityAttendance.activityId, ids), eq(activityAttendance.state, 'signed-up')))
    .groupBy(activityAttendance.activityId);
  return new Map(rows.map((r) => [r.id, { signedUp: Number(r.n), checkedIn: Number(r.inn), present: Number(r.present), absent: Number(r.absent) }]));
}

export async function attendanceOf(db: DbOrTx, activityId: string, userId: string): Promise<AttendanceRow | null> {
  const rows = await db
    .select()
    .from(activityAttendance)
    .where(and(eq(activityAttendance.activityId, activityId), eq(activityAttendance.userId, userId)))
    .limit(1);
  return rows[0] ?? null;
}

export async function myAttendances(db: DbOrTx, userId: string, ids: string[]): Promise<Map<string, AttendanceRow>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select()
    .from(activityAttendance)
    .where(and(eq(activityAttendance.userId, userId), inArray(activityAttendance.activityId, ids)));
  return new Map(rows.map((r) => [r.activityId, r]));
}

export async function listAttendance(db: DbOrTx, activityId: string): Promise<AttendanceRow[]> {
  return db.select().from(activityAttendance).where(eq(activityAttendance.activityId, activityId)).orderBy(asc(activityAttendance.signedUpAt), asc(activityAttendance.id));
}

/** Inserts a sign-up, or re-opens a cancelled one; returns the row (unchanged when already signed up). */
export async function upsertSignUp(db: DbOrTx, row: { activityId: string; userId: string; personId: string | null; name: string }): Promise<AttendanceRow> {
  const res = await db
    .insert(activityAttendance)
    .values(row)
    .onConflictDoUpdate({
      target: [activityAttendance.activityId, activityAttendance.userId],
      set: { state: 'signed-up', cancelledAt: null, updatedAt: new Date() },
    })
    .returning();
  return res[0]!;
}

export async function updateAttendance(db: DbOrTx, id: string, patch: Partial<typeof activityAttendance.$inferInsert>): Promise<AttendanceRow> {
  return (await db.update(activityAttendance).set({ ...patch, updatedAt: new Date() }).where(eq(activityAttendance.id, id)).returning())[0]!;
}

/** Sets check-in (or check-out) only when not set yet: a repeated scan changes nothing. */
export async function stampAttendance(db: DbOrTx, id: string, purpose: 'in' | 'out', at: Date, lat: number | null, lng: number | null): Promise<AttendanceRow | null> {
  const set = purpose === 'in' ? { checkInAt: at, checkInLat: lat, checkInLng: lng, updatedAt: at } : { checkOutAt: at, checkOutLat: lat, checkOutLng: lng, updatedAt: at };
  const col = purpose === 'in' ? activityAttendance.checkInAt : activityAttendance.checkOutAt;
  const res = await db
    .update(activityAttendance)
    .set(set)
    .where(and(eq(activityAttendance.id, id), sql`${col} is null`))
    .returning();
  return res[0] ?? null;
}

export async function serviceTeamOf(db: DbOrTx, id: string) {
  const rows = await db.select({ id: serviceTeams.id, name: serviceTeams.name, areaCode: serviceTeams.areaCode }).from(serviceTeams).where(eq(serviceTeams.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function serviceTeamsIn(db: DbOrTx, area: string) {
  return db
    .select({ id: serviceTeams.id, name: serviceTeams.name, areaCode: serviceTeams.areaCode })
    .from(serviceTeams)
    .where(and(sql`${serviceTeams.areaCode} like ${escapeLike(area) + '%'}`, eq(serviceTeams.active, true)))
    .orderBy(asc(serviceTeams.areaCode), asc(serviceTeams.name))
    .limit(200);
}

export async function teamNames(db: DbOrTx, serviceIds: string[], volunteerIds: string[]) {
  const s = serviceIds.length ? await db.select({ id: serviceTeams.id, name: serviceTeams.name }).from(serviceTeams).where(inArray(serviceTeams.id, serviceIds)) : [];
  const v = volunteerIds.length ? await db.select({ id: volunteerTeams.id, name: volunteerTeams.name }).from(volunteerTeams).where(inArray(volunteerTeams.id, volunteerIds)) : [];
  return new Map([...s, ...v].map((r) => [r.id, r.name]));
}

/** The offers activities name, with their department's name. */
export async function offerTitles(db: DbOrTx, ids: string[]) {
  if (!ids.length) return new Map<string, { title: string; unitName: string }>();
  const rows = await db.select({ id: offers.id, title: offers.title, unitName: units.name }).from(offers).innerJoin(units, eq(units.id, offers.unitId)).where(inArray(offers.id, ids));
  return new Map(rows.map((r) => [r.id, { title: r.title, unitName: r.unitName }]));
}

export async function offerForLink(db: DbOrTx, id: string) {
  const [r] = await db.select({ active: offers.active, areaCode: offers.areaCode }).from(offers).where(eq(offers.id, id)).limit(1);
  return r ?? null;
}

// ---- volunteers -------------------------------------------------------------------------------

export async function volunteerTeamsIn(db: DbOrTx, area: string) {
  return db
    .select()
    .from(volunteerTeams)
    .where(sql`${volunteerTeams.areaCode} like ${escapeLike(area) + '%'}`)
    .orderBy(asc(volunteerTeams.areaCode), asc(volunteerTeams.name))
    .limit(200);
}

export async function volunteerTeamOf(db: DbOrTx, id: string) {
  const rows = await db.select().from(volunteerTeams).where(eq(volunteerTeams.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function insertVolunteerTeam(db: DbOrTx, row: typeof volunteerTeams.$inferInsert) {
  return (await db.insert(volunteerTeams).values(row).onConflictDoNothing().returning())[0] ?? null;
}

export async function updateVolunteerTeam(db: DbOrTx, id: string, patch: Partial<typeof volunteerTeams.$inferInsert>) {
  return (await db.update(volunteerTeams).set({ ...patch, updatedAt: new Date() }).where(eq(volunteerTeams.id, id)).returning())[0]!;
}

export async function volunteerTeamByName(db: DbOrTx, areaCode: string, name: string) {
  const rows = await db.select().from(volunteerTeams).where(and(eq(volunteerTeams.areaCode, areaCode), eq(volunteerTeams.name, name))).limit(1);
  return rows[0] ?? null;
}

/** Registered volunteers per team. */
export async function teamSizes(db: DbOrTx, teamIds: string[]) {
  if (!teamIds.length) return new Map<string, number>();
  const rows = await db.select({ id: volunteers.teamId, n: count() }).from(volunteers).where(inArray(volunteers.teamId, teamIds)).groupBy(volunteers.teamId);
  return new Map(rows.map((r) => [r.id!, Number(r.n)]));
}

export async function insertVolunteerTeams(db: DbOrTx, rows: (typeof volunteerTeams.$inferInsert)[]) {
  if (rows.length) await db.insert(volunteerTeams).values(rows).onConflictDoNothing();
}

export async function volunteerOfUser(db: DbOrTx, userId: string): Promise<VolunteerRow | null> {
  const rows = await db.select().from(volunteers).where(eq(volunteers.userId, userId)).limit(1);
  return rows[0] ?? null;
}

export async function findVolunteer(db: DbOrTx, id: string): Promise<VolunteerRow | null> {
  const rows = await db.select().from(volunteers).where(eq(volunteers.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function upsertVolunteer(db: DbOrTx, row: typeof volunteers.$inferInsert): Promise<VolunteerRow> {
  const res = await db
    .insert(volunteers)
    .values(row)
    .onConflictDoUpdate({ target: volunteers.userId, set: { teamId: row.teamId ?? null, skills: row.skills ?? [], availability: row.availability ?? '', updatedAt: new Date() } })
    .returning();
  return res[0]!;
}

export async function updateVolunteer(db: DbOrTx, id: string, patch: Partial<typeof volunteers.$inferInsert>): Promise<VolunteerRow> {
  return (await db.update(volunteers).set({ ...patch, updatedAt: new Date() }).where(eq(volunteers.id, id)).returning())[0]!;
}

export async function listVolunteers(db: DbOrTx, area: string, q: { teamId?: string; page: number; pageSize: number }) {
  const where = and(sql`${volunteers.areaCode} like ${escapeLike(area) + '%'}`, q.teamId ? eq(volunteers.teamId, q.teamId) : undefined);
  const [total] = await db.select({ n: count() }).from(volunteers).where(where);
  const rows = await db
    .select()
    .from(volunteers)
    .where(where)
    .orderBy(asc(volunteers.name), asc(volunteers.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { total: Number(total?.n ?? 0), rows };
}

/**
 * Minutes served and activities attended per user (confirmed present), by activity group of kinds,
 * and the no-shows (未到: signed up, confirmed absent) at any activity.
 */
export async function serviceTotals(db: DbOrTx, userIds: string[], serviceKinds: string[], trainingKinds: string[]) {
  if (!userIds.length) return new Map<string, { minutes: number; services: number; trainings: number; noShows: number }>();
  const present = sql`${activityAttendance.outcome} = 'present'`;
  const rows = await db
    .select({
      userId: activityAttendance.userId,
      minutes: sql<number>`coalesce(sum(case when ${present} and ${inArray(activities.kind, serviceKinds)} then ${activityAttendance.minutes} else 0 end), 0)`,
      services: sql<number>`count(*) filter (where ${present} and ${inArray(activities.kind, serviceKinds)})`,
      trainings: sql<number>`count(*) filter (where ${present} and ${inArray(activities.kind, trainingKinds)})`,
      noShows: sql<number>`count(*) filter (where ${activityAttendance.outcome} = 'absent')`,
    })
    .from(activityAttendance)
    .innerJoin(activities, eq(activities.id, activityAttendance.activityId))
    .where(and(inArray(activityAttendance.userId, userIds), isNotNull(activityAttendance.outcome), eq(activityAttendance.state, 'signed-up')))
    .groupBy(activityAttendance.userId);
  return new Map(rows.map((r) => [r.userId, { minutes: Number(r.minutes), services: Number(r.services), trainings: Number(r.trainings), noShows: Number(r.noShows) }]));
}

/** A person's confirmed attendances, newest first (the service part of the volunteer record). */
export async function serviceHistory(db: DbOrTx, userId: string, limit = 200) {
  return db
    .select({
      activityId: activities.id,
      kind: activities.kind,
      title: activities.title,
      place: activities.place,
      startsAt: activities.startsAt,
      endsAt: activities.endsAt,
      outcome: activityAttendance.outcome,
      minutes: activityAttendance.minutes,
      points: activityAttendance.points,
    })
    .from(activityAttendance)
    .innerJoin(activities, eq(activities.id, activityAttendance.activityId))
    .where(and(eq(activityAttendance.userId, userId), isNotNull(activityAttendance.outcome)))
    .orderBy(desc(activities.startsAt))
    .limit(limit);
}

export async function personDetails(db: DbOrTx, personId: string) {
  const rows = await db
    .select({ id: people.id, name: people.name, gender: people.gender, birthDate: people.birthDate, idLast4: people.idLast4, phoneLast4: people.phoneLast4, areaCode: people.areaCode, partyMember: people.partyMember })
    .from(people)
    .where(eq(people.id, personId))
    .limit(1);
  return rows[0] ?? null;
}

export async function insertCertificate(db: DbOrTx, row: typeof volunteerCertificates.$inferInsert) {
  return (await db.insert(volunteerCertificates).values(row).returning())[0]!;
}

export async function certificateByCode(db: DbOrTx, code: string) {
  const rows = await db.select().from(volunteerCertificates).where(eq(volunteerCertificates.code, code)).limit(1);
  return rows[0] ?? null;
}
