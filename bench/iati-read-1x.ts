/**
 * The streaming IATI reader on an IATI 1.05 file of about 50 MB, read with the 1.0x → 2.01
 * upgrade rules, and on the same bytes declared 2.03 (read as they are):
 *   npx tsx bench/iati-read-1x.ts [MEGABYTES]
 * The file is the activity of src/testing/iati-1x.ts repeated with distinct identifiers, written
 * to the system's temporary folder and removed afterwards. Prints one JSON line per version.
 */
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { timeIatiRead } from './iati-read-timing.js';
import { IATI_105 } from '../src/testing/iati-1x.js';

const megabytes = Number(process.argv[2] ?? 50);
const start = IATI_105.indexOf('<iati-activity ');
const end = IATI_105.lastIndexOf('</iati-activities>');
const head = IATI_105.slice(0, start);
const activity = IATI_105.slice(start, end);

function write(file: string, version: string): void {
  const fd = openSync(file, 'w');
  writeSync(fd, head.replace('version="1.05"', `version="${version}"`));
  for (let n = 0, size = 0; size < megabytes * 1024 * 1024; n++) {
    const next = activity.replace('XX-EXAMPLE-1-SSC-2014-001', `XX-EXAMPLE-1-SSC-${n}`);
    size += writeSync(fd, next);
  }
  writeSync(fd, '</iati-activities>\n');
  closeSync(fd);
}

for (const version of ['1.05', '2.03']) {
  const file = join(tmpdir(), `mitra-bench-iati-${version}.xml`);
  write(file, version);
  const timing = await timeIatiRead(file);
  rmSync(file);
  console.log(JSON.stringify({ version, ...timing, peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024) }));
}
