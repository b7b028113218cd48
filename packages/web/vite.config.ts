import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { phoneFiles } from './pwa-phone-files.ts';
import { precompress } from './precompress.ts';
import { routeHints } from './route-hints.ts';
import { antdMobileImports } from './antd-mobile-imports.ts';
import { firstFrame } from './first-frame.ts';
import { rolldownOptions } from './bundling.ts';

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
    rolldownOptions,
  },
});
