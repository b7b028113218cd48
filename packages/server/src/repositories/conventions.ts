// All SQL of conventions (村规民约 / 居民公约). Reads of conventions take a ConventionScope made by the policy.
import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { conventions, conventionVersions, deliberations, pointsRules, users } from '../db/schema.ts';
import { escapeLike } from './scope.ts';

export type ConventionRow = typeof conventions.$inferSelect;
export type ConventionVersionRow = typeof conventionVersions.$inferSelect;

declare const conventionScopeBrand: unique symbol;
/**
 * Made only by the convention policy: conventions of areas inside `within` (staff read all their versions),
 * and the one of the village/community that contains `home` (its people read its adopted version).
 */
export type ConventionScope = { within: string | null; home: string | null } & { readonly [conventionScopeBrand]: true };
export const makeConventionScope = (s: { within: string | null; home: string | null }) => s as ConventionScope;

function scopeSql(scope: ConventionScope): SQL {
  const parts: SQL[] = [];
  if (scope.within !== null) parts.push(sql`${conventions.areaCode} like ${escapeLike(scope.within) + '%'}`);
  if (scope.home) parts.push(sql`${scope.home} like ${conventions.areaCode} || '%'`);
  return parts.length ? or(...parts)! : sql`false`;
}

export async function listConventions(db: DbOrTx, scope: ConventionScope): Promise<ConventionRow[]> {
  return db.select().from(conventions).where(scopeSql(scope)).orderBy(asc(conventions.areaCode)).limit(2000);
}

export async function findConvention(db: DbOrTx, scope: ConventionScope, id: string): Promise<ConventionRow | null> {
  return (await db.select().from(conventions).where(and(eq(conventions.id, id), scopeSql(scope))).limit(1))[0] ?? null;
}

/** The convention of exactly this area (no scope: callers have checked the area). */
export async function conventionOfArea(db: DbOrTx, areaCode: string): Promise<ConventionRow | null> {
  return (await db.select().from(conventions).where(eq(conventions.areaCode, areaCode)).limit(1))[0] ?? null;
}

/** Creates the area's convention, or returns the one a concurrent request just made. */
export async function ensureConvention(db: DbOrTx, row: typeof conventions.$inferInsert): Promise<ConventionRow> {
  await db.insert(conventions).values(row).onConflictDoNothing();
  return (await conventionOfArea(db, row.areaCode))!;
}

/** Locks the convention's row until the transaction ends: one change of its versions at a time. */
export async function lockConvention(db: DbOrTx, id: string): Promise<ConventionRow | null> {
  return (await db.select().from(conventions).where(eq(conventions.id, id)).for('update').limit(1))[0] ?? null;
}

export async function versionsOf(db: DbOrTx, conventionIds: string[]): Promise<ConventionVersionRow[]> {
  if (!conventionIds.length) return [];
  return db.select().from(conventionVersions).where(inArray(conventionVersions.conventionId, conventionIds)).orderBy(desc(conventionVersions.versionNo));
}

export async function insertVersion(db: DbOrTx, row: typeof conventionVersions.$inferInsert): Promise<ConventionVersionRow> {
  return (await db.insert(conventionVersions).values(row).returning())[0]!;
}

export async function updateVersion(db: DbOrTx, id: string, set: Partial<typeof conventionVersions.$inferInsert>): Promise<ConventionVersionRow> {
  return (
    await db
      .update(conventionVersions)
      .set({ ...set, updatedAt: new Date() })
      .where(eq(conventionVersions.id, id))
      .returning()
  )[0]!;
}

/** Marks the adopted version of a convention superseded (before another is adopted). */
export async function supersedeAdopted(db: DbOrTx, conventionId: string, at: Date): Promise<void> {
  await db
    .update(conventionVersions)
    .set({ state: 'superseded', supersededAt: at, updatedAt: at })
    .where(and(eq(conventionVersions.conventionId, conventionId), eq(conventionVersions.state, 'adopted')));
}

/** The area's own points rules (its overrides and additions), each with whether a district rule of the same code exists. */
export async function areaPointsRules(db: DbOrTx, areaCode: string) {
  return db
    .select({
      id: pointsRules.id,
      code: pointsRules.code,
      name: pointsRules.name,
      scheme: pointsRules.scheme,
      points: pointsRules.points,
      maxPoints: pointsRules.maxPoints,
      active: pointsRules.active,
      overridesDistrict: sql<boolean>`exists (select 1 from points_rules d where d.code = ${pointsRules.code} and d.area_code <> ${pointsRules.areaCode} and ${pointsRules.areaCode} like d.area_code || '%')`,
    })
    .from(pointsRules)
    .where(eq(pointsRules.areaCode, areaCode))
    .orderBy(asc(pointsRules.sort), asc(pointsRules.code));
}

/** Deliberations by id (no scope: they are shown only beside a convention the caller may read). */
export async function deliberationsById(db: DbOrTx, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select({ id: deliberations.id, title: deliberations.title, areaCode: deliberations.areaCode, body: deliberations.body, state: deliberations.state, result: deliberations.result, closedAt: deliberations.closedAt })
    .from(deliberations)
    .where(inArray(deliberations.id, ids));
}

export async function userNames(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}
