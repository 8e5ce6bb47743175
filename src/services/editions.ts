/**
 * Frozen editions of a year's figures (issue 23, docs/editions.md). Freezing computes the annual
 * summary exactly as the live report does (services/reports.ts summaryOf), for every stage and for
 * the stages the public sees, and copies the year's program records, all in one transaction;
 * what is written then never changes (the repository has no update for it and the database's
 * triggers refuse one). An edition after the first (errata) says why and keeps what changed
 * against the one it corrects. Every step is audited.
 */
import { actorLabel, actorUserId } from '../domain/access/actor.js';
import { authorizeEditionManage, canReadDraftEditions, PUBLISHED_STAGES, requireSignedIn } from '../domain/access/policy.js';
import type { LifecycleStage } from '../domain/codes.js';
import { ConflictError, InvalidError, InvalidTransitionError, NotFoundError } from '../domain/errors.js';
import {
  editionTitle,
  summaryBlockers,
  type Edition,
  type EditionScope,
  type EditionWithFigures,
  type FreezeInput,
  type NarrativeInput,
} from '../domain/report/edition.js';
import { editionDifferences, type EditionDifferences } from '../domain/report/edition-diff.js';
import type { AnnualSummary } from '../domain/report/summary.js';
import { audit } from './audit.js';
import { freezeWholeRecords, type WholeRecordRepos } from './edition-programs.js';
import type { Acting, Deps, Repos } from './deps.js';
import { annualSummary, summaryOf, type AnnualReport } from './reports.js';

/** The stages each scope counts: every stage, or those the public portal shows. */
const SCOPE_STAGES: Record<EditionScope, readonly LifecycleStage[] | undefined> = { all: undefined, published: PUBLISHED_STAGES };

/** Which of an edition's figures the actor sees: the public those of published programs only, as in the live reports. */
export function editionScopeFor(deps: Acting): EditionScope {
  return canReadDraftEditions(deps.actor) ? 'all' : 'published';
}

type FreezeRepos = 'editions' | 'reports' | 'freezeBlockers' | 'audit' | 'rounds' | WholeRecordRepos;

/**
 * Freezes the year as its next edition. Refused while something blocks it (the list is in the
 * error's issues and details) unless `overrideReason` says why to freeze anyway; an edition after
 * the first needs `reason` (errata).
 */
export async function freezeEdition(deps: Deps<FreezeRepos>, year: number, input: FreezeInput): Promise<Edition> {
  authorizeEditionManage(deps.actor);
  return deps.store.transaction(async (repos) => {
    // Every read below sees the same committed state (PostgreSQL: one snapshot for the transaction).
    await repos.editions.readOneSnapshot();
    const previous = await repos.editions.latest(year);
    const number = (previous?.number ?? 0) + 1;
    if (previous && !input.reason)
      throw new InvalidError('edition.reason_required', `edition ${number} of ${year} corrects edition ${previous.number}: say why`, [
        { path: 'reason', message: 'an edition after the first needs a reason (errata)', code: 'required' },
      ]);
    const summaries = {
      all: await summaryOf(repos, year, SCOPE_STAGES.all),
      published: await summaryOf(repos, year, SCOPE_STAGES.published),
    };
    const blockers = [...(await repos.freezeBlockers.blockers(year)), ...summaryBlockers(summaries.all)];
    if (blockers.length > 0 && !input.overrideReason)
      throw new ConflictError(
        'edition.blocked',
        `${year} cannot be frozen yet (${blockers.length} blocker(s)); a coordinator may freeze it anyway with an override reason`,
        blockers.map((b) => ({ path: 'blockers', message: b.message, code: b.kind, params: { subject: b.subject } })),
        { details: { blockers } },
      );
    const records = await repos.editions.liveRecords(year);
    const changes = previous ? await changesSince(repos, previous, summaries.all, records) : null;
    const frozenAt = deps.clock.nowIso();
    const edition = await repos.editions.insert({
      year,
      number,
      titleEn: editionTitle(year, number, frozenAt, 'en'),
      titleId: editionTitle(year, number, frozenAt, 'id'),
      frozenAt,
      frozenByUserId: actorUserId(deps.actor),
      frozenBy: actorLabel(deps.actor),
      overrideReason: input.overrideReason ?? null,
      blockers,
      errataReason: previous ? (input.reason ?? null) : null,
      previousId: previous?.id ?? null,
      changes,
      programs: summaries.all.programs,
      countries: summaries.all.countries,
      participants: summaries.all.participants,
    });
    await repos.editions.insertFigures(edition.id, 'all', summaries.all);
    await repos.editions.insertFigures(edition.id, 'published', summaries.published);
    await repos.editions.insertRecords(edition.id, records);
    // Which rounds the figures were collected in, as they stand now (docs/rounds.md).
    const rounds = await repos.rounds.list({ year });
    await repos.editions.insertRounds(
      edition.id,
      await Promise.all(rounds.map(async (round) => ({ round, parts: await repos.rounds.parts(round.id) }))),
    );
    // The whole records, for the bundle's outputs (docs/bundle.md).
    await freezeWholeRecords(repos, edition.id, records);
    await audit(deps, repos, {
      action: 'create',
      entity: 'edition',
      entityId: edition.id,
      entityLabel: edition.titleEn,
      changes: {
        year: { before: null, after: year },
        number: { before: null, after: number },
        programs: { before: null, after: edition.programs },
        ...(blockers.length > 0 ? { blockers: { before: null, after: blockers.map((b) => b.message) } } : {}),
      },
      comment:
        [input.reason && `errata: ${input.reason}`, input.overrideReason && `override: ${input.overrideReason}`]
          .filter(Boolean)
          .join('; ') || null,
    });
    return edition;
  });
}

async function changesSince(
  repos: Repos<'editions'>,
  previous: Edition,
  summary: AnnualSummary,
  records: Awaited<ReturnType<Repos<'editions'>['editions']['liveRecords']>>,
): Promise<EditionDifferences> {
  const before = await repos.editions.figures(previous.id, 'all');
  if (!before) throw new Error(`edition ${previous.id} has no figures`);
  return editionDifferences({ summary: before, records: await repos.editions.records(previous.id) }, { summary, records });
}

/** The editions of a year (or of every year), latest first; the public sees published ones only. */
export async function listEditions(deps: Deps<'editions'>, year?: number): Promise<Edition[]> {
  return deps.store.repos.editions.list({ year, publishedOnly: !canReadDraftEditions(deps.actor) });
}

/** One edition as the actor may see it: a draft is NotFound to the public, as if it did not exist. */
export async function getEdition(deps: Deps<'editions'>, year: number, number: number): Promise<Edition> {
  const edition = await deps.store.repos.editions.find(year, number);
  if (!edition || (edition.status !== 'published' && !canReadDraftEditions(deps.actor)))
    throw new NotFoundError('edition.not_found', `${year} has no edition ${number}`);
  return edition;
}

/** An edition with its figures (those of published programs for the public). */
export async function editionFigures(deps: Deps<'editions'>, year: number, number: number): Promise<EditionWithFigures> {
  const edition = await getEdition(deps, year, number);
  const scope = editionScopeFor(deps);
  const summary = await deps.store.repos.editions.figures(edition.id, scope);
  if (!summary) throw new Error(`edition ${edition.id} has no ${scope} figures`);
  return { edition, scope, summary };
}

/** The annual report of an edition, as the documents show it: the edition's figures and its name. */
export async function editionReport(deps: Deps<'editions'>, year: number, number: number): Promise<AnnualReport & { edition: Edition }> {
  const { edition, scope, summary } = await editionFigures(deps, year, number);
  return { summary, stages: SCOPE_STAGES[scope], generatedAt: deps.clock.nowIso(), edition };
}

/** The year's collection rounds as they stood when the edition was frozen (internal readers). */
export async function editionRounds(deps: Deps<'editions'>, year: number, number: number) {
  requireSignedIn(deps.actor);
  const edition = await getEdition(deps, year, number);
  return deps.store.repos.editions.rounds(edition.id);
}

/** The program records an edition counted (internal readers). */
export async function editionRecords(deps: Deps<'editions'>, year: number, number: number) {
  requireSignedIn(deps.actor);
  const edition = await getEdition(deps, year, number);
  return deps.store.repos.editions.records(edition.id);
}

/** What differs between the live figures and records and an edition's, figure by figure and record by record. */
export async function differencesFromLive(deps: Deps<'editions' | 'reports'>, year: number, number: number): Promise<EditionDifferences> {
  requireSignedIn(deps.actor);
  const { edition, summary } = await editionFigures(deps, year, number);
  const [live, records, liveRecords] = await Promise.all([
    annualSummary(deps, year),
    deps.store.repos.editions.records(edition.id),
    deps.store.repos.editions.liveRecords(year),
  ]);
  return editionDifferences({ summary, records }, { summary: live, records: liveRecords });
}

/** Publishes a draft: the public sees it from now on, and nothing of it changes any more. */
export async function publishEdition(deps: Deps<'editions' | 'audit'>, year: number, number: number): Promise<Edition> {
  authorizeEditionManage(deps.actor);
  return deps.store.transaction(async (repos) => {
    const edition = await repos.editions.find(year, number);
    if (!edition) throw new NotFoundError('edition.not_found', `${year} has no edition ${number}`);
    if (edition.status === 'published')
      throw new InvalidTransitionError('edition.already_published', `${edition.titleEn} was published on ${edition.publishedAt ?? ''}`);
    const at = deps.clock.nowIso();
    await repos.editions.publish(edition.id, at, actorUserId(deps.actor), actorLabel(deps.actor));
    await audit(deps, repos, {
      action: 'transition',
      entity: 'edition',
      entityId: edition.id,
      entityLabel: edition.titleEn,
      changes: { status: { before: 'frozen', after: 'published' } },
    });
    const published = await repos.editions.find(year, number);
    if (!published) throw new Error(`edition ${edition.id} vanished while being published`);
    return published;
  });
}

/**
 * Writes the narrative (foreword) of a draft in one language. A published edition's narrative is
 * part of what was sent and no longer changes: a new edition carries a corrected one.
 */
export async function setNarrative(
  deps: Deps<'editions' | 'audit'>,
  year: number,
  number: number,
  input: NarrativeInput,
): Promise<Edition> {
  authorizeEditionManage(deps.actor);
  return deps.store.transaction(async (repos) => {
    const edition = await repos.editions.find(year, number);
    if (!edition) throw new NotFoundError('edition.not_found', `${year} has no edition ${number}`);
    if (edition.status === 'published')
      throw new InvalidTransitionError('edition.published', `${edition.titleEn} is published: its narrative no longer changes`);
    const before = input.lang === 'en' ? edition.narrativeEn : edition.narrativeId;
    const text = input.text.trim() === '' ? null : input.text;
    await repos.editions.setNarrative(edition.id, input.lang, text, deps.clock.nowIso());
    await audit(deps, repos, {
      action: 'update',
      entity: 'edition',
      entityId: edition.id,
      entityLabel: edition.titleEn,
      changes: { [input.lang === 'en' ? 'narrativeEn' : 'narrativeId']: { before, after: text } },
    });
    const updated = await repos.editions.find(year, number);
    if (!updated) throw new Error(`edition ${edition.id} vanished while its narrative was written`);
    return updated;
  });
}
