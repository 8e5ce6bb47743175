/**
 * The composition root: configuration → database → services. The server and the CLI start
 * from here; nothing else sees every layer.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config, OidcConfig } from './config.js';
import { openDatabase, type DatabaseHandle, type OpenDatabaseOptions } from './db/connection.js';
import type { ServerOptions } from './server/app.js';
import { migrateIfPending, migrateToLatest, migrationStatus, type MigrationReport } from './db/migrate.js';
import { syncReferenceData } from './db/reference-sync.js';
import { createStore } from './db/store.js';
import { systemClock, type Clock, type ServiceDeps } from './services/deps.js';
import { failAbandonedImports } from './services/import-batches.js';
import { systemActor } from './domain/access/actor.js';

export interface AppContext {
  readonly config: Config;
  readonly database: DatabaseHandle;
  readonly deps: ServiceDeps;
  /** Migrations applied while opening (empty when the schema was current). */
  readonly migrated: readonly string[];
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Apply pending migrations and refresh the reference tables (default true). */
  readonly migrate?: boolean;
  readonly clock?: Clock;
  /** Told when an idle PostgreSQL connection is lost (default: a line on stderr). */
  readonly onConnectionLost?: (summary: string) => void;
}

/** How the configuration opens the database (pool, timeouts), for the app and for imports. */
export function databaseOptions(config: Config, onConnectionLost?: (summary: string) => void): OpenDatabaseOptions {
  return {
    poolSize: config.dbPoolSize,
    connectTimeoutMs: config.dbConnectTimeoutMs,
    busyTimeoutMs: config.dbBusyTimeoutMs,
    ...(onConnectionLost ? { onConnectionLost } : {}),
  };
}

export async function openApp(config: Config, options: OpenOptions = {}): Promise<AppContext> {
  const database = await openDatabase(config.databaseUrl, databaseOptions(config, options.onConnectionLost));
  try {
    let migrated: string[] = [];
    if (options.migrate ?? true) {
      migrated = await migrateIfPending(database);
      await syncReferenceData(database.db);
    }
    // The operator's own process (CLI, start-up) acts as the system; the server binds each
    // request to its user (server/auth.ts).
    const deps: ServiceDeps = { store: createStore(database.db), clock: options.clock ?? systemClock, actor: systemActor('cli') };
    // Imports whose process was killed stay `running` in their batch: say they failed. Never in
    // the way of the command: a database busy with another import is swept the next time.
    if (options.migrate ?? true) await failAbandonedImports(deps).catch(() => undefined);
    return { config, database, deps, migrated, close: () => database.close() };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** Applies pending migrations and refreshes the reference tables (`mitra db migrate`). */
export async function migrateDatabase(config: Config): Promise<{ description: string; applied: string[]; referenceRefreshed: boolean }> {
  const database = await openDatabase(config.databaseUrl, databaseOptions(config));
  try {
    const applied = await migrateToLatest(database);
    const referenceRefreshed = await syncReferenceData(database.db);
    return { description: database.description, applied, referenceRefreshed };
  } finally {
    await database.close();
  }
}

export async function databaseStatus(config: Config): Promise<MigrationReport & { description: string }> {
  const database = await openDatabase(config.databaseUrl, databaseOptions(config));
  try {
    return { ...(await migrationStatus(database)), description: database.description };
  } finally {
    await database.close();
  }
}

/** `mitra db backup`: the database's content, without sessions, to a file (db/backup.ts). */
export async function backupDatabaseTo(config: Config, file: string, toolEnv: Readonly<Record<string, string | undefined>>) {
  const { backupDatabase } = await import('./db/backup.js');
  return backupDatabase(config.databaseUrl, file, { database: databaseOptions(config), toolEnv });
}

/** `mitra db restore`: replaces the database's content with a backup's, then migrates it. */
export async function restoreDatabaseFrom(config: Config, file: string, toolEnv: Readonly<Record<string, string | undefined>>) {
  const { restoreDatabase } = await import('./db/backup.js');
  return restoreDatabase(config.databaseUrl, file, { database: databaseOptions(config), toolEnv });
}

/**
 * Services for one long import. SQLite has one connection per process: an import holding it
 * for a minute would make every other request wait, so imports get a connection of their own
 * (WAL lets the others read meanwhile). PostgreSQL's pool already gives each its own.
 */
export async function openImportDeps(app: AppContext): Promise<{ deps: ServiceDeps; close(): Promise<void> }> {
  if (app.database.engine !== 'sqlite' || app.config.databaseUrl === 'file::memory:') return { deps: app.deps, close: async () => {} };
  const database = await openDatabase(app.config.databaseUrl, databaseOptions(app.config));
  return { deps: { ...app.deps, store: createStore(database.db) }, close: () => database.close() };
}

/**
 * The built web application, dist/web, from where this code runs: dist/ (tsc's main.js), a chunk
 * of the CLI bundle in dist/bundle/ (`mitra serve`), or src/ in development (tsx, tests). Never
 * the repository's web/ folder, which holds the sources of the app and an index.html too.
 */
export function findWebRoot(): string | null {
  const here = dirname(fileURLToPath(import.meta.url));
  const dist = basename(here) === 'bundle' ? dirname(here) : basename(here) === 'src' ? join(dirname(here), 'dist') : here;
  const dir = join(dist, 'web');
  return existsSync(join(dir, 'index.html')) ? dir : null;
}

/** Single sign-on's provider (openid-client, loaded only when configured) and claim mapping. */
async function singleSignOn(oidc: OidcConfig, publicUrl: string) {
  const { openIdProvider } = await import('./io/oidc-provider.js');
  return {
    label: oidc.label,
    mapping: { roleClaim: oidc.roleClaim, roleMap: oidc.roleMap, orgClaim: oidc.orgClaim },
    provider: openIdProvider({ ...oidc, postLogoutRedirectUrl: `${publicUrl}/login` }),
  };
}

/**
 * The HTTP server over an opened app. The server's modules (Fastify, OpenAPI, XLSX, password
 * hashing) load here, not at start-up, so that CLI commands stay small and quick.
 */
export async function serverFor(app: AppContext, options: Omit<ServerOptions, 'deps' | 'engine'> = {}) {
  const [{ buildServer }, { DEFAULT_SESSION_POLICY }] = await Promise.all([import('./server/app.js'), import('./services/auth.js')]);
  const oidc = app.config.oidc;
  return buildServer({
    deps: app.deps,
    openImportDeps: () => openImportDeps(app),
    webRoot: findWebRoot(),
    engine: app.database.engine,
    bodyLimitBytes: app.config.bodyLimitBytes,
    logLevel: app.config.logLevel,
    importMaxBytes: app.config.importMaxBytes,
    uploadMaxBytes: app.config.uploadMaxBytes,
    providerCountry: app.config.providerCountry,
    trustProxy: app.config.trustProxy,
    iatiPublisher: app.config.iatiPublisher,
    publicUrl: app.config.publicUrl,
    documentLinksUrl: app.config.publicUrlSet ? app.config.publicUrl : null,
    iatiPublishDir: app.config.iatiPublishing.publishDir,
    auth: {
      portal: app.config.portal,
      secureCookies: app.config.secureCookies,
      policy: {
        ...DEFAULT_SESSION_POLICY,
        absoluteMinutes: app.config.sessionMinutes,
        idleMinutes: app.config.sessionIdleMinutes,
        secondFactorRoles: app.config.totpRequiredRoles,
      },
      oidc: oidc ? await singleSignOn(oidc, app.config.publicUrl) : null,
      passwords: oidc ? { localPasswords: oidc.localPasswords, breakGlassEmail: oidc.breakGlassEmail } : undefined,
      unlockUrl: `${app.config.publicUrl.replace(/\/+$/, '')}/unlock`,
    },
    oidcRedirectUrl: oidc?.redirectUrl,
    ...options,
  });
}
export { DatabaseUrlError } from './db/connection.js';
export { BackupToolError } from './db/backup-common.js';
