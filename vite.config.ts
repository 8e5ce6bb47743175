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
        // What the first page needs (`$initial`: the entry and its static imports) in two chunks,
        // the libraries (changing with their versions) and the app's own modules, instead of some
        // thirty small shared chunks, each a request with its ~0.6 kB of headers. Pages and the
        // map stay lazy chunks of their own.
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
