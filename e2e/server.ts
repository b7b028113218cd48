// Starts the real Gongzhi server for an end-to-end run: its own port, its own data directory,
// a small demo (two communities' people) so the seed stays fast.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { ensureTemplate, seedHash } from '../packages/server/test/seed-hash.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const HEALTH_TIMEOUT_MS = 120_000;

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The seeded demo the browser tests share: two communities' people, no light history elsewhere. */
const DEMO_ENV = { DEMO_PEOPLE: '320614103001,320614103002', DEMO_LIGHT: 'false' };
// PostgreSQL mode refuses to start without a master key; the template and its copies share this one.
const E2E_MASTER_KEY = 'e2e0'.repeat(16);

async function adminQuery(base: URL, text: string) {
  const url = new URL(base);
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

const withDb = (base: URL, name: string) => {
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
};

/**
 * On PostgreSQL every browser test file gets a database of its own, copied (CREATE DATABASE … TEMPLATE) from
 * one seeded by a first server run: the seed runs once per code version and day, not once per file. The
 * template is named after DATABASE_URL's database, so CI's clean-up of that name's databases drops it too.
 */
async function ownDatabase(base: URL): Promise<{ url: string; drop(): Promise<void> }> {
  const baseName = decodeURIComponent(base.pathname.slice(1)).slice(0, 36);
  const template = `${baseName}_e2e_${seedHash()}`;
  // Two test files start at once: the first seeds the template while the other waits for it.
  await ensureTemplate(base, template, async (url) => (await spawnServer({ DATABASE_URL: url })).stop());
  const name = `${baseName}_e2e_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  await adminQuery(base, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  return { url: withDb(base, name), drop: async () => void (await adminQuery(base, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined)) };
}

export async function startServer(): Promise<RunningServer> {
  // On PostgreSQL (DATABASE_URL set) each run gets a database of its own on the same server, so rows
  // left by the integration tests or by other browser test files never show in the browser.
  if (!process.env.DATABASE_URL) return spawnServer({});
  const own = await ownDatabase(new URL(process.env.DATABASE_URL));
  try {
    const server = await spawnServer({ DATABASE_URL: own.url });
    return {
      url: server.url,
      async stop() {
        await server.stop();
        await own.drop();
      },
    };
  } catch (e) {
    await own.drop();
    throw e;
  }
}

/** Starts the server on its own port and data directory, seeding the demo if its database is empty. */
async function spawnServer(extra: NodeJS.ProcessEnv): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'gongzhi-e2e-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    DATA_DIR: dataDir,
    ...DEMO_ENV,
    LOG_LEVEL: 'warn',
    GONGZHI_MASTER_KEY: process.env.GONGZHI_MASTER_KEY ?? E2E_MASTER_KEY,
    ...extra,
  };
  if (!extra.DATABASE_URL) delete env.DATABASE_URL;
  // The demo must be seeded (SEED_DEMO unset means yes); the server serves the web build it finds.
  delete env.SEED_DEMO;
  delete env.WEB_DIST;

  // The server's bundle (`npm run test:e2e` builds it when a source is newer, scripts/ensure-build.mjs), as `npm start` runs it.
  const child = spawn(process.execPath, ['--enable-source-maps', 'packages/server/dist/main.mjs'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited: number | null = null;
  const exit = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exited = code ?? (signal ? 128 : 1);
      resolve();
    });
  });

  const url = `http://127.0.0.1:${port}`;
  const cleanup = async () => {
    if (exited === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exit;
      clearTimeout(timer);
    }
    await fs.promises.rm(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  for (;;) {
    if (exited !== null) {
      await cleanup();
      throw new Error(`server exited with ${exited} before it was healthy:\n${output}`);
    }
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await cleanup();
      throw new Error(`server not healthy after ${HEALTH_TIMEOUT_MS / 1000} s:\n${output}`);
    }
    await sleep(500);
  }

  return { url, stop: cleanup };
}
