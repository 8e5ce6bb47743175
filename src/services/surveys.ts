/**
 * Follow-up surveys of alumni: the coordination team edits the questions and sends the due
 * surveys (an invitation per alumnus and survey, mailed with an unguessable answer link); the
 * alumnus answers once, without signing in; the coordination team and the program's agency read
 * the aggregates per program and wave (domain/alumni/survey.ts).
 */
import { randomBytes } from 'node:crypto';
import { authorizeSurveyAdmin, canManageOffer, requireSignedIn } from '../domain/access/policy.js';
import {
  aggregateWave,
  latestDueEnd,
  surveyDueDate,
  validateAnswers,
  type SurveyDefinition,
  type SurveyQuestion,
  type WaveAggregate,
} from '../domain/alumni/survey.js';
import { diffRecords } from '../domain/audit.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../domain/errors.js';
import type { Survey, SurveyCandidate } from './alumni.ports.js';
import { audit } from './audit.js';
import type { OutgoingMail } from './journey.ports.js';
import type { Acting, Deps, Repos } from './deps.js';
import { requireStage } from '../domain/program/stage-status.js';

export async function listSurveys(deps: Deps<'surveys'>): Promise<Survey[]> {
  authorizeSurveyAdmin(deps.actor);
  return deps.store.repos.surveys.list();
}

const plain = (s: Survey | undefined) =>
  s ? { code: s.code, nameEn: s.nameEn, nameId: s.nameId, monthsAfter: s.monthsAfter, active: s.active, questions: s.questions } : null;

/** Creates or replaces the survey with the definition's code. */
export async function saveSurvey(
  deps: Deps<'surveys' | 'audit'>,
  definition: SurveyDefinition,
): Promise<{ survey: Survey; created: boolean }> {
  authorizeSurveyAdmin(deps.actor);
  return deps.store.transaction(async (repos) => {
    const { survey, created, before } = await repos.surveys.save(definition, deps.clock.nowIso());
    await audit(deps, repos, {
      action: created ? 'create' : 'update',
      entity: 'survey',
      entityId: survey.code,
      entityLabel: survey.nameEn,
      changes: diffRecords(plain(before), plain(survey)),
    });
    return { survey, created };
  });
}

/** The address an alumnus answers at (the web app's public page). */
export function surveyLink(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/survey/${token}`;
}

function invitationMail(survey: Survey, c: SurveyCandidate, link: string): OutgoingMail {
  const en = c.titleEn ?? c.titleId ?? c.identifier;
  const id = c.titleId ?? c.titleEn ?? c.identifier;
  return {
    kind: 'survey',
    to: c.email,
    participantId: c.participantId,
    subject: `[Mitra] ${survey.nameEn}: ${en} / ${survey.nameId}`,
    text: [
      `Dear ${c.fullName},`,
      '',
      `Some time has passed since "${en}". Please tell us how it has helped your work; the survey takes five minutes:`,
      link,
      '',
      `Yth. ${c.fullName},`,
      '',
      `Beberapa waktu telah berlalu sejak "${id}". Mohon sampaikan manfaatnya bagi pekerjaan Anda; survei ini memerlukan lima menit:`,
      link,
    ].join('\n'),
  };
}

const CANDIDATE_CHUNK = 1000;

/** Logs something that happened to a survey (invitations sent, an answer) that changes none of its fields. */
async function auditSurveyEvent(deps: Acting, repos: Repos<'audit'>, survey: Survey, comment: string): Promise<void> {
  await audit(deps, repos, { action: 'update', entity: 'survey', entityId: survey.code, entityLabel: survey.nameEn, changes: {}, comment });
}

/**
 * Invites every alumnus (with an email, not erased) of a program that ended at least the
 * survey's months before `today`, once per survey, and queues the mail with their link.
 */
export async function sendDueSurveys(
  deps: Deps<'surveys' | 'mailOutbox' | 'audit'>,
  options: { publicUrl: string; today?: string },
): Promise<{ invited: { code: string; count: number }[] }> {
  authorizeSurveyAdmin(deps.actor);
  const today = options.today ?? deps.clock.nowIso().slice(0, 10);
  return deps.store.transaction(async (repos) => {
    const now = deps.clock.nowIso();
    const invited: { code: string; count: number }[] = [];
    for (const survey of (await repos.surveys.list()).filter((s) => s.active)) {
      let count = 0;
      for (;;) {
        const batch = await repos.surveys.candidates(survey.id, latestDueEnd(today, survey.monthsAfter), CANDIDATE_CHUNK);
        const due = batch
          .map((c) => ({ c, dueOn: surveyDueDate(c, survey.monthsAfter) }))
          .filter((x): x is { c: SurveyCandidate; dueOn: string } => !!x.dueOn && x.dueOn <= today);
        if (due.length === 0) break;
        const invitations = due.map(({ c, dueOn }) => ({
          c,
          row: { surveyId: survey.id, participantId: c.participantId, token: randomBytes(24).toString('base64url'), dueOn, sentAt: now },
        }));
        await repos.surveys.insertInvitations(invitations.map((i) => i.row));
        await repos.mailOutbox.enqueue(
          invitations.map(({ c, row }) => invitationMail(survey, c, surveyLink(options.publicUrl, row.token))),
          now,
        );
        count += invitations.length;
        if (batch.length < CANDIDATE_CHUNK) break;
      }
      invited.push({ code: survey.code, count });
      if (count > 0) await auditSurveyEvent(deps, repos, survey, `${count} invitation(s) sent (due on or before ${today})`);
    }
    return { invited };
  });
}

/** What the public answer page shows: the questions and the program's title, no personal data. */
export interface PublicSurvey {
  readonly nameEn: string;
  readonly nameId: string;
  readonly program: { readonly titleEn: string | null; readonly titleId: string | null };
  readonly questions: readonly SurveyQuestion[];
  readonly answered: boolean;
}

async function invitationOf(repos: Repos<'surveys'>, token: string) {
  const invitation = await repos.surveys.findByToken(token);
  if (!invitation) throw new NotFoundError('survey.not_found', 'this survey link is not known (check that it was copied whole)');
  const survey = await repos.surveys.findById(invitation.surveyId);
  if (!survey) throw new NotFoundError('survey.not_found', 'this survey link is not known');
  return { invitation, survey };
}

export async function surveyByToken(deps: Deps<'surveys'>, token: string): Promise<PublicSurvey> {
  const { invitation, survey } = await invitationOf(deps.store.repos, token);
  return {
    nameEn: survey.nameEn,
    nameId: survey.nameId,
    program: { titleEn: invitation.titleEn, titleId: invitation.titleId },
    questions: survey.questions,
    answered: invitation.answeredAt !== null,
  };
}

/** Records an alumnus' answers, once. */
export async function answerSurvey(deps: Deps<'surveys' | 'audit'>, token: string, raw: unknown): Promise<{ answeredAt: string }> {
  return deps.store.transaction(async (repos) => {
    const { invitation, survey } = await invitationOf(repos, token);
    const already = () => new ConflictError('survey.already_answered', 'this survey has already been answered: thank you');
    if (invitation.answeredAt) throw already();
    const answers = validateAnswers(survey.questions, raw);
    const now = deps.clock.nowIso();
    if (!(await repos.surveys.answer(invitation.id, answers, now))) throw already();
    // The log records that an answer came, not what it says (comments may be personal).
    await auditSurveyEvent(deps, repos, survey, `invitation ${invitation.id} answered`);
    return { answeredAt: now };
  });
}

export interface WaveResult extends WaveAggregate {
  readonly surveyId: number;
  readonly code: string;
  readonly nameEn: string;
  readonly nameId: string;
  readonly monthsAfter: number;
}

/** A program's survey figures per wave: the coordination team and the program's implementing agency. */
export async function surveyResults(
  deps: Deps<'programs' | 'surveys'>,
  activityId: number,
): Promise<{ activityId: number; waves: WaveResult[] }> {
  requireSignedIn(deps.actor);
  const program = await deps.store.repos.programs.findById(activityId);
  if (!program) throw new NotFoundError('activity.not_found', `no program with id ${activityId}`);
  if (!canManageOffer(deps.actor, program))
    throw new ForbiddenError(
      'survey.results_forbidden',
      'only the coordination team and the implementing agency read this program’s survey results',
    );
  // Alumni are surveyed once the program is completed: before, there is nothing to read.
  requireStage('surveys', program);
  const invitations = await deps.store.repos.surveys.invitationsOfProgram(activityId);
  const surveys = await deps.store.repos.surveys.list();
  const waves = surveys
    .filter((s) => invitations.some((i) => i.surveyId === s.id))
    .map((s) => ({
      surveyId: s.id,
      code: s.code,
      nameEn: s.nameEn,
      nameId: s.nameId,
      monthsAfter: s.monthsAfter,
      ...aggregateWave(
        s.questions,
        invitations.filter((i) => i.surveyId === s.id),
      ),
    }));
  return { activityId, waves };
}
