/**
 * Lists are read from indexes (issue 19): for every sort a user can choose and the filter
 * combinations the web app offers, the queries behind a page of the program list neither scan
 * the programs table nor sort the whole of it. The plans are read on 20,000 generated programs
 * with fresh statistics, on both engines (page 8 of 25 rows reaches as deep into 20,000 programs as page 40 into
 * 100,000); totals come from the count cache while nothing changes.
 */
import type { CompiledQuery } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { ACTIVITY_SORT_KEYS, type ProgramFilter } from '../domain/program/program-query.js';
import { PUBLISHED_STAGES } from '../domain/access/policy.js';
import type { SyntheticOptions } from '../services/synthetic.js';
import { describeEachEngine } from '../testing/engines.js';
import { importGeneratedPrograms } from '../testing/generated-programs.js';
import { analyze, planProblems } from '../testing/query-plans.js';
import { openDatabase, type DatabaseHandle } from './connection.js';
import { createStore } from './store.js';

const options: SyntheticOptions = { activities: 20_000, participants: 0, fromYear: 2015, toYear: 2024, seed: 11, currentYear: 2026 };

const published = { stage: [...PUBLISHED_STAGES] };

/** The web app's filters alone and in the combinations its pages and links make. */
const FILTERS: Record<string, ProgramFilter> = {
  none: {},
  year: { year: 2018 },
  region: { region: 'oceania' },
  modality: { modality: 'training' },
  area: { flagshipArea: 'DEV-AGR' },
  type: { cooperationType: 'triangular' },
  status: { status: 'closed' },
  stage: { stage: ['approved', 'funded'] },
  partner: { partner: 'JICA' },
  country: { country: 'FJ' },
  'q (common)': { q: 'training' },
  'q (rare)': { q: 'GEN-2018-0000121' },
  'year + region': { year: 2018, region: 'africa' },
  'year + modality': { year: 2018, modality: 'workshop' },
  'year + region + modality + q': { year: 2018, region: 'asia', modality: 'training', q: 'training' },
  'country + q': { country: 'KE', q: 'agri' },
  'year + type + status': { year: 2020, cooperationType: 'triangular', status: 'closed' },
  'area + modality + type': { flagshipArea: 'DEV-AGR', modality: 'equipment_grant', cooperationType: 'triangular' },
  'partner + year': { partner: 'JICA', year: 2016 },
};

const SORTS = ACTIVITY_SORT_KEYS.flatMap((key) => [
  { key, desc: false },
  { key, desc: true },
]);

describeEachEngine('program list plans', (app, engine) => {
  let logged: DatabaseHandle;
  const queries: CompiledQuery[] = [];

  beforeAll(async () => {
    await importGeneratedPrograms(app(), options);
    await analyze(app().database.db);
    logged = await openDatabase(app().config.databaseUrl, { onQuery: (q) => queries.push(q) });
    return () => logged.close();
  }, 180_000);

  it('reads every page from indexes, for every sort, filter and scope', async () => {
    const repo = createStore(logged.db).repos.programs;
    const problems: string[] = [];
    let pages = 0;
    for (const [name, filter] of Object.entries(FILTERS)) {
      for (const sort of SORTS) {
        for (const scope of [{}, published]) {
          for (const page of [1, 8]) {
            queries.length = 0;
            await repo.list({ ...filter, ...scope }, sort, page, 25);
            pages++;
            for (const query of queries.filter((q) => /from "activities"/.test(q.sql) && !/count\(\*\)/.test(q.sql))) {
              for (const p of await planProblems(logged.db, engine, query, { large: ['activities', 'a'] })) {
                problems.push(
                  `${name}, sort ${sort.desc ? '-' : ''}${sort.key}, ${Object.keys(scope).length ? 'public' : 'internal'}, page ${page}: ${p}`,
                );
              }
            }
          }
        }
      }
    }
    expect(pages).toBe(Object.keys(FILTERS).length * SORTS.length * 4);
    expect(problems).toEqual([]);
  }, 180_000);

  it('finds a page with the ids of a full sort, missing values last in either direction', async () => {
    const repo = createStore(logged.db).repos.programs;
    for (const sort of [
      { key: 'start', desc: true },
      { key: 'modality', desc: false },
      { key: 'title', desc: false },
    ] as const) {
      const all = await repo.idsInOrder({ year: 2019 }, sort);
      const page3 = await repo.list({ year: 2019 }, sort, 3, 25);
      expect(page3.items.map((i) => i.id)).toEqual(all.slice(50, 75));
      expect(page3.total).toBe(all.length);
    }
  });

  it('counts a total once while the data are unchanged, and again after a write', async () => {
    const repo = createStore(logged.db).repos.programs;
    const filter = { year: 2017, ...published };
    const count = () => queries.filter((q) => /count\(\*\)/.test(q.sql)).length;
    queries.length = 0;
    const first = await repo.list(filter, { key: 'title', desc: false }, 1, 25);
    expect(count()).toBe(1);
    queries.length = 0;
    await repo.list(filter, { key: 'title', desc: false }, 2, 25);
    expect(count()).toBe(0);
    // A write in another connection (another process) raises the programs' version.
    const one = first.items[0];
    if (!one) throw new Error('the generated year has programs');
    await app().database.db.updateTable('activities').set({ lifecycle_stage: 'request' }).where('id', '=', one.id).execute();
    queries.length = 0;
    const after = await repo.list(filter, { key: 'title', desc: false }, 1, 25);
    expect(count()).toBe(1);
    expect(after.total).toBe(first.total - 1);
  });
});
