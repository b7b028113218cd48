import { and, asc, count, desc, eq, getTableColumns, inArray, isNull, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { PgDialect, PgInsertValue } from 'drizzle-orm/pg-core';
import pg from 'pg';
import type { DbOrTx } from '../db/client.ts';
import { caseDeadlineMarks, caseEvents, cases, caseUnits, catalogueTypes, files, idempotencyKeys, notifications, units, users } from '../db/schema.ts';
import { caseSearchQuery, SEARCH_RANK_WINDOW, type CaseSearchQuery, type CaseUnitRole, type UnitStatus } from '@gongzhi/domain';
import { escapeLike } from './scope.ts';
import { chinaDaySql } from './rollups.ts';

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

// ---- intake (group commit) -----------------------------------------------------------------

/** One new case as the intake writes it: the row, its first timeline entry, audit and notification facts. */
export interface IntakeRow {
  id: string;
  title: string;
  description: string;
  categoryCode: string;
  channel: string;
  areaCode: string;
  ownerLevel: string;
  ownerAreaCode: string;
  lat: number | null;
  lng: number | null;
  address: string | null;
  reporterUserId: string | null;
  reporterName: string | null;
  reporterPhoneCipher: string | null;
  reporterPhoneHash: string | null;
  reporterPhoneLast4: string | null;
  public: boolean;
  urgent: boolean;
  externalRef: string | null;
  /** 领导包案: the leader who took it at a reception day, and that day. */
  leadUserId: string | null;
  leadName: string | null;
  receptionDayId: string | null;
  stepDueAt: Date | null;
  stepWarnAt: Date | null;
  /** Uploaded files to attach (already checked by the service). */
  files: string[];
  event: { actorId: string | null; actorName: string; actorUnit: string | null; note: string; attachments: string[] | null; detail: Record<string, unknown> };
  audit: { actorId: string | null; actorUsername: string | null; ip: string | null; userAgent: string | null };
  /** The role of the centre that must accept it: its active staff in the owner area are notified. */
  notifyRole: string;
  /** Idempotency claim: the case is written only if this (scope, key) was not claimed before; the body's fingerprint is kept with it (anonymous keys). */
  idempotency: { scope: string; key: string; fingerprint: string | null } | null;
}

/**
 * Runs a statement on the hot path as a named prepared statement on PostgreSQL (parsed and
 * planned once per connection, not per call); PGlite runs it as usual.
 */
async function executeNamed(db: DbOrTx, name: string, query: SQL): Promise<Record<string, unknown>[]> {
  const client = (db as { $client?: unknown }).$client;
  if (client instanceof pg.Pool) {
    const { sql: text, params } = (db as unknown as { dialect: PgDialect }).dialect.sqlToQuery(query);
    const res = await client.query<Record<string, unknown>>({ name, text, values: params as unknown[] });
    return res.rows;
  }
  return (await db.execute<Record<string, unknown>>(query)).rows;
}

const caseColumns = Object.entries(getTableColumns(cases));
const eventColumns = Object.entries(getTableColumns(caseEvents));
// Named columns, not `*`: a column added by a later migration must not change the result of a
// statement that running processes have already prepared.
const CASE_RETURNING = sql.raw(caseColumns.map(([, c]) => `"${c.name}"`).join(', '));
const EVENT_RETURNING = sql.raw(eventColumns.map(([, c]) => `"${c.name}"`).join(', '));
const CASE_SELECT = sql.raw(caseColumns.map(([, c]) => `c."${c.name}"`).join(', '));
const EVENT_SELECT = sql.raw(eventColumns.map(([, c]) => `e."${c.name}" as "ev_${c.name}"`).join(', '));

function mapRow<T>(columns: [string, { name: string; mapFromDriverValue(v: unknown): unknown }][], raw: Record<string, unknown>, prefix = ''): T {
  const out: Record<string, unknown> = {};
  for (const [key, col] of columns) {
    const v = raw[prefix + col.name];
    out[key] = v === null || v === undefined ? null : col.mapFromDriverValue(v);
  }
  return out as T;
}

/**
 * Writes a batch of new cases in ONE statement, hence one transaction and one commit: for each
 * case its idempotency claim, the case row (code from the database sequence), the first
 * timeline entry, the audit row, the notifications to the owning centre's staff and the
 * attachment links. A case whose idempotency key is already claimed (before, by a concurrent
 * request — the claim waits for that one to commit — or earlier in the same batch) is not
 * written; it is missing from the result and the caller reads the first result instead.
 */
export async function insertIntakes(db: DbOrTx, rows: IntakeRow[]): Promise<{ row: CaseRow; event: CaseEventRow }[]> {
  if (rows.length === 0) return [];
  const input = rows.map((r, ord) => ({
    ord,
    id: r.id,
    title: r.title,
    description: r.description,
    category_code: r.categoryCode,
    channel: r.channel,
    area_code: r.areaCode,
    owner_level: r.ownerLevel,
    owner_area_code: r.ownerAreaCode,
    lat: r.lat,
    lng: r.lng,
    address: r.address,
    reporter_user_id: r.reporterUserId,
    reporter_name: r.reporterName,
    reporter_phone_cipher: r.reporterPhoneCipher,
    reporter_phone_hash: r.reporterPhoneHash,
    reporter_phone_last4: r.reporterPhoneLast4,
    public: r.public,
    urgent: r.urgent,
    external_ref: r.externalRef,
    lead_user_id: r.leadUserId,
    lead_name: r.leadName,
    reception_day_id: r.receptionDayId,
    step_due_at: r.stepDueAt?.toISOString() ?? null,
    step_warn_at: r.stepWarnAt?.toISOString() ?? null,
    files: r.files,
    ev_actor_id: r.event.actorId,
    ev_actor_name: r.event.actorName,
    ev_actor_unit: r.event.actorUnit,
    ev_note: r.event.note,
    ev_attachments: r.event.attachments,
    ev_detail: r.event.detail,
    au_actor_id: r.audit.actorId,
    au_actor_username: r.audit.actorUsername,
    au_ip: r.audit.ip,
    au_user_agent: r.audit.userAgent,
    notify_role: r.notifyRole,
    idem_scope: r.idempotency?.scope ?? null,
    idem_key: r.idempotency?.key ?? null,
    idem_fp: r.idempotency?.fingerprint ?? null,
  }));
  const res = await executeNamed(db, 'gz_insert_intakes', sql`
    with input as (
      select * from jsonb_to_recordset(${JSON.stringify(input)}::jsonb) as x(
        ord int, id uuid, title text, description text, category_code varchar, channel varchar, area_code varchar,
        owner_level varchar, owner_area_code varchar, lat double precision, lng double precision, address text,
        reporter_user_id uuid, reporter_name text, reporter_phone_cipher text, reporter_phone_hash char(64),
        reporter_phone_last4 char(4), public boolean, urgent boolean, external_ref varchar,
        lead_user_id uuid, lead_name text, reception_day_id uuid,
        step_due_at timestamptz, step_warn_at timestamptz, files jsonb,
        ev_actor_id uuid, ev_actor_name text, ev_actor_unit text, ev_note text, ev_attachments jsonb, ev_detail jsonb,
        au_actor_id uuid, au_actor_username text, au_ip text, au_user_agent text,
        notify_role text, idem_scope varchar, idem_key varchar, idem_fp text)
    ),
    claimed as (
      insert into idempotency_keys (scope, key, status, body)
      select idem_scope, idem_key, 201, jsonb_strip_nulls(jsonb_build_object('id', id, 'fp', idem_fp)) from input
      where idem_key is not null
      order by idem_scope, idem_key, ord
      on conflict do nothing
      returning (body->>'id')::uuid as id
    ),
    accepted as (
      select i.* from input i where i.idem_key is null or i.id in (select id from claimed)
    ),
    c as (
      insert into cases (id, code, state, title, description, category_code, channel, area_code, owner_level,
        owner_area_code, lat, lng, address, reporter_user_id, reporter_name, reporter_phone_cipher,
        reporter_phone_hash, reporter_phone_last4, public, urgent, external_ref, lead_user_id, lead_name, reception_day_id,
        step_due_at, step_warn_at)
      select id, ${caseCodeSql('HM')}, 'reported', title, description, category_code, channel, area_code, owner_level,
        owner_area_code, lat, lng, address, reporter_user_id, reporter_name, reporter_phone_cipher,
        reporter_phone_hash, reporter_phone_last4, public, urgent, external_ref, lead_user_id, lead_name, reception_day_id,
        step_due_at, step_warn_at
      from accepted order by ord
      returning ${CASE_RETURNING}
    ),
    e as (
      insert into case_events (case_id, action, from_state, to_state, actor_id, actor_name, actor_unit, note, attachments, detail)
      select id, 'report', null, 'reported', ev_actor_id, ev_actor_name, ev_actor_unit, ev_note,
        case when jsonb_typeof(ev_attachments) = 'array' then ev_attachments end, ev_detail
      from accepted order by ord
      returning ${EVENT_RETURNING}
    ),
    a as (
      insert into audit_log (actor_id, actor_username, action, entity_type, entity_id, area_code, outcome, ip, user_agent, detail)
      select x.au_actor_id, x.au_actor_username, 'case.create', 'case', c.id::text, c.area_code, 'ok', x.au_ip, x.au_user_agent,
        jsonb_build_object('code', c.code, 'channel', c.channel)
      from c join accepted x on x.id = c.id order by x.ord
    ),
    n as (
      insert into notifications (user_id, case_id, kind, title)
      select u.id, c.id, 'case.new', '新案件待受理：' || c.title || '（' || c.code || '）'
      from c join accepted x on x.id = c.id
        join users u on u.active and u.scope_code = c.owner_area_code and u.roles && array[x.notify_role]::text[]
    ),
    -- The measure roll-ups' delta of a case just reported: it counts as received and nothing
    -- else yet (caseMeasureFacts in packages/domain), in the China day of its receipt.
    md as (
      insert into case_measure_deltas (area_code, day, category_code, channel, unit, received)
      select c.area_code, ${sql.raw(chinaDaySql('c.created_at'))}, c.category_code, c.channel, '', 1 from c
    ),
    f as (
      update files set case_id = x.id
      from accepted x cross join lateral jsonb_array_elements_text(x.files) as fid(v)
      where files.id = fid.v::uuid and files.case_id is null
    )
    select ${CASE_SELECT}, ${EVENT_SELECT}
    from c join e on e.case_id = c.id`);
  return res.map((raw) => ({ row: mapRow<CaseRow>(caseColumns, raw), event: mapRow<CaseEventRow>(eventColumns, raw, 'ev_') }));
}

/**
 * Open cases of one type (or, without `categoryCode`, of any type) in one village from the last 7 days, newest first:
 * duplicate-hint candidates for a batch.
 */
export async function duplicateCandidatesOf(db: DbOrTx, g: { categoryCode?: string; village: string; since: Date; limit: number; exceptId?: string }) {
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
      groupId: cases.groupId,
    })
    .from(cases)
    .where(
      and(
        g.categoryCode ? eq(cases.categoryCode, g.categoryCode) : undefined,
        sql`${cases.areaCode} like ${escapeLike(g.village) + '%'}`,
        sql`${cases.state} in ('reported','accepted','dispatched','acknowledged','handled','suspended')`,
        sql`${cases.createdAt} > ${g.since.toISOString()}`,
        g.exceptId ? sql`${cases.id} <> ${g.exceptId}` : undefined,
      ),
    )
    .orderBy(desc(cases.createdAt))
    .limit(g.limit);
}

// ---- duplicate groups -------------------------------------------------------------------------

/** The members of a duplicate group the scope may see (the primary included), oldest first. */
export async function groupMembers(db: DbOrTx, scope: CaseScope, groupId: string): Promise<CaseRow[]> {
  return db
    .select()
    .from(cases)
    .where(and(eq(cases.groupId, groupId), caseScopeSql(scope)))
    .orderBy(asc(cases.createdAt), asc(cases.id));
}

/** Locks the members of a duplicate group (all of them, the caller filters by scope). */
export async function lockGroupMembers(db: DbOrTx, groupId: string): Promise<CaseRow[]> {
  return db.select().from(cases).where(eq(cases.groupId, groupId)).orderBy(asc(cases.createdAt), asc(cases.id)).for('update');
}

/**
 * Attaches a new case to the group of `primaryId` as a candidate: the primary becomes its group's
 * primary if it had no group yet. Returns whether the case was attached (not already in a group).
 */
/** Sets the duplicate group of cases that have none yet (case id → group id). */
export async function setGroups(db: DbOrTx, groups: Map<string, string>): Promise<void> {
  if (groups.size === 0) return;
  const rows = sql.join([...groups].map(([id, g]) => sql`(${id}::uuid, ${g}::uuid)`), sql`, `);
  await db.execute(sql`update cases set group_id = v.g from (values ${rows}) as v(id, g) where cases.id = v.id and cases.group_id is null`);
}

/** Moves a group into another while nothing was merged into it (candidates only). True if it moved. */
export async function moveGroup(db: DbOrTx, from: string, to: string): Promise<boolean> {
  const moved = await db.execute<{ id: string }>(sql`
    update cases set group_id = ${to}
    where group_id = ${from} and not exists (select 1 from cases x where x.group_id = ${from} and x.state = 'merged')
    returning id`);
  return moved.rows.length > 0;
}

/** This transaction's commit answers before its record reaches the disk (a crash may lose its last moments). */
export async function commitWithoutFlush(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`set local synchronous_commit = off`);
}

/**
 * Locks cases for a change, always in one order (by id), so two transactions locking several never deadlock.
 * Answers each case's duplicate group as it is now.
 */
export async function lockCases(db: DbOrTx, ids: string[]): Promise<Map<string, string | null>> {
  if (ids.length === 0) return new Map();
  const res = await db.execute<{ id: string; group_id: string | null }>(
    sql`select id, group_id from cases where id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)}) order by id for update`,
  );
  return new Map(res.rows.map((r) => [r.id, r.group_id]));
}

/** Makes `primaryId` the primary of its own group when it has none yet (a manual merge into it). */
export async function ensureGroup(db: DbOrTx, primaryId: string): Promise<void> {
  await db.update(cases).set({ groupId: primaryId }).where(and(eq(cases.id, primaryId), isNull(cases.groupId)));
}

/** How many members (the primary included) each group has within the scope, for the case list's badge. */
export async function groupSizes(db: DbOrTx, scope: CaseScope, groupIds: string[]): Promise<Map<string, number>> {
  if (groupIds.length === 0) return new Map();
  const rows = await db
    .select({ groupId: cases.groupId, n: count() })
    .from(cases)
    .where(and(inArray(cases.groupId, groupIds), caseScopeSql(scope)))
    .groupBy(cases.groupId);
  return new Map(rows.map((r) => [r.groupId!, Number(r.n)]));
}

export async function findCase(db: DbOrTx, scope: CaseScope, id: string): Promise<CaseRow | null> {
  const rows = await db
    .select()
    .from(cases)
    .where(and(eq(cases.id, id), caseScopeSql(scope)))
    .limit(1);
  return rows[0] ?? null;
}

/** Unscoped look-up by id, for the intake reading back a case it wrote (repeated Idempotency-Key). */
export async function findCaseById(db: DbOrTx, id: string): Promise<CaseRow | null> {
  const rows = await db.select().from(cases).where(eq(cases.id, id)).limit(1);
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
  /** The yellow light: warned but not yet overdue (即将超期). */
  dueSoon?: boolean;
  /** Marked 急难险重 (or, `false`, not). */
  urgent?: boolean;
  from?: Date;
  to?: Date;
  q?: string;
  /** Extra condition for "my inbox" views, built by the service from policies. */
  inbox?: SQL;
  publicOnly?: boolean;
  page: number;
  pageSize: number;
  /** newest first; due: open work first, the most overdue first; closed: the longest closed first;
   * relevance (with `q`): the best match first (title before description before address), then the newest. */
  order?: 'newest' | 'due' | 'closed' | 'relevance';
}

/** The case's search document (migration 0041; not a Drizzle column, so ordinary reads never carry it). */
const searchDoc = sql`"cases"."search"`;
const tsQuery = (s: CaseSearchQuery) => sql`to_tsquery('simple', ${s.tsquery})`;

/** Full-text match (docs/SEARCH.md): every word in the text, or the query as the start of a case code. */
function searchCondition(s: CaseSearchQuery): SQL {
  const text: SQL[] = [];
  if (s.tsquery) text.push(sql`${searchDoc} @@ ${tsQuery(s)}`);
  for (const ch of s.singles) {
    const like = '%' + escapeLike(ch) + '%';
    text.push(sql`(${cases.title} like ${like} or ${cases.description} like ${like} or coalesce(${cases.address}, '') like ${like} or coalesce(${cases.answer}, '') like ${like})`);
  }
  const alternatives: SQL[] = [];
  if (text.length) alternatives.push(and(...text)!);
  if (s.code) alternatives.push(sql`${cases.code} like ${escapeLike(s.code) + '%'}`);
  return alternatives.length ? or(...alternatives)! : sql`false`;
}

function caseWhere(scope: CaseScope, f: Omit<CaseFilter, 'page' | 'pageSize'>): SQL | undefined {
  const conds: (SQL | undefined)[] = [caseScopeSql(scope)];
  if (f.states?.length) conds.push(inArray(cases.state, f.states));
  if (f.area) conds.push(sql`${cases.areaCode} like ${escapeLike(f.area) + '%'}`);
  if (f.categoryCode) conds.push(sql`${cases.categoryCode} like ${escapeLike(f.categoryCode) + '%'}`);
  if (f.channel) conds.push(eq(cases.channel, f.channel));
  if (f.overdue) conds.push(sql`${cases.stepDueAt} < now() and ${cases.state} in ('reported','accepted','dispatched','acknowledged','handled')`);
  if (f.dueSoon) conds.push(sql`${cases.stepWarnAt} <= now() and ${cases.stepDueAt} >= now() and ${cases.state} in ('reported','accepted','dispatched','acknowledged','handled')`);
  if (f.urgent !== undefined) conds.push(eq(cases.urgent, f.urgent));
  if (f.from) conds.push(sql`${cases.createdAt} >= ${f.from.toISOString()}`);
  if (f.to) conds.push(sql`${cases.createdAt} < ${f.to.toISOString()}`);
  if (f.q) conds.push(searchCondition(caseSearchQuery(f.q)));
  if (f.publicOnly) conds.push(and(eq(cases.public, true), eq(cases.state, 'closed')));
  if (f.inbox) conds.push(f.inbox);
  return and(...conds);
}

type OrderColumn = SQL | AnyColumn;

/**
 * The case list's orders (CaseFilter.order), over the case table's columns or a search's matches (`m.*`). Relevance
 * is the search's own (searchCases); without words to weigh it is the newest first.
 */
function caseOrder(
  order: CaseFilter['order'],
  c: { state: OrderColumn; stepDueAt: OrderColumn; createdAt: OrderColumn; id: OrderColumn; closedAt: OrderColumn; updatedAt: OrderColumn },
): SQL {
  const newest = sql`${c.createdAt} desc, ${c.id} desc`;
  // Work with a running clock first (overdue, then due soonest); paused and closed matters after it.
  if (order === 'due') return sql`case when ${c.state} in ('suspended','closed') then 1 else 0 end, coalesce(${c.stepDueAt}, 'infinity'), ${newest}`;
  if (order === 'closed') return sql`coalesce(${c.closedAt}, ${c.updatedAt}), ${c.id}`;
  return newest;
}

export async function listCases(db: DbOrTx, scope: CaseScope, f: CaseFilter) {
  const where = caseWhere(scope, f);
  const order = caseOrder(f.order, { state: cases.state, stepDueAt: cases.stepDueAt, createdAt: cases.createdAt, id: cases.id, closedAt: cases.closedAt, updatedAt: cases.updatedAt });
  const [items, totals] = await Promise.all([
    db
      .select()
      .from(cases)
      .where(where)
      .orderBy(order)
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(cases).where(where),
  ]);
  return { items, total: totals[0]?.n ?? 0 };
}

const OPEN_STATES_SQL = sql.raw(`('reported','accepted','dispatched','acknowledged','handled')`);

/**
 * The case list with a search (`q`, docs/SEARCH.md): the page, the total and the counts per state from ONE pass
 * over the matches — each match's row is read once (its state and times), not once for the page, once for the
 * total and once for the counts, which at 10 million cases is what the time goes on. "Best match first" ranks the
 * newest `rankWindow` matches (SEARCH_RANK_WINDOW) and lists the older ones after them, newest first: weighing a
 * document is the dearest part of a search, and a common pair of words matches a large share of a district's cases.
 * The bitmap of a common word's matches gets room to stay exact (no page-wide rechecks).
 */
export async function searchCases(db: DbOrTx, scope: CaseScope, f: CaseFilter & { q: string }, rankWindow = SEARCH_RANK_WINDOW) {
  const where = caseWhere(scope, f);
  const s = caseSearchQuery(f.q);
  const ranked = f.order === 'relevance' && !!s.tsquery;
  const order = caseOrder(f.order, {
    state: sql`m.state`,
    stepDueAt: sql`m.step_due_at`,
    createdAt: sql`m.created_at`,
    id: sql`m.id`,
    closedAt: sql`m.closed_at`,
    updatedAt: sql`m.updated_at`,
  });
  const offset = (f.page - 1) * f.pageSize;
  // Best match first: the newest matches weighed (their documents read again by key, a thousand lookups, not every
  // match's), then the older ones newest first. Two parts one after the other, not a join of the matches with their
  // ranks: the planner cannot know how many matches a word has, and a join it plans for a few hundred re-sorts the
  // matches once per match when there are tens of thousands.
  const pageCte = ranked
    ? sql`recent as materialized (select id, created_at from m order by created_at desc, id desc limit ${rankWindow}),
      r as materialized (
        select recent.id, recent.created_at, ts_rank(c.search, ${tsQuery(s)}) as rank from recent join ${cases} c on c.id = recent.id
      ),
      ordered as (
        select id, 0 as part, rank, created_at from r
        union all
        select id, 1, null::real, created_at from (
          -- no more than the page can reach: the newest few kept while reading, not every match sorted
          select id, created_at from m order by created_at desc, id desc limit ${offset + f.pageSize} offset ${rankWindow}
        ) older
      ),
      page as (
        select id, row_number() over (order by part, rank desc, created_at desc, id desc) as rn from ordered
        order by part, rank desc, created_at desc, id desc limit ${f.pageSize} offset ${offset}
      )`
    : sql`page as (select m.id, row_number() over (order by ${order}) as rn from m order by ${order} limit ${f.pageSize} offset ${offset})`;
  const { rows } = await db.transaction(async (tx) => {
    await tx.execute(sql`set local work_mem = '32MB'`);
    // No JIT: a common word's estimate passes jit_above_cost, and compiling the plan then costs more (0.5–1 s at 10
    // million cases) than running it.
    await tx.execute(sql`set local jit = off`);
    return tx.execute<{ kind: 'c' | 'p'; state: string | null; n: number | null; overdue: number | null; due_soon: number | null; id: string | null }>(sql`
      with m as materialized (
        select ${cases.id} as id, ${cases.state} as state, ${cases.createdAt} as created_at, ${cases.stepDueAt} as step_due_at,
          ${cases.stepWarnAt} as step_warn_at, ${cases.closedAt} as closed_at, ${cases.updatedAt} as updated_at
        from ${cases} where ${where}
      ),
      counts as (
        select state, count(*)::int as n,
          (count(*) filter (where step_due_at < now() and state in ${OPEN_STATES_SQL}))::int as overdue,
          (count(*) filter (where step_warn_at <= now() and step_due_at >= now() and state in ${OPEN_STATES_SQL}))::int as due_soon
        from m group by state
      ),
      ${pageCte}
      select 'c' as kind, state, n, overdue, due_soon, null::uuid as id, null::bigint as rn from counts
      union all
      select 'p', null, null, null, null, id, rn from page
      order by kind, rn`);
  });
  const ids = rows.filter((r) => r.kind === 'p').map((r) => r.id!);
  const found = ids.length ? await db.select().from(cases).where(inArray(cases.id, ids)) : [];
  const byId = new Map(found.map((c) => [c.id, c]));
  const counts = rows.filter((r) => r.kind === 'c').map((r) => ({ state: r.state!, n: Number(r.n), overdue: Number(r.overdue), dueSoon: Number(r.due_soon) }));
  return {
    items: ids.map((id) => byId.get(id)).filter((c): c is CaseRow => !!c),
    total: counts.reduce((t, c) => t + c.n, 0),
    counts,
  };
}

export async function countByState(db: DbOrTx, scope: CaseScope, f: Omit<CaseFilter, 'page' | 'pageSize' | 'states'>) {
  const where = caseWhere(scope, f);
  const rows = await db
    .select({
      state: cases.state,
      n: count(),
      overdue: sql<number>`count(*) filter (where ${cases.stepDueAt} < now() and ${cases.state} in ('reported','accepted','dispatched','acknowledged','handled'))::int`,
      dueSoon: sql<number>`count(*) filter (where ${cases.stepWarnAt} <= now() and ${cases.stepDueAt} >= now() and ${cases.state} in ('reported','accepted','dispatched','acknowledged','handled'))::int`,
    })
    .from(cases)
    .where(where)
    .groupBy(cases.state);
  return rows;
}

/** Open cases of a type near in place and time: candidates for the duplicate hint. */
export async function duplicateCandidates(db: DbOrTx, c: { id?: string; categoryCode: string; areaCode: string; createdAt: Date }) {
  const village = c.areaCode.slice(0, Math.min(12, c.areaCode.length));
  return duplicateCandidatesOf(db, { categoryCode: c.categoryCode, village, since: new Date(c.createdAt.getTime() - 7 * 86400_000), limit: 60, exceptId: c.id });
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

export async function upsertCaseUnit(db: DbOrTx, row: { caseId: string; unitId: string; role: CaseUnitRole; status: UnitStatus; note?: string | null }) {
  await db
    .insert(caseUnits)
    .values({ ...row, note: row.note ?? null })
    .onConflictDoUpdate({ target: [caseUnits.caseId, caseUnits.unitId], set: { role: row.role, status: row.status, note: row.note ?? null, updatedAt: new Date() } });
}

export async function setCaseUnitStatus(db: DbOrTx, caseId: string, unitId: string, status: UnitStatus, note?: string | null) {
  await db
    .update(caseUnits)
    .set({ status, ...(note !== undefined ? { note } : {}), updatedAt: new Date() })
    .where(and(eq(caseUnits.caseId, caseId), eq(caseUnits.unitId, unitId)));
}

export async function setCaseUnitsStatus(db: DbOrTx, caseId: string, fromStatuses: UnitStatus[], status: UnitStatus) {
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

export async function insertEvents(db: DbOrTx, rows: (typeof caseEvents.$inferInsert)[]): Promise<void> {
  if (rows.length) await db.insert(caseEvents).values(rows);
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
