/**
 * Personal data protection (UU PDP, UU No. 27/2022; docs/privacy.md): access requests — find
 * the person, then download everything held about them as JSON or PDF (Art. 7). The
 * coordination team only; every export is audited. A person is named in addresses by one of
 * their participant records, never by email or person key (those go in a request body).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { personLookupSchema, toLookup } from '../domain/personal-data/access.js';
import type { ServiceDeps } from '../services/deps.js';
import { exportPersonalData, findPerson } from '../services/personal-data.js';
import { depsFor } from './auth.js';
import { asAttachment } from './downloads.js';
import { idParams } from './http-helpers.js';
import { problemResponses } from './problem.js';

const TAG = ['Personal data'];

const personFoundSchema = z
  .object({
    personKey: z.string(),
    records: z.array(
      z.object({
        participantId: z.number().int(),
        activityId: z.number().int(),
        fullName: z.string(),
        status: z.string(),
        erasedAt: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'PersonFound' });

export function registerPersonalDataRoutes(root: FastifyInstance, deps: ServiceDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/v1/personal-data/lookup',
    {
      schema: {
        tags: TAG,
        summary:
          'Find the person of an access request by a participant record, an email or a person key, and list their records (coordination team)',
        body: personLookupSchema,
        response: { 200: personFoundSchema, ...problemResponses },
      },
    },
    async (request) => {
      const found = await findPerson(depsFor(deps, request), toLookup(request.body));
      return { personKey: found.personKey, records: [...found.records] };
    },
  );

  app.get(
    '/api/v1/personal-data/:id/export.json',
    {
      schema: {
        tags: TAG,
        summary:
          'Everything Mitra holds about the person of participant record {id}, over all their records (UU PDP Art. 7), as JSON: coordination team; audited',
        params: idParams,
      },
    },
    async (request, reply) => {
      const e = await exportPersonalData(depsFor(deps, request), { participantId: request.params.id }, 'json');
      return asAttachment(reply, 'application/json; charset=utf-8', `personal-data-${request.params.id}.json`).send(
        JSON.stringify(e, null, 2),
      );
    },
  );

  app.get(
    '/api/v1/personal-data/:id/export.pdf',
    {
      schema: {
        tags: TAG,
        summary: 'The same export as a PDF (Indonesian and English headings): coordination team; audited',
        params: idParams,
      },
    },
    async (request, reply) => {
      const e = await exportPersonalData(depsFor(deps, request), { participantId: request.params.id }, 'pdf');
      const { renderPersonalDataPdf } = await import('../io/pdf/personal-data.js');
      return asAttachment(reply, 'application/pdf', `personal-data-${request.params.id}.pdf`).send(await renderPersonalDataPdf(e));
    },
  );
}
