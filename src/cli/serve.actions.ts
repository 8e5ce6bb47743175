/** `mitra serve` (serve.command.ts): the HTTP server with its background jobs. */
import { loadConfig } from '../config.js';
import { openApp, serverFor } from '../main.js';
import { loadDemoData } from '../services/demo/load-demo.js';
import { loadDemoAccounts } from '../services/demo/demo-accounts.js';
import { countUsers, ensureFirstAdmin } from '../services/users.js';
import { userInputSchema } from '../domain/account/user.js';
import { CliInputError } from './exit-codes.js';
import { VERSION, type CliContext } from './main.js';
import { CapturedMailer, startMailDelivery, type Mailer } from '../services/mail.js';
import { SmtpMailer } from '../io/smtp-mailer.js';
import { scheduleRenewalReminders } from '../services/partnerships.js';

export interface ServeOptions {
  port?: string;
  host?: string;
  demo: boolean;
}

export async function serve(ctx: CliContext, opts: ServeOptions): Promise<void> {
  const config = loadConfig(ctx.io.env);
  const port = opts.port === undefined ? config.port : Number(opts.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new CliInputError(`--port must be a port number (got ${opts.port})`);
  const host = opts.host ?? config.host;
  const app = await openApp(config);
  try {
    if (app.migrated.length) ctx.io.out(`migrated ${app.database.description}: ${app.migrated.join(', ')}`);
    if (config.firstAdmin) {
      const admin = await ensureFirstAdmin(app.deps, userInputSchema.parse({ ...config.firstAdmin, name: 'Administrator', role: 'admin' }));
      if (admin) ctx.io.out(`created the first administrator ${admin.email} (from MITRA_ADMIN_EMAIL)`);
    }
    if (opts.demo) {
      const demo = await loadDemoData(app.deps);
      if (demo.loaded) {
        ctx.io.out(`loaded the demo data: ${demo.activities} programs, ${demo.organisations} organisations, ${demo.participants} participants`);
        const accounts = await loadDemoAccounts(app.deps);
        if (accounts.length) {
          ctx.io.out('demo accounts (passwords shown once; change them or run `mitra users set-password`):');
          for (const a of accounts) ctx.io.out(`  ${a.role.padEnd(12)} ${a.email.padEnd(26)} ${a.password}`);
        }
      }
    }
    if ((await countUsers(app.deps)) === 0) {
      ctx.io.out('no accounts yet: create the first administrator with `mitra users create --role admin --email … --name …`');
    }
    // Mail queued by the changes is sent after their commit: every few seconds, and soon after a nomination or review.
    const mailer: Mailer = config.smtpUrl ? new SmtpMailer(config.smtpUrl, config.mailFrom) : new CapturedMailer((line) => ctx.io.out(`(no MITRA_SMTP_URL: not sent) ${line}`));
    const mail = startMailDelivery(app.deps.store, mailer, app.deps.clock, { onError: (error) => ctx.io.err(`mail delivery: ${error instanceof Error ? error.message : String(error)}`) });
    ctx.io.out(`mail: ${mailer.description}`);
    // Agreements' renewal reminders (180, 90, 30 days before their end), each sent once.
    const reminders = scheduleRenewalReminders(app.deps, {
      publicUrl: config.publicUrl,
      onQueued: (report) => {
        ctx.io.out(`renewal reminders queued: ${report.agreements.map((a) => `${a.reference} (${a.daysLeft} days left)`).join(', ')}`);
        mail.kick();
      },
      onError: (error) => ctx.io.err(`renewal reminders: ${error instanceof Error ? error.message : String(error)}`),
    });
    const server = await serverFor(app, { version: VERSION, mailQueued: () => mail.kick() });
    const address = await server.listen({ port, host });
    ctx.io.out(`Mitra is running on ${app.database.description}`);
    ctx.io.out(`Open ${address.replace('127.0.0.1', 'localhost')}  (API docs: ${address}/api/docs)`);
    const stop = async () => {
      reminders.stop();
      await server.close();
      await mail.stop();
      await app.close();
    };
    process.once('SIGINT', () => void stop().then(() => process.exit(0)));
    process.once('SIGTERM', () => void stop().then(() => process.exit(0)));
  } catch (error) {
    await app.close();
    throw error;
  }
}
