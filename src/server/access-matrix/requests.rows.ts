/**
 * Rows of the access matrix (fixtures.ts): requests for assistance (docs/requests.md). The focal
 * point works for Kenya's ministry: Kenya's requests are its own, Timor-Leste's are not.
 */
import { requestInputSchema, type RequestInputRequest } from '../../domain/request/request.schema.js';
import { assessRequest, declineRequest, registerRequest } from '../../services/requests.js';
import { coordination, EMBASSY, OWN, signedIn, type Matrix, type Row } from './fixtures.js';

export const requestRows = (m: Matrix): readonly Row[] => {
  const input = (extra: Partial<RequestInputRequest> = {}) => ({
    country: 'KE',
    topic: 'Community-based disaster risk management',
    flagshipArea: 'DEV-DRM',
    sectorCode: '43060',
    modality: 'training',
    receivedOn: '2026-05-04',
    ...extra,
  });
  const aRequest = async (extra: Partial<RequestInputRequest> = {}) =>
    (await registerRequest(m.app().deps, requestInputSchema.parse(input(extra)))).id;
  const anAssessedRequest = async () => {
    const id = await aRequest();
    await assessRequest(m.app().deps, id, {});
    return id;
  };
  let kenya: Promise<number> | undefined;
  let timor: Promise<number> | undefined;
  const ofKenya = () => (kenya ??= aRequest());
  const ofTimor = () =>
    (timor ??= aRequest({ country: 'TL', topic: 'Agricultural extension', flagshipArea: 'DEV-AGR', sectorCode: '31166' }));
  return [
    { route: 'GET /api/v1/requests', call: async () => ({ url: '/api/v1/requests' }), expect: signedIn(200) },
    {
      route: 'GET /api/v1/requests/:id',
      name: 'of Kenya',
      call: async () => ({ url: `/api/v1/requests/${await ofKenya()}` }),
      expect: signedIn(200),
    },
    {
      route: 'GET /api/v1/requests/:id',
      name: 'of Timor-Leste',
      call: async () => ({ url: `/api/v1/requests/${await ofTimor()}` }),
      expect: { ...signedIn(200), focal_point: 404 },
    },
    {
      route: 'GET /api/v1/requests/:id/matches',
      name: 'of Kenya',
      call: async () => ({ url: `/api/v1/requests/${await ofKenya()}/matches` }),
      expect: signedIn(200),
    },
    {
      route: 'GET /api/v1/requests/:id/matches',
      name: 'of Timor-Leste',
      call: async () => ({ url: `/api/v1/requests/${await ofTimor()}/matches` }),
      expect: { ...signedIn(200), focal_point: 404 },
    },
    {
      route: 'POST /api/v1/requests',
      name: 'from Kenya',
      call: async () => ({ method: 'POST', url: '/api/v1/requests', payload: input() }),
      expect: { ...signedIn(403), admin: 201, coordinator: 201, embassy: 201, focal_point: 201 },
    },
    {
      route: 'POST /api/v1/requests',
      name: 'from Timor-Leste',
      call: async () => ({ method: 'POST', url: '/api/v1/requests', payload: input({ country: 'TL' }) }),
      expect: { ...signedIn(403), admin: 201, coordinator: 201, embassy: 201 },
    },
    {
      route: 'POST /api/v1/requests/:id/assess',
      call: async () => ({ method: 'POST', url: `/api/v1/requests/${await aRequest()}/assess`, payload: {} }),
      expect: coordination(200),
    },
    {
      route: 'POST /api/v1/requests/:id/decline',
      call: async () => ({ method: 'POST', url: `/api/v1/requests/${await aRequest()}/decline`, payload: { note: 'Not this year' } }),
      expect: coordination(200),
    },
    {
      route: 'POST /api/v1/requests/:id/accept',
      call: async () => ({
        method: 'POST',
        url: `/api/v1/requests/${await anAssessedRequest()}/accept`,
        payload: { implementingOrg: OWN },
      }),
      expect: coordination(200),
    },
    {
      route: 'PATCH /api/v1/requests/:id',
      name: 'registered',
      call: async () => ({ method: 'PATCH', url: `/api/v1/requests/${await aRequest()}`, payload: { topic: 'Corrected topic' } }),
      expect: coordination(200),
    },
    {
      route: 'PATCH /api/v1/requests/:id',
      name: 'registered, relayed by the embassy',
      call: async () => ({
        method: 'PATCH',
        url: `/api/v1/requests/${await aRequest({ relayedBy: EMBASSY })}`,
        payload: { periodTo: '2027-03-26' },
      }),
      expect: { ...coordination(200), embassy: 200 },
    },
    {
      route: 'PATCH /api/v1/requests/:id',
      name: 'under assessment, relayed by the embassy',
      call: async () => {
        const id = await aRequest({ relayedBy: EMBASSY });
        await assessRequest(m.app().deps, id, {});
        return { method: 'PATCH', url: `/api/v1/requests/${id}`, payload: { topic: 'Corrected topic' } };
      },
      expect: coordination(200),
    },
    {
      route: 'PATCH /api/v1/requests/:id',
      name: 'declined',
      call: async () => {
        const id = await aRequest({ relayedBy: EMBASSY });
        await declineRequest(m.app().deps, id, { note: 'Not this year' });
        return { method: 'PATCH', url: `/api/v1/requests/${id}`, payload: { topic: 'Corrected topic' } };
      },
      expect: { ...coordination(409), embassy: 409 },
    },
    {
      route: 'DELETE /api/v1/requests/:id',
      name: 'registered, relayed by the embassy',
      call: async () => ({ method: 'DELETE', url: `/api/v1/requests/${await aRequest({ relayedBy: EMBASSY })}` }),
      expect: { ...coordination(204), embassy: 204 },
    },
    {
      route: 'DELETE /api/v1/requests/:id',
      name: 'under assessment',
      call: async () => ({ method: 'DELETE', url: `/api/v1/requests/${await anAssessedRequest()}` }),
      expect: coordination(409),
    },
  ];
};
