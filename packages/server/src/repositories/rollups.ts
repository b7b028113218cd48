import { chinaDate, MEASURE_COUNTERS, type MeasureDeltaRow, type MeasureFacts } from '@gongzhi/domain';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { caseMeasureDeltas, caseMeasureDue } from '../db/schema.ts';

// Case measure roll-ups; the design and why is in docs/MEASURES.md.

/** Area levels the roll-ups are kept at: district, town, village (community), grid. */
export const ROLLUP_LEVELS = [6, 9, 12, 15] as const;
/** '-' nothing, 'c' category, 'h' channel, 'u' handling unit. */
export type RollupDim = '-' | 'c' | 'h' | 'u';
export type RollupGrain = 'd' | 'm';

/**
 * The roll-ups kept: per area level × day or month × dimension. Each names the finer roll-up it
 * is rebuilt from (`from`), or the cases themselves.
 */
export const ROLLUP_COMBOS: { level: number; dim: RollupDim; grain: RollupGrain; from: 'facts' | { level: number; grain: RollupGrain } }[] = [
  { level: 15, dim: '-', grain: 'd', from: 'facts' },
  { level: 12, dim: '-', grain: 'd', from: { level: 15, grain: 'd' } },
  { level: 9, dim: '-', grain: 'd', from: { level: 12, grain: 'd' } },
  { level: 6, dim: '-', grain: 'd', from: { level: 9, grain: 'd' } },
  { level: 15, dim: '-', grain: 'm', from: { level: 15, grain: 'd' } },
  { level: 12, dim: '-', grain: 'm', from: { level: 15, grain: 'm' } },
  { level: 9, dim: '-', grain: 'm', from: { level: 12, grain: 'm' } },
  { level: 6, dim: '-', grain: 'm', from: { level: 9, grain: 'm' } },
  ...(['c', 'h', 'u'] as const).flatMap((dim) => [
    { level: 12, dim, grain: 'd' as const, from: 'facts' as const },
    { level: 9, dim, grain: 'd' as const, from: { level: 12, grain: 'd' as const } },
    { level: 6, dim, grain: 'd' as const, from: { level: 9, grain: 'd' as const } },
    { level: 12, dim, grain: 'm' as const, from: { level: 12, grain: 'd' as const } },
    { level: 9, dim, grain: 'm' as const, from: { level: 12, grain: 'm' as const } },
    { level: 6, dim, grain: 'm' as const, from: { level: 9, grain: 'm' as const } },
  ]),
];

const comboKey = (c: { level: number; dim: RollupDim; grain: RollupGrain }) => `${c.level}:${c.dim}:${c.grain}`;

/**
 * The roll-ups a database made before the layout was recorded holds (no village day rows by
 * dimension): `ensureRollupLayout` adds what it lacks.
 */
const LAYOUT_BEFORE_RECORDING = ROLLUP_COMBOS.filter((c) => !(c.level === 12 && c.dim !== '-' && c.grain === 'd')).map(comboKey);

export function hasRollup(level: number, dim: RollupDim, grain: RollupGrain): boolean {
  return ROLLUP_COMBOS.some((c) => c.level === level && c.dim === dim && c.grain === grain);
}

const snake = (k: string) => k.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`);
/** The counter columns, snake_case, in MEASURE_COUNTERS order. */
export const COUNTER_COLUMNS = MEASURE_COUNTERS.map(snake);
const ROLLUP_COUNTERS = COUNTER_COLUMNS.filter((c) => c !== 'due_open');

/** China date of a timestamptz column. */
export const chinaDaySql = (col: string) => `((${col} at time zone 'UTC') + interval '8 hours')::date`;
const epochMs = (expr: string) => `floor(extract(epoch from ${expr}) * 1000)`;

/**
 * The facts of every case selected by `where`, as SQL: the same definitions as
 * caseMeasureFacts in packages/domain (the recount test and the bench check they agree).
 */
export function factsOfCasesSql(where = 'true'): string {
  return `select c.id as case_id, c.area_code, ${chinaDaySql('c.created_at')} as day, c.category_code, c.channel,
      coalesce(c.handler_unit_id::text, '') as unit,
      case when c.accepted_at is not null and c.state <> 'closed' and c.due_at is not null then ${chinaDaySql('c.due_at')} end as due_day,
      case when c.accepted_at is not null and c.state <> 'closed' and c.due_at is not null then c.due_at end as due_at,
      1 as received,
      case when c.accepted_at is not null then 1 else 0 end as accepted,
      case when c.state = 'closed' then 1 else 0 end as closed,
      case when c.accepted_at is not null and c.state = 'closed' then 1 else 0 end as due_closed,
      case when c.state = 'closed' and c.closed_at <= c.due_at then 1 else 0 end as closed_on_time,
      case when c.handled_at is not null then 1 else 0 end as handled,
      case when c.rework_count > 0 then 1 else 0 end as reworked,
      case when c.rating is not null then 1 else 0 end as rated,
      case when c.rating = 'satisfied' then 1 else 0 end as satisfied,
      case when c.rating = 'basically-satisfied' then 1 else 0 end as basically_satisfied,
      case when c.rating is not null and not exists (
        select 1 from case_deadline_marks m where m.case_id = c.id and m.kind = 'overdue' and m.step = 'reported') then 1 else 0 end as responded,
      case when c.rating in ('satisfied', 'basically-satisfied') then 1 else 0 end as resolved,
      case when c.accepted_at is not null and c.state <> 'closed' and c.due_at is not null then 1 else 0 end as due_open,
      case when c.state = 'closed' and c.closed_at is not null
        then (${epochMs('c.closed_at')} - ${epochMs('coalesce(c.accepted_at, c.created_at)')})::bigint else 0 end as handling_ms
    from cases c where ${where}`;
}

const periodExpr = (grain: RollupGrain, col: string) => (grain === 'm' ? `date_trunc('month', ${col}::timestamp)::date` : col);

/** SQL that adds the rows of relation `src` (fact or delta shaped) into every roll-up. */
function foldSql(src: string, combos = ROLLUP_COMBOS, mode: 'add' | 'insert' = 'add', watermark = DUE_SENTINEL): string[] {
  const out: string[] = [];
  const k = combos.map((c) => `(${c.level}, '${c.dim}', '${c.grain}')`).join(', ');
  const keyCols = 'alevel, dim, grain, area_code, period, dim_value';
  const keySel = `k.alevel, k.dim, k.grain, substr(s.area_code, 1, k.alevel),
      case k.grain when 'm' then date_trunc('month', s.day::timestamp)::date else s.day end,
      case k.dim when 'c' then s.category_code when 'h' then s.channel when 'u' then s.unit else '' end`;
  const conflict = (table: string, cols: string[]) =>
    mode === 'add' ? `on conflict (${keyCols}${table === 'case_rollup_due' ? ', due_day' : ''}) do update set ${cols.map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(', ')}` : '';
  out.push(`insert into case_rollups (${keyCols}, ${ROLLUP_COUNTERS.join(', ')})
    select ${keySel}, ${ROLLUP_COUNTERS.map((c) => `sum(s.${c})`).join(', ')}
    from ${src} s cross join (values ${k}) as k(alevel, dim, grain)
    group by 1, 2, 3, 4, 5, 6 ${conflict('case_rollups', ROLLUP_COUNTERS)}`);
  out.push(`insert into case_rollup_due (${keyCols}, due_day, n)
    select ${keySel}, case when s.due_day < '${watermark}' then date '${DUE_SENTINEL}' else s.due_day end, sum(s.due_open)
    from ${src} s cross join (values ${k}) as k(alevel, dim, grain)
    where s.due_day is not null
    group by 1, 2, 3, 4, 5, 6, 7 having sum(s.due_open) <> 0 ${conflict('case_rollup_due', ['n'])}`);
  return out;
}

// ---- deadline days long past -------------------------------------------------------------------

/**
 * Deadline days before the watermark are all "before today" for any query at the present time,
 * so case_rollup_due keeps them as one row per roll-up row (due_day = DUE_SENTINEL) instead of one
 * per day: a year's breakdown by category reads a few thousand rows, not tens of thousands.
 * A query whose `now` falls before the watermark (a look into the past) is counted from the cases.
 */
export const DUE_SENTINEL = '2000-01-01';
const META_KEY = 'case_rollups';

export function dueWatermarkSql(): string {
  return `coalesce((select (value->>'dueWatermark')::date from app_meta where key = '${META_KEY}'), date '${DUE_SENTINEL}')`;
}

async function readWatermark(db: DbOrTx): Promise<string> {
  const res = await db.execute<{ w: string | Date }>(sql.raw(`select ${dueWatermarkSql()}::text as w`));
  return String(res.rows[0]?.w ?? DUE_SENTINEL).slice(0, 10);
}

/** Merges deadline days in [SENTINEL, to) into the sentinel row and records `to` as the watermark. Caller holds LOCK. */
async function collapseDue(tx: DbOrTx, to: string): Promise<boolean> {
  const w = await readWatermark(tx);
  if (to <= w) return false;
  const keyCols = 'alevel, dim, grain, area_code, period, dim_value';
  await tx.execute(
    sql.raw(`insert into case_rollup_due (${keyCols}, due_day, n)
      select ${keyCols}, date '${DUE_SENTINEL}', sum(n) from case_rollup_due where due_day > date '${DUE_SENTINEL}' and due_day < date '${to}'
      group by ${keyCols}
      on conflict (${keyCols}, due_day) do update set n = case_rollup_due.n + excluded.n`),
  );
  await tx.execute(sql.raw(`delete from case_rollup_due where due_day > date '${DUE_SENTINEL}' and due_day < date '${to}'`));
  await tx.execute(
    sql`insert into app_meta (key, value) values (${META_KEY}, ${JSON.stringify({ dueWatermark: to })}::jsonb)
      on conflict (key) do update set value = app_meta.value || excluded.value, updated_at = now()`,
  );
  return true;
}

/** Moves the watermark forward to `day` (YYYY-MM-DD); never backwards. */
export async function advanceDueWatermark(db: DbOrTx, day: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.execute(sql.raw(LOCK));
    return collapseDue(tx, day);
  });
}

// ---- writing in the case transaction ---------------------------------------------------------

export async function insertMeasureDeltas(db: DbOrTx, rows: MeasureDeltaRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(caseMeasureDeltas).values(
    rows.map((r) => ({
      areaCode: r.key.areaCode,
      day: r.key.day,
      categoryCode: r.key.categoryCode,
      channel: r.key.channel,
      unit: r.key.unit,
      dueDay: r.key.dueDay,
      ...r.counts,
    })),
  );
}

/** Keeps the case's row of accepted-not-closed deadlines in step with its facts. */
export async function setMeasureDue(db: DbOrTx, caseId: string, facts: MeasureFacts): Promise<void> {
  if (!facts.dueAt) {
    await db.execute(sql`delete from case_measure_due where case_id = ${caseId}`);
    return;
  }
  const row = { caseId, dueAt: facts.dueAt, areaCode: facts.key.areaCode, day: facts.key.day, categoryCode: facts.key.categoryCode, channel: facts.key.channel, unit: facts.key.unit };
  await db.insert(caseMeasureDue).values(row).onConflictDoUpdate({ target: caseMeasureDue.caseId, set: row });
}

/** How many overdue marks the case's `reported` step has (late acceptance). */
export async function lateAcceptMarks(db: DbOrTx, caseId: string): Promise<number> {
  const res = await db.execute<{ n: string }>(sql`select count(*) as n from case_deadline_marks where case_id = ${caseId} and kind = 'overdue' and step = 'reported'`);
  return Number(res.rows[0]?.n ?? 0);
}

// ---- folding and rebuilding ------------------------------------------------------------------

const LOCK = `select pg_advisory_xact_lock(hashtext('gongzhi:case-rollups'))`;

/**
 * Folds up to `limit` deltas into the roll-ups, in one transaction: the deltas it deletes are
 * exactly the ones it adds, so readers (who add the remaining deltas) never see a change twice
 * or not at all. Returns how many deltas were folded.
 */
export async function foldMeasureDeltas(db: DbOrTx, limit = 20_000): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(sql.raw(LOCK));
    await tx.execute(sql.raw(`create temporary table if not exists gz_folding (like case_measure_deltas) on commit delete rows`));
    await tx.execute(
      sql.raw(`with moved as (delete from case_measure_deltas where id in (select id from case_measure_deltas order by id limit ${Math.max(1, Math.floor(limit))}) returning *)
        insert into gz_folding select * from moved`),
    );
    const moved = await tx.execute<{ n: string }>(sql.raw(`select count(*) as n from gz_folding`));
    const n = Number(moved.rows[0]?.n ?? 0);
    const watermark = await readWatermark(tx);
    if (n > 0) for (const q of foldSql('gz_folding', ROLLUP_COMBOS, 'add', watermark)) await tx.execute(sql.raw(q));
    return n;
  });
}

/** Folds every pending delta (in batches). */
export async function foldAllMeasureDeltas(db: DbOrTx, batch = 50_000): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await foldMeasureDeltas(db, batch);
    total += n;
    if (n < batch) return total;
  }
}

export async function pendingMeasureDeltas(db: DbOrTx): Promise<number> {
  const res = await db.execute<{ n: string }>(sql`select count(*) as n from case_measure_deltas`);
  return Number(res.rows[0]?.n ?? 0);
}

/**
 * Recomputes every roll-up from the cases, in one transaction that holds off case changes'
 * roll-up writes until it commits (they then add their deltas on top, which stays exact).
 */
export async function rebuildRollups(db: DbOrTx, log: (m: string) => void = () => {}): Promise<{ cases: number; rollupRows: number; dueRows: number }> {
  return db.transaction(async (tx) => {
    const run = async (q: string) => tx.execute(sql.raw(q));
    await run(LOCK);
    await run(`lock table case_measure_deltas, case_measure_due in exclusive mode`);
    // Grouping millions of cases: room for the hash tables (this transaction only).
    await run(`set local work_mem = '256MB'`);
    await run(`truncate case_rollups, case_rollup_due, case_measure_due, case_measure_deltas`);
    const t0 = Date.now();
    await run(`create temporary table gz_facts on commit drop as ${factsOfCasesSql()}`);
    const cnt = await tx.execute<{ n: string }>(sql.raw(`select count(*) as n from gz_facts`));
    const cases = Number(cnt.rows[0]?.n ?? 0);
    log(`  facts of ${cases} cases (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    await run(`insert into case_measure_due (case_id, due_at, area_code, day, category_code, channel, unit)
      select case_id, due_at, area_code, day, category_code, channel, unit from gz_facts where due_open = 1`);
    const keyCols = 'alevel, dim, grain, area_code, period, dim_value';
    for (const c of ROLLUP_COMBOS) {
      const t = Date.now();
      if (c.from === 'facts') {
        for (const q of foldSql('gz_facts', [c], 'insert')) await run(q);
      } else {
        const f = c.from;
        const sel = (cols: string) => `select ${c.level}, '${c.dim}', '${c.grain}', substr(area_code, 1, ${c.level}), ${periodExpr(c.grain, 'period')}, dim_value, ${cols}`;
        const src = `alevel = ${f.level} and dim = '${c.dim}' and grain = '${f.grain}'`;
        await run(`insert into case_rollups (${keyCols}, ${ROLLUP_COUNTERS.join(', ')})
          ${sel(ROLLUP_COUNTERS.map((x) => `sum(${x})`).join(', '))} from case_rollups where ${src} group by 4, 5, 6`);
        await run(`insert into case_rollup_due (${keyCols}, due_day, n)
          ${sel('due_day, sum(n)')} from case_rollup_due where ${src} group by 4, 5, 6, 7`);
      }
      log(`  roll-up level ${c.level} ${c.grain === 'd' ? 'day' : 'month'} ${c.dim} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
    }
    // Deadline days up to two days ago: one row each (see collapseDue).
    await tx.execute(sql`delete from app_meta where key = ${META_KEY}`);
    await collapseDue(tx, chinaDate(new Date(Date.now() - 2 * 86400_000)));
    await writeLayout(tx);
    const rows = await tx.execute<{ r: string; d: string }>(sql.raw(`select (select count(*) from case_rollups) as r, (select count(*) from case_rollup_due) as d`));
    return { cases, rollupRows: Number(rows.rows[0]?.r ?? 0), dueRows: Number(rows.rows[0]?.d ?? 0) };
  });
}

// ---- the layout: which combinations a database keeps ------------------------------------------

async function writeLayout(tx: DbOrTx): Promise<void> {
  await tx.execute(
    sql`insert into app_meta (key, value) values (${META_KEY}, ${JSON.stringify({ layout: ROLLUP_COMBOS.map(comboKey) })}::jsonb)
      on conflict (key) do update set value = app_meta.value || excluded.value, updated_at = now()`,
  );
}

/**
 * Brings the roll-ups of a database made by an earlier version to the current layout (run at
 * start, before anything folds): rows of combinations no longer kept are deleted; combinations
 * added since are filled from the cases minus the deltas not folded yet (the folding adds those
 * later), so they are exact at once. Holds the roll-up lock and keeps case changes from adding
 * deltas while it runs (they wait, then add theirs on top). At 10 million cases filling one
 * dimension's village day rows takes minutes: docs/MEASURES.md. Returns the combinations filled.
 */
export async function ensureRollupLayout(db: DbOrTx, log: (m: string) => void = () => {}): Promise<string[]> {
  return db.transaction(async (tx) => {
    const run = async (q: string) => tx.execute(sql.raw(q));
    await run(LOCK);
    const res = await tx.execute<{ layout: string[] | null }>(sql`select value->'layout' as layout from app_meta where key = ${META_KEY}`);
    const recorded = res.rows[0]?.layout ?? null;
    const stored = recorded ?? LAYOUT_BEFORE_RECORDING;
    const want = ROLLUP_COMBOS.map(comboKey);
    const missing = ROLLUP_COMBOS.filter((c) => !stored.includes(comboKey(c)));
    const gone = stored.filter((k) => !want.includes(k));
    if (missing.length === 0 && gone.length === 0) {
      if (!recorded) await writeLayout(tx);
      return [];
    }
    await run(`lock table case_measure_deltas in exclusive mode`);
    const t0 = Date.now();
    for (const k of [...gone, ...missing.map(comboKey)]) {
      const [level, dim, grain] = k.split(':');
      const where = `alevel = ${Number(level)} and dim = '${dim?.replace(/'/g, '')}' and grain = '${grain?.replace(/'/g, '')}'`;
      await run(`delete from case_rollups where ${where}`);
      await run(`delete from case_rollup_due where ${where}`);
    }
    if (missing.length > 0) {
      await run(`set local work_mem = '256MB'`);
      const keyCols = 'area_code, day, category_code, channel, unit, due_day';
      await run(`create temporary table gz_fill on commit drop as
        select ${keyCols}, ${COUNTER_COLUMNS.join(', ')} from (${factsOfCasesSql()}) f
        union all
        select ${keyCols}, ${COUNTER_COLUMNS.map((c) => `-${c}`).join(', ')} from case_measure_deltas`);
      for (const q of foldSql('gz_fill', missing, 'insert', await readWatermark(tx))) await run(q);
    }
    await writeLayout(tx);
    const filled = missing.map(comboKey);
    log(`统计汇总已补齐到当前版本：补充 ${filled.length} 组（${filled.join('、') || '无'}），删除 ${gone.length} 组，用时 ${((Date.now() - t0) / 1000).toFixed(1)} 秒`);
    return filled;
  });
}
