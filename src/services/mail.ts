/**
 * Delivery of the mail outbox. Use cases write mail in the transaction of the change it reports
 * (journey.ports.ts, MailOutboxRepository); this sends it after the commit, so a rolled-back change sends
 * nothing and a mail server that is down delays mail without failing the change. Each row is
 * tried up to MAX_MAIL_ATTEMPTS times.
 */
import type { Clock, Repos, Store } from './deps.js';

/** What delivery needs of the store: the outbox, outside any transaction. */
type OutboxStore = Store<Repos<'mailOutbox'>>;

export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

/** Something that sends mail: SMTP (io/smtp-mailer.ts) or the captured outbox of tests. */
export interface Mailer {
  /** For logs: "smtp://mail.example.org:587", "captured". */
  readonly description: string;
  send(message: MailMessage): Promise<void>;
}

/** Keeps messages in memory (tests, and development without SMTP, where it also logs them). */
export class CapturedMailer implements Mailer {
  readonly description = 'captured (no SMTP configured)';
  readonly messages: MailMessage[] = [];

  constructor(private readonly log?: (line: string) => void) {}

  async send(message: MailMessage): Promise<void> {
    this.messages.push(message);
    this.log?.(`mail to ${message.to}: ${message.subject}`);
  }
}

export const MAX_MAIL_ATTEMPTS = 5;

/** How long a claim on a batch of mail holds: a process that dies mid-batch leaves it to others after this. */
export const CLAIM_LEASE_MS = 10 * 60_000;

export interface DeliveryReport {
  readonly sent: number;
  readonly failed: number;
}

/** Sends unsent outbox mail, oldest first, marking each sent or failed (with the error). */
export async function deliverOutbox(
  store: OutboxStore,
  mailer: Mailer,
  clock: Clock,
  options: { limit?: number } = {},
): Promise<DeliveryReport> {
  let sent = 0;
  let failed = 0;
  const limit = options.limit ?? 200;
  for (;;) {
    // Claimed, not just read: another app process delivering at the same time sends other mail.
    const now = clock.nowIso();
    const batch = await store.repos.mailOutbox.claim(
      Math.min(limit - sent - failed, 100),
      MAX_MAIL_ATTEMPTS,
      now,
      new Date(Date.parse(now) + CLAIM_LEASE_MS).toISOString(),
    );
    if (batch.length === 0) break;
    for (const mail of batch) {
      try {
        await mailer.send({ to: mail.to, subject: mail.subject, text: mail.text });
        await store.repos.mailOutbox.markSent(mail.id, clock.nowIso());
        sent++;
      } catch (error) {
        await store.repos.mailOutbox.markFailed(mail.id, error instanceof Error ? error.message : String(error));
        failed++;
      }
    }
    if (sent + failed >= limit || failed > 0) break; // after a failure, wait for the next round
  }
  return { sent, failed };
}

export interface MailDelivery {
  /** Sends soon (after a write that queued mail) instead of at the next tick. */
  kick(): void;
  stop(): Promise<void>;
}

/** A small loop: every `intervalMs`, and soon after a kick; one round at a time. */
export function startMailDelivery(
  store: OutboxStore,
  mailer: Mailer,
  clock: Clock,
  options: { intervalMs?: number; onError?: (error: unknown) => void; onSent?: (report: DeliveryReport) => void } = {},
): MailDelivery {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const round = (): void => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = deliverOutbox(store, mailer, clock)
      .then((report) => {
        if (report.sent || report.failed) options.onSent?.(report);
      })
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          setTimeout(round, 50).unref();
        }
      });
  };
  const timer = setInterval(round, options.intervalMs ?? 5000);
  timer.unref();
  return {
    kick: () => {
      setTimeout(round, 10).unref();
    },
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
