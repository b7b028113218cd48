// How the built web app and the API answers go over the wire (docs/PERFORMANCE.md): pre-compressed
// brotli/gzip copies of the assets chosen by Accept-Encoding, hashed assets cached immutable for a year,
// index.html revalidated, JSON compressed from 1 KiB up.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers.ts';
import { withFrame } from '../src/http/route-hints.ts';

const JS = `export const greeting = ${JSON.stringify('共治'.repeat(800))};\n`;
const FRAME = '<div class="m-app" inert><div class="m-public-bar">共治</div></div>';
const FRAME_SCRIPT = "document.documentElement.dataset.frame='1'";
const CONSOLE_SCRIPT = "document.documentElement.dataset.frame='console'";
const hashOf = (script: string) => `'sha256-${crypto.createHash('sha256').update(script).digest('base64')}'`;
const CONSOLE_FRAME = '<div class="gz-frame" aria-busy="true"><div class="gz-frame-header"></div></div>';
// The outline of a page with a fixed heading (packages/web/src/console/pageHeads.ts): for that path alone.
const HEADED_FRAME = '<div class="gz-frame" aria-busy="true"><h1 class="gz-page-title"><span data-en="Residents&#x27; wall">回音壁</span></h1></div>';
let t: TestApp;
let dist: string;
const previous = process.env.WEB_DIST;

beforeAll(async () => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'gongzhi-dist-'));
  fs.mkdirSync(path.join(dist, 'assets'));
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><html><head><meta charset="utf-8"><title>共治</title><script type="module" crossorigin src="/assets/index-f6.js"></script></head><body><div id="root"></div></body></html>');
  // What the build writes (packages/web/route-hints.ts): the files each kind of page loads first.
  const hints = [
    { prefix: '/m/report', scripts: ['/assets/MobileApp-a1.js', '/assets/MReport-b2.js'], styles: ['/assets/MobileApp-c3.css'] },
    { prefix: '/m', scripts: ['/assets/MobileApp-a1.js'], styles: ['/assets/MobileApp-c3.css'] },
    { prefix: '/cases/', scripts: ['/assets/ConsoleApp-d4.js', '/assets/CasePage-e5.js'], styles: [] },
    { prefix: '/', scripts: ['/assets/ConsoleApp-d4.js', 'https://elsewhere.example/x.js'], styles: [] },
  ];
  fs.writeFileSync(path.join(dist, 'route-hints.json'), JSON.stringify(hints));
  // What the build writes (packages/web/first-frame.ts): a public page's first frame and the script after it.
  fs.writeFileSync(
    path.join(dist, 'first-frames.json'),
    JSON.stringify([
      { prefix: '/m/track', html: FRAME, script: FRAME_SCRIPT },
      { prefix: '/m/wall', html: FRAME, script: FRAME_SCRIPT },
      { prefix: '/', html: CONSOLE_FRAME, script: CONSOLE_SCRIPT, session: true, except: ['/login', '/screen', '/m'] },
      { prefix: '/wall', html: HEADED_FRAME, script: CONSOLE_SCRIPT, session: true, except: ['/wall/'] },
    ]),
  );
  // What the build keeps for the server (packages/web/src/mobile/firstFrame.tsx): 回音壁 drawn with its first requests'
  // answers. This stand-in asks for the wall and for one request the API refuses, and draws what it was given.
  fs.mkdirSync(path.join(dist, 'ssr'));
  fs.writeFileSync(
    path.join(dist, 'ssr/render.mjs'),
    `export const RENDERED_PATHS = ['/m/wall'];
export const firstRequests = (pathname, search) => {
  const area = new URLSearchParams(search).get('area') ?? '';
  return ['/api/wall?area=' + area + '&page=1&pageSize=10', '/api/wall/decisions?area=x'];
};
export const SESSION_FRAMES = [{ prefix: '/cockpit', ability: 'cockpit.read' }];
export const renderSessionFrame = (pathname, search) =>
  '<div class="gz-frame" aria-busy="true"><h1 class="gz-page-title">驾驶舱 ' + pathname + search.replace(/&/g, '&amp;') + '</h1></div>';
export async function renderPage(pathname, search, answers) {
  if (search.includes('fail')) throw new Error('drawing failed');
  const wall = Object.entries(answers).find(([url]) => url.startsWith('/api/wall?'));
  // React writes a preload link for each image it drew ahead of the markup.
  const links = search.includes('photo') ? '<link rel="preload" as="image" href="/api/files/f1?sig=a&amp;b"/>' : '';
  return links + '<div class="m-app" inert><p id="drawn">' + Object.keys(answers).length + ' ' + (wall ? wall[1].total : '-') + ' ' + search + '</p></div>';
}
`,
  );
  fs.writeFileSync(path.join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  // The public pages' own document (packages/web/vite.public.config.ts), here without hints: no page uses it.
  fs.writeFileSync(path.join(dist, 'public.html'), '<!doctype html><html><head></head><body><div id="root"></div><script type="module" src="/assets/public-a1.js"></script></body></html>');
  fs.writeFileSync(path.join(dist, 'public.html.br'), zlib.brotliCompressSync('x'));
  const file = path.join(dist, 'assets/app-AbC123.js');
  fs.writeFileSync(file, JS);
  fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(JS));
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(JS));
  process.env.WEB_DIST = dist;
  t = await createTestApp();
});

afterAll(async () => {
  await t?.close();
  if (previous === undefined) delete process.env.WEB_DIST;
  else process.env.WEB_DIST = previous;
  fs.rmSync(dist, { recursive: true, force: true });
});

describe('serving the web app', () => {
  it('sends the brotli copy of a hashed asset to a browser that accepts it, cached immutable for a year', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/assets/app-AbC123.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(String(res.headers.vary)).toMatch(/accept-encoding/i);
    // Document policies stay on the document; an asset keeps nosniff and its resource policy.
    expect(res.headers['content-security-policy']).toBeUndefined();
    expect(res.headers['x-frame-options']).toBeUndefined();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(zlib.brotliDecompressSync(res.rawPayload).toString()).toBe(JS);
    expect(res.rawPayload.length).toBeLessThan(Buffer.byteLength(JS) / 4);
  });

  it('falls back to gzip, then to the plain file', async () => {
    const gz = await t.app.inject({ method: 'GET', url: '/assets/app-AbC123.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(JS);
    const plain = await t.app.inject({ method: 'GET', url: '/assets/app-AbC123.js', headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(JS);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('revalidates index.html, client routes and unhashed files on every visit', async () => {
    for (const url of ['/m/report?area=320614103001001', '/cases', '/favicon.svg']) {
      const res = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br' } });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.headers['content-security-policy'], url).toMatch(/script-src 'self'/);
    }
  });

  it('sends a client route\'s page compressed, each encoding with its own ETag', async () => {
    const url = '/m/track?code=GZ1';
    const plain = await t.app.inject({ method: 'GET', url });
    const br = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/Accept-Encoding/i);
    expect(zlib.brotliDecompressSync(br.rawPayload).toString('utf8')).toBe(plain.body);
    const gz = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString('utf8')).toBe(plain.body);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(new Set([plain.headers.etag, br.headers.etag, gz.headers.etag]).size).toBe(3);
    // A brotli copy's validator does not revalidate the plain copy.
    expect((await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br', 'if-none-match': br.headers.etag as string } })).statusCode).toBe(304);
    expect((await t.app.inject({ method: 'GET', url, headers: { 'if-none-match': br.headers.etag as string } })).statusCode).toBe(200);
  });

  it('names in the HTML of a client route the files that route loads first, and revalidates it by its ETag', async () => {
    const preloads = (html: string) => [...html.matchAll(/<link rel="(modulepreload|stylesheet)" crossorigin href="([^"]+)">/g)].map((m) => `${m[1]} ${m[2]}`);
    const report = await t.app.inject({ method: 'GET', url: '/m/report?area=320614103001001' });
    expect(report.headers['content-type']).toMatch(/^text\/html/);
    expect(preloads(report.body)).toEqual(['modulepreload /assets/MobileApp-a1.js', 'modulepreload /assets/MReport-b2.js', 'stylesheet /assets/MobileApp-c3.css']);
    expect(report.body).toMatch(/<\/head><body><div id="root"><\/div>/);
    // The longest prefix wins; `/m/reports` is not under `/m/report`.
    expect(preloads((await t.app.inject({ method: 'GET', url: '/m/reports' })).body)).toEqual(['modulepreload /assets/MobileApp-a1.js', 'stylesheet /assets/MobileApp-c3.css']);
    // Only files of the build: a hint naming anything else is left out.
    expect(preloads((await t.app.inject({ method: 'GET', url: '/cases' })).body)).toEqual(['modulepreload /assets/ConsoleApp-d4.js']);
    // A prefix ending in a slash covers only the paths under it.
    expect(preloads((await t.app.inject({ method: 'GET', url: '/cases/' })).body)).toEqual(['modulepreload /assets/ConsoleApp-d4.js']);
    expect(preloads((await t.app.inject({ method: 'GET', url: '/cases/0b6a' })).body)).toEqual(['modulepreload /assets/ConsoleApp-d4.js', 'modulepreload /assets/CasePage-e5.js']);
    const etag = report.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await t.app.inject({ method: 'GET', url: '/m/report?area=320614103001001', headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const other = await t.app.inject({ method: 'GET', url: '/cases', headers: { 'if-none-match': etag } });
    expect(other.statusCode).toBe(200);
  });

  it('draws the first frame of a public phone page in its HTML, with the app\'s scripts loaded after it and only that inline script allowed', async () => {
    const track = await t.app.inject({ method: 'GET', url: '/m/track?code=GZ1' });
    // The frame inside the root; the entry and the page's modules in a template after it, for the frame's script to load
    // once the frame is painted; the stylesheets stay in the head (the frame needs them).
    expect(track.body).toContain(
      `<div id="root">${FRAME}</div><template id="gz-after-paint"><script type="module" crossorigin src="/assets/index-f6.js"></script>` +
        `<link rel="modulepreload" crossorigin href="/assets/MobileApp-a1.js"></template><script>${FRAME_SCRIPT}</script>`,
    );
    expect(track.body).toContain('<link rel="stylesheet" crossorigin href="/assets/MobileApp-c3.css"></head>');
    expect(track.body.match(/<script type="module"/g)).toHaveLength(1);
    // The Content-Security-Policy allows the frames' inline scripts by their hashes (the phone's and the console's), and
    // no other.
    const csp = String(track.headers['content-security-policy']);
    expect(csp).toContain(`script-src 'self' ${hashOf(FRAME_SCRIPT)} ${hashOf(CONSOLE_SCRIPT)};`);
    expect(csp).not.toContain('unsafe-inline\';script');
    // A page without a frame keeps its scripts where the build put them, and its root empty.
    const report = await t.app.inject({ method: 'GET', url: '/m/report' });
    expect(report.body).toContain('<script type="module" crossorigin src="/assets/index-f6.js"></script>');
    expect(report.body).toContain('<div id="root"></div></body>');
    expect(report.body).not.toContain('gz-after-paint');
  });

  it("draws the console's outline into a console page for a visitor with a session cookie, and nowhere else", async () => {
    const withSession = { cookie: 'gz_session=any' };
    const cases = await t.app.inject({ method: 'GET', url: '/cases', headers: withSession });
    // Its scripts after it, for its own script to load once it is painted, as on a phone page; the policy allows that
    // script by its hash.
    expect(cases.body).toContain(
      `<div id="root">${CONSOLE_FRAME}</div><template id="gz-after-paint"><script type="module" crossorigin src="/assets/index-f6.js"></script>` +
        `<link rel="modulepreload" crossorigin href="/assets/ConsoleApp-d4.js"></template><script>${CONSOLE_SCRIPT}</script></body>`,
    );
    expect(cases.body.match(/<script type="module"/g)).toHaveLength(1);
    expect(String(cases.headers['content-security-policy'])).toContain(hashOf(CONSOLE_SCRIPT));
    expect(String(cases.headers.vary)).toMatch(/Cookie/);
    // A case page and the landing page too.
    for (const url of ['/', '/cases/0b6a', '/cockpit']) expect((await t.app.inject({ method: 'GET', url, headers: withSession })).body, url).toContain(CONSOLE_FRAME);
    // Without a session cookie the root stays empty (the app sends the visitor to the login page), under another ETag.
    const anonymous = await t.app.inject({ method: 'GET', url: '/cases' });
    expect(anonymous.body).toContain('<div id="root"></div>');
    expect(anonymous.headers.etag).not.toBe(cases.headers.etag);
    expect((await t.app.inject({ method: 'GET', url: '/cases', headers: { ...withSession, 'if-none-match': String(anonymous.headers.etag) } })).statusCode).toBe(200);
    // Not on the login page, the big screen or a phone page; a public phone page keeps its own frame.
    for (const url of ['/login', '/screen', '/screen/320614', '/m', '/m/me', '/m/report']) {
      expect((await t.app.inject({ method: 'GET', url, headers: withSession })).body, url).not.toContain('gz-frame');
    }
    expect((await t.app.inject({ method: 'GET', url: '/m/track?code=GZ1', headers: withSession })).body).toContain(`<div id="root">${FRAME}</div>`);
    // A page with a fixed heading gets the outline that carries it, the pages under it the plain one, and a visitor
    // without a session neither.
    for (const url of ['/wall', '/wall/', '/wall?area=320614']) {
      const page = (await t.app.inject({ method: 'GET', url, headers: withSession })).body;
      expect(page, url).toContain(`<div id="root">${HEADED_FRAME}</div><template id="gz-after-paint">`);
      expect(page, url).toContain(`<script>${CONSOLE_SCRIPT}</script>`);
    }
    expect((await t.app.inject({ method: 'GET', url: '/wall/x', headers: withSession })).body).toContain(`<div id="root">${CONSOLE_FRAME}</div>`);
    expect((await t.app.inject({ method: 'GET', url: '/wall' })).body).toContain('<div id="root"></div>');
  });

  it("draws the cockpit's heading into its outline at request time, for a visitor whose session may open it", async () => {
    const town = await t.as('town');
    const res = await town.get('/cockpit/320614103?from=2026-11-01&to=2026-11-30');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(
      '<div id="root"><div class="gz-frame" aria-busy="true"><h1 class="gz-page-title">驾驶舱 /cockpit/320614103?from=2026-11-01&amp;to=2026-11-30</h1></div></div>' +
        '<template id="gz-after-paint"><script type="module" crossorigin src="/assets/index-f6.js"></script>',
    );
    expect(res.body).toContain(`<script>${CONSOLE_SCRIPT}</script></body>`);
    expect(String(res.headers['content-security-policy'])).toContain(hashOf(CONSOLE_SCRIPT));
    expect(String(res.headers.vary)).toMatch(/Cookie/);
    // A grid worker's session cannot open the cockpit, a cookie that is no session is none: the outline made at build,
    // no heading of a page the console will refuse. Without a cookie, no outline.
    const grid = await t.as('grid');
    for (const headers of [{ cookie: grid.cookie ?? '' }, { cookie: 'gz_session=any' }]) {
      const page = (await t.app.inject({ method: 'GET', url: '/cockpit', headers })).body;
      expect(page).toContain(`<div id="root">${CONSOLE_FRAME}</div>`);
      expect(page).not.toContain('驾驶舱');
    }
    expect((await t.app.inject({ method: 'GET', url: '/cockpit' })).body).toContain('<div id="root"></div>');
    // Another console page of the same visitor keeps the outline made at build; 回音壁 is drawn as for anyone.
    expect((await town.get('/cases/0b6a')).body).toContain(`<div id="root">${CONSOLE_FRAME}</div>`);
    expect((await town.get('/m/wall?area=320614103001')).body).toContain('<p id="drawn">');
  });

  it('draws 回音壁 at request time with the answers of its first requests, and carries them for the app', async () => {
    const area = '320614103001';
    const wall = await t.app.inject({ method: 'GET', url: '/api/wall', query: { area, page: '1', pageSize: '10' } });
    expect(wall.statusCode).toBe(200);
    const res = await t.app.inject({ method: 'GET', url: `/m/wall?area=${area}`, headers: { 'accept-encoding': 'br' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe('no-cache');
    const html = zlib.brotliDecompressSync(res.rawPayload).toString();
    // Drawn with the one answer the API gave (the refused request is left to the app) …
    expect(html).toContain(`<div id="root"><div class="m-app" inert><p id="drawn">1 ${wall.json<{ total: number }>().total} ?area=${area}</p></div></div>`);
    // … which the page carries, by URL, for the app's first render; the scripts still load after the paint.
    const json = /<script type="application\/json" id="gz-preload">(.*?)<\/script>/.exec(html)?.[1];
    expect(JSON.parse(json!)).toEqual({ [`/api/wall?area=${area}&page=1&pageSize=10`]: wall.json() });
    expect(html).toContain('<template id="gz-after-paint"><script type="module"');
    // Revalidated by its ETag like every page.
    const again = await t.app.inject({ method: 'GET', url: `/m/wall?area=${area}`, headers: { 'accept-encoding': 'br', 'if-none-match': String(res.headers.etag) } });
    expect(again.statusCode).toBe(304);
    // An image's preload link goes to <head>: the root starts with the page, which the app takes over where it is.
    const photo = (await t.app.inject({ method: 'GET', url: `/m/wall?area=${area}&photo=1` })).body;
    expect(photo).toContain('<div id="root"><div class="m-app" inert>');
    expect(photo).toMatch(/<link rel="preload" as="image" href="\/api\/files\/f1\?sig=a&amp;b"\/><\/head>/);
    // Drawing failed: the page goes out with its frame, never an error page.
    const failed = await t.app.inject({ method: 'GET', url: `/m/wall?area=${area}&fail=1` });
    expect(failed.statusCode).toBe(200);
    expect(failed.body).toContain(`<div id="root">${FRAME}</div>`);
    expect(failed.body).not.toContain('gz-preload');
    // The renderer is the server's: never sent. Nor the public pages' document as a file (its router would reload it for ever).
    for (const url of ['/ssr/render.mjs', '/ssr/render.mjs?x=1', '/public.html', '/public.html.br']) expect((await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br' } })).statusCode, url).toBe(404);
  });

  it('writes an answer into the page so that no text in it can end its script element', () => {
    const html = withFrame('<html><body><div id="root"></div></body></html>', { prefix: '/m/wall', html: '<p>x</p>', script: '' }, {
      '/api/wall': { title: '</script><script>alert(1)</script> $& $1' },
    });
    expect(html).not.toContain('</script><script>alert');
    const json = /id="gz-preload">(.*?)<\/script>/.exec(html)?.[1];
    expect(JSON.parse(json!)).toEqual({ '/api/wall': { title: '</script><script>alert(1)</script> $& $1' } });
  });

  it('compresses JSON answers from 1 KiB up, and leaves small ones alone', async () => {
    const big = await t.app.inject({ method: 'GET', url: '/api/openapi.json', headers: { 'accept-encoding': 'br' } });
    expect(big.statusCode).toBe(200);
    expect(big.headers['content-encoding']).toBe('br');
    expect(big.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(zlib.brotliDecompressSync(big.rawPayload).toString()).openapi).toMatch(/^3\./);
    const small = await t.app.inject({ method: 'GET', url: '/api/health', headers: { 'accept-encoding': 'br' } });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.json()).toEqual({ status: 'ok' });
    // A client that asks for no compression gets none.
    const none = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(none.headers['content-encoding']).toBeUndefined();
  });
});
