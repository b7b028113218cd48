// Which built files the service worker precaches: the phone app's, not the console's (docs/OFFLINE.md).
// The console never works offline, and a phone on 4G should not download the cockpit's charts to install
// the app. Starting from the entry chunk's static imports and the phone app's chunk, the files reached
// by static imports, dynamic imports and preload lists are kept; everything else is left out.
import fs from 'node:fs';
import path from 'node:path';

interface Entry {
  url: string;
  revision: string | null;
  size: number;
}

const DIST = path.resolve(import.meta.dirname, 'dist');

let dist = DIST;
const read = (url: string) => {
  try {
    return fs.readFileSync(path.join(dist, url), 'utf8');
  } catch {
    return '';
  }
};

/** Files a chunk refers to: `from"./x.js"`, `import("./x.js")`, and preload lists `"assets/x.css"`. */
function refsOf(code: string, all: boolean): string[] {
  const out = new Set<string>();
  for (const m of code.matchAll(/(?:from|import)\s*["'`]\.\/([\w.-]+\.js)["'`]/g)) out.add(`assets/${m[1]}`);
  if (all) {
    for (const m of code.matchAll(/import\(\s*["'`]\.\/([\w.-]+\.js)["'`]\s*\)/g)) out.add(`assets/${m[1]}`);
    for (const m of code.matchAll(/["'`](assets\/[\w.-]+\.(?:js|css))["'`]/g)) out.add(m[1]!);
  }
  return [...out];
}

/** The preload list the entry chunk keeps for its dynamic import of `chunk` (Vite's __vite__mapDeps). */
function preloadOf(entry: string, chunk: string): string[] {
  const list = /m\.f\|\|\(m\.f=\[([^\]]*)\]/.exec(entry)?.[1];
  const i = entry.indexOf(`./${chunk}`);
  if (!list || i < 0) return [];
  const files = [...list.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
  const idx = /__vite__mapDeps\(\[([\d,]+)\]\)/.exec(entry.slice(i, i + 400))?.[1];
  return idx ? idx.split(',').map((n) => files[Number(n)]!).filter(Boolean) : [];
}

export function phoneFiles(entries: Entry[], distDir: string = DIST): { manifest: Entry[]; warnings: string[] } {
  dist = distDir;
  const html = read('index.html');
  const entryJs = /src="\/(assets\/index-[\w-]+\.js)"/.exec(html)?.[1];
  if (!entryJs) return { manifest: entries, warnings: ['phone files: no entry chunk found; precaching everything'] };
  const entryCode = read(entryJs);
  const mobile = /\.\/(MobileApp-[\w-]+\.js)/.exec(entryCode)?.[1];
  if (!mobile) return { manifest: entries, warnings: ['phone files: no phone chunk found; precaching everything'] };
  const keep = new Set<string>([entryJs]);
  const queue = [...refsOf(entryCode, false), `assets/${mobile}`, ...preloadOf(entryCode, mobile)];
  for (const m of html.matchAll(/href="\/(assets\/[\w.-]+\.css)"/g)) queue.push(m[1]!);
  while (queue.length) {
    const url = queue.pop()!;
    if (keep.has(url)) continue;
    keep.add(url);
    if (url.endsWith('.js')) queue.push(...refsOf(read(url), true));
  }
  // Everything that is not a built chunk (index.html, the manifest, icons) stays.
  const manifest = entries.filter((e) => !e.url.startsWith('assets/') || keep.has(e.url));
  return { manifest, warnings: [] };
}
