/**
 * `mitra serve` (serve.command.ts): the HTTP server with its background jobs, in one process or,
 * with `--workers N`, in N worker processes sharing the port (Node's cluster) under a primary
 * process that prepares the database, runs the background jobs and restarts a worker that dies.
 */
import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';
import { loadConfig, type Config } from '../config.js';
import { openApp, serverFor, type AppContext } from '../main.js';
import { loadDemoData } from '../services/demo/load-demo.js';
import { loadDemoAccounts } from '../services/demo/demo-accounts.js';
import { demoPasswordLines, writeDemoPasswords } from './demo-passwords.js';
import { countUsers, ensureFirstAdmin } from '../services/users.js';
import { userInputSchema } from '../domain/account/user.js';
import { CliInputError } from './exit-codes.js';
import type { CliContext, ServeOptions } from './context.js';
import { CapturedMailer, type Mailer } from '../services/mail.js';
import { SmtpMailer } from '../io/smtp-mailer.js';
import { startBackgroundJobs, type BackgroundJobs } from '../services/background-jobs.js';

/** A worker tells the primary that it queued mail (the primary's jobs send it soon). */
const MAIL_QUEUED = 'mitra:mail-queued';

interface Listen {
  readonly port: number;
  readonly host: string;
}

export async function serve(ctx: CliContext, opts: ServeOptions): Promise<void> {
  const config = loadConfig(ctx.io.env);
  const listen = listenOptions(config, opts);
  if (cluster.isWorker) return serveWorker(ctx, config, listen);
  const workers = workerCount(opts.workers);
  if (workers > 1) return servePrimary(ctx, config, workers, opts.demo);
  return serveAlone(ctx, config, listen, opts.demo);
}

function listenOptions(config: Config, opts: ServeOptions): Listen {
  const port = opts.port === undefined ? config.port : Number(opts.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new CliInputError(`--port must be a port number (got ${opts.port})`);
  return { port, host: opts.host ?? config.host };
}

function workerCount(value: string | undefined): number {
  if (value === undefined) return 1;
  if (value === 'auto') return availableParallelism();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new CliInputError(`--workers must be a number from 1 to 64, or auto (got ${value})`);
  return n;
}

/**
 * Opens the database (migrating it), prepares it (first administrator, demo) and starts the
 * background jobs: what a single process and the primary of `--workers` both do once.
 */
async function openWithJobs(
  ctx: CliContext,
  config: Config,
  demo: boolean,
): Promise<{ app: AppContext; jobs: BackgroundJobs; lastLines: string[] }> {
  const app = await openApp(config, { onConnectionLost: (summary) => ctx.io.err(summary) });
  try {
    const lastLines = await prepare(ctx, app, config, demo);
    return { app, jobs: startJobs(ctx, app, config), lastLines };
  } catch (error) {
    await app.close();
    throw error;
  }
}

/** One process: the server and the background jobs. */
async function serveAlone(ctx: CliContext, config: Config, listen: Listen, demo: boolean): Promise<void> {
  const { app, jobs, lastLines } = await openWithJobs(ctx, config, demo);
  try {
    const server = await serverFor(app, { version: ctx.version, mailQueued: () => jobs.kick() });
    // The address the server listens on, as Fastify reports it (http://127.0.0.1:3000 by default):
    // "localhost" may resolve to ::1 first, where nothing listens.
    const address = await server.listen(listen);
    ctx.io.out(`Mitra is running on ${app.database.description}`);
    ctx.io.out(`Open ${address}  (API docs: ${address}/api/docs)`);
    for (const line of lastLines) ctx.io.out(line);
    onStop(async () => {
      await server.close();
      await jobs.stop();
      await app.close();
    });
  } catch (error) {
    await jobs.stop();
    await app.close();
    throw error;
  }
}

/**
 * The primary of `--workers N`: migrates and prepares the database once, runs the background
 * jobs (under their lease, so that other machines' primaries do not run them too), starts the
 * workers and replaces any that exits unexpectedly.
 */
async function servePrimary(ctx: CliContext, config: Config, workers: number, demo: boolean): Promise<void> {
  const { app, jobs, lastLines } = await openWithJobs(ctx, config, demo);
  if (app.database.engine === 'sqlite')
    ctx.io.out('SQLite takes one write at a time: several processes wait on each other; PostgreSQL serves several better');
  let stopping = false;
  let listening = 0;
  const started = new Map<number, number>();
  const fork = () => {
    const worker = cluster.fork();
    started.set(worker.id, Date.now());
    worker.on('message', (message: unknown) => {
      if (message === MAIL_QUEUED) jobs.kick();
    });
  };
  cluster.on('listening', (_worker: Worker, address) => {
    listening++;
    if (listening !== workers) return;
    const host = !address.address ? 'localhost' : address.address.includes(':') ? `[${address.address}]` : address.address;
    ctx.io.out(`Mitra is running on ${app.database.description} in ${workers} worker processes`);
    ctx.io.out(`Open http://${host}:${address.port}  (API docs: http://${host}:${address.port}/api/docs)`);
    for (const line of lastLines) ctx.io.out(line);
  });
  cluster.on('exit', (worker: Worker, code, signal) => {
    if (stopping) return;
    const lived = Date.now() - (started.get(worker.id) ?? 0);
    ctx.io.err(`worker ${worker.process.pid} exited (${signal ?? `code ${code}`}); starting another`);
    // A worker that dies at once (a port taken, a broken database) would be restarted in a loop.
    setTimeout(fork, lived < 5_000 ? 2_000 : 0).unref();
  });
  for (let i = 0; i < workers; i++) fork();
  onStop(async () => {
    stopping = true;
    await new Promise<void>((resolve) => cluster.disconnect(resolve));
    await jobs.stop();
    await app.close();
  });
}

/** A worker of `--workers N`: serves requests only; the primary runs the background jobs. */
async function serveWorker(ctx: CliContext, config: Config, listen: Listen): Promise<void> {
  const app = await openApp(config, { onConnectionLost: (summary) => ctx.io.err(`[worker ${process.pid}] ${summary}`) });
  try {
    // The primary may be gone or going (shutting down): then the mail waits for its next round.
    const mailQueued = () => {
      if (process.connected) process.send?.(MAIL_QUEUED, undefined, undefined, () => undefined);
    };
    const server = await serverFor(app, { version: ctx.version, mailQueued });
    await server.listen(listen);
    const stop = async () => {
      await server.close();
      await app.close();
    };
    // The primary disconnects its workers on shutdown: finish the requests under way, then exit.
    process.once('disconnect', () => void stop().then(() => process.exit(0)));
    onStop(stop);
  } catch (error) {
    await app.close();
    throw error;
  }
}

/**
 * Migrations are applied by openApp; then the first administrator and the demo data, as configured.
 * Returns the lines to print after the address: the demo accounts' passwords, last so that they
 * do not scroll away above the address (they are also kept in a file, demo-passwords.ts).
 */
async function prepare(ctx: CliContext, app: AppContext, config: Config, demo: boolean): Promise<string[]> {
  const lastLines: string[] = [];
  if (app.migrated.length) ctx.io.out(`migrated ${app.database.description}: ${app.migrated.join(', ')}`);
  if (config.firstAdmin) {
    const admin = await ensureFirstAdmin(app.deps, userInputSchema.parse({ ...config.firstAdmin, name: 'Administrator', role: 'admin' }));
    if (admin) ctx.io.out(`created the first administrator ${admin.email} (from MITRA_ADMIN_EMAIL)`);
  }
  if (demo) {
    const loaded = await loadDemoData(app.deps);
    if (loaded.loaded) {
      ctx.io.out(
        `loaded the demo data: ${loaded.activities} programs, ${loaded.organisations} organisations, ${loaded.participants} participants`,
      );
      const [{ loadDemoDocuments }, { demoFiles }] = await Promise.all([
        import('../services/demo/demo-documents.js'),
        import('../io/demo-files.js'),
      ]);
      ctx.io.out(`loaded ${await loadDemoDocuments(app.deps, demoFiles)} demo documents on programs (illustrative)`);
      const accounts = await loadDemoAccounts(app.deps);
      if (accounts.length) {
        const path = writeDemoPasswords(app, accounts);
        lastLines.push(
          'demo accounts (change the passwords, or run `mitra users set-password`):',
          ...demoPasswordLines(accounts),
          `(kept, readable by you only, in ${path}; \`mitra users demo-passwords\` shows them again)`,
        );
      }
    }
  }
  if ((await countUsers(app.deps)) === 0) {
    ctx.io.out('no accounts yet: create the first administrator with `mitra users create --role admin --email … --name …`');
  }
  return lastLines;
}

/**
 * Mail queued by the changes is sent after their commit (every few seconds, and soon after a
 * nomination or review); agreements' renewal reminders go out 180, 90 and 30 days before their
 * end, each once. Both run in the process holding their lease.
 */
const JOB_NAMES = {
  lease: 'background jobs',
  mail: 'mail delivery',
  imports: 'import sweep',
  reminders: 'reminders',
  retention: 'retention rules',
} as const;

function startJobs(ctx: CliContext, app: AppContext, config: Config): BackgroundJobs {
  const mailer: Mailer = config.smtpUrl
    ? new SmtpMailer(config.smtpUrl, config.mailFrom)
    : new CapturedMailer((line) => ctx.io.out(`(no MITRA_SMTP_URL: not sent) ${line}`));
  ctx.io.out(`mail: ${mailer.description}`);
  return startBackgroundJobs(app.deps, {
    mailer,
    publicUrl: config.publicUrl,
    onLeading: (leading) =>
      ctx.io.out(
        leading
          ? 'background jobs (mail, reminders): running in this process'
          : 'background jobs (mail, reminders): another process runs them (this one takes over if it stops)',
      ),
    onReminders: (report) =>
      ctx.io.out(`renewal reminders queued: ${report.agreements.map((a) => `${a.reference} (${a.daysLeft} days left)`).join(', ')}`),
    onRoundReminders: (report) =>
      ctx.io.out(
        `collection round reminders queued: ${report.reminders.map((r) => `${r.orgCode} (round ${r.roundId}, ${r.reminder})`).join(', ')}`,
      ),
    onRetention: (report) => ctx.io.out(`retention rules: ${report.items.length} item(s) of personal data deleted (see the audit log)`),
    onError: (job, error) => ctx.io.err(`${JOB_NAMES[job]}: ${error instanceof Error ? error.message : String(error)}`),
  });
}

function onStop(stop: () => Promise<void>): void {
  const end = () =>
    void stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  process.once('SIGINT', end);
  process.once('SIGTERM', end);
}
