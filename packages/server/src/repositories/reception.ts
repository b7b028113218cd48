import { and, asc, count, desc, eq, gte, inArray, lte, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { cases, leaderAttachments, receptionDays, users } from '../db/schema.ts';
import { escapeLike } from './scope.ts';

export type ReceptionDayRow = typeof receptionDays.$inferSelect;

/** Reception days in an area (prefix) between two days, with how many cases were taken at each. */
export async function listDays(db: DbOrTx, f: { scopeCode: string; from: string; to: string; areaCode?: string; leaderUserId?: string }) {
  const taken = db
    .select({ dayId: cases.receptionDayId, n: count().as('n') })
    .from(cases)
    .where(sql`${cases.receptionDayId} is not null`)
    .groupBy(cases.receptionDayId)
    .as('taken');
  return db
    .select({ day: receptionDays, cases: sql<number>`coalesce(${taken.n}, 0)::int` })
    .from(receptionDays)
    .leftJoin(taken, eq(taken.dayId, receptionDays.id))
    .where(
      and(
        sql`${receptionDays.areaCode} like ${escapeLike(f.areaCode ?? f.scopeCode) + '%'}`,
        gte(receptionDays.day, f.from),
        lte(receptionDays.day, f.to),
        f.leaderUserId ? eq(receptionDays.leaderUserId, f.leaderUserId) : undefined,
      ),
    )
    .orderBy(asc(receptionDays.day), asc(receptionDays.startTime), asc(receptionDays.areaCode))
    .limit(1000);
}

export async function findDay(db: DbOrTx, id: string): Promise<ReceptionDayRow | null> {
  const [row] = await db.select().from(receptionDays).where(eq(receptionDays.id, id)).limit(1);
  return row ?? null;
}

export async function insertDay(db: DbOrTx, row: typeof receptionDays.$inferInsert): Promise<ReceptionDayRow> {
  const [out] = await db.insert(receptionDays).values(row).returning();
  return out!;
}

export async function updateDay(db: DbOrTx, id: string, set: Partial<typeof receptionDays.$inferInsert>): Promise<ReceptionDayRow> {
  const [out] = await db
    .update(receptionDays)
    .set({ ...set, updatedAt: sql`now()` })
    .where(eq(receptionDays.id, id))
    .returning();
  return out!;
}

export async function deleteDay(db: DbOrTx, id: string): Promise<void> {
  await db.delete(receptionDays).where(eq(receptionDays.id, id));
}

export async function casesOfDay(db: DbOrTx, dayId: string) {
  return db
    .select({ id: cases.id, code: cases.code, title: cases.title, state: cases.state })
    .from(cases)
    .where(eq(cases.receptionDayId, dayId))
    .orderBy(asc(cases.createdAt));
}

/** The published days of one community from a day on (the residents' notice). */
export async function upcomingDays(db: DbOrTx, villageCode: string, fromDay: string, limit: number): Promise<ReceptionDayRow[]> {
  return db
    .select()
    .from(receptionDays)
    .where(and(eq(receptionDays.areaCode, villageCode), gte(receptionDays.day, fromDay)))
    .orderBy(asc(receptionDays.day), asc(receptionDays.startTime))
    .limit(limit);
}

// ---- leaders and their attachments (包片) ----------------------------------------------------------

export interface LeaderRow {
  id: string;
  displayName: string;
  scopeCode: string;
}

/** Leader accounts that sit in the area or are attached to a place in it. */
export async function leadersFor(db: DbOrTx, scopeCode: string): Promise<LeaderRow[]> {
  const prefix = escapeLike(scopeCode) + '%';
  return db
    .select({ id: users.id, displayName: users.displayName, scopeCode: users.scopeCode })
    .from(users)
    .where(
      and(
        eq(users.active, true),
        sql`${users.roles} && array['leader']::text[]`,
        or(
          sql`${users.scopeCode} like ${prefix}`,
          sql`exists (select 1 from ${leaderAttachments} a where a.user_id = ${users.id} and (a.area_code like ${prefix} or ${scopeCode} like a.area_code || '%'))`,
        ),
      ),
    )
    .orderBy(asc(users.scopeCode), asc(users.displayName));
}

export async function findLeader(db: DbOrTx, userId: string): Promise<LeaderRow | null> {
  const [row] = await db
    .select({ id: users.id, displayName: users.displayName, scopeCode: users.scopeCode })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.active, true), sql`${users.roles} && array['leader']::text[]`))
    .limit(1);
  return row ?? null;
}

export async function attachmentsOf(db: DbOrTx, userIds: string[]): Promise<{ userId: string; areaCode: string }[]> {
  if (userIds.length === 0) return [];
  return db
    .select({ userId: leaderAttachments.userId, areaCode: leaderAttachments.areaCode })
    .from(leaderAttachments)
    .where(inArray(leaderAttachments.userId, userIds))
    .orderBy(asc(leaderAttachments.areaCode));
}

/** Replaces the leader's attachments inside `scopeCode` (those outside it, set by another centre, stay). */
export async function replaceAttachments(db: DbOrTx, userId: string, scopeCode: string, areaCodes: string[]): Promise<void> {
  await db
    .delete(leaderAttachments)
    .where(and(eq(leaderAttachments.userId, userId), sql`${leaderAttachments.areaCode} like ${escapeLike(scopeCode) + '%'}`));
  if (areaCodes.length) await db.insert(leaderAttachments).values(areaCodes.map((areaCode) => ({ userId, areaCode }))).onConflictDoNothing();
}

// ---- 领导包案 ------------------------------------------------------------------------------------------

/** The leader's own cases: open ones first (the most urgent step at the top), then the settled ones. */
export async function leadCases(db: DbOrTx, userId: string, limit: number) {
  return db
    .select()
    .from(cases)
    .where(eq(cases.leadUserId, userId))
    .orderBy(
      sql`case when ${cases.state} in ('closed','rejected','withdrawn','merged') then 1 else 0 end`,
      sql`${cases.stepDueAt} asc nulls last`,
      desc(cases.createdAt),
    )
    .limit(limit);
}
