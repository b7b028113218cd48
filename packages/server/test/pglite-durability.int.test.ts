import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../src/db/client.ts';

// Embedded PGlite on disk flushes each commit to the disk: PostgreSQL runs with fsync on and its
// fsync() of the WAL reaches the kernel (PGlite's own NODEFS drops it). docs/RELIABILITY.md holds
// the strace of the same. PGlite only (PostgreSQL does this itself).

const dirs: string[] = [];
let database: Database | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await database?.close();
  database = undefined;
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** Paths of the files fsync'd while `fn` runs (fds resolved through /proc). */
async function fsyncedDuring(fn: () => Promise<unknown>): Promise<string[]> {
  const synced: string[] = [];
  const real = fs.fsyncSync;
  vi.spyOn(fs, 'fsyncSync').mockImplementation((fd: number) => {
    try {
      synced.push(fs.readlinkSync(`/proc/self/fd/${fd}`));
    } catch {
      synced.push(`fd:${fd}`);
    }
    real(fd);
  });
  await fn();
  return synced;
}

async function open(durable: boolean | undefined) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gz-durable-'));
  dirs.push(dir);
  database = await openDatabase({ dataDir: dir, durable });
  await database.db.execute(sql`create table probe (id serial primary key, note text)`);
  return database;
}

describe.skipIf(!!process.env.DATABASE_URL)('embedded PGlite durability', () => {
  it('by default a commit returns after its WAL was fsync’d to the disk', async () => {
    const db = await open(undefined);
    const settings = (await db.db.execute<{ name: string; setting: string }>(sql`select name, setting from pg_settings where name in ('fsync', 'wal_sync_method', 'synchronous_commit') order by name`)).rows;
    expect(settings).toEqual([
      { name: 'fsync', setting: 'on' },
      { name: 'synchronous_commit', setting: 'on' },
      { name: 'wal_sync_method', setting: 'fsync' },
    ]);
    const synced = await fsyncedDuring(() => db.db.execute(sql`insert into probe (note) values ('已确认的案件')`));
    expect(synced.some((p) => /[/\\]pg_wal[/\\][0-9A-F]{24}$/.test(p)), synced.join(', ')).toBe(true);
  }, 60_000);

  it('a read does not touch the disk', async () => {
    const db = await open(undefined);
    await db.db.execute(sql`insert into probe (note) values ('x')`);
    const synced = await fsyncedDuring(() => db.db.execute(sql`select count(*) from probe`));
    expect(synced).toEqual([]);
  }, 60_000);

  it('PGLITE_FSYNC=off (durable: false) trades the flush for speed', async () => {
    const db = await open(false);
    const synced = await fsyncedDuring(() => db.db.execute(sql`insert into probe (note) values ('x')`));
    expect(synced).toEqual([]);
  }, 60_000);
});
