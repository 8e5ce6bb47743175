/**
 * Warm latency of the annual summary report on an existing database.
 *   DATABASE_URL=… npx tsx bench/summary-latency.ts [year] [runs]
 * Prints min / median / max in milliseconds over the runs, after two warm-up runs.
 */
import { loadConfig } from '../src/config.js';
import { openApp } from '../src/main.js';
import { annualSummary, yearlyTotals } from '../src/services/reports.js';

const year = Number(process.argv[2] ?? 2018);
const runs = Number(process.argv[3] ?? 20);
const app = await openApp(loadConfig({ ...process.env, LOG_LEVEL: 'silent' }));

async function time(label: string, work: () => Promise<unknown>): Promise<void> {
  await work();
  await work();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    ms.push(performance.now() - start);
  }
  ms.sort((a, b) => a - b);
  const f = (n: number) => n.toFixed(1);
  console.log(`${label}: min ${f(ms[0] ?? 0)} ms, median ${f(ms[Math.floor(ms.length / 2)] ?? 0)} ms, max ${f(ms[ms.length - 1] ?? 0)} ms (${runs} runs, ${app.database.engine})`);
}

const s = await annualSummary(app.deps, year);
console.log(`summary ${year}: ${s.programs} programs, ${s.countries} countries, ${s.participants} participants`);
await time(`summary ${year}`, () => annualSummary(app.deps, year));
await time('years', () => yearlyTotals(app.deps));
await app.close();
