import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { bootstrap } from '../src/bootstrap.ts';
import { areas } from '../src/db/schema.ts';

// SIGKILL during concurrent intake: the real server process is killed while reports with
// Idempotency-Keys are in flight, restarted on the same data (PGlite directory, or a throwaway
// PostgreSQL database when DATABASE_URL is set), and every unanswered report is resent with its key.
// Every acknowledged case must be there exactly once, and no report may be stored twice.

const ROOT = path.resolve(import.meta.dirname, '../../..');
const KEY = 'd0a1'.repeat(16);
const PG = process.env.DATABASE_URL;
const GRID = '320614103001001';
const N = 64;

let dataDir = '';
let dbUrl: string | undefined;
let server: ChildProcess | undefined;
let dropDb = async () => {};

afterAll(async () => {
  server?.kill('SIGKILL');
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  await dropDb();
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

function env(port: number): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, SEED_DEMO: 'false', GONGZHI_MASTER_KEY: KEY, LOG_LEVEL: 'error', GONGZHI_WORKERS: '1' };
  if (dbUrl) e.DATABASE_URL = dbUrl;
  else delete e.DATABASE_URL;
  return e;
}

/**
 * Migrations, the catalogue and one grid with its parents: enough to take reports, seeded in seconds.
 * This in-process preparation (and the final read) skips the disk flush — no power is cut here —
 * while the server processes under test run as shipped.
 */
async function prepare() {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gz-durability-'));
  if (PG) {
    const admin = new URL(PG);
    const name = `gz_durability_${Date.now()}_${process.pid}`;
    admin.pathname = '/postgres';
    const run = async (q: string) => {
      const c = new pg.Client({ connectionString: admin.toString() });
      await c.connect();
      await c.query(q).finally(() => c.end());
    };
    await run(`create database "${name}"`);
    dropDb = () => run(`drop database if exists "${name}" with (force)`).catch(() => {});
    const u = new URL(PG);
    u.pathname = `/${name}`;
    dbUrl = u.toString();
  }
  const ctx = await bootstrap(loadConfig({ ...env(0), DATABASE_URL: dbUrl ?? '', PGLITE_FSYNC: 'off' }));
  await ctx.db.insert(areas).values([
    { code: '320614', name: '海门区', level: 'district', parentCode: null },
    { code: '320614103', name: '常乐镇', level: 'town', parentCode: '320614' },
    { code: '320614103001', name: '状元街社区', level: 'village', parentCode: '320614103' },
    { code: GRID, name: '第一网格', level: 'grid', parentCode: '320614103001' },
  ]);
  await ctx.database.close();
}

async function start(): Promise<string> {
  const port = await freePort();
  server = spawn(process.execPath, ['--import', 'tsx', 'packages/server/src/main.ts'], { cwd: ROOT, env: env(port), stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i++) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    if (await fetch(`${url}/api/health`).then((r) => r.ok, () => false)) return url;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('server did not become healthy');
}

function stop(signal: NodeJS.Signals): Promise<void> {
  const s = server!;
  if (s.exitCode !== null || s.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    s.once('exit', () => resolve());
    s.kill(signal);
  });
}

describe('SIGKILL during concurrent intake, restart, resend with the same keys', () => {
  it('every acknowledged case is present exactly once and nothing is stored twice', async () => {
    await prepare();
    let url = await start();
    const stamp = Date.now().toString(36);
    const tag = `断电${stamp}`;
    const body = (i: number) =>
      JSON.stringify({ title: `${tag} 路灯不亮 ${i}`, description: `状元街${(i % 9) + 1}幢门口的路灯连续三天晚上不亮。`, categoryCode: 'B0110', channel: 'qr', areaCode: GRID });
    const send = (i: number) =>
      fetch(`${url}/api/cases`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': `dur-${stamp}-${i}` }, body: body(i), signal: AbortSignal.timeout(20_000) });

    // 16 clients send N keyed reports; the process is SIGKILLed once a third are acknowledged.
    const acknowledged = new Map<number, string>();
    let next = 0;
    let killed = false;
    const client = async () => {
      while (!killed && next < N) {
        const i = next++;
        try {
          const res = await send(i);
          if (res.status === 201) acknowledged.set(i, ((await res.json()) as { id: string }).id);
        } catch {
          // no answer: resent after the restart
        }
        if (!killed && acknowledged.size >= N / 3) {
          killed = true;
          await stop('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: 16 }, client));
    expect(killed).toBe(true);
    expect(acknowledged.size).toBeGreaterThan(0);
    expect(acknowledged.size).toBeLessThan(N);

    // Restart on the same data and resend every report without an answer, with its key.
    url = await start();
    const resent = new Map<number, string>();
    const unanswered = Array.from({ length: N }, (_, i) => i).filter((i) => !acknowledged.has(i));
    for (let k = 0; k < unanswered.length; k += 16) {
      await Promise.all(
        unanswered.slice(k, k + 16).map(async (i) => {
          const res = await send(i);
          expect(res.status, await res.clone().text()).toBe(201);
          resent.set(i, ((await res.json()) as { id: string }).id);
        }),
      );
    }
    // A repeat of an acknowledged report still answers with its case.
    const again = await send([...acknowledged.keys()][0]!);
    expect(((await again.json()) as { id: string }).id).toBe(acknowledged.get([...acknowledged.keys()][0]!));
    await stop('SIGTERM');

    // The stored cases, read from the data the server left behind.
    const ctx = await bootstrap(loadConfig({ ...env(0), DATABASE_URL: dbUrl ?? '', PGLITE_FSYNC: 'off' }));
    try {
      const rows = (await ctx.db.execute<{ id: string; title: string; events: number }>(sql`
        select c.id, c.title, (select count(*)::int from case_events e where e.case_id = c.id and e.action = 'report') as events
        from cases c where c.title like ${tag + '%'}`)).rows;
      const byTitle = new Map(rows.map((r) => [r.title, r]));
      expect(byTitle.size, 'a report stored twice').toBe(rows.length);
      expect(rows).toHaveLength(N);
      for (const [i, id] of [...acknowledged, ...resent]) expect(byTitle.get(`${tag} 路灯不亮 ${i}`)?.id, `report ${i}`).toBe(id);
      for (const r of rows) expect(r.events).toBe(1);
    } finally {
      await ctx.database.close();
    }
  }, 240_000);
});
