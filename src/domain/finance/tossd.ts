/**
 * A TOSSD/CRS-style table of a year's programs: one row per program and recipient country, for
 * the coordination team to report South-South and triangular cooperation to the OECD's TOSSD
 * survey and to compare with CRS data.
 *
 * - Collaboration type (CRS "bi_multi", IATI CollaborationType): 8 "Bilateral, triangular
 *   co-operation" for triangular programs; 1 "Bilateral" for the others (a program imported
 *   from an IATI file keeps the code its publisher gave), as in the IATI export.
 * - Amount (USD): disbursements and expenditure (IATI TransactionType 3 and 4), each converted
 *   at the rate of its value date (convertSpending), split over the recipients by their
 *   percentages, or in equal shares when none are recorded, in whole cents with the largest
 *   remainder method, so that a program's rows add up exactly to its total.
 * - Estimated in-kind (USD): the in-kind estimate (in-kind.ts) of a program with no spending,
 *   split the same way; an estimate, never part of the amount.
 * - Currencies without exchange rate: the currencies of spending left out of the amount.
 * - Stages: programs under way or done (TOSSD_DEFAULT_STAGES) unless others are asked for.
 * Flow and finance types are not recorded by Mitra and are not guessed; the type of aid follows
 * the modality (AID_TYPE_OF_MODALITY) and the sector is the program's DAC 5-digit purpose code
 * with the largest share.
 */
import type { Program } from '../program/program.js';
import type { LifecycleStage } from '../codes.js';
import { AID_TYPE_OF_MODALITY, equalShares, iatiIdentifier } from '../iati/activity-xml.js';
import { formatMinor } from '../money.js';
import { codelistName } from '../reference/codelists.js';
import { countryName, getCountry } from '../reference/countries.js';
import { REPORT_REGION_NAMES } from '../reference/types.js';
import { largestRemainder } from '../report/participant-allocation.js';
import type { Spending } from '../report/summary.js';
import { rateOn, SpendingAccumulator, type RateTable } from './in-kind.js';

export const TOSSD_COLUMNS = [
  'Year',
  'Reporting country (ISO3)',
  'Reporting country',
  'Agency code',
  'Agency',
  'Project number',
  'Project title',
  'Recipient (ISO3)',
  'Recipient',
  'Region',
  'Collaboration type (code)',
  'Collaboration type',
  'Type of aid (code)',
  'Sector (purpose code)',
  'Recipient share (%)',
  'Amount (USD)',
  'Estimated in-kind (USD, estimate)',
  'Currencies without exchange rate',
] as const;

/**
 * The stages exported unless others are asked for: programs carried out or under way (a request,
 * a plan or a cancelled program provides nothing to report yet).
 */
export const TOSSD_DEFAULT_STAGES: readonly LifecycleStage[] = ['implementation', 'completed', 'evaluated'];

/** Disbursements and expenditure count as spent (IATI TransactionType 3 and 4). */
export const SPENT_TRANSACTION_TYPES: readonly string[] = ['3', '4'];

/** CRS recipient code 998 "Developing countries, unspecified": a program with no recipient country recorded. */
const UNSPECIFIED = 'Developing countries, unspecified';

export interface TossdContext {
  /** ISO alpha-2 code of the providing country (MITRA_PROVIDER_COUNTRY). */
  readonly reportingCountry: string;
  /** The IATI reporting organisation: its ref prefixes Mitra's own identifiers. */
  readonly publisherRef: string;
  /** English names of organisations, by code. */
  readonly agencyNames: ReadonlyMap<string, string>;
  readonly rates: RateTable;
}

/**
 * The program's spending converted at each transaction's value date (else its date); `types`
 * picks other IATI transaction types (the TOSSD file's commitments are type 2).
 */
export function spentOf(
  a: Pick<Program, 'transactions'>,
  rates: RateTable,
  types: readonly string[] = SPENT_TRANSACTION_TYPES,
  keep: (t: Program['transactions'][number]) => boolean = () => true,
): Spending {
  const sum = new SpendingAccumulator();
  for (const t of a.transactions) {
    if (!types.includes(t.type) || !keep(t)) continue;
    const day = t.valueDate ?? t.date;
    sum.add([
      {
        currency: t.currency,
        currencyRate: rateOn(rates, t.currency, day),
        idrRate: rateOn(rates, 'IDR', day),
        amountMinor: t.amountMinor,
        transactions: 1,
        firstDate: day,
        lastDate: day,
      },
    ]);
  }
  return sum.total();
}

/** CollaborationType: 8 for triangular; an imported program's own code; else 1 (bilateral). */
export function collaborationTypeOf(a: Pick<Program, 'cooperationType' | 'source' | 'iatiDetails'>): string {
  if (a.cooperationType === 'triangular') return '8';
  return (a.source === 'iati' ? a.iatiDetails?.collaborationType : null) ?? '1';
}

/** The DAC 5-digit purpose code with the largest share (the first listed on a tie), or ''. */
export function purposeCodeOf(a: Pick<Program, 'sectors'>): string {
  let best: { code: string; share: number } | null = null;
  for (const s of a.sectors) {
    if (s.vocabulary !== '1') continue;
    const share = s.percentage ?? 0;
    if (!best || share > best.share) best = { code: s.code, share };
  }
  return best?.code ?? '';
}

/** The identifier under which the program is published (an imported program keeps its publisher's). */
export function projectNumber(a: Pick<Program, 'identifier' | 'source' | 'iatiDetails'>, publisherRef: string): string {
  return a.source === 'iati' && a.iatiDetails?.reportingOrg?.ref ? a.identifier : iatiIdentifier(a.identifier, publisherRef);
}

/** Recipient shares in percent: the recorded ones when every recipient has one, else equal shares summing to 100. */
export function recipientShares(recipients: Program['recipients']): number[] {
  return recipients.every((r) => r.percentage !== null) ? recipients.map((r) => r.percentage ?? 0) : equalShares(recipients.length);
}

/**
 * The weights a program's amounts are split by: the recorded percentages when every recipient has
 * one, else the same weight for each (the shares shown are those weights rounded to sum to 100);
 * a single weight for a program without recipients (its one "unspecified" row).
 */
export function recipientWeights(recipients: Program['recipients']): number[] {
  if (recipients.length === 0) return [1];
  return recipients.every((r) => r.percentage !== null) ? recipients.map((r) => r.percentage ?? 0) : recipients.map(() => 1);
}

/**
 * Splits whole cents over weights so that the parts add up exactly to the total (largest
 * remainder; the earlier item wins a tie).
 */
export function splitCents(totalMinor: number, weights: readonly number[]): number[] {
  return largestRemainder(totalMinor, weights);
}

/**
 * The rows of one program. `inKindUsdMinor`: its in-kind estimate in US cents, or null when it
 * has spending or cannot be estimated.
 */
export function tossdRows(a: Program, ctx: TossdContext, inKindUsdMinor: number | null): string[][] {
  const spent = spentOf(a, ctx.rates);
  const shares = recipientShares(a.recipients);
  const weights = recipientWeights(a.recipients);
  const amounts = splitCents(spent.usdMinor, weights);
  const inKind = inKindUsdMinor === null ? null : splitCents(inKindUsdMinor, weights);
  const reporting = getCountry(ctx.reportingCountry);
  const collaboration = collaborationTypeOf(a);
  const aidType = a.modality ? AID_TYPE_OF_MODALITY[a.modality] : (a.iatiDetails?.defaultAidType ?? '');
  const noRate = spent.missingRates
    .filter((m) => m.missing.includes('usd'))
    .map((m) => m.currency)
    .join(' ');
  const recipients: { country: string | null; share: number }[] = a.recipients.length
    ? a.recipients.map((r, i) => ({ country: r.country, share: shares[i] ?? 0 }))
    : [{ country: null, share: 100 }];
  return recipients.map((r, i) => {
    const country = r.country ? getCountry(r.country) : undefined;
    return [
      a.year === null ? '' : String(a.year),
      reporting?.iso3 ?? ctx.reportingCountry,
      reporting ? countryName(reporting.iso2, 'en') : '',
      a.implementingOrg ?? '',
      a.implementingOrg ? (ctx.agencyNames.get(a.implementingOrg) ?? a.implementingOrg) : '',
      projectNumber(a, ctx.publisherRef),
      a.titleEn ?? a.titleId ?? '',
      country?.iso3 ?? '',
      country ? country.nameEn : UNSPECIFIED,
      country?.region ? REPORT_REGION_NAMES.en[country.region] : '',
      collaboration,
      codelistName('CollaborationType', collaboration) ?? '',
      aidType,
      purposeCodeOf(a),
      Number(r.share.toFixed(2)).toString(),
      formatMinor(amounts[i] ?? 0),
      inKind ? formatMinor(inKind[i] ?? 0) : '',
      noRate,
    ];
  });
}
