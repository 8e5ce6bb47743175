/**
 * The shared shape of an edition's bundle (issue 23, docs/bundle.md): every output of the bundle
 * (annual report, IATI, TOSSD, SEGIB-style sheet, UN SDG 17.3.1 table) is built from the same
 * frozen programs of one edition, and says what it carries of the edition's headline totals and
 * which rule explains what it leaves out, so that the reconciliation sheet can be computed.
 */
import type { Sex } from '../codes.js';
import type { RateTable } from '../finance/in-kind.js';
import type { Program } from '../program/program.js';
import type { Spending } from '../report/summary.js';
import type { Result } from '../results/framework.js';

/** A program as an edition froze it, with what the reports counted of it. */
export interface FrozenProgram {
  /** The whole record, as it was at the freeze. */
  readonly program: Program;
  /** Participants as the annual report counts them, and where the figure comes from. */
  readonly participants: number;
  readonly participantsSource: 'records' | 'totals' | null;
  /**
   * The same participants by the recipient country they are counted for (null: no recipient
   * country recorded); they add up to `participants`.
   */
  readonly participantsByCountry: readonly { readonly country: string | null; readonly participants: number }[];
  /**
   * The same participants by sex: F, M and X from participant records; `unrecorded` those counted
   * from a recorded total, whose sex is not known. They add up to `participants`.
   */
  readonly participantsBySex: Readonly<Record<Sex | 'unrecorded', number>>;
  /** Spending (IATI transaction types 3 and 4) converted at each value date, as the reports do. */
  readonly spent: Spending;
  /**
   * The in-kind estimate (domain/finance/in-kind.ts) of a program with no spending, in hundredths;
   * null when it has spending or cannot be estimated (then `inKindGap` says why).
   */
  readonly inKind: { readonly usdMinor: number; readonly idrMinor: number } | null;
  readonly inKindGap: string | null;
  /**
   * The day the coordination team approved the program (its last `approve` transition), or null
   * when it was never approved in Mitra (entered or imported at a later stage). Absent from
   * records frozen before it was kept.
   */
  readonly approvedOn?: string | null;
  /**
   * The program's results framework at the freeze (docs/results.md); absent in editions frozen
   * before frameworks were kept (their outputs then show none).
   */
  readonly results?: readonly Result[];
}

/** What every output of a bundle shares. */
export interface BundleContext {
  readonly year: number;
  /** ISO alpha-2 code of the providing country (MITRA_PROVIDER_COUNTRY, "ID"). */
  readonly providerCountry: string;
  /** The IATI reporting organisation's ref (MITRA_IATI_REPORTING_ORG): prefixes Mitra's identifiers. */
  readonly publisherRef: string;
  /** Organisations by code (implementing agencies and partners). */
  readonly organisations: ReadonlyMap<string, { readonly nameEn: string; readonly nameId: string | null; readonly type: string }>;
  /** Exchange rates (units per US dollar by day) of every currency the programs use, and of IDR. */
  readonly rates: RateTable;
  /** The edition's name ("Annual Report 2018, edition 1, 15 March 2019") in both languages. */
  readonly titleEn: string;
  readonly titleId: string;
}

/** The headline totals a reconciliation compares across the outputs. */
export interface HeadlineTotals {
  readonly programs: number;
  /** Distinct recipient countries. */
  readonly countries: number;
  readonly participants: number;
  /** Spending in hundredths of a US dollar and of a rupiah. */
  readonly usdMinor: number;
  readonly idrMinor: number;
  /** In-kind estimates in hundredths of a US dollar. */
  readonly inKindUsdMinor: number;
}

export const HEADLINES = ['programs', 'countries', 'participants', 'usdMinor', 'idrMinor', 'inKindUsdMinor'] as const;
export type Headline = (typeof HEADLINES)[number];

/**
 * What an output leaves out of a headline total, and the rule that says why: the edition's total
 * = the output's total + the sum of its exclusions, for every headline the output carries.
 * `countries` counts the countries the output leaves out entirely.
 */
export interface Exclusion {
  /** A stable code ('tossd_ineligible_recipient', 'not_in_standard', …). */
  readonly rule: string;
  /** The rule in words (English), naming the standard's text where there is one. */
  readonly explanation: string;
  readonly amounts: Partial<Record<Headline, number>>;
}

export const BUNDLE_OUTPUTS = ['report', 'iati', 'tossd', 'segib', 'un'] as const;
export type BundleOutput = (typeof BUNDLE_OUTPUTS)[number];

/** What one output carries: its totals (null for a headline the standard does not carry) and its exclusions. */
export interface OutputTotals {
  readonly output: BundleOutput;
  readonly totals: Readonly<Record<Headline, number | null>>;
  readonly exclusions: readonly Exclusion[];
}

/** A field a standard asks for that the records do not hold: listed, never left silently blank or invented. */
export interface ChecklistItem {
  readonly output: BundleOutput;
  /** The standard's field (its column or element name). */
  readonly field: string;
  /** The program's identifier, or null for an item about the whole output. */
  readonly identifier: string | null;
  readonly message: string;
}

/** A sheet of a bundle's workbook or CSV file: its columns and rows (numbers stay numbers). */
export interface BundleSheet {
  readonly name: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | number | null)[])[];
}

/**
 * An output built page by page (a year may hold 100,000 programs): `add` takes a page of frozen
 * programs and returns the rows of the output's main sheet for them; `finish` returns the other
 * sheets (summaries), the totals for the reconciliation and the checklist.
 */
export interface BundleOutputBuilder {
  readonly output: BundleOutput;
  /** The main sheet's name and columns. */
  readonly main: { readonly name: string; readonly columns: readonly string[] };
  add(page: readonly FrozenProgram[]): (readonly (string | number | null)[])[];
  finish(): { readonly sheets: readonly BundleSheet[]; readonly totals: OutputTotals; readonly checklist: readonly ChecklistItem[] };
}
