/**
 * The UN table of an edition's bundle: Indonesia's South-South cooperation as the voluntary
 * "Conceptual Framework to Measure South-South Cooperation" asks countries to report it for
 * the SSC component of SDG indicator 17.3.1 (docs/un-ssc.md).
 *
 * Sources: UN Statistical Commission, 53rd session (March 2022), which adopted indicator 17.3.1
 * "Additional financial resources mobilized for developing countries from multiple sources"
 * and welcomed the framework (https://unstats.un.org/unsd/statcom/53rd-session/documents/);
 * UNCTAD, "Manual for the Framework to measure South-South Cooperation" (presented November
 * 2024, https://unctad.org/meeting/xxxii-meeting-directors-international-cooperation-agencies-countries-latin-america-and).
 *
 * The framework measures financial SSC (grants, loans… in disbursements) and non-financial SSC
 * (capacity building, technical cooperation, knowledge sharing, in-kind support), valued at the
 * costs the provider incurred or, failing those, at unit costs, and otherwise counted.
 * - Financial SSC: a program's disbursements (IATI transaction type 3, "funds placed at the
 *   disposal of a recipient"), in US dollars at each value date.
 * - Non-financial SSC, costs incurred: the rest of the spending the edition counted (IATI type
 *   4, expenditure on goods and services for the program), so the two add up to it exactly.
 * - Non-financial SSC, estimated: the in-kind estimate (unit costs × people × days) of a
 *   program with no spending; a program with neither is counted (programs, participants), not
 *   valued, and listed in the checklist.
 * - Category: the program's form of non-financial SSC, from its modality.
 * - One row per program and recipient country; amounts are split by the recipients'
 *   percentages (else equally) in whole cents, participants are those counted for the country.
 * - Triangular partners' contributions are shown for information, never counted: they are the
 *   partner's support, not Indonesia's.
 * Programs not carried out (a request, a plan, a rejected or cancelled program) are left out.
 */
import type { Modality } from '../codes.js';
import { cooperationTypes } from '../codes.js';
import { rateOn, SpendingAccumulator } from '../finance/in-kind.js';
import { recipientShares, splitCents } from '../finance/tossd.js';
import type { Program } from '../program/program.js';
import { countryName, getCountry } from '../reference/countries.js';
import { REPORT_REGION_NAMES } from '../reference/types.js';
import type { Spending } from '../report/summary.js';
import { carriedTotals, exclusionsOf, HeadlineTally, units } from './headline-tally.js';
import { contributionDay, contributionUsdMinor, SEGIB_STAGES } from './segib-sheet.js';
import type { BundleContext, BundleOutputBuilder, ChecklistItem, FrozenProgram } from './types.js';
import { HEADLINES } from './types.js';

export const UN_CATEGORIES = {
  capacity_building: 'Capacity building (training, seminars, workshops, study visits, internships, scholarships)',
  technical_cooperation: 'Technical cooperation (experts)',
  knowledge_sharing: 'Knowledge sharing',
  in_kind: 'In-kind support (equipment and goods)',
  not_recorded: 'Not recorded',
} as const;
export type UnCategory = keyof typeof UN_CATEGORIES;

const CATEGORY_OF_MODALITY: Readonly<Record<Modality, UnCategory>> = {
  training: 'capacity_building',
  seminar: 'capacity_building',
  workshop: 'capacity_building',
  study_visit: 'capacity_building',
  internship: 'capacity_building',
  scholarship: 'capacity_building',
  expert_dispatch: 'technical_cooperation',
  knowledge_sharing: 'knowledge_sharing',
  equipment_grant: 'in_kind',
};

export const categoryOf = (modality: Modality | null): UnCategory => (modality ? CATEGORY_OF_MODALITY[modality] : 'not_recorded');

export const UN_COLUMNS = [
  'Year',
  'Program identifier',
  'Title',
  'Cooperation type',
  'Category',
  'Mitra modality',
  'Recipient (ISO3)',
  'Recipient',
  'Region',
  'Recipient share (%)',
  'Participants',
  'Financial SSC: disbursements (USD)',
  'Non-financial SSC: costs incurred (USD)',
  'Non-financial SSC: estimated value (USD)',
  'Total valued (USD)',
  'Financial SSC: disbursements (IDR)',
  'Non-financial SSC: costs incurred (IDR)',
  'Valuation',
  'Triangular partners’ contributions (USD, not counted)',
  'Currencies without exchange rate',
] as const;
type Cell = string | number | null;

const SUMMARY_AMOUNTS = [
  'Participants',
  'Financial SSC: disbursements (USD)',
  'Non-financial SSC: costs incurred (USD)',
  'Non-financial SSC: estimated value (USD)',
] as const;

const NOT_CARRIED_OUT =
  'SDG indicator 17.3.1 counts resources actually provided (disbursements, costs incurred): programs not carried out ' +
  '(request, assessment, approved or funded stage, rejected or cancelled) are left out.';

export type Valuation = 'costs incurred' | 'estimate (unit costs)' | 'not valued';

/** How a program is valued: its spending, else its in-kind estimate, else not at all. */
export function valuationOf(fp: Pick<FrozenProgram, 'spent' | 'inKind'>): Valuation {
  const s = fp.spent;
  if (s.transactions > 0 || s.usdMinor !== 0 || s.missingRates.length > 0) return 'costs incurred';
  return fp.inKind ? 'estimate (unit costs)' : 'not valued';
}

/** IATI TransactionType 3, Disbursement: one of the two types the reports count as spent (SPENT_TRANSACTION_TYPES). */
const DISBURSEMENT = '3';

/** A part of a total, kept between 0 and the total so that the rest is never negative. */
const within = (part: number, total: number): number => (total >= 0 ? Math.min(Math.max(part, 0), total) : part);

/**
 * The disbursed (financial) part of the spending the edition counted, converted as the reports
 * convert (per currency and rate, then rounded), and held within the spending's own total.
 */
export function disbursedPart(
  p: Pick<Program, 'transactions'>,
  spent: Spending,
  rates: BundleContext['rates'],
): { usdMinor: number; idrMinor: number } {
  const sum = new SpendingAccumulator();
  for (const t of p.transactions) {
    if (t.type !== DISBURSEMENT) continue;
    const day = t.valueDate ?? t.date;
    const group = { currency: t.currency, amountMinor: t.amountMinor, transactions: 1, firstDate: day, lastDate: day };
    sum.add([{ ...group, currencyRate: rateOn(rates, t.currency, day), idrRate: rateOn(rates, 'IDR', day) }]);
  }
  const total = sum.total();
  return { usdMinor: within(total.usdMinor, spent.usdMinor), idrMinor: within(total.idrMinor, spent.idrMinor) };
}

interface Sums {
  programs: number;
  participants: number;
  financialUsdMinor: number;
  costsUsdMinor: number;
  estimateUsdMinor: number;
}
const emptySums = (): Sums => ({ programs: 0, participants: 0, financialUsdMinor: 0, costsUsdMinor: 0, estimateUsdMinor: 0 });

export function unSscBuilder(context: BundleContext): BundleOutputBuilder {
  const carried = new HeadlineTally();
  const notCarriedOut = new HeadlineTally();
  const checklist: ChecklistItem[] = [];
  const byCategory = new Map<UnCategory, Sums & Record<Valuation, number>>();
  const byRecipient = new Map<string | null, Sums>();
  const issue = (field: string, identifier: string | null, message: string) => checklist.push({ output: 'un', field, identifier, message });

  function rowsOf(fp: FrozenProgram): Cell[][] {
    const p = fp.program;
    const category = categoryOf(p.modality);
    const valuation = valuationOf(fp);
    const financial = disbursedPart(p, fp.spent, context.rates);
    const estimate = valuation === 'estimate (unit costs)' ? (fp.inKind?.usdMinor ?? 0) : 0;
    const partners = partnerContributions(p, context, issue);
    checkProgram(fp, valuation, issue);

    const c = byCategory.get(category) ?? { ...emptySums(), 'costs incurred': 0, 'estimate (unit costs)': 0, 'not valued': 0 };
    const counts: Record<Valuation, number> = {
      'costs incurred': c['costs incurred'],
      'estimate (unit costs)': c['estimate (unit costs)'],
      'not valued': c['not valued'],
    };
    counts[valuation] += 1;
    byCategory.set(category, {
      ...addSums(c, fp.participants, financial.usdMinor, fp.spent.usdMinor - financial.usdMinor, estimate),
      ...counts,
    });

    const places = placesOf(fp);
    const weights = places.map((x) => x.weight);
    const split = (minor: number) => splitCents(minor, weights);
    const fin = split(financial.usdMinor);
    const costs = split(fp.spent.usdMinor - financial.usdMinor);
    const est = split(estimate);
    const finIdr = split(financial.idrMinor);
    const costsIdr = split(fp.spent.idrMinor - financial.idrMinor);
    const partnerSplit = partners === null ? null : split(partners);
    const noRate = fp.spent.missingRates.map((m) => m.currency).join(' ') || null;
    return places.map((place, i) => {
      const country = place.country ? getCountry(place.country) : undefined;
      const [f, k, e] = [fin[i] ?? 0, costs[i] ?? 0, est[i] ?? 0];
      const r = byRecipient.get(place.country) ?? emptySums();
      byRecipient.set(place.country, addSums(r, place.participants, f, k, e));
      return [
        context.year,
        p.identifier,
        p.titleEn ?? p.titleId,
        cooperationTypes.label(p.cooperationType, 'en'),
        UN_CATEGORIES[category],
        p.modality,
        country?.iso3 ?? null,
        place.country ? countryName(place.country, 'en') : 'Not recorded',
        country?.region ? REPORT_REGION_NAMES.en[country.region] : null,
        place.share,
        place.participants,
        units(f),
        units(k),
        valuation === 'estimate (unit costs)' ? units(e) : null,
        valuation === 'not valued' ? null : units(f + k + e),
        units(finIdr[i] ?? 0),
        units(costsIdr[i] ?? 0),
        valuation,
        partnerSplit ? units(partnerSplit[i] ?? 0) : null,
        noRate,
      ];
    });
  }

  return {
    output: 'un',
    main: { name: 'UN SSC (SDG 17.3.1)', columns: UN_COLUMNS },
    add(page) {
      const rows: Cell[][] = [];
      for (const fp of page) {
        if (!SEGIB_STAGES.includes(fp.program.lifecycleStage)) {
          notCarriedOut.add(fp);
          continue;
        }
        carried.add(fp);
        rows.push(...rowsOf(fp));
      }
      return rows;
    },
    finish() {
      if (carried.programs > 0) {
        issue(
          'Financial SSC: disbursements (USD)',
          null,
          'only the disbursements of Mitra’s programs are here: grants, loans, debt relief and contributions to multilateral organisations made outside programs are not recorded in Mitra and must be added from their own records',
        );
      }
      return {
        sheets: [categorySheet(byCategory), recipientSheet(byRecipient)],
        totals: {
          output: 'un',
          totals: carriedTotals(carried, HEADLINES),
          exclusions: exclusionsOf(
            carried,
            [{ rule: 'un_not_carried_out', explanation: NOT_CARRIED_OUT, tally: notCarriedOut }],
            HEADLINES,
          ),
        },
        checklist,
      };
    },
  };
}

function addSums(s: Sums, participants: number, financial: number, costs: number, estimate: number): Sums {
  return {
    programs: s.programs + 1,
    participants: s.participants + participants,
    financialUsdMinor: s.financialUsdMinor + financial,
    costsUsdMinor: s.costsUsdMinor + costs,
    estimateUsdMinor: s.estimateUsdMinor + estimate,
  };
}

const sumCells = (s: Sums): Cell[] => [
  s.programs,
  s.participants,
  units(s.financialUsdMinor),
  units(s.costsUsdMinor),
  units(s.estimateUsdMinor),
];

function categorySheet(byCategory: ReadonlyMap<UnCategory, Sums & Record<Valuation, number>>) {
  return {
    name: 'By category',
    columns: [
      'Category',
      'Programs',
      ...SUMMARY_AMOUNTS,
      'Programs valued at cost',
      'Programs valued by estimate',
      'Programs counted, not valued',
    ],
    rows: (Object.keys(UN_CATEGORIES) as UnCategory[]) // the keys of a const object: its own categories
      .flatMap((code) => {
        const s = byCategory.get(code);
        return s ? [[UN_CATEGORIES[code], ...sumCells(s), s['costs incurred'], s['estimate (unit costs)'], s['not valued']]] : [];
      }),
  };
}

function recipientSheet(byRecipient: ReadonlyMap<string | null, Sums>) {
  const rows = [...byRecipient.entries()].map(([code, s]) => {
    const country = code ? getCountry(code) : undefined;
    const name = code ? countryName(code, 'en') : 'Not recorded';
    return [country?.iso3 ?? code, name, country?.region ? REPORT_REGION_NAMES.en[country.region] : null, ...sumCells(s)];
  });
  // By name, programs with no recipient country last.
  rows.sort((a, b) => (a[0] === null ? 1 : b[0] === null ? -1 : String(a[1]).localeCompare(String(b[1]))));
  return { name: 'By recipient', columns: ['Recipient (ISO3)', 'Recipient', 'Region', 'Programs', ...SUMMARY_AMOUNTS], rows };
}

interface Place {
  readonly country: string | null;
  /** Weight of the split of amounts; 0 for the row of participants with no recipient country. */
  readonly weight: number;
  readonly share: number | null;
  readonly participants: number;
}

/**
 * The rows of a program: its recipients (weighted by their percentages when all have one, else
 * equally), plus a row with no country for participants counted for none (or for a program
 * with no recipient, which then takes the whole amount).
 */
function placesOf(fp: FrozenProgram): Place[] {
  const recipients = fp.program.recipients;
  const counted = (country: string) =>
    fp.participantsByCountry.filter((x) => x.country === country).reduce((n, x) => n + x.participants, 0);
  const shares = recipientShares(recipients);
  const given = recipients.every((r) => r.percentage !== null);
  const places: Place[] = recipients.map((r, i) => ({
    country: r.country,
    weight: given ? (shares[i] ?? 0) : 1,
    share: shares[i] ?? null,
    participants: counted(r.country),
  }));
  const rest = fp.participants - places.reduce((n, x) => n + x.participants, 0);
  if (places.length === 0) return [{ country: null, weight: 1, share: null, participants: fp.participants }];
  if (rest !== 0) places.push({ country: null, weight: 0, share: null, participants: rest });
  return places;
}

/** Second providers' and facilitators' recorded contributions in US cents; null when there are none. */
function partnerContributions(
  p: Program,
  context: BundleContext,
  issue: (field: string, identifier: string, message: string) => void,
): number | null {
  const partners = p.partners.filter((x) => x.sscRole === 'second_provider' || x.sscRole === 'facilitator');
  if (p.cooperationType !== 'triangular' || partners.length === 0) return null;
  let total = 0;
  for (const x of partners) {
    const c = contributionUsdMinor(x, contributionDay(p, context.year), context.rates);
    if (c.usdMinor === null) issue('Triangular partners’ contributions (USD, not counted)', p.identifier, `${x.org}: ${c.gap}`);
    else total += c.usdMinor;
  }
  return total;
}

function checkProgram(fp: FrozenProgram, valuation: Valuation, issue: (field: string, identifier: string, message: string) => void): void {
  const p = fp.program;
  const id = p.identifier;
  if (p.recipients.length === 0) issue('Recipient', id, 'no recipient country is recorded');
  for (const r of p.recipients) {
    if (getCountry(r.country)?.developing === false) {
      issue(
        'Recipient',
        id,
        `${countryName(r.country, 'en')} is not a developing country in UN M49 (2021): the framework measures support to developing countries`,
      );
    }
  }
  if (p.modality === null) issue('Category', id, 'the modality is not recorded, so the form of non-financial SSC is not known');
  for (const m of fp.spent.missingRates) {
    issue('Total valued (USD)', id, `${m.transactions} transaction(s) in ${m.currency} have no exchange rate and are not valued`);
  }
  if (valuation === 'not valued') {
    issue(
      'Non-financial SSC: estimated value (USD)',
      id,
      `counted but not valued: no spending is recorded and no in-kind estimate could be made (${fp.inKindGap ?? 'reason not given'})`,
    );
  }
}
