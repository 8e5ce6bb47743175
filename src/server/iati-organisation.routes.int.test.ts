import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { programInputSchema } from '../domain/program/program.schema.js';
import { serverFor } from '../main.js';
import { loadDemoData } from '../services/demo/load-demo.js';
import { createProgram } from '../services/programs.js';
import { aProgram } from '../testing/builders.js';
import { describeEachEngine } from '../testing/engines.js';
import { iatiOrganisationRuleBreaches } from '../testing/iati.js';
import { asSession, signIn, type TestSession } from '../testing/server.js';

describeEachEngine('GET /api/v1/export/iati-organisation.xml', (app) => {
  let server: FastifyInstance;
  let coordinator: TestSession;
  beforeAll(async () => {
    await loadDemoData(app().deps);
    // A 2018 request (not published) with a budget of USD 1,000.
    await createProgram(
      app().deps,
      programInputSchema.parse(
        aProgram({
          identifier: 'ORG-ROUTE-REQUEST',
          lifecycleStage: 'request',
          budgets: [{ type: 1, status: 2, periodStart: '2018-01-01', periodEnd: '2018-12-31', amount: '1000', currency: 'USD' }],
        }),
      ),
    );
    server = await serverFor(app(), { logLevel: 'silent', documentLinksUrl: 'https://mitra.example.go.id' });
    await server.ready();
    coordinator = await signIn(server, app(), 'coordinator');
  });
  afterAll(async () => {
    await server.close();
  });

  const budget2018 = (xml: string) =>
    Number(
      /<total-budget status="\d">\s*<period-start iso-date="2018-01-01"\/>\s*<period-end [^>]*>\s*<value [^>]*>([\d.]+)</.exec(xml)?.[1],
    );

  it('gives the public the figures of published programs, and a coordinator those of every program', async () => {
    const pub = await server.inject({ url: '/api/v1/export/iati-organisation.xml' });
    expect(pub.statusCode).toBe(200);
    expect(pub.headers['content-type']).toMatch(/application\/xml/);
    expect(pub.headers['content-disposition']).toMatch(/iati-organisation\.xml/);
    expect(pub.body).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<iati-organisations version="2\.03" generated-datetime="/);
    expect(iatiOrganisationRuleBreaches(pub.body)).toEqual([]);
    expect(pub.body).toContain('<organisation-identifier>ID-NCT-SSTC</organisation-identifier>');
    expect(pub.body).toContain('url="https://mitra.example.go.id/api/v1/reports/annual.pdf?year=2018&amp;lang=en"');
    const internal = await asSession(server, coordinator).inject({ url: '/api/v1/export/iati-organisation.xml' });
    expect(internal.statusCode).toBe(200);
    expect(budget2018(internal.body) - budget2018(pub.body)).toBeCloseTo(1000, 2);
  });

  it('converts to rupiah and keeps the years asked for; bad options are a 400 naming the field', async () => {
    const idr = await server.inject({ url: '/api/v1/export/iati-organisation.xml?currency=IDR&from=2018&to=2018' });
    expect(idr.statusCode).toBe(200);
    expect(idr.body).toContain('default-currency="IDR"');
    expect(idr.body.match(/<total-budget /g)).toHaveLength(1);
    expect(idr.body).not.toContain('year=2017');
    const bad = await server.inject({ url: '/api/v1/export/iati-organisation.xml?currency=EUR' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('currency');
    expect((await server.inject({ url: '/api/v1/export/iati-organisation.xml?from=2018' })).statusCode).toBe(400);
  });
});
