import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { serverRoot } from '../config.ts';
import * as schema from './schema.ts';

/**
 * Both drivers expose the same Drizzle query API; the rest of the code is written against
 * the node-postgres flavour of the type.
 */
export type Db = NodePgDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Runs `fn` while holding a cluster-wide lock, so several instances never migrate or seed at once. */
  withLock<T>(name: string, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** PGlite only: the whole data directory as a tarball (the test tier's seeded template). */
  dumpDataDir?(): Promise<Blob>;
}

export const migrationsFolder = path.join(serverRoot, 'drizzle');

export interface OpenOptions {
  databaseUrl?: string;
  /** Directory for PGlite; `memory://` keeps it in memory (tests). */
  dataDir: string;
  /** PGlite on disk: flush each commit to the disk (default true; PGLITE_FSYNC=off turns it off). */
  durable?: boolean;
  /** PGlite in memory: start from this data directory tarball (from `dumpDataDir`) instead of an empty one. */
  loadDataDir?: Blob;
}

/**
 * PGlite's file system on Node, with fsync passed through to the disk. PGlite 0.5 starts
 * PostgreSQL with fsync off (`-F`), and its Emscripten NODEFS answers fsync() without calling
 * the kernel; fdatasync() is a no-op in its libc. Here fsync() reaches the file, and PostgreSQL
 * runs with fsync on and wal_sync_method=fsync: a commit returns after its WAL is on the disk,
 * and a checkpoint flushes the data files before it drops the WAL (docs/RELIABILITY.md).
 */
class DurableNodeFS extends NodeFS {
  override async init(pg: PGlite, opts: Parameters<NodeFS['init']>[1]) {
    const r = await super.init(pg, opts);
    type Mod = { NODEFS: { stream_ops: { fsync?: (stream: { nfd: number }) => number } } };
    const passFsync = (mod: Mod) => {
      mod.NODEFS.stream_ops.fsync = (stream) => {
        fs.fsyncSync(stream.nfd);
        return 0;
      };
    };
    return { emscriptenOpts: { ...r.emscriptenOpts, preRun: [...(r.emscriptenOpts.preRun ?? []), passFsync as never] } };
  }
}

/** PGlite's start parameters with fsync on (no `-F`) and WAL flushed with fsync() (the one PGlite passes through). */
export const DURABLE_START_PARAMS = [...PGlite.defaultStartParams.filter((p) => p !== '-F'), '-c', 'wal_sync_method=fsync'];

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: Number(process.env.DB_POOL_MAX ?? 10),
      // Idle connections stay open for minutes, not the driver's 10 s: under a steady stream of requests a pool that
      // closes and reopens connections makes a few requests pay a new backend plus the first parse of every prepared
      // statement on it (tens of ms), which is the latency tail (docs/BENCHMARKS.md, intake at a steady rate).
      idleTimeoutMillis: Number(process.env.DB_POOL_IDLE_MS ?? 300_000),
      // While the database is away a request waits at most this long for a connection, then answers 503.
      connectionTimeoutMillis: Number(process.env.DB_CONNECT_TIMEOUT_MS ?? 5000),
    });
    // An idle connection the database dropped (restart, failover, network cut) is discarded by
    // the pool, which opens new ones when asked: the server reconnects by itself. Without this
    // listener the dropped connection's error would end the process.
    let lastDropLog = 0;
    pool.on('error', (err) => {
      if (Date.now() - lastDropLog < 10_000) return;
      lastDropLog = Date.now();
      console.error(`[gongzhi] database connection lost (${err.message}); reconnecting on demand`);
    });
    const db = drizzlePg(pool, { schema });
    return {
      db,
      kind: 'postgres',
      async withLock(name, fn) {
        const client = await pool.connect();
        try {
          await client.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
          return await fn();
        } finally {
          await client.query('SELECT pg_advisory_unlock(hashtext($1))', [name]).catch(() => undefined);
          client.release();
        }
      },
      close: () => pool.end(),
    };
  }
  const inMemory = opts.dataDir.startsWith('memory://');
  if (!inMemory) fs.mkdirSync(opts.dataDir, { recursive: true });
  const dir = inMemory ? opts.dataDir : path.join(opts.dataDir, 'pglite');
  const options: PGliteOptions =
    !inMemory && opts.durable !== false
      ? { fs: new DurableNodeFS(dir), startParams: DURABLE_START_PARAMS }
      : { dataDir: dir, ...(inMemory && opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}) };
  const client = new PGlite(options);
  await client.waitReady;
  guardAgainstSelfDeadlock(client);
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    // PGlite lives inside this process and serialises every statement already.
    withLock: (_name, fn) => fn(),
    close: () => client.close(),
    dumpDataDir: () => client.dumpDataDir('none'),
  };
}

/**
 * PGlite has one connection: a statement sent outside a transaction waits until the transaction ends.
 * Code that, inside `db.transaction(async (tx) => …)`, reads through `db` instead of `tx` therefore
 * waits for itself forever (on PostgreSQL it would take a second connection and not see its own
 * uncommitted writes). Such a statement fails at once here with a message naming the mistake, rather
 * than hanging the request. Other requests' statements, in their own async context, wait as before.
 */
function guardAgainstSelfDeadlock(client: PGlite) {
  const open = new AsyncLocalStorage<{ open: boolean }>();
  const refuse = () => {
    if (open.getStore()?.open) throw new Error('statement sent through the database handle inside its own open transaction (use the transaction handle): it would wait for itself on PGlite');
  };
  const transaction = client.transaction.bind(client);
  client.transaction = (async (fn: Parameters<PGlite['transaction']>[0]) => {
    refuse();
    const state = { open: true };
    return open.run(state, async () => {
      try {
        return await transaction(fn);
      } finally {
        state.open = false;
      }
    });
  }) as PGlite['transaction'];
  for (const name of ['query', 'exec'] as const) {
    const original = client[name].bind(client) as (...args: unknown[]) => Promise<unknown>;
    (client as unknown as Record<string, unknown>)[name] = async (...args: unknown[]) => {
      refuse();
      return original(...args);
    };
  }
}

export async function runMigrations(database: Database): Promise<void> {
  await database.withLock('gongzhi:migrate', async () => {
    if (database.kind === 'postgres') {
      await migratePg(database.db, { migrationsFolder });
    } else {
      await migratePglite(database.db as never, { migrationsFolder });
    }
  });
}

export async function ping(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}
