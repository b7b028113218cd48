// 回音壁 drawn at request time (docs/PERFORMANCE.md, "回音壁 drawn with its data"): its largest paint is its cards, which
// came only after the app's ~300 KiB had arrived and run and its requests had come back. The server now makes the
// page's first requests itself (through the app, as a visitor without a session: the same routes, checks and answers),
// draws the page with the web build's own components (`dist/ssr/render.mjs`, packages/web/first-frame.ts), and sends it
// with those answers inside, so that the app's first render shows the same cards. Without the module (an older build)
// or when drawing fails, the page goes out with its build-time frame as before: never an error page.
// The cockpit's outline is drawn here too, for a signed-in visitor who may open it: its heading names the period.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FastifyBaseLogger } from 'fastify';
import { frameFor, hintFor, routePage, withFrame, withHints, type FirstFrame, type RouteDocument, type RoutePage } from './route-hints.ts';

/** What `dist/ssr/render.mjs` exports for this (packages/web/src/mobile/firstFrame.tsx). */
export interface PageRenderer {
  RENDERED_PATHS: readonly string[];
  firstRequests(pathname: string, search: string): string[];
  renderPage(pathname: string, search: string, answers: Record<string, unknown>): Promise<string>;
  /**
   * Console pages whose outline carries a heading drawn at request time (the cockpit's period), for a visitor whose
   * session has the ability the page's route asks for. Absent from a build before 2026-12-06.
   */
  SESSION_FRAMES?: readonly { prefix: string; ability: string }[];
  renderSessionFrame?(pathname: string, search: string): string;
}

/** A GET through the app itself, without a session unless its headers carry the visitor's cookie: its status and body. */
export type InternalGet = (url: string, headers?: Record<string, string>) => Promise<{ statusCode: number; body: string }>;

/** Under the web build: the server reads it, and the static files never include it (app.ts). */
export const SSR_DIR = 'ssr';
const SSR_MODULE = path.join(SSR_DIR, 'render.mjs');

/** Brotli quality for a page made per request: a fraction of 11's time, a few hundred bytes more on ~15 KiB. */
const REQUEST_TIME_QUALITY = 5;

const LEADING_LINKS = /^(?:<link [^>]*>)+/;

/** `documentFor`: the documents of the client routes (routeDocuments), read once at start and shared with routePages. */
export function renderedPages(
  dist: string,
  frames: readonly FirstFrame[],
  documentFor: (urlPath: string) => RouteDocument,
  get: InternalGet,
  log: FastifyBaseLogger,
) {
  const file = path.join(dist, SSR_MODULE);
  if (!fs.existsSync(file)) return null;
  let renderer: Promise<PageRenderer> | undefined;
  const load = () => (renderer ??= import(pathToFileURL(file).href) as Promise<PageRenderer>);
  // Loaded at start, off the path of the first visitor.
  load().catch((err: unknown) => log.warn({ err }, 'web page renderer did not load: 回音壁 goes out with its frame'));

  /**
   * The console's outline of a page with a heading drawn at request time, for the visitor whose `cookie` it is; null
   * when the page has none, the session is not one or lacks the page's ability (the page then goes out with the outline
   * made at build: a visitor never sees the heading of a page the console will refuse).
   */
  const sessionFrame = async (r: PageRenderer, pathname: string, search: string, cookie: string): Promise<RoutePage | null> => {
    const page = r.SESSION_FRAMES ? hintFor(r.SESSION_FRAMES, pathname) : undefined;
    const frame = page && frameFor(frames, pathname, true);
    if (!page || !frame || !r.renderSessionFrame) return null;
    const session = await get('/api/auth/session', { cookie });
    if (session.statusCode !== 200) return null;
    const abilities = (JSON.parse(session.body) as { user?: { abilities?: string[] } | null }).user?.abilities ?? [];
    if (!abilities.includes(page.ability)) return null;
    const html = r.renderSessionFrame(pathname, search);
    const doc = documentFor(pathname);
    return routePage(withFrame(withHints(doc.html, doc.hint), { ...frame, html }), REQUEST_TIME_QUALITY);
  };

  /**
   * The page at `pathname` drawn with its data (or, for a visitor with a session `cookie`, with its heading), or null
   * when it is not one of those pages or could not be drawn.
   */
  return async (pathname: string, search: string, cookie?: string): Promise<RoutePage | null> => {
    if (cookie) {
      try {
        const page = await sessionFrame(await load(), pathname, search, cookie);
        if (page) return page;
      } catch (err) {
        log.warn({ err, pathname }, 'console outline not drawn at request time: sent as built');
        return null;
      }
    }
    const frame = frameFor(frames, pathname, false);
    if (!frame) return null;
    try {
      const r = await load();
      if (!r.RENDERED_PATHS.includes(pathname)) return null;
      const answers: Record<string, unknown> = {};
      await Promise.all(
        r.firstRequests(pathname, search).map(async (url) => {
          const res = await get(url);
          // A refused request (a bad area in the link…) is left to the app, which asks again and shows the answer.
          if (res.statusCode === 200) answers[url] = JSON.parse(res.body);
        }),
      );
      const drawn = await r.renderPage(pathname, search, answers);
      // React's server render writes a preload link for each image it drew ahead of the markup. They go to <head>: in
      // the root they stood before the page's first element, and the app, taking the page over, moved that element
      // (the whole page) to the front.
      const links = drawn.match(LEADING_LINKS)?.[0] ?? '';
      const markup = drawn.slice(links.length);
      const doc = documentFor(pathname);
      // After the page's stylesheets, which its first paint waits for.
      const hinted = withHints(doc.html, doc.hint);
      const html = links ? hinted.replace('</head>', () => `${links}</head>`) : hinted;
      return routePage(withFrame(html, { ...frame, html: markup }, answers), REQUEST_TIME_QUALITY);
    } catch (err) {
      log.warn({ err, pathname }, 'web page not drawn at request time: sent with its frame');
      return null;
    }
  };
}
