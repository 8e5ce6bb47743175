import { editDistance, normalizeName } from '../text.js';
import { COUNTRY_RECORDS } from './data/countries.js';
import type { CountryRecord, ReportRegion } from './types.js';

export type Lang = 'en' | 'id';

const byIso2 = new Map(COUNTRY_RECORDS.map((c) => [c.iso2, c]));

export function listCountries(): readonly CountryRecord[] {
  return COUNTRY_RECORDS;
}

/** The countries of a region (every region without one) whose codes, names or aliases contain the text, compared normalised. */
export function searchCountries(filter: { readonly region?: ReportRegion; readonly q?: string }): CountryRecord[] {
  const needle = filter.q ? normalizeName(filter.q) : '';
  return COUNTRY_RECORDS.filter(
    (c) =>
      (!filter.region || c.region === filter.region) &&
      (!needle || [c.iso2, c.iso3, c.nameEn, c.nameId, ...c.aliases].some((n) => normalizeName(n).includes(needle))),
  );
}

export function getCountry(iso2: string): CountryRecord | undefined {
  return byIso2.get(iso2.toUpperCase());
}

export function isCountryCode(iso2: string): boolean {
  return byIso2.has(iso2);
}

export function countryName(iso2: string, lang: Lang): string {
  const country = byIso2.get(iso2);
  if (!country) return iso2;
  return lang === 'id' ? country.nameId : country.nameEn;
}

export function countriesInRegion(region: ReportRegion): string[] {
  return COUNTRY_RECORDS.filter((c) => c.region === region).map((c) => c.iso2);
}

export function regionOf(iso2: string): ReportRegion | null {
  return byIso2.get(iso2)?.region ?? null;
}

export type CountryResolution =
  | { readonly ok: true; readonly country: CountryRecord }
  | {
      readonly ok: false;
      readonly reason: 'empty' | 'unknown' | 'ambiguous';
      readonly suggestions: readonly CountryRecord[];
    };

interface NameIndex {
  /** ISO alpha-2, alpha-3 and numeric codes, upper case. */
  readonly codes: Map<string, CountryRecord>;
  /** Normalised names to the countries that carry them. */
  readonly names: Map<string, CountryRecord[]>;
}

let index: NameIndex | undefined;

function buildIndex(): NameIndex {
  const codes = new Map<string, CountryRecord>();
  const names = new Map<string, CountryRecord[]>();
  for (const c of COUNTRY_RECORDS) {
    codes.set(c.iso2, c);
    codes.set(c.iso3, c);
    codes.set(c.numeric, c);
    for (const name of [c.nameEn, c.nameId, ...c.aliases]) {
      const key = normalizeName(name);
      const list = names.get(key) ?? [];
      if (!list.includes(c)) list.push(c);
      names.set(key, list);
    }
  }
  return { codes, names };
}

const cache = new Map<string, CountryResolution>();

/**
 * Resolves what a person or a spreadsheet calls a country: ISO alpha-2, alpha-3 or numeric
 * code, the English or Indonesian name, the UN name, or a common variant ("Timor Leste",
 * "East Timor", "Papua Nugini", "Viet Nam", "State of Palestine"). Case, accents, punctuation
 * and spacing are ignored. An unknown name comes back with the closest matches.
 */
export function resolveCountry(input: string): CountryResolution {
  const cached = cache.get(input);
  if (cached) return cached;
  const result = resolveUncached(input);
  if (cache.size < 10_000) cache.set(input, result);
  return result;
}

function resolveUncached(input: string): CountryResolution {
  const idx = (index ??= buildIndex());
  const trimmed = input.trim();
  if (trimmed === '') return { ok: false, reason: 'empty', suggestions: [] };
  const code = idx.codes.get(trimmed.toUpperCase());
  if (code && /^([A-Za-z]{2,3}|\d{3})$/.test(trimmed)) return { ok: true, country: code };
  const key = normalizeName(trimmed);
  const matches = idx.names.get(key);
  const [only] = matches ?? [];
  if (only && matches?.length === 1) return { ok: true, country: only };
  if (matches && matches.length > 1) return { ok: false, reason: 'ambiguous', suggestions: matches };
  return { ok: false, reason: 'unknown', suggestions: closestCountries(key, idx) };
}

function closestCountries(key: string, idx: NameIndex, limit = 3): CountryRecord[] {
  const best = new Map<CountryRecord, number>();
  for (const [name, countries] of idx.names) {
    // A name that starts with the input ("papua" → Papua New Guinea) ranks just after an exact match.
    const score = name.startsWith(key) || key.startsWith(name) ? 0.5 : editDistance(key, name);
    for (const c of countries) {
      const prev = best.get(c);
      if (prev === undefined || score < prev) best.set(c, score);
    }
  }
  return [...best.entries()]
    .sort((a, b) => a[1] - b[1] || a[0].nameEn.localeCompare(b[0].nameEn))
    .slice(0, limit)
    .map(([c]) => c);
}

/** A readable reason for a failed resolution, naming the suggestions. */
export function describeCountryFailure(input: string, failure: Extract<CountryResolution, { ok: false }>): string {
  if (failure.reason === 'empty') return 'a country is required';
  const names = failure.suggestions.map((c) => `${c.nameEn} (${c.iso2})`).join(', ');
  if (failure.reason === 'ambiguous') return `"${input}" could mean ${names}: use the ISO code`;
  return names ? `unknown country "${input}"; did you mean ${names}?` : `unknown country "${input}"`;
}
