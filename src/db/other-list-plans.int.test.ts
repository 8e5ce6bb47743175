/**
 * The other lists read from indexes too (issue 19): the alumni directory (walked in name order,
 * per country, per agency, by text), an offer's nominations and a nominating organisation's,
 * and the offers catalogue, on 10,000 generated programs and 60,000 participant records with
 * fresh statistics, on both engines: no query of a page scans the programs or the participants,
 * nor sorts the whole of either.
 */
import type { CompiledQuery } from 'kysely';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import type { SyntheticOptions } from '../services/synthetic.js';
import type { AlumniFilter } from '../services/alumni.ports.js';
import { describeEachEngine } from '../testing/engines.js';
import { importGeneratedPrograms } from '../testing/generated-programs.js';
import { analyze, planProblems } from '../testing/query-plans.js';
import { openDatabase, type DatabaseHandle } from './connection.js';
import { createStore } from './store.js';

const options: SyntheticOptions = { activities: 10_000, participants: 60_000, fromYear: 2015, toYear: 2024, seed: 13, currentYear: 2026 };
const LARGE = { large: ['activities', 'a', 'participants', 'p'] };

describeEachEngine('other list plans', (app, engine) => {
  let logged: DatabaseHandle;
  const queries: CompiledQuery[] = [];
  let program = 0;

  beforeAll(async () => {
    await importGeneratedPrograms(app(), options);
    const db = app().database.db;
    // One record in ten nominated by an embassy; 300 programs open for nominations.
    await sql`update participants set nominated_by = 'ID-EMB-NAIROBI' where id % 10 = 0`.execute(db);
    await sql`insert into course_offers (activity_id, status, summary_en, deadline, created_at, updated_at)
      select id, case when id % 3 = 0 then 'closed' else 'open' end, 'Course ' || identifier, '2027-01-' || (10 + id % 18), '2026-11-01', '2026-11-01'
      from activities where id % 33 = 0`.execute(db);
    program = (await db.selectFrom('participants').select('activity_id').orderBy('id').limit(1).executeTakeFirstOrThrow()).activity_id;
    await analyze(db);
    logged = await openDatabase(app().config.databaseUrl, { onQuery: (q) => queries.push(q) });
    return () => logged.close();
  }, 240_000);

  async function problemsOf(label: string, run: () => Promise<unknown>): Promise<string[]> {
    queries.length = 0;
    await run();
    const found: string[] = [];
    for (const query of queries.filter((q) => /from "?(activities|participants)"?/.test(q.sql) && !/count\(/.test(q.sql))) {
      for (const p of await planProblems(logged.db, engine, query, LARGE)) found.push(`${label}: ${p}`);
    }
    return found;
  }

  it('walks the alumni directory from its indexes, for every scope and filter', async () => {
    const repos = createStore(logged.db).repos;
    const scopes: AlumniFilter['scope'][] = [
      { kind: 'all' },
      { kind: 'agency', org: 'ID-MINISTRY-OF-HEALTH' },
      { kind: 'nominator', org: 'ID-EMB-NAIROBI' },
    ];
    const filters = [{}, { country: 'KE' }, { q: 'maria' }, { q: 'Leila Sesay' }, { country: 'FJ', q: 'mensah' }];
    const problems: string[] = [];
    for (const scope of scopes) {
      for (const filter of filters) {
        for (const page of [1, 8]) {
          problems.push(
            ...(await problemsOf(`${scope.kind} ${JSON.stringify(filter)} page ${page}`, () =>
              repos.alumni.directory({ ...filter, scope }, page, 25),
            )),
          );
        }
      }
    }
    expect(problems).toEqual([]);
  }, 120_000);

  it('pages the directory as persons in name order, each once', async () => {
    const repos = createStore(logged.db).repos;
    const first = await repos.alumni.directory({ scope: { kind: 'all' }, country: 'KE' }, 1, 30);
    const second = await repos.alumni.directory({ scope: { kind: 'all' }, country: 'KE' }, 2, 30);
    const names = [...first.persons, ...second.persons].map((p) => p.records[0]?.fullName.toLowerCase() ?? '');
    expect(names).toEqual([...names].sort());
    const keys = [...first.persons, ...second.persons].map((p) => p.personKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(first.total).toBe(second.total);
    const all = await app()
      .database.db.selectFrom('participants')
      .select((eb) => eb.fn.count('person_key').distinct().as('n'))
      .where('country_code', '=', 'KE')
      .where('status', 'in', ['attended', 'completed'])
      .executeTakeFirstOrThrow();
    expect(first.total).toBe(Number(all.n));
  });

  it('reads nominations and the catalogue from their indexes', async () => {
    const repos = createStore(logged.db).repos;
    const problems = [
      ...(await problemsOf('review', () => repos.nominations.review(program, {}, 1, 50))),
      ...(await problemsOf('review by status', () => repos.nominations.review(program, { statuses: ['completed'] }, 1, 50))),
      ...(await problemsOf('by nominator', () => repos.nominations.byNominator('ID-EMB-NAIROBI', {}, 1, 50))),
      ...(await problemsOf('by nominator, page 20', () => repos.nominations.byNominator('ID-EMB-NAIROBI', {}, 20, 50))),
      ...(await problemsOf('catalogue', () => repos.offers.catalogue({ statuses: ['open', 'closed'], stages: ['completed'] }, 1, 20))),
      ...(await problemsOf('catalogue, open, by country', () =>
        repos.offers.catalogue({ statuses: ['open'], country: 'KE', deadlineAfter: '2027-01-15' }, 1, 20),
      )),
      ...(await problemsOf('catalogue, text', () => repos.offers.catalogue({ statuses: ['open', 'closed'], q: 'training' }, 1, 20))),
    ];
    expect(problems).toEqual([]);
  });
});
