/**
 * Mail reminders of collection rounds (docs/rounds.md): to the active accounts of each agency
 * whose part of an open round is not confirmed, 7 and 1 days before the deadline, the day after
 * it and then weekly (domain/rounds/round.ts reminderDue). Each is recorded per round, agency and
 * key, so it is sent once; one mail in Indonesian and English, as the agreements' reminders.
 */
import { authorizeRoundManage } from '../domain/access/policy.js';
import { reminderDue, type CollectionRound } from '../domain/rounds/round.js';
import type { Deps, Repos } from './deps.js';
import type { OutgoingMail } from './journey.ports.js';
import { repeatInBackground, type ReminderSchedule } from './reminders.js';

const PERIOD = {
  year: { en: '', id: '' },
  h1: { en: ', first half', id: ', semester I' },
  h2: { en: ', second half', id: ', semester II' },
} as const;

function roundReminderMail(to: string, round: CollectionRound, orgCode: string, reminder: string, publicUrl: string | null): OutgoingMail {
  const link = publicUrl ? `${publicUrl.replace(/\/$/, '')}/rounds/${round.id}` : `/rounds/${round.id}`;
  const late = reminder.startsWith('after-');
  const period = PERIOD[round.period];
  return {
    kind: 'round_reminder',
    to,
    subject: late
      ? `[Mitra] ${orgCode}: pengumpulan data ${round.year}${period.id} lewat batas ${round.deadlineDate} / data collection ${round.year}${period.en} past its deadline`
      : `[Mitra] ${orgCode}: pengumpulan data ${round.year}${period.id} sampai ${round.deadlineDate} / data collection ${round.year}${period.en} due ${round.deadlineDate}`,
    text: [
      late
        ? `Batas waktu pengumpulan data ${round.year}${period.id} (${round.deadlineDate}) telah lewat dan bagian ${orgCode} belum dikonfirmasi. Mohon lengkapi program Anda dan konfirmasi.`
        : `Mohon lengkapi program ${orgCode} untuk pengumpulan data ${round.year}${period.id} dan konfirmasi paling lambat ${round.deadlineDate}.`,
      '',
      late
        ? `The deadline of the ${round.year}${period.en} data collection (${round.deadlineDate}) has passed and ${orgCode} has not confirmed its part. Please complete your programs and confirm.`
        : `Please complete the programs of ${orgCode} for the ${round.year}${period.en} data collection and confirm by ${round.deadlineDate}.`,
      '',
      link,
    ].join('\n'),
  };
}

export interface RoundReminderSent {
  readonly roundId: number;
  readonly orgCode: string;
  readonly reminder: string;
  readonly recipients: number;
}

export interface RoundReminderReport {
  readonly reminders: readonly RoundReminderSent[];
}

async function remindRound(
  repos: Repos<'rounds' | 'users' | 'mailOutbox'>,
  round: CollectionRound,
  reminder: string,
  now: string,
  publicUrl: string | null,
): Promise<RoundReminderSent[]> {
  await repos.rounds.addParts(round.id, await repos.rounds.agenciesWithPrograms(round.year, round.period));
  const sent: RoundReminderSent[] = [];
  for (const part of await repos.rounds.parts(round.id)) {
    if (part.status === 'confirmed') continue;
    if ((await repos.rounds.remindersSent(round.id, part.orgCode)).includes(reminder)) continue;
    const recipients = [...new Set((await repos.users.list({ orgCode: part.orgCode })).map((u) => u.email.toLowerCase()))].sort();
    // No account yet: nothing is recorded, so the agency hears once it has one.
    if (recipients.length === 0) continue;
    await repos.mailOutbox.enqueue(
      recipients.map((to) => roundReminderMail(to, round, part.orgCode, reminder, publicUrl)),
      now,
    );
    await repos.rounds.recordReminder(round.id, part.orgCode, reminder, recipients.length, now);
    sent.push({ roundId: round.id, orgCode: part.orgCode, reminder, recipients: recipients.length });
  }
  return sent;
}

/** Queues the reminders due today for every open round (the system or the coordination team); run it daily or more. */
export async function sendRoundReminders(
  deps: Deps<'rounds' | 'users' | 'mailOutbox'>,
  options: { publicUrl?: string | null } = {},
): Promise<RoundReminderReport> {
  authorizeRoundManage(deps.actor);
  const now = deps.clock.nowIso();
  return deps.store.transaction(async (repos) => {
    const reminders: RoundReminderSent[] = [];
    for (const round of await repos.rounds.list({ status: 'open' })) {
      const due = reminderDue(round.deadlineDate, now.slice(0, 10));
      if (due) reminders.push(...(await remindRound(repos, round, due, now, options.publicUrl ?? null)));
    }
    return { reminders };
  });
}

/** Sends the due round reminders in the background (the server's jobs, services/background-jobs.ts). */
export function scheduleRoundReminders(
  deps: Deps<'rounds' | 'users' | 'mailOutbox'>,
  options: {
    publicUrl?: string | null;
    intervalMs?: number;
    firstAfterMs?: number;
    onQueued?: (report: RoundReminderReport) => void;
    onError?: (error: unknown) => void;
  } = {},
): ReminderSchedule {
  return repeatInBackground(
    () => sendRoundReminders(deps, { publicUrl: options.publicUrl ?? null }),
    (report) => report.reminders.length > 0,
    options,
  );
}
