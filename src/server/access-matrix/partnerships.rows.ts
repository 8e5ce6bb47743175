/**
 * Rows of the access matrix (fixtures.ts): partners, agreements, engagements and follow-ups
 * (docs/partnerships.md). The records belong to the signed-in agency; Brazil's cooperation agency
 * is the partner. Agreements once signed, and their public documents, are public; drafts,
 * engagements and follow-ups are internal to the Indonesian side (a focal point is refused).
 */
import { organisationInputSchema } from '../../domain/organisation/organisation.schema.js';
import { agreementInputSchema, engagementInputSchema } from '../../domain/partnership/partnership.schema.js';
import { programInputSchema } from '../../domain/program/program.schema.js';
import { createAgreement, linkAgreementProgram, uploadAgreementDocument } from '../../services/agreements.js';
import { createEngagement } from '../../services/engagements.js';
import { createOrganisation } from '../../services/organisations.js';
import { createProgram } from '../../services/programs.js';
import { aProgram } from '../../testing/builders.js';
import { coordination, everyone, OWN, ownAgency, signedIn, type Expect, type Matrix, type Row } from './fixtures.js';

const ABC = 'BR-MX-ABC';
const MAX = 5 * 1024 * 1024;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** Signed in on the Indonesian side; a focal point is refused. */
const internal = (status: number): Expect => ({ ...signedIn(status), focal_point: 403 });
/** Signed in on the Indonesian side; to focal points and the public the record does not exist. */
const hidden = (status: number): Expect => ({ ...everyone(status), focal_point: 404, anonymous: 404 });
/** Who records and changes agreements and engagements: the coordination team and the owning agency. */
const creators = ownAgency;
const editors = ownAgency;

/** A multipart body with text fields and one file. */
function form(fields: Record<string, string>, file: { name: string; bytes: Buffer }): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----mitra-matrix-boundary';
  const parts: Buffer[] = Object.entries(fields).map(([k, v]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
  );
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    file.bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export const partnershipRows = (m: Matrix): readonly Row[] => {
  const agreement = async (extra: Record<string, unknown> = {}) =>
    createAgreement(
      m.app().deps,
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
  const engagement = async () =>
    createEngagement(
      m.app().deps,
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
      }),
    );
  const upload = async (agreementId: number, title: string, isPublic: boolean) =>
    (await uploadAgreementDocument(m.app().deps, agreementId, { title, isPublic, fileName: 'text.pdf', bytes: PDF }, MAX)).id;
  const approvedProgram = async () =>
    createProgram(
      m.app().deps,
      programInputSchema.parse(
        aProgram({
          implementingOrg: OWN,
          lifecycleStage: 'approved',
          cooperationType: 'triangular',
          partners: [{ org: ABC, iatiRole: 1, sscRole: 'second_provider' }],
        }),
      ),
    );
  let records:
    | Promise<{ draftId: number; draftPublicDocId: number; signedId: number; privateDocId: number; publicDocId: number; programId: number }>
    | undefined;
  /** The partner, a draft and a signed agreement with their documents, and a program under the signed one (made once). */
  const linked = () =>
    (records ??= (async () => {
      await createOrganisation(
        m.app().deps,
        organisationInputSchema.parse({
          code: ABC,
          nameEn: 'Brazilian Cooperation Agency',
          acronym: 'ABC',
          type: '10',
          countryCode: 'BR',
          kind: 'partner',
        }),
      );
      const draftId = (await agreement({ titleEn: 'Draft MoU with Brazil' })).id;
      const draftPublicDocId = await upload(draftId, 'Draft text', true);
      const signedId = (await signed()).id;
      const privateDocId = await upload(signedId, 'Signed text', false);
      const publicDocId = await upload(signedId, 'Press release', true);
      const program = await approvedProgram();
      await linkAgreementProgram(m.app().deps, signedId, program.identifier);
      return { draftId, draftPublicDocId, signedId, privateDocId, publicDocId, programId: program.id };
    })());

  const rows: readonly Row[] = [
    // Partners and timelines: public, with the internal parts left out for the public.
    { route: 'GET /api/v1/partners', call: async () => ({ url: '/api/v1/partners' }), expect: everyone(200) },
    { route: 'GET /api/v1/partners/export', call: async () => ({ url: '/api/v1/partners/export?format=csv' }), expect: everyone(200) },
    { route: 'GET /api/v1/partners/:code', call: async () => ({ url: `/api/v1/partners/${ABC}` }), expect: everyone(200) },
    {
      route: 'GET /api/v1/partners/:code/timeline',
      call: async () => ({ url: `/api/v1/partners/${ABC}/timeline` }),
      expect: everyone(200),
    },
    {
      route: 'GET /api/v1/countries/:country/partnership-timeline',
      call: async () => ({ url: '/api/v1/countries/BR/partnership-timeline' }),
      expect: everyone(200),
    },
    {
      route: 'PUT /api/v1/partners/:code/contacts',
      call: async () => ({
        method: 'PUT',
        url: `/api/v1/partners/${ABC}/contacts`,
        payload: { website: 'https://www.gov.br/abc', contacts: [{ name: 'Ana Souza', email: 'ana@example.org' }] },
      }),
      expect: coordination(200),
    },
    { route: 'GET /api/v1/partnerships/attention', call: async () => ({ url: '/api/v1/partnerships/attention' }), expect: internal(200) },
    {
      route: 'GET /api/v1/activities/:id/partnership',
      call: async () => ({ url: `/api/v1/activities/${(await linked()).programId}/partnership` }),
      expect: everyone(200),
    },
    {
      route: 'GET /api/v1/activities/:id/partnership',
      name: 'of a request under a signed agreement',
      call: async () => {
        const request = await m.program('request', OWN, {
          cooperationType: 'triangular',
          partners: [{ org: ABC, iatiRole: 1, sscRole: 'second_provider' }],
        });
        await linkAgreementProgram(m.app().deps, (await linked()).signedId, request.identifier);
        return { url: `/api/v1/activities/${request.id}/partnership` };
      },
      // The public gets empty lists (as for any id): the agreement of an unpublished program is not shown.
      expect: everyone(200),
    },
    // Agreements: signed ones are public, drafts internal.
    { route: 'GET /api/v1/agreements', call: async () => ({ url: '/api/v1/agreements' }), expect: everyone(200) },
    { route: 'GET /api/v1/agreements/export', call: async () => ({ url: '/api/v1/agreements/export?format=xlsx' }), expect: everyone(200) },
    {
      route: 'GET /api/v1/agreements/:id',
      name: 'of a draft',
      call: async () => ({ url: `/api/v1/agreements/${(await linked()).draftId}` }),
      expect: hidden(200),
    },
    {
      route: 'GET /api/v1/agreements/:id',
      name: 'of a signed agreement',
      call: async () => ({ url: `/api/v1/agreements/${(await linked()).signedId}` }),
      expect: everyone(200),
    },
    {
      route: 'GET /api/v1/agreement-documents/:id',
      name: 'private, of a signed agreement',
      call: async () => ({ url: `/api/v1/agreement-documents/${(await linked()).privateDocId}` }),
      expect: hidden(200),
    },
    {
      route: 'GET /api/v1/agreement-documents/:id',
      name: 'public, of a signed agreement',
      call: async () => ({ url: `/api/v1/agreement-documents/${(await linked()).publicDocId}` }),
      expect: everyone(200),
    },
    {
      route: 'GET /api/v1/agreement-documents/:id',
      name: 'public, of a draft',
      call: async () => ({ url: `/api/v1/agreement-documents/${(await linked()).draftPublicDocId}` }),
      expect: hidden(200),
    },
    {
      route: 'POST /api/v1/agreements',
      name: 'own agency by default',
      call: async () => ({
        method: 'POST',
        url: '/api/v1/agreements',
        payload: { kind: 'mou', titleEn: 'New MoU', parties: [{ org: ABC }] },
      }),
      expect: creators(201),
    },
    {
      route: 'POST /api/v1/agreements',
      name: 'owned by the agency',
      call: async () => ({
        method: 'POST',
        url: '/api/v1/agreements',
        payload: { kind: 'mou', titleEn: 'New MoU', parties: [{ country: 'BR' }], ownerOrg: OWN },
      }),
      expect: editors(201),
    },
    {
      route: 'DELETE /api/v1/agreements/:id',
      name: 'of a draft',
      call: async () => ({ method: 'DELETE', url: `/api/v1/agreements/${(await agreement()).id}` }),
      expect: editors(204),
    },
    {
      route: 'PATCH /api/v1/agreements/:id',
      call: async () => ({
        method: 'PATCH',
        url: `/api/v1/agreements/${(await agreement()).id}`,
        payload: { subject: 'Agriculture and fisheries' },
      }),
      expect: editors(200),
    },
    {
      route: 'POST /api/v1/agreements/:id/status',
      call: async () => ({ method: 'POST', url: `/api/v1/agreements/${(await agreement()).id}/status`, payload: { to: 'negotiation' } }),
      expect: editors(200),
    },
    {
      route: 'POST /api/v1/agreements/:id/programs',
      call: async () => ({
        method: 'POST',
        url: `/api/v1/agreements/${(await signed()).id}/programs`,
        payload: { identifier: (await approvedProgram()).identifier },
      }),
      expect: editors(200),
    },
    {
      route: 'DELETE /api/v1/agreements/:id/programs/:activityId',
      call: async () => {
        const [a, p] = [await signed(), await approvedProgram()];
        await linkAgreementProgram(m.app().deps, a.id, p.identifier);
        return { method: 'DELETE', url: `/api/v1/agreements/${a.id}/programs/${p.id}` };
      },
      expect: editors(200),
    },
    {
      route: 'POST /api/v1/agreements/:id/documents',
      call: async () => ({
        method: 'POST',
        url: `/api/v1/agreements/${(await signed()).id}/documents`,
        ...form({ title: 'Signed text' }, { name: 'signed.pdf', bytes: PDF }),
      }),
      expect: editors(201),
    },
    {
      route: 'PATCH /api/v1/agreement-documents/:id',
      call: async () => ({
        method: 'PATCH',
        url: `/api/v1/agreement-documents/${await upload((await signed()).id, 'Annex', false)}`,
        payload: { isPublic: true },
      }),
      expect: editors(200),
    },
    {
      route: 'POST /api/v1/agreements/reminders',
      call: async () => ({ method: 'POST', url: '/api/v1/agreements/reminders' }),
      expect: coordination(200),
    },
    // Engagements and follow-ups: internal to the Indonesian side.
    { route: 'GET /api/v1/engagements', call: async () => ({ url: '/api/v1/engagements' }), expect: internal(200) },
    {
      route: 'GET /api/v1/engagements/export',
      call: async () => ({ url: '/api/v1/engagements/export?format=csv' }),
      expect: internal(200),
    },
    {
      route: 'GET /api/v1/engagements/:id',
      call: async () => ({ url: `/api/v1/engagements/${(await engagement()).id}` }),
      expect: internal(200),
    },
    { route: 'GET /api/v1/follow-ups', call: async () => ({ url: '/api/v1/follow-ups' }), expect: internal(200) },
    { route: 'GET /api/v1/follow-ups/export', call: async () => ({ url: '/api/v1/follow-ups/export?format=xlsx' }), expect: internal(200) },
    {
      route: 'POST /api/v1/engagements',
      name: 'own agency by default',
      call: async () => ({
        method: 'POST',
        url: '/api/v1/engagements',
        payload: { kind: 'call', title: 'Call with ABC', startsOn: '2026-11-20', partnerOrg: ABC },
      }),
      expect: creators(201),
    },
    {
      route: 'POST /api/v1/engagements',
      name: 'owned by the agency',
      call: async () => ({
        method: 'POST',
        url: '/api/v1/engagements',
        payload: { kind: 'call', title: 'Call with ABC', startsOn: '2026-11-20', ownerOrg: OWN },
      }),
      expect: editors(201),
    },
    {
      route: 'DELETE /api/v1/engagements/:id',
      call: async () => ({ method: 'DELETE', url: `/api/v1/engagements/${(await engagement()).id}` }),
      expect: editors(204),
    },
    {
      route: 'PATCH /api/v1/engagements/:id',
      call: async () => ({
        method: 'PATCH',
        url: `/api/v1/engagements/${(await engagement()).id}`,
        payload: { outcome: 'Draft MoU agreed' },
      }),
      expect: editors(200),
    },
    {
      route: 'POST /api/v1/engagements/:id/items',
      call: async () => ({
        method: 'POST',
        url: `/api/v1/engagements/${(await engagement()).id}/items`,
        payload: { side: 'ours', kind: 'offer', description: 'Aquaculture course' },
      }),
      expect: editors(201),
    },
    {
      route: 'DELETE /api/v1/engagement-items/:id',
      call: async () => ({ method: 'DELETE', url: `/api/v1/engagement-items/${(await engagement()).items[0]?.id}` }),
      expect: editors(200),
    },
    {
      route: 'POST /api/v1/engagement-items/:id/program',
      call: async () => ({ method: 'POST', url: `/api/v1/engagement-items/${(await engagement()).items[0]?.id}/program`, payload: {} }),
      expect: editors(201),
    },
    {
      route: 'POST /api/v1/engagements/:id/follow-ups',
      call: async () => ({
        method: 'POST',
        url: `/api/v1/engagements/${(await engagement()).id}/follow-ups`,
        payload: { action: 'Share the curriculum', owner: ABC, dueOn: '2027-01-15' },
      }),
      expect: editors(201),
    },
    {
      route: 'PATCH /api/v1/follow-ups/:id',
      call: async () => ({
        method: 'PATCH',
        url: `/api/v1/follow-ups/${(await engagement()).followUps[0]?.id}`,
        payload: { status: 'done' },
      }),
      expect: editors(200),
    },
  ];
  // Every row needs the partner and the agreements: made by the first call, whichever row it is.
  return rows.map((row) => ({
    ...row,
    call: async (who) => {
      await linked();
      return row.call(who);
    },
  }));
};
