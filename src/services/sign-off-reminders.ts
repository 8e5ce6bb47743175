/**
 * Mail reminders of the ministries' sign-offs (docs/sign-offs.md): to the coordinator and
 * administrator accounts of each required ministry still waited on, once from two days before
 * its deadline and once after it. Each is recorded per program, step, ministry, kind and round,
 * so it is sent once; one mail in Indonesian and English, as the other reminders.
 */
import { isCoordinationTeam } from '../domain/access/policy.js';
import { ForbiddenError } from '../domain/errors.js';
import { dueReminders, evaluateStep, signOffSteps, type SignOffStep } from '../domain/sign-off/sign-off.js';
import type { Deps } from './deps.js';
import type { OutgoingMail } from './journey.ports.js';
import { repeatInBackground, type ReminderSchedule } from './reminders.js';

/** Days before the deadline of the first reminder. */
export const SIGN_OFF_REMINDER_DAYS_BEFORE = 2;

const STEP_ID: Record<SignOffStep, string> = { assessment: 'penilaian', funding: 'pendanaan' };

function reminderMail(
  to: string,
  r: { activityId: number; identifier: string; step: SignOffStep; orgCode: string; kind: 'before' | 'after'; deadlineDate: string },
  publicUrl: string | null,
): OutgoingMail {
  const link = `${publicUrl ? publicUrl.replace(/\/$/, '') : ''}/programs/${r.activityId}`;
  const late = r.kind === 'after';
  return {
    kind: 'sign_off_reminder',
    to,
    subject: late
      ? `[Mitra] ${r.identifier}: persetujuan ${r.orgCode} lewat batas ${r.deadlineDate} / ${r.orgCode}'s sign-off past its deadline`
      : `[Mitra] ${r.identifier}: persetujuan ${r.orgCode} sampai ${r.deadlineDate} / ${r.orgCode}'s sign-off due ${r.deadlineDate}`,
    text: [
      late
        ? `Batas waktu pendapat ${r.orgCode} pada tahap ${STEP_ID[r.step]} program ${r.identifier} (${r.deadlineDate}) telah lewat. Program menunggu pendapat kementerian Anda.`
        : `Mohon catat pendapat ${r.orgCode} pada tahap ${STEP_ID[r.step]} program ${r.identifier} paling lambat ${r.deadlineDate}.`,
      '',
      late
        ? `The deadline for ${r.orgCode}'s opinion at the ${r.step} step of program ${r.identifier} (${r.deadlineDate}) has passed. The program is waiting on your ministry.`
        : `Please record ${r.orgCode}'s opinion at the ${r.step} step of program ${r.identifier} by ${r.deadlineDate}.`,
      '',
      link,
    ].join('\n'),
  };
}

export interface SignOffReminderSent {
  readonly identifier: string;
  readonly step: SignOffStep;
  readonly orgCode: string;
  readonly kind: 'before' | 'after';
  readonly recipients: number;
}

/** Queues the sign-off reminders due now (the system or the coordination team); run it daily or more. */
export async function sendSignOffReminders(
  deps: Deps<'signOffs' | 'users' | 'mailOutbox'>,
  options: { publicUrl?: string | null } = {},
): Promise<{ reminders: SignOffReminderSent[] }> {
  if (!isCoordinationTeam(deps.actor))
    throw new ForbiddenError('sign_off.forbidden', 'only the coordination team sends sign-off reminders');
  const now = deps.clock.nowIso();
  const today = now.slice(0, 10);
  return deps.store.transaction(async (repos) => {
    const rules = await repos.signOffs.listRules();
    const reminders: SignOffReminderSent[] = [];
    for (const round of await repos.signOffs.openRounds()) {
      // A program registered at its stage (an import) has no round start, so no deadline.
      if (!round.startedAt || !signOffSteps.is(round.step)) continue;
      const state = evaluateStep(round.step, rules, await repos.signOffs.listByProgram(round.activityId), round.startedAt, today);
      for (const due of dueReminders(state, today, SIGN_OFF_REMINDER_DAYS_BEFORE)) {
        const accounts = (await repos.users.list({ orgCode: due.orgCode })).filter(
          (u) => !u.disabled && (u.role === 'coordinator' || u.role === 'admin'),
        );
        const recipients = [...new Set(accounts.map((u) => u.email.toLowerCase()))].sort();
        // No account yet: nothing is recorded, so the ministry hears once it has one.
        if (!recipients.length) continue;
        const claimed = await repos.signOffs.claimReminder(
          { activityId: round.activityId, step: round.step, orgCode: due.orgCode, kind: due.kind, roundStartedAt: round.startedAt },
          now,
        );
        if (!claimed) continue;
        const r = { ...due, activityId: round.activityId, identifier: round.identifier, step: round.step };
        await repos.mailOutbox.enqueue(
          recipients.map((to) => reminderMail(to, r, options.publicUrl ?? null)),
          now,
        );
        reminders.push({
          identifier: round.identifier,
          step: round.step,
          orgCode: due.orgCode,
          kind: due.kind,
          recipients: recipients.length,
        });
      }
    }
    return { reminders };
  });
}

/** Sends the due sign-off reminders in the background (the server's jobs, services/background-jobs.ts). */
export function scheduleSignOffReminders(
  deps: Deps<'signOffs' | 'users' | 'mailOutbox'>,
  options: { publicUrl?: string | null; onQueued?: () => void; onError?: (error: unknown) => void } = {},
): ReminderSchedule {
  return repeatInBackground(
    () => sendSignOffReminders(deps, { publicUrl: options.publicUrl ?? null }),
    (report) => report.reminders.length > 0,
    { onQueued: () => options.onQueued?.(), onError: options.onError },
  );
}
