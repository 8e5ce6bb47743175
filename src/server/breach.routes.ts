/**
 * The breach log (UU PDP Art. 46: notify the data subjects and the authority in writing within
 * 3 × 24 hours; docs/privacy.md): record, list, read and update breaches with their clock. The
 * coordination team only; audited; a change sends If-Match with the breach's ETag.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { breachChangeSchema, breachInputSchema } from '../domain/personal-data/breach.js';
import { personalDataCategories } from '../domain/personal-data/categories.js';
import { changeBreach, getBreach, listBreaches, recordBreach, type BreachWithClock } from '../services/breaches.js';
import type { ServiceDeps } from '../services/deps.js';
import { depsFor } from './auth.js';
import { idParams, ifMatch, withEtag } from './http-helpers.js';
import { problemResponses } from './problem.js';

const TAG = ['Personal data'];

export const breachSchema = z
  .object({
    id: z.number().int(),
    discoveredAt: z.string(),
    occurredAt: z.string().nullable(),
    description: z.string(),
    categories: z.array(z.enum(personalDataCategories.codes)),
    recordsAffected: z.number().int().nullable(),
    personsAffected: z.number().int(),
    measures: z.string().nullable(),
    subjectsNotifiedAt: z.string().nullable(),
    authorityNotifiedAt: z.string().nullable(),
    notificationNote: z.string().nullable(),
    closedAt: z.string().nullable(),
    createdAt: z.string(),
    createdBy: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
    deadlineAt: z.string().meta({ description: 'discoveredAt + 72 hours (UU PDP Art. 46: 3 × 24 hours)' }),
    overdue: z.boolean().meta({ description: 'the deadline has passed and the subjects or the authority are not yet notified' }),
    notifiedLate: z.boolean().meta({ description: 'a notification was recorded after the deadline' }),
    hoursLeft: z
      .number()
      .int()
      .nullable()
      .meta({ description: 'whole hours to the deadline (negative once passed); null once both are notified' }),
  })
  .meta({ id: 'DataBreach' });

function present(b: BreachWithClock): z.output<typeof breachSchema> {
  const { clock, ...rest } = b;
  return { ...rest, categories: [...b.categories], ...clock };
}

export function registerBreachRoutes(root: FastifyInstance, deps: ServiceDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/personal-data/breaches',
    {
      schema: {
        tags: TAG,
        summary: 'The breach log, newest discovery first, each with its 3 × 24-hour clock (coordination team)',
        response: { 200: z.object({ items: z.array(breachSchema) }), ...problemResponses },
      },
    },
    async (request) => ({ items: (await listBreaches(depsFor(deps, request))).map(present) }),
  );

  app.post(
    '/api/v1/personal-data/breaches',
    {
      schema: {
        tags: TAG,
        summary:
          'Record a failure of personal data protection when it is discovered (the clock starts at discoveredAt): coordination team; audited',
        body: breachInputSchema,
        response: { 201: breachSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const b = await recordBreach(depsFor(deps, request), request.body);
      reply.code(201);
      return withEtag(reply, b, present);
    },
  );

  app.get(
    '/api/v1/personal-data/breaches/:id',
    {
      schema: {
        tags: TAG,
        summary: 'One breach with its clock (ETag: its version)',
        params: idParams,
        response: { 200: breachSchema, ...problemResponses },
      },
    },
    async (request, reply) => withEtag(reply, await getBreach(depsFor(deps, request), request.params.id), present),
  );

  app.patch(
    '/api/v1/personal-data/breaches/:id',
    {
      schema: {
        tags: TAG,
        summary:
          'Record when the data subjects and the authority were notified, the measures taken, corrections, or the closing: coordination team; If-Match; audited',
        params: idParams,
        body: breachChangeSchema,
        response: { 200: breachSchema, ...problemResponses },
      },
    },
    async (request, reply) =>
      ifMatch(request, reply, async (check) =>
        withEtag(reply, await changeBreach(depsFor(deps, request), request.params.id, request.body, check), present),
      ),
  );
}
