import { and, asc, count, desc, eq, isNull, lt, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { auditLog, passwordHistory, sessions, units, users } from '../db/schema.ts';
import { escapeLike, inScope, type Scope } from './scope.ts';

export type UserRow = typeof users.$inferSelect;
export type NewUserRow = typeof users.$inferInsert;
export type UnitRow = typeof units.$inferSelect;
export type NewUnitRow = typeof units.$inferInsert;
export type AuditRow = typeof auditLog.$inferSelect;
export type NewAuditRow = typeof auditLog.$inferInsert;

// ---- users -------------------------------------------------------------------------------

/** Login looks a user up by name before anyone is authenticated, so it is deliberately unscoped. */
export async function findUserForLogin(db: DbOrTx, username: string): Promise<UserRow | null> {
  const rows = await db.select().from(users).where(eq(users.username, username)).limit(1);
  return rows[0] ?? null;
}

export async function findUserById(db: DbOrTx, id: string): Promise<UserRow | null> {
  const rows = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function findUserInScope(db: DbOrTx, scope: Scope, id: string): Promise<UserRow | null> {
  const rows = await db
    .select()
    .from(users)
    .where(and(eq(users.id, id), inScope(users.scopeCode, scope)))
    .limit(1);
  return rows[0] ?? null;
}

export async function listUsers(db: DbOrTx, scope: Scope, q: string | undefined, page: number, pageSize: number) {
  const where = and(
    inScope(users.scopeCode, scope),
    q ? sql`(${users.username} like ${'%' + escapeLike(q) + '%'} or ${users.displayName} like ${'%' + escapeLike(q) + '%'})` : undefined,
  );
  const [items, totals] = await Promise.all([
    db.select().from(users).where(where).orderBy(asc(users.username)).limit(pageSize).offset((page - 1) * pageSize),
    db.select({ n: count() }).from(users).where(where),
  ]);
  return { items, total: totals[0]?.n ?? 0 };
}

export async function insertUser(db: DbOrTx, row: NewUserRow): Promise<UserRow> {
  const res = await db.insert(users).values(row).returning();
  return res[0]!;
}

export async function updateUser(db: DbOrTx, id: string, patch: Partial<NewUserRow>): Promise<UserRow | null> {
  const res = await db
    .update(users)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(users.id, id))
    .returning();
  return res[0] ?? null;
}

/** Atomically counts a failed login; locks the account when the limit is reached. */
export async function recordFailedLogin(db: DbOrTx, id: string, limit: number, lockMinutes: number): Promise<UserRow | null> {
  const res = await db
    .update(users)
    .set({
      failedLogins: sql`${users.failedLogins} + 1`,
      lockedUntil: sql`case when ${users.failedLogins} + 1 >= ${limit} then now() + make_interval(mins => ${lockMinutes}) else ${users.lockedUntil} end`,
    })
    .where(eq(users.id, id))
    .returning();
  return res[0] ?? null;
}

// ---- password history --------------------------------------------------------------------

export async function recentPasswordHashes(db: DbOrTx, userId: string, limit: number): Promise<string[]> {
  const rows = await db
    .select({ hash: passwordHistory.passwordHash })
    .from(passwordHistory)
    .where(eq(passwordHistory.userId, userId))
    .orderBy(desc(passwordHistory.createdAt), desc(passwordHistory.id))
    .limit(limit);
  return rows.map((r) => r.hash);
}

export async function rememberPasswordHash(db: DbOrTx, userId: string, passwordHash: string): Promise<void> {
  await db.insert(passwordHistory).values({ userId, passwordHash });
}

// ---- sessions ----------------------------------------------------------------------------

export async function insertSession(db: DbOrTx, row: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(row);
}

export async function findSession(db: DbOrTx, tokenHash: string) {
  const rows = await db.select().from(sessions).where(eq(sessions.tokenHash, tokenHash)).limit(1);
  return rows[0] ?? null;
}

export async function touchSession(db: DbOrTx, tokenHash: string): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSession(db: DbOrTx, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSessionsOfUser(db: DbOrTx, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

/** Ends every session of a user but the one given (after a password change). */
export async function deleteOtherSessionsOfUser(db: DbOrTx, userId: string, keepTokenHash: string): Promise<void> {
  await db.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.tokenHash, keepTokenHash)));
}

export async function deleteIdleSessions(db: DbOrTx, before: Date): Promise<void> {
  await db.delete(sessions).where(lt(sessions.lastSeenAt, before));
}

// ---- units -------------------------------------------------------------------------------

/** Units, of one type or all; `handlingOnly` leaves out units that take no cases (区委社会工作部). */
export async function listUnits(db: DbOrTx, type: string | undefined, handlingOnly = false) {
  return db
    .select()
    .from(units)
    .where(and(type ? eq(units.type, type) : undefined, handlingOnly ? eq(units.handlesCases, true) : undefined))
    .orderBy(asc(units.type), asc(units.sort), asc(units.name));
}

/** Sets a unit's phone where none is on record yet (the demo's community offices). */
export async function setUnitPhoneIfMissing(db: DbOrTx, code: string, phone: string): Promise<void> {
  await db.update(units).set({ phone }).where(and(eq(units.code, code), isNull(units.phone)));
}

export async function findUnit(db: DbOrTx, id: string): Promise<UnitRow | null> {
  const rows = await db.select().from(units).where(eq(units.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function findUnitByCode(db: DbOrTx, code: string): Promise<UnitRow | null> {
  const rows = await db.select().from(units).where(eq(units.code, code)).limit(1);
  return rows[0] ?? null;
}

export async function insertUnits(db: DbOrTx, rows: NewUnitRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db.insert(units).values(rows.slice(i, i + 500)).onConflictDoNothing();
  }
}

// ---- audit -------------------------------------------------------------------------------

export async function insertAudit(db: DbOrTx, row: NewAuditRow): Promise<void> {
  await db.insert(auditLog).values(row);
}

export interface AuditFilter {
  from?: Date;
  to?: Date;
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  page: number;
  pageSize: number;
}

export async function listAudit(db: DbOrTx, scope: Scope, f: AuditFilter) {
  const where = and(
    // Entries with an area are scoped by it; entries without (logins) are visible to installation-wide readers.
    sql`(${auditLog.areaCode} like ${escapeLike(scope.code) + '%'} or (${auditLog.areaCode} is null and ${scope.code.length <= 6}))`,
    f.actor ? eq(auditLog.actorUsername, f.actor) : undefined,
    f.from ? sql`${auditLog.at} >= ${f.from.toISOString()}` : undefined,
    f.to ? sql`${auditLog.at} < ${f.to.toISOString()}` : undefined,
    f.action ? sql`${auditLog.action} like ${escapeLike(f.action) + '%'}` : undefined,
    f.entityType ? eq(auditLog.entityType, f.entityType) : undefined,
    f.entityId ? eq(auditLog.entityId, f.entityId) : undefined,
  );
  const [items, totals] = await Promise.all([
    db.select().from(auditLog).where(where).orderBy(desc(auditLog.id)).limit(f.pageSize).offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(auditLog).where(where),
  ]);
  return { items, total: totals[0]?.n ?? 0 };
}
