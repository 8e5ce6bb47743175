import { expect, it } from 'vitest';
import { describeEachEngine } from '../testing/engines.js';
import { useServer } from '../testing/server.js';

describeEachEngine('imports and reports API', (app) => {
  const server = useServer(app);
  const csv = (url: string, body: string | Buffer) =>
    server().inject({ method: 'POST', url, payload: body, headers: { 'content-type': 'text/csv', 'x-file-name': 'programs.csv' } });

  it('imports a text/csv body, with a dry run first', async () => {
    const body = 'identifier,title_en,recipient_countries,participants_planned,start_date\nAPI-1,API import,Timor Leste,12,2019-05-01\n';
    const dry = await csv('/api/v1/imports/activities?dryRun=true', body);
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ status: 'dry_run', inserted: 1, source: 'programs.csv' });
    expect((await server().inject({ url: '/api/v1/activities/by-identifier/API-1' })).statusCode).toBe(404);
    const real = await csv('/api/v1/imports/activities', body);
    expect(real.json()).toMatchObject({ status: 'committed', inserted: 1 });
    const summary = (await server().inject({ url: '/api/v1/reports/summary?year=2019' })).json();
    expect(summary).toMatchObject({
      programs: 1,
      countries: 1,
      participants: 12,
      regions: { asia: { programs: 1, countries: 1, participants: 12 } },
    });
    expect(summary.spending).toEqual({ usd: '0.00', idr: '0.00', transactions: 0, byCurrency: [], missingRates: [] });
    const years = (await server().inject({ url: '/api/v1/reports/years' })).json();
    expect(years.items).toEqual([expect.objectContaining({ year: 2019, programs: 1, countries: 1, participants: 12, usd: '0.00' })]);
  });

  it('answers 422 problem+json listing every bad row, and writes nothing', async () => {
    const res = await csv('/api/v1/imports/activities', 'identifier,title_en,modality\nAPI-BAD-1,One,dancing\nAPI-BAD-2,,training\n');
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    const body = res.json();
    expect(body).toMatchObject({ code: 'import.rejected', status: 422, report: { status: 'rejected', errorCount: 2, rejectedRows: 2 } });
    expect(body.issues.map((i: { path: string }) => i.path)).toEqual(['line 2, modality', 'line 3, title_en']);
    expect((await server().inject({ url: '/api/v1/activities/by-identifier/API-BAD-1' })).statusCode).toBe(404);
    const batches = (await server().inject({ url: '/api/v1/imports' })).json().items;
    expect(batches[0]).toMatchObject({ kind: 'activities', status: 'rejected', rowsRejected: 2 });
  });

  it('refuses a CSV row whose implementer is an embassy, naming the row and the column; an IATI file of another publisher stays its data', async () => {
    const created = await server().inject({
      method: 'POST',
      url: '/api/v1/organisations',
      payload: { code: 'ID-KBRI-TEST', nameEn: 'Embassy of Indonesia in Testland', type: '10', countryCode: 'ID', kind: 'embassy' },
    });
    expect(created.statusCode).toBe(201);
    const res = await csv(
      '/api/v1/imports/activities',
      'identifier,title_en,implementing_agency\nAPI-EMB-1,Training,Embassy of Indonesia in Testland\n',
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().issues).toEqual([expect.objectContaining({ path: 'line 2, implementing_agency' })]);
    expect((await server().inject({ url: '/api/v1/activities/by-identifier/API-EMB-1' })).statusCode).toBe(404);
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03">
  <iati-activity default-currency="USD">
    <iati-identifier>XM-API-EMB-1</iati-identifier>
    <reporting-org ref="XM-API" type="10"><narrative>API publisher</narrative></reporting-org>
    <title><narrative>Training</narrative></title>
    <participating-org ref="ID-KBRI-TEST" role="4" type="10"><narrative>Embassy</narrative></participating-org>
    <activity-status code="2"/>
    <activity-date iso-date="2019-05-01" type="2"/>
    <recipient-country code="TL"/>
  </iati-activity>
</iati-activities>`;
    const iati = await server().inject({
      method: 'POST',
      url: '/api/v1/imports/iati',
      payload: xml,
      headers: { 'content-type': 'application/xml', 'x-file-name': 'partner.xml' },
    });
    // Another publisher's activity is kept apart as its data: it is no program of ours, and it cannot become one.
    expect(iati.statusCode).toBe(200);
    expect(iati.json()).toMatchObject({ status: 'committed', inserted: 1 });
    expect((await server().inject({ url: '/api/v1/activities/by-identifier/XM-API-EMB-1' })).statusCode).toBe(404);
    const imported = (await server().inject({ url: '/api/v1/other-providers/activities?q=XM-API-EMB-1' })).json();
    expect(imported.items).toEqual([expect.objectContaining({ identifier: 'XM-API-EMB-1', publisherRef: 'XM-API' })]);
    const promote = await server().inject({ method: 'POST', url: `/api/v1/other-providers/activities/${imported.items[0].id}/promote` });
    expect(promote.statusCode).toBe(409);
    expect(promote.json().code).toBe('other_providers.not_provider');
  });

  it('imports an IATI file sent as application/xml, and answers 422 naming the line and column of a malformed one', async () => {
    const xml = (title: string) => `<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03">
  <iati-activity default-currency="USD">
    <iati-identifier>XM-API-1</iati-identifier>
    <reporting-org ref="XM-API" type="10"><narrative>API publisher</narrative></reporting-org>
    <title><narrative>${title}</narrative></title>
    <activity-status code="2"/>
    <activity-date iso-date="2019-05-01" type="2"/>
    <recipient-country code="TL"/>
  </iati-activity>
</iati-activities>`;
    const post = (body: string, query = '') =>
      server().inject({
        method: 'POST',
        url: `/api/v1/imports/iati${query}`,
        payload: body,
        headers: { 'content-type': 'application/xml', 'x-file-name': 'partner.xml' },
      });
    const first = await post(xml('Solar lamps'));
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      kind: 'iati',
      status: 'committed',
      inserted: 1,
      source: 'partner.xml',
      file: { iatiVersion: '2.03' },
    });
    expect((await post(xml('Solar lamps'))).json()).toMatchObject({ inserted: 0, updated: 0, unchanged: 1 });
    expect((await server().inject({ url: '/api/v1/activities/by-identifier/XM-API-1' })).statusCode).toBe(404);
    const list = (await server().inject({ url: '/api/v1/other-providers/activities?q=solar' })).json();
    expect(list).toMatchObject({ total: 1, items: [{ identifier: 'XM-API-1', title: 'Solar lamps', fileName: 'partner.xml' }] });
    const one = (await server().inject({ url: `/api/v1/other-providers/activities/${list.items[0].id}` })).json();
    expect(one.record.data).toMatchObject({ titleEn: 'Solar lamps', recipients: [{ country: 'TL', percentage: null }] });
    const broken = await post(xml('Solar lamps').replace('</title>', ''));
    expect(broken.statusCode).toBe(422);
    expect(broken.json().report.errors[0].message).toMatch(/^partner\.xml, line 10, column \d+: /);
  });

  it('accepts a multipart upload and refuses a form without a file', async () => {
    const boundary = '----mitra';
    const file = 'currency;date;units_per_usd\nIDR;2019-01-01;14147.67\n';
    const payload = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="kurs.csv"\r\nContent-Type: text/csv\r\n\r\n${file}\r\n--${boundary}--\r\n`;
    const res = await server().inject({
      method: 'POST',
      url: '/api/v1/imports/rates',
      payload,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'committed', inserted: 1, source: 'kurs.csv' });
    const rates = (await server().inject({ url: '/api/v1/exchange-rates?currency=idr' })).json();
    expect(rates.items).toEqual([{ currency: 'IDR', date: '2019-01-01', unitsPerUsd: 14147.67, source: null }]);
    const empty = `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n--${boundary}--\r\n`;
    const none = await server().inject({
      method: 'POST',
      url: '/api/v1/imports/rates',
      payload: empty,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(none.statusCode).toBe(422);
    expect(none.json().code).toBe('import.no_file');
  });

  it('refuses a body that is not a file (JSON, a form) with 415, writing nothing', async () => {
    const rates = async () => (await server().inject({ url: '/api/v1/exchange-rates?currency=idr' })).json().items;
    const before = await rates();
    for (const [type, payload] of [
      ['application/json', '{"currency":"IDR"}'],
      ['application/x-www-form-urlencoded', 'currency=IDR'],
    ]) {
      const res = await server().inject({ method: 'POST', url: '/api/v1/imports/rates', payload, headers: { 'content-type': type } });
      expect([res.statusCode, res.json().code]).toEqual([415, 'request.unsupported_media_type']);
    }
    expect(await rates()).toEqual(before);
  });

  it('refuses an unknown import kind and a bad year', async () => {
    expect((await csv('/api/v1/imports/budgets', 'a\n1\n')).statusCode).toBe(400);
    expect((await server().inject({ url: '/api/v1/reports/summary?year=abc' })).statusCode).toBe(400);
    expect((await server().inject({ url: '/api/v1/reports/summary' })).statusCode).toBe(400);
  });
});
