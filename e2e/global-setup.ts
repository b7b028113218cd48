// Once per browser-tier run: a directory where the crawl's files claim the screens they run axe-core on, so two
// files check each screen once between them, whichever reaches it first (axe takes seconds a page).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    axeClaims: string;
  }
}

export default function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongzhi-axe-'));
  project.provide('axeClaims', dir);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
