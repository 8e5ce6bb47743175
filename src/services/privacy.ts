/**
 * Erasure of personal data on request (docs/privacy.md): the coordination team erases a
 * participant record, or every record of a person. Name, contact, position, organisation,
 * documents, mail and free-text survey answers go; status, sex, country and program stay, so
 * every report count is unchanged. Earlier audit entries lose the erased values too, and the
 * erasure's own entry names the fields erased, never their values.
 */
import { authorizeErasure } from '../domain/access/policy.js';
import { ERASED, erasedPersonKey, PERSONAL_FIELDS, scrubChanges, scrubComment, secretsOf } from '../domain/alumni/privacy.js';
import { withoutTextAnswers } from '../domain/alumni/survey.js';
import { ConflictError, NotFoundError } from '../domain/errors.js';
import type { Participant } from '../domain/participant/participant.js';
import { audit } from './audit.js';
import type { Acting, Deps, Repos } from './deps.js';

/** What erasure reads and scrubs: the records, their programs' labels, survey answers, documents, mail and the audit log. */
export type ErasureDeps = Deps<'participants' | 'programs' | 'surveys' | 'privacy' | 'audit'>;

export interface ErasureResult {
  readonly participantId: number;
  readonly erasedAt: string;
  readonly fields: readonly string[];
  readonly documents: number;
  readonly certificatesRevoked: number;
  readonly mails: number;
  readonly surveyAnswersCleaned: number;
  readonly auditEntriesScrubbed: number;
}

const FIELD_OF: Readonly<Record<(typeof PERSONAL_FIELDS)[number], (p: Participant) => unknown>> = {
  fullName: (p) => p.fullName,
  email: (p) => p.email,
  phone: (p) => p.phone,
  position: (p) => p.position,
  organisation: (p) => p.organisation,
  personKey: (p) => p.personKey,
  reviewNote: (p) => p.reviewNote,
};

/** Erases one loaded record inside the caller's transaction (erasure on request, and the retention rule 'identity'). */
export async function eraseOne(
  deps: Acting,
  repos: Repos<'programs' | 'surveys' | 'privacy' | 'audit'>,
  p: Participant,
  reason: string,
): Promise<ErasureResult> {
  const now = deps.clock.nowIso();
  const secrets = secretsOf(p);
  const program = await repos.programs.findById(p.activityId);
  // Free-text survey answers may name the person; the counted answers stay for the aggregates.
  const surveys = new Map((await repos.surveys.list()).map((s) => [s.id, s]));
  let surveyAnswersCleaned = 0;
  for (const inv of await repos.surveys.invitationsOfParticipants([p.id])) {
    const questions = surveys.get(inv.surveyId)?.questions ?? [];
    if (!inv.answers) continue;
    const kept = withoutTextAnswers(questions, inv.answers);
    if (Object.keys(kept).length === Object.keys(inv.answers).length) continue;
    await repos.surveys.replaceAnswers(inv.id, kept);
    surveyAnswersCleaned++;
  }
  const removed = await repos.privacy.eraseRecord(p.id, erasedPersonKey(p.id), now);
  const mails = removed.mails + (await repos.privacy.scrubMail(secrets, ERASED));
  const entries = await repos.privacy.auditEntriesOf(p.id, secrets);
  await repos.privacy.scrubAudit(
    p.id,
    entries.map((e) => ({
      id: e.id,
      changes: scrubChanges(e.changes, secrets, { personalFields: e.entity === 'participant' && e.entityId === String(p.id) }),
      entityLabel: scrubComment(e.entityLabel, secrets),
      comment: scrubComment(e.comment, secrets),
    })),
    now,
  );
  const fields = PERSONAL_FIELDS.filter((f) => FIELD_OF[f](p) !== null && FIELD_OF[f](p) !== undefined);
  await audit(deps, repos, {
    action: 'update',
    entity: 'participant',
    entityId: p.id,
    entityLabel: `${program?.identifier ?? p.activityId} #${p.id}`,
    // That the fields were erased, never what they held.
    changes: {
      ...Object.fromEntries(fields.map((f) => [f, { before: ERASED, after: f === 'fullName' ? ERASED : null }])),
      erasedAt: { before: null, after: now },
      ...(removed.documents ? { documents: { before: removed.documents, after: 0 } } : {}),
    },
    comment: `personal data erased on request: ${scrubComment(reason, secrets) ?? ''}`.trim(),
  });
  return {
    participantId: p.id,
    erasedAt: now,
    fields,
    documents: removed.documents,
    certificatesRevoked: removed.certificates,
    mails,
    surveyAnswersCleaned,
    auditEntriesScrubbed: entries.length,
  };
}

async function load(repos: Repos<'participants'>, id: number): Promise<Participant> {
  const p = await repos.participants.findById(id);
  if (!p) throw new NotFoundError('participant.not_found', `no participant with id ${id}`);
  if (p.erasedAt)
    throw new ConflictError('participant.already_erased', `the personal data of participant ${id} was erased on ${p.erasedAt}`);
  return p;
}

/** Erases one participant record's personal data. */
export async function eraseParticipant(deps: ErasureDeps, id: number, reason: string): Promise<ErasureResult> {
  authorizeErasure(deps.actor);
  return deps.store.transaction(async (repos) => eraseOne(deps, repos, await load(repos, id), reason));
}

/** Erases every record of a person (the same person key across programs). */
export async function erasePerson(deps: ErasureDeps, personKey: string, reason: string): Promise<ErasureResult[]> {
  authorizeErasure(deps.actor);
  return deps.store.transaction(async (repos) => {
    const ids = await repos.privacy.recordsOfPerson(personKey);
    if (ids.length === 0) throw new NotFoundError('participant.not_found', 'no record of this person is left to erase');
    const results: ErasureResult[] = [];
    for (const id of ids) results.push(await eraseOne(deps, repos, await load(repos, id), reason));
    return results;
  });
}

/** Erases the person of a participant record: that record and every other record with its person key. */
export async function erasePersonOf(deps: ErasureDeps, participantId: number, reason: string): Promise<ErasureResult[]> {
  authorizeErasure(deps.actor);
  const p = await load(deps.store.repos, participantId);
  return erasePerson(deps, p.personKey, reason);
}
