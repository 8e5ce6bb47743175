/**
 * Data quality through the API on both engines: programs built with known defects give exactly
 * the seeded rules' findings and scores (the facts read by SQL: counts, spending dates, missing
 * rates, transitions); who sees which agency; only the coordination team changes rules, audited;
 * the CSV and XLSX downloads.
 */
import { beforeAll, expect, it } from 'vitest';
import { programInputSchema } from '../domain/program/program.schema.js';
import { participantInputSchema } from '../domain/participant/participant.schema.js';
import { createProgram } from '../services/programs.js';
import { addParticipant } from '../services/participants.js';
import { transitionProgram } from '../services/lifecycle.js';
import type { ServiceDeps } from '../services/deps.js';
import { aParticipant, aProgram } from '../testing/builders.js';
import { describeEachEngine } from '../testing/engines.js';
import { ensureOrg, useServer } from '../testing/server.js';

const at = (deps: ServiceDeps, iso: string): ServiceDeps => ({ ...deps, clock: { nowIso: () => iso } });

describeEachEngine('data quality API', (app) => {
  const admin = useServer(app);
  const coordinator = useServer(app, { as: 'coordinator' });
  const agencyA = useServer(app, { as: 'agency', orgCode: 'ID-QA-A' });
  const viewer = useServer(app, { as: 'viewer' });
  const anonymous = useServer(app, { as: 'anonymous' });
  let defective = 0;
  let stale = 0;

  beforeAll(async () => {
    const deps = app().deps;
    await ensureOrg(app(), 'ID-QA-A');
    await ensureOrg(app(), 'ID-QA-B');
    // Agency A: a training completed 90 days after its end, spending in
    // EUR (no rate) seven months after the end, one participant of three without sex, ten stated.
    const p = await createProgram(
      deps,
      programInputSchema.parse(
        aProgram({
          implementingOrg: 'ID-QA-A',
          descriptionEn: 'A training',
          lifecycleStage: 'implementation',
          plannedStart: '2025-05-01',
          plannedEnd: '2025-05-05',
          actualStart: '2025-05-01',
          actualEnd: '2025-05-05',
          fundingSource: 'apbn',
          participantsPlanned: 10,
          budgets: [{ periodStart: '2025-01-01', periodEnd: '2025-12-31', amount: 500_000, currency: 'EUR' }],
          transactions: [{ type: '4', date: '2025-12-01', amount: 400_000, currency: 'EUR' }],
        }),
      ),
    );
    defective = p.id;
    for (const sex of ['F', 'M', 'X'] as const) await addParticipant(deps, p.id, participantInputSchema.parse(aParticipant({ sex })));
    await transitionProgram(at(deps, '2025-08-03T09:00:00.000Z'), p.id, { action: 'complete' });
    // Agency B: a request registered on 2025-01-10 and never moved.
    const r = await createProgram(
      at(deps, '2025-01-10T08:00:00.000Z'),
      programInputSchema.parse(aProgram({ implementingOrg: 'ID-QA-B', plannedStart: '2025-06-01', plannedEnd: '2025-06-05' })),
    );
    stale = r.id;
  });

  it("lists exactly the seeded rules' findings of a defective program, with its score", async () => {
    const r = await admin().inject({ url: `/api/v1/activities/${defective}/quality` });
    expect(r.statusCode, r.body).toBe(200);
    const q = r.json();
    expect(q.findings.map((f: { rule: string }) => f.rule).sort()).toEqual(
      [
        'completion_on_time',
        'evaluation_on_time',
        'exchange_rates',
        'participant_totals',
        'participants_sex',
        'sdgs',
        'sectors',
        'spending_after_end',
      ].sort(),
    );
    // 25 rules apply, weight 51; the findings weigh 14 (docs/data-quality.md): 37 / 51.
    expect([q.checks, q.lostWeight, q.score]).toEqual([25, 14, 72.5]);
    const byRule = new Map(q.findings.map((f: { rule: string; en: string }) => [f.rule, f.en]));
    expect(byRule.get('completion_on_time')).toBe(
      'The program was recorded as completed 90 days after it ended (2025-05-05); the limit is 60 days.',
    );
    expect(byRule.get('exchange_rates')).toContain('No exchange rate for EUR');
    expect(byRule.get('participants_sex')).toBe('1 of 3 participants have no sex recorded: record female or male.');
    expect(q.findings[0].severity).toBe('required');
  });

  it('scores every agency of the year for the coordination team, lowest first, and an agency its own only', async () => {
    const all = (await coordinator().inject({ url: '/api/v1/quality/scorecard?year=2025' })).json();
    expect(all.agencies.map((a: { implementingOrg: string }) => a.implementingOrg).sort()).toEqual(['ID-QA-A', 'ID-QA-B']);
    expect(all.total.programs).toBe(2);
    const b = all.agencies.find((a: { implementingOrg: string }) => a.implementingOrg === 'ID-QA-B');
    // The request, past its planned end: not completed (3) nor evaluated (1) in time, stale (1),
    // no description, sectors, SDGs (1 each), of 23 applicable: 15 / 23.
    expect([b.passed, b.applicable, b.score]).toEqual([15, 23, 65.2]);
    expect(b.mostToFix.map((p: { programId: number }) => p.programId)).toEqual([stale]);
    expect(all.agencies[0].implementingOrg).toBe('ID-QA-B');
    expect([all.total.passed, all.total.applicable]).toEqual([37 + 15, 51 + 23]);

    const own = await agencyA().inject({ url: '/api/v1/quality/scorecard?year=2025' });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().agencies.map((a: { implementingOrg: string }) => a.implementingOrg)).toEqual(['ID-QA-A']);
    expect((await agencyA().inject({ url: '/api/v1/quality/scorecard?year=2025&agency=ID-QA-B' })).statusCode).toBe(403);
    expect((await agencyA().inject({ url: `/api/v1/activities/${stale}/quality` })).statusCode).toBe(403);
    const programs = (await agencyA().inject({ url: '/api/v1/quality/programs?year=2025' })).json();
    expect(programs.rows.map((p: { programId: number }) => p.programId)).toEqual([defective]);
  });

  it('lists the seeded rules, each parsed against its kind, to an agency as to the coordination team', async () => {
    const r = await agencyA().inject({ url: '/api/v1/quality/rules' });
    expect(r.statusCode, r.body).toBe(200);
    const rules = r.json().items as { code: string; kind: string; dimension: string }[];
    expect(rules).toHaveLength(27);
    expect(new Set(rules.map((x) => x.kind)).size).toBe(8);
    expect(rules.filter((x) => x.dimension === 'timeliness').map((x) => x.code)).toEqual(['completion_on_time', 'evaluation_on_time']);
  });

  it('refuses data quality to the public (401) and a viewer (403)', async () => {
    expect((await anonymous().inject({ url: '/api/v1/quality/scorecard?year=2025' })).statusCode).toBe(401);
    expect((await anonymous().inject({ url: '/api/v1/quality/rules' })).statusCode).toBe(401);
    expect((await viewer().inject({ url: '/api/v1/quality/scorecard?year=2025' })).statusCode).toBe(403);
    expect((await viewer().inject({ url: `/api/v1/activities/${defective}/quality` })).statusCode).toBe(403);
  });

  it('lets only the coordination team change a rule, checks its params, audits it, and the scores follow', async () => {
    const refused = await agencyA().inject({ method: 'PATCH', url: '/api/v1/quality/rules/sectors', payload: { enabled: false } });
    expect(refused.statusCode).toBe(403);
    const bad = await coordinator().inject({
      method: 'PATCH',
      url: '/api/v1/quality/rules/stage_not_stale',
      payload: { params: { months: 0 } },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().issues).toContainEqual(expect.objectContaining({ path: 'params.months', message: 'must be at least 1 months' }));

    const off = await coordinator().inject({
      method: 'PATCH',
      url: '/api/v1/quality/rules/sectors',
      payload: { enabled: false, weight: 5 },
    });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toMatchObject({ code: 'sectors', enabled: false, weight: 5, kind: 'field_present', params: { field: 'sectors' } });
    const q = (await admin().inject({ url: `/api/v1/activities/${defective}/quality` })).json();
    expect([q.checks, q.lostWeight, q.score]).toEqual([24, 13, 74]); // 37 / 50
    const audit = (await admin().inject({ url: '/api/v1/audit?entity=quality_rule' })).json();
    expect(audit.items[0]).toMatchObject({ entity: 'quality_rule', entityId: 'sectors', action: 'update' });
    expect(audit.items[0].changes.enabled).toEqual({ before: true, after: false });
    await coordinator().inject({ method: 'PATCH', url: '/api/v1/quality/rules/sectors', payload: { enabled: true, weight: 1 } });
  });

  it('downloads the scorecard as CSV (one row per agency and the total) and as XLSX', async () => {
    const csv = await coordinator().inject({ url: '/api/v1/quality/scorecard/export?year=2025&lang=id' });
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-disposition']).toContain('data-quality-2025.csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toMatch(/^K\/L,Nama,Kegiatan,/);
    expect(lines).toHaveLength(4);
    expect(lines[3]).toMatch(/^,Semua K\/L,2,/);
    const xlsx = await coordinator().inject({ url: '/api/v1/quality/scorecard/export?year=2025&format=xlsx' });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});
