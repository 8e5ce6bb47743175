/// <reference types="vitest/config" />
// The web application (web/): built into dist/web by `npm install` (prepare) and served by
// `mitra serve` at "/". `npm run dev:web` serves it with hot reload, the API proxied to :3000.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompressPlugin } from './scripts/precompress.js';

export default defineConfig({
  root: 'web',
  plugins: [react(), precompressPlugin()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    sourcemap: false,
    // The world map's shapes (1:110m TopoJSON) are an asset loaded on demand, never inlined.
    assetsInlineLimit: 4096,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'vendor', test: /node_modules/, tags: ['$initial'], priority: 2 },
            { name: 'app', tags: ['$initial'], priority: 1 },
          ],
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
