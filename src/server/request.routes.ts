/** Partner governments' requests: register, list, read, assess, decline, accept, and their matches. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { flagshipAreas, lifecycleStages, modalities } from '../domain/codes.js';
import { REPORT_REGIONS } from '../domain/reference/types.js';
import type { MatchReason } from '../domain/request/matching.js';
import { requestStatuses, type CooperationRequest } from '../domain/request/request.js';
import {
  acceptInputSchema,
  assessInputSchema,
  declineInputSchema,
  requestInputSchema,
  requestListQuerySchema,
  requestPatchSchema,
} from '../domain/request/request.schema.js';
import type { ServiceDeps } from '../services/deps.js';
import {
  acceptRequest,
  assessRequest,
  declineRequest,
  deleteRequest,
  editRequest,
  getRequest,
  listRequests,
  registerRequest,
  requestMatches,
} from '../services/requests.js';
import { depsFor } from './auth.js';
import { pageOf } from './common.schemas.js';
import { idParams, ifMatch, withEtag } from './http-helpers.js';
import { problemResponses, versionedWriteResponses } from './problem.js';

const TAG = ['Requests'];
const count = z.number().int();
const day = z.string().meta({ format: 'date' });

export const cooperationRequestSchema = z
  .object({
    id: count,
    reference: z.string().meta({ example: 'REQ-2026-0001' }),
    country: z.string().meta({ description: 'ISO 3166-1 alpha-2 of the requesting government' }),
    topic: z.string(),
    description: z.string().nullable(),
    topicId: z.string().nullable().meta({ description: 'the topic in Indonesian, when given' }),
    descriptionId: z.string().nullable().meta({ description: 'the description in Indonesian, when given' }),
    flagshipArea: z.enum(flagshipAreas.codes).nullable(),
    sectorCode: z.string().nullable().meta({ description: 'DAC 5-digit sector code' }),
    modality: z.enum(modalities.codes).nullable(),
    periodFrom: day.nullable(),
    periodTo: day.nullable(),
    receivedOn: day,
    relayedBy: z.string().nullable().meta({ description: 'organisation code of the embassy or focal point that relayed it' }),
    status: z.enum(requestStatuses.codes),
    assessmentNote: z.string().nullable(),
    assessmentNoteId: z.string().nullable().meta({ description: 'the note in Indonesian, when given' }),
    activityId: count.nullable().meta({ description: 'the program created when the request was accepted' }),
    activityIdentifier: z.string().nullable(),
    createdBy: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: count,
  })
  .meta({ id: 'CooperationRequest' });

const present = (r: CooperationRequest): z.output<typeof cooperationRequestSchema> => ({ ...r });

const points = count.meta({ description: 'what the reason adds to the score' });
const programs = count.meta({ description: 'how many of the candidate’s programs share it (at most 3 count)' });
const reasonSchema = z
  .discriminatedUnion('code', [
    z.object({ code: z.literal('same_area'), area: z.enum(flagshipAreas.codes), programs, points }),
    z.object({ code: z.literal('same_sector'), sector: z.string(), programs, points }),
    z.object({ code: z.literal('same_sector_category'), category: z.string(), programs, points }),
    z.object({ code: z.literal('country_experience'), country: z.string(), programs, points }),
    z.object({ code: z.literal('region_experience'), region: z.enum(REPORT_REGIONS), programs, points }),
    z.object({ code: z.literal('same_modality'), modality: z.enum(modalities.codes), programs, points }),
    z.object({ code: z.literal('recent'), year: count, points }),
  ])
  .meta({ id: 'MatchReason' });

const scored = { score: count, reasons: z.array(reasonSchema) };
const reasonsOf = (reasons: readonly MatchReason[]) => reasons.map((r) => ({ ...r }));

const matchesSchema = z
  .object({
    request: cooperationRequestSchema,
    agencies: z.array(
      z.object({
        ...scored,
        code: z.string(),
        acronym: z.string().nullable(),
        nameEn: z.string(),
        nameId: z.string().nullable(),
        programs: count,
      }),
    ),
    programs: z.array(
      z.object({
        ...scored,
        id: count,
        identifier: z.string(),
        titleEn: z.string().nullable(),
        titleId: z.string().nullable(),
        year: count.nullable(),
        lifecycleStage: z.enum(lifecycleStages.codes),
        flagshipArea: z.enum(flagshipAreas.codes).nullable(),
        modality: z.enum(modalities.codes).nullable(),
        implementingOrg: z.string().nullable(),
      }),
    ),
    alumni: z.array(
      z.object({
        ...scored,
        participantId: count,
        country: z.string(),
        personalData: z.boolean().meta({ description: 'false: you may not see this person’s name, organisation and position' }),
        fullName: z.string().nullable(),
        organisation: z.string().nullable(),
        position: z.string().nullable(),
        programs: z.array(z.object({ id: count, identifier: z.string(), year: count.nullable() })),
      }),
    ),
  })
  .meta({ id: 'RequestMatches' });

const pageSchema = pageOf(cooperationRequestSchema).meta({ id: 'CooperationRequestPage' });

export function registerRequestRoutes(root: FastifyInstance, deps: ServiceDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/requests',
    {
      schema: {
        tags: TAG,
        summary: 'Partner governments’ requests, latest received first (a focal point sees its own government’s)',
        querystring: requestListQuerySchema,
        response: { 200: pageSchema, ...problemResponses },
      },
    },
    async (request) => {
      const page = await listRequests(depsFor(deps, request), request.query);
      return { ...page, items: page.items.map(present) };
    },
  );

  app.post(
    '/api/v1/requests',
    {
      schema: {
        tags: TAG,
        summary: 'Register a request (coordination team, embassies relaying it, focal points for their government)',
        body: requestInputSchema,
        response: { 201: cooperationRequestSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const created = await registerRequest(depsFor(deps, request), request.body);
      reply.code(201).header('location', `/api/v1/requests/${created.id}`);
      return withEtag(reply, created, present);
    },
  );

  app.get(
    '/api/v1/requests/:id',
    {
      schema: { tags: TAG, summary: 'Read a request', params: idParams, response: { 200: cooperationRequestSchema, ...problemResponses } },
    },
    async (request, reply) => withEtag(reply, await getRequest(depsFor(deps, request), request.params.id), present),
  );

  app.patch(
    '/api/v1/requests/:id',
    {
      schema: {
        tags: TAG,
        summary:
          'Correct a request: the coordination team while it is registered or under assessment, the relaying embassy or focal point while it is registered; If-Match honoured',
        params: idParams,
        body: requestPatchSchema,
        response: { 200: cooperationRequestSchema, ...versionedWriteResponses },
      },
    },
    async (request, reply) =>
      ifMatch(request, reply, async (check) =>
        withEtag(reply, await editRequest(depsFor(deps, request), request.params.id, request.body, check), present),
      ),
  );

  app.delete(
    '/api/v1/requests/:id',
    {
      schema: {
        tags: TAG,
        summary:
          'Delete a request registered by mistake (still registered: the coordination team or the relaying organisation); If-Match honoured',
        params: idParams,
        response: { 204: z.null(), ...versionedWriteResponses },
      },
    },
    async (request, reply) =>
      ifMatch(request, reply, async (check) => {
        await deleteRequest(depsFor(deps, request), request.params.id, check);
        return reply.code(204).send(null);
      }),
  );

  app.post(
    '/api/v1/requests/:id/assess',
    {
      schema: {
        tags: TAG,
        summary: 'Take the request up for assessment (coordination team); If-Match honoured',
        params: idParams,
        body: assessInputSchema,
        response: { 200: cooperationRequestSchema, ...versionedWriteResponses },
      },
    },
    async (request, reply) =>
      ifMatch(request, reply, async (check) =>
        withEtag(reply, await assessRequest(depsFor(deps, request), request.params.id, request.body, check), present),
      ),
  );

  app.post(
    '/api/v1/requests/:id/decline',
    {
      schema: {
        tags: TAG,
        summary: 'Decline the request with a note saying why (coordination team)',
        params: idParams,
        body: declineInputSchema,
        response: { 200: cooperationRequestSchema, ...versionedWriteResponses },
      },
    },
    async (request, reply) =>
      ifMatch(request, reply, async (check) =>
        withEtag(reply, await declineRequest(depsFor(deps, request), request.params.id, request.body, check), present),
      ),
  );

  app.post(
    '/api/v1/requests/:id/accept',
    {
      schema: {
        tags: TAG,
        summary: 'Accept the request (coordination team): a program in the request stage is created for the country and linked to it',
        params: idParams,
        body: acceptInputSchema,
        response: { 200: cooperationRequestSchema, ...versionedWriteResponses },
      },
    },
    async (request, reply) =>
      ifMatch(request, reply, async (check) =>
        withEtag(reply, (await acceptRequest(depsFor(deps, request), request.params.id, request.body, check)).request, present),
      ),
  );

  app.get(
    '/api/v1/requests/:id/matches',
    {
      schema: {
        tags: TAG,
        summary: 'Ministries, past programs and alumni that fit the request, ranked, with the reasons (docs/requests.md)',
        params: idParams,
        response: { 200: matchesSchema, ...problemResponses },
      },
    },
    async (request) => {
      const m = await requestMatches(depsFor(deps, request), request.params.id);
      return {
        request: present(m.request),
        agencies: m.agencies.map((a) => ({
          score: a.score,
          reasons: reasonsOf(a.reasons),
          code: a.candidate.code,
          acronym: a.candidate.acronym,
          nameEn: a.candidate.nameEn,
          nameId: a.candidate.nameId,
          programs: a.candidate.programs,
        })),
        programs: m.programs.map((p) => {
          const c = p.candidate;
          return {
            score: p.score,
            reasons: reasonsOf(p.reasons),
            id: c.id,
            identifier: c.identifier,
            titleEn: c.titleEn,
            titleId: c.titleId,
            year: c.year,
            lifecycleStage: c.lifecycleStage,
            flagshipArea: c.flagshipArea,
            modality: c.modality,
            implementingOrg: c.implementingOrg,
          };
        }),
        alumni: m.alumni.map((a) => ({
          score: a.score,
          reasons: reasonsOf(a.reasons),
          ...a.candidate,
          programs: a.candidate.programs.map((x) => ({ ...x })),
        })),
      };
    },
  );
}
