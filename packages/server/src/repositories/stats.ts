import { splitPeriod, startOfChinaDay, chinaDate } from '@gongzhi/domain';
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { chinaDaySql, dueWatermarkSql, hasRollup, ROLLUP_LEVELS, type RollupDim, type RollupGrain } from './rollups.ts';
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

/** A measures row as counts (zeros where the area or unit had no case), the input of `measuresOf`. */
export const measureCounts = (r: CaseMeasureRow | undefined) => ({
  received: r?.received ?? 0,
  accepted: r?.accepted ?? 0,
  closed: r?.closed ?? 0,
  dueToClose: r?.due_to_close ?? 0,
  closedOnTime: r?.closed_on_time ?? 0,
  handled: r?.handled ?? 0,
  reworked: r?.reworked ?? 0,
  rated: r?.rated ?? 0,
  satisfied: r?.satisfied ?? 0,
  basicallySatisfied: r?.basically_satisfied ?? 0,
  responded: r?.responded ?? 0,
  resolved: r?.resolved ?? 0,
  handlingHoursSum: r?.handling_hours_sum ?? 0,
});

/** child: sub-area (`childLength` characters of the code); day: China date of receipt YYYY-MM-DD; month: YYYY-MM. */
export type MeasureGroupBy = 'unit' | 'category' | 'child' | 'channel' | 'day' | 'month';

const DIM_OF: Partial<Record<MeasureGroupBy, RollupDim>> = { unit: 'u', category: 'c', channel: 'h' };

/** The columns every part of the union yields, in order. */
const PARTS = ['received', 'accepted', 'closed', 'due', 'closed_on_time', 'handled', 'reworked', 'rated', 'satisfied', 'basically_satisfied', 'responded', 'resolved', 'ms'] as const;

/** Key of a part, from the raw case row (alias c). */
function rawKey(groupBy: MeasureGroupBy | undefined, childLength: number): SQL {
  switch (groupBy) {
    case 'unit':
      return sql`c.handler_unit_id::text`;
    case 'category':
      return sql`c.category_code`;
    case 'channel':
      return sql`c.channel`;
    case 'child':
      return sql`substr(coalesce(c.measure_area_code, c.area_code), 1, ${childLength})`;
    case 'day':
      return sql.raw(`to_char(${chinaDaySql('c.created_at')}, 'YYYY-MM-DD')`);
    case 'month':
      return sql.raw(`to_char(${chinaDaySql('c.created_at')}, 'YYYY-MM')`);
    default:
      return sql`null::text`;
  }
}

/** Key from a delta or case_measure_due row (alias d: area_code, day, category_code, channel, unit). */
function factKey(groupBy: MeasureGroupBy | undefined, childLength: number): SQL {
  switch (groupBy) {
    case 'unit':
      return sql`nullif(d.unit, '')`;
    case 'category':
      return sql`d.category_code::text`;
    case 'channel':
      return sql`d.channel::text`;
    case 'child':
      return sql`substr(d.area_code, 1, ${childLength})`;
    case 'day':
      return sql`to_char(d.day, 'YYYY-MM-DD')`;
    case 'month':
      return sql`to_char(d.day, 'YYYY-MM')`;
    default:
      return sql`null::text`;
  }
}

/** Key from a roll-up row (alias r). */
function rollupKey(groupBy: MeasureGroupBy | undefined): SQL {
  switch (groupBy) {
    case 'unit':
      return sql`nullif(r.dim_value, '')`;
    case 'category':
    case 'channel':
      return sql`r.dim_value::text`;
    case 'child':
      return sql`r.area_code::text`;
    case 'day':
      return sql`to_char(r.period, 'YYYY-MM-DD')`;
    case 'month':
      return sql`to_char(r.period, 'YYYY-MM')`;
    default:
      return sql`null::text`;
  }
}

/** The measures of every case selected by `where`, one row per case, straight from the case rows. */
function rawPart(key: SQL, where: SQL, now: Date): SQL {
  return sql`select ${key} as key, 1 as received,
      case when c.accepted_at is not null then 1 else 0 end as accepted,
      case when c.state = 'closed' then 1 else 0 end as closed,
      case when c.accepted_at is not null and (c.state = 'closed' or c.due_at <= ${now.toISOString()}) then 1 else 0 end as due,
      case when c.state = 'closed' and c.closed_at <= c.due_at then 1 else 0 end as closed_on_time,
      case when c.handled_at is not null then 1 else 0 end as handled,
      case when c.rework_count > 0 then 1 else 0 end as reworked,
      case when c.rating is not null then 1 else 0 end as rated,
      case when c.rating = 'satisfied' then 1 else 0 end as satisfied,
      case when c.rating = 'basically-satisfied' then 1 else 0 end as basically_satisfied,
      case when c.rating is not null and not exists (
        select 1 from case_deadline_marks m where m.case_id = c.id and m.kind = 'overdue' and m.step = 'reported') then 1 else 0 end as responded,
      case when c.rating in ('satisfied', 'basically-satisfied') then 1 else 0 end as resolved,
      case when c.state = 'closed' then extract(epoch from (c.closed_at - coalesce(c.accepted_at, c.created_at)))::float8 * 1000 end as ms
    from cases c where ${where}`;
}

const COUNTS_OF_ROLLUP = sql`r.received, r.accepted, r.closed, r.due_closed, r.closed_on_time, r.handled, r.reworked, r.rated, r.satisfied, r.basically_satisfied, r.responded, r.resolved, r.handling_ms::float8`;
const ZEROS_THEN = (due: SQL) => sql`0, 0, 0, ${due}, 0, 0, 0, 0, 0, 0, 0, 0, 0::float8`;

interface RollupPart {
  grain: RollupGrain;
  /** China dates [from, to). */
  from: string;
  to: string;
}

/**
 * Case measures for cases received in [from, to) inside an area, optionally grouped. The
 * formulas are documented in docs/MEASURES.md. Whole China days and months are answered from
 * the roll-ups (plus the deltas not folded yet, plus the accepted cases falling due today),
 * anything else (pieces of a day, groupings no roll-up is kept for) from the case rows; all
 * parts are read in one statement, so they see the same snapshot and add up exactly.
 */
export async function caseMeasures(
  db: DbOrTx,
  scope: Scope,
  area: string,
  from: Date,
  to: Date,
  now: Date,
  groupBy?: MeasureGroupBy,
  childLength?: number,
  opts: { rawOnly?: boolean } = {},
): Promise<CaseMeasureRow[]> {
  const childLen = childLength ?? area.length;
  const level = groupBy === 'child' ? childLen : area.length;
  const dim: RollupDim = (groupBy && DIM_OF[groupBy]) || '-';
  const areaLike = escapeLike(area) + '%';
  const usable =
    !opts.rawOnly &&
    area.startsWith(scope.code) &&
    (ROLLUP_LEVELS as readonly number[]).includes(area.length) &&
    (ROLLUP_LEVELS as readonly number[]).includes(level) &&
    level >= area.length;
  const rollups: RollupPart[] = [];
  const raws: { from: Date; to: Date }[] = [];
  for (const p of usable ? splitPeriod(from, to) : [{ kind: 'instants' as const, from, to }]) {
    if (p.kind === 'instants') raws.push({ from: p.from, to: p.to });
    else if (p.kind === 'months' && groupBy !== 'day' && hasRollup(level, dim, 'm')) rollups.push({ grain: 'm', from: p.from, to: p.to });
    else if (hasRollup(level, dim, 'd')) rollups.push({ grain: 'd', from: p.from, to: p.to });
    else raws.push({ from: new Date(`${p.from}T00:00:00+08:00`), to: new Date(`${p.to}T00:00:00+08:00`) });
  }

  const parts: SQL[] = [];
  const ctes: SQL[] = [];
  // A case moved by a grid split or merge is counted where it was received (measure_area_code), as the roll-ups do.
  const rawArea = sql`coalesce(c.measure_area_code, c.area_code) like ${escapeLike(scope.code) + '%'} and coalesce(c.measure_area_code, c.area_code) like ${areaLike}`;
  if (raws.length > 0) {
    // One pass over the area's cases for every piece the roll-ups do not answer.
    const ranges = sql.join(
      raws.map((r) => sql`(c.created_at >= ${r.from.toISOString()} and c.created_at < ${r.to.toISOString()})`),
      sql` or `,
    );
    parts.push(rawPart(rawKey(groupBy, childLen), sql`${rawArea} and (${ranges})`, now));
  }
  if (rollups.length > 0) {
    const today = chinaDate(now);
    const todayStart = startOfChinaDay(now);
    const dayParts = rollups.filter((p) => p.grain === 'd');
    // By child, day rows are looked up child by child (area_code = any(…)), so that the period bounds each index
    // look-up instead of every day row of every child being read and filtered. The children are the codes of the
    // month rows of the months those days fall in: a roll-up row at a day always has its row at the month.
    if (groupBy === 'child' && dayParts.length > 0 && hasRollup(level, dim, 'm')) {
      const monthFrom = `${dayParts.map((p) => p.from).sort()[0]!.slice(0, 8)}01`;
      const monthTo = dayParts.map((p) => p.to).sort().at(-1)!;
      ctes.push(sql`kids as materialized (select array(select distinct k.area_code from case_rollups k
        where k.alevel = ${level} and k.dim = ${dim} and k.grain = 'm' and k.area_code like ${areaLike}
          and k.period >= ${monthFrom} and k.period < ${monthTo})::text[] as codes)`);
    }
    const rArea = (grain: RollupGrain) =>
      groupBy !== 'child' ? sql`r.area_code = ${area}` : grain === 'd' && ctes.length > 0 ? sql`r.area_code = any((select codes from kids)::text[])` : sql`r.area_code like ${areaLike}`;
    // One branch per grain and range, so that the period is part of each index condition.
    const rWheres = rollups.map((p) => sql`r.alevel = ${level} and r.dim = ${dim} and r.grain = ${p.grain} and ${rArea(p.grain)} and r.period >= ${p.from} and r.period < ${p.to}`);
    const days = sql.join(
      rollups.map((p) => sql`(d.day >= ${p.from} and d.day < ${p.to})`),
      sql` or `,
    );
    for (const rWhere of rWheres) {
      parts.push(sql`select ${rollupKey(groupBy)} as key, ${COUNTS_OF_ROLLUP} from case_rollups r where ${rWhere}`);
      parts.push(sql`select ${rollupKey(groupBy)} as key, ${ZEROS_THEN(sql`r.n`)} from case_rollup_due r where ${rWhere} and r.due_day < ${today}`);
    }
    // Changes not folded into the roll-ups yet.
    parts.push(sql`select ${factKey(groupBy, childLen)} as key, d.received, d.accepted, d.closed,
        d.due_closed + case when d.due_day < ${today} then d.due_open else 0 end, d.closed_on_time, d.handled, d.reworked, d.rated,
        d.satisfied, d.basically_satisfied, d.responded, d.resolved, d.handling_ms::float8
      from case_measure_deltas d where d.area_code like ${areaLike} and (${days})`);
    // Accepted cases whose deadline falls today and has passed by `now`.
    parts.push(sql`select ${factKey(groupBy, childLen)} as key, ${ZEROS_THEN(sql`1`)}
      from case_measure_due d where d.due_at >= ${todayStart.toISOString()} and d.due_at <= ${now.toISOString()} and d.area_code like ${areaLike} and (${days})`);
  }
  if (parts.length === 0) return [];
  const union = sql.join(parts, sql` union all `);
  const query = sql`${ctes.length > 0 ? sql`with ${sql.join(ctes, sql`, `)}` : sql``}
    select x.key, ${sql.raw(PARTS.map((c) => `sum(x.${c}) as ${c}`).join(', '))}
    from (${union}) as x (key, ${sql.raw(PARTS.join(', '))})
    group by x.key having sum(x.received) > 0`;
  // One snapshot for the watermark and the figures. A handful of index look-ups: parallel
  // workers would only add their start-up time.
  const res = await db.transaction(
    async (tx) => {
      await tx.execute(sql`set local max_parallel_workers_per_gather = 0`);
      // Nor JIT compilation: the planner's estimates for the prefix look-ups are far above the few thousand rows
      // read, which crosses jit_above_cost, and compiling then costs more (100–200 ms) than the query itself.
      await tx.execute(sql`set local jit = off`);
      if (rollups.length > 0) {
        const w = await tx.execute<{ ok: boolean }>(sql`select ${sql.raw(dueWatermarkSql())} <= ${chinaDate(now)}::date as ok`);
        // Deadline days before the watermark are merged: a look into the past is counted from the cases.
        if (!w.rows[0]?.ok) return null;
      }
      return tx.execute<Record<string, string | null>>(query);
    },
    { isolationLevel: 'repeatable read' },
  );
  if (!res) return caseMeasures(db, scope, area, from, to, now, groupBy, childLength, { rawOnly: true });
  return res.rows.map((r) => ({
    key: r.key ?? null,
    received: Number(r.received),
    accepted: Number(r.accepted),
    closed: Number(r.closed),
    due_to_close: Number(r.due),
    closed_on_time: Number(r.closed_on_time),
    handled: Number(r.handled),
    reworked: Number(r.reworked),
    rated: Number(r.rated),
    satisfied: Number(r.satisfied),
    basically_satisfied: Number(r.basically_satisfied),
    responded: Number(r.responded),
    resolved: Number(r.resolved),
    handling_hours_sum: Number(r.ms ?? 0) / 3600_000,
  }));
}
