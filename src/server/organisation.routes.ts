import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { organisationKinds } from '../domain/codes.js';
import type { Organisation } from '../domain/organisation/organisation.js';
import { organisationInputSchema, organisationPatchSchema } from '../domain/organisation/organisation.schema.js';
import {
  createOrganisation,
  deleteOrganisation,
  getOrganisation,
  listOrganisations,
  patchOrganisation,
} from '../services/organisations.js';
import type { ServiceDeps } from '../services/deps.js';
import { problemResponses, problemSchema } from './problem.js';
import { depsFor } from './auth.js';
import { deletedSchema } from './common.schemas.js';

const TAG = ['Organisations'];

export const organisationSchema = z
  .object({
    id: z.number().int(),
    code: z.string(),
    nameEn: z.string(),
    nameId: z.string().nullable(),
    acronym: z.string().nullable(),
    type: z.string().meta({ description: 'IATI OrganisationType' }),
    countryCode: z.string().nullable(),
    kind: z.enum(organisationKinds.codes),
    illustrative: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Organisation' });

const present = (o: Organisation): z.output<typeof organisationSchema> => ({ ...o });
const codeParams = z.object({ code: z.string().min(1).max(100) });

export function registerOrganisationRoutes(root: FastifyInstance, deps: ServiceDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/organisations',
    {
      schema: {
        tags: TAG,
        summary: 'List organisations (ministries and agencies, partners, recipient institutions)',
        querystring: z.object({ kind: z.enum(organisationKinds.codes).optional(), q: z.string().trim().max(200).optional() }),
        response: { 200: z.object({ items: z.array(organisationSchema) }), 400: problemSchema },
      },
    },
    async (request) => ({ items: (await listOrganisations(depsFor(deps, request), request.query)).map(present) }),
  );

  app.post(
    '/api/v1/organisations',
    {
      schema: {
        tags: TAG,
        summary: 'Register an organisation',
        body: organisationInputSchema,
        response: { 201: organisationSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const org = await createOrganisation(depsFor(deps, request), request.body);
      reply.code(201).header('location', `/api/v1/organisations/${encodeURIComponent(org.code)}`);
      return present(org);
    },
  );

  app.get(
    '/api/v1/organisations/:code',
    {
      schema: {
        tags: TAG,
        summary: 'Read an organisation',
        params: codeParams,
        response: { 200: organisationSchema, ...problemResponses },
      },
    },
    async (request) => present(await getOrganisation(depsFor(deps, request), request.params.code)),
  );

  app.patch(
    '/api/v1/organisations/:code',
    {
      schema: {
        tags: TAG,
        summary: 'Change an organisation',
        params: codeParams,
        body: organisationPatchSchema,
        response: { 200: organisationSchema, ...problemResponses },
      },
    },
    async (request) => present(await patchOrganisation(depsFor(deps, request), request.params.code, request.body)),
  );

  app.delete(
    '/api/v1/organisations/:code',
    {
      schema: {
        tags: TAG,
        summary: 'Delete an organisation that no program names',
        params: codeParams,
        response: { 204: deletedSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      await deleteOrganisation(depsFor(deps, request), request.params.code);
      return reply.code(204).send(null);
    },
  );
}
