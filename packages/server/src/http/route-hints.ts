// The HTML of a client route names the files that route loads first (docs/PERFORMANCE.md, "Route hints"), so a
// cold phone fetches them in parallel instead of one level at a time. The build writes `route-hints.json`
// (packages/web/route-hints.ts); without it (an older build) every route gets index.html as it is.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface RouteHint {
  prefix: string;
  scripts: string[];
  styles: string[];
}

export interface RoutePage {
  html: string;
  etag: string;
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

/**
 * The hint of the longest prefix that covers the path: `/m` covers `/m` and `/m/…`, `/cases/` only `/cases/…`, `/`
 * everything.
 */
export function hintFor(hints: readonly RouteHint[], urlPath: string): RouteHint | undefined {
  let best: RouteHint | undefined;
  for (const h of hints) {
    const covers =
      h.prefix === '/'
        ? true
        : h.prefix.endsWith('/')
          ? urlPath.length > h.prefix.length && urlPath.startsWith(h.prefix)
          : urlPath === h.prefix || urlPath.startsWith(`${h.prefix}/`);
    if (covers && (!best || h.prefix.length > best.prefix.length)) best = h;
  }
  return best;
}

/** The page of each client route, built once at start from dist/index.html and dist/route-hints.json. */
export function routePages(dist: string): (urlPath: string) => RoutePage {
  const indexHtml = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const file = path.join(dist, 'route-hints.json');
  let hints: RouteHint[] = [];
  if (fs.existsSync(file)) {
    const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (Array.isArray(parsed)) hints = parsed as RouteHint[];
  }
  const pages = new Map<RouteHint | undefined, RoutePage>();
  return (urlPath) => {
    const hint = hintFor(hints, urlPath);
    let page = pages.get(hint);
    if (!page) {
      const html = withHints(indexHtml, hint);
      page = { html, etag: `"${crypto.createHash('sha256').update(html).digest('base64url').slice(0, 27)}"` };
      pages.set(hint, page);
    }
    return page;
  };
}
