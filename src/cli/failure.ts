/**
 * What a failed command prints and its exit code. It knows the errors of every layer (config,
 * database URL, domain), so runCli loads it only once a command has failed.
 */
import { ConfigError } from '../config.js';
import { BackupToolError, DatabaseUrlError } from '../main.js';
import { isDomainError, type DomainError } from '../domain/errors.js';
import { CliInputError, EXIT } from './exit-codes.js';

const BY_KIND: Record<DomainError['kind'], number> = {
  invalid: EXIT.invalid,
  not_found: EXIT.notFound,
  conflict: EXIT.conflict,
  invalid_transition: EXIT.conflict,
  forbidden: EXIT.forbidden,
  unauthenticated: EXIT.forbidden,
  rate_limited: EXIT.forbidden,
  unavailable: EXIT.unavailable,
};

export function exitCodeFor(error: unknown): number {
  if (isDomainError(error)) return BY_KIND[error.kind];
  if (error instanceof CliInputError) return EXIT.invalid;
  if (error instanceof ConfigError || error instanceof DatabaseUrlError || error instanceof BackupToolError) return EXIT.config;
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
