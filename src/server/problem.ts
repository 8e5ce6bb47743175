/**
 * The one mapping from errors to HTTP answers: RFC 9457 application/problem+json with `type`,
 * `title`, `status`, `detail`, `instance`, plus `code`, `issues` and `requestId`.
 */
import type { FastifyReply, FastifyRequest, FastifySchemaValidationError } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isDomainError, type DomainErrorKind, type FieldIssue } from '../domain/errors.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

export const problemIssueSchema = z.object({
  path: z.string().meta({ description: 'the field, dot-separated ("recipients.1.percentage")' }),
  message: z.string(),
  code: z.string().optional(),
  in: z.enum(['body', 'query', 'params', 'headers']).optional(),
});

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string(),
    code: z.string(),
    issues: z.array(problemIssueSchema).optional(),
    details: z
      .record(z.string(), z.unknown())
      .optional()
      .meta({ description: 'facts to act on, e.g. the current version and who changed it' }),
    requestId: z.string(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });

export type Problem = z.output<typeof problemSchema>;

/** The problems a route that reads and changes records may answer, for its response schema. */
export const problemResponses = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
  422: problemSchema,
};

/** A change of an existing record also answers 428 when it comes without If-Match (http-helpers.ts ifMatch). */
export const versionedWriteResponses = { ...problemResponses, 428: problemSchema };
type ProblemIssue = z.output<typeof problemIssueSchema>;

const STATUS_BY_KIND: Record<DomainErrorKind, number> = {
  invalid: 422,
  not_found: 404,
  conflict: 409,
  forbidden: 403,
  unauthenticated: 401,
  invalid_transition: 409,
  rate_limited: 429,
  unavailable: 503,
};

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Not signed in',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  406: 'Not acceptable',
  409: 'Conflict',
  413: 'Request body too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  428: 'Precondition required',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

export function problemType(code: string): string {
  return `urn:mitra:problem:${code}`;
}

export function makeProblem(
  request: FastifyRequest,
  status: number,
  code: string,
  detail: string,
  issues?: readonly ProblemIssue[],
): Problem {
  return {
    type: problemType(code),
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    instance: request.url,
    code,
    ...(issues && issues.length ? { issues: [...issues] } : {}),
    requestId: request.id,
  };
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  const retry = problem.details?.retryAfterSeconds;
  if ((problem.status === 429 || problem.status === 503) && typeof retry === 'number') reply.header('retry-after', String(retry));
  return reply.code(problem.status).type(PROBLEM_CONTENT_TYPE).send(problem);
}

function locationOf(context: unknown): ProblemIssue['in'] {
  if (context === 'body') return 'body';
  if (context === 'querystring') return 'query';
  if (context === 'params') return 'params';
  if (context === 'headers') return 'headers';
  return undefined;
}

/** Zod issues from a request schema: one issue per field, unknown keys named one by one. */
function schemaIssues(error: { validation: readonly FastifySchemaValidationError[]; validationContext?: unknown }): ProblemIssue[] {
  const where = locationOf(error.validationContext);
  const issues: ProblemIssue[] = [];
  for (const raw of error.validation) {
    const path = raw.instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
    const params: Record<string, unknown> = raw.params ?? {};
    if (raw.keyword === 'unrecognized_keys' && Array.isArray(params.keys)) {
      for (const key of params.keys.map(String)) {
        issues.push({
          path: path ? `${path}.${key}` : key,
          message: 'unknown field: it is not part of this resource',
          code: 'unknown_field',
          ...(where ? { in: where } : {}),
        });
      }
      continue;
    }
    // A refinement's own code (params.code of a custom issue), else the kind of check that failed.
    const code = errorCode(params.params) ?? raw.keyword;
    issues.push({ path, message: raw.message ?? 'is invalid', code, ...(where ? { in: where } : {}) });
  }
  return issues;
}

/** A field of whatever was thrown (libraries throw plain objects too), or undefined. */
function fieldOf(error: unknown, key: string): unknown {
  return typeof error === 'object' && error !== null ? Reflect.get(error, key) : undefined;
}

/** The code of a driver's or library's error (an SQLSTATE, an errno name, SQLITE_BUSY, FST_…), never the error object itself. */
export function errorCode(error: unknown): string | undefined {
  const code = fieldOf(error, 'code');
  return typeof code === 'string' ? code : undefined;
}

/** A body the route parses itself (one that may come as JSON or as a form): a 400 naming each bad field. */
export function invalidBodyProblem(request: FastifyRequest, error: z.ZodError): Problem {
  const issues = error.issues.map((i) => ({ path: i.path.map(String).filter(Boolean).join('.'), message: i.message, code: i.code }));
  return makeProblem(request, 400, 'request.invalid', `the body has ${issues.length} invalid field(s)`, issues);
}

const toIssue = (i: FieldIssue): ProblemIssue => ({ path: i.path, message: i.message, ...(i.code ? { code: i.code } : {}) });

/** Turns any error into a problem; unknown errors are logged and answered with a bare 500. */
export function problemFor(error: unknown, request: FastifyRequest): Problem {
  if (isDomainError(error)) {
    // Worth a line in the log (an operator wants to know), without the driver's objects.
    if (error.kind === 'unavailable') request.log.warn({ code: error.code, cause: errorCode(error.cause) }, error.message);
    const problem = makeProblem(request, STATUS_BY_KIND[error.kind], error.code, error.message, error.issues.map(toIssue));
    return error.details ? { ...problem, details: { ...error.details } } : problem;
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = schemaIssues(error);
    const where = issues[0]?.in ?? 'request';
    return makeProblem(request, 400, 'request.invalid', `the ${where} has ${issues.length} invalid field(s)`, issues);
  }
  const message = fieldOf(error, 'message');
  const statusCode = fieldOf(error, 'statusCode');
  switch (errorCode(error)) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return makeProblem(request, 400, 'request.malformed_json', `the body is not valid JSON: ${message ?? ''}`.trim());
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return makeProblem(request, 413, 'request.too_large', 'the request body is larger than this server accepts');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return makeProblem(
        request,
        415,
        'request.unsupported_media_type',
        `send the body as application/json (got ${request.headers['content-type'] ?? 'none'})`,
      );
    default:
      break;
  }
  if (error instanceof SyntaxError && statusCode === 400) {
    return makeProblem(request, 400, 'request.malformed_json', `the body is not valid JSON: ${error.message}`);
  }
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    return makeProblem(request, statusCode, 'request.rejected', typeof message === 'string' ? message : 'the request was rejected');
  }
  request.log.error({ err: error }, 'unexpected error');
  return makeProblem(request, 500, 'internal', 'an unexpected error occurred; it has been logged with this request id');
}
