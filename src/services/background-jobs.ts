/**
 * The server's background jobs — mail delivery from the outbox, agreements' renewal reminders,
 * collection rounds' and sign-offs' reminders and the personal-data retention rules (retention.ts) — run in one process at a time, however many processes serve the database
 * (`mitra serve --workers N`, or several machines behind a reverse proxy). A process runs them
 * while it holds their lease in the database, renewed every few seconds; when it stops (or
 * dies), the lease runs out and another process takes over.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { startMailDelivery, type MailDelivery, type Mailer } from './mail.js';
import { failAbandonedImports } from './import-batches.js';
import { repeatInBackground, scheduleRenewalReminders, type ReminderReport } from './reminders.js';
import { scheduleRoundReminders, type RoundReminderReport } from './round-reminders.js';
import { scheduleSignOffReminders } from './sign-off-reminders.js';
import type { Deps } from './deps.js';
import { applyRetention, type RetentionReport } from './retention.js';

export const JOBS_LEASE = 'background-jobs';

export interface BackgroundJobsOptions {
  readonly mailer: Mailer;
  readonly publicUrl: string;
  /** How long a lease lasts without renewal; another process takes over after it. */
  readonly leaseMs?: number;
  /** How often the lease is renewed (or sought, by a process without it). */
  readonly renewEveryMs?: number;
  /** This process's name in the lease (host, process id and a random part by default). */
  readonly holder?: string;
  readonly onLeading?: (leading: boolean) => void;
  readonly onReminders?: (report: ReminderReport) => void;
  readonly onRoundReminders?: (report: RoundReminderReport) => void;
  /** The retention rules deleted something (docs/privacy.md). */
  readonly onRetention?: (report: RetentionReport) => void;
  /** How often the retention rules are applied (default daily; the first run an hour after taking the lease). */
  readonly retentionEveryMs?: number;
  readonly onError?: (job: 'mail' | 'reminders' | 'lease' | 'imports' | 'retention', error: unknown) => void;
}

export interface BackgroundJobs {
  /** Mail was queued: send it soon (here, if this process runs the jobs). */
  kick(): void;
  /** Whether this process runs the jobs now. */
  leading(): boolean;
  /** Stops the jobs and gives the lease up. */
  stop(): Promise<void>;
}

/** How often the background jobs look for imports whose process died. */
const IMPORT_SWEEP_MS = 5 * 60_000;

/** How often the retention rules are applied by default. */
const RETENTION_EVERY_MS = 24 * 3_600_000;

export function startBackgroundJobs(
  deps: Deps<
    | 'agreements'
    | 'rounds'
    | 'signOffs'
    | 'users'
    | 'mailOutbox'
    | 'jobLeases'
    | 'importBatches'
    | 'retention'
    | 'surveys'
    | 'participants'
    | 'programs'
    | 'privacy'
    | 'audit'
  >,
  options: BackgroundJobsOptions,
): BackgroundJobs {
  const holder = options.holder ?? `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  const leaseMs = options.leaseMs ?? 30_000;
  let running: {
    mail: MailDelivery;
    reminders: { stop(): void };
    roundReminders: { stop(): void };
    signOffReminders: { stop(): void };
    importSweep: { stop(): void };
    retention: { stop(): void };
  } | null = null;
  let stopped = false;
  let told = false;

  const start = () => {
    const mail = startMailDelivery(deps.store, options.mailer, deps.clock, { onError: (error) => options.onError?.('mail', error) });
    const reminders = scheduleRenewalReminders(deps, {
      publicUrl: options.publicUrl,
      onQueued: (report) => {
        options.onReminders?.(report);
        mail.kick();
      },
      onError: (error) => options.onError?.('reminders', error),
    });
    const roundReminders = scheduleRoundReminders(deps, {
      publicUrl: options.publicUrl,
      onQueued: (report) => {
        options.onRoundReminders?.(report);
        mail.kick();
      },
      onError: (error) => options.onError?.('reminders', error),
    });
    // The ministries' sign-offs: before and after each deadline (docs/sign-offs.md).
    const signOffReminders = scheduleSignOffReminders(deps, {
      publicUrl: options.publicUrl,
      onQueued: () => mail.kick(),
      onError: (error) => options.onError?.('reminders', error),
    });
    // Imports whose process died (kill -9, a crashed worker) are marked failed (issue 24, finding 4).
    const importSweep = repeatInBackground(
      () => failAbandonedImports(deps),
      (ids) => ids.length > 0,
      { intervalMs: IMPORT_SWEEP_MS, firstAfterMs: IMPORT_SWEEP_MS, onError: (error) => options.onError?.('imports', error) },
    );
    // Personal data past its retention period is deleted (docs/privacy.md); the rules are off until an administrator switches them on.
    const retentionEvery = options.retentionEveryMs ?? RETENTION_EVERY_MS;
    const retention = repeatInBackground(
      () => applyRetention(deps),
      (report) => report.items.length > 0,
      {
        intervalMs: retentionEvery,
        firstAfterMs: Math.min(retentionEvery, 3_600_000),
        onQueued: (report) => options.onRetention?.(report),
        onError: (error) => options.onError?.('retention', error),
      },
    );
    running = { mail, reminders, roundReminders, signOffReminders, importSweep, retention };
    options.onLeading?.(true);
  };
  const halt = async () => {
    const jobs = running;
    running = null;
    if (!jobs) return;
    jobs.reminders.stop();
    jobs.roundReminders.stop();
    jobs.signOffReminders.stop();
    jobs.importSweep.stop();
    jobs.retention.stop();
    await jobs.mail.stop();
    // Stopping: nobody is told that another process runs them (it may not be so).
    if (!stopped) options.onLeading?.(false);
  };

  const renew = async () => {
    if (stopped) return;
    try {
      const now = deps.clock.nowIso();
      const held = await deps.store.repos.jobLeases.acquire(JOBS_LEASE, holder, new Date(Date.parse(now) + leaseMs).toISOString(), now);
      if (stopped) return;
      if (held && !running) start();
      if (!held && running) await halt();
      if (!held && !told) options.onLeading?.(false);
      told = true;
    } catch (error) {
      // The database may be away for a while: keep the jobs as they are and try again.
      options.onError?.('lease', error);
    }
  };
  // The renewal under way: stopping waits for it, or a renewal begun before the stop could take
  // the lease again after it was given up (and hold it until it runs out).
  // One at a time: a tick that finds one under way (a slow database) leaves it be.
  let inFlight = true;
  let renewing = renew().finally(() => (inFlight = false));
  const timer = setInterval(
    () => {
      if (inFlight) return;
      inFlight = true;
      renewing = renew().finally(() => (inFlight = false));
    },
    options.renewEveryMs ?? Math.floor(leaseMs / 3),
  );
  timer.unref();

  return {
    kick: () => running?.mail.kick(),
    leading: () => running !== null,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await renewing;
      await halt();
      await deps.store.repos.jobLeases.release(JOBS_LEASE, holder).catch((error: unknown) => options.onError?.('lease', error));
    },
  };
}
