// All SQL of lists and projects (金点子, 赋能清单, 需求清单, 治理项目). Reads of area-bound rows take a
// scope made by the projects policy, so no query can forget the caller's area.
import { and, asc, count, desc, eq, inArray, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import {
  activities,
  cases,
  deliberations,
  files,
  ideas,
  ideaSupports,
  needs,
  offers,
  partyVisitFollowups,
  partyVisits,
  people,
  projectEvents,
  projectMilestones,
  projects,
  projectSupervisors,
  serviceTeamMembers,
  serviceTeams,
  units,
  users,
  wishes,
} from '../db/schema.ts';
import { escapeLike } from './scope.ts';

export type IdeaRow = typeof ideas.$inferSelect;
export type OfferRow = typeof offers.$inferSelect;
export type NeedRow = typeof needs.$inferSelect;
export type ProjectRow = typeof projects.$inferSelect;
export type NewProjectRow = typeof projects.$inferInsert;
export type SupervisorRow = typeof projectSupervisors.$inferSelect;
export type MilestoneRow = typeof projectMilestones.$inferSelect;

const like = (col: AnyColumn, code: string) => sql`${col} like ${escapeLike(code) + '%'}`;

// ---- ideas ---------------------------------------------------------------------------------------

declare const ideaScopeBrand: unique symbol;
/** Ideas a caller reads: every idea inside `areas` (staff) and inside `communities` (residents' own). */
export type IdeaScope = { areas: string[] } & { readonly [ideaScopeBrand]: true };
export const makeIdeaScope = (s: { areas: string[] }) => s as IdeaScope;
const ideaScopeSql = (s: IdeaScope): SQL => (s.areas.length ? or(...s.areas.map((a) => like(ideas.areaCode, a)))! : sql`false`);

export async function insertIdea(db: DbOrTx, row: typeof ideas.$inferInsert): Promise<IdeaRow> {
  return (await db.insert(ideas).values(row).returning())[0]!;
}

export async function findIdea(db: DbOrTx, scope: IdeaScope, id: string): Promise<IdeaRow | null> {
  return (await db.select().from(ideas).where(and(eq(ideas.id, id), ideaScopeSql(scope))).limit(1))[0] ?? null;
}

export async function lockIdea(db: DbOrTx, id: string): Promise<IdeaRow | null> {
  return (await db.select().from(ideas).where(eq(ideas.id, id)).for('update').limit(1))[0] ?? null;
}

export async function listIdeas(db: DbOrTx, scope: IdeaScope, f: { area?: string; quarter?: string; state?: string; page: number; pageSize: number }) {
  const where = and(ideaScopeSql(scope), f.area ? like(ideas.areaCode, f.area) : undefined, f.quarter ? eq(ideas.quarter, f.quarter) : undefined, f.state ? eq(ideas.state, f.state) : undefined);
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(ideas)
      .where(where)
      .orderBy(desc(ideas.supports), desc(ideas.createdAt), desc(ideas.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(ideas).where(where),
  ]);
  return { total: Number(totals[0]?.n ?? 0), rows };
}

export async function supportedBy(db: DbOrTx, userId: string, ideaIds: string[]): Promise<Set<string>> {
  if (!ideaIds.length) return new Set();
  const rows = await db.select({ id: ideaSupports.ideaId }).from(ideaSupports).where(and(eq(ideaSupports.userId, userId), inArray(ideaSupports.ideaId, ideaIds)));
  return new Set(rows.map((r) => r.id));
}

/** Adds a support; false when the resident had already supported the idea (the primary key). */
export async function addSupport(db: DbOrTx, ideaId: string, userId: string): Promise<boolean> {
  const res = await db.insert(ideaSupports).values({ ideaId, userId }).onConflictDoNothing().returning({ id: ideaSupports.ideaId });
  if (!res.length) return false;
  await db
    .update(ideas)
    .set({ supports: sql`${ideas.supports} + 1` })
    .where(eq(ideas.id, ideaId));
  return true;
}

export async function setIdeaState(db: DbOrTx, id: string, state: string, by: string): Promise<IdeaRow> {
  return (await db.update(ideas).set({ state, decidedBy: by, decidedAt: new Date() }).where(eq(ideas.id, id)).returning())[0]!;
}

// ---- offers --------------------------------------------------------------------------------------

export async function insertOffer(db: DbOrTx, row: typeof offers.$inferInsert): Promise<OfferRow> {
  return (await db.insert(offers).values(row).returning())[0]!;
}

export async function listOffers(db: DbOrTx, f: { year?: number; unitId?: string; district: string }) {
  return db
    .select({ offer: offers, unitName: units.name, used: sql<number>`(select count(*)::int from ${projects} where ${projects.offerId} = ${offers.id})`, activities: sql<number>`(select count(*)::int from ${activities} where ${activities.offerId} = ${offers.id} and ${activities.state} <> 'cancelled')` })
    .from(offers)
    .innerJoin(units, eq(units.id, offers.unitId))
    .where(and(eq(offers.active, true), like(offers.areaCode, f.district), f.year ? eq(offers.year, f.year) : undefined, f.unitId ? eq(offers.unitId, f.unitId) : undefined))
    .orderBy(desc(offers.year), asc(units.name), asc(offers.createdAt));
}

export async function findOffer(db: DbOrTx, id: string) {
  const rows = await db
    .select({ offer: offers, unitName: units.name, used: sql<number>`(select count(*)::int from ${projects} where ${projects.offerId} = ${offers.id})`, activities: sql<number>`(select count(*)::int from ${activities} where ${activities.offerId} = ${offers.id} and ${activities.state} <> 'cancelled')` })
    .from(offers)
    .innerJoin(units, eq(units.id, offers.unitId))
    .where(eq(offers.id, id))
    .limit(1);
  return rows[0] ?? null;
}

export async function lockOffer(db: DbOrTx, id: string): Promise<void> {
  await db.select({ id: offers.id }).from(offers).where(eq(offers.id, id)).for('update');
}

export async function unitOf(db: DbOrTx, id: string) {
  return (await db.select({ id: units.id, name: units.name, type: units.type, areaCode: units.areaCode }).from(units).where(eq(units.id, id)).limit(1))[0] ?? null;
}

// ---- needs ---------------------------------------------------------------------------------------

export async function insertNeed(db: DbOrTx, row: typeof needs.$inferInsert): Promise<NeedRow> {
  return (await db.insert(needs).values(row).returning())[0]!;
}

export async function findNeed(db: DbOrTx, areas: string[], id: string): Promise<NeedRow | null> {
  if (!areas.length) return null;
  return (await db.select().from(needs).where(and(eq(needs.id, id), or(...areas.map((a) => like(needs.areaCode, a))))).limit(1))[0] ?? null;
}

export async function lockNeed(db: DbOrTx, id: string): Promise<NeedRow | null> {
  return (await db.select().from(needs).where(eq(needs.id, id)).for('update').limit(1))[0] ?? null;
}

export async function setNeedState(db: DbOrTx, id: string, state: string, metAt?: Date) {
  await db.update(needs).set({ state, ...(metAt ? { metAt } : {}) }).where(eq(needs.id, id));
}

export async function listNeeds(db: DbOrTx, areas: string[], f: { area?: string; month?: string; state?: string; page: number; pageSize: number }) {
  if (!areas.length) return { total: 0, rows: [] as NeedRow[] };
  const where = and(or(...areas.map((a) => like(needs.areaCode, a))), f.area ? like(needs.areaCode, f.area) : undefined, f.month ? eq(needs.month, f.month) : undefined, f.state ? eq(needs.state, f.state) : undefined);
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(needs)
      .where(where)
      .orderBy(desc(needs.month), desc(needs.createdAt), desc(needs.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(needs).where(where),
  ]);
  return { total: Number(totals[0]?.n ?? 0), rows };
}

/** A source of a need, with its area and title, found by type; null when it does not exist. */
export async function sourceOf(db: DbOrTx, type: string, id: string): Promise<{ areaCode: string; title: string; state: string; result: unknown } | null> {
  switch (type) {
    case 'idea':
      return (await db.select({ areaCode: ideas.areaCode, title: ideas.title, state: ideas.state, result: sql`null` }).from(ideas).where(eq(ideas.id, id)).limit(1))[0] ?? null;
    case 'wish':
      return (await db.select({ areaCode: wishes.areaCode, title: wishes.title, state: wishes.state, result: sql`null` }).from(wishes).where(eq(wishes.id, id)).limit(1))[0] ?? null;
    case 'case':
      return (await db.select({ areaCode: cases.areaCode, title: cases.title, state: cases.state, result: sql`null` }).from(cases).where(eq(cases.id, id)).limit(1))[0] ?? null;
    case 'deliberation':
      return (await db.select({ areaCode: deliberations.areaCode, title: deliberations.title, state: deliberations.state, result: deliberations.result }).from(deliberations).where(eq(deliberations.id, id)).limit(1))[0] ?? null;
    case 'visit':
      return (
        (
          await db
            .select({ areaCode: partyVisits.areaCode, title: partyVisitFollowups.title, state: partyVisitFollowups.state, result: sql`null` })
            .from(partyVisitFollowups)
            .innerJoin(partyVisits, eq(partyVisits.id, partyVisitFollowups.visitId))
            .where(eq(partyVisitFollowups.id, id))
            .limit(1)
        )[0] ?? null
      );
    default:
      return null;
  }
}

// ---- projects ------------------------------------------------------------------------------------

declare const projectScopeBrand: unique symbol;
/**
 * Projects a caller reads: inside `areas` (staff); those of the community a resident lives in
 * (`communities`: they are published on the wall anyway, with fewer details); those of the caller's department's offers
 * (`unitId`); those whose supervision group names `personId`; those the caller claimed; and the
 * open ones of `claimAreas` (party members and cadres who may claim them).
 */
export type ProjectScope = { areas: string[]; communities: string[]; unitId: string | null; personId: string | null; userId: string; claimAreas: string[] } & { readonly [projectScopeBrand]: true };
export const makeProjectScope = (s: { areas: string[]; communities: string[]; unitId: string | null; personId: string | null; userId: string; claimAreas: string[] }) => s as ProjectScope;

export function projectScopeSql(s: ProjectScope): SQL {
  const parts: SQL[] = [...s.areas, ...s.communities].map((a) => like(projects.areaCode, a));
  if (s.unitId) parts.push(eq(projects.offerUnitId, s.unitId));
  if (s.personId) parts.push(sql`exists (select 1 from ${projectSupervisors} where ${projectSupervisors.projectId} = ${projects.id} and ${projectSupervisors.personId} = ${s.personId})`);
  parts.push(eq(projects.claimedByUserId, s.userId));
  for (const a of s.claimAreas) parts.push(and(like(projects.areaCode, a), eq(projects.state, 'open'))!);
  return or(...parts)!;
}

export async function insertProject(db: DbOrTx, row: NewProjectRow): Promise<ProjectRow> {
  return (await db.insert(projects).values(row).onConflictDoNothing().returning())[0]!;
}

export async function findProject(db: DbOrTx, scope: ProjectScope, id: string): Promise<ProjectRow | null> {
  return (await db.select().from(projects).where(and(eq(projects.id, id), projectScopeSql(scope))).limit(1))[0] ?? null;
}

export async function lockProject(db: DbOrTx, id: string): Promise<ProjectRow | null> {
  return (await db.select().from(projects).where(eq(projects.id, id)).for('update').limit(1))[0] ?? null;
}

export async function updateProject(db: DbOrTx, id: string, patch: Partial<NewProjectRow>): Promise<ProjectRow> {
  return (await db.update(projects).set({ ...patch, updatedAt: new Date() }).where(eq(projects.id, id)).returning())[0]!;
}

export async function listProjects(db: DbOrTx, scope: ProjectScope, f: { area?: string; state?: string; supervising?: string | null; secretary?: boolean; ledger?: boolean; page: number; pageSize: number }) {
  const where = and(
    projectScopeSql(scope),
    f.area ? like(projects.areaCode, f.area) : undefined,
    f.state ? inArray(projects.state, f.state.split(',')) : undefined,
    f.supervising !== undefined ? (f.supervising ? sql`exists (select 1 from ${projectSupervisors} where ${projectSupervisors.projectId} = ${projects.id} and ${projectSupervisors.personId} = ${f.supervising})` : sql`false`) : undefined,
    f.secretary ? eq(projects.secretaryProject, true) : undefined,
    f.ledger ? eq(projects.ledger, true) : undefined,
  );
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(projects)
      .where(where)
      .orderBy(desc(projects.createdAt), desc(projects.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(projects).where(where),
  ]);
  return { total: Number(totals[0]?.n ?? 0), rows };
}

/** The public wall's projects of an area (民生小事小黑板): newest first. */
export async function wallProjects(db: DbOrTx, area: string, limit: number) {
  return db.select().from(projects).where(like(projects.areaCode, area)).orderBy(desc(projects.updatedAt), desc(projects.id)).limit(limit);
}

export async function insertSupervisors(db: DbOrTx, rows: (typeof projectSupervisors.$inferInsert)[]) {
  if (rows.length) await db.insert(projectSupervisors).values(rows);
}

export async function supervisorsOf(db: DbOrTx, projectIds: string[]): Promise<SupervisorRow[]> {
  if (!projectIds.length) return [];
  return db.select().from(projectSupervisors).where(inArray(projectSupervisors.projectId, projectIds)).orderBy(asc(projectSupervisors.name), asc(projectSupervisors.id));
}

/** Records a sign-off once; false when that member had already signed. */
export async function signOff(db: DbOrTx, supervisorId: string, by: string, online: boolean, note: string | null): Promise<boolean> {
  const res = await db
    .update(projectSupervisors)
    .set({ signedAt: new Date(), signedOnline: online, signedBy: by, note })
    .where(and(eq(projectSupervisors.id, supervisorId), sql`${projectSupervisors.signedAt} is null`))
    .returning({ id: projectSupervisors.id });
  return res.length === 1;
}

/** The milestones of several projects, latest first (the wall shows their photos). */
export async function milestonesOfProjects(db: DbOrTx, projectIds: string[]): Promise<MilestoneRow[]> {
  if (!projectIds.length) return [];
  return db.select().from(projectMilestones).where(inArray(projectMilestones.projectId, projectIds)).orderBy(desc(projectMilestones.at), desc(projectMilestones.id));
}

export async function insertMilestone(db: DbOrTx, row: typeof projectMilestones.$inferInsert): Promise<MilestoneRow> {
  return (await db.insert(projectMilestones).values(row).returning())[0]!;
}

export async function milestonesOf(db: DbOrTx, projectId: string): Promise<MilestoneRow[]> {
  return db.select().from(projectMilestones).where(eq(projectMilestones.projectId, projectId)).orderBy(asc(projectMilestones.at), asc(projectMilestones.id));
}

export async function insertEvent(db: DbOrTx, row: typeof projectEvents.$inferInsert) {
  await db.insert(projectEvents).values(row);
}

export async function eventsOf(db: DbOrTx, projectId: string) {
  return db.select().from(projectEvents).where(eq(projectEvents.projectId, projectId)).orderBy(asc(projectEvents.id));
}

/** Files the caller uploaded, with their names (for milestone photos). */
export async function filesOf(db: DbOrTx, ids: string[]) {
  if (!ids.length) return [];
  return db.select({ id: files.id, name: files.name, mime: files.mime, uploaderId: files.uploaderId, caseId: files.caseId }).from(files).where(inArray(files.id, ids));
}

export async function personOf(db: DbOrTx, id: string) {
  return (await db.select({ id: people.id, name: people.name, areaCode: people.areaCode, partyMember: people.partyMember, status: people.status }).from(people).where(eq(people.id, id)).limit(1))[0] ?? null;
}

export async function peopleOf(db: DbOrTx, ids: string[]) {
  if (!ids.length) return [];
  return db.select({ id: people.id, name: people.name, areaCode: people.areaCode, status: people.status }).from(people).where(inArray(people.id, ids));
}

export async function teamOf(db: DbOrTx, id: string) {
  return (await db.select({ id: serviceTeams.id, name: serviceTeams.name, areaCode: serviceTeams.areaCode, active: serviceTeams.active }).from(serviceTeams).where(eq(serviceTeams.id, id)).limit(1))[0] ?? null;
}

export async function teamLeaderOf(db: DbOrTx, teamId: string): Promise<string | null> {
  const rows = await db.select({ userId: serviceTeamMembers.userId }).from(serviceTeamMembers).where(and(eq(serviceTeamMembers.teamId, teamId), eq(serviceTeamMembers.leader, true))).limit(1);
  return rows[0]?.userId ?? null;
}

export async function teamNames(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  const u = [...new Set(ids.filter(Boolean))];
  if (!u.length) return new Map();
  return new Map((await db.select({ id: serviceTeams.id, name: serviceTeams.name }).from(serviceTeams).where(inArray(serviceTeams.id, u))).map((r) => [r.id, r.name]));
}

export async function userNames(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  const u = [...new Set(ids.filter(Boolean))];
  if (!u.length) return new Map();
  return new Map((await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, u))).map((r) => [r.id, r.name]));
}

export async function unitNames(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  const u = [...new Set(ids.filter(Boolean))];
  if (!u.length) return new Map();
  return new Map((await db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, u))).map((r) => [r.id, r.name]));
}

// ---- cockpit figures -----------------------------------------------------------------------------

/** A project by id, without scope: only after the caller's scope was checked. */
export async function projectById(db: DbOrTx, id: string): Promise<ProjectRow | null> {
  return (await db.select().from(projects).where(eq(projects.id, id)).limit(1))[0] ?? null;
}

export async function needById(db: DbOrTx, id: string): Promise<NeedRow | null> {
  return (await db.select().from(needs).where(eq(needs.id, id)).limit(1))[0] ?? null;
}
