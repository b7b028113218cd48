// Fails when the Drizzle schema and the committed migrations disagree: drizzle-kit generates
// into a scratch copy of the migrations folder, and any new file there means drift.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const server = path.resolve(import.meta.dirname, '../packages/server');
const committed = path.join(server, 'drizzle');
// drizzle-kit resolves `out` relative to its working directory, so the scratch copy lives there.
const scratchName = `.drizzle-check-${process.pid}`;
const scratch = path.join(server, scratchName);
fs.cpSync(committed, scratch, { recursive: true });
const before = new Set(fs.readdirSync(scratch));
let output;
let added;
try {
  output = execSync('npx drizzle-kit generate', { cwd: server, encoding: 'utf8', stdio: 'pipe', env: { ...process.env, DRIZZLE_OUT: scratchName } });
} finally {
  added = fs.readdirSync(scratch).filter((f) => !before.has(f));
  fs.rmSync(scratch, { recursive: true, force: true });
}
if (!/No schema changes/.test(output) && added.length === 0) {
  console.error('schema check: drizzle-kit did not confirm the schema is unchanged:\n' + output);
  process.exit(1);
}
if (added.length > 0) {
  console.error(`schema and migrations disagree: drizzle-kit would add ${added.join(', ')}. Run \`npm run db:generate\` and commit the result.`);
  process.exit(1);
}
console.log('schema check: migrations match the Drizzle schema');
