import { and, asc, count, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { PgInsertValue } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../db/client.ts';
import { caseDeadlineMarks, caseEvents, cases, caseUnits, catalogueTypes, files, idempotencyKeys, notifications, units, users } from '../db/schema.ts';
import { escapeLike } from './scope.ts';

export type CaseRow = typeof cases.$inferSelect;
export type NewCaseRow = typeof cases.$inferInsert;
export type CaseEventRow = typeof caseEvents.$inferSelect;
export type CatalogueRow = typeof catalogueTypes.$inferSelect;
export type FileRow = typeof files.$inferSelect;

declare const caseScopeBrand: unique symbol;
/**
 * Which cases a caller may read. Made only by the case policy from an authenticated actor:
 * an area (prefix on the case's area), a unit (cases dispatched to it), or a reporter's own.
 */
export type CaseScope = (
  | { kind: 'area'; code: string }
  | { kind: 'unit'; unitId: string }
  | { kind: 'reporter'; userId: string }
  | { kind: 'none' }
) & { readonly [caseScopeBrand]: true };

export const makeCaseScope = (s: { kind: 'area'; code: string } | { kind: 'unit'; unitId: string } | { kind: 'reporter'; userId: string } | { kind: 'none' }) =>
  s as CaseScope;

export function caseScopeSql(scope: CaseScope): SQL {
  switch (scope.kind) {
    case 'area':
      return sql`${cases.areaCode} like ${escapeLike(scope.code) + '%'}`;
    case 'unit':
      return sql`exists (select 1 from case_units cu where cu.case_id = ${cases.id} and cu.unit_id = ${scope.unitId})`;
    case 'reporter':
      return eq(cases.reporterUserId, scope.userId);
    case 'none':
      return sql`false`;
  }
}

// ---- catalogue ------------------------------------------------------------------------------

export async function listCatalogue(db: DbOrTx): Promise<CatalogueRow[]> {
  return db.select().from(catalogueTypes).orderBy(asc(catalogueTypes.sort), asc(catalogueTypes.code));
}

export async function findCatalogueType(db: DbOrTx, code: string): Promise<CatalogueRow | null> {
  const rows = await db.select().from(catalogueTypes).where(eq(catalogueTypes.code, code)).limit(1);
  return rows[0] ?? null;
}

export async function upsertCatalogue(db: DbOrTx, rows: (typeof catalogueTypes.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await db.insert(catalogueTypes).values(rows.slice(i, i + 200)).onConflictDoNothing();
  }
}

export async function updateCatalogueType(db: DbOrTx, code: string, patch: Partial<typeof catalogueTypes.$inferInsert>) {
  const rows = await db
    .update(catalogueTypes)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(catalogueTypes.code, code))
    .returning();
  return rows[0] ?? null;
}

// ---- cases ----------------------------------------------------------------------------------

/** A readable case code made by the database in the insert itself: prefix, China date, sequence. */
export function caseCodeSql(prefix: string): SQL<string> {
  return sql<string>`${prefix} || to_char(now() at time zone 'Asia/Shanghai', 'YYYYMMDD') || lpad(nextval('case_code_seq')::text, 7, '0')`;
}

export async function insertCase(db: DbOrTx, row: PgInsertValue<typeof cases>): Promise<CaseRow> {
  const res = await db.insert(cases).values(row).returning();
  return res[0]!;
}

export async function findCase(db: DbOrTx, scope: CaseScope, id: string): Promise<CaseRow | null> {
  const rows = await db
    .select()
    .from(cases)
    .where(and(eq(cases.id, id), caseScopeSql(scope)))
    .limit(1);
  return rows[0] ?? null;
}

/** Loads a case for a change, locking its row until the transaction ends. */
export async function lockCase(db: DbOrTx, id: string): Promise<CaseRow | null> {
  const rows = await db.select().from(cases).where(eq(cases.id, id)).for('update').limit(1);
  return rows[0] ?? null;
}

/** Unscoped look-up by code, for the reporter's tracking page (which checks phone digits itself). */
export async function findCaseByCode(db: DbOrTx, code: string): Promise<CaseRow | null> {
  const rows = await db.select().from(cases).where(eq(cases.code, code)).limit(1);
  return rows[0] ?? null;
}

export async function findCaseByExternalRef(db: DbOrTx, channel: string, ref: string): Promise<CaseRow | null> {
  const rows = await db
    .select()
    .from(cases)
    .where(and(eq(cases.channel, channel), eq(cases.externalRef, ref)))
    .limit(1);
  return rows[0] ?? null;
}

export async function updateCase(db: DbOrTx, id: string, patch: Partial<NewCaseRow>): Promise<CaseRow> {
  const res = await db
    .update(cases)
    .set({ ...patch, updatedAt: new Date(), version: sql`${cases.version} + 1` })
    .where(eq(cases.id, id))
    .returning();
  return res[0]!;
}

export interface CaseFilter {
  states?: string[];
  area?: string;
  categoryCode?: string;
  channel?: string;
  overdue?: boolean;
  from?: Date;
  to?: Date;
  q?: string;
  /** Extra condition for "my inbox" views, built by the service from policies. */
  inbox?: SQL;
  publicOnly?: boolean;
  page: number;
  pageSize: number;
  order?: 'newest' | 'due';
}

function caseWhere(scope: CaseScope, f: Omit<CaseFilter, 'page' | 'pageSize'>): SQL | undefined {
  const conds: (SQL | undefined)[] = [caseScopeSql(scope)];
  if (f.states?.length) conds.push(inArray(cases.state, f.states));
  if (f.area) conds.push(sql`${cases.areaCode} like ${escapeLike(f.area) + '%'}`);
  if (f.categoryCode) conds.push(sql`${cases.categoryCode} like ${escapeLike(f.categoryCode) + '%'}`);
  if (f.channel) conds.push(eq(cases.channel, f.channel));
  if (f.overdue) conds.push(sql`${cases.stepDueAt} < now() and ${cases.state} in ('reported','accepted','dispatched','acknowledged','handled')`);
  if (f.from) conds.push(sql`${cases.createdAt} >= ${f.from.toISOString()}`);
  if (f.to) conds.push(sql`${cases.createdAt} < ${f.to.toISOString()}`);
  if (f.q) {
    const like = '%' + escapeLike(f.q) + '%';
    conds.push(sql`(${cases.code} like ${like} or ${cases.title} like ${like} or ${cases.address} like ${like})`);
  }
  if (f.publicOnly) conds.push(and(eq(cases.public, true), eq(cases.state, 'closed')));
  if (f.inbox) conds.push(f.inbox);
  return and(...conds);
}

export async function listCases(db: DbOrTx, scope: CaseScope, f: CaseFilter) {
  const where = caseWhere(scope, f);
  const order = f.order === 'due' ? [asc(sql`coalesce(${cases.stepDueAt}, 'infinity')`), desc(cases.createdAt)] : [desc(cases.createdAt), desc(cases.id)];
  const [items, totals] = await Promise.all([
    db
      .select()
      .from(cases)
      .where(where)
      .orderBy(...order)
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(cases).where(where),
  ]);
  return { items, total: totals[0]?.n ?? 0 };
}

export async function countByState(db: DbOrTx, scope: CaseScope, f: Omit<CaseFilter, 'page' | 'pageSize' | 'states'>) {
  const where = caseWhere(scope, f);
  const rows = await db
    .select({
      state: cases.state,
      n: count(),
      overdue: sql<number>`count(*) filter (where ${cases.stepDueAt} < now() and ${cases.state} in ('reported','accepted','dispatched','acknowledged','handled'))::int`,
    })
    .from(cases)
    .where(where)
    .groupBy(cases.state);
  return rows;
}

/** Open cases of a type near in place and time: candidates for the duplicate hint. */
export async function duplicateCandidates(db: DbOrTx, c: { id?: string; categoryCode: string; areaCode: string; createdAt: Date }) {
  const village = c.areaCode.slice(0, Math.min(12, c.areaCode.length));
  return db
    .select({
      id: cases.id,
      code: cases.code,
      title: cases.title,
      description: cases.description,
      state: cases.state,
      categoryCode: cases.categoryCode,
      areaCode: cases.areaCode,
      lat: cases.lat,
      lng: cases.lng,
      createdAt: cases.createdAt,
      reporterUserId: cases.reporterUserId,
    })
    .from(cases)
    .where(
      and(
        eq(cases.categoryCode, c.categoryCode),
        sql`${cases.areaCode} like ${escapeLike(village) + '%'}`,
        sql`${cases.state} in ('reported','accepted','dispatched','acknowledged','handled','suspended')`,
        sql`${cases.createdAt} > ${new Date(c.createdAt.getTime() - 7 * 86400_000).toISOString()}`,
        c.id ? sql`${cases.id} <> ${c.id}` : undefined,
      ),
    )
    .orderBy(desc(cases.createdAt))
    .limit(60);
}

// ---- units of a case --------------------------------------------------------------------------

export async function caseUnitRows(db: DbOrTx, caseId: string) {
  return db
    .select({ unitId: caseUnits.unitId, role: caseUnits.role, status: caseUnits.status, note: caseUnits.note, name: units.name, updatedAt: caseUnits.updatedAt })
    .from(caseUnits)
    .innerJoin(units, eq(units.id, caseUnits.unitId))
    .where(eq(caseUnits.caseId, caseId))
    .orderBy(asc(caseUnits.role), asc(units.name));
}

export async function upsertCaseUnit(db: DbOrTx, row: { caseId: string; unitId: string; role: string; status: string; note?: string | null }) {
  await db
    .insert(caseUnits)
    .values({ ...row, note: row.note ?? null })
    .onConflictDoUpdate({ target: [caseUnits.caseId, caseUnits.unitId], set: { role: row.role, status: row.status, note: row.note ?? null, updatedAt: new Date() } });
}

export async function setCaseUnitStatus(db: DbOrTx, caseId: string, unitId: string, status: string, note?: string | null) {
  await db
    .update(caseUnits)
    .set({ status, ...(note !== undefined ? { note } : {}), updatedAt: new Date() })
    .where(and(eq(caseUnits.caseId, caseId), eq(caseUnits.unitId, unitId)));
}

export async function setCaseUnitsStatus(db: DbOrTx, caseId: string, fromStatuses: string[], status: string) {
  await db
    .update(caseUnits)
    .set({ status, updatedAt: new Date() })
    .where(and(eq(caseUnits.caseId, caseId), inArray(caseUnits.status, fromStatuses)));
}

// ---- timeline -------------------------------------------------------------------------------

export async function insertEvent(db: DbOrTx, row: typeof caseEvents.$inferInsert): Promise<CaseEventRow> {
  const res = await db.insert(caseEvents).values(row).returning();
  return res[0]!;
}

export async function eventsOf(db: DbOrTx, caseId: string): Promise<CaseEventRow[]> {
  return db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.id));
}

// ---- files ----------------------------------------------------------------------------------

export async function insertFile(db: DbOrTx, row: typeof files.$inferInsert) {
  const res = await db
    .insert(files)
    .values(row)
    .returning({ id: files.id, name: files.name, mime: files.mime, size: files.size, createdAt: files.createdAt });
  return res[0]!;
}

export async function findFile(db: DbOrTx, id: string): Promise<FileRow | null> {
  const rows = await db.select().from(files).where(eq(files.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function fileMetaOf(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: files.id, name: files.name, mime: files.mime, size: files.size, caseId: files.caseId, uploaderId: files.uploaderId })
    .from(files)
    .where(inArray(files.id, ids));
}

export async function attachFiles(db: DbOrTx, caseId: string, ids: string[]) {
  if (ids.length === 0) return;
  await db
    .update(files)
    .set({ caseId })
    .where(and(inArray(files.id, ids), isNull(files.caseId)));
}

export async function filesOfCase(db: DbOrTx, caseId: string) {
  return db
    .select({ id: files.id, name: files.name, mime: files.mime, size: files.size })
    .from(files)
    .where(eq(files.caseId, caseId))
    .orderBy(asc(files.createdAt));
}

// ---- deadline marks -------------------------------------------------------------------------

/** Records a deadline mark once; returns false when some instance recorded it already. */
export async function claimDeadlineMark(db: DbOrTx, caseId: string, kind: string, step: string, dueAt: Date): Promise<boolean> {
  const res = await db
    .insert(caseDeadlineMarks)
    .values({ caseId, kind, step, dueAt })
    .onConflictDoNothing()
    .returning({ caseId: caseDeadlineMarks.caseId });
  return res.length > 0;
}

export async function dueCases(db: DbOrTx, now: Date, limit = 500) {
  return db
    .select()
    .from(cases)
    .where(
      and(
        inArray(cases.state, ['reported', 'accepted', 'dispatched', 'acknowledged', 'handled']),
        sql`${cases.stepWarnAt} <= ${now.toISOString()}`,
        sql`not exists (select 1 from case_deadline_marks m where m.case_id = ${cases.id} and m.kind = 'overdue' and m.due_at = ${cases.stepDueAt})`,
      ),
    )
    .orderBy(asc(cases.stepWarnAt))
    .limit(limit);
}

// ---- notifications --------------------------------------------------------------------------

/** Notifies every active user of a centre or unit in one statement. */
export async function notifyUsers(db: DbOrTx, target: { scopeCode?: string; roles?: string[]; unitId?: string }, n: { caseId: string; kind: string; title: string }) {
  const conds: SQL[] = [eq(users.active, true)];
  if (target.scopeCode) conds.push(eq(users.scopeCode, target.scopeCode));
  if (target.unitId) conds.push(eq(users.unitId, target.unitId));
  if (target.roles?.length) conds.push(sql`${users.roles} && ${`{${target.roles.join(',')}}`}::text[]`);
  await db.execute(sql`insert into notifications (user_id, case_id, kind, title)
    select ${users.id}, ${n.caseId}, ${n.kind}, ${n.title} from ${users} where ${and(...conds)}`);
}

export async function insertNotifications(db: DbOrTx, rows: (typeof notifications.$inferInsert)[]) {
  if (rows.length === 0) return;
  await db.insert(notifications).values(rows);
}

export async function listNotifications(db: DbOrTx, userId: string, unreadOnly: boolean, limit: number) {
  return db
    .select({ id: notifications.id, caseId: notifications.caseId, kind: notifications.kind, title: notifications.title, createdAt: notifications.createdAt, readAt: notifications.readAt, caseCode: cases.code })
    .from(notifications)
    .leftJoin(cases, eq(cases.id, notifications.caseId))
    .where(and(eq(notifications.userId, userId), unreadOnly ? isNull(notifications.readAt) : undefined))
    .orderBy(desc(notifications.id))
    .limit(limit);
}

export async function unreadCount(db: DbOrTx, userId: string): Promise<number> {
  const rows = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return rows[0]?.n ?? 0;
}

export async function markNotificationsRead(db: DbOrTx, userId: string, ids: number[] | 'all') {
  await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), ids === 'all' ? undefined : inArray(notifications.id, ids)));
}

// ---- idempotency ----------------------------------------------------------------------------

export async function findIdempotent(db: DbOrTx, scope: string, key: string) {
  const rows = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)))
    .limit(1);
  return rows[0] ?? null;
}

/** Stores a create's result under its key; false when another request stored one first. */
export async function saveIdempotent(db: DbOrTx, scope: string, key: string, status: number, body: unknown): Promise<boolean> {
  const res = await db
    .insert(idempotencyKeys)
    .values({ scope, key, status, body })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  return res.length > 0;
}
