/**
 * A process that starts a program import and never finishes it: the CSV's first rows are read,
 * then the input waits for ever, inside the import's transaction. The test of abandoned imports
 * (services/import-batches.int.test.ts) kills it with SIGKILL, as an operator's `kill -9` or a
 * crash would. Usage: node --import tsx src/testing/import-then-hang.ts DATABASE_URL
 */
import { loadConfig } from '../config.js';
import { openApp } from '../main.js';
import { csvRecordSource } from '../io/csv-read.js';
import { importPrograms } from '../services/import-programs.js';

const url = process.argv[2] ?? '';
const app = await openApp(loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent' }));
async function* input(): AsyncGenerator<string> {
  yield 'identifier,title_en,planned_start,planned_end\n';
  for (let i = 1; i <= 50; i++) yield `HANG-${i},Program ${i},2030-01-01,2030-01-02\n`;
  process.stdout.write('importing\n');
  await new Promise(() => setInterval(() => undefined, 60_000));
}
await importPrograms(app.deps, csvRecordSource('hang.csv', input(), { maxBytes: 1_000_000 }));
