/**
 * Case search benchmark (issue: smart intake, "Chinese search over ten million cases"). Uses the measures
 * benchmark's database (10 million cases; run `npm run bench -- measures` first), gives its cases the words of
 * residents' real reports (the labelled intake evaluation set, 557 texts, with addresses), then times
 * GET /api/cases?q= through the real HTTP server for two-word queries cut from those reports, in the district's,
 * a town's and a community's scope, and writes its section of docs/BENCHMARKS.md.
 *
 *   npm run bench -- search
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { SEARCH_RANK_WINDOW } from '@gongzhi/domain';
import { bootstrap } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config.ts';
import { loginCookie, pct, startServer, writeSection } from './harness.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const pgBase = process.env.BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432';
const TOTAL = Number(process.env.BENCH_CASES ?? 10_000_000);
const dbName = TOTAL === 10_000_000 ? 'gongzhi_bench_measures' : `gongzhi_bench_measures_${TOTAL}`;
const url = `${pgBase}/${dbName}`;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const PASSWORD = 'Gongzhi@2026';
const MASTER_KEY = 'be7c'.repeat(16);
const ROADS = ['人民路', '中心路', '幸福路', '解放路', '建设路', '长江路', '海门街', '秀山路', '北京路', '南海路'];

const log = (m: string) => console.log(`[bench:search] ${m}`);
const secs = (t: number) => `${((Date.now() - t) / 1000).toFixed(0)} s`;

/** Deterministic pseudo-random numbers, so every run asks the same queries. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const texts = fs
  .readFileSync(path.join(import.meta.dirname, 'fixtures/intake-eval.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => (JSON.parse(l) as { text: string }).text);

/** A title as a clerk writes one: the report's first clause, at most 24 characters. */
const titleOf = (t: string) => (t.split(/[，。！？；,.!?;：:]/).find((x) => x.trim().length >= 2) ?? t).trim().slice(0, 24);

/** Gives the generated cases the words of real reports (once; recorded in bench_meta). */
async function giveTexts(c: pg.Client) {
  await c.query('create table if not exists bench_meta (step text primary key, at timestamptz not null default now())');
  if ((await c.query(`select 1 from bench_meta where step = 'search texts'`)).rowCount) return log('search texts: done before, reused');
  const t0 = Date.now();
  await c.query('create table if not exists bench_search_indexes (indexname text primary key, indexdef text not null)');
  await c.query(`insert into bench_search_indexes select indexname, indexdef from pg_indexes where tablename = 'cases' and indexname <> 'cases_pkey' on conflict do nothing`);
  const idx = (await c.query<{ indexname: string; indexdef: string }>('select indexname, indexdef from bench_search_indexes order by indexname')).rows;
  log(`dropping ${idx.length} secondary indexes of cases while the texts are written`);
  for (const i of idx) await c.query(`drop index if exists "${i.indexname}"`);
  await c.query('create temporary table fx (i int primary key, title text not null, description text not null)');
  await c.query(
    `insert into fx (i, title, description) select * from unnest($1::int[], $2::text[], $3::text[])`,
    [texts.map((_, i) => i), texts.map(titleOf), texts],
  );
  await c.query(`set session_replication_role = replica`);
  const t1 = Date.now();
  await c.query(
    `update cases c set title = fx.title, description = fx.description,
       address = (array[${ROADS.map((r) => `'${r}'`).join(',')}])[1 + (n.i / 7) % ${ROADS.length}] || (1 + (n.i / 70) % 300) || '号'
     from (select id, substr(code, 3)::bigint as i from cases where code like 'GB%') n
     join fx on fx.i = n.i % ${texts.length}
     where c.id = n.id`,
  );
  log(`  texts of ${TOTAL.toLocaleString()} cases written (${secs(t1)})`);
  await c.query(`set session_replication_role = origin`);
  await c.query(`set maintenance_work_mem = '1GB'`);
  for (const i of idx) {
    const t = Date.now();
    await c.query(i.indexdef);
    log(`  index ${i.indexname} (${secs(t)})`);
  }
  await c.query('vacuum analyze cases');
  await c.query(`insert into bench_meta (step) values ('search texts')`);
  log(`texts written in ${secs(t0)}`);
}

interface Timing {
  label: string;
  p50: number;
  p95: number;
  p99: number;
  hits: number;
}

/** Two words of two characters from one report, apart from each other (what a dispatcher types). */
function twoWords(next: () => number): string {
  for (;;) {
    const t = texts[Math.floor(next() * texts.length)]!;
    const runs = t.match(/[\u4e00-\u9fff]{2,}/g) ?? [];
    const words = runs.flatMap((r) => Array.from({ length: r.length - 1 }, (_, i) => r.slice(i, i + 2)));
    if (words.length < 4) continue;
    const a = Math.floor(next() * (words.length - 2));
    const b = a + 2 + Math.floor(next() * (words.length - a - 2));
    if (words[b] && words[b] !== words[a]) return `${words[a]} ${words[b]}`;
  }
}

async function main() {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  let server: ChildProcess | null = null;
  try {
    const generated = await c.query(`select 1 from pg_tables where tablename = 'bench_meta'`).then((r) => (r.rowCount ? c.query(`select 1 from bench_meta where step = $1`, [`generate ${TOTAL}`]) : r));
    if (!generated.rowCount) {
      console.error(`[bench:search] ${dbName} has no generated cases: run \`npm run bench -- measures\` first`);
      process.exitCode = 2;
      return;
    }
    const env = { ...process.env, DATABASE_URL: url, DEMO_PEOPLE: '320614103001', SEED_DEMO: 'true', GONGZHI_MASTER_KEY: MASTER_KEY };
    // Migrations first (the search column and its index on an older database), as on a start; then the texts, so the
    // vacuum after them leaves the table as a running district's is (a visibility map set, statistics fresh).
    const t0 = Date.now();
    const ctx = await bootstrap(loadConfig(env), log);
    await ctx.database.close();
    log(`migrated in ${secs(t0)}`);
    await giveTexts(c);
    // A server that has been answering for a while holds the table and its search index in its buffers; a fresh
    // start would read them from the disk for the first thousands of requests. Read them in first (pg_prewarm, a
    // contrib module of PostgreSQL, in this benchmark's database only).
    const tw = Date.now();
    await c.query('create extension if not exists pg_prewarm');
    await c.query(`select pg_prewarm('cases'), pg_prewarm('cases_search_idx'), pg_prewarm('cases_pkey')`);
    log(`table and search index read into the buffers in ${secs(tw)}`);
    const sizes = (await c.query(`select count(*) as cases, pg_size_pretty(pg_relation_size('cases_search_idx')) as idx, pg_size_pretty(pg_total_relation_size('cases')) as total from cases`)).rows[0];

    const started = await startServer(root, env);
    server = started.server;
    const target = started.target;
    const cookieOf = (username: string) => loginCookie(target, username, PASSWORD);
    const timed = async (label: string, username: string, query: () => string, extra = '', requests = REQUESTS): Promise<Timing> => {
      const cookie = await cookieOf(username);
      const get = async (q: string) => {
        const res = await fetch(`${target}/api/cases?q=${encodeURIComponent(q)}&pageSize=20${extra}`, { headers: { cookie } });
        if (res.status !== 200) throw new Error(`${q}: ${res.status} ${await res.text()}`);
        return ((await res.json()) as { total: number }).total;
      };
      for (let i = 0; i < 10; i++) await get(query());
      const ms: number[] = [];
      const totals: number[] = [];
      for (let i = 0; i < requests; i++) {
        const q = query();
        const t = process.hrtime.bigint();
        totals.push(await get(q));
        ms.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
      const r = { label, p50: pct(ms, 50), p95: pct(ms, 95), p99: pct(ms, 99), hits: pct(totals, 50) };
      log(`  ${label}: p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms (median ${r.hits} matches)`);
      return r;
    };

    log('timing sequential searches through HTTP …');
    const runs: Timing[] = [];
    const two = rng(20261204);
    runs.push(await timed('district (leader), two words, best match first', 'leader', () => twoWords(two)));
    runs.push(await timed('district (leader), two words, newest first', 'leader', () => twoWords(two), '&sort=newest'));
    runs.push(await timed('town 常乐镇 (town), two words, best match first', 'town', () => twoWords(two)));
    runs.push(await timed('community 状元街 (community), two words, best match first', 'community', () => twoWords(two)));
    const one = rng(7);
    runs.push(await timed('district (leader), one word, best match first (50 requests)', 'leader', () => twoWords(one).split(' ')[0]!, '', Math.min(50, REQUESTS)));

    const version = (await c.query<{ server_version: string }>('show server_version')).rows[0]!.server_version;
    const buffers = (await c.query<{ shared_buffers: string }>('show shared_buffers')).rows[0]!.shared_buffers;
    const fmt = (x: number) => x.toFixed(1);
    const district = runs[0]!;
    const section = `<!-- bench:search:start -->
## Case search over ten million cases (全文检索)

Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, PostgreSQL ${version} on the same machine (shared_buffers ${buffers}).
Run: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, \`npm run bench -- search\`, database \`${dbName}\` (the measures benchmark's),
1-minute load average ${os.loadavg()[0]!.toFixed(1)} at the end.

Data: **${Number(sizes.cases).toLocaleString()} cases** whose titles, descriptions and addresses are the ${texts.length} reports of the labelled
intake set (residents' words, hotline transcripts, grid workers' notes) over ten road names; search index ${sizes.idx}
(cases table with indexes ${sizes.total}). Queries: two words of two characters cut from one report (what a dispatcher
types), ${REQUESTS} per line after 10 warm-up requests, each a page of 20 with its total and counts per state, as the
case list asks. "Best match first" ranks the newest ${SEARCH_RANK_WINDOW.toLocaleString()} matches (docs/SEARCH.md).

| request | p50 ms | p95 ms | p99 ms | median matches |
|---|---|---|---|---|
${runs.map((r) => `| ${r.label} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.p99)} | ${r.hits.toLocaleString()} |`).join('\n')}

District, two words: p95 **${fmt(district.p95)} ms** (target < 200 ms). How the search works: docs/SEARCH.md.
<!-- bench:search:end -->`;
    writeSection(root, 'search', section);
  } finally {
    server?.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1000));
    await c.end();
  }
}

await main();
