/**
 * The database out of reach, as one typed error (issue 19); and a unique key written by two
 * requests at the same moment, as a conflict. PostgreSQL restarting, a connection
 * dropped or refused, a pool that cannot connect within its timeout, or SQLite still locked by
 * another writer after its busy timeout: each driver says so in its own words; the dialect
 * wrapper below turns them into an UnavailableError (answered 503 with Retry-After, exit code
 * 8), so that no caller parses driver messages and no driver object travels further.
 */
import type { CompiledQuery, DatabaseConnection, Dialect, Driver, Kysely, QueryCompiler, QueryResult, TransactionSettings } from 'kysely';
import { ConflictError, UnavailableError } from '../domain/errors.js';

/** The SQLSTATE, SQLite or errno code a driver's error carries, if any. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/** True for a unique-constraint violation on either engine. */
export function isUniqueViolation(error: unknown): boolean {
  const code = errorCode(error);
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** SQLSTATE codes of a lost or refused connection: class 08, the server shutting down or starting, no free connection. */
const PG_UNAVAILABLE = /^(08...|57P0[123]|53300)$/;
/** Node's socket errors. */
const SOCKET_UNAVAILABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ENOTCONN',
]);
/** What pg says, without a code, when a connection ends or cannot be made in time. */
const PG_MESSAGES =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed and is not queryable)/;

/** How long a client should wait before trying again, in seconds. */
export const RETRY_AFTER_SECONDS = 2;

function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = errorCode(error);
  if (code !== undefined) {
    if (PG_UNAVAILABLE.test(code) || SOCKET_UNAVAILABLE.has(code)) return true;
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return true;
  }
  return PG_MESSAGES.test(error.message);
}

function translated(error: unknown): unknown {
  // Two requests writing the same key at the same moment (two identical nominations): the
  // services check for a twin first, so a unique violation here is that race, a conflict.
  if (isUniqueViolation(error)) {
    return new ConflictError('record.duplicate', 'a record with the same key was written at the same moment; reload and try again', [], {
      cause: error,
    });
  }
  if (!isDatabaseUnavailable(error)) return error;
  return new UnavailableError('database.unavailable', 'the database is unavailable; nothing was changed, try again in a few seconds', [], {
    cause: error,
    details: { retryAfterSeconds: RETRY_AFTER_SECONDS },
  });
}

/** Runs a driver call; better-sqlite3 throws synchronously, pg rejects: both are caught and translated. */
export async function guard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw translated(error);
  }
}

class GuardedConnection implements DatabaseConnection {
  constructor(readonly inner: DatabaseConnection) {}

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    return guard(() => this.inner.executeQuery<R>(query));
  }

  async *streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    try {
      yield* this.inner.streamQuery<R>(query, chunkSize);
    } catch (error) {
      throw translated(error);
    }
  }
}

/** The driver's own connection: its methods need it (pg's release is a private method of it). */
const innerOf = (connection: DatabaseConnection): DatabaseConnection =>
  connection instanceof GuardedConnection ? connection.inner : connection;

class GuardedDriver implements Driver {
  constructor(private readonly inner: Driver) {}

  init(): Promise<void> {
    return guard(() => this.inner.init());
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new GuardedConnection(await guard(() => this.inner.acquireConnection()));
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return guard(() => this.inner.beginTransaction(innerOf(connection), settings));
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return guard(() => this.inner.commitTransaction(innerOf(connection)));
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return guard(() => this.inner.rollbackTransaction(innerOf(connection)));
  }

  savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    return guard(() => this.inner.savepoint?.(innerOf(connection), name, compile) ?? missing('savepoint'));
  }

  rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    return guard(() => this.inner.rollbackToSavepoint?.(innerOf(connection), name, compile) ?? missing('rollbackToSavepoint'));
  }

  releaseSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    return guard(() => this.inner.releaseSavepoint?.(innerOf(connection), name, compile) ?? missing('releaseSavepoint'));
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection(innerOf(connection));
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}

function missing(method: string): never {
  throw new Error(`the database driver has no ${method}`);
}

/** The dialect with its driver's "unavailable" errors turned into UnavailableError. */
export function guardedDialect(dialect: Dialect): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createDriver: () => new GuardedDriver(dialect.createDriver()),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createIntrospector: (db: Kysely<unknown>) => dialect.createIntrospector(db),
  };
}
