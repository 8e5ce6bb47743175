/**
 * Trends over the years (by region, modality and flagship area, with year-over-year change),
 * concentration of the portfolio (HHI), and the triangular network.
 */
import { yearOverYear, yearRange, type Change } from '../domain/analytics/change.js';
import { herfindahl, type Concentration } from '../domain/analytics/concentration.js';
import type { CodeSet } from '../domain/code-set.js';
import { flagshipAreas, modalities } from '../domain/codes.js';
import { countryName } from '../domain/reference/countries.js';
import { REPORT_REGION_NAMES, REPORT_REGIONS } from '../domain/reference/types.js';
import { convertSpending, type MissingRate, type SpendingGroup } from '../domain/report/summary.js';
import type { Deps } from './deps.js';
import { yearRangeOf, type YearRangeRequest } from './priorities.js';
import { reportStages } from './reports.js';

export interface TrendPoint {
  readonly year: number;
  readonly programs: number;
  readonly participants: number;
  /** Recipient countries (region and total series only). */
  readonly countries?: number;
  /** Spent amounts converted at the dated rates, in hundredths (total, modality and area series). */
  readonly usdMinor?: number;
  readonly idrMinor?: number;
  readonly change: {
    readonly programs: Change | null;
    readonly participants: Change | null;
    readonly countries?: Change | null;
    readonly usd?: Change | null;
  };
}

export interface TrendSeries {
  /** The region, modality or area code; null for programs where it is not recorded. */
  readonly code: string | null;
  readonly labelEn: string;
  readonly labelId: string;
  readonly points: readonly TrendPoint[];
}

export interface Trends {
  readonly from: number;
  readonly to: number;
  readonly totals: readonly TrendPoint[];
  readonly byRegion: readonly TrendSeries[];
  readonly byModality: readonly TrendSeries[];
  readonly byFlagshipArea: readonly TrendSeries[];
  /** Spent amounts left out of the USD or IDR totals for want of a rate, over the whole range. */
  readonly missingRates: readonly MissingRate[];
}

interface Raw {
  programs: number;
  participants: number;
  countries?: number;
  spending?: SpendingGroup[];
}

/** Points for `years`, with the change against the year before (from the year before `from` too). */
function series(
  years: readonly number[],
  get: (year: number) => Raw | undefined,
  withCountries: boolean,
  withMoney: boolean,
): TrendPoint[] {
  const at = (year: number) => {
    const r = get(year);
    const money = withMoney ? convertSpending(r?.spending ?? []) : undefined;
    return {
      programs: r?.programs ?? 0,
      participants: r?.participants ?? 0,
      countries: r?.countries ?? 0,
      usdMinor: money?.usdMinor ?? 0,
      idrMinor: money?.idrMinor ?? 0,
    };
  };
  return years.map((year) => {
    const cur = at(year);
    const prev = at(year - 1);
    return {
      year,
      programs: cur.programs,
      participants: cur.participants,
      ...(withCountries ? { countries: cur.countries } : {}),
      ...(withMoney ? { usdMinor: cur.usdMinor, idrMinor: cur.idrMinor } : {}),
      change: {
        programs: yearOverYear(cur.programs, prev.programs),
        participants: yearOverYear(cur.participants, prev.participants),
        ...(withCountries ? { countries: yearOverYear(cur.countries, prev.countries) } : {}),
        ...(withMoney ? { usd: yearOverYear(cur.usdMinor, prev.usdMinor) } : {}),
      },
    };
  });
}

function codeSeries(
  set: CodeSet<string>,
  years: readonly number[],
  raw: Map<string, Raw>,
  present: ReadonlySet<string | null>,
): TrendSeries[] {
  const codes: (string | null)[] = [...set.codes, ...(present.has(null) ? [null] : [])];
  return codes
    .filter((code) => present.has(code))
    .map((code) => ({
      code,
      labelEn: code === null ? 'Not recorded' : set.label(code, 'en'),
      labelId: code === null ? 'Tidak dicatat' : set.label(code, 'id'),
      points: series(years, (y) => raw.get(`${y}|${code ?? ''}`), false, true),
    }));
}

export async function trends(deps: Deps<'analytics'>, range: YearRangeRequest): Promise<Trends> {
  const q = await yearRangeOf(deps, range);
  const stages = reportStages(deps, q);
  const repo = deps.store.repos.analytics;
  // The year before the range gives the first year its change.
  const from = q.from - 1;
  const [totals, regions, modalityRows, areaRows, spendTotal, spendModality, spendArea] = await Promise.all([
    repo.yearTotals(from, q.to, stages),
    repo.regionFigures(from, q.to, stages),
    repo.dimFigures('modality', from, q.to, stages),
    repo.dimFigures('area', from, q.to, stages),
    repo.spendingByYear(from, q.to, stages, 'total'),
    repo.spendingByYear(from, q.to, stages, 'modality'),
    repo.spendingByYear(from, q.to, stages, 'flagship'),
  ]);
  const years = yearRange(q.from, q.to);
  const addSpending = (map: Map<string, Raw>, rows: typeof spendTotal) => {
    for (const s of rows) {
      const key = `${s.year}|${s.key ?? ''}`;
      const r = map.get(key) ?? { programs: 0, participants: 0 };
      r.spending = [...(r.spending ?? []), s.group];
      map.set(key, r);
    }
  };
  const total = new Map<string, Raw>(totals.map((t) => [`${t.year}|`, { ...t }]));
  addSpending(total, spendTotal);
  const region = new Map<string, Raw>(regions.map((r) => [`${r.year}|${r.region ?? ''}`, { ...r }]));
  const byCode = (rows: typeof modalityRows) =>
    new Map<string, Raw>(rows.map((r) => [`${r.year}|${r.code ?? ''}`, { programs: r.programs, participants: r.participants }]));
  const present = (rows: typeof modalityRows) => new Set(rows.filter((r) => r.year >= q.from).map((r) => r.code));
  const byModality = byCode(modalityRows);
  const byArea = byCode(areaRows);
  addSpending(byModality, spendModality);
  addSpending(byArea, spendArea);
  const modalitiesPresent = present(modalityRows);
  const areasPresent = present(areaRows);
  const inRange = spendTotal.filter((s) => s.year >= q.from).map((s) => s.group);
  return {
    from: q.from,
    to: q.to,
    totals: series(years, (y) => total.get(`${y}|`), true, true),
    byRegion: REPORT_REGIONS.map((r) => ({
      code: r,
      labelEn: REPORT_REGION_NAMES.en[r],
      labelId: REPORT_REGION_NAMES.id[r],
      points: series(years, (y) => region.get(`${y}|${r}`), true, false),
    })),
    byModality: codeSeries(modalities, years, byModality, modalitiesPresent),
    byFlagshipArea: codeSeries(flagshipAreas, years, byArea, areasPresent),
    missingRates: convertSpending(inRange).missingRates,
  };
}

export interface YearConcentration {
  readonly year: number;
  readonly programsByCountry: Concentration;
  readonly participantsByCountry: Concentration;
  readonly programsByRegion: Concentration;
  readonly participantsByRegion: Concentration;
  readonly programsByFlagshipArea: Concentration;
  readonly participantsByFlagshipArea: Concentration;
}

/**
 * The HHI of programs and of participants across recipient countries, regions and flagship
 * areas, per year. A program with two recipient countries counts once for each (the shares
 * are of program-country pairs); programs without a recorded area are left out of the area index.
 */
export async function concentration(deps: Deps<'analytics'>, range: YearRangeRequest): Promise<YearConcentration[]> {
  const q = await yearRangeOf(deps, range);
  const stages = reportStages(deps, q);
  const repo = deps.store.repos.analytics;
  const [countries, regions, areaRows] = await Promise.all([
    repo.countryFigures(q.from, q.to, stages),
    repo.regionFigures(q.from, q.to, stages),
    repo.dimFigures('area', q.from, q.to, stages),
  ]);
  return yearRange(q.from, q.to).map((year) => {
    const c = countries.filter((r) => r.year === year);
    const r = regions.flatMap((x) => (x.year === year && x.region ? [{ ...x, region: x.region }] : []));
    const areas = new Map(areaRows.flatMap((x) => (x.year === year && x.code !== null ? [[x.code, x] as const] : [])));
    return {
      year,
      programsByCountry: herfindahl(c.map((x) => [x.country, x.programs])),
      participantsByCountry: herfindahl(c.map((x) => [x.country, x.participants])),
      programsByRegion: herfindahl(r.map((x) => [x.region, x.programs])),
      participantsByRegion: herfindahl(r.map((x) => [x.region, x.participants])),
      programsByFlagshipArea: herfindahl([...areas].map(([k, v]) => [k, v.programs])),
      participantsByFlagshipArea: herfindahl([...areas].map(([k, v]) => [k, v.participants])),
    };
  });
}

export interface NetworkNode {
  /** "provider:KEMLU", "partner:JICA", "country:TL". */
  readonly id: string;
  readonly kind: 'provider' | 'partner' | 'recipient';
  readonly code: string | null;
  readonly labelEn: string;
  readonly labelId: string;
  readonly programs: number;
}

export interface TriangularNetwork {
  readonly from: number;
  readonly to: number;
  readonly nodes: readonly NetworkNode[];
  readonly links: readonly { readonly source: string; readonly target: string; readonly programs: number }[];
}

/**
 * Provider (the implementing agency) → partner (second provider or facilitator) → recipient
 * country, weighted by triangular programs. A program with two recipients links its partner
 * to both.
 */
export async function triangularNetwork(deps: Deps<'analytics' | 'organisations'>, range: YearRangeRequest): Promise<TriangularNetwork> {
  const q = await yearRangeOf(deps, range);
  const stages = reportStages(deps, q);
  const links = await deps.store.repos.analytics.triangularNetwork(q.from, q.to, stages);
  const orgs = new Map((await deps.store.repos.organisations.list({})).map((o) => [o.code, o]));
  const nodes = new Map<string, NetworkNode>();
  const node = (kind: NetworkNode['kind'], code: string | null): string => {
    const id = `${kind}:${code ?? '-'}`;
    if (!nodes.has(id)) {
      const org = code && kind !== 'recipient' ? orgs.get(code) : undefined;
      const labelEn = kind === 'recipient' && code ? countryName(code, 'en') : org ? (org.acronym ?? org.nameEn) : (code ?? 'Not recorded');
      const labelId =
        kind === 'recipient' && code
          ? countryName(code, 'id')
          : org
            ? (org.acronym ?? org.nameId ?? org.nameEn)
            : (code ?? 'Tidak dicatat');
      nodes.set(id, { id, kind, code, labelEn, labelId, programs: 0 });
    }
    return id;
  };
  const out: { source: string; target: string; programs: number }[] = [];
  for (const l of links.providerPartner)
    out.push({ source: node('provider', l.provider), target: node('partner', l.partner), programs: l.programs });
  for (const l of links.partnerCountry)
    out.push({ source: node('partner', l.partner), target: node('recipient', l.country), programs: l.programs });
  // A node's size is the sum of its links (sankey-style): exact per partner (a program has one
  // implementing agency); a provider's or recipient's programs with two partners count twice.
  const sum = (ids: (l: (typeof out)[number]) => string) => {
    const m = new Map<string, number>();
    for (const l of out) m.set(ids(l), (m.get(ids(l)) ?? 0) + l.programs);
    return m;
  };
  const outgoing = sum((l) => l.source);
  const incoming = sum((l) => l.target);
  const result = [...nodes.values()].map((n) => ({
    ...n,
    programs: n.kind === 'provider' ? (outgoing.get(n.id) ?? 0) : (incoming.get(n.id) ?? 0),
  }));
  const order = { provider: 0, partner: 1, recipient: 2 };
  result.sort((a, b) => order[a.kind] - order[b.kind] || b.programs - a.programs || a.labelEn.localeCompare(b.labelEn));
  return { from: q.from, to: q.to, nodes: result, links: out };
}
