/**
 * Policy priorities: targets per year for groupings, regions, custom country lists and
 * countries, set by the coordination team, and how the records measure up against them.
 */
import { authorizePolicyWrite } from '../domain/access/policy.js';
import {
  evaluateTarget,
  subjectMembers,
  subjectName,
  type Comparator,
  type CountryList,
  type CountryListInput,
  type Evaluation,
  type PriorityMetric,
  type PrioritySubject,
  type PriorityTarget,
  type PriorityTargetInput,
} from '../domain/analytics/priority.js';
import { yearRange } from '../domain/analytics/change.js';
import { diffRecords } from '../domain/audit.js';
import { ConflictError, InvalidError, NotFoundError } from '../domain/errors.js';
import { countryName, regionOf } from '../domain/reference/countries.js';
import { defaultYearRange, MAX_YEARS } from '../domain/report/default-years.js';
import { audit } from './audit.js';
import type { YearFigure } from './analytics.ports.js';
import type { Deps, Repos } from './deps.js';

/** What setting priorities and country lists uses (reading them needs `priorities` only). */
export type PriorityDeps = Deps<'priorities' | 'audit'>;
import { programYears, reportStages, type ReportScope } from './reports.js';

export interface YearRangeQuery extends ReportScope {
  readonly from: number;
  readonly to: number;
}

export function checkYearRange(q: { from: number; to: number }): void {
  if (q.from > q.to)
    throw new InvalidError('analytics.year_range', `"from" (${q.from}) is after "to" (${q.to})`, [
      { path: 'from', message: 'must not be after "to"' },
    ]);
  if (q.to - q.from + 1 > MAX_YEARS)
    throw new InvalidError('analytics.year_range', `at most ${MAX_YEARS} years at once`, [
      { path: 'to', message: `at most ${MAX_YEARS} years after "from"` },
    ]);
}

/** The years an analytics request asks for, either end left out. */
export interface YearRangeRequest extends ReportScope {
  readonly from?: number;
  readonly to?: number;
}

/**
 * The years of a request. A bare request shows the years that have programs (the first to the
 * latest that has begun, at most MAX_YEARS; the last ten years when there are none), as the web
 * does (domain/report/default-years.ts). With one end given, `to` defaults to this year (or to
 * `from` when that is later), `from` to nine years before `to`.
 */
export async function yearRangeOf(deps: Deps<'analytics'>, q: YearRangeRequest): Promise<YearRangeQuery> {
  const thisYear = Number(deps.clock.nowIso().slice(0, 4));
  if (q.from === undefined && q.to === undefined) {
    const years = (await programYears(deps, q)).map((y) => y.year);
    return { ...q, ...defaultYearRange(years, thisYear, MAX_YEARS) };
  }
  const to = q.to ?? Math.max(q.from ?? thisYear, thisYear);
  const range = { ...q, from: q.from ?? to - 9, to };
  checkYearRange(range);
  return range;
}

// ---- country lists --------------------------------------------------------------------------

export async function listCountryLists(deps: Deps<'priorities'>): Promise<CountryList[]> {
  return deps.store.repos.priorities.listLists();
}

export async function getCountryList(deps: Deps<'priorities'>, code: string): Promise<CountryList> {
  const list = await deps.store.repos.priorities.findList(code.toLowerCase());
  if (!list) throw new NotFoundError('country_list.not_found', `no country list "${code}"`);
  return list;
}

export async function saveCountryList(deps: PriorityDeps, input: CountryListInput): Promise<{ list: CountryList; created: boolean }> {
  authorizePolicyWrite(deps.actor);
  return deps.store.transaction(async (repos) => {
    const { list, created, before } = await repos.priorities.saveList(input, deps.clock.nowIso());
    const plain = (l: CountryList | undefined) =>
      l ? { code: l.code, nameEn: l.nameEn, nameId: l.nameId, countries: [...l.countries] } : null;
    await audit(deps, repos, {
      action: created ? 'create' : 'update',
      entity: 'country_list',
      entityId: list.code,
      entityLabel: list.nameEn,
      changes: diffRecords(plain(before), plain(list)),
    });
    return { list, created };
  });
}

export async function deleteCountryList(deps: PriorityDeps, code: string): Promise<void> {
  authorizePolicyWrite(deps.actor);
  await deps.store.transaction(async (repos) => {
    const list = await repos.priorities.findList(code.toLowerCase());
    if (!list) throw new NotFoundError('country_list.not_found', `no country list "${code}"`);
    const uses = await repos.priorities.countTargetsOfList(list.code);
    if (uses > 0)
      throw new ConflictError('country_list.in_use', `country list "${list.code}" has ${uses} priority target(s); delete those first`);
    await repos.priorities.deleteList(list.code);
    await audit(deps, repos, {
      action: 'delete',
      entity: 'country_list',
      entityId: list.code,
      entityLabel: list.nameEn,
      changes: diffRecords({ code: list.code, nameEn: list.nameEn, nameId: list.nameId, countries: [...list.countries] }, null),
    });
  });
}

// ---- targets --------------------------------------------------------------------------------

const targetLabel = (t: { year: number; subjectKind?: string; subject?: PrioritySubject; metric: string }) =>
  `${t.year} ${t.subject ? `${t.subject.kind}:${t.subject.code}` : ''} ${t.metric}`.replace(/\s+/g, ' ');

const plainTarget = (t: PriorityTarget | undefined) =>
  t
    ? {
        year: t.year,
        subject: `${t.subject.kind}:${t.subject.code}`,
        metric: t.metric,
        comparator: t.comparator,
        target: t.target,
        note: t.note,
      }
    : null;

async function requireListExists(repos: Repos<'priorities'>, t: { subjectKind: string; subjectCode: string }): Promise<void> {
  if (t.subjectKind === 'list' && !(await repos.priorities.findList(t.subjectCode))) {
    throw new InvalidError('priority.unknown_list', `no country list "${t.subjectCode}"; create it first`, [
      { path: 'subjectCode', message: `no country list "${t.subjectCode}"` },
    ]);
  }
}

/** Sets targets (one per year, subject and metric; a second one for the same key replaces it). */
export async function setPriorityTargets(deps: PriorityDeps, targets: readonly PriorityTargetInput[]): Promise<PriorityTarget[]> {
  authorizePolicyWrite(deps.actor);
  return deps.store.transaction(async (repos) => {
    const saved: PriorityTarget[] = [];
    for (const t of targets) {
      await requireListExists(repos, t);
      const { target, created, before } = await repos.priorities.saveTarget(t, deps.clock.nowIso());
      await audit(deps, repos, {
        action: created ? 'create' : 'update',
        entity: 'priority_target',
        entityId: String(target.id),
        entityLabel: targetLabel(target),
        changes: diffRecords(plainTarget(before), plainTarget(target)),
      });
      saved.push(target);
    }
    return saved;
  });
}

export async function deletePriorityTarget(deps: PriorityDeps, id: number): Promise<void> {
  authorizePolicyWrite(deps.actor);
  await deps.store.transaction(async (repos) => {
    const target = await repos.priorities.findTarget(id);
    if (!target) throw new NotFoundError('priority.not_found', `no priority target ${id}`);
    await repos.priorities.deleteTarget(id);
    await audit(deps, repos, {
      action: 'delete',
      entity: 'priority_target',
      entityId: String(id),
      entityLabel: targetLabel(target),
      changes: diffRecords(plainTarget(target), null),
    });
  });
}

export async function listPriorityTargets(
  deps: Deps<'priorities'>,
  filter: { from?: number; to?: number } = {},
): Promise<PriorityTarget[]> {
  return deps.store.repos.priorities.listTargets(filter);
}

// ---- the priority view ----------------------------------------------------------------------

export interface PriorityYear {
  readonly year: number;
  /** The target set for that year, or null (the actual figure is still shown). */
  readonly target: number | null;
  readonly comparator: Comparator | null;
  readonly targetId: number | null;
  readonly programs: number;
  readonly participants: number;
  readonly countries: number;
  readonly totalPrograms: number;
  readonly totalParticipants: number;
  /** The measured value in the metric's unit, with met/gap when a target is set. */
  readonly evaluation: Evaluation;
  readonly met: boolean | null;
  /** The year is not over yet (its figures may still grow). */
  readonly open: boolean;
}

export interface PriorityRow {
  readonly subject: PrioritySubject;
  readonly nameEn: string;
  readonly nameId: string;
  readonly metric: PriorityMetric;
  readonly note: string | null;
  readonly years: readonly PriorityYear[];
  /** Years with a target that is not met. */
  readonly behindYears: readonly number[];
  /** Whether the latest year with a target is behind. */
  readonly behind: boolean;
}

export interface PriorityView {
  readonly from: number;
  readonly to: number;
  readonly rows: readonly PriorityRow[];
}

type Figures = Map<number, YearFigure>;

/** Where the summary tables keep a subject's programs and participants. */
const cubeKey = (subject: PrioritySubject) => ({ dim: subject.kind, key: subject.code });

/**
 * Figures of each subject in each year, grouping years whose member list is the same into
 * one query (a grouping's membership changes rarely).
 */
async function figuresOf(
  deps: Deps<'analytics'>,
  subjects: readonly PrioritySubject[],
  years: readonly number[],
  lists: ReadonlyMap<string, readonly string[]>,
  stages: ReturnType<typeof reportStages>,
): Promise<Map<string, Figures>> {
  const result = new Map<string, Figures>();
  await Promise.all(
    subjects.map(async (subject) => {
      const sets = new Map<string, { years: number[]; members: string[] }>();
      for (const year of years) {
        const members = subjectMembers(subject, year, lists);
        const key = members.join(',');
        const set = sets.get(key) ?? { years: [], members };
        set.years.push(year);
        sets.set(key, set);
      }
      const rows = await deps.store.repos.analytics.subjectFigures(cubeKey(subject), [...sets.values()], stages);
      result.set(`${subject.kind}:${subject.code}`, new Map(rows.map((r) => [r.year, r])));
    }),
  );
  return result;
}

export async function priorityView(deps: Deps<'priorities' | 'analytics'>, range: YearRangeRequest): Promise<PriorityView> {
  const q = await yearRangeOf(deps, range);
  const stages = reportStages(deps, q);
  const years = yearRange(q.from, q.to);
  const [targets, listRecords, totals] = await Promise.all([
    deps.store.repos.priorities.listTargets({ from: q.from, to: q.to }),
    deps.store.repos.priorities.listLists(),
    deps.store.repos.analytics.yearTotals(q.from, q.to, stages),
  ]);
  const lists = new Map(listRecords.map((l) => [l.code, l.countries]));
  const listNames = new Map(listRecords.map((l) => [l.code, l]));
  const totalOf = new Map(totals.map((t) => [t.year, t]));
  // One row per subject and metric that has a target in the range.
  const rowKeys = new Map<string, { subject: PrioritySubject; metric: PriorityMetric; targets: Map<number, PriorityTarget> }>();
  for (const t of targets) {
    const key = `${t.subject.kind}:${t.subject.code}:${t.metric}`;
    const row = rowKeys.get(key) ?? { subject: t.subject, metric: t.metric, targets: new Map() };
    row.targets.set(t.year, t);
    rowKeys.set(key, row);
  }
  const subjects = [...new Map([...rowKeys.values()].map((r) => [`${r.subject.kind}:${r.subject.code}`, r.subject])).values()];
  const figures = await figuresOf(deps, subjects, years, lists, stages);
  const currentYear = Number(deps.clock.nowIso().slice(0, 4));
  const rows = [...rowKeys.values()].map((r) => {
    const fig = figures.get(`${r.subject.kind}:${r.subject.code}`) ?? new Map();
    const perYear: PriorityYear[] = years.map((year) => {
      const f = fig.get(year) ?? { programs: 0, participants: 0, countries: 0 };
      const total = totalOf.get(year) ?? { programs: 0, participants: 0 };
      const target = r.targets.get(year);
      const figures = {
        programs: f.programs,
        participants: f.participants,
        countries: f.countries,
        totalPrograms: total.programs,
        totalParticipants: total.participants,
      };
      const evaluation = evaluateTarget(r.metric, target?.comparator ?? 'at_least', target?.target ?? 0, figures);
      return {
        year,
        target: target?.target ?? null,
        comparator: target?.comparator ?? null,
        targetId: target?.id ?? null,
        ...figures,
        evaluation,
        met: target ? evaluation.met : null,
        open: year >= currentYear,
      };
    });
    const withTarget = perYear.filter((y) => y.target !== null);
    const latest = withTarget[withTarget.length - 1];
    const note = latest ? (r.targets.get(latest.year)?.note ?? null) : null;
    return {
      subject: r.subject,
      nameEn: subjectName(r.subject, 'en', listNames),
      nameId: subjectName(r.subject, 'id', listNames),
      metric: r.metric,
      note,
      years: perYear,
      behindYears: withTarget.filter((y) => y.met === false).map((y) => y.year),
      behind: latest?.met === false,
    };
  });
  return { from: q.from, to: q.to, rows };
}

export interface SubjectBreakdown {
  readonly subject: PrioritySubject;
  readonly nameEn: string;
  readonly nameId: string;
  readonly year: number;
  readonly totals: { readonly programs: number; readonly participants: number; readonly countries: number };
  /** Every member that year, those with programs first. */
  readonly countries: readonly {
    country: string;
    nameEn: string;
    nameId: string;
    region: string | null;
    programs: number;
    participants: number;
  }[];
}

/** A subject's figures in one year, country by country (members without programs included). */
export async function subjectBreakdown(
  deps: Deps<'priorities' | 'analytics'>,
  subject: PrioritySubject,
  year: number,
  scope: ReportScope = {},
): Promise<SubjectBreakdown> {
  const stages = reportStages(deps, scope);
  const listRecords = await deps.store.repos.priorities.listLists();
  if (subject.kind === 'list' && !listRecords.some((l) => l.code === subject.code))
    throw new NotFoundError('country_list.not_found', `no country list "${subject.code}"`);
  const members = subjectMembers(subject, year, new Map(listRecords.map((l) => [l.code, l.countries])));
  const [rows, [total]] = await Promise.all([
    deps.store.repos.analytics.countryFigures(year, year, stages, members),
    deps.store.repos.analytics.subjectFigures(cubeKey(subject), [{ years: [year], members }], stages),
  ]);
  const byCountry = new Map(rows.map((r) => [r.country, r]));
  const countries = members
    .map((c) => ({
      country: c,
      nameEn: countryName(c, 'en'),
      nameId: countryName(c, 'id'),
      region: regionOf(c),
      programs: byCountry.get(c)?.programs ?? 0,
      participants: byCountry.get(c)?.participants ?? 0,
    }))
    .sort((a, b) => b.programs - a.programs || b.participants - a.participants || a.nameEn.localeCompare(b.nameEn));
  const names = new Map(listRecords.map((l) => [l.code, l]));
  return {
    subject,
    nameEn: subjectName(subject, 'en', names),
    nameId: subjectName(subject, 'id', names),
    year,
    totals: { programs: total?.programs ?? 0, participants: total?.participants ?? 0, countries: total?.countries ?? 0 },
    countries,
  };
}
