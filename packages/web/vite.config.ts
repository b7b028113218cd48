import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precompress } from './precompress.ts';

// One SPA: the console under `/`, the mobile pages under `/m/*`.
export default defineConfig({
  base: '/',
  plugins: [react(), precompress()],
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
      output: {
        // React and Leaflet get chunks of their own; antd is left to automatic splitting so that the
        // mobile pages (which share only a few icons with the console) never download the console's UI kit.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|react-router-dom|scheduler)[\\/]/, priority: 30 },
            { name: 'leaflet', test: /node_modules[\\/]leaflet[\\/]/, priority: 20 },
            // antd-mobile and the icons: grouped by the set of phone pages that use each module (so a page
            // still loads only what it shows), small groups merged so a cold load is not sixty tiny requests.
            {
              name: 'm-ui',
              test: /node_modules[\\/](antd-mobile|antd-mobile-icons|@floating-ui|@react-spring|@use-gesture|ahooks|rc-field-form|rc-segmented|rc-util|runes2|staged-components|nano-memoize|react-fast-compare|use-sync-external-store)[\\/]/,
              priority: 15,
              entriesAware: true,
              entriesAwareMergeThreshold: 16 * 1024,
            },
            { name: 'icons', test: /node_modules[\\/]@ant-design[\\/]icons/, priority: 14, entriesAware: true, entriesAwareMergeThreshold: 8 * 1024 },
          ],
        },
      },
    },
  },
});
