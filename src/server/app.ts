/** Builds the HTTP server: the REST API, its OpenAPI document and interactive docs. */
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyCompress from '@fastify/compress';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServiceDeps } from '../services/deps.js';
import { registerProgramRoutes } from './program.routes.js';
import { registerResultRoutes } from './result.routes.js';
import { registerHomeRoutes } from './home.routes.js';
import { registerWebApp } from './web.routes.js';
import { registerOrganisationRoutes } from './organisation.routes.js';
import { registerParticipantRoutes } from './participant.routes.js';
import { makeProblem, problemFor, sendProblem } from './problem.js';
import { registerReferenceRoutes } from './reference.routes.js';
import { registerImportMappingRoutes } from './import-mapping.routes.js';
import { registerOtherProviderRoutes } from './other-provider.routes.js';
import { registerImportRoutes } from './import.routes.js';
import { registerReportRoutes } from './report.routes.js';
import { registerEditionRoutes } from './edition.routes.js';
import { registerRoundRoutes } from './round.routes.js';
import { registerAnalyticsRoutes } from './analytics.routes.js';
import { registerExportRoutes } from './export.routes.js';
import { registerMoneyRoutes } from './money.routes.js';
import { registerRequestRoutes } from './request.routes.js';
// Loaded in this order, the order of their named schemas in the OpenAPI document (partnership.schemas.ts).
import { registerAgreementRoutes } from './agreement.routes.js';
import { registerEngagementRoutes } from './engagement.routes.js';
import { registerPartnerRoutes } from './partner.routes.js';
import { registerCertificateRoutes } from './certificate.routes.js';
import { registerAlumniRoutes } from './alumni.routes.js';
import type { IatiPublisher } from '../services/iati-export.js';
import { loadConfig } from '../config.js';
import { registerAuth, type AuthOptions } from './auth.js';
import { registerAuthRoutes } from './auth.routes.js';
import { registerOidcRoutes } from './oidc.routes.js';
import { registerSecondFactorRoutes } from './second-factor.routes.js';
import { registerUserRoutes } from './user.routes.js';
import { registerApiTokenRoutes } from './api-token.routes.js';
import { registerLifecycleRoutes } from './lifecycle.routes.js';
import { registerProgramDocumentRoutes } from './program-document.routes.js';
import { registerCompletionRoutes } from './completion.routes.js';
import { registerSignOffRoutes } from './sign-off.routes.js';
import { registerOfferRoutes } from './offer.routes.js';
import { registerIatiFileRoutes } from './iati-files.routes.js';
import { registerQualityRoutes } from './quality.routes.js';
import { registerPersonalDataRoutes } from './personal-data.routes.js';
import { registerBreachRoutes } from './breach.routes.js';
import { registerRetentionRoutes } from './retention.routes.js';
import { registerIatiCheckRoutes } from './iati-checks.routes.js';
import { COMPRESS_THRESHOLD_BYTES, registerAnswerCache, registerConditionalGet } from './answer-cache.js';

export interface ServerOptions {
  readonly deps: ServiceDeps;
  /** Shown by /api/health ("sqlite" or "postgres"). */
  readonly engine: string;
  readonly bodyLimitBytes?: number;
  readonly logLevel?: string;
  readonly version?: string;
  /** Services for a long import (a connection of its own on SQLite); defaults to `deps`. */
  readonly openImportDeps?: () => Promise<{ deps: ServiceDeps; close(): Promise<void> }>;
  /** Folder of the built web application (index.html and assets/); the API alone without it. */
  readonly webRoot?: string | null;
  /** Largest import file, in bytes. */
  readonly importMaxBytes?: number;
  /** ISO code of the providing country (new implementing agencies of imports belong to it). */
  readonly providerCountry?: string;
  /** Sessions, cookies and the public portal mode. */
  readonly auth?: AuthOptions;
  readonly trustProxy?: boolean;
  /** The IATI reporting organisation of exports. */
  readonly iatiPublisher?: IatiPublisher;
  /** Largest nomination document, in bytes (MITRA_UPLOAD_MAX_BYTES). */
  readonly uploadMaxBytes?: number;
  /** Told when a request queued mail (the delivery loop sends it soon). */
  readonly mailQueued?: () => void;
  /** Where people reach the server (certificates' QR codes); MITRA_PUBLIC_URL. */
  readonly publicUrl?: string;
  /** MITRA_PUBLIC_URL when it was set: the IATI organisation file links the annual reports there (none without it). */
  readonly documentLinksUrl?: string | null;
  /** Where the single sign-on provider sends the browser back (MITRA_OIDC_REDIRECT_URL), with `auth.oidc`. */
  readonly oidcRedirectUrl?: string;
  /** The published IATI files served at /iati/ (MITRA_IATI_PUBLISH_DIR). */
  readonly iatiPublishDir?: string;
  /** Told of each route as it is registered (the access matrix checks that it covers them all). */
  readonly onRoute?: (route: RouteOptions) => void;
}

/**
 * Identifies the code that computes answers, for the ETags of cached answers: the version and
 * the time this file was built (an upgrade may change what an answer holds for the same data).
 */
function buildId(version: string): string {
  return `${version}-${statSync(fileURLToPath(import.meta.url)).mtimeMs}`;
}

/** An error as plain data: its type, message, stack and own string, number and boolean fields, and its cause likewise. */
export function safeError(error: unknown, depth = 0): { [key: string]: unknown; type: string; message: string; stack: string } {
  if (!(error instanceof Error)) return { type: typeof error, message: String(error), stack: '' };
  const plain: { [key: string]: unknown; type: string; message: string; stack: string } = {
    type: error.name,
    message: error.message,
    stack: error.stack ?? '',
  };
  for (const [key, value] of Object.entries(error)) {
    if (['string', 'number', 'boolean'].includes(typeof value)) plain[key] = value;
  }
  if (error.cause !== undefined && depth < 3) plain.cause = safeError(error.cause, depth + 1);
  return plain;
}

const healthSchema = z.object({
  status: z.enum(['ok', 'unavailable']),
  engine: z.string(),
  database: z.enum(['up', 'down']).meta({ description: 'whether the database answered a query within 2 seconds' }),
  version: z.string(),
});

/** Whether the database answers within 2 seconds (a health check must answer even when it does not). */
async function databaseState(deps: ServiceDeps): Promise<'up' | 'down'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'down'>((resolve) => {
    timer = setTimeout(() => resolve('down'), 2000);
  });
  try {
    return await Promise.race([
      deps.store.ping().then(
        () => 'up' as const,
        () => 'down' as const,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** The configuration's defaults (MITRA_IATI_REPORTING_ORG…) when the caller gives none. */
const DEFAULT_PUBLISHER: IatiPublisher = loadConfig({}).iatiPublisher;

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    // Errors are logged by their own plain fields only (a driver's error may hold a connection
    // object with secrets: the pg client carries the server's secret key and the password).
    logger: { level: options.logLevel ?? 'info', serializers: { err: (error: Error) => safeError(error) } },
    bodyLimit: options.bodyLimitBytes ?? 1024 * 1024,
    // Request ids appear in every problem answer and log line.
    genReqId: () => crypto.randomUUID(),
    trustProxy: options.trustProxy ?? false,
  });
  if (options.onRoute) app.addHook('onRoute', options.onRoute);
  const auth: AuthOptions = options.auth ?? { portal: false, secureCookies: 'auto' };
  // The API speaks JSON only (file uploads arrive as multipart in later endpoints).
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler((error, request, reply) => sendProblem(reply, problemFor(error, request)));
  app.setNotFoundHandler((request, reply) => {
    // The web application routes in the browser: any other GET page is its index.html.
    if (options.webRoot && request.method === 'GET' && !request.url.startsWith('/api/') && !/\.[a-z0-9]+(\?|$)/i.test(request.url)) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendProblem(reply, makeProblem(request, 404, 'route.not_found', `no route ${request.method} ${request.url.split('?')[0]}`));
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Mitra API',
        description:
          'Registry and reports of South-South and Triangular Cooperation programs. Errors are RFC 9457 problem+json documents naming every bad field.',
        version: options.version ?? '0.1.0',
      },
      components: {
        securitySchemes: {
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: 'mitra_session',
            description: 'set by POST /api/v1/auth/login; changes also need the X-CSRF-Token header',
          },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
          bearerAuth: {
            type: 'http',
            scheme: 'bearer',
            bearerFormat: 'mitra_<prefix>_<secret>',
            description:
              'an API token for another system (POST /api/v1/api-tokens, `mitra tokens create`): Authorization: Bearer <token>. ' +
              'It acts as its role within its organisation, within its scopes (read; programs:write, …), until it expires or is revoked; ' +
              'no CSRF header. With a session cookie too, the token decides.',
          },
        },
      },
      // Either credential, or none for what the public may see (each operation still says what it needs).
      security: [{ bearerAuth: [] }, { session: [] }, {}],
      tags: [
        { name: 'Programs', description: 'Programs (IATI activities): trainings, seminars, expert dispatches, …' },
        {
          name: 'Program documents',
          description:
            "Programs' documents: versioned files typed with IATI DocumentCategory, private unless marked public (docs/documents.md)",
        },
        { name: 'Participants' },
        { name: 'Alumni', description: 'Alumni across programs, per country (personal data: authorised roles only)' },
        { name: 'Surveys', description: 'Follow-up surveys 6 and 12 months after a program, answered through a mailed link' },
        { name: 'Privacy', description: 'Erasure on request and the personal-data export' },
        {
          name: 'Personal data',
          description:
            'UU PDP (UU No. 27/2022): access requests (Art. 7), the breach log with its 3 × 24-hour clock (Art. 46), retention rules, the register of processing activities',
        },
        { name: 'Offers', description: 'Course offers open for nominations: the public catalogue and their management' },
        { name: 'Nominations', description: 'Nominations, documents, review and selection within quotas, status history' },
        { name: 'Organisations' },
        { name: 'Reports' },
        {
          name: 'Editions',
          description: "Frozen editions of a year's figures: freeze, publish, narrative, differences from the live figures, documents",
        },
        { name: 'Money', description: 'Budget against spending, in-kind estimates and their unit costs, the TOSSD/CRS-style export' },
        { name: 'Analytics', description: 'Trends, concentration, the triangular network, country and partner profiles' },
        { name: 'Priorities', description: 'Policy targets per year for groupings, regions, custom country lists and countries' },
        { name: 'Data quality', description: 'Quality rules as data, scorecards per agency and year, what to fix per program' },
        {
          name: 'Requests',
          description:
            'Partner governments’ requests: registration, assessment, acceptance as a program, and the ministries, programs and alumni that match them',
        },
        { name: 'Attendance', description: 'Daily attendance of a course and the completion rule' },
        { name: 'Certificates', description: 'Certificates of completion (PDF) and their public verification' },
        { name: 'Accounts', description: 'Sign-in (session cookie + X-CSRF-Token on changes), accounts and API tokens for other systems' },
        { name: 'Audit' },
        { name: 'Imports' },
        { name: 'Reference data' },
        { name: 'System' },
        { name: 'IATI publication', description: 'The IATI files as `mitra iati publish` last published them, at stable public addresses' },
      ],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  typed.get(
    '/api/health',
    {
      schema: {
        tags: ['System'],
        summary: 'Liveness, the database engine in use, and whether the database answers (503 while it does not)',
        response: { 200: healthSchema, 503: healthSchema },
      },
    },
    async (_request, reply) => {
      const database = await databaseState(options.deps);
      reply.header('cache-control', 'no-store');
      if (database === 'down') reply.code(503).header('retry-after', '2');
      return {
        status: database === 'up' ? ('ok' as const) : ('unavailable' as const),
        engine: options.engine,
        database,
        version: options.version ?? '0.1.0',
      };
    },
  );

  registerAnswerCache(app, buildId(options.version ?? '0.1.0'));
  // ETags first, then compression: both are onSend hooks, run in the order registered.
  registerConditionalGet(app);
  // JSON, CSV and XML answers over 1 kB, as the client accepts (Brotli, gzip); an answer that
  // is already encoded (a cached one, a pre-compressed asset) is left as it is.
  await app.register(fastifyCompress, { threshold: COMPRESS_THRESHOLD_BYTES, encodings: ['br', 'gzip'] });
  await registerAuth(app, options.deps, auth);
  registerAuthRoutes(app, options.deps, auth);
  registerOidcRoutes(app, options.deps, { ...auth, redirectUrl: options.oidcRedirectUrl ?? '' });
  registerSecondFactorRoutes(app, options.deps, auth);
  registerUserRoutes(app, options.deps);
  registerApiTokenRoutes(app, options.deps);
  registerLifecycleRoutes(app, options.deps);
  registerCompletionRoutes(app, options.deps);
  registerSignOffRoutes(app, options.deps);
  registerProgramRoutes(app, options.deps);
  registerResultRoutes(app, options.deps);
  registerParticipantRoutes(app, options.deps);
  registerOrganisationRoutes(app, options.deps);
  registerReferenceRoutes(app, options.deps.clock);
  registerReportRoutes(app, options.deps);
  registerEditionRoutes(app, options.deps, {
    providerCountry: options.providerCountry ?? 'ID',
    publisher: options.iatiPublisher ?? DEFAULT_PUBLISHER,
  });
  registerRoundRoutes(app, options.deps);
  registerAnalyticsRoutes(app, options.deps);
  registerRequestRoutes(app, options.deps);
  registerExportRoutes(app, options.deps, options.iatiPublisher ?? DEFAULT_PUBLISHER, {
    documentLinksUrl: options.documentLinksUrl ?? null,
  });
  registerCertificateRoutes(app, options.deps, { publicUrl: options.publicUrl ?? loadConfig({}).publicUrl });
  registerAlumniRoutes(app, options.deps, { publicUrl: options.publicUrl ?? loadConfig({}).publicUrl });
  registerMoneyRoutes(app, options.deps, {
    reportingCountry: options.providerCountry ?? 'ID',
    publisherRef: (options.iatiPublisher ?? DEFAULT_PUBLISHER).ref,
  });
  await registerImportRoutes(app, options.deps, {
    ownReportingRef: (options.iatiPublisher ?? DEFAULT_PUBLISHER).ref,
    openImportDeps: options.openImportDeps ?? (async () => ({ deps: options.deps, close: async () => {} })),
    maxBytes: options.importMaxBytes ?? 256 * 1024 * 1024,
    providerCountry: options.providerCountry ?? 'ID',
  });
  registerImportMappingRoutes(app, options.deps, { maxBytes: options.importMaxBytes ?? 256 * 1024 * 1024 });
  registerOtherProviderRoutes(app, options.deps, {
    ownReportingRef: (options.iatiPublisher ?? DEFAULT_PUBLISHER).ref,
    ownName: (options.iatiPublisher ?? DEFAULT_PUBLISHER).nameEn,
  });
  // After the imports: their registration adds the multipart parser the uploads use.
  registerOfferRoutes(app, options.deps, { uploadMaxBytes: options.uploadMaxBytes ?? 5 * 1024 * 1024, mailQueued: options.mailQueued });
  registerPartnerRoutes(app, options.deps);
  registerAgreementRoutes(app, options.deps, {
    uploadMaxBytes: options.uploadMaxBytes ?? 5 * 1024 * 1024,
    publicUrl: options.publicUrl ?? loadConfig({}).publicUrl,
    mailQueued: options.mailQueued,
  });
  registerEngagementRoutes(app, options.deps);
  registerProgramDocumentRoutes(app, options.deps, { uploadMaxBytes: options.uploadMaxBytes ?? 5 * 1024 * 1024 });
  registerIatiFileRoutes(app, { publishDir: options.iatiPublishDir ?? loadConfig({}).iatiPublishing.publishDir });
  registerIatiCheckRoutes(app, options.deps, options.iatiPublisher ?? DEFAULT_PUBLISHER);
  registerQualityRoutes(app, options.deps);
  registerPersonalDataRoutes(app, options.deps);
  registerBreachRoutes(app, options.deps);
  registerRetentionRoutes(app, options.deps);
  if (options.webRoot) await registerWebApp(app, options.webRoot);
  else registerHomeRoutes(app, options.deps);
  return app;
}
