/**
 * Warm latency of the analytics endpoints on an existing database, through the HTTP API (the
 * server in this process, called with inject: routing, validation and JSON included).
 *   DATABASE_URL=… npx tsx bench/analytics-latency.ts [runs]
 * Sets priority targets for 2015–2024 first (the Pacific, Africa, a custom list, a country).
 */
import { loadConfig } from '../src/config.js';
import { countryListInputSchema, priorityTargetInputSchema } from '../src/domain/analytics/priority.js';
import { openApp, serverFor } from '../src/main.js';
import { saveCountryList, setPriorityTargets } from '../src/services/priorities.js';
import { timeWarm } from './timing.js';

const runs = Number(process.argv[2] ?? 20);
const app = await openApp(loadConfig({ ...process.env, LOG_LEVEL: 'silent' }));
const server = await serverFor(app, { logLevel: 'silent' });
await server.ready();

await saveCountryList(
  app.deps,
  countryListInputSchema.parse({ code: 'melanesia', nameEn: 'Melanesia', nameId: 'Melanesia', countries: ['FJ', 'PG', 'SB', 'VU', 'NC'] }),
);
const targets = [];
for (let year = 2015; year <= 2024; year++) {
  for (const t of [
    { subjectKind: 'group', subjectCode: 'PIF', metric: 'program_share', target: 25 },
    { subjectKind: 'group', subjectCode: 'MSG', metric: 'program_share', target: 10 },
    { subjectKind: 'group', subjectCode: 'ASEAN', metric: 'programs', target: 5000 },
    { subjectKind: 'group', subjectCode: 'LDC', metric: 'participant_share', target: 30 },
    { subjectKind: 'region', subjectCode: 'africa', metric: 'participant_share', target: 20 },
    { subjectKind: 'list', subjectCode: 'melanesia', metric: 'programs', target: 2000 },
    { subjectKind: 'country', subjectCode: 'PS', metric: 'programs', target: 300 },
  ]) {
    targets.push(priorityTargetInputSchema.parse({ year, ...t }));
  }
}
await setPriorityTargets(app.deps, targets);

const note = app.database.engine;
const get = async (url: string) => {
  const r = await server.inject({ url });
  if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode} ${r.body.slice(0, 300)}`);
  return r;
};
const trends = (await get('/api/v1/analytics/trends?from=2015&to=2024')).json() as {
  totals: { year: number; programs: number; participants: number }[];
};
const total = trends.totals.reduce((n, t) => ({ programs: n.programs + t.programs, participants: n.participants + t.participants }), {
  programs: 0,
  participants: 0,
});
console.log(`data: ${total.programs} programs, ${total.participants} participants in 2015–2024`);
await timeWarm('trends 2015–2024', runs, () => get('/api/v1/analytics/trends?from=2015&to=2024'), note);
await timeWarm('priorities 2015–2024 (70 targets)', runs, () => get('/api/v1/priorities?from=2015&to=2024'), note);
await timeWarm('concentration 2015–2024', runs, () => get('/api/v1/analytics/concentration?from=2015&to=2024'), note);
await timeWarm('breakdown PIF 2020', runs, () => get('/api/v1/priorities/breakdown?kind=group&code=PIF&year=2020'), note);
const pdf = await server.inject({ url: '/api/v1/reports/annual.pdf?year=2020&lang=id' });
if (pdf.statusCode === 200)
  await timeWarm('annual report PDF 2020 (id)', Math.min(runs, 5), () => get('/api/v1/reports/annual.pdf?year=2020&lang=id'), note);
else console.log(`annual report PDF: not measured (${pdf.statusCode})`);
await server.close();
await app.close();
