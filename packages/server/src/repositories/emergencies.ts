// SQL of emergency events (平战转换): the events, their timeline, forces and check-ins, and the figures of the record.
import { and, asc, desc, eq, gte, inArray, lte, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { campaigns, campaignVisits, cases, emergencyCheckIns, emergencyTaskAcks, emergencyTasks, evacuationEntries, emergencyEvents, emergencyLog, emergencyUnits, households } from '../db/schema.ts';
import { escapeLike, inScope, type Scope } from './scope.ts';

export type EmergencyRow = typeof emergencyEvents.$inferSelect;
export type EmergencyUnitRow = typeof emergencyUnits.$inferSelect;

/** An event of the caller's branch: its area lies in the scope, or holds it (a grid worker in a town's event). */
const concerns = (scope: Scope) => or(inScope(emergencyEvents.areaCode, scope), sql`${scope.code} like ${emergencyEvents.areaCode} || '%'`);

export async function findEvent(db: DbOrTx, scope: Scope, id: string): Promise<EmergencyRow | null> {
  const rows = await db.select().from(emergencyEvents).where(and(eq(emergencyEvents.id, id), concerns(scope))).limit(1);
  return rows[0] ?? null;
}

export async function lockEvent(db: DbOrTx, id: string): Promise<EmergencyRow | null> {
  const rows = await db.select().from(emergencyEvents).where(eq(emergencyEvents.id, id)).for('update').limit(1);
  return rows[0] ?? null;
}

/** Serialises switches: two centres switching overlapping areas at once cannot both pass the overlap check. */
export async function lockSwitches(db: DbOrTx) {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext('gongzhi:emergency-switch'))`);
}

export async function listEvents(db: DbOrTx, scope: Scope, state?: string): Promise<EmergencyRow[]> {
  return db
    .select()
    .from(emergencyEvents)
    .where(and(concerns(scope), state ? eq(emergencyEvents.state, state) : undefined))
    .orderBy(desc(emergencyEvents.startedAt))
    .limit(200);
}

/** Active events whose area holds `areaCode` or lies inside it (no scope: the overlap rule is installation-wide). */
export async function activeOverlapping(db: DbOrTx, areaCode: string): Promise<EmergencyRow[]> {
  return db
    .select()
    .from(emergencyEvents)
    .where(
      and(
        eq(emergencyEvents.state, 'active'),
        or(sql`${emergencyEvents.areaCode} like ${escapeLike(areaCode) + '%'}`, sql`${areaCode} like ${emergencyEvents.areaCode} || '%'`),
      ),
    )
    .orderBy(asc(emergencyEvents.startedAt));
}

export async function insertEvent(db: DbOrTx, row: typeof emergencyEvents.$inferInsert): Promise<EmergencyRow> {
  const [r] = await db.insert(emergencyEvents).values(row).returning();
  return r!;
}

export async function updateEvent(db: DbOrTx, id: string, set: Partial<typeof emergencyEvents.$inferInsert>): Promise<EmergencyRow> {
  const [r] = await db.update(emergencyEvents).set(set).where(eq(emergencyEvents.id, id)).returning();
  return r!;
}

export async function insertLog(db: DbOrTx, row: typeof emergencyLog.$inferInsert) {
  await db.insert(emergencyLog).values(row);
}

export async function logOf(db: DbOrTx, eventId: string) {
  return db.select().from(emergencyLog).where(eq(emergencyLog.eventId, eventId)).orderBy(asc(emergencyLog.createdAt), asc(emergencyLog.id));
}

export async function insertUnit(db: DbOrTx, row: typeof emergencyUnits.$inferInsert): Promise<EmergencyUnitRow> {
  const [r] = await db.insert(emergencyUnits).values(row).returning();
  return r!;
}

export async function unitsOf(db: DbOrTx, eventId: string): Promise<EmergencyUnitRow[]> {
  return db.select().from(emergencyUnits).where(eq(emergencyUnits.eventId, eventId)).orderBy(asc(emergencyUnits.createdAt));
}

export async function insertCheckIn(db: DbOrTx, row: typeof emergencyCheckIns.$inferInsert) {
  const [r] = await db.insert(emergencyCheckIns).values(row).returning();
  return r!;
}

/** Check-ins of the event at grids of the scope, oldest first. */
export async function checkInsOf(db: DbOrTx, scope: Scope, eventId: string) {
  return db
    .select()
    .from(emergencyCheckIns)
    .where(and(eq(emergencyCheckIns.eventId, eventId), inScope(emergencyCheckIns.gridCode, scope)))
    .orderBy(asc(emergencyCheckIns.createdAt));
}

/** Campaigns started during the event over an area on its branch (the event's door-knocking rounds). */
export async function campaignsDuring(db: DbOrTx, scope: Scope, e: EmergencyRow) {
  return db
    .select()
    .from(campaigns)
    .where(
      and(
        or(sql`${campaigns.areaCode} like ${escapeLike(e.areaCode) + '%'}`, sql`${e.areaCode} like ${campaigns.areaCode} || '%'`),
        or(inScope(campaigns.areaCode, scope), sql`${scope.code} like ${campaigns.areaCode} || '%'`),
        gte(campaigns.createdAt, e.startedAt),
        e.endedAt ? lte(campaigns.createdAt, e.endedAt) : undefined,
      ),
    )
    .orderBy(asc(campaigns.createdAt));
}

/** Distinct households reached (`visited`) per round of a campaign, within the event's area and the scope. */
export async function reachedPerRound(db: DbOrTx, scope: Scope, campaignId: string, areaCode: string) {
  const rows = await db
    .select({ round: campaignVisits.round, n: sql<number>`count(distinct ${campaignVisits.householdId})::int` })
    .from(campaignVisits)
    .where(
      and(
        eq(campaignVisits.campaignId, campaignId),
        eq(campaignVisits.result, 'visited'),
        inScope(campaignVisits.areaCode, scope),
        sql`${campaignVisits.areaCode} like ${escapeLike(areaCode) + '%'}`,
      ),
    )
    .groupBy(campaignVisits.round)
    .orderBy(asc(campaignVisits.round));
  return rows.map((r) => ({ round: Number(r.round), reached: Number(r.n) }));
}

/** Distinct households reached in any round. */
export async function reachedTotal(db: DbOrTx, scope: Scope, campaignId: string, areaCode: string) {
  const [r] = await db
    .select({ n: sql<number>`count(distinct ${campaignVisits.householdId})::int` })
    .from(campaignVisits)
    .where(
      and(
        eq(campaignVisits.campaignId, campaignId),
        eq(campaignVisits.result, 'visited'),
        inScope(campaignVisits.areaCode, scope),
        sql`${campaignVisits.areaCode} like ${escapeLike(areaCode) + '%'}`,
      ),
    );
  return Number(r?.n ?? 0);
}

export async function countHouseholds(db: DbOrTx, scope: Scope, areaCode: string) {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(households)
    .where(and(inScope(households.areaCode, scope), sql`${households.areaCode} like ${escapeLike(areaCode) + '%'}`));
  return Number(r?.n ?? 0);
}

/** Cases raised in the area (and scope) between `from` and `to` (or now), counted by category and state. */
export async function casesDuring(db: DbOrTx, scope: Scope, areaCode: string, from: Date, to: Date | null) {
  const rows = await db
    .select({ categoryCode: cases.categoryCode, state: cases.state, n: sql<number>`count(*)::int` })
    .from(cases)
    .where(
      and(
        inScope(cases.areaCode, scope),
        sql`${cases.areaCode} like ${escapeLike(areaCode) + '%'}`,
        gte(cases.createdAt, from),
        to ? lte(cases.createdAt, to) : undefined,
      ),
    )
    .groupBy(cases.categoryCode, cases.state);
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

/** The latest cases raised in the area during the event, for the detail page and the big screen. */
export async function latestCasesDuring(db: DbOrTx, scope: Scope, areaCode: string, from: Date, to: Date | null, limit = 10) {
  return db
    .select({ id: cases.id, code: cases.code, title: cases.title, state: cases.state, categoryCode: cases.categoryCode, areaCode: cases.areaCode, createdAt: cases.createdAt })
    .from(cases)
    .where(
      and(
        inScope(cases.areaCode, scope),
        sql`${cases.areaCode} like ${escapeLike(areaCode) + '%'}`,
        gte(cases.createdAt, from),
        to ? lte(cases.createdAt, to) : undefined,
      ),
    )
    .orderBy(desc(cases.createdAt))
    .limit(limit);
}

/**
 * People moved to safety during the event (转移安置): distinct people of the evacuation lists whose arrival at a shelter
 * was confirmed between the switch and the end (or now), in the event's area and the caller's scope. A person who
 * later went home (已返回) was moved all the same.
 */
export async function peopleMoved(db: DbOrTx, scope: Scope, e: EmergencyRow): Promise<number> {
  const rows = await db
    .select({ n: sql<number>`count(distinct ${evacuationEntries.personId})::int` })
    .from(evacuationEntries)
    .where(
      and(
        inScope(evacuationEntries.areaCode, scope),
        sql`${evacuationEntries.areaCode} like ${escapeLike(e.areaCode) + '%'}`,
        gte(evacuationEntries.arrivedAt, e.startedAt),
        e.endedAt ? lte(evacuationEntries.arrivedAt, e.endedAt) : undefined,
      ),
    );
  return rows[0]?.n ?? 0;
}

export type EmergencyTaskRow = typeof emergencyTasks.$inferSelect;

export async function insertTask(db: DbOrTx, row: typeof emergencyTasks.$inferInsert): Promise<EmergencyTaskRow> {
  const [r] = await db.insert(emergencyTasks).values(row).returning();
  return r!;
}

/** The tasks of an event for the caller's branch: their area lies in the scope, or holds it (a grid worker under a village's task). */
export async function tasksOf(db: DbOrTx, scope: Scope, eventId: string): Promise<EmergencyTaskRow[]> {
  return db
    .select()
    .from(emergencyTasks)
    .where(and(eq(emergencyTasks.eventId, eventId), or(inScope(emergencyTasks.areaCode, scope), sql`${scope.code} like ${emergencyTasks.areaCode} || '%'`)))
    .orderBy(desc(emergencyTasks.createdAt));
}

export async function findTask(db: DbOrTx, id: string): Promise<EmergencyTaskRow | null> {
  const rows = await db.select().from(emergencyTasks).where(eq(emergencyTasks.id, id)).limit(1);
  return rows[0] ?? null;
}

/** Records the caller's "收到" once; a second one changes nothing. */
export async function insertAck(db: DbOrTx, row: typeof emergencyTaskAcks.$inferInsert): Promise<boolean> {
  const r = await db.insert(emergencyTaskAcks).values(row).onConflictDoNothing().returning({ id: emergencyTaskAcks.id });
  return r.length > 0;
}

export async function acksOf(db: DbOrTx, taskIds: string[]) {
  if (taskIds.length === 0) return [];
  return db
    .select({ taskId: emergencyTaskAcks.taskId, userId: emergencyTaskAcks.userId, userName: emergencyTaskAcks.userName, note: emergencyTaskAcks.note, createdAt: emergencyTaskAcks.createdAt })
    .from(emergencyTaskAcks)
    .where(inArray(emergencyTaskAcks.taskId, taskIds))
    .orderBy(asc(emergencyTaskAcks.createdAt));
}
