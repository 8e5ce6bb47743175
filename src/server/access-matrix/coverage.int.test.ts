/**
 * The access matrix covers every route the server registers: each route (method and path) has
 * at least one row, or an exclusion below saying why it cannot be tested per role. A new route
 * without a row fails here, named, until a row says what each role gets from it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../main.js';
import { serverFor } from '../../main.js';
import { openTestApp } from '../../testing/engines.js';
import { WHO, type Matrix, type Row } from './fixtures.js';
import { ROW_SETS } from './rows.js';

/** Routes no row covers, each with the reason it cannot be tested per role. */
const EXCLUDED: Readonly<Record<string, string>> = {
  'GET /': 'the home page without a built web application (the same for every role)',
  'GET /*': 'the built web application’s static files (the same for every role)',
  'GET /api/docs': 'the OpenAPI viewer (static; the same for every role)',
  'GET /api/docs/json': 'the OpenAPI document (the same for every role)',
  'GET /api/docs/yaml': 'the OpenAPI document (the same for every role)',
  'GET /api/docs/static/*': 'the OpenAPI viewer’s static files',
  'GET /api/docs/static/index.html': 'the OpenAPI viewer’s static files',
  'GET /api/docs/static/swagger-initializer.js': 'the OpenAPI viewer’s static files',
  'GET /api/openapi.json': 'the OpenAPI document (the same for every role)',
  'GET /api/v1/auth/oidc/start': 'single sign-on: 404 when not configured (oidc.int.test.ts runs it against a provider)',
  'GET /api/v1/auth/oidc/callback': 'single sign-on: 404 when not configured (oidc.int.test.ts runs it against a provider)',
};

/** Exclusions registered or not depending on whether the web application is built (web/dist). */
const EITHER = new Set(['GET /', 'GET /*']);

/** Every route as `METHOD /path`, HEAD left out (Fastify answers it with the GET route). */
async function registeredRoutes(app: AppContext): Promise<string[]> {
  const routes = new Set<string>();
  const server = await serverFor(app, {
    logLevel: 'silent',
    onRoute: (route) => {
      for (const method of [route.method].flat()) if (method !== 'HEAD') routes.add(`${method} ${route.url}`);
    },
  });
  await server.ready();
  await server.close();
  return [...routes].sort();
}

describe('access matrix: coverage', () => {
  let app: AppContext;
  let dir = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mitra-matrix-'));
    app = await openTestApp(`file:${join(dir, 'test.sqlite')}`);
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  // The row factories read the fixture only when a row runs: their routes are known without it.
  const rows: Row[] = ROW_SETS.flatMap((set) => [...set({} as Matrix)]);

  it('has a row for every route the server registers, but the exclusions', async () => {
    const routes = await registeredRoutes(app);
    const covered = new Set(rows.map((row) => row.route));
    const missing = routes.filter((route) => !covered.has(route) && !(route in EXCLUDED));
    expect(missing, `routes without a row in the access matrix:\n${missing.join('\n')}`).toEqual([]);
    // A row or an exclusion naming no route is a mistake (a typo, or a route since removed).
    expect(rows.map((row) => row.route).filter((route) => !routes.includes(route))).toEqual([]);
    expect(Object.keys(EXCLUDED).filter((route) => !routes.includes(route) && !EITHER.has(route))).toEqual([]);
    const tested = routes.filter((route) => covered.has(route)).length;
    const excluded = routes.filter((route) => route in EXCLUDED).length;
    // The closing note quotes this line.
    console.log(
      `access matrix: ${tested} routes of ${routes.length} (${excluded} excluded), ${rows.length} rows, ${rows.length * WHO.length} route × role cells per engine`,
    );
    expect(tested + excluded).toBe(routes.length);
  });
});
