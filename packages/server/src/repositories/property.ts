// All SQL of 红心物业 (docs/PROPERTY.md): companies, compounds, the evidence of the credit score, gradings, bills.
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import {
  deliberations,
  files,
  households,
  organisations,
  ownerFloorAreas,
  ownersCommittees,
  people,
  places,
  pointsRedemptions,
  propertyBillOffsets,
  propertyBills,
  propertyCompanies,
  propertyContracts,
  propertyCoverage,
  propertyEvaluations,
  propertyGradings,
  propertyInspections,
  propertyJointMeetings,
  propertySanctions,
  units,
  users,
} from '../db/schema.ts';
import { escapeLike } from './scope.ts';

declare const companyScopeBrand: unique symbol;
/**
 * Made only by the property policy: companies registered in, or serving a compound in, one of `areas`; or the one
 * company `unitId` (its own staff).
 */
export type CompanyScope = { areas: string[]; unitId: string | null } & { readonly [companyScopeBrand]: true };
export const makeCompanyScope = (s: { areas: string[]; unitId: string | null }) => s as CompanyScope;

function companyScopeSql(scope: CompanyScope) {
  const parts = scope.areas.map((a) => {
    const p = escapeLike(a) + '%';
    return sql`(${units.areaCode} like ${p} or exists (select 1 from ${propertyContracts} pc join ${places} pl on pl.id = pc.place_id where pc.unit_id = ${units.id} and pl.area_code like ${p}))`;
  });
  if (scope.unitId) parts.push(sql`${units.id} = ${scope.unitId}`);
  return parts.length ? sql.join(parts, sql` or `) : sql`false`;
}

export interface CompanyRow {
  unitId: string;
  name: string;
  shortName: string | null;
  areaCode: string;
  organisationId: string | null;
  creditCode: string | null;
}

export async function listCompanies(db: DbOrTx, scope: CompanyScope): Promise<CompanyRow[]> {
  return db
    .select({ unitId: units.id, name: units.name, shortName: units.shortName, areaCode: units.areaCode, organisationId: propertyCompanies.organisationId, creditCode: organisations.creditCode })
    .from(units)
    .leftJoin(propertyCompanies, eq(propertyCompanies.unitId, units.id))
    .leftJoin(organisations, eq(organisations.id, propertyCompanies.organisationId))
    .where(and(eq(units.type, 'property'), sql`(${companyScopeSql(scope)})`))
    .orderBy(asc(units.areaCode), asc(units.sort), asc(units.name));
}

export async function findCompany(db: DbOrTx, scope: CompanyScope, unitId: string): Promise<CompanyRow | null> {
  const rows = await db
    .select({ unitId: units.id, name: units.name, shortName: units.shortName, areaCode: units.areaCode, organisationId: propertyCompanies.organisationId, creditCode: organisations.creditCode })
    .from(units)
    .leftJoin(propertyCompanies, eq(propertyCompanies.unitId, units.id))
    .leftJoin(organisations, eq(organisations.id, propertyCompanies.organisationId))
    .where(and(eq(units.type, 'property'), eq(units.id, unitId), sql`(${companyScopeSql(scope)})`));
  return rows[0] ?? null;
}

/** Every property unit (the district's view: gradings are proposed for all of them). */
export async function allCompanyIds(db: DbOrTx, under: string): Promise<string[]> {
  const rows = await db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.type, 'property'), sql`${units.areaCode} like ${escapeLike(under) + '%'}`));
  return rows.map((r) => r.id);
}

// ---- compounds ------------------------------------------------------------------------------------------------------

export interface CompoundRow {
  id: string;
  name: string;
  areaCode: string;
  address: string | null;
  propertyOrgId: string | null;
  /** The dispatch unit of its property company (through property_companies), when linked. */
  unitId: string | null;
  coverageMode: string | null;
  coverageNote: string | null;
}

const compoundSelect = {
  id: places.id,
  name: places.name,
  areaCode: places.areaCode,
  address: places.address,
  propertyOrgId: places.propertyOrgId,
  unitId: propertyCompanies.unitId,
  coverageMode: propertyCoverage.mode,
  coverageNote: propertyCoverage.note,
};

export async function listCompounds(db: DbOrTx, area: string): Promise<CompoundRow[]> {
  return db
    .select(compoundSelect)
    .from(places)
    .leftJoin(propertyCompanies, eq(propertyCompanies.organisationId, places.propertyOrgId))
    .leftJoin(propertyCoverage, eq(propertyCoverage.placeId, places.id))
    .where(and(eq(places.kind, 'compound'), isNull(places.retiredAt), sql`${places.areaCode} like ${escapeLike(area) + '%'}`))
    .orderBy(asc(places.areaCode), asc(places.name));
}

export async function findCompound(db: DbOrTx, id: string): Promise<CompoundRow | null> {
  const rows = await db
    .select(compoundSelect)
    .from(places)
    .leftJoin(propertyCompanies, eq(propertyCompanies.organisationId, places.propertyOrgId))
    .leftJoin(propertyCoverage, eq(propertyCoverage.placeId, places.id))
    .where(and(eq(places.id, id), eq(places.kind, 'compound')));
  return rows[0] ?? null;
}

export async function contractsOf(db: DbOrTx, by: { unitId?: string; placeIds?: string[] }) {
  const where = by.unitId ? eq(propertyContracts.unitId, by.unitId) : by.placeIds?.length ? inArray(propertyContracts.placeId, by.placeIds) : sql`false`;
  return db
    .select({
      id: propertyContracts.id,
      unitId: propertyContracts.unitId,
      placeId: propertyContracts.placeId,
      placeName: places.name,
      households: propertyContracts.households,
      feeFenPerM2: propertyContracts.feeFenPerM2,
      serviceStandard: propertyContracts.serviceStandard,
      startsOn: propertyContracts.startsOn,
      endsOn: propertyContracts.endsOn,
    })
    .from(propertyContracts)
    .innerJoin(places, eq(places.id, propertyContracts.placeId))
    .where(where)
    .orderBy(asc(places.name), desc(propertyContracts.startsOn));
}

export async function committeesOf(db: DbOrTx, placeIds: string[]) {
  if (!placeIds.length) return [];
  return db.select().from(ownersCommittees).where(inArray(ownersCommittees.placeId, placeIds)).orderBy(desc(ownersCommittees.termEnd));
}

/** The latest four-party joint meeting (property_joint_meetings) of each compound. */
export async function lastJointMeetings(db: DbOrTx, placeIds: string[]): Promise<Map<string, string>> {
  if (!placeIds.length) return new Map();
  const rows = await db
    .select({ placeId: propertyJointMeetings.placeId, heldOn: sql<string>`max(${propertyJointMeetings.heldOn})::text` })
    .from(propertyJointMeetings)
    .where(inArray(propertyJointMeetings.placeId, placeIds))
    .groupBy(propertyJointMeetings.placeId);
  return new Map(rows.map((r) => [r.placeId, r.heldOn]));
}

export async function jointMeetingsOf(db: DbOrTx, placeId: string, limit = 20) {
  return db
    .select({ id: propertyJointMeetings.id, heldOn: propertyJointMeetings.heldOn, attendees: propertyJointMeetings.attendees, topics: propertyJointMeetings.topics, deliberationId: propertyJointMeetings.deliberationId })
    .from(propertyJointMeetings)
    .where(eq(propertyJointMeetings.placeId, placeId))
    .orderBy(desc(propertyJointMeetings.heldOn), desc(propertyJointMeetings.createdAt))
    .limit(limit);
}

export async function insertJointMeeting(db: DbOrTx, row: typeof propertyJointMeetings.$inferInsert) {
  return (await db.insert(propertyJointMeetings).values(row).returning())[0]!;
}

export async function findDeliberationArea(db: DbOrTx, id: string): Promise<string | null> {
  const rows = await db.select({ areaCode: deliberations.areaCode }).from(deliberations).where(eq(deliberations.id, id));
  return rows[0]?.areaCode ?? null;
}

// ---- contracts, committees, cover (written by the community; docs/PROPERTY.md) --------------------------------------

export async function insertContract(db: DbOrTx, row: typeof propertyContracts.$inferInsert) {
  return (await db.insert(propertyContracts).values(row).returning())[0]!;
}

export async function findContract(db: DbOrTx, id: string, lock = false) {
  const q = db.select().from(propertyContracts).where(eq(propertyContracts.id, id));
  return (lock ? await q.for('update') : await q)[0] ?? null;
}

export async function updateContract(db: DbOrTx, id: string, set: Partial<Pick<typeof propertyContracts.$inferInsert, 'households' | 'feeFenPerM2' | 'serviceStandard' | 'startsOn' | 'endsOn'>>) {
  return (await db.update(propertyContracts).set(set).where(eq(propertyContracts.id, id)).returning())[0]!;
}

export async function insertCommittee(db: DbOrTx, row: typeof ownersCommittees.$inferInsert) {
  return (await db.insert(ownersCommittees).values(row).returning())[0]!;
}

export async function findCommittee(db: DbOrTx, id: string, lock = false) {
  const q = db.select().from(ownersCommittees).where(eq(ownersCommittees.id, id));
  return (lock ? await q.for('update') : await q)[0] ?? null;
}

export async function updateCommittee(db: DbOrTx, id: string, set: Partial<Pick<typeof ownersCommittees.$inferInsert, 'termStart' | 'termEnd' | 'members'>>) {
  return (await db.update(ownersCommittees).set(set).where(eq(ownersCommittees.id, id)).returning())[0]!;
}

export async function upsertCoverage(db: DbOrTx, row: typeof propertyCoverage.$inferInsert) {
  return (
    await db
      .insert(propertyCoverage)
      .values(row)
      .onConflictDoUpdate({ target: propertyCoverage.placeId, set: { mode: row.mode, unitId: row.unitId ?? null, note: row.note ?? null } })
      .returning()
  )[0]!;
}

export async function evaluationsOf(db: DbOrTx, placeId: string, limit = 12) {
  return db
    .select({ id: propertyEvaluations.id, month: propertyEvaluations.month, score: propertyEvaluations.score, note: propertyEvaluations.note })
    .from(propertyEvaluations)
    .where(eq(propertyEvaluations.placeId, placeId))
    .orderBy(desc(propertyEvaluations.month))
    .limit(limit);
}

/** Whether a unit is a property company (units.type = 'property'). */
export async function isPropertyUnit(db: DbOrTx, unitId: string): Promise<boolean> {
  const rows = await db.select({ id: units.id }).from(units).where(and(eq(units.id, unitId), eq(units.type, 'property')));
  return rows.length > 0;
}

/** The compounds a company serves under a contract (its own staff's view of compounds). */
export async function compoundsOfCompany(db: DbOrTx, unitId: string): Promise<CompoundRow[]> {
  return db
    .selectDistinct(compoundSelect)
    .from(places)
    .innerJoin(propertyContracts, eq(propertyContracts.placeId, places.id))
    .leftJoin(propertyCompanies, eq(propertyCompanies.organisationId, places.propertyOrgId))
    .leftJoin(propertyCoverage, eq(propertyCoverage.placeId, places.id))
    .where(and(eq(places.kind, 'compound'), isNull(places.retiredAt), eq(propertyContracts.unitId, unitId)))
    .orderBy(asc(places.areaCode), asc(places.name));
}

/** The households of a compound's grid (a compound is a place in a grid; its households are the grid's). */
export async function householdsOfCompound(db: DbOrTx, areaCode: string, limit = 500) {
  return db
    .select({ id: households.id, address: households.address, doorplate: households.doorplate, areaCode: households.areaCode })
    .from(households)
    .where(sql`${households.areaCode} like ${escapeLike(areaCode) + '%'}`)
    .orderBy(asc(households.address), asc(households.doorplate))
    .limit(limit);
}

/** Confirmed property-fee redemptions of a company by members of a household, not yet booked against a bill. */
export async function openFeeRedemptions(db: DbOrTx, unitId: string, householdId: string) {
  return db
    .select({ id: pointsRedemptions.id, amount: pointsRedemptions.amount, userName: users.displayName, confirmedAt: pointsRedemptions.confirmedAt })
    .from(pointsRedemptions)
    .innerJoin(users, eq(users.id, pointsRedemptions.userId))
    .innerJoin(people, eq(people.id, users.personId))
    .leftJoin(propertyBillOffsets, eq(propertyBillOffsets.redemptionId, pointsRedemptions.id))
    .where(
      and(
        eq(pointsRedemptions.merchantUnitId, unitId),
        eq(pointsRedemptions.itemKind, 'property-fee'),
        eq(pointsRedemptions.state, 'confirmed'),
        eq(people.householdId, householdId),
        isNull(propertyBillOffsets.id),
      ),
    )
    .orderBy(desc(pointsRedemptions.confirmedAt));
}

/** The owners of a compound with their exclusive floor area: one per household, named after its eldest active member. */
export async function ownersOf(db: DbOrTx, placeId: string) {
  const rows = await db.execute<{ household_id: string; area_centi: string; name: string | null; person_id: string | null }>(sql`
    select o.household_id, o.area_centi::text as area_centi, p.name, p.id as person_id
    from ${ownerFloorAreas} o
    left join lateral (select id, name from ${people} where household_id = o.household_id and status = 'active' order by birth_date asc nulls last limit 1) p on true
    where o.place_id = ${placeId}
    order by o.household_id`);
  return rows.rows.map((r) => ({ householdId: r.household_id, areaCenti: BigInt(r.area_centi), name: r.name, personId: r.person_id }));
}

// ---- the evidence of a month ------------------------------------------------------------------------------------------

export interface MonthEvidence {
  households: number;
  cases: number;
  handled: number;
  handledOnTime: number;
  reworked: number;
  satisfied: number;
  basicallySatisfied: number;
  unsatisfied: number;
  inspections: number[];
  committeeScores: number[];
  commendations: number;
  penalties: number;
}

const emptyEvidence = (): MonthEvidence => ({
  households: 0,
  cases: 0,
  handled: 0,
  handledOnTime: 0,
  reworked: 0,
  satisfied: 0,
  basicallySatisfied: 0,
  unsatisfied: 0,
  inspections: [],
  committeeScores: [],
  commendations: 0,
  penalties: 0,
});

const monthKey = (col: unknown) => sql`to_char((${col}) at time zone 'Asia/Shanghai', 'YYYY-MM')`;

/**
 * The evidence of each company for each month in [from, to] (YYYY-MM): keyed `${unitId}|${month}`. Cases count in
 * the month they were dispatched to the company (China time); households are those of its contracts running then.
 */
export async function evidence(db: DbOrTx, unitIds: string[], from: string, to: string): Promise<Map<string, MonthEvidence>> {
  const out = new Map<string, MonthEvidence>();
  if (!unitIds.length) return out;
  const get = (u: string, m: string) => {
    const k = `${u}|${m}`;
    let e = out.get(k);
    if (!e) out.set(k, (e = emptyEvidence()));
    return e;
  };
  const ids = sql.join(
    unitIds.map((u) => sql`${u}::uuid`),
    sql`, `,
  );
  const start = `${from}-01`;
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  const end = tm === 12 ? `${ty + 1}-01-01` : `${ty}-${String(tm + 1).padStart(2, '0')}-01`;
  const startTs = new Date(`${start}T00:00:00+08:00`);
  const endTs = new Date(`${end}T00:00:00+08:00`);

  const caseRows = await db.execute<Record<string, string>>(sql`
    select handler_unit_id as u, ${monthKey(sql`coalesce(dispatched_at, created_at)`)} as m,
      count(*)::text as cases,
      count(handled_at)::text as handled,
      count(*) filter (where handled_at is not null and (due_at is null or handled_at <= due_at))::text as on_time,
      count(*) filter (where handled_at is not null and rework_count > 0)::text as reworked,
      count(*) filter (where rating = 'satisfied')::text as satisfied,
      count(*) filter (where rating = 'basically-satisfied')::text as basically,
      count(*) filter (where rating = 'unsatisfied')::text as unsatisfied
    from cases
    where handler_unit_id in (${ids}) and merged_into_id is null
      and coalesce(dispatched_at, created_at) >= ${startTs.toISOString()}::timestamptz and coalesce(dispatched_at, created_at) < ${endTs.toISOString()}::timestamptz
    group by 1, 2`);
  for (const r of caseRows.rows) {
    const e = get(r.u!, r.m!);
    e.cases = Number(r.cases);
    e.handled = Number(r.handled);
    e.handledOnTime = Number(r.on_time);
    e.reworked = Number(r.reworked);
    e.satisfied = Number(r.satisfied);
    e.basicallySatisfied = Number(r.basically);
    e.unsatisfied = Number(r.unsatisfied);
  }

  // Households under contract in each month: contracts that overlap the month.
  const contracts = await db
    .select({ unitId: propertyContracts.unitId, households: propertyContracts.households, startsOn: propertyContracts.startsOn, endsOn: propertyContracts.endsOn })
    .from(propertyContracts)
    .where(and(inArray(propertyContracts.unitId, unitIds), sql`${propertyContracts.startsOn} < ${end}`, sql`${propertyContracts.endsOn} >= ${start}`));
  for (const m of monthsBetween(from, to)) {
    const mStart = `${m}-01`;
    const mEnd = `${m}-31`;
    for (const c of contracts) if (c.startsOn <= mEnd && c.endsOn >= mStart) get(c.unitId, m).households += c.households;
  }

  const insp = await db
    .select({ u: propertyInspections.unitId, m: sql<string>`${monthKey(propertyInspections.inspectedAt)}`, s: propertyInspections.scoreCenti })
    .from(propertyInspections)
    .where(and(inArray(propertyInspections.unitId, unitIds), sql`${propertyInspections.inspectedAt} >= ${startTs.toISOString()}::timestamptz`, sql`${propertyInspections.inspectedAt} < ${endTs.toISOString()}::timestamptz`))
    .orderBy(asc(propertyInspections.inspectedAt));
  for (const r of insp) get(r.u, r.m).inspections.push(r.s / 100);

  const evals = await db
    .select({ u: propertyEvaluations.unitId, m: propertyEvaluations.month, s: propertyEvaluations.score })
    .from(propertyEvaluations)
    .where(and(inArray(propertyEvaluations.unitId, unitIds), sql`${propertyEvaluations.month} >= ${from}`, sql`${propertyEvaluations.month} <= ${to}`));
  for (const r of evals) get(r.u, r.m).committeeScores.push(r.s);

  const sanc = await db
    .select({ u: propertySanctions.unitId, m: propertySanctions.month, kind: propertySanctions.kind, points: propertySanctions.points })
    .from(propertySanctions)
    .where(and(inArray(propertySanctions.unitId, unitIds), sql`${propertySanctions.month} >= ${from}`, sql`${propertySanctions.month} <= ${to}`));
  for (const r of sanc) {
    const e = get(r.u, r.m);
    if (r.kind === 'penalty') e.penalties += r.points;
    else e.commendations += r.points;
  }
  return out;
}

export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

// ---- recording ------------------------------------------------------------------------------------------------------

export async function insertInspection(db: DbOrTx, row: typeof propertyInspections.$inferInsert) {
  return (await db.insert(propertyInspections).values(row).returning())[0]!;
}

export async function listInspections(db: DbOrTx, by: { unitId?: string; area?: string }, limit = 50) {
  const where = and(by.unitId ? eq(propertyInspections.unitId, by.unitId) : undefined, by.area ? sql`${propertyInspections.areaCode} like ${escapeLike(by.area) + '%'}` : undefined);
  return db
    .select({
      id: propertyInspections.id,
      unitId: propertyInspections.unitId,
      placeName: places.name,
      scoreCenti: propertyInspections.scoreCenti,
      results: propertyInspections.results,
      photos: sql<number>`cardinality(${propertyInspections.photoIds})`,
      note: propertyInspections.note,
      inspector: users.displayName,
      inspectedAt: propertyInspections.inspectedAt,
    })
    .from(propertyInspections)
    .innerJoin(places, eq(places.id, propertyInspections.placeId))
    .innerJoin(users, eq(users.id, propertyInspections.inspectedBy))
    .where(where)
    .orderBy(desc(propertyInspections.inspectedAt))
    .limit(limit);
}

/** Photo ids uploaded by the user and not yet attached to a case. */
export async function ownLooseFiles(db: DbOrTx, userId: string, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db
    .select({ id: files.id })
    .from(files)
    .where(and(inArray(files.id, ids), eq(files.uploaderId, userId), isNull(files.caseId)));
  return new Set(rows.map((r) => r.id));
}

export async function upsertEvaluation(db: DbOrTx, row: typeof propertyEvaluations.$inferInsert) {
  return (
    await db
      .insert(propertyEvaluations)
      .values(row)
      .onConflictDoUpdate({ target: [propertyEvaluations.placeId, propertyEvaluations.month], set: { score: row.score, note: row.note, unitId: row.unitId, recordedBy: row.recordedBy } })
      .returning()
  )[0]!;
}

export async function insertSanction(db: DbOrTx, row: typeof propertySanctions.$inferInsert) {
  return (await db.insert(propertySanctions).values(row).returning())[0]!;
}

export async function listSanctions(db: DbOrTx, unitId: string) {
  return db.select().from(propertySanctions).where(eq(propertySanctions.unitId, unitId)).orderBy(desc(propertySanctions.month), desc(propertySanctions.createdAt));
}

// ---- gradings -------------------------------------------------------------------------------------------------------

export type GradingRow = typeof propertyGradings.$inferSelect;

export async function gradingsOf(db: DbOrTx, year: number, unitIds?: string[]): Promise<GradingRow[]> {
  if (unitIds && !unitIds.length) return [];
  return db
    .select()
    .from(propertyGradings)
    .where(and(eq(propertyGradings.year, year), unitIds ? inArray(propertyGradings.unitId, unitIds) : undefined));
}

/** The latest confirmed grade of each company. */
export async function latestConfirmedGrades(db: DbOrTx, unitIds?: string[]): Promise<Map<string, { grade: string; year: number }>> {
  const rows = await db
    .select({ unitId: propertyGradings.unitId, grade: propertyGradings.grade, year: propertyGradings.year })
    .from(propertyGradings)
    .where(and(eq(propertyGradings.state, 'confirmed'), unitIds ? (unitIds.length ? inArray(propertyGradings.unitId, unitIds) : sql`false`) : undefined))
    .orderBy(desc(propertyGradings.year));
  const out = new Map<string, { grade: string; year: number }>();
  for (const r of rows) if (!out.has(r.unitId) && r.grade) out.set(r.unitId, { grade: r.grade, year: r.year });
  return out;
}

/** Proposes (or re-proposes, while not yet confirmed) a company's grade for a year. */
export async function upsertProposal(db: DbOrTx, row: { unitId: string; year: number; scoreCenti: number | null; proposedGrade: string }) {
  const rows = await db
    .insert(propertyGradings)
    .values({ ...row, state: 'proposed' })
    .onConflictDoUpdate({
      target: [propertyGradings.unitId, propertyGradings.year],
      set: { scoreCenti: row.scoreCenti, proposedGrade: row.proposedGrade, proposedAt: new Date() },
      setWhere: sql`${propertyGradings.state} = 'proposed'`,
    })
    .returning();
  return rows[0] ?? null;
}

export async function findGrading(db: DbOrTx, id: string, lock = false): Promise<GradingRow | null> {
  const q = db.select().from(propertyGradings).where(eq(propertyGradings.id, id));
  return ((lock ? await q.for('update') : await q)[0] as GradingRow | undefined) ?? null;
}

export async function confirmGrading(db: DbOrTx, id: string, set: { grade: string; reason: string | null; confirmedBy: string }) {
  return (
    await db
      .update(propertyGradings)
      .set({ ...set, state: 'confirmed', confirmedAt: new Date() })
      .where(eq(propertyGradings.id, id))
      .returning()
  )[0]!;
}

// ---- bills and offsets ----------------------------------------------------------------------------------------------

export type BillRow = typeof propertyBills.$inferSelect;

export async function insertBill(db: DbOrTx, row: typeof propertyBills.$inferInsert) {
  const rows = await db.insert(propertyBills).values(row).onConflictDoNothing().returning();
  return rows[0] ?? null;
}

export async function findBill(db: DbOrTx, id: string, lock = false): Promise<BillRow | null> {
  const q = db.select().from(propertyBills).where(eq(propertyBills.id, id));
  return ((lock ? await q.for('update') : await q)[0] as BillRow | undefined) ?? null;
}

/** Which bills: a company's, an area's, a period's, a household's; `overdueBefore` (the current month) keeps those past
 * due — `billOverdue` of the domain: the month is over and a balance is left. */
export interface BillFilter {
  unitId?: string;
  area?: string;
  period?: string;
  householdId?: string;
  overdueBefore?: string;
}

function billWhere(by: BillFilter) {
  return and(
    by.unitId ? eq(propertyBills.unitId, by.unitId) : undefined,
    by.area ? sql`${propertyBills.areaCode} like ${escapeLike(by.area) + '%'}` : undefined,
    by.period ? eq(propertyBills.period, by.period) : undefined,
    by.householdId ? eq(propertyBills.householdId, by.householdId) : undefined,
    by.overdueBefore ? sql`${propertyBills.period} < ${by.overdueBefore} and ${propertyBills.amountFen} - ${propertyBills.offsetFen} - ${propertyBills.paidFen} > 0` : undefined,
  );
}

export async function listBills(db: DbOrTx, by: BillFilter, limit = 200) {
  return db
    .select({ bill: propertyBills, address: households.address, doorplate: households.doorplate })
    .from(propertyBills)
    .innerJoin(households, eq(households.id, propertyBills.householdId))
    .where(billWhere(by))
    .orderBy(desc(propertyBills.period), asc(households.address))
    .limit(limit);
}

export async function countBills(db: DbOrTx, by: BillFilter): Promise<number> {
  const rows = await db.select({ n: sql<number>`count(*)::int` }).from(propertyBills).where(billWhere(by));
  return Number(rows[0]?.n ?? 0);
}

export async function updateBill(db: DbOrTx, id: string, set: Partial<Pick<BillRow, 'offsetFen' | 'paidFen' | 'paidAt'>>) {
  return (await db.update(propertyBills).set(set).where(eq(propertyBills.id, id)).returning())[0]!;
}

export async function insertOffset(db: DbOrTx, row: typeof propertyBillOffsets.$inferInsert) {
  const rows = await db.insert(propertyBillOffsets).values(row).onConflictDoNothing().returning();
  return rows[0] ?? null;
}

export async function findRedemption(db: DbOrTx, id: string) {
  const rows = await db.select().from(pointsRedemptions).where(eq(pointsRedemptions.id, id));
  return rows[0] ?? null;
}

/** The household of a user's registry person. */
export async function householdOfUser(db: DbOrTx, userId: string): Promise<string | null> {
  const rows = await db.select({ h: people.householdId }).from(users).innerJoin(people, eq(people.id, users.personId)).where(eq(users.id, userId));
  return rows[0]?.h ?? null;
}

export async function findHousehold(db: DbOrTx, id: string) {
  const rows = await db.select({ id: households.id, areaCode: households.areaCode }).from(households).where(eq(households.id, id));
  return rows[0] ?? null;
}

/** All bills of a company (for the collection rate), with the month its first offset was applied. */
export async function billsForCollection(db: DbOrTx, unitId: string) {
  const bills = await db
    .select({ period: propertyBills.period, amountFen: propertyBills.amountFen, offsetFen: propertyBills.offsetFen, paidFen: propertyBills.paidFen })
    .from(propertyBills)
    .where(eq(propertyBills.unitId, unitId));
  const first = await db
    .select({ period: sql<string | null>`min(${propertyBills.period})` })
    .from(propertyBillOffsets)
    .innerJoin(propertyBills, eq(propertyBills.id, propertyBillOffsets.billId))
    .where(eq(propertyBills.unitId, unitId));
  return { bills, firstOffsetPeriod: first[0]?.period ?? null };
}
