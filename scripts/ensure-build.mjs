// Builds what `npm start` and the browser tests run when it is missing or older than its sources: the web app's
// bundle (packages/web/dist) and the server's (packages/server/dist/main.mjs, packages/server/scripts/build.mjs), so
// that `npm start` on a fresh clone serves the console without a separate build step.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

function newestMtime(p) {
  if (!fs.existsSync(p)) return 0;
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

/** Runs the build when the built file is older than any of the sources (or missing). */
function ensure(label, built, sources, command) {
  const builtAt = fs.existsSync(built) ? fs.statSync(built).mtimeMs : 0;
  if (sources.some((s) => newestMtime(path.join(root, s)) > builtAt)) {
    console.log(`[gongzhi] ${label}……`);
    execSync(command, { cwd: root, stdio: 'inherit' });
  }
}

ensure('构建前端', path.join(root, 'packages/web/dist/index.html'), ['packages/web/src', 'packages/web/index.html', 'packages/web/public.html', 'packages/web/vite.config.ts', 'packages/web/vite.public.config.ts', 'packages/web/bundling.ts', 'packages/web/route-hints.ts', 'packages/web/first-frame.ts', 'packages/web/precompress.ts', 'packages/web/package.json', 'packages/domain/src'], 'npm run -s -w @gongzhi/web build');
ensure('构建服务端', path.join(root, 'packages/server/dist/main.mjs'), ['packages/server/src', 'packages/server/scripts/build.mjs', 'packages/domain/src'], 'npm run -s -w @gongzhi/server build');
