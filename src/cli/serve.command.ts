import type { Command } from 'commander';
import type { CliContext, ServeOptions } from './context.js';

export function registerServeCommand(program: Command, ctx: CliContext): void {
  program
    .command('serve')
    .description('migrate the database, load the demo data into an empty registry, and serve the API and web app')
    .option('--port <port>', 'port to listen on (default $PORT or 3000)')
    .option('--host <host>', 'address to listen on (default $HOST or 127.0.0.1)')
    .option('--no-demo', 'do not load the demo data set into an empty database')
    .option('--workers <n>', 'serve from N processes sharing the port (or "auto": one per core); the background jobs run once (default 1)')
    // The server, the mailer and the jobs load when the command runs (main.ts).
    .action(async (opts: ServeOptions) => (await import('./serve.actions.js')).serve(ctx, opts));
}
