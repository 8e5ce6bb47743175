/**
 * Rows of the access matrix (fixtures.ts): offers and nominations, participants' records,
 * attendance and certificates, alumni and their surveys, and planning rounds.
 */
import { coordination, everyone, nominators, OWN, ownAgency, signedIn, type Matrix, type Row, type Who } from './fixtures.js';

const BOUNDARY = '----mitra-matrix-boundary';
/** A multipart body with one small PDF in the field "cv". */
const cvUpload = (): { payload: Buffer; headers: Record<string, string> } => ({
  payload: Buffer.concat([
    Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="cv"; filename="cv.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
    Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]),
  headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
});

/** A candidate nominated to an offer (the consent is required). */
const candidate = (who: Who, n: number) => ({
  fullName: `Candidate ${n}`,
  sex: 'F',
  country: 'KE',
  organisation: 'Ministry of Agriculture',
  email: `candidate.${who.replace('_', '-')}.${n}@example.org`,
  consent: true,
});

export const nominationRows = (m: Matrix): readonly Row[] => {
  /** An open offer of a new approved program of the own agency. */
  const offer = async (): Promise<{ activityId: number; offerId: number }> => {
    const activityId = (await m.program('approved')).id;
    const r = await m.send('coordinator', {
      method: 'PUT',
      url: `/api/v1/activities/${activityId}/offer`,
      payload: { summaryEn: 'Aquaculture', summaryId: 'Budi daya', deadline: '2027-06-01T00:00:00.000Z', quotaDefault: 2, status: 'open' },
    });
    return { activityId, offerId: (r.json() as { id: number }).id };
  };
  let shared: Promise<{ activityId: number; offerId: number }> | undefined;
  const sharedOffer = () => (shared ??= offer());
  /** A participant nominated by the embassy to an open offer. */
  const nominated = async (): Promise<{ offerId: number; participantId: number }> => {
    const { offerId } = await offer();
    const r = await m.send('embassy', {
      method: 'POST',
      url: `/api/v1/offers/${offerId}/nominations`,
      payload: candidate('embassy', m.next()),
    });
    return { offerId, participantId: (r.json() as { nomination: { id: number } }).nomination.id };
  };
  const nominee = async (): Promise<number> => (await nominated()).participantId;
  /** Ten course days, 2–11 March 2026 (the fixed clock's year). */
  const DAYS = Array.from({ length: 10 }, (_, i) => `2026-03-${String(i + 2).padStart(2, '0')}`);
  /** A certificate issued to a participant present every day of a course of the own agency. */
  const certificate = async (): Promise<{ participantId: number; certificateId: number; token: string }> => {
    const program = await m.program('implementation', OWN, { plannedStart: DAYS[0], plannedEnd: DAYS[9] });
    const participantId = await m.participant(program.id, { status: 'confirmed' });
    const url = `/api/v1/activities/${program.id}`;
    await m.send('coordinator', {
      method: 'PUT',
      url: `${url}/attendance`,
      payload: { marks: DAYS.map((day) => ({ participantId, day, present: true })) },
    });
    await m.send('coordinator', { method: 'POST', url: `${url}/attendance/close` });
    await m.send('coordinator', { method: 'POST', url: `${url}/certificates` });
    const issued = await m.app().deps.store.repos.certificates.findByParticipant(participantId);
    if (!issued) throw new Error('no certificate issued');
    return { participantId, certificateId: issued.id, token: issued.verifyToken };
  };
  /** A document (a CV) the embassy uploaded for its nominee. */
  const document = async (): Promise<number> => {
    const r = await m.send('embassy', { method: 'POST', url: `/api/v1/participants/${await nominee()}/documents`, ...cvUpload() });
    return (r.json() as { items: { id: number }[] }).items[0]?.id ?? 0;
  };
  /** A round of planning of a year of its own, with a program of the own agency in it. */
  const round = async (): Promise<number> => {
    const year = 1990 + m.next();
    await m.program('funded', OWN, { plannedStart: `${year}-04-01`, plannedEnd: `${year}-04-03` });
    const r = await m.send('coordinator', { method: 'POST', url: '/api/v1/rounds', payload: { year, deadlineDate: '2027-01-15' } });
    return (r.json() as { id: number }).id;
  };
  return [
    // Offers and nominations
    { route: 'GET /api/v1/offers', call: async () => ({ url: '/api/v1/offers' }), expect: everyone(200) },
    {
      route: 'GET /api/v1/offers/:id',
      call: async () => ({ url: `/api/v1/offers/${(await sharedOffer()).offerId}` }),
      expect: everyone(200),
    },
    {
      route: 'GET /api/v1/activities/:id/offer',
      call: async () => ({ url: `/api/v1/activities/${(await sharedOffer()).activityId}/offer` }),
      expect: everyone(200),
    },
    {
      route: 'GET /api/v1/activities/:id/offer',
      name: 'of a request: none (as for any id, so nothing tells the public the request exists)',
      call: async () => ({ url: `/api/v1/activities/${m.own.request}/offer` }),
      expect: everyone(200),
    },
    {
      route: 'PUT /api/v1/activities/:id/offer',
      name: 'of the own agency’s approved program',
      call: async () => ({
        method: 'PUT',
        url: `/api/v1/activities/${(await m.program('approved')).id}/offer`,
        payload: {
          summaryEn: 'Aquaculture',
          summaryId: 'Budi daya',
          deadline: '2027-06-01T00:00:00.000Z',
          quotaDefault: 2,
          status: 'open',
        },
      }),
      expect: ownAgency(200),
    },
    {
      route: 'POST /api/v1/offers/:id/nominations',
      call: async (who) => ({
        method: 'POST',
        url: `/api/v1/offers/${(await sharedOffer()).offerId}/nominations`,
        payload: candidate(who, m.next()),
      }),
      expect: { ...coordination(201), ...nominators(201) },
    },
    {
      route: 'GET /api/v1/offers/:id/nominations',
      call: async () => ({ url: `/api/v1/offers/${(await sharedOffer()).offerId}/nominations` }),
      expect: signedIn(200),
    },
    {
      route: 'POST /api/v1/offers/:id/nominations/review',
      call: async () => {
        const { offerId, participantId } = await nominated();
        return {
          method: 'POST',
          url: `/api/v1/offers/${offerId}/nominations/review`,
          payload: { changes: [{ participantId, status: 'selected' }] },
        };
      },
      expect: ownAgency(200),
    },
    {
      route: 'POST /api/v1/offers/:id/select-within-quotas',
      call: async () => ({ method: 'POST', url: `/api/v1/offers/${(await offer()).offerId}/select-within-quotas`, payload: {} }),
      expect: ownAgency(200),
    },
    {
      route: 'POST /api/v1/offers/:id/close',
      call: async () => ({ method: 'POST', url: `/api/v1/offers/${(await offer()).offerId}/close` }),
      expect: ownAgency(200),
    },
    {
      route: 'POST /api/v1/offers/:id/reopen',
      call: async () => {
        const { offerId } = await offer();
        await m.send('coordinator', { method: 'POST', url: `/api/v1/offers/${offerId}/close` });
        return { method: 'POST', url: `/api/v1/offers/${offerId}/reopen` };
      },
      expect: ownAgency(200),
    },
    {
      route: 'GET /api/v1/my/nominations',
      call: async () => ({ url: '/api/v1/my/nominations' }),
      expect: { ...everyone(403), ...nominators(200), anonymous: 401 },
    },
    // A participant's records
    {
      route: 'POST /api/v1/participants/:id/status',
      name: 'withdraw the embassy’s nominee',
      call: async () => ({ method: 'POST', url: `/api/v1/participants/${await nominee()}/status`, payload: { status: 'withdrawn' } }),
      expect: { ...ownAgency(200), embassy: 200 },
    },
    {
      route: 'GET /api/v1/participants/:id/history',
      call: async () => ({ url: `/api/v1/participants/${await nominee()}/history` }),
      expect: { ...ownAgency(200), embassy: 200 },
    },
    {
      route: 'GET /api/v1/participants/:id/documents',
      call: async () => ({ url: `/api/v1/participants/${await nominee()}/documents` }),
      expect: { ...ownAgency(200), embassy: 200 },
    },
    {
      route: 'POST /api/v1/participants/:id/documents',
      name: 'a CV of the embassy’s nominee',
      call: async () => ({ method: 'POST', url: `/api/v1/participants/${await nominee()}/documents`, ...cvUpload() }),
      expect: { ...ownAgency(201), embassy: 201 },
    },
    {
      route: 'GET /api/v1/documents/:id',
      name: 'an unknown document',
      call: async () => ({ url: '/api/v1/documents/999999' }),
      expect: signedIn(404),
    },
    {
      route: 'POST /api/v1/participants/:id/erase',
      call: async () => ({
        method: 'POST',
        url: `/api/v1/participants/${await m.participant(m.own.approved)}/erase`,
        payload: { reason: 'request by email' },
      }),
      expect: coordination(200),
    },
    {
      route: 'GET /api/v1/participants/:id/certificate.pdf',
      name: 'none issued',
      call: async () => ({ url: `/api/v1/participants/${await m.participant(m.own.approved)}/certificate.pdf` }),
      expect: { ...ownAgency(404), ...nominators(403), viewer: 403 },
    },
    // Attendance and certificates
    {
      route: 'GET /api/v1/activities/:id/attendance',
      call: async () => ({ url: `/api/v1/activities/${(await m.program('implementation')).id}/attendance` }),
      expect: ownAgency(200),
    },
    {
      route: 'PUT /api/v1/activities/:id/attendance',
      call: async () => ({
        method: 'PUT',
        url: `/api/v1/activities/${(await m.program('implementation')).id}/attendance`,
        payload: { marks: [] },
      }),
      expect: ownAgency(200),
    },
    {
      route: 'POST /api/v1/activities/:id/attendance/close',
      call: async () => ({ method: 'POST', url: `/api/v1/activities/${(await m.program('completed')).id}/attendance/close` }),
      expect: ownAgency(200),
    },
    {
      route: 'POST /api/v1/activities/:id/certificates',
      call: async () => ({ method: 'POST', url: `/api/v1/activities/${(await m.program('completed')).id}/certificates` }),
      expect: ownAgency(200),
    },
    {
      route: 'GET /api/v1/participants/:id/certificate.pdf',
      name: 'issued',
      call: async () => ({ url: `/api/v1/participants/${(await certificate()).participantId}/certificate.pdf` }),
      expect: { ...ownAgency(200), ...nominators(403), viewer: 403 },
    },
    {
      route: 'POST /api/v1/certificates/:id/revoke',
      call: async () => ({
        method: 'POST',
        url: `/api/v1/certificates/${(await certificate()).certificateId}/revoke`,
        payload: { reason: 'issued in error' },
      }),
      expect: ownAgency(200),
    },
    {
      route: 'GET /api/v1/verify/:token',
      call: async () => ({ url: `/api/v1/verify/${(await certificate()).token}` }),
      expect: everyone(200),
    },
    {
      route: 'GET /api/v1/documents/:id',
      name: 'a CV the embassy uploaded for its nominee',
      call: async () => ({ url: `/api/v1/documents/${await document()}` }),
      expect: { ...ownAgency(200), embassy: 200 },
    },
    {
      route: 'POST /api/v1/certificates/:id/revoke',
      name: 'an unknown certificate',
      call: async () => ({ method: 'POST', url: '/api/v1/certificates/999999/revoke', payload: { reason: 'issued in error' } }),
      expect: signedIn(404),
    },
    {
      route: 'GET /api/v1/verify/:token',
      name: 'an unknown token',
      call: async () => ({ url: '/api/v1/verify/0123456789abcdefXYZ' }),
      expect: everyone(404),
    },
    // Alumni and their surveys
    { route: 'GET /api/v1/alumni', call: async () => ({ url: '/api/v1/alumni' }), expect: { ...signedIn(200), viewer: 403 } },
    {
      route: 'GET /api/v1/alumni/:id',
      call: async () => ({ url: `/api/v1/alumni/${await m.participant(m.own.approved)}` }),
      expect: { ...ownAgency(200), ...nominators(404) },
    },
    { route: 'GET /api/v1/surveys', call: async () => ({ url: '/api/v1/surveys' }), expect: coordination(200) },
    {
      route: 'PUT /api/v1/surveys',
      call: async (who) => ({
        method: 'PUT',
        url: '/api/v1/surveys',
        payload: {
          code: `matrix_${who}_${m.next()}`,
          nameEn: 'After two years',
          nameId: 'Setelah dua tahun',
          monthsAfter: 24,
          active: false,
          questions: [{ id: 'still', kind: 'yes_no', labelEn: 'Still?', labelId: 'Masih?', measure: 'still_in_contact' }],
        },
      }),
      expect: coordination(201),
    },
    {
      route: 'POST /api/v1/surveys/send-due',
      call: async () => ({ method: 'POST', url: '/api/v1/surveys/send-due', payload: {} }),
      expect: coordination(200),
    },
    {
      route: 'GET /api/v1/survey-answers/:token',
      name: 'an unknown token',
      call: async () => ({ url: '/api/v1/survey-answers/0123456789abcdefXYZ' }),
      expect: everyone(404),
    },
    {
      route: 'POST /api/v1/survey-answers/:token',
      name: 'an unknown token',
      call: async () => ({ method: 'POST', url: '/api/v1/survey-answers/0123456789abcdefXYZ', payload: { answers: {} } }),
      expect: everyone(404),
    },
    {
      route: 'GET /api/v1/activities/:id/survey-results',
      call: async () => ({ url: `/api/v1/activities/${m.own.evaluated}/survey-results` }),
      expect: ownAgency(200),
    },
    // Planning rounds
    { route: 'GET /api/v1/rounds', call: async () => ({ url: '/api/v1/rounds' }), expect: ownAgency(200) },
    {
      route: 'POST /api/v1/rounds',
      call: async () => ({ method: 'POST', url: '/api/v1/rounds', payload: { year: 1990 + m.next(), deadlineDate: '2027-01-15' } }),
      expect: coordination(201),
    },
    { route: 'GET /api/v1/rounds/:id', call: async () => ({ url: `/api/v1/rounds/${await round()}` }), expect: coordination(200) },
    {
      route: 'POST /api/v1/rounds/:id/close',
      call: async () => ({ method: 'POST', url: `/api/v1/rounds/${await round()}/close` }),
      expect: coordination(200),
    },
    {
      route: 'GET /api/v1/rounds/:id/agencies/:agency',
      call: async () => ({ url: `/api/v1/rounds/${await round()}/agencies/${OWN}` }),
      expect: ownAgency(200),
    },
    {
      route: 'POST /api/v1/rounds/:id/agencies/:agency/confirm',
      call: async () => ({ method: 'POST', url: `/api/v1/rounds/${await round()}/agencies/${OWN}/confirm`, payload: { note: 'Checked' } }),
      expect: ownAgency(200),
    },
    {
      route: 'POST /api/v1/rounds/:id/agencies/:agency/reopen',
      call: async () => {
        const id = await round();
        await m.send('coordinator', { method: 'POST', url: `/api/v1/rounds/${id}/agencies/${OWN}/confirm`, payload: { note: 'Checked' } });
        return { method: 'POST', url: `/api/v1/rounds/${id}/agencies/${OWN}/reopen`, payload: { reason: 'A program was missing' } };
      },
      expect: coordination(200),
    },
  ];
};
