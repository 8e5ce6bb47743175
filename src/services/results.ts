/**
 * Results frameworks of programs (issue 25, docs/results.md): reading one (whoever may read the
 * program; the public sees those of published programs), and changing its results, indicators
 * and periods (the coordination team, and the implementing agency for its own program while it
 * may edit the program). Every change writes the whole framework under its version (If-Match:
 * one version per program's framework prevents lost updates) after every rule, and is audited.
 * The participant indicator is computed from the participant records and is not part of it.
 */
import { actorUserId } from '../domain/access/actor.js';
import { authorizeEditProgram, canReadInternal, isPublished } from '../domain/access/policy.js';
import { ConflictError, InvalidError, NotFoundError } from '../domain/errors.js';
import type { AttendanceCount } from '../domain/iati/result-xml.js';
import type { Program } from '../domain/program/program.js';
import {
  addIndicatorIds,
  addResultIds,
  RESULT_LIMITS,
  withIds,
  type Framework,
  type FrameworkInput,
  type Indicator,
  type IndicatorFields,
  type IndicatorInput,
  type PeriodInput,
  type Result,
  type ResultFields,
  type ResultInput,
} from '../domain/results/framework.js';
import { checkFramework } from '../domain/results/framework.rules.js';
import type { ProgramAchievements } from '../domain/report/achievements.js';
import type { LifecycleStage } from '../domain/codes.js';
import { reportStages, type ReportScope } from './reports.js';
import { editionFigures } from './editions.js';
import { frozenAchievements } from '../domain/bundle/report-output.js';
import { PUBLISHED_STAGES } from '../domain/access/policy.js';
import { audit } from './audit.js';
import type { Deps, Repos } from './deps.js';

/** The participant indicator (computed, read-only): planned from the program, attended from its records. */
export interface ParticipantIndicator {
  readonly start: string | null;
  readonly end: string | null;
  readonly planned: number | null;
  /** Null when the program has no participant records. */
  readonly attended: number | null;
  readonly female: number;
  readonly male: number;
  readonly byCountry: readonly { readonly country: string; readonly attended: number }[];
}

export interface ResultsView {
  readonly programId: number;
  readonly version: number;
  readonly updatedAt: string | null;
  readonly results: Result[];
  readonly participants: ParticipantIndicator;
  /** Whether the reader may change the framework (the web shows the forms). */
  readonly editable: boolean;
}

export type ResultsDeps = Deps<'programs' | 'results' | 'participants' | 'audit'>;

export function participantIndicator(p: Program, a: AttendanceCount | undefined): ParticipantIndicator {
  return {
    start: p.actualStart ?? p.plannedStart,
    end: p.actualEnd ?? p.plannedEnd ?? p.actualStart ?? p.plannedStart,
    planned: p.participantsPlanned,
    attended: a ? a.attended : null,
    female: a?.attendedBySex?.F ?? 0,
    male: a?.attendedBySex?.M ?? 0,
    byCountry: Object.entries(a?.attendedByCountry ?? {})
      .filter(([, n]) => n > 0)
      .sort(([x], [y]) => x.localeCompare(y))
      .map(([country, attended]) => ({ country, attended })),
  };
}

function canEdit(deps: ResultsDeps, p: Program): boolean {
  try {
    authorizeEditProgram(deps.actor, p);
    return true;
  } catch {
    // A refusal only means the reader sees the framework without forms.
    return false;
  }
}

/** A program's framework: the public sees those of published programs (others do not exist to it). */
export async function getResults(deps: Deps<'programs' | 'results' | 'participants' | 'audit'>, programId: number): Promise<ResultsView> {
  const program = await deps.store.repos.programs.findById(programId);
  if (!program || !(canReadInternal(deps.actor) || isPublished(program.lifecycleStage))) {
    throw new NotFoundError('activity.not_found', `no program with id ${programId}`);
  }
  const stored = await deps.store.repos.results.get(programId);
  const attendance = (await deps.store.repos.participants.attendanceCounts([programId])).get(programId);
  return {
    programId,
    version: stored.version,
    updatedAt: stored.updatedAt,
    results: stored.framework.results,
    participants: participantIndicator(program, attendance),
    editable: canEdit(deps, program),
  };
}

const notFound = (what: 'result' | 'indicator' | 'period', id: number) =>
  new NotFoundError(`results.${what}_not_found`, `no ${what} with id ${id} in this program's results framework`);

/**
 * Loads, authorises, changes (a pure function of the framework), checks every rule, saves under
 * the version and audits, in one transaction. `expectedVersion` undefined: If-Match `*`.
 */
async function change(
  deps: ResultsDeps,
  programId: number,
  expectedVersion: number | undefined,
  what: string,
  mutate: (f: Framework) => { framework: Framework; before: unknown; after: unknown },
): Promise<ResultsView> {
  await deps.store.transaction(async (repos: Repos<'programs' | 'results' | 'audit'>) => {
    const program = await repos.programs.findById(programId);
    if (!program) throw new NotFoundError('activity.not_found', `no program with id ${programId}`);
    authorizeEditProgram(deps.actor, program);
    const stored = await repos.results.get(programId);
    const stale = () =>
      new ConflictError(
        'results.stale',
        `the results framework of program ${programId} was changed (now at version ${stored.version}, you had version ${expectedVersion}); reload it and apply your change again`,
        [],
        { details: { currentVersion: stored.version, yourVersion: expectedVersion ?? null } },
      );
    if (expectedVersion !== undefined && expectedVersion !== stored.version) throw stale();
    const { framework, before, after } = mutate(stored.framework);
    const issues = checkFramework(framework, { recipients: program.recipients.map((r) => r.country) });
    if (issues.length) throw new InvalidError('results.invalid', 'the results framework breaks rules: see the issues', issues);
    const now = deps.clock.nowIso();
    if (!(await repos.results.save(programId, stored.version, framework, now, actorUserId(deps.actor)))) throw stale();
    await audit(deps, repos, {
      action: before === null ? 'create' : after === null ? 'delete' : 'update',
      entity: 'results_framework',
      entityId: programId,
      entityLabel: program.identifier,
      entityVersion: stored.version + 1,
      changes: { [what]: { before, after } },
    });
  });
  return getResults(deps, programId);
}

function findResult(f: Framework, resultId: number): Result {
  const r = f.results.find((x) => x.id === resultId);
  if (!r) throw notFound('result', resultId);
  return r;
}

function findIndicator(f: Framework, resultId: number, indicatorId: number): { result: Result; indicator: Indicator } {
  const result = findResult(f, resultId);
  const indicator = result.indicators.find((x) => x.id === indicatorId);
  if (!indicator) throw notFound('indicator', indicatorId);
  return { result, indicator };
}

const replaceResult = (f: Framework, r: Result, nextId = f.nextId): Framework => ({
  results: f.results.map((x) => (x.id === r.id ? r : x)),
  nextId,
});
const replaceIndicator = (r: Result, i: Indicator): Result => ({ ...r, indicators: r.indicators.map((x) => (x.id === i.id ? i : x)) });

function tooMany(path: string, limit: number): InvalidError {
  return new InvalidError('results.invalid', `at most ${limit} allowed`, [{ path, code: 'too_many', message: `at most ${limit}` }]);
}

/** Replaces the whole framework (ids are given anew). */
export function replaceFramework(deps: ResultsDeps, programId: number, input: FrameworkInput, expectedVersion?: number) {
  return change(deps, programId, expectedVersion, 'framework', (f) => {
    const next = withIds(input, f.nextId);
    return { framework: next, before: f.results.length ? f.results : null, after: next.results };
  });
}

export function addResult(deps: ResultsDeps, programId: number, input: ResultInput, expectedVersion?: number) {
  return change(deps, programId, expectedVersion, 'result', (f) => {
    if (f.results.length >= RESULT_LIMITS.results) throw tooMany('results', RESULT_LIMITS.results);
    let next = f.nextId;
    const r = addResultIds(input, () => next++);
    return { framework: { results: [...f.results, r], nextId: next }, before: null, after: r };
  });
}

/** Changes a result's own fields; its indicators stay. */
export function updateResult(deps: ResultsDeps, programId: number, resultId: number, fields: ResultFields, expectedVersion?: number) {
  return change(deps, programId, expectedVersion, `result ${resultId}`, (f) => {
    const current = findResult(f, resultId);
    const { indicators: _kept, ...before } = current;
    const r: Result = { ...fields, id: resultId, indicators: current.indicators };
    return { framework: replaceResult(f, r), before, after: fields };
  });
}

export function deleteResult(deps: ResultsDeps, programId: number, resultId: number, expectedVersion?: number) {
  return change(deps, programId, expectedVersion, `result ${resultId}`, (f) => {
    const current = findResult(f, resultId);
    return { framework: { ...f, results: f.results.filter((x) => x.id !== resultId) }, before: current, after: null };
  });
}

export function addIndicator(deps: ResultsDeps, programId: number, resultId: number, input: IndicatorInput, expectedVersion?: number) {
  return change(deps, programId, expectedVersion, `result ${resultId} indicator`, (f) => {
    const r = findResult(f, resultId);
    if (r.indicators.length >= RESULT_LIMITS.indicators) throw tooMany('indicators', RESULT_LIMITS.indicators);
    let next = f.nextId;
    const i = addIndicatorIds(input, () => next++);
    return { framework: replaceResult(f, { ...r, indicators: [...r.indicators, i] }, next), before: null, after: i };
  });
}

/** Changes an indicator's own fields and baseline; its periods stay. */
export function updateIndicator(
  deps: ResultsDeps,
  programId: number,
  ids: { resultId: number; indicatorId: number },
  fields: IndicatorFields,
  expectedVersion?: number,
) {
  return change(deps, programId, expectedVersion, `indicator ${ids.indicatorId}`, (f) => {
    const { result, indicator } = findIndicator(f, ids.resultId, ids.indicatorId);
    const { periods: _kept, ...before } = indicator;
    const i: Indicator = { ...fields, id: indicator.id, periods: indicator.periods };
    return { framework: replaceResult(f, replaceIndicator(result, i)), before, after: fields };
  });
}

export function deleteIndicator(
  deps: ResultsDeps,
  programId: number,
  ids: { resultId: number; indicatorId: number },
  expectedVersion?: number,
) {
  return change(deps, programId, expectedVersion, `indicator ${ids.indicatorId}`, (f) => {
    const { result, indicator } = findIndicator(f, ids.resultId, ids.indicatorId);
    const r = { ...result, indicators: result.indicators.filter((x) => x.id !== indicator.id) };
    return { framework: replaceResult(f, r), before: indicator, after: null };
  });
}

export function addPeriod(
  deps: ResultsDeps,
  programId: number,
  ids: { resultId: number; indicatorId: number },
  input: PeriodInput,
  expectedVersion?: number,
) {
  return change(deps, programId, expectedVersion, `indicator ${ids.indicatorId} period`, (f) => {
    const { result, indicator } = findIndicator(f, ids.resultId, ids.indicatorId);
    if (indicator.periods.length >= RESULT_LIMITS.periods) throw tooMany('periods', RESULT_LIMITS.periods);
    const p = { ...input, id: f.nextId };
    const i = { ...indicator, periods: [...indicator.periods, p] };
    return { framework: replaceResult(f, replaceIndicator(result, i), f.nextId + 1), before: null, after: p };
  });
}

export function updatePeriod(
  deps: ResultsDeps,
  programId: number,
  ids: { resultId: number; indicatorId: number; periodId: number },
  input: PeriodInput,
  expectedVersion?: number,
) {
  return change(deps, programId, expectedVersion, `period ${ids.periodId}`, (f) => {
    const { result, indicator } = findIndicator(f, ids.resultId, ids.indicatorId);
    const current = indicator.periods.find((x) => x.id === ids.periodId);
    if (!current) throw notFound('period', ids.periodId);
    const p = { ...input, id: current.id };
    const i = { ...indicator, periods: indicator.periods.map((x) => (x.id === p.id ? p : x)) };
    return { framework: replaceResult(f, replaceIndicator(result, i)), before: current, after: p };
  });
}

export function deletePeriod(
  deps: ResultsDeps,
  programId: number,
  ids: { resultId: number; indicatorId: number; periodId: number },
  expectedVersion?: number,
) {
  return change(deps, programId, expectedVersion, `period ${ids.periodId}`, (f) => {
    const { result, indicator } = findIndicator(f, ids.resultId, ids.indicatorId);
    const current = indicator.periods.find((x) => x.id === ids.periodId);
    if (!current) throw notFound('period', ids.periodId);
    const i = { ...indicator, periods: indicator.periods.filter((x) => x.id !== current.id) };
    return { framework: replaceResult(f, replaceIndicator(result, i)), before: current, after: null };
  });
}

/**
 * The live annual report's achievements: the programs with a framework, in the stages the
 * report counts for the reader (the public: published ones), with their participant indicator.
 */
export async function yearAchievements(
  deps: Deps<'programs' | 'results' | 'participants'>,
  scope: ReportScope = {},
): Promise<ProgramAchievements[]> {
  const stages: readonly LifecycleStage[] | undefined = reportStages(deps, scope);
  const ids = await deps.store.repos.results.programIds();
  const out: ProgramAchievements[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const slice = ids.slice(i, i + 500);
    const [programs, frameworks, attendance] = await Promise.all([
      deps.store.repos.programs.findManyByIds(slice),
      deps.store.repos.results.getMany(slice),
      deps.store.repos.participants.attendanceCounts(slice),
    ]);
    for (const p of programs) {
      if (stages && !stages.includes(p.lifecycleStage)) continue;
      const indicator = participantIndicator(p, attendance.get(p.id));
      out.push({
        identifier: p.identifier,
        titleEn: p.titleEn,
        titleId: p.titleId,
        results: frameworks.get(p.id)?.results ?? [],
        participants: indicator,
      });
    }
  }
  return out.sort((a, b) => a.identifier.localeCompare(b.identifier));
}

/**
 * An edition's achievements, from the frameworks frozen with its programs (docs/results.md); the
 * public, which reads the edition's published figures, sees those of published programs only.
 */
export async function editionAchievements(deps: Deps<'editions'>, year: number, number: number): Promise<ProgramAchievements[]> {
  const { edition, scope } = await editionFigures(deps, year, number);
  const out: ProgramAchievements[] = [];
  for (let after = 0; ;) {
    const page = await deps.store.repos.editions.programsAfter(edition.id, after, 500);
    if (page.length === 0) break;
    for (const p of page) if (scope === 'all' || PUBLISHED_STAGES.includes(p.program.lifecycleStage)) out.push(frozenAchievements(p));
    after = page[page.length - 1]?.program.id ?? after;
  }
  return out.sort((a, b) => a.identifier.localeCompare(b.identifier));
}
