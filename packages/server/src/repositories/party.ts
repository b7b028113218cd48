// All SQL of party organisations, members, posts and registrations (双报到). Every read of
// area-bound rows takes a Scope: an organisation is in scope when its area is; a member when their
// residence, their own organisation or the organisation they registered with is.
import { and, asc, count, desc, eq, inArray, isNull, like, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { PartyOrgKind } from '@gongzhi/domain';
import type { DbOrTx } from '../db/client.ts';
import { areas, partyCompounds, partyMembers, partyOrgs, partyPosts, partyRegistrations, people } from '../db/schema.ts';
import { escapeLike, inScope, type Scope } from './scope.ts';

export type PartyOrgRow = typeof partyOrgs.$inferSelect;
export type NewPartyOrgRow = typeof partyOrgs.$inferInsert;
export type PartyMemberRow = typeof partyMembers.$inferSelect;
export type NewPartyMemberRow = typeof partyMembers.$inferInsert;
export type PartyPostRow = typeof partyPosts.$inferSelect;
export type RegistrationRow = typeof partyRegistrations.$inferSelect;

const prefix = (column: AnyColumn, code: string) => sql`${column} like ${escapeLike(code) + '%'}`;

// ---- organisations --------------------------------------------------------------------------

export async function orgsIn(db: DbOrTx, scope: Scope, area?: string): Promise<PartyOrgRow[]> {
  return db
    .select()
    .from(partyOrgs)
    .where(and(inScope(partyOrgs.areaCode, scope), area ? prefix(partyOrgs.areaCode, area) : undefined))
    .orderBy(asc(partyOrgs.areaCode), asc(partyOrgs.sort), asc(partyOrgs.code));
}

export async function findOrg(db: DbOrTx, scope: Scope, id: string): Promise<PartyOrgRow | null> {
  const rows = await db
    .select()
    .from(partyOrgs)
    .where(and(eq(partyOrgs.id, id), inScope(partyOrgs.areaCode, scope)))
    .limit(1);
  return rows[0] ?? null;
}

export async function orgsByIds(db: DbOrTx, ids: string[]): Promise<Map<string, PartyOrgRow>> {
  const unique = [...new Set(ids.filter(Boolean))];
  if (unique.length === 0) return new Map();
  const rows = await db.select().from(partyOrgs).where(inArray(partyOrgs.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function orgByCode(db: DbOrTx, code: string): Promise<PartyOrgRow | null> {
  const rows = await db.select().from(partyOrgs).where(eq(partyOrgs.code, code)).limit(1);
  return rows[0] ?? null;
}

export async function insertOrgs(db: DbOrTx, rows: NewPartyOrgRow[]): Promise<PartyOrgRow[]> {
  if (rows.length === 0) return [];
  return db.insert(partyOrgs).values(rows).onConflictDoNothing().returning();
}

export async function insertOrg(db: DbOrTx, row: NewPartyOrgRow): Promise<PartyOrgRow> {
  const res = await db.insert(partyOrgs).values(row).returning();
  return res[0]!;
}

export async function lockOrg(db: DbOrTx, id: string): Promise<PartyOrgRow | null> {
  const rows = await db.select().from(partyOrgs).where(eq(partyOrgs.id, id)).for('update').limit(1);
  return rows[0] ?? null;
}

export async function updateOrg(db: DbOrTx, id: string, patch: Partial<NewPartyOrgRow>): Promise<PartyOrgRow> {
  const res = await db
    .update(partyOrgs)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(partyOrgs.id, id))
    .returning();
  return res[0]!;
}

/** What still hangs on an organisation: child organisations, members, registrations and history rows. */
export async function orgUsage(db: DbOrTx, id: string): Promise<{ children: number; members: number; history: number }> {
  const res = await db.execute<{ children: string; members: string; history: string }>(sql`
    select
      (select count(*) from party_orgs where parent_id = ${id}) as children,
      (select count(*) from party_members where org_id = ${id} or local_org_id = ${id}) as members,
      (select count(*) from party_registrations where org_id = ${id})
        + (select count(*) from party_transfers where from_org_id = ${id} or to_org_id = ${id})
        + (select count(*) from party_post_reports where org_id = ${id}) as history`);
  const r = res.rows[0]!;
  return { children: Number(r.children), members: Number(r.members), history: Number(r.history) };
}

export async function deleteOrg(db: DbOrTx, id: string): Promise<void> {
  await db.delete(partyOrgs).where(eq(partyOrgs.id, id));
}

/** Members whose own organisation is each org, and accepted registrations with each org. */
export async function memberCounts(db: DbOrTx, orgIds: string[]): Promise<{ own: Map<string, number>; registered: Map<string, number> }> {
  if (orgIds.length === 0) return { own: new Map(), registered: new Map() };
  const [own, registered] = await Promise.all([
    db.select({ id: partyMembers.orgId, n: count() }).from(partyMembers).where(inArray(partyMembers.orgId, orgIds)).groupBy(partyMembers.orgId),
    db
      .select({ id: partyMembers.localOrgId, n: count() })
      .from(partyMembers)
      .where(and(inArray(partyMembers.localOrgId, orgIds), eq(partyMembers.registrationState, 'accepted')))
      .groupBy(partyMembers.localOrgId),
  ]);
  return {
    own: new Map(own.map((r) => [r.id, Number(r.n)])),
    registered: new Map(registered.map((r) => [r.id!, Number(r.n)])),
  };
}

// ---- members --------------------------------------------------------------------------------

const homeOrg = alias(partyOrgs, 'home_org');
const localOrg = alias(partyOrgs, 'local_org');

const memberColumns = {
  member: partyMembers,
  person: {
    id: people.id,
    name: people.name,
    gender: people.gender,
    birthDate: people.birthDate,
    areaCode: people.areaCode,
    idLast4: people.idLast4,
    phoneLast4: people.phoneLast4,
  },
  org: { id: homeOrg.id, name: homeOrg.name, areaCode: homeOrg.areaCode, kind: homeOrg.kind },
  localOrg: { id: localOrg.id, name: localOrg.name, areaCode: localOrg.areaCode, kind: localOrg.kind },
  post: { code: partyPosts.code, name: partyPosts.name },
};

export type MemberView = {
  member: PartyMemberRow;
  person: { id: string; name: string; gender: string; birthDate: string | null; areaCode: string; idLast4: string | null; phoneLast4: string | null };
  org: { id: string; name: string; areaCode: string; kind: PartyOrgKind };
  localOrg: { id: string; name: string; areaCode: string; kind: PartyOrgKind } | null;
  post: { code: string; name: string } | null;
};

function memberScopeSql(scope: Scope): SQL {
  return or(inScope(people.areaCode, scope), inScope(homeOrg.areaCode, scope), and(inScope(localOrg.areaCode, scope), inArray(partyMembers.registrationState, ['applied', 'accepted'])))!;
}

function memberQuery(db: DbOrTx) {
  return db
    .select(memberColumns)
    .from(partyMembers)
    .innerJoin(people, eq(people.id, partyMembers.personId))
    .innerJoin(homeOrg, eq(homeOrg.id, partyMembers.orgId))
    .leftJoin(localOrg, eq(localOrg.id, partyMembers.localOrgId))
    .leftJoin(partyPosts, eq(partyPosts.code, partyMembers.postCode));
}

export interface MemberFilter {
  /** Members of these organisations: their own, or registered (accepted) there. */
  orgIds?: string[];
  area?: string;
  q?: string;
  page: number;
  pageSize: number;
}

export async function listMembers(db: DbOrTx, scope: Scope, f: MemberFilter): Promise<{ total: number; rows: MemberView[] }> {
  const where = and(
    memberScopeSql(scope),
    f.orgIds ? (f.orgIds.length ? or(inArray(partyMembers.orgId, f.orgIds), and(inArray(partyMembers.localOrgId, f.orgIds), eq(partyMembers.registrationState, 'accepted'))) : sql`false`) : undefined,
    f.area ? or(prefix(people.areaCode, f.area), prefix(homeOrg.areaCode, f.area), and(prefix(localOrg.areaCode, f.area), eq(partyMembers.registrationState, 'accepted'))) : undefined,
    f.q ? like(people.name, `%${escapeLike(f.q)}%`) : undefined,
  );
  const [rows, totals] = await Promise.all([
    memberQuery(db)
      .where(where)
      .orderBy(asc(homeOrg.areaCode), asc(people.areaCode), asc(people.name), asc(partyMembers.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db
      .select({ n: count() })
      .from(partyMembers)
      .innerJoin(people, eq(people.id, partyMembers.personId))
      .innerJoin(homeOrg, eq(homeOrg.id, partyMembers.orgId))
      .leftJoin(localOrg, eq(localOrg.id, partyMembers.localOrgId))
      .where(where),
  ]);
  return { total: Number(totals[0]?.n ?? 0), rows: rows as MemberView[] };
}

/** One member as the caller may see them (null: not in scope). A null scope is the member themself. */
export async function findMember(db: DbOrTx, scope: Scope | null, id: string): Promise<MemberView | null> {
  const rows = await memberQuery(db)
    .where(and(eq(partyMembers.id, id), scope ? memberScopeSql(scope) : undefined))
    .limit(1);
  return (rows[0] as MemberView | undefined) ?? null;
}

export async function memberOfPerson(db: DbOrTx, personId: string): Promise<MemberView | null> {
  const rows = await memberQuery(db).where(eq(partyMembers.personId, personId)).limit(1);
  return (rows[0] as MemberView | undefined) ?? null;
}

export async function lockMember(db: DbOrTx, id: string): Promise<PartyMemberRow | null> {
  const rows = await db.select().from(partyMembers).where(eq(partyMembers.id, id)).for('update').limit(1);
  return rows[0] ?? null;
}

export async function updateMember(db: DbOrTx, id: string, patch: Partial<NewPartyMemberRow>): Promise<void> {
  await db
    .update(partyMembers)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(partyMembers.id, id));
}

export async function insertMembers(db: DbOrTx, rows: NewPartyMemberRow[]): Promise<void> {
  if (rows.length) await db.insert(partyMembers).values(rows).onConflictDoNothing();
}

/** Summary of the members whose own organisation, or accepted registration, is one of `orgIds`. */
export async function memberSummary(db: DbOrTx, orgIds: string[]) {
  if (orgIds.length === 0) return [];
  return db
    .select({ kind: partyMembers.kind, backbone: partyMembers.backbone, centralHousehold: partyMembers.centralHousehold, postCode: partyMembers.postCode, localOrgId: partyMembers.localOrgId, orgId: partyMembers.orgId, registrationState: partyMembers.registrationState })
    .from(partyMembers)
    .where(or(inArray(partyMembers.orgId, orgIds), and(inArray(partyMembers.localOrgId, orgIds), eq(partyMembers.registrationState, 'accepted'))));
}

// ---- registrations (双报到) -------------------------------------------------------------------

export async function insertRegistration(db: DbOrTx, row: typeof partyRegistrations.$inferInsert): Promise<RegistrationRow> {
  const res = await db.insert(partyRegistrations).values(row).returning();
  return res[0]!;
}

export async function lockRegistration(db: DbOrTx, id: string): Promise<RegistrationRow | null> {
  const rows = await db.select().from(partyRegistrations).where(eq(partyRegistrations.id, id)).for('update').limit(1);
  return rows[0] ?? null;
}

export async function findRegistration(db: DbOrTx, id: string): Promise<RegistrationRow | null> {
  const rows = await db.select().from(partyRegistrations).where(eq(partyRegistrations.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function updateRegistration(db: DbOrTx, id: string, patch: Partial<typeof partyRegistrations.$inferInsert>): Promise<RegistrationRow> {
  const res = await db
    .update(partyRegistrations)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(partyRegistrations.id, id))
    .returning();
  return res[0]!;
}

export async function registrationsOfMember(db: DbOrTx, memberId: string): Promise<RegistrationRow[]> {
  return db.select().from(partyRegistrations).where(eq(partyRegistrations.memberId, memberId)).orderBy(desc(partyRegistrations.createdAt), desc(partyRegistrations.id));
}

/** Applications waiting for review at these organisations, with the applicant's name. */
export async function pendingRegistrations(db: DbOrTx, orgIds: string[]) {
  if (orgIds.length === 0) return [];
  return db
    .select({ id: partyRegistrations.id, orgId: partyRegistrations.orgId, memberId: partyRegistrations.memberId, createdAt: partyRegistrations.createdAt, name: people.name, kind: partyMembers.kind, homeOrgId: partyMembers.orgId })
    .from(partyRegistrations)
    .innerJoin(partyMembers, eq(partyMembers.id, partyRegistrations.memberId))
    .innerJoin(people, eq(people.id, partyMembers.personId))
    .where(and(inArray(partyRegistrations.orgId, orgIds), eq(partyRegistrations.state, 'applied')))
    .orderBy(asc(partyRegistrations.createdAt));
}

// ---- posts ----------------------------------------------------------------------------------

/** The fixed posts and the custom posts of a village (12 digits). */
export async function postsFor(db: DbOrTx, village: string | null): Promise<PartyPostRow[]> {
  return db
    .select()
    .from(partyPosts)
    .where(village ? or(isNull(partyPosts.areaCode), eq(partyPosts.areaCode, village)) : isNull(partyPosts.areaCode))
    .orderBy(asc(partyPosts.sort), asc(partyPosts.code));
}

export async function insertPosts(db: DbOrTx, rows: (typeof partyPosts.$inferInsert)[]): Promise<void> {
  if (rows.length) await db.insert(partyPosts).values(rows).onConflictDoNothing();
}

// ---- compounds (the branch formation rule) --------------------------------------------------

/** Buildings under an area, as compounds: their attributes, party members living there, and own branch. */
export async function compoundsIn(db: DbOrTx, area: string) {
  const buildings = await db
    .select({ code: areas.code, name: areas.name, hasProperty: partyCompounds.hasProperty, fenced: partyCompounds.fenced })
    .from(areas)
    .leftJoin(partyCompounds, eq(partyCompounds.areaCode, areas.code))
    .where(and(eq(areas.level, 'building'), sql`${areas.code} like ${escapeLike(area) + '%'}`))
    .orderBy(asc(areas.code));
  const members = await db
    .select({ code: sql<string>`substr(${people.areaCode}, 1, 18)`, n: count() })
    .from(partyMembers)
    .innerJoin(people, eq(people.id, partyMembers.personId))
    .where(prefix(people.areaCode, area))
    .groupBy(sql`substr(${people.areaCode}, 1, 18)`);
  const branches = await db
    .select({ id: partyOrgs.id, name: partyOrgs.name, areaCode: partyOrgs.areaCode })
    .from(partyOrgs)
    .where(and(eq(partyOrgs.kind, 'compound-branch'), prefix(partyOrgs.areaCode, area)));
  const byCode = new Map(members.map((m) => [m.code, Number(m.n)]));
  const branchOf = new Map(branches.map((b) => [b.areaCode, { id: b.id, name: b.name }]));
  return buildings.map((b) => ({ code: b.code, name: b.name, hasProperty: b.hasProperty ?? false, fenced: b.fenced ?? false, members: byCode.get(b.code) ?? 0, ownBranch: branchOf.get(b.code) ?? null }));
}

export async function upsertCompounds(db: DbOrTx, rows: { areaCode: string; hasProperty: boolean; fenced: boolean }[]): Promise<void> {
  if (rows.length) await db.insert(partyCompounds).values(rows).onConflictDoNothing();
}
