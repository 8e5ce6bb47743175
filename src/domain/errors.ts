/**
 * Typed domain errors. Each has a stable code ("activity.not_found"), a message, optional field
 * issues and a cause. HTTP status codes and exit codes are chosen at the edges (server/problem.ts,
 * cli/exit-codes.ts), never here.
 */

export interface FieldIssue {
  /** Path of the field, dot-separated ("recipients.1.percentage"); "" for the whole input. */
  readonly path: string;
  readonly message: string;
  /** Stable machine-readable code for the issue ("invalid_enum_value", "date_order"). */
  readonly code?: string;
  /** What the message says, for rewording it (in another language): the value, the other date… */
  readonly params?: Readonly<Record<string, string | number>>;
}

export type DomainErrorKind =
  'not_found' | 'invalid' | 'conflict' | 'forbidden' | 'invalid_transition' | 'unauthenticated' | 'rate_limited' | 'unavailable';

export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;

  constructor(
    readonly code: string,
    message: string,
    readonly issues: readonly FieldIssue[] = [],
    options?: { cause?: unknown; details?: Readonly<Record<string, unknown>> },
  ) {
    super(message, options);
    this.name = new.target.name;
    this.details = options?.details;
  }

  /** Facts a client can act on (the current version of a record, when to retry). */
  readonly details: Readonly<Record<string, unknown>> | undefined;
}

export class NotFoundError extends DomainError {
  readonly kind = 'not_found';
}

/** The input breaks a rule; `issues` names every bad field. */
export class InvalidError extends DomainError {
  readonly kind = 'invalid';
}

/** The input clashes with stored state: an identifier that exists, a stale version. */
export class ConflictError extends DomainError {
  readonly kind = 'conflict';
}

export class ForbiddenError extends DomainError {
  readonly kind = 'forbidden';
}

export class UnauthenticatedError extends DomainError {
  readonly kind = 'unauthenticated';
}

/** Too many attempts (sign-ins); `details.retryAfterSeconds` says when to try again. */
export class RateLimitedError extends DomainError {
  readonly kind = 'rate_limited';
}

export class InvalidTransitionError extends DomainError {
  readonly kind = 'invalid_transition';
}

/**
 * Something the use case needs is out of reach for now (the database restarting, a connection
 * dropped, SQLite locked by another writer beyond its wait): nothing was done, try again;
 * `details.retryAfterSeconds` says when.
 */
export class UnavailableError extends DomainError {
  readonly kind = 'unavailable';
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
