import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { areas, households, people } from '../db/schema.ts';
import { escapeLike } from './scope.ts';
import type { NewHouseholdRow, NewPersonRow } from './people.ts';

/** Rows per statement: a few thousand parameters, far below PostgreSQL's 65 535. */
const CHUNK = 500;

function chunks<T>(xs: readonly T[], n = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

export interface AreaLite {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
  /** The areas that took over a grid split or merged away (null while current). */
  successorCodes?: string[] | null;
}

/** The grids, buildings and units of the given grids, in one round-trip per few hundred grids. */
export async function areasOfGrids(db: DbOrTx, gridCodes: string[]): Promise<AreaLite[]> {
  const out: AreaLite[] = [];
  for (const part of chunks(gridCodes)) {
    out.push(
      ...(await db
        .select({
          code: areas.code,
          name: areas.name,
          level: areas.level,
          parentCode: areas.parentCode,
          successorCodes: sql<string[] | null>`case when ${areas.retiredAt} is null then null else coalesce(${areas.successorCodes}, '{}') end`,
        })
        .from(areas)
        .where(and(inArray(sql`left(${areas.code}, 15)`, part), inArray(areas.level, ['grid', 'building', 'unit'])))),
    );
  }
  return out;
}

export async function insertAreas(db: DbOrTx, rows: { code: string; name: string; level: string; parentCode: string; sort: number }[]) {
  for (const part of chunks(rows)) await db.insert(areas).values(part);
}

export interface HouseholdLite {
  id: string;
  key: string;
  areaCode: string;
  doorplate: string;
}

export async function householdsInAreas(db: DbOrTx, areaCodes: string[]): Promise<HouseholdLite[]> {
  const out: HouseholdLite[] = [];
  for (const part of chunks(areaCodes)) {
    out.push(
      ...(await db
        .select({ id: households.id, key: households.key, areaCode: households.areaCode, doorplate: households.doorplate })
        .from(households)
        .where(inArray(households.areaCode, part))),
    );
  }
  return out;
}

export async function insertHouseholds(db: DbOrTx, rows: NewHouseholdRow[]): Promise<{ id: string; key: string }[]> {
  const out: { id: string; key: string }[] = [];
  for (const part of chunks(rows)) out.push(...(await db.insert(households).values(part).returning({ id: households.id, key: households.key })));
  return out;
}

export interface PersonLite {
  id: string;
  idHash: string | null;
  areaCode: string;
  householdId: string | null;
  name: string;
  gender: string;
  birthDate: string | null;
  phoneHash: string | null;
  ethnicity: string;
  relation: string;
  residenceType: string;
  partyMember: boolean;
  note: string | null;
}

/** People with any of the given ID hashes, wherever they live (uniqueness is installation-wide). */
export async function peopleByIdHash(db: DbOrTx, hashes: string[]): Promise<PersonLite[]> {
  const out: PersonLite[] = [];
  for (const part of chunks(hashes)) {
    out.push(
      ...(await db
        .select({
          id: people.id,
          idHash: people.idHash,
          areaCode: people.areaCode,
          householdId: people.householdId,
          name: people.name,
          gender: people.gender,
          birthDate: people.birthDate,
          phoneHash: people.phoneHash,
          ethnicity: people.ethnicity,
          relation: people.relation,
          residenceType: people.residenceType,
          partyMember: people.partyMember,
          note: people.note,
        })
        .from(people)
        .where(inArray(people.idHash, part))),
    );
  }
  return out;
}

export async function insertPeople(db: DbOrTx, rows: NewPersonRow[]): Promise<void> {
  for (const part of chunks(rows)) await db.insert(people).values(part);
}

export async function updatePeople(db: DbOrTx, rows: { id: string; patch: Partial<NewPersonRow> }[]): Promise<void> {
  // Changed rows are the exception on a re-import: one statement each, inside the import's transaction.
  for (const r of rows) await db.update(people).set({ ...r.patch, updatedAt: new Date() }).where(eq(people.id, r.id));
}

/** Everyone in an area with their household, for the template export. */
export async function peopleForTemplate(db: DbOrTx, areaCode: string, limit: number) {
  return db
    .select({
      name: people.name,
      gender: people.gender,
      idCipher: people.idCipher,
      phoneCipher: people.phoneCipher,
      ethnicity: people.ethnicity,
      relation: people.relation,
      residenceType: people.residenceType,
      partyMember: people.partyMember,
      note: people.note,
      areaCode: people.areaCode,
      householdArea: households.areaCode,
      doorplate: households.doorplate,
    })
    .from(people)
    .leftJoin(households, eq(households.id, people.householdId))
    // People on the register only: moved-out and deceased people are not exported for correction.
    .where(sql`${people.areaCode} like ${escapeLike(areaCode) + '%'} and ${people.status} = 'active'`)
    .orderBy(people.areaCode, households.areaCode, households.doorplate, people.birthDate)
    .limit(limit);
}
