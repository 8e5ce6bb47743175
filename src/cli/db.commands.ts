import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { databaseStatus, migrateDatabase } from '../main.js';
import { loadDemoData } from '../services/demo/load-demo.js';
import type { CliContext } from './main.js';

export function registerDbCommands(program: Command, ctx: CliContext): void {
  const db = program.command('db').description('database operations');

  db.command('migrate')
    .description('apply pending migrations and refresh the reference tables')
    .action(async () => {
      const result = await migrateDatabase(loadConfig(ctx.io.env));
      ctx.io.out(result.description);
      ctx.io.out(result.applied.length ? `applied: ${result.applied.join(', ')}` : 'schema is up to date');
      if (result.referenceRefreshed) ctx.io.out('reference tables refreshed');
    });

  db.command('status')
    .description('list applied and pending migrations')
    .action(async () => {
      const status = await databaseStatus(loadConfig(ctx.io.env));
      ctx.io.out(status.description);
      for (const name of status.applied) ctx.io.out(`applied  ${name}`);
      for (const name of status.pending) ctx.io.out(`pending  ${name}`);
    });

  program
    .command('demo')
    .description('load the demo data set (real 2016–2018 programs) into an empty registry')
    .action(async () => {
      await ctx.withApp(async (app) => {
        const result = await loadDemoData(app.deps);
        ctx.io.out(
          result.loaded
            ? `loaded ${result.activities} programs, ${result.organisations} organisations, ${result.participants} participants`
            : 'the registry already holds programs; the demo data was not loaded',
        );
      });
    });
}
