/**
 * Moving participants along their journey (domain/participant/journey.ts): the status change,
 * its step in the history the nominating organisation sees, the audit entry and the mail that
 * tells the candidate and the nominating organisation, all in the caller's transaction. The mail
 * is sent after the commit (services/mail.ts). The caller refreshes the report facts once for
 * the program (reports count selected to completed).
 */
import { actorLabel, actorUserId } from '../domain/access/actor.js';
import type { Program } from '../domain/program/program.js';
import { participantStatuses, type ParticipantStatus } from '../domain/codes.js';
import { InvalidError } from '../domain/errors.js';
import { canMove } from '../domain/participant/journey.js';
import type { Participant } from '../domain/participant/participant.js';
import { audit } from './audit.js';
import type { OutgoingMail } from './journey.ports.js';
import type { Acting, Repos } from './deps.js';

/** What moving participants writes: their status, its step, the audit entry and the mail (to the nominators' accounts too). */
export type JourneyRepo = 'participants' | 'participantEvents' | 'mailOutbox' | 'users' | 'audit';
export type JourneyRepos = Repos<JourneyRepo>;

/** More status changes than this at once are audited as one entry of the program. */
const BULK_AUDIT = 50;

export interface StatusChange {
  readonly participant: Participant;
  readonly to: ParticipantStatus;
  readonly reserveRank?: number | null;
}

export interface MoveOptions {
  readonly note?: string | null;
  /** Records entered directly (historical data) may jump; the workflow's own steps may not. */
  readonly force?: boolean;
  /** Whether to write the agency's note on the records as their review note. */
  readonly reviewNote?: string | null;
}

/** Moves participants of one program; refuses a step the workflow does not allow, naming the record. */
export async function moveParticipants(
  deps: Acting,
  repos: JourneyRepos,
  program: Program,
  changes: readonly StatusChange[],
  options: MoveOptions = {},
): Promise<void> {
  if (changes.length === 0) return;
  const now = deps.clock.nowIso();
  for (const c of changes) {
    if (c.participant.activityId !== program.id)
      throw new InvalidError('participant.other_program', `participant ${c.participant.id} is not in program ${program.identifier}`);
    if (c.participant.status === c.to && c.to !== 'reserve') continue;
    if (!options.force && c.participant.status !== c.to && !canMove(c.participant.status, c.to)) {
      throw new InvalidError(
        'participant.bad_transition',
        `participant ${c.participant.id} is ${c.participant.status}: it cannot become ${c.to}`,
        [
          {
            path: 'status',
            code: 'bad_transition',
            message: `${participantStatuses.label(c.participant.status, 'en')} → ${participantStatuses.label(c.to, 'en')} is not a step of the journey`,
          },
        ],
      );
    }
  }
  const moving = changes.filter(
    (c) => c.participant.status !== c.to || (c.to === 'reserve' && c.participant.reserveRank !== (c.reserveRank ?? null)),
  );
  // One statement for thousands of changes (selection within quotas moves a whole offer at once).
  await repos.participants.setStatuses(
    moving.map((c) => ({ id: c.participant.id, status: c.to, reserveRank: c.to === 'reserve' ? (c.reserveRank ?? null) : null })),
    { now, ...(options.reviewNote !== undefined ? { reviewNote: options.reviewNote } : {}) },
  );
  const by = actorLabel(deps.actor);
  await repos.participantEvents.addMany(
    moving
      .filter((c) => c.participant.status !== c.to)
      .map((c) => ({
        participantId: c.participant.id,
        fromStatus: c.participant.status,
        toStatus: c.to,
        at: now,
        byLabel: by,
        note: options.note ?? null,
      })),
  );
  const statusMoves = moving.filter((c) => c.participant.status !== c.to);
  await repos.mailOutbox.enqueue(await statusMails(repos, program, statusMoves, options.note ?? null), now);
  if (statusMoves.length <= BULK_AUDIT) {
    await repos.audit.appendMany(
      statusMoves.map((c) => ({
        at: now,
        actorUserId: actorUserId(deps.actor),
        actorLabel: by,
        action: 'update' as const,
        entity: 'participant' as const,
        entityId: String(c.participant.id),
        entityLabel: `${program.identifier} #${c.participant.id}`,
        entityVersion: null,
        changes: { status: { before: c.participant.status, after: c.to } },
        comment: options.note ?? null,
      })),
    );
    return;
  }
  // A whole offer moved at once (selection within quotas): one entry in the program's history
  // listing the participants per step; each participant's own history has its step.
  const steps = new Map<string, number[]>();
  for (const c of statusMoves) {
    const key = `${c.participant.status} → ${c.to}`;
    const ids = steps.get(key);
    if (ids) ids.push(c.participant.id);
    else steps.set(key, [c.participant.id]);
  }
  await audit(deps, repos, {
    action: 'update',
    entity: 'activity',
    entityId: program.id,
    entityLabel: program.identifier,
    changes: Object.fromEntries(
      [...steps].map(([step, ids]) => [`participants ${step}`, { before: null, after: `${ids.length}: ${ids.join(', ')}` }]),
    ),
    comment: options.note ?? null,
  });
}

/**
 * The mail telling of status changes: one to each candidate with an email (their own news), and
 * one per nominating organisation's account listing its nominees whose status changed.
 */
async function statusMails(
  repos: Repos<'users'>,
  program: Program,
  changes: readonly StatusChange[],
  note: string | null,
): Promise<OutgoingMail[]> {
  const mails: OutgoingMail[] = [];
  const title = { en: program.titleEn ?? program.identifier, id: program.titleId ?? program.titleEn ?? program.identifier };
  for (const c of changes) {
    const p = c.participant;
    if (!p.email || p.erasedAt) continue;
    mails.push({
      kind: 'status',
      to: p.email,
      participantId: p.id,
      subject: `[Mitra] ${title.en}: ${participantStatuses.label(c.to, 'en')} / ${participantStatuses.label(c.to, 'id')}`,
      text: [
        `Dear ${p.fullName},`,
        '',
        `Your status for "${title.en}" is now: ${participantStatuses.label(c.to, 'en')}.`,
        ...(note ? [`Note: ${note}`] : []),
        '',
        `Yth. ${p.fullName},`,
        '',
        `Status Anda untuk "${title.id}" sekarang: ${participantStatuses.label(c.to, 'id')}.`,
        ...(note ? [`Catatan: ${note}`] : []),
      ].join('\n'),
    });
  }
  const byOrg = new Map<string, StatusChange[]>();
  for (const c of changes) {
    const org = c.participant.nominatedBy;
    if (!org) continue;
    const list = byOrg.get(org);
    if (list) list.push(c);
    else byOrg.set(org, [c]);
  }
  for (const [org, list] of byOrg) {
    const accounts = await repos.users.list({ orgCode: org });
    const lines = list.map(
      (c) =>
        `- ${c.participant.erasedAt ? `#${c.participant.id}` : c.participant.fullName} (${c.participant.country}): ${participantStatuses.label(c.participant.status, 'en')} → ${participantStatuses.label(c.to, 'en')} / ${participantStatuses.label(c.to, 'id')}`,
    );
    for (const u of accounts) {
      mails.push({
        kind: 'nominator_status',
        to: u.email,
        subject: `[Mitra] ${title.en}: ${list.length} nomination(s) updated / ${list.length} nominasi diperbarui`,
        text: [`${program.identifier} — ${title.en} / ${title.id}`, '', ...lines, ...(note ? ['', `Note / Catatan: ${note}`] : [])].join(
          '\n',
        ),
      });
    }
  }
  return mails;
}
