import type { Command } from 'commander';
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

  program
    .command('demo')
    .description('load the demo data set (real 2016–2018 programs) into an empty registry')
    .action(async () => (await actions()).demo(ctx));
}
