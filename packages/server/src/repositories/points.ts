import { and, asc, count, desc, eq, inArray, isNull, or, sql, type AnyColumn } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { households, people, pointsAccounts, pointsAwards, pointsFactors, pointsItems, pointsRedemptions, pointsRules, pointsTransfers, units, users } from '../db/schema.ts';
import { escapeLike } from './scope.ts';

export type RuleRow = typeof pointsRules.$inferSelect;
export type NewRuleRow = typeof pointsRules.$inferInsert;
export type FactorRow = typeof pointsFactors.$inferSelect;
export type AccountRow = typeof pointsAccounts.$inferSelect;
export type TransferRow = typeof pointsTransfers.$inferSelect;
export type AwardRow = typeof pointsAwards.$inferSelect;
export type NewAwardRow = typeof pointsAwards.$inferInsert;
export type ItemRow = typeof pointsItems.$inferSelect;
export type NewItemRow = typeof pointsItems.$inferInsert;
export type RedemptionRow = typeof pointsRedemptions.$inferSelect;
export type NewRedemptionRow = typeof pointsRedemptions.$inferInsert;

/** `column LIKE 'prefix%'`: inside an area. */
const within = (column: AnyColumn, code: string) => sql`${column} like ${escapeLike(code) + '%'}`;
/** The area `column` is an ancestor of (or equal to) `code`. */
const above = (column: AnyColumn, code: string) => sql`${code} like ${column} || '%'`;

/** Numbers from raw SQL: node-postgres gives bigint as strings, PGlite as numbers or bigints. */
const num = (v: unknown): number => (v == null ? 0 : Number(v));

// ---- people behind users ------------------------------------------------------------------------

export interface HolderInfo {
  userId: string;
  username: string;
  displayName: string;
  roles: string[];
  scopeCode: string;
  unitId: string | null;
  active: boolean;
  personId: string | null;
  personName: string | null;
  personArea: string | null;
  partyMember: boolean;
  householdId: string | null;
  householdArea: string | null;
  doorplate: string | null;
}

const holderColumns = {
  userId: users.id,
  username: users.username,
  displayName: users.displayName,
  roles: users.roles,
  scopeCode: users.scopeCode,
  unitId: users.unitId,
  active: users.active,
  personId: people.id,
  personName: people.name,
  personArea: people.areaCode,
  partyMember: sql<boolean>`coalesce(${people.partyMember}, false)`,
  householdId: people.householdId,
  householdArea: households.areaCode,
  doorplate: households.doorplate,
};

/** A user with the registry facts that decide their points: party membership, household, address. */
export async function holderByUsername(db: DbOrTx, username: string): Promise<HolderInfo | null> {
  const rows = await db
    .select(holderColumns)
    .from(users)
    .leftJoin(people, eq(people.id, users.personId))
    .leftJoin(households, eq(households.id, people.householdId))
    .where(eq(users.username, username))
    .limit(1);
  return rows[0] ?? null;
}

export async function holderById(db: DbOrTx, userId: string): Promise<HolderInfo | null> {
  const rows = await db
    .select(holderColumns)
    .from(users)
    .leftJoin(people, eq(people.id, users.personId))
    .leftJoin(households, eq(households.id, people.householdId))
    .where(eq(users.id, userId))
    .limit(1);
  return rows[0] ?? null;
}

export async function userNames(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter(Boolean))];
  if (unique.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function unitNames(db: DbOrTx, ids: string[]): Promise<Map<string, { name: string; type: string; areaCode: string }>> {
  const unique = [...new Set(ids.filter(Boolean))];
  if (unique.length === 0) return new Map();
  const rows = await db.select({ id: units.id, name: units.name, type: units.type, areaCode: units.areaCode }).from(units).where(inArray(units.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
}

// ---- rules and factors ----------------------------------------------------------------------------

/**
 * The rules in force at an area: for each code, the rule of the nearest enclosing area
 * (a village's own rule overrides the district's). Inactive overrides hide the code.
 */
export async function effectiveRules(db: DbOrTx, areaCode: string, opts: { scheme?: string; includeInactive?: boolean } = {}): Promise<RuleRow[]> {
  const rows = await db
    .selectDistinctOn([pointsRules.code])
    .from(pointsRules)
    .where(and(above(pointsRules.areaCode, areaCode), opts.scheme ? eq(pointsRules.scheme, opts.scheme) : undefined))
    .orderBy(asc(pointsRules.code), desc(sql`length(${pointsRules.areaCode})`));
  return rows.filter((r) => opts.includeInactive || r.active).sort((a, b) => a.scheme.localeCompare(b.scheme) || a.sort - b.sort || a.code.localeCompare(b.code));
}

/** Every rule defined at, above or below an area (for the console's rule management). */
export async function rulesAround(db: DbOrTx, areaCode: string, scheme?: string): Promise<RuleRow[]> {
  return db
    .select()
    .from(pointsRules)
    .where(and(or(above(pointsRules.areaCode, areaCode), within(pointsRules.areaCode, areaCode)), scheme ? eq(pointsRules.scheme, scheme) : undefined))
    .orderBy(asc(pointsRules.scheme), asc(pointsRules.sort), asc(pointsRules.code), asc(pointsRules.areaCode));
}

/** The rule of this code in force at an area (active or not), or null. */
export async function ruleFor(db: DbOrTx, code: string, areaCode: string): Promise<RuleRow | null> {
  const rows = await db
    .select()
    .from(pointsRules)
    .where(and(eq(pointsRules.code, code), above(pointsRules.areaCode, areaCode)))
    .orderBy(desc(sql`length(${pointsRules.areaCode})`))
    .limit(1);
  return rows[0] ?? null;
}

export async function findRule(db: DbOrTx, id: string): Promise<RuleRow | null> {
  const rows = await db.select().from(pointsRules).where(eq(pointsRules.id, id)).limit(1);
  return rows[0] ?? null;
}

/** Inserts a rule; null when the code already exists for that area. */
export async function insertRule(db: DbOrTx, row: NewRuleRow): Promise<RuleRow | null> {
  const res = await db.insert(pointsRules).values(row).onConflictDoNothing().returning();
  return res[0] ?? null;
}

export async function updateRule(db: DbOrTx, id: string, patch: Partial<NewRuleRow>): Promise<RuleRow | null> {
  const res = await db
    .update(pointsRules)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(pointsRules.id, id))
    .returning();
  return res[0] ?? null;
}

export async function listFactors(db: DbOrTx, activeOnly = false): Promise<FactorRow[]> {
  return db
    .select()
    .from(pointsFactors)
    .where(activeOnly ? eq(pointsFactors.active, true) : undefined)
    .orderBy(asc(pointsFactors.sort), asc(pointsFactors.code));
}

export async function insertFactors(db: DbOrTx, rows: (typeof pointsFactors.$inferInsert)[]): Promise<void> {
  if (rows.length) await db.insert(pointsFactors).values(rows).onConflictDoNothing();
}

export async function upsertFactor(db: DbOrTx, row: typeof pointsFactors.$inferInsert): Promise<FactorRow> {
  const res = await db
    .insert(pointsFactors)
    .values(row)
    .onConflictDoUpdate({ target: pointsFactors.code, set: { name: row.name, percent: row.percent, active: row.active ?? true, updatedAt: new Date() } })
    .returning();
  return res[0]!;
}

// ---- accounts -------------------------------------------------------------------------------------

export interface AccountKey {
  scheme: string;
  kind: 'pool' | 'person' | 'household' | 'merchant' | 'hold';
  ownerId: string;
}

export async function findAccount(db: DbOrTx, key: AccountKey): Promise<AccountRow | null> {
  const rows = await db
    .select()
    .from(pointsAccounts)
    .where(and(eq(pointsAccounts.scheme, key.scheme), eq(pointsAccounts.kind, key.kind), eq(pointsAccounts.ownerId, key.ownerId)))
    .limit(1);
  return rows[0] ?? null;
}

export async function findAccountById(db: DbOrTx, id: string): Promise<AccountRow | null> {
  const rows = await db.select().from(pointsAccounts).where(eq(pointsAccounts.id, id)).limit(1);
  return rows[0] ?? null;
}

/**
 * Opens an account once: concurrent openers of the same account wait on the unique index and
 * then read the winner's row. Returns the account's id.
 */
export async function ensureAccount(db: DbOrTx, key: AccountKey & { areaCode: string; name: string }): Promise<string> {
  const inserted = await db
    .insert(pointsAccounts)
    .values({ scheme: key.scheme, kind: key.kind, ownerId: key.ownerId, areaCode: key.areaCode, name: key.name })
    .onConflictDoNothing()
    .returning({ id: pointsAccounts.id });
  if (inserted[0]) return inserted[0].id;
  const found = await findAccount(db, key);
  if (!found) throw new Error(`account ${key.scheme}/${key.kind}/${key.ownerId} vanished`);
  return found.id;
}

/** Locks accounts for a posting, always in id order so two postings never wait on each other in a cycle. */
export async function lockAccounts(db: DbOrTx, ids: string[]): Promise<Map<string, AccountRow>> {
  const unique = [...new Set(ids)].sort();
  const rows = await db.select().from(pointsAccounts).where(inArray(pointsAccounts.id, unique)).orderBy(asc(pointsAccounts.id)).for('update');
  return new Map(rows.map((r) => [r.id, r]));
}

export interface TransferInput {
  scheme: string;
  debitAccountId: string;
  creditAccountId: string;
  amount: number;
  kind: string;
  refType: string;
  refId: string;
  reversesId?: number | null;
  authorisedBy: string | null;
  note?: string | null;
  createdAt?: Date;
}

/**
 * Writes one transfer and moves both balances in the caller's transaction. The caller has
 * locked both accounts (lockAccounts) and checked the debit side; the CHECK constraint on
 * balances and the unique reference are the database's own last word.
 */
export async function postTransfer(db: DbOrTx, t: TransferInput): Promise<TransferRow> {
  const res = await db
    .insert(pointsTransfers)
    .values({
      scheme: t.scheme,
      debitAccountId: t.debitAccountId,
      creditAccountId: t.creditAccountId,
      amount: t.amount,
      kind: t.kind,
      refType: t.refType,
      refId: t.refId,
      reversesId: t.reversesId ?? null,
      authorisedBy: t.authorisedBy,
      note: t.note ?? null,
      ...(t.createdAt ? { createdAt: t.createdAt } : {}),
    })
    .returning();
  await db
    .update(pointsAccounts)
    .set({ balance: sql`${pointsAccounts.balance} - ${t.amount}` })
    .where(eq(pointsAccounts.id, t.debitAccountId));
  await db
    .update(pointsAccounts)
    .set({ balance: sql`${pointsAccounts.balance} + ${t.amount}` })
    .where(eq(pointsAccounts.id, t.creditAccountId));
  return res[0]!;
}

export async function findTransfer(db: DbOrTx, id: number): Promise<TransferRow | null> {
  const rows = await db.select().from(pointsTransfers).where(eq(pointsTransfers.id, id)).limit(1);
  return rows[0] ?? null;
}

/** Accounts held by any of these owners (users, households, units). */
export async function accountsOfOwners(db: DbOrTx, ownerIds: string[]): Promise<AccountRow[]> {
  const unique = [...new Set(ownerIds.filter(Boolean))];
  if (unique.length === 0) return [];
  return db.select().from(pointsAccounts).where(inArray(pointsAccounts.ownerId, unique)).orderBy(asc(pointsAccounts.scheme), asc(pointsAccounts.kind));
}

export interface AccountFilter {
  scopeCode: string;
  scheme?: string;
  kind?: string;
  area?: string;
  q?: string;
  page: number;
  pageSize: number;
}

export async function listAccounts(db: DbOrTx, f: AccountFilter) {
  const where = and(
    within(pointsAccounts.areaCode, f.scopeCode),
    f.area ? within(pointsAccounts.areaCode, f.area) : undefined,
    f.scheme ? eq(pointsAccounts.scheme, f.scheme) : undefined,
    f.kind ? eq(pointsAccounts.kind, f.kind) : sql`${pointsAccounts.kind} <> 'hold'`,
    f.q ? sql`${pointsAccounts.name} like ${'%' + escapeLike(f.q) + '%'}` : undefined,
  );
  const [items, totals] = await Promise.all([
    db
      .select()
      .from(pointsAccounts)
      .where(where)
      .orderBy(asc(pointsAccounts.scheme), asc(pointsAccounts.kind), desc(pointsAccounts.balance), asc(pointsAccounts.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(pointsAccounts).where(where),
  ]);
  return { items, total: totals[0]?.n ?? 0 };
}

export interface StatementRow {
  id: number;
  at: Date;
  kind: string;
  refType: string;
  refId: string;
  reversesId: number | null;
  amount: number;
  note: string | null;
  debitAccountId: string;
  creditAccountId: string;
  /** Effect on the main account and on its hold account. */
  deltaMain: number;
  deltaHold: number;
  /** Running balances after this transfer. */
  balance: number;
  held: number;
  counterpartyName: string;
  counterpartyKind: string;
  authorisedById: string | null;
  authorisedByName: string | null;
}

/**
 * Every transfer touching an account (and its hold account), newest first, with the running
 * balances after each one — computed by a window over the account's whole history.
 */
export async function statement(db: DbOrTx, mainId: string, holdId: string | null, page: number, pageSize: number): Promise<{ items: StatementRow[]; total: number }> {
  const hold = holdId ?? '00000000-0000-0000-0000-000000000000';
  const res = await db.execute(sql`
    with moves as (
      select t.*,
        (case when t.credit_account_id = ${mainId} then t.amount else 0 end) - (case when t.debit_account_id = ${mainId} then t.amount else 0 end) as delta_main,
        (case when t.credit_account_id = ${hold} then t.amount else 0 end) - (case when t.debit_account_id = ${hold} then t.amount else 0 end) as delta_hold
      from points_transfers t
      where t.debit_account_id in (${mainId}, ${hold}) or t.credit_account_id in (${mainId}, ${hold})
    ), running as (
      select m.*,
        sum(m.delta_main) over (order by m.id) as balance_after,
        sum(m.delta_hold) over (order by m.id) as held_after,
        count(*) over () as total
      from moves m
    )
    select r.id, r.created_at, r.kind, r.ref_type, r.ref_id, r.reverses_id, r.amount, r.note,
      r.debit_account_id, r.credit_account_id, r.delta_main, r.delta_hold, r.balance_after, r.held_after, r.total,
      r.authorised_by, u.display_name as authorised_by_name,
      cp.name as counterparty_name, cp.kind as counterparty_kind
    from running r
    left join users u on u.id = r.authorised_by
    left join points_accounts cp on cp.id = (
      case
        when r.debit_account_id = ${mainId} then r.credit_account_id
        when r.credit_account_id = ${mainId} then r.debit_account_id
        when r.debit_account_id = ${hold} then r.credit_account_id
        else r.debit_account_id
      end)
    order by r.id desc
    limit ${pageSize} offset ${(page - 1) * pageSize}`);
  const rows = res.rows as Record<string, unknown>[];
  return {
    total: rows.length ? num(rows[0]!.total) : (page > 1 ? await countMoves(db, mainId, hold) : 0),
    items: rows.map((r) => ({
      id: num(r.id),
      at: new Date(r.created_at as string),
      kind: String(r.kind),
      refType: String(r.ref_type),
      refId: String(r.ref_id),
      reversesId: r.reverses_id == null ? null : num(r.reverses_id),
      amount: num(r.amount),
      note: (r.note as string | null) ?? null,
      debitAccountId: String(r.debit_account_id),
      creditAccountId: String(r.credit_account_id),
      deltaMain: num(r.delta_main),
      deltaHold: num(r.delta_hold),
      balance: num(r.balance_after),
      held: num(r.held_after),
      counterpartyName: String(r.counterparty_name ?? ''),
      counterpartyKind: String(r.counterparty_kind ?? ''),
      authorisedById: (r.authorised_by as string | null) ?? null,
      authorisedByName: (r.authorised_by_name as string | null) ?? null,
    })),
  };
}

async function countMoves(db: DbOrTx, mainId: string, hold: string): Promise<number> {
  const res = await db.execute(sql`select count(*) as n from points_transfers where debit_account_id in (${mainId}, ${hold}) or credit_account_id in (${mainId}, ${hold})`);
  return num((res.rows[0] as { n: unknown } | undefined)?.n);
}

// ---- awards ---------------------------------------------------------------------------------------

/** Inserts an award; for automatic awards a second insert of the same (rule, event) returns null. */
export async function insertAward(db: DbOrTx, row: NewAwardRow): Promise<AwardRow | null> {
  const res = await db.insert(pointsAwards).values(row).onConflictDoNothing().returning();
  return res[0] ?? null;
}

export async function findAward(db: DbOrTx, id: string): Promise<AwardRow | null> {
  const rows = await db.select().from(pointsAwards).where(eq(pointsAwards.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function findAwardByRef(db: DbOrTx, ruleCode: string, refType: string, refId: string): Promise<AwardRow | null> {
  const rows = await db
    .select()
    .from(pointsAwards)
    .where(and(eq(pointsAwards.ruleCode, ruleCode), eq(pointsAwards.refType, refType), eq(pointsAwards.refId, refId)))
    .limit(1);
  return rows[0] ?? null;
}

export async function lockAward(db: DbOrTx, id: string): Promise<AwardRow | null> {
  const rows = await db.select().from(pointsAwards).where(eq(pointsAwards.id, id)).for('update').limit(1);
  return rows[0] ?? null;
}

export async function updateAward(db: DbOrTx, id: string, patch: Partial<NewAwardRow>): Promise<AwardRow> {
  const res = await db
    .update(pointsAwards)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(pointsAwards.id, id))
    .returning();
  return res[0]!;
}

/** Base points of a rule granted to a holder in a period, in the given award states. */
export async function ruleUsage(
  db: DbOrTx,
  q: { holderId: string; ruleCode: string; states: string[]; day: { from: Date; to: Date }; month: { from: Date; to: Date }; excludeId?: string },
): Promise<{ today: number; thisMonth: number }> {
  const rows = await db
    .select({
      today: sql<string>`coalesce(sum(${pointsAwards.basePoints}) filter (where ${pointsAwards.createdAt} >= ${q.day.from.toISOString()} and ${pointsAwards.createdAt} < ${q.day.to.toISOString()}), 0)`,
      month: sql<string>`coalesce(sum(${pointsAwards.basePoints}), 0)`,
    })
    .from(pointsAwards)
    .where(
      and(
        eq(pointsAwards.holderId, q.holderId),
        eq(pointsAwards.ruleCode, q.ruleCode),
        inArray(pointsAwards.state, q.states),
        sql`${pointsAwards.createdAt} >= ${q.month.from.toISOString()} and ${pointsAwards.createdAt} < ${q.month.to.toISOString()}`,
        q.excludeId ? sql`${pointsAwards.id} <> ${q.excludeId}` : undefined,
      ),
    );
  return { today: num(rows[0]?.today), thisMonth: num(rows[0]?.month) };
}

export interface AwardFilter {
  scopeCode?: string;
  recipientUserId?: string;
  proposedBy?: string;
  /** Pending awards the caller may approve: any of these roles, not proposed by nor for them. */
  approverRoles?: string[];
  notUserId?: string;
  states?: string[];
  scheme?: string;
  page: number;
  pageSize: number;
}

export async function listAwards(db: DbOrTx, f: AwardFilter) {
  const where = and(
    f.scopeCode !== undefined ? within(pointsAwards.areaCode, f.scopeCode) : undefined,
    f.recipientUserId ? eq(pointsAwards.recipientUserId, f.recipientUserId) : undefined,
    f.proposedBy ? eq(pointsAwards.proposedBy, f.proposedBy) : undefined,
    f.approverRoles ? sql`${pointsAwards.approverRoles} && ${`{${f.approverRoles.join(',')}}`}::text[]` : undefined,
    f.notUserId ? and(or(isNull(pointsAwards.proposedBy), sql`${pointsAwards.proposedBy} <> ${f.notUserId}`), sql`${pointsAwards.recipientUserId} <> ${f.notUserId}`) : undefined,
    f.states?.length ? inArray(pointsAwards.state, f.states) : undefined,
    f.scheme ? eq(pointsAwards.scheme, f.scheme) : undefined,
  );
  const [items, totals] = await Promise.all([
    db
      .select()
      .from(pointsAwards)
      .where(where)
      .orderBy(desc(pointsAwards.createdAt), desc(pointsAwards.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(pointsAwards).where(where),
  ]);
  return { items, total: totals[0]?.n ?? 0 };
}

export async function ruleNames(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.select({ id: pointsRules.id, name: pointsRules.name }).from(pointsRules).where(inArray(pointsRules.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Points earned per holder account (approved awards, by posting time) in a month, a year and ever. */
export async function earnings(db: DbOrTx, q: { scheme: string; area: string; month: { from: Date; to: Date }; year: { from: Date; to: Date } }) {
  const res = await db.execute(sql`
    select a.holder_id, a.holder_kind, acc.name, acc.area_code,
      coalesce(sum(a.points) filter (where a.decided_at >= ${q.month.from.toISOString()} and a.decided_at < ${q.month.to.toISOString()}), 0) as month,
      coalesce(sum(a.points) filter (where a.decided_at >= ${q.year.from.toISOString()} and a.decided_at < ${q.year.to.toISOString()}), 0) as year,
      coalesce(sum(a.points), 0) as lifetime
    from points_awards a
    join points_accounts acc on acc.scheme = a.scheme and acc.kind = a.holder_kind and acc.owner_id = a.holder_id
    where a.scheme = ${q.scheme} and a.state = 'approved' and acc.area_code like ${escapeLike(q.area) + '%'}
    group by a.holder_id, a.holder_kind, acc.name, acc.area_code`);
  return (res.rows as Record<string, unknown>[]).map((r) => ({
    holderId: String(r.holder_id),
    holderKind: String(r.holder_kind),
    name: String(r.name),
    areaCode: String(r.area_code),
    month: num(r.month),
    year: num(r.year),
    lifetime: num(r.lifetime),
  }));
}

/** A holder's earnings per scheme this year and ever (for stars on "my points"). */
export async function earningsOfHolders(db: DbOrTx, holderIds: string[], year: { from: Date; to: Date }) {
  if (holderIds.length === 0) return [];
  const rows = await db
    .select({
      scheme: pointsAwards.scheme,
      year: sql<string>`coalesce(sum(${pointsAwards.points}) filter (where ${pointsAwards.decidedAt} >= ${year.from.toISOString()} and ${pointsAwards.decidedAt} < ${year.to.toISOString()}), 0)`,
      lifetime: sql<string>`coalesce(sum(${pointsAwards.points}), 0)`,
    })
    .from(pointsAwards)
    .where(and(inArray(pointsAwards.holderId, holderIds), eq(pointsAwards.state, 'approved')))
    .groupBy(pointsAwards.scheme);
  return rows.map((r) => ({ scheme: r.scheme, year: num(r.year), lifetime: num(r.lifetime) }));
}

// ---- items ----------------------------------------------------------------------------------------

export interface ItemFilter {
  /** Items of the caller's area, its ancestors and (for staff) below it. */
  viewerScope: string;
  includeBelow: boolean;
  scheme?: string;
  merchantUnitId?: string;
  includeInactive?: boolean;
}

export async function listItems(db: DbOrTx, f: ItemFilter) {
  return db
    .select({ item: pointsItems, merchantName: units.name, merchantType: units.type })
    .from(pointsItems)
    .innerJoin(units, eq(units.id, pointsItems.merchantUnitId))
    .where(
      and(
        f.includeBelow ? or(above(pointsItems.areaCode, f.viewerScope), within(pointsItems.areaCode, f.viewerScope)) : above(pointsItems.areaCode, f.viewerScope),
        f.scheme ? eq(pointsItems.scheme, f.scheme) : undefined,
        f.merchantUnitId ? eq(pointsItems.merchantUnitId, f.merchantUnitId) : undefined,
        f.includeInactive ? undefined : eq(pointsItems.active, true),
      ),
    )
    .orderBy(asc(units.name), asc(pointsItems.sort), asc(pointsItems.price), asc(pointsItems.id));
}

export async function findItem(db: DbOrTx, id: string) {
  const rows = await db
    .select({ item: pointsItems, merchantName: units.name, merchantType: units.type })
    .from(pointsItems)
    .innerJoin(units, eq(units.id, pointsItems.merchantUnitId))
    .where(eq(pointsItems.id, id))
    .limit(1);
  return rows[0] ?? null;
}

export async function insertItems(db: DbOrTx, rows: NewItemRow[]): Promise<ItemRow[]> {
  if (rows.length === 0) return [];
  return db.insert(pointsItems).values(rows).returning();
}

export async function updateItem(db: DbOrTx, id: string, patch: Partial<NewItemRow>): Promise<ItemRow | null> {
  const res = await db
    .update(pointsItems)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(pointsItems.id, id))
    .returning();
  return res[0] ?? null;
}

/** Takes units off the stock if that many are left (the row stays locked until commit); null otherwise. */
export async function takeStock(db: DbOrTx, id: string, quantity: number): Promise<ItemRow | null> {
  const res = await db
    .update(pointsItems)
    .set({ stock: sql`${pointsItems.stock} - ${quantity}`, updatedAt: new Date() })
    .where(and(eq(pointsItems.id, id), eq(pointsItems.active, true), sql`${pointsItems.stock} >= ${quantity}`))
    .returning();
  return res[0] ?? null;
}

export async function returnStock(db: DbOrTx, id: string, quantity: number): Promise<void> {
  await db
    .update(pointsItems)
    .set({ stock: sql`${pointsItems.stock} + ${quantity}`, updatedAt: new Date() })
    .where(eq(pointsItems.id, id));
}

export async function restock(db: DbOrTx, id: string, quantity: number): Promise<ItemRow | null> {
  const res = await db
    .update(pointsItems)
    .set({ stock: sql`${pointsItems.stock} + ${quantity}`, stockIn: sql`${pointsItems.stockIn} + ${quantity}`, updatedAt: new Date() })
    .where(eq(pointsItems.id, id))
    .returning();
  return res[0] ?? null;
}

// ---- redemptions ----------------------------------------------------------------------------------

export async function insertRedemption(db: DbOrTx, row: NewRedemptionRow): Promise<RedemptionRow> {
  const res = await db.insert(pointsRedemptions).values(row).returning();
  return res[0]!;
}

export async function findRedemption(db: DbOrTx, id: string): Promise<RedemptionRow | null> {
  const rows = await db.select().from(pointsRedemptions).where(eq(pointsRedemptions.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function lockRedemption(db: DbOrTx, id: string): Promise<RedemptionRow | null> {
  const rows = await db.select().from(pointsRedemptions).where(eq(pointsRedemptions.id, id)).for('update').limit(1);
  return rows[0] ?? null;
}

export async function updateRedemption(db: DbOrTx, id: string, patch: Partial<NewRedemptionRow>): Promise<RedemptionRow> {
  const res = await db
    .update(pointsRedemptions)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(pointsRedemptions.id, id))
    .returning();
  return res[0]!;
}

export interface RedemptionFilter {
  userId?: string;
  shortCode?: string;
  merchantUnitId?: string;
  scopeCode?: string;
  states?: string[];
  page: number;
  pageSize: number;
}

/** The open redemption holding a short code, if any. */
export async function pendingByShortCode(db: DbOrTx, code: string): Promise<boolean> {
  const rows = await db
    .select({ id: pointsRedemptions.id })
    .from(pointsRedemptions)
    .where(and(eq(pointsRedemptions.shortCode, code), eq(pointsRedemptions.state, 'pending')))
    .limit(1);
  return rows.length > 0;
}

export async function listRedemptions(db: DbOrTx, f: RedemptionFilter) {
  const where = and(
    f.userId ? eq(pointsRedemptions.userId, f.userId) : undefined,
    f.shortCode ? eq(pointsRedemptions.shortCode, f.shortCode) : undefined,
    f.merchantUnitId ? eq(pointsRedemptions.merchantUnitId, f.merchantUnitId) : undefined,
    f.scopeCode !== undefined ? within(pointsRedemptions.areaCode, f.scopeCode) : undefined,
    f.states?.length ? inArray(pointsRedemptions.state, f.states) : undefined,
  );
  const [items, totals] = await Promise.all([
    db
      .select()
      .from(pointsRedemptions)
      .where(where)
      .orderBy(desc(pointsRedemptions.createdAt), desc(pointsRedemptions.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(pointsRedemptions).where(where),
  ]);
  return { items, total: totals[0]?.n ?? 0 };
}

export async function itemNames(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.select({ id: pointsItems.id, name: pointsItems.name }).from(pointsItems).where(inArray(pointsItems.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}

// ---- ledger audit ---------------------------------------------------------------------------------

/**
 * Everything the ledger audit checks, aggregated by the database (one row per account, item,
 * award, redemption). Run it in one repeatable-read transaction for a consistent picture.
 */
export async function ledgerSnapshot(db: DbOrTx) {
  const accounts = await db.execute(sql`
      select a.id, a.scheme, a.kind, a.name, a.balance,
        coalesce((select sum(amount) from points_transfers t where t.credit_account_id = a.id), 0)
          - coalesce((select sum(amount) from points_transfers t where t.debit_account_id = a.id), 0) as computed
      from points_accounts a`);
  const items = await db.execute(sql`
      select i.id, i.name, i.stock, i.stock_in,
        coalesce((select sum(quantity) from points_redemptions r where r.item_id = i.id and r.state in ('pending','confirmed')), 0) as committed
      from points_items i`);
  const holds = await db.execute(sql`
      select a.id, a.name, a.balance,
        coalesce((select sum(amount) from points_redemptions r where r.hold_account_id = a.id and r.state = 'pending'), 0) as pending
      from points_accounts a where a.kind = 'hold'`);
  const awards = await db.execute(sql`
      select w.id, w.state, w.points,
        count(t.id) filter (where t.kind = 'award') as award_n, coalesce(sum(t.amount) filter (where t.kind = 'award'), 0) as award_sum,
        count(t.id) filter (where t.kind = 'reversal') as reversal_n, coalesce(sum(t.amount) filter (where t.kind = 'reversal'), 0) as reversal_sum
      from points_awards w
      left join points_transfers t on t.ref_type = 'award' and t.ref_id = w.id::text
      group by w.id, w.state, w.points`);
  const redemptions = await db.execute(sql`
      select r.id, r.state, r.item_kind, r.amount,
        count(t.id) filter (where t.kind = 'redeem-hold') as holds, coalesce(sum(t.amount) filter (where t.kind = 'redeem-hold'), 0) as hold_sum,
        count(t.id) filter (where t.kind = 'redeem-confirm') as confirms, coalesce(sum(t.amount) filter (where t.kind = 'redeem-confirm'), 0) as confirm_sum,
        count(t.id) filter (where t.kind = 'redeem-release') as releases, coalesce(sum(t.amount) filter (where t.kind = 'redeem-release'), 0) as release_sum,
        count(t.id) filter (where t.kind = 'refund') as refunds, coalesce(sum(t.amount) filter (where t.kind = 'refund'), 0) as refund_sum
      from points_redemptions r
      left join points_transfers t on t.ref_type = 'redemption' and t.ref_id = r.id::text
      group by r.id, r.state, r.item_kind, r.amount`);
  const malformed = await db.execute(sql`
      select t.id, case
          when t.amount <= 0 then '金额不为正'
          when d.scheme <> t.scheme or c.scheme <> t.scheme then '借贷账户与流水的积分类别不一致'
          when t.reverses_id is not null and (o.debit_account_id <> t.credit_account_id or o.credit_account_id <> t.debit_account_id or o.amount <> t.amount) then '冲正流水与原流水方向或金额不符'
        end as problem
      from points_transfers t
      join points_accounts d on d.id = t.debit_account_id
      join points_accounts c on c.id = t.credit_account_id
      left join points_transfers o on o.id = t.reverses_id
      where t.amount <= 0 or d.scheme <> t.scheme or c.scheme <> t.scheme
        or (t.reverses_id is not null and (o.debit_account_id <> t.credit_account_id or o.credit_account_id <> t.debit_account_id or o.amount <> t.amount))`);
  const transfers = await db.execute(sql`select count(*) as n from points_transfers`);
  type R = Record<string, unknown>;
  return {
    accounts: (accounts.rows as R[]).map((r) => ({ id: String(r.id), scheme: String(r.scheme), kind: String(r.kind), name: String(r.name), balance: num(r.balance), computed: num(r.computed) })),
    items: (items.rows as R[]).map((r) => ({ id: String(r.id), name: String(r.name), stock: num(r.stock), stockIn: num(r.stock_in), committed: num(r.committed) })),
    holds: (holds.rows as R[]).map((r) => ({ accountId: String(r.id), name: String(r.name), balance: num(r.balance), pending: num(r.pending) })),
    awards: (awards.rows as R[]).map((r) => ({
      id: String(r.id),
      state: String(r.state),
      points: num(r.points),
      awardTransfers: num(r.award_n),
      awardAmount: num(r.award_sum),
      reversalTransfers: num(r.reversal_n),
      reversalAmount: num(r.reversal_sum),
    })),
    redemptions: (redemptions.rows as R[]).map((r) => ({
      id: String(r.id),
      state: String(r.state),
      kind: String(r.item_kind),
      amount: num(r.amount),
      holds: num(r.holds),
      confirms: num(r.confirms),
      releases: num(r.releases),
      refunds: num(r.refunds),
      holdAmount: num(r.hold_sum),
      confirmAmount: num(r.confirm_sum),
      releaseAmount: num(r.release_sum),
      refundAmount: num(r.refund_sum),
    })),
    malformedTransfers: (malformed.rows as R[]).map((r) => ({ id: num(r.id), problem: String(r.problem) })),
    transferCount: num((transfers.rows[0] as R | undefined)?.n),
  };
}
