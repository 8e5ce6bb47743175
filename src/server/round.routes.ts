/**
 * Collection rounds (docs/rounds.md): the coordination team opens, closes, follows each agency
 * and reopens a part; an agency's officers read and confirm their own agency's part.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  confirmPartInput,
  openRoundInput,
  PART_STATUSES,
  reopenPartInput,
  ROUND_PERIODS,
  ROUND_STATUSES,
  type RoundAgencyPart,
  type RoundOverview,
} from '../domain/rounds/round.js';
import type { ServiceDeps } from '../services/deps.js';
import {
  closeRound,
  confirmRoundPart,
  listRounds,
  openRound,
  reopenRoundPart,
  roundAgencyPart,
  roundOverview,
} from '../services/rounds.js';
import { depsFor } from './auth.js';
import { problemResponses } from './problem.js';
import { programQualitySchema } from './quality.routes.js';

const TAG = ['Collection rounds'];
const roundParams = z.object({ id: z.coerce.number().int().min(1) });
const partParams = roundParams.extend({ agency: z.string().min(1).max(64) });

const roundSchema = z
  .object({
    id: z.number().int(),
    year: z.number().int(),
    period: z.enum(ROUND_PERIODS).meta({ description: 'year, h1 (January–June) or h2 (July–December)' }),
    deadlineDate: z.string(),
    status: z.enum(ROUND_STATUSES),
    openedAt: z.string(),
    openedBy: z.string(),
    closedAt: z.string().nullable(),
    closedBy: z.string().nullable(),
  })
  .meta({ id: 'CollectionRound' });

const partSchema = z
  .object({
    roundId: z.number().int(),
    orgCode: z.string(),
    status: z.enum(PART_STATUSES),
    confirmedAt: z.string().nullable(),
    confirmedByUserId: z.number().int().nullable(),
    confirmedBy: z.string().nullable(),
    confirmNote: z.string().nullable().meta({ description: 'why it was confirmed with required fields still missing' }),
    reopenedAt: z.string().nullable(),
    reopenedBy: z.string().nullable(),
    reopenReason: z.string().nullable(),
  })
  .meta({ id: 'CollectionRoundPart' });

const overviewSchema = z
  .object({
    round: roundSchema,
    evaluatedOn: z.string(),
    agencies: z.array(
      z.object({
        orgCode: z.string(),
        nameEn: z.string().nullable(),
        nameId: z.string().nullable(),
        programs: z.number().int(),
        complete: z.number().int().meta({ description: 'programs with no required data-quality finding' }),
        status: z.enum(PART_STATUSES),
        confirmedAt: z.string().nullable(),
        confirmedBy: z.string().nullable(),
        late: z.boolean().meta({ description: 'not confirmed after the deadline day' }),
        reopenedAt: z.string().nullable(),
        reopenReason: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'CollectionRoundOverview' });

const agencyPartSchema = z
  .object({
    round: roundSchema,
    part: partSchema,
    late: z.boolean(),
    evaluatedOn: z.string(),
    programs: z.array(programQualitySchema.extend({ complete: z.boolean() })),
  })
  .meta({ id: 'CollectionRoundAgencyPart' });

const presentOverview = (o: RoundOverview) => ({ ...o, agencies: [...o.agencies] });
const presentAgencyPart = (p: RoundAgencyPart) => ({ ...p, programs: p.programs.map((q) => ({ ...q, findings: [...q.findings] })) });

export function registerRoundRoutes(root: FastifyInstance, deps: ServiceDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/rounds',
    {
      schema: {
        tags: TAG,
        summary: 'Collection rounds (of one year when asked): the coordination team and agencies',
        querystring: z.object({ year: z.coerce.number().int().min(1900).max(2200).optional() }),
        response: { 200: z.object({ items: z.array(roundSchema) }), ...problemResponses },
      },
    },
    async (request) => ({ items: await listRounds(depsFor(deps, request), request.query.year) }),
  );

  app.post(
    '/api/v1/rounds',
    {
      schema: {
        tags: TAG,
        summary: 'Open a round (coordination team): a part per agency with programs in the period; one open round per year and period',
        body: openRoundInput,
        response: { 201: roundSchema, ...problemResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await openRound(depsFor(deps, request), request.body)),
  );

  app.get(
    '/api/v1/rounds/:id',
    {
      schema: {
        tags: TAG,
        summary: "A round's progress per agency: programs, complete, confirmed (by whom, when), late (coordination team)",
        params: roundParams,
        response: { 200: overviewSchema, ...problemResponses },
      },
    },
    async (request) => presentOverview(await roundOverview(depsFor(deps, request), request.params.id)),
  );

  app.post(
    '/api/v1/rounds/:id/close',
    {
      schema: {
        tags: TAG,
        summary: 'Close a round (coordination team)',
        params: roundParams,
        response: { 200: roundSchema, ...problemResponses },
      },
    },
    async (request) => closeRound(depsFor(deps, request), request.params.id),
  );

  app.get(
    '/api/v1/rounds/:id/agencies/:agency',
    {
      schema: {
        tags: TAG,
        summary: "An agency's part: its programs in the period with their data-quality findings (the agency, or the coordination team)",
        params: partParams,
        response: { 200: agencyPartSchema, ...problemResponses },
      },
    },
    async (request) => presentAgencyPart(await roundAgencyPart(depsFor(deps, request), request.params.id, request.params.agency)),
  );

  app.post(
    '/api/v1/rounds/:id/agencies/:agency/confirm',
    {
      schema: {
        tags: TAG,
        summary:
          "Confirm an agency's part (its officers, or the coordination team on its behalf); refused (422 round_part.incomplete, the programs listed) while required fields are missing, unless a note says why",
        params: partParams,
        body: confirmPartInput,
        response: { 200: partSchema, ...problemResponses },
      },
    },
    async (request) => confirmRoundPart(depsFor(deps, request), request.params.id, request.params.agency, request.body),
  );

  app.post(
    '/api/v1/rounds/:id/agencies/:agency/reopen',
    {
      schema: {
        tags: TAG,
        summary: "Reopen an agency's confirmed part, with a reason (coordination team)",
        params: partParams,
        body: reopenPartInput,
        response: { 200: partSchema, ...problemResponses },
      },
    },
    async (request) => reopenRoundPart(depsFor(deps, request), request.params.id, request.params.agency, request.body),
  );
}
