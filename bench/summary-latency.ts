/**
 * Warm latency of the annual summary report on an existing database.
 *   DATABASE_URL=… npx tsx bench/summary-latency.ts [year] [runs]
 * Prints min / median / max in milliseconds over the runs, after two warm-up runs.
 */
import { loadConfig } from '../src/config.js';
import { openApp } from '../src/main.js';
import { annualSummary, yearlyTotals } from '../src/services/reports.js';
import { timeWarm } from './timing.js';

const year = Number(process.argv[2] ?? 2018);
const runs = Number(process.argv[3] ?? 20);
const app = await openApp(loadConfig({ ...process.env, LOG_LEVEL: 'silent' }));

const time = (label: string, work: () => Promise<unknown>) => timeWarm(label, runs, work, app.database.engine);

const s = await annualSummary(app.deps, year);
console.log(`summary ${year}: ${s.programs} programs, ${s.countries} countries, ${s.participants} participants`);
await time(`summary ${year}`, () => annualSummary(app.deps, year));
await time('years', () => yearlyTotals(app.deps));
await app.close();
