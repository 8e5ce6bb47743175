/**
 * Exit codes of `mitra`, the CLI's counterpart of HTTP statuses (documented in the README), and
 * the CLI's own input error. Which error gets which code is failure.ts.
 */
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
