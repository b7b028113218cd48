/**
 * Measures benchmark (issue: cockpit and ledgers, "fast at city scale"). In its own PostgreSQL
 * database it seeds the district (areas, grids, units, accounts), generates 10 million cases with
 * set-based SQL, builds the roll-ups, then times GET /api/stats/cases (and breakdowns) through
 * the real HTTP server, checks the figures against a direct count over the case rows, and
 * writes its section of docs/BENCHMARKS.md. The database is kept and reused when populated.
 *
 *   npm run bench -- measures    (postgres://postgres@127.0.0.1:5432/gongzhi_bench_measures)
 *   BENCH_CASES=1000000 …        fewer cases (then a separate database is used)
 */
import type { ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { bootstrap } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config.ts';
import { rebuildRollups } from '../src/repositories/rollups.ts';
import { caseMeasures, type CaseMeasureRow } from '../src/repositories/stats.ts';
import { systemScope } from '../src/repositories/scope.ts';
import { loginCookie, pct, startServer, writeSection } from './harness.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const pgBase = process.env.BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432';
const TOTAL = Number(process.env.BENCH_CASES ?? 10_000_000);
const dbName = TOTAL === 10_000_000 ? 'gongzhi_bench_measures' : `gongzhi_bench_measures_${TOTAL}`;
const url = `${pgBase}/${dbName}`;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const CHUNK = 500_000;
const DAYS = 730;
const PASSWORD = 'Gongzhi@2026';
/** A fixed key: the bench's demo people stay readable across runs, whatever the working directory. */
const MASTER_KEY = 'be7c'.repeat(16);

const log = (m: string) => console.log(`[bench:measures] ${m}`);
const secs = (t: number) => `${((Date.now() - t) / 1000).toFixed(0)} s`;

async function ensureDatabase() {
  const c = new pg.Client({ connectionString: `${pgBase}/postgres` });
  await c.connect();
  const exists = await c.query('select 1 from pg_database where datname = $1', [dbName]);
  if (exists.rowCount === 0) await c.query(`create database "${dbName}"`);
  await c.end();
}

/** One row of bench_meta per finished step, so a rerun reuses what is there. */
async function step(c: pg.Client, name: string, fn: () => Promise<void>) {
  await c.query('create table if not exists bench_meta (step text primary key, at timestamptz not null default now())');
  if ((await c.query('select 1 from bench_meta where step = $1', [name])).rowCount) return log(`${name}: done before, reused`);
  await fn();
  await c.query('insert into bench_meta (step) values ($1)', [name]);
}

/**
 * Realistic-looking cases: spread over every grid (a few busier than others), the catalogue's
 * leaf types (a few frequent), the channels, the district's departments, two years of receipt;
 * older cases mostly closed, recent ones still moving through the loop; some reworked, some late
 * to be taken on, most closed cases rated. Step deadlines are left empty so the sweep stays idle.
 */
function generateSql(from: number, to: number): string {
  return `
  with g as (select array_agg(code order by code) as codes, count(*)::int as n from areas where level = 'grid'),
       cat as (select array_agg(code order by sort) as codes, count(*)::int as n from catalogue_types where leaf and active),
       u as (select array_agg(id order by name) as ids, count(*)::int as n from units where type = 'department'),
  b as (
    select i,
      g.codes[1 + floor(power(random(), 1.2) * g.n)::int] as grid,
      cat.codes[1 + floor(power(random(), 2.5) * cat.n)::int] as category,
      (array['mobile','mobile','mobile','qr','qr','patrol','patrol','patrol','hotline','hotline','hotline','reception','visit','mailbox','open311','console'])[1 + floor(random() * 16)::int] as channel,
      u.ids[1 + floor(power(random(), 1.6) * u.n)::int] as unit,
      random() * ${DAYS} as age, random() as rs, random() as rs2, random() as ru, random() as rr, random() as rw, random() as t1, random() as t2, random() as t3, random() as t4
    from generate_series(${from}, ${to - 1}) as i, g, cat, u
  ),
  s as (
    select b.*, date_trunc('milliseconds', now() - make_interval(secs => b.age * 86400)) as created,
      case
        when b.rs < 0.86 * least(1, b.age / 10) then 'closed'
        when b.rs < 0.86 * least(1, b.age / 10) + 0.04 then 'rejected'
        when b.rs < 0.86 * least(1, b.age / 10) + 0.07 then 'withdrawn'
        when b.rs < 0.86 * least(1, b.age / 10) + 0.09 then 'merged'
        else (case when b.rs2 < 0.15 then 'reported' when b.rs2 < 0.30 then 'accepted' when b.rs2 < 0.50 then 'dispatched'
                   when b.rs2 < 0.80 then 'acknowledged' when b.rs2 < 0.95 then 'handled' else 'suspended' end)
      end as state
    from b
  ),
  t as (
    select s.*,
      s.state not in ('reported', 'rejected', 'merged') and not (s.state = 'withdrawn' and s.t4 < 0.5) as taken,
      s.age * 24 as avail,
      s.state in ('dispatched', 'acknowledged') or (s.state in ('handled', 'closed', 'suspended') and s.ru < 0.6) or (s.state = 'withdrawn' and s.t4 >= 0.5 and s.ru < 0.3) as to_unit
    from s
  ),
  x as (
    select t.*,
      case when t.taken then t.created + make_interval(secs => 3600 * least(t.avail * 0.1, 0.1 + power(t.t1, 10) * 6)) end as accepted_at
    from t
  ),
  y as (
    select x.*,
      case when x.state in ('handled', 'closed') then x.accepted_at + make_interval(secs => 3600 * least(x.avail * 0.5, 1 + x.t2 * 170)) end as handled_at
    from x
  )
  insert into cases (id, code, state, title, description, category_code, channel, area_code, owner_level, owner_area_code, handler_unit_id,
    rating, rework_count, accepted_at, dispatched_at, acknowledged_at, handled_at, closed_at, due_at, suspended_from, suspended_at, created_at, updated_at)
  select ('00000000-0000-4000-8000-' || lpad(to_hex(y.i), 12, '0'))::uuid, 'GB' || lpad(y.i::text, 10, '0'), y.state, '批量案件 ' || y.i, '基准测试用的生成案件', y.category, y.channel, y.grid,
    case when y.to_unit then 'town' else 'village' end, case when y.to_unit then substr(y.grid, 1, 9) else substr(y.grid, 1, 12) end,
    case when y.to_unit then y.unit end,
    case when y.state = 'closed' and y.rr < 0.72 then (case when y.rr < 0.54 then 'satisfied' when y.rr < 0.67 then 'basically-satisfied' else 'unsatisfied' end) end,
    case when y.state in ('handled', 'closed') and y.rw < 0.01 then 2 when y.state in ('handled', 'closed') and y.rw < 0.06 then 1 else 0 end,
    y.accepted_at,
    case when y.to_unit then y.accepted_at + interval '5 minutes' end,
    case when y.to_unit and y.state <> 'dispatched' then y.accepted_at + interval '40 minutes' end,
    y.handled_at,
    case when y.state = 'closed' then y.handled_at + make_interval(secs => 3600 * least(y.avail * 0.3, 0.5 + y.t3 * 40)) end,
    -- The end of the China day five to seven days after acceptance (working-day deadlines end at 23:59:59.999).
    case when y.accepted_at is not null then
      ((date_trunc('day', (y.accepted_at at time zone 'UTC') + interval '8 hours') + (6 + floor(y.t4 * 3)) * interval '1 day' - interval '8 hours' - interval '1 millisecond') at time zone 'UTC') end,
    case when y.state = 'suspended' then 'acknowledged' end,
    case when y.state = 'suspended' then y.accepted_at + interval '1 day' end,
    y.created, y.created
  from y`;
}

async function generate(c: pg.Client) {
  const t0 = Date.now();
  const have = Number((await c.query('select count(*) as n from cases')).rows[0].n);
  // The index definitions are kept in bench_meta, so an interrupted load can be resumed.
  await c.query('create table if not exists bench_indexes (indexname text primary key, indexdef text not null)');
  await c.query(`insert into bench_indexes select indexname, indexdef from pg_indexes where tablename = 'cases' and indexname <> 'cases_pkey' on conflict do nothing`);
  const idx = (await c.query<{ indexname: string; indexdef: string }>('select indexname, indexdef from bench_indexes order by indexname')).rows;
  log(`dropping ${idx.length} secondary indexes of cases for the bulk load`);
  for (const i of idx) await c.query(`drop index if exists "${i.indexname}"`);
  // Foreign-key checks of a bulk load of rows built from the tables they refer to: skipped.
  await c.query(`set session_replication_role = replica`);
  for (let from = have; from < TOTAL; from += CHUNK) {
    const t = Date.now();
    await c.query(generateSql(from, Math.min(TOTAL, from + CHUNK)));
    log(`  cases ${Math.min(TOTAL, from + CHUNK).toLocaleString()} / ${TOTAL.toLocaleString()} (${secs(t)})`);
  }
  await c.query(`set session_replication_role = origin`);
  log('late acceptance marks …');
  await c.query(`insert into case_deadline_marks (case_id, kind, due_at, step, at)
    select id, 'overdue', created_at + interval '2 hours', 'reported', created_at + interval '2 hours' from cases
    where code like 'GB%' and accepted_at > created_at + interval '2 hours' on conflict do nothing`);
  await c.query(`set maintenance_work_mem = '512MB'`);
  for (const i of idx) {
    const t = Date.now();
    await c.query(i.indexdef);
    log(`  index ${i.indexname} (${secs(t)})`);
  }
  await c.query('analyze cases');
  await c.query('analyze case_deadline_marks');
  log(`generated in ${secs(t0)}`);
}

interface Timing {
  label: string;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  n: number;
}

async function timed(label: string, urls: () => string, cookie: string, n = REQUESTS): Promise<Timing> {
  const get = async (u: string) => {
    const res = await fetch(u, { headers: { cookie } });
    if (res.status !== 200) throw new Error(`${u}: ${res.status} ${await res.text()}`);
    await res.json();
  };
  for (let i = 0; i < 10; i++) await get(urls());
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const u = urls();
    const t = process.hrtime.bigint();
    await get(u);
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  const r = { label, p50: pct(ms, 50), p95: pct(ms, 95), p99: pct(ms, 99), max: Math.max(...ms), n };
  log(`  ${label}: p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms`);
  return r;
}

const chinaToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const dayMinus = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) - n * 86400_000).toISOString().slice(0, 10);

async function main() {
  await ensureDatabase();
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const env = { ...process.env, DATABASE_URL: url, DEMO_PEOPLE: '320614103001', SEED_DEMO: 'true', GONGZHI_MASTER_KEY: MASTER_KEY };
  // Migrations and the district (areas, grids, units, accounts; one community's people), as on a first start.
  const ctx = await bootstrap(loadConfig(env), log);
  const database = ctx.database;
  let server: ChildProcess | null = null;
  try {
    const counts = (await c.query(`select (select count(*) from areas where level = 'town') as towns, (select count(*) from areas where level = 'village') as villages,
      (select count(*) from areas where level = 'grid') as grids, (select count(*) from units where type = 'department') as units,
      (select count(*) from catalogue_types where leaf and active) as categories`)).rows[0];
    log(`district: ${counts.towns} towns, ${counts.villages} villages, ${counts.grids} grids, ${counts.units} departments, ${counts.categories} case types`);

    await step(c, `generate ${TOTAL}`, () => generate(c));
    const rebuild = { secs: 0, done: false };
    await step(c, 'rebuild', async () => {
      const t = Date.now();
      await rebuildRollups(database.db, log);
      rebuild.secs = (Date.now() - t) / 1000;
      rebuild.done = true;
      await c.query(`insert into bench_meta (step) values ('rebuild took ${Math.round(rebuild.secs)} s') on conflict do nothing`);
      await c.query('analyze case_rollups');
      await c.query('analyze case_rollup_due');
      await c.query('analyze case_measure_due');
      log(`roll-ups rebuilt in ${rebuild.secs.toFixed(0)} s`);
    });
    const sizes = (await c.query(`select (select count(*) from cases) as cases, (select count(*) from case_rollups) as rollups, (select count(*) from case_rollup_due) as due,
      (select count(*) from case_measure_due) as open_due, pg_size_pretty(pg_total_relation_size('cases')) as cases_size,
      pg_size_pretty(pg_total_relation_size('case_rollups') + pg_total_relation_size('case_rollup_due') + pg_total_relation_size('case_measure_due')) as rollup_size,
      (select min(created_at) from cases) as first, (select max(created_at) from cases) as last`)).rows[0];
    log(`${Number(sizes.cases).toLocaleString()} cases (${sizes.cases_size}); roll-ups ${Number(sizes.rollups).toLocaleString()} + ${Number(sizes.due).toLocaleString()} due rows + ${Number(sizes.open_due).toLocaleString()} open deadlines (${sizes.rollup_size})`);

    const started = await startServer(root, env);
    server = started.server;
    const target = started.target;
    const cookie = await loginCookie(target, 'leader', PASSWORD);
    const villages = (await c.query<{ code: string }>(`select code from areas where level = 'village' order by code`)).rows.map((r) => r.code);
    const towns = (await c.query<{ code: string }>(`select code from areas where level = 'town' order by code`)).rows.map((r) => r.code);
    const grids = (await c.query<{ code: string }>(`select code from areas where level = 'grid' order by code`)).rows.map((r) => r.code);
    const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)]!;
    const today = chinaToday();
    const yearFrom = dayMinus(today, 364);
    const lastYear = String(Number(today.slice(0, 4)) - 1);
    const q = (area: string, from: string, to: string, by?: string) => `${target}/api/stats/cases${by ? '/breakdown' : ''}?area=${area}&from=${from}&to=${to}${by ? `&by=${by}` : ''}`;

    log('timing sequential requests through HTTP …');
    const runs: Timing[] = [];
    runs.push(await timed(`district 320614, last 365 days (${yearFrom} – ${today})`, () => q('320614', yearFrom, today), cookie));
    runs.push(await timed(`district 320614, calendar year ${lastYear}`, () => q('320614', `${lastYear}-01-01`, `${lastYear}-12-31`), cookie));
    runs.push(await timed('a random town, last 365 days', () => q(pick(towns), yearFrom, today), cookie));
    runs.push(await timed('a random community, last 365 days', () => q(pick(villages), yearFrom, today), cookie));
    runs.push(await timed(`a random community, calendar year ${lastYear}`, () => q(pick(villages), `${lastYear}-01-01`, `${lastYear}-12-31`), cookie));
    runs.push(await timed('a random community, this month', () => q(pick(villages), `${today.slice(0, 8)}01`, today), cookie));
    runs.push(await timed('a random grid, last 365 days', () => q(pick(grids), yearFrom, today), cookie));
    const n = Math.max(20, Math.round(REQUESTS / 4));
    runs.push(await timed('district by town (by=child), last 365 days', () => q('320614', yearFrom, today, 'child'), cookie, n));
    runs.push(await timed('district by case type (by=category), last 365 days', () => q('320614', yearFrom, today, 'category'), cookie, n));
    runs.push(await timed('district by unit (by=unit), last 365 days', () => q('320614', yearFrom, today, 'unit'), cookie, n));
    runs.push(await timed('district by channel (by=channel), last 365 days', () => q('320614', yearFrom, today, 'channel'), cookie, n));
    runs.push(await timed('district by month (by=month), last 365 days', () => q('320614', yearFrom, today, 'month'), cookie, n));
    runs.push(await timed('district by day (by=day), last 365 days', () => q('320614', yearFrom, today, 'day'), cookie, n));
    runs.push(await timed('a random community by case type, last 365 days', () => q(pick(villages), yearFrom, today, 'category'), cookie, n));

    log('checking the roll-ups against a direct count over the case rows …');
    const checks: string[] = [];
    const from = new Date(`${yearFrom}T00:00:00+08:00`);
    const to = new Date(Date.parse(`${today}T00:00:00+08:00`) + 86400_000);
    // Counters must be equal. Handling time: the roll-ups sum whole milliseconds per case (as the app's own
    // timestamps are), while the generated closing times carry microseconds, so the direct count may differ by
    // under 1 ms per case (rounding both to whole hours, as before, fails whenever a sum lies near x.5 h).
    const norm = (rows: CaseMeasureRow[]) => JSON.stringify([...rows].sort((a, b) => String(a.key).localeCompare(String(b.key))).map((r) => ({ ...r, handling_hours_sum: 0 })));
    const closeHours = (a: CaseMeasureRow[], b: CaseMeasureRow[]) => {
      const hb = new Map(b.map((r) => [r.key, r.handling_hours_sum]));
      return a.every((r) => Math.abs(r.handling_hours_sum - (hb.get(r.key) ?? 0)) <= (r.received * 1) / 3600_000);
    };
    let rawSecs = 0;
    for (const [area, by] of [['320614', undefined], [towns[3]!, undefined], [villages[10]!, undefined], [villages[200]!, undefined], [grids[500]!, undefined], ['320614', 'category'], ['320614', 'child'], [villages[10]!, 'unit'], [villages[10]!, 'category']] as const) {
      const now = new Date();
      // By child: the next level down (district → towns, town → villages).
      const childLength = by === 'child' ? area.length + 3 : undefined;
      const tf = Date.now();
      const fast = await caseMeasures(database.db, systemScope(), area, from, to, now, by, childLength);
      const fastMs = Date.now() - tf;
      const tr = Date.now();
      const raw = await caseMeasures(database.db, systemScope(), area, from, to, now, by, childLength, { rawOnly: true });
      const rawMs = Date.now() - tr;
      if (area === '320614' && !by) rawSecs = rawMs / 1000;
      const same = norm(fast) === norm(raw) && closeHours(fast, raw);
      const total = fast.reduce((s, r) => s + r.received, 0);
      checks.push(`| ${area}${by ? ` by ${by}` : ''} | ${total.toLocaleString()} | ${same ? 'equal' : '**DIFFERENT**'} | ${fastMs} ms | ${(rawMs / 1000).toFixed(1)} s |`);
      log(`  ${area}${by ? ` by ${by}` : ''}: ${total} cases, ${same ? 'equal' : 'DIFFERENT'} (roll-ups ${fastMs} ms, direct count ${rawMs} ms)`);
      if (!same) process.exitCode = 1;
    }
    const rebuildNote = (await c.query<{ step: string }>(`select step from bench_meta where step like 'rebuild took %'`)).rows[0]?.step.replace('rebuild took ', '');
    const version = (await c.query<{ server_version: string }>('show server_version')).rows[0]!.server_version;
    const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
    const district = runs[0]!;
    const community = runs[3]!;
    const byType = runs[runs.length - 1]!;
    const fmt = (x: number) => x.toFixed(1);
    const section = `<!-- bench:measures:start -->
## Case measures at city scale (驾驶舱统计)

Machine: ${os.cpus().length} cores (${cpu}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, PostgreSQL ${version} on the same machine, shared with other work while it ran.
Run: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, \`npm run bench -- measures\`, database \`${dbName}\`.

Data: the whole district (${counts.towns} towns, ${counts.villages} villages, ${counts.grids} grids, ${counts.units} departments, ${counts.categories} case types),
**${Number(sizes.cases).toLocaleString()} cases** generated with set-based SQL over ${DAYS} days (${String(sizes.first).slice(4, 15)} – ${String(sizes.last).slice(4, 15)}): older cases
mostly closed, recent ones in every state, some reworked, withdrawn, merged, late to be taken on; cases table ${sizes.cases_size}.
Roll-ups: ${Number(sizes.rollups).toLocaleString()} rows + ${Number(sizes.due).toLocaleString()} deadline-day rows + ${Number(sizes.open_due).toLocaleString()} open deadlines (${sizes.rollup_size})${rebuildNote ? `, rebuilt from the cases in ${rebuildNote}` : ''}.

Sequential requests through the HTTP server (logged in as \`leader\`), ${REQUESTS} per line (breakdowns ${n}) after 10 warm-up requests; areas picked at random per request:

| request | p50 ms | p95 ms | p99 ms |
|---|---|---|---|
${runs.map((r) => `| ${r.label} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.p99)} |`).join('\n')}

District, year: p95 **${fmt(district.p95)} ms** (target < 100 ms). Community, year: p95 **${fmt(community.p95)} ms** (target < 30 ms).

Exactness on this database — the roll-up answer against a direct count over the case rows (the formulas of the
raw count in repositories/stats.ts), last 365 days, at the same instant:

| area | cases | result | roll-ups | direct count |
|---|---|---|---|---|
${checks.join('\n')}

A breakdown by child area reads each child's day rows by its code, so the period bounds every index look-up. A
community's breakdown by type, unit or channel reads its month rows and, for the partial months, its day rows by
that dimension (kept since 2026-12-04): p95 **${fmt(byType.p95)} ms** (target < 100 ms). See the notes below the section.

The direct count of the district's year takes ${rawSecs.toFixed(1)} s; the roll-ups answer the same figures in milliseconds. How the
roll-ups stay exact (deltas in the case transaction, folding, deadlines passing) is in docs/MEASURES.md.
<!-- bench:measures:end -->`;
    writeSection(root, 'measures', section);
  } finally {
    server?.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1000));
    await database.close();
    await c.end();
  }
}

await main();
