// What the one person page gathers around a person of the registry (人、地、物、事、组织: one entry,
// linked everywhere). Every read keeps to the caller's scope.
import { and, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { cases, partyMembers, partyOrgs, partyPosts, partyVisits, pointsAccounts, staffAppointments, users } from '../db/schema.ts';
import { inScope, type Scope } from './scope.ts';

export async function partyMembershipOf(db: DbOrTx, personId: string) {
  const rows = await db
    .select({
      id: partyMembers.id,
      kind: partyMembers.kind,
      orgId: partyMembers.orgId,
      orgName: partyOrgs.name,
      localOrgId: partyMembers.localOrgId,
      registrationState: partyMembers.registrationState,
      backbone: partyMembers.backbone,
      centralHousehold: partyMembers.centralHousehold,
      joinedOn: partyMembers.joinedOn,
      postName: partyPosts.name,
    })
    .from(partyMembers)
    .innerJoin(partyOrgs, eq(partyOrgs.id, partyMembers.orgId))
    .leftJoin(partyPosts, eq(partyPosts.code, partyMembers.postCode))
    .where(eq(partyMembers.personId, personId))
    .limit(1);
  const m = rows[0];
  if (!m) return null;
  const local = m.localOrgId ? await db.select({ name: partyOrgs.name }).from(partyOrgs).where(eq(partyOrgs.id, m.localOrgId)).limit(1) : [];
  return { ...m, localOrgName: local[0]?.name ?? null };
}

/** The person's accounts (users.person_id), for the points and cases they own. */
export async function accountsOf(db: DbOrTx, personId: string) {
  return db.select({ id: users.id, username: users.username, roles: users.roles, active: users.active }).from(users).where(eq(users.personId, personId));
}

export async function pointsAccountsOf(db: DbOrTx, scope: Scope, userIds: string[], householdId: string | null) {
  const owners = [
    ...(userIds.length ? [and(eq(pointsAccounts.kind, 'person'), inArray(pointsAccounts.ownerId, userIds))] : []),
    ...(householdId ? [and(eq(pointsAccounts.kind, 'household'), eq(pointsAccounts.ownerId, householdId))] : []),
  ];
  if (owners.length === 0) return [];
  return db
    .select({ id: pointsAccounts.id, scheme: pointsAccounts.scheme, kind: pointsAccounts.kind, name: pointsAccounts.name, balance: pointsAccounts.balance })
    .from(pointsAccounts)
    .where(and(or(...owners), inScope(pointsAccounts.areaCode, scope)))
    .orderBy(pointsAccounts.scheme, pointsAccounts.kind);
}

/** Cases the person reported: from one of their accounts, or with their phone number (by its keyed hash). */
export async function casesReportedBy(db: DbOrTx, scope: Scope, userIds: string[], phoneHash: string | null, limit = 20) {
  const who = [...(userIds.length ? [inArray(cases.reporterUserId, userIds)] : []), ...(phoneHash ? [eq(cases.reporterPhoneHash, phoneHash)] : [])];
  if (who.length === 0) return { total: 0, items: [] };
  const where = and(or(...who), inScope(cases.areaCode, scope));
  const [items, totals] = await Promise.all([
    db
      .select({ id: cases.id, code: cases.code, title: cases.title, state: cases.state, categoryCode: cases.categoryCode, areaCode: cases.areaCode, createdAt: cases.createdAt })
      .from(cases)
      .where(where)
      .orderBy(desc(cases.createdAt))
      .limit(limit),
    db.select({ n: sql<number>`count(*)::int` }).from(cases).where(where),
  ]);
  return { total: Number(totals[0]?.n ?? 0), items };
}

/** Visits to the person's household (走访), newest first. */
export async function visitsTo(db: DbOrTx, scope: Scope, householdId: string | null, limit = 20) {
  if (!householdId) return [];
  return db
    .select({ id: partyVisits.id, visitedOn: partyVisits.visitedOn, visitorName: partyVisits.visitorName, duties: partyVisits.duties, notes: partyVisits.notes })
    .from(partyVisits)
    .where(and(eq(partyVisits.householdId, householdId), inScope(partyVisits.areaCode, scope)))
    .orderBy(desc(partyVisits.visitedOn), desc(partyVisits.createdAt))
    .limit(limit);
}

/** Posts the person holds or held on the grid staff roster (一格多员). */
export async function postsOf(db: DbOrTx, scope: Scope, personId: string) {
  return db
    .select({ id: staffAppointments.id, post: staffAppointments.post, areaCode: staffAppointments.areaCode, startedOn: staffAppointments.startedOn, endedOn: staffAppointments.endedOn })
    .from(staffAppointments)
    .where(and(eq(staffAppointments.personId, personId), inScope(staffAppointments.areaCode, scope)))
    .orderBy(desc(staffAppointments.startedOn));
}
