/**
 * The checks of many activities counted: how many were checked, how many have an error or a
 * warning, and how many break each rule (an activity counts once per rule, with the severity and
 * message of its first finding of it). The per-agency summary (services/iati-checks.ts) and the
 * publication (io/iati-publication.ts) count alike.
 */
import type { IatiFinding } from './evaluate.js';

export interface IatiRuleTally {
  readonly ruleId: string;
  readonly severity: IatiFinding['severity'];
  readonly message: string;
  /** Activities with at least one finding of the rule. */
  count: number;
}

export class IatiChecksTally {
  checked = 0;
  withErrors = 0;
  withWarnings = 0;
  private readonly byRule = new Map<string, IatiRuleTally>();

  add(findings: readonly IatiFinding[]): void {
    this.checked++;
    if (findings.some((f) => f.severity === 'error')) this.withErrors++;
    if (findings.some((f) => f.severity === 'warning')) this.withWarnings++;
    const seen = new Set<string>();
    for (const f of findings) {
      if (seen.has(f.ruleId)) continue;
      seen.add(f.ruleId);
      const rule = this.byRule.get(f.ruleId);
      if (rule) rule.count++;
      else this.byRule.set(f.ruleId, { ruleId: f.ruleId, severity: f.severity, message: f.message, count: 1 });
    }
  }

  /** The rules broken, in the order they were first met. */
  rules(): IatiRuleTally[] {
    return [...this.byRule.values()];
  }
}
