import type { Command } from 'commander';
import { jsonOption } from './common.commands.js';
import type { CliContext } from './context.js';

// The implementations load when a command runs (main.ts).
const actions = () => import('./db.actions.js');

export function registerDbCommands(program: Command, ctx: CliContext): void {
  const db = program.command('db').description('database operations');

  db.command('migrate')
    .description('apply pending migrations and refresh the reference tables')
    .action(async () => (await actions()).dbMigrate(ctx));

  db.command('status')
    .description('list applied and pending migrations')
    .action(async () => (await actions()).dbStatus(ctx));

  db.command('backup')
    .description('write a consistent copy of the database, without sessions, to FILE (safe while the server runs)')
    .argument('<file>', 'the backup file to write (replaced once complete)')
    .addOption(jsonOption())
    .action(async (file: string, options: { json?: boolean }) => (await actions()).dbBackup(ctx, file, options));

  db.command('restore')
    .description("replace the database's content with a backup's (stop the server first), then migrate it")
    .argument('<file>', 'a file written by `mitra db backup` on the same engine')
    .addOption(jsonOption())
    .action(async (file: string, options: { json?: boolean }) => (await actions()).dbRestore(ctx, file, options));

  program
    .command('demo')
    .description('load the demo data set (real 2016–2018 programs) into an empty registry')
    .action(async () => (await actions()).demo(ctx));
}
