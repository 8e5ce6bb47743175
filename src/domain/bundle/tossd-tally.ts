/**
 * What the TOSSD output carries of an edition's headline totals and what it leaves out, by rule,
 * counted program by program in whole cents (docs/tossd.md "Reconciliation"), and the summary
 * sheets built from the same counts.
 *
 * For every headline TOSSD carries: edition total = TOSSD total + the sum of the exclusions.
 * - programs: a program is in TOSSD when at least one of its rows is; a program left out whole is
 *   counted under one rule (the first its recipients have of: eligibility not established, not a
 *   TOSSD recipient, providing country);
 * - countries: eligibility goes by country, so a recipient country is either in the file for
 *   every program or for none; the countries left out are counted under their rule;
 * - usdMinor and inKindUsdMinor: each recipient's share in cents (the shares add up exactly to
 *   the program's total) goes to TOSSD or to its rule.
 * TOSSD carries no participants and no rupiah amounts: those headlines are null.
 */
import type { TossdRecipientStatus } from './tossd-codes.js';
import { ELIGIBILITY_LABELS } from './tossd-codes.js';
import type { BundleSheet, Exclusion, FrozenProgram, OutputTotals } from './types.js';

export type ExcludedEligibility = 'ineligible' | 'provider' | 'not_established';

/** One recipient's part of a program (a program without recipients has one part, with no country). */
export interface RecipientPart {
  readonly iso2: string | null;
  /** Null for the "unspecified" row of a program with no recipient country. */
  readonly status: TossdRecipientStatus | null;
  readonly sharePercent: number;
  readonly usdMinor: number;
  readonly inKindUsdMinor: number;
  readonly commitmentMinor: number;
}

export const TOSSD_EXCLUSION_RULES: Readonly<Record<ExcludedEligibility, { readonly rule: string; readonly explanation: string }>> = {
  ineligible: {
    rule: 'tossd_ineligible_recipient',
    explanation:
      'Recipient countries not on the list of TOSSD recipients (OECD development finance codelist "Recipient", codes valid for TOSSD, snapshot of 2026-08-28): TOSSD leaves South-South co-operation in non-TOSSD-eligible countries out of its data (tossd.online/about). A program with at least one TOSSD recipient stays in TOSSD; the shares of its other recipients are left out.',
  },
  provider: {
    rule: 'tossd_provider_country',
    explanation:
      "Shares recorded for the providing country itself: TOSSD Pillar I records cross-border flows to developing countries, and the provider's own country is not a recipient of its own co-operation.",
  },
  not_established: {
    rule: 'tossd_eligibility_not_established',
    explanation:
      "Recipient codes whose TOSSD recipient code and eligibility are not established (not in Mitra's country table): left out rather than guessed, and listed in the checklist.",
  },
};

interface Bucket {
  programs: number;
  readonly countries: Set<string>;
  usdMinor: number;
  inKindUsdMinor: number;
}

const emptyBucket = (): Bucket => ({ programs: 0, countries: new Set(), usdMinor: 0, inKindUsdMinor: 0 });

interface RecipientLine {
  readonly code: string | null;
  readonly name: string;
  readonly iso2: string | null;
  readonly eligibility: string;
  readonly kept: boolean;
  programs: number;
  usdMinor: number;
  inKindUsdMinor: number;
}

type Cell = string | number | null;

const thousands = (cents: number): number => cents / 100_000;

export class TossdTally {
  private readonly carried = emptyBucket();
  private readonly excluded = new Map<ExcludedEligibility, Bucket>();
  private readonly recipients = new Map<string, RecipientLine>();
  private readonly leftOut: Cell[][] = [];

  private bucket(rule: ExcludedEligibility): Bucket {
    let b = this.excluded.get(rule);
    if (!b) {
      b = emptyBucket();
      this.excluded.set(rule, b);
    }
    return b;
  }

  /** `programRule`: null when the program has a row in the file, else the rule it is left out by. */
  addProgram(
    fp: FrozenProgram,
    parts: readonly RecipientPart[],
    programRule: ExcludedEligibility | null,
    ruleOf: (part: RecipientPart) => ExcludedEligibility | null,
  ): void {
    (programRule === null ? this.carried : this.bucket(programRule)).programs++;
    for (const part of parts) {
      const rule = ruleOf(part);
      const target = rule === null ? this.carried : this.bucket(rule);
      target.usdMinor += part.usdMinor;
      target.inKindUsdMinor += part.inKindUsdMinor;
      if (part.iso2 !== null) target.countries.add(part.iso2);
      this.addToRecipient(part, rule === null);
      if (rule !== null) {
        const p = fp.program;
        this.leftOut.push([
          p.identifier,
          p.titleEn ?? p.titleId,
          part.iso2,
          part.status?.name ?? null,
          TOSSD_EXCLUSION_RULES[rule].rule,
          part.sharePercent,
          thousands(part.usdMinor),
          thousands(part.inKindUsdMinor),
        ]);
      }
    }
  }

  private addToRecipient(part: RecipientPart, kept: boolean): void {
    const key = part.iso2 ?? '(unspecified)';
    let line = this.recipients.get(key);
    if (!line) {
      line = {
        code: part.status ? part.status.code : '998',
        name: part.status?.name ?? 'Developing countries, unspecified',
        iso2: part.iso2,
        eligibility: ELIGIBILITY_LABELS[part.status?.eligibility ?? 'unspecified'],
        kept,
        programs: 0,
        usdMinor: 0,
        inKindUsdMinor: 0,
      };
      this.recipients.set(key, line);
    }
    line.programs++;
    line.usdMinor += part.usdMinor;
    line.inKindUsdMinor += part.inKindUsdMinor;
  }

  totals(): OutputTotals {
    const exclusions: Exclusion[] = [...this.excluded.entries()].map(([rule, b]) => ({
      ...TOSSD_EXCLUSION_RULES[rule],
      amounts: { programs: b.programs, countries: b.countries.size, usdMinor: b.usdMinor, inKindUsdMinor: b.inKindUsdMinor },
    }));
    return {
      output: 'tossd',
      totals: {
        programs: this.carried.programs,
        countries: this.carried.countries.size,
        participants: null,
        usdMinor: this.carried.usdMinor,
        idrMinor: null,
        inKindUsdMinor: this.carried.inKindUsdMinor,
      },
      exclusions,
    };
  }

  recipientRows(): Cell[][] {
    return [...this.recipients.values()]
      .sort((a, b) => Number(b.kept) - Number(a.kept) || a.name.localeCompare(b.name))
      .map((r) => [
        r.code,
        r.name,
        r.iso2,
        r.eligibility,
        r.kept ? 'yes' : 'no',
        r.programs,
        thousands(r.usdMinor),
        thousands(r.inKindUsdMinor),
      ]);
  }

  leftOutRows(): Cell[][] {
    return this.leftOut;
  }
}

export function tossdSummarySheets(tally: TossdTally): BundleSheet[] {
  return [
    {
      name: 'TOSSD by recipient',
      columns: [
        'recipientcode',
        'recipientnamee',
        'Recipient (ISO alpha-2)',
        'TOSSD eligibility',
        'In the TOSSD file',
        'Programs',
        'Spending, actual cost (USD thousands)',
        'In-kind estimate (USD thousands)',
      ],
      rows: tally.recipientRows(),
    },
    {
      name: 'TOSSD left out',
      columns: [
        'Program',
        'Title',
        'Recipient (ISO alpha-2)',
        'Recipient',
        'Rule',
        'Recipient share (%)',
        'Spending, actual cost (USD thousands)',
        'In-kind estimate (USD thousands)',
      ],
      rows: tally.leftOutRows(),
    },
  ];
}
