/**
 * What each role sees in the answers the access matrix allows (fixtures.ts): personal data of
 * participants by role, the public's view of programs, reports and exports, the session, and the
 * transitions offered. One fixture per engine, shared with nothing else.
 */
import { expect, it } from 'vitest';
import { aParticipant } from '../../testing/builders.js';
import { describeEachEngine } from '../../testing/engines.js';
import { EMBASSY, FOCAL, OWN, useMatrix, type Who } from './fixtures.js';

describeEachEngine('access matrix: what each role sees', (app) => {
  const m = useMatrix(app);
  interface ParticipantView {
    fullName: string | null;
    email: string | null;
    position: string | null;
    organisation: string | null;
    personal: boolean;
    nominatedBy: string | null;
  }
  const participants = (who: Who, id: number) =>
    m.get<{ items: ParticipantView[]; summary: { total: number } }>(who, `/api/v1/activities/${id}/participants`);
  // The organisation is personal data too (docs/privacy.md; issue 24, finding 3).
  const withheld = (p: ParticipantView) =>
    p.fullName === null && p.email === null && p.position === null && p.organisation === null && !p.personal;

  it('withholds names, emails and positions from the viewer on every program', async () => {
    for (const id of [m.own.approved, m.other.approved, m.own.request]) {
      const list = await participants('viewer', id);
      expect(list.items.length).toBeGreaterThan(0);
      expect(list.items.every(withheld)).toBe(true);
    }
  });

  it('shows the agency its own program’s participants, and no names of another agency’s', async () => {
    const mine = await participants('agency', m.own.approved);
    expect(mine.items.find((p) => p.fullName === 'Wanjiru Kamau')).toMatchObject({
      email: 'wanjiru@example.org',
      position: 'Director of aquaculture',
      personal: true,
    });
    expect(mine.items.every((p) => p.personal)).toBe(true);
    const theirs = await participants('agency', m.other.approved);
    expect(theirs.items.length).toBeGreaterThan(0);
    expect(theirs.items.filter((p) => p.nominatedBy === null).every(withheld)).toBe(true);
    expect(JSON.stringify(theirs)).not.toMatch(/Otieno|otieno@example\.org|Fisheries officer/);
  });

  it('shows the coordination team every participant', async () => {
    for (const who of ['admin', 'coordinator'] as const) {
      for (const id of [m.own.approved, m.other.approved])
        expect((await participants(who, id)).items.every((p) => p.personal && p.fullName !== null)).toBe(true);
    }
  });

  it('shows an embassy its own nominees only, and forces their status to nominated', async () => {
    const nominated = await m.send('embassy', {
      method: 'POST',
      url: `/api/v1/activities/${m.other.approved}/participants`,
      payload: aParticipant({ fullName: 'Nominee Njeri', email: 'njeri@example.org', status: 'attended' }),
    });
    expect(nominated.statusCode).toBe(201);
    expect(nominated.json()).toMatchObject({ fullName: 'Nominee Njeri', status: 'nominated', nominatedBy: EMBASSY, personal: true });
    const seen = await participants('embassy', m.other.approved);
    const personal = seen.items.filter((p) => p.personal);
    expect(personal.map((p) => p.fullName)).toContain('Nominee Njeri');
    expect(personal.every((p) => p.nominatedBy === EMBASSY)).toBe(true);
    expect(seen.items.filter((p) => p.nominatedBy !== EMBASSY).every(withheld)).toBe(true);
    expect(JSON.stringify(seen)).not.toContain('Otieno');
    // The agency sees the nominee of its own program; another agency would not.
    const agencyView = await participants('agency', m.other.approved);
    expect(JSON.stringify(agencyView)).not.toContain('Njeri');
    // An embassy cannot change another embassy's (or the team's) participant, nor its selection.
    const teams = await m.participant(m.other.approved);
    expect(
      (
        await m.send('embassy', {
          method: 'PATCH',
          url: `/api/v1/activities/${m.other.approved}/participants/${teams}`,
          payload: { position: 'x' },
        })
      ).statusCode,
    ).toBe(403);
    const selected = await m.send('embassy', {
      method: 'PATCH',
      url: `/api/v1/activities/${m.other.approved}/participants/${nominated.json().id}`,
      payload: { status: 'attended', position: 'Chief' },
    });
    expect(selected.json()).toMatchObject({ status: 'nominated', position: 'Chief' });
  });

  it('shows a focal point its own organisation’s nominees only, not an embassy’s, and the embassy not the focal point’s', async () => {
    const nominated = await m.send('focal_point', {
      method: 'POST',
      url: `/api/v1/activities/${m.own.approved}/participants`,
      payload: aParticipant({ fullName: 'Nominee Achieng', email: 'achieng@example.org', status: 'attended' }),
    });
    expect(nominated.statusCode).toBe(201);
    expect(nominated.json()).toMatchObject({ fullName: 'Nominee Achieng', status: 'nominated', nominatedBy: FOCAL, personal: true });
    const byEmbassy = await m.send('embassy', {
      method: 'POST',
      url: `/api/v1/activities/${m.own.approved}/participants`,
      payload: aParticipant({ fullName: 'Nominee Baraka' }),
    });
    expect(byEmbassy.statusCode).toBe(201);
    const seen = await participants('focal_point', m.own.approved);
    const personal = seen.items.filter((p) => p.personal);
    expect(personal.map((p) => p.fullName)).toContain('Nominee Achieng');
    expect(personal.every((p) => p.nominatedBy === FOCAL)).toBe(true);
    expect(seen.items.filter((p) => p.nominatedBy !== FOCAL).every(withheld)).toBe(true);
    expect(JSON.stringify(seen)).not.toMatch(/Wanjiru|Baraka/);
    expect(JSON.stringify(await participants('embassy', m.own.approved))).not.toContain('Achieng');
    // The program's own agency sees every participant of it, the focal point's nominee included.
    expect(JSON.stringify(await participants('agency', m.own.approved))).toContain('Nominee Achieng');
    // The focal point cannot change the embassy's nominee, nor select its m.own.
    expect(
      (
        await m.send('focal_point', {
          method: 'PATCH',
          url: `/api/v1/activities/${m.own.approved}/participants/${byEmbassy.json().id}`,
          payload: { position: 'x' },
        })
      ).statusCode,
    ).toBe(403);
    const selected = await m.send('focal_point', {
      method: 'PATCH',
      url: `/api/v1/activities/${m.own.approved}/participants/${nominated.json().id}`,
      payload: { status: 'attended', position: 'Chief' },
    });
    expect(selected.json()).toMatchObject({ status: 'nominated', position: 'Chief' });
    // Nominations close with the program: not to a request.
    expect(
      (
        await m.send('focal_point', { method: 'POST', url: `/api/v1/activities/${m.own.request}/participants`, payload: aParticipant() })
      ).json().code,
    ).toBe('participant.not_open');
  });

  it('gives the public no participant records, only the counts of published programs', async () => {
    const list = await participants('anonymous', m.own.approved);
    expect(list.items).toEqual([]);
    expect(list.summary.total).toBeGreaterThan(0);
    expect(JSON.stringify(list)).not.toMatch(/Wanjiru|wanjiru@|Director/);
    expect((await m.send('anonymous', { url: `/api/v1/activities/${m.own.request}/participants` })).statusCode).toBe(404);
  });

  it('lists and exports published programs only to the public, whatever the filter asks for', async () => {
    const ids = async (who: Who, query = '') =>
      (await m.get<{ items: { id: number }[] }>(who, `/api/v1/activities?pageSize=500${query}`)).items.map((a) => a.id);
    const publicIds = await ids('anonymous');
    expect(publicIds).toEqual(expect.arrayContaining([m.own.approved, m.other.approved, m.own.evaluated]));
    expect(publicIds).not.toContain(m.own.request);
    expect(publicIds).not.toContain(m.other.request);
    expect(await ids('anonymous', '&stage=request')).toEqual([]);
    expect(await ids('anonymous', '&stage=request,approved')).not.toContain(m.own.request);
    for (const who of ['admin', 'coordinator', 'agency', 'embassy', 'focal_point', 'viewer'] as const)
      expect(await ids(who)).toEqual(expect.arrayContaining([m.own.request, m.other.request]));

    const exported = await m.send('anonymous', { url: '/api/v1/activities/export.csv' });
    expect(exported.headers['content-type']).toMatch(/^text\/csv/);
    expect(exported.body).toContain(m.identifiers.ownApproved);
    expect(exported.body).not.toContain(m.identifiers.ownRequest);
    expect((await m.send('viewer', { url: '/api/v1/activities/export.csv' })).body).toContain(m.identifiers.ownRequest);
    const xlsx = await m.send('anonymous', { url: '/api/v1/activities/export.xlsx' });
    expect(xlsx.headers['content-type']).toMatch(/spreadsheetml/);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const byIdentifier = await m.send('anonymous', { url: `/api/v1/activities/by-identifier/${m.identifiers.ownRequest}` });
    expect(byIdentifier.json().code).toBe('activity.not_found');
  });

  it('counts published programs only in the public reports', async () => {
    const programs = async (who: Who, query = '') =>
      (await m.get<{ programs: number }>(who, `/api/v1/reports/summary?year=2018${query}`)).programs;
    const published = await programs('viewer', '&stage=approved,funded,implementation,completed,evaluated');
    expect(await programs('anonymous')).toBe(published);
    expect(await programs('anonymous', '&stage=request')).toBe(0);
    expect(await programs('viewer')).toBeGreaterThan(published);
    const years = async (who: Who) =>
      (await m.get<{ items: { year: number; programs: number }[] }>(who, '/api/v1/reports/years')).items.find((y) => y.year === 2018)
        ?.programs;
    expect(await years('anonymous')).toBe(published);
  });

  it('tells who is signed in, and gives the public neither a user nor a CSRF token', async () => {
    expect(await m.get('anonymous', '/api/v1/auth/session')).toEqual({ user: null, csrfToken: null, expiresAt: null, portal: false });
    const session = await m.get<{ user: { role: string; orgCode: string | null }; csrfToken: string }>('agency', '/api/v1/auth/session');
    expect(session.user).toMatchObject({ role: 'agency', orgCode: OWN });
    expect(session.csrfToken).toBe(m.sessions.agency.csrf);
  });

  it('offers each role the transitions it may make, and the public none', async () => {
    const available = async (who: Who, id: number) =>
      (await m.get<{ available: string[] }>(who, `/api/v1/activities/${id}/timeline`)).available;
    const request = (await m.program('request')).id;
    expect(await available('coordinator', request)).toEqual(['submit', 'cancel']);
    expect(await available('agency', request)).toEqual(['submit', 'cancel']);
    expect(await available('embassy', request)).toEqual(['submit']);
    expect(await available('focal_point', request)).toEqual(['submit']);
    expect(await available('focal_point', m.own.approved)).toEqual([]);
    expect(await available('viewer', request)).toEqual([]);
    expect(await available('agency', m.other.request)).toEqual([]);
    expect(await available('anonymous', m.own.approved)).toEqual([]);
  });

  it('never shows password hashes in the account list', async () => {
    const users = await m.send('admin', { url: '/api/v1/users' });
    expect(users.body).not.toMatch(/argon2|password/i);
  });
});
