/**
 * Integration tests run on every engine: a temporary SQLite file always, and PostgreSQL when
 * TEST_DATABASE_URL is set (each test file gets its own schema, dropped afterwards).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { loadConfig } from '../config.js';
import type { Engine } from '../db/connection.js';
import { openApp, type AppContext } from '../main.js';
import type { Clock } from '../services/deps.js';
import { fixedClock } from './fakes/store.js';

export interface EngineUnderTest {
  readonly engine: Engine;
  /** A database URL for a fresh, empty database. */
  create(): Promise<{ url: string; drop: () => Promise<void> }>;
}

const sqliteEngine: EngineUnderTest = {
  engine: 'sqlite',
  create: async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mitra-test-'));
    return { url: `file:${join(dir, 'test.sqlite')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  },
};

function postgresEngine(baseUrl: string): EngineUnderTest {
  return {
    engine: 'postgres',
    create: async () => {
      const schema = `t_${randomBytes(6).toString('hex')}`;
      const url = new URL(baseUrl);
      url.searchParams.set('schema', schema);
      return {
        url: url.toString(),
        drop: async () => {
          const client = new pg.Client({ connectionString: baseUrl });
          await client.connect();
          try {
            await client.query(`drop schema if exists ${schema} cascade`);
          } finally {
            await client.end();
          }
        },
      };
    },
  };
}

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

export const ENGINES: readonly EngineUnderTest[] = TEST_DATABASE_URL ? [sqliteEngine, postgresEngine(TEST_DATABASE_URL)] : [sqliteEngine];

let warned = false;
function warnOnce(): void {
  if (warned || TEST_DATABASE_URL) return;
  warned = true;
  console.warn('\n*** PostgreSQL integration tests SKIPPED: TEST_DATABASE_URL is not set ***\n');
}

export { fixedClock };

/**
 * Opens a migrated app for a database URL (the way `mitra serve` does). The tests sign in as
 * administrators and coordinators with a password alone: no role must use a second factor
 * unless `env` says so (MITRA_TOTP_REQUIRED_ROLES; the second factor's own tests set it).
 */
export async function openTestApp(url: string, clock: Clock = fixedClock(), env: Record<string, string> = {}): Promise<AppContext> {
  return openApp(loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent', MITRA_TOTP_REQUIRED_ROLES: 'none', ...env }), { clock });
}

/**
 * Declares a suite once per engine. The callback gets a getter for an app opened on a fresh,
 * migrated database shared by the suite's tests (each test builds its own data).
 */
export function describeEachEngine(title: string, suite: (app: () => AppContext, engine: Engine) => void): void {
  warnOnce();
  for (const engine of ENGINES) {
    describe(`${title} [${engine.engine}]`, () => {
      let app: AppContext | undefined;
      let drop: (() => Promise<void>) | undefined;
      beforeAll(async () => {
        const db = await engine.create();
        drop = db.drop;
        app = await openTestApp(db.url);
      });
      afterAll(async () => {
        await app?.close();
        await drop?.();
      });
      suite(() => {
        if (!app) throw new Error('the test database is not open yet');
        return app;
      }, engine.engine);
    });
  }
}
