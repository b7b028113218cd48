/**
 * Intake benchmark (issue: the case closed loop). Measures cases/s and latency through the
 * HTTP API and through Open311 against a real PostgreSQL, next to raw `pgbench` single-row
 * insert throughput on the same server, and writes its section of docs/BENCHMARKS.md (between
 * the `bench:intake` markers; the rest of the file is left as it is).
 *
 *   npm run -w @gongzhi/server bench     (or: cd packages/server && npx tsx bench/intake.ts)
 *
 * Uses postgres://postgres@127.0.0.1:5432 (BENCH_PG), creates a fresh database and drops it.
 * BENCH_SECONDS (15) per run, BENCH_CONNECTIONS (32) at full load, BENCH_WORKERS (2) server
 * processes, BENCH_POOL (8) connections per process, BENCH_WRITE=false to only print.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';

const root = path.resolve(import.meta.dirname, '../../..');
const pgBase = process.env.BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432';
const db = `gongzhi_bench_${Date.now()}`;
const url = `${pgBase}/${db}`;
const DURATION = Number(process.env.BENCH_SECONDS ?? 15);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 2);
const POOL = Number(process.env.BENCH_POOL ?? 8);
/** The steady rate at which the latency target holds (p99 < 50 ms at 100 intakes a second). */
const STEADY_RATE = Number(process.env.BENCH_STEADY_RATE ?? 100);
const HALF_CONNECTIONS = Math.max(4, Math.round(CONNECTIONS / 2));
const DOC = path.join(root, 'docs/BENCHMARKS.md');
const START = '<!-- bench:intake:start -->';
const END = '<!-- bench:intake:end -->';
const TICK = 100; // clock ticks per second in /proc (USER_HZ)

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

async function query<T extends pg.QueryResultRow>(conn: string, sql: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: conn });
  await c.connect();
  try {
    return (await c.query<T>(sql)).rows;
  } finally {
    await c.end();
  }
}

interface PgbenchResult {
  tps: number;
  latencyMs: number;
}

function pgbench(scriptText: string, clients: number): PgbenchResult {
  const script = path.join(os.tmpdir(), `gz-bench-${process.pid}-${clients}.sql`);
  fs.writeFileSync(script, scriptText);
  try {
    const out = execFileSync('pgbench', ['-n', '-c', String(clients), '-j', '2', '-T', String(DURATION), '-f', script, url], { encoding: 'utf8' });
    return { tps: Number(/tps = ([\d.]+)/.exec(out)?.[1] ?? 0), latencyMs: Number(/latency average = ([\d.]+) ms/.exec(out)?.[1] ?? 0) };
  } finally {
    fs.rmSync(script, { force: true });
  }
}

/** The raw baseline as defined: one single-row INSERT per transaction. */
const RAW_INSERT = "INSERT INTO bench_raw (title, description, category_code, area_code) VALUES ('路灯不亮', '状元街3幢门口的路灯连续三天晚上不亮', 'B0110', '320614103001001');\n";

/** For context: the rows of one intake (case, first timeline entry, audit row, notifications) in one transaction, without HTTP. */
const RAW_INTAKE = `WITH c AS (
  INSERT INTO cases (code, state, title, description, category_code, channel, area_code, owner_level, owner_area_code, step_due_at, step_warn_at)
  VALUES ('PB' || lpad(nextval('case_code_seq')::text, 15, '0'), 'reported', '路灯不亮', '状元街3幢门口的路灯连续三天晚上不亮', 'B0110', 'qr', '320614103001001', 'village', '320614103001', now() + interval '1 day', now() + interval '20 hours')
  RETURNING id, code, title, area_code, owner_area_code
), e AS (
  INSERT INTO case_events (case_id, action, to_state, actor_name, note, detail) SELECT id, 'report', 'reported', '匿名群众', '扫码上报', '{"channel":"qr"}' FROM c
), a AS (
  INSERT INTO audit_log (action, entity_type, entity_id, area_code, ip, detail) SELECT 'case.create', 'case', id::text, area_code, '127.0.0.1', jsonb_build_object('code', code, 'channel', 'qr') FROM c
)
INSERT INTO notifications (user_id, case_id, kind, title)
SELECT u.id, c.id, 'case.new', '新案件待受理：' || c.title || '（' || c.code || '）' FROM c JOIN users u ON u.active AND u.scope_code = c.owner_area_code AND u.roles && ARRAY['community-worker'];
`;

// ---- CPU accounting: the server's processes and the database backends serving it ----------------

function cpuTicks(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(f[11]) + Number(f[12]); // utime + stime
  } catch {
    return 0;
  }
}

function childrenOf(pid: number): number[] {
  try {
    return fs
      .readdirSync(`/proc/${pid}/task`)
      .flatMap((t) => fs.readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number));
  } catch {
    return [];
  }
}

async function cpuSample(serverPid: number) {
  const procs = [serverPid, ...childrenOf(serverPid)];
  const backends = (await query<{ pid: number }>(url, `select pid from pg_stat_activity where datname = '${db}' and pid <> pg_backend_pid()`)).map((r) => r.pid);
  return {
    server: procs.reduce((n, p) => n + cpuTicks(p), 0),
    backends: new Map(backends.map((p) => [p, cpuTicks(p)])),
    generator: process.cpuUsage(),
  };
}

type Sample = Awaited<ReturnType<typeof cpuSample>>;

function cpuSince(a: Sample, b: Sample) {
  let database = 0;
  // A backend that started during the run (the pool opens connections as needed) counts whole.
  for (const [pid, t] of b.backends) database += t - (a.backends.get(pid) ?? 0);
  const gen = process.cpuUsage(a.generator);
  return { serverMs: ((b.server - a.server) * 1000) / TICK, databaseMs: (database * 1000) / TICK, generatorMs: (gen.user + gen.system) / 1000 };
}

// ---- load ----------------------------------------------------------------------------------------

interface Run {
  rps: number;
  ok: number;
  errors: number;
  p50: number;
  p90: number;
  p99: number;
  load: number;
  cpu?: { serverMs: number; databaseMs: number; generatorMs: number };
}

let seq = 0;
const caseBody = () => {
  const i = seq++;
  return JSON.stringify({
    title: `路灯不亮 ${i}`,
    description: `状元街${(i % 40) + 1}幢门口的路灯连续三天晚上不亮，老人晚上出门不方便。`,
    categoryCode: 'B0110',
    channel: 'qr',
    areaCode: '320614103001001',
    reporter: i % 3 === 0 ? { name: '陆建华', phone: '13962812345' } : undefined,
    public: i % 2 === 0,
  });
};
const open311Body = () => {
  const i = seq++;
  return new URLSearchParams({ api_key: 'demo-open311-key', service_code: 'B0110', address_string: `状元街${(i % 40) + 1}幢`, description: `路灯不亮 ${i}` }).toString();
};

async function load(target: string, serverPid: number, opts: { path: string; body: () => string; contentType: string; rate?: number; seconds?: number }): Promise<Run> {
  const seconds = opts.seconds ?? DURATION;
  const loadAvg = os.loadavg()[0]!;
  const before = await cpuSample(serverPid);
  const result = await autocannon({
    url: target,
    connections: opts.rate ? HALF_CONNECTIONS : CONNECTIONS,
    duration: seconds,
    overallRate: opts.rate,
    requests: [{ method: 'POST', path: opts.path, headers: { 'content-type': opts.contentType }, setupRequest: (req) => ({ ...req, body: opts.body() }) }],
  });
  const after = await cpuSample(serverPid);
  const ok = result['2xx'];
  return {
    rps: ok / seconds,
    ok,
    errors: result.non2xx + result.errors + result.timeouts,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    load: loadAvg,
    cpu: cpuSince(before, after),
  };
}

async function startServer(port: number): Promise<ChildProcess> {
  const server = spawn(process.execPath, ['--import', 'tsx', 'packages/server/src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: url,
      // PostgreSQL mode refuses to start without a master key (the bench's database is thrown away).
      GONGZHI_MASTER_KEY: process.env.GONGZHI_MASTER_KEY ?? 'be7c'.repeat(16),
      DEMO_PEOPLE: '320614103001',
      // The load comes from one address without an account: the hourly limit of such reports is off here.
      ANON_REPORTS_PER_HOUR: '0',
      LOG_LEVEL: 'error',
      DB_POOL_MAX: String(POOL),
      GONGZHI_WORKERS: String(WORKERS),
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const target = `http://127.0.0.1:${port}`;
  for (let t = 0; t < 360; t++) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    const ok = await fetch(`${target}/api/health`).then((r) => r.ok).catch(() => false);
    // In cluster mode every worker must be up: a few answers in a row.
    if (ok && (await Promise.all([1, 2, 3, 4].map(() => fetch(`${target}/api/health`).then((r) => r.ok).catch(() => false)))).every(Boolean)) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  return server;
}

async function stopServer(server: ChildProcess) {
  if (server.exitCode !== null) return;
  const exited = new Promise((r) => server.once('exit', r));
  server.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  if (server.exitCode === null) server.kill('SIGKILL');
}

// ---- report --------------------------------------------------------------------------------------

function writeSection(section: string) {
  const block = `${START}\n${section.trim()}\n${END}`;
  let doc = fs.existsSync(DOC) ? fs.readFileSync(DOC, 'utf8') : '';
  if (doc.includes(START) && doc.includes(END)) {
    doc = doc.slice(0, doc.indexOf(START)) + block + doc.slice(doc.indexOf(END) + END.length);
  } else if (/^## Case intake.*$/m.test(doc)) {
    // An older file without markers: its intake section (up to the next section) is replaced.
    const start = doc.search(/^## Case intake.*$/m);
    const next = doc.slice(start + 1).search(/^## /m);
    doc = doc.slice(0, start) + block + '\n' + (next >= 0 ? '\n' + doc.slice(start + 1 + next) : '');
  } else {
    doc = (doc.trim() ? doc.trimEnd() + '\n\n' : '# Benchmarks\n\nFigures written by the benchmarks (`npm run bench`); a benchmark is not a test, so these numbers are measured and recorded, not asserted.\n\n') + block + '\n';
  }
  fs.writeFileSync(DOC, doc.endsWith('\n') ? doc : doc + '\n');
}

const f0 = (n: number) => n.toFixed(0);
const perCase = (r: Run) => (r.cpu && r.ok ? `${((r.cpu.serverMs) / r.ok).toFixed(2)} + ${((r.cpu.databaseMs) / r.ok).toFixed(2)}` : '—');
const row = (name: string, r: Run) => `| ${name} | ${f0(r.rps)} | ${r.p50} | ${r.p90} | ${r.p99} | ${r.errors} | ${perCase(r)} | ${r.load.toFixed(1)} |`;

async function main() {
  await query(`${pgBase}/postgres`, `CREATE DATABASE "${db}"`);
  const port = await freePort();
  console.log(`server: ${WORKERS} process(es), pool ${POOL} each; ${DURATION} s per run; ${CONNECTIONS} connections at full load`);
  const server = await startServer(port);
  const target = `http://127.0.0.1:${port}`;
  try {
    await query(url, 'CREATE TABLE bench_raw (id bigserial primary key, title text, description text, category_code varchar(16), area_code varchar(24), created_at timestamptz default now())');
    const version = (await query<{ server_version: string }>(url, 'show server_version'))[0]?.server_version;
    const syncCommit = (await query<{ synchronous_commit: string }>(url, 'show synchronous_commit'))[0]?.synchronous_commit;
    const pid = server.pid!;

    console.log('warming up …');
    await load(target, pid, { path: '/api/cases', body: caseBody, contentType: 'application/json', seconds: Math.min(5, DURATION) });
    // The steady rate first, on a server that is not still catching up on a saturation run's background work
    // (history sealing, roll-up folding, model learning): that is the condition the latency target names.
    await new Promise((r) => setTimeout(r, 6_000));
    console.log(`POST /api/cases, steady ${STEADY_RATE}/s …`);
    const steady = await load(target, pid, { path: '/api/cases', body: caseBody, contentType: 'application/json', rate: STEADY_RATE });
    console.log(`  ${f0(steady.rps)} cases/s, p50 ${steady.p50} ms, p90 ${steady.p90} ms, p99 ${steady.p99} ms`);
    if (process.env.BENCH_ONLY === 'steady') {
      await stopServer(server);
      return;
    }
    console.log(`pgbench single-row INSERT, ${CONNECTIONS} clients …`);
    const raw = pgbench(RAW_INSERT, CONNECTIONS);
    console.log(`  ${f0(raw.tps)} tps`);
    console.log('POST /api/cases, full load …');
    const api = await load(target, pid, { path: '/api/cases', body: caseBody, contentType: 'application/json' });
    console.log(`  ${f0(api.rps)} cases/s, p99 ${api.p99} ms, errors ${api.errors}`);
    const halfRate = Math.max(1, Math.round(api.rps / 2));
    console.log(`POST /api/cases, half load (${halfRate}/s) …`);
    const half = await load(target, pid, { path: '/api/cases', body: caseBody, contentType: 'application/json', rate: halfRate });
    console.log(`  ${f0(half.rps)} cases/s, p99 ${half.p99} ms`);
    console.log('Open311, full load …');
    const o311 = await load(target, pid, { path: '/open311/v2/requests.json', body: open311Body, contentType: 'application/x-www-form-urlencoded' });
    console.log(`  ${f0(o311.rps)} cases/s, p99 ${o311.p99} ms, errors ${o311.errors}`);
    const o311Rate = Math.max(1, Math.round(o311.rps / 2));
    console.log(`Open311, half load (${o311Rate}/s) …`);
    const o311Half = await load(target, pid, { path: '/open311/v2/requests.json', body: open311Body, contentType: 'application/x-www-form-urlencoded', rate: o311Rate });
    console.log(`  ${f0(o311Half.rps)} cases/s, p99 ${o311Half.p99} ms`);
    await stopServer(server);
    console.log(`pgbench one intake's rows per transaction, ${CONNECTIONS} clients (context) …`);
    const rawIntake = pgbench(RAW_INTAKE, CONNECTIONS);
    console.log(`  ${f0(rawIntake.tps)} tps`);

    const ratio = api.rps / raw.tps;
    const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
    const section = `## Case intake (接诉即办)

Written by \`packages/server/bench/intake.ts\` (\`npm run -w @gongzhi/server bench\`).

Machine: ${os.cpus().length} cores (${cpu}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, PostgreSQL ${version} on the same machine (\`synchronous_commit = ${syncCommit}\`).
Run: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${DURATION} s per run. Server: ${WORKERS} process${WORKERS > 1 ? 'es (cluster mode, `GONGZHI_WORKERS`)' : ''}, ${POOL} database connections each, intakes group-committed (\`INTAKE_BATCH_*\` defaults). Load generator (autocannon, one process): ${CONNECTIONS} connections at full load, ${HALF_CONNECTIONS} at a fixed half rate; it shares the cores with the server and PostgreSQL. pgbench: \`-c ${CONNECTIONS} -j 2 -T ${DURATION}\`, no HTTP.

| load | cases/s | p50 ms | p90 ms | p99 ms | errors | CPU ms per case (server + database) | load avg |
|---|---|---|---|---|---|---|---|
| raw \`pgbench\` single-row INSERT (${CONNECTIONS} clients) — the baseline | ${f0(raw.tps)} tps | — | — | avg ${raw.latencyMs} | — | — | — |
${row('POST /api/cases, full load', api)}
${row(`POST /api/cases, half load (${halfRate}/s)`, half)}
${row(`POST /api/cases, steady ${STEADY_RATE}/s`, steady)}
${row('POST /open311/v2/requests.json, full load', o311)}
${row(`POST /open311/v2/requests.json, half load (${o311Rate}/s)`, o311Half)}
| context: \`pgbench\`, one intake's rows (case, timeline entry, audit row, notifications) per transaction (${CONNECTIONS} clients) | ${f0(rawIntake.tps)} tps | — | — | avg ${rawIntake.latencyMs} | — | — | — |

API rate / raw insert rate: **${(ratio * 100).toFixed(1)} %** (target ≥ 40 %). p99 at a steady ${STEADY_RATE}/s: **${steady.p99} ms** (target < 50 ms); at half load: ${half.p99} ms.
API rate / pgbench writing the same rows per transaction: ${((api.rps / rawIntake.tps) * 100).toFixed(0)} %.
Load generator CPU at full load: ${api.cpu ? ((api.cpu.generatorMs / api.ok) || 0).toFixed(2) : '—'} ms per request.

"load avg" is the machine's 1-minute load average when the run started (2 means both cores busy); figures taken
on a busy machine are lower than on a quiet one.
`;
    if (process.env.BENCH_WRITE !== 'false') writeSection(section + (process.env.BENCH_NOTES ? '\n' + fs.readFileSync(process.env.BENCH_NOTES, 'utf8') : notesFromDoc()));
    console.log(section);
  } finally {
    await stopServer(server);
    await query(`${pgBase}/postgres`, `DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`).catch(() => undefined);
  }
}

/** The hand-written notes below the generated figures (from `<!-- bench:intake:notes -->` on) are kept. */
function notesFromDoc(): string {
  if (!fs.existsSync(DOC)) return '';
  const doc = fs.readFileSync(DOC, 'utf8');
  const s = doc.indexOf(START);
  const e = doc.indexOf(END);
  if (s < 0 || e < 0) return '';
  const inside = doc.slice(s, e);
  const n = inside.indexOf('<!-- bench:intake:notes -->');
  return n >= 0 ? '\n' + inside.slice(n).trim() + '\n' : '';
}

await main();
