/** Delivering the mail outbox from the CLI (`mitra mail send-pending`, `mitra agreements remind`). */
import type { AppContext } from '../main.js';
import { deliverOutbox, MAX_MAIL_ATTEMPTS } from '../services/mail.js';
import type { CliIo } from './io.js';

/**
 * Sends the queued mail through MITRA_SMTP_URL and prints how many went; without SMTP it lists
 * the queued mail and marks none sent, so that it stays queued for a configured server.
 */
export async function sendPendingMail(app: AppContext, io: CliIo): Promise<void> {
  if (!app.config.smtpUrl) {
    for (const m of await app.deps.store.repos.mailOutbox.unsent(1000, MAX_MAIL_ATTEMPTS))
      io.out(`(not sent: no MITRA_SMTP_URL) queued #${m.id} to ${m.to}: ${m.subject}`);
    return;
  }
  // nodemailer loads only when there is mail to send through SMTP.
  const { SmtpMailer } = await import('../io/smtp-mailer.js');
  const smtp = new SmtpMailer(app.config.smtpUrl, app.config.mailFrom);
  try {
    const report = await deliverOutbox(app.deps.store, smtp, app.deps.clock, { limit: 100_000 });
    io.out(`sent ${report.sent}, failed ${report.failed} (through ${smtp.description})`);
  } finally {
    smtp.close();
  }
}
