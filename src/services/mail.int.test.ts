/**
 * Mail delivery by several processes at once, on both engines: each queued mail is claimed by one
 * delivery and sent once; a claim left by a process that died runs out and the mail is sent.
 */
import { expect, it } from 'vitest';
import { describeEachEngine } from '../testing/engines.js';
import { CLAIM_LEASE_MS, deliverOutbox, type MailMessage, type Mailer } from './mail.js';
import type { Clock } from './deps.js';

/** A mailer that takes its time, so that two deliveries overlap. */
class SlowMailer implements Mailer {
  readonly description = 'slow';
  readonly sent: MailMessage[] = [];
  async send(message: MailMessage): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 2));
    this.sent.push(message);
  }
}

describeEachEngine('mail delivery', (app) => {
  it('sends each queued mail once when two deliveries run at the same time', async () => {
    const { store, clock } = app().deps;
    const mails = Array.from({ length: 60 }, (_, i) => ({ kind: 'test', to: `person${i}@example.org`, subject: `Mail ${i}`, text: 'x' }));
    await store.repos.mailOutbox.enqueue(mails, clock.nowIso());
    const a = new SlowMailer();
    const b = new SlowMailer();
    // Batches of 10: the two deliveries take turns claiming until the outbox is empty.
    const [ra, rb] = await Promise.all([deliverOutbox(store, a, clock, { limit: 10 }), deliverOutbox(store, b, clock, { limit: 10 })]);
    const more = await Promise.all([deliverOutbox(store, a, clock), deliverOutbox(store, b, clock)]);
    const all = [...a.sent, ...b.sent].map((m) => m.to);
    expect(all.length).toBe(60);
    expect(new Set(all).size).toBe(60);
    expect(ra.sent + rb.sent + more[0].sent + more[1].sent).toBe(60);
    expect(await store.repos.mailOutbox.unsent(100, 5)).toEqual([]);
  });

  it('leaves a claimed mail to its claimant until the claim runs out', async () => {
    const { store } = app().deps;
    const t0 = '2026-11-28T10:00:00.000Z';
    await store.repos.mailOutbox.enqueue(
      [{ kind: 'test', to: 'orphan@example.org', subject: 'Claimed by a process that died', text: 'x' }],
      t0,
    );
    // A process claims it and dies before sending.
    const claimed = await store.repos.mailOutbox.claim(10, 5, t0, new Date(Date.parse(t0) + CLAIM_LEASE_MS).toISOString());
    expect(claimed.map((m) => m.to)).toEqual(['orphan@example.org']);
    const at = (ms: number): Clock => ({ nowIso: () => new Date(Date.parse(t0) + ms).toISOString() });
    const mailer = new SlowMailer();
    expect((await deliverOutbox(store, mailer, at(CLAIM_LEASE_MS - 1000))).sent).toBe(0);
    expect((await deliverOutbox(store, mailer, at(CLAIM_LEASE_MS + 1000))).sent).toBe(1);
    expect(mailer.sent.map((m) => m.to)).toEqual(['orphan@example.org']);
  });
});
