// All SQL of deliberations (议事协商). Every read that returns deliberations takes a DeliberationScope.
import { and, asc, count, desc, eq, exists, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { deliberationBallots, deliberationRoll, deliberations, households, people } from '../db/schema.ts';
import { escapeLike } from './scope.ts';

export type DeliberationRow = typeof deliberations.$inferSelect;
export type RollRow = typeof deliberationRoll.$inferSelect;
export type BallotRow = typeof deliberationBallots.$inferSelect;

declare const deliberationScopeBrand: unique symbol;
/** Made only by the deliberation policy: deliberations inside `areas`, and those whose roll names the person or household. */
export type DeliberationScope = { areas: string[]; personId: string | null; householdId: string | null } & { readonly [deliberationScopeBrand]: true };
export const makeDeliberationScope = (s: { areas: string[]; personId: string | null; householdId: string | null }) => s as DeliberationScope;

const prefix = (code: string) => sql`${deliberations.areaCode} like ${escapeLike(code) + '%'}`;

function scopeSql(db: DbOrTx, scope: DeliberationScope): SQL {
  const parts: SQL[] = scope.areas.map(prefix);
  const own: SQL[] = [];
  if (scope.personId) own.push(eq(deliberationRoll.personId, scope.personId));
  // A household's entry is a resident's own only on a roll of households (see policies/deliberations.ts).
  if (scope.householdId) own.push(and(eq(deliberationRoll.householdId, scope.householdId), sql`${deliberationRoll.personId} is null`, eq(deliberations.form, 'households'))!);
  if (own.length) {
    parts.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(deliberationRoll)
          .where(and(eq(deliberationRoll.deliberationId, deliberations.id), or(...own))),
      ),
    );
  }
  return parts.length ? or(...parts)! : sql`false`;
}

export async function insertDeliberation(db: DbOrTx, row: typeof deliberations.$inferInsert): Promise<DeliberationRow> {
  return (await db.insert(deliberations).values(row).returning())[0]!;
}

export async function insertRoll(db: DbOrTx, rows: (typeof deliberationRoll.$inferInsert)[]): Promise<RollRow[]> {
  const out: RollRow[] = [];
  // Chunks keep each statement under the parameter limit for rolls of thousands.
  for (let i = 0; i < rows.length; i += 1000) out.push(...(await db.insert(deliberationRoll).values(rows.slice(i, i + 1000)).returning()));
  return out.sort((a, b) => a.seq - b.seq);
}

export async function findDeliberation(db: DbOrTx, scope: DeliberationScope, id: string): Promise<DeliberationRow | null> {
  const rows = await db
    .select()
    .from(deliberations)
    .where(and(eq(deliberations.id, id), scopeSql(db, scope)))
    .limit(1);
  return rows[0] ?? null;
}

/** Loads a deliberation for a change, locking its row until the transaction ends. */
export async function lockDeliberation(db: DbOrTx, id: string): Promise<DeliberationRow | null> {
  const rows = await db.select().from(deliberations).where(eq(deliberations.id, id)).for('update').limit(1);
  return rows[0] ?? null;
}

export async function closeDeliberation(db: DbOrTx, id: string, patch: { result: unknown; closedBy: string; closedAt: Date }): Promise<DeliberationRow> {
  return (
    await db
      .update(deliberations)
      .set({ ...patch, state: 'decided' })
      .where(eq(deliberations.id, id))
      .returning()
  )[0]!;
}

export interface DeliberationFilter {
  area?: string;
  states?: string[];
  page: number;
  pageSize: number;
}

export async function listDeliberations(db: DbOrTx, scope: DeliberationScope, f: DeliberationFilter) {
  const where = and(scopeSql(db, scope), f.area ? prefix(f.area) : undefined, f.states?.length ? inArray(deliberations.state, f.states) : undefined);
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(deliberations)
      .where(where)
      .orderBy(desc(deliberations.createdAt), desc(deliberations.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(deliberations).where(where),
  ]);
  return { total: Number(totals[0]?.n ?? 0), rows };
}

/** Roll sizes and ballots cast of the given deliberations. */
export async function tallies(db: DbOrTx, ids: string[]): Promise<Map<string, { eligible: number; present: number }>> {
  const out = new Map<string, { eligible: number; present: number }>();
  if (!ids.length) return out;
  const [rolls, ballots] = await Promise.all([
    db.select({ id: deliberationRoll.deliberationId, n: count() }).from(deliberationRoll).where(inArray(deliberationRoll.deliberationId, ids)).groupBy(deliberationRoll.deliberationId),
    db.select({ id: deliberationBallots.deliberationId, n: count() }).from(deliberationBallots).where(inArray(deliberationBallots.deliberationId, ids)).groupBy(deliberationBallots.deliberationId),
  ]);
  for (const id of ids) out.set(id, { eligible: 0, present: 0 });
  for (const r of rolls) out.get(r.id)!.eligible = Number(r.n);
  for (const b of ballots) out.get(b.id)!.present = Number(b.n);
  return out;
}

/** The roll entries of the given deliberations that name the person or household. */
export async function ownEntries(db: DbOrTx, ids: string[], personId: string | null, householdId: string | null): Promise<RollRow[]> {
  const own: SQL[] = [];
  if (personId) own.push(eq(deliberationRoll.personId, personId));
  if (householdId) own.push(eq(deliberationRoll.householdId, householdId));
  if (!ids.length || !own.length) return [];
  return db
    .select()
    .from(deliberationRoll)
    .where(and(inArray(deliberationRoll.deliberationId, ids), or(...own)))
    .orderBy(asc(deliberationRoll.seq));
}

export async function rollOf(db: DbOrTx, id: string): Promise<RollRow[]> {
  return db.select().from(deliberationRoll).where(eq(deliberationRoll.deliberationId, id)).orderBy(asc(deliberationRoll.seq));
}

export async function ballotsOf(db: DbOrTx, id: string): Promise<BallotRow[]> {
  return db.select().from(deliberationBallots).where(eq(deliberationBallots.deliberationId, id));
}

export async function rollEntry(db: DbOrTx, deliberationId: string, rollId: string): Promise<RollRow | null> {
  const rows = await db
    .select()
    .from(deliberationRoll)
    .where(and(eq(deliberationRoll.id, rollId), eq(deliberationRoll.deliberationId, deliberationId)))
    .limit(1);
  return rows[0] ?? null;
}

/** Records a ballot; null when the entry has one already (the unique index on roll_id). */
export async function insertBallot(db: DbOrTx, row: typeof deliberationBallots.$inferInsert): Promise<BallotRow | null> {
  const res = await db.insert(deliberationBallots).values(row).onConflictDoNothing().returning();
  return res[0] ?? null;
}

/** The person's household, for the voter's own entries. */
export async function householdOfPerson(db: DbOrTx, personId: string): Promise<string | null> {
  const rows = await db.select({ householdId: people.householdId }).from(people).where(eq(people.id, personId)).limit(1);
  return rows[0]?.householdId ?? null;
}

/** Registry persons and households named in a roll: their areas, to check they lie where the deliberation is. */
export async function registryPlaces(db: DbOrTx, personIds: string[], householdIds: string[]) {
  const [ps, hs] = await Promise.all([
    personIds.length ? db.select({ id: people.id, areaCode: people.areaCode }).from(people).where(inArray(people.id, personIds)) : [],
    householdIds.length ? db.select({ id: households.id, areaCode: households.areaCode }).from(households).where(inArray(households.id, householdIds)) : [],
  ]);
  return { people: new Map(ps.map((p) => [p.id, p.areaCode])), households: new Map(hs.map((h) => [h.id, h.areaCode])) };
}

/** Adults (18 and over today, China time) living in the area, in the registry: a persons roll. */
export async function adultsIn(db: DbOrTx, area: string, limit: number) {
  return db
    .select({ personId: people.id, name: people.name })
    .from(people)
    .where(and(sql`${people.areaCode} like ${escapeLike(area) + '%'}`, eq(people.status, 'active'), sql`${people.birthDate} <= ((now() at time zone 'Asia/Shanghai')::date - interval '18 years')`))
    .orderBy(asc(people.areaCode), asc(people.householdId), asc(people.birthDate))
    .limit(limit);
}

/** Households of the area with the name of their head (or eldest member): a households roll. */
export async function householdsIn(db: DbOrTx, area: string, limit: number) {
  return db
    .select({
      householdId: households.id,
      doorplate: households.doorplate,
      address: households.address,
      head: sql<string | null>`(select p.name from ${people} p where p.household_id = ${households.id} and p.status = 'active' order by (p.relation = 'head') desc, p.birth_date asc nulls last limit 1)`,
    })
    .from(households)
    .where(sql`${households.areaCode} like ${escapeLike(area) + '%'}`)
    .orderBy(asc(households.areaCode), asc(households.doorplate))
    .limit(limit);
}

/** Decided deliberations inside an area (prefix), latest first: the public wall. No roll, no ballots. */
export async function decidedInArea(db: DbOrTx, area: string | undefined, limit: number, offset: number) {
  const where = and(eq(deliberations.state, 'decided'), area ? sql`${deliberations.areaCode} like ${escapeLike(area) + '%'}` : undefined);
  const [rows, totals] = await Promise.all([
    db
      .select({ id: deliberations.id, title: deliberations.title, description: deliberations.description, areaCode: deliberations.areaCode, body: deliberations.body, result: deliberations.result, closedAt: deliberations.closedAt })
      .from(deliberations)
      .where(where)
      .orderBy(desc(deliberations.closedAt), desc(deliberations.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(deliberations).where(where),
  ]);
  return { rows, total: totals[0]?.n ?? 0 };
}
