// Which files a page will ask for, so the server can name them in the page's HTML (docs/PERFORMANCE.md,
// "Route hints"). Without them a cold phone page discovers its code one level at a time: the entry, then the
// dictionary it waits for, then the phone app and its kit, then the page, then the page's data — five round
// trips in a row on a slow 4G link. With them the browser fetches every level at once, right after the HTML.
//
// The build writes `route-hints.json` into dist/: for each path prefix, the chunks (with their static imports)
// and the stylesheets of the modules listed below, minus what index.html already loads. The server adds them
// as <link rel="modulepreload"> and <link rel="stylesheet"> to the HTML of the pages under that prefix.
import path from 'node:path';
import type { Plugin } from 'vite';

export interface RouteHint {
  /**
   * A path prefix of the client routes: `/m/report` covers `/m/report` and `/m/report/…`, `/cases/` only the paths
   * under `/cases`; the longest that covers a path wins.
   */
  prefix: string;
  scripts: string[];
  styles: string[];
}

/**
 * The modules each kind of page loads first (source paths relative to packages/web). Zh-CN is the default
 * language; a visitor who chose English fetches the English dictionary as before.
 */
export const ROUTE_MODULES: { prefix: string; modules: string[] }[] = [
  // The public phone pages (a QR code on a building, a tracking link) need only the public dictionary.
  { prefix: '/m/report', modules: ['src/i18n/public.zh-CN.ts', 'src/mobile/MobileApp.tsx', 'src/mobile/pages/cases/MReport.tsx'] },
  { prefix: '/m/track', modules: ['src/i18n/public.zh-CN.ts', 'src/mobile/MobileApp.tsx', 'src/mobile/pages/cases/MTrack.tsx'] },
  { prefix: '/m/wall', modules: ['src/i18n/wall.zh-CN.ts', 'src/mobile/MobileApp.tsx', 'src/mobile/pages/cases/MWall.tsx'] },
  { prefix: '/m', modules: ['src/i18n/zh-CN.ts', 'src/mobile/MobileApp.tsx'] },
  // The console's busiest pages: the case list, a case, a new case, the cockpit.
  { prefix: '/cases', modules: ['src/i18n/zh-CN.ts', 'src/console/ConsoleApp.tsx', 'src/console/pages/cases/CasesPage.tsx'] },
  { prefix: '/cases/', modules: ['src/i18n/zh-CN.ts', 'src/console/ConsoleApp.tsx', 'src/console/pages/cases/CasePage.tsx'] },
  { prefix: '/cases/new', modules: ['src/i18n/zh-CN.ts', 'src/console/ConsoleApp.tsx', 'src/console/pages/cases/CaseNewPage.tsx'] },
  { prefix: '/cockpit', modules: ['src/i18n/zh-CN.ts', 'src/console/ConsoleApp.tsx', 'src/console/pages/cockpit/CockpitPage.tsx'] },
  { prefix: '/', modules: ['src/i18n/zh-CN.ts', 'src/console/ConsoleApp.tsx'] },
];

/**
 * The same for the public pages' own build (vite.public.config.ts), written to `route-hints.public.json`: the server
 * sends that build's `public.html` for exactly these paths.
 */
export const PUBLIC_ROUTE_MODULES: { prefix: string; modules: string[] }[] = [
  { prefix: '/m/report', modules: ['src/i18n/public.zh-CN.ts', 'src/mobile/pages/cases/MReport.tsx'] },
  { prefix: '/m/track', modules: ['src/i18n/public.zh-CN.ts', 'src/mobile/pages/cases/MTrack.tsx'] },
  { prefix: '/m/wall', modules: ['src/i18n/wall.zh-CN.ts', 'src/mobile/pages/cases/MWall.tsx'] },
];

interface ChunkLike {
  type: 'chunk';
  fileName: string;
  isEntry: boolean;
  facadeModuleId: string | null;
  imports: string[];
  moduleIds: string[];
  viteMetadata?: { importedCss: Set<string> };
}

export function routeHints({ routes = ROUTE_MODULES, fileName = 'route-hints.json' } = {}): Plugin {
  let root = '';
  let base = '/';
  return {
    name: 'gongzhi-route-hints',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      base = config.base;
    },
    // After Vite's own generateBundle hooks: they drop the chunks that only carried a stylesheet (a shared .css file
    // imported by several pages), and a hint naming one sent every visit of that page after a file that is not there.
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const chunks = Object.values(bundle).filter((c): c is typeof c & ChunkLike => c.type === 'chunk') as unknown as ChunkLike[];
        const byFile = new Map(chunks.map((c) => [c.fileName, c]));
        // A module's chunk: the one it is the facade of, else the one that holds it (a page whose chunk also carries
        // modules other chunks import has no facade: the cockpit, once antd had its own chunk).
        const byModule = new Map(chunks.flatMap((c) => c.moduleIds.map((m) => [path.normalize(m), c] as const)));
        for (const c of chunks) if (c.facadeModuleId) byModule.set(path.normalize(c.facadeModuleId), c);
        // What index.html loads already: the entry, its static imports and their CSS.
        const loaded = new Set<string>();
        // A chunk's static imports, then its own stylesheets: the order Vite inserts them in, so the app's styles
        // come after the kit's they override.
        const closure = (c: ChunkLike, into: string[], css: string[]) => {
          if (loaded.has(c.fileName) || into.includes(c.fileName)) return;
          into.push(c.fileName);
          for (const i of c.imports) {
            const d = byFile.get(i);
            if (d) closure(d, into, css);
          }
          for (const s of c.viteMetadata?.importedCss ?? []) if (!css.includes(s) && !loaded.has(s)) css.push(s);
        };
        for (const entry of chunks.filter((c) => c.isEntry)) {
          const files: string[] = [];
          const css: string[] = [];
          closure(entry, files, css);
          for (const f of [...files, ...css]) loaded.add(f);
        }
        const hints: RouteHint[] = routes.map(({ prefix, modules }) => {
          const files: string[] = [];
          const css: string[] = [];
          for (const m of modules) {
            const chunk = byModule.get(path.normalize(path.resolve(root, m)));
            if (!chunk) this.error(`route-hints: no chunk has ${m} as its module (is it still imported lazily?)`);
            closure(chunk, files, css);
          }
          return { prefix, scripts: files.map((f) => base + f), styles: css.map((f) => base + f) };
        });
        this.emitFile({ type: 'asset', fileName, source: `${JSON.stringify(hints, null, 1)}\n` });
      },
    },
  };
}
