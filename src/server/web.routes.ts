/**
 * Serves the built web application: hashed assets cached for a year, pages never cached.
 * Text files are sent as the Brotli or gzip copies written at build time (scripts/precompress.ts),
 * whichever the request's Accept-Encoding prefers, else as they are.
 */
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** What the pages may load: only this server (the map is a local file, no tile server). */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // ECharts and React set inline style attributes.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export async function registerWebApp(app: FastifyInstance, root: string): Promise<void> {
  await app.register(fastifyStatic, {
    root,
    wildcard: true,
    index: ['index.html'],
    // The `.br`/`.gz` copy next to a file, chosen by Accept-Encoding (br, then gzip), with
    // `content-encoding` and `vary: accept-encoding` set here, so the API's compression
    // (@fastify/compress skips bodies that already carry an encoding) leaves them alone. Range
    // and If-None-Match apply to the copy sent: each copy has its own length and ETag.
    preCompressed: true,
    setHeaders: (res, path) => {
      res.header('cache-control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.addHook('onSend', async (request, reply) => {
    if (!request.url.startsWith('/api/')) {
      reply.header('content-security-policy', CSP);
      reply.header('x-content-type-options', 'nosniff');
      reply.header('referrer-policy', 'same-origin');
    }
  });
}
