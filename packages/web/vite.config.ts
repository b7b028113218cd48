import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { phoneFiles } from './pwa-phone-files.ts';
import { precompress } from './precompress.ts';
import { routeHints } from './route-hints.ts';
import { antdMobileImports } from './antd-mobile-imports.ts';
import { firstFrame } from './first-frame.ts';

// One SPA: the console under `/`, the mobile pages under `/m/*`.
export default defineConfig({
  base: '/',
  plugins: [
    react(),
    // What each kind of page loads first, for the server to name in its HTML (route-hints.ts).
    routeHints(),
    // antd-mobile's components from their own modules, not its index (antd-mobile-imports.ts).
    antdMobileImports(),
    // The public phone pages' first frame, drawn before any script runs (first-frame.ts).
    firstFrame(),
    // The phone app opens without a connection after one visit (docs/OFFLINE.md): Workbox precaches the
    // built files by content revision; navigations under /m fall back to the precached index.html; /api
    // is never cached (network only). A new build's service worker takes over at once (autoUpdate).
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: false,
      filename: 'sw.js',
      manifestFilename: 'manifest.webmanifest',
      includeAssets: ['favicon.svg', 'icons/apple-touch-icon.png'],
      manifest: {
        id: '/m/',
        name: '共治 · 基层治理',
        short_name: '共治',
        description: '党建引领基层治理：随手拍上报、巡查走访、入户敲门，离线也能记录，联网后自动发送。',
        lang: 'zh-CN',
        start_url: '/m/',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        background_color: '#ffffff',
        theme_color: '#b7181e',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,woff2}'],
        // Only the phone app's files: the console is not for offline use (pwa-phone-files.ts).
        manifestTransforms: [async (entries) => phoneFiles(entries)],
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        navigateFallback: 'index.html',
        navigateFallbackAllowlist: [/^\/m(\/|$)/],
        navigateFallbackDenylist: [/^\/api\//, /^\/open311\//],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
        runtimeCaching: [],
      },
    }),
    // After the build (and the service worker): brotli and gzip copies of every text file.
    precompress(),
  ],
  resolve: {
    // npm hoists an older React for some transitive peers; the app must run on exactly one copy.
    dedupe: ['react', 'react-dom'],
  },
  server: {
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      // The domain package is constants and pure functions: a page that imports one list from its index carries that
      // list, not the catalogue, the holidays and the geometry code the index also names.
      treeshake: { moduleSideEffects: (id: string) => !/[\\/]packages[\\/]domain[\\/]src[\\/]/.test(id) },
      output: {
        // React and Leaflet get chunks of their own; antd is left to automatic splitting so that the
        // mobile pages (which share only a few icons with the console) never download the console's UI kit.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|react-router-dom|scheduler)[\\/]/, priority: 30 },
            { name: 'leaflet', test: /node_modules[\\/]leaflet[\\/]/, priority: 20 },
            {
              name: 'shared-libs',
              test: /node_modules[\\/](dayjs|classnames|clsx|tslib|@babel[\\/]runtime|react-is|use-sync-external-store)[\\/]/,
              priority: 28,
            },
            // antd's and antd-mobile's number inputs share this one: a chunk of its own keeps it out of the phone's kit.
            { name: 'decimal', test: /node_modules[\\/]@rc-component[\\/]mini-decimal[\\/]/, priority: 27 },
            // antd-mobile and what only it uses, in one chunk (one request instead of ~40). Nothing the console imports
            // may match: the chunk carries antd-mobile's global CSS (its `a` colour among it), which would restyle the
            // console (e2e/perf.e2e.test.ts checks that the console never loads it).
            // What the public pages (扫码上报, 查进度) use of antd-mobile, with everything those components import: a QR-code
            // visitor does not download the forms, pickers and lists of the staff pages (docs/PERFORMANCE.md).
            {
              name: 'mobile-kit-public',
              test: /node_modules[\\/]antd-mobile[\\/]es[\\/]components[\\/](config-provider|dot-loading|tab-bar|button|input|switch|text-area|toast|image|image-uploader|image-viewer|cascader-view|list|popup|search-bar|steps|dialog|error-block|nav-bar|notice-bar|tag)[\\/]|node_modules[\\/]antd-mobile[\\/]es[\\/](global|locales)[\\/]/,
              priority: 26,
            },
            // 回音壁's two components beyond the public kit (its list that loads more as it scrolls, and the projects' progress
            // bars), apart: the wall does not load the staff kit, nor the report page these.
            {
              name: 'mobile-kit-wall',
              test: /node_modules[\\/]antd-mobile[\\/]es[\\/]components[\\/](infinite-scroll|progress-bar)[\\/]/,
              priority: 26,
            },
            {
              name: 'mobile-kit',
              test: /node_modules[\\/](antd-mobile|antd-mobile-icons|antd-mobile-v5-count|@floating-ui|@react-spring|@use-gesture|ahooks|deepmerge|nano-memoize|rc-field-form|async-validator|rc-segmented|rc-util|react-fast-compare|runes2|staged-components|resize-observer-polyfill|lodash|js-cookie|screenfull|intersection-observer)[\\/]/,
              priority: 25,
            },
          ],
        },
      },
    },
  },
});
