/**
 * Scores (docs/data-quality.md): a check is one enabled rule that applies to one program; it
 * weighs the rule's weight. A score is 100 × (weight of the passed checks) / (weight of the
 * applicable checks), rounded to one decimal, over the checks it covers: a program's, a
 * dimension's within an agency, an agency's or the whole year's. No applicable check: no score
 * (null), never 100. Severity orders the findings (required first) and counts programs with a
 * required fix; it does not change the score (the weight does).
 */
import type { QualityCheck, QualityFinding } from './evaluate.js';
import type { QualityProgram } from './facts.js';
import { qualityDimensions, qualitySeverities, type QualityDimension, type QualityRule, type QualitySeverity } from './rules.js';

export interface WeightSums {
  readonly passed: number;
  readonly applicable: number;
}

export function scoreOf(w: WeightSums): number | null {
  return w.applicable > 0 ? Math.round((1000 * w.passed) / w.applicable) / 10 : null;
}

export interface ProgramQuality {
  readonly programId: number;
  readonly identifier: string;
  readonly titleEn: string | null;
  readonly titleId: string | null;
  readonly implementingOrg: string | null;
  readonly lifecycleStage: QualityProgram['lifecycleStage'];
  readonly score: number | null;
  /** Applicable checks. */
  readonly checks: number;
  /** Weight of the failed checks: what fixing everything would gain. */
  readonly lostWeight: number;
  /** Required findings first, then by weight, then by rule order. */
  readonly findings: readonly QualityFinding[];
}

const severityRank = (s: QualitySeverity) => qualitySeverities.codes.indexOf(s);

export function programQuality(p: QualityProgram, checks: readonly QualityCheck[]): ProgramQuality {
  let applicable = 0;
  let lost = 0;
  const findings: QualityFinding[] = [];
  for (const check of checks) {
    applicable += check.rule.weight;
    if (check.finding) {
      lost += check.rule.weight;
      findings.push(check.finding);
    }
  }
  // A stable sort keeps the rules' order within a severity and weight.
  findings.sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || b.weight - a.weight);
  return {
    programId: p.id,
    identifier: p.identifier,
    titleEn: p.titleEn,
    titleId: p.titleId,
    implementingOrg: p.implementingOrg,
    lifecycleStage: p.lifecycleStage,
    score: scoreOf({ passed: applicable - lost, applicable }),
    checks: checks.length,
    lostWeight: lost,
    findings,
  };
}

const findingCount = (p: { findings: number | readonly unknown[] }) => (typeof p.findings === 'number' ? p.findings : p.findings.length);

/** Most to fix first: the weight lost, then the number of findings, then the identifier. */
export function byMostToFix<P extends Pick<ProgramQuality, 'lostWeight' | 'identifier'> & { findings: number | readonly unknown[] }>(
  a: P,
  b: P,
): number {
  return b.lostWeight - a.lostWeight || findingCount(b) - findingCount(a) || a.identifier.localeCompare(b.identifier);
}

export interface RuleResult {
  readonly rule: string;
  readonly dimension: QualityDimension;
  readonly severity: QualitySeverity;
  readonly weight: number;
  readonly labelEn: string;
  readonly labelId: string;
  /** Programs the rule applied to. */
  readonly applicable: number;
  readonly passed: number;
}

export interface DimensionScore extends WeightSums {
  readonly dimension: QualityDimension;
  readonly score: number | null;
}

/** A program in a scorecard's "most to fix" list: its findings counted, not listed. */
export type ProgramToFix = Omit<ProgramQuality, 'findings'> & { readonly findings: number; readonly requiredFindings: number };

export interface Scorecard extends WeightSums {
  readonly programs: number;
  readonly programsWithFindings: number;
  readonly programsWithRequiredFindings: number;
  readonly score: number | null;
  readonly dimensions: readonly DimensionScore[];
  /** Every enabled rule, in the rules' order, with the programs it applied to and passed. */
  readonly rules: readonly RuleResult[];
  readonly mostToFix: readonly ProgramToFix[];
}

/** Sums checks into a scorecard, program by program; memory is bounded by the rules and `keep`. */
export class ScorecardTally {
  private programs = 0;
  private withFindings = 0;
  private withRequired = 0;
  private readonly dimensions = new Map<QualityDimension, { passed: number; applicable: number }>();
  private readonly rules: Map<string, { rule: QualityRule; applicable: number; passed: number }>;
  private top: ProgramToFix[] = [];

  constructor(
    rules: readonly QualityRule[],
    private readonly keep: number,
  ) {
    this.rules = new Map(rules.filter((r) => r.enabled).map((rule) => [rule.code, { rule, applicable: 0, passed: 0 }]));
    for (const d of qualityDimensions.codes) this.dimensions.set(d, { passed: 0, applicable: 0 });
  }

  add(quality: ProgramQuality, checks: readonly QualityCheck[]): void {
    this.programs++;
    for (const check of checks) {
      const dim = this.dimensions.get(check.rule.dimension);
      const rule = this.rules.get(check.rule.code);
      if (!dim || !rule) continue; // every enabled rule was registered in the constructor
      dim.applicable += check.rule.weight;
      rule.applicable++;
      if (!check.finding) {
        dim.passed += check.rule.weight;
        rule.passed++;
      }
    }
    if (quality.findings.length === 0) return;
    this.withFindings++;
    const requiredFindings = quality.findings.filter((f) => f.severity === 'required').length;
    if (requiredFindings > 0) this.withRequired++;
    if (this.keep === 0) return;
    this.top.push({ ...quality, findings: quality.findings.length, requiredFindings });
    if (this.top.length > 4 * this.keep) this.top = this.top.sort(byMostToFix).slice(0, this.keep);
  }

  scorecard(): Scorecard {
    const dimensions = qualityDimensions.codes.map((dimension) => {
      const w = this.dimensions.get(dimension) ?? { passed: 0, applicable: 0 };
      return { dimension, passed: w.passed, applicable: w.applicable, score: scoreOf(w) };
    });
    const passed = dimensions.reduce((n, d) => n + d.passed, 0);
    const applicable = dimensions.reduce((n, d) => n + d.applicable, 0);
    return {
      programs: this.programs,
      programsWithFindings: this.withFindings,
      programsWithRequiredFindings: this.withRequired,
      passed,
      applicable,
      score: scoreOf({ passed, applicable }),
      dimensions,
      rules: [...this.rules.values()].map(({ rule, applicable: n, passed: ok }) => ({
        rule: rule.code,
        dimension: rule.dimension,
        severity: rule.severity,
        weight: rule.weight,
        labelEn: rule.labelEn,
        labelId: rule.labelId,
        applicable: n,
        passed: ok,
      })),
      mostToFix: this.top.sort(byMostToFix).slice(0, this.keep),
    };
  }
}

export interface AgencyScorecard extends Scorecard {
  readonly implementingOrg: string | null;
  readonly nameEn: string | null;
  readonly nameId: string | null;
}

export interface QualityScorecard {
  readonly year: number;
  /** The agency asked for (or the agency officer's own), null: every agency. */
  readonly implementingOrg: string | null;
  /** The day the rules were evaluated on (timeliness and stale stages count up to it). */
  readonly evaluatedOn: string;
  readonly rulesEnabled: number;
  /** The whole scope's scorecard (every agency listed below together). */
  readonly total: Scorecard;
  /** Lowest score first (agencies with no applicable check last), then by code. */
  readonly agencies: readonly AgencyScorecard[];
}
