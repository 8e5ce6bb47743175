// The `mitra` command as a bundle (issue 19): dist/bundle/mitra.mjs and its chunks, run by
// bin/mitra.js and built from src/ by `npm run build` (and `npm test`) after tsc and the web app.
// Node 20 loads ES modules one file at a time, and Kysely (263 files) and zod (95) took longer
// to load than a report takes to compute; bundled, a command loads a few dozen files.
// tsc's dist/ stays as it was: tests and benchmarks import its modules.
import { defineConfig } from 'vite';

export default defineConfig({
  publicDir: false,
  build: {
    ssr: 'src/cli/main.ts',
    outDir: 'dist/bundle',
    emptyOutDir: true,
    target: 'node20',
    // For stack traces (node --enable-source-maps) and for src/cli/startup.int.test.ts, which
    // reads from them which modules each chunk a command loads holds.
    sourcemap: true,
    rolldownOptions: {
      output: {
        entryFileNames: 'mitra.mjs',
        // One folder: findWebRoot() (src/main.ts) looks for dist/web one level up.
        chunkFileNames: '[name]-[hash].mjs',
        // Modules run in the order of their imports, as unbundled: the server's schemas register
        // in zod's registry as they load, and otherwise the OpenAPI document listed them in
        // another order. Each dynamic import stays one (a command's implementation, the server,
        // the PDF code, each migration are chunks loaded when used).
        strictExecutionOrder: true,
      },
    },
  },
  ssr: {
    target: 'node',
    // Mitra's code and these packages are bundled; every other package stays an import from
    // node_modules (drivers, Fastify, ExcelJS, pdfmake, ECharts… with their own files and native
    // parts). fastify-type-provider-zod is bundled so that it and the schemas share one zod.
    noExternal: ['kysely', 'zod', 'commander', 'fastify-type-provider-zod'],
  },
});
