// SQL of burden reduction (准入 and 一表通). Community-bound rows (tasks, form returns) are read
// through the caller's Scope; requests and forms belong to a department and are filtered by unit.
import { and, asc, count, desc, eq, sql, type AnyColumn } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { burdenFormReturns, burdenForms, burdenListEntries, burdenRequests, burdenTasks, cases, households, people, units } from '../db/schema.ts';
import { inScope, type Scope } from './scope.ts';

export type ListEntryRow = typeof burdenListEntries.$inferSelect;
export type RequestRow = typeof burdenRequests.$inferSelect;
export type TaskRow = typeof burdenTasks.$inferSelect;
export type FormRow = typeof burdenForms.$inferSelect;
export type ReturnRow = typeof burdenFormReturns.$inferSelect;

// ---- lists

export async function listEntries(db: DbOrTx, activeOnly: boolean): Promise<ListEntryRow[]> {
  return db
    .select()
    .from(burdenListEntries)
    .where(activeOnly ? eq(burdenListEntries.active, true) : undefined)
    .orderBy(asc(burdenListEntries.kind), asc(burdenListEntries.createdAt));
}
export async function findEntry(db: DbOrTx, id: string): Promise<ListEntryRow | null> {
  return (await db.select().from(burdenListEntries).where(eq(burdenListEntries.id, id)))[0] ?? null;
}
export async function insertEntry(db: DbOrTx, row: typeof burdenListEntries.$inferInsert): Promise<ListEntryRow> {
  return (await db.insert(burdenListEntries).values(row).returning())[0]!;
}
export async function updateEntry(db: DbOrTx, id: string, set: Partial<typeof burdenListEntries.$inferInsert>): Promise<ListEntryRow | null> {
  return (await db.update(burdenListEntries).set({ ...set, updatedAt: new Date() }).where(eq(burdenListEntries.id, id)).returning())[0] ?? null;
}

// ---- requests

export const requestSelect = { r: burdenRequests, unitName: units.name };
export type RequestWithUnit = { r: RequestRow; unitName: string };

export async function listRequests(db: DbOrTx, f: { unitId?: string; state?: string; page: number; pageSize: number }) {
  const where = and(f.unitId ? eq(burdenRequests.unitId, f.unitId) : undefined, f.state ? eq(burdenRequests.state, f.state) : undefined);
  const [rows, [total]] = await Promise.all([
    db
      .select(requestSelect)
      .from(burdenRequests)
      .innerJoin(units, eq(units.id, burdenRequests.unitId))
      .where(where)
      .orderBy(desc(burdenRequests.createdAt), desc(burdenRequests.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(burdenRequests).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
export async function findRequest(db: DbOrTx, id: string): Promise<RequestWithUnit | null> {
  return (await db.select(requestSelect).from(burdenRequests).innerJoin(units, eq(units.id, burdenRequests.unitId)).where(eq(burdenRequests.id, id)))[0] ?? null;
}
export async function insertRequest(db: DbOrTx, row: typeof burdenRequests.$inferInsert): Promise<RequestRow> {
  return (await db.insert(burdenRequests).values(row).returning())[0]!;
}
/** Moves a request on only from the state it was read in (two reviewers cannot both decide). */
export async function updateRequest(db: DbOrTx, id: string, fromState: string, set: Partial<typeof burdenRequests.$inferInsert>): Promise<RequestRow | null> {
  return (await db.update(burdenRequests).set(set).where(and(eq(burdenRequests.id, id), eq(burdenRequests.state, fromState))).returning())[0] ?? null;
}

// ---- tasks

export async function insertTasks(db: DbOrTx, rows: (typeof burdenTasks.$inferInsert)[]): Promise<void> {
  if (rows.length) await db.insert(burdenTasks).values(rows);
}
export const taskSelect = { t: burdenTasks, unitName: units.name };
export type TaskWithUnit = { t: TaskRow; unitName: string | null };

export async function listTasks(db: DbOrTx, scope: Scope, f: { state?: string; admitted?: boolean; requestId?: string; page: number; pageSize: number }) {
  const where = and(
    inScope(burdenTasks.areaCode, scope),
    f.state ? eq(burdenTasks.state, f.state) : undefined,
    f.admitted === undefined ? undefined : eq(burdenTasks.admitted, f.admitted),
    f.requestId ? eq(burdenTasks.requestId, f.requestId) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select(taskSelect)
      .from(burdenTasks)
      .leftJoin(units, eq(units.id, burdenTasks.unitId))
      .where(where)
      .orderBy(asc(burdenTasks.state), desc(burdenTasks.createdAt), desc(burdenTasks.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(burdenTasks).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
export async function findTask(db: DbOrTx, scope: Scope, id: string): Promise<TaskWithUnit | null> {
  return (await db.select(taskSelect).from(burdenTasks).leftJoin(units, eq(units.id, burdenTasks.unitId)).where(and(eq(burdenTasks.id, id), inScope(burdenTasks.areaCode, scope))))[0] ?? null;
}
export async function insertTask(db: DbOrTx, row: typeof burdenTasks.$inferInsert): Promise<TaskRow> {
  return (await db.insert(burdenTasks).values(row).returning())[0]!;
}
export async function completeTask(db: DbOrTx, id: string): Promise<TaskRow | null> {
  return (await db.update(burdenTasks).set({ state: 'done', doneAt: new Date() }).where(and(eq(burdenTasks.id, id), eq(burdenTasks.state, 'open'))).returning())[0] ?? null;
}
/** The communities an admitted request reached. */
export async function taskAreasOf(db: DbOrTx, requestId: string): Promise<string[]> {
  const rows = await db.select({ a: burdenTasks.areaCode }).from(burdenTasks).where(eq(burdenTasks.requestId, requestId)).orderBy(asc(burdenTasks.areaCode));
  return rows.map((r) => r.a);
}

// ---- forms

export const formSelect = {
  f: burdenForms,
  unitName: units.name,
  /** The title of the admitted request the form was sent under. */
  requestTitle: sql<string | null>`(select ${burdenRequests.title} from ${burdenRequests} where ${burdenRequests.id} = ${burdenForms.requestId})`,
};
export type FormWithUnit = { f: FormRow; unitName: string; requestTitle: string | null };

export async function listForms(db: DbOrTx, f: { unitId?: string; page: number; pageSize: number }) {
  const where = f.unitId ? eq(burdenForms.unitId, f.unitId) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select({
        ...formSelect,
        returns: sql<number>`(select count(*) from ${burdenFormReturns} where ${burdenFormReturns.formId} = ${burdenForms.id})`.mapWith(Number),
        submitted: sql<number>`(select count(*) from ${burdenFormReturns} where ${burdenFormReturns.formId} = ${burdenForms.id} and ${burdenFormReturns.state} = 'submitted')`.mapWith(Number),
      })
      .from(burdenForms)
      .innerJoin(units, eq(units.id, burdenForms.unitId))
      .where(where)
      .orderBy(desc(burdenForms.createdAt), desc(burdenForms.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(burdenForms).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
export async function findForm(db: DbOrTx, id: string): Promise<FormWithUnit | null> {
  return (await db.select(formSelect).from(burdenForms).innerJoin(units, eq(units.id, burdenForms.unitId)).where(eq(burdenForms.id, id)))[0] ?? null;
}
export async function insertForm(db: DbOrTx, row: typeof burdenForms.$inferInsert): Promise<FormRow> {
  return (await db.insert(burdenForms).values(row).returning())[0]!;
}
export async function insertReturns(db: DbOrTx, rows: (typeof burdenFormReturns.$inferInsert)[]): Promise<void> {
  if (rows.length) await db.insert(burdenFormReturns).values(rows);
}
export async function returnsOfForm(db: DbOrTx, formId: string): Promise<ReturnRow[]> {
  return db.select().from(burdenFormReturns).where(eq(burdenFormReturns.formId, formId)).orderBy(asc(burdenFormReturns.areaCode));
}
export const returnSelect = { x: burdenFormReturns, f: burdenForms, unitName: units.name };
export type ReturnWithForm = { x: ReturnRow; f: FormRow; unitName: string };

export async function listReturns(db: DbOrTx, scope: Scope, f: { state?: string; page: number; pageSize: number }) {
  const where = and(inScope(burdenFormReturns.areaCode, scope), f.state ? eq(burdenFormReturns.state, f.state) : undefined);
  const [rows, [total]] = await Promise.all([
    db
      .select(returnSelect)
      .from(burdenFormReturns)
      .innerJoin(burdenForms, eq(burdenForms.id, burdenFormReturns.formId))
      .innerJoin(units, eq(units.id, burdenForms.unitId))
      .where(where)
      .orderBy(desc(burdenFormReturns.state), desc(burdenFormReturns.createdAt), desc(burdenFormReturns.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(burdenFormReturns).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
export async function findReturn(db: DbOrTx, scope: Scope, id: string): Promise<ReturnWithForm | null> {
  return (
    (
      await db
        .select(returnSelect)
        .from(burdenFormReturns)
        .innerJoin(burdenForms, eq(burdenForms.id, burdenFormReturns.formId))
        .innerJoin(units, eq(units.id, burdenForms.unitId))
        .where(and(eq(burdenFormReturns.id, id), inScope(burdenFormReturns.areaCode, scope)))
    )[0] ?? null
  );
}
export async function submitReturn(db: DbOrTx, id: string, set: { values: unknown; prefilled: number; reused: number; typed: number; submittedBy: string }): Promise<ReturnRow | null> {
  return (
    (
      await db
        .update(burdenFormReturns)
        .set({ ...set, state: 'submitted', submittedAt: new Date() })
        .where(and(eq(burdenFormReturns.id, id), eq(burdenFormReturns.state, 'pending')))
        .returning()
    )[0] ?? null
  );
}

/**
 * Answers a community already gave in the period, by field key (newest first wins): what it is not
 * asked again (`004` 材料报送"一次提交"). Only typed or reused answers: bound figures are read afresh.
 */
export async function earlierAnswers(db: DbOrTx, areaCode: string, period: string, exceptFormId?: string): Promise<Map<string, string>> {
  const rows = await db
    .select({ values: burdenFormReturns.values })
    .from(burdenFormReturns)
    .where(and(eq(burdenFormReturns.areaCode, areaCode), eq(burdenFormReturns.period, period), eq(burdenFormReturns.state, 'submitted'), exceptFormId ? sql`${burdenFormReturns.formId} <> ${exceptFormId}` : undefined))
    .orderBy(desc(burdenFormReturns.submittedAt));
  const out = new Map<string, string>();
  for (const r of rows) {
    for (const v of r.values as { key: string; value: string | null; source: string }[]) {
      if (v.source !== 'registry' && v.value !== null && !out.has(v.key)) out.set(v.key, v.value);
    }
  }
  return out;
}

// ---- figures a form's bound fields read (the registry and the case measures)

/**
 * The product's figures for one community: people and households of the registry (active), party
 * members flagged in it, and the cases of the month (received = not rejected, withdrawn or merged;
 * closed = of those, closed). `from`/`to` are China-time day bounds of the form's month.
 */
export async function communityFigures(db: DbOrTx, areaCode: string, from: string, to: string) {
  const like = `${areaCode}%`;
  const pop = await db.execute<{ total: string; registered: string; floating: string; elderly: string; minors: string; party: string }>(sql`
    select count(*) as total,
      count(*) filter (where ${people.residenceType} = 'registered') as registered,
      count(*) filter (where ${people.residenceType} = 'floating') as floating,
      count(*) filter (where ${people.birthDate} <= (current_date - interval '60 years')::date) as elderly,
      count(*) filter (where ${people.birthDate} > (current_date - interval '18 years')::date) as minors,
      count(*) filter (where ${people.partyMember}) as party
    from ${people} where ${people.areaCode} like ${like} and ${people.status} = 'active'`);
  // A household counts while someone of it is still registered as living there.
  const hh = await db.execute<{ n: string }>(sql`
    select count(*) as n from ${households} h where h.area_code like ${like}
      and exists (select 1 from ${people} p where p.household_id = h.id and p.status = 'active')`);
  const cs = await db.execute<{ received: string; closed: string }>(sql`
    select count(*) filter (where ${cases.state} not in ('rejected','withdrawn','merged')) as received,
      count(*) filter (where ${cases.state} = 'closed') as closed
    from ${cases} where ${cases.areaCode} like ${like}
      and ${cases.createdAt} >= (${from}::date)::timestamp at time zone 'Asia/Shanghai'
      and ${cases.createdAt} < (${to}::date)::timestamp at time zone 'Asia/Shanghai'`);
  const p = pop.rows[0]!;
  return {
    'population.total': Number(p.total),
    'population.registered': Number(p.registered),
    'population.floating': Number(p.floating),
    'population.elderly': Number(p.elderly),
    'population.minors': Number(p.minors),
    'households.total': Number(hh.rows[0]!.n),
    'party.members': Number(p.party),
    'cases.received': Number(cs.rows[0]!.received),
    'cases.closed': Number(cs.rows[0]!.closed),
  };
}

// ---- burden figures

const monthOf = (col: AnyColumn) => sql`to_char(${col} at time zone 'Asia/Shanghai', 'YYYY-MM')`;

/** Per community (12-digit area) and month: tasks received admitted / not admitted, forms, fields pre-filled and typed. */
export async function burdenByCommunity(db: DbOrTx, scope: Scope, from: string, to: string) {
  const range = (col: AnyColumn) =>
    sql`${col} >= (${from}::date)::timestamp at time zone 'Asia/Shanghai' and ${col} < (${to}::date)::timestamp at time zone 'Asia/Shanghai'`;
  const tasks = await db.execute<{ area: string; month: string; admitted: string; outside: string }>(sql`
    select substr(${burdenTasks.areaCode}, 1, 12) as area, ${monthOf(burdenTasks.createdAt)} as month,
      count(*) filter (where ${burdenTasks.admitted}) as admitted, count(*) filter (where not ${burdenTasks.admitted}) as outside
    from ${burdenTasks} where ${inScope(burdenTasks.areaCode, scope)} and ${range(burdenTasks.createdAt)} group by 1, 2`);
  const forms = await db.execute<{ area: string; month: string; forms: string; submitted: string; prefilled: string; reused: string; typed: string }>(sql`
    select substr(${burdenFormReturns.areaCode}, 1, 12) as area, ${monthOf(burdenFormReturns.createdAt)} as month, count(*) as forms,
      count(*) filter (where ${burdenFormReturns.state} = 'submitted') as submitted,
      coalesce(sum(${burdenFormReturns.prefilled}), 0) as prefilled, coalesce(sum(${burdenFormReturns.reused}), 0) as reused,
      coalesce(sum(${burdenFormReturns.typed}) filter (where ${burdenFormReturns.state} = 'submitted'), 0) as typed
    from ${burdenFormReturns} where ${inScope(burdenFormReturns.areaCode, scope)} and ${range(burdenFormReturns.createdAt)} group by 1, 2`);
  // Hours departments declared for requests refused that named the community: work kept off it.
  const refused = await db.execute<{ area: string; month: string; hours: string; n: string }>(sql`
    select a.code as area, ${monthOf(burdenRequests.decidedAt)} as month, sum(${burdenRequests.workloadHours}) as hours, count(*) as n
    from ${burdenRequests}, unnest(${burdenRequests.areaCodes}) as a(code)
    where ${burdenRequests.state} = 'refused' and a.code like ${scope.code + '%'} and ${range(burdenRequests.decidedAt)} group by 1, 2`);
  return { tasks: tasks.rows, forms: forms.rows, refused: refused.rows };
}

/** Per department in a period: requests filed, admitted, refused; tasks flagged by communities as received outside the process. */
export async function burdenByDepartment(db: DbOrTx, from: string, to: string) {
  const range = (col: AnyColumn) =>
    sql`${col} >= (${from}::date)::timestamp at time zone 'Asia/Shanghai' and ${col} < (${to}::date)::timestamp at time zone 'Asia/Shanghai'`;
  const req = await db.execute<{ unit: string; name: string; requested: string; admitted: string; refused: string; pending: string }>(sql`
    select ${units.id} as unit, ${units.name} as name, count(*) as requested,
      count(*) filter (where ${burdenRequests.state} = 'admitted') as admitted,
      count(*) filter (where ${burdenRequests.state} = 'refused') as refused,
      count(*) filter (where ${burdenRequests.state} in ('submitted','returned')) as pending
    from ${burdenRequests} join ${units} on ${units.id} = ${burdenRequests.unitId}
    where ${range(burdenRequests.createdAt)} group by 1, 2`);
  const flags = await db.execute<{ unit: string; name: string; n: string }>(sql`
    select ${units.id} as unit, ${units.name} as name, count(*) as n
    from ${burdenTasks} join ${units} on ${units.id} = ${burdenTasks.unitId}
    where not ${burdenTasks.admitted} and ${range(burdenTasks.createdAt)} group by 1, 2`);
  return { requests: req.rows, flags: flags.rows };
}

export async function countOpen(db: DbOrTx, scope: Scope) {
  const [t] = await db.select({ n: count() }).from(burdenTasks).where(and(inScope(burdenTasks.areaCode, scope), eq(burdenTasks.state, 'open')));
  const [f] = await db.select({ n: count() }).from(burdenFormReturns).where(and(inScope(burdenFormReturns.areaCode, scope), eq(burdenFormReturns.state, 'pending')));
  return { tasks: t?.n ?? 0, forms: f?.n ?? 0 };
}
export async function countSubmittedRequests(db: DbOrTx) {
  const [r] = await db.select({ n: count() }).from(burdenRequests).where(eq(burdenRequests.state, 'submitted'));
  return r?.n ?? 0;
}
