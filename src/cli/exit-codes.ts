/** Exit codes of `mitra`, the CLI's counterpart of HTTP statuses (documented in the README). */
import { ConfigError } from '../config.js';
import { DatabaseUrlError } from '../main.js';
import { isDomainError, type DomainError } from '../domain/errors.js';

export const EXIT = {
  ok: 0,
  unexpected: 1,
  usage: 2,
  invalid: 3,
  notFound: 4,
  conflict: 5,
  forbidden: 6,
  config: 7,
} as const;

const BY_KIND: Record<DomainError['kind'], number> = {
  invalid: EXIT.invalid,
  not_found: EXIT.notFound,
  conflict: EXIT.conflict,
  invalid_transition: EXIT.conflict,
  forbidden: EXIT.forbidden,
  unauthenticated: EXIT.forbidden,
  rate_limited: EXIT.forbidden,
};

/** An input problem found by the CLI itself (unreadable file, bad JSON, failed schema). */
export class CliInputError extends Error {
  constructor(
    message: string,
    readonly details: readonly string[] = [],
  ) {
    super(message);
    this.name = 'CliInputError';
  }
}

export function exitCodeFor(error: unknown): number {
  if (isDomainError(error)) return BY_KIND[error.kind];
  if (error instanceof CliInputError) return EXIT.invalid;
  if (error instanceof ConfigError || error instanceof DatabaseUrlError) return EXIT.config;
  return EXIT.unexpected;
}

/** The lines to print for an error: the message, then one line per bad field. */
export function describeError(error: unknown): string[] {
  if (isDomainError(error)) return [`error: ${error.message}`, ...error.issues.map((i) => `  ${i.path || '(input)'}: ${i.message}`)];
  if (error instanceof CliInputError) return [`error: ${error.message}`, ...error.details.map((d) => `  ${d}`)];
  if (error instanceof ConfigError) return [error.message];
  if (error instanceof Error) return [`error: ${error.message}`];
  return [`error: ${String(error)}`];
}
