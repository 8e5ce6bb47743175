/**
 * Course offers: opening a program for nominations, its public page and the catalogue; and the
 * look-ups the nomination use cases share (an offer, a program, a participant with its program).
 */
import type { Program } from '../domain/program/program.js';
import type { Page } from '../domain/program/program-query.js';
import {
  actorHasRole,
  actorOrg,
  authorizeNominate,
  authorizeOfferManage,
  canManageOffer,
  isCoordinationTeam,
  isPublished,
  PUBLISHED_STAGES,
} from '../domain/access/policy.js';
import { diffRecords } from '../domain/audit.js';
import { InvalidError, InvalidTransitionError, NotFoundError } from '../domain/errors.js';
import {
  canMoveOffer,
  checkOfferQuotas,
  isOpenForNominations,
  type CourseOffer,
  type OfferInput,
  type OfferStatus,
} from '../domain/offer/offer.js';
import type { Participant } from '../domain/participant/participant.js';
import { audit } from './audit.js';
import type { CatalogueEntry, CatalogueFilter } from './offers.ports.js';
import type { Acting, Deps, Repos } from './deps.js';
import { readBack } from './read-back.js';
import { requireStage } from '../domain/program/stage-status.js';

/** What changing an offer uses (reading one needs `offers` and `programs`). */
export type OfferDeps = Deps<'offers' | 'programs' | 'audit'>;

export async function programOf(repos: Repos<'programs'>, activityId: number): Promise<Program> {
  const program = await repos.programs.findById(activityId);
  if (!program) throw new NotFoundError('activity.not_found', `no program with id ${activityId}`);
  return program;
}

export async function offerOf(repos: Repos<'offers' | 'programs'>, offerId: number): Promise<{ offer: CourseOffer; program: Program }> {
  const offer = await repos.offers.findById(offerId);
  if (!offer) throw new NotFoundError('offer.not_found', `no course offer with id ${offerId}`);
  return { offer, program: await programOf(repos, offer.activityId) };
}

/** A participant and its program (the nomination use cases authorise against the program). */
export async function participantAndProgram(
  repos: Repos<'participants' | 'programs'>,
  participantId: number,
): Promise<{ participant: Participant; program: Program }> {
  const participant = await repos.participants.findById(participantId);
  if (!participant) throw new NotFoundError('participant.not_found', `no participant with id ${participantId}`);
  return { participant, program: await programOf(repos, participant.activityId) };
}

const auditView = (o: CourseOffer) => ({ ...o, quotas: o.quotas.map((q) => `${q.country}:${q.quota}`).join(', ') });

/** Opens a program for nominations, or changes its offer (PUT: the whole offer). */
export async function saveOffer(deps: OfferDeps, activityId: number, input: OfferInput): Promise<CourseOffer> {
  return deps.store.transaction(async (repos) => {
    const program = await programOf(repos, activityId);
    authorizeOfferManage(deps.actor, program);
    // A course is offered once the program is approved, and until it is over.
    requireStage('nominations', program);
    const quotas = input.quotas ?? [];
    const issues = checkOfferQuotas(
      quotas,
      program.recipients.map((r) => r.country),
    );
    if (issues.length) throw new InvalidError('offer.invalid', 'the offer has invalid quotas', issues);
    const before = await repos.offers.findByProgram(activityId);
    const status: OfferStatus = input.status ?? before?.status ?? 'draft';
    if (before && !canMoveOffer(before.status, status)) {
      throw new InvalidTransitionError('offer.bad_transition', `the offer is ${before.status}: it cannot become ${status}`);
    }
    const saved = await repos.offers.save(
      activityId,
      {
        summaryEn: input.summaryEn ?? null,
        summaryId: input.summaryId ?? null,
        eligibilityEn: input.eligibilityEn ?? null,
        eligibilityId: input.eligibilityId ?? null,
        deadlineAt: input.deadline,
        quotaDefault: input.quotaDefault ?? null,
        quotaTotal: input.quotaTotal ?? null,
        completionPercent: input.completionPercent ?? before?.completionPercent ?? 80,
        status,
        quotas,
      },
      deps.clock.nowIso(),
    );
    await audit(deps, repos, {
      action: before ? 'update' : 'create',
      entity: 'course_offer',
      entityId: saved.id,
      entityLabel: program.identifier,
      entityVersion: saved.version,
      changes: diffRecords(before ? auditView(before) : null, auditView(saved)),
    });
    return saved;
  });
}

/** Closes an open offer (no more nominations) or reopens a closed one. */
export async function setOfferStatus(deps: OfferDeps, offerId: number, to: 'open' | 'closed'): Promise<CourseOffer> {
  return deps.store.transaction(async (repos) => {
    const { offer, program } = await offerOf(repos, offerId);
    authorizeOfferManage(deps.actor, program);
    if (offer.status === to) return offer;
    if (to === 'open') requireStage('nominations', program);
    if (!canMoveOffer(offer.status, to))
      throw new InvalidTransitionError('offer.bad_transition', `the offer is ${offer.status}: it cannot become ${to}`);
    await repos.offers.setStatus(offer.id, to, deps.clock.nowIso());
    await audit(deps, repos, {
      action: 'transition',
      entity: 'course_offer',
      entityId: offer.id,
      entityLabel: program.identifier,
      changes: { status: { before: offer.status, after: to } },
    });
    return readBack(await repos.offers.findById(offer.id), `offer ${offer.id}`);
  });
}

/** Whether the actor may see the offer: published and not a draft, or it manages it. */
function canSeeOffer(deps: Acting, offer: CourseOffer, program: Program): boolean {
  if (canManageOffer(deps.actor, program)) return true;
  return offer.status !== 'draft' && isPublished(program.lifecycleStage);
}

export interface OfferView extends CatalogueEntry {
  /** Nominations are taken now (open and before the deadline). */
  readonly acceptingNominations: boolean;
  readonly canManage: boolean;
  readonly canNominate: boolean;
}

function canNominateNow(deps: Acting, accepting: boolean): boolean {
  if (!accepting) return false;
  try {
    authorizeNominate(deps.actor);
    return true;
  } catch {
    return false; // not an error: the page just hides the nomination form
  }
}

function entryOf(offer: CourseOffer, p: Program): CatalogueEntry {
  return {
    offer,
    program: {
      id: p.id,
      identifier: p.identifier,
      titleEn: p.titleEn,
      titleId: p.titleId,
      descriptionEn: p.descriptionEn,
      descriptionId: p.descriptionId,
      modality: p.modality,
      flagshipArea: p.flagshipArea,
      lifecycleStage: p.lifecycleStage,
      plannedStart: p.plannedStart,
      plannedEnd: p.plannedEnd,
      venueCity: p.venueCity,
      venueCountry: p.venueCountry,
      implementingOrg: p.implementingOrg,
      recipients: p.recipients.map((r) => r.country),
    },
  };
}

/** One offer's public page (drafts only for those who manage them). */
export async function getOffer(deps: Deps<'offers' | 'programs'>, offerId: number): Promise<OfferView> {
  const { offer, program } = await offerOf(deps.store.repos, offerId);
  if (!canSeeOffer(deps, offer, program)) throw new NotFoundError('offer.not_found', `no course offer with id ${offerId}`);
  const accepting = isOpenForNominations(offer, deps.clock.nowIso());
  return {
    ...entryOf(offer, program),
    acceptingNominations: accepting,
    canManage: canManageOffer(deps.actor, program),
    canNominate: canNominateNow(deps, accepting),
  };
}

/** The offer of a program, when it has one the actor may see. */
export async function getProgramOffer(deps: Deps<'offers' | 'programs'>, activityId: number): Promise<OfferView | null> {
  const offer = await deps.store.repos.offers.findByProgram(activityId);
  if (!offer) return null;
  try {
    return await getOffer(deps, offer.id);
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

export interface CatalogueQuery {
  readonly q?: string;
  readonly country?: string;
  readonly modality?: string;
  readonly flagshipArea?: string;
  /** Only offers taking nominations now (open, deadline not passed). */
  readonly openOnly?: boolean;
  readonly status?: OfferStatus;
  readonly page: number;
  readonly pageSize: number;
}

/**
 * The catalogue: offers of published programs, open or closed; the coordination team also sees
 * drafts and unpublished programs, an agency its own drafts.
 */
export async function listOffers(deps: Deps<'offers'>, query: CatalogueQuery): Promise<Page<CatalogueEntry>> {
  const team = isCoordinationTeam(deps.actor);
  const statuses: OfferStatus[] = query.openOnly
    ? ['open']
    : query.status
      ? [query.status]
      : team
        ? ['draft', 'open', 'closed']
        : ['open', 'closed'];
  const filter: CatalogueFilter = {
    q: query.q,
    country: query.country,
    modality: query.modality,
    flagshipArea: query.flagshipArea,
    statuses: !team && query.status === 'draft' ? [] : statuses,
    stages: team ? undefined : PUBLISHED_STAGES,
    deadlineAfter: query.openOnly ? deps.clock.nowIso() : undefined,
    draftsOf:
      !team && !query.openOnly && actorHasRole(deps.actor, 'agency') && (!query.status || query.status === 'draft')
        ? (actorOrg(deps.actor) ?? undefined)
        : undefined,
  };
  return deps.store.repos.offers.catalogue(filter, query.page, query.pageSize);
}
