#!/usr/bin/env node
// `npm run fuzz -- --count 20000 --seed 7`: the integration tier's fuzz test, longer and with another seed.
// Without options it runs as in CI (2,000 requests, the fixed seed). DATABASE_URL selects PostgreSQL as usual.
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const env = { ...process.env, FUZZ_VERBOSE: '1' };
if (opt('count')) env.FUZZ_COUNT = opt('count');
if (opt('seed')) env.FUZZ_SEED = opt('seed');
const res = spawnSync('npx', ['vitest', 'run', '--project', 'integration', 'packages/server/test/fuzz.int.test.ts'], { stdio: 'inherit', env });
process.exit(res.status ?? 1);
