import { and, asc, count, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { households, people } from '../db/schema.ts';
import { escapeLike, inScope, type Scope } from './scope.ts';

export type PersonRow = typeof people.$inferSelect;
export type NewPersonRow = typeof people.$inferInsert;
export type HouseholdRow = typeof households.$inferSelect;
export type NewHouseholdRow = typeof households.$inferInsert;

export interface PeopleFilter {
  areaCode?: string;
  /** Matches name or address (contains). */
  q?: string;
  /** Keyed hashes of a full ID or phone number typed into the search box. */
  numberHashes?: string[];
  tag?: string;
  /** Tags the caller may not see: rows are filtered and tags stripped by the service. */
  residenceType?: string;
  partyMember?: boolean;
  /** active (default), moved-out, deceased, or all: moved-out and dead people are left out unless asked for. */
  status?: PersonStatusFilter;
  page: number;
  pageSize: number;
}

export type PersonStatusFilter = 'active' | 'moved-out' | 'deceased' | 'all';

export interface PersonWithAddress extends PersonRow {
  address: string | null;
  doorplate: string | null;
}

function filterSql(scope: Scope, f: PeopleFilter): SQL | undefined {
  const conds: (SQL | undefined)[] = [inScope(people.areaCode, scope)];
  if (f.areaCode) conds.push(sql`${people.areaCode} like ${escapeLike(f.areaCode) + '%'}`);
  if (f.tag) conds.push(sql`${f.tag} = any(${people.tags})`);
  if (f.residenceType) conds.push(eq(people.residenceType, f.residenceType));
  if (f.partyMember !== undefined) conds.push(eq(people.partyMember, f.partyMember));
  if ((f.status ?? 'active') !== 'all') conds.push(eq(people.status, f.status ?? 'active'));
  if (f.q) {
    const like = '%' + escapeLike(f.q) + '%';
    const parts: SQL[] = [sql`${people.name} like ${like}`, sql`${households.address} like ${like}`];
    for (const h of f.numberHashes ?? []) {
      parts.push(eq(people.idHash, h), eq(people.phoneHash, h));
    }
    conds.push(sql`(${sql.join(parts, sql` or `)})`);
  }
  return and(...conds);
}

export async function listPeople(db: DbOrTx, scope: Scope, f: PeopleFilter): Promise<{ items: PersonWithAddress[]; total: number }> {
  const where = filterSql(scope, f);
  const [rows, totals] = await Promise.all([
    db
      .select({ person: people, address: households.address, doorplate: households.doorplate })
      .from(people)
      .leftJoin(households, eq(households.id, people.householdId))
      .where(where)
      .orderBy(asc(people.areaCode), asc(households.doorplate), asc(people.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db
      .select({ n: count() })
      .from(people)
      .leftJoin(households, eq(households.id, people.householdId))
      .where(where),
  ]);
  return {
    items: rows.map((r) => ({ ...r.person, address: r.address, doorplate: r.doorplate })),
    total: totals[0]?.n ?? 0,
  };
}

export async function findPerson(db: DbOrTx, scope: Scope, id: string): Promise<PersonWithAddress | null> {
  const rows = await db
    .select({ person: people, address: households.address, doorplate: households.doorplate })
    .from(people)
    .leftJoin(households, eq(households.id, people.householdId))
    .where(and(eq(people.id, id), inScope(people.areaCode, scope)))
    .limit(1);
  const r = rows[0];
  return r ? { ...r.person, address: r.address, doorplate: r.doorplate } : null;
}

export async function findHousehold(db: DbOrTx, scope: Scope, id: string): Promise<HouseholdRow | null> {
  const rows = await db
    .select()
    .from(households)
    .where(and(eq(households.id, id), inScope(households.areaCode, scope)))
    .limit(1);
  return rows[0] ?? null;
}

export async function membersOf(db: DbOrTx, scope: Scope, householdId: string): Promise<PersonRow[]> {
  return db
    .select()
    .from(people)
    // Moved-out and deceased people stay in the household's history, not among its members.
    .where(and(eq(people.householdId, householdId), eq(people.status, 'active'), inScope(people.areaCode, scope)))
    .orderBy(asc(people.birthDate));
}

export async function listHouseholds(db: DbOrTx, scope: Scope, areaCode: string, page: number, pageSize: number, riskColour?: string) {
  const where = and(
    inScope(households.areaCode, scope),
    sql`${households.areaCode} like ${escapeLike(areaCode) + '%'}`,
    riskColour ? eq(households.riskColour, riskColour) : undefined,
  );
  const [rows, totals] = await Promise.all([
    db
      .select({
        household: households,
        // Correlated subqueries spelled out: Drizzle drops table qualifiers inside select fields.
        members: sql<number>`(select count(*)::int from people m where m.household_id = "households"."id" and m.status = 'active')`,
        head: sql<string | null>`(select m.name from people m where m.household_id = "households"."id" and m.relation = 'head' and m.status = 'active' limit 1)`,
      })
      .from(households)
      .where(where)
      .orderBy(asc(households.areaCode), asc(households.doorplate))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(households).where(where),
  ]);
  return {
    items: rows.map((r) => ({ ...r.household, members: Number(r.members), head: r.head })),
    total: totals[0]?.n ?? 0,
  };
}

export async function insertHouseholds(db: DbOrTx, rows: NewHouseholdRow[]): Promise<{ id: string; key: string }[]> {
  const out: { id: string; key: string }[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    const res = await db
      .insert(households)
      .values(rows.slice(i, i + 1000))
      .returning({ id: households.id, key: households.key });
    out.push(...res);
  }
  return out;
}

export async function insertPeople(db: DbOrTx, rows: NewPersonRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await db.insert(people).values(rows.slice(i, i + 1000));
  }
}

export async function insertPerson(db: DbOrTx, row: NewPersonRow): Promise<PersonRow> {
  const res = await db.insert(people).values(row).returning();
  return res[0]!;
}

export async function updatePerson(
  db: DbOrTx,
  scope: Scope,
  id: string,
  patch: Partial<NewPersonRow>,
): Promise<PersonRow | null> {
  const res = await db
    .update(people)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(people.id, id), inScope(people.areaCode, scope)))
    .returning();
  return res[0] ?? null;
}


/**
 * How many people (with the list's filters) each area code holds, in code order. Large exports read a few hundred
 * people at a time by these codes (listPeopleOf), so no query sorts a whole district and other requests are served
 * in between.
 */
export async function peopleCountsByArea(db: DbOrTx, scope: Scope, f: Omit<PeopleFilter, 'page' | 'pageSize'>): Promise<{ code: string; n: number }[]> {
  return db
    .select({ code: people.areaCode, n: count() })
    .from(people)
    .leftJoin(households, eq(households.id, people.householdId))
    .where(filterSql(scope, { ...f, page: 1, pageSize: 1 }))
    .groupBy(people.areaCode)
    .orderBy(asc(people.areaCode));
}

/**
 * Active people of an area in each of `groups` (special groups, `people.tags`) — the list's `tag` filter counted per
 * group — and how many are in at least one of them (`total`: a person in two groups counts once).
 */
export async function specialGroupCounts(db: DbOrTx, scope: Scope, areaCode: string, groups: readonly string[]): Promise<{ total: number; byGroup: Map<string, number> }> {
  if (!groups.length) return { total: 0, byGroup: new Map() };
  const list = sql`array[${sql.join(
    groups.map((g) => sql`${g}`),
    sql`, `,
  )}]::text[]`;
  const where = and(inScope(people.areaCode, scope), sql`${people.areaCode} like ${escapeLike(areaCode) + '%'}`, eq(people.status, 'active'), sql`${people.tags} && ${list}`);
  const [perGroup, total] = await Promise.all([
    db.execute<{ tag: string; n: number | string }>(
      sql`select g.tag, count(*) as n from ${people} cross join lateral unnest(${people.tags}) as g(tag) where ${where} and g.tag = any(${list}) group by g.tag`,
    ),
    db.select({ n: count() }).from(people).where(where),
  ]);
  return { total: Number(total[0]?.n ?? 0), byGroup: new Map(perGroup.rows.map((r) => [String(r.tag), Number(r.n)])) };
}

/** The people (with the list's filters) of some area codes, in the list's order. */
export async function listPeopleOf(db: DbOrTx, scope: Scope, f: Omit<PeopleFilter, 'page' | 'pageSize'>, codes: string[]): Promise<PersonWithAddress[]> {
  const rows = await db
    .select({ person: people, address: households.address, doorplate: households.doorplate })
    .from(people)
    .leftJoin(households, eq(households.id, people.householdId))
    .where(and(filterSql(scope, { ...f, page: 1, pageSize: 1 }), inArray(people.areaCode, codes)))
    .orderBy(asc(people.areaCode), asc(households.doorplate), asc(people.id));
  return rows.map((r) => ({ ...r.person, address: r.address, doorplate: r.doorplate }));
}
