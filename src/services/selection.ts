/**
 * The implementing agency's review of an offer's nominations and the candidates' next steps:
 * the review list, selected, reserve or not selected within the quotas (one by one, in bulk, or
 * all at once in the agency's order), confirmation and withdrawal, and the first fitting reserve
 * promoted into a freed place (docs/participants.md).
 */
import type { Program } from '../domain/program/program.js';
import type { Page } from '../domain/program/program-query.js';
import {
  actorHasRole,
  actorOrg,
  authorizeOfferManage,
  canManageOffer,
  canSeePersonalData,
  isNominator,
  requireSignedIn,
} from '../domain/access/policy.js';
import type { ParticipantStatus } from '../domain/codes.js';
import { ForbiddenError, InvalidError, NotFoundError } from '../domain/errors.js';
import type { ReviewInput, SelectInput, StatusChangeInput } from '../domain/offer/nomination.js';
import { quotaOf, type CourseOffer } from '../domain/offer/offer.js';
import { selectWithinQuotas, type SelectionQuotas } from '../domain/offer/selection.js';
import { PLACE_HOLDING } from '../domain/participant/journey.js';
import type { Participant } from '../domain/participant/participant.js';
import { moveParticipants, type JourneyRepo, type StatusChange } from './journey.js';
import type { ReviewCounts, ReviewFilter } from './offers.ports.js';
import { offerOf, participantAndProgram } from './offers.js';
import type { Acting, Deps, Repos } from './deps.js';
import { readBack } from './read-back.js';

/** What the agency's review and the candidates' next steps use: the offer, its nominations and the journey. */
export type SelectionDeps = Deps<JourneyRepo | 'offers' | 'programs' | 'nominations' | 'reportFacts'>;

export interface ReviewItem extends Omit<Participant, 'fullName' | 'email' | 'position' | 'phone' | 'organisation' | 'personKey'> {
  readonly fullName: string | null;
  readonly email: string | null;
  readonly organisation: string | null;
  readonly position: string | null;
  readonly phone: string | null;
  readonly personal: boolean;
}

function reviewItem(deps: Acting, program: Program, p: Participant): ReviewItem {
  const { personKey: _key, ...rest } = p;
  if (canSeePersonalData(deps.actor, program, p.nominatedBy)) return { ...rest, personal: true };
  return { ...rest, fullName: null, email: null, position: null, phone: null, organisation: null, personal: false };
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
