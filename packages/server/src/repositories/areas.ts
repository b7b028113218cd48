import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { CODE_LENGTH, type AreaLevel } from '@gongzhi/domain';
import type { DbOrTx } from '../db/client.ts';
import { areas, cases, households, partyOrgs, people, staffAppointments, users } from '../db/schema.ts';
import { inScope, escapeLike, type Scope } from './scope.ts';

export type AreaRow = typeof areas.$inferSelect;
export type NewAreaRow = typeof areas.$inferInsert;

export async function findArea(db: DbOrTx, scope: Scope, code: string): Promise<AreaRow | null> {
  const rows = await db
    .select()
    .from(areas)
    .where(and(eq(areas.code, code), inScope(areas.code, scope)))
    .limit(1);
  return rows[0] ?? null;
}

/** Names of the given codes (for breadcrumbs); no scope: callers pass ancestors of an in-scope area. */
export async function namesOf(db: DbOrTx, codes: string[]): Promise<Map<string, { name: string; level: string }>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .select({ code: areas.code, name: areas.name, level: areas.level })
    .from(areas)
    .where(inArray(areas.code, codes));
  return new Map(rows.map((r) => [r.code, { name: r.name, level: r.level }]));
}

export async function listChildren(db: DbOrTx, scope: Scope, parentCode: string): Promise<AreaRow[]> {
  return db
    .select()
    .from(areas)
    .where(and(eq(areas.parentCode, parentCode), isNull(areas.retiredAt), inScope(areas.code, scope)))
    .orderBy(asc(areas.sort), asc(areas.code));
}

export interface AreaCounts {
  towns: number;
  villages: number;
  grids: number;
  buildings: number;
  units: number;
  households: number;
  people: number;
}

const emptyCounts = (): AreaCounts => ({
  towns: 0,
  villages: 0,
  grids: 0,
  buildings: 0,
  units: 0,
  households: 0,
  people: 0,
});

const COUNT_KEY: Record<string, keyof AreaCounts> = {
  town: 'towns',
  village: 'villages',
  grid: 'grids',
  building: 'buildings',
  unit: 'units',
};

/**
 * Counts of everything below each of `codes` (all of the same level), in three grouped
 * queries. `codes` must already be in scope.
 */
export async function countsBelow(db: DbOrTx, parentCode: string, level: AreaLevel | 'self', codes: string[]): Promise<Map<string, AreaCounts>> {
  const result = new Map<string, AreaCounts>(codes.map((c) => [c, emptyCounts()]));
  if (codes.length === 0) return result;
  const len = level === 'self' ? parentCode.length : CODE_LENGTH[level];
  const prefix = escapeLike(parentCode) + '%';
  const areaRows = await db.execute<{ c: string; level: string; n: string }>(sql`
    select substr(code, 1, ${len}) as c, level, count(*)::text as n from ${areas}
    where code like ${prefix} and length(code) > ${len} and retired_at is null group by 1, 2`);
  for (const r of areaRows.rows) {
    const counts = result.get(r.c);
    const key = COUNT_KEY[r.level];
    if (counts && key) counts[key] = Number(r.n);
  }
  const hhRows = await db.execute<{ c: string; n: string }>(sql`
    select substr(area_code, 1, ${len}) as c, count(*)::text as n from ${households}
    where area_code like ${prefix} group by 1`);
  for (const r of hhRows.rows) {
    const counts = result.get(r.c);
    if (counts) counts.households = Number(r.n);
  }
  const pRows = await db.execute<{ c: string; n: string }>(sql`
    select substr(area_code, 1, ${len}) as c, count(*)::text as n from ${people}
    where area_code like ${prefix} and status = 'active' group by 1`);
  for (const r of pRows.rows) {
    const counts = result.get(r.c);
    if (counts) counts.people = Number(r.n);
  }
  return result;
}

export async function gridsUnder(db: DbOrTx, scope: Scope, code: string) {
  return db
    .select({
      code: areas.code,
      name: areas.name,
      gridType: areas.gridType,
      geometry: areas.geometry,
      plannedHouseholds: areas.plannedHouseholds,
    })
    .from(areas)
    .where(and(eq(areas.level, 'grid'), isNull(areas.retiredAt), sql`${areas.code} like ${escapeLike(code) + '%'}`, inScope(areas.code, scope)))
    .orderBy(asc(areas.code));
}

export async function searchAreas(db: DbOrTx, scope: Scope, q: string, limit = 20): Promise<AreaRow[]> {
  return db
    .select()
    .from(areas)
    .where(and(inScope(areas.code, scope), isNull(areas.retiredAt), sql`${areas.name} like ${'%' + escapeLike(q) + '%'}`))
    .orderBy(sql`length(${areas.code})`, asc(areas.code))
    .limit(limit);
}

export async function insertAreas(db: DbOrTx, rows: NewAreaRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insert(areas)
      .values(rows.slice(i, i + 500))
      .onConflictDoNothing();
  }
}

/** Locks an area row for the rest of the transaction (serialises creating its children). */
export async function lockArea(db: DbOrTx, code: string): Promise<AreaRow | null> {
  const rows = await db.select().from(areas).where(eq(areas.code, code)).for('update');
  return rows[0] ?? null;
}

/**
 * Codes and names of every child of an area, in or out of any scope, retired ones included (for numbering: a
 * retired code is never given again); `retired` tells the current children from the retired ones.
 */
export async function childCodes(db: DbOrTx, parentCode: string): Promise<{ code: string; name: string; retired: boolean }[]> {
  const rows = await db.select({ code: areas.code, name: areas.name, retiredAt: areas.retiredAt }).from(areas).where(eq(areas.parentCode, parentCode));
  return rows.map((r) => ({ code: r.code, name: r.name, retired: r.retiredAt !== null }));
}

export async function insertArea(db: DbOrTx, row: NewAreaRow): Promise<AreaRow> {
  const rows = await db.insert(areas).values(row).returning();
  return rows[0]!;
}

export async function updateArea(db: DbOrTx, code: string, set: { name?: string; geometry?: unknown }): Promise<AreaRow | null> {
  const rows = await db
    .update(areas)
    .set({ ...set, updatedAt: new Date() })
    .where(eq(areas.code, code))
    .returning();
  return rows[0] ?? null;
}

// ---- Split and merge of grids (services/territory-split.ts) ----

export interface GridContents {
  buildings: AreaRow[];
  units: AreaRow[];
  households: { id: string; areaCode: string; doorplate: string }[];
  people: { id: string; areaCode: string; householdId: string | null }[];
  cases: { id: string; code: string; title: string; areaCode: string; ownerAreaCode: string; lat: number | null; lng: number | null; measureAreaCode: string | null }[];
  /** Who answers for the grid or a building of it: active accounts scoped there, current appointments, party organisations. */
  holders: GridHolder[];
}

export interface GridHolder {
  kind: 'account' | 'post' | 'party-org';
  id: string;
  name: string;
  areaCode: string;
  /** A post: the post's code and the account it gave. */
  post?: string;
  userId?: string | null;
}

/** What lives in a grid: its current buildings and their units, its households, people and open cases. */
export async function gridContents(db: DbOrTx, gridCode: string, openStates: readonly string[]): Promise<GridContents> {
  const like = escapeLike(gridCode) + '%';
  const buildings = await db
    .select()
    .from(areas)
    .where(and(eq(areas.parentCode, gridCode), isNull(areas.retiredAt)))
    .orderBy(asc(areas.sort), asc(areas.code));
  const units = buildings.length
    ? await db
        .select()
        .from(areas)
        .where(and(inArray(areas.parentCode, buildings.map((b) => b.code)), isNull(areas.retiredAt)))
        .orderBy(asc(areas.code))
    : [];
  const hh = await db
    .select({ id: households.id, areaCode: households.areaCode, doorplate: households.doorplate })
    .from(households)
    .where(sql`${households.areaCode} like ${like}`)
    .orderBy(asc(households.areaCode), asc(households.doorplate));
  const ppl = await db
    .select({ id: people.id, areaCode: people.areaCode, householdId: people.householdId })
    .from(people)
    .where(sql`${people.areaCode} like ${like}`);
  const cs = await db
    .select({
      id: cases.id,
      code: cases.code,
      title: cases.title,
      areaCode: cases.areaCode,
      ownerAreaCode: cases.ownerAreaCode,
      lat: cases.lat,
      lng: cases.lng,
      measureAreaCode: cases.measureAreaCode,
    })
    .from(cases)
    .where(and(sql`${cases.areaCode} like ${like}`, inArray(cases.state, [...openStates])))
    .orderBy(asc(cases.code));
  const [accounts, posts, orgs] = await Promise.all([
    db
      .select({ id: users.id, name: users.displayName, areaCode: users.scopeCode })
      .from(users)
      .where(and(eq(users.active, true), sql`${users.scopeCode} like ${like}`))
      .orderBy(asc(users.username)),
    db
      .select({ id: staffAppointments.id, name: people.name, areaCode: staffAppointments.areaCode, post: staffAppointments.post, userId: staffAppointments.userId })
      .from(staffAppointments)
      .innerJoin(people, eq(people.id, staffAppointments.personId))
      .where(and(isNull(staffAppointments.endedOn), sql`${staffAppointments.areaCode} like ${like}`))
      .orderBy(asc(staffAppointments.startedOn)),
    db
      .select({ id: partyOrgs.id, name: partyOrgs.name, areaCode: partyOrgs.areaCode })
      .from(partyOrgs)
      .where(sql`${partyOrgs.areaCode} like ${like}`)
      .orderBy(asc(partyOrgs.sort), asc(partyOrgs.code)),
  ]);
  const holders: GridHolder[] = [
    ...accounts.map((a) => ({ kind: 'account' as const, ...a })),
    ...posts.map((a) => ({ kind: 'post' as const, ...a })),
    ...orgs.map((a) => ({ kind: 'party-org' as const, ...a })),
  ];
  return { buildings, units, households: hh, people: ppl, cases: cs, holders };
}

/** Moves a holder of a grid (an account's scope, a current appointment, a party organisation) to another area. */
export async function moveHolder(db: DbOrTx, h: GridHolder, to: string): Promise<void> {
  if (h.kind === 'account') await db.update(users).set({ scopeCode: to, updatedAt: new Date() }).where(eq(users.id, h.id));
  else if (h.kind === 'post') await db.update(staffAppointments).set({ areaCode: to, updatedAt: new Date() }).where(eq(staffAppointments.id, h.id));
  else await db.update(partyOrgs).set({ areaCode: to, updatedAt: new Date() }).where(eq(partyOrgs.id, h.id));
}

/** Marks an area retired, pointing to the areas that took it over. */
export async function retireArea(db: DbOrTx, code: string, successors: string[]): Promise<void> {
  await db.update(areas).set({ retiredAt: new Date(), successorCodes: successors, updatedAt: new Date() }).where(eq(areas.code, code));
}

/** Moves households and people whose area lies under `from` (the area itself included) to the same place under `to`. */
export async function rewriteAreaPrefix(db: DbOrTx, from: string, to: string): Promise<void> {
  const like = escapeLike(from) + '%';
  const cut = from.length + 1;
  // A household's key starts with its area code (services/households.ts): it moves with it.
  await db.execute(sql`update ${households} set area_code = ${to} || substr(area_code, ${cut}),
    key = case when key like ${like} then ${to} || substr(key, ${cut}) else key end, updated_at = now() where area_code like ${like}`);
  await db.execute(sql`update ${people} set area_code = ${to} || substr(area_code, ${cut}), updated_at = now() where area_code like ${like}`);
}

export async function moveHousehold(db: DbOrTx, id: string, from: string, to: string): Promise<void> {
  const like = escapeLike(from) + '-%';
  await db.execute(sql`update ${households} set area_code = ${to},
    key = case when key like ${like} then ${to} || substr(key, ${from.length + 1}) else key end, updated_at = now() where id = ${id}`);
}

export async function movePeople(db: DbOrTx, ids: string[], to: string): Promise<void> {
  if (ids.length === 0) return;
  await db.update(people).set({ areaCode: to, updatedAt: new Date() }).where(inArray(people.id, ids));
}

/**
 * Moves an open case to another area. Its measures stay filed under the area it was received in
 * (`measure_area_code`), so the roll-ups of past periods do not change.
 */
export async function moveCase(db: DbOrTx, id: string, areaCode: string, ownerAreaCode: string | null, measureAreaCode: string): Promise<void> {
  await db
    .update(cases)
    .set({
      areaCode,
      ...(ownerAreaCode ? { ownerAreaCode } : {}),
      measureAreaCode,
      version: sql`${cases.version} + 1`,
      updatedAt: new Date(),
    })
    .where(eq(cases.id, id));
}
