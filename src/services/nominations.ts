/**
 * Nominations of candidates for a course offer (with their consent and documents, and the mail
 * that tells the candidate and the nominating organisation), and the nominating organisation's
 * list of its nominees (docs/participants.md). Their review and selection: selection.ts; their
 * documents and history: participant-documents.ts.
 */
import { actorLabel } from '../domain/access/actor.js';
import type { Program } from '../domain/program/program.js';
import { actorHasRole, actorOrg, authorizeNominate, requireSignedIn } from '../domain/access/policy.js';
import { participantStatuses, type ParticipantStatus } from '../domain/codes.js';
import { ConflictError, ForbiddenError, InvalidError } from '../domain/errors.js';
import type { DocumentMeta } from '../domain/offer/documents.js';
import type { NominationInput } from '../domain/offer/nomination.js';
import { isOpenForNominations, type CourseOffer } from '../domain/offer/offer.js';
import { checkParticipantCountry, personKey, type Participant } from '../domain/participant/participant.js';
import { audit } from './audit.js';
import { offerOf } from './offers.js';
import { checkFiles, storeFiles, type UploadedFile } from './participant-documents.js';
import type { Acting, Deps, Repos } from './deps.js';
import { readBack } from './read-back.js';
import { requireStage } from '../domain/program/stage-status.js';

/** What a nomination writes: the candidate's record, its step, documents, audit entry and mail. */
export type NominationRepo =
  | 'offers'
  | 'programs'
  | 'organisations'
  | 'participants'
  | 'nominations'
  | 'participantEvents'
  | 'mailOutbox'
  | 'users'
  | 'documents'
  | 'audit';

/** The nominator's organisation: the actor's for embassies and focal points, none for the team. */
async function nominatorOf(
  deps: Acting,
  repos: Repos<'organisations'>,
  country: string,
  onBehalfOf: string | null,
): Promise<string | null> {
  if (!actorHasRole(deps.actor, 'embassy', 'focal_point')) {
    if (!onBehalfOf) return null;
    // The coordination team enters a nomination an embassy or a government sent on paper.
    const org = await repos.organisations.findByCode(onBehalfOf);
    if (!org)
      throw new InvalidError('nomination.invalid', 'the nomination has invalid fields', [
        { path: 'onBehalfOf', code: 'unknown_organisation', message: `no organisation with code ${onBehalfOf}` },
      ]);
    return org.code;
  }
  const org = actorOrg(deps.actor);
  if (onBehalfOf && onBehalfOf.toLowerCase() !== org?.toLowerCase())
    throw new ForbiddenError(
      'nomination.on_behalf_forbidden',
      'only the coordination team enters nominations on behalf of another organisation',
    );
  if (actorHasRole(deps.actor, 'focal_point') && org) {
    // A recipient government's focal point nominates its own country's candidates only.
    const own = await repos.organisations.findByCode(org);
    if (!own?.countryCode || own.countryCode !== country) {
      throw new ForbiddenError(
        'nomination.other_country',
        `a focal point nominates candidates from its own country (${own?.countryCode ?? 'unknown'}) only`,
      );
    }
  }
  return org;
}

export interface NominationResult {
  readonly participant: Participant;
  readonly documents: readonly DocumentMeta[];
}

/** Nominates a candidate for an open offer, with their consent and documents. */
export async function nominate(
  deps: Deps<NominationRepo>,
  offerId: number,
  input: NominationInput,
  files: readonly UploadedFile[],
  maxBytes: number,
): Promise<NominationResult> {
  authorizeNominate(deps.actor);
  checkFiles(files, maxBytes); // refused before the transaction
  return deps.store.transaction(async (repos) => {
    const { offer, program } = await offerOf(repos, offerId);
    const now = deps.clock.nowIso();
    if (offer.status !== 'open') throw new InvalidError('offer.not_open', `the offer is ${offer.status}: it takes no nominations`);
    requireStage('nominations', program);
    if (!isOpenForNominations(offer, now))
      throw new InvalidError('offer.deadline_passed', `the deadline (${offer.deadlineAt}) has passed`, [
        { path: '', code: 'deadline_passed', message: `nominations closed at ${offer.deadlineAt}` },
      ]);
    const issues = checkParticipantCountry(
      input.country,
      program.recipients.map((r) => r.country),
    );
    if (issues.length) throw new InvalidError('nomination.invalid', 'the nomination has invalid fields', issues);
    const nominatedBy = await nominatorOf(deps, repos, input.country, input.onBehalfOf ?? null);
    const key = personKey({ email: input.email, fullName: input.fullName, country: input.country });
    const twin = await repos.participants.findByPersonKey(program.id, key);
    if (twin)
      throw new ConflictError(
        'participant.duplicate',
        `${input.fullName} is already a candidate or participant of this program (id ${twin.id})`,
        [{ path: 'email', code: 'duplicate', message: 'the same person is already nominated for this program' }],
      );
    const id = await repos.nominations.insert(
      program.id,
      {
        ...input,
        organisation: input.organisation ?? null,
        position: input.position ?? null,
        phone: input.phone ?? null,
        personKey: key,
        nominatedBy,
        nominatedAt: now,
        consentAt: now,
      },
      now,
    );
    const participant = readBack(await repos.participants.findById(id), `participant ${id}`);
    await repos.participantEvents.addMany([
      { participantId: id, fromStatus: null, toStatus: 'nominated', at: now, byLabel: actorLabel(deps.actor), note: null },
    ]);
    await repos.mailOutbox.enqueue(await nominationMails(repos, program, offer, participant), now);
    await audit(deps, repos, {
      action: 'create',
      entity: 'participant',
      entityId: id,
      entityLabel: `${program.identifier} #${id}`,
      changes: {
        status: { before: null, after: 'nominated' },
        country: { before: null, after: input.country },
        nominatedBy: { before: null, after: nominatedBy },
        consentAt: { before: null, after: now },
      },
    });
    const documents = await storeFiles(deps, repos, participant, program, files, maxBytes);
    return { participant, documents };
  });
}

async function nominationMails(repos: Repos<'users'>, program: Program, offer: CourseOffer, p: Participant) {
  const title = program.titleEn ?? program.identifier;
  const titleId = program.titleId ?? title;
  const mails = [
    {
      kind: 'nominated',
      to: p.email ?? '',
      participantId: p.id,
      subject: `[Mitra] ${title}: nomination received / nominasi diterima`,
      text: [
        `Dear ${p.fullName},`,
        '',
        `You have been nominated for "${title}". The implementing agency reviews nominations after the deadline (${offer.deadlineAt}); you will hear of its decision by mail.`,
        '',
        `Yth. ${p.fullName},`,
        '',
        `Anda telah dinominasikan untuk "${titleId}". Instansi pelaksana meninjau nominasi setelah batas waktu (${offer.deadlineAt}); keputusan akan dikirim melalui surel.`,
      ].join('\n'),
    },
  ].filter((m) => m.to);
  if (p.nominatedBy) {
    const accounts = await repos.users.list({ orgCode: p.nominatedBy });
    for (const u of accounts) {
      mails.push({
        kind: 'nominator_status',
        to: u.email,
        participantId: p.id,
        subject: `[Mitra] ${title}: nomination of ${p.fullName} received / nominasi diterima`,
        text: `${program.identifier} — ${title} / ${titleId}\n\n- ${p.fullName} (${p.country}): ${participantStatuses.label('nominated', 'en')} / ${participantStatuses.label('nominated', 'id')}`,
      });
    }
  }
  return mails;
}

/** The nominating organisation's view: its nominees across offers, with their status history. */
export async function myNominations(
  deps: Deps<'nominations' | 'participantEvents'>,
  filter: { status?: ParticipantStatus; offerId?: number },
  page: number,
  pageSize: number,
) {
  requireSignedIn(deps.actor);
  const org = actorOrg(deps.actor);
  if (!actorHasRole(deps.actor, 'embassy', 'focal_point') || !org)
    throw new ForbiddenError('nomination.not_a_nominator', 'this list is for embassies and focal points (the nominating organisations)');
  const result = await deps.store.repos.nominations.byNominator(org, filter, page, pageSize);
  const items = [];
  for (const p of result.items) {
    const { personKey: _key, ...rest } = p;
    items.push({ ...rest, events: await deps.store.repos.participantEvents.listFor(p.id) });
  }
  return { ...result, items };
}
