// The service worker precaches the phone app's files and none of the console's (docs/OFFLINE.md).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { phoneFiles } from '../pwa-phone-files.ts';

function fakeBuild(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gz-pwa-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  const files: Record<string, string> = {
    'index.html': '<script type="module" crossorigin src="/assets/index-AAA.js"></script><link rel="stylesheet" href="/assets/index-CSS.css">',
    // Vite's entry: a static import, and two lazy apps with their preload lists.
    'assets/index-AAA.js':
      'const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["assets/ConsoleApp-C.js","assets/react-R.js","assets/table-T.js","assets/MobileApp-M.js","assets/components-K.js","assets/MobileApp-M.css"])))=>i.map(i=>d[i]);' +
      'import{a}from"./react-R.js";' +
      'const c=lazy(()=>p(()=>import(`./ConsoleApp-C.js`),__vite__mapDeps([0,1,2])));' +
      'const m=lazy(()=>p(()=>import(`./MobileApp-M.js`).then(e=>e.t),__vite__mapDeps([3,1,4,5])));',
    'assets/react-R.js': 'export const a=1;',
    'assets/ConsoleApp-C.js': 'import{t}from"./table-T.js";const k=()=>import("./CockpitPage-P.js");',
    'assets/table-T.js': 'export const t=1;',
    'assets/CockpitPage-P.js': 'export default 1;',
    'assets/MobileApp-M.js': 'import{k}from"./components-K.js";const x=()=>p(()=>import("./MPointMap-L.js"),["assets/MPointMap-L.js","assets/leaflet-L.css"]);',
    'assets/components-K.js': 'export const k=1;',
    'assets/MPointMap-L.js': 'export default 1;',
    'assets/leaflet-L.css': '',
    'assets/MobileApp-M.css': '',
    'assets/index-CSS.css': '',
  };
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

describe('phone files for the precache', () => {
  it('keeps the entry, the phone app and what it loads; leaves the console out', () => {
    const dir = fakeBuild();
    const entries = fs
      .readdirSync(path.join(dir, 'assets'))
      .map((f) => ({ url: `assets/${f}`, revision: null, size: 1 }))
      .concat([{ url: 'index.html', revision: 'r1', size: 1 }, { url: 'icons/icon-192.png', revision: 'r2', size: 1 }]);
    const kept = phoneFiles(entries, dir).manifest.map((e) => e.url).sort();
    expect(kept).toEqual(
      [
        'assets/MPointMap-L.js',
        'assets/MobileApp-M.css',
        'assets/MobileApp-M.js',
        'assets/components-K.js',
        'assets/index-AAA.js',
        'assets/index-CSS.css',
        'assets/leaflet-L.css',
        'assets/react-R.js',
        'icons/icon-192.png',
        'index.html',
      ].sort(),
    );
  });

  it('precaches everything, with a warning, when the build does not look as expected', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gz-pwa-'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<p>no script</p>');
    const entries = [{ url: 'assets/x.js', revision: null, size: 1 }];
    const out = phoneFiles(entries, dir);
    expect(out.manifest).toEqual(entries);
    expect(out.warnings[0]).toMatch(/precaching everything/);
  });
});
