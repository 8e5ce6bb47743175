/** One timed read of an IATI file by the streaming reader (bench/iati-read.ts, bench/iati-read-1x.ts). */
import { createReadStream, statSync } from 'node:fs';
import { readIatiActivities } from '../src/io/iati-read.js';

export interface IatiReadTiming {
  readonly activities: number;
  readonly transactions: number;
  readonly seconds: number;
  readonly megabytesPerSecond: number;
}

export async function timeIatiRead(file: string): Promise<IatiReadTiming> {
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
  return { activities, transactions, seconds: Number(seconds.toFixed(2)), megabytesPerSecond: Number((mb / seconds).toFixed(1)) };
}
