// The key of a seeded test database (the integration tier's templates and the browser tier's).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

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
