// All SQL of service orders (点单-派单-接单), the service menu and service teams. Every read that
// returns orders takes an OrderScope.
import { STANDARD_SERVICE_TEAMS } from '@gongzhi/domain';
import { and, asc, count, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { areas, files, households, people, wishFiles, serviceMenuItems, serviceOrderEvents, serviceOrderFiles, serviceOrders, serviceTeamMembers, serviceTeams, users } from '../db/schema.ts';
import { escapeLike } from './scope.ts';

export type OrderRow = typeof serviceOrders.$inferSelect;
export type NewOrderRow = typeof serviceOrders.$inferInsert;
export type OrderEventRow = typeof serviceOrderEvents.$inferSelect;
export type MenuItemRow = typeof serviceMenuItems.$inferSelect;
export type TeamRow = typeof serviceTeams.$inferSelect;

declare const orderScopeBrand: unique symbol;
/**
 * Which orders a caller may read. Made only by the order policy from an authenticated actor:
 * every order inside `areas` (staff), and orders the caller placed, was sent, took, or that were
 * sent to one of their teams.
 */
export type OrderScope = { areas: string[]; userId: string; teamIds: string[] } & { readonly [orderScopeBrand]: true };
export const makeOrderScope = (s: { areas: string[]; userId: string; teamIds: string[] }) => s as OrderScope;

const like = (col: typeof serviceOrders.areaCode | typeof serviceMenuItems.areaCode | typeof serviceTeams.areaCode, code: string) => sql`${col} like ${escapeLike(code) + '%'}`;

export function orderScopeSql(scope: OrderScope): SQL {
  const parts: SQL[] = scope.areas.map((a) => like(serviceOrders.areaCode, a));
  parts.push(eq(serviceOrders.ordererUserId, scope.userId), eq(serviceOrders.assigneeUserId, scope.userId), eq(serviceOrders.takenByUserId, scope.userId));
  if (scope.teamIds.length) parts.push(inArray(serviceOrders.assigneeTeamId, scope.teamIds));
  return or(...parts)!;
}

// ---- orders -----------------------------------------------------------------------------------

export async function insertOrder(db: DbOrTx, row: NewOrderRow): Promise<OrderRow> {
  return (await db.insert(serviceOrders).values(row).returning())[0]!;
}

export async function findOrder(db: DbOrTx, scope: OrderScope, id: string): Promise<OrderRow | null> {
  const rows = await db
    .select()
    .from(serviceOrders)
    .where(and(eq(serviceOrders.id, id), orderScopeSql(scope)))
    .limit(1);
  return rows[0] ?? null;
}

/** Loads an order for a change, locking its row until the transaction ends. */
export async function lockOrder(db: DbOrTx, id: string): Promise<OrderRow | null> {
  const rows = await db.select().from(serviceOrders).where(eq(serviceOrders.id, id)).for('update').limit(1);
  return rows[0] ?? null;
}

export async function updateOrder(db: DbOrTx, id: string, patch: Partial<NewOrderRow>): Promise<OrderRow> {
  const res = await db
    .update(serviceOrders)
    .set({ ...patch, updatedAt: new Date(), version: sql`${serviceOrders.version} + 1` })
    .where(eq(serviceOrders.id, id))
    .returning();
  return res[0]!;
}

export interface OrderFilter {
  states?: string[];
  area?: string;
  /** mine: placed by the caller; assigned: sent to the caller or one of their teams, or taken by them. */
  relation?: { kind: 'mine' | 'assigned'; userId: string; teamIds: string[] };
  page: number;
  pageSize: number;
}

export async function listOrders(db: DbOrTx, scope: OrderScope, f: OrderFilter): Promise<{ total: number; rows: OrderRow[] }> {
  let rel: SQL | undefined;
  if (f.relation?.kind === 'mine') rel = eq(serviceOrders.ordererUserId, f.relation.userId);
  if (f.relation?.kind === 'assigned') {
    const r = f.relation;
    rel = or(eq(serviceOrders.assigneeUserId, r.userId), eq(serviceOrders.takenByUserId, r.userId), r.teamIds.length ? inArray(serviceOrders.assigneeTeamId, r.teamIds) : undefined);
  }
  const where = and(orderScopeSql(scope), f.states?.length ? inArray(serviceOrders.state, f.states) : undefined, f.area ? like(serviceOrders.areaCode, f.area) : undefined, rel);
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(serviceOrders)
      .where(where)
      .orderBy(desc(serviceOrders.createdAt), desc(serviceOrders.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(serviceOrders).where(where),
  ]);
  return { total: Number(totals[0]?.n ?? 0), rows };
}

/** Orders per state inside the scope (for the console's tabs). */
export async function countByState(db: DbOrTx, scope: OrderScope, area?: string): Promise<Record<string, number>> {
  const rows = await db
    .select({ state: serviceOrders.state, n: count() })
    .from(serviceOrders)
    .where(and(orderScopeSql(scope), area ? like(serviceOrders.areaCode, area) : undefined))
    .groupBy(serviceOrders.state);
  return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
}

export async function insertOrderEvent(db: DbOrTx, row: typeof serviceOrderEvents.$inferInsert): Promise<OrderEventRow> {
  return (await db.insert(serviceOrderEvents).values(row).returning())[0]!;
}

export async function eventsOfOrder(db: DbOrTx, orderId: string): Promise<OrderEventRow[]> {
  return db.select().from(serviceOrderEvents).where(eq(serviceOrderEvents.orderId, orderId)).orderBy(asc(serviceOrderEvents.id));
}

/** Files that may be attached: with their uploader and whether a case or an order already uses them. */
export async function attachableFiles(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: files.id, caseId: files.caseId, uploaderId: files.uploaderId, orderId: serviceOrderFiles.orderId, wishId: wishFiles.wishId })
    .from(files)
    .leftJoin(serviceOrderFiles, eq(serviceOrderFiles.fileId, files.id))
    .leftJoin(wishFiles, eq(wishFiles.fileId, files.id))
    .where(inArray(files.id, ids));
}

/** Claims files for an order; false when one of them is already taken. */
export async function attachOrderFiles(db: DbOrTx, orderId: string, ids: string[]): Promise<boolean> {
  if (ids.length === 0) return true;
  const res = await db
    .insert(serviceOrderFiles)
    .values(ids.map((fileId) => ({ fileId, orderId })))
    .onConflictDoNothing()
    .returning({ id: serviceOrderFiles.fileId });
  return res.length === ids.length;
}

export async function filesOfOrder(db: DbOrTx, orderId: string) {
  return db
    .select({ id: files.id, name: files.name, mime: files.mime, size: files.size })
    .from(serviceOrderFiles)
    .innerJoin(files, eq(files.id, serviceOrderFiles.fileId))
    .where(eq(serviceOrderFiles.orderId, orderId))
    .orderBy(asc(serviceOrderFiles.createdAt));
}

// ---- people and accounts ----------------------------------------------------------------------

/** A person with their household's address (the default address of an order). */
export async function personWithAddress(db: DbOrTx, id: string) {
  const rows = await db
    .select({ id: people.id, name: people.name, areaCode: people.areaCode, partyMember: people.partyMember, address: households.address })
    .from(people)
    .leftJoin(households, eq(households.id, people.householdId))
    .where(eq(people.id, id))
    .limit(1);
  return rows[0] ?? null;
}

export async function usersByIds(db: DbOrTx, ids: string[]) {
  const unique = [...new Set(ids.filter(Boolean))];
  if (unique.length === 0) return [];
  return db
    .select({ id: users.id, username: users.username, displayName: users.displayName, roles: users.roles, scopeCode: users.scopeCode, personId: users.personId, active: users.active, personArea: people.areaCode, partyMember: people.partyMember })
    .from(users)
    .leftJoin(people, eq(people.id, users.personId))
    .where(inArray(users.id, unique));
}

export async function userByUsername(db: DbOrTx, username: string) {
  const rows = await db.select({ id: users.id }).from(users).where(eq(users.username, username)).limit(1);
  return rows[0] ?? null;
}

// ---- the service menu -------------------------------------------------------------------------

export async function menuOf(db: DbOrTx, area: string, opts: { includeInactive?: boolean } = {}): Promise<MenuItemRow[]> {
  return db
    .select()
    .from(serviceMenuItems)
    .where(and(eq(serviceMenuItems.areaCode, area), opts.includeInactive ? undefined : eq(serviceMenuItems.active, true)))
    .orderBy(asc(serviceMenuItems.sort), asc(serviceMenuItems.createdAt));
}

export async function findMenuItem(db: DbOrTx, id: string): Promise<MenuItemRow | null> {
  return (await db.select().from(serviceMenuItems).where(eq(serviceMenuItems.id, id)).limit(1))[0] ?? null;
}

/** Inserts a menu item; null when the community already has one of that name. */
export async function insertMenuItem(db: DbOrTx, row: typeof serviceMenuItems.$inferInsert): Promise<MenuItemRow | null> {
  return (await db.insert(serviceMenuItems).values(row).onConflictDoNothing().returning())[0] ?? null;
}

export async function updateMenuItem(db: DbOrTx, id: string, patch: Partial<typeof serviceMenuItems.$inferInsert>): Promise<MenuItemRow> {
  return (await db.update(serviceMenuItems).set({ ...patch, updatedAt: new Date() }).where(eq(serviceMenuItems.id, id)).returning())[0]!;
}

export async function menuNameTaken(db: DbOrTx, area: string, name: string, exceptId: string): Promise<boolean> {
  const rows = await db
    .select({ id: serviceMenuItems.id })
    .from(serviceMenuItems)
    .where(and(eq(serviceMenuItems.areaCode, area), eq(serviceMenuItems.name, name), sql`${serviceMenuItems.id} <> ${exceptId}`))
    .limit(1);
  return rows.length > 0;
}

// ---- service teams ----------------------------------------------------------------------------

/** A community's teams: the standard ones in the order of seeds/000, then custom ones by age. */
/**
 * The community a caller above community level sees first under `area` (a town or the district):
 * the first, by code, that has a service menu, else the first community at all.
 */
export async function firstCommunityUnder(db: DbOrTx, area: string): Promise<string | null> {
  const [withMenu] = await db
    .select({ code: serviceMenuItems.areaCode })
    .from(serviceMenuItems)
    .where(and(like(serviceMenuItems.areaCode, area), eq(serviceMenuItems.active, true)))
    .orderBy(asc(serviceMenuItems.areaCode))
    .limit(1);
  if (withMenu) return withMenu.code;
  const [first] = await db
    .select({ code: areas.code })
    .from(areas)
    .where(and(eq(areas.level, 'village'), sql`${areas.code} like ${escapeLike(area) + '%'}`))
    .orderBy(asc(areas.code))
    .limit(1);
  return first?.code ?? null;
}

export async function teamsOf(db: DbOrTx, area: string): Promise<TeamRow[]> {
  const rows = await db.select().from(serviceTeams).where(eq(serviceTeams.areaCode, area)).orderBy(asc(serviceTeams.createdAt), asc(serviceTeams.name));
  const rank = (t: TeamRow) => (t.code ? STANDARD_SERVICE_TEAMS.findIndex((s) => s.code === t.code) : STANDARD_SERVICE_TEAMS.length);
  return rows.map((t, i) => ({ t, i })).sort((a, b) => rank(a.t) - rank(b.t) || a.i - b.i).map((x) => x.t);
}

export async function findTeam(db: DbOrTx, id: string): Promise<TeamRow | null> {
  return (await db.select().from(serviceTeams).where(eq(serviceTeams.id, id)).limit(1))[0] ?? null;
}

export async function teamsByIds(db: DbOrTx, ids: string[]): Promise<Map<string, TeamRow>> {
  const unique = [...new Set(ids.filter(Boolean))];
  if (unique.length === 0) return new Map();
  const rows = await db.select().from(serviceTeams).where(inArray(serviceTeams.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function insertTeam(db: DbOrTx, row: typeof serviceTeams.$inferInsert): Promise<TeamRow | null> {
  return (await db.insert(serviceTeams).values(row).onConflictDoNothing().returning())[0] ?? null;
}

export async function membersOfTeams(db: DbOrTx, teamIds: string[]) {
  if (teamIds.length === 0) return [];
  return db
    .select({ teamId: serviceTeamMembers.teamId, userId: users.id, username: users.username, displayName: users.displayName, roles: users.roles, leader: serviceTeamMembers.leader })
    .from(serviceTeamMembers)
    .innerJoin(users, eq(users.id, serviceTeamMembers.userId))
    .where(inArray(serviceTeamMembers.teamId, teamIds))
    .orderBy(desc(serviceTeamMembers.leader), asc(serviceTeamMembers.createdAt));
}

export async function teamIdsOfUser(db: DbOrTx, userId: string): Promise<string[]> {
  const rows = await db.select({ id: serviceTeamMembers.teamId }).from(serviceTeamMembers).where(eq(serviceTeamMembers.userId, userId));
  return rows.map((r) => r.id);
}

export async function addTeamMember(db: DbOrTx, teamId: string, userId: string, leader: boolean): Promise<boolean> {
  const res = await db.insert(serviceTeamMembers).values({ teamId, userId, leader }).onConflictDoNothing().returning({ id: serviceTeamMembers.userId });
  return res.length > 0;
}

export async function removeTeamMember(db: DbOrTx, teamId: string, userId: string): Promise<boolean> {
  const res = await db
    .delete(serviceTeamMembers)
    .where(and(eq(serviceTeamMembers.teamId, teamId), eq(serviceTeamMembers.userId, userId)))
    .returning({ id: serviceTeamMembers.userId });
  return res.length > 0;
}

/** Accounts of a community that may be sent orders: party members and cadres living or working there. */
export async function serversOf(db: DbOrTx, community: string) {
  const inCommunity = or(sql`${people.areaCode} like ${escapeLike(community) + '%'}`, sql`${users.scopeCode} like ${escapeLike(community) + '%'}`);
  const member = or(eq(people.partyMember, true), sql`'party-member' = any(${users.roles})`, sql`'cadre' = any(${users.roles})`);
  return db
    .select({ id: users.id, username: users.username, displayName: users.displayName, roles: users.roles })
    .from(users)
    .leftJoin(people, eq(people.id, users.personId))
    .where(and(eq(users.active, true), inCommunity, member))
    .orderBy(asc(users.displayName))
    .limit(200);
}
