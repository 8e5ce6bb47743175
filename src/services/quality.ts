/**
 * Data quality, scored (issue 23; docs/data-quality.md): the rules as data, a year's scorecard
 * per implementing agency, an agency's programs with what to fix, one program's findings. A
 * year's programs are read a page at a time (a few queries a page) and evaluated as they come,
 * so memory is bounded by the page and the lists kept, not by the year.
 */
import { actorUserId } from '../domain/access/actor.js';
import { authorizeQualityRulesWrite, isOwnProgram, qualityAgencyScope } from '../domain/access/policy.js';
import { diffRecords } from '../domain/audit.js';
import { ForbiddenError, NotFoundError } from '../domain/errors.js';
import { evaluateProgram } from '../domain/quality/evaluate.js';
import {
  byMostToFix,
  programQuality,
  ScorecardTally,
  type AgencyScorecard,
  type ProgramQuality,
  type QualityScorecard,
} from '../domain/quality/scorecard.js';
import { parseRuleDefinition, type QualityRule, type QualityRuleChange } from '../domain/quality/rules.js';
import type { QualityProgram } from '../domain/quality/facts.js';
import { audit } from './audit.js';
import type { Deps } from './deps.js';
import type { QualityScope } from './quality.ports.js';

export type { AgencyScorecard, QualityScorecard };

/** Programs read and evaluated at a time. */
export const QUALITY_PAGE = 2_000;
/** Programs listed as "most to fix" in each agency's scorecard, and in the year's. */
export const MOST_TO_FIX = 10;

const today = (deps: Deps<'quality'>) => deps.clock.nowIso().slice(0, 10);

export async function listQualityRules(deps: Deps<'quality'>): Promise<QualityRule[]> {
  qualityAgencyScope(deps.actor);
  return deps.store.repos.quality.listRules();
}

const auditable = (r: QualityRule) => ({ enabled: r.enabled, weight: r.weight, severity: r.severity, params: r.definition.params });

/** Switches a rule on or off, or changes its weight, severity or params (checked against its kind); audited. */
export async function changeQualityRule(deps: Deps<'quality' | 'audit'>, code: string, change: QualityRuleChange): Promise<QualityRule> {
  authorizeQualityRulesWrite(deps.actor);
  return deps.store.transaction(async (repos) => {
    const current = await repos.quality.findRule(code);
    if (!current) throw new NotFoundError('quality_rule.not_found', `no quality rule "${code}"`);
    const definition = change.params ? parseRuleDefinition(current.definition.kind, change.params) : current.definition;
    await repos.quality.updateRule(
      code,
      {
        enabled: change.enabled ?? current.enabled,
        weight: change.weight ?? current.weight,
        severity: change.severity ?? current.severity,
        definition,
      },
      deps.clock.nowIso(),
      actorUserId(deps.actor),
    );
    const updated = await repos.quality.findRule(code);
    if (!updated) throw new NotFoundError('quality_rule.not_found', `no quality rule "${code}"`);
    await audit(deps, repos, {
      action: 'update',
      entity: 'quality_rule',
      entityId: code,
      entityLabel: updated.labelEn,
      changes: diffRecords(auditable(current), auditable(updated)),
    });
    return updated;
  });
}

/** Every program of the scope, evaluated, page by page. */
async function eachEvaluated(
  deps: Deps<'quality'>,
  scope: QualityScope,
  rules: readonly QualityRule[],
  visit: (quality: ProgramQuality, checks: ReturnType<typeof evaluateProgram>, program: QualityProgram) => void,
): Promise<void> {
  const day = today(deps);
  let afterId = 0;
  for (;;) {
    const page = await deps.store.repos.quality.programPage(scope, afterId, QUALITY_PAGE);
    for (const program of page) {
      const checks = evaluateProgram(rules, program, day);
      visit(programQuality(program, checks), checks, program);
    }
    const last = page.at(-1);
    if (!last || page.length < QUALITY_PAGE) return;
    afterId = last.id;
  }
}

/**
 * Every program of the scope with its findings, as the scorecards evaluate them: for other use
 * cases (collection rounds) that judge completeness by the same rules. The caller authorises.
 */
export async function eachProgramQuality(
  deps: Deps<'quality'>,
  scope: QualityScope,
  visit: (quality: ProgramQuality) => void,
): Promise<void> {
  const rules = await deps.store.repos.quality.listRules();
  await eachEvaluated(deps, scope, rules, (quality) => visit(quality));
}

/** A year's scorecard per implementing agency (programs counted in the year as the annual reports count them). */
export async function qualityScorecard(deps: Deps<'quality'>, year: number, agency?: string | null): Promise<QualityScorecard> {
  const scopeOrg = qualityAgencyScope(deps.actor, agency);
  const scope: QualityScope = { year, ...(scopeOrg ? { implementingOrg: scopeOrg } : {}) };
  const rules = await deps.store.repos.quality.listRules();
  const total = new ScorecardTally(rules, MOST_TO_FIX);
  const agencies = new Map<string, ScorecardTally>();
  await eachEvaluated(deps, scope, rules, (quality, checks) => {
    total.add(quality, checks);
    const key = quality.implementingOrg ?? '';
    let tally = agencies.get(key);
    if (!tally) agencies.set(key, (tally = new ScorecardTally(rules, MOST_TO_FIX)));
    tally.add(quality, checks);
  });
  const names = new Map((await deps.store.repos.quality.agencyNames([...agencies.keys()].filter(Boolean))).map((n) => [n.code, n]));
  const list: AgencyScorecard[] = [...agencies.entries()].map(([code, tally]) => ({
    implementingOrg: code || null,
    nameEn: names.get(code)?.nameEn ?? null,
    nameId: names.get(code)?.nameId ?? null,
    ...tally.scorecard(),
  }));
  list.sort((a, b) => (a.score ?? 101) - (b.score ?? 101) || (a.implementingOrg ?? '').localeCompare(b.implementingOrg ?? ''));
  return {
    year,
    implementingOrg: scopeOrg,
    evaluatedOn: today(deps),
    rulesEnabled: rules.filter((r) => r.enabled).length,
    total: total.scorecard(),
    agencies: list,
  };
}

export interface QualityProgramsQuery {
  readonly year: number;
  /** An agency's code; '' for the programs with no implementing agency; absent: every agency. */
  readonly implementingOrg?: string;
  /** Only programs with something to fix (the default), or every program. */
  readonly withFindingsOnly: boolean;
  readonly page: number;
  readonly pageSize: number;
}

export interface QualityProgramsPage {
  readonly year: number;
  readonly evaluatedOn: string;
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
  /** Most to fix first. */
  readonly rows: readonly ProgramQuality[];
}

/** A year's programs (of one agency, or every one the actor may see) with their findings, most to fix first. */
export async function qualityPrograms(deps: Deps<'quality'>, query: QualityProgramsQuery): Promise<QualityProgramsPage> {
  const scopeOrg = qualityAgencyScope(deps.actor, query.implementingOrg || null);
  const noAgency = query.implementingOrg === '' && !scopeOrg;
  const rules = await deps.store.repos.quality.listRules();
  const all: ProgramQuality[] = [];
  const scope: QualityScope = { year: query.year, ...(scopeOrg ? { implementingOrg: scopeOrg } : {}) };
  await eachEvaluated(deps, scope, rules, (quality) => {
    if (noAgency && quality.implementingOrg !== null) return;
    if (query.withFindingsOnly && quality.findings.length === 0) return;
    all.push(quality);
  });
  all.sort(byMostToFix);
  const start = (query.page - 1) * query.pageSize;
  return {
    year: query.year,
    evaluatedOn: today(deps),
    total: all.length,
    page: query.page,
    pageSize: query.pageSize,
    rows: all.slice(start, start + query.pageSize),
  };
}

/** One program's checks and findings: the coordination team, and the program's implementing agency. */
export async function programQualityOf(deps: Deps<'quality'>, id: number): Promise<ProgramQuality & { readonly evaluatedOn: string }> {
  const scopeOrg = qualityAgencyScope(deps.actor);
  const program = await deps.store.repos.quality.program(id);
  if (!program) throw new NotFoundError('activity.not_found', `no program with id ${id}`);
  if (scopeOrg && !isOwnProgram(deps.actor, program.implementingOrg))
    throw new ForbiddenError('quality.not_own_agency', 'an agency sees the data quality of its own programs only');
  const rules = await deps.store.repos.quality.listRules();
  return { ...programQuality(program, evaluateProgram(rules, program, today(deps))), evaluatedOn: today(deps) };
}
