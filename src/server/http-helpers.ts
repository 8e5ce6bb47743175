import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { makeProblem, sendProblem } from './problem.js';

export const idParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

/** The strong ETag of a versioned record. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

export type IfMatch = { ok: true; version: number | undefined } | { ok: false };

/** Reads If-Match ("3" or W/"3"); `*` or no header means "any version". */
export function readIfMatch(request: FastifyRequest): IfMatch {
  const header = request.headers['if-match'];
  if (header === undefined || header.trim() === '*') return { ok: true, version: undefined };
  const match = /^(?:W\/)?"(\d{1,9})"$/.exec(header.trim());
  return match ? { ok: true, version: Number(match[1]) } : { ok: false };
}

/** The version a change of a record expects, from If-Match (undefined: any version). */
export interface VersionCheck {
  readonly expectedVersion: number | undefined;
}

/**
 * Runs a change of a versioned record with the version If-Match names (a stale one is the
 * service's 409), or answers 400 for a malformed header without running it.
 */
export async function ifMatch<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  change: (check: VersionCheck) => Promise<T>,
): Promise<T | FastifyReply> {
  const header = readIfMatch(request);
  if (!header.ok) return badIfMatch(request, reply);
  return change({ expectedVersion: header.version });
}

/** A versioned record's presentation, its version sent as the ETag. */
export function withEtag<R extends { readonly version: number }, J>(reply: FastifyReply, record: R, present: (record: R) => J): J {
  reply.header('etag', etagOf(record.version));
  return present(record);
}

export function badIfMatch(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendProblem(
    reply,
    makeProblem(request, 400, 'request.if_match', 'If-Match must be the ETag of the record, e.g. "3"', [
      { path: 'if-match', message: 'must be a quoted version number', in: 'headers' },
    ]),
  );
}
