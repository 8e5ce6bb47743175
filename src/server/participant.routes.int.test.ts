/**
 * The participants API for an implementing agency: one person at a time on its own programs
 * (with consent, audited), and the participants import scoped to its programs.
 */
import { expect, it } from 'vitest';
import { programInputSchema } from '../domain/program/program.schema.js';
import { createProgram } from '../services/programs.js';
import { aParticipant, aProgram } from '../testing/builders.js';
import { describeEachEngine } from '../testing/engines.js';
import { ensureOrg, useServer } from '../testing/server.js';

const OWN = 'ID-API-AGENCY';
const OTHER = 'ID-API-OTHER';

describeEachEngine('participants API: the implementing agency', (app) => {
  const agency = useServer(app, { as: 'agency', orgCode: OWN });
  const admin = useServer(app);
  const program = async (org: string) => {
    await ensureOrg(app(), org);
    return createProgram(
      app().deps,
      programInputSchema.parse(
        aProgram({ implementingOrg: org, lifecycleStage: 'approved', recipients: [{ country: 'KE' }, { country: 'UG' }] }),
      ),
    );
  };
  const importCsv = (body: string) =>
    agency().inject({
      method: 'POST',
      url: '/api/v1/imports/participants',
      payload: body,
      headers: { 'content-type': 'text/csv', 'x-file-name': 'mine.csv' },
    });

  it('adds a participant with consent to its own program, changes and removes it; every step is in the audit log', async () => {
    const mine = await program(OWN);
    const url = `/api/v1/activities/${mine.id}/participants`;
    const noConsent = await agency().inject({ method: 'POST', url, payload: aParticipant({ consent: undefined }) });
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.json().issues).toEqual([expect.objectContaining({ path: 'consent' })]);

    const created = await agency().inject({ method: 'POST', url, payload: aParticipant({ fullName: 'Faith Wambui', country: 'UG' }) });
    expect(created.statusCode, created.body).toBe(201);
    const p = created.json();
    expect(p).toMatchObject({ fullName: 'Faith Wambui', country: 'UG', personal: true, consentAt: expect.any(String) });
    expect(p.version).toBe(1);
    // Without the version it was made on, a change is refused: it would overwrite a change made meanwhile.
    const blind = await agency().inject({ method: 'PATCH', url: `${url}/${p.id}`, payload: { email: 'faith@example.org' } });
    expect(blind.statusCode).toBe(428);
    expect(blind.json()).toMatchObject({ code: 'request.if_match_required', issues: [{ path: 'if-match', in: 'headers' }] });
    expect((await agency().inject({ method: 'DELETE', url: `${url}/${p.id}` })).statusCode).toBe(428);
    const changed = await agency().inject({
      method: 'PATCH',
      url: `${url}/${p.id}`,
      payload: { email: 'faith@example.org' },
      headers: { 'if-match': '"1"' },
    });
    expect(changed.headers.etag).toBe('"2"');
    expect(changed.json()).toMatchObject({ email: 'faith@example.org', consentAt: p.consentAt, version: 2 });
    // The form still showing version 1 neither changes nor removes what the other user saved.
    const stale = await agency().inject({
      method: 'PATCH',
      url: `${url}/${p.id}`,
      payload: { position: 'Chief' },
      headers: { 'if-match': '"1"' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'participant.stale' });
    expect((await agency().inject({ method: 'DELETE', url: `${url}/${p.id}`, headers: { 'if-match': '"1"' } })).statusCode).toBe(409);
    expect((await agency().inject({ method: 'DELETE', url: `${url}/${p.id}`, headers: { 'if-match': '"2"' } })).statusCode).toBe(204);

    const log = await admin().inject({ url: `/api/v1/audit?entity=participant&entityId=${p.id}` });
    expect(
      log
        .json()
        .items.map((e: { action: string }) => e.action)
        .sort(),
    ).toEqual(['create', 'delete', 'update']);
  });

  it('refuses a participant of another agency’s program with 403', async () => {
    const theirs = await program(OTHER);
    const res = await agency().inject({ method: 'POST', url: `/api/v1/activities/${theirs.id}/participants`, payload: aParticipant() });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'participant.forbidden' });
  });

  it('imports its own programs’ participants, refuses a file naming another agency’s program, and imports no programs', async () => {
    const mine = await program(OWN);
    const theirs = await program(OTHER);
    const header = 'activity_identifier,full_name,sex,country';
    const ok = await importCsv(`${header}\n${mine.identifier},Brian Otieno,M,KE\n`);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'committed', inserted: 1 });

    const refused = await importCsv(`${header}\n${mine.identifier},Lucy Atieno,F,KE\n${theirs.identifier},Peter Mwangi,M,UG\n`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().issues).toEqual([
      {
        path: 'line 3, activity_identifier',
        code: 'row_invalid',
        message: `program ${theirs.identifier} is not implemented by your agency (${OWN})`,
      },
    ]);
    const names = (await agency().inject({ url: `/api/v1/activities/${mine.id}/participants` }))
      .json()
      .items.map((p: { fullName: string }) => p.fullName);
    expect(names).toEqual(['Brian Otieno']);

    const programs = await agency().inject({
      method: 'POST',
      url: '/api/v1/imports/activities',
      payload: 'identifier,title_en\nX-1,Nope\n',
      headers: { 'content-type': 'text/csv' },
    });
    expect(programs.statusCode).toBe(403);
  });
});
