import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precompress } from './precompress.ts';
import { PUBLIC_ROUTE_MODULES, routeHints } from './route-hints.ts';
import { antdMobileImports } from './antd-mobile-imports.ts';
import { rolldownOptions } from './bundling.ts';

// The public phone pages' own build (docs/PERFORMANCE.md, "The public pages' own build"), run after the app's
// (vite.config.ts) into the same dist/: `public.html` and its chunks, with Preact's React-compatible layer in place
// of React and React DOM (a 21 KiB chunk instead of 69). These pages use antd-mobile and our own code, no antd: the
// console, whose antd needs React itself, is never built this way. The server sends `public.html` for
// 扫码上报, 查进度 and 回音壁 (route-hints.public.json); everything else, the service worker's copy of the phone app
// among it, is the app's build.
export default defineConfig({
  base: '/',
  // The app's build has copied the icons and the favicon already.
  publicDir: false,
  plugins: [react(), routeHints({ routes: PUBLIC_ROUTE_MODULES, fileName: 'route-hints.public.json' }), antdMobileImports(), precompress()],
  resolve: {
    alias: [
      { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
      { find: /^react-dom$/, replacement: 'preact/compat' },
      { find: /^react\/jsx-(dev-)?runtime$/, replacement: 'preact/jsx-runtime' },
      { find: /^react$/, replacement: 'preact/compat' },
    ],
  },
  build: {
    outDir: 'dist',
    // The app's build is in dist/ already (and emptied it first).
    emptyOutDir: false,
    rolldownOptions: {
      ...rolldownOptions,
      input: { public: 'public.html' },
      output: {
        ...rolldownOptions?.output,
        // Chromium's explicit compile hint (V8, 2025): every function of these files is compiled as the file streams
        // in, off the main thread, instead of lazily at its first call on it. A public page runs most of what it loads
        // in its first render; on a slow phone that first run's compiling was a large part of its longest tasks
        // (docs/PERFORMANCE.md, "回音壁 taken over, not drawn again"). Other browsers read a comment.
        postBanner: '//# allFunctionsCalledOnLoad',
      },
      // React Router reads React 19's useOptimistic where there is one and does without it where not (Preact).
      onwarn(warning, warn) {
        if (warning.code === 'IMPORT_IS_UNDEFINED' && warning.message.includes('useOptimistic')) return;
        warn(warning);
      },
    },
  },
});
