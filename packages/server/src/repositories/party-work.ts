// SQL of party members at work: linked households (一户十联), visits, follow-ups, patrols (一日两巡),
// transfers and post reports. Area-bound reads take a Scope (prefix match on the area code).
import { and, asc, count, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import {
  areas,
  households,
  partyLinks,
  partyMembers,
  partyPatrols,
  partyPostReports,
  partyTransfers,
  partyVisitFollowups,
  partyVisits,
  people,
  pointsAwards,
  users,
  wishes,
} from '../db/schema.ts';
import { escapeLike, inScope, type Scope } from './scope.ts';

export type LinkRow = typeof partyLinks.$inferSelect;
export type VisitRow = typeof partyVisits.$inferSelect;
export type FollowupRow = typeof partyVisitFollowups.$inferSelect;
export type PatrolRow = typeof partyPatrols.$inferSelect;
export type TransferRow = typeof partyTransfers.$inferSelect;
export type PostReportRow = typeof partyPostReports.$inferSelect;

const prefix = (column: Parameters<typeof inScope>[0], code: string) => sql`${column} like ${escapeLike(code) + '%'}`;

// ---- households and members of a grid --------------------------------------------------------

export interface HouseholdBrief {
  id: string;
  areaCode: string;
  address: string;
  doorplate: string;
  /** The head of the household (or its first member) by name, for the phone list. */
  head: string | null;
  size: number;
}

/** Households under an area with a head's name and size, in grid/building/doorplate order. */
export async function householdsIn(db: DbOrTx, scope: Scope, area: string): Promise<HouseholdBrief[]> {
  const rows = await db
    .select({
      id: households.id,
      areaCode: households.areaCode,
      address: households.address,
      doorplate: households.doorplate,
      head: sql<string | null>`(array_agg(${people.name} order by (${people.relation} = 'head') desc, ${people.birthDate} asc nulls last))[1]`,
      size: count(people.id),
    })
    .from(households)
    .leftJoin(people, eq(people.householdId, households.id))
    .where(and(inScope(households.areaCode, scope), prefix(households.areaCode, area)))
    .groupBy(households.id)
    .orderBy(asc(households.areaCode), asc(households.doorplate), asc(households.id));
  return rows.map((r) => ({ ...r, size: Number(r.size) }));
}

export async function householdsByIds(db: DbOrTx, ids: string[]): Promise<Map<string, HouseholdBrief>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await db
    .select({
      id: households.id,
      areaCode: households.areaCode,
      address: households.address,
      doorplate: households.doorplate,
      head: sql<string | null>`(array_agg(${people.name} order by (${people.relation} = 'head') desc, ${people.birthDate} asc nulls last))[1]`,
      size: count(people.id),
    })
    .from(households)
    .leftJoin(people, eq(people.householdId, households.id))
    .where(inArray(households.id, unique))
    .groupBy(households.id);
  return new Map(rows.map((r) => [r.id, { ...r, size: Number(r.size) }]));
}

/** Backbone members living under an area (their residence), with name and residence. */
export async function backboneMembersIn(db: DbOrTx, area: string) {
  return db
    .select({ id: partyMembers.id, name: people.name, areaCode: people.areaCode, personId: people.id })
    .from(partyMembers)
    .innerJoin(people, eq(people.id, partyMembers.personId))
    .where(and(eq(partyMembers.backbone, true), prefix(people.areaCode, area)))
    .orderBy(asc(people.areaCode), asc(partyMembers.id));
}

export async function memberBriefs(db: DbOrTx, ids: string[]) {
  const unique = [...new Set(ids.filter(Boolean))];
  if (!unique.length) return new Map<string, { id: string; name: string; areaCode: string; personId: string; backbone: boolean; postCode: string | null }>();
  const rows = await db
    .select({ id: partyMembers.id, name: people.name, areaCode: people.areaCode, personId: people.id, backbone: partyMembers.backbone, postCode: partyMembers.postCode })
    .from(partyMembers)
    .innerJoin(people, eq(people.id, partyMembers.personId))
    .where(inArray(partyMembers.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function buildingsIn(db: DbOrTx, area: string) {
  return db
    .select({ code: areas.code, name: areas.name })
    .from(areas)
    .where(and(eq(areas.level, 'building'), prefix(areas.code, area)))
    .orderBy(asc(areas.code));
}

// ---- links ----------------------------------------------------------------------------------

export async function linksIn(db: DbOrTx, area: string): Promise<LinkRow[]> {
  return db.select().from(partyLinks).where(prefix(partyLinks.gridCode, area.slice(0, 15)));
}

export async function linksOfMember(db: DbOrTx, memberId: string): Promise<LinkRow[]> {
  return db.select().from(partyLinks).where(eq(partyLinks.memberId, memberId));
}

export async function findLink(db: DbOrTx, householdId: string): Promise<LinkRow | null> {
  const rows = await db.select().from(partyLinks).where(eq(partyLinks.householdId, householdId)).limit(1);
  return rows[0] ?? null;
}

/** Replaces the links of one grid with `rows` (a proposal applied). */
export async function replaceGridLinks(db: DbOrTx, grid: string, rows: (typeof partyLinks.$inferInsert)[]): Promise<void> {
  await db.delete(partyLinks).where(eq(partyLinks.gridCode, grid));
  for (let i = 0; i < rows.length; i += 500) await db.insert(partyLinks).values(rows.slice(i, i + 500));
}

export async function upsertLink(db: DbOrTx, row: typeof partyLinks.$inferInsert): Promise<void> {
  await db
    .insert(partyLinks)
    .values(row)
    .onConflictDoUpdate({ target: partyLinks.householdId, set: { memberId: row.memberId, source: row.source, assignedBy: row.assignedBy ?? null, gridCode: row.gridCode, updatedAt: new Date() } });
}

/** Linked households per member. */
export async function linkCounts(db: DbOrTx, memberIds: string[]): Promise<Map<string, number>> {
  if (!memberIds.length) return new Map();
  const rows = await db.select({ id: partyLinks.memberId, n: count() }).from(partyLinks).where(inArray(partyLinks.memberId, memberIds)).groupBy(partyLinks.memberId);
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

// ---- visits ---------------------------------------------------------------------------------

export async function insertVisit(db: DbOrTx, row: typeof partyVisits.$inferInsert): Promise<VisitRow> {
  return (await db.insert(partyVisits).values(row).returning())[0]!;
}

export async function insertFollowups(db: DbOrTx, rows: (typeof partyVisitFollowups.$inferInsert)[]): Promise<FollowupRow[]> {
  if (!rows.length) return [];
  return db.insert(partyVisitFollowups).values(rows).returning();
}

export async function markFollowupConverted(db: DbOrTx, id: string, patch: { refId: string; refCode: string | null; convertedBy: string }): Promise<void> {
  await db
    .update(partyVisitFollowups)
    .set({ state: 'converted', refId: patch.refId, refCode: patch.refCode, convertedBy: patch.convertedBy, convertedAt: new Date() })
    .where(and(eq(partyVisitFollowups.id, id), eq(partyVisitFollowups.state, 'open')));
}

export async function followupsOf(db: DbOrTx, visitIds: string[]): Promise<FollowupRow[]> {
  if (!visitIds.length) return [];
  return db.select().from(partyVisitFollowups).where(inArray(partyVisitFollowups.visitId, visitIds)).orderBy(asc(partyVisitFollowups.createdAt));
}

export async function findFollowup(db: DbOrTx, id: string): Promise<FollowupRow | null> {
  const rows = await db.select().from(partyVisitFollowups).where(eq(partyVisitFollowups.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function findVisit(db: DbOrTx, id: string): Promise<VisitRow | null> {
  const rows = await db.select().from(partyVisits).where(eq(partyVisits.id, id)).limit(1);
  return rows[0] ?? null;
}

export interface VisitFilter {
  area?: string;
  visitorUserId?: string;
  householdId?: string;
  from?: string;
  to?: string;
  limit: number;
}

export async function listVisits(db: DbOrTx, scope: Scope | null, f: VisitFilter): Promise<VisitRow[]> {
  return db
    .select()
    .from(partyVisits)
    .where(
      and(
        scope ? inScope(partyVisits.areaCode, scope) : undefined,
        f.area ? prefix(partyVisits.areaCode, f.area) : undefined,
        f.visitorUserId ? eq(partyVisits.visitorUserId, f.visitorUserId) : undefined,
        f.householdId ? eq(partyVisits.householdId, f.householdId) : undefined,
        f.from ? gte(partyVisits.visitedOn, f.from) : undefined,
        f.to ? lt(partyVisits.visitedOn, f.to) : undefined,
      ),
    )
    .orderBy(desc(partyVisits.visitedOn), desc(partyVisits.createdAt))
    .limit(f.limit);
}

/** Households visited in [from, to) (dates), among those under an area. */
export async function visitedHouseholds(db: DbOrTx, area: string, from: string, to: string): Promise<Set<string>> {
  const rows = await db
    .selectDistinct({ id: partyVisits.householdId })
    .from(partyVisits)
    .where(and(prefix(partyVisits.areaCode, area), gte(partyVisits.visitedOn, from), lt(partyVisits.visitedOn, to)));
  return new Set(rows.map((r) => r.id));
}

/** The last visit date of each household. */
export async function lastVisits(db: DbOrTx, householdIds: string[]): Promise<Map<string, string>> {
  if (!householdIds.length) return new Map();
  const rows = await db
    .select({ id: partyVisits.householdId, last: sql<string>`max(${partyVisits.visitedOn})::text` })
    .from(partyVisits)
    .where(inArray(partyVisits.householdId, householdIds))
    .groupBy(partyVisits.householdId);
  return new Map(rows.map((r) => [r.id, r.last]));
}

// ---- the vanguard index inputs ----------------------------------------------------------------

/** Visits recorded by each member since `from` (date). */
export async function visitCounts(db: DbOrTx, memberIds: string[], from: string): Promise<Map<string, number>> {
  if (!memberIds.length) return new Map();
  const rows = await db
    .select({ id: partyVisits.memberId, n: count() })
    .from(partyVisits)
    .where(and(inArray(partyVisits.memberId, memberIds), gte(partyVisits.visitedOn, from)))
    .groupBy(partyVisits.memberId);
  return new Map(rows.map((r) => [r.id!, Number(r.n)]));
}

/** Linked households of each member visited (by anyone) in [from, to). */
export async function linkedVisitedCounts(db: DbOrTx, memberIds: string[], from: string, to: string): Promise<Map<string, number>> {
  if (!memberIds.length) return new Map();
  const rows = await db
    .select({ id: partyLinks.memberId, n: sql<number>`count(distinct ${partyLinks.householdId})` })
    .from(partyLinks)
    .innerJoin(partyVisits, and(eq(partyVisits.householdId, partyLinks.householdId), gte(partyVisits.visitedOn, from), lt(partyVisits.visitedOn, to)))
    .where(inArray(partyLinks.memberId, memberIds))
    .groupBy(partyLinks.memberId);
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

/** Active accounts of the members' persons (member id → user ids): a person may hold more than one (a member's
 * account and a resident's one made for a property bill), and what each earns counts for the member. */
export async function usersOfMembers(db: DbOrTx, memberIds: string[]): Promise<Map<string, string[]>> {
  if (!memberIds.length) return new Map();
  const rows = await db
    .select({ memberId: partyMembers.id, userId: users.id })
    .from(partyMembers)
    .innerJoin(users, and(eq(users.personId, partyMembers.personId), eq(users.active, true)))
    .where(inArray(partyMembers.id, memberIds));
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.memberId, [...(out.get(r.memberId) ?? []), r.userId]);
  return out;
}

/** Wishes fulfilled by each user and confirmed since `from`. */
export async function wishesFulfilled(db: DbOrTx, userIds: string[], from: Date): Promise<Map<string, number>> {
  if (!userIds.length) return new Map();
  const rows = await db
    .select({ id: wishes.claimedByUserId, n: count() })
    .from(wishes)
    .where(and(inArray(wishes.claimedByUserId, userIds), eq(wishes.state, 'confirmed'), gte(wishes.confirmedAt, from)))
    .groupBy(wishes.claimedByUserId);
  return new Map(rows.map((r) => [r.id!, Number(r.n)]));
}

/** Vanguard points (先锋模范积分) approved for each user since `from` (reversed awards do not count). */
export async function vanguardPoints(db: DbOrTx, userIds: string[], from: Date): Promise<Map<string, number>> {
  if (!userIds.length) return new Map();
  const rows = await db
    .select({ id: pointsAwards.recipientUserId, n: sql<number>`coalesce(sum(${pointsAwards.points}), 0)` })
    .from(pointsAwards)
    .where(and(inArray(pointsAwards.recipientUserId, userIds), eq(pointsAwards.scheme, 'vanguard'), eq(pointsAwards.state, 'approved'), gte(pointsAwards.createdAt, from)))
    .groupBy(pointsAwards.recipientUserId);
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

// ---- patrols --------------------------------------------------------------------------------

export async function insertPatrol(db: DbOrTx, row: typeof partyPatrols.$inferInsert): Promise<PatrolRow> {
  return (await db.insert(partyPatrols).values(row).returning())[0]!;
}

export async function patrolsOf(db: DbOrTx, userId: string, from: Date, to: Date): Promise<PatrolRow[]> {
  return db
    .select()
    .from(partyPatrols)
    .where(and(eq(partyPatrols.userId, userId), gte(partyPatrols.at, from), lt(partyPatrols.at, to)))
    .orderBy(desc(partyPatrols.at));
}

/** Buildings patrolled under an area in [from, to). */
export async function patrolledBuildings(db: DbOrTx, area: string, from: Date, to: Date): Promise<Set<string>> {
  const rows = await db
    .selectDistinct({ code: partyPatrols.buildingCode })
    .from(partyPatrols)
    .where(and(prefix(partyPatrols.gridCode, area.slice(0, 15)), gte(partyPatrols.at, from), lt(partyPatrols.at, to)));
  return new Set(rows.map((r) => r.code).filter((c): c is string => !!c));
}

// ---- transfers and post reports -----------------------------------------------------------------

export async function insertTransfer(db: DbOrTx, row: typeof partyTransfers.$inferInsert): Promise<TransferRow> {
  return (await db.insert(partyTransfers).values(row).returning())[0]!;
}

export async function transfersOf(db: DbOrTx, memberId: string): Promise<TransferRow[]> {
  return db.select().from(partyTransfers).where(eq(partyTransfers.memberId, memberId)).orderBy(desc(partyTransfers.at));
}

export async function insertPostReport(db: DbOrTx, row: typeof partyPostReports.$inferInsert): Promise<PostReportRow> {
  return (await db.insert(partyPostReports).values(row).returning())[0]!;
}

export async function postReportsOf(db: DbOrTx, memberId: string): Promise<PostReportRow[]> {
  return db.select().from(partyPostReports).where(eq(partyPostReports.memberId, memberId)).orderBy(desc(partyPostReports.at));
}

export async function userNames(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter(Boolean))];
  if (!unique.length) return new Map();
  const rows = await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The head of a household (or its oldest member): the wisher of a wish noted on a visit. */
export async function headPersonOf(db: DbOrTx, householdId: string): Promise<string | null> {
  const rows = await db
    .select({ id: people.id })
    .from(people)
    .where(eq(people.householdId, householdId))
    .orderBy(sql`(${people.relation} = 'head') desc`, asc(people.birthDate))
    .limit(1);
  return rows[0]?.id ?? null;
}
