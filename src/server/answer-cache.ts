/**
 * Answers kept against the data versions (issue 19): a list or report answer computed for a
 * scope (the public, or everyone who reads internal records) is kept, serialised and
 * compressed once, and served again while the data versions of its topics are unchanged. A
 * write in any process raises them at its commit (db/data-version.ts), so the next read anywhere
 * recomputes: an answer is never kept longer than its data.
 *
 * The ETag is derived from the versions, the scope and the URL, so a client's If-None-Match is
 * answered 304 after one read of the versions, without computing anything.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import { negotiate } from '@fastify/accept-negotiator';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../domain/access/actor.js';
import { canReadInternal } from '../domain/access/policy.js';
import type { DataTopic, ServiceDeps } from '../services/deps.js';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Below this size an answer is sent as it is (the compression plugin's threshold too). */
export const COMPRESS_THRESHOLD_BYTES = 1024;

type Encoding = 'br' | 'gzip' | 'identity';

interface Entry {
  readonly versions: string;
  readonly etag: string;
  readonly body: Buffer;
  readonly encoded: Map<Encoding, Promise<Buffer>>;
}

export interface CachedAnswerOptions {
  /** The data the answer is computed from. */
  readonly topics: readonly DataTopic[];
  /**
   * What of the asker the answer depends on: the same string for everyone who gets the same
   * answer; null to compute it for this asker without keeping it.
   */
  readonly scope?: (actor: Actor) => string | null;
}

/** The scope of answers that show the public published records only, and everyone else all. */
export const readScope = (actor: Actor): string => (canReadInternal(actor) ? 'internal' : 'public');

export class AnswerCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;

  constructor(
    /** Changes every ETag when the code changes (an answer's shape may have changed). */
    private readonly build: string,
    private readonly maxBytes = 64 * 1024 * 1024,
  ) {}

  /**
   * Answers a GET from the cache, or computes, keeps and sends the answer. `compute` returns
   * the payload as the route's response schema describes it (serialised by the route's own
   * serializer, so that the cached body is byte for byte what the route would send). The
   * answer has gone when the promise resolves.
   */
  async reply(
    request: FastifyRequest,
    reply: FastifyReply,
    deps: ServiceDeps,
    options: CachedAnswerOptions,
    compute: () => Promise<unknown>,
  ): Promise<void> {
    await this.send(request, reply, deps, options, compute);
    // Until the answer has gone: when a handler resolves with nothing while its reply is still in
    // its onSend hooks, Fastify sends it again (lib/wrap-thenable.js), so the hooks ran twice for
    // one answer once one of them did I/O (an API token's use was recorded twice, server/bearer.ts).
    await reply;
  }

  private async send(
    request: FastifyRequest,
    reply: FastifyReply,
    deps: ServiceDeps,
    options: CachedAnswerOptions,
    compute: () => Promise<unknown>,
  ): Promise<void> {
    const scope = (options.scope ?? readScope)(request.actor);
    if (scope === null) {
      reply.send(await compute());
      return;
    }
    const versions = await deps.store.dataVersions(options.topics);
    const key = `${scope}\n${request.url}`;
    const etag = `W/"${createHash('sha1').update(`${this.build}\n${versions}\n${key}`).digest('base64url').slice(0, 27)}"`;
    reply
      .header('etag', etag)
      // The scope follows the credential: the session cookie or an API token's Authorization header.
      .header('vary', 'Cookie, Authorization, Accept-Encoding')
      .header('cache-control', `${scope === 'public' ? 'public' : 'private'}, no-cache`);
    if (matchesIfNoneMatch(request.headers['if-none-match'], etag)) {
      reply.code(304).send();
      return;
    }
    let entry = this.entries.get(key);
    if (!entry || entry.versions !== versions) {
      const body = bytesOf(reply.serialize(await compute()));
      entry = { versions, etag, body, encoded: new Map() };
      this.keep(key, entry);
    } else {
      // Most recently used last: the oldest entries go first when the cache is full.
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    reply.type('application/json; charset=utf-8');
    const encoding = entry.body.length >= COMPRESS_THRESHOLD_BYTES ? acceptedEncoding(request) : 'identity';
    if (encoding === 'identity') {
      reply.send(entry.body);
      return;
    }
    const encoded = await encodedBody(entry, encoding);
    reply.header('content-encoding', encoding).header('content-length', encoded.length).send(encoded);
  }

  private keep(key: string, entry: Entry): void {
    const old = this.entries.get(key);
    if (old) this.bytes -= old.body.length;
    this.entries.delete(key);
    this.entries.set(key, entry);
    this.bytes += entry.body.length;
    for (const [oldest, value] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= value.body.length;
    }
  }
}

/** A serialised answer as bytes (the JSON serialiser gives a string). */
function bytesOf(body: string | ArrayBuffer | Buffer): Buffer {
  if (typeof body === 'string') return Buffer.from(body);
  return Buffer.isBuffer(body) ? body : Buffer.from(body);
}

function acceptedEncoding(request: FastifyRequest): Encoding {
  const header = request.headers['accept-encoding'];
  if (!header) return 'identity';
  return negotiate<Encoding>(header, ['br', 'gzip', 'identity']) ?? 'identity';
}

function encodedBody(entry: Entry, encoding: 'br' | 'gzip'): Promise<Buffer> {
  let encoded = entry.encoded.get(encoding);
  if (!encoded) {
    // Compressed once per version: a higher Brotli quality than per-request compression pays off.
    encoded =
      encoding === 'br' ? brotli(entry.body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 6 } }) : gzipAsync(entry.body, { level: 6 });
    entry.encoded.set(encoding, encoded);
  }
  return encoded;
}

/** If-None-Match: `*`, or a list of ETags compared weakly (RFC 9110 13.1.2). */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const ours = opaque(etag);
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === ours);
}

declare module 'fastify' {
  interface FastifyInstance {
    answers: AnswerCache;
  }
}

/** One cache per server (tests run several servers on different databases in one process). */
export function registerAnswerCache(app: FastifyInstance, build: string): void {
  app.decorate('answers', new AnswerCache(build));
}

/**
 * Conditional GETs for the other API answers: a 200 answer to a GET gets a weak ETag, the hash
 * of its body, and a request whose If-None-Match holds it is answered 304 without the body.
 * The answer is still computed (cached answers above avoid that); the network is spared.
 * Registered before the compression, so the hash is of the uncompressed body.
 */
export function registerConditionalGet(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || reply.statusCode !== 200 || !request.url.startsWith('/api/'))
      return payload;
    if (!(typeof payload === 'string' || Buffer.isBuffer(payload))) return payload;
    if (/no-store/.test(String(reply.getHeader('cache-control') ?? ''))) return payload;
    // A route's own ETag is a record's version for If-Match: the answer may hold more than the
    // record (an agreement's documents and programs) and change while the version does not, so
    // it never stands for the body here.
    if (reply.getHeader('etag') !== undefined) return payload;
    const etag = `W/"${createHash('sha1').update(payload).digest('base64url').slice(0, 27)}"`;
    reply.header('etag', etag);
    if (matchesIfNoneMatch(request.headers['if-none-match'], etag)) {
      reply.code(304);
      return '';
    }
    return payload;
  });
}
