/**
 * The access matrix of docs/security.md over the whole API: each endpoint (a row) against each
 * role (a column). Allowed → 2xx, denied → 403, the public → 401 on internal endpoints or its
 * public view (published programs only; 404 for the others). One database per engine holds a
 * few programs in different stages, registered by the system through the services; rows that
 * change a record make their own, so the rows do not depend on each other or on their order.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../domain/access/actor.js';
import type { LifecycleStage } from '../domain/codes.js';
import { programInputSchema } from '../domain/program/program.schema.js';
import { organisationInputSchema } from '../domain/organisation/organisation.schema.js';
import { participantInputSchema } from '../domain/participant/participant.schema.js';
import { serverFor } from '../main.js';
import { createProgram } from '../services/programs.js';
import { createOrganisation } from '../services/organisations.js';
import { addParticipant } from '../services/participants.js';
import { aProgram, anOrganisation, aParticipant } from '../testing/builders.js';
import { describeEachEngine } from '../testing/engines.js';
import { asSession, ensureOrg, signIn, TEST_PASSWORD, type TestSession } from '../testing/server.js';

type Who = Role | 'anonymous';
const WHO: readonly Who[] = ['admin', 'coordinator', 'agency', 'embassy', 'focal_point', 'viewer', 'anonymous'];
/** The agency signed in ("own" programs are implemented by it). */
const OWN = 'ID-MX-AGENCY';
const OTHER = 'ID-MX-OTHER';
const EMBASSY = 'ID-MX-KBRI';
/** The focal point's organisation: a ministry of Kenya, the test programs' recipient. */
const FOCAL = 'KE-MX-MFA';

interface Call {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly url: string;
  readonly payload?: unknown;
  readonly headers?: Record<string, string>;
}

type Expect = Readonly<Record<Who, number>>;
const everyone = (status: number): Expect => ({
  admin: status,
  coordinator: status,
  agency: status,
  embassy: status,
  focal_point: status,
  viewer: status,
  anonymous: status,
});
/** Embassies and focal points, which nominate participants and file requests. */
const nominators = (status: number) => ({ embassy: status, focal_point: status });
/** Anyone signed in; the public must sign in. */
const signedIn = (status: number): Expect => ({ ...everyone(status), anonymous: 401 });
/** Anyone signed in; to the public the record does not exist. */
const hidden = (status: number): Expect => ({ ...everyone(status), anonymous: 404 });
const coordination = (status: number): Expect => ({ ...everyone(403), admin: status, coordinator: status, anonymous: 401 });
const adminOnly = (status: number): Expect => ({ ...everyone(403), admin: status, anonymous: 401 });
/** The coordination team, and the agency for its own program. */
const ownAgency = (status: number): Expect => ({ ...coordination(status), agency: status });

interface Row {
  readonly name: string;
  readonly call: (who: Who) => Promise<Call>;
  readonly expect: Expect;
}

describeEachEngine('access matrix: role × endpoint', (app) => {
  let server: FastifyInstance;
  const as = {} as Record<Who, FastifyInstance>;
  const sessions = {} as Record<Exclude<Who, 'anonymous'>, TestSession>;
  /** Programs of the signed-in agency (own) and of another agency, by stage. */
  const own = {} as Record<'request' | 'approved' | 'evaluated', number>;
  const other = {} as Record<'request' | 'approved', number>;
  let ownApprovedIdentifier = '';
  let ownRequestIdentifier = '';
  let otherApprovedIdentifier = '';
  let seq = 0;

  const system = () => app().deps;
  const program = async (stage: LifecycleStage, org = OWN, extra: Parameters<typeof aProgram>[0] = {}) =>
    createProgram(
      system(),
      programInputSchema.parse(aProgram({ implementingOrg: org, lifecycleStage: stage, recipients: [{ country: 'KE' }], ...extra })),
    );
  const participant = async (activityId: number, fields: Parameters<typeof aParticipant>[0] = {}) =>
    (await addParticipant(system(), activityId, participantInputSchema.parse(aParticipant({ country: 'KE', ...fields })))).id;

  beforeAll(async () => {
    server = await serverFor(app(), { logLevel: 'silent' });
    await server.ready();
    for (const code of [OWN, OTHER, EMBASSY]) await ensureOrg(app(), code);
    for (const role of ['admin', 'coordinator', 'viewer'] as const) sessions[role] = await signIn(server, app(), role);
    sessions.agency = await signIn(server, app(), 'agency', OWN);
    sessions.embassy = await signIn(server, app(), 'embassy', EMBASSY);
    sessions.focal_point = await signIn(server, app(), 'focal_point', FOCAL);
    for (const who of WHO) as[who] = who === 'anonymous' ? server : asSession(server, sessions[who]);

    const ownRequest = await program('request');
    const ownApproved = await program('approved');
    own.request = ownRequest.id;
    own.approved = ownApproved.id;
    own.evaluated = (await program('evaluated')).id;
    other.request = (await program('request', OTHER)).id;
    const otherApproved = await program('approved', OTHER);
    other.approved = otherApproved.id;
    otherApprovedIdentifier = otherApproved.identifier;
    ownRequestIdentifier = ownRequest.identifier;
    ownApprovedIdentifier = ownApproved.identifier;
    await participant(own.approved, { fullName: 'Wanjiru Kamau', email: 'wanjiru@example.org', position: 'Director of aquaculture' });
    await participant(other.approved, { fullName: 'Otieno Ouma', email: 'otieno@example.org', position: 'Fisheries officer' });
    await participant(own.request, { fullName: 'Akinyi Request', position: 'Planner' });
  }, 60_000);

  const send = (who: Who, call: Call): Promise<LightMyRequestResponse> =>
    as[who].inject({
      method: call.method ?? 'GET',
      url: call.url,
      ...(call.payload === undefined ? {} : { payload: call.payload as string }),
      // Access, not concurrency, is tested here: a change names no version (If-Match: *).
      headers: { ...(call.method && call.method !== 'GET' ? { 'if-match': '*' } : {}), ...call.headers },
    });
  const get = async <T = Record<string, unknown>>(who: Who, url: string): Promise<T> => {
    const response = await send(who, { url });
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    return response.json() as T;
  };
  const csv = (body: string): Pick<Call, 'payload' | 'headers'> => ({
    payload: body,
    headers: { 'content-type': 'text/csv', 'x-file-name': 'matrix.csv' },
  });
  // Dashes only: the row's code goes into URLs and codes (focal_point → focal-point).
  const unique = (who: Who) => `${who.replace('_', '-')}-${++seq}-${Date.now().toString(36)}`;

  const ROWS: readonly Row[] = [
    // Programs
    { name: 'GET /activities (list)', call: async () => ({ url: '/api/v1/activities' }), expect: everyone(200) },
    {
      name: 'GET /activities/{id} of a published program',
      call: async () => ({ url: `/api/v1/activities/${own.approved}` }),
      expect: everyone(200),
    },
    { name: 'GET /activities/{id} of a request', call: async () => ({ url: `/api/v1/activities/${own.request}` }), expect: hidden(200) },
    {
      name: 'GET /activities/{id} of another agency’s request',
      call: async () => ({ url: `/api/v1/activities/${other.request}` }),
      expect: hidden(200),
    },
    {
      name: 'GET /activities/by-identifier of a published program',
      call: async () => ({ url: `/api/v1/activities/by-identifier/${ownApprovedIdentifier}` }),
      expect: everyone(200),
    },
    {
      name: 'GET /activities/by-identifier of a request',
      call: async () => ({ url: `/api/v1/activities/by-identifier/${ownRequestIdentifier}` }),
      expect: hidden(200),
    },
    {
      name: 'POST /activities for the own agency (a request)',
      call: async () => ({ method: 'POST', url: '/api/v1/activities', payload: aProgram({ implementingOrg: OWN }) }),
      expect: { ...ownAgency(201), ...nominators(201) },
    },
    {
      name: 'POST /activities for another agency (a request)',
      call: async () => ({ method: 'POST', url: '/api/v1/activities', payload: aProgram({ implementingOrg: OTHER }) }),
      expect: { ...coordination(201), ...nominators(201) },
    },
    {
      name: 'POST /activities already approved',
      call: async () => ({
        method: 'POST',
        url: '/api/v1/activities',
        payload: aProgram({ implementingOrg: OWN, lifecycleStage: 'approved' }),
      }),
      expect: coordination(201),
    },
    {
      name: 'PUT /activities/{id} of the own agency',
      call: async () => {
        const p = await program('request');
        return {
          method: 'PUT',
          url: `/api/v1/activities/${p.id}`,
          payload: aProgram({ identifier: p.identifier, implementingOrg: OWN, titleEn: 'Replaced' }),
        };
      },
      expect: ownAgency(200),
    },
    {
      name: 'PUT /activities/{id} of another agency',
      call: async () => {
        const p = await program('request', OTHER);
        return {
          method: 'PUT',
          url: `/api/v1/activities/${p.id}`,
          payload: aProgram({ identifier: p.identifier, implementingOrg: OTHER, titleEn: 'Replaced' }),
        };
      },
      expect: coordination(200),
    },
    {
      name: 'PATCH /activities/{id} of the own agency',
      call: async () => ({ method: 'PATCH', url: `/api/v1/activities/${(await program('approved')).id}`, payload: { titleEn: 'Changed' } }),
      expect: ownAgency(200),
    },
    {
      name: 'PATCH /activities/{id} of another agency',
      call: async () => ({
        method: 'PATCH',
        url: `/api/v1/activities/${(await program('approved', OTHER)).id}`,
        payload: { titleEn: 'Changed' },
      }),
      expect: coordination(200),
    },
    {
      name: 'PATCH /activities/{id} of the own agency once evaluated',
      call: async () => ({
        method: 'PATCH',
        url: `/api/v1/activities/${(await program('evaluated')).id}`,
        payload: { titleEn: 'Changed' },
      }),
      expect: coordination(200),
    },
    {
      name: 'DELETE /activities/{id}: the own agency’s request',
      call: async () => ({ method: 'DELETE', url: `/api/v1/activities/${(await program('request')).id}` }),
      expect: ownAgency(204),
    },
    {
      name: 'DELETE /activities/{id}: the own agency’s approved program',
      call: async () => ({ method: 'DELETE', url: `/api/v1/activities/${(await program('approved')).id}` }),
      expect: coordination(204),
    },
    {
      name: 'DELETE /activities/{id}: another agency’s request',
      call: async () => ({ method: 'DELETE', url: `/api/v1/activities/${(await program('request', OTHER)).id}` }),
      expect: coordination(204),
    },
    // Participants
    {
      name: 'GET participants of a published program',
      call: async () => ({ url: `/api/v1/activities/${own.approved}/participants` }),
      expect: everyone(200),
    },
    {
      name: 'GET participants of a request',
      call: async () => ({ url: `/api/v1/activities/${own.request}/participants` }),
      expect: hidden(200),
    },
    {
      name: 'POST participant to the own agency’s approved program',
      call: async () => ({ method: 'POST', url: `/api/v1/activities/${own.approved}/participants`, payload: aParticipant() }),
      expect: { ...ownAgency(201), ...nominators(201) },
    },
    {
      name: 'POST participant to another agency’s approved program',
      call: async () => ({ method: 'POST', url: `/api/v1/activities/${other.approved}/participants`, payload: aParticipant() }),
      expect: { ...coordination(201), ...nominators(201) },
    },
    {
      name: 'POST participant to the own agency’s request (not open for nominations)',
      call: async () => ({ method: 'POST', url: `/api/v1/activities/${own.request}/participants`, payload: aParticipant() }),
      expect: ownAgency(201),
    },
    {
      name: 'PATCH a participant registered by the team, own agency’s program',
      call: async () => ({
        method: 'PATCH',
        url: `/api/v1/activities/${own.approved}/participants/${await participant(own.approved)}`,
        payload: { position: 'Head of unit' },
      }),
      expect: ownAgency(200),
    },
    {
      name: 'PATCH a participant of another agency’s program',
      call: async () => ({
        method: 'PATCH',
        url: `/api/v1/activities/${other.approved}/participants/${await participant(other.approved)}`,
        payload: { position: 'Head of unit' },
      }),
      expect: coordination(200),
    },
    {
      name: 'PATCH a participant the embassy nominated',
      call: async () => {
        const nominated = await send('embassy', {
          method: 'POST',
          url: `/api/v1/activities/${other.approved}/participants`,
          payload: aParticipant(),
        });
        return {
          method: 'PATCH',
          url: `/api/v1/activities/${other.approved}/participants/${nominated.json().id}`,
          payload: { position: 'Deputy director' },
        };
      },
      expect: { ...coordination(200), embassy: 200 },
    },
    {
      name: 'PATCH a participant the focal point nominated',
      call: async () => {
        const nominated = await send('focal_point', {
          method: 'POST',
          url: `/api/v1/activities/${other.approved}/participants`,
          payload: aParticipant(),
        });
        return {
          method: 'PATCH',
          url: `/api/v1/activities/${other.approved}/participants/${nominated.json().id}`,
          payload: { position: 'Deputy director' },
        };
      },
      expect: { ...coordination(200), focal_point: 200 },
    },
    {
      name: 'DELETE a participant the focal point nominated',
      call: async () => {
        const nominated = await send('focal_point', {
          method: 'POST',
          url: `/api/v1/activities/${other.approved}/participants`,
          payload: aParticipant(),
        });
        return { method: 'DELETE', url: `/api/v1/activities/${other.approved}/participants/${nominated.json().id}` };
      },
      expect: { ...coordination(204), focal_point: 204 },
    },
    {
      name: 'DELETE a participant of the own agency’s program',
      call: async () => ({ method: 'DELETE', url: `/api/v1/activities/${own.approved}/participants/${await participant(own.approved)}` }),
      expect: ownAgency(204),
    },
    {
      name: 'DELETE a participant of another agency’s program',
      call: async () => ({
        method: 'DELETE',
        url: `/api/v1/activities/${other.approved}/participants/${await participant(other.approved)}`,
      }),
      expect: coordination(204),
    },
    // Organisations and exchange rates (shared reference records)
    { name: 'GET /organisations', call: async () => ({ url: '/api/v1/organisations' }), expect: everyone(200) },
    { name: 'GET /organisations/{code}', call: async () => ({ url: `/api/v1/organisations/${OTHER}` }), expect: everyone(200) },
    {
      name: 'POST /organisations',
      call: async () => ({ method: 'POST', url: '/api/v1/organisations', payload: anOrganisation() }),
      expect: coordination(201),
    },
    {
      name: 'PATCH /organisations/{code}',
      call: async () => {
        const org = await createOrganisation(system(), organisationInputSchema.parse(anOrganisation()));
        return { method: 'PATCH', url: `/api/v1/organisations/${org.code}`, payload: { acronym: 'CHG' } };
      },
      expect: coordination(200),
    },
    {
      name: 'DELETE /organisations/{code}',
      call: async () => {
        const org = await createOrganisation(system(), organisationInputSchema.parse(anOrganisation()));
        return { method: 'DELETE', url: `/api/v1/organisations/${org.code}` };
      },
      expect: coordination(204),
    },
    { name: 'GET /exchange-rates', call: async () => ({ url: '/api/v1/exchange-rates' }), expect: everyone(200) },
    // Imports
    {
      name: 'POST /imports/rates',
      call: async () => ({ method: 'POST', url: '/api/v1/imports/rates', ...csv('currency,date,units_per_usd\nEUR,2018-01-01,0.83\n') }),
      expect: coordination(200),
    },
    {
      name: 'POST /imports/activities',
      call: async (who) => ({
        method: 'POST',
        url: '/api/v1/imports/activities',
        ...csv(`identifier,title_en,recipient_countries,start_date\nMX-${unique(who)},Imported,Kenya,2018-03-01\n`),
      }),
      expect: coordination(200),
    },
    {
      name: 'POST /imports/iati',
      call: async (who) => ({
        method: 'POST',
        url: '/api/v1/imports/iati',
        payload: `<iati-activities version="2.03"><iati-activity default-currency="USD"><iati-identifier>XM-MX-${unique(who)}</iati-identifier><reporting-org ref="XM-MX" type="10"/><title><narrative>Imported</narrative></title><activity-status code="2"/><activity-date iso-date="2018-03-01" type="2"/></iati-activity></iati-activities>`,
        headers: { 'content-type': 'application/xml' },
      }),
      expect: coordination(200),
    },
    {
      name: 'POST /imports/participants',
      call: async (who) => ({
        method: 'POST',
        url: '/api/v1/imports/participants',
        ...csv(`activity_identifier,full_name,sex,country\n${ownApprovedIdentifier},Imported ${unique(who)},F,KE\n`),
      }),
      expect: ownAgency(200),
    },
    {
      name: 'POST /imports/participants naming another agency’s program (the agency’s row is refused)',
      call: async (who) => ({
        method: 'POST',
        url: '/api/v1/imports/participants',
        ...csv(`activity_identifier,full_name,sex,country\n${otherApprovedIdentifier},Imported ${unique(who)},F,KE\n`),
      }),
      expect: { ...coordination(200), agency: 422 },
    },
    { name: 'GET /imports', call: async () => ({ url: '/api/v1/imports' }), expect: signedIn(200) },
    // Reports and exports
    { name: 'GET /reports/summary', call: async () => ({ url: '/api/v1/reports/summary?year=2018' }), expect: everyone(200) },
    { name: 'GET /reports/years', call: async () => ({ url: '/api/v1/reports/years' }), expect: everyone(200) },
    { name: 'GET /reports/annual-plan', call: async () => ({ url: '/api/v1/reports/annual-plan?year=2018' }), expect: signedIn(200) },
    { name: 'GET /activities/export.csv', call: async () => ({ url: '/api/v1/activities/export.csv' }), expect: everyone(200) },
    { name: 'GET /activities/export.xlsx', call: async () => ({ url: '/api/v1/activities/export.xlsx' }), expect: everyone(200) },
    {
      name: 'GET /reports/annual.csv',
      call: async () => ({ url: '/api/v1/reports/annual.csv?year=2018&table=summary' }),
      expect: everyone(200),
    },
    { name: 'GET /reports/annual.pdf', call: async () => ({ url: '/api/v1/reports/annual.pdf?year=2018&lang=id' }), expect: everyone(200) },
    // Frozen editions (docs/editions.md): the list for everyone (the public: published ones); freezing by the coordination team
    { name: 'GET /editions', call: async () => ({ url: '/api/v1/editions' }), expect: everyone(200) },
    {
      name: 'POST /editions/{year} (freeze; a year of its own per role)',
      call: async (who) => ({ method: 'POST', url: `/api/v1/editions/${2100 + WHO.indexOf(who)}`, payload: {} }),
      expect: coordination(201),
    },
    {
      name: 'GET /activities/{id}/iati.xml of a request',
      call: async () => ({ url: `/api/v1/activities/${own.request}/iati.xml` }),
      expect: hidden(200),
    },
    // Accounts and the audit log
    { name: 'GET /users', call: async () => ({ url: '/api/v1/users' }), expect: adminOnly(200) },
    { name: 'GET /users/{id}', call: async () => ({ url: `/api/v1/users/${sessions.viewer.userId}` }), expect: adminOnly(200) },
    {
      name: 'POST /users',
      call: async (who) => ({
        method: 'POST',
        url: '/api/v1/users',
        payload: { email: `new.${unique(who)}@example.org`, name: 'New account', role: 'viewer', password: TEST_PASSWORD },
      }),
      expect: adminOnly(201),
    },
    {
      name: 'PATCH /users/{id} (another account’s name)',
      call: async (who) => ({ method: 'PATCH', url: `/api/v1/users/${sessions.viewer.userId}`, payload: { name: `Renamed by ${who}` } }),
      expect: adminOnly(200),
    },
    { name: 'GET /audit', call: async () => ({ url: '/api/v1/audit' }), expect: adminOnly(200) },
    {
      name: 'GET /activities/{id}/history',
      call: async () => ({ url: `/api/v1/activities/${own.approved}/history` }),
      expect: signedIn(200),
    },
    // The assistance process
    {
      name: 'GET /activities/{id}/timeline of a published program',
      call: async () => ({ url: `/api/v1/activities/${own.approved}/timeline` }),
      expect: everyone(200),
    },
    {
      name: 'GET /activities/{id}/timeline of a request',
      call: async () => ({ url: `/api/v1/activities/${own.request}/timeline` }),
      expect: hidden(200),
    },
    {
      name: 'POST transitions: submit the own agency’s request',
      call: async () => ({
        method: 'POST',
        url: `/api/v1/activities/${(await program('request')).id}/transitions`,
        payload: { action: 'submit' },
      }),
      expect: { ...ownAgency(200), ...nominators(200) },
    },
    {
      name: 'POST transitions: submit another agency’s request',
      call: async () => ({
        method: 'POST',
        url: `/api/v1/activities/${(await program('request', OTHER)).id}/transitions`,
        payload: { action: 'submit' },
      }),
      expect: { ...coordination(200), ...nominators(200) },
    },
    {
      name: 'POST transitions: approve',
      call: async () => ({
        method: 'POST',
        url: `/api/v1/activities/${(await program('assessment')).id}/transitions`,
        payload: { action: 'approve' },
      }),
      expect: coordination(200),
    },
    {
      name: 'POST transitions: fund',
      call: async () => ({
        method: 'POST',
        url: `/api/v1/activities/${(await program('approved')).id}/transitions`,
        payload: { action: 'fund' },
      }),
      expect: coordination(200),
    },
    {
      name: 'POST transitions: start the own agency’s funded program',
      call: async () => ({
        method: 'POST',
        url: `/api/v1/activities/${(await program('funded')).id}/transitions`,
        payload: { action: 'start' },
      }),
      expect: ownAgency(200),
    },
    {
      name: 'POST transitions: complete another agency’s program',
      call: async () => ({
        method: 'POST',
        url: `/api/v1/activities/${(await program('implementation', OTHER)).id}/transitions`,
        payload: { action: 'complete' },
      }),
      expect: coordination(200),
    },
    {
      name: 'POST transitions: cancel the own agency’s program',
      call: async () => ({
        method: 'POST',
        url: `/api/v1/activities/${(await program('approved')).id}/transitions`,
        payload: { action: 'cancel', comment: 'No venue' },
      }),
      expect: ownAgency(200),
    },
    {
      name: 'POST transitions: evaluate',
      call: async () => ({
        method: 'POST',
        url: `/api/v1/activities/${(await program('completed')).id}/transitions`,
        payload: { action: 'evaluate' },
      }),
      expect: coordination(200),
    },
    // Sessions
    { name: 'GET /auth/session', call: async () => ({ url: '/api/v1/auth/session' }), expect: everyone(200) },
    {
      name: 'POST /auth/password (the current password is wrong)',
      call: async () => ({
        method: 'POST',
        url: '/api/v1/auth/password',
        payload: { currentPassword: 'not the password at all', newPassword: 'another long passphrase' },
      }),
      expect: signedIn(422),
    },
    // Analytics and priorities: figures for everyone (the public counts published programs); targets and lists by the coordination team
    { name: 'GET /analytics/trends', call: async () => ({ url: '/api/v1/analytics/trends?from=2017&to=2018' }), expect: everyone(200) },
    {
      name: 'GET /analytics/concentration',
      call: async () => ({ url: '/api/v1/analytics/concentration?from=2018&to=2018' }),
      expect: everyone(200),
    },
    {
      name: 'GET /analytics/triangular-network',
      call: async () => ({ url: '/api/v1/analytics/triangular-network?from=2018&to=2018' }),
      expect: everyone(200),
    },
    { name: 'GET /priorities', call: async () => ({ url: '/api/v1/priorities?from=2018&to=2018' }), expect: everyone(200) },
    { name: 'GET /countries/{code}/profile', call: async () => ({ url: '/api/v1/countries/KE/profile' }), expect: everyone(200) },
    { name: 'GET /partners/{code}/profile', call: async () => ({ url: `/api/v1/partners/${OWN}/profile` }), expect: everyone(200) },
    {
      name: 'POST /priorities/targets',
      call: async () => ({
        method: 'POST',
        url: '/api/v1/priorities/targets',
        payload: { targets: [{ year: 2018, subjectKind: 'group', subjectCode: 'PIF', metric: 'program_share', target: 25 }] },
      }),
      expect: coordination(200),
    },
    {
      name: 'PUT /country-lists/{code}',
      call: async (who) => ({
        method: 'PUT',
        url: `/api/v1/country-lists/${unique(who).toLowerCase()}`,
        payload: { nameEn: 'Test list', nameId: 'Daftar uji', countries: ['FJ', 'PG'] },
      }),
      expect: coordination(201),
    },
    // Data quality (docs/data-quality.md): the coordination team, and an agency for its own.
    { name: 'GET /quality/rules', call: async () => ({ url: '/api/v1/quality/rules' }), expect: ownAgency(200) },
    { name: 'GET /quality/scorecard', call: async () => ({ url: '/api/v1/quality/scorecard?year=2018' }), expect: ownAgency(200) },
    {
      name: 'GET /quality/scorecard of another agency',
      call: async () => ({ url: `/api/v1/quality/scorecard?year=2018&agency=${OTHER}` }),
      expect: coordination(200),
    },
    { name: 'GET /quality/programs', call: async () => ({ url: '/api/v1/quality/programs?year=2018' }), expect: ownAgency(200) },
    {
      name: 'GET /activities/{id}/quality of the own agency’s program',
      call: async () => ({ url: `/api/v1/activities/${own.approved}/quality` }),
      expect: ownAgency(200),
    },
    {
      name: 'GET /activities/{id}/quality of another agency’s program',
      call: async () => ({ url: `/api/v1/activities/${other.approved}/quality` }),
      expect: coordination(200),
    },
    {
      name: 'PATCH /quality/rules/{code}',
      call: async () => ({ method: 'PATCH', url: '/api/v1/quality/rules/sdgs', payload: { weight: 1 } }),
      expect: coordination(200),
    },
  ];

  for (const row of ROWS) {
    describe(row.name, () => {
      for (const who of WHO) {
        it(`${who} → ${row.expect[who]}`, async () => {
          const response = await send(who, await row.call(who));
          expect(response.statusCode, response.body.slice(0, 300)).toBe(row.expect[who]);
          if (response.statusCode === 401) expect(response.json().code).toBe('auth.required');
          if (response.statusCode === 403)
            expect(response.json().code).toMatch(/\.(forbidden|not_own_agency|closed|not_open|transition_forbidden|stage_by_transition)$/);
          if (response.statusCode === 404) expect(response.json().code).toBe('activity.not_found');
        });
      }
    });
  }

  describe('what each role sees', () => {
    interface ParticipantView {
      fullName: string | null;
      email: string | null;
      position: string | null;
      personal: boolean;
      nominatedBy: string | null;
    }
    const participants = (who: Who, id: number) =>
      get<{ items: ParticipantView[]; summary: { total: number } }>(who, `/api/v1/activities/${id}/participants`);
    const withheld = (p: ParticipantView) => p.fullName === null && p.email === null && p.position === null && !p.personal;

    it('withholds names, emails and positions from the viewer on every program', async () => {
      for (const id of [own.approved, other.approved, own.request]) {
        const list = await participants('viewer', id);
        expect(list.items.length).toBeGreaterThan(0);
        expect(list.items.every(withheld)).toBe(true);
      }
    });

    it('shows the agency its own program’s participants, and no names of another agency’s', async () => {
      const mine = await participants('agency', own.approved);
      expect(mine.items.find((p) => p.fullName === 'Wanjiru Kamau')).toMatchObject({
        email: 'wanjiru@example.org',
        position: 'Director of aquaculture',
        personal: true,
      });
      expect(mine.items.every((p) => p.personal)).toBe(true);
      const theirs = await participants('agency', other.approved);
      expect(theirs.items.length).toBeGreaterThan(0);
      expect(theirs.items.filter((p) => p.nominatedBy === null).every(withheld)).toBe(true);
      expect(JSON.stringify(theirs)).not.toMatch(/Otieno|otieno@example\.org|Fisheries officer/);
    });

    it('shows the coordination team every participant', async () => {
      for (const who of ['admin', 'coordinator'] as const) {
        for (const id of [own.approved, other.approved])
          expect((await participants(who, id)).items.every((p) => p.personal && p.fullName !== null)).toBe(true);
      }
    });

    it('shows an embassy its own nominees only, and forces their status to nominated', async () => {
      const nominated = await send('embassy', {
        method: 'POST',
        url: `/api/v1/activities/${other.approved}/participants`,
        payload: aParticipant({ fullName: 'Nominee Njeri', email: 'njeri@example.org', status: 'attended' }),
      });
      expect(nominated.statusCode).toBe(201);
      expect(nominated.json()).toMatchObject({ fullName: 'Nominee Njeri', status: 'nominated', nominatedBy: EMBASSY, personal: true });
      const seen = await participants('embassy', other.approved);
      const personal = seen.items.filter((p) => p.personal);
      expect(personal.map((p) => p.fullName)).toContain('Nominee Njeri');
      expect(personal.every((p) => p.nominatedBy === EMBASSY)).toBe(true);
      expect(seen.items.filter((p) => p.nominatedBy !== EMBASSY).every(withheld)).toBe(true);
      expect(JSON.stringify(seen)).not.toContain('Otieno');
      // The agency sees the nominee of its own program; another agency would not.
      const agencyView = await participants('agency', other.approved);
      expect(JSON.stringify(agencyView)).not.toContain('Njeri');
      // An embassy cannot change another embassy's (or the team's) participant, nor its selection.
      const teams = await participant(other.approved);
      expect(
        (
          await send('embassy', {
            method: 'PATCH',
            url: `/api/v1/activities/${other.approved}/participants/${teams}`,
            payload: { position: 'x' },
          })
        ).statusCode,
      ).toBe(403);
      const selected = await send('embassy', {
        method: 'PATCH',
        url: `/api/v1/activities/${other.approved}/participants/${nominated.json().id}`,
        payload: { status: 'attended', position: 'Chief' },
      });
      expect(selected.json()).toMatchObject({ status: 'nominated', position: 'Chief' });
    });

    it('shows a focal point its own organisation’s nominees only, not an embassy’s, and the embassy not the focal point’s', async () => {
      const nominated = await send('focal_point', {
        method: 'POST',
        url: `/api/v1/activities/${own.approved}/participants`,
        payload: aParticipant({ fullName: 'Nominee Achieng', email: 'achieng@example.org', status: 'attended' }),
      });
      expect(nominated.statusCode).toBe(201);
      expect(nominated.json()).toMatchObject({ fullName: 'Nominee Achieng', status: 'nominated', nominatedBy: FOCAL, personal: true });
      const byEmbassy = await send('embassy', {
        method: 'POST',
        url: `/api/v1/activities/${own.approved}/participants`,
        payload: aParticipant({ fullName: 'Nominee Baraka' }),
      });
      expect(byEmbassy.statusCode).toBe(201);
      const seen = await participants('focal_point', own.approved);
      const personal = seen.items.filter((p) => p.personal);
      expect(personal.map((p) => p.fullName)).toContain('Nominee Achieng');
      expect(personal.every((p) => p.nominatedBy === FOCAL)).toBe(true);
      expect(seen.items.filter((p) => p.nominatedBy !== FOCAL).every(withheld)).toBe(true);
      expect(JSON.stringify(seen)).not.toMatch(/Wanjiru|Baraka/);
      expect(JSON.stringify(await participants('embassy', own.approved))).not.toContain('Achieng');
      // The program's own agency sees every participant of it, the focal point's nominee included.
      expect(JSON.stringify(await participants('agency', own.approved))).toContain('Nominee Achieng');
      // The focal point cannot change the embassy's nominee, nor select its own.
      expect(
        (
          await send('focal_point', {
            method: 'PATCH',
            url: `/api/v1/activities/${own.approved}/participants/${byEmbassy.json().id}`,
            payload: { position: 'x' },
          })
        ).statusCode,
      ).toBe(403);
      const selected = await send('focal_point', {
        method: 'PATCH',
        url: `/api/v1/activities/${own.approved}/participants/${nominated.json().id}`,
        payload: { status: 'attended', position: 'Chief' },
      });
      expect(selected.json()).toMatchObject({ status: 'nominated', position: 'Chief' });
      // Nominations close with the program: not to a request.
      expect(
        (
          await send('focal_point', { method: 'POST', url: `/api/v1/activities/${own.request}/participants`, payload: aParticipant() })
        ).json().code,
      ).toBe('participant.not_open');
    });

    it('gives the public no participant records, only the counts of published programs', async () => {
      const list = await participants('anonymous', own.approved);
      expect(list.items).toEqual([]);
      expect(list.summary.total).toBeGreaterThan(0);
      expect(JSON.stringify(list)).not.toMatch(/Wanjiru|wanjiru@|Director/);
      expect((await send('anonymous', { url: `/api/v1/activities/${own.request}/participants` })).statusCode).toBe(404);
    });

    it('lists and exports published programs only to the public, whatever the filter asks for', async () => {
      const ids = async (who: Who, query = '') =>
        (await get<{ items: { id: number }[] }>(who, `/api/v1/activities?pageSize=500${query}`)).items.map((a) => a.id);
      const publicIds = await ids('anonymous');
      expect(publicIds).toEqual(expect.arrayContaining([own.approved, other.approved, own.evaluated]));
      expect(publicIds).not.toContain(own.request);
      expect(publicIds).not.toContain(other.request);
      expect(await ids('anonymous', '&stage=request')).toEqual([]);
      expect(await ids('anonymous', '&stage=request,approved')).not.toContain(own.request);
      for (const who of ['admin', 'coordinator', 'agency', 'embassy', 'focal_point', 'viewer'] as const)
        expect(await ids(who)).toEqual(expect.arrayContaining([own.request, other.request]));

      const exported = await send('anonymous', { url: '/api/v1/activities/export.csv' });
      expect(exported.headers['content-type']).toMatch(/^text\/csv/);
      expect(exported.body).toContain(ownApprovedIdentifier);
      expect(exported.body).not.toContain(ownRequestIdentifier);
      expect((await send('viewer', { url: '/api/v1/activities/export.csv' })).body).toContain(ownRequestIdentifier);
      const xlsx = await send('anonymous', { url: '/api/v1/activities/export.xlsx' });
      expect(xlsx.headers['content-type']).toMatch(/spreadsheetml/);
      expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
      const byIdentifier = await send('anonymous', { url: `/api/v1/activities/by-identifier/${ownRequestIdentifier}` });
      expect(byIdentifier.json().code).toBe('activity.not_found');
    });

    it('counts published programs only in the public reports', async () => {
      const programs = async (who: Who, query = '') =>
        (await get<{ programs: number }>(who, `/api/v1/reports/summary?year=2018${query}`)).programs;
      const published = await programs('viewer', '&stage=approved,funded,implementation,completed,evaluated');
      expect(await programs('anonymous')).toBe(published);
      expect(await programs('anonymous', '&stage=request')).toBe(0);
      expect(await programs('viewer')).toBeGreaterThan(published);
      const years = async (who: Who) =>
        (await get<{ items: { year: number; programs: number }[] }>(who, '/api/v1/reports/years')).items.find((y) => y.year === 2018)
          ?.programs;
      expect(await years('anonymous')).toBe(published);
    });

    it('tells who is signed in, and gives the public neither a user nor a CSRF token', async () => {
      expect(await get('anonymous', '/api/v1/auth/session')).toEqual({ user: null, csrfToken: null, expiresAt: null, portal: false });
      const session = await get<{ user: { role: string; orgCode: string | null }; csrfToken: string }>('agency', '/api/v1/auth/session');
      expect(session.user).toMatchObject({ role: 'agency', orgCode: OWN });
      expect(session.csrfToken).toBe(sessions.agency.csrf);
    });

    it('offers each role the transitions it may make, and the public none', async () => {
      const available = async (who: Who, id: number) =>
        (await get<{ available: string[] }>(who, `/api/v1/activities/${id}/timeline`)).available;
      const request = (await program('request')).id;
      expect(await available('coordinator', request)).toEqual(['submit', 'cancel']);
      expect(await available('agency', request)).toEqual(['submit', 'cancel']);
      expect(await available('embassy', request)).toEqual(['submit']);
      expect(await available('focal_point', request)).toEqual(['submit']);
      expect(await available('focal_point', own.approved)).toEqual([]);
      expect(await available('viewer', request)).toEqual([]);
      expect(await available('agency', other.request)).toEqual([]);
      expect(await available('anonymous', own.approved)).toEqual([]);
    });

    it('never shows password hashes in the account list', async () => {
      const users = await send('admin', { url: '/api/v1/users' });
      expect(users.body).not.toMatch(/argon2|password/i);
    });
  });
});
