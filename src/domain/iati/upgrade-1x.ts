/**
 * Reading IATI 1.0x activity files (1.01–1.05) with the rules IATI published for the upgrade to
 * 2.01: the word codes of 1.0x become the 2.01 numbers, on the activity as read, before it is
 * mapped. (The other half of the rules, text written directly in an element where 2.0x has
 * `narrative` children, is the reader's: src/io/iati-read.ts.)
 *
 * Sources (IATI Standard, CC BY 4.0):
 * - "Migrating from versions 1.x to version 2.01" and the "2.01 Changelog", Codelist Changes:
 *   https://iatistandard.org/en/iati-standard/upgrades/integer-upgrade-to-2-01/ ,
 *   IATI/IATI-Upgrades en/upgrade-changelogs/integer-upgrade-to-2-01/{migrating,2-01-changes}.rst
 * - the codelists themselves, IATI/IATI-Codelists: branch version-1.05 xml/{ActivityDateType,
 *   OrganisationRole,TransactionType,Vocabulary}.xml (the 1.0x codes) and xml/SectorVocabulary.xml
 *   as released for 2.01 (commit 3cdac4e, 2014-09-03).
 *
 * Sector vocabularies follow the codelists, not the changelog's table: that table pairs the 1.0x
 * codes in alphabetical order with 1, 2, 3… (ADT 1, COFOG 2, DAC 3), which contradicts the 2.01
 * SectorVocabulary codelist it announces (1 is DAC 5-digit, 2 DAC 3-digit, 3 COFOG, 4 NACE,
 * 5 NTEE, 6 AidData, 99 and 98 the reporting organisation's). The 1.0x ISO and WB vocabularies
 * have no 2.01 code and stay as written. The changelog's "Q3" for sale of equity is a misprint of
 * the 1.0x code QS. Region vocabularies (1, 2), budget types (1, 2), activity statuses,
 * organisation types, description types and aid types were numeric codes in 1.0x already.
 *
 * Codes are matched without regard to case ("funding" as "Funding"); a code with no 2.01
 * equivalent is kept as written, and the mapper reports it as unknown.
 */
import type { RawIatiActivity } from './raw-activity.js';

/** ActivityDateType, 1.0x → 2.01. */
export const ACTIVITY_DATE_TYPES_1X: Readonly<Record<string, string>> = {
  'start-planned': '1',
  'start-actual': '2',
  'end-planned': '3',
  'end-actual': '4',
};

/** OrganisationRole, 1.0x → 2.01. */
export const ORGANISATION_ROLES_1X: Readonly<Record<string, string>> = {
  Funding: '1',
  Accountable: '2',
  Extending: '3',
  Implementing: '4',
};

/** TransactionType, 1.0x → 2.01. */
export const TRANSACTION_TYPES_1X: Readonly<Record<string, string>> = {
  IF: '1',
  C: '2',
  D: '3',
  E: '4',
  IR: '5',
  LR: '6',
  R: '7',
  QP: '8',
  QS: '9',
  CG: '10',
};

/** Vocabulary (1.0x, of sectors) → SectorVocabulary (2.01), by what each vocabulary is. */
export const SECTOR_VOCABULARIES_1X: Readonly<Record<string, string>> = {
  DAC: '1',
  'DAC-3': '2',
  COFOG: '3',
  NACE: '4',
  NTEE: '5',
  ADT: '6',
  RO: '99',
  RO2: '98',
};

type CodeTable = ReadonlyMap<string, string>;

const byLowerCase = (table: Readonly<Record<string, string>>): CodeTable =>
  new Map(Object.entries(table).map(([from, to]) => [from.toLowerCase(), to]));

const DATE_TYPES = byLowerCase(ACTIVITY_DATE_TYPES_1X);
const ROLES = byLowerCase(ORGANISATION_ROLES_1X);
const TRANSACTION_TYPES = byLowerCase(TRANSACTION_TYPES_1X);
const SECTOR_VOCABULARIES = byLowerCase(SECTOR_VOCABULARIES_1X);

/** A 1.0x code as its 2.01 code; a code the table does not list (a number already, or unknown) as written. */
function upgraded(table: CodeTable, code: string | null): string | null {
  if (code === null) return null;
  return table.get(code.trim().toLowerCase()) ?? code;
}

export const upgradeActivityDateType = (code: string | null): string | null => upgraded(DATE_TYPES, code);
export const upgradeOrganisationRole = (code: string | null): string | null => upgraded(ROLES, code);
export const upgradeTransactionType = (code: string | null): string | null => upgraded(TRANSACTION_TYPES, code);
export const upgradeSectorVocabulary = (code: string | null): string | null => upgraded(SECTOR_VOCABULARIES, code);

/** A 1.0x activity as read, with its codes in their 2.01 form (a new record; the argument is unchanged). */
export function upgradeActivity1x(raw: RawIatiActivity): RawIatiActivity {
  return {
    ...raw,
    participatingOrgs: raw.participatingOrgs.map((o) => ({ ...o, role: upgradeOrganisationRole(o.role) })),
    dates: raw.dates.map((d) => ({ ...d, type: upgradeActivityDateType(d.type) })),
    sectors: raw.sectors.map((s) => ({ ...s, vocabulary: upgradeSectorVocabulary(s.vocabulary) })),
    transactions: raw.transactions.map((t) => ({
      ...t,
      type: upgradeTransactionType(t.type),
      sectors: t.sectors.map((s) => ({ ...s, vocabulary: upgradeSectorVocabulary(s.vocabulary) })),
    })),
  };
}
