// Runs npm scripts side by side and fails when any fails: `node scripts/side-by-side.mjs lint typecheck`. Each line of
// output carries its script's name; at the end a line per script says how it ended and how long it took.
//
// Used where two single-threaded jobs share the two cores of a CI machine: lint beside the type-check, and the
// browser tier's behaviour files beside the crawl (which waits on pages far more than it computes).
import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const scripts = process.argv.slice(2);
if (!scripts.length) {
  console.error('usage: node scripts/side-by-side.mjs <npm script> [<npm script> …]');
  process.exit(2);
}
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(script) {
  const started = Date.now();
  const child = spawn(npm, ['run', '-s', script], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const relay = (stream, out) => {
    let rest = '';
    stream.on('data', (chunk) => {
      const lines = (rest + chunk.toString()).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) out.write(`[${script}] ${line}\n`);
    });
    stream.on('end', () => rest && out.write(`[${script}] ${rest}\n`));
  };
  relay(child.stdout, process.stdout);
  relay(child.stderr, process.stderr);
  return new Promise((resolve) => {
    child.on('close', (code) => resolve({ script, code: code ?? 1, seconds: Math.round((Date.now() - started) / 1000) }));
  });
}

const results = await Promise.all(scripts.map(run));
for (const r of results) console.log(`${r.script}: ${r.code === 0 ? 'passed' : `FAILED (exit ${r.code})`} in ${r.seconds} s`);
process.exit(results.some((r) => r.code !== 0) ? 1 : 0);
