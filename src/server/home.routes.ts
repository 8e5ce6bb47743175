/**
 * The page at "/" until the web application (web/) is built: says what is running and where the
 * API and its documentation are, in Indonesian and English.
 */
import type { FastifyInstance } from 'fastify';
import type { ServiceDeps } from '../services/deps.js';
import { countPrograms } from '../services/programs.js';

export function registerHomeRoutes(app: FastifyInstance, deps: ServiceDeps): void {
  app.get('/', { schema: { hide: true } }, async (_request, reply) => {
    const programs = await countPrograms(deps);
    reply.type('text/html; charset=utf-8').header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
    return `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Mitra</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5}</style></head>
<body><h1>Mitra</h1>
<p lang="id">Registri Kerja Sama Selatan-Selatan dan Triangular. Basis data berisi <strong>${programs}</strong> program.</p>
<p lang="en">Registry of South-South and Triangular Cooperation. The database holds <strong>${programs}</strong> programs.</p>
<ul><li><a href="/api/docs">API documentation / Dokumentasi API</a></li>
<li><a href="/api/v1/activities">/api/v1/activities</a></li>
<li><a href="/api/openapi.json">OpenAPI</a></li></ul>
</body></html>`;
  });
}
