/** The database commands (db.commands.ts): migrate, status, backup, restore, demo. */
import { loadConfig } from '../config.js';
import { backupDatabaseTo, databaseStatus, migrateDatabase, restoreDatabaseFrom } from '../main.js';
import { loadDemoData } from '../services/demo/load-demo.js';
import type { CliContext } from './context.js';
import { json } from './format.js';

export async function dbMigrate(ctx: CliContext): Promise<void> {
  const result = await migrateDatabase(loadConfig(ctx.io.env));
  ctx.io.out(result.description);
  ctx.io.out(result.applied.length ? `applied: ${result.applied.join(', ')}` : 'schema is up to date');
  if (result.referenceRefreshed) ctx.io.out('reference tables refreshed');
}

export async function dbStatus(ctx: CliContext): Promise<void> {
  const status = await databaseStatus(loadConfig(ctx.io.env));
  ctx.io.out(status.description);
  for (const name of status.applied) ctx.io.out(`applied  ${name}`);
  for (const name of status.pending) ctx.io.out(`pending  ${name}`);
}

export async function demo(ctx: CliContext): Promise<void> {
  await ctx.withApp(async (app) => {
    const result = await loadDemoData(app.deps);
    if (result.loaded) {
      const [{ loadDemoDocuments }, { demoFiles }] = await Promise.all([
        import('../services/demo/demo-documents.js'),
        import('../io/demo-files.js'),
      ]);
      await loadDemoDocuments(app.deps, demoFiles);
    }
    ctx.io.out(
      result.loaded
        ? `loaded ${result.activities} programs, ${result.organisations} organisations, ${result.participants} participants`
        : 'the registry already holds programs; the demo data was not loaded',
    );
  });
}

interface Counts {
  readonly programs: number;
  readonly participants: number;
  readonly users: number;
  readonly auditEntries: number;
  readonly editions: number;
}

function countsLine(c: Counts): string {
  return `programs ${c.programs}, participants ${c.participants}, users ${c.users}, audit entries ${c.auditEntries}, editions ${c.editions}`;
}

/** 1536 → "1.5 KiB" (IEC 80000-13 binary prefixes). */
function sizeOf(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${bytes} bytes` : `${value.toFixed(1)} ${units[unit]}`;
}

export async function dbBackup(ctx: CliContext, file: string, options: { json?: boolean }): Promise<void> {
  const result = await backupDatabaseTo(loadConfig(ctx.io.env), file, ctx.io.env);
  if (options.json) return ctx.io.out(json(result));
  ctx.io.out(`wrote ${result.file} (${sizeOf(result.bytes)}, ${result.engine === 'sqlite' ? 'SQLite database' : 'pg_dump custom format'})`);
  ctx.io.out(countsLine(result.counts));
  ctx.io.out(`left out (rows only): ${result.leftOut.join(', ')}`);
}

export async function dbRestore(ctx: CliContext, file: string, options: { json?: boolean }): Promise<void> {
  const result = await restoreDatabaseFrom(loadConfig(ctx.io.env), file, ctx.io.env);
  if (options.json) return ctx.io.out(json(result));
  ctx.io.out(`restored ${result.file} into ${result.description}`);
  ctx.io.out(countsLine(result.counts));
  ctx.io.out(result.migrated.length ? `applied: ${result.migrated.join(', ')}` : 'schema is up to date');
  ctx.io.out('no sessions were restored: everyone signs in again');
}
