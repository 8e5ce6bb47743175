/**
 * The partnerships benchmark: the partner list with its triangular counts, a partner's page and
 * timeline, a country's timeline and the partnership lists, over a registry of generated programs
 * (10% triangular, `mitra generate`) with 1,000 engagements and 300 agreements, on SQLite and
 * PostgreSQL.
 *
 *   npx tsx bench/partnerships.ts [--activities 100000] [--pg postgres://postgres@127.0.0.1/mitra_bench] [--engines sqlite,postgres]
 *
 * Each engine gets a fresh database (a temporary SQLite file, a schema of its own on PostgreSQL);
 * the programs are imported by the compiled import (bench/import-once.mjs), the partnerships
 * written through the services, and every endpoint timed warm through the HTTP API (in-process
 * inject, signed in as a coordinator).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { agreementInputSchema, engagementInputSchema } from '../src/domain/partnership/partnership.schema.js';
import { openApp, serverFor } from '../src/main.js';
import { createAgreement, linkAgreementProgram } from '../src/services/agreements.js';
import { createEngagement } from '../src/services/engagements.js';
import { systemClock } from '../src/services/deps.js';
import { asSession, signIn } from '../src/testing/server.js';
import { arg, generatedData, root } from './generated.js';
import { timeWarm } from './timing.js';

const activities = Number(arg('activities', '100000'));
const pgUrl = arg('pg', process.env.TEST_DATABASE_URL ?? '');
const only = arg('engines', 'sqlite,postgres').split(',');
const ENGAGEMENTS = 1_000;
const AGREEMENTS = 300;
const COUNTRIES = ['KE', 'TZ', 'FJ', 'PS', 'TL', 'PG', 'GM', 'MX', 'BR', 'EG'];

const dataDir = generatedData(activities, 1_000);

async function run(engine: string, url: string): Promise<void> {
  const env = { ...process.env, DATABASE_URL: url };
  const out = execFileSync(process.execPath, ['bench/import-once.mjs', 'activities', join(dataDir, 'activities.csv')], {
    cwd: root,
    env,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  console.log(`[${engine}] import: ${out.trim()}`);
  // The benchmark's coordinator signs in with a password alone (no second factor, as in the tests).
  const app = await openApp(loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent', MITRA_TOTP_REQUIRED_ROLES: 'none' }), {
    clock: systemClock,
  });
  const server = await serverFor(app, { logLevel: 'silent' });
  await server.ready();
  try {
    const orgs = await app.deps.store.repos.organisations.list({});
    const partners = orgs.filter((o) => o.kind === 'partner' || o.kind === 'multilateral').map((o) => o.code);
    const agency = orgs.find((o) => o.kind === 'provider_agency')?.code as string; // the generated programs have implementing agencies
    console.log(`[${engine}] ${orgs.length} organisations, ${partners.length} partners`);
    const triangular = await app.deps.store.repos.programs.list(
      { cooperationType: 'triangular' },
      { key: 'identifier', desc: false },
      1,
      500,
    );
    const programIds = triangular.items.map((a) => a.identifier);
    let start = performance.now();
    const today = new Date().toISOString().slice(0, 10);
    for (let i = 0; i < ENGAGEMENTS; i++) {
      const year = 2015 + (i % 10);
      await createEngagement(
        app.deps,
        engagementInputSchema.parse({
          kind: ['visit', 'meeting', 'conference', 'call'][i % 4],
          title: `Engagement ${i}`,
          startsOn: `${year}-0${1 + (i % 9)}-1${i % 10}`,
          partnerOrg: partners[i % partners.length],
          country: COUNTRIES[i % COUNTRIES.length],
          items: [
            {
              side: 'ours',
              kind: 'offer',
              description: `Offer ${i}`,
              flagshipArea: 'DEV-AGR',
              country: COUNTRIES[(i + 1) % COUNTRIES.length],
            },
            { side: 'theirs', kind: 'request', description: `Request ${i}` },
          ],
          followUps: [
            { action: `Follow-up ${i}a`, owner: agency, dueOn: i % 3 ? today : `${year}-12-31` },
            { action: `Follow-up ${i}b`, owner: partners[i % partners.length], dueOn: null },
          ],
        }),
      );
    }
    console.log(`[${engine}] set-up: ${ENGAGEMENTS} engagements in ${(performance.now() - start).toFixed(0)} ms`);
    start = performance.now();
    for (let i = 0; i < AGREEMENTS; i++) {
      const a = await createAgreement(
        app.deps,
        agreementInputSchema.parse({
          kind: ['mou', 'technical_cooperation', 'joint_framework', 'work_plan'][i % 4],
          titleEn: `Agreement ${i}`,
          status: i % 2 ? 'in_force' : 'draft',
          ...(i % 2 ? { signedOn: `${2015 + (i % 10)}-03-01`, validUntil: `${2026 + (i % 5)}-06-30` } : {}),
          parties: [{ org: partners[i % partners.length] }, { country: COUNTRIES[i % COUNTRIES.length] }],
          areas: ['DEV-AGR', 'DEV-DRM'],
        }),
      );
      for (const identifier of programIds.slice((i * 7) % 400, ((i * 7) % 400) + 5)) await linkAgreementProgram(app.deps, a.id, identifier);
    }
    console.log(`[${engine}] set-up: ${AGREEMENTS} agreements in ${(performance.now() - start).toFixed(0)} ms`);
    await app.deps.store.afterBulkWrite();

    const coordinator = asSession(server, await signIn(server, app, 'coordinator', null));
    const get = (path: string) => async () => {
      const r = await coordinator.inject(path);
      if (r.statusCode !== 200) throw new Error(`${path}: ${r.statusCode} ${r.body.slice(0, 300)}`);
    };
    const partner = partners[0] as string;
    for (const [label, path] of [
      ['partner list', '/api/v1/partners'],
      ['partner list, triangular 2016–2020', '/api/v1/partners?since=2016&upTo=2020'],
      ['partner page (relationship)', `/api/v1/partners/${partner}`],
      ['partner profile (years, cost shares)', `/api/v1/partners/${partner}/profile`],
      ['partner timeline', `/api/v1/partners/${partner}/timeline`],
      ['country timeline (KE)', '/api/v1/countries/KE/partnership-timeline'],
      ['agreements, first page', '/api/v1/agreements'],
      ['agreements ending within 180 days', '/api/v1/agreements?expiringWithin=180'],
      ['engagements, first page', '/api/v1/engagements'],
      ['overdue follow-ups', '/api/v1/follow-ups?overdue=true'],
      ['home page attention', '/api/v1/partnerships/attention'],
      ['engagements XLSX (all 1,000)', '/api/v1/engagements/export?format=xlsx'],
    ] as const) {
      await timeWarm(`[${engine}] ${label}`, 10, get(path));
    }
  } finally {
    await server.close();
    await app.close();
  }
}

if (only.includes('sqlite')) {
  const dir = mkdtempSync(join(tmpdir(), 'mitra-bench-partnerships-'));
  try {
    await run('sqlite', `file:${join(dir, 'bench.sqlite')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
if (only.includes('postgres')) {
  if (!pgUrl) console.log('PostgreSQL: skipped (give --pg postgres://… or TEST_DATABASE_URL)');
  else {
    const schema = `bench_partnerships_${Date.now().toString(36)}`;
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
