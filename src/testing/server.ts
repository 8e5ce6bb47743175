/** An in-process HTTP server over a test app, called with inject() (no port). */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import type { AppContext } from '../main.js';
import { serverFor } from '../main.js';

export function useServer(app: () => AppContext, options: { bodyLimitBytes?: number } = {}): () => FastifyInstance {
  let server: FastifyInstance | undefined;
  beforeAll(async () => {
    server = await serverFor(app(), { logLevel: 'silent', ...options });
    await server.ready();
  });
  afterAll(async () => {
    await server?.close();
  });
  return () => {
    if (!server) throw new Error('the test server is not ready yet');
    return server;
  };
}
