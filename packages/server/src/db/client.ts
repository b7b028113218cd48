import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { sql } from 'drizzle-orm';
import pg from 'pg';
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
}

export const migrationsFolder = path.resolve(import.meta.dirname, '../../drizzle');

export interface OpenOptions {
  databaseUrl?: string;
  /** Directory for PGlite; `memory://` keeps it in memory (tests). */
  dataDir: string;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: Number(process.env.DB_POOL_MAX ?? 10) });
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
  const client = new PGlite(inMemory ? opts.dataDir : path.join(opts.dataDir, 'pglite'));
  await client.waitReady;
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    // PGlite lives inside this process and serialises every statement already.
    withLock: (_name, fn) => fn(),
    close: () => client.close(),
  };
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
