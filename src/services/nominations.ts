/**
 * Nominations of candidates for a course offer, their documents, the implementing agency's
 * review and selection within quotas, and each candidate's next steps (docs/participants.md).
 */
import { actorLabel } from '../domain/access/actor.js';
import type { Program } from '../domain/program/program.js';
import type { Page } from '../domain/program/program-query.js';
import {
  actorHasRole,
  actorOrg,
  authorizeNominate,
  authorizeOfferManage,
  canManageOffer,
  canSeePersonalData,
  isNominator,
  requireSignedIn,
} from '../domain/access/policy.js';
import { participantStatuses, type ParticipantStatus } from '../domain/codes.js';
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from '../domain/errors.js';
import { checkUpload, type DocumentKind, type DocumentMeta } from '../domain/offer/documents.js';
import type { NominationInput, ReviewInput, SelectInput, StatusChangeInput } from '../domain/offer/nomination.js';
import { isOpenForNominations, quotaOf, type CourseOffer } from '../domain/offer/offer.js';
import { selectWithinQuotas, type SelectionQuotas } from '../domain/offer/selection.js';
import { PLACE_HOLDING } from '../domain/participant/journey.js';
import { checkParticipantCountry, personKey, type Participant } from '../domain/participant/participant.js';
import { audit } from './audit.js';
import { moveParticipants, type JourneyRepo, type StatusChange } from './journey.js';
import type { ReviewCounts, ReviewFilter } from './offers.ports.js';
import { offerOf, programOf } from './offers.js';
import type { ParticipantEvent } from './journey.ports.js';
import type { Acting, Deps, Repos } from './deps.js';
import { readBack } from './read-back.js';

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

/** What the agency's review and the candidates' next steps use: the offer, its nominations and the journey. */
export type SelectionDeps = Deps<JourneyRepo | 'offers' | 'programs' | 'nominations' | 'reportFacts'>;
/** What finds a participant and its program, to authorise reading the participant's documents and history. */
type PersonalRepo = 'participants' | 'programs';

export interface UploadedFile {
  readonly kind: DocumentKind;
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

/** Checks every file before anything is written; names each bad one. */
function checkFiles(files: readonly UploadedFile[], maxBytes: number) {
  const checked = files.map((f) => ({ file: f, result: checkUpload(f.kind, f.fileName, f.bytes, maxBytes) }));
  const issues = checked.flatMap((c) => (c.result.ok ? [] : [c.result.issue]));
  if (issues.length)
    throw new InvalidError(
      'document.rejected',
      `the upload was refused: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      issues,
    );
  return checked.map((c) => ({
    ...c.file,
    ...(c.result.ok ? c.result.value : { fileName: c.file.fileName, contentType: 'application/octet-stream' }),
  }));
}

async function storeFiles(
  deps: Acting,
  repos: Repos<'documents' | 'audit'>,
  participant: Participant,
  program: Program,
  files: readonly UploadedFile[],
  maxBytes: number,
): Promise<DocumentMeta[]> {
  const metas: DocumentMeta[] = [];
  for (const f of checkFiles(files, maxBytes)) {
    const meta = await repos.documents.insert(
      {
        participantId: participant.id,
        kind: f.kind,
        fileName: f.fileName,
        contentType: f.contentType,
        content: f.bytes,
        uploadedBy: actorLabel(deps.actor),
      },
      deps.clock.nowIso(),
    );
    metas.push(meta);
    await audit(deps, repos, {
      action: 'create',
      entity: 'participant_document',
      entityId: meta.id,
      entityLabel: `${program.identifier} #${participant.id} ${f.kind}`,
      changes: {
        fileName: { before: null, after: meta.fileName },
        contentType: { before: null, after: meta.contentType },
        sizeBytes: { before: null, after: meta.sizeBytes },
        sha256: { before: null, after: meta.sha256 },
      },
    });
  }
  return metas;
}

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

async function participantAndProgram(
  repos: Repos<PersonalRepo>,
  participantId: number,
): Promise<{ participant: Participant; program: Program }> {
  const participant = await repos.participants.findById(participantId);
  if (!participant) throw new NotFoundError('participant.not_found', `no participant with id ${participantId}`);
  return { participant, program: await programOf(repos, participant.activityId) };
}

/** Who may see a participant's documents and history: those who see their personal data. */
function authorizePersonal(deps: Acting, program: Program, participant: Participant): void {
  requireSignedIn(deps.actor);
  if (!canSeePersonalData(deps.actor, program, participant.nominatedBy))
    throw new ForbiddenError('participant.personal_forbidden', "you may not see this participant's personal data");
}

export async function addDocuments(
  deps: Deps<PersonalRepo | 'documents' | 'audit'>,
  participantId: number,
  files: readonly UploadedFile[],
  maxBytes: number,
): Promise<DocumentMeta[]> {
  requireSignedIn(deps.actor);
  if (files.length === 0)
    throw new InvalidError('document.no_file', 'send a file in a field named "cv" or "letter"', [{ path: 'cv', message: 'is required' }]);
  return deps.store.transaction(async (repos) => {
    const { participant, program } = await participantAndProgram(repos, participantId);
    if (!canManageOffer(deps.actor, program) && !isNominator(deps.actor, participant.nominatedBy)) {
      throw new ForbiddenError('document.forbidden', 'documents are added by the nominating organisation and those who manage the offer');
    }
    if (participant.erasedAt) throw new InvalidError('participant.erased', "the participant's personal data has been erased");
    return storeFiles(deps, repos, participant, program, files, maxBytes);
  });
}

export async function listDocuments(deps: Deps<PersonalRepo | 'documents'>, participantId: number): Promise<DocumentMeta[]> {
  const { participant, program } = await participantAndProgram(deps.store.repos, participantId);
  authorizePersonal(deps, program, participant);
  return deps.store.repos.documents.listFor(participantId);
}

export async function getDocument(
  deps: Deps<PersonalRepo | 'documents'>,
  documentId: number,
): Promise<{ meta: DocumentMeta; content: Uint8Array }> {
  requireSignedIn(deps.actor);
  const repos = deps.store.repos;
  const meta = await repos.documents.findMeta(documentId);
  if (!meta) throw new NotFoundError('document.not_found', `no document with id ${documentId}`);
  const { participant, program } = await participantAndProgram(repos, meta.participantId);
  authorizePersonal(deps, program, participant);
  const content = await repos.documents.content(documentId);
  if (!content) throw new NotFoundError('document.not_found', `no document with id ${documentId}`);
  return { meta, content };
}

export async function participantHistory(
  deps: Deps<PersonalRepo | 'participantEvents'>,
  participantId: number,
): Promise<{ participant: Participant; events: ParticipantEvent[] }> {
  const { participant, program } = await participantAndProgram(deps.store.repos, participantId);
  authorizePersonal(deps, program, participant);
  return { participant, events: await deps.store.repos.participantEvents.listFor(participantId) };
}

export interface ReviewItem extends Omit<Participant, 'fullName' | 'email' | 'position' | 'phone' | 'personKey'> {
  readonly fullName: string | null;
  readonly email: string | null;
  readonly position: string | null;
  readonly phone: string | null;
  readonly personal: boolean;
}

function reviewItem(deps: Acting, program: Program, p: Participant): ReviewItem {
  const { personKey: _key, ...rest } = p;
  if (canSeePersonalData(deps.actor, program, p.nominatedBy)) return { ...rest, personal: true };
  return { ...rest, fullName: null, email: null, position: null, phone: null, personal: false };
}

/** The review list of an offer's nominations: a page, and the counts per status and country. */
export async function reviewList(
  deps: Deps<'offers' | 'programs' | 'nominations'>,
  offerId: number,
  filter: ReviewFilter & { mine?: boolean },
  page: number,
  pageSize: number,
): Promise<{ page: Page<ReviewItem>; counts: ReviewCounts; offer: CourseOffer }> {
  requireSignedIn(deps.actor);
  const repos = deps.store.repos;
  const { offer, program } = await offerOf(repos, offerId);
  const manager = canManageOffer(deps.actor, program);
  if (offer.status === 'draft' && !manager) throw new NotFoundError('offer.not_found', `no course offer with id ${offerId}`);
  // Personal fields are searched only by those who see them.
  if (filter.q && !manager && !actorHasRole(deps.actor, 'embassy', 'focal_point'))
    throw new ForbiddenError('participant.personal_forbidden', 'you may not search candidates by name');
  const org = actorOrg(deps.actor);
  const own = !manager && actorHasRole(deps.actor, 'embassy', 'focal_point') && (filter.mine || !!filter.q) && org ? org : undefined;
  const result = await repos.nominations.review(program.id, { ...filter, nominatedBy: own ?? filter.nominatedBy }, page, pageSize);
  const counts = await repos.nominations.counts(program.id, own);
  return { page: { ...result, items: result.items.map((p) => reviewItem(deps, program, p)) }, counts, offer };
}

function quotasOf(offer: CourseOffer): SelectionQuotas {
  return {
    byCountry: new Map(offer.quotas.map((q) => [q.country, q.quota])),
    quotaDefault: offer.quotaDefault,
    quotaTotal: offer.quotaTotal,
  };
}

/** Refuses a change that would fill a country or the offer beyond its places. */
function checkQuotas(offer: CourseOffer, holders: Map<string, number>, changes: readonly StatusChange[]): void {
  const after = new Map(holders);
  for (const c of changes) {
    const was = PLACE_HOLDING.includes(c.participant.status);
    const will = PLACE_HOLDING.includes(c.to);
    if (was !== will) after.set(c.participant.country, (after.get(c.participant.country) ?? 0) + (will ? 1 : -1));
  }
  const issues = [];
  for (const [country, n] of after) {
    const quota = quotaOf(offer, country);
    if (quota !== null && n > quota && n > (holders.get(country) ?? 0))
      issues.push({ path: 'changes', code: 'quota_exceeded', message: `${country} would have ${n} places taken; its quota is ${quota}` });
  }
  const total = [...after.values()].reduce((a, b) => a + b, 0);
  const before = [...holders.values()].reduce((a, b) => a + b, 0);
  if (offer.quotaTotal !== null && total > offer.quotaTotal && total > before)
    issues.push({ path: 'changes', code: 'quota_exceeded', message: `${total} places would be taken; the offer has ${offer.quotaTotal}` });
  if (issues.length) throw new InvalidError('offer.quota_exceeded', issues.map((i) => i.message).join('; '), issues);
}

/** Each change with its participant, who must be a nomination of the program. */
async function loadOwn<T extends { participantId: number }>(
  repos: Repos<'nominations'>,
  program: Program,
  changes: readonly T[],
): Promise<{ change: T; participant: Participant }[]> {
  const found = new Map((await repos.nominations.findMany([...new Set(changes.map((c) => c.participantId))])).map((p) => [p.id, p]));
  const own: { change: T; participant: Participant }[] = [];
  const missing: number[] = [];
  for (const change of changes) {
    const participant = found.get(change.participantId);
    if (participant?.activityId === program.id) own.push({ change, participant });
    else missing.push(change.participantId);
  }
  if (missing.length)
    throw new NotFoundError('participant.not_found', `no nomination ${missing.slice(0, 10).join(', ')} in program ${program.identifier}`);
  return own;
}

/** The agency's review: selected, reserve or not selected, one by one or in bulk, within the quotas. */
export async function reviewNominations(deps: SelectionDeps, offerId: number, input: ReviewInput): Promise<{ changed: number }> {
  return deps.store.transaction(async (repos) => {
    const { offer, program } = await offerOf(repos, offerId);
    authorizeOfferManage(deps.actor, program);
    const own = await loadOwn(repos, program, input.changes);
    let nextRank = await repos.nominations.maxReserveRank(program.id);
    const changes: StatusChange[] = own.map(({ change: c, participant }) => {
      const reserveRank =
        c.status === 'reserve'
          ? (c.reserveRank ?? (participant.status === 'reserve' ? participant.reserveRank : null) ?? ++nextRank)
          : null;
      return { participant, to: c.status, reserveRank };
    });
    checkQuotas(offer, await repos.nominations.holders(program.id), changes);
    await moveParticipants(deps, repos, program, changes, { note: input.note ?? null });
    await repos.reportFacts.refresh([program.id], { participantsOnly: true });
    return { changed: changes.filter((c) => c.participant.status !== c.to).length };
  });
}

/**
 * Selects all candidates (nominated and reserves) within the quotas, in the agency's order
 * (ids given first, then by nomination time): the rest become reserves ranked in that order.
 */
export async function selectAllWithinQuotas(
  deps: SelectionDeps,
  offerId: number,
  input: SelectInput,
): Promise<{ selected: number; reserves: number; notSelected: number }> {
  return deps.store.transaction(async (repos) => {
    const { offer, program } = await offerOf(repos, offerId);
    authorizeOfferManage(deps.actor, program);
    const candidates = await repos.nominations.inStatuses(program.id, ['nominated', 'reserve']);
    const byId = new Map(candidates.map((c) => [c.id, c]));
    const order = input.order ?? [];
    const unknown = order.filter((id) => !byId.has(id));
    if (unknown.length)
      throw new InvalidError('offer.bad_order', `not candidates of this offer (nominated or reserve): ${unknown.slice(0, 10).join(', ')}`, [
        { path: 'order', code: 'not_a_candidate', message: `ids ${unknown.slice(0, 10).join(', ')} are not candidates` },
      ]);
    const listed = new Set(order);
    const ranked = [...listed].flatMap((id) => byId.get(id) ?? []).concat(candidates.filter((c) => !listed.has(c.id)));
    const result = selectWithinQuotas(ranked, quotasOf(offer), {
      holders: await repos.nominations.holders(program.id),
      maxReserves: input.maxReserves,
    });
    // The result puts each candidate in one of its three lists.
    const selected = new Set(result.selected);
    const rank = new Map(result.reserves.map((r) => [r.id, r.rank]));
    const statusOf = (id: number): ParticipantStatus => (selected.has(id) ? 'selected' : rank.has(id) ? 'reserve' : 'not_selected');
    const changes: StatusChange[] = ranked.map((p) => ({ participant: p, to: statusOf(p.id), reserveRank: rank.get(p.id) ?? null }));
    await moveParticipants(deps, repos, program, changes, { note: input.note ?? null });
    await repos.reportFacts.refresh([program.id], { participantsOnly: true });
    return { selected: result.selected.length, reserves: result.reserves.length, notSelected: result.notSelected.length };
  });
}

/** The nominator may confirm or withdraw its own nominee; every other step is the agency's. */
const NOMINATOR_STEPS: readonly ParticipantStatus[] = ['confirmed', 'withdrawn'];

/**
 * One participant's next step. When a selected (or confirmed) one withdraws, the first reserve
 * that fits the freed place (its country's quota and the total) is selected in its place.
 */
export async function changeStatus(
  deps: SelectionDeps,
  participantId: number,
  input: StatusChangeInput,
): Promise<{ participant: Participant; promoted: Participant | null }> {
  requireSignedIn(deps.actor);
  return deps.store.transaction(async (repos) => {
    const { participant, program } = await participantAndProgram(repos, participantId);
    const manager = canManageOffer(deps.actor, program);
    if (!manager && !(isNominator(deps.actor, participant.nominatedBy) && NOMINATOR_STEPS.includes(input.status))) {
      throw new ForbiddenError(
        'participant.status_forbidden',
        'the nominating organisation may confirm or withdraw its nominee; every other step is the implementing agency’s',
      );
    }
    const offer = await repos.offers.findByProgram(program.id);
    if (offer && input.status === 'selected')
      checkQuotas(offer, await repos.nominations.holders(program.id), [{ participant, to: 'selected' }]);
    await moveParticipants(
      deps,
      repos,
      program,
      [
        {
          participant,
          to: input.status,
          reserveRank: input.status === 'reserve' ? (await repos.nominations.maxReserveRank(program.id)) + 1 : null,
        },
      ],
      { note: input.note ?? null },
    );
    let promoted: Participant | null = null;
    if (offer && input.status === 'withdrawn' && PLACE_HOLDING.includes(participant.status))
      promoted = await promoteReserve(deps, repos, program, offer);
    await repos.reportFacts.refresh([program.id], { participantsOnly: true });
    return { participant: readBack(await repos.participants.findById(participantId), `participant ${participantId}`), promoted };
  });
}

async function promoteReserve(
  deps: Acting,
  repos: Repos<JourneyRepo | 'nominations'>,
  program: Program,
  offer: CourseOffer,
): Promise<Participant | null> {
  const reserves = (await repos.nominations.inStatuses(program.id, ['reserve'])).sort(
    (a, b) => (a.reserveRank ?? Number.MAX_SAFE_INTEGER) - (b.reserveRank ?? Number.MAX_SAFE_INTEGER) || a.id - b.id,
  );
  const result = selectWithinQuotas(reserves, quotasOf(offer), { holders: await repos.nominations.holders(program.id) });
  const first = reserves.find((r) => r.id === result.selected[0]);
  if (!first) return null;
  await moveParticipants(deps, repos, program, [{ participant: first, to: 'selected' }], {
    note: 'a place became free: promoted from the reserve list',
  });
  return (await repos.participants.findById(first.id)) ?? null;
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
