// Starts the real Gongzhi server for an end-to-end run: its own port, its own data directory,
// a small demo (two communities' people) so the seed stays fast.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

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

export async function startServer(): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'gongzhi-e2e-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    DATA_DIR: dataDir,
    DEMO_PEOPLE: '320614103001,320614103002',
    DEMO_LIGHT: 'false',
    LOG_LEVEL: 'warn',
  };
  // The demo must be seeded. On PostgreSQL (DATABASE_URL set) each run gets a fresh database of
  // its own on the same server, so rows left by the integration tests never show in the browser.
  delete env.SEED_DEMO;
  delete env.WEB_DIST;
  let dropDatabase = async () => {};
  if (process.env.DATABASE_URL) {
    const base = new URL(process.env.DATABASE_URL);
    const name = `gongzhi_e2e_${Date.now()}_${process.pid}`;
    const adminUrl = new URL(base);
    adminUrl.pathname = '/postgres';
    const admin = async (sql: string) => {
      const client = new pg.Client({ connectionString: adminUrl.toString() });
      await client.connect();
      try {
        await client.query(sql);
      } finally {
        await client.end();
      }
    };
    await admin(`CREATE DATABASE "${name}"`);
    base.pathname = `/${name}`;
    env.DATABASE_URL = base.toString();
    // PostgreSQL mode refuses to start without a master key; this database lives for one run only.
    env.GONGZHI_MASTER_KEY ??= 'e2e0'.repeat(16);
    dropDatabase = () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
  }

  const child = spawn(process.execPath, ['--import', 'tsx', 'packages/server/src/main.ts'], {
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
    await dropDatabase();
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
