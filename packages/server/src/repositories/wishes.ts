// All SQL of micro-wishes (微心愿). Every read that returns wishes takes a WishScope.
import { and, asc, count, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { files, people, serviceOrderFiles, units, users, wishEvents, wishes, wishFiles } from '../db/schema.ts';
import { escapeLike } from './scope.ts';

export type WishRow = typeof wishes.$inferSelect;
export type NewWishRow = typeof wishes.$inferInsert;
export type WishEventRow = typeof wishEvents.$inferSelect;

declare const wishScopeBrand: unique symbol;
/**
 * Which wishes a caller may read. Made only by the wish policy from an authenticated actor:
 * every wish inside `areas` (staff), the wall states inside `wallAreas` (residents' community,
 * members' community, units' area), and wishes the caller posted, owns or claimed.
 */
export type WishScope = {
  areas: string[];
  wallAreas: string[];
  wallStates: readonly string[];
  userId: string | null;
  unitId: string | null;
} & { readonly [wishScopeBrand]: true };

export const makeWishScope = (s: { areas: string[]; wallAreas: string[]; wallStates: readonly string[]; userId: string | null; unitId: string | null }) => s as WishScope;

const prefix = (code: string) => sql`${wishes.areaCode} like ${escapeLike(code) + '%'}`;

export function wishScopeSql(scope: WishScope): SQL {
  const parts: SQL[] = [];
  for (const a of scope.areas) parts.push(prefix(a));
  if (scope.wallStates.length) {
    for (const a of scope.wallAreas) parts.push(and(prefix(a), inArray(wishes.state, [...scope.wallStates]))!);
  }
  if (scope.userId) {
    parts.push(eq(wishes.wisherUserId, scope.userId), eq(wishes.createdBy, scope.userId), eq(wishes.claimedByUserId, scope.userId));
  }
  if (scope.unitId) parts.push(eq(wishes.claimedByUnitId, scope.unitId));
  return parts.length ? or(...parts)! : sql`false`;
}

export async function insertWish(db: DbOrTx, row: NewWishRow): Promise<WishRow> {
  const res = await db.insert(wishes).values(row).returning();
  return res[0]!;
}

export async function findWish(db: DbOrTx, scope: WishScope, id: string): Promise<WishRow | null> {
  const rows = await db
    .select()
    .from(wishes)
    .where(and(eq(wishes.id, id), wishScopeSql(scope)))
    .limit(1);
  return rows[0] ?? null;
}

/** Loads a wish for a change, locking its row until the transaction ends. */
export async function lockWish(db: DbOrTx, id: string): Promise<WishRow | null> {
  const rows = await db.select().from(wishes).where(eq(wishes.id, id)).for('update').limit(1);
  return rows[0] ?? null;
}

export async function updateWish(db: DbOrTx, id: string, patch: Partial<NewWishRow>): Promise<WishRow> {
  const res = await db
    .update(wishes)
    .set({ ...patch, updatedAt: new Date(), version: sql`${wishes.version} + 1` })
    .where(eq(wishes.id, id))
    .returning();
  return res[0]!;
}

export interface WishFilter {
  states?: string[];
  area?: string;
  relation?: { kind: 'mine' | 'claimed'; userId: string };
  page: number;
  pageSize: number;
}

export async function listWishes(db: DbOrTx, scope: WishScope, f: WishFilter): Promise<{ total: number; rows: WishRow[] }> {
  const rel = f.relation
    ? f.relation.kind === 'mine'
      ? or(eq(wishes.wisherUserId, f.relation.userId), eq(wishes.createdBy, f.relation.userId))
      : eq(wishes.claimedByUserId, f.relation.userId)
    : undefined;
  const where = and(wishScopeSql(scope), f.states?.length ? inArray(wishes.state, f.states) : undefined, f.area ? prefix(f.area) : undefined, rel);
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(wishes)
      .where(where)
      .orderBy(desc(wishes.createdAt), desc(wishes.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(wishes).where(where),
  ]);
  return { total: Number(totals[0]?.n ?? 0), rows };
}

/** The public wish wall of an area: only the wall states, newest first. */
export async function wallOf(db: DbOrTx, area: string, states: readonly string[], limit: number): Promise<WishRow[]> {
  return db
    .select()
    .from(wishes)
    .where(and(prefix(area), inArray(wishes.state, [...states])))
    .orderBy(desc(wishes.createdAt), desc(wishes.id))
    .limit(limit);
}

export async function insertWishEvent(db: DbOrTx, row: typeof wishEvents.$inferInsert): Promise<WishEventRow> {
  const res = await db.insert(wishEvents).values(row).returning();
  return res[0]!;
}

export async function eventsOfWish(db: DbOrTx, wishId: string): Promise<WishEventRow[]> {
  return db.select().from(wishEvents).where(eq(wishEvents.wishId, wishId)).orderBy(asc(wishEvents.id));
}

/** Files that may be attached: with their uploader and whether a case, a wish or a service order already uses them. */
export async function attachableFiles(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: files.id, name: files.name, mime: files.mime, size: files.size, caseId: files.caseId, uploaderId: files.uploaderId, wishId: wishFiles.wishId, orderId: serviceOrderFiles.orderId })
    .from(files)
    .leftJoin(wishFiles, eq(wishFiles.fileId, files.id))
    .leftJoin(serviceOrderFiles, eq(serviceOrderFiles.fileId, files.id))
    .where(inArray(files.id, ids));
  // A file used by an order counts as taken, like one used by another wish.
  return rows.map(({ orderId, ...r }) => ({ ...r, wishId: r.wishId ?? orderId }));
}

/** Claims files for a wish; false when one of them is already taken (a concurrent attach). */
export async function attachWishFiles(db: DbOrTx, wishId: string, ids: string[]): Promise<boolean> {
  if (ids.length === 0) return true;
  const res = await db
    .insert(wishFiles)
    .values(ids.map((fileId) => ({ fileId, wishId })))
    .onConflictDoNothing()
    .returning({ id: wishFiles.fileId });
  return res.length === ids.length;
}

export async function filesOfWish(db: DbOrTx, wishId: string) {
  return db
    .select({ id: files.id, name: files.name, mime: files.mime, size: files.size })
    .from(wishFiles)
    .innerJoin(files, eq(files.id, wishFiles.fileId))
    .where(eq(wishFiles.wishId, wishId))
    .orderBy(asc(wishFiles.createdAt));
}

export async function personForWish(db: DbOrTx, id: string) {
  const rows = await db.select({ id: people.id, name: people.name, areaCode: people.areaCode, partyMember: people.partyMember }).from(people).where(eq(people.id, id)).limit(1);
  return rows[0] ?? null;
}

/** The account of a person in the registry, if they have one. */
export async function userOfPerson(db: DbOrTx, personId: string): Promise<{ id: string } | null> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.personId, personId), eq(users.active, true)))
    .orderBy(asc(users.createdAt))
    .limit(1);
  return rows[0] ?? null;
}

export async function userNamesOf(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter(Boolean))];
  if (unique.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function unitNamesOf(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter(Boolean))];
  if (unique.length === 0) return new Map();
  const rows = await db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function unitAreaOf(db: DbOrTx, id: string): Promise<{ name: string; areaCode: string; type: string } | null> {
  const rows = await db.select({ name: units.name, areaCode: units.areaCode, type: units.type }).from(units).where(eq(units.id, id)).limit(1);
  return rows[0] ?? null;
}
