import { expect, it } from 'vitest';
import { aProgram } from '../testing/builders.js';
import { describeEachEngine } from '../testing/engines.js';
import { useServer } from '../testing/server.js';
import { flatText, pdfText } from '../testing/pdf.js';

describeEachEngine('edition routes', (app) => {
  const coordinator = useServer(app, { as: 'coordinator' });
  const agency = useServer(app, { as: 'agency' });
  const visitor = useServer(app, { as: 'anonymous' });
  const year = 2051;

  it('freezes (coordinators only), shows the differences from the live figures, and publishes for the public', async () => {
    const created = await coordinator().inject({
      method: 'POST',
      url: '/api/v1/activities',
      payload: aProgram({
        plannedStart: `${year}-02-01`,
        plannedEnd: `${year}-02-03`,
        participantsPlanned: 11,
        lifecycleStage: 'completed',
      }),
    });
    expect(created.statusCode, created.body).toBe(201);
    const program = created.json<{ id: number; version: number }>();

    expect((await agency().inject({ method: 'POST', url: `/api/v1/editions/${year}`, payload: {} })).json()).toMatchObject({
      status: 403,
      code: 'edition.forbidden',
    });
    expect((await visitor().inject({ method: 'POST', url: `/api/v1/editions/${year}`, payload: {} })).statusCode).toBe(401);
    const frozen = await coordinator().inject({ method: 'POST', url: `/api/v1/editions/${year}`, payload: {} });
    expect(frozen.statusCode, frozen.body).toBe(201);
    expect(frozen.json()).toMatchObject({ year, number: 1, status: 'frozen', participants: 11 });

    // Drafts are the coordination team's and internal readers': the public does not see them.
    expect((await visitor().inject(`/api/v1/editions?year=${year}`)).json()).toEqual({ items: [] });
    expect((await visitor().inject(`/api/v1/editions/${year}/1`)).statusCode).toBe(404);
    expect((await visitor().inject(`/api/v1/editions/${year}/1/annual.pdf`)).statusCode).toBe(404);
    expect((await agency().inject(`/api/v1/editions?year=${year}`)).json<{ items: unknown[] }>().items).toHaveLength(1);

    const patched = await coordinator().inject({
      method: 'PATCH',
      url: `/api/v1/activities/${program.id}`,
      headers: { 'if-match': `"${program.version}"` },
      payload: { participantsPlanned: 14 },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const diff = await agency().inject(`/api/v1/editions/${year}/1/differences`);
    expect(diff.statusCode).toBe(200);
    expect(diff.json<{ figures: unknown[] }>().figures[0]).toEqual({ path: 'participants', before: 11, after: 14 });
    expect(diff.json()).toMatchObject({ changed: [{ id: program.id, fields: [{ field: 'participants', before: 11, after: 14 }] }] });
    expect((await visitor().inject(`/api/v1/editions/${year}/1/differences`)).statusCode).toBe(401);

    expect((await agency().inject({ method: 'POST', url: `/api/v1/editions/${year}/1/publish` })).statusCode).toBe(403);
    const published = await coordinator().inject({ method: 'POST', url: `/api/v1/editions/${year}/1/publish` });
    expect(published.json()).toMatchObject({ status: 'published' });
    const seen = await visitor().inject(`/api/v1/editions/${year}/1`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ scope: 'published', summary: { participants: 11 }, edition: { number: 1 } });
    const pdf = await visitor().inject(`/api/v1/editions/${year}/1/annual.pdf?lang=id`);
    expect(pdf.statusCode).toBe(200);
    expect(flatText(pdfText(pdf.rawPayload).split('\f')[0] ?? '')).toMatch(
      new RegExp(`Laporan Tahunan ${year}, edisi 1, 28 November 2026`),
    );
    const xlsx = await visitor().inject(`/api/v1/editions/${year}/1/annual.xlsx?lang=en`);
    expect([xlsx.statusCode, xlsx.headers['content-disposition']]).toEqual([200, expect.stringMatching(/edition-1-en\.xlsx/)]);
  });

  it('has no route that changes or deletes an edition or its figures', async () => {
    const before = (await coordinator().inject(`/api/v1/editions/${year}/1`)).json<{ summary: unknown }>();
    for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
      for (const url of [`/api/v1/editions/${year}/1`, `/api/v1/editions/${year}/1/figures`, `/api/v1/editions/${year}`]) {
        const res = await coordinator().inject({ method, url, payload: { summary: { participants: 999 } } });
        expect(res.statusCode, `${method} ${url}`).toBe(404);
      }
    }
    // The narrative of a published edition no longer changes either.
    const narrative = await coordinator().inject({
      method: 'PUT',
      url: `/api/v1/editions/${year}/1/narrative/en`,
      payload: { text: 'Later' },
    });
    expect(narrative.json()).toMatchObject({ status: 409, code: 'edition.published' });
    expect((await coordinator().inject(`/api/v1/editions/${year}/1`)).json<{ summary: unknown }>().summary).toEqual(before.summary);
  });

  it('writes the narrative of a draft, and asks a reason of an errata edition', async () => {
    const y = year + 1;
    await coordinator().inject({
      method: 'POST',
      url: '/api/v1/activities',
      payload: aProgram({ plannedStart: `${y}-02-01`, plannedEnd: `${y}-02-03` }),
    });
    expect((await coordinator().inject({ method: 'POST', url: `/api/v1/editions/${y}`, payload: {} })).statusCode).toBe(201);
    const written = await coordinator().inject({
      method: 'PUT',
      url: `/api/v1/editions/${y}/1/narrative/id`,
      payload: { text: 'Pengantar' },
    });
    expect(written.json()).toMatchObject({ narrativeId: 'Pengantar', narrativeEn: null });
    const noReason = await coordinator().inject({ method: 'POST', url: `/api/v1/editions/${y}`, payload: {} });
    expect(noReason.json()).toMatchObject({ status: 422, code: 'edition.reason_required' });
    const errata = await coordinator().inject({ method: 'POST', url: `/api/v1/editions/${y}`, payload: { reason: 'recount' } });
    expect(errata.json()).toMatchObject({
      number: 2,
      errataReason: 'recount',
      changes: { figures: [], added: [], removed: [], changed: [] },
    });
  });
});
