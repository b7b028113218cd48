// SQL of the cockpit (驾驶舱): per-area counts for the map, the overdue list, repeat-report hot spots,
// staffing and the participation terms of the vitality index. Every query is bounded by the caller's
// Scope (area prefix) and, for a department, by its unit.
import { sql, type SQL } from 'drizzle-orm';
import { ACTIVITY_KIND_INFO, ACTIVITY_KINDS, UNCOUNTED_STAFF_POSTS } from '@gongzhi/domain';

const PARTY_ACTIVITY_KINDS = ACTIVITY_KINDS.filter((k) => ACTIVITY_KIND_INFO[k].group === 'party');
import type { DbOrTx } from '../db/client.ts';
import { escapeLike, type Scope } from './scope.ts';

/** Who the figures are for: an area scope, optionally narrowed to the cases led by one unit (a department). */
export interface CockpitFilter {
  scope: Scope;
  area: string;
  unitId: string | null;
}

const OPEN = sql`('reported','accepted','dispatched','acknowledged','handled')`;

function caseWhere(f: CockpitFilter): SQL {
  const unit = f.unitId ? sql` and c.handler_unit_id = ${f.unitId}` : sql``;
  return sql`c.area_code like ${escapeLike(f.scope.code) + '%'} and c.area_code like ${escapeLike(f.area) + '%'}${unit}`;
}

export interface AreaCaseCounts {
  key: string;
  received: number;
  closed: number;
  open: number;
  overdue: number;
}

/**
 * Per child area (the first `childLength` digits of the case's place): cases received in [from, to),
 * of those closed, and the cases open now and overdue now (step deadline passed), whenever received.
 */
export async function caseCountsByChild(db: DbOrTx, f: CockpitFilter, childLength: number, from: Date, to: Date): Promise<AreaCaseCounts[]> {
  const res = await db.execute<Record<string, string>>(sql`
    select substr(c.area_code, 1, ${childLength}) as key,
      count(*) filter (where c.created_at >= ${from.toISOString()} and c.created_at < ${to.toISOString()}) as received,
      count(*) filter (where c.created_at >= ${from.toISOString()} and c.created_at < ${to.toISOString()} and c.state = 'closed') as closed,
      count(*) filter (where c.state in ${OPEN}) as open,
      count(*) filter (where c.state in ${OPEN} and c.step_due_at < now()) as overdue
    from cases c
    where ${caseWhere(f)} and length(c.area_code) >= ${childLength}
      and ((c.created_at >= ${from.toISOString()} and c.created_at < ${to.toISOString()}) or c.state in ${OPEN})
    group by 1`);
  return res.rows.map((r) => ({ key: String(r.key), received: Number(r.received), closed: Number(r.closed), open: Number(r.open), overdue: Number(r.overdue) }));
}

export interface OverdueCaseRow {
  id: string;
  code: string;
  title: string;
  state: string;
  area_code: string;
  category_code: string;
  handler_unit_id: string | null;
  owner_level: string;
  created_at: Date;
  step_due_at: Date;
  due_at: Date | null;
}

/** Open cases whose current step is past its deadline, the longest overdue first. */
export async function overdueCases(db: DbOrTx, f: CockpitFilter, limit: number, offset: number): Promise<{ rows: OverdueCaseRow[]; total: number }> {
  const where = sql`${caseWhere(f)} and c.state in ${OPEN} and c.step_due_at < now()`;
  const res = await db.execute<Record<string, unknown>>(sql`
    select c.id, c.code, c.title, c.state, c.area_code, c.category_code, c.handler_unit_id, c.owner_level, c.created_at, c.step_due_at, c.due_at
    from cases c where ${where} order by c.step_due_at asc, c.code asc limit ${limit} offset ${offset}`);
  const total = await db.execute<{ n: string }>(sql`select count(*) as n from cases c where ${where}`);
  const date = (v: unknown) => (v instanceof Date ? v : new Date(String(v)));
  return {
    rows: res.rows.map((r) => ({
      id: String(r.id),
      code: String(r.code),
      title: String(r.title),
      state: String(r.state),
      area_code: String(r.area_code),
      category_code: String(r.category_code),
      handler_unit_id: r.handler_unit_id ? String(r.handler_unit_id) : null,
      owner_level: String(r.owner_level),
      created_at: date(r.created_at),
      step_due_at: date(r.step_due_at),
      due_at: r.due_at ? date(r.due_at) : null,
    })),
    total: Number(total.rows[0]?.n ?? 0),
  };
}

export interface HotspotRow {
  area_code: string;
  category_code: string;
  reports: number;
  merged: number;
  open: number;
  last_at: Date;
}

/**
 * Repeat reports: cases received in [from, to) grouped by place (the grid, or the finest known area
 * when coarser) and type, where the same problem was reported at least twice.
 */
export async function repeatHotspots(db: DbOrTx, f: CockpitFilter, from: Date, to: Date, limit: number): Promise<HotspotRow[]> {
  const res = await db.execute<Record<string, unknown>>(sql`
    select substr(c.area_code, 1, 15) as area_code, c.category_code,
      count(*) as reports,
      count(*) filter (where c.state = 'merged') as merged,
      count(*) filter (where c.state in ${OPEN}) as open,
      max(c.created_at) as last_at
    from cases c
    where ${caseWhere(f)} and c.created_at >= ${from.toISOString()} and c.created_at < ${to.toISOString()}
    group by 1, 2 having count(*) >= 2
    order by 3 desc, 6 desc, 1, 2 limit ${limit}`);
  return res.rows.map((r) => ({
    area_code: String(r.area_code),
    category_code: String(r.category_code),
    reports: Number(r.reports),
    merged: Number(r.merged),
    open: Number(r.open),
    last_at: r.last_at instanceof Date ? r.last_at : new Date(String(r.last_at)),
  }));
}

/** Places (grid, or finest known area) with the most cases received in [from, to). */
export async function busiestPlaces(db: DbOrTx, f: CockpitFilter, from: Date, to: Date, limit: number) {
  const res = await db.execute<{ area_code: string; reports: string; types: string }>(sql`
    select substr(c.area_code, 1, 15) as area_code, count(*) as reports, count(distinct c.category_code) as types
    from cases c
    where ${caseWhere(f)} and c.created_at >= ${from.toISOString()} and c.created_at < ${to.toISOString()}
    group by 1 order by 2 desc, 1 limit ${limit}`);
  return res.rows.map((r) => ({ area_code: r.area_code, reports: Number(r.reports), types: Number(r.types) }));
}

/** Registered residents per child area (the population registry). */
export async function residentsByChild(db: DbOrTx, scope: Scope, area: string, childLength: number): Promise<Map<string, number>> {
  const res = await db.execute<{ key: string; n: string }>(sql`
    select substr(area_code, 1, ${childLength}) as key, count(*) as n from people
    where area_code like ${escapeLike(scope.code) + '%'} and area_code like ${escapeLike(area) + '%'} and length(area_code) >= ${childLength}
      and status = 'active'
    group by 1`);
  return new Map(res.rows.map((r) => [r.key, Number(r.n)]));
}

export interface StaffRow {
  key: string;
  community_workers: number;
  grid_workers: number;
}

/**
 * Community staff per child area: active accounts holding the community-worker (全科社工) or
 * grid-worker (专职网格员) role whose scope lies in that area. One person counts once even when
 * holding both roles (as a community worker). Accounts of appointments that do not count against the
 * benchmark (part-time grid workers, `STAFF_POST_INFO`) are left out.
 */
export async function staffByChild(db: DbOrTx, scope: Scope, area: string, childLength: number): Promise<StaffRow[]> {
  const res = await db.execute<{ key: string; cw: string; gw: string }>(sql`
    select substr(scope_code, 1, ${childLength}) as key,
      count(*) filter (where 'community-worker' = any(roles)) as cw,
      count(*) filter (where 'grid-worker' = any(roles) and not ('community-worker' = any(roles))) as gw
    from users
    where active and (roles && array['community-worker','grid-worker']::text[])
      and not exists (select 1 from staff_appointments a where a.user_id = users.id and a.ended_on is null and a.post in (${sql.join(UNCOUNTED_STAFF_POSTS.map((p) => sql`${p}`), sql`, `)}))
      and scope_code like ${escapeLike(scope.code) + '%'} and scope_code like ${escapeLike(area) + '%'} and length(scope_code) >= ${childLength}
    group by 1`);
  return res.rows.map((r) => ({ key: r.key, community_workers: Number(r.cw), grid_workers: Number(r.gw) }));
}

export interface ParticipationRow {
  key: string;
  wishes_fulfilled: number;
  awards: number;
  party_registered: number;
  party_attendances: number;
  party_attendees: number;
}

/**
 * The participation terms of the vitality index per child area: micro-wishes fulfilled in [from, to),
 * point awards posted in [from, to), and party members registered (双报到, accepted) with an
 * organisation of the area (a stock, not a flow), and confirmed attendance at party activities (党组织活跃度).
 */
export async function participationByChild(db: DbOrTx, scope: Scope, area: string, childLength: number, from: Date, to: Date): Promise<ParticipationRow[]> {
  const inArea = (col: SQL) => sql`${col} like ${escapeLike(scope.code) + '%'} and ${col} like ${escapeLike(area) + '%'} and length(${col}) >= ${childLength}`;
  const [w, a, p, pa] = await Promise.all([
    db.execute<{ key: string; n: string }>(sql`
      select substr(area_code, 1, ${childLength}) as key, count(*) as n from wishes
      where ${inArea(sql`area_code`)} and state in ('fulfilled','confirmed') and fulfilled_at >= ${from.toISOString()} and fulfilled_at < ${to.toISOString()}
      group by 1`),
    db.execute<{ key: string; n: string }>(sql`
      select substr(area_code, 1, ${childLength}) as key, count(*) as n from points_awards
      where ${inArea(sql`area_code`)} and state = 'approved' and coalesce(decided_at, created_at) >= ${from.toISOString()} and coalesce(decided_at, created_at) < ${to.toISOString()}
      group by 1`),
    db.execute<{ key: string; n: string }>(sql`
      select substr(o.area_code, 1, ${childLength}) as key, count(*) as n
      from party_members m join party_orgs o on o.id = m.local_org_id
      where ${inArea(sql`o.area_code`)} and m.registration_state = 'accepted'
      group by 1`),
    // 党组织活跃度: confirmed attendance (present) at party activities (主题党日, 三会一课) that took place in [from, to).
    db.execute<{ key: string; n: string; people: string }>(sql`
      select substr(a.area_code, 1, ${childLength}) as key, count(*) as n, count(distinct t.user_id) as people
      from activity_attendance t join activities a on a.id = t.activity_id
      where ${inArea(sql`a.area_code`)} and t.outcome = 'present' and a.kind in (${sql.join(PARTY_ACTIVITY_KINDS.map((k) => sql`${k}`), sql`, `)})
        and a.starts_at >= ${from.toISOString()} and a.starts_at < ${to.toISOString()}
      group by 1`),
  ]);
  const out = new Map<string, ParticipationRow>();
  const row = (key: string) => {
    let r = out.get(key);
    if (!r) out.set(key, (r = { key, wishes_fulfilled: 0, awards: 0, party_registered: 0, party_attendances: 0, party_attendees: 0 }));
    return r;
  };
  for (const r of w.rows) row(r.key).wishes_fulfilled = Number(r.n);
  for (const r of a.rows) row(r.key).awards = Number(r.n);
  for (const r of p.rows) row(r.key).party_registered = Number(r.n);
  for (const r of pa.rows) {
    row(r.key).party_attendances = Number(r.n);
    row(r.key).party_attendees = Number(r.people);
  }
  return [...out.values()];
}

// ---- 参与共治: needs, close-outs and residents who took part ------------------------------------

const monthOf = (col: SQL) => sql`to_char(${col} at time zone 'Asia/Shanghai', 'YYYY-MM')`;

export interface NeedMonthRow {
  month: string;
  needs: number;
  met: number;
}

/** Needs entered in [from, to) inside the area, per China month, and of those the ones met now. */
export async function needsByMonth(db: DbOrTx, scope: Scope, area: string, from: Date, to: Date): Promise<NeedMonthRow[]> {
  const res = await db.execute<{ month: string; needs: string; met: string }>(sql`
    select ${monthOf(sql`created_at`)} as month, count(*) as needs, count(*) filter (where state = 'met') as met
    from needs
    where area_code like ${escapeLike(scope.code) + '%'} and area_code like ${escapeLike(area) + '%'}
      and created_at >= ${from.toISOString()} and created_at < ${to.toISOString()}
    group by 1`);
  return res.rows.map((r) => ({ month: String(r.month), needs: Number(r.needs), met: Number(r.met) }));
}

/** Projects inside the area closed out (销号) in [from, to): their due day and when they closed (on time is judged by the domain). */
export async function projectsClosedIn(db: DbOrTx, scope: Scope, area: string, from: Date, to: Date): Promise<{ due_date: string | null; closed_at: Date }[]> {
  const res = await db.execute<{ due_date: string | null; closed_at: string | Date }>(sql`
    select due_date::text as due_date, closed_at
    from projects
    where area_code like ${escapeLike(scope.code) + '%'} and area_code like ${escapeLike(area) + '%'}
      and state = 'closed' and closed_at >= ${from.toISOString()} and closed_at < ${to.toISOString()}`);
  return res.rows.map((r) => ({ due_date: r.due_date, closed_at: new Date(r.closed_at) }));
}

/**
 * Residents who took part in [from, to) inside the area, each counted once: who posted or supported
 * an idea (金点子), cast or had recorded a ballot in a deliberation, or signed off a project as a member
 * of its supervision group. A person is their registry person (an account without one counts as
 * itself); a paper ballot of a roll entry not linked to the registry cannot be told apart and is left
 * out. Answers the distinct count per China month and over the whole range (`month` null).
 */
export async function participantsByMonth(db: DbOrTx, scope: Scope, area: string, from: Date, to: Date): Promise<{ month: string | null; people: number }[]> {
  const inArea = (col: SQL) => sql`${col} like ${escapeLike(scope.code) + '%'} and ${col} like ${escapeLike(area) + '%'}`;
  const account = sql`coalesce(u.person_id::text, 'u:' || u.id::text)`;
  const res = await db.execute<{ month: string | null; people: string }>(sql`
    with acts as (
      select ${account} as who, i.created_at as at
        from ideas i join users u on u.id = i.author_user_id
        where ${inArea(sql`i.area_code`)}
      union all
      select ${account}, s.created_at
        from idea_supports s join ideas i on i.id = s.idea_id join users u on u.id = s.user_id
        where ${inArea(sql`i.area_code`)}
      union all
      select coalesce(r.person_id::text, case when b.online then ${account} end), b.created_at
        from deliberation_ballots b join deliberations d on d.id = b.deliberation_id
          join deliberation_roll r on r.id = b.roll_id join users u on u.id = b.recorded_by
        where ${inArea(sql`d.area_code`)}
      union all
      select ps.person_id::text, ps.signed_at
        from project_supervisors ps join projects p on p.id = ps.project_id
        where ${inArea(sql`p.area_code`)} and ps.signed_at is not null
    )
    , dated as (
      select who, ${monthOf(sql`at`)} as month from acts
      where who is not null and at >= ${from.toISOString()} and at < ${to.toISOString()}
    )
    select month, count(distinct who) as people from dated group by grouping sets ((month), ())`);
  return res.rows.map((r) => ({ month: r.month === null ? null : String(r.month), people: Number(r.people) }));
}
