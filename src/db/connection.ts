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

export type Engine = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  readonly engine: Engine;
  /** PostgreSQL schema holding the tables ("public" by default); null on SQLite. */
  readonly schema: string | null;
  /** A description safe to print: no password. */
  readonly description: string;
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
}

export async function openDatabase(url: string, options: OpenDatabaseOptions = {}): Promise<DatabaseHandle> {
  const log = options.onQuery ? logQueries(options.onQuery) : undefined;
  return engineOf(url) === 'sqlite' ? openSqlite(url, log) : openPostgres(url, options.poolSize ?? 10, log);
}

function logQueries(onQuery: (query: CompiledQuery) => void): (event: LogEvent) => void {
  return (event) => {
    if (event.level === 'query') onQuery(event.query);
  };
}

function sqlitePath(url: string): string {
  const path = decodeURIComponent(url.slice('file:'.length).replace(/^\/\/(?=\/)/, ''));
  if (path === '') throw new DatabaseUrlError('DATABASE_URL file: needs a path, e.g. file:./data/mitra.sqlite');
  return path === ':memory:' ? path : resolve(path);
}

// Each driver loads with its engine only: a SQLite command never loads pg, nor the reverse.
async function openSqlite(url: string, log?: (event: LogEvent) => void): Promise<DatabaseHandle> {
  const path = sqlitePath(url);
  const { default: SQLite } = await import('better-sqlite3');
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const database = new SQLite(path);
  // WAL lets reports read while an import writes; foreign keys are off by default in SQLite.
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  // Reports read the same indexes again and again: keep up to 64 MiB of pages in memory.
  database.pragma('cache_size = -65536');
  database.pragma('temp_store = MEMORY');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }), ...(log ? { log } : {}) });
  return {
    db,
    engine: 'sqlite',
    schema: null,
    description: `SQLite ${path}`,
    close: () => db.destroy(),
  };
}

/** int8 (counts, bigint sums of hundredths) as JS numbers; refuses values beyond exact range. */
function parseInt8(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`integer ${value} is beyond JavaScript's exact range`);
  return n;
}

async function openPostgres(url: string, poolSize: number, log?: (event: LogEvent) => void): Promise<DatabaseHandle> {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get('schema') ?? 'public';
  if (!SCHEMA_NAME.test(schema)) throw new DatabaseUrlError(`schema "${schema}" must be a lower-case SQL name`);
  parsed.searchParams.delete('schema');
  const { default: pg } = await import('pg');
  const types = {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
      oid === pg.types.builtins.INT8 ? parseInt8 : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
  };
  const pool = new pg.Pool({
    connectionString: parsed.toString(),
    max: poolSize,
    types,
    // The working set is in memory (or on SSD): a random page read costs about a sequential one, so
    // the planner should read a page of a list from its index, not scan the table (issue 19).
    options: `-c search_path=${schema} -c random_page_cost=1.1`,
  });
  if (schema !== 'public') {
    const client = await pool.connect();
    try {
      await client.query(`create schema if not exists ${schema}`);
    } finally {
      client.release();
    }
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), ...(log ? { log } : {}) });
  parsed.password = parsed.password ? '***' : '';
  return {
    db,
    engine: 'postgres',
    schema,
    description: `PostgreSQL ${parsed.host}${parsed.pathname} (schema ${schema})`,
    close: () => db.destroy(),
  };
}
