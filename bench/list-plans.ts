/**
 * The plans of the list queries (issue 19) on a benchmark database, as EXPLAIN prints them:
 * SQLite's EXPLAIN QUERY PLAN, PostgreSQL's EXPLAIN (ANALYZE, COSTS OFF) with the times.
 *
 *   npx tsx bench/list-plans.ts [--sqlite FILE] [--pg URL]
 */
import type { CompiledQuery } from 'kysely';
import { PUBLISHED_STAGES } from '../src/domain/access/policy.js';
import type { ProgramFilter, ProgramSortKey } from '../src/domain/program/program-query.js';
import { openDatabase } from '../src/db/connection.js';
import { createStore } from '../src/db/store.js';
import type { AlumniFilter } from '../src/services/alumni.ports.js';
import { arg, root } from './generated.js';

const sqliteFile = arg('sqlite', `${root}bench/.data/100000-1000000/list.sqlite`);
const pgUrl = arg('pg', 'postgres://postgres@127.0.0.1/mitra_bench');
const published = { stage: [...PUBLISHED_STAGES] };

const programs: [string, ProgramFilter, ProgramSortKey, boolean][] = [
  ['public list, first page, default sort (-start)', published, 'start', true],
  ['public list by title', published, 'title', false],
  ['year 2018 by title', { ...published, year: 2018 }, 'title', false],
  [
    'heaviest filter: year + region + modality + text, by title',
    { ...published, year: 2018, region: 'asia', modality: 'training', q: 'training' },
    'title',
    false,
  ],
  ['a rare text (an identifier)', { ...published, q: 'GEN-2018-0000674' }, 'start', true],
  ['country KE', { ...published, country: 'KE' }, 'start', true],
];
const alumni: [string, AlumniFilter][] = [
  ['alumni directory, all', { scope: { kind: 'all' } }],
  ['alumni directory, country KE', { scope: { kind: 'all' }, country: 'KE' }],
  ['alumni directory, an agency', { scope: { kind: 'agency', org: 'ID-MINISTRY-OF-HEALTH' } }],
];

for (const url of [`file:${sqliteFile}`, pgUrl]) {
  const queries: CompiledQuery[] = [];
  const handle = await openDatabase(url, { onQuery: (q) => queries.push(q) });
  const repos = createStore(handle.db).repos;
  const explain = async (label: string, run: () => Promise<unknown>) => {
    await run(); // the counts are kept after a first call: the page's queries remain
    queries.length = 0;
    await run();
    console.log(`\n### ${handle.engine}: ${label}`);
    for (const q of queries.filter((x) => !/data_versions|^select "id" from "organisations"/.test(x.sql))) {
      console.log(`\n    ${q.sql.replace(/\s+/g, ' ').slice(0, 400)}${q.sql.length > 400 ? ' …' : ''}`);
      const sql = handle.engine === 'sqlite' ? `explain query plan ${q.sql}` : `explain (analyze, costs off) ${q.sql}`;
      const rows = (await handle.db.executeQuery<Record<string, string>>({ ...q, sql })).rows;
      for (const r of rows) console.log(`    ${handle.engine === 'sqlite' ? r.detail : r['QUERY PLAN']}`);
    }
  };
  for (const [label, filter, key, desc] of programs) await explain(label, () => repos.programs.list(filter, { key, desc }, 1, 50));
  for (const [label, filter] of alumni) await explain(label, () => repos.alumni.directory(filter, 1, 25));
  await handle.close();
}
