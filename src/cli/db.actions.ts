/** The database commands (db.commands.ts): migrate, status, demo. */
import { loadConfig } from '../config.js';
import { databaseStatus, migrateDatabase } from '../main.js';
import { loadDemoData } from '../services/demo/load-demo.js';
import type { CliContext } from './context.js';

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
    ctx.io.out(
      result.loaded
        ? `loaded ${result.activities} programs, ${result.organisations} organisations, ${result.participants} participants`
        : 'the registry already holds programs; the demo data was not loaded',
    );
  });
}
