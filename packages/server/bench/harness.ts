/** What the HTTP benchmarks share: a free port, the real server in its own process, a signed-in cookie, percentiles. */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** Starts `packages/server/src/main.ts` with `env` on a free port and waits until it answers (at most 5 minutes). */
export async function startServer(root: string, env: NodeJS.ProcessEnv): Promise<{ server: ChildProcess; target: string }> {
  const port = await freePort();
  const target = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, ['--import', 'tsx', 'packages/server/src/main.ts'], {
    cwd: root,
    env: { ...env, PORT: String(port), LOG_LEVEL: 'error', DB_POOL_MAX: '8' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  for (let t = 0; t < 600; t++) {
    if (await fetch(`${target}/api/health`).then((r) => r.ok).catch(() => false)) return { server, target };
    await new Promise((r) => setTimeout(r, 500));
  }
  server.kill('SIGTERM');
  throw new Error('server did not start');
}

/** The session cookie of `username`. */
export async function loginCookie(target: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${target}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

/** The p-th percentile (nearest rank) of `xs`. */
export const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

/** Replaces the benchmark's own section (between its start and end markers) of docs/BENCHMARKS.md, or appends it. */
export function writeSection(root: string, name: string, section: string): void {
  const file = path.join(root, 'docs/BENCHMARKS.md');
  const md = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n';
  const re = new RegExp(`<!-- bench:${name}:start -->[\\s\\S]*<!-- bench:${name}:end -->`);
  fs.writeFileSync(file, re.test(md) ? md.replace(re, () => section) : `${md.trimEnd()}\n\n${section}\n`);
  console.log(section);
}
