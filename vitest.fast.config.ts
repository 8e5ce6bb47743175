/**
 * The fast tier (`npm run test:fast`): the unit tests that need no database, no build and no
 * network, for the edit-test loop. The domain, the use cases over in-memory fakes
 * (src/testing/fakes), the file formats and the web app's components; every *.int.test.ts is
 * left to the full suite (`npm test`, which runs these too).
 */
import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['src/domain/**/*.test.ts', 'src/services/**/*.test.ts', 'src/io/**/*.test.ts', 'web/src/**/*.test.{ts,tsx}'],
    exclude: ['node_modules/**', 'dist/**', '**/*.int.test.ts'],
    // These tests share no mutable module state and mock no module, so one module graph per
    // worker serves them all: starting a fresh one for each of ~70 files cost most of the time.
    pool: 'threads',
    isolate: false,
  },
});
