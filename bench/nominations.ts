/**
 * The nominations benchmark: one course offer with 10,000 nominations, on SQLite and PostgreSQL.
 *
 *   npx tsx bench/nominations.ts [--nominations 10000] [--pg postgres://postgres@127.0.0.1/mitra_bench] [--engines sqlite,postgres]
 *
 * The nominations are written through the repository's bulk insert (quick set-up); the review
 * list (first, middle and last page, and with a status filter) and "select within quotas" for
 * all of them are timed through the HTTP API (in-process inject, signed in as the agency).
 * Each engine gets a fresh database: a temporary SQLite file, a schema of its own on PostgreSQL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { programInputSchema } from '../src/domain/program/program.schema.js';
import { personKey } from '../src/domain/participant/participant.js';
import { openApp, serverFor } from '../src/main.js';
import { createProgram } from '../src/services/programs.js';
import type { NominationWrite } from '../src/services/offers.ports.js';
import { systemClock } from '../src/services/deps.js';
import { aProgram } from '../src/testing/builders.js';
import { asSession, signIn } from '../src/testing/server.js';
import { arg } from './generated.js';
import { timeWarm } from './timing.js';

const count = Number(arg('nominations', '10000'));
const pgUrl = arg('pg', process.env.TEST_DATABASE_URL ?? '');
const only = arg('engines', 'sqlite,postgres').split(',');
const COUNTRIES = ['KE', 'TZ', 'UG', 'ET', 'RW', 'GH', 'NG', 'SN', 'ZM', 'MZ', 'PS', 'FJ', 'PG', 'TL', 'LK', 'NP', 'BD', 'MM', 'KH', 'LA'];
const OWN = 'ID-BENCH-AGENCY';

async function run(engine: string, url: string): Promise<void> {
  const app = await openApp(loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent' }), { clock: systemClock });
  const server = await serverFor(app, { logLevel: 'silent' });
  await server.ready();
  try {
    const agency = asSession(server, await signIn(server, app, 'agency', OWN));
    const program = await createProgram(
      app.deps,
      programInputSchema.parse(
        aProgram({ implementingOrg: OWN, lifecycleStage: 'approved', recipients: COUNTRIES.map((country) => ({ country })) }),
      ),
    );
    const deadline = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const put = await agency.inject({
      method: 'PUT',
      url: `/api/v1/activities/${program.id}/offer`,
      payload: {
        deadline,
        quotaDefault: 15,
        quotaTotal: 250,
        quotas: [
          { country: 'KE', quota: 30 },
          { country: 'PS', quota: 0 },
        ],
        status: 'open',
      },
    });
    if (put.statusCode !== 200) throw new Error(put.body);
    const offerId = (put.json() as { id: number }).id;
    const now = new Date().toISOString();
    const writes: NominationWrite[] = Array.from({ length: count }, (_, i) => {
      const country = COUNTRIES[i % COUNTRIES.length] as string;
      const email = `candidate${i}@example.org`;
      const fullName = `Candidate ${i}`;
      const at = new Date(Date.parse(now) - (count - i) * 1000).toISOString();
      return {
        fullName,
        sex: i % 2 ? 'F' : 'M',
        country,
        organisation: 'Ministry',
        position: null,
        email,
        phone: null,
        personKey: personKey({ email, fullName, country }),
        nominatedBy: 'ID-BENCH-KBRI',
        nominatedAt: at,
        consentAt: at,
      };
    });
    let start = performance.now();
    await app.deps.store.transaction((repos) => repos.nominations.insertMany(program.id, writes, now));
    await app.deps.store.afterBulkWrite();
    console.log(`[${engine}] set-up: ${count} nominations inserted in ${(performance.now() - start).toFixed(0)} ms`);

    const pageSize = 50;
    const pages = Math.ceil(count / pageSize);
    const get = (query: string) => async () => {
      const r = await agency.inject(`/api/v1/offers/${offerId}/nominations?${query}`);
      if (r.statusCode !== 200) throw new Error(r.body);
    };
    await timeWarm(`[${engine}] review list, page 1 of ${pages}`, 15, get(`page=1&pageSize=${pageSize}`));
    await timeWarm(`[${engine}] review list, page ${Math.ceil(pages / 2)}`, 15, get(`page=${Math.ceil(pages / 2)}&pageSize=${pageSize}`));
    await timeWarm(`[${engine}] review list, last page ${pages}`, 15, get(`page=${pages}&pageSize=${pageSize}`));
    await timeWarm(
      `[${engine}] review list, status=nominated&country=KE, page 2`,
      15,
      get(`status=nominated&country=KE&page=2&pageSize=${pageSize}`),
    );
    await timeWarm(`[${engine}] review list, q=candidate99, page 1`, 15, get(`q=candidate99&page=1&pageSize=${pageSize}`));

    start = performance.now();
    const sel = await agency.inject({ method: 'POST', url: `/api/v1/offers/${offerId}/select-within-quotas`, payload: {} });
    const selectMs = performance.now() - start;
    if (sel.statusCode !== 200) throw new Error(sel.body);
    console.log(`[${engine}] select within quotas, all ${count} candidates: ${selectMs.toFixed(0)} ms → ${sel.body}`);
    start = performance.now();
    const again = await agency.inject({ method: 'POST', url: `/api/v1/offers/${offerId}/select-within-quotas`, payload: {} });
    console.log(
      `[${engine}] select within quotas again (re-rank ${JSON.parse(again.body).reserves} reserves): ${(performance.now() - start).toFixed(0)} ms`,
    );
    await timeWarm(
      `[${engine}] review list after selection, status=reserve, last page`,
      15,
      get(`status=reserve&page=${Math.ceil(count / pageSize / 1.05)}&pageSize=${pageSize}`),
    );
  } finally {
    await server.close();
    await app.close();
  }
}

if (only.includes('sqlite')) {
  const dir = mkdtempSync(join(tmpdir(), 'mitra-bench-nominations-'));
  try {
    await run('sqlite', `file:${join(dir, 'bench.sqlite')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
if (only.includes('postgres')) {
  if (!pgUrl) console.log('PostgreSQL: skipped (give --pg postgres://… or TEST_DATABASE_URL)');
  else {
    const schema = `bench_nominations_${process.pid}`;
    const url = new URL(pgUrl);
    url.searchParams.set('schema', schema);
    try {
      await run('postgres', url.toString());
    } finally {
      const client = new pg.Client({ connectionString: pgUrl });
      await client.connect();
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.end();
    }
  }
}
