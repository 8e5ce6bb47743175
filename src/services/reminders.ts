/**
 * Renewal reminders of agreements (180, 90 and 30 days before the end of validity) and what needs
 * the coordinator now: overdue follow-ups and agreements ending soon (docs/partnerships.md).
 */
import { actorHasRole, actorOrg, authorizePartnershipRead, authorizeReferenceWrite } from '../domain/access/policy.js';
import { addDays } from '../domain/dates.js';
import { RENEWAL_REMINDER_DAYS, renewalState } from '../domain/partnership/agreement.js';
import { withRenewal, type Agreement, type AgreementWithRenewal, type FollowUpRow } from '../domain/partnership/partnership.js';
import type { Deps, Repos } from './deps.js';
import { today } from './partnership-access.js';
import type { OutgoingMail } from './journey.ports.js';

/** The last day of the first reminder window from `day`: agreements ending by then are expiring. */
const firstWindowEnd = (day: string) => addDays(day, RENEWAL_REMINDER_DAYS[0] ?? 180);

/** Accounts that hear about an agreement: the owning agency's active accounts and the coordinators. */
async function reminderRecipients(repos: Repos<'users'>, ownerOrg: string | null): Promise<string[]> {
  const owners = ownerOrg ? await repos.users.list({ orgCode: ownerOrg }) : [];
  const coordinators = await repos.users.list({ role: 'coordinator' });
  return [...new Set([...owners, ...coordinators].map((u) => u.email.toLowerCase()))].sort();
}

function reminderMail(to: string, a: Agreement, daysLeft: number, publicUrl: string | null): OutgoingMail {
  const link = publicUrl ? `${publicUrl.replace(/\/$/, '')}/agreements/${a.id}` : `/agreements/${a.id}`;
  return {
    kind: 'agreement_renewal',
    to,
    subject: `[Mitra] ${a.reference}: berakhir ${a.validUntil} / ends ${a.validUntil} (${daysLeft} hari / days)`,
    text: [
      `Perjanjian "${a.titleId ?? a.titleEn}" (${a.reference}) berlaku sampai ${a.validUntil}, ${daysLeft} hari lagi. Mohon putuskan perpanjangan atau pengakhirannya.`,
      '',
      `The agreement "${a.titleEn}" (${a.reference}) is valid until ${a.validUntil}, ${daysLeft} days from now. Please decide whether to renew it or let it end.`,
      '',
      link,
    ].join('\n'),
  };
}

export interface ReminderSent {
  readonly reference: string;
  readonly validUntil: string;
  readonly daysLeft: number;
  readonly reminder: number;
  readonly recipients: number;
}

export interface ReminderReport {
  readonly agreements: readonly ReminderSent[];
}

/**
 * Queues the renewal reminders that are due (180, 90 and 30 days before the end of validity):
 * one mail per agreement and recipient for the latest reminder reached, each sent once. Run it
 * daily (`mitra agreements remind`).
 */
export async function sendRenewalReminders(
  deps: Deps<'agreements' | 'users' | 'mailOutbox'>,
  options: { publicUrl?: string | null } = {},
): Promise<ReminderReport> {
  authorizeReferenceWrite(deps.actor);
  const day = today(deps);
  return deps.store.transaction(async (repos) => {
    const agreements = await repos.agreements.liveEndingBy(firstWindowEnd(day));
    const done: ReminderSent[] = [];
    for (const a of agreements) {
      const { daysLeft, remindersDue } = renewalState(a.status, a.validUntil, day);
      const sent = await repos.agreements.remindersSent(a.id, a.validUntil);
      const missing = remindersDue.filter((d) => !sent.includes(d));
      if (!missing.length || daysLeft === null) continue;
      const recipients = await reminderRecipients(repos, a.ownerOrg);
      await repos.mailOutbox.enqueue(
        recipients.map((to) => reminderMail(to, a, daysLeft, options.publicUrl ?? null)),
        deps.clock.nowIso(),
      );
      await repos.agreements.recordReminders(a.id, a.validUntil, missing, deps.clock.nowIso());
      done.push({
        reference: a.reference,
        validUntil: a.validUntil,
        daysLeft,
        reminder: Math.min(...missing),
        recipients: recipients.length,
      });
    }
    return { agreements: done };
  });
}

export interface ReminderSchedule {
  stop(): void;
}

/**
 * Runs `send` soon after start and then every `intervalMs` (6 hours by default), one run at a
 * time, so that a running server needs no cron: the renewal reminders here, the collection
 * rounds' reminders (services/round-reminders.ts). `onQueued` hears of the runs that queued mail.
 */
export function repeatInBackground<R>(
  send: () => Promise<R>,
  hasQueued: (report: R) => boolean,
  options: { intervalMs?: number; firstAfterMs?: number; onQueued?: (report: R) => void; onError?: (error: unknown) => void },
): ReminderSchedule {
  let running = false;
  const round = (): void => {
    if (running) return;
    running = true;
    send()
      .then((report) => {
        if (hasQueued(report)) options.onQueued?.(report);
      })
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        running = false;
      });
  };
  const first = setTimeout(round, options.firstAfterMs ?? 5_000);
  const timer = setInterval(round, options.intervalMs ?? 6 * 3_600_000);
  first.unref();
  timer.unref();
  return {
    stop: () => {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}

/**
 * Sends the due renewal reminders in the background (repeatInBackground). Each reminder is
 * recorded once per agreement, end of validity and day (a second server process fails on that
 * key and sends nothing twice).
 */
export function scheduleRenewalReminders(
  deps: Deps<'agreements' | 'users' | 'mailOutbox'>,
  options: {
    publicUrl?: string | null;
    intervalMs?: number;
    firstAfterMs?: number;
    onQueued?: (report: ReminderReport) => void;
    onError?: (error: unknown) => void;
  } = {},
): ReminderSchedule {
  return repeatInBackground(
    () => sendRenewalReminders(deps, { publicUrl: options.publicUrl ?? null }),
    (report) => report.agreements.length > 0,
    options,
  );
}

export interface PartnershipAttention {
  readonly overdueFollowUps: readonly FollowUpRow[];
  readonly overdueTotal: number;
  readonly expiringAgreements: readonly AgreementWithRenewal[];
}

/**
 * What needs the coordinator now: overdue follow-ups and agreements ending within the first
 * reminder window (or past their end and still marked in force). An agency sees its own.
 */
export async function partnershipAttention(deps: Deps<'agreements' | 'engagements'>): Promise<PartnershipAttention> {
  authorizePartnershipRead(deps.actor);
  const repos = deps.store.repos;
  const day = today(deps);
  const agency = actorHasRole(deps.actor, 'agency') ? actorOrg(deps.actor) : null;
  const [followUps, expiring] = await Promise.all([
    repos.engagements.listFollowUps({ overdue: true, ...(agency ? { ownerOrg: agency } : {}) }, 1, 20, day),
    repos.agreements.liveEndingBy(firstWindowEnd(day)),
  ]);
  const mine = agency ? expiring.filter((a) => a.ownerOrg?.toLowerCase() === agency.toLowerCase()) : expiring;
  return { overdueFollowUps: followUps.items, overdueTotal: followUps.total, expiringAgreements: mine.map((a) => withRenewal(a, day)) };
}
