/**
 * Collection rounds (issue 23; docs/rounds.md). The coordination team opens a round of a year
 * or a half-year with a deadline; each implementing agency with programs in the period gets a
 * part, which it completes and confirms. Completeness is the data-quality evaluation's
 * (services/quality.ts): a program is complete when no *required* finding is left. Every write
 * is audited as a change of the round ('collection_round').
 */
import { actorLabel, actorUserId } from '../domain/access/actor.js';
import { authorizeRoundManage, authorizeRoundRead, roundPartAgency } from '../domain/access/policy.js';
import { ConflictError, InvalidError, InvalidTransitionError, NotFoundError } from '../domain/errors.js';
import { byMostToFix, type ProgramQuality } from '../domain/quality/scorecard.js';
import {
  isComplete,
  isLate,
  periodDays,
  requiredFindings,
  type AgencyProgress,
  type CollectionRound,
  type ConfirmPartInput,
  type OpenRoundInput,
  type ReopenPartInput,
  type RoundAgencyPart,
  type RoundOverview,
  type RoundPart,
} from '../domain/rounds/round.js';
import { audit } from './audit.js';
import type { Deps, Repos } from './deps.js';
import { eachProgramQuality } from './quality.js';
import type { QualityScope } from './quality.ports.js';

const today = (deps: Deps<never>) => deps.clock.nowIso().slice(0, 10);

const roundLabel = (r: Pick<CollectionRound, 'id' | 'year' | 'period'>) => `collection round ${r.id}, ${r.year} (${r.period})`;

function scopeOf(round: CollectionRound, implementingOrg?: string): QualityScope {
  return {
    year: round.year,
    ...(round.period === 'year' ? {} : { half: periodDays(round.year, round.period) }),
    ...(implementingOrg ? { implementingOrg } : {}),
  };
}

async function roundOrThrow(repos: Repos<'rounds'>, id: number): Promise<CollectionRound> {
  const round = await repos.rounds.find(id);
  if (!round) throw new NotFoundError('round.not_found', `no collection round ${id}`);
  return round;
}

/** An open round's parts: one per agency with programs in the period, added for agencies that got programs since. */
async function syncParts(repos: Repos<'rounds'>, round: CollectionRound): Promise<RoundPart[]> {
  if (round.status === 'open') await repos.rounds.addParts(round.id, await repos.rounds.agenciesWithPrograms(round.year, round.period));
  return repos.rounds.parts(round.id);
}

/** Opens a round (coordination team); one open round per year and period. */
export async function openRound(deps: Deps<'rounds' | 'audit'>, input: OpenRoundInput): Promise<CollectionRound> {
  authorizeRoundManage(deps.actor);
  return deps.store.transaction(async (repos) => {
    const open = await repos.rounds.findOpen(input.year, input.period);
    if (open)
      throw new ConflictError('round.already_open', `${roundLabel(open)} is already open: close it before opening another`, [], {
        details: { roundId: open.id },
      });
    const round = await repos.rounds.insert({
      year: input.year,
      period: input.period,
      deadlineDate: input.deadlineDate,
      openedAt: deps.clock.nowIso(),
      openedByUserId: actorUserId(deps.actor),
      openedBy: actorLabel(deps.actor),
    });
    const parts = await syncParts(repos, round);
    await audit(deps, repos, {
      action: 'create',
      entity: 'collection_round',
      entityId: round.id,
      entityLabel: roundLabel(round),
      changes: {
        year: { before: null, after: round.year },
        period: { before: null, after: round.period },
        deadlineDate: { before: null, after: round.deadlineDate },
        agencies: { before: null, after: parts.map((p) => p.orgCode) },
      },
    });
    return round;
  });
}

export async function listRounds(deps: Deps<'rounds'>, year?: number): Promise<CollectionRound[]> {
  authorizeRoundRead(deps.actor);
  return deps.store.repos.rounds.list(year === undefined ? {} : { year });
}

/** The coordinator's overview: per agency, programs, complete, confirmed (by whom, when), late. */
export async function roundOverview(deps: Deps<'rounds' | 'quality'>, id: number): Promise<RoundOverview> {
  authorizeRoundManage(deps.actor);
  const { round, parts } = await deps.store.transaction(async (repos) => {
    const found = await roundOrThrow(repos, id);
    return { round: found, parts: await syncParts(repos, found) };
  });
  const counts = new Map<string, { programs: number; complete: number }>();
  await eachProgramQuality(deps, scopeOf(round), (quality) => {
    const key = (quality.implementingOrg ?? '').toLowerCase();
    const c = counts.get(key) ?? { programs: 0, complete: 0 };
    c.programs += 1;
    if (isComplete(quality)) c.complete += 1;
    counts.set(key, c);
  });
  const names = new Map((await deps.store.repos.quality.agencyNames(parts.map((p) => p.orgCode))).map((n) => [n.code, n]));
  const day = today(deps);
  const agencies: AgencyProgress[] = parts.map((p) => ({
    orgCode: p.orgCode,
    nameEn: names.get(p.orgCode)?.nameEn ?? null,
    nameId: names.get(p.orgCode)?.nameId ?? null,
    programs: counts.get(p.orgCode.toLowerCase())?.programs ?? 0,
    complete: counts.get(p.orgCode.toLowerCase())?.complete ?? 0,
    status: p.status,
    confirmedAt: p.confirmedAt,
    confirmedBy: p.confirmedBy,
    late: isLate(p, round.deadlineDate, day),
    reopenedAt: p.reopenedAt,
    reopenReason: p.reopenReason,
  }));
  return { round, evaluatedOn: day, agencies };
}

async function agencyPrograms(deps: Deps<'quality'>, round: CollectionRound, orgCode: string) {
  const programs: (ProgramQuality & { complete: boolean })[] = [];
  await eachProgramQuality(deps, scopeOf(round, orgCode), (quality) => programs.push({ ...quality, complete: isComplete(quality) }));
  return programs.sort(byMostToFix);
}

/** An agency's part: its programs in the period with their findings (the agency itself, or the coordination team). */
export async function roundAgencyPart(deps: Deps<'rounds' | 'quality'>, id: number, agency?: string | null): Promise<RoundAgencyPart> {
  const orgCode = roundPartAgency(deps.actor, agency);
  const { round, part } = await deps.store.transaction(async (repos) => {
    const found = await roundOrThrow(repos, id);
    await syncParts(repos, found);
    return { round: found, part: await partOrThrow(repos, found, orgCode) };
  });
  return {
    round,
    part,
    late: isLate(part, round.deadlineDate, today(deps)),
    evaluatedOn: today(deps),
    programs: await agencyPrograms(deps, round, part.orgCode),
  };
}

async function partOrThrow(repos: Repos<'rounds'>, round: CollectionRound, orgCode: string): Promise<RoundPart> {
  const part = await repos.rounds.part(round.id, orgCode);
  if (!part) throw new NotFoundError('round_part.not_found', `${orgCode} has no part in ${roundLabel(round)} (no programs in the period)`);
  return part;
}

function requireOpen(round: CollectionRound): void {
  if (round.status !== 'open') throw new InvalidTransitionError('round.closed', `${roundLabel(round)} is closed`);
}

/**
 * Confirms an agency's part: its own officers, or a coordinator on its behalf. With required
 * findings left it is refused with the list, unless a note says why to confirm anyway (kept
 * with the confirmation and in the audit).
 */
export async function confirmRoundPart(
  deps: Deps<'rounds' | 'quality' | 'audit'>,
  id: number,
  agency: string | null | undefined,
  input: ConfirmPartInput,
): Promise<RoundPart> {
  const orgCode = roundPartAgency(deps.actor, agency);
  const round = await roundOrThrow(deps.store.repos, id);
  requireOpen(round);
  const incomplete = (await agencyPrograms(deps, round, orgCode)).filter((p) => !p.complete);
  if (incomplete.length > 0 && !input.note)
    throw new InvalidError(
      'round_part.incomplete',
      `${incomplete.length} program(s) of ${orgCode} still have required fields to complete; complete them, or confirm with a note saying why`,
      incomplete.map((p) => ({
        path: 'programs',
        message: `${p.identifier}: ${requiredFindings(p)
          .map((f) => f.labelEn)
          .join('; ')}`,
        code: 'incomplete',
        params: { programId: p.programId, identifier: p.identifier },
      })),
    );
  return deps.store.transaction(async (repos) => {
    const current = await roundOrThrow(repos, id);
    requireOpen(current);
    await syncParts(repos, current);
    const part = await partOrThrow(repos, current, orgCode);
    if (part.status === 'confirmed')
      throw new ConflictError(
        'round_part.already_confirmed',
        `${part.orgCode} confirmed its part on ${part.confirmedAt ?? ''} (${part.confirmedBy ?? ''})`,
      );
    const note = input.note ?? null;
    await repos.rounds.confirm(id, part.orgCode, {
      at: deps.clock.nowIso(),
      byUserId: actorUserId(deps.actor),
      by: actorLabel(deps.actor),
      note,
    });
    await audit(deps, repos, {
      action: 'update',
      entity: 'collection_round',
      entityId: id,
      entityLabel: `${roundLabel(current)}: ${part.orgCode}`,
      changes: { [`parts.${part.orgCode}.status`]: { before: 'open', after: 'confirmed' } },
      comment:
        [note && `note: ${note}`, incomplete.length > 0 && `${incomplete.length} incomplete program(s)`].filter(Boolean).join('; ') || null,
    });
    return partOrThrow(repos, current, part.orgCode);
  });
}

/** Reopens an agency's confirmed part, with a reason (coordination team). */
export async function reopenRoundPart(
  deps: Deps<'rounds' | 'audit'>,
  id: number,
  agency: string,
  input: ReopenPartInput,
): Promise<RoundPart> {
  authorizeRoundManage(deps.actor);
  return deps.store.transaction(async (repos) => {
    const round = await roundOrThrow(repos, id);
    requireOpen(round);
    const part = await partOrThrow(repos, round, agency);
    if (part.status !== 'confirmed')
      throw new InvalidTransitionError('round_part.not_confirmed', `${part.orgCode} has not confirmed its part`);
    await repos.rounds.reopen(id, part.orgCode, { at: deps.clock.nowIso(), by: actorLabel(deps.actor), reason: input.reason });
    await audit(deps, repos, {
      action: 'update',
      entity: 'collection_round',
      entityId: id,
      entityLabel: `${roundLabel(round)}: ${part.orgCode}`,
      changes: {
        [`parts.${part.orgCode}.status`]: { before: 'confirmed', after: 'open' },
        [`parts.${part.orgCode}.confirmedBy`]: { before: part.confirmedBy, after: null },
      },
      comment: `reopened: ${input.reason}`,
    });
    return partOrThrow(repos, round, part.orgCode);
  });
}

/** Closes a round (coordination team): its parts are then final; unconfirmed ones still block a freeze. */
export async function closeRound(deps: Deps<'rounds' | 'audit'>, id: number): Promise<CollectionRound> {
  authorizeRoundManage(deps.actor);
  return deps.store.transaction(async (repos) => {
    const round = await roundOrThrow(repos, id);
    requireOpen(round);
    const parts = await syncParts(repos, round);
    await repos.rounds.close(id, deps.clock.nowIso(), actorUserId(deps.actor), actorLabel(deps.actor));
    await audit(deps, repos, {
      action: 'update',
      entity: 'collection_round',
      entityId: id,
      entityLabel: roundLabel(round),
      changes: {
        status: { before: 'open', after: 'closed' },
        unconfirmed: { before: null, after: parts.filter((p) => p.status !== 'confirmed').map((p) => p.orgCode) },
      },
    });
    return roundOrThrow(repos, id);
  });
}
