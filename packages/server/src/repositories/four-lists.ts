// SQL of Nanjing's four lists (四张清单: 信息、资源、需求、风险, `001`), read from the tables that hold the data.
// Every query is bounded by the caller's Scope and by the area asked for (both prefix matches on the code);
// an emergency or an offer of an ancestor area (the town's emergency, the district's offers) covers the area too.
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { escapeLike, type Scope } from './scope.ts';

/** At most this many rows a section; `count` is always the full number. */
export const SECTION_ROWS = 50;

const OPEN_CASES = sql`('reported','accepted','dispatched','acknowledged','handled')`;

function inArea(column: SQL, scope: Scope, area: string): SQL {
  return sql`${column} like ${escapeLike(scope.code) + '%'} and ${column} like ${escapeLike(area) + '%'}`;
}

const num = (v: unknown) => Number(v ?? 0);
const str = (v: unknown) => (v == null ? null : String(v));

export interface ListRow {
  id: string;
  title: string;
  sub: string | null;
  tag: string | null;
  area_code: string | null;
}

async function rows(db: DbOrTx, q: SQL): Promise<ListRow[]> {
  const res = await db.execute<Record<string, unknown>>(q);
  return res.rows.map((r) => ({ id: String(r.id), title: String(r.title), sub: str(r.sub), tag: str(r.tag), area_code: str(r.area_code) }));
}

async function one(db: DbOrTx, q: SQL): Promise<Record<string, number>> {
  const res = await db.execute<Record<string, unknown>>(q);
  const r = res.rows[0] ?? {};
  return Object.fromEntries(Object.entries(r).map(([k, v]) => [k, num(v)]));
}

// ---- 信息清单: the area's basic information ---------------------------------------------------------

export async function infoCounts(db: DbOrTx, scope: Scope, area: string) {
  return one(
    db,
    sql`select
      (select count(*) from households h where ${inArea(sql`h.area_code`, scope, area)}) as households,
      (select count(*) from people p where ${inArea(sql`p.area_code`, scope, area)} and p.status = 'active') as people,
      (select count(*) from people p where ${inArea(sql`p.area_code`, scope, area)} and p.status = 'active'
         and (p.party_member or exists (select 1 from party_members m where m.person_id = p.id))) as party_members,
      (select count(*) from areas a where ${inArea(sql`a.code`, scope, area)} and a.level = 'grid' and a.retired_at is null) as grids,
      (select count(*) from places pl where ${inArea(sql`pl.area_code`, scope, area)} and pl.retired_at is null) as places,
      (select count(*) from organisations o where ${inArea(sql`o.area_code`, scope, area)}) as organisations`,
  );
}

/** The area's grids with their households and active residents (grouped once by the grid part of each code). */
export async function gridRows(db: DbOrTx, scope: Scope, area: string, gridLength: number): Promise<(ListRow & { households: number; people: number })[]> {
  const res = await db.execute<Record<string, unknown>>(sql`
    with g as (
      select a.code, a.name, a.sort from areas a where ${inArea(sql`a.code`, scope, area)} and a.level = 'grid' and a.retired_at is null
      order by a.sort, a.code limit ${SECTION_ROWS}
    ),
    h as (select left(h.area_code, ${gridLength}) as code, count(*) as n from households h where ${inArea(sql`h.area_code`, scope, area)} group by 1),
    p as (select left(p.area_code, ${gridLength}) as code, count(*) as n from people p where ${inArea(sql`p.area_code`, scope, area)} and p.status = 'active' group by 1)
    select g.code as id, g.name as title, g.code as area_code, coalesce(h.n, 0) as households, coalesce(p.n, 0) as people
    from g left join h on h.code = g.code left join p on p.code = g.code order by g.sort, g.code`);
  return res.rows.map((r) => ({ id: String(r.id), title: String(r.title), sub: null, tag: null, area_code: str(r.area_code), households: num(r.households), people: num(r.people) }));
}

// ---- 资源清单: offers, service teams, volunteers, places for activities -----------------------------

/** The district's active offers (赋能清单) of `year`, with how many projects already use each. */
export async function offerRows(db: DbOrTx, district: string, year: number) {
  const where = sql`o.active and o.year = ${year} and o.area_code like ${escapeLike(district) + '%'}`;
  const list = await db.execute<Record<string, unknown>>(sql`
    select o.id, o.title, u.name as unit, o.capacity, (select count(*) from projects p where p.offer_id = o.id) as used
    from offers o join units u on u.id = o.unit_id where ${where} order by u.name, o.created_at limit ${SECTION_ROWS}`);
  const total = await one(db, sql`select count(*) as n from offers o where ${where}`);
  return { total: total.n ?? 0, rows: list.rows.map((r) => ({ id: String(r.id), title: String(r.title), unit: String(r.unit), capacity: num(r.capacity), used: num(r.used) })) };
}

export async function teamRows(db: DbOrTx, scope: Scope, area: string) {
  const where = sql`${inArea(sql`t.area_code`, scope, area)} and t.active`;
  const list = await rows(db, sql`select t.id, t.name as title, null as sub, null as tag, t.area_code from service_teams t where ${where} order by t.area_code, t.name limit ${SECTION_ROWS}`);
  const total = await one(db, sql`select count(*) as n from service_teams t where ${where}`);
  return { total: total.n ?? 0, rows: list };
}

/** Volunteer teams with their members, and the volunteers of the area (in a team or not). */
export async function volunteerRows(db: DbOrTx, scope: Scope, area: string) {
  const list = await db.execute<Record<string, unknown>>(sql`
    select t.id, t.name as title, t.area_code, (select count(*) from volunteers v where v.team_id = t.id) as members
    from volunteer_teams t where ${inArea(sql`t.area_code`, scope, area)} order by t.area_code, t.name limit ${SECTION_ROWS}`);
  const total = await one(db, sql`select count(*) as n from volunteers v where ${inArea(sql`v.area_code`, scope, area)}`);
  return { total: total.n ?? 0, rows: list.rows.map((r) => ({ id: String(r.id), title: String(r.title), area_code: str(r.area_code), members: num(r.members) })) };
}

export async function placeRows(db: DbOrTx, scope: Scope, area: string, kinds: readonly string[]) {
  const kindList = sql.join(
    kinds.map((k) => sql`${k}`),
    sql`, `,
  );
  const where = sql`${inArea(sql`pl.area_code`, scope, area)} and pl.retired_at is null and pl.kind in (${kindList})`;
  const list = await rows(db, sql`select pl.id, pl.name as title, pl.address as sub, pl.kind as tag, pl.area_code from places pl where ${where} order by pl.kind, pl.name limit ${SECTION_ROWS}`);
  const total = await one(db, sql`select count(*) as n from places pl where ${where}`);
  return { total: total.n ?? 0, rows: list };
}

// ---- 需求清单 -------------------------------------------------------------------------------------

export async function needRows(db: DbOrTx, scope: Scope, area: string, state: string) {
  const where = sql`${inArea(sql`n.area_code`, scope, area)} and n.state = ${state}`;
  const list = await rows(db, sql`select n.id, n.title, n.month as sub, n.state as tag, n.area_code from needs n where ${where} order by n.month desc, n.created_at desc limit ${SECTION_ROWS}`);
  const total = await one(db, sql`select count(*) as n from needs n where ${where}`);
  return { total: total.n ?? 0, rows: list };
}

// ---- 风险清单 -------------------------------------------------------------------------------------

/** Open cases marked urgent (the overdue ones come from the cockpit's query, one definition). */
export async function urgentCaseRows(db: DbOrTx, scope: Scope, area: string) {
  const where = sql`${inArea(sql`c.area_code`, scope, area)} and c.state in ${OPEN_CASES} and c.urgent`;
  const list = await rows(db, sql`select c.id, c.title, c.code as sub, 'urgent' as tag, c.area_code from cases c where ${where} order by c.created_at desc limit ${SECTION_ROWS}`);
  const total = await one(db, sql`select count(*) as n from cases c where ${where}`);
  return { total: total.n ?? 0, rows: list };
}

/** Emergencies in force in the area, or in an area that holds it (the town's flood covers its villages). */
export async function emergencyRows(db: DbOrTx, scope: Scope, area: string) {
  const covers = sql`(${inArea(sql`e.area_code`, scope, area)} or left(${area}, length(e.area_code)) = e.area_code)`;
  const where = sql`e.state = 'active' and ${covers}`;
  const list = await rows(db, sql`select e.id, e.reason as title, null as sub, e.kind as tag, e.area_code from emergency_events e where ${where} order by e.started_at desc limit ${SECTION_ROWS}`);
  const total = await one(db, sql`select count(*) as n from emergency_events e where ${where}`);
  return { total: total.n ?? 0, rows: list };
}

/** Households rated red or orange (四色分级): counts per colour only, no addresses. */
export async function riskHouseholdCounts(db: DbOrTx, scope: Scope, area: string) {
  return one(
    db,
    sql`select count(*) filter (where h.risk_colour = 'red') as red, count(*) filter (where h.risk_colour = 'orange') as orange
      from households h where ${inArea(sql`h.area_code`, scope, area)}`,
  );
}

/** Projects not closed out whose due day (China time) has passed. */
export async function lateProjectRows(db: DbOrTx, scope: Scope, area: string, today: string) {
  const where = sql`${inArea(sql`p.area_code`, scope, area)} and p.state in ('open', 'claimed') and p.due_date is not null and p.due_date < ${today}::date`;
  const list = await rows(db, sql`select p.id, p.title, p.due_date::text as sub, p.state as tag, p.area_code from projects p where ${where} order by p.due_date, p.title limit ${SECTION_ROWS}`);
  const total = await one(db, sql`select count(*) as n from projects p where ${where}`);
  return { total: total.n ?? 0, rows: list };
}
