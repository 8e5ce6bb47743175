/**
 * The partnerships API on both engines, with the fixed clock (28 November 2026): every endpoint
 * against every role (the coordination team, the agency owning the record and another agency,
 * an embassy, a focal point, a viewer, the public), then what the answers carry: ETags, the
 * status steps, uploads and their versions, follow-up owners, an item turned into a program,
 * the CSV and XLSX downloads and the list filters. Rows that change a record make their own.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../domain/access/actor.js';
import { programInputSchema } from '../domain/program/program.schema.js';
import { organisationInputSchema } from '../domain/organisation/organisation.schema.js';
import { agreementInputSchema, engagementInputSchema } from '../domain/partnership/partnership.schema.js';
import { serverFor } from '../main.js';
import { createProgram } from '../services/programs.js';
import { createOrganisation } from '../services/organisations.js';
import { createAgreement, linkAgreementProgram, uploadAgreementDocument } from '../services/agreements.js';
import { createEngagement } from '../services/engagements.js';
import { aProgram } from '../testing/builders.js';
import { describeEachEngine } from '../testing/engines.js';
import { asSession, ensureOrg, signIn, type TestSession } from '../testing/server.js';
import { XLSX } from './downloads.js';

type Who = Role | 'other_agency' | 'anonymous';
const WHO: readonly Who[] = ['admin', 'coordinator', 'agency', 'other_agency', 'embassy', 'focal_point', 'viewer', 'anonymous'];
/** The agency signed in owns the records of the matrix; the other agency owns none of them. */
const OWN = 'ID-PS-AGENCY';
const OTHER = 'ID-PS-OTHER';
const EMBASSY = 'ID-PS-KBRI';
const FOCAL = 'KE-PS-MFA';
/** Partners: Brazil's agency for the matrix, Mexico's and Japan's only for the filters. */
const ABC = 'BR-PS-ABC';
const AMEXCID = 'MX-PS-AMEXCID';
const JICA = 'JP-PS-JICA';
/** A small upload limit, so that "too large" needs no megabytes. */
const MAX = 2048;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

type Expect = Readonly<Record<Who, number>>;
const everyone = (status: number): Expect => ({
  admin: status,
  coordinator: status,
  agency: status,
  other_agency: status,
  embassy: status,
  focal_point: status,
  viewer: status,
  anonymous: status,
});
/** The Indonesian side signed in; a focal point is refused, the public must sign in. */
const internal = (status: number): Expect => ({ ...everyone(status), focal_point: 403, anonymous: 401 });
/** The Indonesian side signed in; to focal points and the public the record does not exist. */
const hidden = (status: number): Expect => ({ ...everyone(status), focal_point: 404, anonymous: 404 });
/** Who records agreements and engagements: the coordination team and any agency (for itself). */
const creators = (status: number): Expect => ({
  ...everyone(403),
  admin: status,
  coordinator: status,
  agency: status,
  other_agency: status,
  anonymous: 401,
});
/** Who changes a record: the coordination team and the owning agency. */
const editors = (status: number): Expect => ({ ...creators(status), other_agency: 403 });
const coordination = (status: number): Expect => ({ ...everyone(403), admin: status, coordinator: status, anonymous: 401 });

interface Call {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly url: string;
  readonly payload?: unknown;
  readonly headers?: Record<string, string>;
}

/** A multipart body with text fields and at most one file. */
function form(
  fields: Record<string, string>,
  file?: { field?: string; name: string; bytes: Buffer; type?: string },
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----mitra-partnership-boundary';
  const parts: Buffer[] = Object.entries(fields).map(([k, v]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
  );
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'file'}"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/pdf'}\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

interface Issue {
  readonly path: string;
  readonly code?: string;
}
const issuesOf = (r: LightMyRequestResponse) => ((r.json() as { issues?: Issue[] }).issues ?? []).map((i) => `${i.path}:${i.code ?? ''}`);

describeEachEngine('partnerships API', (app) => {
  let server: FastifyInstance;
  const as = {} as Record<Who, FastifyInstance>;
  const sessions = {} as Record<Exclude<Who, 'anonymous'>, TestSession>;
  const system = () => app().deps;
  let draftId = 0;
  let signedId = 0;
  let privateDocId = 0;
  let publicDocId = 0;
  let draftPublicDocId = 0;
  let programId = 0;

  const agreement = async (extra: Record<string, unknown> = {}) =>
    createAgreement(
      system(),
      agreementInputSchema.parse({
        kind: 'mou',
        titleEn: 'Indonesia–Brazil memorandum of understanding',
        parties: [{ org: ABC }],
        ownerOrg: OWN,
        areas: ['DEV-AGR'],
        ...extra,
      }),
    );
  const signed = (extra: Record<string, unknown> = {}) =>
    agreement({ status: 'signed', signedOn: '2026-06-01', validFrom: '2026-06-01', validUntil: '2027-03-31', ...extra });
  const engagement = async (extra: Record<string, unknown> = {}) =>
    createEngagement(
      system(),
      engagementInputSchema.parse({
        kind: 'visit',
        title: 'Visit to Brasília',
        startsOn: '2026-05-24',
        endsOn: '2026-05-26',
        country: 'BR',
        partnerOrg: ABC,
        ownerOrg: OWN,
        items: [
          { side: 'theirs', kind: 'offer', description: "Farmers' training centres in Tanzania", flagshipArea: 'DEV-AGR', country: 'TZ' },
        ],
        followUps: [{ action: 'Send comments on the draft agreement', owner: ABC, dueOn: '2026-12-15' }],
        ...extra,
      }),
    );
  const upload = async (agreementId: number, title: string, isPublic: boolean) =>
    (await uploadAgreementDocument(system(), agreementId, { title, isPublic, fileName: 'text.pdf', bytes: PDF }, MAX)).id;
  const approvedProgram = async () =>
    createProgram(
      system(),
      programInputSchema.parse(
        aProgram({
          implementingOrg: OWN,
          lifecycleStage: 'approved',
          cooperationType: 'triangular',
          partners: [{ org: ABC, iatiRole: 1, sscRole: 'second_provider' }],
        }),
      ),
    );

  beforeAll(async () => {
    server = await serverFor(app(), { logLevel: 'silent', uploadMaxBytes: MAX });
    await server.ready();
    for (const code of [OWN, OTHER, EMBASSY]) await ensureOrg(app(), code);
    await createOrganisation(
      system(),
      organisationInputSchema.parse({
        code: ABC,
        nameEn: 'Brazilian Cooperation Agency',
        acronym: 'ABC',
        type: '10',
        countryCode: 'BR',
        kind: 'partner',
      }),
    );
    await createOrganisation(
      system(),
      organisationInputSchema.parse({
        code: AMEXCID,
        nameEn: 'Mexican Agency for International Development Cooperation',
        acronym: 'AMEXCID',
        type: '10',
        countryCode: 'MX',
        kind: 'partner',
      }),
    );
    await createOrganisation(
      system(),
      organisationInputSchema.parse({
        code: JICA,
        nameEn: 'Japan International Cooperation Agency',
        acronym: 'JICA',
        type: '10',
        countryCode: 'JP',
        kind: 'partner',
      }),
    );
    for (const role of ['admin', 'coordinator', 'viewer'] as const) sessions[role] = await signIn(server, app(), role);
    sessions.agency = await signIn(server, app(), 'agency', OWN);
    sessions.other_agency = await signIn(server, app(), 'agency', OTHER);
    sessions.embassy = await signIn(server, app(), 'embassy', EMBASSY);
    sessions.focal_point = await signIn(server, app(), 'focal_point', FOCAL);
    for (const who of WHO) as[who] = who === 'anonymous' ? server : asSession(server, sessions[who]);

    draftId = (await agreement({ titleEn: 'Draft MoU with Brazil' })).id;
    draftPublicDocId = await upload(draftId, 'Draft text', true);
    signedId = (await signed()).id;
    privateDocId = await upload(signedId, 'Signed text', false);
    publicDocId = await upload(signedId, 'Press release', true);
    const program = await approvedProgram();
    programId = program.id;
    await linkAgreementProgram(system(), signedId, program.identifier);
    // A program still a request is under the agreement too: internal until approved.
    const request = await createProgram(system(), programInputSchema.parse(aProgram({ implementingOrg: OWN, lifecycleStage: 'request' })));
    await linkAgreementProgram(system(), signedId, request.identifier);
  }, 60_000);

  const send = (who: Who, call: Call): Promise<LightMyRequestResponse> =>
    as[who].inject({
      method: call.method ?? 'GET',
      url: call.url,
      ...(call.payload === undefined ? {} : { payload: call.payload as string }),
      // A change names no version unless the row does (If-Match: *); the 428 without one is tested on its own.
      headers: { ...(call.method && call.method !== 'GET' ? { 'if-match': '*' } : {}), ...call.headers },
    });
  const json = async <T = Record<string, unknown>>(who: Who, call: Call, status = 200): Promise<T> => {
    const r = await send(who, call);
    expect(r.statusCode, `${who} ${call.method ?? 'GET'} ${call.url}: ${r.body.slice(0, 400)}`).toBe(status);
    return r.json() as T;
  };

  const ROWS: readonly { name: string; call: (who: Who) => Promise<Call>; expect: Expect }[] = [
    // Partners and timelines: public, with the internal parts left out for the public.
    { name: 'GET /partners', call: async () => ({ url: '/api/v1/partners' }), expect: everyone(200) },
    { name: 'GET /partners/export', call: async () => ({ url: '/api/v1/partners/export?format=csv' }), expect: everyone(200) },
    { name: 'GET /partners/{code}', call: async () => ({ url: `/api/v1/partners/${ABC}` }), expect: everyone(200) },
    { name: 'GET /partners/{code}/timeline', call: async () => ({ url: `/api/v1/partners/${ABC}/timeline` }), expect: everyone(200) },
    {
      name: 'GET /countries/{country}/partnership-timeline',
      call: async () => ({ url: '/api/v1/countries/BR/partnership-timeline' }),
      expect: everyone(200),
    },
    {
      name: 'PUT /partners/{code}/contacts',
      call: async () => ({
        method: 'PUT',
        url: `/api/v1/partners/${ABC}/contacts`,
        payload: { website: 'https://www.gov.br/abc', contacts: [{ name: 'Ana Souza', email: 'ana@example.org' }] },
      }),
      expect: coordination(200),
    },
    { name: 'GET /partnerships/attention', call: async () => ({ url: '/api/v1/partnerships/attention' }), expect: internal(200) },
    {
      name: 'GET /activities/{id}/partnership',
      call: async () => ({ url: `/api/v1/activities/${programId}/partnership` }),
      expect: everyone(200),
    },
    // Agreements: signed ones are public, drafts internal.
    { name: 'GET /agreements', call: async () => ({ url: '/api/v1/agreements' }), expect: everyone(200) },
    { name: 'GET /agreements/export', call: async () => ({ url: '/api/v1/agreements/export?format=xlsx' }), expect: everyone(200) },
    { name: 'GET /agreements/{id} of a draft', call: async () => ({ url: `/api/v1/agreements/${draftId}` }), expect: hidden(200) },
    {
      name: 'GET /agreements/{id} of a signed agreement',
      call: async () => ({ url: `/api/v1/agreements/${signedId}` }),
      expect: everyone(200),
    },
    {
      name: 'GET /agreement-documents/{id} private, of a signed agreement',
      call: async () => ({ url: `/api/v1/agreement-documents/${privateDocId}` }),
      expect: hidden(200),
    },
    {
      name: 'GET /agreement-documents/{id} public, of a signed agreement',
      call: async () => ({ url: `/api/v1/agreement-documents/${publicDocId}` }),
      expect: everyone(200),
    },
    {
      name: 'GET /agreement-documents/{id} public, of a draft',
      call: async () => ({ url: `/api/v1/agreement-documents/${draftPublicDocId}` }),
      expect: hidden(200),
    },
    {
      name: 'POST /agreements (own agency by default)',
      call: async () => ({
        method: 'POST',
        url: '/api/v1/agreements',
        payload: { kind: 'mou', titleEn: 'New MoU', parties: [{ org: ABC }] },
      }),
      expect: creators(201),
    },
    {
      name: 'POST /agreements owned by the agency',
      call: async () => ({
        method: 'POST',
        url: '/api/v1/agreements',
        payload: { kind: 'mou', titleEn: 'New MoU', parties: [{ country: 'BR' }], ownerOrg: OWN },
      }),
      expect: editors(201),
    },
    {
      name: 'DELETE /agreements/{id} of a draft',
      call: async () => ({ method: 'DELETE', url: `/api/v1/agreements/${(await agreement()).id}` }),
      expect: editors(204),
    },
    {
      name: 'PATCH /agreements/{id}',
      call: async () => ({
        method: 'PATCH',
        url: `/api/v1/agreements/${(await agreement()).id}`,
        payload: { subject: 'Agriculture and fisheries' },
      }),
      expect: editors(200),
    },
    {
      name: 'POST /agreements/{id}/status',
      call: async () => ({ method: 'POST', url: `/api/v1/agreements/${(await agreement()).id}/status`, payload: { to: 'negotiation' } }),
      expect: editors(200),
    },
    {
      name: 'POST /agreements/{id}/programs',
      call: async () => ({
        method: 'POST',
        url: `/api/v1/agreements/${(await signed()).id}/programs`,
        payload: { identifier: (await approvedProgram()).identifier },
      }),
      expect: editors(200),
    },
    {
      name: 'DELETE /agreements/{id}/programs/{activityId}',
      call: async () => {
        const [a, p] = [await signed(), await approvedProgram()];
        await linkAgreementProgram(system(), a.id, p.identifier);
        return { method: 'DELETE', url: `/api/v1/agreements/${a.id}/programs/${p.id}` };
      },
      expect: editors(200),
    },
    {
      name: 'POST /agreements/{id}/documents',
      call: async () => ({
        method: 'POST',
        url: `/api/v1/agreements/${(await signed()).id}/documents`,
        ...form({ title: 'Signed text' }, { name: 'signed.pdf', bytes: PDF }),
      }),
      expect: editors(201),
    },
    {
      name: 'PATCH /agreement-documents/{id}',
      call: async () => ({
        method: 'PATCH',
        url: `/api/v1/agreement-documents/${await upload((await signed()).id, 'Annex', false)}`,
        payload: { isPublic: true },
      }),
      expect: editors(200),
    },
    {
      name: 'POST /agreements/reminders',
      call: async () => ({ method: 'POST', url: '/api/v1/agreements/reminders' }),
      expect: coordination(200),
    },
    // Engagements and follow-ups: internal to the Indonesian side.
    { name: 'GET /engagements', call: async () => ({ url: '/api/v1/engagements' }), expect: internal(200) },
    { name: 'GET /engagements/export', call: async () => ({ url: '/api/v1/engagements/export?format=csv' }), expect: internal(200) },
    { name: 'GET /engagements/{id}', call: async () => ({ url: `/api/v1/engagements/${(await engagement()).id}` }), expect: internal(200) },
    { name: 'GET /follow-ups', call: async () => ({ url: '/api/v1/follow-ups' }), expect: internal(200) },
    { name: 'GET /follow-ups/export', call: async () => ({ url: '/api/v1/follow-ups/export?format=xlsx' }), expect: internal(200) },
    {
      name: 'POST /engagements (own agency by default)',
      call: async () => ({
        method: 'POST',
        url: '/api/v1/engagements',
        payload: { kind: 'call', title: 'Call with ABC', startsOn: '2026-11-20', partnerOrg: ABC },
      }),
      expect: creators(201),
    },
    {
      name: 'POST /engagements owned by the agency',
      call: async () => ({
        method: 'POST',
        url: '/api/v1/engagements',
        payload: { kind: 'call', title: 'Call with ABC', startsOn: '2026-11-20', ownerOrg: OWN },
      }),
      expect: editors(201),
    },
    {
      name: 'DELETE /engagements/{id}',
      call: async () => ({ method: 'DELETE', url: `/api/v1/engagements/${(await engagement()).id}` }),
      expect: editors(204),
    },
    {
      name: 'PATCH /engagements/{id}',
      call: async () => ({
        method: 'PATCH',
        url: `/api/v1/engagements/${(await engagement()).id}`,
        payload: { outcome: 'Draft MoU agreed' },
      }),
      expect: editors(200),
    },
    {
      name: 'POST /engagements/{id}/items',
      call: async () => ({
        method: 'POST',
        url: `/api/v1/engagements/${(await engagement()).id}/items`,
        payload: { side: 'ours', kind: 'offer', description: 'Aquaculture course' },
      }),
      expect: editors(201),
    },
    {
      name: 'DELETE /engagement-items/{id}',
      call: async () => ({ method: 'DELETE', url: `/api/v1/engagement-items/${(await engagement()).items[0]?.id}` }),
      expect: editors(200),
    },
    {
      name: 'POST /engagement-items/{id}/program',
      call: async () => ({ method: 'POST', url: `/api/v1/engagement-items/${(await engagement()).items[0]?.id}/program`, payload: {} }),
      expect: editors(201),
    },
    {
      name: 'POST /engagements/{id}/follow-ups',
      call: async () => ({
        method: 'POST',
        url: `/api/v1/engagements/${(await engagement()).id}/follow-ups`,
        payload: { action: 'Share the curriculum', owner: ABC, dueOn: '2027-01-15' },
      }),
      expect: editors(201),
    },
    {
      name: 'PATCH /follow-ups/{id}',
      call: async () => ({
        method: 'PATCH',
        url: `/api/v1/follow-ups/${(await engagement()).followUps[0]?.id}`,
        payload: { status: 'done' },
      }),
      expect: editors(200),
    },
  ];

  describe.each(ROWS)('$name', (row) => {
    it.each(WHO)('answers %s as the matrix says', async (who) => {
      const response = await send(who, await row.call(who));
      expect(response.statusCode, response.body.slice(0, 300)).toBe(row.expect[who]);
    });
  });

  it('shows the public and focal points signed agreements with their public documents only', async () => {
    const internalList = await json<{ items: { id: number }[] }>('viewer', { url: `/api/v1/agreements?partner=${ABC}&pageSize=200` });
    expect(internalList.items.map((a) => a.id)).toEqual(expect.arrayContaining([draftId, signedId]));
    for (const who of ['anonymous', 'focal_point'] as const) {
      const list = await json<{ items: { id: number; status: string; documentCount: number; programCount: number }[] }>(who, {
        url: `/api/v1/agreements?partner=${ABC}&pageSize=200`,
      });
      // Counted as shown: the public document and the published program only.
      expect(list.items.find((a) => a.id === signedId)).toMatchObject({ documentCount: 1, programCount: 1 });
      expect(list.items.map((a) => a.id)).toContain(signedId);
      expect(list.items.map((a) => a.id)).not.toContain(draftId);
      expect(new Set(list.items.map((a) => a.status))).toEqual(new Set(['signed']));
      const detail = await json<{
        agreement: { documentCount: number; programCount: number };
        documents: { id: number }[];
        canEdit: boolean;
        programs: { id: number }[];
      }>(who, { url: `/api/v1/agreements/${signedId}` });
      expect(detail.documents.map((d) => d.id)).toEqual([publicDocId]);
      expect(detail).toMatchObject({ agreement: { documentCount: 1, programCount: 1 }, canEdit: false, programs: [{ id: programId }] });
      const partner = await json<{ contacts: unknown; engagements: unknown[]; agreements: { id: number }[] }>(who, {
        url: `/api/v1/partners/${ABC}`,
      });
      expect(partner.contacts).toBeNull();
      expect(partner.engagements).toEqual([]);
      expect(partner.agreements.map((a) => a.id)).not.toContain(draftId);
    }
    const full = await json<{
      agreement: { documentCount: number; programCount: number };
      documents: { id: number }[];
      programs: unknown[];
      canEdit: boolean;
    }>('viewer', { url: `/api/v1/agreements/${signedId}` });
    expect(full.documents.map((d) => d.id).sort()).toEqual([privateDocId, publicDocId].sort());
    expect([full.agreement.documentCount, full.agreement.programCount, full.programs.length]).toEqual([2, 2, 2]);
    const internalRow = (
      await json<{ items: { id: number; documentCount: number; programCount: number }[] }>('viewer', {
        url: `/api/v1/agreements?partner=${ABC}&pageSize=200`,
      })
    ).items.find((a) => a.id === signedId);
    expect(internalRow).toMatchObject({ documentCount: 2, programCount: 2 });
    expect(full.canEdit).toBe(false);
    expect(
      (await json<{ canEdit: boolean; nextStatuses: string[] }>('agency', { url: `/api/v1/agreements/${signedId}` })).nextStatuses,
    ).toEqual(['in_force', 'terminated']);
    expect((await json<{ canEdit: boolean }>('other_agency', { url: `/api/v1/agreements/${signedId}` })).canEdit).toBe(false);
    const download = await send('anonymous', { url: `/api/v1/agreement-documents/${publicDocId}` });
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="text\.pdf"/);
    expect(download.headers['cache-control']).toBe('public, max-age=300');
    expect(Buffer.compare(download.rawPayload, PDF)).toBe(0);
    expect((await send('viewer', { url: `/api/v1/agreement-documents/${privateDocId}` })).headers['cache-control']).toBe(
      'private, no-store',
    );
  });

  it('lets an agency record only for itself and hand nothing to another agency', async () => {
    const foreign = await send('agency', {
      method: 'POST',
      url: '/api/v1/agreements',
      payload: { kind: 'mou', titleEn: 'Not mine', parties: [{ org: ABC }], ownerOrg: OTHER },
    });
    expect([foreign.statusCode, foreign.json().code]).toEqual([403, 'partnership.not_own_agency']);
    const foreignEngagement = await send('agency', {
      method: 'POST',
      url: '/api/v1/engagements',
      payload: { kind: 'call', title: 'Not mine', startsOn: '2026-11-01', ownerOrg: OTHER },
    });
    expect([foreignEngagement.statusCode, foreignEngagement.json().code]).toEqual([403, 'partnership.not_own_agency']);
    const mine = await json<{ id: number; ownerOrg: string }>(
      'agency',
      {
        method: 'POST',
        url: '/api/v1/agreements',
        payload: { kind: 'mou', titleEn: 'Mine', parties: [{ org: ABC }], ownerOrg: OWN.toLowerCase() },
      },
      201,
    );
    expect(mine.ownerOrg).toBe(OWN);
    const handOver = await send('agency', { method: 'PATCH', url: `/api/v1/agreements/${mine.id}`, payload: { ownerOrg: OTHER } });
    expect([handOver.statusCode, handOver.json().code]).toEqual([403, 'partnership.owner_by_team']);
    expect(
      (
        await json<{ ownerOrg: string }>('coordinator', {
          method: 'PATCH',
          url: `/api/v1/agreements/${mine.id}`,
          payload: { ownerOrg: OTHER },
        })
      ).ownerOrg,
    ).toBe(OTHER);
    // Handed over: the first agency may no longer change it, the second may.
    expect((await send('agency', { method: 'PATCH', url: `/api/v1/agreements/${mine.id}`, payload: { subject: 'x' } })).statusCode).toBe(
      403,
    );
    expect(
      (await send('other_agency', { method: 'PATCH', url: `/api/v1/agreements/${mine.id}`, payload: { subject: 'x' } })).statusCode,
    ).toBe(200);
    const unknown = await send('coordinator', {
      method: 'POST',
      url: '/api/v1/agreements',
      payload: { kind: 'mou', titleEn: 'Unknown party', parties: [{ org: 'XX-NOBODY' }] },
    });
    expect([unknown.statusCode, issuesOf(unknown)]).toEqual([422, ['parties.0.org:unknown_organisation']]);
  });

  it('honours If-Match on agreements and engagements (a stale version is a conflict)', async () => {
    const a = await agreement();
    const got = await send('agency', { url: `/api/v1/agreements/${a.id}` });
    expect(got.headers.etag).toBe('"1"');
    const first = await send('agency', {
      method: 'PATCH',
      url: `/api/v1/agreements/${a.id}`,
      payload: { subject: 'Fisheries' },
      headers: { 'if-match': '"1"' },
    });
    expect([first.statusCode, first.headers.etag, first.json().subject]).toEqual([200, '"2"', 'Fisheries']);
    const stale = await send('coordinator', {
      method: 'PATCH',
      url: `/api/v1/agreements/${a.id}`,
      payload: { subject: 'Forestry' },
      headers: { 'if-match': '"1"' },
    });
    expect([stale.statusCode, stale.json().code]).toEqual([409, 'agreement.stale']);
    expect(
      (
        await send('coordinator', {
          method: 'PATCH',
          url: `/api/v1/agreements/${a.id}`,
          payload: { subject: 'Forestry' },
          headers: { 'if-match': 'one' },
        })
      ).statusCode,
    ).toBe(400);
    const staleStep = await send('coordinator', {
      method: 'POST',
      url: `/api/v1/agreements/${a.id}/status`,
      payload: { to: 'negotiation' },
      headers: { 'if-match': '"1"' },
    });
    expect([staleStep.statusCode, staleStep.json().code]).toEqual([409, 'agreement.stale']);
    const step = await send('coordinator', {
      method: 'POST',
      url: `/api/v1/agreements/${a.id}/status`,
      payload: { to: 'negotiation' },
      headers: { 'if-match': 'W/"2"' },
    });
    expect([step.statusCode, step.headers.etag, step.json().status]).toEqual([200, '"3"', 'negotiation']);
    // The stale changes were not applied.
    expect(
      (await json<{ agreement: { subject: string; status: string; version: number } }>('viewer', { url: `/api/v1/agreements/${a.id}` }))
        .agreement,
    ).toMatchObject({ subject: 'Fisheries', status: 'negotiation', version: 3 });

    const e = await engagement();
    const ok = await send('agency', {
      method: 'PATCH',
      url: `/api/v1/engagements/${e.id}`,
      payload: { outcome: 'Agreed' },
      headers: { 'if-match': '"1"' },
    });
    expect([ok.statusCode, ok.headers.etag]).toEqual([200, '"2"']);
    const staleEngagement = await send('agency', {
      method: 'PATCH',
      url: `/api/v1/engagements/${e.id}`,
      payload: { outcome: 'Agreed again' },
      headers: { 'if-match': '"1"' },
    });
    expect([staleEngagement.statusCode, staleEngagement.json().code]).toEqual([409, 'engagement.stale']);
  });

  it('refuses bad agreement dates and steps with the field at fault', async () => {
    const base = { kind: 'technical_cooperation', titleEn: 'Technical cooperation with Brazil', parties: [{ org: ABC }] };
    const order = await send('coordinator', {
      method: 'POST',
      url: '/api/v1/agreements',
      payload: { ...base, status: 'signed', signedOn: '2026-06-01', validUntil: '2026-01-31' },
    });
    expect([order.statusCode, issuesOf(order)]).toEqual([422, ['validUntil:before_signature']]);
    const unsigned = await send('coordinator', {
      method: 'POST',
      url: '/api/v1/agreements',
      payload: { ...base, status: 'in_force', validFrom: '2026-01-01' },
    });
    expect([unsigned.statusCode, issuesOf(unsigned)]).toEqual([422, ['signedOn:required_when_signed']]);
    const future = await send('coordinator', {
      method: 'POST',
      url: '/api/v1/agreements',
      payload: { ...base, status: 'signed', signedOn: '2026-11-29' },
    });
    expect([future.statusCode, issuesOf(future)]).toEqual([422, ['signedOn:future_date']]);
    const badDay = await send('coordinator', { method: 'POST', url: '/api/v1/agreements', payload: { ...base, signedOn: '2026-02-30' } });
    expect(badDay.statusCode).toBe(400);
    expect(issuesOf(badDay).map((i) => i.split(':')[0])).toEqual(['signedOn']);

    const id = (await json<{ id: number }>('agency', { method: 'POST', url: '/api/v1/agreements', payload: base }, 201)).id;
    const step = (payload: unknown) => send('agency', { method: 'POST', url: `/api/v1/agreements/${id}/status`, payload });
    const jump = await step({ to: 'in_force', signedOn: '2026-06-01' });
    expect([jump.statusCode, jump.json().code, issuesOf(jump)]).toEqual([409, 'agreement.bad_transition', ['status:bad_transition']]);
    const noDate = await step({ to: 'signed' });
    expect([noDate.statusCode, issuesOf(noDate)]).toEqual([422, ['signedOn:required_when_signed']]);
    const endsBefore = await step({ to: 'signed', signedOn: '2026-06-01', validUntil: '2026-05-31' });
    expect([endsBefore.statusCode, issuesOf(endsBefore)]).toEqual([422, ['validUntil:before_signature']]);
    const signedOk = await step({ to: 'signed', signedOn: '2026-06-01', validFrom: '2026-07-01', validUntil: '2027-03-31' });
    expect(signedOk.statusCode, signedOk.body).toBe(200);
    const notEnded = await step({ to: 'expired' });
    expect([notEnded.statusCode, notEnded.json().code]).toEqual([409, 'agreement.bad_transition']);
    const inForce = await step({ to: 'in_force' });
    expect(inForce.statusCode, inForce.body).toBe(200);
    // 28 November 2026 → 31 March 2027: 123 days, inside the 180-day window.
    expect(inForce.json()).toMatchObject({
      status: 'in_force',
      renewal: { daysLeft: 123, remindersDue: [180], nextReminder: '2026-12-31', expiringSoon: true, overdue: false },
    });
    const early = await step({ to: 'expired' });
    expect([early.statusCode, issuesOf(early)]).toEqual([422, ['validUntil:not_ended']]);
    const clear = await send('agency', { method: 'PATCH', url: `/api/v1/agreements/${id}`, payload: { signedOn: null } });
    expect([clear.statusCode, issuesOf(clear)]).toEqual([422, ['signedOn:required_when_signed']]);
    const shorten = await send('agency', { method: 'PATCH', url: `/api/v1/agreements/${id}`, payload: { validUntil: '2026-06-30' } });
    expect([shorten.statusCode, issuesOf(shorten)]).toEqual([422, ['validUntil:date_order']]);
    expect((await step({ to: 'draft' })).statusCode).toBe(409);
    expect((await step({ to: 'terminated', note: 'Replaced by the 2027 agreement' })).json().status).toBe('terminated');
    expect((await step({ to: 'in_force' })).statusCode).toBe(409);
  });

  it('deletes only what was recorded by mistake, with its documents, items and follow-ups', async () => {
    const draft = await agreement();
    const doc = await upload(draft.id, 'Draft text', false);
    const stale = await send('agency', { method: 'DELETE', url: `/api/v1/agreements/${draft.id}`, headers: { 'if-match': '"7"' } });
    expect([stale.statusCode, stale.json().code]).toEqual([409, 'agreement.stale']);
    expect(
      (await send('agency', { method: 'DELETE', url: `/api/v1/agreements/${draft.id}`, headers: { 'if-match': '"1"' } })).statusCode,
    ).toBe(204);
    expect((await send('agency', { url: `/api/v1/agreements/${draft.id}` })).statusCode).toBe(404);
    expect((await send('agency', { url: `/api/v1/agreement-documents/${doc}` })).statusCode).toBe(404);
    expect((await send('agency', { method: 'DELETE', url: `/api/v1/agreements/${draft.id}` })).statusCode).toBe(404);
    const kept = await send('coordinator', { method: 'DELETE', url: `/api/v1/agreements/${(await signed()).id}` });
    expect([kept.statusCode, kept.json().code]).toEqual([409, 'agreement.signed']);

    const e = await engagement();
    expect((await send('agency', { method: 'DELETE', url: `/api/v1/engagements/${e.id}` })).statusCode).toBe(204);
    expect((await send('agency', { url: `/api/v1/engagements/${e.id}` })).statusCode).toBe(404);
    expect(
      (await send('agency', { method: 'PATCH', url: `/api/v1/follow-ups/${e.followUps[0]?.id}`, payload: { status: 'done' } })).statusCode,
    ).toBe(404);
    const converted = await engagement();
    expect(
      (await send('agency', { method: 'POST', url: `/api/v1/engagement-items/${converted.items[0]?.id}/program`, payload: {} })).statusCode,
    ).toBe(201);
    const stays = await send('coordinator', { method: 'DELETE', url: `/api/v1/engagements/${converted.id}` });
    expect([stays.statusCode, stays.json().code]).toEqual([409, 'engagement.has_programs']);
  });

  it('accepts PDF, DOCX, JPEG and PNG documents only, within the size limit', async () => {
    const id = (await signed()).id;
    const post = (body: { payload: Buffer | string; headers: Record<string, string> }) =>
      send('agency', { method: 'POST', url: `/api/v1/agreements/${id}/documents`, ...body });
    const refused = async (name: string, bytes: Buffer, code: string) => {
      const r = await post(form({ title: 'Signed text' }, { name, bytes }));
      expect([r.statusCode, r.json().code, issuesOf(r)], name).toEqual([422, 'document.rejected', [`file:${code}`]]);
    };
    await refused('signed.pdf', Buffer.from('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>'), 'unsupported_type');
    await refused('signed.pdf', Buffer.from('%PDF-1.4\n<html><script>alert(1)</script></html>\n%%EOF\n'), 'active_content');
    await refused('setup.exe', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]), 'unsupported_type');
    await refused('logo.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'unsupported_type');
    await refused('photo.pdf', PNG, 'type_mismatch');
    await refused('empty.pdf', Buffer.alloc(0), 'empty_file');
    const tooLarge = await post(
      form({ title: 'Signed text' }, { name: 'big.pdf', bytes: Buffer.concat([PDF, Buffer.alloc(MAX - PDF.length + 1, 0x20)]) }),
    );
    expect([tooLarge.statusCode, tooLarge.json().code, issuesOf(tooLarge)]).toEqual([413, 'document.too_large', ['file:too_large']]);
    const atLimit = await post(
      form({ title: 'Signed text' }, { name: 'limit.pdf', bytes: Buffer.concat([PDF, Buffer.alloc(MAX - PDF.length, 0x20)]) }),
    );
    expect([atLimit.statusCode, atLimit.json().sizeBytes]).toEqual([201, MAX]);
    const noFile = await post(form({ title: 'Signed text' }));
    expect([noFile.statusCode, noFile.json().code]).toEqual([400, 'document.missing']);
    const wrongField = await post(form({ title: 'Signed text' }, { field: 'document', name: 'signed.pdf', bytes: PDF }));
    expect([wrongField.statusCode, wrongField.json().code]).toEqual([400, 'document.bad_field']);
    const notMultipart = await send('agency', {
      method: 'POST',
      url: `/api/v1/agreements/${id}/documents`,
      payload: { title: 'Signed text' },
    });
    expect([notMultipart.statusCode, notMultipart.json().code]).toEqual([415, 'request.unsupported_media_type']);
    const noTitle = await post(form({ title: '  ' }, { name: 'signed.pdf', bytes: PDF }));
    expect([noTitle.statusCode, issuesOf(noTitle)]).toEqual([422, ['title:required']]);
    expect(
      (
        await send('agency', {
          method: 'POST',
          url: '/api/v1/agreements/999999/documents',
          ...form({ title: 'x' }, { name: 'signed.pdf', bytes: PDF }),
        })
      ).statusCode,
    ).toBe(404);
    // Only the one document at the limit was stored.
    expect((await json<{ documents: unknown[] }>('viewer', { url: `/api/v1/agreements/${id}` })).documents).toHaveLength(1);
  });

  it('versions documents by title and keeps them private until marked public', async () => {
    const id = (await signed()).id;
    const post = async (title: string, name: string, extra: Record<string, string> = {}) =>
      json<{ id: number; versionNo: number; title: string; isPublic: boolean; fileName: string }>(
        'agency',
        { method: 'POST', url: `/api/v1/agreements/${id}/documents`, ...form({ title, ...extra }, { name, bytes: PDF }) },
        201,
      );
    const v1 = await post('Signed text', 'mou-v1.pdf');
    const v2 = await post(' signed TEXT ', 'mou-v2.pdf');
    const annex = await post('Annex', 'annex.pdf', { public: 'true' });
    expect([v1.versionNo, v1.isPublic, v2.versionNo, v2.title, annex.versionNo, annex.isPublic]).toEqual([
      1,
      false,
      2,
      'signed TEXT',
      1,
      true,
    ]);
    const detail = await json<{ agreement: { documentCount: number }; documents: { id: number; versionNo: number }[] }>('coordinator', {
      url: `/api/v1/agreements/${id}`,
    });
    expect(detail.documents.map((d) => [d.id, d.versionNo])).toEqual([
      [annex.id, 1],
      [v2.id, 2],
      [v1.id, 1],
    ]);
    expect(detail.agreement.documentCount).toBe(3);
    expect((await send('anonymous', { url: `/api/v1/agreement-documents/${v2.id}` })).statusCode).toBe(404);
    expect((await send('anonymous', { url: `/api/v1/agreement-documents/${annex.id}` })).statusCode).toBe(200);
    expect(
      (await send('other_agency', { method: 'PATCH', url: `/api/v1/agreement-documents/${v2.id}`, payload: { isPublic: true } }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await json<{ isPublic: boolean }>('agency', {
          method: 'PATCH',
          url: `/api/v1/agreement-documents/${v2.id}`,
          payload: { isPublic: true },
        })
      ).isPublic,
    ).toBe(true);
    const downloaded = await send('anonymous', { url: `/api/v1/agreement-documents/${v2.id}` });
    expect([downloaded.statusCode, downloaded.headers['content-disposition']]).toEqual([
      200,
      `attachment; filename="mou-v2.pdf"; filename*=UTF-8''mou-v2.pdf`,
    ]);
    expect(
      (await json<{ documents: { id: number }[] }>('anonymous', { url: `/api/v1/agreements/${id}` })).documents.map((d) => d.id),
    ).toEqual([annex.id, v2.id]);
    expect(
      (
        await json<{ isPublic: boolean }>('coordinator', {
          method: 'PATCH',
          url: `/api/v1/agreement-documents/${v2.id}`,
          payload: { isPublic: false },
        })
      ).isPublic,
    ).toBe(false);
    expect((await send('anonymous', { url: `/api/v1/agreement-documents/${v2.id}` })).statusCode).toBe(404);
    expect((await send('viewer', { url: '/api/v1/agreement-documents/999999' })).statusCode).toBe(404);
  });

  it('requires a known owner for each follow-up, and lets the owner close it', async () => {
    const base = { kind: 'meeting', title: 'Meeting with ABC', startsOn: '2026-06-10', partnerOrg: ABC };
    const noOwner = await send('agency', {
      method: 'POST',
      url: '/api/v1/engagements',
      payload: {
        ...base,
        followUps: [{ action: 'Send the curriculum', owner: ABC }, { action: 'Draft the work plan', owner: null }, { action: 'Call back' }],
      },
    });
    expect([noOwner.statusCode, issuesOf(noOwner)]).toEqual([
      422,
      ['followUps.1.owner:owner_required', 'followUps.2.owner:owner_required'],
    ]);
    const e = await json<{ id: number }>('agency', { method: 'POST', url: '/api/v1/engagements', payload: base }, 201);
    const add = (payload: unknown, who: Who = 'agency') =>
      send(who, { method: 'POST', url: `/api/v1/engagements/${e.id}/follow-ups`, payload });
    const missing = await add({ action: 'Call back' });
    expect([missing.statusCode, missing.json().code, issuesOf(missing)]).toEqual([422, 'follow_up.invalid', ['owner:owner_required']]);
    expect(issuesOf(await add({ action: 'Call back', owner: 'nobody@nowhere.invalid' }))).toEqual(['owner:unknown_owner']);
    expect(issuesOf(await add({ action: 'Call back', owner: 'XX-NO-SUCH-ORG' }))).toEqual(['owner:unknown_owner']);
    expect(issuesOf(await add({ action: '  ', owner: ABC }))).toEqual(['action:required']);
    const added = await add({ action: 'Call back', owner: sessions.other_agency.email.toUpperCase(), dueOn: '2026-12-01' });
    expect(added.statusCode, added.body).toBe(201);
    const followUp = (added.json() as { followUps: { id: number; owner: string; overdue: boolean }[] }).followUps[0];
    expect(followUp).toMatchObject({ owner: sessions.other_agency.email, overdue: false });
    const id = followUp?.id ?? 0;
    expect(issuesOf(await send('agency', { method: 'PATCH', url: `/api/v1/follow-ups/${id}`, payload: { owner: null } }))).toEqual([
      'owner:owner_required',
    ]);
    // The owner (of another agency) closes it, though it may not change the engagement.
    expect(
      (await send('other_agency', { method: 'PATCH', url: `/api/v1/engagements/${e.id}`, payload: { outcome: 'x' } })).statusCode,
    ).toBe(403);
    // The owner may change the status only, not rewrite what was agreed (issue 24, finding 2).
    for (const payload of [
      { action: 'Nothing to do' },
      { dueOn: '2027-12-31' },
      { owner: sessions.agency.email },
      { status: 'done', action: 'x' },
    ]) {
      const rewrite = await send('other_agency', { method: 'PATCH', url: `/api/v1/follow-ups/${id}`, payload });
      expect([rewrite.statusCode, rewrite.json().code], JSON.stringify(payload)).toEqual([403, 'follow_up.owner_status_only']);
    }
    const done = await json<{ status: string; doneOn: string }>('other_agency', {
      method: 'PATCH',
      url: `/api/v1/follow-ups/${id}`,
      payload: { status: 'done' },
    });
    expect(done).toMatchObject({ status: 'done', doneOn: '2026-11-28', action: 'Call back', dueOn: '2026-12-01' });
    expect((await send('viewer', { method: 'PATCH', url: `/api/v1/follow-ups/${id}`, payload: { status: 'open' } })).statusCode).toBe(403);
  });

  it('turns an offer into a program request once, kept linked and not removable', async () => {
    const e = await engagement({
      items: [
        { side: 'theirs', kind: 'offer', description: 'Rice farming course for Tanzania', flagshipArea: 'DEV-AGR', country: 'TZ' },
        { side: 'ours', kind: 'request', description: 'Co-funding of the course' },
      ],
    });
    const [offer, request] = [e.items[0]?.id, e.items[1]?.id];
    const created = await send('agency', { method: 'POST', url: `/api/v1/engagement-items/${offer}/program`, payload: {} });
    expect(created.statusCode, created.body).toBe(201);
    const body = created.json() as {
      program: { id: number; identifier: string; lifecycleStage: string; cooperationType: string };
      engagement: { items: { id: number; program: { id: number } | null }[] };
    };
    expect(body.program).toMatchObject({ identifier: `${e.reference}-1`, lifecycleStage: 'request', cooperationType: 'triangular' });
    expect(created.headers.location).toBe(`/api/v1/activities/${body.program.id}`);
    expect(body.engagement.items.find((i) => i.id === offer)?.program?.id).toBe(body.program.id);
    const program = await json<{
      lifecycleStage: string;
      implementingOrg: string;
      recipients: { country: string }[];
      partners: { org: string; sscRole: string }[];
    }>('coordinator', { url: `/api/v1/activities/${body.program.id}` });
    expect(program).toMatchObject({ lifecycleStage: 'request', implementingOrg: OWN, recipients: [{ country: 'TZ' }] });
    expect(program.partners).toEqual(expect.arrayContaining([expect.objectContaining({ org: ABC, sscRole: 'second_provider' })]));
    const link = await json<{ engagementItems: { itemId: number; reference: string; kind: string }[] }>('viewer', {
      url: `/api/v1/activities/${body.program.id}/partnership`,
    });
    expect(link.engagementItems).toEqual([expect.objectContaining({ itemId: offer, reference: e.reference, kind: 'offer' })]);
    expect(
      (await json<{ engagementItems: unknown[] }>('anonymous', { url: `/api/v1/activities/${body.program.id}/partnership` }))
        .engagementItems,
    ).toEqual([]);
    const again = await send('agency', { method: 'POST', url: `/api/v1/engagement-items/${offer}/program`, payload: {} });
    expect([again.statusCode, again.json().code]).toEqual([409, 'engagement_item.has_program']);
    const remove = await send('coordinator', { method: 'DELETE', url: `/api/v1/engagement-items/${offer}` });
    expect([remove.statusCode, remove.json().code]).toEqual([409, 'engagement_item.has_program']);
    const noCountry = await send('agency', { method: 'POST', url: `/api/v1/engagement-items/${request}/program`, payload: {} });
    expect([noCountry.statusCode, issuesOf(noCountry)]).toEqual([422, ['country:required']]);
    expect((await send('agency', { method: 'POST', url: '/api/v1/engagement-items/999999/program', payload: {} })).statusCode).toBe(404);
  });

  it('downloads lists as CSV with a BOM and neutralised formulas, and as XLSX', async () => {
    await agreement({ titleEn: '=HYPERLINK("http://evil.example","click")', titleId: 'Nota kesepahaman formula' });
    const csv = await send('coordinator', { url: '/api/v1/agreements/export?format=csv&q=hyperlink' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="agreements.csv"');
    expect([...csv.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      'reference,kind,title,status,parties,flagship_areas,signed_on,valid_from,valid_until,days_left,owner,programs,documents,illustrative',
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(
      /^AGR-2026-\d{4},Memorandum of understanding,"'=HYPERLINK\(""http:\/\/evil\.example"",""click""\)",Draft,BR-PS-ABC,Livestock and agriculture,,,,,ID-PS-AGENCY,0,0,no$/,
    );
    const id = await send('coordinator', { url: '/api/v1/agreements/export?format=csv&q=hyperlink&lang=id' });
    expect(id.body).toMatch(/,Nota kesepahaman \(MoU\),Nota kesepahaman formula,Rancangan,/);
    expect(
      (await send('anonymous', { url: '/api/v1/agreements/export?format=csv&q=hyperlink' })).body
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split('\r\n'),
    ).toHaveLength(1);
    const xlsx = await send('viewer', { url: '/api/v1/agreements/export?format=xlsx&q=hyperlink' });
    expect([xlsx.statusCode, xlsx.headers['content-type'], xlsx.headers['content-disposition']]).toEqual([
      200,
      XLSX,
      'attachment; filename="agreements.xlsx"',
    ]);
    expect(xlsx.rawPayload.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    const engagements = await send('viewer', { url: `/api/v1/engagements/export?format=xlsx&partner=${ABC}` });
    expect([engagements.headers['content-type'], engagements.rawPayload.subarray(0, 2).toString('latin1')]).toEqual([XLSX, 'PK']);
    const followUps = await send('viewer', { url: `/api/v1/follow-ups/export?format=csv&owner=${ABC}` });
    expect(followUps.body.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(
      'engagement,engagement_title,action,owner,due_on,status,done_on,overdue',
    );
    expect((await send('coordinator', { url: '/api/v1/agreements/export?format=pdf' })).statusCode).toBe(400);
  });

  describe('list filters (today is 2026-11-28)', () => {
    const ids: Record<string, number> = {};
    const refs: Record<string, string> = {};

    beforeAll(async () => {
      const make = async (key: string, input: Record<string, unknown>) => {
        const a = await createAgreement(system(), agreementInputSchema.parse({ ownerOrg: OTHER, ...input }));
        ids[key] = a.id;
        refs[key] = a.reference;
      };
      await make('F1', {
        kind: 'mou',
        titleEn: 'Mexico MoU on agriculture',
        parties: [{ org: AMEXCID }],
        status: 'in_force',
        signedOn: '2025-01-10',
        validUntil: '2027-01-27',
      });
      await make('F2', {
        kind: 'technical_cooperation',
        titleEn: 'Mexico technical cooperation on disaster risk',
        parties: [{ org: AMEXCID }],
        status: 'signed',
        signedOn: '2026-03-01',
        validUntil: '2027-02-26',
      });
      await make('F3', { kind: 'work_plan', titleEn: 'Mexico annual work plan', parties: [{ org: AMEXCID }] });
      await make('F4', {
        kind: 'joint_framework',
        titleEn: 'Japan joint framework',
        parties: [{ org: JICA }],
        status: 'in_force',
        signedOn: '2024-04-01',
        validUntil: '2027-11-28',
      });
      await make('F5', {
        kind: 'mou',
        titleEn: 'Japan MoU 2020',
        parties: [{ country: 'JP' }],
        status: 'expired',
        signedOn: '2020-01-01',
        validUntil: '2025-12-31',
      });
      const engage = async (key: string, input: Record<string, unknown>) => {
        const e = await createEngagement(system(), engagementInputSchema.parse({ ownerOrg: OTHER, ...input }));
        ids[key] = e.id;
        refs[key] = e.reference;
        return e;
      };
      const g1 = await engage('G1', {
        kind: 'visit',
        title: 'Visit to Mexico City',
        startsOn: '2025-03-10',
        endsOn: '2025-03-12',
        country: 'MX',
        partnerOrg: AMEXCID,
        purpose: 'Aquaculture cooperation',
        items: [{ side: 'ours', kind: 'offer', description: 'Shrimp farming course' }],
      });
      // What came of the visit: a program since approved (linked as the item-to-program step links it).
      const program = await createProgram(
        system(),
        programInputSchema.parse(
          aProgram({
            implementingOrg: OTHER,
            lifecycleStage: 'approved',
            cooperationType: 'triangular',
            recipients: [{ country: 'GT' }],
            partners: [{ org: AMEXCID, iatiRole: 1, sscRole: 'second_provider' }],
          }),
        ),
      );
      await system().store.repos.engagements.setItemProgram(g1.items[0]?.id ?? 0, program.id);
      refs.P = program.identifier;
      await engage('G2', { kind: 'call', title: 'Call with AMEXCID', startsOn: '2026-02-01', partnerOrg: AMEXCID });
      const g3 = await engage('G3', {
        kind: 'meeting',
        title: 'Meeting in Jakarta',
        startsOn: '2026-10-20',
        endsOn: '2026-10-22',
        country: 'ID',
        partnerOrg: JICA,
        items: [{ side: 'theirs', kind: 'offer', description: 'Rice farming for Mozambique', country: 'MZ' }],
        followUps: [
          { action: 'H1 overdue since yesterday', owner: JICA, dueOn: '2026-11-27' },
          { action: 'H2 due today', owner: JICA, dueOn: '2026-11-28' },
          { action: 'H3 done', owner: JICA, dueOn: '2026-11-01' },
          { action: 'H4 no due day', owner: JICA },
        ],
      });
      for (const f of g3.followUps) ids[f.action.slice(0, 2)] = f.id;
      const done = await send('coordinator', { method: 'PATCH', url: `/api/v1/follow-ups/${ids.H3}`, payload: { status: 'done' } });
      expect(done.statusCode, done.body).toBe(200);
    });

    const agreementsOf = async (query: string, who: Who = 'coordinator') =>
      (await json<{ items: { id: number }[]; total: number }>(who, { url: `/api/v1/agreements?${query}` })).items.map(
        (a) => Object.entries(ids).find(([, v]) => v === a.id)?.[0] ?? a.id,
      );
    const engagementsOf = async (query: string) =>
      (await json<{ items: { id: number }[] }>('viewer', { url: `/api/v1/engagements?${query}` })).items.map(
        (e) => Object.entries(ids).find(([k, v]) => k.startsWith('G') && v === e.id)?.[0] ?? e.id,
      );
    const followUpsOf = async (query: string) =>
      (await json<{ items: { id: number; overdue: boolean }[] }>('viewer', { url: `/api/v1/follow-ups?${query}` })).items.map(
        (f) => Object.entries(ids).find(([k, v]) => k.startsWith('H') && v === f.id)?.[0] ?? f.id,
      );

    it('filters agreements by partner, status, kind, country, text and expiry', async () => {
      // Latest signed first; a draft counts from the day it was recorded (today).
      expect(await agreementsOf(`partner=${AMEXCID}`)).toEqual(['F3', 'F2', 'F1']);
      expect(await agreementsOf(`partner=${AMEXCID.toLowerCase()}&status=signed,in_force`)).toEqual(['F2', 'F1']);
      expect(await agreementsOf(`partner=${AMEXCID}&kind=mou`)).toEqual(['F1']);
      expect(await agreementsOf('country=JP')).toEqual(['F4', 'F5']);
      expect(await agreementsOf('country=Japan&status=expired')).toEqual(['F5']);
      expect(await agreementsOf('q=MEXICO')).toEqual(['F3', 'F2', 'F1']);
      expect(await agreementsOf('q=work%20plan')).toEqual(['F3']);
      // F1 ends in 60 days, F2 in 90, F4 in 365; F5 is expired (not live).
      expect(await agreementsOf('country=MX&expiringWithin=59')).toEqual([]);
      expect(await agreementsOf('country=MX&expiringWithin=60')).toEqual(['F1']);
      expect(await agreementsOf('country=MX&expiringWithin=90')).toEqual(['F2', 'F1']);
      expect(await agreementsOf('country=JP&expiringWithin=365')).toEqual(['F4']);
      expect(await agreementsOf(`partner=${AMEXCID}`, 'anonymous')).toEqual(['F2', 'F1']);
      expect((await send('coordinator', { url: '/api/v1/agreements?status=signed,nonsense' })).statusCode).toBe(400);
      const f1 = await json<{ items: { renewal: { daysLeft: number; remindersDue: number[] } }[] }>('viewer', {
        url: `/api/v1/agreements?partner=${AMEXCID}&kind=mou`,
      });
      expect(f1.items[0]?.renewal).toMatchObject({ daysLeft: 60, remindersDue: [180, 90] });
      const csv = await send('viewer', { url: `/api/v1/agreements/export?format=csv&partner=${AMEXCID}&status=signed,in_force` });
      const rows = csv.body
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split('\r\n')
        .slice(1);
      expect(rows.map((r) => r.split(',')[3])).toEqual(['Signed', 'In force']);
      expect(rows.map((r) => r.split(',')[9])).toEqual(['90', '60']);
    });

    it('filters engagements by partner, kind, country, dates and text', async () => {
      expect(await engagementsOf(`partner=${AMEXCID}`)).toEqual(['G2', 'G1']);
      expect(await engagementsOf(`partner=${AMEXCID}&kind=call`)).toEqual(['G2']);
      // Held in Mexico (G1) or with a Mexican counterpart (G2); an item for Mozambique (G3).
      expect(await engagementsOf('country=MX')).toEqual(['G2', 'G1']);
      expect(await engagementsOf('country=MZ')).toEqual(['G3']);
      // An engagement is in a period when it overlaps it (G1 ends on 12 March 2025).
      expect(await engagementsOf('from=2025-03-12&to=2026-02-01')).toEqual(['G2', 'G1']);
      expect(await engagementsOf('from=2025-03-13&to=2026-02-01')).toEqual(['G2']);
      expect(await engagementsOf(`partner=${JICA}&from=2026-10-22&to=2026-10-22`)).toEqual(['G3']);
      expect(await engagementsOf(`partner=${JICA}&from=2026-10-23`)).toEqual([]);
      expect(await engagementsOf('q=aquaculture%20cooperation')).toEqual(['G1']);
      expect(await engagementsOf('q=rice%20farming%20for%20moz')).toEqual(['G3']);
      const g3 = (await json<{ items: { followUps: { overdue: boolean }[] }[] }>('viewer', { url: `/api/v1/engagements?partner=${JICA}` }))
        .items[0];
      expect(g3?.followUps.map((f) => f.overdue)).toEqual([false, true, false, false]);
      const csv = await send('viewer', { url: `/api/v1/engagements/export?format=csv&partner=${JICA}` });
      const row =
        csv.body
          .replace(/^\uFEFF/, '')
          .trimEnd()
          .split('\r\n')[1] ?? '';
      // Open follow-ups 3 (H1, H2, H4), overdue 1 (H1).
      expect(row).toBe(
        `${refs.G3},Meeting,Meeting in Jakarta,2026-10-20,2026-10-22,,ID,${JICA},,,Counterpart: Rice farming for Mozambique,,,3,1,${OTHER},no`,
      );
    });

    it('lists overdue follow-ups, on the coordinator’s and the owning agency’s attention list', async () => {
      expect(await followUpsOf(`owner=${JICA}`)).toEqual(['H3', 'H1', 'H2', 'H4']);
      expect(await followUpsOf(`owner=${JICA.toLowerCase()}&overdue=true`)).toEqual(['H1']);
      expect(await followUpsOf(`owner=${JICA}&overdue=false`)).toEqual(['H3', 'H2', 'H4']);
      expect(await followUpsOf(`owner=${JICA}&status=done`)).toEqual(['H3']);
      const attention = await json<{ overdueFollowUps: { id: number }[]; overdueTotal: number; expiringAgreements: { id: number }[] }>(
        'coordinator',
        { url: '/api/v1/partnerships/attention' },
      );
      expect(attention.overdueFollowUps.map((f) => f.id)).toContain(ids.H1);
      expect(attention.overdueFollowUps.map((f) => f.id)).not.toContain(ids.H2);
      expect(attention.expiringAgreements.map((a) => a.id)).toEqual(expect.arrayContaining([ids.F1, ids.F2]));
      expect(attention.expiringAgreements.map((a) => a.id)).not.toContain(ids.F4);
      const other = await json<{ overdueFollowUps: { id: number }[]; expiringAgreements: { id: number }[] }>('other_agency', {
        url: '/api/v1/partnerships/attention',
      });
      expect(other.overdueFollowUps.map((f) => f.id)).toEqual([ids.H1]);
      expect(other.expiringAgreements.map((a) => a.id)).toEqual([ids.F1, ids.F2]);
      const own = await json<{ overdueFollowUps: unknown[]; expiringAgreements: { id: number }[] }>('agency', {
        url: '/api/v1/partnerships/attention',
      });
      expect(own.overdueFollowUps).toEqual([]);
      expect(own.expiringAgreements.map((a) => a.id)).not.toContain(ids.F1);
    });

    it('lists partners with their agreements and engagements, the internal counts for the Indonesian side only', async () => {
      const list = await json<{ items: { code: string; agreements: number; engagements: number; lastEngagement: string | null }[] }>(
        'viewer',
        { url: '/api/v1/partners?q=PS-AMEXCID' },
      );
      expect(list.items).toEqual([
        expect.objectContaining({ code: AMEXCID, programs: 1, triangular: 1, agreements: 3, engagements: 2, lastEngagement: '2026-02-01' }),
      ]);
      const publicList = await json<{ items: { code: string; agreements: number; engagements: number; lastEngagement: string | null }[] }>(
        'anonymous',
        { url: '/api/v1/partners?q=PS-AMEXCID' },
      );
      expect(publicList.items).toEqual([expect.objectContaining({ code: AMEXCID, agreements: 2, engagements: 0, lastEngagement: null })]);
      const timeline = await json<{ items: { kind: string; reference: string; fromEngagement: string | null }[] }>('viewer', {
        url: `/api/v1/partners/${AMEXCID}/timeline`,
      });
      // F3 (recorded today), F2 (signed 2026-03-01), G2 (2026-02-01), G1 (2025-03-10), F1 (signed 2025-01-10), the program (2018).
      expect(timeline.items.map((t) => t.reference)).toEqual([refs.F3, refs.F2, refs.G2, refs.G1, refs.F1, refs.P]);
      expect(timeline.items.at(-1)).toMatchObject({ kind: 'program', fromEngagement: refs.G1 });
      // The public sees signed agreements and published programs, and not which engagement a program came from.
      const publicTimeline = await json<{ items: { reference: string; fromEngagement: string | null }[] }>('anonymous', {
        url: `/api/v1/partners/${AMEXCID}/timeline`,
      });
      expect(publicTimeline.items.map((t) => [t.reference, t.fromEngagement])).toEqual([
        [refs.F2, null],
        [refs.F1, null],
        [refs.P, null],
      ]);
    });
  });
});
