/**
 * The streaming IATI reader alone on the 52 MB USAID sample (the peer figure of the IATI issue):
 *   npx tsx bench/iati-read.ts [FILE]
 * Prints activities, transactions, seconds, MB/s and peak RSS.
 */
import { resolve } from 'node:path';
import { timeIatiRead } from './iati-read-timing.js';

const file = process.argv[2] ?? resolve(process.cwd(), '../shared/reference/iati/samples/usaid-19-countries-2025-04-03.merged.xml');
const timing = await timeIatiRead(file);
console.log(JSON.stringify({ file, ...timing, peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024) }));
