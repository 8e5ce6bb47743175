import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { makeProblem, sendProblem } from './problem.js';

export const idParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

/** The strong ETag of a versioned record. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

export type IfMatch = { ok: true; version: number | undefined } | { ok: false; missing: boolean };

/**
 * Reads If-Match ("3" or W/"3"); `*` means "whatever version is stored" (RFC 9110 §13.1.1), a
 * client's deliberate overwrite. No header is refused (`missing`): a change sent without the
 * version it was made on would silently overwrite a change made meanwhile.
 */
export function readIfMatch(request: FastifyRequest): IfMatch {
  const header = request.headers['if-match'];
  if (header === undefined) return { ok: false, missing: true };
  if (header.trim() === '*') return { ok: true, version: undefined };
  const match = /^(?:W\/)?"(\d{1,9})"$/.exec(header.trim());
  return match ? { ok: true, version: Number(match[1]) } : { ok: false, missing: false };
}

/** The version a change of a record expects, from If-Match (undefined: any version). */
export interface VersionCheck {
  readonly expectedVersion: number | undefined;
}

/**
 * Runs a change of a versioned record with the version If-Match names (a stale one is the
 * service's 409), or answers without running it: 428 Precondition Required (RFC 6585 §3) when
 * the header is missing, 400 when it is malformed.
 */
export async function ifMatch<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  change: (check: VersionCheck) => Promise<T>,
): Promise<T | FastifyReply> {
  const header = readIfMatch(request);
  if (!header.ok) return header.missing ? ifMatchRequired(request, reply) : badIfMatch(request, reply);
  return change({ expectedVersion: header.version });
}

/** A versioned record's presentation, its version sent as the ETag. */
export function withEtag<R extends { readonly version: number }, J>(reply: FastifyReply, record: R, present: (record: R) => J): J {
  reply.header('etag', etagOf(record.version));
  return present(record);
}

export function ifMatchRequired(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendProblem(
    reply,
    makeProblem(
      request,
      428,
      'request.if_match_required',
      'send If-Match with the ETag of the record as you read it (its version, e.g. "3"), so that a change made meanwhile is not overwritten; If-Match: * overwrites whatever version is stored',
      [{ path: 'if-match', message: 'is required', in: 'headers' }],
    ),
  );
}

export function badIfMatch(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendProblem(
    reply,
    makeProblem(request, 400, 'request.if_match', 'If-Match must be the ETag of the record, e.g. "3"', [
      { path: 'if-match', message: 'must be a quoted version number', in: 'headers' },
    ]),
  );
}
