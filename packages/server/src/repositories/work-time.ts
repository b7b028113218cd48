import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { calendarOverrides, unitOfficeHours, units } from '../db/schema.ts';
import { escapeLike } from './scope.ts';

export type CalendarOverrideRow = typeof calendarOverrides.$inferSelect;

export async function listCalendarOverrides(db: DbOrTx): Promise<CalendarOverrideRow[]> {
  return db.select().from(calendarOverrides).orderBy(asc(calendarOverrides.date));
}

export async function upsertCalendarOverride(db: DbOrTx, row: { date: string; working: boolean; name: string | null; updatedBy: string }): Promise<CalendarOverrideRow> {
  const [out] = await db
    .insert(calendarOverrides)
    .values(row)
    .onConflictDoUpdate({ target: calendarOverrides.date, set: { working: row.working, name: row.name, updatedBy: row.updatedBy, updatedAt: sql`now()` } })
    .returning();
  return out!;
}

export async function deleteCalendarOverride(db: DbOrTx, date: string): Promise<boolean> {
  const rows = await db.delete(calendarOverrides).where(eq(calendarOverrides.date, date)).returning({ date: calendarOverrides.date });
  return rows.length > 0;
}

/** Every unit's own office hours with where the unit sits (small: only units that set them). */
export async function listOfficeHours(db: DbOrTx) {
  return db
    .select({ unitId: unitOfficeHours.unitId, periods: unitOfficeHours.periods, type: units.type, areaCode: units.areaCode, updatedAt: unitOfficeHours.updatedAt })
    .from(unitOfficeHours)
    .innerJoin(units, eq(units.id, unitOfficeHours.unitId));
}

/** Units whose area lies inside `scopeCode` (all when null), with their own office hours if any. */
export async function unitsWithOfficeHours(db: DbOrTx, scopeCode: string | null, types: readonly string[]) {
  return db
    .select({ id: units.id, name: units.name, type: units.type, areaCode: units.areaCode, periods: unitOfficeHours.periods, updatedAt: unitOfficeHours.updatedAt })
    .from(units)
    .leftJoin(unitOfficeHours, eq(unitOfficeHours.unitId, units.id))
    .where(sql`${inArray(units.type, [...types])}${scopeCode ? sql` and ${units.areaCode} like ${escapeLike(scopeCode) + '%'}` : sql``}`)
    .orderBy(asc(units.areaCode), asc(units.type), asc(units.sort), asc(units.name));
}

export async function upsertOfficeHours(db: DbOrTx, unitId: string, periods: unknown, updatedBy: string) {
  await db
    .insert(unitOfficeHours)
    .values({ unitId, periods, updatedBy })
    .onConflictDoUpdate({ target: unitOfficeHours.unitId, set: { periods, updatedBy, updatedAt: sql`now()` } });
}

export async function deleteOfficeHours(db: DbOrTx, unitId: string): Promise<boolean> {
  const rows = await db.delete(unitOfficeHours).where(eq(unitOfficeHours.unitId, unitId)).returning({ unitId: unitOfficeHours.unitId });
  return rows.length > 0;
}
