import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { participantStatuses, sexes } from '../domain/codes.js';
import { breakdownParticipants, type Participant } from '../domain/participant/participant.js';
import { participantAddSchema, participantPatchSchema } from '../domain/participant/participant.schema.js';
import { addParticipant, deleteParticipant, listParticipants, patchParticipant } from '../services/participants.js';
import type { ServiceDeps } from '../services/deps.js';
import { deletedSchema } from './common.schemas.js';
import { etagOf, idParams, ifMatch } from './http-helpers.js';
import { problemResponses, problemSchema, versionedWriteResponses } from './problem.js';
import { depsFor } from './auth.js';

const TAG = ['Participants'];

export const participantSchema = z
  .object({
    id: z.number().int(),
    activityId: z.number().int(),
    fullName: z.string().nullable().meta({ description: 'null when your role may not see personal data' }),
    sex: z.enum(sexes.codes),
    country: z.string(),
    organisation: z.string().nullable(),
    position: z.string().nullable(),
    email: z.string().nullable(),
    status: z.enum(participantStatuses.codes),
    illustrative: z.boolean(),
    nominatedBy: z.string().nullable().meta({ description: 'the organisation (embassy) that nominated the participant' }),
    personal: z.boolean().meta({ description: 'false when name, email and position are withheld from you' }),
    consentAt: z
      .string()
      .nullable()
      .meta({ description: "when the person's consent to the processing of their data was recorded (null: none recorded, e.g. imported)" }),
    erasedAt: z
      .string()
      .nullable()
      .meta({ description: 'when the personal data was erased on request (the record then no longer changes)' }),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int().meta({ description: 'the record’s version: send it as If-Match ("3") to change or remove the participant' }),
  })
  .meta({ id: 'Participant' });

// The person key is internal (it may contain an email): it is not part of the answer. The one
// who just wrote a participant sees what they wrote.
const present = ({ personKey: _key, ...p }: Participant): z.output<typeof participantSchema> => ({ ...p, personal: true });
const participantParams = idParams.extend({ participantId: z.coerce.number().int().positive().max(2_147_483_647) });

export function registerParticipantRoutes(root: FastifyInstance, deps: ServiceDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/activities/:id/participants',
    {
      schema: {
        tags: TAG,
        summary: "List a program's participants",
        params: idParams,
        response: {
          200: z.object({
            items: z.array(participantSchema),
            summary: z.object({
              total: z.number().int(),
              bySex: z.object({ F: z.number().int(), M: z.number().int(), X: z.number().int() }),
              byCountry: z.array(
                z.object({ country: z.string(), total: z.number().int(), F: z.number().int(), M: z.number().int(), X: z.number().int() }),
              ),
            }),
          }),
          404: problemSchema,
          400: problemSchema,
        },
      },
    },
    async (request) => {
      const { items, all } = await listParticipants(depsFor(deps, request), request.params.id);
      const summary = breakdownParticipants(all);
      return {
        items: items.map((p) => ({ ...p })),
        summary: { ...summary, bySex: { ...summary.bySex }, byCountry: [...summary.byCountry] },
      };
    },
  );

  app.post(
    '/api/v1/activities/:id/participants',
    {
      schema: {
        tags: TAG,
        summary:
          'Add a participant; the country must be a recipient of the program, and consent: true records the person’s consent to the processing of their data (required, as for a nomination)',
        params: idParams,
        body: participantAddSchema,
        response: { 201: participantSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const participant = await addParticipant(depsFor(deps, request), request.params.id, request.body);
      reply.code(201).header('location', `/api/v1/activities/${request.params.id}/participants/${participant.id}`);
      return present(participant);
    },
  );

  app.patch(
    '/api/v1/activities/:id/participants/:participantId',
    {
      schema: {
        tags: TAG,
        summary: 'Change a participant; If-Match (its version) required',
        params: participantParams,
        body: participantPatchSchema,
        response: { 200: participantSchema, ...versionedWriteResponses },
      },
    },
    async (request, reply) =>
      ifMatch(request, reply, async (check) => {
        const changed = await patchParticipant(
          depsFor(deps, request),
          request.params.id,
          request.params.participantId,
          request.body,
          check,
        );
        reply.header('etag', etagOf(changed.version));
        return present(changed);
      }),
  );

  app.delete(
    '/api/v1/activities/:id/participants/:participantId',
    {
      schema: {
        tags: TAG,
        summary: 'Remove a participant; If-Match (its version) required',
        params: participantParams,
        response: { 204: deletedSchema, ...versionedWriteResponses },
      },
    },
    async (request, reply) =>
      ifMatch(request, reply, async (check) => {
        await deleteParticipant(depsFor(deps, request), request.params.id, request.params.participantId, check);
        return reply.code(204).send(null);
      }),
  );
}
