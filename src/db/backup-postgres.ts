/**
 * PostgreSQL backups (backup.ts) with the client tools: pg_dump in its custom format, the schema
 * named by DATABASE_URL only, without the left-out tables' rows; pg_restore turns the archive back
 * into SQL, which psql runs after emptying the schema, all in one transaction, so that a failure
 * anywhere leaves the old database whole. Tools: https://www.postgresql.org/docs/current/app-pgdump.html,
 * app-pgrestore.html, app-psql.html.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { InvalidError } from '../domain/errors.js';
import type { DatabaseHandle } from './connection.js';
import {
  BackupToolError,
  LEFT_OUT_TABLES,
  assertKnownMigrations,
  countRows,
  createPrivateFile,
  damagedBackup,
  databaseInUse,
  noMitraDatabase,
  notMitraBackup,
  type BackupResult,
} from './backup-common.js';

export type ToolEnv = Readonly<Record<string, string | undefined>>;

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

const INSTALL = 'install the PostgreSQL client tools (Debian/Ubuntu: postgresql-client) of the server’s major version or later';

/** The libpq connection for the tools: the URL without Mitra's `schema` and without the password (given in PGPASSWORD, not on a command line others can list). */
function libpqOf(url: string, env: ToolEnv): { conninfo: string; env: Record<string, string> } {
  const parsed = new URL(url);
  parsed.searchParams.delete('schema');
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  const childEnv: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) if (value !== undefined) childEnv[key] = value;
  if (password) childEnv.PGPASSWORD = password;
  return { conninfo: parsed.toString(), env: childEnv };
}

function run(tool: string, args: readonly string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', (error) => reject(toolError(tool, error)));
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

function toolError(tool: string, error: unknown): Error {
  if (error instanceof Error && 'code' in error && error.code === 'ENOENT')
    return new BackupToolError(`${tool} was not found on PATH: ${INSTALL}`);
  return error instanceof Error ? error : new Error(String(error));
}

/** The major version a tool reports ("pg_dump (PostgreSQL) 15.20 …" → 15). */
async function toolMajor(tool: string, env: Record<string, string>): Promise<number> {
  const { code, stdout, stderr } = await run(tool, ['--version'], env);
  const major = /\(PostgreSQL\)\s+(\d+)/.exec(stdout)?.[1];
  if (code !== 0 || major === undefined) throw new BackupToolError(`${tool} --version failed (${(stderr || stdout).trim()}): ${INSTALL}`);
  return Number(major);
}

async function serverMajor(handle: DatabaseHandle): Promise<number> {
  const { rows } = await sql<{ v: string }>`select current_setting('server_version_num') as v`.execute(handle.db);
  return Math.floor(Number(rows[0]?.v ?? 0) / 10_000);
}

/** pg_dump refuses a server newer than itself; say so before it starts, naming both versions. */
async function assertTools(handle: DatabaseHandle, tools: readonly string[], env: Record<string, string>): Promise<void> {
  const server = await serverMajor(handle);
  for (const tool of tools) {
    const major = await toolMajor(tool, env);
    if (major < server) throw new BackupToolError(`${tool} ${major} is older than the PostgreSQL ${server} server: ${INSTALL}`);
  }
}

function schemaOf(handle: DatabaseHandle): string {
  // connection.ts checked it against a lower-case SQL name, so it may go into SQL as it is.
  return handle.schema ?? 'public';
}

export async function backupPostgres(handle: DatabaseHandle, url: string, target: string, toolEnv: ToolEnv): Promise<BackupResult> {
  const { conninfo, env } = libpqOf(url, toolEnv);
  await assertTools(handle, ['pg_dump'], env);
  const schema = schemaOf(handle);
  const { rows: found } = await sql<{ t: string | null }>`select to_regclass(${`${schema}.kysely_migration`})::text as t`.execute(
    handle.db,
  );
  if (!found[0]?.t) throw noMitraDatabase(handle.description);
  const temp = `${target}.partial-${process.pid}`;
  try {
    await createPrivateFile(temp, target);
    // pg_dump reads the snapshot this transaction exports, so the counts printed are those of the file.
    const counts = await handle.db.connection().execute(async (conn) => {
      await sql`begin transaction isolation level repeatable read read only`.execute(conn);
      try {
        const { rows } = await sql<{ snapshot: string }>`select pg_export_snapshot() as snapshot`.execute(conn);
        const counted = await countRows(conn);
        const args = ['--format=custom', `--snapshot=${rows[0]?.snapshot ?? ''}`, `--schema=${schema}`, '--no-owner', '--no-privileges'];
        for (const table of LEFT_OUT_TABLES) args.push(`--exclude-table-data=${schema}.${table}`);
        const dump = await run('pg_dump', [...args, `--file=${temp}`, `--dbname=${conninfo}`], { ...env, PGAPPNAME: 'mitra-backup' });
        if (dump.code !== 0) throw new Error(`pg_dump failed: ${dump.stderr.trim()}`);
        return counted;
      } finally {
        await sql`commit`.execute(conn);
      }
    });
    await rename(temp, target);
    return { file: target, bytes: (await stat(target)).size, engine: 'postgres', counts, leftOut: LEFT_OUT_TABLES };
  } finally {
    await rm(temp, { force: true });
  }
}

/** One entry of an archive's table of contents (`pg_restore --list`): "215; 1259 16390 TABLE public users owner". */
const TOC_ENTRY = /^\d+;\s+\d+\s+\d+\s+(.+)$/;

interface Contents {
  /** The schema the archive's tables are in. */
  readonly schema: string;
  /** The list to restore (`pg_restore --use-list`): every entry but the schema itself and its comment. */
  readonly list: string;
}

async function contentsOf(file: string, env: Record<string, string>): Promise<Contents> {
  const toc = await run('pg_restore', ['--list', file], env);
  if (toc.code !== 0) throw damagedBackup(file, toc.stderr.trim());
  const lines = toc.stdout.split('\n');
  const migrations = lines.map((line) => /^\d+;\s+\d+\s+\d+\s+TABLE (\S+) kysely_migration /.exec(line)?.[1]).find((s) => s !== undefined);
  if (migrations === undefined) throw notMitraBackup(file, 'a pg_dump archive without Mitra’s migration table');
  // The schema exists already (emptied below, keeping extensions such as pg_trgm in it).
  const list = lines.filter((line) => !/^(SCHEMA|COMMENT - SCHEMA) /.test(TOC_ENTRY.exec(line)?.[1] ?? '')).join('\n');
  return { schema: migrations, list };
}

/** The migrations the archive's schema had, from the data of its migration table. */
async function migrationsIn(file: string, schema: string, env: Record<string, string>): Promise<string[]> {
  const data = await run('pg_restore', ['--data-only', `--schema=${schema}`, '--table=kysely_migration', '--file=-', file], env);
  if (data.code !== 0) throw damagedBackup(file, data.stderr.trim());
  const start = data.stdout.search(/^COPY \S+kysely_migration /m);
  if (start < 0) return [];
  const rows = data.stdout.slice(start).split('\n').slice(1);
  const end = rows.indexOf('\\.');
  return rows.slice(0, end < 0 ? 0 : end).map((row) => row.split('\t')[0] ?? '');
}

/** How long connections closed just before (a server being stopped) may take to leave pg_stat_activity. */
const CLOSING_MS = 3000;

async function assertNotInUse(handle: DatabaseHandle, schema: string): Promise<void> {
  // Every Mitra process names its connections so (connection.ts, application_name).
  const name = schema === 'public' ? 'mitra' : `mitra:${schema}`;
  const deadline = Date.now() + CLOSING_MS;
  for (;;) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
      where datname = current_database() and pid <> pg_backend_pid() and application_name = ${name}`.execute(handle.db);
    const n = rows[0]?.n ?? 0;
    if (n === 0) return;
    // A backend ends a moment after its client has closed the connection.
    if (Date.now() >= deadline) throw databaseInUse(handle.description, `${n} connection(s) of a Mitra process`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Drops everything in the schema that is not an extension's (pg_trgm lives in public): tables
 * with their indexes, triggers and sequences, then the functions the triggers ran.
 */
function emptySchema(schema: string): string {
  return `do $mitra$
declare r record;
begin
  for r in select format('%I.%I', n.nspname, c.relname) as name, c.relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = '${schema}' and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
      and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')
    order by c.relkind in ('r', 'p') desc
  loop
    execute format('drop %s if exists %s cascade',
      case r.relkind when 'v' then 'view' when 'm' then 'materialized view' when 'S' then 'sequence' when 'f' then 'foreign table' else 'table' end, r.name);
  end loop;
  for r in select p.oid::regprocedure::text as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname = '${schema}'
      and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')
  loop
    execute format('drop routine if exists %s cascade', r.name);
  end loop;
end $mitra$;
`;
}

/**
 * Empties the left-out tables that exist (an older archive may lack some) in one TRUNCATE: a table
 * another one references (sessions, by oidc_sessions) can only be truncated together with it.
 */
function emptyLeftOut(schema: string): string {
  const names = LEFT_OUT_TABLES.map((table) => `'${table}'`).join(', ');
  return `do $mitra$ declare t text; existing text[] := '{}'; begin
  foreach t in array array[${names}] loop
    if to_regclass(format('%I.%I', '${schema}', t)) is not null then existing := existing || format('%I.%I', '${schema}', t); end if;
  end loop;
  if cardinality(existing) > 0 then execute 'truncate ' || array_to_string(existing, ', '); end if;
end $mitra$;
`;
}

/**
 * Restores the archive into the configured schema: psql runs, in one transaction it commits only
 * once pg_restore has ended well, the emptying of the schema, the archive's SQL and the emptying
 * of the left-out tables (a plain pg_dump archive may hold sessions).
 */
export async function restorePostgres(handle: DatabaseHandle, url: string, file: string, toolEnv: ToolEnv): Promise<void> {
  const { conninfo, env } = libpqOf(url, toolEnv);
  await assertTools(handle, ['pg_restore', 'psql'], env);
  const schema = schemaOf(handle);
  const contents = await contentsOf(file, env);
  if (contents.schema !== schema) {
    throw new InvalidError(
      'backup.other_schema',
      `${file} holds the schema "${contents.schema}", but DATABASE_URL names the schema "${schema}": pg_dump archives restore into the schema they were taken from`,
    );
  }
  assertKnownMigrations(file, await migrationsIn(file, schema, env));
  await assertNotInUse(handle, schema);
  const dir = await mkdtemp(join(tmpdir(), 'mitra-restore-'));
  try {
    const listFile = join(dir, 'restore.list');
    await writeFile(listFile, contents.list);
    await pipeRestore(file, listFile, conninfo, { ...env, PGAPPNAME: 'mitra-restore' }, schema);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function pipeRestore(file: string, listFile: string, conninfo: string, env: Record<string, string>, schema: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const psql = spawn('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', `--dbname=${conninfo}`, '--file=-'], {
      env,
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    const restore = spawn('pg_restore', ['--use-list', listFile, '--no-owner', '--no-privileges', '--file=-', file], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let psqlErr = '';
    let restoreErr = '';
    let failed: Error | undefined;
    psql.stderr.on('data', (chunk: Buffer) => (psqlErr += chunk.toString('utf8')));
    restore.stderr.on('data', (chunk: Buffer) => (restoreErr += chunk.toString('utf8')));
    psql.on('error', (error) => (failed ??= toolError('psql', error)));
    restore.on('error', (error) => (failed ??= toolError('pg_restore', error)));
    // psql may end early (an error stops it): what is still written then is of no use.
    psql.stdin.on('error', () => undefined);
    // A new database lacks the extension the archive's trigram indexes use (its migration is
    // recorded as applied, so it does not run again); pg_trgm is trusted, the owner may create it.
    psql.stdin.write(`begin;\ncreate extension if not exists pg_trgm with schema public;\n${emptySchema(schema)}`);
    restore.stdout.pipe(psql.stdin, { end: false });
    restore.on('close', (code) => {
      if (code === 0 && failed === undefined) psql.stdin.end(`${emptyLeftOut(schema)}commit;\n`);
      else {
        failed ??= damagedBackup(file, restoreErr.trim() || `pg_restore ended with ${code}`);
        // Without a commit the transaction is rolled back when psql's connection ends.
        psql.stdin.end();
      }
    });
    psql.on('close', (code) => {
      if (failed) reject(failed);
      else if (code !== 0) reject(new Error(`the restore was rolled back, the database is as it was: ${psqlErr.trim()}`));
      else resolve();
    });
  });
}
