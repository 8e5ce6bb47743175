import type { FastifyInstance } from 'fastify';
import { beforeAll, afterAll, expect, it } from 'vitest';
import type { Role } from '../domain/access/actor.js';
import { programInputSchema } from '../domain/program/program.schema.js';
import { parseCsvText } from '../io/csv-parse.js';
import { serverFor } from '../main.js';
import { createProgram } from '../services/programs.js';
import { aProgram } from '../testing/builders.js';
import { describeEachEngine } from '../testing/engines.js';
import { AGENCY_A, seedMoneyScenario } from '../testing/money.js';
import { asSession, signIn } from '../testing/server.js';

type Who = Role | 'anonymous';

describeEachEngine('money API', (app) => {
  let server: FastifyInstance;
  const as = {} as Record<Who, FastifyInstance>;

  beforeAll(async () => {
    await seedMoneyScenario(app().deps);
    // A title a spreadsheet would run as a formula.
    await createProgram(
      app().deps,
      programInputSchema.parse(
        aProgram({
          identifier: 'MONEY-FORMULA',
          titleEn: '=HYPERLINK("http://evil.example")',
          lifecycleStage: 'completed',
          plannedStart: '2031-04-01',
          plannedEnd: '2031-04-02',
          recipients: [{ country: 'KE' }],
        }),
      ),
    );
    server = await serverFor(app(), { logLevel: 'silent' });
    await server.ready();
    as.anonymous = server;
    for (const role of ['admin', 'coordinator', 'viewer'] as const) as[role] = asSession(server, await signIn(server, app(), role));
    as.agency = asSession(server, await signIn(server, app(), 'agency', AGENCY_A));
    as.embassy = asSession(server, await signIn(server, app(), 'embassy', 'ID-MONEY-KBRI'));
  });
  afterAll(async () => {
    await server.close();
  });

  it('answers budget against spending with exact decimal amounts and the missing rates', async () => {
    const response = await as.viewer.inject({ url: '/api/v1/money/budget-vs-spent?groupBy=year&yearFrom=2031&yearTo=2032' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(
      body.rows.map(
        (r: { group: { year: number }; budget: { usd: string }; spent: { usd: string; idr: string }; executionRate: number | null }) => [
          r.group.year,
          r.budget.usd,
          r.spent.usd,
          r.spent.idr,
          r.executionRate,
        ],
      ),
    ).toEqual([
      [2031, '30000.00', '25000.00', '380000000.00', null],
      [2032, '1000.00', '1100.00', '17600000.00', 1.1],
    ]);
    expect(body.rows[0].spent.missingRates).toEqual([
      { currency: 'JPY', transactions: 1, amount: '100000.00', firstDate: '2031-06-20', lastDate: '2031-06-20', missing: ['idr', 'usd'] },
    ]);
    expect(body.filter).toEqual({ yearFrom: 2031, yearTo: 2032, agency: null, stages: null });
  });

  it('shows the public published programs only, and refuses bad filters', async () => {
    const body = (await as.anonymous.inject({ url: '/api/v1/money/budget-vs-spent?year=2031' })).json();
    expect(body.rows.map((r: { group: { program: { identifier: string } } }) => r.group.program.identifier)).toEqual([
      'MONEY-FORMULA',
      'MONEY-P1',
      'MONEY-P2',
      'MONEY-P5',
    ]);
    expect(body.filter.stages).toEqual(['approved', 'funded', 'implementation', 'completed', 'evaluated']);
    for (const url of [
      '/api/v1/money/budget-vs-spent?groupBy=country',
      '/api/v1/money/budget-vs-spent?yearFrom=2032&yearTo=2031',
      '/api/v1/money/budget-vs-spent?pageSize=501',
    ]) {
      expect((await as.viewer.inject({ url })).statusCode, url).toBe(400);
    }
    const unknown = await as.viewer.inject({ url: '/api/v1/money/budget-vs-spent?agency=NOPE' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'organisation.not_found' });
  });

  it('lets the coordination team add, change and delete unit costs, and nobody else (401/403)', async () => {
    const body = { kind: 'flight', region: 'europe', year: 2031, currency: 'USD', amount: '1200.50', note: 'economy return' };
    const post = (who: Who, payload: Record<string, unknown> = body) =>
      as[who].inject({ method: 'POST', url: '/api/v1/money/unit-costs', payload });
    expect((await post('anonymous')).statusCode).toBe(401);
    for (const who of ['agency', 'embassy', 'viewer'] as const) {
      const refused = await post(who);
      expect(refused.statusCode, who).toBe(403);
      expect(refused.json()).toMatchObject({ code: 'unit_cost.forbidden' });
    }
    const created = await post('coordinator');
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      kind: 'flight',
      region: 'europe',
      validFrom: '2031-01-01',
      currency: 'USD',
      amount: '1200.50',
      note: 'economy return',
    });
    const id = created.json().id as number;
    expect(created.headers.location).toBe(`/api/v1/money/unit-costs/${id}`);
    expect((await post('admin')).statusCode).toBe(409);

    const put = (who: Who, payload: Record<string, unknown>) =>
      as[who].inject({ method: 'PUT', url: `/api/v1/money/unit-costs/${id}`, payload });
    const changed = { ...body, amount: '1100' };
    expect((await put('anonymous', changed)).statusCode).toBe(401);
    expect((await put('agency', changed)).statusCode).toBe(403);
    const updated = await put('admin', changed);
    expect(updated.statusCode).toBe(200);
    expect(updated.json().amount).toBe('1100.00');
    expect((await as.admin.inject({ method: 'PUT', url: '/api/v1/money/unit-costs/999999', payload: changed })).statusCode).toBe(404);

    expect((await as.viewer.inject({ method: 'DELETE', url: `/api/v1/money/unit-costs/${id}` })).statusCode).toBe(403);
    expect((await as.coordinator.inject({ method: 'DELETE', url: `/api/v1/money/unit-costs/${id}` })).statusCode).toBe(204);
    expect((await as.anonymous.inject({ url: '/api/v1/money/unit-costs' })).json().items.some((u: { id: number }) => u.id === id)).toBe(
      false,
    );
  });

  it('validates unit costs: positive amounts, known kinds, regions and currencies', async () => {
    const post = (payload: Record<string, unknown>) =>
      as.admin.inject({
        method: 'POST',
        url: '/api/v1/money/unit-costs',
        payload: { kind: 'participant_day', year: 2031, currency: 'IDR', amount: '100', ...payload },
      });
    const cases: [Record<string, unknown>, string][] = [
      [{ amount: '0' }, 'amount'],
      [{ amount: '-5' }, 'amount'],
      [{ amount: '1.234' }, 'amount'],
      [{ kind: 'taxi' }, 'kind'],
      [{ kind: 'flight' }, 'region'],
      [{ kind: 'flight', region: 'antarctica' }, 'region'],
      [{ currency: 'XXY' }, 'currency'],
      [{ year: undefined }, 'validFrom'],
      [{ colour: 'red' }, 'colour'],
    ];
    for (const [payload, field] of cases) {
      const response = await post(payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(
        response.json().issues.map((i: { path: string }) => i.path),
        JSON.stringify(payload),
      ).toContain(field);
    }
  });

  it('lists in-kind estimates, always labelled estimated', async () => {
    const body = (await as.viewer.inject({ url: '/api/v1/money/in-kind?year=2031' })).json();
    expect(body).toMatchObject({ estimated: true, programs: 3, estimatedPrograms: 2, notEstimatedPrograms: 1 });
    expect(body.total).toMatchObject({ usd: '13000.00', idr: '198000000.00' });
    const p4 = body.items.find((e: { program: { identifier: string } }) => e.program.identifier === 'MONEY-P4');
    expect(p4).toMatchObject({
      estimated: true,
      inputs: { people: 10, days: 3, role: 'participant' },
      value: { usd: '10000.00', idr: '150000000.00' },
    });
    expect(p4.components).toEqual([
      {
        kind: 'participant_day',
        region: null,
        quantity: 30,
        unitCost: expect.objectContaining({ amount: '1000000.00', currency: 'IDR' }),
        amount: '30000000.00',
        currency: 'IDR',
      },
      {
        kind: 'flight',
        region: 'oceania',
        quantity: 10,
        unitCost: expect.objectContaining({ amount: '800.00', currency: 'USD' }),
        amount: '8000.00',
        currency: 'USD',
      },
    ]);
    // The formula-titled program's 20 participants fly to Africa, which has no flight cost: reported, not estimated.
    expect(body.gaps).toEqual([
      { what: 'unit_cost', kind: 'flight', region: 'africa', programs: 1, firstDay: '2031-04-01', lastDay: '2031-04-01' },
    ]);
  });

  it('downloads the TOSSD CSV, with formulas neutralised and rows summing to the totals', async () => {
    const response = await as.anonymous.inject({ url: '/api/v1/export/tossd.csv?year=2031' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="mitra-tossd-2031.csv"');
    expect(response.body.startsWith('\uFEFFYear,')).toBe(true);
    const [header, ...rows] = parseCsvText(response.body.slice(1)).map((r) => r.fields);
    const c = (name: string) => header?.indexOf(name) ?? -1;
    expect(rows.map((r) => [r[c('Project number')], r[c('Recipient (ISO3)')], r[c('Amount (USD)')]])).toEqual([
      ['ID-NCT-SSTC-MONEY-FORMULA', 'KEN', '0.00'],
      ['ID-NCT-SSTC-MONEY-P1', 'KEN', '9000.00'],
      ['ID-NCT-SSTC-MONEY-P1', 'TZA', '6000.00'],
      ['ID-NCT-SSTC-MONEY-P2', 'FJI', '3333.34'],
      ['ID-NCT-SSTC-MONEY-P2', 'PNG', '3333.33'],
      ['ID-NCT-SSTC-MONEY-P2', 'VUT', '3333.33'],
      ['ID-NCT-SSTC-MONEY-P5', 'TLS', '0.00'],
    ]);
    expect(rows[0]?.[c('Project title')]).toBe(`'=HYPERLINK("http://evil.example")`);
    expect((await as.anonymous.inject({ url: '/api/v1/export/tossd.csv' })).statusCode).toBe(400);
  });

  it('documents the money endpoints in OpenAPI', async () => {
    const doc = (await server.inject({ url: '/api/openapi.json' })).json();
    for (const path of [
      '/api/v1/money/budget-vs-spent',
      '/api/v1/money/unit-costs',
      '/api/v1/money/unit-costs/{id}',
      '/api/v1/money/in-kind',
      '/api/v1/export/tossd.csv',
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
  });
});
