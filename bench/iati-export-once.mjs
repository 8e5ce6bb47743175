// One IATI export measured in its own process, on the compiled code (`npm run build` first):
//   DATABASE_URL=… node bench/iati-export-once.mjs OUT.xml
// Prints one JSON line: activities, seconds, MB written, MB/s, peak RSS in MiB.
import { createWriteStream, statSync } from 'node:fs';
import { once } from 'node:events';
import { loadConfig } from '../dist/config.js';
import { programListQuerySchema } from '../dist/domain/program/program-query.js';
import { iatiDocument } from '../dist/io/iati-write.js';
import { openApp } from '../dist/main.js';
import { exportIati } from '../dist/services/iati-export.js';

const [file] = process.argv.slice(2);
if (!file) throw new Error('usage: iati-export-once.mjs OUT.xml');
const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
const app = await openApp(config);
const { page: _p, pageSize: _s, ...query } = programListQuerySchema.parse({ sort: 'identifier' });
const start = performance.now();
const exported = await exportIati(app.deps, query, config.iatiPublisher);
const out = createWriteStream(file);
let activities = 0;
for await (const chunk of iatiDocument(exported.generatedAt, exported.activities)) {
  activities += (chunk.match(/<iati-activity /g) ?? []).length;
  if (!out.write(chunk)) await once(out, 'drain');
}
out.end();
await once(out, 'finish');
const seconds = (performance.now() - start) / 1000;
await app.close();
const mb = statSync(file).size / 1024 / 1024;
console.log(
  JSON.stringify({
    engine: app.database.engine,
    activities,
    seconds: Number(seconds.toFixed(2)),
    megabytes: Number(mb.toFixed(1)),
    megabytesPerSecond: Number((mb / seconds).toFixed(1)),
    activitiesPerSecond: Math.round(activities / seconds),
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
