/** Sends mail through an SMTP server (MITRA_SMTP_URL, smtp:// or smtps://) with nodemailer. */
import nodemailer from 'nodemailer';
import type { Mailer, MailMessage } from '../services/mail.js';

export class SmtpMailer implements Mailer {
  readonly description: string;
  private readonly transport: nodemailer.Transporter;

  constructor(
    url: string,
    private readonly from: string,
  ) {
    const u = new URL(url);
    // Never log the password of the URL.
    this.description = `${u.protocol}//${u.hostname}${u.port ? `:${u.port}` : ''}`;
    this.transport = nodemailer.createTransport(url);
  }

  async send(message: MailMessage): Promise<void> {
    await this.transport.sendMail({ from: this.from, to: message.to, subject: message.subject, text: message.text });
  }

  close(): void {
    this.transport.close();
  }
}
