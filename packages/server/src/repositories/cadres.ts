// SQL of service points, the talent registry and sunk-down cadres (docs/SERVICE-POINTS.md).
import { and, asc, count, desc, eq, gte, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { areas, people, cadreCheckins, cadreProfiles, cadreTasks, files, servicePoints, talents, units, users } from '../db/schema.ts';
import { escapeLike, inScope, type Scope } from './scope.ts';

export type ServicePointRow = typeof servicePoints.$inferSelect;
export type NewServicePointRow = typeof servicePoints.$inferInsert;
export type TalentRow = typeof talents.$inferSelect;
export type NewTalentRow = typeof talents.$inferInsert;
export type CadreTaskRow = typeof cadreTasks.$inferSelect;
export type CheckinRow = typeof cadreCheckins.$inferSelect;

const under = (col: Parameters<typeof inScope>[0], area: string | undefined): SQL | undefined => (area ? sql`${col} like ${escapeLike(area) + '%'}` : undefined);

// ---- service points ---------------------------------------------------------------------------------------

export async function listServicePoints(db: DbOrTx, scope: Scope, f: { area?: string; kinds?: string[]; page: number; pageSize: number }) {
  const where = and(inScope(servicePoints.areaCode, scope), under(servicePoints.areaCode, f.area), f.kinds?.length ? inArray(servicePoints.kind, f.kinds) : undefined, isNull(servicePoints.retiredAt));
  const [rows, totals] = await Promise.all([
    db
      .select({ row: servicePoints, areaName: areas.name })
      .from(servicePoints)
      .leftJoin(areas, eq(areas.code, servicePoints.areaCode))
      .where(where)
      .orderBy(asc(servicePoints.areaCode), asc(servicePoints.kind), asc(servicePoints.name), asc(servicePoints.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(servicePoints).where(where),
  ]);
  return { rows, total: totals[0]?.n ?? 0 };
}

/** Open points inside a lat/lng box (the candidates of a walking-distance search). */
export async function servicePointsInBox(db: DbOrTx, box: { minLat: number; maxLat: number; minLng: number; maxLng: number }) {
  return db
    .select({ row: servicePoints, areaName: areas.name })
    .from(servicePoints)
    .leftJoin(areas, eq(areas.code, servicePoints.areaCode))
    .where(
      and(
        isNull(servicePoints.retiredAt),
        gte(servicePoints.lat, box.minLat),
        lte(servicePoints.lat, box.maxLat),
        gte(servicePoints.lng, box.minLng),
        lte(servicePoints.lng, box.maxLng),
      ),
    )
    .limit(500);
}

export async function findServicePoint(db: DbOrTx, scope: Scope, id: string): Promise<ServicePointRow | null> {
  const [row] = await db.select().from(servicePoints).where(and(eq(servicePoints.id, id), inScope(servicePoints.areaCode, scope)));
  return row ?? null;
}

export async function insertServicePoint(db: DbOrTx, row: NewServicePointRow): Promise<ServicePointRow> {
  const [out] = await db.insert(servicePoints).values(row).returning();
  return out!;
}

export async function insertServicePointsIfAbsent(db: DbOrTx, rows: NewServicePointRow[]): Promise<void> {
  if (rows.length) await db.insert(servicePoints).values(rows).onConflictDoNothing();
}

export async function updateServicePoint(db: DbOrTx, id: string, patch: Partial<NewServicePointRow>): Promise<ServicePointRow> {
  const [out] = await db
    .update(servicePoints)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(servicePoints.id, id))
    .returning();
  return out!;
}

// ---- talents ----------------------------------------------------------------------------------------------

export async function listTalents(db: DbOrTx, scope: Scope, f: { area?: string; category?: string; role?: string; listedOnly: boolean; page: number; pageSize: number }) {
  const listed = sql`(${talents.consentAt} is not null and (${talents.consentWithdrawnAt} is null or ${talents.consentWithdrawnAt} < ${talents.consentAt}))`;
  const where = and(
    inScope(talents.areaCode, scope),
    under(talents.areaCode, f.area),
    isNull(talents.retiredAt),
    f.category ? eq(talents.category, f.category) : undefined,
    f.role ? sql`${talents.roles} @> ${JSON.stringify([f.role])}::jsonb` : undefined,
    f.listedOnly ? listed : undefined,
  );
  const [rows, totals] = await Promise.all([
    db
      .select({ row: talents, areaName: areas.name })
      .from(talents)
      .leftJoin(areas, eq(areas.code, talents.areaCode))
      .where(where)
      .orderBy(asc(talents.areaCode), asc(talents.category), asc(talents.name), asc(talents.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(talents).where(where),
  ]);
  return { rows, total: totals[0]?.n ?? 0 };
}

export async function findTalent(db: DbOrTx, scope: Scope, id: string): Promise<TalentRow | null> {
  const [row] = await db
    .select()
    .from(talents)
    .where(and(eq(talents.id, id), inScope(talents.areaCode, scope), isNull(talents.retiredAt)));
  return row ?? null;
}

export async function insertTalent(db: DbOrTx, row: NewTalentRow): Promise<TalentRow> {
  const [out] = await db.insert(talents).values(row).returning();
  return out!;
}

export async function insertTalentsIfAbsent(db: DbOrTx, rows: NewTalentRow[]): Promise<void> {
  if (rows.length) await db.insert(talents).values(rows).onConflictDoNothing();
}

export async function updateTalent(db: DbOrTx, id: string, patch: Partial<NewTalentRow>): Promise<TalentRow> {
  const [out] = await db
    .update(talents)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(talents.id, id))
    .returning();
  return out!;
}

// ---- cadres -----------------------------------------------------------------------------------------------

export interface CadreRow {
  userId: string;
  displayName: string;
  areaCode: string;
  areaName: string | null;
  unitId: string | null;
  unitName: string | null;
  kind: string | null;
  active: boolean;
}

const cadreSelect = {
  userId: users.id,
  displayName: users.displayName,
  areaCode: users.scopeCode,
  areaName: areas.name,
  unitId: users.unitId,
  unitName: units.name,
  kind: cadreProfiles.kind,
  active: users.active,
};

/** Active accounts holding the `cadre` role whose community lies in the scope (and under `area`). */
export async function listCadres(db: DbOrTx, scope: Scope, area?: string): Promise<CadreRow[]> {
  return db
    .select(cadreSelect)
    .from(users)
    .leftJoin(areas, eq(areas.code, users.scopeCode))
    .leftJoin(units, eq(units.id, users.unitId))
    .leftJoin(cadreProfiles, eq(cadreProfiles.userId, users.id))
    .where(and(sql`'cadre' = any(${users.roles})`, eq(users.active, true), inScope(users.scopeCode, scope), under(users.scopeCode, area)))
    .orderBy(asc(users.scopeCode), asc(units.name), asc(users.displayName));
}

export async function findCadre(db: DbOrTx, scope: Scope, userId: string): Promise<CadreRow | null> {
  const [row] = await db
    .select(cadreSelect)
    .from(users)
    .leftJoin(areas, eq(areas.code, users.scopeCode))
    .leftJoin(units, eq(units.id, users.unitId))
    .leftJoin(cadreProfiles, eq(cadreProfiles.userId, users.id))
    .where(and(eq(users.id, userId), sql`'cadre' = any(${users.roles})`, inScope(users.scopeCode, scope)));
  return row ?? null;
}

export async function upsertCadreProfile(db: DbOrTx, userId: string, kind: string, updatedBy: string | null): Promise<void> {
  await db
    .insert(cadreProfiles)
    .values({ userId, kind, updatedBy })
    .onConflictDoUpdate({ target: cadreProfiles.userId, set: { kind, updatedBy, updatedAt: new Date() } });
}

/** Inserts the day's check-in; null when the cadre has already checked in that day. */
export async function insertCheckin(db: DbOrTx, row: typeof cadreCheckins.$inferInsert): Promise<CheckinRow | null> {
  const [out] = await db.insert(cadreCheckins).values(row).onConflictDoNothing().returning();
  return out ?? null;
}

export async function checkinOn(db: DbOrTx, userId: string, day: string): Promise<CheckinRow | null> {
  const [row] = await db
    .select()
    .from(cadreCheckins)
    .where(and(eq(cadreCheckins.userId, userId), eq(cadreCheckins.day, day)));
  return row ?? null;
}

export async function checkinsOf(db: DbOrTx, userId: string, from: string, to: string): Promise<CheckinRow[]> {
  return db
    .select()
    .from(cadreCheckins)
    .where(and(eq(cadreCheckins.userId, userId), gte(cadreCheckins.day, from), lte(cadreCheckins.day, to)))
    .orderBy(desc(cadreCheckins.day));
}

/** Days checked in per cadre in [from, to] for cadres of the scope. */
export async function checkinDaysByCadre(db: DbOrTx, scope: Scope, area: string | undefined, from: string, to: string) {
  return db
    .select({ userId: cadreCheckins.userId, days: count(), last: sql<string>`max(${cadreCheckins.day})::text` })
    .from(cadreCheckins)
    .where(and(inScope(cadreCheckins.areaCode, scope), under(cadreCheckins.areaCode, area), gte(cadreCheckins.day, from), lte(cadreCheckins.day, to)))
    .groupBy(cadreCheckins.userId);
}

export async function tasksDoneByCadre(db: DbOrTx, scope: Scope, area: string | undefined, fromAt: Date, toAt: Date) {
  return db
    .select({ userId: cadreTasks.userId, done: count() })
    .from(cadreTasks)
    .where(and(inScope(cadreTasks.areaCode, scope), under(cadreTasks.areaCode, area), eq(cadreTasks.state, 'done'), gte(cadreTasks.completedAt, fromAt), lte(cadreTasks.completedAt, toAt)))
    .groupBy(cadreTasks.userId);
}

export async function listTasks(db: DbOrTx, scope: Scope, f: { area?: string; userId?: string; states?: string[]; page: number; pageSize: number }) {
  const where = and(inScope(cadreTasks.areaCode, scope), under(cadreTasks.areaCode, f.area), f.userId ? eq(cadreTasks.userId, f.userId) : undefined, f.states?.length ? inArray(cadreTasks.state, f.states) : undefined);
  const [rows, totals] = await Promise.all([
    db
      .select({ row: cadreTasks, cadreName: users.displayName, areaName: areas.name })
      .from(cadreTasks)
      .leftJoin(users, eq(users.id, cadreTasks.userId))
      .leftJoin(areas, eq(areas.code, cadreTasks.areaCode))
      .where(where)
      .orderBy(sql`case when ${cadreTasks.state} = 'open' then 0 else 1 end`, desc(cadreTasks.createdAt), asc(cadreTasks.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(cadreTasks).where(where),
  ]);
  return { rows, total: totals[0]?.n ?? 0 };
}

/** A task of the scope, or the caller's own task (a cadre's scope is the community it lies in). */
export async function findTask(db: DbOrTx, scope: Scope, id: string): Promise<CadreTaskRow | null> {
  const [row] = await db
    .select()
    .from(cadreTasks)
    .where(and(eq(cadreTasks.id, id), inScope(cadreTasks.areaCode, scope)));
  return row ?? null;
}

export async function lockTask(db: DbOrTx, id: string): Promise<CadreTaskRow | null> {
  const [row] = await db.select().from(cadreTasks).where(eq(cadreTasks.id, id)).for('update');
  return row ?? null;
}

export async function insertTask(db: DbOrTx, row: typeof cadreTasks.$inferInsert): Promise<CadreTaskRow> {
  const [out] = await db.insert(cadreTasks).values(row).returning();
  return out!;
}

export async function updateTask(db: DbOrTx, id: string, patch: Partial<typeof cadreTasks.$inferInsert>): Promise<CadreTaskRow> {
  const [out] = await db
    .update(cadreTasks)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(cadreTasks.id, id))
    .returning();
  return out!;
}

export async function fileMeta(db: DbOrTx, id: string) {
  const [row] = await db.select({ id: files.id, uploaderId: files.uploaderId, caseId: files.caseId }).from(files).where(eq(files.id, id));
  return row ?? null;
}

export async function unitNames(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

// ---- where home is ----------------------------------------------------------------------------------------

/** Where a person lives: the registry records their household's area (the grid), not a point. */
export async function personHome(db: DbOrTx, personId: string) {
  const [row] = await db.select({ areaCode: people.areaCode }).from(people).where(eq(people.id, personId));
  return row ?? null;
}

/** The outlines of an area and the areas under it (the first 200), to place a home in it. */
export async function geometriesUnder(db: DbOrTx, code: string): Promise<unknown[]> {
  const rows = await db
    .select({ geometry: areas.geometry })
    .from(areas)
    .where(and(sql`${areas.code} like ${escapeLike(code) + '%'}`, sql`${areas.geometry} is not null`))
    .orderBy(asc(areas.code))
    .limit(200);
  return rows.map((r) => r.geometry);
}

export async function areaExists(db: DbOrTx, code: string): Promise<{ code: string; name: string } | null> {
  const [row] = await db.select({ code: areas.code, name: areas.name }).from(areas).where(eq(areas.code, code));
  return row ?? null;
}

/** The villages and communities of a town, to choose a home from (names and codes only). */
export async function villagesOf(db: DbOrTx, townCode: string) {
  return db
    .select({ code: areas.code, name: areas.name })
    .from(areas)
    .where(and(sql`${areas.code} like ${escapeLike(townCode) + '%'}`, eq(areas.level, 'village')))
    .orderBy(asc(areas.code))
    .limit(100);
}
