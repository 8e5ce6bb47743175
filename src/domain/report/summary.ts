/**
 * The annual summary report: the figures a coordination-team annual report carries, assembled
 * from SQL aggregates (see db/report.repo.ts) by pure, tested functions.
 */
import type { CodeSet } from '../code-set.js';
import { cooperationTypes, flagshipAreas, modalities } from '../codes.js';
import { countryName, getCountry } from '../reference/countries.js';
import { listGroups } from '../reference/groupings.js';
import { REPORT_REGIONS, type GroupCode, type ReportRegion } from '../reference/types.js';

/** Raw aggregates for one year, as the repository reads them. */
export interface SummaryAggregates {
  readonly programs: number;
  readonly countries: number;
  readonly participantsBySource: readonly { source: string; programs: number; participants: number }[];
  /** Programs whose recorded total is split over more than one country. */
  readonly programsWithSplitTotals: number;
  readonly programsWithoutRecipients: number;
  readonly regions: readonly { region: string | null; programs: number; countries: number }[];
  readonly regionParticipants: readonly { region: string | null; participants: number }[];
  readonly recipientPrograms: readonly { country: string; programs: number }[];
  readonly recipientParticipants: readonly { country: string | null; participants: number }[];
  /** One row per (modality, flagship area, cooperation type) present. */
  readonly groups: readonly {
    modality: string | null;
    flagshipArea: string | null;
    cooperationType: string;
    programs: number;
    participants: number;
  }[];
  readonly partners: readonly { org: string; acronym: string | null; nameEn: string; nameId: string | null; programs: number }[];
  readonly spending: readonly SpendingGroup[];
  /** Programs, countries and participants going to the members of each grouping that year. */
  readonly groupings: readonly { group: GroupCode; programs: number; countries: number; participants: number }[];
}

export interface GroupingRow {
  readonly group: GroupCode;
  readonly nameEn: string;
  readonly nameId: string;
  readonly programs: number;
  readonly countries: number;
  readonly participants: number;
  /** Share of the year's programs with at least one recipient in the group (0–1). */
  readonly programShare: number;
  /** Share of the year's participants from the group's members (0–1). */
  readonly participantShare: number;
}

/** Spent amounts (IATI transaction types 3 and 4) of one currency at one pair of rates. */
export interface SpendingGroup {
  readonly currency: string;
  /** Units of `currency` per USD on or before the value date, or null when none is recorded. */
  readonly currencyRate: number | null;
  /** IDR per USD on or before the value date, or null. */
  readonly idrRate: number | null;
  readonly amountMinor: number;
  readonly transactions: number;
  readonly firstDate: string;
  readonly lastDate: string;
}

export interface BreakdownRow {
  /** The code, or null for programs where it is not recorded. */
  readonly code: string | null;
  readonly labelEn: string;
  readonly labelId: string;
  readonly programs: number;
  readonly participants: number;
}

export interface RecipientRow {
  readonly rank: number;
  readonly country: string;
  readonly nameEn: string;
  readonly nameId: string;
  readonly region: ReportRegion | null;
  readonly programs: number;
  readonly participants: number;
}

export interface MissingRate {
  readonly currency: string;
  readonly transactions: number;
  /** Total in the original currency, in hundredths. */
  readonly amountMinor: number;
  readonly firstDate: string;
  readonly lastDate: string;
  /** Which totals leave these transactions out. */
  readonly missing: readonly ('usd' | 'idr')[];
}

export interface Spending {
  /** Totals in hundredths of a US dollar and of a rupiah, over the converted transactions. */
  readonly usdMinor: number;
  readonly idrMinor: number;
  readonly transactions: number;
  readonly byCurrency: readonly { currency: string; amountMinor: number; transactions: number }[];
  readonly missingRates: readonly MissingRate[];
}

export interface AnnualSummary {
  readonly year: number;
  readonly programs: number;
  readonly countries: number;
  readonly participants: number;
  readonly participantSources: {
    readonly records: { readonly programs: number; readonly participants: number };
    readonly totals: { readonly programs: number; readonly participants: number; readonly splitAcrossCountries: number };
    readonly none: { readonly programs: number };
  };
  readonly regions: Record<ReportRegion, { programs: number; countries: number; participants: number }>;
  /** Programs with no recipient country recorded, and participants not in a report region. */
  readonly unassigned: { readonly programs: number; readonly participants: number };
  readonly topRecipients: readonly RecipientRow[];
  readonly byModality: readonly BreakdownRow[];
  readonly byFlagshipArea: readonly BreakdownRow[];
  readonly byCooperationType: readonly BreakdownRow[];
  readonly partners: readonly { org: string; acronym: string | null; nameEn: string; nameId: string | null; programs: number }[];
  readonly spending: Spending;
  /** The priority groupings (Pacific Islands Forum, Melanesian Spearhead Group, …) with their shares. */
  readonly groupings: readonly GroupingRow[];
}

/** Ranks recipients by programs, then participants, then English name. */
export function rankRecipients(
  programs: readonly { country: string; programs: number }[],
  participants: readonly { country: string | null; participants: number }[],
): RecipientRow[] {
  const people = new Map(participants.flatMap((p): [string, number][] => (p.country ? [[p.country, p.participants]] : [])));
  const rows = programs.map((p) => ({
    country: p.country,
    nameEn: countryName(p.country, 'en'),
    nameId: countryName(p.country, 'id'),
    region: getCountry(p.country)?.region ?? null,
    programs: p.programs,
    participants: people.get(p.country) ?? 0,
  }));
  rows.sort((a, b) => b.programs - a.programs || b.participants - a.participants || a.nameEn.localeCompare(b.nameEn));
  // Equal programs and participants share a rank (1, 2, 2, 4).
  let rank = 0;
  return rows.map((row, i) => {
    const prev = rows[i - 1];
    if (!prev || prev.programs !== row.programs || prev.participants !== row.participants) rank = i + 1;
    return { rank, ...row };
  });
}

const roundCents = (value: number): number => Math.round(value);

/**
 * Converts spent amounts to USD and IDR with the dated exchange rates. Amounts whose rate is
 * missing are left out of the affected total and listed, never silently dropped.
 */
export function convertSpending(groups: readonly SpendingGroup[]): Spending {
  let usdMinor = 0;
  let idrMinor = 0;
  const byCurrency = new Map<string, { amountMinor: number; transactions: number }>();
  const missing = new Map<
    string,
    { transactions: number; amountMinor: number; firstDate: string; lastDate: string; missing: Set<'usd' | 'idr'> }
  >();
  for (const g of groups) {
    const cur = byCurrency.get(g.currency) ?? { amountMinor: 0, transactions: 0 };
    byCurrency.set(g.currency, { amountMinor: cur.amountMinor + g.amountMinor, transactions: cur.transactions + g.transactions });
    const usdRate = g.currency === 'USD' ? 1 : g.currencyRate;
    const usd = usdRate ? g.amountMinor / usdRate : null;
    const idr = g.currency === 'IDR' ? g.amountMinor : usd !== null && g.idrRate ? usd * g.idrRate : null;
    if (usd !== null) usdMinor += roundCents(usd);
    if (idr !== null) idrMinor += roundCents(idr);
    const gaps = [...(usd === null ? (['usd'] as const) : []), ...(idr === null ? (['idr'] as const) : [])];
    if (gaps.length === 0) continue;
    const key = g.currency;
    const m = missing.get(key) ?? { transactions: 0, amountMinor: 0, firstDate: g.firstDate, lastDate: g.lastDate, missing: new Set() };
    m.transactions += g.transactions;
    m.amountMinor += g.amountMinor;
    if (g.firstDate < m.firstDate) m.firstDate = g.firstDate;
    if (g.lastDate > m.lastDate) m.lastDate = g.lastDate;
    for (const gap of gaps) m.missing.add(gap);
    missing.set(key, m);
  }
  return {
    usdMinor,
    idrMinor,
    transactions: groups.reduce((n, g) => n + g.transactions, 0),
    byCurrency: [...byCurrency.entries()].map(([currency, v]) => ({ currency, ...v })).sort((a, b) => a.currency.localeCompare(b.currency)),
    missingRates: [...missing.entries()]
      .map(([currency, m]) => ({
        currency,
        transactions: m.transactions,
        amountMinor: m.amountMinor,
        firstDate: m.firstDate,
        lastDate: m.lastDate,
        missing: [...m.missing].sort(),
      }))
      .sort((a, b) => a.currency.localeCompare(b.currency)),
  };
}

function breakdown(groups: SummaryAggregates['groups'], key: 'modality' | 'flagshipArea' | 'cooperationType'): BreakdownRow[] {
  const set: CodeSet<string> = key === 'modality' ? modalities : key === 'flagshipArea' ? flagshipAreas : cooperationTypes;
  const totals = new Map<string | null, { programs: number; participants: number }>();
  for (const g of groups) {
    const code = g[key];
    const t = totals.get(code) ?? { programs: 0, participants: 0 };
    totals.set(code, { programs: t.programs + g.programs, participants: t.participants + g.participants });
  }
  // Every code appears, in the code set's order, so tables across years line up; unrecorded last.
  const rows: BreakdownRow[] = set.codes.map((code) => ({
    code,
    labelEn: set.label(code, 'en'),
    labelId: set.label(code, 'id'),
    programs: totals.get(code)?.programs ?? 0,
    participants: totals.get(code)?.participants ?? 0,
  }));
  const unknown = totals.get(null);
  if (unknown) rows.push({ code: null, labelEn: 'Not recorded', labelId: 'Tidak dicatat', ...unknown });
  return rows;
}

export function buildAnnualSummary(year: number, agg: SummaryAggregates): AnnualSummary {
  const source = (s: string) => agg.participantsBySource.find((p) => p.source === s) ?? { programs: 0, participants: 0 };
  const records = source('records');
  const totals = source('totals');
  const region = (r: ReportRegion) => {
    const row = agg.regions.find((x) => x.region === r);
    const people = agg.regionParticipants.find((x) => x.region === r)?.participants ?? 0;
    return { programs: row?.programs ?? 0, countries: row?.countries ?? 0, participants: people };
  };
  // In the order of REPORT_REGIONS, which the tables follow.
  const regions: AnnualSummary['regions'] = {
    asia: region('asia'),
    oceania: region('oceania'),
    africa: region('africa'),
    americas: region('americas'),
    europe: region('europe'),
  };
  const inRegions = new Set<string>(REPORT_REGIONS);
  return {
    year,
    programs: agg.programs,
    countries: agg.countries,
    participants: records.participants + totals.participants,
    participantSources: {
      records: { programs: records.programs, participants: records.participants },
      totals: { programs: totals.programs, participants: totals.participants, splitAcrossCountries: agg.programsWithSplitTotals },
      none: { programs: agg.programs - records.programs - totals.programs },
    },
    regions,
    unassigned: {
      programs: agg.programsWithoutRecipients,
      participants: agg.regionParticipants.filter((r) => !r.region || !inRegions.has(r.region)).reduce((n, r) => n + r.participants, 0),
    },
    topRecipients: rankRecipients(agg.recipientPrograms, agg.recipientParticipants),
    byModality: breakdown(agg.groups, 'modality'),
    byFlagshipArea: breakdown(agg.groups, 'flagshipArea'),
    byCooperationType: breakdown(agg.groups, 'cooperationType'),
    partners: [...agg.partners].sort((a, b) => b.programs - a.programs || a.nameEn.localeCompare(b.nameEn)),
    spending: convertSpending(agg.spending),
    groupings: agg.groupings.map((g) => {
      const group = listGroups().find((x) => x.code === g.group);
      const participants = records.participants + totals.participants;
      return {
        ...g,
        nameEn: group?.nameEn ?? g.group,
        nameId: group?.nameId ?? g.group,
        programShare: share(g.programs, agg.programs),
        participantShare: share(g.participants, participants),
      };
    }),
  };
}

/** A share rounded to four decimals (0.2857 = 28.57%), 0 when the whole is 0. */
export function share(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000;
}

/** The groupings every annual report shows, the Pacific ones first (DOMAIN.md priorities). */
export const REPORT_GROUPINGS: readonly GroupCode[] = ['PIF', 'MSG', 'ASEAN', 'AU', 'OIC', 'LDC', 'SIDS', 'LLDC'];
