import { and, asc, count, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { areas, organisations, places } from '../db/schema.ts';
import { escapeLike, inScope, type Scope } from './scope.ts';

export type PlaceRow = typeof places.$inferSelect;
export type NewPlaceRow = typeof places.$inferInsert;
export type OrganisationRow = typeof organisations.$inferSelect;
export type NewOrganisationRow = typeof organisations.$inferInsert;

/** The filters places and organisations share. */
export interface DirectoryFilter {
  area?: string;
  kinds?: string[];
  q?: string;
  includeRetired?: boolean;
  page: number;
  pageSize: number;
}

type Table = typeof places | typeof organisations;

function filterSql(t: Table, scope: Scope, f: Omit<DirectoryFilter, 'page' | 'pageSize'>): SQL | undefined {
  const conds: (SQL | undefined)[] = [inScope(t.areaCode, scope)];
  if (f.area) conds.push(sql`${t.areaCode} like ${escapeLike(f.area) + '%'}`);
  if (f.kinds?.length) conds.push(inArray(t.kind, f.kinds));
  if (!f.includeRetired) conds.push(isNull(t.retiredAt));
  if (f.q) {
    const like = '%' + escapeLike(f.q) + '%';
    conds.push(sql`(${t.name} like ${like} or coalesce(${t.address}, '') like ${like})`);
  }
  return and(...conds);
}

async function listOf<T extends Table>(db: DbOrTx, t: T, scope: Scope, f: DirectoryFilter) {
  const where = filterSql(t, scope, f);
  const [rows, totals] = await Promise.all([
    db
      .select({ row: t as Table, areaName: areas.name })
      .from(t as typeof places)
      .leftJoin(areas, eq(areas.code, t.areaCode))
      .where(where)
      .orderBy(asc(t.areaCode), asc(t.kind), asc(t.name), asc(t.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(t as typeof places).where(where),
  ]);
  return { rows, total: totals[0]?.n ?? 0 };
}

export async function listPlaces(db: DbOrTx, scope: Scope, f: DirectoryFilter) {
  const res = await listOf(db, places, scope, f);
  const orgIds = [...new Set(res.rows.map((r) => (r.row as PlaceRow).propertyOrgId).filter((x): x is string => !!x))];
  const orgNames = orgIds.length
    ? new Map((await db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, orgIds))).map((o) => [o.id, o.name]))
    : new Map<string, string>();
  return {
    total: res.total,
    items: res.rows.map((r) => {
      const p = r.row as PlaceRow;
      return { ...p, areaName: r.areaName, propertyOrgName: p.propertyOrgId ? (orgNames.get(p.propertyOrgId) ?? null) : null };
    }),
  };
}

export async function listOrganisations(db: DbOrTx, scope: Scope, f: DirectoryFilter) {
  const res = await listOf(db, organisations, scope, f);
  return { total: res.total, items: res.rows.map((r) => ({ ...(r.row as unknown as OrganisationRow), areaName: r.areaName })) };
}

export async function findPlace(db: DbOrTx, scope: Scope, id: string): Promise<PlaceRow | null> {
  const rows = await db.select().from(places).where(and(eq(places.id, id), inScope(places.areaCode, scope))).limit(1);
  return rows[0] ?? null;
}

export async function findOrganisation(db: DbOrTx, scope: Scope, id: string): Promise<OrganisationRow | null> {
  const rows = await db.select().from(organisations).where(and(eq(organisations.id, id), inScope(organisations.areaCode, scope))).limit(1);
  return rows[0] ?? null;
}

/** The compounds a property company manages (in the caller's scope). */
export async function compoundsOf(db: DbOrTx, scope: Scope, orgId: string) {
  return db
    .select({ id: places.id, name: places.name, areaCode: places.areaCode })
    .from(places)
    .where(and(eq(places.propertyOrgId, orgId), isNull(places.retiredAt), inScope(places.areaCode, scope)))
    .orderBy(asc(places.name));
}

export async function insertPlace(db: DbOrTx, row: NewPlaceRow): Promise<PlaceRow> {
  return (await db.insert(places).values(row).returning())[0]!;
}

export async function updatePlace(db: DbOrTx, id: string, patch: Partial<NewPlaceRow>): Promise<PlaceRow> {
  return (await db.update(places).set({ ...patch, updatedAt: new Date() }).where(eq(places.id, id)).returning())[0]!;
}

export async function insertOrganisation(db: DbOrTx, row: NewOrganisationRow): Promise<OrganisationRow> {
  return (await db.insert(organisations).values(row).returning())[0]!;
}

export async function updateOrganisation(db: DbOrTx, id: string, patch: Partial<NewOrganisationRow>): Promise<OrganisationRow> {
  return (await db.update(organisations).set({ ...patch, updatedAt: new Date() }).where(eq(organisations.id, id)).returning())[0]!;
}

/** Seeding: rows with a key already present are left as they are. */
export async function insertPlacesByKey(db: DbOrTx, rows: NewPlaceRow[]) {
  if (rows.length) await db.insert(places).values(rows).onConflictDoNothing({ target: places.key });
}
export async function insertOrganisationsByKey(db: DbOrTx, rows: NewOrganisationRow[]) {
  if (!rows.length) return [] as { id: string; key: string | null }[];
  await db.insert(organisations).values(rows).onConflictDoNothing({ target: organisations.key });
  return db
    .select({ id: organisations.id, key: organisations.key })
    .from(organisations)
    .where(inArray(organisations.key, rows.map((r) => r.key!)));
}
