// One import measured in its own process, on the compiled code that `mitra import` runs
// (`npm run build` first), so that peak RSS is the import's:
//   DATABASE_URL=… node bench/import-once.mjs activities|participants FILE
// Prints one JSON line: rows, seconds, rows per second, peak RSS in MiB, status.
import { createReadStream } from 'node:fs';
import { loadConfig } from '../dist/config.js';
import { csvRecordSource } from '../dist/io/csv-read.js';
import { openApp } from '../dist/main.js';
import { importPrograms } from '../dist/services/import-programs.js';
import { importParticipants } from '../dist/services/import-participants.js';

const [kind, file] = process.argv.slice(2);
if ((kind !== 'activities' && kind !== 'participants') || !file) throw new Error('usage: import-once.mjs activities|participants FILE');
const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', MITRA_IMPORT_MAX_BYTES: String(2 * 1024 ** 3) });
const app = await openApp(config);
const source = csvRecordSource(file, createReadStream(file, { highWaterMark: 256 * 1024 }), { maxBytes: config.importMaxBytes });
const start = performance.now();
const report = await (kind === 'activities' ? importPrograms : importParticipants)(app.deps, source, { providerCountry: 'ID' });
const seconds = (performance.now() - start) / 1000;
await app.close();
console.log(
  JSON.stringify({
    kind,
    engine: app.database.engine,
    status: report.status,
    rows: report.rows,
    seconds: Number(seconds.toFixed(2)),
    rowsPerSecond: Math.round(report.rows / seconds),
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    errors: report.errorCount,
  }),
);
