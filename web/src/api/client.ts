/**
 * The typed API client (openapi-fetch over the generated schema.d.ts) and the one error type of
 * the web app: a problem document from the server, or a network failure.
 */
import createClient from 'openapi-fetch';
import type { components, paths } from './schema.js';
import { isPlainObject } from '../../../src/domain/guards.js';

export const api = createClient<paths>({ baseUrl: '' });

/**
 * The session's CSRF token, sent with every change (the server refuses changes from a signed-in
 * browser without it). Set by the session query (auth/session.tsx) and by sign-in.
 */
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}
export function csrfHeaders(): Record<string, string> {
  return csrfToken ? { 'x-csrf-token': csrfToken } : {};
}

/** Called when the server says the session has ended (401): the app shows the sign-in page. */
let onSessionEnded: (() => void) | null = null;
export function whenSessionEnds(handler: () => void): void {
  onSessionEnded = handler;
}

/** The path whose 401 means "wrong email or password", not "your session has ended". */
const LOGIN_PATH = '/api/v1/auth/login';

/**
 * Tells the app the session has ended (the handler ignores it when nobody was signed in). Called
 * for every 401 except a failed sign-in, and when the session query finds the user gone.
 */
export function sessionHasEnded(): void {
  onSessionEnded?.();
}

/** For requests made outside the typed client (file uploads): the same 401 handling. */
export function checkResponse(response: Response, path: string): void {
  if (response.status === 401 && path !== LOGIN_PATH) sessionHasEnded();
}

api.use({
  onRequest({ request }) {
    if (csrfToken && !['GET', 'HEAD', 'OPTIONS'].includes(request.method)) request.headers.set('x-csrf-token', csrfToken);
    return request;
  },
  onResponse({ response, schemaPath }) {
    checkResponse(response, schemaPath);
    return response;
  },
});

export type Schemas = components['schemas'];
export type Program = Schemas['Activity'];
export type ProgramSummary = Schemas['ActivitySummary'];
export type AnnualSummary = Schemas['AnnualSummary'];
export type ImportReport = Schemas['ImportReport'];
export type User = Schemas['User'];
export type Session = Schemas['Session'];

export interface ProblemIssue {
  readonly path: string;
  readonly message: string;
  readonly code?: string;
}

/** An error the UI can show: the problem's stable code (translated) and its field issues. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: readonly ProblemIssue[] = [],
    readonly body: unknown = undefined,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** A JSON object (not an array, not null). */

const isIssue = (v: unknown): v is ProblemIssue =>
  isPlainObject(v) && typeof v.path === 'string' && typeof v.message === 'string' && (v.code === undefined || typeof v.code === 'string');

export function toApiError(status: number, body: unknown): ApiError {
  if (isPlainObject(body) && typeof body.code === 'string') {
    const detail = typeof body.detail === 'string' ? body.detail : body.code;
    return new ApiError(status, body.code, detail, Array.isArray(body.issues) ? body.issues.filter(isIssue) : [], body);
  }
  return new ApiError(status, status === 0 ? 'network' : 'internal', `HTTP ${status}`);
}

/** Unwraps an openapi-fetch result: the data, or an ApiError. */
export async function call<T>(request: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await request;
  } catch {
    throw new ApiError(0, 'network', 'network error');
  }
  if (result.error !== undefined || !result.response.ok) throw toApiError(result.response.status, result.error);
  return result.data as T; // ok responses carry their declared body
}

/**
 * POSTs a multipart/form-data body (uploads), with the client's CSRF header and 401 handling;
 * used where the typed client has no multipart body. Returns the JSON answer of a 2xx.
 */
export async function postForm<T>(path: string, form: FormData, headers: Record<string, string> = {}): Promise<T> {
  let response: Response;
  try {
    // No content-type header: the browser sets multipart/form-data with its boundary (`headers`: e.g. If-Match of a new version).
    response = await fetch(path, { method: 'POST', headers: { accept: 'application/json', ...csrfHeaders(), ...headers }, body: form });
  } catch {
    throw toApiError(0, undefined);
  }
  checkResponse(response, path);
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw toApiError(response.status, body);
  return body as T; // the endpoint's declared answer (OpenAPI)
}

/** Query string of a filter object, leaving out empty values (for links and downloads). */
export function queryString(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}
