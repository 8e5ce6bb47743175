/**
 * The IATI Standard's ruleset and codelist checks (domain/iati/rulesets/) of what Mitra would
 * publish: each program's `iati-activity` built exactly as the IATI export builds it
 * (services/iati-export.ts), checked before it leaves. Many programs are read page by page, so
 * memory stays bounded whatever the filter.
 */
import { iatiChecksAgencyScope } from '../domain/access/policy.js';
import { iatiActivityNode } from '../domain/iati/activity-xml.js';
import { checkIatiNode, type IatiFinding } from '../domain/iati/rulesets/evaluate.js';
import { IatiChecksTally } from '../domain/iati/rulesets/tally.js';
import { textOf } from '../domain/iati/rulesets/evaluate-expr.js';
import type { XmlNode } from '../domain/iati/xml-node.js';
import type { ProgramListQuery } from '../domain/program/program-query.js';
import type { Program } from '../domain/program/program.js';
import { IATI_RULES, IATI_UNTRANSLATED_RULES } from '../domain/reference/data/iati-rulesets.js';
import { hasIatiDate, iatiExportContext, type IatiExportDeps, type IatiPublisher } from './iati-export.js';
import { exportPrograms, getProgram } from './programs.js';

export type { IatiFinding };

/** The identifier of an `iati-activity` node (its `iati-identifier` text). */
function identifierOf(node: XmlNode): string {
  const id = (node.children ?? []).find((c): c is XmlNode => !!c && c.name === 'iati-identifier');
  return id ? textOf(id).trim() : '';
}

/**
 * The findings of each activity of a generated list (the publication checks each page it
 * measures, io/iati-publication.ts), in the list's order. `now` (an ISO instant) dates "in the
 * future" checks.
 */
export function checkIatiActivities(
  nodes: readonly XmlNode[],
  now: string = new Date().toISOString(),
): { identifier: string; findings: IatiFinding[] }[] {
  return nodes.map((node) => ({ identifier: identifierOf(node), findings: checkIatiNode(node, now) }));
}

const count = (findings: readonly IatiFinding[], severity: IatiFinding['severity']) =>
  findings.filter((f) => f.severity === severity).length;

export interface ProgramIatiCheck {
  readonly programId: number;
  readonly identifier: string;
  readonly implementingOrg: string | null;
  /** False when the program has no date: the IATI export leaves it out (IATI requires an activity-date). */
  readonly publishable: boolean;
  readonly checkedAt: string;
  readonly errors: number;
  readonly warnings: number;
  readonly findings: readonly IatiFinding[];
}

/** One program's checks: whoever may read the program may read them. */
export async function checkProgramIati(deps: IatiExportDeps, id: number, publisher: IatiPublisher): Promise<ProgramIatiCheck> {
  const program = await getProgram(deps, id);
  const context = await iatiExportContext(deps, publisher);
  const attendance = await deps.store.repos.participants.attendanceCounts([program.id]);
  const results = await deps.store.repos.results.getMany([program.id]);
  const node = iatiActivityNode(program, { ...context, attendance, results });
  const findings = checkIatiNode(node, context.now);
  return {
    programId: program.id,
    identifier: identifierOf(node),
    implementingOrg: program.implementingOrg,
    publishable: hasIatiDate(program),
    checkedAt: context.now,
    errors: count(findings, 'error'),
    warnings: count(findings, 'warning'),
    findings,
  };
}

export interface IatiRuleCount {
  readonly ruleId: string;
  readonly severity: IatiFinding['severity'];
  readonly message: string;
  /** Programs with at least one finding of the rule. */
  readonly programs: number;
}

export interface AgencyIatiChecks {
  readonly implementingOrg: string | null;
  readonly name: string | null;
  readonly programs: number;
  readonly withErrors: number;
  readonly withWarnings: number;
  /** Programs left out of the IATI file for want of a date. */
  readonly undated: number;
  readonly topRules: readonly IatiRuleCount[];
}

export interface FailingProgram {
  readonly programId: number;
  readonly identifier: string;
  readonly implementingOrg: string | null;
  readonly errors: number;
  readonly warnings: number;
  /** The first error's rule and field, e.g. "7.5.3 budget 2 / period-end @iso-date". */
  readonly firstError: string;
}

export interface IatiChecksSummary {
  readonly checkedAt: string;
  readonly rules: { readonly translated: number; readonly untranslated: number };
  readonly programs: number;
  readonly withErrors: number;
  readonly withWarnings: number;
  readonly undated: number;
  readonly agencies: readonly AgencyIatiChecks[];
  /** Programs with errors, most errors first, at most MAX_FAILING_LISTED. */
  readonly failing: readonly FailingProgram[];
  readonly failingTruncated: boolean;
}

export const MAX_FAILING_LISTED = 500;
const TOP_RULES = 5;

interface AgencyTally {
  readonly checks: IatiChecksTally;
  undated: number;
}

function tally(agencies: Map<string, AgencyTally>, program: Program): AgencyTally {
  const key = program.implementingOrg ?? '';
  let t = agencies.get(key);
  if (!t) {
    t = { checks: new IatiChecksTally(), undated: 0 };
    agencies.set(key, t);
  }
  return t;
}

/**
 * The checks of every program of a filter, summed up per implementing agency. The coordination
 * team sees every agency; an agency's officer sees its own (policy.iatiChecksAgencyScope).
 */
export async function summarizeIatiChecks(
  deps: IatiExportDeps,
  query: Omit<ProgramListQuery, 'page' | 'pageSize'>,
  publisher: IatiPublisher,
): Promise<IatiChecksSummary> {
  const scope = iatiChecksAgencyScope(deps.actor);
  const filter = scope ? { ...query, implementingOrg: scope } : query;
  const context = await iatiExportContext(deps, publisher);
  const agencies = new Map<string, AgencyTally>();
  let failing: FailingProgram[] = [];
  let failingTruncated = false;
  for await (const page of exportPrograms(deps, filter)) {
    const attendance = await deps.store.repos.participants.attendanceCounts(page.map((a) => a.id));
    const results = await deps.store.repos.results.getMany(page.map((a) => a.id));
    for (const program of page) {
      const t = tally(agencies, program);
      if (!hasIatiDate(program)) t.undated++;
      const node = iatiActivityNode(program, { ...context, attendance, results });
      const findings = checkIatiNode(node, context.now);
      const errors = count(findings, 'error');
      const warnings = count(findings, 'warning');
      t.checks.add(findings);
      const first = findings.find((f) => f.severity === 'error');
      if (first)
        failing.push({
          programId: program.id,
          identifier: identifierOf(node),
          implementingOrg: program.implementingOrg,
          errors,
          warnings,
          firstError: `${first.ruleId} ${first.field}`,
        });
    }
    // Bounded: keep the programs with the most errors once the list grows past twice the limit.
    if (failing.length > 2 * MAX_FAILING_LISTED) {
      failing = failing.sort((a, b) => b.errors - a.errors).slice(0, MAX_FAILING_LISTED);
      failingTruncated = true;
    }
  }
  if (failing.length > MAX_FAILING_LISTED) failingTruncated = true;
  const list = [...agencies.entries()].map(([code, t]) => agencySummary(code, t, context.orgs));
  list.sort((a, b) => b.withErrors - a.withErrors || (a.implementingOrg ?? '').localeCompare(b.implementingOrg ?? ''));
  return {
    checkedAt: context.now,
    rules: { translated: IATI_RULES.length, untranslated: IATI_UNTRANSLATED_RULES.length },
    programs: list.reduce((n, a) => n + a.programs, 0),
    withErrors: list.reduce((n, a) => n + a.withErrors, 0),
    withWarnings: list.reduce((n, a) => n + a.withWarnings, 0),
    undated: list.reduce((n, a) => n + a.undated, 0),
    agencies: list,
    failing: failing.sort((a, b) => b.errors - a.errors || a.identifier.localeCompare(b.identifier)).slice(0, MAX_FAILING_LISTED),
    failingTruncated,
  };
}

function agencySummary(code: string, t: AgencyTally, orgs: ReadonlyMap<string, { nameEn: string }>): AgencyIatiChecks {
  const topRules = t.checks
    .rules()
    .map(({ ruleId, severity, message, count: programs }) => ({ ruleId, severity, message, programs }))
    .sort((a, b) => b.programs - a.programs || a.ruleId.localeCompare(b.ruleId))
    .slice(0, TOP_RULES);
  return {
    implementingOrg: code || null,
    name: code ? (orgs.get(code)?.nameEn ?? null) : null,
    programs: t.checks.checked,
    withErrors: t.checks.withErrors,
    withWarnings: t.checks.withWarnings,
    undated: t.undated,
    topRules,
  };
}
