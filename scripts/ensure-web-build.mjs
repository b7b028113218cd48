// Builds the web app when its bundle is missing or older than its sources, so that
// `npm start` on a fresh clone serves the console without a separate build step.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const web = path.join(root, 'packages/web');
const builtIndex = path.join(web, 'dist/index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

const sources = [path.join(web, 'src'), path.join(web, 'index.html'), path.join(web, 'vite.config.ts'), path.join(web, 'precompress.ts'), path.join(root, 'packages/domain/src')];
const built = fs.existsSync(builtIndex) ? fs.statSync(builtIndex).mtimeMs : 0;
const changed = sources.some((s) => fs.existsSync(s) && (fs.statSync(s).isDirectory() ? newestMtime(s) : fs.statSync(s).mtimeMs) > built);
if (changed) {
  console.log('[gongzhi] 构建前端……');
  execSync('npm run -s -w @gongzhi/web build', { cwd: root, stdio: 'inherit' });
}
