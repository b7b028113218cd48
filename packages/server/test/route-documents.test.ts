// Which document a client route gets (packages/server/src/http/route-hints.ts, routeDocuments): the app's index.html
// with its hint, or for exactly 扫码上报, 查进度 and 回音壁 the public pages' own build (docs/PERFORMANCE.md).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeDocuments, routePages } from '../src/http/route-hints.ts';

const INDEX = '<html><head></head><body><div id="root"></div><script type="module" crossorigin src="/assets/index-a1.js"></script></body></html>';
const PUBLIC = '<html><head></head><body><div id="root"></div><script type="module" crossorigin src="/assets/public-b2.js"></script></body></html>';
let dist: string;

beforeAll(() => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'gongzhi-docs-'));
  fs.writeFileSync(path.join(dist, 'index.html'), INDEX);
  fs.writeFileSync(
    path.join(dist, 'route-hints.json'),
    JSON.stringify([
      { prefix: '/m/report', scripts: ['/assets/MobileApp-c3.js', '/assets/MReport-d4.js'], styles: [] },
      { prefix: '/m', scripts: ['/assets/MobileApp-c3.js'], styles: [] },
    ]),
  );
  fs.writeFileSync(path.join(dist, 'public.html'), PUBLIC);
  fs.writeFileSync(
    path.join(dist, 'route-hints.public.json'),
    JSON.stringify([
      { prefix: '/m/report', scripts: ['/assets/MReport-e5.js'], styles: [] },
      { prefix: '/m/wall', scripts: ['/assets/MWall-f6.js'], styles: [] },
    ]),
  );
});

afterAll(() => fs.rmSync(dist, { recursive: true, force: true }));

describe('the document of a client route', () => {
  it('is the public build for exactly the pages it names, the app for everything else', () => {
    const documentFor = routeDocuments(dist);
    const of = (url: string) => {
      const d = documentFor(url);
      return [d.html === PUBLIC ? 'public' : 'app', ...(d.hint?.scripts ?? [])];
    };
    expect(of('/m/report')).toEqual(['public', '/assets/MReport-e5.js']);
    expect(of('/m/report/')).toEqual(['public', '/assets/MReport-e5.js']);
    expect(of('/m/wall')).toEqual(['public', '/assets/MWall-f6.js']);
    // Under one of them but not it: the app, whose router has every page (the public build would reload it forever).
    expect(of('/m/report/x')).toEqual(['app', '/assets/MobileApp-c3.js', '/assets/MReport-d4.js']);
    expect(of('/m/reports')).toEqual(['app', '/assets/MobileApp-c3.js']);
    expect(of('/m')).toEqual(['app', '/assets/MobileApp-c3.js']);
    expect(of('/m/track')).toEqual(['app', '/assets/MobileApp-c3.js']);
    expect(of('/')).toEqual(['app']);
  });

  it('puts the page together from its document: the public entry and its hints for the report page', () => {
    const page = routePages(dist, [])('/m/report').html;
    expect(page).toContain('src="/assets/public-b2.js"');
    expect(page).toContain('<link rel="modulepreload" crossorigin href="/assets/MReport-e5.js">');
    expect(page).not.toContain('index-a1.js');
  });

  it('is the app everywhere when the build has no public document (an older build)', () => {
    const older = fs.mkdtempSync(path.join(os.tmpdir(), 'gongzhi-docs-'));
    try {
      fs.writeFileSync(path.join(older, 'index.html'), INDEX);
      fs.writeFileSync(path.join(older, 'route-hints.public.json'), JSON.stringify([{ prefix: '/m/report', scripts: [], styles: [] }]));
      expect(routeDocuments(older)('/m/report').html).toBe(INDEX);
    } finally {
      fs.rmSync(older, { recursive: true, force: true });
    }
  });
});
