/**
 * Opens the database named by a DATABASE_URL: `file:PATH` (embedded SQLite, better-sqlite3) or
 * `postgres://…` (PostgreSQL, pg). Both go through one Kysely query layer.
 *
 * PostgreSQL URLs may carry `?schema=NAME`: Mitra's tables then live in that schema (created
 * when missing), which lets tests and several deployments share one database.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect, type CompiledQuery, type LogEvent } from 'kysely';
import type { Database } from './schema.js';
import { errorCode, guard, guardedDialect } from './driver-errors.js';

export type Engine = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  readonly engine: Engine;
  /** PostgreSQL schema holding the tables ("public" by default); null on SQLite. */
  readonly schema: string | null;
  /** A description safe to print: no password. */
  readonly description: string;
  /** The SQLite database's file (absolute); null on PostgreSQL and for an in-memory database. */
  readonly file: string | null;
  close(): Promise<void>;
}

export class DatabaseUrlError extends Error {}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function engineOf(url: string): Engine {
  if (url.startsWith('file:')) return 'sqlite';
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return 'postgres';
  throw new DatabaseUrlError(`DATABASE_URL must start with file: or postgres:// (got "${url.split(':')[0]}:…")`);
}

export interface OpenDatabaseOptions {
  readonly poolSize?: number;
  /** Called with every query run (tests read the plans of the queries a use case runs). */
  readonly onQuery?: (query: CompiledQuery) => void;
  /** PostgreSQL: how long a request waits for a connection before the database counts as unavailable. */
  readonly connectTimeoutMs?: number;
  /** SQLite: how long a write waits for another writer's lock before the database counts as unavailable. */
  readonly busyTimeoutMs?: number;
  /** Told, in one line without the driver's objects, when an idle PostgreSQL connection is lost. */
  readonly onConnectionLost?: (summary: string) => void;
}

export async function openDatabase(url: string, options: OpenDatabaseOptions = {}): Promise<DatabaseHandle> {
  const log = options.onQuery ? logQueries(options.onQuery) : undefined;
  return engineOf(url) === 'sqlite' ? openSqlite(url, options.busyTimeoutMs ?? 5000, log) : openPostgres(url, options, log);
}

/** The lost connection in one line: the SQLSTATE or errno code and the message, nothing else. */
function connectionLost(error: unknown): string {
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  return `database connection lost${code !== undefined ? ` (${code})` : ''}: ${message}`;
}

function logQueries(onQuery: (query: CompiledQuery) => void): (event: LogEvent) => void {
  return (event) => {
    if (event.level === 'query') onQuery(event.query);
  };
}

export function sqlitePath(url: string): string {
  const path = decodeURIComponent(url.slice('file:'.length).replace(/^\/\/(?=\/)/, ''));
  if (path === '') throw new DatabaseUrlError('DATABASE_URL file: needs a path, e.g. file:./data/mitra.sqlite');
  return path === ':memory:' ? path : resolve(path);
}

// Each driver loads with its engine only: a SQLite command never loads pg, nor the reverse.
async function openSqlite(url: string, busyTimeoutMs: number, log?: (event: LogEvent) => void): Promise<DatabaseHandle> {
  const path = sqlitePath(url);
  const { default: SQLite } = await import('better-sqlite3');
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const database = new SQLite(path);
  // WAL lets reports read while an import writes; foreign keys are off by default in SQLite.
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  // A write waits this long for another process's write to end, then answers "unavailable".
  database.pragma(`busy_timeout = ${Math.trunc(busyTimeoutMs)}`);
  // Reports read the same indexes again and again: keep up to 64 MiB of pages in memory.
  database.pragma('cache_size = -65536');
  database.pragma('temp_store = MEMORY');
  const db = new Kysely<Database>({ dialect: guardedDialect(new SqliteDialect({ database })), ...(log ? { log } : {}) });
  return {
    db,
    engine: 'sqlite',
    schema: null,
    description: `SQLite ${path}`,
    file: path === ':memory:' ? null : path,
    close: () => db.destroy(),
  };
}

/** int8 (counts, bigint sums of hundredths) as JS numbers; refuses values beyond exact range. */
function parseInt8(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`integer ${value} is beyond JavaScript's exact range`);
  return n;
}

async function openPostgres(url: string, options: OpenDatabaseOptions, log?: (event: LogEvent) => void): Promise<DatabaseHandle> {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get('schema') ?? 'public';
  if (!SCHEMA_NAME.test(schema)) throw new DatabaseUrlError(`schema "${schema}" must be a lower-case SQL name`);
  parsed.searchParams.delete('schema');
  const { default: pg } = await import('pg');
  const types = new pg.TypeOverrides();
  types.setTypeParser(pg.types.builtins.INT8, parseInt8);
  const pool = new pg.Pool({
    connectionString: parsed.toString(),
    max: options.poolSize ?? 10,
    types,
    // While PostgreSQL is down or restarting, a request fails within this time (503) instead of
    // waiting on a connection; the pool opens new connections by itself once it is back.
    connectionTimeoutMillis: options.connectTimeoutMs ?? 2000,
    // A peer gone without a word (a network cut) is noticed by TCP keep-alive probes after 10 s idle.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    application_name: `mitra${schema === 'public' ? '' : `:${schema}`}`,
    // The working set is in memory (or on SSD): a random page read costs about a sequential one, so
    // the planner should read a page of a list from its index, not scan the table (issue 19).
    options: `-c search_path=${schema} -c random_page_cost=1.1`,
  });
  // An idle connection that PostgreSQL ends (a restart, pg_terminate_backend) is reported here;
  // without a listener the process would exit. The pool drops the connection and opens another
  // when one is next needed. Only a summary is passed on: the client object holds secrets.
  const onLost = options.onConnectionLost ?? ((summary: string) => process.stderr.write(`${summary}\n`));
  pool.on('error', (error) => onLost(connectionLost(error)));
  // A connection lost while checked out fails its query (answered 503); pg also emits 'error'
  // on the client, which would end the process without a listener.
  pool.on('connect', (client) => client.on('error', () => undefined));
  if (schema !== 'public') {
    const client = await guard(() => pool.connect());
    try {
      await client.query(`create schema if not exists ${schema}`);
    } finally {
      client.release();
    }
  }
  const db = new Kysely<Database>({ dialect: guardedDialect(new PostgresDialect({ pool })), ...(log ? { log } : {}) });
  parsed.password = parsed.password ? '***' : '';
  return {
    db,
    engine: 'postgres',
    schema,
    description: `PostgreSQL ${parsed.host}${parsed.pathname} (schema ${schema})`,
    file: null,
    close: () => db.destroy(),
  };
}
