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
          ],
        },
      },
    },
  },
});
