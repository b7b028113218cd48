// SQL of the four-colour map (风险地图) and of evacuation lists (转移安置).
import { NEEDS_HELP_TAGS } from '@gongzhi/domain';
import { and, asc, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { areas, evacuationEntries, evacuationEvents, evacuations, households, people, places, users } from '../db/schema.ts';
import { escapeLike, inScope, type Scope } from './scope.ts';

export type EvacuationRow = typeof evacuations.$inferSelect;
export type EntryRow = typeof evacuationEntries.$inferSelect;

const under = (column: typeof households.areaCode | typeof people.areaCode, code: string) => sql`${column} like ${escapeLike(code) + '%'}`;
const colourFilter = (colours: readonly string[] | undefined): SQL | undefined => (colours && colours.length ? inArray(households.riskColour, [...colours]) : undefined);

/**
 * Households per colour grouped by the first `len` characters of their area code (18: the building; 15: the
 * grid). Households recorded at a coarser level (at a grid, without a building) keep their shorter code.
 */
export async function colourCounts(db: DbOrTx, scope: Scope, areaCode: string, len: number, colours?: readonly string[]) {
  const key = sql<string>`left(${households.areaCode}, ${sql.raw(String(Math.trunc(len)))})`;
  const rows = await db
    .select({ code: key, colour: households.riskColour, n: sql<number>`count(*)::int` })
    .from(households)
    .where(and(inScope(households.areaCode, scope), under(households.areaCode, areaCode), colourFilter(colours)))
    .groupBy(key, households.riskColour);
  return rows.map((r) => ({ code: r.code, colour: r.colour, n: Number(r.n) }));
}

/** Name, level and geometry of the given areas. */
export async function areaShapes(db: DbOrTx, codes: readonly string[]) {
  if (!codes.length) return [];
  return db.select({ code: areas.code, name: areas.name, level: areas.level, geometry: areas.geometry }).from(areas).where(inArray(areas.code, [...codes]));
}

/** People of households of the given colours (active members), in the area and scope, worst colour first. */
export async function peopleOfColours(db: DbOrTx, scope: Scope, areaCode: string, colours: readonly string[], page: number, pageSize: number) {
  const where = and(eq(people.status, 'active'), inScope(people.areaCode, scope), under(people.areaCode, areaCode), colourFilter(colours));
  const rank = sql`case ${households.riskColour} when 'red' then 0 when 'orange' then 1 when 'yellow' then 2 else 3 end`;
  const [rows, total] = await Promise.all([
    db
      .select({
        id: people.id,
        name: people.name,
        gender: people.gender,
        birthDate: people.birthDate,
        phoneLast4: people.phoneLast4,
        tags: people.tags,
        areaCode: people.areaCode,
        householdId: households.id,
        address: households.address,
        doorplate: households.doorplate,
        riskColour: households.riskColour,
      })
      .from(people)
      .innerJoin(households, eq(households.id, people.householdId))
      .where(where)
      .orderBy(rank, asc(people.areaCode), asc(households.doorplate), asc(people.name))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(people).innerJoin(households, eq(households.id, people.householdId)).where(where),
  ]);
  return { rows, total: Number(total[0]?.n ?? 0) };
}

const helpTagList = sql.join(
  NEEDS_HELP_TAGS.map((t) => sql`${t}`),
  sql`, `,
);

/**
 * Candidates for a list: active people of the area (and scope) whose household has one of the colours, or who
 * carry a needs-help tag when `withNeedsHelp`.
 */
export async function evacuationCandidates(db: DbOrTx, scope: Scope, areaCode: string, colours: readonly string[], withNeedsHelp: boolean) {
  const byColour = colours.length ? inArray(households.riskColour, [...colours]) : undefined;
  const byHelp = withNeedsHelp ? sql`${people.tags} && array[${helpTagList}]::text[]` : undefined;
  const which = byColour && byHelp ? or(byColour, byHelp) : (byColour ?? byHelp);
  if (!which) return [];
  return db
    .select({ personId: people.id, householdId: households.id, areaCode: people.areaCode, tags: people.tags, householdColour: households.riskColour })
    .from(people)
    .innerJoin(households, eq(households.id, people.householdId))
    .where(and(eq(people.status, 'active'), inScope(people.areaCode, scope), under(people.areaCode, areaCode), which))
    .limit(20_000);
}

/** A list of the caller's branch: its area lies in the scope, or holds it. */
const concerns = (scope: Scope) => or(inScope(evacuations.areaCode, scope), sql`${scope.code} like ${evacuations.areaCode} || '%'`);

export async function findEvacuation(db: DbOrTx, scope: Scope, id: string): Promise<EvacuationRow | null> {
  const rows = await db.select().from(evacuations).where(and(eq(evacuations.id, id), concerns(scope))).limit(1);
  return rows[0] ?? null;
}

export async function listEvacuations(db: DbOrTx, scope: Scope, state?: string): Promise<EvacuationRow[]> {
  return db
    .select()
    .from(evacuations)
    .where(and(concerns(scope), state ? eq(evacuations.state, state) : undefined))
    .orderBy(desc(evacuations.createdAt))
    .limit(200);
}

export async function insertEvacuation(db: DbOrTx, row: typeof evacuations.$inferInsert): Promise<EvacuationRow> {
  const [r] = await db.insert(evacuations).values(row).returning();
  return r!;
}

export async function updateEvacuation(db: DbOrTx, id: string, set: Partial<typeof evacuations.$inferInsert>): Promise<EvacuationRow> {
  const [r] = await db.update(evacuations).set(set).where(eq(evacuations.id, id)).returning();
  return r!;
}

/** Adds entries; a person already on the list is skipped. Returns the rows made. */
export async function insertEntries(db: DbOrTx, rows: (typeof evacuationEntries.$inferInsert)[]): Promise<EntryRow[]> {
  if (!rows.length) return [];
  const out: EntryRow[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    out.push(...(await db.insert(evacuationEntries).values(rows.slice(i, i + 500)).onConflictDoNothing().returning()));
  }
  return out;
}

export async function insertEvents(db: DbOrTx, rows: (typeof evacuationEvents.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += 500) await db.insert(evacuationEvents).values(rows.slice(i, i + 500));
}

/** Entries per state over the part of the list in the scope. */
export async function stateCounts(db: DbOrTx, scope: Scope, evacuationIds: readonly string[]) {
  if (!evacuationIds.length) return [];
  const rows = await db
    .select({ evacuationId: evacuationEntries.evacuationId, state: evacuationEntries.state, n: sql<number>`count(*)::int` })
    .from(evacuationEntries)
    .where(and(inArray(evacuationEntries.evacuationId, [...evacuationIds]), inScope(evacuationEntries.areaCode, scope)))
    .groupBy(evacuationEntries.evacuationId, evacuationEntries.state);
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

export interface EntryFilter {
  evacuationId?: string;
  state?: string;
  responsibleId?: string;
  /** Only lists still open. */
  openOnly?: boolean;
}

const entrySelect = {
  e: evacuationEntries,
  personName: people.name,
  gender: people.gender,
  birthDate: people.birthDate,
  phoneLast4: people.phoneLast4,
  tags: people.tags,
  address: households.address,
  doorplate: households.doorplate,
  placeName: places.name,
  placeAddress: places.address,
  evacuationTitle: evacuations.title,
  evacuationState: evacuations.state,
  evacuationArea: evacuations.areaCode,
};

/** Entries in the scope with the person, household and destination, those needing help and worst colours first. */
export async function listEntries(db: DbOrTx, scope: Scope, f: EntryFilter, limit = 5_000) {
  const help = sql`case when 'needs-help' = any(${evacuationEntries.reasons}) then 0 else 1 end`;
  const rank = sql`case ${evacuationEntries.riskColour} when 'red' then 0 when 'orange' then 1 when 'yellow' then 2 else 3 end`;
  return db
    .select(entrySelect)
    .from(evacuationEntries)
    .innerJoin(evacuations, eq(evacuations.id, evacuationEntries.evacuationId))
    .innerJoin(people, eq(people.id, evacuationEntries.personId))
    .leftJoin(households, eq(households.id, evacuationEntries.householdId))
    .leftJoin(places, eq(places.id, evacuationEntries.destinationPlaceId))
    .where(
      and(
        inScope(evacuationEntries.areaCode, scope),
        f.evacuationId ? eq(evacuationEntries.evacuationId, f.evacuationId) : undefined,
        f.state ? eq(evacuationEntries.state, f.state) : undefined,
        f.responsibleId ? eq(evacuationEntries.responsibleId, f.responsibleId) : undefined,
        f.openOnly ? eq(evacuations.state, 'open') : undefined,
      ),
    )
    .orderBy(help, rank, asc(evacuationEntries.areaCode), asc(households.doorplate), asc(people.name))
    .limit(limit);
}
export type EntryView = Awaited<ReturnType<typeof listEntries>>[number];

export async function findEntry(db: DbOrTx, scope: Scope, id: string): Promise<EntryView | null> {
  const rows = await db
    .select(entrySelect)
    .from(evacuationEntries)
    .innerJoin(evacuations, eq(evacuations.id, evacuationEntries.evacuationId))
    .innerJoin(people, eq(people.id, evacuationEntries.personId))
    .leftJoin(households, eq(households.id, evacuationEntries.householdId))
    .leftJoin(places, eq(places.id, evacuationEntries.destinationPlaceId))
    .where(and(eq(evacuationEntries.id, id), inScope(evacuationEntries.areaCode, scope)))
    .limit(1);
  return rows[0] ?? null;
}

/** For a write: the entry locked, so two taps on two phones do not cross. */
export async function lockEntry(db: DbOrTx, id: string): Promise<EntryRow | null> {
  const rows = await db.select().from(evacuationEntries).where(eq(evacuationEntries.id, id)).for('update').limit(1);
  return rows[0] ?? null;
}

export async function updateEntry(db: DbOrTx, id: string, set: Partial<typeof evacuationEntries.$inferInsert>): Promise<EntryRow> {
  const [r] = await db
    .update(evacuationEntries)
    .set({ ...set, updatedAt: new Date() })
    .where(eq(evacuationEntries.id, id))
    .returning();
  return r!;
}

export async function eventsOf(db: DbOrTx, entryId: string) {
  return db.select().from(evacuationEvents).where(eq(evacuationEvents.entryId, entryId)).orderBy(asc(evacuationEvents.createdAt)).limit(200);
}

/** Staff accounts who may be made responsible: active, working on the list's branch (inside its area, or holding it down to the village). */
export async function assignableUsers(db: DbOrTx, areaCode: string, roles: readonly string[]) {
  const village = areaCode.slice(0, Math.min(areaCode.length, 12));
  return db
    .select({ id: users.id, displayName: users.displayName, roles: users.roles, scopeCode: users.scopeCode })
    .from(users)
    .where(
      and(
        eq(users.active, true),
        sql`${users.roles} && array[${sql.join(
          roles.map((r) => sql`${r}`),
          sql`, `,
        )}]::text[]`,
        or(sql`${users.scopeCode} like ${escapeLike(village) + '%'}`, sql`${areaCode} like ${users.scopeCode} || '%' and length(${users.scopeCode}) >= 9`),
      ),
    )
    .orderBy(desc(sql`length(${users.scopeCode})`), asc(users.displayName))
    .limit(300);
}

export async function findUser(db: DbOrTx, id: string) {
  const rows = await db.select({ id: users.id, displayName: users.displayName, roles: users.roles, scopeCode: users.scopeCode, active: users.active }).from(users).where(eq(users.id, id)).limit(1);
  return rows[0] ?? null;
}

/** 安置点: places of the village (or the area, when wider) that can take people in — schools and public facilities. */
export async function shelterPlaces(db: DbOrTx, scope: Scope, areaCode: string, kinds: readonly string[]) {
  const village = areaCode.slice(0, Math.min(areaCode.length, 12));
  return db
    .select({ id: places.id, name: places.name, kind: places.kind, areaCode: places.areaCode, address: places.address, lat: places.lat, lng: places.lng })
    .from(places)
    .where(and(isNull(places.retiredAt), inArray(places.kind, [...kinds]), sql`${places.areaCode} like ${escapeLike(village) + '%'}`, or(inScope(places.areaCode, scope), sql`${scope.code} like ${escapeLike(village) + '%'}`)))
    .orderBy(asc(places.areaCode), asc(places.name))
    .limit(300);
}

export async function findPlace(db: DbOrTx, id: string) {
  const rows = await db.select({ id: places.id, name: places.name, areaCode: places.areaCode, kind: places.kind }).from(places).where(and(eq(places.id, id), isNull(places.retiredAt))).limit(1);
  return rows[0] ?? null;
}
