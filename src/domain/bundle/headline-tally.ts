/**
 * Headline totals counted program by program (the bundle's ledger, io/edition-bundle.ts, and each
 * output's carried and excluded parts), for an output's reconciliation: what the edition
 * holds, what the output carries, and what each exclusion rule leaves out, so that
 * edition = carried + Σ exclusions holds for every headline the output carries (types.ts).
 * Amounts are the frozen programs' own figures (already rounded per program), added as they are.
 */
import type { RateTable } from '../finance/in-kind.js';
import { rateOn } from '../finance/in-kind.js';
import type { Exclusion, FrozenProgram, Headline, HeadlineTotals } from './types.js';
import { HEADLINES } from './types.js';

export class HeadlineTally {
  programs = 0;
  participants = 0;
  usdMinor = 0;
  idrMinor = 0;
  inKindUsdMinor = 0;
  readonly countries = new Set<string>();

  add(fp: FrozenProgram): void {
    this.programs += 1;
    this.participants += fp.participants;
    this.usdMinor += fp.spent.usdMinor;
    this.idrMinor += fp.spent.idrMinor;
    this.inKindUsdMinor += fp.inKind?.usdMinor ?? 0;
    for (const r of fp.program.recipients) this.countries.add(r.country);
  }

  totals(): HeadlineTotals {
    return {
      programs: this.programs,
      countries: this.countries.size,
      participants: this.participants,
      usdMinor: this.usdMinor,
      idrMinor: this.idrMinor,
      inKindUsdMinor: this.inKindUsdMinor,
    };
  }
}

/** The headlines an output carries (the others are null in its totals). */
export function carriedTotals(carried: HeadlineTally, carries: readonly Headline[]): Record<Headline, number | null> {
  const t = carried.totals();
  const out = {} as Record<Headline, number | null>; // every key is set just below
  for (const h of HEADLINES) out[h] = carries.includes(h) ? t[h] : null;
  return out;
}

export interface ExclusionRule {
  readonly rule: string;
  readonly explanation: string;
  readonly tally: HeadlineTally;
}

/**
 * The exclusions of the carried headlines, one per rule that left something out. A country is
 * left out when no carried program has it; it is counted under the first rule (in the order
 * given) whose programs have it, so that the countries add up too.
 */
export function exclusionsOf(carried: HeadlineTally, rules: readonly ExclusionRule[], carries: readonly Headline[]): Exclusion[] {
  const counted = new Set(carried.countries);
  const out: Exclusion[] = [];
  for (const r of rules) {
    const leftOut = [...r.tally.countries].filter((c) => !counted.has(c));
    for (const c of leftOut) counted.add(c);
    const t: HeadlineTotals = { ...r.tally.totals(), countries: leftOut.length };
    const amounts: Partial<Record<Headline, number>> = {};
    for (const h of carries) if (t[h] !== 0) amounts[h] = t[h];
    if (Object.keys(amounts).length > 0) out.push({ rule: r.rule, explanation: r.explanation, amounts });
  }
  return out;
}

/** An amount in hundredths of `currency` as hundredths of a US dollar at the rate of `day`; null without a rate. */
export function usdMinorOn(amountMinor: number, currency: string, day: string, rates: RateTable): number | null {
  if (currency === 'USD') return amountMinor;
  const rate = rateOn(rates, currency, day);
  return rate ? Math.round(amountMinor / rate) : null;
}

/** A value in hundredths as a number of units with two decimals (the sheets keep numbers as numbers). */
export const units = (minor: number): number => Math.round(minor) / 100;
