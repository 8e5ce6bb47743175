/**
 * The streaming IATI reader alone on the 52 MB USAID sample (the peer figure of the IATI issue):
 *   npx tsx bench/iati-read.ts [FILE]
 * Prints activities, transactions, seconds, MB/s and peak RSS.
 */
import { createReadStream, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { readIatiActivities } from '../src/io/iati-read.js';

const file = process.argv[2] ?? resolve(process.cwd(), '../shared/reference/iati/samples/usaid-19-countries-2025-04-03.merged.xml');
const start = performance.now();
let activities = 0;
let transactions = 0;
await readIatiActivities(
  file,
  createReadStream(file, { highWaterMark: 256 * 1024 }),
  (a) => {
    activities++;
    transactions += a.transactions.length;
  },
  { maxBytes: 2 * 1024 ** 3 },
);
const seconds = (performance.now() - start) / 1000;
const mb = statSync(file).size / 1024 / 1024;
console.log(
  JSON.stringify({
    file,
    activities,
    transactions,
    seconds: Number(seconds.toFixed(2)),
    megabytesPerSecond: Number((mb / seconds).toFixed(1)),
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
