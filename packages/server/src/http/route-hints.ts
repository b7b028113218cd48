// The HTML of a client route names the files that route loads first (docs/PERFORMANCE.md, "Route hints"), so a
// cold phone fetches them in parallel instead of one level at a time. The build writes `route-hints.json`
// (packages/web/route-hints.ts); without it (an older build) every route gets index.html as it is.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export interface RouteHint {
  prefix: string;
  scripts: string[];
  styles: string[];
}

/**
 * A first frame (packages/web/first-frame.ts): markup for <div id="root">, and the script that loads the app's scripts
 * once it is painted (a public phone page), or none (the console's outline: its scripts stay where the build put them).
 */
export interface FirstFrame {
  prefix: string;
  html: string;
  script: string;
  /** Only for a visitor with a session cookie. */
  session?: boolean;
  /** Prefixes under `prefix` that get no frame. */
  except?: string[];
}

/** One encoding of a route's page, with its own validator. */
export interface PageCopy {
  body: Buffer;
  etag: string;
  /** The Content-Encoding it is sent with (none for the plain copy). */
  encoding?: 'br' | 'gzip';
}

export interface RoutePage {
  html: string;
  /** Brotli, gzip and plain copies, compressed once at start: the page is a few KiB of markup on every cold visit. */
  copies: { br: PageCopy; gzip: PageCopy; plain: PageCopy };
}

/** The copy of the page for a request's Accept-Encoding (br, then gzip, then plain). */
export function pageCopy(page: RoutePage, acceptEncoding: string | undefined): PageCopy {
  const accepted = (acceptEncoding ?? '').split(',').map((e) => e.split(';')[0]!.trim().toLowerCase());
  return accepted.includes('br') ? page.copies.br : accepted.includes('gzip') ? page.copies.gzip : page.copies.plain;
}

const ASSET = /^\/assets\/[\w.-]+\.(js|css)$/;
const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** index.html with the hint's files as preload links at the end of <head> (only files under /assets/). */
export function withHints(indexHtml: string, hint: RouteHint | undefined): string {
  if (!hint) return indexHtml;
  const links = [
    ...hint.scripts.filter((s) => ASSET.test(s)).map((s) => `<link rel="modulepreload" crossorigin href="${escapeAttr(s)}">`),
    // A stylesheet link, not a preload: the code that imports it later finds it and adds no second one.
    ...hint.styles.filter((s) => ASSET.test(s)).map((s) => `<link rel="stylesheet" crossorigin href="${escapeAttr(s)}">`),
  ].join('');
  return indexHtml.includes('</head>') ? indexHtml.replace('</head>', `${links}</head>`) : indexHtml;
}

/** The tags that load the app's scripts: the entry and the modules named for preloading. */
const SCRIPT_LOADS = /<script type="module"[^>]*><\/script>|<link rel="modulepreload"[^>]*>/g;

/**
 * index.html with the page's first frame inside <div id="root">, and the app's scripts moved after it into
 * <template id="gz-after-paint">, which the frame's script loads once the frame is painted (firstFrame.tsx). A page
 * drawn at request time (rendered-pages.ts) also carries the answers it was drawn with, for the app's first render
 * (`preload`, by URL: packages/web/src/api/preload.ts).
 */
export function withFrame(indexHtml: string, frame: FirstFrame | undefined, preload?: Record<string, unknown>): string {
  const root = '<div id="root"></div>';
  if (!frame || !indexHtml.includes(root)) return indexHtml;
  const loads = indexHtml.match(SCRIPT_LOADS) ?? [];
  // JSON inside a script element: `<` written as \u003c, so no text in an answer can close the element.
  const answers = preload ? `<script type="application/json" id="gz-preload">${JSON.stringify(preload).replace(/</g, '\\u003c')}</script>` : '';
  // A frame without a script (the console's, in a build before 2026-12-06) paints while the scripts load as they would
  // without it: its stylesheets are all it waits for, so they are asked for first.
  if (!frame.script) return stylesFirst(indexHtml).replace(root, () => `<div id="root">${frame.html}</div>${answers}`);
  return indexHtml
    .replace(SCRIPT_LOADS, '')
    .replace(root, () => `<div id="root">${frame.html}</div>${answers}<template id="gz-after-paint">${loads.join('')}</template><script>${frame.script}</script>`);
}

const STYLESHEETS = /<link rel="stylesheet"[^>]*>/g;

/**
 * The page's stylesheets moved ahead of its scripts in <head>. A browser opens six connections to a host over HTTP/1.1:
 * named after the twenty-odd scripts of a console page, its stylesheets, and with them the first paint of its frame,
 * waited for connections behind them.
 */
function stylesFirst(html: string): string {
  const sheets = html.match(STYLESHEETS) ?? [];
  const rest = html.replace(STYLESHEETS, '');
  const at = rest.search(/<script type="module"|<link rel="modulepreload"/);
  return sheets.length && at >= 0 ? rest.slice(0, at) + sheets.join('') + rest.slice(at) : html;
}

/** The Content-Security-Policy source that allows a frame's inline script, and only it. */
export const scriptHashSource = (script: string) => `'sha256-${crypto.createHash('sha256').update(script).digest('base64')}'`;

export function readJsonArray<T>(file: string): T[] {
  if (!fs.existsSync(file)) return [];
  const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  return Array.isArray(parsed) ? (parsed as T[]) : [];
}

/** The first frames the build wrote (none for an older build, or without a build). */
export const firstFrames = (dist: string): FirstFrame[] => readJsonArray<FirstFrame>(path.join(dist, 'first-frames.json'));

/**
 * The hint of the longest prefix that covers the path: `/m` covers `/m` and `/m/…`, `/cases/` only `/cases/…`, `/`
 * everything.
 */
export function hintFor<H extends { prefix: string }>(hints: readonly H[], urlPath: string): H | undefined {
  let best: H | undefined;
  for (const h of hints) {
    if (covers(h.prefix, urlPath) && (!best || h.prefix.length > best.prefix.length)) best = h;
  }
  return best;
}

const covers = (prefix: string, urlPath: string) =>
  prefix === '/' ? true : prefix.endsWith('/') ? urlPath.length > prefix.length && urlPath.startsWith(prefix) : urlPath === prefix || urlPath.startsWith(`${prefix}/`);

/**
 * The frame of a page: the one of the longest prefix that covers the path, leaving out a frame for visitors with a
 * session when there is none (`signedIn`: the request carries a session cookie) and a frame whose `except` covers it.
 */
export function frameFor(frames: readonly FirstFrame[], urlPath: string, signedIn: boolean): FirstFrame | undefined {
  return hintFor(
    frames.filter((f) => (signedIn || !f.session) && !(f.except ?? []).some((p) => covers(p, urlPath))),
    urlPath,
  );
}

/** A page with its brotli, gzip and plain copies (brotli at `quality`: 11 for a page made once, less at request time). */
export function routePage(html: string, quality: number): RoutePage {
  const tag = crypto.createHash('sha256').update(html).digest('base64url').slice(0, 27);
  const plain = Buffer.from(html, 'utf8');
  return {
    html,
    copies: {
      br: { body: zlib.brotliCompressSync(plain, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: quality } }), etag: `"${tag}-br"`, encoding: 'br' },
      gzip: { body: zlib.gzipSync(plain, { level: quality >= 9 ? 9 : 6 }), etag: `"${tag}-gz"`, encoding: 'gzip' },
      plain: { body: plain, etag: `"${tag}"` },
    },
  };
}

/** A client route's document: the HTML it starts from and the files to name in it. */
export interface RouteDocument {
  html: string;
  hint: RouteHint | undefined;
  /** The same for every path that gets this document with this hint. */
  key: string;
}

/**
 * The document of each client route: dist/index.html with the hint of dist/route-hints.json; for exactly the paths
 * the public phone pages' own build names (dist/route-hints.public.json: 扫码上报, 查进度, 回音壁), that build's
 * dist/public.html with its hint (packages/web/vite.public.config.ts). A path under one of those (`/m/report/x`) is not
 * one of those pages: it gets the app, which has every route.
 */
export function routeDocuments(dist: string): (urlPath: string) => RouteDocument {
  const indexHtml = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const hints = readJsonArray<RouteHint>(path.join(dist, 'route-hints.json'));
  const publicFile = path.join(dist, 'public.html');
  const publicHtml = fs.existsSync(publicFile) ? fs.readFileSync(publicFile, 'utf8') : null;
  const publicHints = publicHtml === null ? [] : readJsonArray<RouteHint>(path.join(dist, 'route-hints.public.json'));
  return (urlPath) => {
    const page = urlPath.length > 1 ? urlPath.replace(/\/$/, '') : urlPath;
    const own = publicHints.find((h) => h.prefix === page);
    if (own && publicHtml !== null) return { html: publicHtml, hint: own, key: `public ${own.prefix}` };
    const hint = hintFor(hints, urlPath);
    return { html: indexHtml, hint, key: hint?.prefix ?? '' };
  };
}

/**
 * The page of each client route, built once at start from its document (routeDocuments) and dist/first-frames.json.
 */
export function routePages(
  dist: string,
  frames: readonly FirstFrame[] = firstFrames(dist),
  documentFor: (urlPath: string) => RouteDocument = routeDocuments(dist),
): (urlPath: string, signedIn?: boolean) => RoutePage {
  const pages = new Map<string, RoutePage>();
  return (urlPath, signedIn = false) => {
    const doc = documentFor(urlPath);
    const frame = frameFor(frames, urlPath, signedIn);
    const key = `${doc.key}\n${frame?.prefix ?? ''}`;
    let page = pages.get(key);
    if (!page) {
      page = routePage(withFrame(withHints(doc.html, doc.hint), frame), 11);
      pages.set(key, page);
    }
    return page;
  };
}
