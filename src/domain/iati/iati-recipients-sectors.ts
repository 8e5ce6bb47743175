/**
 * An IATI activity's recipient-country, sector and tag elements → the program's recipients,
 * sectors and SDGs. Codes Mitra does not recognise are reported and stay in the program's IATI
 * details as written, with the shares they break. Given only per transaction (iati-money.ts
 * weighs them), recipients and sectors take shares of the transaction values.
 */
import { parseSdgTag, type SdgTag } from '../reference/sdgs.js';
import { isCountryCode } from '../reference/countries.js';
import { sectorCodeProblem } from '../schema-helpers.js';
import type { Recipient, Sector } from '../program/program.js';
import type { RawIatiActivity } from './raw-activity.js';
import { iatiPercentage, sharesByWeight, type IatiFindings } from './iati-values.js';

export function sectorKnown(vocabulary: string, code: string): boolean {
  return code !== '' && sectorCodeProblem(vocabulary, code) === null;
}

/** The activity-level recipient countries; `keepCountries` when the list as written must stay in the details. */
export function activityRecipients(raw: RawIatiActivity, findings: IatiFindings): { recipients: Recipient[]; keepCountries: boolean } {
  const { issue, unknown } = findings;
  let recipients: Recipient[] = [];
  let keepCountries = false;
  if (raw.recipientCountries.length) {
    const known: { country: string; percentage: number | null }[] = [];
    let badPercentage = false;
    for (const r of raw.recipientCountries) {
      const code = r.code?.trim().toUpperCase() ?? '';
      const percentage = iatiPercentage(r.percentage);
      if (percentage === undefined) {
        issue('recipient-country', 'invalid_percentage', 'has a percentage that is not a number from 0 to 100', r.percentage);
        badPercentage = true;
      }
      if (!isCountryCode(code)) {
        unknown.push({ what: 'recipient-country', code: r.code ?? '' });
        keepCountries = true;
      } else if (!known.some((k) => k.country === code)) known.push({ country: code, percentage: percentage ?? null });
    }
    // Shares that also cover regions or unrecognised codes do not sum to 100 over the countries
    // Mitra keeps: the program keeps the countries, the shares stay in the details as written.
    if (keepCountries || raw.recipientRegions.length || badPercentage) {
      keepCountries = true;
      recipients = known.map((k) => ({ country: k.country, percentage: null }));
    } else recipients = known;
  }
  return { recipients, keepCountries };
}

/** The recipients of an activity that names its countries only per transaction, weighted by the transaction values. */
export function recipientsByWeight(countryWeights: ReadonlyMap<string, number>): Recipient[] {
  return [...sharesByWeight(countryWeights)].map(([country, percentage]) => ({ country, percentage }));
}

export interface IatiSectors {
  readonly sectors: Sector[];
  /** The sectors kept as written in the details: unrecognised codes, and the other codes of their vocabularies. */
  readonly unknownSectors: { vocabulary: string | null; code: string | null; percentage: string | null }[];
  readonly sectorsFromTransactions: boolean;
}

/**
 * Sectors: known vocabularies with known codes are the program's; the rest is kept as written.
 * Without activity-level sectors, those of the transactions (weighted by value, per vocabulary).
 */
export function iatiSectors(
  raw: RawIatiActivity,
  sectorWeights: ReadonlyMap<string, ReadonlyMap<string, number>>,
  findings: IatiFindings,
): IatiSectors {
  const { issue, unknown } = findings;
  let sectors: Sector[] = [];
  const unknownSectors: { vocabulary: string | null; code: string | null; percentage: string | null }[] = [];
  let sectorsFromTransactions = false;
  if (raw.sectors.length) {
    const partial = new Set<string>();
    for (const s of raw.sectors) {
      const vocabulary = s.vocabulary?.trim() || '1';
      const code = s.code?.trim() ?? '';
      const percentage = iatiPercentage(s.percentage);
      if (percentage === undefined)
        issue('sector', 'invalid_percentage', 'has a percentage that is not a number from 0 to 100', s.percentage);
      if (!sectorKnown(vocabulary, code)) {
        unknown.push({ what: `sector (vocabulary ${vocabulary})`, code });
        unknownSectors.push(s);
        partial.add(vocabulary);
      } else if (!sectors.some((x) => x.vocabulary === vocabulary && x.code === code)) {
        sectors.push({ vocabulary, code, percentage: percentage ?? null });
      }
    }
    // A vocabulary with a set-aside code no longer sums to 100: its shares stay in the details.
    if (partial.size) {
      for (const s of sectors)
        if (partial.has(s.vocabulary))
          unknownSectors.push({ vocabulary: s.vocabulary, code: s.code, percentage: s.percentage === null ? null : String(s.percentage) });
      sectors = sectors.map((s) => (partial.has(s.vocabulary) ? { ...s, percentage: null } : s));
    }
  } else if (sectorWeights.size) {
    sectorsFromTransactions = true;
    for (const [vocabulary, byCode] of sectorWeights) {
      for (const [code, percentage] of sharesByWeight(byCode)) sectors.push({ vocabulary, code, percentage });
    }
  }
  return { sectors, unknownSectors, sectorsFromTransactions };
}

/** Tags: SDG goals (vocabulary 2) and targets (3) are the program's; other tags are kept as written. */
export function iatiTags(raw: RawIatiActivity): { sdgs: SdgTag[]; otherTags: { vocabulary: string | null; code: string | null }[] } {
  const sdgs: SdgTag[] = [];
  const otherTags: { vocabulary: string | null; code: string | null }[] = [];
  for (const t of raw.tags) {
    const vocabulary = t.vocabulary?.trim() ?? '';
    const tag = (vocabulary === '2' || vocabulary === '3') && t.code ? parseSdgTag(t.code.trim()) : undefined;
    if (tag && (vocabulary === '2') === (tag.target === null)) {
      if (!sdgs.some((s) => s.goal === tag.goal && s.target === tag.target)) sdgs.push(tag);
    } else otherTags.push(t);
  }
  return { sdgs, otherTags };
}
