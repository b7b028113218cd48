import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { escapeLike, type Scope } from './scope.ts';

export interface CaseMeasureRow {
  key: string | null;
  received: number;
  accepted: number;
  closed: number;
  due_to_close: number;
  closed_on_time: number;
  handled: number;
  reworked: number;
  rated: number;
  satisfied: number;
  basically_satisfied: number;
  responded: number;
  resolved: number;
  handling_hours_sum: number;
}

/**
 * Case measures for cases received in [from, to) inside an area, optionally grouped. The
 * formulas are documented in docs/MEASURES.md; every count comes from the case rows, which the
 * workflow keeps in step with the timeline in the same transaction.
 */
export async function caseMeasures(
  db: DbOrTx,
  scope: Scope,
  area: string,
  from: Date,
  to: Date,
  now: Date,
  groupBy?: 'unit' | 'category' | 'child' | 'channel' | 'day' | 'month',
  childLength?: number,
): Promise<CaseMeasureRow[]> {
  const key: SQL =
    groupBy === 'unit'
      ? sql`c.handler_unit_id::text`
      : groupBy === 'category'
        ? sql`c.category_code`
        : groupBy === 'child'
          ? sql`substr(c.area_code, 1, ${childLength ?? area.length})`
          : groupBy === 'channel'
            ? sql`c.channel`
            : groupBy === 'day'
              ? sql`to_char(c.created_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`
              : groupBy === 'month'
                ? sql`to_char(c.created_at at time zone 'Asia/Shanghai', 'YYYY-MM')`
                : sql`null::text`;
  const res = await db.execute<Record<string, string | null>>(sql`
    select ${key} as key,
      count(*) as received,
      count(*) filter (where c.accepted_at is not null) as accepted,
      count(*) filter (where c.state = 'closed') as closed,
      count(*) filter (where c.accepted_at is not null and (c.state = 'closed' or c.due_at <= ${now.toISOString()})) as due_to_close,
      count(*) filter (where c.state = 'closed' and c.closed_at <= c.due_at) as closed_on_time,
      count(*) filter (where c.handled_at is not null) as handled,
      count(*) filter (where c.rework_count > 0) as reworked,
      count(*) filter (where c.rating is not null) as rated,
      count(*) filter (where c.rating = 'satisfied') as satisfied,
      count(*) filter (where c.rating = 'basically-satisfied') as basically_satisfied,
      count(*) filter (where c.rating is not null and not exists (
        select 1 from case_deadline_marks m where m.case_id = c.id and m.kind = 'overdue' and m.step = 'reported')) as responded,
      count(*) filter (where c.rating in ('satisfied', 'basically-satisfied')) as resolved,
      coalesce(sum(extract(epoch from (c.closed_at - coalesce(c.accepted_at, c.created_at))) / 3600) filter (where c.state = 'closed'), 0) as handling_hours_sum
    from cases c
    where c.area_code like ${escapeLike(scope.code) + '%'}
      and c.area_code like ${escapeLike(area) + '%'}
      and c.created_at >= ${from.toISOString()} and c.created_at < ${to.toISOString()}
    group by 1`);
  return res.rows.map((r) => ({
    key: r.key ?? null,
    received: Number(r.received),
    accepted: Number(r.accepted),
    closed: Number(r.closed),
    due_to_close: Number(r.due_to_close),
    closed_on_time: Number(r.closed_on_time),
    handled: Number(r.handled),
    reworked: Number(r.reworked),
    rated: Number(r.rated),
    satisfied: Number(r.satisfied),
    basically_satisfied: Number(r.basically_satisfied),
    responded: Number(r.responded),
    resolved: Number(r.resolved),
    handling_hours_sum: Number(r.handling_hours_sum),
  }));
}
