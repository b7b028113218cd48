// SQL of the grid staff roster (一格多员). Reads take the caller's Scope: an appointment is in scope
// when the area it is held at is.
import { and, asc, count, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { people, staffAppointments, users } from '../db/schema.ts';
import { escapeLike, inScope, type Scope } from './scope.ts';

export type AppointmentRow = typeof staffAppointments.$inferSelect;
export type NewAppointmentRow = typeof staffAppointments.$inferInsert;

export interface RosterFilter {
  area?: string;
  post?: string;
  state: 'active' | 'ended' | 'all';
  q?: string;
  page: number;
  pageSize: number;
}

const rosterSelect = {
  a: staffAppointments,
  personName: people.name,
  personArea: people.areaCode,
  phoneLast4: people.phoneLast4,
  gender: people.gender,
  username: users.username,
  accountActive: users.active,
};

export type RosterRow = { a: AppointmentRow; personName: string; personArea: string; phoneLast4: string | null; gender: string; username: string | null; accountActive: boolean | null };

export async function listRoster(db: DbOrTx, scope: Scope, f: RosterFilter): Promise<{ total: number; rows: RosterRow[] }> {
  const where = and(
    inScope(staffAppointments.areaCode, scope),
    f.area ? sql`${staffAppointments.areaCode} like ${escapeLike(f.area) + '%'}` : undefined,
    f.post ? eq(staffAppointments.post, f.post) : undefined,
    f.state === 'active' ? isNull(staffAppointments.endedOn) : f.state === 'ended' ? isNotNull(staffAppointments.endedOn) : undefined,
    f.q ? sql`${people.name} like ${'%' + escapeLike(f.q) + '%'}` : undefined,
  );
  const [rows, totals] = await Promise.all([
    db
      .select(rosterSelect)
      .from(staffAppointments)
      .innerJoin(people, eq(people.id, staffAppointments.personId))
      .leftJoin(users, eq(users.id, staffAppointments.userId))
      .where(where)
      .orderBy(asc(staffAppointments.areaCode), asc(staffAppointments.post), desc(staffAppointments.createdAt))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(staffAppointments).innerJoin(people, eq(people.id, staffAppointments.personId)).where(where),
  ]);
  return { total: totals[0]?.n ?? 0, rows };
}

/** Active appointments per post in an area, for the roster's summary. */
export async function activeByPost(db: DbOrTx, scope: Scope, area: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ post: staffAppointments.post, n: count() })
    .from(staffAppointments)
    .where(and(inScope(staffAppointments.areaCode, scope), sql`${staffAppointments.areaCode} like ${escapeLike(area) + '%'}`, isNull(staffAppointments.endedOn)))
    .groupBy(staffAppointments.post);
  return new Map(rows.map((r) => [r.post, Number(r.n)]));
}

export async function findAppointment(db: DbOrTx, scope: Scope, id: string): Promise<RosterRow | null> {
  const rows = await db
    .select(rosterSelect)
    .from(staffAppointments)
    .innerJoin(people, eq(people.id, staffAppointments.personId))
    .leftJoin(users, eq(users.id, staffAppointments.userId))
    .where(and(eq(staffAppointments.id, id), inScope(staffAppointments.areaCode, scope)))
    .limit(1);
  return rows[0] ?? null;
}

export async function findActive(db: DbOrTx, personId: string, post: string, areaCode: string): Promise<AppointmentRow | null> {
  const rows = await db
    .select()
    .from(staffAppointments)
    .where(and(eq(staffAppointments.personId, personId), eq(staffAppointments.post, post), eq(staffAppointments.areaCode, areaCode), isNull(staffAppointments.endedOn)))
    .limit(1);
  return rows[0] ?? null;
}

export async function insertAppointment(db: DbOrTx, row: NewAppointmentRow): Promise<AppointmentRow> {
  const res = await db.insert(staffAppointments).values(row).returning();
  return res[0]!;
}

/** Ends an open appointment; null when it had already ended (a concurrent end). */
export async function endAppointment(db: DbOrTx, id: string, endedOn: string, reason: string | null): Promise<AppointmentRow | null> {
  const res = await db
    .update(staffAppointments)
    .set({ endedOn, endReason: reason, updatedAt: new Date() })
    .where(and(eq(staffAppointments.id, id), isNull(staffAppointments.endedOn)))
    .returning();
  return res[0] ?? null;
}
