/**
 * `npm run bench` runs every benchmark; `npm run bench -- intake`, `-- measures`, `-- search`, `-- intake-quality` or `-- web` runs one.
 * Each runs in its own process, one after the other.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const BENCHES = ['intake', 'measures', 'search', 'intake-quality', 'web'] as const;
const asked = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = asked.filter((a) => !(BENCHES as readonly string[]).includes(a));
if (unknown.length) {
  console.error(`unknown benchmark: ${unknown.join(', ')} (choose from ${BENCHES.join(', ')})`);
  process.exit(2);
}
for (const name of asked.length ? asked : BENCHES) {
  console.log(`\n=== bench: ${name} ===`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, `${name}.ts`)], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
