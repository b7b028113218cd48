// The key of a seeded test database (the integration tier's templates and the browser tier's), and the one way to
// build such a template once.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

let memo: string | undefined;

/**
 * A hash of everything that shapes the seeded database: the migrations and the source of the domain and the
 * server (the seed, the catalogue, the demo generator and what they call), and the day. Changed code gets a
 * fresh template.
 */
export function seedHash(): string {
  if (memo) return memo;
  const server = path.resolve(import.meta.dirname, '..');
  const hash = crypto.createHash('sha256');
  // The demo's history is laid out relative to today: a template is good for the day it was seeded.
  hash.update(new Date().toISOString().slice(0, 10));
  hash.update(fs.readFileSync(path.join(server, 'drizzle/meta/_journal.json')));
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else hash.update(p.slice(server.length)).update(fs.readFileSync(p));
    }
  };
  walk(path.join(server, 'src'));
  walk(path.join(server, '../domain/src'));
  memo = hash.digest('hex').slice(0, 10);
  return memo;
}

async function adminQuery(base: URL, text: string) {
  const url = new URL(base);
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/**
 * Makes sure the PostgreSQL template database `template` exists on the server of `base`, seeding it with `seed` (given
 * the URL of the database to fill) when it does not. Test files start side by side: the first builds it under an
 * advisory lock while the others wait, and a template appears only complete (built under another name, then renamed).
 */
export async function ensureTemplate(base: string | URL, template: string, seed: (url: string) => Promise<void>): Promise<void> {
  const server = new URL(base);
  const lockUrl = new URL(server);
  lockUrl.pathname = '/postgres';
  const lock = new pg.Client({ connectionString: lockUrl.toString() });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock(hashtext($1))', [template]);
    const exists = await lock.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
    if (exists.rowCount !== 0) return;
    const building = `${template}_b${process.pid}`;
    await adminQuery(server, `DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
    await adminQuery(server, `CREATE DATABASE "${building}"`);
    const url = new URL(server);
    url.pathname = `/${building}`;
    await seed(url.toString());
    await adminQuery(server, `ALTER DATABASE "${building}" RENAME TO "${template}"`);
  } finally {
    await lock.end();
  }
}
