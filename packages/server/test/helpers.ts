import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { bootstrap } from '../src/bootstrap.ts';
import { buildApp } from '../src/http/app.ts';
import type { AppContext } from '../src/services/context.ts';
import { DEMO_PASSWORD } from '../src/seed/demo.ts';
import { ensureTemplate, seedHash } from './seed-hash.ts';
import { assertResponsesMatch, recordResponses, type ResponseLog } from './responses.ts';

/** People are generated for two communities only, to keep each test file's seed quick. */
export const TEST_PEOPLE_AREAS = '320614103001,320614103002';

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  /** A client logged in as one of the demo accounts (or any user with the given password). */
  as(username: string, password?: string): Promise<Client>;
  anonymous(): Client;
  close(): Promise<void>;
  /** The PostgreSQL database this file runs on (its own copy of the seeded template); undefined on PGlite. */
  databaseUrl?: string;
  /** Every answer checked against its declared response schema; close() fails on a mismatch (test/responses.ts). */
  responses: ResponseLog;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export class Client {
  constructor(
    private readonly app: FastifyInstance,
    public cookie: string | null,
  ) {}

  async request(method: Method, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return this.app.inject({
      method,
      url,
      headers: { ...(this.cookie ? { cookie: this.cookie } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      payload: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
  }
  get = (url: string) => this.request('GET', url);
  /** Uploads a small PNG as this user (the photo an on-site check takes, 现场核验); returns the file id. */
  async uploadPhoto(name = 'site.png'): Promise<string> {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const boundary = `----gz${Math.random().toString(36).slice(2)}`;
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: image/png\r\n\r\n`),
      png,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await this.app.inject({ method: 'POST', url: '/api/files', headers: { ...(this.cookie ? { cookie: this.cookie } : {}), 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
    if (res.statusCode !== 201) throw new Error(`photo upload: ${res.statusCode} ${res.body}`);
    return (JSON.parse(res.body) as { id: string }).id;
  }
  post = (url: string, body: unknown = {}) => this.request('POST', url, body);
  patch = (url: string, body: unknown) => this.request('PATCH', url, body);
  put = (url: string, body: unknown) => this.request('PUT', url, body);
}

/**
 * Builds the real app on a real database: in-memory PGlite by default; when DATABASE_URL is set, a
 * database of this file's own on that PostgreSQL server, copied from a seeded template.
 */
export async function createTestApp(): Promise<TestApp> {
  const own = process.env.DATABASE_URL ? await ownPgDatabase(process.env.DATABASE_URL) : null;
  const image = own ? undefined : await pgliteTemplate();
  const config = loadConfig({
    ...testEnv(own?.url),
    // Every test logs in from 127.0.0.1, and some fail on purpose: the per-source challenge and block
    // would then stop later logins of the same file. login-throttle.int.test.ts sets them explicitly.
    LOGIN_CHALLENGE_AFTER: process.env.LOGIN_CHALLENGE_AFTER ?? '1000',
    LOGIN_SOURCE_MAX_FAILURES: process.env.LOGIN_SOURCE_MAX_FAILURES ?? '10000',
    ANON_REPORTS_PER_HOUR: process.env.ANON_REPORTS_PER_HOUR ?? '100000',
  });
  const ctx = await bootstrap(config, undefined, { loadDataDir: image });
  const app = await buildApp(ctx);
  const responses = recordResponses(app);
  await app.ready();
  return {
    app,
    ctx,
    async as(username, password = DEMO_PASSWORD) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login as ${username} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      return new Client(app, cookie);
    },
    anonymous: () => new Client(app, null),
    async close() {
      await app.close();
      await ctx.database.close();
      await own?.drop();
      assertResponsesMatch(responses);
    },
    databaseUrl: own?.url,
    responses,
  };
}

/** The settings of a test app: in-memory PGlite, or the given PostgreSQL database. */
const testEnv = (databaseUrl: string | undefined): NodeJS.ProcessEnv => ({
  ...process.env,
  ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  DATA_DIR: 'memory://',
  DEMO_PEOPLE: TEST_PEOPLE_AREAS,
  // Without the light history of the other towns: each test file seeds its own database quickly.
  DEMO_LIGHT: 'false',
  SEED_DEMO: 'true',
  // A fixed key, so a PostgreSQL template shared by test files and re-runs stays readable.
  GONGZHI_MASTER_KEY: process.env.GONGZHI_MASTER_KEY ?? '7e57'.repeat(16),
});

async function adminQuery(base: string, text: string, values: unknown[] = []) {
  const url = new URL(base);
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await client.query(text, values);
  } finally {
    await client.end();
  }
}

/**
 * On PGlite every test file starts from the data directory of one seeded in-memory database, written once to the
 * temporary directory as a tarball (PGlite's dumpDataDir/loadDataDir): the seed runs once per code version, not
 * once per file.
 */
async function pgliteTemplate(): Promise<Blob> {
  const file = path.join(os.tmpdir(), `gongzhi-pglite-tpl-${seedHash()}.tar`);
  // Files run two at a time: the first to come seeds the image while the other waits for it (a lock file; one left by
  // a killed run is taken over after ten minutes).
  const lockFile = `${file}.lock`;
  for (let waited = 0; !fs.existsSync(file); waited += 500) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      break;
    } catch {
      if (waited > 600_000) fs.rmSync(lockFile, { force: true });
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  if (!fs.existsSync(file)) {
    try {
      const ctx = await bootstrap(loadConfig(testEnv(undefined)));
      const tar = await ctx.database.dumpDataDir!();
      await ctx.database.close();
      const part = `${file}.${process.pid}.part`;
      fs.writeFileSync(part, Buffer.from(await tar.arrayBuffer()));
      fs.renameSync(part, file);
    } finally {
      fs.rmSync(lockFile, { force: true });
    }
  }
  return new Blob([fs.readFileSync(file)]);
}

/**
 * On PostgreSQL every test file runs on a database of its own, copied from a template seeded once
 * (CREATE DATABASE … TEMPLATE): no file sees the rows another file left, whatever the order. The
 * template is named after DATABASE_URL's database and a hash of the migrations and the seed code,
 * so a changed schema or seed gets a new one.
 */
async function ownPgDatabase(base: string): Promise<{ url: string; drop(): Promise<void> }> {
  const baseName = decodeURIComponent(new URL(base).pathname.slice(1));
  const template = `${baseName.slice(0, 40)}_tpl_${seedHash()}`;
  const withDb = (name: string) => {
    const u = new URL(base);
    u.pathname = `/${name}`;
    return u.toString();
  };
  // Files run two at a time: the first to come seeds the template while the other waits for it.
  await ensureTemplate(base, template, async (url) => {
    const ctx = await bootstrap(loadConfig(testEnv(url)));
    await ctx.database.close();
  });
  const name = `${baseName.slice(0, 40)}_f${process.pid}_${Date.now().toString(36)}`;
  await adminQuery(base, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  return { url: withDb(name), drop: async () => void (await adminQuery(base, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)) };
}

export const json = <T = Record<string, unknown>>(res: LightMyRequestResponse): T => JSON.parse(res.body) as T;

/** Unique suffix for names created by a test, so runs against a shared PostgreSQL never collide. */
export const uniq = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
