// The first frame of the public phone pages (docs/PERFORMANCE.md, "First frame"): after the browser build, the
// frame module (src/mobile/firstFrame.tsx) is built once more for Node with Vite's server-side build, run, and its
// markup for each public page written to `dist/first-frames.json` with the script that adapts it to the phone's
// stored choices. The server puts the markup inside <div id="root"> of those pages and allows the script by hash.
// The console's outline (src/console/ConsoleFrame.tsx) goes in the same file, for every console page of a visitor with
// a session, with the script that loads the console's scripts once the outline is painted; and one more outline for
// each page with a fixed heading (src/console/pageHeads.ts), drawn with it.
// The module itself is kept as `dist/ssr/render.mjs` (one file, everything in it): the server draws 回音壁 with it at
// request time (packages/server/src/http/rendered-pages.ts) and never serves it.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { antdMobileImports } from './antd-mobile-imports.ts';

export interface FirstFrame {
  /** A route-hints prefix: the pages under it get this frame. */
  prefix: string;
  html: string;
  /**
   * The inline script that follows the frame (one for the phone pages, one for the console's outline), which loads the
   * app's scripts once the frame is painted. Empty in a build before 2026-12-06: the console's scripts then stayed where
   * the build put them.
   */
  script: string;
  /** Drawn only for a visitor with a session cookie (the console's frame: anyone else is sent to the login page). */
  session?: boolean;
  /** Prefixes under `prefix` that get no frame. */
  except?: string[];
}

/** Where the server finds the module, under the build's output (and never serves it). */
export const SSR_MODULE = 'ssr/render.mjs';

interface FrameModule {
  FRAME_PATHS: readonly string[];
  FIRST_FRAME_SCRIPT: string;
  renderFirstFrame: (pathname: string) => Promise<string>;
  CONSOLE_FRAME_SCRIPT: string;
  CONSOLE_FRAME_EXCEPT: string[];
  renderConsoleFrame: (path?: string) => string;
  CONSOLE_HEAD_PATHS: string[];
}

export function firstFrame(): Plugin {
  let root = '';
  return {
    name: 'gongzhi-first-frame',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    async generateBundle() {
      // Inside the package, so that Node finds the libraries left external (React…) from there.
      const out = path.join(root, 'node_modules', '.first-frame');
      try {
        await build({
          configFile: false,
          root,
          logLevel: 'warn',
          plugins: [react(), antdMobileImports()],
          resolve: { dedupe: ['react', 'react-dom'] },
          // Everything bundled: antd-mobile's modules import their stylesheets (Vite takes them in and drops the CSS), and
          // the libraries must use the app's one React, which Node alone would not pick (an older copy is hoisted).
          ssr: { noExternal: true },
          // React's production build: the server draws 回音壁 with this module on every visit (the development build
          // renders several times slower and warns).
          define: { 'process.env.NODE_ENV': JSON.stringify('production') },
          build: {
            ssr: 'src/mobile/firstFrame.tsx',
            outDir: out,
            emptyOutDir: true,
            write: true,
            // One file: the dictionaries' lazy imports inlined, so the module runs wherever the server finds it.
            rolldownOptions: { output: { entryFileNames: 'first-frame.mjs', codeSplitting: false } },
          },
        });
        const mod = (await import(pathToFileURL(path.join(out, 'first-frame.mjs')).href)) as FrameModule;
        const frames: FirstFrame[] = [];
        for (const prefix of mod.FRAME_PATHS) frames.push({ prefix, html: await mod.renderFirstFrame(prefix), script: mod.FIRST_FRAME_SCRIPT });
        frames.push({ prefix: '/', html: mod.renderConsoleFrame(), script: mod.CONSOLE_FRAME_SCRIPT, session: true, except: mod.CONSOLE_FRAME_EXCEPT });
        // A page with a fixed heading gets the outline with it, for that path alone (not the pages under it: `/cases/…`).
        for (const p of mod.CONSOLE_HEAD_PATHS) {
          frames.push({ prefix: p, html: mod.renderConsoleFrame(p), script: mod.CONSOLE_FRAME_SCRIPT, session: true, except: [`${p}/`] });
        }
        this.emitFile({ type: 'asset', fileName: 'first-frames.json', source: `${JSON.stringify(frames, null, 1)}\n` });
        this.emitFile({ type: 'asset', fileName: SSR_MODULE, source: fs.readFileSync(path.join(out, 'first-frame.mjs')) });
      } finally {
        fs.rmSync(out, { recursive: true, force: true });
      }
    },
  };
}
